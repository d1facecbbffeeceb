#include "corpus/boilerplate.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <deque>
#include <iterator>
#include <optional>
#include <regex>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <utf8proc.h>

#include "corpus/appeals.h"
#include "text/utf8.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace parallax {
namespace {

using internal::AppealRule;
using internal::StartsAppealTail;

struct Line {
  std::size_t start = 0;  // offset of the trimmed text in the body
  std::size_t end = 0;
  std::string_view key;  // folded: lower-case ASCII, typographic quotes and dashes folded
  bool blank = true;
};

enum class Verdict { kKeep, kRemove, kNote };

struct Decision {
  Verdict verdict = Verdict::kKeep;
  std::string rule;
};

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

// Lower-cases the Russian capitals (U+0401, U+0410..U+042F) of s[from, end) in place; each keeps
// its length.
void LowerCyrillic(std::string& s, std::size_t from = 0) {
  for (std::size_t i = s.find('\xD0', from); i != std::string::npos && i + 1 < s.size();
       i = s.find('\xD0', i + 2)) {
    auto& lead = reinterpret_cast<unsigned char&>(s[i]);
    auto& trail = reinterpret_cast<unsigned char&>(s[i + 1]);
    if (trail >= 0x90 && trail <= 0x9F) {  // А..П -> а..п
      trail = static_cast<unsigned char>(trail + 0x20);
    } else if (trail >= 0xA0 && trail <= 0xAF) {  // Р..Я -> р..я
      lead = 0xD1;
      trail = static_cast<unsigned char>(trail - 0x20);
    } else if (trail == 0x81) {  // Ё -> ё
      lead = 0xD1;
      trail = 0x91;
    }
  }
}

// Appends `s` to `out` lower-cased (ASCII and Russian), with the typographic marks that pasted
// text is full of folded. The result is never longer than `s`.
void FoldInto(std::string_view s, std::string& out) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 12> kFolds = {{
      {"\u2018", "'"},
      {"\u2019", "'"},
      {"\u201C", "\""},
      {"\u201D", "\""},
      {"\u00AB", "\""},
      {"\u00BB", "\""},
      {"\u2013", "-"},
      {"\u2014", "-"},
      {"\u2026", "..."},
      {"\u00A0", " "},
      {"\u201E", "\""},
      {"\u2212", "-"},
  }};
  const std::size_t begin = out.size();
  out.resize(begin + s.size());  // no fold lengthens the text
  char* to = out.data() + begin;
  std::size_t o = 0;
  bool cyrillic = false;  // a lead byte D0 was copied
  for (std::size_t i = 0; i < s.size();) {
#if defined(__SSE2__)
    // Sixteen bytes lower-cased at once; those from the first byte past ASCII on are written
    // again below.
    const auto lowered = [](__m128i v) {
      const __m128i capital = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8('A' - 1)),
                                            _mm_cmplt_epi8(v, _mm_set1_epi8('Z' + 1)));
      return _mm_add_epi8(v, _mm_and_si128(capital, _mm_set1_epi8(32)));
    };
    if (i + 16 <= s.size()) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i));
      _mm_storeu_si128(reinterpret_cast<__m128i*>(to + o), lowered(v));
      const unsigned high = static_cast<unsigned>(_mm_movemask_epi8(v));
      const std::size_t ascii = high == 0 ? 16 : static_cast<std::size_t>(__builtin_ctz(high));
      i += ascii;
      o += ascii;
      if (ascii == 16) continue;
    } else if (s.size() >= 16) {
      // The last sixteen bytes, when all are ASCII: the ones before `i` were copied as they are,
      // so they are written again unchanged.
      const std::size_t last = s.size() - 16;
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + last));
      if (_mm_movemask_epi8(v) == 0) {
        _mm_storeu_si128(reinterpret_cast<__m128i*>(to + o - (i - last)), lowered(v));
        o += s.size() - i;
        break;
      }
    }
#endif
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      to[o++] = static_cast<char>(c + (static_cast<unsigned char>(c - 'A') < 26 ? 32 : 0));
      ++i;
      continue;
    }
    if (c == 0xC2 || c == 0xE2) {  // every mark above starts with one of these
      const auto fold = std::find_if(kFolds.begin(), kFolds.end(), [&](const auto& f) {
        return s.substr(i, f.first.size()) == f.first;
      });
      if (fold != kFolds.end()) {
        std::memcpy(to + o, fold->second.data(), fold->second.size());
        o += fold->second.size();
        i += fold->first.size();
        continue;
      }
    }
    cyrillic = cyrillic || c == 0xD0;
    to[o++] = static_cast<char>(c);
    ++i;
  }
  out.resize(begin + o);
  if (cyrillic) LowerCyrillic(out, begin);
}

std::string Fold(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  FoldInto(s, out);
  return out;
}

}  // namespace

std::string internal::FoldLine(std::string_view line) { return Fold(line); }

namespace {

// The first bytes are compared before the rest: most prefixes a line is tried against differ
// from it at once.
bool StartsWith(std::string_view s, std::string_view p) {
  return p.empty() || (!s.empty() && s[0] == p[0] && s.substr(0, p.size()) == p);
}
bool EndsWith(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}
bool Contains(std::string_view s, std::string_view p) {
  return s.find(p) != std::string_view::npos;
}

}  // namespace

// Sixty-four bytes at a time with SSE2: a bit per byte that is not white space, word starts where
// such a bit follows a clear one, and one population count.
int internal::WordCount(std::string_view s, int limit) {
  int n = 0;
  std::size_t i = 0;
  std::uint64_t in = 0;  // bit 0: the byte before `i` is a word byte
#if defined(__SSE2__)
  const auto spaces16 = [](const char* p) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    const auto eq = [v](char c) { return _mm_cmpeq_epi8(v, _mm_set1_epi8(c)); };
    const __m128i m = _mm_or_si128(_mm_or_si128(eq(' '), eq('\t')),
                                   _mm_or_si128(_mm_or_si128(eq('\r'), eq('\f')), eq('\v')));
    return static_cast<std::uint64_t>(static_cast<unsigned>(_mm_movemask_epi8(m)));
  };
  const auto count64 = [&](const char* p) {
    const std::uint64_t words =
        ~(spaces16(p) | spaces16(p + 16) << 16 | spaces16(p + 32) << 32 | spaces16(p + 48) << 48);
    n += std::popcount(words & ~((words << 1) | in));
    in = words >> 63;
  };
  for (; i + 64 <= s.size() && n <= limit; i += 64) count64(s.data() + i);
  if (i < s.size() && n <= limit) {
    char block[64];
    std::memset(block, ' ', sizeof block);  // spaces start no word
    std::memcpy(block, s.data() + i, s.size() - i);
    count64(block);
    i = s.size();
  }
#endif
  for (; i < s.size() && n <= limit; ++i) {
    const std::uint64_t word = IsSpace(s[i]) ? 0 : 1;
    n += static_cast<int>(word & ~in);
    in = word;
  }
  return std::min(n, limit + 1);
}

namespace {

using internal::WordCount;

// Ends like a sentence (or a quoted sentence).
bool EndsSentence(std::string_view key) {
  while (!key.empty() && (key.back() == '"' || key.back() == '\'' || key.back() == ')')) {
    key.remove_suffix(1);
  }
  return !key.empty() && (key.back() == '.' || key.back() == '!' || key.back() == '?' ||
                          key.back() == ':' || key.back() == ';');
}

bool MatchesPattern(const OutletPattern& p, std::string_view key, std::string_view folded_text) {
  switch (p.match) {
    case OutletPattern::Match::kLine:
      return key == folded_text;
    case OutletPattern::Match::kPrefix:
      return StartsWith(key, folded_text);
    case OutletPattern::Match::kContains:
      return Contains(key, folded_text);
  }
  return false;
}

// Every date kDate takes has a year of four digits.
bool HoldsFourDigits(std::string_view s) {
  int run = 0;
  for (char c : s) {
    run = c >= '0' && c <= '9' ? run + 1 : 0;
    if (run == 4) return true;
  }
  return false;
}

}  // namespace

bool internal::IsDateline(std::string_view key, bool filtered) {
  const auto date = []() -> const std::regex& {
    static const std::regex kDate(
        R"(^((mon|tues|wednes|thurs|fri|satur|sun)day,? )?)"
        R"((\d{1,2} (jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,? \d{4})"
        R"(|(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2},? \d{4})"
        R"(|\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{4}))"
        R"((,? (at )?\d{1,2}:\d{2}( ?[ap]\.?m\.?)?( [a-z]{2,5})?)?$)");
    return kDate;
  };
  return key.size() < 60 && (!filtered || HoldsFourDigits(key)) &&
         std::regex_match(key.begin(), key.end(), date());
}

namespace {

// Comment headings, the lines of a comment form, and its notices (as CommentFormRule reads them).
constexpr std::string_view kCommentHeadings[] = {
    "leave a reply",           "leave a comment",      "leave a reply cancel reply",
    "post a comment",          "add a comment",        "write a comment",
    "join the discussion",     "no comments yet",      "no comments",
    "be the first to comment", "one comment",          "one response",
    "оставить комментарий",    "добавить комментарий", "оставьте комментарий"};
// How every heading that kCommentCount takes starts (a digit, "one" or "comment").
constexpr std::string_view kCommentCountStarts[] = {"0", "1", "2", "3", "4",    "5",
                                                    "6", "7", "8", "9", "one ", "comment"};
constexpr std::string_view kCommentLines[] = {
    "reply",        "log in to reply", "login to reply", "reply to this comment", "cancel reply",
    "post comment", "submit comment",  "report comment", "reply to comment",      "ответить",
    "комментарии"};
constexpr std::string_view kCommentNotices[] = {"your email address will not be published",
                                                "required fields are marked",
                                                "save my name, email, and website in this browser",
                                                "save my name, email and website in this browser",
                                                "notify me of follow-up comments",
                                                "notify me of new comments",
                                                "notify me of new posts",
                                                "you must be logged in to post a comment",
                                                "learn how your comment data is processed",
                                                "this site uses akismet to reduce spam",
                                                "ваш адрес email не будет опубликован",
                                                "обязательные поля помечены"};

// Whether a line kCount may take starts as its every match does: "comment", or a number (digits
// or "one") and a space before a count's noun.
bool MayCountComments(std::string_view bare) {
  if (bare.starts_with("comment")) return true;
  std::size_t i = 0;
  while (i < bare.size() && bare[i] >= '0' && bare[i] <= '9') ++i;
  if (i == 0 && bare.starts_with("one")) i = 3;
  if (i == 0) return false;
  const std::string_view rest = bare.substr(i);
  static constexpr std::string_view kNouns[] = {" comment", " respons", " repl", " thought",
                                                " комментари"};
  return std::any_of(std::begin(kNouns), std::end(kNouns),
                     [rest](std::string_view n) { return rest.starts_with(n); });
}

// The heading of a comment section: "3 comments", "12 thoughts on "Title"", "Leave a Reply".
bool IsCommentHeading(std::string_view bare, bool filtered = true) {
  for (std::string_view h : kCommentHeadings) {
    if (bare == h) return true;
  }
  const auto count = []() -> const std::regex& {
    static const std::regex kCount(
        R"(^(\d+|one) (comments?|responses?|replies|thoughts?)( (on|to) ".*")?$)"
        R"(|^comments? \(\d+\)$|^\d+ комментари[йяев]+$)");
    return kCount;
  };
  const bool may_count = std::any_of(std::begin(kCommentCountStarts), std::end(kCommentCountStarts),
                                     [bare](std::string_view p) { return bare.starts_with(p); });
  return may_count && bare.size() < 300 && (!filtered || MayCountComments(bare)) &&
         std::regex_match(bare.begin(), bare.end(), count());
}

// The fields, buttons and notices of a blog comment form and the links under each comment.
std::optional<std::string> CommentFormRule(std::string_view bare, bool filtered = true) {
  if (IsCommentHeading(bare, filtered)) return "comment-form";
  for (std::string_view l : kCommentLines) {
    if (bare == l) return "comment-form";
  }
  for (std::string_view n : kCommentNotices) {
    if (StartsWith(bare, n))
      return WordCount(bare, 40) > 40 ? std::nullopt : std::optional<std::string>("comment-form");
  }
  return std::nullopt;
}

// "Source link", "Source: Agency", "This article was originally published on …": the trailer an
// aggregator adds under a copied article.
constexpr std::string_view kSourceLines[] = {"source link", "original source",
                                             "view source", "original article",
                                             "источник",    "ссылка на источник"};
constexpr std::string_view kSourceShort[] = {"source:", "sources:", "источник:", "источники:"};
constexpr std::string_view kSourceLong[] = {"originally published ",
                                            "this article was originally published",
                                            "this story was originally published",
                                            "this article first appeared",
                                            "this story first appeared",
                                            "this article originally appeared",
                                            "this story originally appeared"};

bool IsSourceTrailer(std::string_view key, std::string_view bare) {
  for (std::string_view l : kSourceLines) {
    if (bare == l) return true;
  }
  for (std::string_view p : kSourceShort) {
    if (StartsWith(key, p) && WordCount(key, 12) <= 12) return true;
  }
  for (std::string_view p : kSourceLong) {
    if (StartsWith(key, p) && WordCount(key, 30) <= 30) return true;
  }
  return false;
}

// std::string_view::rfind, without a comparison at every position: most positions are told
// apart by their first byte.
std::size_t LastOf(std::string_view s, std::string_view p) {
  if (p.empty() || p.size() > s.size()) return p.empty() ? s.size() : std::string_view::npos;
  for (std::size_t i = s.size() - p.size() + 1; i-- > 0;) {
    if (s[i] == p[0] && s.compare(i, p.size(), p) == 0) return i;
  }
  return std::string_view::npos;
}

// False when `s`, lower-cased as TrailingPhotoCredit does (ASCII and Russian capitals), holds
// none of its marker words: "photo", "image", "picture", "credit" or "фото". Each word is looked
// for by its first two letters in either case ("ph", "im", "pi", "cr"; "ф" is D1 84, "Ф" D0 A4),
// sixteen positions at once where SSE2 is there: such pairs are rare in prose, and only at them
// is the word compared.
bool MayHoldMarkerWord(std::string_view s) {
  const auto folded_at = [s](std::size_t i, std::string_view word) {
    if (s.size() - i < word.size()) return false;
    for (std::size_t k = 0; k < word.size(); ++k) {
      char c = s[i + k];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if (c != word[k]) return false;
    }
    return true;
  };
  const auto word_at = [&](std::size_t i) {
    const auto b = static_cast<unsigned char>(s[i]);
    switch (b | 0x20) {
      case 'p':
        return folded_at(i, "photo") || folded_at(i, "picture");
      case 'i':
        return folded_at(i, "image");
      case 'c':
        return folded_at(i, "credit");
      default:  // the capital or small ef of "фото"
        return i + 1 < s.size() && ((b == 0xD1 && static_cast<unsigned char>(s[i + 1]) == 0x84) ||
                                    (b == 0xD0 && static_cast<unsigned char>(s[i + 1]) == 0xA4));
    }
  };
#if defined(__SSE2__)
  // With 0x20 set, a letter reads as its small form; the leads D0 and D1 read as F0 and F1, 84 and
  // A4 both as A4. A position passes when its pair reads as one of the five above. The last bytes
  // are read from a copy padded with zero bytes.
  const __m128i case_bit = _mm_set1_epi8(0x20);
  const auto eq = [](__m128i v, int c) {
    return _mm_cmpeq_epi8(v, _mm_set1_epi8(static_cast<char>(c)));
  };
  const auto hits = [&](const char* p) {
    const __m128i a = _mm_or_si128(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p)), case_bit);
    const __m128i b =
        _mm_or_si128(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 1)), case_bit);
    const __m128i pairs = _mm_or_si128(
        _mm_or_si128(_mm_and_si128(eq(a, 'p'), _mm_or_si128(eq(b, 'h'), eq(b, 'i'))),
                     _mm_and_si128(eq(a, 'i'), eq(b, 'm'))),
        _mm_or_si128(_mm_and_si128(eq(a, 'c'), eq(b, 'r')),
                     _mm_and_si128(_mm_or_si128(eq(a, 0xF0), eq(a, 0xF1)), eq(b, 0xA4))));
    return static_cast<unsigned>(_mm_movemask_epi8(pairs));
  };
  const auto any_word = [&](std::size_t i, unsigned mask) {
    for (; mask != 0; mask &= mask - 1) {
      if (word_at(i + static_cast<std::size_t>(__builtin_ctz(mask)))) return true;
    }
    return false;
  };
  std::size_t i = 0;
  for (; i + 17 <= s.size(); i += 16) {
    if (any_word(i, hits(s.data() + i))) return true;
  }
  for (; i < s.size(); i += 16) {
    char block[17] = {};
    const std::size_t n = std::min(s.size() - i, sizeof block);
    std::memcpy(block, s.data() + i, n);
    if (any_word(i, hits(block) & (n >= 16 ? 0xFFFFu : (1u << n) - 1))) return true;
  }
#else
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (word_at(i)) return true;
  }
#endif
  return false;
}

// Where the photo credit that ends a line starts ("Police at the border. Photo: Name / Agency",
// "… (Photo: Agency)", "… Фото: Агентство"), or npos. The credit is a few capitalised words;
// with `parenthesised`, only a credit in parentheses counts.
// A credit is a few words: only the end of a line is looked at, however long the line.
constexpr std::size_t kCreditWindow = 256;

// The fast rejection of TrailingPhotoCredit: false when the end of the line it reads holds no
// marker word, so that no credit ends the line.
bool MayEndInPhotoCredit(std::string_view full) {
  const std::size_t offset = full.size() > kCreditWindow ? full.size() - kCreditWindow : 0;
  return MayHoldMarkerWord(full.substr(offset));
}

std::size_t TrailingPhotoCredit(std::string_view full, bool parenthesised = false) {
  // A credit in parentheses closes the line.
  if (parenthesised && !EndsWith(full, ")")) return std::string::npos;
  const std::size_t offset = full.size() > kCreditWindow ? full.size() - kCreditWindow : 0;
  const std::string_view original = full.substr(offset);
  std::string lower(original);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  LowerCyrillic(lower);
  // Every marker below holds one of these words: most lines hold none and are done with here.
  static constexpr std::string_view kMarkerWords[] = {"photo", "image", "picture", "credit",
                                                      "фото"};
  if (std::none_of(std::begin(kMarkerWords), std::end(kMarkerWords),
                   [&lower](std::string_view w) { return lower.find(w) != std::string::npos; })) {
    return std::string::npos;
  }
  static constexpr std::string_view kMarkers[] = {
      "photo:",        "photos:",  "photo by ", "photo credit:", "image:", "image credit:",
      "image credit ", "picture:", "credit:",   "фото:",         "фото ",  "photograph:"};
  for (std::string_view m : kMarkers) {
    const std::size_t at = LastOf(lower, m);
    if (at == std::string::npos || offset + at == 0) continue;
    // The credit follows a sentence or opens a parenthesis.
    const std::string_view before = std::string_view(lower).substr(0, at);
    const bool paren = EndsWith(before, "(");
    if (parenthesised
            ? !paren || offset + at == 1
            : !EndsWith(before, ". ") && !paren && !EndsWith(before, "! ") &&
                  !EndsWith(before, "? ") && !EndsWith(before, "| ") && !EndsWith(before, ", ")) {
      continue;
    }
    std::string_view credit = original.substr(at + m.size());
    if (EndsWith(before, "(")) {
      if (!EndsWith(credit, ")")) continue;
      credit.remove_suffix(1);
    }
    // Words of the credit; separators ("/", "|", "-", "©") are not words.
    std::vector<std::string_view> words;
    for (std::size_t i = 0; i < credit.size();) {
      const std::size_t space = std::min(credit.find(' ', i), credit.size());
      const std::string_view w = credit.substr(i, space - i);
      const auto c0 = w.empty() ? 0 : static_cast<unsigned char>(w[0]);
      if ((c0 >= 'A' && c0 <= 'Z') || (c0 >= 'a' && c0 <= 'z') || c0 == 0xD0 || c0 == 0xD1) {
        words.push_back(w);
      }
      i = space + 1;
    }
    if (words.empty() || words.size() > 8) continue;
    bool names = true;
    for (std::string_view w : words) {
      const auto c0 = static_cast<unsigned char>(w[0]);
      const bool capital =
          (c0 >= 'A' && c0 <= 'Z') || (c0 == 0xD0 && w.size() > 1 &&
                                       ((static_cast<unsigned char>(w[1]) >= 0x90 &&
                                         static_cast<unsigned char>(w[1]) <= 0xAF) ||
                                        static_cast<unsigned char>(w[1]) == 0x81));
      names = names && (capital || w == "via" || w == "for" || w == "and" || w == "of" ||
                        w == "de" || w == "van" || w == "von");
    }
    if (names) return offset + (paren ? at - 1 : at);
  }
  return std::string::npos;
}

// Whether `s` ends as kCredit's matches do ("Name Surname / Agency"), read from the last '/': an
// agency of a capital and 1 to 30 letters, stops, '&' and spaces after it, a capitalised word of
// letters, '\'' and '-' before it, and before that a space and a capitalised word of small letters.
// Spaces around the '/' are optional. kCredit is run only where this holds.
bool EndsLikeCredit(std::string_view s) {
  const auto upper = [](char c) { return c >= 'A' && c <= 'Z'; };
  const auto lower = [](char c) { return c >= 'a' && c <= 'z'; };
  // The agency and the space before it take at most 32 bytes, and hold no '/'.
  std::size_t slash = s.find('/', s.size() > 33 ? s.size() - 33 : 0);
  if (slash == std::string_view::npos) return false;
  for (std::size_t next; (next = s.find('/', slash + 1)) != std::string_view::npos;) slash = next;
  // The agency.
  std::size_t i = slash + 1;
  if (i < s.size() && s[i] == ' ') ++i;
  if (s.size() - i < 2 || s.size() - i > 31 || !upper(s[i])) return false;
  for (std::size_t k = i + 1; k < s.size(); ++k) {
    const char c = s[k];
    if (!upper(c) && !lower(c) && c != '.' && c != '&' && c != ' ') return false;
  }
  // The surname: a whole run of letters, '\'' and '-' (the space before it ends the run).
  std::size_t end = slash;
  if (end > 0 && s[end - 1] == ' ') --end;
  std::size_t begin = end;
  while (begin > 0 && (upper(s[begin - 1]) || lower(s[begin - 1]) || s[begin - 1] == '\'' ||
                       s[begin - 1] == '-')) {
    --begin;
  }
  if (end - begin < 2 || !upper(s[begin]) || begin < 3 || s[begin - 1] != ' ') return false;
  // The name: a capital, then small letters up to the space.
  std::size_t name = begin - 1;
  while (name > 0 && lower(s[name - 1])) --name;
  return name < begin - 1 && name > 0 && upper(s[name - 1]);
}

// A folded line without the trailing colons, stops, stars and spaces of a label or button.
std::string_view Bare(std::string_view key) {
  std::string_view bare = key;
  while (!bare.empty() &&
         (bare.back() == ':' || bare.back() == '.' || bare.back() == ' ' || bare.back() == '*')) {
    bare.remove_suffix(1);
  }
  return bare;
}

constexpr std::string_view kUiLines[] = {
    "read more", "continue", "continue reading", "share", "share this", "share this article",
    "print", "advertisement", "comments", "subscribe", "show more", "load more", "follow us",
    "related", "related articles", "more on this topic", "read also", "tags", "share on facebook",
    "share on twitter", "share on x", "shared to facebook", "shared to twitter", "copy link",
    "back to top", "listen to this article",
    // A Russian site's subscription widget and its captcha.
    "подписка", "подписаться", "поделиться", "хочу получать новости", "введите код с картинки",
    "обновить код"};
constexpr std::string_view kRelatedPrefixes[] = {
    "[read more:", "read more:", "read also:", "also read:", "see also:",   "related:",
    "[related:",   "more: ",     "[see also:", "read next:", "recommended:"};
// How the lines kTranslation and kSourceParen take start.
constexpr std::string_view kExpressionStarts[] = {"read ", "("};
constexpr std::string_view kCaptionPrefixes[] = {
    "photo:",           "photo by ",    "photo credit",       "photos:",
    "image:",           "pictured:",    "illustrative photo", "footage from ",
    "screenshot from ", "cover photo",  "main photo",         "header image",
    "image credit",     "image by ",    "image source",       "picture:",
    "picture by ",      "credit:",      "photograph:",        "photograph by ",
    "photo courtesy",   "фото:",        "фотография:",        "архивное фото",
    "фото из архива",   "архівне фото", "фото з архіву"};

// How the strings of some lists start, to tell that a line starts with none of them (so opens
// with and equals none): a string of four bytes or more by its first four (a bit per hash of
// them), a shorter one by its first byte (any line that starts with that byte passes).
class PrefixFilter {
 public:
  template <typename... Lists>
  explicit PrefixFilter(const Lists&... lists) {
    (Add(lists), ...);
  }

  bool MayStart(std::string_view s) const {
    if (s.empty()) return false;  // no list holds an empty string
    if (short_first_[static_cast<unsigned char>(s[0])]) return true;
    if (s.size() < 4) return false;
    const std::size_t h = Quad(s.data());
    return ((quads_[h >> 6] >> (h & 63)) & 1u) != 0;
  }

 private:
  template <typename List>
  void Add(const List& list) {
    for (std::string_view x : list) {
      if (x.size() < 4) {
        short_first_[static_cast<unsigned char>(x[0])] = true;
      } else {
        const std::size_t h = Quad(x.data());
        quads_[h >> 6] |= std::uint64_t{1} << (h & 63);
      }
    }
  }

  // A hash of the four bytes at `p`, of 12 bits.
  static std::size_t Quad(const char* p) {
    std::uint32_t v = 0;
    std::memcpy(&v, p, 4);
    return (v * 0x9E3779B1u) >> 20;
  }

  std::array<bool, 256> short_first_{};
  std::array<std::uint64_t, 64> quads_{};
};

// False for a folded line that starts like no line a rule recognises by how it starts or by what
// it equals (the lists above): such a line is furniture only by what it holds further on (a
// credit, an appeal), and those rules alone read it.
bool MayOpenFurniture(std::string_view key) {
  static const PrefixFilter kFilter(kUiLines, kRelatedPrefixes, kExpressionStarts, kCaptionPrefixes,
                                    kCommentHeadings, kCommentCountStarts, kCommentLines,
                                    kCommentNotices, kSourceLines, kSourceShort, kSourceLong);
  return kFilter.MayStart(key);
}

// MayOpenFurniture for CommentFormRule's lists alone.
bool MayOpenCommentForm(std::string_view bare) {
  static const PrefixFilter kFilter(kCommentHeadings, kCommentCountStarts, kCommentLines,
                                    kCommentNotices);
  return kFilter.MayStart(bare);
}

// Furniture lines are short; longer lines are article text (and keep the regexes cheap).
constexpr std::size_t kLongestRuleLine = 600;

}  // namespace

namespace internal {

bool AllWordsCapitalised(std::string_view line) {
  bool word_start = true;
  for (std::size_t i = 0; i < line.size();) {
    const DecodedChar c = DecodeUtf8Char(line, i);
    if (c.length == 0) break;
    const utf8proc_category_t category =
        utf8proc_category(static_cast<utf8proc_int32_t>(c.code_point));
    const bool lower_letter = category == UTF8PROC_CATEGORY_LL;
    if (word_start && lower_letter) return false;
    word_start = c.code_point == ' ' || c.code_point == '\t';
    i += c.length;
  }
  return true;
}

bool EndsInTemperature(std::string_view line) {
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
  // "°C", "°F" or "°С" (a Cyrillic Es), after a number and an optional space.
  std::string_view rest;
  for (const std::string_view unit : {"\u00B0C", "\u00B0F", "\u00B0\u0421"}) {
    if (line.size() > unit.size() && line.substr(line.size() - unit.size()) == unit) {
      rest = line.substr(0, line.size() - unit.size());
      break;
    }
  }
  if (rest.empty()) return false;
  if (rest.back() == ' ') rest.remove_suffix(1);
  return !rest.empty() && rest.back() >= '0' && rest.back() <= '9';
}

bool IsScriptCode(std::string_view line) {
  // Prose has no braces: most lines are let through by the first test.
  const std::size_t brace = line.find('{');
  if (brace == std::string_view::npos) return false;
  std::size_t letters = 0;
  std::size_t code = 0;  // { } ( ) [ ] ; = < > $
  for (const char c : line) {
    // ASCII letters, and the lead byte of every other character (Cyrillic, Georgian prose).
    if (((c | 0x20) >= 'a' && (c | 0x20) <= 'z') ||
        (static_cast<unsigned char>(c) & 0xC0) == 0xC0) {
      ++letters;
    } else if (c == '{' || c == '}' || c == '(' || c == ')' || c == '[' || c == ']' || c == ';' ||
               c == '=' || c == '<' || c == '>' || c == '$') {
      ++code;
    }
  }
  const bool statement = line.find(';') != std::string_view::npos ||
                         line.find("function") != std::string_view::npos ||
                         line.find("=>") != std::string_view::npos;
  // Code, not a sentence that mentions a brace: one in eight of its letters and signs is one.
  return statement && line.find('}', brace) != std::string_view::npos && code * 8 >= letters + code;
}

}  // namespace internal

namespace internal {

std::optional<std::string> GenericLineRule(std::string_view key, std::string_view original,
                                           bool filtered, const AppealScan* appeal_scan) {
  if (IsScriptCode(original)) return "script-code";
  if (key.size() > kLongestRuleLine) return std::nullopt;
  if (EndsInTemperature(original) && WordCount(key, 40) <= 14 && AllWordsCapitalised(original))
    return "ui-line";
  // Most lines of prose open like no furniture line: only the rules that read further are asked.
  const bool may_open = !filtered || MayOpenFurniture(key);
  const std::string_view bare = Bare(key);
  int words = -1;  // WordCount(key, 40), compared with 30 and 40 below; counted when first asked
  const auto words_up_to_40 = [&words, key] {
    if (words < 0) words = WordCount(key, 40);
    return words;
  };
  // "3 min read", "less than a minute", "reading time: 4 minutes", "время чтения: 3 минуты",
  // "5 хв читання": how long the page takes to read. Short lines only (and a cheap first test:
  // a digit, or the first letter of the few words such a line can open with).
  if (bare.size() <= 48 && !bare.empty() &&
      ((bare[0] >= '0' && bare[0] <= '9') || StartsWith(bare, "less ") ||
       StartsWith(bare, "under ") || StartsWith(bare, "reading ") || StartsWith(bare, "время ") ||
       StartsWith(bare, "час "))) {
    static const std::regex kReadingTime(
        R"(^((reading time|время чтения|час читання) ?:? ?)?)"
        R"((\d+|less than (a|1|one)|under (a|1|one)) ?)"
        R"((min|mins|minutes?|мин|минута|минуты|минут|хв|хвилина|хвилини|хвилин)\.?( (read|чтения|читання))?$)");
    if (std::regex_match(bare.begin(), bare.end(), kReadingTime)) return "ui-line";
  }
  if (may_open) {
    for (std::string_view ui : kUiLines) {
      if (bare == ui) return "ui-line";
    }
    for (std::string_view p : kRelatedPrefixes) {
      if (StartsWith(key, p) && words_up_to_40() <= 30) return "related-link";
    }
    const auto translation = []() -> const std::regex& {
      static const std::regex kTranslation(
          R"(^read (this (article |story )?)?in [a-z]+( on [^ ]+)?\.?$)");
      return kTranslation;
    };
    if (StartsWith(bare, "read ") && std::regex_match(bare.begin(), bare.end(), translation()))
      return "translation-link";

    // Captions and credits.
    const auto source_paren = []() -> const std::regex& {
      static const std::regex kSourceParen(
          R"(^\((source|photo|image|credit|video|illustration|picture|photograph|фото)s?)"
          R"((:| credits?:?| by:?| courtesy( of)?:?) .*\)$)");
      return kSourceParen;
    };
    if (StartsWith(key, "(") && std::regex_match(key.begin(), key.end(), source_paren()))
      return "photo-caption";
    for (std::string_view p : kCaptionPrefixes) {
      if (StartsWith(key, p) && words_up_to_40() <= 40) return "photo-caption";
    }
  }
  const auto credit = []() -> const std::regex& {
    static const std::regex kCredit(R"([A-Z][a-z]+ [A-Z][A-Za-z'-]+ ?/ ?[A-Z][A-Za-z.& ]{1,30}$)");
    return kCredit;
  };
  if ((filtered ? EndsLikeCredit(original) : original.find('/') != std::string_view::npos) &&
      words_up_to_40() <= 40 && !EndsSentence(key) &&
      std::regex_search(original.begin(), original.end(), credit())) {
    return "photo-caption";
  }
  if ((!filtered || MayEndInPhotoCredit(original)) && words_up_to_40() <= 40 &&
      TrailingPhotoCredit(original) != std::string::npos) {
    return "photo-caption";
  }

  // Appeals. Short lines only: an article may well discuss donations or memberships.
  if (auto rule = !filtered                ? AppealRuleUnfiltered(key)
                  : appeal_scan != nullptr ? AppealRule(key, *appeal_scan)
                                           : AppealRule(key)) {
    return rule;
  }
  if (may_open) {
    if (!filtered || MayOpenCommentForm(bare)) {
      if (auto rule = CommentFormRule(bare, filtered)) return rule;
    }
    if (IsSourceTrailer(key, bare)) return "source-link";
  }
  return std::nullopt;
}

}  // namespace internal

namespace {

using internal::GenericLineRule;

// Where a comment section starts: a comment heading in the latter two thirds of the text with a
// comment's "Reply" link or a comment form's notice after it. Returns nonblank.size() if none.
std::size_t CommentSectionStart(const std::vector<Line>& lines,
                                const std::vector<std::size_t>& nonblank) {
  // The last form line first, so that many headings cost one pass, not one pass each.
  std::size_t last_form = 0;
  for (std::size_t m = nonblank.size(); m-- > nonblank.size() / 3;) {
    const std::string_view bare = Bare(lines[nonblank[m]].key);
    if (MayOpenCommentForm(bare) && CommentFormRule(bare)) {
      last_form = m;
      break;
    }
  }
  for (std::size_t k = nonblank.size() / 3; k < last_form; ++k) {
    const std::string_view bare = Bare(lines[nonblank[k]].key);
    if (IsCommentHeading(bare) || bare == "comments" || bare == "комментарии") return k;
  }
  return nonblank.size();
}

bool IsListItem(std::string_view key) {
  return StartsWith(key, "- ") || StartsWith(key, "* ") || StartsWith(key, "\u2022 ");
}

// Length of the space character that `s` starts with (0 if none).
std::size_t UnicodeSpaceAt(std::string_view s) {
  if (s.empty()) return 0;
  if (IsSpace(s[0])) return 1;
  // Every other space below starts with a byte of 0x80 or more; most lines start and end in ASCII.
  if (static_cast<unsigned char>(s[0]) < 0x80) return 0;
  if (s.substr(0, 2) == "\u00A0") return 2;
  if (s.size() >= 3 && static_cast<unsigned char>(s[0]) == 0xE2 &&
      static_cast<unsigned char>(s[1]) == 0x80) {
    const unsigned char c = static_cast<unsigned char>(s[2]);
    if ((c >= 0x80 && c <= 0x8B) || c == 0xAF) return 3;  // U+2000..U+200B, U+202F
  }
  if (s.substr(0, 3) == "\u205F" || s.substr(0, 3) == "\u3000" || s.substr(0, 3) == "\uFEFF" ||
      s.substr(0, 3) == "\u2060") {
    return 3;
  }
  return 0;
}

// Length of the space character that `s` ends with (0 if none).
std::size_t UnicodeSpaceBefore(std::string_view s) {
  // Every space of more than one byte ends with a byte of 0x80 or more.
  if (!s.empty() && static_cast<unsigned char>(s.back()) < 0x80) return IsSpace(s.back()) ? 1 : 0;
  for (std::size_t n = 1; n <= 3 && n <= s.size(); ++n) {
    if (UnicodeSpaceAt(s.substr(s.size() - n)) == n) return n;
  }
  return 0;
}

// The lines of `body`; their keys are folded into `keys`, which must be empty and is reserved here
// once (no key is longer than its line), so that no key moves.
std::vector<Line> SplitLines(const std::string& body, std::string& keys) {
  keys.reserve(body.size());
  std::vector<Line> lines;
  std::size_t pos = 0;
  while (pos <= body.size()) {
    std::size_t nl = body.find('\n', pos);
    if (nl == std::string::npos) nl = body.size();
    std::size_t s = pos;
    std::size_t e = nl;
    // ASCII and Unicode spaces (no-break, en/em/thin/hair, zero-width, BOM) at the edges are
    // padding, not text.
    for (bool again = true; again && s < e;) {
      const std::size_t n = UnicodeSpaceAt(std::string_view(body).substr(s, e - s));
      again = n > 0;
      s += n;
    }
    for (bool again = true; again && e > s;) {
      const std::size_t n = UnicodeSpaceBefore(std::string_view(body).substr(s, e - s));
      again = n > 0;
      e -= n;
    }
    Line line;
    line.start = s;
    line.end = e;
    line.blank = s == e;
    if (!line.blank) {
      const std::size_t at = keys.size();
      FoldInto(std::string_view(body).substr(s, e - s), keys);
      line.key = std::string_view(keys).substr(at);
    }
    lines.push_back(std::move(line));
    if (nl == body.size()) break;
    pos = nl + 1;
  }
  return lines;
}

}  // namespace

void CleanArticle(Article& article, const Outlet* outlet, const CleanOptions& options) {
  article.text.clear();
  article.segments.clear();
  article.removed.clear();
  article.outlet_notes.clear();
  const std::string& body = article.body;
  std::string keys;  // every line's key, one after the other
  std::vector<Line> lines = SplitLines(body, keys);
  std::deque<std::string> trimmed_keys;  // keys of lines whose photo credit is cut off
  std::vector<Decision> decisions(lines.size());

  auto set = [&decisions](std::size_t i, Verdict v, std::string rule) {
    if (decisions[i].verdict == Verdict::kKeep) decisions[i] = Decision{v, std::move(rule)};
  };
  auto text_of = [&](const Line& l) {
    return std::string_view(body).substr(l.start, l.end - l.start);
  };

  // The outlet's own patterns first: they are the most specific.
  if (outlet != nullptr) {
    for (const OutletPattern& p : outlet->patterns) {
      const std::string folded = Fold(p.text);
      const std::string rule = "outlet:" + outlet->id + ":" + p.rule;
      for (std::size_t i = 0; i < lines.size(); ++i) {
        if (lines[i].blank || !MatchesPattern(p, lines[i].key, folded)) continue;
        switch (p.action) {
          case OutletPattern::Action::kRemove:
            set(i, Verdict::kRemove, rule);
            break;
          case OutletPattern::Action::kNote:
            set(i, Verdict::kNote, rule);
            break;
          case OutletPattern::Action::kRemoveToEnd:
            for (std::size_t j = i; j < lines.size(); ++j) {
              if (!lines[j].blank) set(j, Verdict::kRemove, rule);
            }
            break;
          case OutletPattern::Action::kCaptionNext:
            for (std::size_t j = i + 1; j < lines.size(); ++j) {
              if (!lines[j].blank) {
                set(j, Verdict::kRemove, rule);
                break;
              }
            }
            break;
        }
      }
    }
  }

  if (options.generic_rules) {
    std::vector<std::size_t> nonblank;
    for (std::size_t i = 0; i < lines.size(); ++i) {
      if (!lines[i].blank) nonblank.push_back(i);
    }
    // Tails: a strong appeal in the latter part of the text, or a comment section, runs to the
    // end. The later tail is marked first, so each line is told which one it belongs to.
    // One pass over each line that GenericLineRule reads answers for its appeals and for a tail.
    std::vector<internal::AppealScan> appeal_scans(nonblank.size());
    for (std::size_t k = 0; k < nonblank.size(); ++k) {
      const std::string_view key = lines[nonblank[k]].key;
      if (key.size() <= kLongestRuleLine) appeal_scans[k] = internal::ScanForAppeals(key);
    }
    std::size_t appeal = nonblank.size();
    for (std::size_t k = nonblank.size() / 3; k < nonblank.size(); ++k) {
      if (StartsAppealTail(lines[nonblank[k]].key, appeal_scans[k])) {
        appeal = k;
        break;
      }
    }
    const std::size_t comments = CommentSectionStart(lines, nonblank);
    auto mark_tail = [&](std::size_t from, const char* rule) {
      for (std::size_t m = from; m < nonblank.size(); ++m) set(nonblank[m], Verdict::kRemove, rule);
    };
    if (comments > appeal) mark_tail(comments, "comment-section");
    mark_tail(appeal, "donation-appeal");
    mark_tail(comments, "comment-section");
    // Repeated kickers: short heading-like lines that occur more than once.
    std::unordered_map<std::string_view, int> counts;
    for (std::size_t i : nonblank) {
      const std::string_view key = lines[i].key;
      if (!EndsSentence(key) && WordCount(key, 12) <= 12 && !IsListItem(key)) ++counts[key];
    }
    for (std::size_t i : nonblank) {
      auto it = counts.find(lines[i].key);
      if (it != counts.end() && it->second > 1) set(i, Verdict::kRemove, "repeated-kicker");
    }
    // Line rules, datelines and the caption that follows a dateline.
    for (std::size_t k = 0; k < nonblank.size(); ++k) {
      const std::size_t i = nonblank[k];
      if (internal::IsDateline(lines[i].key)) {
        set(i, Verdict::kRemove, "dateline");
        // The line directly under a dateline (no blank line between), a single sentence
        // followed by a blank line, is the lead picture's caption.
        const std::size_t next = i + 1;
        if (next < lines.size() && !lines[next].blank && next + 1 < lines.size() &&
            lines[next + 1].blank) {
          const std::string_view key = lines[next].key;
          const auto first_stop = key.find(". ");
          if (first_stop == std::string::npos && WordCount(key, 40) <= 40) {
            set(next, Verdict::kRemove, "photo-caption");
          }
        }
        continue;
      }
      if (auto rule =
              GenericLineRule(lines[i].key, text_of(lines[i]), /*filtered=*/true, &appeal_scans[k]))
        set(i, Verdict::kRemove, *rule);
    }
    // Duplicates: a caption shown twice (alt text and caption, a gallery's title) keeps its
    // first copy. Only copies with nothing but blank lines between them: an article may well
    // repeat a sentence further on (a live blog's "It takes 1,237 delegates to win").
    for (std::size_t k = 1; k < nonblank.size(); ++k) {
      const std::string_view key = lines[nonblank[k]].key;
      if (key == lines[nonblank[k - 1]].key && WordCount(key, 3) >= 3) {
        set(nonblank[k], Verdict::kRemove, "duplicate-line");
      }
    }
    // Related-article lists: runs of two or more headline-like list items.
    for (std::size_t k = 0; k < nonblank.size();) {
      std::size_t m = k;
      while (m < nonblank.size() && IsListItem(lines[nonblank[m]].key) &&
             WordCount(lines[nonblank[m]].key, 5) >= 5 && !EndsSentence(lines[nonblank[m]].key) &&
             !EndsWith(lines[nonblank[m]].key, ",")) {
        ++m;
      }
      if (m - k >= 2) {
        for (std::size_t j = k; j < m; ++j) set(nonblank[j], Verdict::kRemove, "related-articles");
      }
      k = std::max(m, k + 1);
    }
  }

  // Record what was removed, then build paragraphs from what is kept.
  // The kept lines in order; a paragraph after the first starts at each of `starts` (no
  // allocation per paragraph).
  std::vector<std::size_t> kept_lines;
  std::vector<std::size_t> starts;
  const auto end_paragraph = [&kept_lines, &starts] {
    if (kept_lines.size() > (starts.empty() ? 0 : starts.back()))
      starts.push_back(kept_lines.size());
  };
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const Line& l = lines[i];
    if (l.blank) {
      end_paragraph();
      continue;
    }
    const Decision& d = decisions[i];
    if (d.verdict == Verdict::kKeep) {
      // A paragraph that ends with a photo credit in parentheses keeps its text, not the credit.
      const std::size_t credit =
          options.generic_rules ? TrailingPhotoCredit(text_of(l), true) : std::string::npos;
      if (credit != std::string::npos) {
        article.removed.push_back(RemovedLine{article.SourceLine(l.start + credit),
                                              std::string(text_of(l).substr(credit)),
                                              "photo-caption"});
        Line& kept = lines[i];
        kept.end = kept.start + credit;
        while (kept.end > kept.start && IsSpace(body[kept.end - 1])) --kept.end;
        kept.key = trimmed_keys.emplace_back(Fold(text_of(kept)));
      }
      kept_lines.push_back(i);
      continue;
    }
    const std::string text(text_of(l));
    article.removed.push_back(RemovedLine{article.SourceLine(l.start), text, d.rule});
    if (d.verdict == Verdict::kNote) article.outlet_notes.push_back(text);
    // A removed line ends the paragraph around it.
    end_paragraph();
  }

  auto append = [&article, &body](const Line& l) {
    article.segments.push_back(TextSegment{article.text.size(), l.start, l.end - l.start});
    article.text.append(body, l.start, l.end - l.start);
  };
  end_paragraph();
  for (std::size_t b = 0; b < starts.size(); ++b) {
    const std::span<const std::size_t> block(kept_lines.data() + (b == 0 ? 0 : starts[b - 1]),
                                             kept_lines.data() + starts[b]);
    int unended = 0;
    for (std::size_t j = 0; j + 1 < block.size(); ++j) {
      if (!EndsSentence(lines[block[j]].key)) ++unended;
    }
    const bool wrapped = block.size() >= 2 && unended * 2 > static_cast<int>(block.size() - 1);
    for (std::size_t j = 0; j < block.size(); ++j) {
      if (!article.text.empty()) article.text += (wrapped && j > 0) ? " " : "\n\n";
      append(lines[block[j]]);
    }
  }
}

}  // namespace parallax
