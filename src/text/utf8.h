// UTF-8 decoding and validation, byte-order marks and UTF-16 input.
//
// Articles arrive from many tools (browsers' "save page", feed readers, word processors), and a
// few of them are not valid UTF-8 or not UTF-8 at all. Nothing downstream should have to think
// about that: every text that enters the pipeline first goes through DecodeTextFile (raw file
// bytes) or ToValidUtf8 (a string that should already be UTF-8), which never fail. Each
// malformed sequence becomes one U+FFFD REPLACEMENT CHARACTER, following the Unicode
// "maximal subpart" practice (the same one browsers use), and a warning names the file, line
// and column so the user can fix the source.
//
// Malformed classes recognised, each with its own message:
//   stray continuation byte   0x80..0xBF where a character should start
//   overlong encoding         0xC0, 0xC1, 0xE0 0x80..0x9F, 0xF0 0x80..0x8F
//   surrogate code point      0xED 0xA0..0xBF (U+D800..U+DFFF are not characters)
//   beyond U+10FFFF           0xF4 0x90..0xBF, 0xF5..0xFF
//   truncated sequence        a lead byte not followed by enough continuation bytes
// A NUL (U+0000) is well-formed but never text, and C APIs (libxml2) would cut a string at it:
// it becomes U+FFFD with a warning too.
#ifndef PARALLAX_TEXT_UTF8_H_
#define PARALLAX_TEXT_UTF8_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/diagnostic.h"

namespace parallax {

inline constexpr char32_t kReplacementChar = 0xFFFD;

// One decoded character. For malformed input, `code_point` is U+FFFD, `valid` is false and
// `length` is the length of the maximal subpart (1..3 bytes), so decoding always advances.
struct DecodedChar {
  char32_t code_point = 0;
  uint8_t length = 0;  // 0 only when `pos` is at or past the end of the text
  bool valid = false;
};

// Decodes the character starting at byte `pos` of `text`.
DecodedChar DecodeUtf8Char(std::string_view text, size_t pos);

// Appends the UTF-8 encoding of `code_point` to `out` (a std::string, a std::vector<char>: any
// container of char with push_back). Surrogates and values above U+10FFFF are written as U+FFFD.
template <typename Bytes>
void AppendUtf8(char32_t c, Bytes* out) {
  if ((c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF) c = 0xFFFD;
  const auto byte = [out](char32_t v) { out->push_back(static_cast<char>(v)); };
  if (c < 0x80) {
    byte(c);
  } else if (c < 0x800) {
    byte(0xC0 | (c >> 6));
    byte(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    byte(0xE0 | (c >> 12));
    byte(0x80 | ((c >> 6) & 0x3F));
    byte(0x80 | (c & 0x3F));
  } else {
    byte(0xF0 | (c >> 18));
    byte(0x80 | ((c >> 12) & 0x3F));
    byte(0x80 | ((c >> 6) & 0x3F));
    byte(0x80 | (c & 0x3F));
  }
}

// `text` with each character mapped by Unicode's simple lowercase mapping (utf8proc_tolower), so
// one character stays one character; ASCII-only text takes a fast path. Each byte of an
// ill-formed sequence becomes U+FFFD.
std::string SimpleLowercase(std::string_view text);

// A letter of a script that writes no capitals in running text: Georgian Mkhedruli (which
// Unicode files as lower case, beside the Mtavruli capitals news never uses) and the letters
// Unicode gives no case at all (Arabic, Hebrew, CJK, …). After a full stop such a letter may
// open a sentence, and a name in it cannot be told by its first letter.
bool IsCaselessLetter(char32_t code_point);

// True when `text` is well-formed UTF-8 (a BOM is well-formed).
bool IsValidUtf8(std::string_view text);

// Returns `text` with each malformed sequence (and each NUL) replaced by U+FFFD. For each one, a
// warning naming `path`, the 1-based line and column (in characters) and the kind of problem is
// appended to `diagnostics` (which may be null). At most kMaxUtf8Warnings are reported
// individually; a final warning then counts the rest, so a binary file cannot flood the output.
inline constexpr int kMaxUtf8Warnings = 20;
std::string ToValidUtf8(std::string_view text, std::string_view path, Diagnostics* diagnostics);

// Removes a leading UTF-8 byte-order mark (EF BB BF), if any.
std::string_view StripUtf8Bom(std::string_view text);

// What a byte-order mark at the start of a file says.
enum class TextEncoding { kUtf8, kUtf8Bom, kUtf16Le, kUtf16Be };

// Looks only at the first bytes. Without a BOM the answer is kUtf8.
TextEncoding DetectEncoding(std::string_view bytes);

// Converts raw file bytes to valid UTF-8 without a BOM: UTF-8 (with or without BOM) is
// sanitised as by ToValidUtf8; UTF-16 LE or BE with a BOM is converted, unpaired surrogates and
// a trailing odd byte becoming U+FFFD with a warning. Never fails.
std::string DecodeTextFile(std::string_view bytes, std::string_view path, Diagnostics* diagnostics);

}  // namespace parallax

#endif  // PARALLAX_TEXT_UTF8_H_
