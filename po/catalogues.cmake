# The report's message catalogues (see src/i18n/messages.h and the translator guide in README.md).
# Included from the top-level CMakeLists.txt, so the generated source joins parallax_core.
#
#   po/parallax.pot   the template: every message of the sources (target `pot` regenerates it
#                     with xgettext and merges it into every po/<language>.po with msgmerge)
#   po/<lang>.po      one catalogue per language; the build compiles each with `msgfmt --check`
#                     and embeds the .mo files in the library, so no catalogue is looked up at
#                     run time and no locale needs to be installed.
find_program(PARALLAX_MSGFMT msgfmt REQUIRED)
find_program(PARALLAX_XGETTEXT xgettext)
find_program(PARALLAX_MSGMERGE msgmerge)

set(PARALLAX_LANGUAGES az en hy ka ru)
set(PARALLAX_MO_FILES)
foreach(lang IN LISTS PARALLAX_LANGUAGES)
  set(mo ${PROJECT_BINARY_DIR}/po/${lang}.mo)
  add_custom_command(
    OUTPUT ${mo}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${PROJECT_BINARY_DIR}/po
    COMMAND ${PARALLAX_MSGFMT} --check -o ${mo} ${PROJECT_SOURCE_DIR}/po/${lang}.po
    DEPENDS ${PROJECT_SOURCE_DIR}/po/${lang}.po
    COMMENT "Compiling the ${lang} message catalogue"
    VERBATIM)
  list(APPEND PARALLAX_MO_FILES ${mo})
endforeach()
set(PARALLAX_CATALOGUES_CC ${PROJECT_BINARY_DIR}/po/catalogues.cc)
add_custom_command(
  OUTPUT ${PARALLAX_CATALOGUES_CC}
  COMMAND ${CMAKE_COMMAND} "-DLANGUAGES=${PARALLAX_LANGUAGES}" -DMO_DIR=${PROJECT_BINARY_DIR}/po
          -DOUTPUT=${PARALLAX_CATALOGUES_CC} -P ${PROJECT_SOURCE_DIR}/po/embed.cmake
  DEPENDS ${PARALLAX_MO_FILES} ${PROJECT_SOURCE_DIR}/po/embed.cmake
  COMMENT "Embedding the message catalogues"
  VERBATIM)
target_sources(parallax_core PRIVATE ${PARALLAX_CATALOGUES_CC})

# Regenerates po/parallax.pot from the sources and merges it into every catalogue.
if(PARALLAX_XGETTEXT AND PARALLAX_MSGMERGE)
  add_custom_target(pot
    COMMAND ${PROJECT_SOURCE_DIR}/po/update
    WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
    COMMENT "Extracting messages into po/parallax.pot and merging them into po/*.po"
    VERBATIM)
endif()
