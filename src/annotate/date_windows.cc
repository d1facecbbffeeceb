#include "annotate/date_windows.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>

#include "text/byte_set.h"

namespace parallax::internal {
namespace {

// Ordered: the classes after kLetter are the rare ones NextAnchor looks at more closely.
enum ByteClass : unsigned char {
  kOther,
  kSeparator,     // ASCII white space: no token holds one
  kLetter,        // ASCII letter
  kDigit,         // a number token starts here, or goes on
  kCyrillicLead,  // 0xD0, 0xD1: U+0400..U+047F
  kExoticLead,    // 0xC4 (U+0130 İ), 0xE2 (U+212A K)
};

constexpr std::array<ByteClass, 256> MakeClasses() {
  std::array<ByteClass, 256> c{};
  c[' '] = c['\n'] = c['\t'] = c['\r'] = kSeparator;
  for (int b = '0'; b <= '9'; ++b) c[b] = kDigit;
  for (int b = 'a'; b <= 'z'; ++b) c[b] = c[b - 'a' + 'A'] = kLetter;
  c[0xD0] = c[0xD1] = kCyrillicLead;
  c[0xC4] = c[0xE2] = kExoticLead;
  return c;
}
constexpr std::array<ByteClass, 256> kClass = MakeClasses();

bool IsContinuation(unsigned char b) { return (b & 0xC0) == 0x80; }

// Where the run that goes on at `i` ends.
std::size_t RunEnd(const unsigned char* s, std::size_t n, std::size_t i) {
  while (i < n && kClass[s[i]] != kSeparator) ++i;
  return i;
}

// A run counts unless it is no-break spaces alone (bytes 0xC2 0xA0), which hold no token.
bool Counts(const unsigned char* s, std::size_t begin, std::size_t end) {
  for (std::size_t i = begin; i < end; ++i) {
    if (s[i] != 0xC2 && s[i] != 0xA0) return true;
  }
  return false;
}

// The Cyrillic letter of two bytes at `b`, lower-cased as utf8proc does for U+0400..U+042F.
void LowerCyrillic(const unsigned char* b, unsigned char* out) {
  unsigned cp = ((b[0] & 0x1Fu) << 6) | (b[1] & 0x3Fu);
  if (cp >= 0x400 && cp < 0x410) {
    cp += 0x50;
  } else if (cp >= 0x410 && cp < 0x430) {
    cp += 0x20;
  }
  out[0] = static_cast<unsigned char>(0xC0 | (cp >> 6));
  out[1] = static_cast<unsigned char>(0x80 | (cp & 0x3F));
}

bool IsCyrillicPair(const unsigned char* s, std::size_t i, std::size_t n) {
  return i + 1 < n && (s[i] == 0xD0 || s[i] == 0xD1) && IsContinuation(s[i + 1]);
}

std::uint32_t Hash(std::uint32_t h, unsigned char lower) { return h * 31u + lower; }

// The first 8 bytes at `p` as a number, the first byte lowest.
std::uint64_t Load64(const unsigned char* p) {
  std::uint64_t x;
  std::memcpy(&x, p, 8);
  if constexpr (std::endian::native == std::endian::big) x = __builtin_bswap64(x);
  return x;
}

// The low `bytes` bytes of a number (bytes <= 8).
std::uint64_t LowBytes(std::size_t bytes) {
  return bytes >= 8 ? ~std::uint64_t{0} : (std::uint64_t{1} << (8 * bytes)) - 1;
}

// The hash of the ASCII word p[0, size) lower-cased (size <= 16), from two loads rather than a
// byte at a time; `avail` bytes may be read at p.
std::uint32_t AsciiHash(const unsigned char* p, std::size_t size, std::size_t avail) {
  std::uint64_t lo;
  std::uint64_t hi;
  if (avail >= 16) {
    lo = Load64(p);
    hi = Load64(p + 8);
  } else {
    unsigned char padded[16] = {};
    std::memcpy(padded, p, std::min<std::size_t>(avail, 16));
    lo = Load64(padded);
    hi = Load64(padded + 8);
  }
  const std::uint64_t lo_mask = LowBytes(size);
  const std::uint64_t hi_mask = LowBytes(size > 8 ? size - 8 : 0);
  lo = (lo | 0x2020202020202020u) & lo_mask;
  hi = (hi | 0x2020202020202020u) & hi_mask;
  const std::uint64_t m = (lo * 0x9E3779B97F4A7C15u) ^ (hi * 0xC2B2AE3D27D4EB4Fu) ^ size;
  return static_cast<std::uint32_t>(m >> 32);
}

std::uint32_t HashOf(std::string_view lower) {
  std::uint32_t h = 0;
  for (char c : lower) h = Hash(h, static_cast<unsigned char>(c));
  return h;
}

}  // namespace

bool DateWindowFinder::Searchable(std::string_view w) {
  if (w.empty()) return false;
  const auto* s = reinterpret_cast<const unsigned char*>(w.data());
  if (std::all_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; })) {
    return w.size() <= kMaxAscii;  // AsciiHash reads at most 16 bytes
  }
  if (w.size() % 2 != 0 || w.size() > kMaxCyrillic) return false;
  for (std::size_t i = 0; i < w.size(); i += 2) {
    unsigned char lower[2];
    if (!IsCyrillicPair(s, i, w.size())) return false;
    LowerCyrillic(s + i, lower);
    if (lower[0] != s[i] || lower[1] != s[i + 1]) return false;
  }
  return true;
}

DateWindowFinder::DateWindowFinder(const std::vector<std::string_view>& any_case,
                                   const std::vector<std::string_view>& capitalised, int min_year,
                                   int max_year, std::size_t runs_before, std::size_t runs_after)
    : min_year_(min_year), max_year_(max_year), runs_before_(runs_before), runs_after_(runs_after) {
  auto add = [this](std::string_view w, bool capital) {
    if (!Searchable(w)) return;
    const auto* p = reinterpret_cast<const unsigned char*>(w.data());
    const bool ascii = w[0] >= 'a' && w[0] <= 'z';
    const std::uint32_t h = ascii ? AsciiHash(p, w.size(), w.size()) : HashOf(w);
    if (ascii) {
      ascii_shapes_[static_cast<unsigned char>(w[0] - 'a' + 'A')] |= std::uint32_t{1} << w.size();
      if (!capital) ascii_shapes_[p[0]] |= std::uint32_t{1} << w.size();
    }
    bloom_[(h / 64) % bloom_.size()] |= std::uint64_t{1} << (h % 64);
    anchors_.push_back({h, std::string(w), capital});
  };
  for (std::string_view w : any_case) add(w, false);
  for (std::string_view w : capitalised) add(w, true);
  std::sort(anchors_.begin(), anchors_.end(),
            [](const Anchor& a, const Anchor& b) { return a.hash < b.hash; });
}

bool DateWindowFinder::IsAnchor(std::uint32_t hash, std::string_view lower, bool capital) const {
  auto it = std::lower_bound(anchors_.begin(), anchors_.end(), hash,
                             [](const Anchor& a, std::uint32_t h) { return a.hash < h; });
  for (; it != anchors_.end() && it->hash == hash; ++it) {
    if (it->word == lower && (capital || !it->capital)) return true;
  }
  return false;
}

bool DateWindowFinder::AsciiAnchor(const unsigned char* s, std::size_t n, std::size_t begin,
                                   std::size_t size) const {
  if (!MayBeAsciiAnchor(s[begin], size)) return false;
  const std::uint32_t h = AsciiHash(s + begin, size, n - begin);
  if (!BloomHas(h)) return false;
  char lower[kMaxAscii];
  for (std::size_t k = 0; k < size; ++k) lower[k] = static_cast<char>(s[begin + k] | 0x20);
  return IsAnchor(h, std::string_view(lower, size), s[begin] <= 'Z');
}

std::size_t DateWindowFinder::CyrillicWord(const unsigned char* s, std::size_t n, std::size_t i,
                                           bool* anchor) const {
  std::array<unsigned char, kMaxCyrillic> lower;
  std::size_t size = 0;
  std::uint32_t h = 0;
  do {
    unsigned char pair[2];
    LowerCyrillic(s + i, pair);
    h = Hash(Hash(h, pair[0]), pair[1]);
    if (size + 2 <= lower.size()) {
      lower[size] = pair[0];
      lower[size + 1] = pair[1];
    }
    size += 2;
    i += 2;
  } while (IsCyrillicPair(s, i, n));
  *anchor = size <= lower.size() && BloomHas(h) &&
            IsAnchor(h, std::string_view(reinterpret_cast<const char*>(lower.data()), size), false);
  return i;
}

bool DateWindowFinder::RareAnchor(const unsigned char* s, std::size_t n, std::size_t* i) const {
  const unsigned char b = s[*i];
  if (kClass[b] == kDigit) {
    // A number token is a whole run of digits: an anchor when it is a year.
    std::size_t end = *i;
    int value = 0;
    for (; end < n && kClass[s[end]] == kDigit; ++end) {
      if (end - *i < 4) value = value * 10 + (s[end] - '0');
    }
    if (end - *i == 4 && value >= min_year_ && value <= max_year_) return true;
    *i = end;
    return false;
  }
  if (kClass[b] == kCyrillicLead && IsCyrillicPair(s, *i, n)) {
    bool anchor = false;
    const std::size_t end = CyrillicWord(s, n, *i, &anchor);
    if (!anchor) *i = end;
    return anchor;
  }
  if ((b == 0xC4 && *i + 1 < n && s[*i + 1] == 0xB0) ||
      (b == 0xE2 && *i + 2 < n && s[*i + 1] == 0x84 && s[*i + 2] == 0xAA)) {
    return true;
  }
  ++*i;
  return false;
}

namespace {

// Masks of a block of text, a bit per byte (bit k for byte k): ASCII letters, ASCII digits, and
// bytes past ASCII.
struct BlockMasks {
  std::uint32_t letters;
  std::uint32_t digits;
  std::uint32_t high;
};

// Eight bytes, in a 64-bit number (SWAR): the portable way.
struct Block8 {
  static constexpr std::size_t kSize = 8;
  static BlockMasks At(const unsigned char* p) {
    constexpr std::uint64_t kHigh = 0x8080808080808080u;
    constexpr std::uint64_t kLow7 = 0x7F7F7F7F7F7F7F7Fu;
    auto ones = [](unsigned char c) { return std::uint64_t{0x0101010101010101u} * c; };
    // The high bit of each byte to bit k of a byte.
    auto bits = [](std::uint64_t high_bits) {
      return static_cast<std::uint32_t>(((high_bits >> 7) * 0x0102040810204080u) >> 56);
    };
    const std::uint64_t x = Load64(p);
    const std::uint64_t high = x & kHigh;
    const std::uint64_t v = x & kLow7;
    const std::uint64_t lower = v | ones(0x20);
    const std::uint64_t letters =
        (lower + ones(0x80 - 'a')) & ~(lower + ones(0x80 - 'z' - 1)) & ~high & kHigh;
    const std::uint64_t digits =
        (v + ones(0x80 - '0')) & ~(v + ones(0x80 - '9' - 1)) & ~high & kHigh;
    return {bits(letters), bits(digits), bits(high)};
  }
};

#if defined(__SSE2__)
// Sixteen bytes in an SSE2 register (every x86-64 processor has SSE2).
struct Block16 {
  static constexpr std::size_t kSize = 16;
  static BlockMasks At(const unsigned char* p) {
    const AsciiMasks16 m = ClassifyAscii16(p);
    return {m.letters, m.digits, m.high};
  }
};
using FastBlock = Block16;
#else
using FastBlock = Block8;
#endif

}  // namespace

template <typename Block>
std::size_t DateWindowFinder::NextAnchorIn(const unsigned char* s, std::size_t n,
                                           std::size_t i) const {
  // A block at a time: masks of ASCII letters and of the rare bytes (digits, bytes past ASCII)
  // tell where words end and what else needs a look, with no branch per byte; each word that
  // ends is hashed whole and tried against the Bloom filter.
  constexpr std::size_t kSize = Block::kSize;
  std::size_t word = i;  // where the word that goes on at i started (when in_word)
  std::uint32_t in_word = 0;
  while (i + kSize <= n) {
    const BlockMasks m = Block::At(s + i);
    const std::uint32_t next_letter = i + kSize < n && kClass[s[i + kSize]] == kLetter ? 1 : 0;
    const std::uint32_t ends = m.letters & ~((m.letters >> 1) | (next_letter << (kSize - 1)));
    const std::uint32_t starts = m.letters & ~((m.letters << 1) | in_word);
    std::uint32_t events = ends | m.digits | m.high;
    bool jumped = false;
    while (events != 0) {
      const int bit = __builtin_ctz(events);
      const std::size_t at = i + static_cast<std::size_t>(bit);
      events &= events - 1;
      if ((ends >> bit) & 1u) {
        const std::uint32_t started = starts & ((2u << bit) - 1);
        if (started != 0) word = i + static_cast<std::size_t>(31 - __builtin_clz(started));
        if (MayBeAsciiAnchor(s[word], at + 1 - word) && AsciiAnchor(s, n, word, at + 1 - word)) {
          return word;
        }
        continue;
      }
      std::size_t j = at;
      if (RareAnchor(s, n, &j)) return at;
      if (j > i + kSize) {
        // A Cyrillic word ran past this block: go on after it.
        i = j;
        in_word = 0;
        jumped = true;
        break;
      }
      if (j > at + 1) events &= ~((std::uint32_t{1} << (j - i)) - 1);  // the word's bytes
    }
    if (jumped) continue;
    if (starts != 0) word = i + static_cast<std::size_t>(31 - __builtin_clz(starts));
    in_word = next_letter & (m.letters >> (kSize - 1));
    i += kSize;
  }
  // The last few bytes, one at a time.
  while (i < n) {
    const unsigned char b = s[i];
    if (kClass[b] == kLetter) {
      if (in_word == 0) word = i;
      in_word = 1;
      if (i + 1 == n || kClass[s[i + 1]] != kLetter) {
        if (AsciiAnchor(s, n, word, i + 1 - word)) return word;
        in_word = 0;
      }
      ++i;
      continue;
    }
    in_word = 0;
    if (kClass[b] > kLetter || b >= 0x80) {
      const std::size_t at = i;
      if (RareAnchor(s, n, &i)) return at;
    } else {
      ++i;
    }
  }
  return n;
}

std::size_t DateWindowFinder::RunsBack(const unsigned char* s, std::size_t begin, std::size_t runs,
                                       std::size_t floor) {
  std::size_t p = begin;
  for (std::size_t counted = 0; counted < runs && p > floor;) {
    while (p > 0 && kClass[s[p - 1]] == kSeparator) --p;
    if (p == 0) break;
    const std::size_t end = p;
    while (p > 0 && kClass[s[p - 1]] != kSeparator) --p;
    counted += Counts(s, p, end);
  }
  return p;
}

std::size_t DateWindowFinder::RunsForward(const unsigned char* s, std::size_t n, std::size_t end,
                                          std::size_t runs) {
  std::size_t p = end;
  for (std::size_t counted = 0; counted < runs;) {
    while (p < n && kClass[s[p]] == kSeparator) ++p;
    if (p == n) break;
    const std::size_t begin = p;
    p = RunEnd(s, n, p);
    if (Counts(s, begin, p)) {
      ++counted;
      end = p;
    }
  }
  return end;
}

std::size_t DateWindowFinder::Grow(std::string_view text, std::size_t end, std::size_t runs) {
  const std::size_t grown =
      RunsForward(reinterpret_cast<const unsigned char*>(text.data()), text.size(), end, runs);
  return grown > end ? grown : text.size();
}

bool DateWindowFinder::Find(std::string_view text, std::vector<ByteWindow>* windows) const {
  return FindWith<FastBlock>(text, windows);
}

bool DateWindowFinder::FindPortably(std::string_view text, std::vector<ByteWindow>* windows) const {
  return FindWith<Block8>(text, windows);
}

template <typename Block>
bool DateWindowFinder::FindWith(std::string_view text, std::vector<ByteWindow>* windows) const {
  windows->clear();
  std::size_t covered = 0;  // bytes in windows
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  // The ends of the counted runs walked forward past the last anchor's run (ahead[head...]), and
  // where that walk stopped: anchors close together share one walk, so each run is walked once.
  std::vector<std::size_t> ahead;
  std::size_t head = 0;
  std::size_t walked = 0;
  std::size_t i = 0;
  while ((i = NextAnchorIn<Block>(s, n, i)) < n) {
    // Each run is walked back from at most once: the scan goes on after its end.
    std::size_t run_begin = i;
    while (run_begin > 0 && kClass[s[run_begin - 1]] != kSeparator) --run_begin;
    const std::size_t run_end = RunEnd(s, n, i);
    const std::size_t last_end = windows->empty() ? 0 : windows->back().end;
    const std::size_t from = RunsBack(s, run_begin, runs_before_, last_end);
    if (run_end > walked) {
      ahead.clear();
      head = 0;
      walked = run_end;
    } else {
      while (head < ahead.size() && ahead[head] <= run_end) ++head;
    }
    while (ahead.size() - head < runs_after_ && walked < n) {
      const std::size_t end = RunsForward(s, n, walked, 1);
      if (end == walked) {
        walked = n;  // only white space (or runs that hold no token) is left
        break;
      }
      ahead.push_back(end);
      walked = end;
    }
    const std::size_t to = ahead.size() > head ? ahead.back() : run_end;
    if (!windows->empty() && from <= last_end) {
      covered += std::max(last_end, to) - last_end;
      windows->back().end = std::max(last_end, to);
    } else {
      covered += to - from;
      windows->push_back({from, to});
    }
    i = run_end;
    if (i >= kDenseAfter && covered > i / 2) return false;
  }
  return true;
}

bool DateWindowFinder::IsAnchorWord(std::string_view word) const {
  const auto* s = reinterpret_cast<const unsigned char*>(word.data());
  return !word.empty() && RunEnd(s, word.size(), 0) == word.size() &&
         NextAnchorIn<FastBlock>(s, word.size(), 0) < word.size();
}

}  // namespace parallax::internal
