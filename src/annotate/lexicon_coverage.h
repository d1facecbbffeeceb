// Lexicon coverage: which languages a lexicon's concepts have names in. A story pack is complete
// for the region's press when every concept has its variants in each language that press
// writes in (Stepanakert / Khankendi in Russian, Azerbaijani and Armenian too); this unit lists
// what an editor still has to find. `parallax lexicon check --languages ru,az,hy` prints it.
#ifndef PARALLAX_ANNOTATE_LEXICON_COVERAGE_H_
#define PARALLAX_ANNOTATE_LEXICON_COVERAGE_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "annotate/lexicon.h"
#include "core/diagnostic.h"

namespace parallax {

// One concept that lacks variants in some of the languages asked.
struct ConceptLanguageGap {
  std::size_t concept_index = 0;     // into Lexicon::concepts
  std::vector<std::string> missing;  // the languages asked with no variant, in the order asked
};

struct LanguageCoverage {
  std::vector<std::string> languages;  // the languages asked, lower case, each once
  std::size_t concepts = 0;            // concepts looked at (candidates are left out)
  std::size_t candidates = 0;          // status="candidate" concepts, not looked at
  std::vector<ConceptLanguageGap> gaps;
  // One warning per concept of `gaps`, at the concept's file:line, with a hint.
  Diagnostics Warnings(const Lexicon& lexicon) const;
  // The line `lexicon check --languages` prints after the warnings, e.g.
  //   "languages ru, az: 3 of 5 concepts have variants in each; the other 2 are listed above;
  //    6 candidate concepts are not counted (review them first)"
  //   "languages sr, sq: no reviewed concept to count yet: the 6 concepts are candidates
  //    (status="candidate"); review them first, then check again"
  std::string Summary() const;
};

// Parses a list of language codes as `--languages` takes it: comma separated ("ru,az,hy"),
// white space around codes ignored, case folded, duplicates dropped. A code must be 2 or 3
// ASCII letters (BCP 47 primary language, as lexicons write `lang`); anything else is an error
// naming the bad code, returned in `error` with an empty result.
std::vector<std::string> ParseLanguageList(std::string_view list, std::string* error);

// For each reviewed concept of `lexicon` (status="candidate" ones are drafts and left out),
// which of `languages` none of its reviewed naming variants is written in. A variant's language is
// its `lang`, or its file's.
LanguageCoverage ConceptLanguages(const Lexicon& lexicon,
                                  const std::vector<std::string>& languages);

}  // namespace parallax

#endif  // PARALLAX_ANNOTATE_LEXICON_COVERAGE_H_
