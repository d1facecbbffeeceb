#include "corpus/appeals.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <vector>

#include "text/byte_set.h"
#include "text/word_bytes.h"

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

// Phrases looked for anywhere in a text in one pass over it (rather than one pass per phrase):
// a bit per hash of the four bytes that start a phrase rejects nearly every position with one
// load (pairs of letters that start a phrase, "re" or "ou", are everywhere in prose; their
// four-byte starts are not), and at the others only the phrases that start with that byte are
// compared.
class PhraseSet {
 public:
  template <std::size_t N>
  explicit PhraseSet(const std::string_view (&phrases)[N]) {
    for (std::string_view p : phrases) {
      if (p.empty()) continue;
      by_first_[static_cast<unsigned char>(p[0])].push_back(p);
      if (p.size() < 4) {
        short_ = true;
      } else {
        const std::size_t h = Quad(p.data());
        quads_[h >> 6] |= std::uint64_t{1} << (h & 63);
      }
    }
  }

  // Whether any phrase occurs in `text`.
  bool FoundIn(std::string_view text) const {
    if (short_) {  // a phrase too short for the filter: every position is compared
      for (std::size_t i = 0; i < text.size(); ++i) {
        if (StartsAt(text, i)) return true;
      }
      return false;
    }
    // Every phrase has four bytes or more, so none starts in the last three.
    for (std::size_t i = 0; i + 4 <= text.size(); ++i) {
      const std::size_t h = Quad(text.data() + i);
      if ((quads_[h >> 6] & (std::uint64_t{1} << (h & 63))) != 0 && StartsAt(text, i)) {
        return true;
      }
    }
    return false;
  }

 private:
  // A hash of the four bytes at `p`, of 16 bits.
  static std::size_t Quad(const char* p) {
    std::uint32_t v = 0;
    std::memcpy(&v, p, 4);
    return (v * 0x9E3779B1u) >> 16;
  }

  bool StartsAt(std::string_view text, std::size_t i) const {
    for (std::string_view p : by_first_[static_cast<unsigned char>(text[i])]) {
      if (text.compare(i, p.size(), p) == 0) return true;
    }
    return false;
  }

  std::array<std::vector<std::string_view>, 256> by_first_;
  std::array<std::uint64_t, 1024> quads_{};  // 65,536 bits
  bool short_ = false;                       // a phrase of fewer than four bytes
};

// starts_with, comparing the first bytes before the rest (most sentences differ at once).
bool OpensWith(std::string_view s, std::string_view p) {
  return p.empty() || (!s.empty() && s[0] == p[0] && s.starts_with(p));
}

bool HasWord(const std::vector<std::string_view>& words, std::string_view w) {
  return std::find(words.begin(), words.end(), w) != words.end();
}

// Calls `f` with each sentence of a folded line: split after '.', '!', '?' or ':' followed by a
// space. Nothing is allocated; the stops are found sixteen bytes at a time.
template <typename F>
void ForEachSentence(std::string_view s, F&& f) {
  static constexpr ByteSet kStop({'.', '!', '?', ':'});
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

const PhraseSet& OutletPhrases() {
  static const PhraseSet kSet(kOutletPhrases);
  return kSet;
}

// A sentence without its lead-ins.
std::string_view WithoutLeadIns(std::string_view s) {
  for (bool again = true; again;) {
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
  const std::string_view s = WithoutLeadIns(sentence);
  if (s.empty()) return false;
  static const std::array<bool, 256> kFirst = [] {
    std::array<bool, 256> t{};
    for (const Opener& o : kOpeners) t[static_cast<unsigned char>(o.text[0])] = true;
    return t;
  }();
  if (!kFirst[static_cast<unsigned char>(s[0])]) return false;
  return std::any_of(std::begin(kOpeners), std::end(kOpeners),
                     [s](const Opener& o) { return OpensWith(s, o.text); });
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
  if (OutletPhrases().FoundIn(sentence)) {
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

}  // namespace

// A line that reports what someone said, or quotes it, is article text even when the words are
// an appeal ("We need your support," the mayor said.).
bool IsReportedSpeech(std::string_view key) { return ReportsSpeech(key, Words(key)); }

// Donation, membership and subscription appeals of any outlet.
std::optional<std::string> AppealRule(std::string_view key) {
  if (!MayHoldAppeal(key)) return std::nullopt;
  return AppealRuleUnfiltered(key);
}

bool MayHoldAppeal(std::string_view key) {
  bool opens = false;
  ForEachSentence(
      key, [&opens](std::string_view sentence) { opens = opens || OpensWithOpener(sentence); });
  // No phrase of an outlet spans two sentences (none holds a stop followed by a space), so one
  // pass over the line answers for every sentence.
  return opens || OutletPhrases().FoundIn(key);
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

// A strong appeal that, late in a text, starts a block running to the end.
bool StartsAppealTail(std::string_view key) {
  if (key.size() > 600) return false;
  static constexpr std::string_view kTail[] = {"we have a small favor to ask",
                                               "we have a small favour to ask",
                                               "before you go",
                                               "if you value our journalism",
                                               "we need your support",
                                               "support our work",
                                               "help us keep",
                                               "a message from the editors"};
  static const PhraseSet kTailSet(kTail);
  if (!kTailSet.FoundIn(key) || CountWordsUpTo(key, 40) > 40) return false;
  return !ReportsSpeech(key, Words(key));
}

}  // namespace parallax::internal
