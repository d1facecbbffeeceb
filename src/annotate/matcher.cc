#include "annotate/matcher.h"

#include <libstemmer.h>

#include <algorithm>
#include <cstring>
#include <utility>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <utf8proc.h>

#include "annotate/speakers.h"
#include "text/byte_set.h"
#include "text/tokenizer.h"
#include "text/utf8.h"

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

// Token hashes fold 8-byte words in with one 64x64->128-bit multiplication each (high and low
// halves xored), a short dependency chain: the hash sits on the path of every token.
__extension__ using Uint128 = unsigned __int128;

inline uint64_t Fold(uint64_t a, uint64_t b) {
  const Uint128 product = static_cast<Uint128>(a) * b;
  return static_cast<uint64_t>(product) ^ static_cast<uint64_t>(product >> 64);
}

// Masks of the bytes of a token of n <= 16 bytes in its first and second 8-byte word.
constexpr uint64_t LowMask(size_t n) {
  return n >= 8 ? ~uint64_t{0} : (uint64_t{1} << (8 * n)) - 1;
}
constexpr uint64_t HighMask(size_t n) { return n <= 8 ? 0 : LowMask(n - 8); }
struct TokenMasks {
  uint64_t low[17];
  uint64_t high[17];
  constexpr TokenMasks() : low(), high() {
    for (size_t n = 0; n <= 16; ++n) {
      low[n] = LowMask(n);
      high[n] = HighMask(n);
    }
  }
};
constexpr TokenMasks kTokenMasks;  // the same as tables, for loops that should not branch

// The hash of a token of n <= 16 bytes given as two little-endian words, bytes past n zero:
// two multiplications and no branch, so that tokens of any short length cost the same.
inline uint64_t HashShort(uint64_t w0, uint64_t w1, size_t n) {
  return Fold(Fold(w0 ^ 0x9E3779B97F4A7C15ULL ^ n, 0xFF51AFD7ED558CCDULL) ^ w1,
              0xC4CEB9FE1A85EC53ULL);
}

// Hashes `n` bytes at `p`. `readable_end` bounds what may be read: a token is loaded as whole
// words when they are readable, then masked. With kAsciiLower every byte gets 0x20 set, which
// lowercases ASCII letters and leaves digits and the joiners - ' . , as they are: the match form
// of an ASCII word, hashed without writing it anywhere.
template <bool kAsciiLower>
inline uint64_t HashRun(const char* p, size_t n, const char* readable_end) {
  constexpr uint64_t kLower = kAsciiLower ? 0x2020202020202020ULL : 0;
  if (n <= 16) {
    uint64_t w[2] = {0, 0};
    if (readable_end - p >= 16) {
      std::memcpy(w, p, 16);
    } else {
      std::memcpy(w, p, n);
    }
    return HashShort((w[0] | kLower) & LowMask(n), (w[1] | kLower) & HighMask(n), n);
  }
  uint64_t h = 0x9E3779B97F4A7C15ULL ^ n;
  while (n > 8) {
    uint64_t w;
    std::memcpy(&w, p, 8);
    h = Fold(h ^ (w | kLower), 0xFF51AFD7ED558CCDULL);
    p += 8;
    n -= 8;
  }
  uint64_t w = 0;
  if (readable_end - p >= 8) {
    std::memcpy(&w, p, 8);
  } else {
    std::memcpy(&w, p, n);
  }
  h ^= (w | kLower) & LowMask(n);  // n is 1..8
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

// The start filter, tested before a word is hashed: one bit per key, a key being the first
// bytes (at most 8) of a token's match form as a little-endian word, bytes past it zero.
constexpr int kStartFilterBits = 18;  // 32 KB
inline size_t StartFilterBit(uint64_t key) {
  return (key * 0x9E3779B97F4A7C15ULL) >> (64 - kStartFilterBits);
}
inline bool StartFilterTest(const uint64_t* filter, uint64_t key) {
  const size_t bit = StartFilterBit(key);
  return ((filter[bit / 64] >> (bit % 64)) & 1) != 0;
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
// The same over (node, first four bytes), for prefixes of four bytes or more, tested for words
// that start with a non-ASCII letter (of two bytes or more, so that the first two say little).
inline uint32_t PrefilterBit4(uint32_t node, std::string_view s) {
  uint32_t b4;
  std::memcpy(&b4, s.data(), 4);
  return static_cast<uint32_t>(Mix64(((uint64_t{node} << 32) | b4) ^ 0x5851F42D4C957F2DULL) &
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
    w[0] = (w[0] | case_bits) & kTokenMasks.low[length];
    w[1] = (w[1] | case_bits) & kTokenMasks.high[length];
    return Probe(parent, token_hash, [&](const Edge& e) {
      if (e.length != length) return false;
      uint64_t t[2];
      std::memcpy(t, e.text, 16);
      return t[0] == w[0] && t[1] == w[1];
    });
  }

  // Starts loading the slot where a Find for (parent, token_hash) begins.
  void Prefetch(uint32_t parent, uint64_t token_hash) const {
    const size_t i = Key(parent, token_hash) & mask_;
    __builtin_prefetch(&fingerprints_[i]);
    __builtin_prefetch(&slots_[i]);
    __builtin_prefetch(reinterpret_cast<const char*>(&slots_[i]) + sizeof(Edge) - 1);
  }

  // Find for a token of kInline bytes or more given by its bytes in the text, compared as
  // FindAscii does (with `lower`, each byte with 0x20 set) without copying it.
  const Edge* FindLong(uint32_t parent, const char* p, size_t length, bool lower,
                       uint64_t token_hash, const Vocabulary& vocab) const {
    const char case_bit = lower ? 0x20 : 0;
    return Probe(parent, token_hash, [&](const Edge& e) {
      const std::string_view form = vocab.String(e.token);
      if (form.size() != length) return false;
      for (size_t i = 0; i < length; ++i) {
        if (form[i] != static_cast<char>(p[i] | case_bit)) return false;
      }
      return true;
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

std::string_view Stem(sb_stemmer* stemmer, std::string_view word) {
  if (stemmer == nullptr) return word;
  const sb_symbol* out = sb_stemmer_stem(stemmer, reinterpret_cast<const sb_symbol*>(word.data()),
                                         static_cast<int>(word.size()));
  if (out == nullptr) return word;
  return std::string_view(reinterpret_cast<const char*>(out),
                          static_cast<size_t>(sb_stemmer_length(stemmer)));
}

// A Snowball stemmer with a bounded memo of recent words: news repeats its words, and a stem
// costs thousands of instructions. Direct-mapped by the word's hash (HashBytes), 256 KB.
class CachedStemmer {
 public:
  explicit CachedStemmer(const std::string& algorithm)
      : stemmer_(sb_stemmer_new(algorithm.c_str(), "UTF_8")) {}
  CachedStemmer(const CachedStemmer&) = delete;
  CachedStemmer& operator=(const CachedStemmer&) = delete;
  ~CachedStemmer() {
    if (stemmer_ != nullptr) sb_stemmer_delete(stemmer_);
  }

  // The stem of `word`, whose HashBytes is `hash`; valid until the next call.
  std::string_view Stem(std::string_view word, uint64_t hash) {
    if (slots_.empty()) slots_.resize(kSlots);
    Slot& slot = slots_[hash & (kSlots - 1)];
    if (slot.hash == hash && slot.word_length == word.size() &&
        std::memcmp(slot.bytes, word.data(), word.size()) == 0) {
      return std::string_view(slot.bytes + slot.word_length, slot.stem_length);
    }
    const std::string_view stem = parallax::Stem(stemmer_, word);
    if (word.size() + stem.size() > sizeof(slot.bytes)) return stem;
    slot.hash = hash;
    slot.word_length = static_cast<uint8_t>(word.size());
    slot.stem_length = static_cast<uint8_t>(stem.size());
    std::memcpy(slot.bytes, word.data(), word.size());
    std::memcpy(slot.bytes + word.size(), stem.data(), stem.size());
    return std::string_view(slot.bytes + slot.word_length, slot.stem_length);
  }

 private:
  static constexpr size_t kSlots = 4096;
  struct Slot {
    uint64_t hash = 0;
    uint8_t word_length = 0xFF;  // no word
    uint8_t stem_length = 0;
    char bytes[54];  // the word, then its stem
  };

  sb_stemmer* stemmer_;
  std::vector<Slot> slots_;
};

// One stemmer per algorithm and thread: sb_stemmer is not thread-safe.
class StemmerPool {
 public:
  CachedStemmer* Get(const std::string& algorithm) {
    for (auto& entry : stemmers_) {
      if (entry.first == algorithm) return entry.second.get();
    }
    stemmers_.emplace_back(algorithm, std::make_unique<CachedStemmer>(algorithm));
    return stemmers_.back().second.get();
  }

 private:
  std::vector<std::pair<std::string, std::unique_ptr<CachedStemmer>>> stemmers_;
};

StemmerPool& ThreadStemmers() {
  thread_local StemmerPool pool;
  return pool;
}

// Snowball algorithms that only remove suffixes, so that a stem is always a prefix of its word
// in match form (the Russian one also turns ё into е, which a match form never holds).
bool StemsArePrefixes(std::string_view algorithm) {
  for (const char* name : {"ru", "rus", "russian", "hy", "hye", "arm", "armenian"}) {
    if (algorithm == name) return true;
  }
  return false;
}

// The stem-start filter: one bit per (stemming mode, first bytes of a token leaving its root).
constexpr int kStemStartBits = 16;  // 8 KB
inline size_t StemStartBit(size_t mode, uint64_t key) {
  return ((key ^ (uint64_t{mode} << 59)) * 0x9E3779B97F4A7C15ULL) >> (64 - kStemStartBits);
}

// A punctuation token that is one quotation mark (", ', «, », “, ”, „, ‘, ’, ‹, ›): free
// inside a match (see Semantics in matcher.h).
bool IsQuoteMark(TokenKind kind, std::string_view norm) {
  if (kind != TokenKind::kPunct || norm.empty()) return false;
  const internal::Char c = internal::CharAt(norm, 0);
  return c.len == norm.size() && internal::IsQuoteChar(c.cp);
}

bool IsAscii(std::string_view s) {
  for (char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

// Built with append: GCC 12 warns falsely (-Wrestrict, bug 105651) on "\"" + std::string(s).
std::string InQuotes(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 2);
  out.append(1, '"').append(s).append(1, '"');
  return out;
}

constexpr TokenizerOptions kMatchTokens{.punctuation = true};

// Bit i set: the i-th word (TokenKind::kWord, quotation marks and punctuation not counted) of a
// pattern, tokenized into `tokens` from `pattern`, is an acronym (IsAcronymWord) that text must
// write in capitals. Words past the 64th are not checked.
uint64_t UpperWordsOf(std::string_view pattern, const std::vector<Token>& tokens) {
  uint64_t mask = 0;
  size_t word = 0;
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i].kind != TokenKind::kWord) continue;
    const bool wildcard =
        i + 1 < tokens.size() && tokens[i + 1].norm == "*" && tokens[i + 1].begin == tokens[i].end;
    if (word < 64 && !wildcard &&
        IsAcronymWord(pattern.substr(tokens[i].begin, tokens[i].end - tokens[i].begin))) {
      mask |= uint64_t{1} << word;
    }
    ++word;
  }
  return mask;
}

// True when the words of `span` (the text a pattern matched) that `upper` marks (UpperWordsOf)
// are written without lower-case letters. Only matches of patterns with acronyms come here.
bool AcronymsInCapitals(uint64_t upper, std::string_view span) {
  std::vector<Token> tokens;
  std::string storage;
  Tokenize(span, kMatchTokens, &tokens, &storage);
  size_t word = 0;
  for (const Token& t : tokens) {
    if (t.kind != TokenKind::kWord) continue;
    if (word < 64 && ((upper >> word) & 1) != 0 &&
        !WrittenInCapitals(span.substr(t.begin, t.end - t.begin))) {
      return false;
    }
    ++word;
  }
  return true;
}

// The longest matches that start at one token, kept per group while the walks from that token
// report what they reach: a pattern of an open group is kept when its match is at least as long
// as the longest of its group so far, and a longer match drops the shorter ones of its group.
class LongestPerGroup {
 public:
  // `upper_words[p]`: pattern p's acronym words (UpperWordsOf); `text`: the text matched.
  LongestPerGroup(const std::vector<uint8_t>& group_of, const std::vector<uint64_t>& upper_words,
                  std::string_view text)
      : group_of_(group_of), upper_words_(upper_words), text_(text) {}

  // Starts over at a token where matches of the groups in `open` may start.
  void Reset(uint32_t open) {
    open_ = open;
    found_ = 0;
    patterns_.clear();
  }

  // Matches of `length` (in tokens, or any measure that grows with it) of these patterns, over
  // the bytes [begin, end) of the text. A pattern whose acronyms are not in capitals there did
  // not match.
  void Record(size_t length, const int* first, const int* last, size_t begin, size_t end) {
    for (; first != last; ++first) {
      const int group = group_of_[static_cast<size_t>(*first)];
      const uint32_t bit = uint32_t{1} << group;
      if ((open_ & bit) == 0) continue;
      const uint64_t upper = upper_words_[static_cast<size_t>(*first)];
      if (upper != 0 && !AcronymsInCapitals(upper, text_.substr(begin, end - begin))) continue;
      if ((found_ & bit) != 0) {
        if (length < length_[group]) continue;
        if (length > length_[group]) {
          std::erase_if(patterns_,
                        [&](int p) { return group_of_[static_cast<size_t>(p)] == group; });
        }
      }
      found_ |= bit;
      length_[group] = length;
      patterns_.push_back(*first);
    }
  }

  uint32_t found() const { return found_; }  // bit g: group g has matches
  size_t length(int group) const { return length_[group]; }
  int group(int pattern) const { return group_of_[static_cast<size_t>(pattern)]; }

  // The patterns kept, in increasing index, each once.
  const std::vector<int>& Patterns() {
    if (patterns_.size() > 1) {
      std::sort(patterns_.begin(), patterns_.end());
      patterns_.erase(std::unique(patterns_.begin(), patterns_.end()), patterns_.end());
    }
    return patterns_;
  }

 private:
  const std::vector<uint8_t>& group_of_;
  const std::vector<uint64_t>& upper_words_;
  std::string_view text_;
  uint32_t open_ = 0;
  uint32_t found_ = 0;
  size_t length_[LexiconMatcher::kMaxGroups] = {};
  std::vector<int> patterns_;
};

}  // namespace

struct LexiconMatcher::Impl {
  struct Pending {
    std::string text;
    std::string language;
    int group = 0;
  };
  struct Mode {
    std::string algorithm;  // "" for exact matching
    uint32_t root = 0;
    bool has_ascii_words = false;
    // With stems that are prefixes of their words (StemsArePrefixes), bit L (1..8) is set when a
    // token of L bytes (8: of 8 or more) leaves the root: a word can start a match only if its
    // first L bytes for such an L are in stem_start_filter. 0: no such filter.
    uint32_t stem_start_lengths = 0;
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
  std::vector<uint8_t> group_of;  // pattern -> its group
  // pattern -> its acronym words (UpperWordsOf), which match only words written in capitals
  std::vector<uint64_t> upper_words;
  uint32_t all_groups = 0;  // bit g: some pattern is in group g

  // Token vocabulary: match forms and stems of every pattern token.
  Vocabulary vocab;

  std::vector<Mode> modes;
  std::vector<Node> nodes;
  std::vector<int> terminals;
  HashIndex edges;  // Mix64(node << 32 | token) -> child
  std::vector<Wildcard> wildcards;
  HashIndex wildcard_index;  // WildcardKey(node, fnv(prefix)) -> wildcards index
  // 2^20 bits over (node, first two bytes) of prefixes of two bytes or more (PrefilterBit) and
  // (node, first four bytes) of those of four or more (PrefilterBit4).
  std::vector<uint64_t> prefilter;
  // 2^16 bits over the first two bytes of the wildcard prefixes that leave a root: a word whose
  // first two bytes (match form) are not here starts no wildcard pattern.
  std::vector<uint64_t> root_wildcard_pairs;
  struct BuildEdge {
    uint32_t parent;
    uint32_t token;
    uint32_t child;
  };
  std::vector<BuildEdge> build_edges;  // during Compile only
  EdgeTable edge_table;
  std::vector<uint8_t> node_flags;
  std::vector<uint64_t> start_bloom;  // token hashes on edges leaving a root
  std::vector<uint64_t> inner_bloom;  // EdgeTable::Key(parent, token hash) of all other edges
  // The keys (StartFilterBit) of the tokens leaving a root and of the roots' wildcard prefixes,
  // of their first start_key_bytes bytes: the length of the shortest such prefix, at most 8,
  // so that every word a prefix begins has that prefix's key. start_key_mask[n]: the bytes of
  // the key of a word of n bytes (n <= 16).
  std::vector<uint64_t> start_filter;
  std::vector<uint64_t> stem_start_filter;  // StemStartBit of the roots' tokens, see Mode
  size_t start_key_bytes = 8;
  uint64_t start_key_mask[17] = {};
  // The fast path's first chunk hashes every word (see FastScanner::Fill): true when many
  // distinct tokens start patterns, so that many words of prose likely do.
  bool eager_start = false;
  // The fast path (FastMatch) is used when no ASCII word can start a pattern except through
  // start_bloom or root_wildcard_pairs: no stemming mode has ASCII words and no root has a
  // one-byte wildcard prefix.
  bool fast_skip = false;
  bool punct_starts[128] = {};           // ASCII punctuation tokens that start a pattern
  uint64_t punct_hash[128] = {};         // hashes of the one-byte ASCII tokens
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

  // Where each group may match next, during one Match call: a group's matches do not overlap,
  // so a token may start a match of group g only at or after the end of g's last match.
  struct GroupState {
    uint32_t wanted = 0;  // the groups this call matches
    size_t free_from[kMaxGroups] = {};
    size_t max_free_from = 0;

    // The wanted groups a token starting at byte `begin` may start a match of.
    uint32_t Open(size_t begin) const {
      if (begin >= max_free_from) return wanted;
      uint32_t open = 0;
      for (uint32_t rest = wanted; rest != 0; rest &= rest - 1) {
        const int g = __builtin_ctz(rest);
        if (free_from[g] <= begin) open |= uint32_t{1} << g;
      }
      return open;
    }
    void Close(int group, size_t end) {
      free_from[group] = end;
      max_free_from = std::max(max_free_from, end);
    }
  };

  // False when no stem of the word `norm` (match form) can leave the root of stemming mode
  // `mode` (the stem being a prefix of the word), so that it need not be stemmed there.
  bool MayStemToStart(size_t mode, std::string_view norm) const {
    const uint32_t lengths = modes[mode].stem_start_lengths;
    if (lengths == 0) return true;
    const size_t head = std::min<size_t>(norm.size(), 8);
    uint64_t w = 0;
    std::memcpy(&w, norm.data(), head);
    for (uint32_t rest = lengths & ((2u << head) - 2); rest != 0; rest &= rest - 1) {
      const size_t bit = StemStartBit(mode, w & LowMask(static_cast<size_t>(__builtin_ctz(rest))));
      if (((stem_start_filter[bit / 64] >> (bit % 64)) & 1) != 0) return true;
    }
    return false;
  }

  // Appends the matches of the groups in `wanted` to `out`, ordered by position.
  void MatchText(std::string_view text, uint32_t wanted, std::vector<PatternMatch>* out) const;

  // Calls found(patterns) for each wildcard leaving `node` whose prefix begins `norm`, the match
  // form of a word or number token.
  template <typename Found>
  void ForEachWildcard(uint32_t node, std::string_view norm, Found&& found) const;

  // The fast path for plain ASCII text. From `pos` (a token start or white space) it matches
  // tokens straight from the bytes, hashing their match forms without building tokens, and
  // appends the matches it finds to `out`. It reads the text in chunks of tokens (`scanner`,
  // over `text`, kept for the whole Match call),
  // then walks the trie from each token of the chunk that may start a pattern, wildcard
  // patterns included. It stops at the first token it cannot settle alone and returns that
  // token's offset for the Tokenizer to take over: a token with non-ASCII bytes, one that may
  // start a punctuation pattern, or a number when stemming modes exist. When a walk reaches such
  // a token (or a quotation mark), the Tokenizer takes over from the walk's first token instead.
  // Returns text.size() at the end.
  // When the returned token is the clitic "'s" of a possessive word, *clitic is set: the
  // Tokenizer must then return it as a clitic (Seek with clitic = true).
  class FastScanner;
  size_t FastMatch(std::string_view text, size_t pos, FastScanner* scanner, GroupState* groups,
                   std::vector<PatternMatch>* out, bool* clitic) const;
};

namespace {

// Bytes after a run of letters and digits that may continue the word (joiners), or make it a
// case for the Tokenizer (non-ASCII): such words take the careful path (FinishAsciiWord).
struct CareAfter {
  bool c[256];
  constexpr CareAfter() : c() {
    for (int i = 0x80; i < 256; ++i) c[i] = true;
    c[static_cast<unsigned char>('-')] = c[static_cast<unsigned char>('\'')] = true;
    c[static_cast<unsigned char>('.')] = c[static_cast<unsigned char>(',')] = true;
  }
};
constexpr CareAfter kCareAfter;

// Bit masks over 16 bytes of text (bit i: byte i): ASCII letters and digits, and white space as
// the Tokenizer sees it (ASCII controls, space, DEL).
struct ByteMasks {
  uint32_t alnum = 0;
  uint32_t space = 0;
};

inline ByteMasks Classify16(const unsigned char* p) {
  ByteMasks m;
#if defined(__SSE2__)
  // Signed byte compares: bytes >= 0x80 are negative and fall outside every range.
  const AsciiMasks16 ascii = ClassifyAscii16(p);
  const __m128i c = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  const __m128i space = _mm_or_si128(_mm_and_si128(_mm_cmpgt_epi8(c, _mm_set1_epi8(-1)),
                                                   _mm_cmplt_epi8(c, _mm_set1_epi8(' ' + 1))),
                                     _mm_cmpeq_epi8(c, _mm_set1_epi8(0x7F)));
  m.alnum = ascii.letters | ascii.digits;
  m.space = static_cast<uint32_t>(_mm_movemask_epi8(space));
#else
  for (int i = 0; i < 16; ++i) {
    const uint8_t cls = kSkip.c[p[i]];
    if (cls == kSkipAlnum) m.alnum |= 1u << i;
    if (cls == kSkipSpace) m.space |= 1u << i;
  }
#endif
  return m;
}

inline bool IsAlnumByte(unsigned char b) { return kSkip.c[b] == kSkipAlnum; }

// Whether the first byte after the white space at `pos` is non-ASCII: FastMatch would hand
// that token to the Tokenizer at once, which skips the same white space.
inline bool NextStartsNonAscii(std::string_view text, size_t pos) {
  while (pos < text.size() && kSkip.c[static_cast<unsigned char>(text[pos])] == kSkipSpace) ++pos;
  return pos < text.size() && static_cast<unsigned char>(text[pos]) >= 0x80;
}

// The result of finishing an ASCII word.
struct AsciiWord {
  size_t end = 0;
  bool simple = false;      // false: the Tokenizer's full rules are needed from the word's start
  bool possessive = false;  // the clitic "'s" follows at `end`
};

// Finishes the ASCII word whose first run of letters and digits is [begin, j): follows inner
// hyphens, apostrophes and digit joiners as the Tokenizer does, stops before a possessive "'s"
// (the clitic token follows), and leaves w.simple false where only the Tokenizer can decide (a
// non-ASCII byte in or right after the word).
inline AsciiWord FinishAsciiWord(const unsigned char* s, size_t n, size_t j) {
  AsciiWord w;
  for (;;) {
    if (j >= n) break;
    const unsigned char c = s[j];
    if (c >= 0x80) return w;
    if (c != '-' && c != '\'' && c != '.' && c != ',') break;
    if (j + 1 >= n) break;
    const unsigned char next = s[j + 1];
    if (next >= 0x80) return w;
    if (!IsAlnumByte(next)) break;
    if ((c == '.' || c == ',') && !(IsDigitByte(s[j - 1]) && IsDigitByte(next))) break;
    if (c == '\'' && (next | 0x20) == 's') {
      if (j + 2 >= n || !IsAlnumByte(s[j + 2])) {
        if (j + 2 < n && s[j + 2] >= 0x80) return w;
        w.possessive = true;  // the word ends here, "'s" is the next token
        break;
      }
    }
    ++j;
    while (j < n && IsAlnumByte(s[j])) ++j;
  }
  w.end = j;
  w.simple = true;
  return w;
}

// Up to kMax consecutive simple tokens of the fast path, and the indices of those that may
// start a pattern (they pass the start filter and start_bloom, or may start a wildcard
// pattern), whose hashes are computed.
struct FastChunk {
  static constexpr uint32_t kMax = 128;
  enum Stop : uint8_t {
    kFull,      // kMax tokens read; more may follow
    kEnd,       // the text ends after the last token
    kHandOver,  // the next token, at stop_begin, is for the Tokenizer
  };
  // Token flags. kWild: a word that may start a wildcard pattern (by root_wildcard_pairs).
  // kHashed: hash[i] holds the hash of the token's match form.
  enum : uint8_t { kPunct = 1, kClitic = 2, kWild = 4, kHashed = 8 };
  size_t begin[kMax];
  size_t end[kMax];
  uint64_t hash[kMax];
  uint8_t flags[kMax];
  uint32_t candidates[kMax];
  uint32_t count = 0;
  uint32_t candidate_count = 0;
  Stop stop = kFull;
  size_t stop_begin = 0;
  bool stop_clitic = false;  // the token at stop_begin is the clitic of a possessive
};

}  // namespace

// Reads the tokens of one text for the fast path in chunks. Token starts come from bit masks
// over 64-byte blocks: a word costs a few bit operations and a branch-free hash, with no branch
// per byte. Words followed by a joiner or a non-ASCII byte, words of 16 bytes or more, words
// crossing a block and the last bytes of the text take the careful path, which follows the
// Tokenizer's rules byte by byte. Each word that passes start_bloom or may start a wildcard
// pattern becomes a candidate.
class LexiconMatcher::Impl::FastScanner {
 public:
  FastScanner(const Impl& m, std::string_view text)
      : m_(m), s_(reinterpret_cast<const unsigned char*>(text.data())), n_(text.size()) {}

  // Continues at `pos` (a token start or white space); with `clitic`, the token there is the
  // clitic "'s" of a possessive word.
  void Reset(size_t pos, bool clitic) {
    pos_ = pos;
    clitic_ = clitic;
    pending_ = 0;
    block_ = kNoBlock;
  }

  // Reads the next chunk; its candidates are hashed, and their first edges start loading.
  // Where many words may start a pattern (a quarter of the last chunk's tokens passed the
  // filters, or a sixth after an eager chunk), the next chunk hashes every word as it reads it
  // (walks need the hashes of the words after their first), else only those that pass the
  // start filter.
  void Fill(FastChunk* c) {
    const bool eager = eager_;
    Read(c);
    eager_ = c->candidate_count * (eager ? 6 : 4) > c->count;
    Confirm(c, eager);
  }

  // The hash of token i's match form.
  uint64_t Hash(const FastChunk& c, uint32_t i) const {
    if ((c.flags[i] & FastChunk::kHashed) != 0) return c.hash[i];
    const size_t begin = c.begin[i];
    const size_t length = c.end[i] - begin;
    if ((c.flags[i] & FastChunk::kPunct) != 0) return m_.punct_hash[s_[begin]];
    if (length < 16 && n_ - begin >= 16) return HashPlain(s_ + begin, length);
    const char* base = reinterpret_cast<const char*>(s_);
    return HashRun<true>(base + begin, length, base + n_);
  }

 private:
  // Out of line: inlined into FastMatch (as GCC 12 may choose) it costs more on prose.
  __attribute__((noinline)) void Read(FastChunk* c) {
    c->count = 0;
    c->candidate_count = 0;
    c->stop = FastChunk::kFull;
    if (clitic_) {
      if (!Clitic(c, pos_)) return;
      Resync();
    }
    while (c->count < FastChunk::kMax) {
      if (pending_ == 0) {
        const size_t next = block_ == kNoBlock ? pos_ : std::max(pos_, block_ + 64);
        if (n_ - std::min(next, n_) >= kReadable) {
          Load(next);
          continue;
        }
        block_ = kNoBlock;
        if (!Scalar(c)) return;
        continue;
      }
      if (eager_) {
        Plain<true>(c);
      } else {
        Plain<false>(c);
      }
      if (pending_ == 0 || c->count == FastChunk::kMax) continue;
      const auto offset = static_cast<size_t>(__builtin_ctzll(pending_));
      const size_t p = block_ + offset;
      const unsigned char b = s_[p];
      if (b >= 0x80) {
        HandOver(c, p, false);
        return;
      }
      if (((alnum_ >> offset) & 1) == 0) {
        pending_ &= pending_ - 1;
        if (!Punct(c, p)) return;
        continue;
      }
      const uint64_t rest = ~(alnum_ >> offset);  // 0 only for 64 letters from offset 0
      const size_t length = rest == 0 ? 64 : static_cast<size_t>(__builtin_ctzll(rest));
      if (offset + length >= 64 && offset > 0 && n_ - p >= kReadable) {
        Load(p);  // the word crosses the block: move the block to it
        continue;
      }
      // kReadable from the block: 16 bytes from p can be read, and the two after the word.
      const size_t e = p + length;
      if (length >= 16 || offset + length >= 64 || (kCareAfter.c[s_[e]] && NeedsCare(e))) {
        if (!Word(c, p, e)) return;
        Resync();
        continue;
      }
      if (!Push(c, p, e, 0)) return;
      pending_ &= pending_ - 1;
      pos_ = e;
    }
  }

  // The hash of the ASCII word of `length` < 16 bytes at `p`, with 16 bytes readable from p.
  static uint64_t HashPlain(const unsigned char* p, size_t length) {
    uint64_t w[2];
    std::memcpy(w, p, 16);
    constexpr uint64_t kLower = 0x2020202020202020ULL;
    return HashShort((w[0] | kLower) & kTokenMasks.low[length],
                     (w[1] | kLower) & kTokenMasks.high[length], length);
  }

  // Keeps the candidates that pass start_bloom or may start a wildcard pattern (those hashed as
  // they were read were tested then; all were if the chunk was read `eager`), with their
  // hashes, and starts loading their first edges, so that the misses overlap.
  void Confirm(FastChunk* c, bool eager) const {
    if (eager) {
      for (uint32_t k = 0; k < c->candidate_count; ++k) {
        m_.edge_table.Prefetch(0, c->hash[c->candidates[k]]);
      }
      return;
    }
    uint32_t kept = 0;
    for (uint32_t k = 0; k < c->candidate_count; ++k) {
      const uint32_t i = c->candidates[k];
      if ((c->flags[i] & FastChunk::kHashed) == 0) {
        c->hash[i] = Hash(*c, i);
        c->flags[i] |= FastChunk::kHashed;
        if (wildcards_ && c->end[i] - c->begin[i] >= 2 && MayStartWildcard(c->begin[i])) {
          c->flags[i] |= FastChunk::kWild;
        }
        if ((c->flags[i] & FastChunk::kWild) == 0 && !BloomTest(m_.start_bloom, c->hash[i])) {
          continue;
        }
      }
      m_.edge_table.Prefetch(0, c->hash[i]);
      c->candidates[kept++] = i;
    }
    c->candidate_count = kept;
  }

  // Whether the ASCII word [p, p + length) passes the start filter.
  bool MayStart(size_t p, size_t length) const {
    uint64_t w = 0;
    std::memcpy(&w, s_ + p, std::min<size_t>(n_ - p, 8));
    const uint64_t key =
        (w | 0x2020202020202020ULL) & m_.start_key_mask[std::min<size_t>(length, 16)];
    return StartFilterTest(m_.start_filter.data(), key);
  }

  // The inner loop of Read for the common tokens of a block: plain words (no joiner or
  // non-ASCII byte after them, shorter than 16 bytes, inside the block) and punctuation that
  // starts no pattern. With kEager every word is hashed, and is a candidate when it passes
  // start_bloom or may start a wildcard pattern; else a word is a candidate when it passes the
  // start filter, and is hashed later (Confirm). No branch on either filter: with a large
  // lexicon about half the words of prose pass, which no branch predictor can guess. Its state
  // is in locals, which the compiler keeps in registers; it returns at the first token of any
  // other kind, or a full chunk, for Read to take.
  template <bool kEager>
  void Plain(FastChunk* c) {
    uint64_t pending = pending_;
    const uint64_t alnum = alnum_;
    const size_t block = block_;
    const unsigned char* const s = s_;
    const bool* const punct_starts = m_.punct_starts;
    const uint64_t* const filter = m_.start_filter.data();
    const uint64_t* const key_mask = m_.start_key_mask;
    const uint64_t* const bloom = m_.start_bloom.data();
    const bool wildcards = wildcards_;
    size_t pos = pos_;
    uint32_t count = c->count;
    uint32_t candidates = c->candidate_count;
    while (pending != 0 && count < FastChunk::kMax) {
      const auto offset = static_cast<size_t>(__builtin_ctzll(pending));
      const size_t p = block + offset;
      if (((alnum >> offset) & 1) == 0) {
        const unsigned char b = s[p];
        if (b >= 0x80 || punct_starts[b]) break;
        c->begin[count] = p;
        c->end[count] = p + 1;
        c->flags[count] = FastChunk::kPunct;
        ++count;
        pending &= pending - 1;
        pos = p + 1;
        continue;
      }
      const uint64_t rest = ~(alnum >> offset);
      if (rest == 0) break;
      const auto length = static_cast<size_t>(__builtin_ctzll(rest));
      const size_t e = p + length;
      if (offset + length >= 64 || length >= 16 || (kCareAfter.c[s[e]] && NeedsCare(e))) {
        break;
      }
      c->begin[count] = p;
      c->end[count] = e;
      c->candidates[candidates] = count;
      if constexpr (kEager) {
        const uint64_t hash = HashPlain(s + p, length);
        const bool wild = wildcards && length >= 2 && MayStartWildcard(p);
        c->hash[count] = hash;
        c->flags[count] = static_cast<uint8_t>(FastChunk::kHashed | (wild ? FastChunk::kWild : 0));
        const uint64_t mask = BloomMask(hash);
        candidates += static_cast<uint32_t>(((bloom[BloomWord(hash)] & mask) == mask) | wild);
      } else {
        uint64_t w;
        std::memcpy(&w, s + p, 8);
        const uint64_t key = (w | 0x2020202020202020ULL) & key_mask[length];
        c->flags[count] = 0;
        candidates += static_cast<uint32_t>(StartFilterTest(filter, key));
      }
      ++count;
      pending &= pending - 1;
      pos = e;
    }
    pending_ = pending;
    pos_ = pos;
    c->count = count;
    c->candidate_count = candidates;
  }

  static constexpr size_t kNoBlock = ~size_t{0};
  static constexpr size_t kReadable = 64 + 16;  // bytes readable from a block's start

  // Whether the word ending before `e` (followed by a joiner or a non-ASCII byte) needs the
  // careful path: a joiner only joins what a letter, digit or non-ASCII byte follows.
  bool NeedsCare(size_t e) const {
    const unsigned char next = s_[e + 1];
    return s_[e] >= 0x80 || next >= 0x80 || IsAlnumByte(next);
  }

  // Computes the token starts of [pos, pos + 64): the first byte of each run of letters and
  // digits, and every other byte that is not white space (punctuation and non-ASCII bytes);
  // and which bytes are letters or digits.
  void Load(size_t pos) {
    uint64_t space = 0;
    uint64_t alnum = 0;
    for (int i = 0; i < 4; ++i) {
      const ByteMasks m = Classify16(s_ + pos + 16 * i);
      space |= uint64_t{m.space} << (16 * i);
      alnum |= uint64_t{m.alnum} << (16 * i);
    }
    block_ = pos;
    alnum_ = alnum;
    starts_ = (alnum & ~(alnum << 1)) | (~alnum & ~space);
    pending_ = starts_;
  }

  // After a token that ended at pos_ by the careful path: the block's starts from pos_ on.
  void Resync() {
    if (block_ == kNoBlock) return;
    const size_t offset = pos_ - block_;
    pending_ = offset < 64 ? starts_ & (~uint64_t{0} << offset) : 0;
  }

  // Appends a token; false (and the chunk ends there) when it stops the fast path: a clitic
  // that may start a wildcard pattern does (the Tokenizer path settles it).
  bool Push(FastChunk* c, size_t begin, size_t end, uint8_t flags) {
    if (wildcards_ && end - begin >= 2 && (flags & FastChunk::kPunct) == 0 &&
        MayStartWildcard(begin)) {
      if ((flags & FastChunk::kClitic) != 0) return HandOver(c, begin, true);
      flags |= FastChunk::kWild;
    }
    const uint32_t i = c->count++;
    c->begin[i] = begin;
    c->end[i] = end;
    c->flags[i] = flags;
    if ((flags & FastChunk::kPunct) != 0) return true;
    bool candidate = (flags & FastChunk::kWild) != 0;
    if (eager_) {
      c->hash[i] = Hash(*c, i);
      c->flags[i] |= FastChunk::kHashed;
      candidate = candidate || BloomTest(m_.start_bloom, c->hash[i]);
    } else {
      candidate = candidate || MayStart(begin, end - begin);
    }
    if (candidate) c->candidates[c->candidate_count++] = i;
    return true;
  }

  // Whether the token of two or more bytes at `begin` may start a wildcard pattern, by its
  // first two bytes (in match form: an ASCII token's bytes with 0x20 set).
  bool MayStartWildcard(size_t begin) const {
    const unsigned pair = (unsigned{static_cast<unsigned char>(s_[begin] | 0x20)} << 8) |
                          static_cast<unsigned char>(s_[begin + 1] | 0x20);
    return ((m_.root_wildcard_pairs[pair / 64] >> (pair % 64)) & 1) != 0;
  }

  bool HandOver(FastChunk* c, size_t begin, bool clitic) {
    c->stop = FastChunk::kHandOver;
    c->stop_begin = begin;
    c->stop_clitic = clitic;
    return false;
  }

  bool Punct(FastChunk* c, size_t p) {
    if (m_.punct_starts[s_[p]]) return HandOver(c, p, false);
    pos_ = p + 1;
    return Push(c, p, p + 1, FastChunk::kPunct);
  }

  // The clitic "'s" at `p`; when the chunk is full it is left for the next one.
  bool Clitic(FastChunk* c, size_t p) {
    if (c->count == FastChunk::kMax) {
      clitic_ = true;
      pos_ = p;
      return true;
    }
    clitic_ = false;
    pos_ = p + 2;
    return Push(c, p, p + 2, FastChunk::kClitic);
  }

  // The careful path for the word whose first run of letters and digits starts at `p` and
  // continues at least to `j`.
  bool Word(FastChunk* c, size_t p, size_t j) {
    while (j < n_ && IsAlnumByte(s_[j])) ++j;
    const AsciiWord w = FinishAsciiWord(s_, n_, j);
    if (!w.simple) return HandOver(c, p, false);
    pos_ = w.end;
    if (!Push(c, p, w.end, 0)) return false;
    return !w.possessive || Clitic(c, w.end);
  }

  // One token byte by byte, near the end of the text; false when the chunk stops.
  bool Scalar(FastChunk* c) {
    while (pos_ < n_ && kSkip.c[s_[pos_]] == kSkipSpace) ++pos_;
    if (pos_ >= n_) {
      c->stop = FastChunk::kEnd;
      return false;
    }
    const uint8_t cls = kSkip.c[s_[pos_]];
    if (cls == kSkipNonAscii) return HandOver(c, pos_, false);
    if (cls == kSkipPunct) return Punct(c, pos_);
    return Word(c, pos_, pos_ + 1);
  }

  const Impl& m_;
  const bool wildcards_ = !m_.wildcard_roots.empty();
  const unsigned char* s_;
  size_t n_;
  size_t pos_ = 0;
  bool clitic_ = false;
  bool eager_ = m_.eager_start;  // hash every word as it is read
  size_t block_ = kNoBlock;
  uint64_t alnum_ = 0;
  uint64_t starts_ = 0;
  uint64_t pending_ = 0;  // starts not read yet
};

template <typename Found>
void LexiconMatcher::Impl::ForEachWildcard(uint32_t node, std::string_view norm,
                                           Found&& found) const {
  const Node& nd = nodes[node];
  size_t max_len = norm.size();
  if (max_len >= 2) {
    const uint32_t bit = prefilter.empty() ? 0
                                           : PrefilterBit(node, static_cast<unsigned char>(norm[0]),
                                                          static_cast<unsigned char>(norm[1]));
    if (prefilter.empty() || ((prefilter[bit / 64] >> (bit % 64)) & 1) == 0) max_len = 1;
  }
  if (max_len == 1 && (nd.wildcard_lengths & 2) == 0) return;
  // The lengths to look up: those of the prefixes leaving the node, up to max_len.
  uint64_t lengths =
      nd.wildcard_lengths & (max_len >= 63 ? ~uint64_t{1} : (uint64_t{2} << max_len) - 2);
  bool long_ones = max_len >= 64 && nd.long_wildcards;
  if (max_len >= 4 && static_cast<unsigned char>(norm[0]) >= 0x80 &&
      ((lengths >> 4) != 0 || long_ones)) {
    const uint32_t bit = PrefilterBit4(node, norm);
    if (((prefilter[bit / 64] >> (bit % 64)) & 1) == 0) {
      lengths &= 0xE;  // no prefix of four bytes or more begins the word
      long_ones = false;
    }
  }
  uint64_t fnv = kFnvOffset;
  size_t hashed = 0;  // fnv covers norm[0, hashed)
  while (lengths != 0 || long_ones) {
    size_t l;
    if (lengths != 0) {
      l = static_cast<size_t>(__builtin_ctzll(lengths));
      lengths &= lengths - 1;
    } else {
      l = std::max<size_t>(hashed + 1, 64);
      if (l > max_len) break;
    }
    for (; hashed < l; ++hashed) fnv = (fnv ^ static_cast<unsigned char>(norm[hashed])) * kFnvPrime;
    const std::string_view prefix = norm.substr(0, l);
    const uint32_t w = wildcard_index.Find(WildcardKey(node, fnv), [&](uint32_t i) {
      return wildcards[i].node == node && wildcards[i].prefix == prefix;
    });
    if (w != kNone) found(wildcards[w].patterns);
  }
}

size_t LexiconMatcher::Impl::FastMatch(std::string_view text, size_t pos, FastScanner* scanner,
                                       GroupState* groups, std::vector<PatternMatch>* out,
                                       bool* clitic) const {
  const char* base = text.data();
  const size_t n = text.size();
  FastChunk chunk;
  const FastChunk& c = chunk;
  // The edge for token i of the chunk, whose hash is `hash`, leaving `node`, or null.
  auto find = [&](uint32_t node, uint32_t i, uint64_t hash) __attribute__((always_inline)) {
    const size_t begin = c.begin[i];
    const size_t length = c.end[i] - begin;
    const bool punct = (c.flags[i] & FastChunk::kPunct) != 0;
    if (length >= EdgeTable::kInline) {
      return edge_table.FindLong(node, base + begin, length, !punct, hash, vocab);
    }
    return edge_table.FindAscii(node, base + begin, length, !punct, hash, base + n);
  };
  auto has_letter = [&](uint32_t i) {
    for (size_t k = c.begin[i]; k < c.end[i]; ++k) {
      if ((base[k] | 0x20) >= 'a' && (base[k] | 0x20) <= 'z') return true;
    }
    return false;
  };
  // The longest matches of the walk from one token; a match's length is its last token.
  LongestPerGroup longest(group_of, upper_words, text);
  std::string lowered;  // the match form of an ASCII word: its bytes with 0x20 set
  // Wildcard patterns leaving `node` that token i (a word or number) completes, in a walk from
  // token `first`.
  auto wildcards_at = [&](uint32_t node, uint32_t first, uint32_t i) {
    lowered.assign(base + c.begin[i], c.end[i] - c.begin[i]);
    for (char& ch : lowered) ch = static_cast<char>(ch | 0x20);
    ForEachWildcard(node, lowered, [&](const std::vector<int>& patterns) {
      longest.Record(i, patterns.data(), patterns.data() + patterns.size(), c.begin[first],
                     c.end[i]);
    });
  };
  scanner->Reset(pos, false);
  for (;;) {
    scanner->Fill(&chunk);
    // Walks the candidates in order; a match consumes its tokens for its group (leftmost, then
    // longest per group).
    bool refill = false;
    for (uint32_t k = 0; k < c.candidate_count && !refill; ++k) {
      const uint32_t first = c.candidates[k];
      const uint32_t open = groups->Open(c.begin[first]);
      if (open == 0) continue;
      auto hand_over = [&] {
        *clitic = (c.flags[first] & FastChunk::kClitic) != 0;
        return c.begin[first];
      };
      // Numbers may start stemmed patterns, which only the full path walks.
      if (modes.size() > 1 && !has_letter(first)) return hand_over();
      longest.Reset(open);
      // A root's wildcards, of any mode: an ASCII word goes no further in a stemming mode.
      if ((c.flags[first] & FastChunk::kWild) != 0) {
        for (const uint32_t root : wildcard_roots) wildcards_at(root, first, first);
      }
      // Walk the trie over the next tokens.
      const EdgeTable::Edge* edge = find(0, first, c.hash[first]);
      for (uint32_t last = first; edge != nullptr; ++last) {
        const uint8_t flags = edge->child_flags;
        if ((flags & kHasTerminal) != 0) {
          longest.Record(last, terminals.data() + edge->term_begin,
                         terminals.data() + edge->term_end, c.begin[first], c.end[last]);
        }
        if ((flags & (kHasChildren | kHasWildcards)) == 0) break;
        const uint32_t next = last + 1;
        if (next == c.count) {  // the walk needs a token past the chunk
          if (c.stop == FastChunk::kEnd) break;
          if (c.stop == FastChunk::kHandOver || first == 0) return hand_over();
          scanner->Reset(c.begin[first], (c.flags[first] & FastChunk::kClitic) != 0);
          refill = true;  // read the next chunk from `first` on
          longest.Reset(0);
          break;
        }
        // A quotation mark inside a walk is skipped, which only the Tokenizer path does.
        if ((c.flags[next] & FastChunk::kPunct) != 0 &&
            (base[c.begin[next]] == '"' || base[c.begin[next]] == '\'')) {
          return hand_over();
        }
        if ((flags & kHasWildcards) != 0) {
          if ((c.flags[next] & FastChunk::kClitic) != 0) return hand_over();
          if ((c.flags[next] & FastChunk::kPunct) == 0) wildcards_at(edge->child, first, next);
        }
        if ((flags & kHasChildren) == 0) break;
        const uint64_t hash = scanner->Hash(c, next);
        if (!BloomTest(inner_bloom, EdgeTable::Key(edge->child, hash))) break;
        edge = find(edge->child, next, hash);
      }
      if (longest.found() == 0) continue;
      for (const int p : longest.Patterns()) {
        out->push_back({p, c.begin[first], c.end[longest.length(longest.group(p))]});
      }
      for (uint32_t found = longest.found(); found != 0; found &= found - 1) {
        const int group = __builtin_ctz(found);
        groups->Close(group, c.end[longest.length(group)]);
      }
    }
    if (refill || c.stop == FastChunk::kFull) continue;
    if (c.stop == FastChunk::kHandOver) {
      *clitic = c.stop_clitic;
      return c.stop_begin;
    }
    *clitic = false;
    return n;
  }
}

LexiconMatcher::LexiconMatcher() : impl_(std::make_unique<Impl>()) {}
LexiconMatcher::~LexiconMatcher() = default;
LexiconMatcher::LexiconMatcher(LexiconMatcher&&) noexcept = default;
LexiconMatcher& LexiconMatcher::operator=(LexiconMatcher&&) noexcept = default;

bool IsAcronymWord(std::string_view word) {
  size_t letters = 0;
  for (size_t i = 0; i < word.size();) {
    const DecodedChar c = DecodeUtf8Char(word, i);
    if (!c.valid ||
        utf8proc_category(static_cast<utf8proc_int32_t>(c.code_point)) != UTF8PROC_CATEGORY_LU) {
      return false;
    }
    ++letters;
    i += c.length;
  }
  return letters >= 2 && letters <= 5;
}

bool WrittenInCapitals(std::string_view word) {
  for (size_t i = 0; i < word.size();) {
    const DecodedChar c = DecodeUtf8Char(word, i);
    const utf8proc_category_t category =
        utf8proc_category(static_cast<utf8proc_int32_t>(c.code_point));
    if (category == UTF8PROC_CATEGORY_LL || category == UTF8PROC_CATEGORY_LT) return false;
    i += c.length == 0 ? 1 : c.length;
  }
  return true;
}

int LexiconMatcher::size() const { return static_cast<int>(impl_->pending.size()); }
bool LexiconMatcher::compiled() const { return impl_->compiled; }

int LexiconMatcher::Add(std::string_view pattern, const MatchPatternOptions& options,
                        std::string* error) {
  auto fail = [error](std::string message) {
    if (error != nullptr) *error = std::move(message);
    return -1;
  };
  if (impl_->compiled)
    return fail("cannot add " + InQuotes(pattern) + ": matcher already compiled");
  if (options.group < 0 || options.group >= kMaxGroups) {
    return fail("group " + std::to_string(options.group) + " of pattern " + InQuotes(pattern) +
                " is out of range: groups are 0 to " + std::to_string(kMaxGroups - 1));
  }
  std::vector<Token> tokens;
  std::string storage;
  Tokenize(pattern, kMatchTokens, &tokens, &storage);
  if (tokens.empty()) return fail("empty pattern " + InQuotes(pattern) + ": it has no words");
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i].norm != "*") continue;
    const bool last = i + 1 == tokens.size();
    const bool glued =
        i > 0 && tokens[i - 1].end == tokens[i].begin &&
        (tokens[i - 1].kind == TokenKind::kWord || tokens[i - 1].kind == TokenKind::kNumber);
    if (!last || !glued) {
      return fail("bad wildcard in " + InQuotes(pattern) + " at byte " +
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
      return fail("unknown stemming language " + InQuotes(options.stem_language) + " for pattern " +
                  InQuotes(pattern) + "; known: " + known + " (or their ISO 639 codes)");
    }
    sb_stemmer_delete(s);
  }
  impl_->pending.push_back({std::string(pattern), options.stem_language, options.group});
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
  std::vector<uint32_t> frontier;
  std::vector<uint32_t> next;
  for (size_t p = 0; p < m.pending.size(); ++p) {
    const Impl::Pending& pat = m.pending[p];
    m.group_of.push_back(static_cast<uint8_t>(pat.group));
    m.all_groups |= uint32_t{1} << pat.group;
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
    m.upper_words.push_back(UpperWordsOf(pat.text, tokens));
    // Quotation marks after the first token are free in text, so the pattern does not keep them.
    tokens.erase(std::remove_if(tokens.begin() + 1, tokens.end(),
                                [](const Token& t) { return IsQuoteMark(t.kind, t.norm); }),
                 tokens.end());
    const bool wildcard = tokens.back().norm == "*";
    if (wildcard) tokens.pop_back();
    const size_t exact_count = wildcard ? tokens.size() - 1 : tokens.size();
    // A stemmed word is reached by its stem and, where that differs, by its whole match form as
    // a stem: Snowball cuts some dictionary forms shorter than their inflected forms ("режим" ->
    // "реж", "режима" -> "режим"), so "киевский режим" must also be found by the stem of
    // "киевского режима". Each such word doubles the paths the pattern ends on.
    frontier.assign(1, m.modes[mode].root);
    for (size_t i = 0; i < exact_count; ++i) {
      std::string_view key = tokens[i].norm;
      std::string stem;
      if (mode != 0 && tokens[i].kind == TokenKind::kWord) {
        stem = Stem(stemmers[mode], key);
        if (IsAscii(stem)) m.modes[mode].has_ascii_words = true;
      }
      next.clear();
      for (const uint32_t from : frontier) {
        if (!stem.empty()) next.push_back(m.ChildOrNew(from, m.InternToken(stem)));
        if (stem != key) next.push_back(m.ChildOrNew(from, m.InternToken(key)));
      }
      std::sort(next.begin(), next.end());
      next.erase(std::unique(next.begin(), next.end()), next.end());
      frontier.swap(next);
    }
    for (const uint32_t node : frontier) {
      if (!wildcard) {
        if (node_terminals.size() <= node) node_terminals.resize(node + 1);
        node_terminals[node].push_back(static_cast<int>(p));
        continue;
      }
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
        if (prefix.size() >= 2 && exact_count == 0) {  // at a root
          if (m.root_wildcard_pairs.empty()) m.root_wildcard_pairs.assign((1u << 16) / 64, 0);
          const unsigned pair = (unsigned{static_cast<unsigned char>(prefix[0])} << 8) |
                                static_cast<unsigned char>(prefix[1]);
          m.root_wildcard_pairs[pair / 64] |= uint64_t{1} << (pair % 64);
        }
        if (prefix.size() >= 2) {
          if (m.prefilter.empty()) m.prefilter.assign((1u << 20) / 64, 0);
          const uint32_t bit = PrefilterBit(node, static_cast<unsigned char>(prefix[0]),
                                            static_cast<unsigned char>(prefix[1]));
          m.prefilter[bit / 64] |= uint64_t{1} << (bit % 64);
        }
        if (prefix.size() >= 4) {
          const uint32_t bit = PrefilterBit4(node, prefix);
          m.prefilter[bit / 64] |= uint64_t{1} << (bit % 64);
        }
      }
      m.wildcards[index].patterns.push_back(static_cast<int>(p));
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
    const uint64_t hash = HashBytes(text);
    if (is_root[e.parent]) {
      BloomSet(&m.start_bloom, hash);
    } else {
      BloomSet(&m.inner_bloom, EdgeTable::Key(e.parent, hash));
    }
    if (is_root[e.parent] && text.size() == 1 && static_cast<unsigned char>(text[0]) < 0x80) {
      m.punct_starts[static_cast<unsigned char>(text[0])] = true;
    }
    m.edge_table.Insert(e.parent, e.child, e.token, text, m.node_flags[e.child],
                        m.nodes[e.child].term_begin, m.nodes[e.child].term_end);
  }
  for (const Impl::Wildcard& w : m.wildcards) {
    if (is_root[w.node]) m.start_key_bytes = std::min(m.start_key_bytes, w.prefix.size());
  }
  for (size_t length = 0; length <= 16; ++length) {
    m.start_key_mask[length] = LowMask(std::min(length, m.start_key_bytes));
  }
  const auto set_start_key = [&](std::string_view form) {
    uint64_t key = 0;
    std::memcpy(&key, form.data(), std::min(form.size(), m.start_key_bytes));
    const size_t bit = StartFilterBit(key);
    m.start_filter[bit / 64] |= uint64_t{1} << (bit % 64);
  };
  m.start_filter.assign((size_t{1} << kStartFilterBits) / 64, 0);
  size_t start_tokens = 0;
  for (const auto& e : m.build_edges) {
    if (!is_root[e.parent]) continue;
    set_start_key(m.vocab.String(e.token));
    ++start_tokens;
  }
  m.eager_start = start_tokens > 4096;
  m.stem_start_filter.assign((size_t{1} << kStemStartBits) / 64, 0);
  for (size_t mode = 1; mode < m.modes.size(); ++mode) {
    if (!StemsArePrefixes(m.modes[mode].algorithm)) continue;
    uint32_t lengths = 0;
    for (const auto& e : m.build_edges) {
      if (e.parent != m.modes[mode].root) continue;
      const std::string_view form = m.vocab.String(e.token);
      const size_t head = std::min<size_t>(form.size(), 8);
      uint64_t key = 0;
      std::memcpy(&key, form.data(), head);
      const size_t bit = StemStartBit(mode, key);
      m.stem_start_filter[bit / 64] |= uint64_t{1} << (bit % 64);
      lengths |= uint32_t{1} << head;
    }
    m.modes[mode].stem_start_lengths = lengths;
  }
  for (const Impl::Wildcard& w : m.wildcards) {
    if (is_root[w.node]) set_start_key(w.prefix);
  }
  for (int b = 0; b < 128; ++b) {
    const char byte = static_cast<char>(b);
    m.punct_hash[b] = HashBytes(std::string_view(&byte, 1));
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

int LexiconMatcher::group(int pattern) const {
  return impl_->pending[static_cast<size_t>(pattern)].group;
}

void LexiconMatcher::Match(std::string_view text, std::vector<PatternMatch>* out) const {
  out->clear();
  if (!impl_->compiled) return;
  impl_->MatchText(text, impl_->all_groups, out);
  // Found in order of position, all groups together; reported by group, each in that order.
  const std::vector<uint8_t>& group_of = impl_->group_of;
  const auto by_group = [&](const PatternMatch& a, const PatternMatch& b) {
    return group_of[static_cast<size_t>(a.pattern)] < group_of[static_cast<size_t>(b.pattern)];
  };
  if (!std::is_sorted(out->begin(), out->end(), by_group)) {
    std::stable_sort(out->begin(), out->end(), by_group);
  }
}

void LexiconMatcher::Match(std::string_view text, std::vector<PatternMatch>* out, int group) const {
  out->clear();
  if (!impl_->compiled || group < 0 || group >= kMaxGroups) return;
  impl_->MatchText(text, uint32_t{1} << group, out);
}

void LexiconMatcher::Impl::MatchText(std::string_view text, uint32_t wanted,
                                     std::vector<PatternMatch>* out) const {
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
  std::vector<CachedStemmer*> stemmers;  // by mode, on first use
  std::vector<WindowToken> window;
  std::vector<StemKey> stem_keys;  // window index * stem_modes + (mode - 1)
  std::string arena;               // match forms (and stems) of the window's tokens
  GroupState groups;
  groups.wanted = wanted & all_groups;
  if (groups.wanted == 0) return;
  LongestPerGroup longest(group_of, upper_words, text);  // the longest matches from head
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
        if (stemmers.empty()) stemmers.assign(modes.size(), nullptr);
        if (stemmers[mode] == nullptr) stemmers[mode] = ThreadStemmers().Get(modes[mode].algorithm);
        const std::string_view stem = stemmers[mode]->Stem(norm, window[k].hash);
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
  auto check_wildcards = [&](uint32_t node, size_t k, size_t len) {
    if (window[k].kind != TokenKind::kWord && window[k].kind != TokenKind::kNumber) return;
    ForEachWildcard(node, norm_of(k), [&](const std::vector<int>& patterns) {
      longest.Record(len, patterns.data(), patterns.data() + patterns.size(),
                     window[k + 1 - len].begin, window[k].end);
    });
  };

  FastScanner scanner(*this, text);
  size_t head = 0;
  for (;;) {
    if (fast_skip && window.empty() && !tokenizer.has_pending_clitic() &&
        !NextStartsNonAscii(text, tokenizer.position())) {
      // Common case: plain ASCII text, matched straight from the bytes.
      bool clitic = false;
      const size_t at = FastMatch(text, tokenizer.position(), &scanner, &groups, out, &clitic);
      if (at >= text.size()) break;
      tokenizer.Seek(at, clitic);
    }
    if (!fetch(head)) {
      break;
    }
    const uint32_t open = groups.Open(window[head].begin);
    longest.Reset(open);
    for (size_t mode = 0; mode < modes.size() && open != 0; ++mode) {
      uint32_t node = modes[mode].root;
      uint8_t flags = node_flags[node];
      for (size_t k = head;; ++k) {
        if (!fetch(k)) break;
        if (k > head && IsQuoteMark(window[k].kind, norm_of(k))) continue;
        if ((flags & kHasWildcards) != 0) check_wildcards(node, k, k - head + 1);
        if ((flags & kHasChildren) == 0) break;
        if (mode != 0 && k == head && window[k].kind == TokenKind::kWord &&
            !MayStemToStart(mode, norm_of(k))) {
          break;
        }
        std::string_view key;
        uint64_t hash;
        if (!key_for(k, mode, &key, &hash)) break;
        if (mode == 0 && !(node == 0 ? BloomTest(start_bloom, hash)
                                     : BloomTest(inner_bloom, EdgeTable::Key(node, hash)))) {
          break;
        }
        const EdgeTable::Edge* edge = edge_table.Find(node, key, hash, vocab);
        if (edge == nullptr) break;
        node = edge->child;
        flags = edge->child_flags;
        if ((flags & kHasTerminal) != 0) {
          longest.Record(k - head + 1, terminals.data() + edge->term_begin,
                         terminals.data() + edge->term_end, window[head].begin, window[k].end);
        }
      }
    }
    if (longest.found() != 0) {
      for (const int p : longest.Patterns()) {
        out->push_back(
            {p, window[head].begin, window[head + longest.length(longest.group(p)) - 1].end});
      }
      for (uint32_t found = longest.found(); found != 0; found &= found - 1) {
        const int group = __builtin_ctz(found);
        groups.Close(group, window[head + longest.length(group) - 1].end);
      }
    }
    ++head;
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
