#include "annotate/date_tokens.h"

#include <utf8proc.h>

#include "annotate/speakers.h"  // CharAt
#include "text/utf8.h"

namespace parallax::internal {
namespace {

bool IsLetter(char32_t c) {
  if (c < 0x80) return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
  const utf8proc_category_t cat = utf8proc_category(static_cast<utf8proc_int32_t>(c));
  return cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO;
}

bool IsDigit(char32_t c) { return c >= '0' && c <= '9'; }

int DigitsValue(std::string_view digits) {
  int value = 0;
  for (char c : digits) value = value * 10 + (c - '0');
  return value;
}

bool IsAsciiLetter(unsigned char b) { return (b | 0x20) >= 'a' && (b | 0x20) <= 'z'; }

// Where the word that goes on at `j` ends: letters of any script, hyphens between letters.
std::size_t WordEnd(std::string_view text, std::size_t j) {
  while (j < text.size()) {
    const auto b = static_cast<unsigned char>(text[j]);
    if (b < 0x80 && IsAsciiLetter(b)) {  // the common case
      ++j;
      continue;
    }
    const Char d = CharAt(text, j);
    if (IsLetter(d.cp)) {
      j += d.len;
    } else if (d.cp == '-' && IsLetter(CharAt(text, j + 1).cp)) {
      j += 1;
    } else {
      break;
    }
  }
  return j;
}

}  // namespace

void TokenizeForDates(std::string_view text, DateTokens* words) {
  DateTokens& result = *words;
  std::vector<Tok>& out = result.tokens;
  out.reserve(text.size() / 6 + 8);
  // The tokens whose lower-case form is in `lowered` (the others are their own form), with
  // where it starts there.
  std::vector<std::pair<std::size_t, std::size_t>> lowered_at;
  std::size_t i = 0;
  while (i < text.size()) {
    const auto b0 = static_cast<unsigned char>(text[i]);
    if (b0 == ' ' || b0 == '\n') {
      ++i;
      continue;
    }
    Tok t;
    t.begin = static_cast<std::uint32_t>(i);
    std::size_t j = i + 1;
    bool ascii = true;
    bool upper = false;
    if (b0 < 0x80 && IsAsciiLetter(b0)) {
      // The common case: a word of ASCII letters (and inner hyphens), read a byte at a time.
      upper = b0 <= 'Z';
      bool more = false;  // a non-ASCII byte follows: the general loop below goes on
      while (j < text.size()) {
        const auto b = static_cast<unsigned char>(text[j]);
        if (b < 0x80 && IsAsciiLetter(b)) {
          upper = upper || b <= 'Z';
          ++j;
        } else if (b >= 0x80) {
          more = true;
          break;
        } else if (b == '-' && IsLetter(CharAt(text, j + 1).cp)) {
          j += 1;
        } else {
          break;
        }
      }
      t.word = true;
      t.capital = b0 <= 'Z';
      if (more) {
        ascii = false;
        j = WordEnd(text, j);
      }
    } else {
      const Char c = CharAt(text, i);
      if (c.cp == ' ' || c.cp == '\t' || c.cp == '\n' || c.cp == '\r' || c.cp == 0xA0) {
        i += c.len;
        continue;
      }
      j = i + c.len;
      if (IsLetter(c.cp)) {
        j = WordEnd(text, j);
        t.word = true;
        t.capital = c.cp < 0x80 ? (c.cp >= 'A' && c.cp <= 'Z')
                                : utf8proc_category(static_cast<utf8proc_int32_t>(c.cp)) ==
                                      UTF8PROC_CATEGORY_LU;
      } else if (IsDigit(c.cp)) {
        while (j < text.size() && IsDigit(static_cast<unsigned char>(text[j]))) ++j;
        const std::size_t digits = j - i;
        t.number = true;
        t.digits = static_cast<std::uint32_t>(digits);
        t.value = digits <= 4 ? DigitsValue(text.substr(i, digits)) : -1;
        // Decades (1990s) and ordinal suffixes (23rd, 1st).
        if (digits == 4 && j < text.size() && text[j] == 's' && !IsLetter(CharAt(text, j + 1).cp)) {
          ++j;
        }
        for (const char* suffix : {"st", "nd", "rd", "th"}) {
          if (text.substr(j, 2) == suffix && !IsLetter(CharAt(text, j + 2).cp)) {
            j += 2;
            break;
          }
        }
      }
      ascii = false;  // told below
    }
    t.end = static_cast<std::uint32_t>(j);
    const std::string_view token_text = text.substr(t.begin, t.size());
    if (!ascii) {
      ascii = true;
      for (char ch : token_text) {
        const auto b = static_cast<unsigned char>(ch);
        ascii = ascii && b < 0x80;
        upper = upper || (b >= 'A' && b <= 'Z');
      }
    }
    if (ascii && !upper) {
      t.lower = token_text;
    } else {
      const std::size_t at = result.lowered.size();
      if (ascii) {
        for (char ch : token_text)
          result.lowered.push_back(ch >= 'A' && ch <= 'Z' ? ch + ('a' - 'A') : ch);
      } else {
        result.lowered += SimpleLowercase(token_text);
      }
      lowered_at.emplace_back(out.size(), at);
    }
    out.push_back(t);
    i = j;
  }
  // Views into `lowered` are taken once it no longer grows.
  for (std::size_t k = 0; k < lowered_at.size(); ++k) {
    const auto [index, at] = lowered_at[k];
    const std::size_t next =
        k + 1 < lowered_at.size() ? lowered_at[k + 1].second : result.lowered.size();
    out[index].lower = std::string_view(result.lowered).substr(at, next - at);
  }
}

}  // namespace parallax::internal
