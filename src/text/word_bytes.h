// Byte classes for the branch-free word counters (annotator, appeals): one table load per byte
// tells whether it can be part of a word and whether it joins two parts of one.
#ifndef PARALLAX_TEXT_WORD_BYTES_H_
#define PARALLAX_TEXT_WORD_BYTES_H_

#include <array>
#include <cstddef>

namespace parallax {

// Bit 0: a word byte (an ASCII letter or digit, or any byte of a non-ASCII character).
// Bit 1: a joiner that can keep a word going (' and -).
inline constexpr std::array<unsigned char, 256> kWordByteClasses = [] {
  std::array<unsigned char, 256> t{};
  for (int c = 0; c < 256; ++c) {
    const bool word =
        c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    t[static_cast<std::size_t>(c)] =
        static_cast<unsigned char>((word ? 1 : 0) | (c == '\'' || c == '-' ? 2 : 0));
  }
  return t;
}();

}  // namespace parallax

#endif  // PARALLAX_TEXT_WORD_BYTES_H_
