#include "annotate/lexicon_coverage.h"

#include <algorithm>

namespace parallax {
namespace {

bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::string JoinComma(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) {
    if (!out.empty()) out += ", ";
    out += item;
  }
  return out;
}

}  // namespace

std::vector<std::string> ParseLanguageList(std::string_view list, std::string* error) {
  std::vector<std::string> out;
  for (std::size_t begin = 0; begin <= list.size();) {
    const std::size_t comma = std::min(list.find(',', begin), list.size());
    const std::string_view code = Trim(list.substr(begin, comma - begin));
    begin = comma + 1;
    if (code.empty()) continue;
    const bool letters = std::all_of(code.begin(), code.end(), IsAsciiLetter);
    if (!letters || code.size() < 2 || code.size() > 3) {
      if (error != nullptr) {
        *error = "'" + std::string(code) +
                 "' is not a language code: give two- or three-letter codes as lexicons write "
                 "lang, e.g. ru,az,hy";
      }
      return {};
    }
    std::string lower = PrimaryLanguage(code);
    if (std::find(out.begin(), out.end(), lower) == out.end()) out.push_back(std::move(lower));
  }
  if (out.empty() && error != nullptr) *error = "no language code given, e.g. ru,az,hy";
  return out;
}

LanguageCoverage ConceptLanguages(const Lexicon& lexicon,
                                  const std::vector<std::string>& languages) {
  LanguageCoverage coverage;
  coverage.languages = languages;
  for (std::size_t c = 0; c < lexicon.concepts.size(); ++c) {
    const Concept& concept_ = lexicon.concepts[c];
    if (concept_.candidate) {
      ++coverage.candidates;
      continue;
    }
    ++coverage.concepts;
    ConceptLanguageGap gap;
    gap.concept_index = c;
    for (const std::string& language : languages) {
      const bool has =
          std::any_of(concept_.variants.begin(), concept_.variants.end(), [&](std::size_t index) {
            const LexiconEntry& e = lexicon.entries[index];
            return !e.candidate && SameLanguage(e.language, language);
          });
      if (!has) gap.missing.push_back(language);
    }
    if (!gap.missing.empty()) coverage.gaps.push_back(std::move(gap));
  }
  return coverage;
}

Diagnostics LanguageCoverage::Warnings(const Lexicon& lexicon) const {
  Diagnostics out;
  for (const ConceptLanguageGap& gap : gaps) {
    const Concept& concept_ = lexicon.concepts[gap.concept_index];
    out.push_back(MakeWarning(concept_.file, concept_.line, 0,
                              "concept '" + concept_.id + "' (" + concept_.label +
                                  ") has no variant in " + JoinComma(gap.missing),
                              "add <variant form=\"...\" lang=\"" + gap.missing.front() +
                                  "\"> for each name that press uses, with its note and source"));
  }
  return out;
}

std::string LanguageCoverage::Summary() const {
  std::string out = "languages " + JoinComma(languages) + ": ";
  const std::string candidate_concepts =
      std::to_string(candidates) + (candidates == 1 ? " candidate concept" : " candidate concepts");
  if (concepts == 0) {
    if (candidates == 0) return out + "the lexicons have no concepts to count";
    return out + "no reviewed concept to count yet: the " +
           (candidates == 1 ? "one concept is a candidate"
                            : std::to_string(candidates) + " concepts are candidates") +
           " (status=\"candidate\"); review them first, then check again";
  }
  out += std::to_string(concepts - gaps.size()) + " of " + std::to_string(concepts) +
         " concepts have variants in each";
  if (!gaps.empty()) out += "; the other " + std::to_string(gaps.size()) + " are listed above";
  if (candidates > 0) {
    out += "; " + candidate_concepts + (candidates == 1 ? " is" : " are") +
           " not counted (review them first)";
  }
  return out;
}

}  // namespace parallax
