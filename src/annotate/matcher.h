// The lexicon matching engine: finds many word patterns in text in one pass.
//
// Every naming variant, loaded term, actor name and cue of a lexicon becomes one pattern here.
// The engine knows nothing of the lexicon's file format: it takes pattern strings, compiles
// them, and reports which pattern matched where, as byte spans in the ORIGINAL text so a report
// can quote them. It is shaped like RE2::Set: Add patterns, Compile once, then call the const
// Match from as many threads as you like.
//
// Semantics
//   * Patterns and text are cut into tokens by the Tokenizer with punctuation tokens on (see
//     text/tokenizer.h) and compared in match form (NFKC, case folding, ’ -> ', – -> -, soft
//     hyphens and zero-width characters removed). So "nagorno-karabakh" matches
//     “Nagorno–Karabakh” (en dash) and "Azerbaijan" matches "Azerbaijan’s" (the possessive 's
//     is a separate token). White space between tokens is free, punctuation is not: "Lachin
//     corridor" does not match "Lachin, corridor"; "U.S." matches "U.S." and "U. S.".
//   * Quotation marks are free inside a match: after a pattern's first token, a quotation mark
//     token in the text (", ', «, », “, ”, „, ‘, ’, ‹, ›) is skipped, so "закон об иноагентах"
//     matches закон об «иноагентах» and "so-called eco-activists" matches so-called
//     "eco-activists". Quotation marks a pattern has after its first token are dropped; a
//     leading one must be in the text. The match spans the first to the last matched token, so
//     a closing mark after the last word is not part of it.
//   * Token boundaries: a pattern never matches part of a token. "Karabakh" does not match in
//     "Nagorno-Karabakh" (one token) nor "Armenia" in "Armenian".
//   * Prefix wildcard: a trailing `*` glued to the last word ("separatist*") matches any token
//     that starts with that word's match form ("separatists", "separatist-held"). It is not
//     stemmed. `*` anywhere else is an error.
//   * Stemming: with MatchPatternOptions::stem_language set (a Snowball algorithm name or code:
//     "russian" or "ru", "english" or "en", "armenian" or "hy", ...), the pattern's words and the
//     text's words are compared by their Snowball stems, so "Лачинский коридор" matches
//     "Лачинского коридора". A pattern word also matches a text word whose stem is the pattern
//     word's whole match form: Snowball cuts some dictionary forms shorter than the inflected
//     ones ("режим" -> "реж", "режима" -> "режим"), and "киевский режим" must find
//     "киевского режима". Numbers and punctuation are always compared exactly.
//   * Acronyms keep their case: a pattern word written in capitals, of 2 to 5 letters and no
//     wildcard ("UN", "OSCE", "ОДКБ", "ՀՀ"), matches only a text word written without lower-case
//     letters ("UN", not the Romanian article "un" nor "Un" opening a sentence). The other words
//     of the pattern, and every word of other patterns, still ignore case ("UN Security
//     Council" finds "UN security council"); a form written "Nato" finds "NATO" and "Nato" alike.
//     Scripts without case (Georgian Mkhedruli) write no such words.
//   * Leftmost-longest, non-overlapping: scanning left to right, at each token the longest
//     pattern (in tokens) that starts there wins and scanning resumes after it. Several patterns
//     matching that same longest span (duplicates, or the same words with and without stemming)
//     are all reported, one PatternMatch each, in increasing pattern index.
//   * Groups: each pattern belongs to a group (MatchPatternOptions::group, default 0), and the
//     leftmost-longest selection above is made within each group on its own, while the matches
//     of different groups may overlap. A lexicon puts each entry kind in its own group, so a
//     loaded phrase ("separatist authorities of Nagorno-Karabakh") does not hide the naming
//     choice inside it. One Match call finds every group's matches in one pass over the text,
//     exactly as separate matchers of one group each would (a randomised test compares both).
//
// Thread safety: Add and Compile are not; after Compile, Match is const and safe to call
// concurrently. Snowball stemmers are not thread-safe, so Match uses one stemmer per thread and
// language (created on first use in that thread, kept until the thread ends), each with a memo
// of the stems of 4,096 recent words (256 KB).
//
// Speed: plain ASCII text takes a fast path that reads tokens from bit masks over 64-byte
// blocks (SSE2 where available), rejects most words by their first bytes (a bit set of the
// first bytes of the tokens that start a pattern), hashes the match form of the others straight
// from the text bytes (ASCII lowercasing is one OR; where many words start patterns, every word
// is hashed as it is read), tests them with a small bit set of the tokens that start a pattern,
// and walks the trie whose edges are keyed by (node, token hash) in a flat table with a compact
// fingerprint array; no allocation per token. Wildcard prefixes are looked up only
// for words whose first two bytes begin a prefix (a 2^16-bit table). Every group is matched in
// the same pass. Everything the fast path cannot settle alone (non-ASCII words and punctuation,
// stemming, quotation marks inside a match) goes through the Tokenizer and the general walk,
// with the same results (randomised tests compare both with a plain reference and the grouped
// pass with one matcher per group). On that path a word is stemmed at a stemming mode's root
// only when its first bytes begin a token that leaves that root (for Snowball algorithms whose
// stems are prefixes of their words: Russian, Armenian), and a word's wildcard prefixes are
// looked up only where a two- and a four-byte prefilter allow.
#ifndef PARALLAX_ANNOTATE_MATCHER_H_
#define PARALLAX_ANNOTATE_MATCHER_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace parallax {

// Per-pattern options.
//   field          default  meaning
//   stem_language  ""       Snowball algorithm ("" = compare exact match forms)
//   group          0        the pattern's group, 0 .. LexiconMatcher::kMaxGroups - 1: matches
//                           of one group never overlap, those of different groups may
struct MatchPatternOptions {
  std::string stem_language;
  int group = 0;
};

// One match: which pattern, and where in the original text.
struct PatternMatch {
  int pattern = -1;  // the index Add returned
  size_t begin = 0;  // byte offset of the first matched byte in the original text
  size_t end = 0;    // byte offset one past the last matched byte

  bool operator==(const PatternMatch&) const = default;
};

class LexiconMatcher {
 public:
  static constexpr int kMaxGroups = 32;

  LexiconMatcher();
  ~LexiconMatcher();
  LexiconMatcher(LexiconMatcher&&) noexcept;
  LexiconMatcher& operator=(LexiconMatcher&&) noexcept;
  LexiconMatcher(const LexiconMatcher&) = delete;
  LexiconMatcher& operator=(const LexiconMatcher&) = delete;

  // Adds a pattern and returns its index (0, 1, 2, ... in call order, across all groups), or -1
  // with the reason in `*error` (which may be null): empty pattern, misplaced `*`, unknown
  // stemming language, group out of range, or the matcher is already compiled. The message
  // quotes the offending pattern.
  int Add(std::string_view pattern, const MatchPatternOptions& options, std::string* error);

  // Builds the matching structures. Returns false with `*error` set when called twice.
  // A matcher with no patterns compiles and matches nothing.
  bool Compile(std::string* error);

  // Replaces `*out` with every match in `text` of every group, in one pass: ordered by group,
  // then by position (see Semantics above). Before a successful Compile it finds nothing.
  void Match(std::string_view text, std::vector<PatternMatch>* out) const;

  // Replaces `*out` with the matches of the patterns of `group` alone, ordered by position: the
  // matches of that group that Match reports, as if the other groups' patterns were not there.
  void Match(std::string_view text, std::vector<PatternMatch>* out, int group) const;

  // The group of pattern `pattern` (an index Add returned).
  int group(int pattern) const;

  // Number of patterns added.
  int size() const;
  bool compiled() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// True when a pattern word, as written, is an acronym whose case counts (see Semantics): 2 to 5
// characters, every one an upper-case letter (Unicode Lu): "UN", "OSCE", "ОДКБ"; not "U.S."
// (several words), "G7" (a digit), "Nato" nor "separatist".
bool IsAcronymWord(std::string_view word);

// True when `word` holds no lower-case or title-case letter: where an acronym matches ("UN",
// "ОДКБ"; not "un", "Un").
bool WrittenInCapitals(std::string_view word);

}  // namespace parallax

#endif  // PARALLAX_ANNOTATE_MATCHER_H_
