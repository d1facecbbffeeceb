#include "text/whitespace.h"

#include <array>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace parallax {

namespace {

// Bytes that are neither white space nor may start a no-break space (copied as they are).
constexpr std::array<bool, 256> kPlain = [] {
  std::array<bool, 256> t{};
  for (int c = ' ' + 1; c < 256; ++c) t[static_cast<std::size_t>(c)] = c != 0xC2;
  return t;
}();

// White space, and the lead byte of a no-break space.
constexpr std::array<bool, 256> kSpaceOrLead = [] {
  std::array<bool, 256> t{};
  for (unsigned char c : {' ', '\t', '\n', '\r', '\f'}) t[c] = true;
  t[0xC2] = true;
  return t;
}();

// The first position from `k` on that may end a run AppendCollapsedSpace copies as it is: white
// space other than a single ' ' between two other bytes, or the lead byte of a no-break space.
// Sixteen bytes at a time with SSE2 (one load; whether the byte after each is white space too is
// read from the same bit masks, and from one more byte for the last); where fewer than 17 bytes
// are left it returns `k` (the caller then reads a byte at a time).
std::size_t RunMayEndAt(std::string_view s, std::size_t k) {
#if defined(__SSE2__)
  const char* p = s.data();
  while (k + 17 <= s.size()) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + k));
    const auto eq = [v](char c) { return _mm_cmpeq_epi8(v, _mm_set1_epi8(c)); };
    const auto space = static_cast<unsigned>(_mm_movemask_epi8(eq(' ')));
    const auto other = static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(
        _mm_or_si128(_mm_or_si128(eq('\t'), eq('\n')), _mm_or_si128(eq('\r'), eq('\f'))),
        eq(static_cast<char>(0xC2)))));
    const auto after = static_cast<unsigned char>(p[k + 16]);
    const unsigned last = kSpaceOrLead[after] ? 1 : 0;
    const unsigned next = ((space | other) >> 1) | (last << 15);
    const unsigned mask = other | (space & next);
    if (mask != 0) return k + static_cast<std::size_t>(__builtin_ctz(mask));
    k += 16;
  }
#endif
  return k;
}

}  // namespace

void AppendCollapsedSpace(std::string_view s, std::string* out) {
  const auto is_space = [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
  };
  // Length of the white space character at `k` (a no-break space is two bytes), 0 if none.
  const auto space_at = [&](std::size_t k) -> std::size_t {
    if (is_space(s[k])) return 1;
    return static_cast<unsigned char>(s[k]) == 0xC2 && k + 1 < s.size() &&
                   static_cast<unsigned char>(s[k + 1]) == 0xA0
               ? 2
               : 0;
  };
  const std::size_t base = out->size();
  out->reserve(base + s.size());
  bool pending = false;
  for (std::size_t i = 0; i < s.size();) {
    if (const std::size_t len = space_at(i); len > 0) {
      pending = out->size() > base;
      i += len;
      continue;
    }
    if (pending) *out += ' ';
    pending = false;
    // The run up to the next white space that is not a single ' ' between two other characters
    // is already collapsed: it is copied at once.
    std::size_t k = i + 1;
    while ((k = RunMayEndAt(s, k)) < s.size()) {
      const auto c = static_cast<unsigned char>(s[k]);
      if (kPlain[c]) {
        ++k;
        while (k < s.size() && kPlain[static_cast<unsigned char>(s[k])]) ++k;
      } else if (c == ' ' && k + 1 < s.size() && space_at(k + 1) == 0) {
        k += 2;
      } else if (c != ' ' && space_at(k) == 0) {
        ++k;
      } else {
        break;
      }
    }
    out->append(s, i, k - i);
    i = k;
  }
}

std::string CollapseSpace(std::string_view s) {
  std::string out;
  AppendCollapsedSpace(s, &out);
  return out;
}

}  // namespace parallax
