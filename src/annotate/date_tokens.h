// The tokens the date finder (dates.h) reads: words (letters of any script, inner hyphens),
// numbers (digits, a decade's "s" or an ordinal suffix) and single punctuation characters, each
// with its lower-case form.
//
// Why it exists apart from text/tokenizer.h: date expressions are read on the text as written
// (capitals tell "May" the month from "may"; "1990s" and "23rd" are one number token), and a
// token here must cost no allocation, as the finder reads every word of every article. Split out
// of dates.cc so the finder reads as its rules.
//
// Rules: white space (space, tab, line breaks, no-break space) separates tokens and is skipped;
// a word is a run of letters with '-' kept between two letters; a number is a run of ASCII
// digits, with "s" after four digits ("1990s") and "st", "nd", "rd", "th" ("23rd") kept when no
// letter follows; anything else is a token of one character (a malformed byte is one token).
#ifndef PARALLAX_ANNOTATE_DATE_TOKENS_H_
#define PARALLAX_ANNOTATE_DATE_TOKENS_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace parallax::internal {

// One token. Offsets are 32-bit: FindDates reads a text in pieces of about a megabyte (a token is
// written for every word, so a small token is less memory to write).
struct Tok {
  std::string_view lower;  // lower-cased: a view of the text itself, or of DateTokens::lowered
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  int value = -1;            // for numbers
  std::uint32_t digits = 0;  // for numbers
  bool word = false;
  bool number = false;
  bool capital = false;

  std::size_t size() const { return end - begin; }  // bytes of text
};

// The tokens of a text. Lower-cased forms that differ from the text are kept in one buffer (an
// ASCII token with no capital is its own lower-case form), so a token costs no allocation.
struct DateTokens {
  std::vector<Tok> tokens;
  std::string lowered;
};

// Fills `*words` (empty before) with the tokens of `text` (at most 4 GB): every token's `lower`
// views `text` or words->lowered, so `*words` must not be moved or copied while they are read.
void TokenizeForDates(std::string_view text, DateTokens* words);

}  // namespace parallax::internal

#endif  // PARALLAX_ANNOTATE_DATE_TOKENS_H_
