#include "text/word_count.h"

#include <cstdint>

#include "text/byte_set.h"
#include "text/word_bytes.h"

namespace parallax {
namespace {

// One byte: `in_word` says whether the byte before it was in a word (or a joiner that follows
// one); a word byte after none starts a word.
inline void CountByte(unsigned char b, unsigned* in_word, std::size_t* words) {
  const unsigned k = kWordByteClasses[b];
  const unsigned word_byte = k & 1u;
  *words += word_byte & ~*in_word & 1u;
  *in_word = word_byte | (*in_word & (k >> 1));
}

}  // namespace

namespace internal {

std::size_t CountWordRunsByByte(std::string_view text) {
  std::size_t words = 0;
  unsigned in_word = 0;
  for (const char ch : text) CountByte(static_cast<unsigned char>(ch), &in_word, &words);
  return words;
}

}  // namespace internal

std::size_t CountWordRuns(std::string_view text) {
  std::size_t words = 0;
  unsigned in_word = 0;
  std::size_t at = 0;
#if defined(__SSE2__)
  const auto* data = reinterpret_cast<const unsigned char*>(text.data());
  for (; at + 64 <= text.size(); at += 64) {
    std::uint64_t word_bytes = 0;  // bit k: byte at + k is a word byte
    std::uint64_t joiners = 0;     // bit k: byte at + k is ' or -
    for (int part = 0; part < 4; ++part) {
      const unsigned char* p = data + at + 16 * part;
      const AsciiMasks16 m = ClassifyAscii16(p);
      const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
      const auto join = static_cast<std::uint32_t>(_mm_movemask_epi8(_mm_or_si128(
          _mm_cmpeq_epi8(x, _mm_set1_epi8('\'')), _mm_cmpeq_epi8(x, _mm_set1_epi8('-')))));
      word_bytes |= std::uint64_t{m.letters | m.digits | m.high} << (16 * part);
      joiners |= std::uint64_t{join} << (16 * part);
    }
    // A run of joiners is inside a word when the byte before the run is: the bit after a word
    // byte (or the carried state at bit 0), added to the joiners, carries through their run.
    const std::uint64_t after_word = (word_bytes << 1) | in_word;
    const std::uint64_t joined = joiners & ~((after_word & joiners) + joiners);
    const std::uint64_t inside = word_bytes | joined;  // bytes in a word, joiners included
    const std::uint64_t starts = word_bytes & ~((inside << 1) | in_word);
    words += static_cast<std::size_t>(__builtin_popcountll(starts));
    in_word = static_cast<unsigned>(inside >> 63);
  }
#endif
  for (; at < text.size(); ++at) {
    CountByte(static_cast<unsigned char>(text[at]), &in_word, &words);
  }
  return words;
}

}  // namespace parallax
