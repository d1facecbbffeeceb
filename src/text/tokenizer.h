// Unicode-aware word tokens with original byte spans and a match-form string.
//
// Every later stage counts and matches words, so they must agree on what a word is and where
// it sits in the article. A token here is a run of letters, combining marks and digits of any
// script. Its span is in the ORIGINAL text (so a report can quote it) and its `norm` is the
// match form of exactly those bytes (see normalizer.h: NFKC, case folding, ’ -> ', – -> -,
// soft hyphen and zero-width characters removed).
//
// Rules, in the order they apply:
//   * Word characters: Unicode categories L*, M*, N*. Soft hyphen and zero-width characters
//     (U+00AD, U+200B..U+200D, U+2060, U+FEFF) inside a word do not break it and vanish from
//     `norm` ("Kara<SHY>bakh" -> "karabakh").
//   * Inner hyphens stay inside a token when a word character is on both sides: - U+2010 U+2011
//     U+2012 U+2013 (en dash). "Nagorno–Karabakh" is one token "nagorno-karabakh", so a lexicon
//     entry "Karabakh" does not match inside it (use the wildcard "Nagorno*" or list the form).
//     Em dash (—) and horizontal bar separate words, as in "road—and".
//   * Inner apostrophes (' ’ ʼ) stay inside: "O’Brien" -> "o'brien", "don't" -> "don't".
//   * Possessive and contracted 's is split off: "Azerbaijan’s" -> "azerbaijan" + clitic "'s",
//     so the lexicon entry "Azerbaijan" matches the first token. A trailing apostrophe
//     ("Armenians’") is punctuation, never part of the word.
//   * '.' and ',' between two digits stay inside: "3.5", "10,000".
//   * Everything else that is not white space is punctuation: one token per character, emitted
//     only when TokenizerOptions::punctuation is set (the lexicon matcher uses it so that
//     "Lachin, corridor" does not match "Lachin corridor"). Clitics are also emitted only then.
//
// Speed: ASCII words are lowercased through an inline fast path; words of ASCII and common
// letters (Cyrillic, Armenian, Georgian, Latin with diacritics) are folded by table, other
// non-ASCII words go through utf8proc; no allocation per token (tokens are views into a buffer
// owned by the Tokenizer).
#ifndef PARALLAX_TEXT_TOKENIZER_H_
#define PARALLAX_TEXT_TOKENIZER_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "text/normalizer.h"

namespace parallax {

enum class TokenKind : uint8_t {
  kWord,    // contains at least one letter
  kNumber,  // digits only (with inner . , - joiners)
  kClitic,  // the split-off "'s" of "Azerbaijan’s"  (only with options.punctuation)
  kPunct,   // one punctuation or symbol character  (only with options.punctuation)
};

struct Token {
  size_t begin = 0;       // byte offset of the first byte in the original text
  size_t end = 0;         // byte offset one past the last byte in the original text
  std::string_view norm;  // match form; see Tokenizer::Next and Tokenize for its lifetime
  TokenKind kind = TokenKind::kWord;
};

// Options; defaults in the comments.
struct TokenizerOptions {
  bool punctuation = false;  // also emit kPunct and kClitic tokens
};

// Streams tokens of one text. Not thread-safe; cheap to construct, one per text or thread.
class Tokenizer {
 public:
  explicit Tokenizer(std::string_view text, TokenizerOptions options = {});

  // Fills `token` with the next token and returns true, or returns false at the end.
  // token->norm stays valid until the next call to Next or Reset, or the Tokenizer's end
  // (it may view the text itself when that is already in match form).
  bool Next(Token* token);

  // Starts over on a new text, keeping the buffers.
  void Reset(std::string_view text);

  // Where the next token search starts (a byte offset), and whether a split-off clitic is still
  // to be returned first (then the position is already past it). A caller that scans ahead on
  // its own (the lexicon matcher's fast path) may move the tokenizer to the start of a token
  // with Seek; seeking anywhere else splits a word. With `clitic`, `pos` is the apostrophe of
  // a possessive "'s" that ends the word before it, and Next returns that clitic first.
  size_t position() const { return pos_; }
  bool has_pending_clitic() const { return pending_clitic_; }
  void Seek(size_t pos, bool clitic = false) {
    pending_clitic_ = clitic && options_.punctuation;
    clitic_begin_ = pos;
    clitic_end_ = pos + 2;
    pos_ = clitic ? pos + 2 : pos;
  }

 private:
  // Scans a word starting at `start` that contains non-ASCII characters.
  bool SlowWord(size_t start, Token* token);
  // Fills `token` for the ASCII word [begin, end); `flags` says whether it has capitals.
  void EmitAscii(size_t begin, size_t end, unsigned flags, Token* token);

  std::string_view text_;
  TokenizerOptions options_;
  size_t pos_ = 0;
  std::string norm_;        // current token's match form
  std::vector<char> fold_;  // or this, for words folded by table
  const internal::SimpleFold* simple_folds_;
  const uint8_t* common_classes_;  // the classes of common characters
  internal::MatchFolder folder_;
  bool pending_clitic_ = false;  // the next token is the "'s" just split off
  size_t clitic_begin_ = 0;
  size_t clitic_end_ = 0;
};

// All tokens of `text`. Each token's `norm` views `*norm_storage`, which is overwritten and must
// outlive `tokens` without being modified.
void Tokenize(std::string_view text, const TokenizerOptions& options, std::vector<Token>* tokens,
              std::string* norm_storage);

}  // namespace parallax

#endif  // PARALLAX_TEXT_TOKENIZER_H_
