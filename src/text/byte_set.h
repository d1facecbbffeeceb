// A small set of byte values, and the search for the next byte of a text in it.
//
// Why it exists: several passes over an article look only at a few kinds of byte (quotation
// marks, sentence ends, line breaks) and pass over everything else. A byte at a time with a
// table, such a pass reads about a byte per cycle; with SSE2 (every x86-64 processor) Find
// compares sixteen bytes at once with each value of the set, several times faster on prose,
// where the bytes looked for are rare.
//
// A set holds any values (Find compares sixteen at a time for up to kMaxValues of them), and
// optionally every byte >= 0x80 (the bytes of non-ASCII characters); a table answers Has.
#ifndef PARALLAX_TEXT_BYTE_SET_H_
#define PARALLAX_TEXT_BYTE_SET_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace parallax {

class ByteSet {
 public:
  static constexpr std::size_t kMaxValues = 8;

  // The set of `values`, and every byte >= 0x80 when `non_ascii`.
  // ASCII values are kept before the others: a block of ASCII bytes is compared with them only.
  constexpr ByteSet(std::initializer_list<unsigned char> values, bool non_ascii = false)
      : non_ascii_(non_ascii) {
    for (const bool ascii : {true, false}) {
      for (unsigned char v : values) {
        if ((v < 0x80) != ascii) continue;
        if (count_ < kMaxValues) {
          for (unsigned char& b : splat_[count_]) b = v;
        }
        ++count_;
        ascii_count_ += ascii ? 1 : 0;
        has_[v] = true;
      }
    }
    if (non_ascii) {
      for (std::size_t b = 0x80; b < 256; ++b) has_[b] = true;
    }
  }

  constexpr bool Has(unsigned char b) const { return has_[b]; }

  // The first position in [from, end) whose byte is in the set, or `end` (end <= text.size()).
  std::size_t Find(std::string_view text, std::size_t from, std::size_t end) const {
#if defined(__SSE2__)
    const char* data = text.data();
    while (count_ <= kMaxValues && from + 16 <= end) {
      const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + from));
      const int past_ascii = _mm_movemask_epi8(block);
      int mask = non_ascii_ ? past_ascii : 0;
      // Values past ASCII can only be in a block with a byte past ASCII (most prose has none).
      const std::size_t compared = past_ascii != 0 ? count_ : ascii_count_;
      __m128i any = _mm_setzero_si128();
      for (std::size_t k = 0; k < compared; ++k) {
        const __m128i value = _mm_load_si128(reinterpret_cast<const __m128i*>(splat_[k].data()));
        any = _mm_or_si128(any, _mm_cmpeq_epi8(block, value));
      }
      mask |= _mm_movemask_epi8(any);
      if (mask != 0)
        return from + static_cast<std::size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
      from += 16;
    }
#endif
    while (from < end && !has_[static_cast<unsigned char>(text[from])]) ++from;
    return from;
  }

 private:
  std::array<bool, 256> has_{};
  // Each value sixteen times over: what the block compare loads.
  alignas(16) std::array<std::array<unsigned char, 16>, kMaxValues> splat_{};
  std::size_t count_ = 0;        // more than kMaxValues: Find reads a byte at a time
  std::size_t ascii_count_ = 0;  // the values below 0x80, first in splat_
  bool non_ascii_ = false;
};

#if defined(__SSE2__)
// Bit masks of the sixteen bytes at `p` (bit k: byte k): ASCII letters, ASCII digits, and bytes
// past ASCII. The matcher's and the date finder's block scans start from these.
struct AsciiMasks16 {
  std::uint32_t letters = 0;
  std::uint32_t digits = 0;
  std::uint32_t high = 0;
};

inline AsciiMasks16 ClassifyAscii16(const unsigned char* p) {
  const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  // Signed compares: bytes past ASCII are negative, so neither letters nor digits.
  const __m128i lower = _mm_or_si128(x, _mm_set1_epi8(0x20));
  const __m128i letters = _mm_and_si128(_mm_cmpgt_epi8(lower, _mm_set1_epi8('a' - 1)),
                                        _mm_cmplt_epi8(lower, _mm_set1_epi8('z' + 1)));
  const __m128i digits = _mm_and_si128(_mm_cmpgt_epi8(x, _mm_set1_epi8('0' - 1)),
                                       _mm_cmplt_epi8(x, _mm_set1_epi8('9' + 1)));
  return {static_cast<std::uint32_t>(_mm_movemask_epi8(letters)),
          static_cast<std::uint32_t>(_mm_movemask_epi8(digits)),
          static_cast<std::uint32_t>(_mm_movemask_epi8(x))};
}
#endif

}  // namespace parallax

#endif  // PARALLAX_TEXT_BYTE_SET_H_
