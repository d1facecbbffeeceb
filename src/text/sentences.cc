#include "text/sentences.h"

#include <utf8proc.h>

#include <algorithm>
#include <cstdint>
#include <iterator>

#include "text/byte_set.h"
#include "text/normalizer.h"
#include "text/utf8.h"

namespace parallax {
namespace {

// Abbreviations in match form, without the final dot.
constexpr std::string_view kNeverFinal[] = {
    "mr",   "mrs",    "ms",  "dr",   "prof", "gen", "lt",  "col",  "sgt",    "capt", "maj",
    "adm",  "rev",    "st",  "sen",  "rep",  "gov", "amb", "mt",   "vs",     "e.g",  "i.e",
    "cf",   "approx", "est", "dept", "brig", "cpl", "pvt", "hon",  "messrs", "mme",  "mlle",
    "ca",   "viz",    "т.е", "т.к",  "т.н",  "им",  "ул",  "пр-т", "д",      "тов",  "ген",
    "проф", "акад",   "см",  "напр", "т.д",  "т.п", "т.ч", "мн"};
constexpr std::string_view kBeforeNumber[] = {"no", "nos", "art", "vol", "fig",
                                              "p",  "pp",  "ст",  "№"};
constexpr std::string_view kMaybeFinal[] = {
    "jan", "feb", "mar",  "apr", "jun", "jul", "aug",  "sep", "sept", "oct", "nov", "dec", "etc",
    "inc", "ltd", "corp", "co",  "jr",  "sr",  "bros", "млн", "млрд", "тыс", "руб", "г"};
constexpr std::string_view kOpeners[] = {
    "the",   "a",       "an",        "he",        "she",    "it",    "they", "we",     "i",
    "you",   "this",    "that",      "these",     "those",  "in",    "on",   "at",     "but",
    "and",   "however", "meanwhile", "according", "there",  "his",   "her",  "its",    "their",
    "our",   "as",      "after",     "before",    "when",   "while", "if",   "so",     "yet",
    "what",  "why",     "how",       "who",       "for",    "with",  "by",   "from",   "to",
    "one",   "some",    "many",      "most",      "no",     "also",  "then", "thus",   "still",
    "now",   "since",   "although",  "earlier",   "later",  "он",    "она",  "они",    "оно",
    "это",   "в",       "на",        "но",        "и",      "по",    "как",  "однако", "при",
    "после", "тем",     "мы",        "я",         "вместе", "кроме"};

template <size_t N>
bool Contains(const std::string_view (&list)[N], std::string_view word) {
  return std::find(std::begin(list), std::end(list), word) != std::end(list);
}

template <size_t N>
constexpr size_t Longest(const std::string_view (&list)[N]) {
  size_t longest = 0;
  for (std::string_view word : list) longest = std::max(longest, word.size());
  return longest;
}

// No word longer than this is in kNeverFinal, kBeforeNumber or kMaybeFinal.
constexpr size_t kLongestAbbreviation =
    std::max({Longest(kNeverFinal), Longest(kBeforeNumber), Longest(kMaybeFinal)});

bool IsAsciiLetter(unsigned char b) { return (b | 0x20) >= 'a' && (b | 0x20) <= 'z'; }

// Bit c - 'a' of entry n: a word of kNeverFinal, kBeforeNumber or kMaybeFinal has n bytes and
// starts with the ASCII letter c.
// (Add is defined before the constructor that calls it: clang will not evaluate a member
// template in a constant expression before its definition.)
struct AbbreviationStarts {
  uint32_t letters[kLongestAbbreviation + 1] = {};
  template <size_t N>
  constexpr void Add(const std::string_view (&list)[N]) {
    for (std::string_view word : list) {
      if (!word.empty() && word[0] >= 'a' && word[0] <= 'z') {
        letters[word.size()] |= uint32_t{1} << (word[0] - 'a');
      }
    }
  }
  constexpr AbbreviationStarts() {
    Add(kNeverFinal);
    Add(kBeforeNumber);
    Add(kMaybeFinal);
  }
};
constexpr AbbreviationStarts kAbbreviationStarts;

// The white space IsSpace finds among ASCII bytes.
bool IsAsciiSpace(unsigned char b) {
  return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f' || b == '\v';
}

// The bytes SplitSentences decodes: line breaks, ASCII terminators, and the lead bytes of the
// other terminators: … (E2 80 A6), ։ (D6 89), 。 (E3 80 82), ！ (EF BC 81), ？ (EF BC 9F). It
// passes the others without decoding: a character that is neither a line break nor a
// terminator changes nothing.
constexpr ByteSet kStops({'\n', '.', '!', '?', 0xE2, 0xD6, 0xE3, 0xEF});

// The reference decodes every character past ASCII.
constexpr ByteSet kReferenceStops({'\n', '.', '!', '?'}, /*non_ascii=*/true);

bool IsTerminator(char32_t c) {
  return c == '.' || c == '!' || c == '?' || c == 0x2026 || c == 0x0589 || c == 0x3002 ||
         c == 0xFF01 || c == 0xFF1F;
}

bool IsCloser(char32_t c) {
  switch (c) {
    case '"':
    case '\'':
    case ')':
    case ']':
    case 0x201D:  // ”
    case 0x2019:  // ’
    case 0x00BB:  // »
    case 0x203A:  // ›
    case 0x201C:  // “ closes in German/Russian typography
      return true;
    default:
      return false;
  }
}

bool IsOpener(char32_t c) {
  switch (c) {
    case '"':
    case '\'':
    case '(':
    case '[':
    case 0x201C:  // “
    case 0x2018:  // ‘
    case 0x00AB:  // «
    case 0x201E:  // „
    case 0x2039:  // ‹
    case '-':
    case 0x2013:  // –
    case 0x2014:  // — (dialogue dash)
      return true;
    default:
      return false;
  }
}

bool IsSpace(char32_t c) {
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return true;
  if (c < 0x80) return false;
  const auto cat = utf8proc_category(static_cast<utf8proc_int32_t>(c));
  return cat == UTF8PROC_CATEGORY_ZS || cat == UTF8PROC_CATEGORY_ZL || cat == UTF8PROC_CATEGORY_ZP;
}

bool IsLetter(char32_t c) {
  if (c < 0x80) return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
  const auto cat = utf8proc_category(static_cast<utf8proc_int32_t>(c));
  return cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO;
}

// Lower case as a sentence opener tells it: Georgian's caseless Mkhedruli is not (utf8.h).
bool IsLower(char32_t c) {
  if (c < 0x80) return c >= 'a' && c <= 'z';
  return utf8proc_category(static_cast<utf8proc_int32_t>(c)) == UTF8PROC_CATEGORY_LL &&
         !IsCaselessLetter(c);
}

bool IsUpper(char32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  const auto cat = utf8proc_category(static_cast<utf8proc_int32_t>(c));
  return cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT;
}

bool IsDigit(char32_t c) {
  if (c < 0x80) return c >= '0' && c <= '9';
  return utf8proc_category(static_cast<utf8proc_int32_t>(c)) == UTF8PROC_CATEGORY_ND;
}

// kFast: ASCII characters are read as bytes, not decoded, and a full stop after a word of
// ASCII letters is judged without building its match form. Splitter<false> is the reference
// the tests compare it with.
template <bool kFast>
class Splitter {
 public:
  Splitter(std::string_view text, const SentenceOptions& options) : text_(text), options_(options) {
    for (const std::string& a : options.extra_abbreviations) extra_.push_back(MatchForm(a));
  }

  std::vector<SentenceSpan> Run() {
    out_.reserve(text_.size() / 128 + 1);  // news sentences run to 100-200 bytes
    size_t start = SkipSpace(0);
    size_t i = start;
    while (i < text_.size()) {
      // Most bytes are ASCII that neither ends a line nor a sentence: passed without decoding.
      if (!(kFast ? kStops : kReferenceStops).Has(static_cast<unsigned char>(text_[i]))) {
        i = (kFast ? kStops : kReferenceStops).Find(text_, i + 1, text_.size());
        continue;
      }
      const DecodedChar d = Decode(i);
      if (d.code_point == '\n') {
        size_t j = i + 1;
        while (j < text_.size() && (text_[j] == ' ' || text_[j] == '\t' || text_[j] == '\r')) ++j;
        const bool blank_line = j < text_.size() && text_[j] == '\n';
        if (blank_line || options_.line_breaks_end_sentences) {
          Emit(start, i);
          start = SkipSpace(i + 1);
          i = start;
          continue;
        }
        ++i;
        continue;
      }
      if (IsTerminator(d.code_point)) {
        const size_t boundary = Terminator(i);
        if (boundary != 0) {
          Emit(start, boundary);
          start = SkipSpace(boundary);
          i = start;
          continue;
        }
        i = next_;
        continue;
      }
      i += d.length;
    }
    Emit(start, text_.size());
    return std::move(out_);
  }

 private:
  // The character at `i`; with kFast an ASCII byte is not decoded.
  DecodedChar Decode(size_t i) const {
    if constexpr (kFast) {
      const auto b = static_cast<unsigned char>(text_[i]);
      if (b < 0x80) return {b, 1, true};
    }
    return DecodeUtf8Char(text_, i);
  }

  // Examines the terminator run at `i`. Returns the end of the sentence if it ends here, else 0;
  // next_ is where scanning resumes when it does not.
  size_t Terminator(size_t i) {
    size_t k = i;
    int count = 0;
    bool only_dot = true;
    while (k < text_.size()) {
      DecodedChar d = Decode(k);
      if (!IsTerminator(d.code_point)) break;
      only_dot &= d.code_point == '.';
      ++count;
      k += d.length;
    }
    const bool single_dot = only_dot && count == 1;
    while (k < text_.size()) {
      DecodedChar d = Decode(k);
      if (!IsCloser(d.code_point)) break;
      k += d.length;
    }
    next_ = k;
    const size_t end = k;
    if (end >= text_.size()) return 0;  // the final sentence is emitted at the end
    DecodedChar after = Decode(end);
    if (!IsSpace(after.code_point)) return 0;
    // The next word, past white space and opening quotes, brackets or a dialogue dash.
    size_t m = end;
    while (m < text_.size()) {
      DecodedChar d = Decode(m);
      if (d.code_point == '\n') return end;  // a line break follows: let the line rules decide
      if (!IsSpace(d.code_point) && !IsOpener(d.code_point)) break;
      m += d.length;
    }
    if (m >= text_.size()) return 0;
    const char32_t next = Decode(m).code_point;
    if (IsLower(next)) return 0;
    if (!single_dot) return end;
    if constexpr (kFast) {
      const int verdict = AfterAsciiWord(i, next);
      if (verdict >= 0) return verdict == 1 ? end : 0;
    }
    const std::string word = WordBefore(i);
    if (word.empty()) return end;
    if (Contains(kNeverFinal, word) || IsExtra(word)) return 0;
    const bool dotted = word.find('.') != std::string::npos;
    if (!dotted && IsInitial(i)) return 0;
    if (Contains(kBeforeNumber, word) && IsDigit(next)) return 0;
    if (Contains(kMaybeFinal, word) || dotted) {
      return Contains(kOpeners, MatchForm(NextWord(m))) ? end : 0;
    }
    return end;
  }

  // The rules after a single dot for the common case, a word of ASCII letters before it
  // (neither a dot nor a hyphen nor a non-ASCII byte before that word): 1 for a boundary, 0 for
  // none, -1 when the word is not such a word (WordBefore decides). Its match form is its
  // lower case, so it is compared with the lists only when it is short enough to be in them.
  int AfterAsciiWord(size_t dot, char32_t next) const {
    size_t b = dot;
    while (b > 0 && IsAsciiLetter(static_cast<unsigned char>(text_[b - 1]))) --b;
    if (b > 0) {
      const auto before = static_cast<unsigned char>(text_[b - 1]);
      if (before >= 0x80 || before == '.' || before == '-') return -1;
    }
    const size_t length = dot - b;
    if (length == 0) return 1;
    if (length > kLongestAbbreviation && extra_.empty()) return 1;
    if (length == 1) return -1;  // an initial or not: IsInitial decides
    const unsigned first = (static_cast<unsigned char>(text_[b]) | 0x20u) - 'a';
    if (extra_.empty() && ((kAbbreviationStarts.letters[length] >> first) & 1) == 0) return 1;
    std::string word(text_.substr(b, length));
    for (char& c : word) c = static_cast<char>(c | 0x20);
    if (Contains(kNeverFinal, word) || IsExtra(word)) return 0;
    if (Contains(kBeforeNumber, word) && IsDigit(next)) return 0;
    return Contains(kMaybeFinal, word) ? -1 : 1;
  }

  // Match form of the word (letters and inner dots) that ends right before byte `dot`.
  std::string WordBefore(size_t dot) const {
    size_t b = dot;
    while (b > 0) {
      size_t p = b - 1;
      while (p > 0 && (static_cast<unsigned char>(text_[p]) & 0xC0) == 0x80) --p;
      const char32_t c = DecodeUtf8Char(text_, p).code_point;
      if (!IsLetter(c) && c != '.' && c != '-' && c != 0x2116) break;
      b = p;
    }
    while (b < dot && text_[b] == '.') ++b;
    return MatchForm(text_.substr(b, dot - b));
  }

  // True when the word before `dot` is one letter, a capital or caseless ("J." in "J. Smith").
  bool IsInitial(size_t dot) const {
    if (dot == 0) return false;
    size_t p = dot - 1;
    while (p > 0 && (static_cast<unsigned char>(text_[p]) & 0xC0) == 0x80) --p;
    // One capital, or one letter of a caseless script (Georgian "ქ." city, "წ." year; Arabic
    // "د." doctor).
    const char32_t letter = DecodeUtf8Char(text_, p).code_point;
    if (!IsUpper(letter) && !IsCaselessLetter(letter)) return false;
    if (p == 0) return true;
    size_t q = p - 1;
    while (q > 0 && (static_cast<unsigned char>(text_[q]) & 0xC0) == 0x80) --q;
    const char32_t before = DecodeUtf8Char(text_, q).code_point;
    return !IsLetter(before) && !IsDigit(before);
  }

  // The run of letters starting at `m`.
  std::string_view NextWord(size_t m) const {
    size_t e = m;
    while (e < text_.size()) {
      DecodedChar d = DecodeUtf8Char(text_, e);
      if (!IsLetter(d.code_point)) break;
      e += d.length;
    }
    return text_.substr(m, e - m);
  }

  bool IsExtra(const std::string& word) const {
    return std::find(extra_.begin(), extra_.end(), word) != extra_.end();
  }

  std::string MatchForm(std::string_view s) const {
    std::string out;
    folder_.AppendMatchForm(s, &out);
    return out;
  }

  size_t SkipSpace(size_t i) const {
    while (i < text_.size()) {
      DecodedChar d = Decode(i);
      if (!IsSpace(d.code_point) && d.code_point != 0xFEFF) break;
      i += d.length;
    }
    return i;
  }

  void Emit(size_t begin, size_t end) {
    while (end > begin) {
      if constexpr (kFast) {
        const auto b = static_cast<unsigned char>(text_[end - 1]);
        if (b < 0x80) {
          if (!IsAsciiSpace(b)) break;
          --end;
          continue;
        }
      }
      size_t p = end - 1;
      while (p > begin && (static_cast<unsigned char>(text_[p]) & 0xC0) == 0x80) --p;
      if (!IsSpace(DecodeUtf8Char(text_, p).code_point)) break;
      end = p;
    }
    if (end > begin) out_.push_back({begin, end});
  }

  std::string_view text_;
  const SentenceOptions& options_;
  std::vector<std::string> extra_;
  mutable internal::MatchFolder folder_;
  std::vector<SentenceSpan> out_;
  size_t next_ = 0;
};

}  // namespace

std::vector<SentenceSpan> SplitSentences(std::string_view text, const SentenceOptions& options) {
  return Splitter<true>(text, options).Run();
}

namespace internal {

std::vector<SentenceSpan> SplitSentencesReference(std::string_view text,
                                                  const SentenceOptions& options) {
  return Splitter<false>(text, options).Run();
}

}  // namespace internal

std::vector<std::size_t> CapSpanLength(std::string_view text,
                                       std::vector<std::pair<std::size_t, std::size_t>>* spans,
                                       std::size_t max_bytes) {
  std::vector<std::size_t> cut;
  if (max_bytes < 8) max_bytes = 8;  // room for a character of four bytes and more
  const auto long_span = [&](const auto& s) { return s.second - s.first > max_bytes; };
  if (std::none_of(spans->begin(), spans->end(), long_span)) return cut;
  std::vector<std::pair<std::size_t, std::size_t>> out;
  out.reserve(spans->size());
  for (auto [begin, end] : *spans) {
    if (end - begin > max_bytes) cut.push_back(begin);
    while (end - begin > max_bytes) {
      std::size_t at = begin + max_bytes;
      while (at > begin && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) --at;
      std::size_t space = at;
      while (space > begin && text[space - 1] != ' ' && text[space - 1] != '\t' &&
             text[space - 1] != '\n') {
        --space;
      }
      if (space > begin + max_bytes / 2) at = space;  // a word is not cut in two
      std::size_t piece_end = at;
      while (piece_end > begin && (text[piece_end - 1] == ' ' || text[piece_end - 1] == '\t' ||
                                   text[piece_end - 1] == '\n')) {
        --piece_end;
      }
      if (piece_end > begin) out.emplace_back(begin, piece_end);
      begin = at;
      while (begin < end && (text[begin] == ' ' || text[begin] == '\t' || text[begin] == '\n')) {
        ++begin;
      }
    }
    if (begin < end) out.emplace_back(begin, end);
  }
  *spans = std::move(out);
  return cut;
}

}  // namespace parallax
