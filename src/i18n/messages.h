// The report's own words in the workshop's language: GNU gettext message catalogues, read by the
// library itself.
//
// Why not gettext(3)? It needs setlocale() and textdomain(), process-wide state that a library
// must not touch, and its output would then depend on the locales installed on the machine. A
// Messages object is a plain value: one per language, passed to whatever writes words, so two
// reports in two languages can be written by one process at the same time, and the same corpus
// always gives the same bytes.
//
// Catalogues: po/<language>.po (template po/parallax.pot, extracted from the sources by
// xgettext), compiled with msgfmt by the build and compiled into the library (see
// po/catalogues.cmake). English is the msgids themselves; an empty msgstr falls back to them, so a
// catalogue in progress shows English where a translation is missing.
//
//   call                               in the sources       in the catalogue
//   m.Tr("Naming choices")             a plain message      msgid
//   m.TrN("{n} article", "{n} articles", n)
//                                      a count              msgid + msgid_plural, msgstr[0..k]
//   m.TrC("csv header", "outlet")      same words, another  msgctxt + msgid
//                                      role
//   N_("Naming")                       marks a string kept  msgid (translated later with Tr)
//                                      in a table
//
// Placeholders are named, in braces, so a translation can reorder them:
// Fill(m.Tr("{count} articles from {outlets} outlets"), {{"count", "5"}, {"outlets", "3"}}).
#ifndef PARALLAX_I18N_MESSAGES_H_
#define PARALLAX_I18N_MESSAGES_H_

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/date.h"

namespace parallax {

// Marks a string literal for extraction without translating it (gettext_noop).
constexpr const char* N_(const char* msgid) { return msgid; }
// The same for a message with a context, translated later with TrC(context, msgid).
constexpr const char* NC_(const char* /*context*/, const char* msgid) { return msgid; }

// Replaces each "{name}" of `pattern` by its value; unknown names stay as written.
std::string Fill(std::string_view pattern,
                 std::initializer_list<std::pair<std::string_view, std::string_view>> values);

class Messages {
 public:
  // English: every message is its msgid; plural form 0 for n == 1, else 1.
  Messages();

  // Reads a compiled catalogue (.mo, either byte order). Returns nullopt with `*error` set when
  // the data is not a catalogue or its Plural-Forms expression cannot be read.
  static std::optional<Messages> FromMo(std::string_view mo, std::string* error);

  // The catalogue shipped for `language` ("ru", "en", "ru-RU", "ru_RU.UTF-8" all give "ru").
  // nullopt when there is none (AvailableLanguages() lists them).
  static std::optional<Messages> ForLanguage(std::string_view language);
  // The shipped languages, sorted: "az", "en", "hy", "ka", "ru".
  static std::vector<std::string> AvailableLanguages();
  // The language part of a language tag or locale name, lower case: "ru_RU.UTF-8" -> "ru",
  // "pt-BR" -> "pt", "C" / "POSIX" / "" -> "".
  static std::string LanguageOf(std::string_view tag);

  const std::string& language() const { return language_; }
  const std::string& plural_forms() const { return plural_forms_; }  // the header's expression

  std::string Tr(std::string_view msgid) const;
  std::string TrC(std::string_view context, std::string_view msgid) const;
  std::string TrN(std::string_view singular, std::string_view plural, unsigned long n) const;

  // A date as the language writes it: "2023-04-24" in English (the msgid), "24 апреля 2023 г."
  // in Russian; month-only dates "2023-04" / "апрель 2023 г.".
  std::string FormatDate(const Date& date) const;
  // An integer with the language's thousands separator from 10,000 up ("12 345"; four digits stay
  // together, as style guides of both languages ask).
  std::string FormatInt(long long n) const;
  // A number with `decimals` digits after the language's decimal separator ("3.5", "3,5").
  std::string FormatDecimal(double x, int decimals) const;

  // Which form of a plural message `n` takes (index into msgstr[]).
  unsigned long PluralIndex(unsigned long n) const;

 private:
  std::string language_ = "en";
  std::string plural_forms_ = "n != 1";
  unsigned long nplurals_ = 2;
  // msgid (or "context\x04msgid") -> msgstr; plural msgstrs joined by '\0'.
  std::unordered_map<std::string, std::string> strings_;
};

// Where a report's language comes from, the first that is set: the --language flag, then the
// PARALLAX_LANGUAGE variable, then the locale (LC_ALL, LC_MESSAGES, LANG, as gettext reads them).
// The caller reads the environment; this stays a pure function.
struct LanguageSources {
  std::string flag;
  std::string parallax_language;
  std::string lc_all;
  std::string lc_messages;
  std::string lang;
};

// The catalogue the sources choose. A language named by the flag or PARALLAX_LANGUAGE must be
// shipped: otherwise nullopt, with `*error` naming it, where it came from and the available
// languages. A locale whose language has no catalogue ("de_DE.UTF-8", "C") gives English.
std::optional<Messages> ChooseMessages(const LanguageSources& sources, std::string* error);

namespace internal {
// Evaluates a gettext Plural-Forms expression ("n%10==1 && n%100!=11 ? 0 : ...") for `n`.
// nullopt when the expression is malformed.
std::optional<unsigned long> EvaluatePlural(std::string_view expression, unsigned long n);

// A catalogue compiled into the library (po/embed.cmake generates the table).
struct EmbeddedCatalogue {
  const char* language;
  const unsigned char* data;
  std::size_t size;
};
const std::vector<EmbeddedCatalogue>& EmbeddedCatalogues();
}  // namespace internal

}  // namespace parallax

#endif  // PARALLAX_I18N_MESSAGES_H_
