#include "annotate/matcher.h"

#include <libstemmer.h>

#include <algorithm>
#include <cstring>
#include <utility>

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

inline uint64_t HashBytes(std::string_view s) {
  uint64_t h = 0x9E3779B97F4A7C15ULL ^ s.size();
  const char* p = s.data();
  size_t n = s.size();
  while (n >= 8) {
    uint64_t w;
    std::memcpy(&w, p, 8);
    h = (h ^ w) * 0xFF51AFD7ED558CCDULL;
    h ^= h >> 32;
    p += 8;
    n -= 8;
  }
  if (n > 0) {
    uint64_t w = 0;
    for (size_t i = 0; i < n; ++i) w |= uint64_t{static_cast<unsigned char>(p[i])} << (8 * i);
    h = (h ^ w) * 0xC4CEB9FE1A85EC53ULL;
  }
  return Mix64(h);
}

// Bit sets over token hashes that answer "certainly not in the set" from L2 cache.
constexpr int kBloomBits = 18;
inline void BloomSet(std::vector<uint64_t>* bloom, uint64_t h) {
  if (bloom->empty()) bloom->assign((size_t{1} << kBloomBits) / 64, 0);
  const uint64_t bit = h >> (64 - kBloomBits);
  (*bloom)[bit / 64] |= uint64_t{1} << (bit % 64);
}
inline bool BloomTest(const std::vector<uint64_t>& bloom, uint64_t h) {
  const uint64_t bit = h >> (64 - kBloomBits);
  return ((bloom[bit / 64] >> (bit % 64)) & 1) != 0;
}

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
    return Mix64(token_hash ^ (uint64_t{parent} * 0x9E3779B97F4A7C15ULL));
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

  const Edge* Find(uint32_t parent, std::string_view text, uint64_t token_hash,
                   const Vocabulary& vocab) const {
    const uint64_t key = Key(parent, token_hash);
    const uint32_t fingerprint = Fingerprint(key);
    size_t i = key & mask_;
    for (;;) {
      const uint32_t f = fingerprints_[i];
      if (f == 0) return nullptr;
      if (f == fingerprint) {
        const Edge& e = slots_[i];
        if (e.key == key && e.parent == parent && Same(e, text, vocab)) return &e;
      }
      i = (i + 1) & mask_;
    }
  }

 private:
  static uint32_t Fingerprint(uint64_t key) { return static_cast<uint32_t>(key >> 32) | 1; }

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
  std::vector<uint64_t> start_bloom;  // token hashes on edges leaving the exact root
  std::vector<uint64_t> inner_bloom;  // token hashes on all other edges
  bool fast_skip = false;             // no stemming and no wildcard at the exact root

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
};

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
  m.start_bloom.assign((size_t{1} << kBloomBits) / 64, 0);
  m.inner_bloom.assign((size_t{1} << kBloomBits) / 64, 0);
  m.edge_table.Build(m.build_edges.size());
  for (const auto& e : m.build_edges) {
    const std::string_view text = m.vocab.String(e.token);
    BloomSet(e.parent == 0 ? &m.start_bloom : &m.inner_bloom, HashBytes(text));
    m.edge_table.Insert(e.parent, e.child, e.token, text, m.node_flags[e.child],
                        m.nodes[e.child].term_begin, m.nodes[e.child].term_end);
  }
  m.build_edges = {};
  m.edges = HashIndex();
  m.fast_skip =
      m.modes.size() == 1 && m.nodes[0].wildcard_lengths == 0 && !m.nodes[0].long_wildcards;
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
    if (fast_skip && window.empty()) {
      // Common case: skip tokens that cannot start a pattern without buffering them.
      bool found = false;
      while (tokenizer.Next(&token)) {
        const uint64_t h = HashBytes(token.norm);
        if (!BloomTest(start_bloom, h)) continue;
        if (edge_table.Find(0, token.norm, h, vocab) != nullptr) {
          push(h);
          found = true;
          break;
        }
      }
      if (!found) break;
    } else if (!fetch(head)) {
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
