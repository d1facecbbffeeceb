// Content terms: what alignment compares documents and sentences by.
//
// A term is one of
//   word     a Snowball stem of a content word ("blocked" -> "block"); stop words are dropped
//            and a small table of general news synonyms folds near-synonyms onto one stem
//            ("transfer", "transportation", "supply" -> one term; "munitions" and "weapons" ->
//            one term), so outlets that paraphrase the same fact still share terms;
//   number   a number as written ("12,000", "50");
//   concept  a lexicon concept: every naming variant of it, in every language, is this one
//            term (Khankendi = Stepanakert; Lachin corridor = Lachin road = Лачинский коридор);
//   actor    a lexicon actor ("Washington" = "State Department");
//   date     a resolved day or month ("2022-12-12");
//   name     a proper name's Latin key in any script (name_keys.h: Пашинян = Paşinyan =
//            Pashinyan): a capitalised word, or any word of a spaced script without case
//            (Georgian, Hebrew, Arabic, Persian); it stands beside the word's own term, so names
//            count across languages.
// Tokens inside a concept, actor or date span give only that span's term in the body; the words
// of a concept span are also kept apart (DocumentTerms::inner), so that claim matching can let
// "the corridor" of one outlet meet "the Lachin corridor" of another.
//
// TermVocabulary interns terms to dense ids; ids depend on the order terms are first seen, so
// callers that need determinism feed documents in a fixed order.
#ifndef PARALLAX_ALIGN_TERMS_H_
#define PARALLAX_ALIGN_TERMS_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "align/align_document.h"

namespace parallax {

enum class TermKind : std::uint8_t { kWord, kNumber, kConcept, kActor, kDate, kName };

class TermVocabulary {
 public:
  // The id of (kind, key), added if new. `surface` is remembered the first time, for labels.
  int Intern(TermKind kind, std::string_view key, std::string_view surface);
  int size() const { return static_cast<int>(keys_.size()); }
  // "w:block", "c:lachin-corridor", "d:2022-12-12", "p:pasin", ...
  const std::string& key(int id) const { return keys_[id]; }
  TermKind kind(int id) const { return kinds_[id]; }
  // The first surface form seen ("blocked", "Lachin road").
  const std::string& surface(int id) const { return surfaces_[id]; }

 private:
  std::unordered_map<std::string, int> ids_;
  std::vector<std::string> keys_;
  std::vector<std::string> surfaces_;
  std::vector<TermKind> kinds_;
  std::string scratch_;  // Intern's key buffer
};

struct TermOccurrence {
  int term = -1;
  TextSpan span;  // in AlignDocument::text
};

struct DocumentTerms {
  std::vector<TermOccurrence> body;  // in text order
  std::vector<int> title;            // terms of the title
  // Word terms of the tokens inside concept spans (a hyphenated word also gives each of its
  // parts: "eco-activists" gives "eco-activist", "eco" and "activist"), in text order. Not part
  // of `body`.
  std::vector<TermOccurrence> inner;
};

// Extracts terms. Not thread-safe (it caches stems); one per thread.
class TermExtractor {
 public:
  explicit TermExtractor(TermVocabulary* vocabulary);
  ~TermExtractor();
  TermExtractor(const TermExtractor&) = delete;
  TermExtractor& operator=(const TermExtractor&) = delete;

  DocumentTerms Extract(const AlignDocument& document);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// True for a function word or a word too general to tell stories apart (English and Russian;
// compared on the match form, e.g. "the", "said", "и").
bool IsAlignStopword(std::string_view norm);

}  // namespace parallax

#endif  // PARALLAX_ALIGN_TERMS_H_
