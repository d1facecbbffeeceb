#include "annotate/matcher.h"

#include <libstemmer.h>

#include <algorithm>
#include <cstring>
#include <utility>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "text/tokenizer.h"

namespace parallax {
namespace {

constexpr uint32_t kNone = 0xFFFFFFFFu;

// splitmix64's finaliser: a bijection on 64-bit values.
inline uint64_t Mix64(uint64_t x) {
  x ^= x >> 30;
  x *= 0xBF58476D1CE4E5B9ULL;
  x ^= x >> 27;
  x *= 0x94D049BB133111EBULL;
  x ^= x >> 31;
  return x;
}

// Hashes `n` bytes at `p` in 8-byte words; the length is mixed in last, so a caller can hash a
// run whose end it finds while hashing. `readable_end` bounds what may be read: a tail shorter
// than 8 bytes is loaded whole when 8 bytes are readable, then masked. With kAsciiLower every
// byte gets 0x20 set, which lowercases ASCII letters and leaves digits as they are: the match
// form of an ASCII word, hashed without writing it anywhere.
//
// Each word is folded in with one 64x64->128-bit multiplication (high and low halves xored), a
// short dependency chain: the hash sits on the path of every token.
__extension__ using Uint128 = unsigned __int128;

inline uint64_t Fold(uint64_t a, uint64_t b) {
  const Uint128 product = static_cast<Uint128>(a) * b;
  return static_cast<uint64_t>(product) ^ static_cast<uint64_t>(product >> 64);
}

template <bool kAsciiLower>
inline uint64_t HashRun(const char* p, size_t n, const char* readable_end) {
  constexpr uint64_t kLower = kAsciiLower ? 0x2020202020202020ULL : 0;
  uint64_t h = 0x9E3779B97F4A7C15ULL ^ n;
  while (n > 8) {
    uint64_t w;
    std::memcpy(&w, p, 8);
    h = Fold(h ^ (w | kLower), 0xFF51AFD7ED558CCDULL);
    p += 8;
    n -= 8;
  }
  if (n > 0) {
    const uint64_t mask = ~uint64_t{0} >> (64 - 8 * n);  // n is 1..8
    uint64_t w = 0;
    if (readable_end - p >= 8) {
      std::memcpy(&w, p, 8);
    } else {
      for (size_t i = 0; i < n; ++i) w |= uint64_t{static_cast<unsigned char>(p[i])} << (8 * i);
    }
    h ^= (w | kLower) & mask;
  }
  return Fold(h, 0xC4CEB9FE1A85EC53ULL);
}

inline uint64_t HashBytes(std::string_view s) {
  return HashRun<false>(s.data(), s.size(), s.data() + s.size());
}

// Bit sets over token hashes that answer "certainly not in the set" from L1/L2 cache, blocked:
// each hash sets two bits of one 64-bit word (word from the top bits, positions from the
// middle), so a test is one load; about 1 in 100 tokens passes when 15,000 distinct tokens
// start a pattern.
constexpr int kBloomWordBits = 12;  // 4,096 words, 32 KB
inline uint64_t BloomMask(uint64_t h) {
  return (uint64_t{1} << ((h >> 20) & 63)) | (uint64_t{1} << ((h >> 26) & 63));
}
inline size_t BloomWord(uint64_t h) { return h >> (64 - kBloomWordBits); }
inline void BloomSet(std::vector<uint64_t>* bloom, uint64_t h) {
  if (bloom->empty()) bloom->assign(size_t{1} << kBloomWordBits, 0);
  (*bloom)[BloomWord(h)] |= BloomMask(h);
}
inline bool BloomTest(const std::vector<uint64_t>& bloom, uint64_t h) {
  const uint64_t mask = BloomMask(h);
  return (bloom[BloomWord(h)] & mask) == mask;
}

// Byte classes of the skip loop; they agree with the Tokenizer's ASCII classes.
enum : uint8_t { kSkipSpace, kSkipAlnum, kSkipPunct, kSkipNonAscii };
struct SkipClasses {
  uint8_t c[256];
  constexpr SkipClasses() : c() {
    for (int i = 0; i < 256; ++i) {
      if (i >= 0x80) {
        c[i] = kSkipNonAscii;
      } else if (i <= ' ' || i == 0x7F) {
        c[i] = kSkipSpace;
      } else if ((i >= 'a' && i <= 'z') || (i >= 'A' && i <= 'Z') || (i >= '0' && i <= '9')) {
        c[i] = kSkipAlnum;
      } else {
        c[i] = kSkipPunct;
      }
    }
  }
};
constexpr SkipClasses kSkip;

inline bool IsDigitByte(unsigned char b) { return b >= '0' && b <= '9'; }

// Node flags, one byte per trie node so the walk rarely touches the larger node records.
enum : uint8_t { kHasChildren = 1, kHasTerminal = 2, kHasWildcards = 4 };

constexpr uint64_t kFnvOffset = 0xCBF29CE484222325ULL;
constexpr uint64_t kFnvPrime = 0x100000001B3ULL;

inline uint64_t WildcardKey(uint32_t node, uint64_t fnv_state) {
  return Mix64(fnv_state ^ (uint64_t{node} * 0x9E3779B97F4A7C15ULL));
}

inline uint32_t PrefilterBit(uint32_t node, unsigned char b0, unsigned char b1) {
  return static_cast<uint32_t>(Mix64((uint64_t{node} << 16) | (uint64_t{b0} << 8) | b1) &
                               ((1u << 20) - 1));
}

// Open-addressing hash index from a 64-bit hash to a 32-bit value; equal hashes are told apart
// by a caller-supplied predicate on the stored value.
class HashIndex {
 public:
  HashIndex() { Rehash(16); }

  template <typename Eq>
  uint32_t Find(uint64_t hash, Eq&& eq) const {
    size_t i = hash & mask_;
    for (;;) {
      const Slot& slot = slots_[i];
      if (slot.value == kNone) return kNone;
      if (slot.hash == hash && eq(slot.value)) return slot.value;
      i = (i + 1) & mask_;
    }
  }

  void Insert(uint64_t hash, uint32_t value) {
    if ((size_ + 1) * 2 > slots_.size()) Rehash(slots_.size() * 2);
    Place(hash, value);
    ++size_;
  }

 private:
  struct Slot {
    uint64_t hash = 0;
    uint32_t value = kNone;
  };

  void Place(uint64_t hash, uint32_t value) {
    size_t i = hash & mask_;
    while (slots_[i].value != kNone) i = (i + 1) & mask_;
    slots_[i] = Slot{hash, value};
  }

  void Rehash(size_t capacity) {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(capacity, Slot{});
    mask_ = capacity - 1;
    for (const Slot& s : old) {
      if (s.value != kNone) Place(s.hash, s.value);
    }
  }

  std::vector<Slot> slots_;
  size_t mask_ = 0;
  size_t size_ = 0;
};

// Interned token strings -> dense ids. Slots keep the hash and the first bytes of the key so
// a lookup usually touches one cache line.
class Vocabulary {
 public:
  Vocabulary() { Rehash(1024); }

  uint32_t Find(std::string_view s) const { return FindHashed(s, HashBytes(s)); }

  uint32_t Intern(std::string_view s) {
    const uint64_t h = HashBytes(s);
    uint32_t id = FindHashed(s, h);
    if (id != kNone) return id;
    id = static_cast<uint32_t>(offsets_.size() - 1);
    text_.append(s);
    offsets_.push_back(static_cast<uint32_t>(text_.size()));
    if ((offsets_.size() - 1) * 2 > slots_.size()) Rehash(slots_.size() * 2);
    Place(h, id);
    return id;
  }

  size_t size() const { return offsets_.size() - 1; }

  std::string_view String(uint32_t id) const {
    return std::string_view(text_).substr(offsets_[id], offsets_[id + 1] - offsets_[id]);
  }

  // Returns the token's id, or kNone.
  uint32_t FindHashed(std::string_view s, uint64_t h) const {
    size_t i = h & mask_;
    for (;;) {
      const Slot& slot = slots_[i];
      if (slot.id == kNone) return kNone;
      if (slot.hash == h && slot.length == s.size()) {
        const bool equal = s.size() <= kInline ? std::memcmp(slot.key, s.data(), s.size()) == 0
                                               : String(slot.id) == s;
        if (equal) return slot.id;
      }
      i = (i + 1) & mask_;
    }
  }

 private:
  static constexpr size_t kInline = 12;
  struct Slot {
    uint64_t hash = 0;
    uint32_t id = kNone;
    uint32_t length = 0;
    char key[kInline] = {};
  };

  void Place(uint64_t h, uint32_t id) {
    size_t i = h & mask_;
    while (slots_[i].id != kNone) i = (i + 1) & mask_;
    Slot& slot = slots_[i];
    slot.hash = h;
    slot.id = id;
    const std::string_view key = String(id);
    slot.length = static_cast<uint32_t>(key.size());
    std::memcpy(slot.key, key.data(), std::min(key.size(), kInline));
  }

  void Rehash(size_t capacity) {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(capacity, Slot{});
    mask_ = capacity - 1;
    for (const Slot& slot : old) {
      if (slot.id != kNone) Place(slot.hash, slot.id);
    }
  }

  std::vector<Slot> slots_;
  size_t mask_ = 0;
  std::string text_;
  std::vector<uint32_t> offsets_{0};
};

// Trie edges keyed by (parent node, hash of the token's string), so the text's tokens need no
// vocabulary lookup. A compact array of 32-bit fingerprints (L2-resident) answers most failed
// lookups; only a fingerprint hit reads the full edge, which holds everything the walk needs
// next: the child, its flags and terminal range, and the token's bytes to confirm the match.
class EdgeTable {
 public:
  static constexpr size_t kInline = 16;
  struct Edge {
    uint64_t key = 0;
    uint32_t parent = kNone;
    uint32_t child = kNone;
    uint32_t token = kNone;  // vocabulary id, to compare tokens longer than kInline
    uint32_t term_begin = 0;
    uint32_t term_end = 0;
    uint8_t child_flags = 0;
    uint8_t length = 0;  // 255: kInline or longer, compare through the vocabulary
    char text[kInline] = {};
  };

  static uint64_t Key(uint32_t parent, uint64_t token_hash) {
    return Fold(token_hash ^ (uint64_t{parent} * 0x9E3779B97F4A7C15ULL), 0xD6E8FEB86659FD93ULL);
  }

  void Build(size_t count) {
    size_t capacity = 16;
    while (capacity < count * 2) capacity *= 2;
    fingerprints_.assign(capacity, 0);
    slots_.assign(capacity, Edge{});
    mask_ = capacity - 1;
  }

  void Insert(uint32_t parent, uint32_t child, uint32_t token, std::string_view text,
              uint8_t child_flags, uint32_t term_begin, uint32_t term_end) {
    const uint64_t key = Key(parent, HashBytes(text));
    size_t i = key & mask_;
    while (fingerprints_[i] != 0) i = (i + 1) & mask_;
    fingerprints_[i] = Fingerprint(key);
    Edge& e = slots_[i];
    e.key = key;
    e.parent = parent;
    e.child = child;
    e.token = token;
    e.term_begin = term_begin;
    e.term_end = term_end;
    e.child_flags = child_flags;
    e.length = static_cast<uint8_t>(std::min<size_t>(text.size(), 255));
    std::memcpy(e.text, text.data(), std::min(text.size(), kInline));
  }

  // Find for a token shorter than kInline given by its bytes in the text: with `lower`, its
  // match form is those bytes with 0x20 set (an ASCII word), else the bytes themselves. Reads
  // up to 16 bytes from `p` when they are below `readable_end`.
  const Edge* FindAscii(uint32_t parent, const char* p, size_t length, bool lower,
                        uint64_t token_hash, const char* readable_end) const {
    uint64_t w[2] = {0, 0};
    if (readable_end - p >= 16) {
      std::memcpy(w, p, 16);
    } else {
      std::memcpy(w, p, length);
    }
    const uint64_t case_bits = lower ? 0x2020202020202020ULL : 0;
    const uint64_t mask0 = length >= 8 ? ~uint64_t{0} : (uint64_t{1} << (8 * length)) - 1;
    const uint64_t mask1 = length <= 8 ? 0 : (uint64_t{1} << (8 * (length - 8))) - 1;
    w[0] = (w[0] | case_bits) & mask0;
    w[1] = (w[1] | case_bits) & mask1;
    return Probe(parent, token_hash, [&](const Edge& e) {
      if (e.length != length) return false;
      uint64_t t[2];
      std::memcpy(t, e.text, 16);
      return t[0] == w[0] && t[1] == w[1];
    });
  }

  const Edge* Find(uint32_t parent, std::string_view text, uint64_t token_hash,
                   const Vocabulary& vocab) const {
    return Probe(parent, token_hash, [&](const Edge& e) { return Same(e, text, vocab); });
  }

 private:
  static uint32_t Fingerprint(uint64_t key) { return static_cast<uint32_t>(key >> 32) | 1; }

  // The edge leaving `parent` whose token has `token_hash` and satisfies `same`, or null.
  template <typename SameToken>
  const Edge* Probe(uint32_t parent, uint64_t token_hash, SameToken&& same) const {
    const uint64_t key = Key(parent, token_hash);
    const uint32_t fingerprint = Fingerprint(key);
    size_t i = key & mask_;
    for (;;) {
      const uint32_t f = fingerprints_[i];
      if (f == 0) return nullptr;
      if (f == fingerprint) {
        const Edge& e = slots_[i];
        if (e.key == key && e.parent == parent && same(e)) return &e;
      }
      i = (i + 1) & mask_;
    }
  }

  static bool Same(const Edge& e, std::string_view text, const Vocabulary& vocab) {
    if (text.size() < kInline) {
      return e.length == text.size() && std::memcmp(e.text, text.data(), text.size()) == 0;
    }
    return vocab.String(e.token) == text;
  }

  std::vector<uint32_t> fingerprints_{0};
  std::vector<Edge> slots_{1};
  size_t mask_ = 0;
};

// One Snowball stemmer per algorithm and thread: sb_stemmer is not thread-safe.
class StemmerPool {
 public:
  StemmerPool() = default;
  StemmerPool(const StemmerPool&) = delete;
  StemmerPool& operator=(const StemmerPool&) = delete;
  ~StemmerPool() {
    for (auto& entry : stemmers_) sb_stemmer_delete(entry.second);
  }
  sb_stemmer* Get(const std::string& algorithm) {
    for (auto& entry : stemmers_) {
      if (entry.first == algorithm) return entry.second;
    }
    sb_stemmer* s = sb_stemmer_new(algorithm.c_str(), "UTF_8");
    stemmers_.emplace_back(algorithm, s);
    return s;
  }

 private:
  std::vector<std::pair<std::string, sb_stemmer*>> stemmers_;
};

StemmerPool& ThreadStemmers() {
  thread_local StemmerPool pool;
  return pool;
}

std::string_view Stem(sb_stemmer* stemmer, std::string_view word) {
  if (stemmer == nullptr) return word;
  const sb_symbol* out = sb_stemmer_stem(stemmer, reinterpret_cast<const sb_symbol*>(word.data()),
                                         static_cast<int>(word.size()));
  if (out == nullptr) return word;
  return std::string_view(reinterpret_cast<const char*>(out),
                          static_cast<size_t>(sb_stemmer_length(stemmer)));
}

bool IsAscii(std::string_view s) {
  for (char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

// Built with append: GCC 12 warns falsely (-Wrestrict, bug 105651) on "\"" + std::string(s).
std::string Quote(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 2);
  out.append(1, '"').append(s).append(1, '"');
  return out;
}

constexpr TokenizerOptions kMatchTokens{.punctuation = true};

}  // namespace

struct LexiconMatcher::Impl {
  struct Pending {
    std::string text;
    std::string language;
  };
  struct Mode {
    std::string algorithm;  // "" for exact matching
    uint32_t root = 0;
    bool has_ascii_words = false;
  };
  struct Node {
    uint32_t term_begin = 0;  // range in terminals
    uint32_t term_end = 0;
    uint64_t wildcard_lengths = 0;  // bit L: a wildcard prefix of L bytes (L < 64) leaves here
    bool long_wildcards = false;    // a wildcard prefix of >= 64 bytes leaves here
  };
  struct Wildcard {
    uint32_t node;
    std::string prefix;
    std::vector<int> patterns;
  };

  std::vector<Pending> pending;
  bool compiled = false;

  // Token vocabulary: match forms and stems of every pattern token.
  Vocabulary vocab;

  std::vector<Mode> modes;
  std::vector<Node> nodes;
  std::vector<int> terminals;
  HashIndex edges;  // Mix64(node << 32 | token) -> child
  std::vector<Wildcard> wildcards;
  HashIndex wildcard_index;         // WildcardKey(node, fnv(prefix)) -> wildcards index
  std::vector<uint64_t> prefilter;  // 2^20 bits over (node, first two bytes) of long prefixes
  struct BuildEdge {
    uint32_t parent;
    uint32_t token;
    uint32_t child;
  };
  std::vector<BuildEdge> build_edges;  // during Compile only
  EdgeTable edge_table;
  std::vector<uint8_t> node_flags;
  std::vector<uint64_t> start_bloom;  // token hashes on edges leaving a root
  std::vector<uint64_t> inner_bloom;  // token hashes on all other edges
  // The fast path (FastMatch) is used when no ASCII word can start a pattern except through
  // start_bloom or the wildcard prefilter: no stemming mode has ASCII words and no root has a
  // one-byte wildcard prefix.
  bool fast_skip = false;
  bool punct_starts[128] = {};           // ASCII punctuation tokens that start a pattern
  std::vector<uint32_t> wildcard_roots;  // roots with wildcard prefixes (all >= 2 bytes)

  uint32_t InternToken(std::string_view s) { return vocab.Intern(s); }
  uint32_t Child(uint32_t node, uint32_t token) const {
    return edges.Find(Mix64((uint64_t{node} << 32) | token), [](uint32_t) { return true; });
  }
  uint32_t ChildOrNew(uint32_t node, uint32_t token) {
    uint32_t child = Child(node, token);
    if (child != kNone) return child;
    child = static_cast<uint32_t>(nodes.size());
    nodes.emplace_back();
    edges.Insert(Mix64((uint64_t{node} << 32) | token), child);
    build_edges.push_back({node, token, child});
    return child;
  }

  void MatchText(std::string_view text, std::vector<PatternMatch>* out) const;

  // The fast path for plain ASCII text. From `pos` (a token start or white space) it matches
  // tokens straight from the bytes, hashing their match forms without building tokens, and
  // appends the matches it finds to `out`. It stops at the first token it cannot settle alone
  // and returns that token's offset for the Tokenizer to take over: a token with non-ASCII
  // bytes, inner hyphens, apostrophes or digit joiners (anywhere in a pattern being walked),
  // one that may start a wildcard or punctuation pattern, or a number when stemming modes
  // exist. Returns text.size() at the end.
  // When the returned token is the clitic "'s" of a possessive word, *clitic is set: the
  // Tokenizer must then return it as a clitic (Seek with clitic = true).
  size_t FastMatch(std::string_view text, size_t pos, std::vector<PatternMatch>* out,
                   bool* clitic) const;
};

namespace {

// Bit masks over 16 bytes of text (bit i: byte i): ASCII letters, ASCII letters and digits, and
// white space as the Tokenizer sees it (ASCII controls, space, DEL).
struct ByteMasks {
  uint32_t alpha = 0;
  uint32_t alnum = 0;
  uint32_t space = 0;
};

inline ByteMasks Classify16(const unsigned char* p) {
  ByteMasks m;
#if defined(__SSE2__)
  // Signed byte compares: bytes >= 0x80 are negative and fall outside every range.
  const __m128i c = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  const __m128i lower = _mm_or_si128(c, _mm_set1_epi8(0x20));
  const __m128i alpha = _mm_and_si128(_mm_cmpgt_epi8(lower, _mm_set1_epi8('a' - 1)),
                                      _mm_cmplt_epi8(lower, _mm_set1_epi8('z' + 1)));
  const __m128i digit = _mm_and_si128(_mm_cmpgt_epi8(c, _mm_set1_epi8('0' - 1)),
                                      _mm_cmplt_epi8(c, _mm_set1_epi8('9' + 1)));
  const __m128i space = _mm_or_si128(_mm_and_si128(_mm_cmpgt_epi8(c, _mm_set1_epi8(-1)),
                                                   _mm_cmplt_epi8(c, _mm_set1_epi8(' ' + 1))),
                                     _mm_cmpeq_epi8(c, _mm_set1_epi8(0x7F)));
  m.alpha = static_cast<uint32_t>(_mm_movemask_epi8(alpha));
  m.alnum = m.alpha | static_cast<uint32_t>(_mm_movemask_epi8(digit));
  m.space = static_cast<uint32_t>(_mm_movemask_epi8(space));
#else
  for (int i = 0; i < 16; ++i) {
    const uint8_t cls = kSkip.c[p[i]];
    if (cls == kSkipAlnum) m.alnum |= 1u << i;
    if (cls == kSkipAlnum && p[i] > '9') m.alpha |= 1u << i;
    if (cls == kSkipSpace) m.space |= 1u << i;
  }
#endif
  return m;
}

// One token of the fast path: [begin, end), and the hash of its match form.
struct AsciiToken {
  size_t begin = 0;
  size_t end = 0;
  uint64_t hash = 0;
  bool simple = false;  // false: the Tokenizer's full rules are needed from `begin`
  bool punct = false;
  bool has_letter = false;
  bool possessive = false;  // the clitic "'s" follows at `end`
};

inline bool IsAlnumByte(unsigned char b) { return kSkip.c[b] == kSkipAlnum; }

// Finishes the ASCII word whose first run of letters and digits is [begin, j): follows inner
// hyphens, apostrophes and digit joiners as the Tokenizer does, stops before a possessive "'s"
// (the clitic token follows), and sets t->simple = false where only the Tokenizer can decide
// (a non-ASCII byte in or right after the word).
inline void FinishAsciiWord(const char* base, size_t n, size_t begin, size_t j, bool letter,
                            AsciiToken* t) {
  const auto* s = reinterpret_cast<const unsigned char*>(base);
  t->simple = false;
  t->punct = false;
  t->possessive = false;
  for (;;) {
    if (j >= n) break;
    const unsigned char c = s[j];
    if (c >= 0x80) return;
    if (c != '-' && c != '\'' && c != '.' && c != ',') break;
    if (j + 1 >= n) break;
    const unsigned char next = s[j + 1];
    if (next >= 0x80) return;
    if (!IsAlnumByte(next)) break;
    if ((c == '.' || c == ',') && !(IsDigitByte(s[j - 1]) && IsDigitByte(next))) break;
    if (c == '\'' && (next | 0x20) == 's') {
      if (j + 2 >= n || !IsAlnumByte(s[j + 2])) {
        if (j + 2 < n && s[j + 2] >= 0x80) return;
        t->possessive = true;  // the word ends here, "'s" is the next token
        break;
      }
    }
    ++j;
    while (j < n && IsAlnumByte(s[j])) {
      letter |= s[j] > '9';
      ++j;
    }
  }
  t->end = j;
  t->has_letter = letter;
  t->simple = true;
  t->hash = HashRun<true>(base + begin, j - begin, base + n);
}

// Reads the tokens of one text for the fast path, from bit masks over 64-byte blocks so that
// finding a token's start and end costs a few bit operations, not a branch per byte.
class AsciiScanner {
 public:
  AsciiScanner(const char* base, size_t n)
      : base_(base), s_(reinterpret_cast<const unsigned char*>(base)), n_(n) {}

  // Reads the next token at or after `pos`, skipping white space; false at the end. A token is
  // simple when it is one ASCII punctuation character or an ASCII word (letters, digits, inner
  // joiners); its hash is then that of its match form. Must only be called at a token start or
  // white space, never at the clitic a possessive word leaves (see Read).
  bool Next(size_t pos, AsciiToken* t) {
    for (;;) {
      if (pos >= n_) return false;
      if (pos - block_ >= 64 && !Load(pos)) return Scalar(pos, t);
      size_t offset = pos - block_;
      const uint64_t nonspace = ~space_ >> offset;
      if (nonspace == 0) {
        pos = block_ + 64;
        continue;
      }
      const auto skip = static_cast<size_t>(__builtin_ctzll(nonspace));
      pos += skip;
      offset += skip;
      if (((alnum_ >> offset) & 1) == 0) return Scalar(pos, t);
      const uint64_t rest = ~alnum_ >> offset;
      if (rest == 0) {  // the run reaches the end of the block: read it from its start
        if (offset == 0 || !Load(pos)) return Scalar(pos, t);
        continue;
      }
      const auto length = static_cast<size_t>(__builtin_ctzll(rest));
      t->begin = pos;
      const bool letter = ((alpha_ >> offset) & ((uint64_t{1} << length) - 1)) != 0;
      FinishAsciiWord(base_, n_, pos, pos + length, letter, t);
      return true;
    }
  }

  // The token after `prev`: the clitic "'s" when `prev` is a possessive word, else Next.
  bool Read(const AsciiToken& prev, AsciiToken* t) {
    if (!prev.possessive) return Next(prev.end, t);
    t->begin = prev.end;
    t->end = prev.end + 2;
    t->simple = true;
    t->punct = false;
    t->has_letter = true;
    t->possessive = false;
    t->hash = HashRun<true>(base_ + t->begin, 2, base_ + n_);
    return true;
  }

 private:
  // Computes the masks of [pos, pos + 64); false (and nothing loaded) near the end of the text.
  bool Load(size_t pos) {
    if (n_ - pos < 64) return false;
    space_ = alnum_ = alpha_ = 0;
    for (int i = 0; i < 4; ++i) {
      const ByteMasks m = Classify16(s_ + pos + 16 * i);
      space_ |= uint64_t{m.space} << (16 * i);
      alnum_ |= uint64_t{m.alnum} << (16 * i);
      alpha_ |= uint64_t{m.alpha} << (16 * i);
    }
    block_ = pos;
    return true;
  }

  // The same, byte by byte: punctuation, non-ASCII bytes and the last bytes of the text.
  bool Scalar(size_t pos, AsciiToken* t) {
    for (;;) {
      if (pos >= n_) return false;
      const uint8_t cls = kSkip.c[s_[pos]];
      if (cls != kSkipSpace) break;
      ++pos;
    }
    const uint8_t cls = kSkip.c[s_[pos]];
    t->begin = pos;
    t->simple = false;
    t->punct = false;
    t->possessive = false;
    if (cls == kSkipNonAscii) return true;
    if (cls == kSkipPunct) {
      t->simple = true;
      t->has_letter = false;
      t->end = pos + 1;
      t->punct = true;
      t->hash = HashRun<false>(base_ + pos, 1, base_ + n_);
      return true;
    }
    size_t j = pos;
    bool letter = false;
    while (j < n_ && IsAlnumByte(s_[j])) {
      letter |= s_[j] > '9';
      ++j;
    }
    FinishAsciiWord(base_, n_, pos, j, letter, t);
    return true;
  }

  const char* base_;
  const unsigned char* s_;
  size_t n_;
  size_t block_ = ~size_t{0} - 64;  // no block loaded: pos - block_ >= 64 for every pos
  uint64_t space_ = 0;
  uint64_t alnum_ = 0;
  uint64_t alpha_ = 0;
};

}  // namespace

size_t LexiconMatcher::Impl::FastMatch(std::string_view text, size_t pos,
                                       std::vector<PatternMatch>* out, bool* clitic) const {
  const char* base = text.data();
  const auto* s = reinterpret_cast<const unsigned char*>(base);
  const size_t n = text.size();
  // The edge for the token [begin, t.end) leaving `node`, or null. Tokens of kInline bytes or
  // more are compared through a lowercased copy.
  auto find = [&](uint32_t node, const AsciiToken& t) -> const EdgeTable::Edge* {
    const size_t begin = t.begin;
    const size_t length = t.end - begin;
    if (length >= EdgeTable::kInline) {
      std::string copy(base + begin, length);
      for (char& c : copy) c = t.punct ? c : static_cast<char>(c | 0x20);
      return edge_table.Find(node, copy, t.hash, vocab);
    }
    return edge_table.FindAscii(node, base + begin, length, !t.punct, t.hash, base + n);
  };
  // `prev` stands for the token before the next one to read: its end, and whether a clitic
  // follows. At a hand-over, *clitic tells the Tokenizer to return that clitic first.
  AsciiToken prev;
  prev.end = pos;
  AsciiToken first;
  auto hand_over_at = [&](const AsciiToken& t) {
    *clitic = prev.possessive;
    return t.begin;
  };
  AsciiScanner scanner(base, n);
  while (scanner.Read(prev, &first)) {
    pos = first.begin;
    if (!first.simple) return hand_over_at(first);
    if (first.punct) {
      if (punct_starts[s[pos]]) return hand_over_at(first);
      prev = first;
      continue;
    }
    if (!wildcard_roots.empty() && first.end - pos >= 2) {
      const auto b0 = static_cast<unsigned char>(s[pos] | 0x20);
      const auto b1 = static_cast<unsigned char>(s[pos + 1] | 0x20);
      for (const uint32_t root : wildcard_roots) {
        const uint32_t bit = PrefilterBit(root, b0, b1);
        if (((prefilter[bit / 64] >> (bit % 64)) & 1) != 0) return hand_over_at(first);
      }
    }
    if (!BloomTest(start_bloom, first.hash)) {
      prev = first;
      continue;
    }
    // Numbers may start stemmed patterns, which only the full path walks.
    if (!first.has_letter && modes.size() > 1) return hand_over_at(first);
    const EdgeTable::Edge* edge = find(0, first);
    if (edge == nullptr) {
      prev = first;
      continue;
    }
    // Walk the trie while the next tokens are simple; remember the longest terminal.
    const EdgeTable::Edge* best = nullptr;
    AsciiToken best_last;  // the last token of the longest match
    AsciiToken last = first;
    bool hand_over = false;
    AsciiToken t;
    for (;;) {
      if ((edge->child_flags & kHasWildcards) != 0) {
        hand_over = true;
        break;
      }
      if ((edge->child_flags & kHasTerminal) != 0) {
        best = edge;
        best_last = last;
      }
      if ((edge->child_flags & kHasChildren) == 0) break;
      if (!scanner.Read(last, &t)) break;
      if (!t.simple) {
        hand_over = true;
        break;
      }
      if (!BloomTest(inner_bloom, t.hash)) break;
      const EdgeTable::Edge* child = find(edge->child, t);
      if (child == nullptr) break;
      edge = child;
      last = t;
    }
    if (hand_over) return hand_over_at(first);
    if (best == nullptr) {
      prev = first;
      continue;
    }
    for (uint32_t i = best->term_begin; i < best->term_end; ++i) {
      out->push_back({terminals[i], pos, best_last.end});
    }
    prev = best_last;
  }
  *clitic = false;
  return n;
}

LexiconMatcher::LexiconMatcher() : impl_(std::make_unique<Impl>()) {}
LexiconMatcher::~LexiconMatcher() = default;
LexiconMatcher::LexiconMatcher(LexiconMatcher&&) noexcept = default;
LexiconMatcher& LexiconMatcher::operator=(LexiconMatcher&&) noexcept = default;

int LexiconMatcher::size() const { return static_cast<int>(impl_->pending.size()); }
bool LexiconMatcher::compiled() const { return impl_->compiled; }

int LexiconMatcher::Add(std::string_view pattern, const MatchPatternOptions& options,
                        std::string* error) {
  auto fail = [error](std::string message) {
    if (error != nullptr) *error = std::move(message);
    return -1;
  };
  if (impl_->compiled) return fail("cannot add " + Quote(pattern) + ": matcher already compiled");
  std::vector<Token> tokens;
  std::string storage;
  Tokenize(pattern, kMatchTokens, &tokens, &storage);
  if (tokens.empty()) return fail("empty pattern " + Quote(pattern) + ": it has no words");
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i].norm != "*") continue;
    const bool last = i + 1 == tokens.size();
    const bool glued =
        i > 0 && tokens[i - 1].end == tokens[i].begin &&
        (tokens[i - 1].kind == TokenKind::kWord || tokens[i - 1].kind == TokenKind::kNumber);
    if (!last || !glued) {
      return fail("bad wildcard in " + Quote(pattern) + " at byte " +
                  std::to_string(tokens[i].begin) +
                  ": `*` is allowed only at the end of the last word, as in \"separatist*\"");
    }
  }
  if (!options.stem_language.empty()) {
    sb_stemmer* s = sb_stemmer_new(options.stem_language.c_str(), "UTF_8");
    if (s == nullptr) {
      std::string known;
      for (const char** l = sb_stemmer_list(); *l != nullptr; ++l) {
        known += known.empty() ? "" : ", ";
        known += *l;
      }
      return fail("unknown stemming language " + Quote(options.stem_language) + " for pattern " +
                  Quote(pattern) + "; known: " + known + " (or their ISO 639 codes)");
    }
    sb_stemmer_delete(s);
  }
  impl_->pending.push_back({std::string(pattern), options.stem_language});
  return static_cast<int>(impl_->pending.size()) - 1;
}

bool LexiconMatcher::Compile(std::string* error) {
  Impl& m = *impl_;
  if (m.compiled) {
    if (error != nullptr) *error = "matcher already compiled";
    return false;
  }
  m.modes.push_back({"", 0, true});
  m.nodes.emplace_back();  // exact root
  std::vector<sb_stemmer*> stemmers{nullptr};
  std::vector<std::vector<int>> node_terminals;
  std::vector<Token> tokens;
  std::string storage;
  for (size_t p = 0; p < m.pending.size(); ++p) {
    const Impl::Pending& pat = m.pending[p];
    size_t mode = 0;
    if (!pat.language.empty()) {
      while (mode < m.modes.size() && m.modes[mode].algorithm != pat.language) ++mode;
      if (mode == m.modes.size()) {
        m.modes.push_back({pat.language, static_cast<uint32_t>(m.nodes.size()), false});
        m.nodes.emplace_back();
        stemmers.push_back(sb_stemmer_new(pat.language.c_str(), "UTF_8"));
      }
    }
    Tokenize(pat.text, kMatchTokens, &tokens, &storage);
    const bool wildcard = tokens.back().norm == "*";
    if (wildcard) tokens.pop_back();
    const size_t exact_count = wildcard ? tokens.size() - 1 : tokens.size();
    uint32_t node = m.modes[mode].root;
    for (size_t i = 0; i < exact_count; ++i) {
      std::string_view key = tokens[i].norm;
      if (mode != 0 && tokens[i].kind == TokenKind::kWord) {
        key = Stem(stemmers[mode], key);
        if (IsAscii(key)) m.modes[mode].has_ascii_words = true;
      }
      node = m.ChildOrNew(node, m.InternToken(key));
    }
    if (wildcard) {
      const std::string prefix(tokens.back().norm);
      uint64_t fnv = kFnvOffset;
      for (char c : prefix) fnv = (fnv ^ static_cast<unsigned char>(c)) * kFnvPrime;
      const uint64_t key = WildcardKey(node, fnv);
      uint32_t index = m.wildcard_index.Find(key, [&](uint32_t w) {
        return m.wildcards[w].node == node && m.wildcards[w].prefix == prefix;
      });
      if (index == kNone) {
        index = static_cast<uint32_t>(m.wildcards.size());
        m.wildcards.push_back({node, prefix, {}});
        m.wildcard_index.Insert(key, index);
        if (prefix.size() < 64) {
          m.nodes[node].wildcard_lengths |= uint64_t{1} << prefix.size();
        } else {
          m.nodes[node].long_wildcards = true;
        }
        if (prefix.size() >= 2) {
          if (m.prefilter.empty()) m.prefilter.assign((1u << 20) / 64, 0);
          const uint32_t bit = PrefilterBit(node, static_cast<unsigned char>(prefix[0]),
                                            static_cast<unsigned char>(prefix[1]));
          m.prefilter[bit / 64] |= uint64_t{1} << (bit % 64);
        }
      }
      m.wildcards[index].patterns.push_back(static_cast<int>(p));
    } else {
      if (node_terminals.size() <= node) node_terminals.resize(node + 1);
      node_terminals[node].push_back(static_cast<int>(p));
    }
  }
  for (sb_stemmer* s : stemmers) {
    if (s != nullptr) sb_stemmer_delete(s);
  }
  node_terminals.resize(m.nodes.size());
  for (size_t n = 0; n < m.nodes.size(); ++n) {
    m.nodes[n].term_begin = static_cast<uint32_t>(m.terminals.size());
    m.terminals.insert(m.terminals.end(), node_terminals[n].begin(), node_terminals[n].end());
    m.nodes[n].term_end = static_cast<uint32_t>(m.terminals.size());
  }
  m.node_flags.assign(m.nodes.size(), 0);
  for (uint32_t n = 0; n < m.nodes.size(); ++n) {
    if (m.nodes[n].term_end > m.nodes[n].term_begin) m.node_flags[n] |= kHasTerminal;
    if (m.nodes[n].wildcard_lengths != 0 || m.nodes[n].long_wildcards) {
      m.node_flags[n] |= kHasWildcards;
    }
  }
  for (const auto& e : m.build_edges) m.node_flags[e.parent] |= kHasChildren;
  m.start_bloom.assign(size_t{1} << kBloomWordBits, 0);
  m.inner_bloom.assign(size_t{1} << kBloomWordBits, 0);
  m.edge_table.Build(m.build_edges.size());
  std::vector<bool> is_root(m.nodes.size(), false);
  for (const Impl::Mode& mode : m.modes) is_root[mode.root] = true;
  for (const auto& e : m.build_edges) {
    const std::string_view text = m.vocab.String(e.token);
    BloomSet(is_root[e.parent] ? &m.start_bloom : &m.inner_bloom, HashBytes(text));
    if (is_root[e.parent] && text.size() == 1 && static_cast<unsigned char>(text[0]) < 0x80) {
      m.punct_starts[static_cast<unsigned char>(text[0])] = true;
    }
    m.edge_table.Insert(e.parent, e.child, e.token, text, m.node_flags[e.child],
                        m.nodes[e.child].term_begin, m.nodes[e.child].term_end);
  }
  m.build_edges = {};
  m.edges = HashIndex();
  m.fast_skip = true;
  for (const Impl::Mode& mode : m.modes) {
    const Impl::Node& root = m.nodes[mode.root];
    if (mode.has_ascii_words && !mode.algorithm.empty()) m.fast_skip = false;
    if ((root.wildcard_lengths & 2) != 0) m.fast_skip = false;
    if (root.wildcard_lengths != 0 || root.long_wildcards) m.wildcard_roots.push_back(mode.root);
  }
  m.compiled = true;
  return true;
}

void LexiconMatcher::Match(std::string_view text, std::vector<PatternMatch>* out) const {
  out->clear();
  if (!impl_->compiled) return;
  impl_->MatchText(text, out);
}

void LexiconMatcher::Impl::MatchText(std::string_view text, std::vector<PatternMatch>* out) const {
  struct WindowToken {
    size_t begin;
    size_t end;
    uint32_t norm_offset;
    uint32_t norm_length;
    uint64_t hash;  // HashBytes of the match form
    TokenKind kind;
  };
  // A token's key in a stemming mode: its stem (or its match form for non-words).
  struct StemKey {
    uint32_t offset = 0;  // in arena
    uint32_t length = 0;
    uint64_t hash = 0;
    uint8_t state = 0;  // 0 not computed, 1 computed, 2 cannot match
  };
  const size_t stem_modes = modes.size() - 1;
  std::vector<WindowToken> window;
  std::vector<StemKey> stem_keys;  // window index * stem_modes + (mode - 1)
  std::string arena;               // match forms (and stems) of the window's tokens
  std::vector<int> best;
  Tokenizer tokenizer(text, kMatchTokens);
  Token token;

  auto push = [&](uint64_t hash) {
    window.push_back({token.begin, token.end, static_cast<uint32_t>(arena.size()),
                      static_cast<uint32_t>(token.norm.size()), hash, token.kind});
    arena.append(token.norm);
    if (stem_modes > 0) stem_keys.insert(stem_keys.end(), stem_modes, StemKey{});
  };
  auto fetch = [&](size_t k) {
    while (window.size() <= k) {
      if (!tokenizer.Next(&token)) return false;
      push(HashBytes(token.norm));
    }
    return true;
  };
  auto norm_of = [&](size_t k) {
    return std::string_view(arena).substr(window[k].norm_offset, window[k].norm_length);
  };
  // The string and hash token k is compared by in `mode`; false when it cannot match.
  auto key_for = [&](size_t k, size_t mode, std::string_view* key, uint64_t* hash) {
    if (mode == 0 || window[k].kind != TokenKind::kWord) {
      *key = norm_of(k);
      *hash = window[k].hash;
      return true;
    }
    StemKey& sk = stem_keys[k * stem_modes + mode - 1];
    if (sk.state == 0) {
      const std::string_view norm = norm_of(k);
      if (!modes[mode].has_ascii_words && IsAscii(norm)) {
        sk.state = 2;
      } else {
        const std::string_view stem = Stem(ThreadStemmers().Get(modes[mode].algorithm), norm);
        sk.offset = static_cast<uint32_t>(arena.size());
        sk.length = static_cast<uint32_t>(stem.size());
        sk.hash = HashBytes(stem);
        sk.state = 1;
        arena.append(stem);
      }
    }
    if (sk.state == 2) return false;
    *key = std::string_view(arena).substr(sk.offset, sk.length);
    *hash = sk.hash;
    return true;
  };
  size_t best_len = 0;
  auto record = [&](size_t len, const int* first, const int* last) {
    if (first == last || len < best_len) return;
    if (len > best_len) {
      best_len = len;
      best.clear();
    }
    best.insert(best.end(), first, last);
  };
  auto check_wildcards = [&](uint32_t node, size_t k, size_t len) {
    const Node& nd = nodes[node];
    std::string_view norm = norm_of(k);
    if (window[k].kind != TokenKind::kWord && window[k].kind != TokenKind::kNumber) return;
    size_t max_len = norm.size();
    if (max_len >= 2) {
      const uint32_t bit = prefilter.empty()
                               ? 0
                               : PrefilterBit(node, static_cast<unsigned char>(norm[0]),
                                              static_cast<unsigned char>(norm[1]));
      if (prefilter.empty() || ((prefilter[bit / 64] >> (bit % 64)) & 1) == 0) max_len = 1;
    }
    if (max_len == 1 && (nd.wildcard_lengths & 2) == 0) return;
    uint64_t fnv = kFnvOffset;
    for (size_t l = 1; l <= max_len; ++l) {
      fnv = (fnv ^ static_cast<unsigned char>(norm[l - 1])) * kFnvPrime;
      if (l < 64 ? ((nd.wildcard_lengths >> l) & 1) == 0 : !nd.long_wildcards) continue;
      const std::string_view prefix = norm.substr(0, l);
      const uint32_t w = wildcard_index.Find(WildcardKey(node, fnv), [&](uint32_t i) {
        return wildcards[i].node == node && wildcards[i].prefix == prefix;
      });
      if (w != kNone) {
        const auto& pats = wildcards[w].patterns;
        record(len, pats.data(), pats.data() + pats.size());
      }
    }
  };

  size_t head = 0;
  for (;;) {
    if (fast_skip && window.empty() && !tokenizer.has_pending_clitic()) {
      // Common case: plain ASCII text, matched straight from the bytes.
      bool clitic = false;
      const size_t at = FastMatch(text, tokenizer.position(), out, &clitic);
      if (at >= text.size()) break;
      tokenizer.Seek(at, clitic);
    }
    if (!fetch(head)) {
      break;
    }
    best_len = 0;
    best.clear();
    for (size_t mode = 0; mode < modes.size(); ++mode) {
      uint32_t node = modes[mode].root;
      uint8_t flags = node_flags[node];
      for (size_t k = head;; ++k) {
        if (!fetch(k)) break;
        if ((flags & kHasWildcards) != 0) check_wildcards(node, k, k - head + 1);
        if ((flags & kHasChildren) == 0) break;
        std::string_view key;
        uint64_t hash;
        if (!key_for(k, mode, &key, &hash)) break;
        if (mode == 0 && !BloomTest(node == 0 ? start_bloom : inner_bloom, hash)) break;
        const EdgeTable::Edge* edge = edge_table.Find(node, key, hash, vocab);
        if (edge == nullptr) break;
        node = edge->child;
        flags = edge->child_flags;
        if ((flags & kHasTerminal) != 0) {
          record(k - head + 1, terminals.data() + edge->term_begin,
                 terminals.data() + edge->term_end);
        }
      }
    }
    if (best_len > 0) {
      if (best.size() > 1) {
        std::sort(best.begin(), best.end());
        best.erase(std::unique(best.begin(), best.end()), best.end());
      }
      for (int p : best) out->push_back({p, window[head].begin, window[head + best_len - 1].end});
      head += best_len;
    } else {
      ++head;
    }
    if (head == window.size()) {
      window.clear();
      stem_keys.clear();
      arena.clear();
      head = 0;
    } else if (head >= 256) {
      const uint32_t shift = window[head].norm_offset;
      arena.erase(0, shift);
      window.erase(window.begin(), window.begin() + static_cast<std::ptrdiff_t>(head));
      for (WindowToken& w : window) w.norm_offset -= shift;
      for (StemKey& sk : stem_keys) {
        if (sk.state == 1 && sk.offset >= shift) sk.offset -= shift;
      }
      stem_keys.erase(stem_keys.begin(),
                      stem_keys.begin() + static_cast<std::ptrdiff_t>(head * stem_modes));
      head = 0;
    }
  }
}

}  // namespace parallax
