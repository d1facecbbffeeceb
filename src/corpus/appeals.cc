#include "corpus/appeals.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <iterator>
#include <span>
#include <utility>
#include <vector>

#include "text/byte_set.h"
#include "text/word_bytes.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace parallax::internal {
namespace {

bool Contains(std::string_view s, std::string_view p) {
  return s.find(p) != std::string_view::npos;
}

// Words of a folded line: runs of ASCII letters and digits, hyphens and apostrophes inside a
// word, and any non-ASCII byte (so Cyrillic words stay whole).
std::vector<std::string_view> Words(std::string_view s) {
  auto is_word = [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return u >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  };
  std::vector<std::string_view> words;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && !is_word(s[i])) ++i;
    std::size_t j = i;
    while (j < s.size() && (is_word(s[j]) || ((s[j] == '-' || s[j] == '\'') && j + 1 < s.size() &&
                                              is_word(s[j + 1])))) {
      ++j;
    }
    if (j > i) words.push_back(s.substr(i, j - i));
    i = j;
  }
  return words;
}

// Words(s).size() when it is at most `limit`, else limit + 1; nothing is allocated. Branch-free
// within blocks of 64 bytes; the limit is checked between blocks.
std::size_t CountWordsUpTo(std::string_view s, std::size_t limit) {
  const auto& kClass = kWordByteClasses;  // bit 0 a word byte (as in Words), bit 1 a joiner
  std::size_t n = 0;
  unsigned in = 0;
  for (std::size_t i = 0; i < s.size() && n <= limit;) {
    for (const std::size_t stop = std::min(s.size(), i + 64); i < stop; ++i) {
      const unsigned k = kClass[static_cast<unsigned char>(s[i])];
      // A joiner between two word characters keeps the word going (as in Words).
      const unsigned next =
          i + 1 < s.size() ? kClass[static_cast<unsigned char>(s[i + 1])] & 1u : 0u;
      const unsigned w = (k & 1u) | (in & (k >> 1) & next);
      n += w & ~in & 1u;
      in = w;
    }
  }
  return std::min(n, limit + 1);
}

// Two bytes of a phrase, `gap` apart (1: adjacent), that are rare in prose together.
struct Anchor {
  char first;
  std::size_t gap;
  char second;
};

// Phrases looked for anywhere in a text in one pass over it (rather than one pass per phrase).
// Each phrase holds one of a few anchors ("pp" of "support", "yo" of "your"): SSE2 finds the
// anchors sixteen positions at a time, and only where one occurs are the phrases that hold it
// compared. A phrase without an anchor is looked for on its own (none is; it would be slower).
// Phrases are of kinds (bits), so that one pass answers for several lists.
template <const auto& kAnchors>
class AnchoredPhrases {
 public:
  // The phrases of lists[k] are of kind 1 << k.
  explicit AnchoredPhrases(std::initializer_list<std::span<const std::string_view>> lists) {
    unsigned kind = 1;
    for (std::span<const std::string_view> list : lists) {
      for (std::string_view p : list) Add(p, kind);
      kind <<= 1;
    }
    for (std::size_t a = 0; a < kAnchors.size(); ++a) {
      by_first_[static_cast<unsigned char>(kAnchors[a].first)] |= 1u << a;
    }
  }

  // The kinds of the phrases that occur in `text`, read until every kind of `wanted` is found.
  unsigned KindsIn(std::string_view text, unsigned wanted) const {
    return KindsIn(
        text, wanted, [](const char*) { return 0u; }, [](std::size_t) { return 0u; });
  }

  // KindsIn, with the kinds `more(pos)` gives at a position in the same pass: `more_hits(p)` sets
  // bit k when `more` may give one at p[k] (reading p[0, kBlockReads), zero bytes past the
  // text), and `more` is asked only there (everywhere without SSE2).
  template <typename MoreHits, typename More>
  unsigned KindsIn(std::string_view text, unsigned wanted, [[maybe_unused]] MoreHits more_hits,
                   More more) const {
    unsigned found = 0;
    for (const Unanchored& u : unanchored_) {
      if (Contains(text, u.phrase)) found |= u.kind;
    }
    const auto at = [&](std::size_t pos) {
      found |= KindsAt(text, pos) | more(pos);
      return (found & wanted) == wanted;
    };
    if ((found & wanted) == wanted) return found;
    std::size_t i = 0;
#if defined(__SSE2__)
    const auto any_at = [&at](std::size_t from, unsigned hits) {
      for (; hits != 0; hits &= hits - 1) {
        if (at(from + static_cast<std::size_t>(__builtin_ctz(hits)))) return true;
      }
      return false;
    };
    for (; i + kBlockReads <= text.size(); i += 16) {
      const char* p = text.data() + i;
      if (any_at(i, Hits(p) | more_hits(p))) return found;
    }
    // The last bytes, copied into a block padded with zero bytes (no anchor holds one).
    for (; i < text.size(); i += 16) {
      char block[kBlockReads] = {};
      const std::size_t n = std::min(text.size() - i, kBlockReads);
      std::memcpy(block, text.data() + i, n);
      const unsigned in_text = n >= 16 ? 0xFFFFu : (1u << n) - 1;
      if (any_at(i, (Hits(block) | more_hits(block)) & in_text)) return found;
    }
#endif
    for (; i < text.size(); ++i) {
      if (at(i)) return found;
    }
    return found;
  }

  static constexpr std::size_t kMaxGap = 3;
  // Bytes read for a block of sixteen positions.
  static constexpr std::size_t kBlockReads = 16 + kMaxGap;

 private:
  static_assert(kAnchors.size() <= 32);
  static_assert(std::all_of(kAnchors.begin(), kAnchors.end(), [](const Anchor& a) {
    return a.gap >= 1 && a.gap <= kMaxGap && a.first != '\0' && a.second != '\0';
  }));

  struct Placed {
    Placed(std::string_view p, std::size_t at, unsigned k) : phrase(p), anchor_at(at), kind(k) {
      std::memcpy(&head, p.data(), sizeof head);
    }
    std::string_view phrase;  // of four bytes or more
    std::size_t anchor_at;    // where in the phrase its anchor starts
    unsigned kind;
    std::uint32_t head = 0;  // its first four bytes
  };
  struct Unanchored {
    std::string_view phrase;
    unsigned kind;
  };

  void Add(std::string_view p, unsigned kind) {
    for (std::size_t a = 0; a < kAnchors.size(); ++a) {
      for (std::size_t at = 0; at + kAnchors[a].gap < p.size(); ++at) {
        // A phrase of fewer than four bytes is looked for on its own.
        if (p.size() >= 4 && AnchorAt(p, at, kAnchors[a])) {
          by_anchor_[a].emplace_back(p, at, kind);
          return;
        }
      }
    }
    unanchored_.push_back({p, kind});
  }

  static bool AnchorAt(std::string_view s, std::size_t pos, const Anchor& a) {
    return pos + a.gap < s.size() && s[pos] == a.first && s[pos + a.gap] == a.second;
  }

  // The kinds of the phrases that occur with their anchor at `pos`. Only the anchors that start
  // with the byte there are compared, and a phrase's first four bytes before the rest.
  unsigned KindsAt(std::string_view text, std::size_t pos) const {
    unsigned kinds = 0;
    for (unsigned anchors = by_first_[static_cast<unsigned char>(text[pos])]; anchors != 0;
         anchors &= anchors - 1) {
      const auto a = static_cast<std::size_t>(__builtin_ctz(anchors));
      if (!AnchorAt(text, pos, kAnchors[a])) continue;
      for (const Placed& p : by_anchor_[a]) {
        if (pos < p.anchor_at || text.size() - (pos - p.anchor_at) < p.phrase.size()) continue;
        const char* start = text.data() + pos - p.anchor_at;
        std::uint32_t head = 0;
        std::memcpy(&head, start, sizeof head);
        if (head == p.head && std::memcmp(start, p.phrase.data(), p.phrase.size()) == 0) {
          kinds |= p.kind;
        }
      }
    }
    return kinds;
  }

#if defined(__SSE2__)
  // Bit k set when an anchor starts at p[k] (k < 16); reads p[0, kBlockReads).
  static unsigned Hits(const char* p) {
    __m128i v[kMaxGap + 1];
    for (std::size_t k = 0; k <= kMaxGap; ++k) {
      v[k] = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + k));
    }
    return [&v]<std::size_t... A>(std::index_sequence<A...>) {
      return static_cast<unsigned>(_mm_movemask_epi8((Matches<A>(v) | ... | _mm_setzero_si128())));
    }
    (std::make_index_sequence<kAnchors.size()>());
  }

  template <std::size_t A>
  static __m128i Matches(const __m128i (&v)[kMaxGap + 1]) {
    constexpr Anchor kAnchor = kAnchors[A];
    return _mm_and_si128(_mm_cmpeq_epi8(v[0], _mm_set1_epi8(kAnchor.first)),
                         _mm_cmpeq_epi8(v[kAnchor.gap], _mm_set1_epi8(kAnchor.second)));
  }
#endif

  std::array<std::vector<Placed>, kAnchors.size()> by_anchor_;
  std::array<unsigned, 256> by_first_{};  // a bit per anchor that starts with the byte
  std::vector<Unanchored> unanchored_;
};

// starts_with, comparing the first bytes before the rest (most sentences differ at once).
bool OpensWith(std::string_view s, std::string_view p) {
  return p.empty() || (!s.empty() && s[0] == p[0] && s.starts_with(p));
}

bool HasWord(const std::vector<std::string_view>& words, std::string_view w) {
  return std::find(words.begin(), words.end(), w) != words.end();
}

// What ends a sentence of a folded line, followed by a space (SentenceBreaks finds the same
// sixteen positions at a time).
constexpr ByteSet kStop({'.', '!', '?', ':'});

// Calls `f` with each sentence of a folded line: split after '.', '!', '?' or ':' followed by a
// space. Nothing is allocated; the stops are found sixteen bytes at a time.
template <typename F>
void ForEachSentence(std::string_view s, F&& f) {
  std::size_t begin = 0;
  for (std::size_t i = kStop.Find(s, 0, s.size()); i + 1 < s.size();
       i = kStop.Find(s, i + 1, s.size())) {
    if (s[i + 1] == ' ') {
      f(s.substr(begin, i + 1 - begin));
      begin = i + 2;
    }
  }
  if (begin < s.size()) f(s.substr(begin));
}

enum class AppealKind { kNone, kDonation, kSubscription, kMembership };

// The imperatives an appeal opens with (after any lead-in).
struct Opener {
  std::string_view text;
  AppealKind kind;
  bool strong;  // an appeal by itself in a short sentence
};
constexpr Opener kOpeners[] = {
    {"become a member", AppealKind::kMembership, true},
    {"becoming a member", AppealKind::kMembership, true},
    {"become a supporter", AppealKind::kMembership, true},
    {"become a patron", AppealKind::kMembership, true},
    {"become a subscriber", AppealKind::kSubscription, true},
    {"become a donor", AppealKind::kDonation, true},
    {"become", AppealKind::kMembership, false},
    {"becoming", AppealKind::kMembership, false},
    {"join", AppealKind::kMembership, false},
    {"sign up", AppealKind::kSubscription, false},
    {"subscribe", AppealKind::kSubscription, true},
    {"subscribing", AppealKind::kSubscription, false},
    {"donate", AppealKind::kDonation, true},
    {"make a donation", AppealKind::kDonation, true},
    {"chip in", AppealKind::kDonation, true},
    {"support", AppealKind::kDonation, false},
    {"supporting", AppealKind::kDonation, false},
    {"help", AppealKind::kDonation, false},
    {"give", AppealKind::kDonation, false},
    {"contribute", AppealKind::kDonation, false},
    {"back", AppealKind::kDonation, false},
    {"fund", AppealKind::kDonation, false},
    {"станьте", AppealKind::kMembership, false},
    {"вступайте", AppealKind::kMembership, false},
    {"присоединяйтесь", AppealKind::kMembership, false},
    {"подпишитесь", AppealKind::kSubscription, true},
    {"подписывайтесь", AppealKind::kSubscription, true},
    {"оформите подписку", AppealKind::kSubscription, true},
    {"поддержите", AppealKind::kDonation, true},
    {"поддержать", AppealKind::kDonation, false},
    {"пожертвуйте", AppealKind::kDonation, true},
    {"сделайте пожертвование", AppealKind::kDonation, true},
    {"помогите", AppealKind::kDonation, false},
};

// Words an appeal may open with before its imperative ("Please support us", "So why not chip in").
constexpr std::string_view kLeadIns[] = {"please ", "consider ", "why not ", "so ", "and ",
                                         "or ",     "now ",      "today, ",  "> ",  "пожалуйста, "};

// Phrases that only an outlet says of itself, anywhere in a sentence.
constexpr std::string_view kOutletPhrases[] = {
    "support us",          "supporting us",         "support our journalism",
    "support our work",    "support our reporting", "support our newsroom",
    "support our mission", "your support",          "your donation",
    "your contribution",   "your membership",       "donate to us",
    "help us keep",        "help us continue",      "reader-funded",
    "reader-supported",    "readers like you",      "we need your",
    "we rely on",          "if you value",          "if you appreciate our",
    "if you enjoy our",    "if you like our",       "our collective fundraiser",
    "поддержите нас",      "поддержать нас",        "поддержать редакцию",
    "ваша поддержка",      "помогите нам"};

// The strong appeals that start a tail.
constexpr std::string_view kTailPhrases[] = {"we have a small favor to ask",
                                             "we have a small favour to ask",
                                             "before you go",
                                             "if you value our journalism",
                                             "we need your support",
                                             "support our work",
                                             "help us keep",
                                             "a message from the editors"};

// The first two bytes of each of a list of strings of two bytes or more, a bit per pair: a text
// that starts with none of the pairs starts with none of the strings.
class FirstPairs {
 public:
  template <typename List, typename Text>
  constexpr FirstPairs(const List& list, Text text) {
    for (const auto& item : list) {
      const std::string_view s = text(item);
      if (s.size() < 2) throw "a string of fewer than two bytes";  // at compile time
      const std::size_t pair = Pair(s);
      bits_[pair >> 6] |= std::uint64_t{1} << (pair & 63);
    }
  }

  constexpr bool MayStart(std::string_view s) const {
    if (s.size() < 2) return false;
    const std::size_t pair = Pair(s);
    return ((bits_[pair >> 6] >> (pair & 63)) & 1u) != 0;
  }

 private:
  static constexpr std::size_t Pair(std::string_view s) {
    return static_cast<std::size_t>(static_cast<unsigned char>(s[0])) << 8 |
           static_cast<unsigned char>(s[1]);
  }

  std::array<std::uint64_t, 1024> bits_{};
};

// Anchors of kOutletPhrases and kTailPhrases: "pp" (support, appreciate), "lp" (help), "yo"
// (your, you), "do" (donate), "r-" (reader-), "w..r" (we rely), "v..f" (collective fundraiser),
// "vo" (favor), "g..f" (message from), and the last byte of "д" or "г" before a letter of 0xD0
// (поддерж, помогите).
constexpr std::array<Anchor, 11> kAppealAnchors = {{{'p', 1, 'p'},
                                                    {'l', 1, 'p'},
                                                    {'y', 1, 'o'},
                                                    {'d', 1, 'o'},
                                                    {'r', 1, '-'},
                                                    {'w', 3, 'r'},
                                                    {'v', 3, 'f'},
                                                    {'v', 1, 'o'},
                                                    {'g', 3, 'f'},
                                                    {'\xB4', 1, '\xD0'},
                                                    {'\xB3', 1, '\xD0'}}};

// The kinds of AppealPhrases, and of an appeal's sentence opener.
constexpr unsigned kAppealKind = 1;  // an outlet's phrase, or an opener
constexpr unsigned kTailKind = 2;    // a phrase that starts a tail

const AnchoredPhrases<kAppealAnchors>& AppealPhrases() {
  static const AnchoredPhrases<kAppealAnchors> kSet({kOutletPhrases, kTailPhrases});
  return kSet;
}

// A sentence without its lead-ins.
std::string_view WithoutLeadIns(std::string_view s) {
  static constexpr FirstPairs kPairs(kLeadIns, [](std::string_view l) { return l; });
  for (bool again = kPairs.MayStart(s); again; again = again && kPairs.MayStart(s)) {
    again = false;
    for (std::string_view lead : kLeadIns) {
      if (OpensWith(s, lead)) {
        s.remove_prefix(lead.size());
        again = true;
      }
    }
  }
  return s;
}

// Whether a sentence, without its lead-ins, opens with one of kOpeners.
bool OpensWithOpener(std::string_view sentence) {
  static constexpr FirstPairs kPairs(kOpeners, [](const Opener& o) { return o.text; });
  const std::string_view s = WithoutLeadIns(sentence);
  return kPairs.MayStart(s) && std::any_of(std::begin(kOpeners), std::end(kOpeners),
                                           [s](const Opener& o) { return OpensWith(s, o.text); });
}

// Bit k set when p[k] is a stop ('.', '!', '?' or ':') followed by a space; reads p[0, 17).
unsigned SentenceBreaks([[maybe_unused]] const char* p) {
#if defined(__SSE2__)
  const __m128i a = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  const __m128i b = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 1));
  const auto eq = [](__m128i v, char c) { return _mm_cmpeq_epi8(v, _mm_set1_epi8(c)); };
  const __m128i stop =
      _mm_or_si128(_mm_or_si128(eq(a, '.'), eq(a, '!')), _mm_or_si128(eq(a, '?'), eq(a, ':')));
  return static_cast<unsigned>(_mm_movemask_epi8(_mm_and_si128(stop, eq(b, ' '))));
#else
  return 0;
#endif
}

// Why a sentence is an appeal to the reader, not a sentence about support or members:
//   an imperative opener, checked at a word boundary and not used as a noun ("Support for the
//   bill grew", "Supporters gathered"), that addresses the reader or the outlet (us, our, your,
//   today, now) or, in a short sentence, names what is asked for (member, journalism,
//   newsletter); or a phrase that only an outlet says of itself ("your support", "support us",
//   "reader-funded").
AppealKind AppealSentence(std::string_view sentence) {
  // Words that, right after the opener, show it is a noun or a past tense ("Support for …",
  // "Help arrived", "Join-up talks").
  static constexpr std::string_view kNounNext[] = {
      "for",   "from",    "among",  "of",    "has",      "had",     "is",      "was",
      "were",  "will",    "would",  "grew",  "rose",     "fell",    "remains", "remained",
      "came",  "in",      "at",     "on",    "by",       "and",     "as",      "since",
      "after", "arrived", "groups", "level", "levels",   "workers", "staff",   "desk",
      "line",  "lines",   "pages",  "page",  "managers", "manager", "raising", "raiser"};
  static constexpr std::string_view kReaderCues[] = {
      "us",   "our",  "your", "today",  "now",   "monthly", "нас",    "наш",
      "нашу", "наше", "наши", "нашего", "нашей", "ваша",    "сегодня"};
  static constexpr std::string_view kTopicStems[] = {
      "member",   "supporter", "subscri", "patron",   "donat",      "donor",  "journalis",
      "newsroom", "reporting", "media",   "fundrais", "newsletter", "редакц", "журналист",
      "канал",    "подписк",   "медиа",   "донат",    "издани"};

  const std::string_view s = WithoutLeadIns(sentence);
  for (const Opener& o : kOpeners) {
    if (!OpensWith(s, o.text)) continue;
    // The cues are read only for a sentence that opens like an appeal (few do).
    const auto words = Words(s);
    bool reader_cue = false;
    for (std::string_view c : kReaderCues) reader_cue = reader_cue || HasWord(words, c);
    bool topic_cue = false;
    for (std::string_view w : words) {
      for (std::string_view stem : kTopicStems) topic_cue = topic_cue || w.starts_with(stem);
    }
    const std::size_t n = words.size();
    const std::string_view rest = s.substr(o.text.size());
    if (!rest.empty() && Words(rest.substr(0, 1)).size() == 1) continue;  // "supporters"
    const auto next = Words(rest);
    if (!next.empty() && !Contains(o.text, " ") &&
        std::find(std::begin(kNounNext), std::end(kNounNext), next[0]) != std::end(kNounNext)) {
      break;
    }
    const bool exclaims = s.ends_with("!") && n <= 8;
    if (reader_cue || (o.strong && n <= 12) || (topic_cue && n <= 8) || exclaims) {
      return topic_cue && HasWord(words, "member") ? AppealKind::kMembership : o.kind;
    }
    break;
  }
  if (std::any_of(std::begin(kOutletPhrases), std::end(kOutletPhrases),
                  [sentence](std::string_view p) { return Contains(sentence, p); })) {
    return Contains(sentence, "member") ? AppealKind::kMembership : AppealKind::kDonation;
  }
  return AppealKind::kNone;
}

// IsReportedSpeech on a line already cut into `words` (Words(key)).
bool ReportsSpeech(std::string_view key, const std::vector<std::string_view>& words) {
  if (key.starts_with("\"") || key.starts_with("'")) return true;
  static constexpr std::string_view kVerbs[] = {
      "said",    "says",     "told",    "tells",    "according", "wrote",    "writes",
      "added",   "asked",    "urged",   "tweeted",  "posted",    "stated",   "announced",
      "сказал",  "сказала",  "заявил",  "заявила",  "сообщил",   "сообщила", "словам",
      "написал", "написала", "призвал", "призвала", "говорит",   "отметил",  "отметила"};
  for (std::string_view v : kVerbs) {
    if (HasWord(words, v)) return true;
  }
  return false;
}

// One pass over `key` for the kinds of `wanted`. The sentences are read where ForEachSentence
// starts them (the line's start, and after a stop followed by a space), in the pass that looks
// for the phrases. No opener or lead-in holds a stop, so the text from a sentence's start to the
// line's end opens with one exactly when the sentence does. No phrase spans two sentences (none
// holds a stop followed by a space), so one pass over the line answers for every sentence.
AppealScan ScanForAppeals(std::string_view key, unsigned wanted) {
  const auto sentence_after = [&](std::size_t pos) {
    return kStop.Has(static_cast<unsigned char>(key[pos])) && pos + 1 < key.size() &&
                   key[pos + 1] == ' ' && OpensWithOpener(key.substr(pos + 2))
               ? kAppealKind
               : 0u;
  };
  unsigned found = (wanted & kAppealKind) != 0 && OpensWithOpener(key) ? kAppealKind : 0u;
  if (const unsigned rest = wanted & ~found; rest != 0) {
    found |= (rest & kAppealKind) != 0
                 ? AppealPhrases().KindsIn(key, rest, SentenceBreaks, sentence_after)
                 : AppealPhrases().KindsIn(key, rest);
  }
  return {(found & kAppealKind) != 0, (found & kTailKind) != 0};
}

}  // namespace

// A line that reports what someone said, or quotes it, is article text even when the words are
// an appeal ("We need your support," the mayor said.).
bool IsReportedSpeech(std::string_view key) { return ReportsSpeech(key, Words(key)); }

// Donation, membership and subscription appeals of any outlet.
std::optional<std::string> AppealRule(std::string_view key) {
  return AppealRule(key, ScanForAppeals(key, kAppealKind));
}

std::optional<std::string> AppealRule(std::string_view key, const AppealScan& scan) {
  if (!scan.may_hold_appeal) return std::nullopt;
  return AppealRuleUnfiltered(key);
}

bool MayHoldAppeal(std::string_view key) {
  return ScanForAppeals(key, kAppealKind).may_hold_appeal;
}

AppealScan ScanForAppeals(std::string_view key) {
  return ScanForAppeals(key, kAppealKind | kTailKind);
}

std::optional<std::string> AppealRuleUnfiltered(std::string_view key) {
  if (CountWordsUpTo(key, 50) > 50) return std::nullopt;
  AppealKind kind = AppealKind::kNone;
  ForEachSentence(
      key, [&kind](std::string_view sentence) { kind = std::max(kind, AppealSentence(sentence)); });
  // Reported speech is article text; looked for only in the rare line that reads as an appeal.
  if (kind != AppealKind::kNone && ReportsSpeech(key, Words(key))) return std::nullopt;
  switch (kind) {
    case AppealKind::kNone:
      return std::nullopt;
    case AppealKind::kDonation:
      return "donation-appeal";
    case AppealKind::kSubscription:
      return "subscription-appeal";
    case AppealKind::kMembership:
      return "membership-appeal";
  }
  return std::nullopt;
}

namespace {

// StartsAppealTail once a tail phrase is found in `key`.
bool TailAfterPhrase(std::string_view key) {
  return CountWordsUpTo(key, 40) <= 40 && !ReportsSpeech(key, Words(key));
}

}  // namespace

// A strong appeal that, late in a text, starts a block running to the end.
bool StartsAppealTail(std::string_view key) {
  return key.size() <= 600 && StartsAppealTail(key, ScanForAppeals(key, kTailKind));
}

bool StartsAppealTail(std::string_view key, const AppealScan& scan) {
  return key.size() <= 600 && scan.tail_phrase && TailAfterPhrase(key);
}

bool StartsAppealTailUnfiltered(std::string_view key) {
  return key.size() <= 600 &&
         std::any_of(std::begin(kTailPhrases), std::end(kTailPhrases),
                     [key](std::string_view p) { return Contains(key, p); }) &&
         TailAfterPhrase(key);
}

}  // namespace parallax::internal
