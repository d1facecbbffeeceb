#include "annotate/quotes.h"

#include <algorithm>
#include <array>
#include <initializer_list>
#include <optional>
#include <string>
#include <unordered_set>

#include <utf8proc.h>

#include "annotate/speakers.h"
#include "text/byte_set.h"
#include "text/sentences.h"
#include "text/utf8.h"

namespace parallax {
namespace {

using namespace internal;  // tokens, reporting verbs and speaker phrases (speakers.h)

// Sets of bytes a character of interest can start with, to pass over the rest of a text without
// decoding it. Only ASCII bytes and UTF-8 lead bytes belong in a set: neither ever occurs inside
// another character, so every position found is where the character-by-character walk would be.
// Quotation marks (IsQuoteChar): " ' and « » (lead byte 0xC2), the others U+2018..U+203A (0xE2).
constexpr ByteSet kQuoteLeads = {'"', '\'', 0xC2, 0xE2};
// What QuoteSentences stops at: line breaks, . ! ?, … (U+2026, lead byte 0xE2) and the Armenian
// full stop ։ (U+0589, lead byte 0xD6).
constexpr ByteSet kSentenceLeads = {'\n', '.', '!', '?', 0xE2, 0xD6};

bool IsOpeningContext(char32_t c) {
  return c == 0 || IsSpace(c) || c == '(' || c == '[' || c == '{' || c == '/' || IsDash(c) ||
         IsQuoteChar(c);
}

bool IsClosingContext(char32_t c) {
  if (c == 0 || IsSpace(c) || IsQuoteChar(c) || IsDash(c)) return true;
  switch (c) {
    case '.':
    case ',':
    case ';':
    case ':':
    case '!':
    case '?':
    case ')':
    case ']':
    case '}':
    case 0x2026:
    case '/':
      return true;
    default:
      return false;
  }
}

std::string Utf8(char32_t c) {
  std::array<utf8proc_uint8_t, 4> buffer{};
  const auto n = utf8proc_encode_char(static_cast<utf8proc_int32_t>(c), buffer.data());
  return std::string(reinterpret_cast<const char*>(buffer.data()), static_cast<std::size_t>(n));
}

// ---------------------------------------------------------------------------------------------
// Marks and their families.

bool IsSingleFamily(char32_t open) {
  return open == 0x2018 || open == '\'' || open == 0x201A || open == 0x2039;
}

// Whether `close` ends a quote opened by `open`.
bool Closes(char32_t open, char32_t close) {
  switch (open) {
    case 0x201C:
      return close == 0x201D;
    case '"':
      return close == '"';
    case 0xAB:
      return close == 0xBB;
    case 0x201E:
      return close == 0x201C || close == 0x201D;
    case 0x2018:
      return close == 0x2019;
    case '\'':
      return close == '\'';
    case 0x201A:
      return close == 0x2018 || close == 0x2019;
    case 0x2039:
      return close == 0x203A;
    default:
      return false;
  }
}

// Whether `close` ends a quote opened by `open` when one of the two is a straight mark typed
// for a typographic one: Georgian, German and Russian sites mix "ხალხის ძალის“ and „…" (the
// keyboard's " for one of the pair „…“), English ones "…” and “…". Only a mark that can close
// (a letter before it, no letter after) is read so, and only when no quote open has its own
// closer in it.
bool ClosesMixed(char32_t open, char32_t close) {
  if (open == '"') return close == 0x201C || close == 0x201D;
  if (open == 0x201E || open == 0x201C) return close == '"';
  return false;
}

// Whether `c` is the same opening mark as `open` (for a paragraph that re-opens a quote).
bool Reopens(char32_t open, char32_t c) { return c == open; }

// Whether `c` belongs to the family of `open` at all.
bool SameFamily(char32_t open, char32_t c) { return c == open || Closes(open, c); }

struct OpenQuote {
  std::size_t open = 0;
  std::size_t start = 0;
  char32_t mark = 0;
  std::vector<std::pair<std::size_t, std::size_t>> gaps;
};

struct Flanks {
  bool left = false;   // can open
  bool right = false;  // can close
  bool inner = false;  // letters or digits on both sides (an apostrophe)
};

Flanks FlanksAt(std::string_view text, std::size_t pos, std::size_t len) {
  const Char prev = CharBefore(text, pos);
  const Char next = CharAt(text, pos + len);
  Flanks f;
  f.left = next.len != 0 && !IsSpace(next.cp) && IsOpeningContext(prev.cp);
  f.right = prev.len != 0 && !IsSpace(prev.cp) && IsClosingContext(next.cp);
  f.inner = IsAlnum(prev.cp) && IsAlnum(next.cp);
  return f;
}

// Pairs the marks of the whole text into quotes (no speakers yet).
class MarkPairer {
 public:
  explicit MarkPairer(std::string_view text) : text_(text) {}

  std::vector<Quote> Run() {
    // Paragraphs: maximal runs of non-newline characters that are not blank.
    std::vector<std::pair<std::size_t, std::size_t>> paragraphs;
    std::size_t pos = 0;
    while (pos < text_.size()) {
      std::size_t eol = text_.find('\n', pos);
      if (eol == std::string_view::npos) eol = text_.size();
      bool blank = true;
      for (std::size_t i = pos; i < eol && blank; ++i) {
        blank = IsSpace(static_cast<unsigned char>(text_[i]));
      }
      if (!blank) paragraphs.emplace_back(pos, eol);
      pos = eol + 1;
    }
    // Two passes: the first counts the quotes, so the second holds them in a vector of exactly
    // that size (a growing vector can hold twice as much as it needs: on a text dense with
    // quotation marks that doubles the memory of the whole annotation).
    for (const bool counting : {true, false}) {
      if (!counting && count_ == 0) break;  // the second pass would find none either
      counting_ = counting;
      stack_.clear();
      if (!counting) quotes_.reserve(count_);
      std::size_t skip_until = 0;  // a re-opening mark already consumed
      for (std::size_t p = 0; p < paragraphs.size(); ++p) {
        const auto [begin, end] = paragraphs[p];
        for (std::size_t i = kQuoteLeads.Find(text_, std::max(begin, skip_until), end); i < end;
             i = kQuoteLeads.Find(text_, i, end)) {
          const Char c = CharAt(text_, i);
          if (IsQuoteChar(c.cp)) HandleMark(i, c, end);
          i += c.len;
        }
        if (stack_.empty()) continue;
        EndParagraph(paragraphs, p, &skip_until);
      }
    }
    std::sort(quotes_.begin(), quotes_.end(),
              [](const Quote& a, const Quote& b) { return a.open < b.open; });
    return std::move(quotes_);
  }

 private:
  void Emit(const OpenQuote& q, std::size_t end, std::size_t close, char32_t close_mark) {
    if (counting_) {
      ++count_;
      return;
    }
    Quote out;
    out.open = q.open;
    out.start = q.start;
    out.end = end;
    out.close = close;
    out.open_mark = QuoteMark(Utf8(q.mark));
    out.closed = close_mark != 0;
    if (close_mark != 0) out.close_mark = QuoteMark(Utf8(close_mark));
    out.gaps = q.gaps;
    quotes_.push_back(std::move(out));
  }

  // Closes (unclosed) or drops everything above stack index `keep`.
  void Unwind(std::size_t keep, std::size_t at) {
    while (stack_.size() > keep) {
      const OpenQuote q = stack_.back();
      stack_.pop_back();
      if (!IsSingleFamily(q.mark) && at > q.start) Emit(q, at, at, 0);
    }
  }

  // Is there, later in this paragraph, another mark that could close a quote opened by `open`?
  bool LaterCloser(std::size_t from, std::size_t paragraph_end, char32_t open) const {
    // Within a sentence's reach (kMaxSentenceBytes): the work per mark stays bounded.
    paragraph_end = std::min(paragraph_end, from + kMaxSentenceBytes);
    // Only quotation marks matter: the walk goes from one to the next.
    for (std::size_t i = kQuoteLeads.Find(text_, from, paragraph_end); i < paragraph_end;
         i = kQuoteLeads.Find(text_, i, paragraph_end)) {
      const Char c = CharAt(text_, i);
      if (c.cp == open) return false;
      if (Closes(open, c.cp)) {
        const Flanks f = FlanksAt(text_, i, c.len);
        if (f.right && !f.inner) return true;
      }
      i += c.len;
    }
    return false;
  }

  void HandleMark(std::size_t pos, Char c, std::size_t paragraph_end) {
    const Flanks f = FlanksAt(text_, pos, c.len);
    const bool apostrophe_like = c.cp == 0x2019 || c.cp == '\'';
    if (apostrophe_like && f.inner) return;  // Azerbaijan’s, don't
    // Try to close an open quote (innermost first).
    const bool may_close = f.right || (c.cp != '"' && c.cp != '\'' && !f.left);
    if (may_close || c.cp == '"') {
      for (std::size_t k = stack_.size(); k-- > 0;) {
        if (!Closes(stack_[k].mark, c.cp)) continue;
        if (c.cp == '"' && f.left && !f.right) break;  // clearly an opener: a new quote
        // A possessive plural (peacekeepers’ role) when a better closer follows.
        if (apostrophe_like) {
          const Char prev = CharBefore(text_, pos);
          if ((prev.cp == 's' || prev.cp == 'S') &&
              LaterCloser(pos + c.len, paragraph_end, stack_[k].mark)) {
            return;
          }
        }
        Unwind(k + 1, pos);
        const OpenQuote q = stack_.back();
        stack_.pop_back();
        Emit(q, pos, pos + c.len, c.cp);
        return;
      }
      // "ხალხის ძალის“, „…": a straight mark standing for a typographic one closes the
      // innermost quote it can, when it clearly closes.
      if (f.right && !f.left && !stack_.empty() && ClosesMixed(stack_.back().mark, c.cp)) {
        const OpenQuote q = stack_.back();
        stack_.pop_back();
        Emit(q, pos, pos + c.len, c.cp);
        return;
      }
    }
    // Otherwise it may open one.
    bool opens = false;
    switch (c.cp) {
      case 0x201C:
      case 0x201E:
      case 0xAB:
      case 0x2018:
      case 0x201A:
      case 0x2039:
        opens = !f.right || f.left;
        break;
      case '"':
        opens = f.left || !f.right;
        break;
      case '\'':
        opens = f.left && !f.right && IsAlnum(CharAt(text_, pos + c.len).cp);
        break;
      default:
        break;  // ” » › ’ never open
    }
    // Deeper nesting than kMaxQuoteDepth is not quotation but a run of marks: reading it as such
    // would make every unclosed level span the rest of its paragraph.
    if (opens && stack_.size() < kMaxQuoteDepth) stack_.push_back({pos, pos + c.len, c.cp, {}});
  }

  // The paragraph `p` ended with quotes open: continue the outermost into the next paragraph
  // (re-opened, or closed further on) or end it here.
  void EndParagraph(const std::vector<std::pair<std::size_t, std::size_t>>& paragraphs,
                    std::size_t p, std::size_t* skip_until) {
    const std::size_t end = paragraphs[p].second;
    Unwind(1, end);
    OpenQuote& q = stack_.front();
    bool continues = false;
    if (!IsSingleFamily(q.mark) || q.mark == 0x2018) {
      if (p + 1 < paragraphs.size()) {
        std::size_t next = paragraphs[p + 1].first;
        while (next < text_.size() && IsSpace(static_cast<unsigned char>(text_[next]))) ++next;
        const Char first = CharAt(text_, next);
        if (Reopens(q.mark, first.cp) && FlanksAt(text_, next, first.len).left) {
          q.gaps.emplace_back(end, next + first.len);
          *skip_until = next + first.len;
          continues = true;
        } else {
          continues = NextMarkCloses(paragraphs, p + 1, q.mark);
        }
      }
    }
    if (!continues) {
      const OpenQuote done = q;
      stack_.clear();
      if (done.mark != '\'') Emit(done, end, end, 0);
    }
  }

  // Looks at the next few paragraphs for the next mark of the family of `open`: true when it
  // is a closing one (the quote runs on without re-opening marks).
  bool NextMarkCloses(const std::vector<std::pair<std::size_t, std::size_t>>& paragraphs,
                      std::size_t from, char32_t open) const {
    const std::size_t reach = IsSingleFamily(open) ? 1 : 4;
    for (std::size_t p = from; p < paragraphs.size() && p < from + reach; ++p) {
      const auto [begin, end] = paragraphs[p];
      // Only quotation marks matter: the walk goes from one to the next.
      for (std::size_t i = kQuoteLeads.Find(text_, begin, end); i < end;
           i = kQuoteLeads.Find(text_, i, end)) {
        const Char c = CharAt(text_, i);
        if (SameFamily(open, c.cp)) {
          const Flanks f = FlanksAt(text_, i, c.len);
          if (!f.inner || c.cp == open) {
            if (c.cp == open && open != '"') return false;
            if (Closes(open, c.cp) && f.right && !f.left) return true;
            if (f.left) return false;
          }
        }
        i += c.len;
      }
    }
    return false;
  }

  std::string_view text_;
  std::vector<OpenQuote> stack_;
  std::vector<Quote> quotes_;
  bool counting_ = false;  // the first pass: count the quotes Emit would make
  std::size_t count_ = 0;
};

// ---------------------------------------------------------------------------------------------
// Sentences (a minimal splitter: the shared one in text/ is not needed for attribution).

bool IsAbbreviation(std::string_view word) {
  static const WordList kAbbreviations = {
      "Mr",  "Mrs",  "Ms",   "Dr",  "Prof", "St",   "Jr",     "Sr",     "Gen", "Lt",  "Col",
      "Sgt", "Capt", "Sen",  "Rep", "Gov",  "Pres", "No",     "Vol",    "Jan", "Feb", "Mar",
      "Apr", "Jun",  "Jul",  "Aug", "Sep",  "Sept", "Oct",    "Nov",    "Dec", "vs",  "e.g",
      "i.e", "Adm",  "Cmdr", "Gov", "Rev",  "Fr",   "Messrs", "approx", "Mt",  "Ft"};
  if (kAbbreviations.Contains(word)) return true;
  if (word.size() == 1 && word[0] >= 'A' && word[0] <= 'Z') return true;  // an initial
  // One caseless letter: Georgian "ქ." (city), "წ." (year), Arabic "د." (doctor).
  if (const Char c = CharAt(word, 0); c.len == word.size() && IsCaselessLetter(c.cp)) return true;
  return word.find('.') != std::string_view::npos;  // U.S, a.m
}

std::vector<std::pair<std::size_t, std::size_t>> QuoteSentences(std::string_view text) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  std::size_t begin = 0;
  auto flush = [&](std::size_t end) {
    while (begin < end && IsSpace(static_cast<unsigned char>(text[begin]))) ++begin;
    if (begin < end) out.emplace_back(begin, end);
    begin = end;
  };
  for (std::size_t i = kSentenceLeads.Find(text, 0, text.size()); i < text.size();
       i = kSentenceLeads.Find(text, i, text.size())) {
    const Char c = CharAt(text, i);
    if (c.cp == '\n') {
      flush(i);
      i += 1;
      begin = i;
      continue;
    }
    if (c.cp == '.' || c.cp == '!' || c.cp == '?' || c.cp == 0x2026 || c.cp == 0x0589) {
      std::size_t j = i + c.len;
      while (j < text.size()) {
        const Char d = CharAt(text, j);
        if (d.cp == '.' || d.cp == '!' || d.cp == '?' || d.cp == ')' || d.cp == ']' ||
            d.cp == 0x201D || d.cp == 0x2019 || d.cp == '"' || d.cp == '\'' || d.cp == 0xBB ||
            d.cp == 0x201C) {
          j += d.len;
        } else {
          break;
        }
      }
      std::size_t k = j;
      while (k < text.size() && (text[k] == ' ' || text[k] == '\t')) ++k;
      const Char next = CharAt(text, k);
      bool boundary = k > j && (next.len == 0 || IsUpper(next.cp) || IsCaselessLetter(next.cp) ||
                                IsQuoteChar(next.cp) || IsDash(next.cp) || next.cp == '(' ||
                                next.cp == '[' || (next.cp >= '0' && next.cp <= '9'));
      // "«Уходи!» – сказал он": after a stop inside the marks, a dash and a lower-case word
      // are the quotation's tag, in the same sentence.
      const bool closing_mark = [&] {
        for (std::size_t m = i + c.len; m < j;) {
          const Char d = CharAt(text, m);
          if (d.cp == 0xBB || d.cp == 0x201D || d.cp == 0x201C || d.cp == '"') return true;
          m += d.len == 0 ? 1 : d.len;
        }
        return false;
      }();
      if (boundary && closing_mark && IsDash(next.cp)) {
        std::size_t w = k + next.len;
        while (w < text.size() && (text[w] == ' ' || text[w] == '\t')) ++w;
        const Char word = CharAt(text, w);
        if (word.len > 0 && IsAlnum(word.cp) && !IsUpper(word.cp) && !IsCaselessLetter(word.cp) &&
            !(word.cp >= '0' && word.cp <= '9')) {
          boundary = false;
        }
      }
      if (next.len == 0 || next.cp == '\n') boundary = true;
      if (boundary && c.cp == '.' && (IsUpper(next.cp) || IsCaselessLetter(next.cp))) {
        std::size_t w = i;
        while (w > 0) {
          const Char p = CharBefore(text, w);
          if (!IsAlnum(p.cp) && p.cp != '.') break;
          w -= p.len;
        }
        if (IsAbbreviation(text.substr(w, i - w))) {
          // "Mr. Steele", "Dec. 26": not an end. An initial before a capital is rare at the
          // end of a sentence; U.S. before a capital often is, but is left alone here.
          boundary = false;
        }
      }
      if (boundary) {
        flush(j);
        i = j;
        continue;
      }
    }
    i += c.len;
  }
  flush(text.size());
  return out;
}

// ---------------------------------------------------------------------------------------------
// Attribution.

enum class SpeakerType { kUnknown, kPerson, kOrganisation };

struct Mention {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::string text;
  SpeakerType type = SpeakerType::kUnknown;
};

bool InGap(const Quote& q, std::size_t offset) {
  for (const auto& [b, e] : q.gaps) {
    if (b <= offset && offset < e) return true;
  }
  return false;
}

// How many earlier quotes a quote looks back at for its sentence's earlier quotation.
constexpr std::size_t kLookBack = 64;

class Attributor {
 public:
  Attributor(std::string_view text, const QuoteOptions& options, std::vector<Quote>* quotes)
      : text_(text), options_(options), quotes_(*quotes) {}

  void Run() {
    if (quotes_.empty()) return;  // nothing to attribute: skip the sentences and mentions
    // Long runs without a full stop are read in bounded pieces (see kMaxSentenceBytes).
    sentences_ = QuoteSentences(text_);
    CapSpanLength(text_, &sentences_);
    LinkParents();
    int last_attributed = -1;
    for (std::size_t q = 0; q < quotes_.size(); ++q) {
      Quote& quote = quotes_[q];
      quote.word_count = CountWords(quote);
      quote.sentence_start = SentenceStart(quote.open);
      if (quote.parent >= 0)
        quote.sentence_start = std::max(quote.sentence_start, quotes_[quote.parent].start);
      FindDistancingCue(&quote);
      Attribute(q, last_attributed);
      if (quote.parent < 0 && quote.attribution != Attribution::kNone &&
          quote.kind == QuoteKind::kDirect) {
        last_attributed = static_cast<int>(q);
      }
    }
  }

 private:
  // --- structure

  void LinkParents() {
    std::vector<std::size_t> stack;
    for (std::size_t q = 0; q < quotes_.size(); ++q) {
      while (!stack.empty() && quotes_[stack.back()].close <= quotes_[q].open) stack.pop_back();
      quotes_[q].depth = static_cast<int>(stack.size());
      quotes_[q].parent = stack.empty() ? -1 : static_cast<int>(stack.back());
      stack.push_back(q);
    }
  }

  std::size_t CountWords(const Quote& q) const {
    return internal::CountWords(text_, q.start, q.end);
  }

  std::size_t SentenceIndex(std::size_t pos) const {
    auto it = std::upper_bound(sentences_.begin(), sentences_.end(), pos,
                               [](std::size_t p, const auto& s) { return p < s.first; });
    if (it == sentences_.begin()) return 0;
    return static_cast<std::size_t>(it - sentences_.begin()) - 1;
  }

  std::size_t SentenceStart(std::size_t pos) const {
    if (sentences_.empty()) return 0;
    return std::min(sentences_[SentenceIndex(pos)].first, pos);
  }

  std::size_t SentenceEnd(std::size_t pos) const {
    if (sentences_.empty()) return text_.size();
    const auto& s = sentences_[SentenceIndex(pos)];
    return pos <= s.second ? s.second : pos;
  }

  // Paragraphs are runs of lines; blank lines do not count twice. The line breaks that start a
  // paragraph are listed on the first call, so each call is a binary search, not a scan from
  // the start of the text.
  int ParagraphIndex(std::size_t pos) {
    if (!paragraph_breaks_listed_) {
      paragraph_breaks_listed_ = true;
      for (std::size_t i = text_.find('\n'); i != std::string_view::npos;
           i = text_.find('\n', i + 1)) {
        if (i == 0 || text_[i - 1] != '\n') paragraph_breaks_.push_back(i);
      }
    }
    return static_cast<int>(
        std::lower_bound(paragraph_breaks_.begin(), paragraph_breaks_.end(), pos) -
        paragraph_breaks_.begin());
  }

  // Whether `pos` is in the words of a quote other than quotes_[self] and its ancestors.
  bool InOtherQuote(std::size_t pos, std::size_t self) const {
    // The quotes holding `pos` are a parent chain (see LastOpenedAt).
    for (int k = LastQuoteOpenedAt(quotes_, pos); k >= 0;
         k = quotes_[static_cast<std::size_t>(k)].parent) {
      const Quote& o = quotes_[static_cast<std::size_t>(k)];
      if (pos < o.start || pos >= o.end) continue;
      bool ancestor = false;
      for (int a = static_cast<int>(self); a >= 0 && !ancestor;
           a = quotes_[static_cast<std::size_t>(a)].parent) {
        ancestor = a == k;
      }
      if (!ancestor) return true;
    }
    return false;
  }

  // Whether [pos, pos+len) is inside the words of some quote.
  bool InsideQuote(std::size_t pos) const {
    // The quotes holding `pos` are a parent chain (see LastOpenedAt).
    for (int k = LastQuoteOpenedAt(quotes_, pos); k >= 0;
         k = quotes_[static_cast<std::size_t>(k)].parent) {
      const Quote& q = quotes_[static_cast<std::size_t>(k)];
      if (q.start <= pos && pos < q.end) return true;
    }
    return false;
  }

  // --- mentions (antecedents for pronouns)

  SpeakerType TypeOf(const std::vector<Token>& tokens, Phrase p) const {
    bool org = false;
    bool all_capital = true;
    std::size_t words = 0;
    for (std::size_t k = p.first; k <= p.last; ++k) {
      if (!tokens[k].word) continue;
      ++words;
      if (IsOrganisationWord(tokens[k].lower)) org = true;
      if (!tokens[k].capital && !IsFunctionWord(tokens[k])) all_capital = false;
    }
    if (org || IsInstitutionName(tokens, p.first, p.last)) return SpeakerType::kOrganisation;
    if (IsTitleAbbreviation(tokens[p.first])) return SpeakerType::kPerson;
    if (all_capital && words >= 2) return SpeakerType::kPerson;
    if (words == 1 && tokens[p.first].capital && !FullNameOf(tokens[p.first]).empty()) {
      return SpeakerType::kPerson;
    }
    return SpeakerType::kUnknown;
  }

  // Mentions depend only on the text and the quotes' spans (fixed by LinkParents), so they are
  // collected on the first pronoun that needs an antecedent: most texts never need them.
  void CollectMentions() {
    mentions_collected_ = true;
    for (const auto& [begin, end] : sentences_) {
      if (!MayHoldReportingVerb(text_, begin, end, &options_.reporting_verbs)) continue;
      const Tokens tokens = Tokenize(text_, begin, end);
      for (std::size_t v = 0; v < tokens.size(); ++v) {
        if (!IsReportingVerbAt(tokens, v, &options_.reporting_verbs) || IsParticiple(tokens[v]))
          continue;
        if (InsideQuote(tokens[v].begin)) continue;
        const Phrase p = SubjectBefore(tokens, v, 0);
        if (!p.found || IsPronoun(tokens[p.first])) continue;
        Mention m = ResolveName(tokens, p);
        if (m.type == SpeakerType::kUnknown) m.type = TypeOf(tokens, p);
        mentions_.push_back(std::move(m));
      }
    }
    std::sort(mentions_.begin(), mentions_.end(),
              [](const Mention& a, const Mention& b) { return a.begin < b.begin; });
  }

  // The last named speaker before `pos` that a pronoun can refer to; for he and she with none,
  // the last titled name before `named_before` (the start of the quotation and its tag).
  std::optional<Mention> Antecedent(const Token& pronoun, std::size_t named_before) {
    if (!mentions_collected_) CollectMentions();
    const std::string_view p = pronoun.lower;
    const bool person = PronounKindOf(p) == PronounKind::kPerson;
    const bool thing = PronounKindOf(p) == PronounKind::kThing;
    // Mentions are in text order: start from the last one before the pronoun, and look back
    // at most kLookBack of them.
    const std::size_t before = static_cast<std::size_t>(
        std::lower_bound(mentions_.begin(), mentions_.end(), pronoun.begin,
                         [](const Mention& m, std::size_t pos) { return m.begin < pos; }) -
        mentions_.begin());
    const std::size_t back_to = before > kLookBack ? before - kLookBack : 0;
    for (std::size_t k = before; k-- > back_to;) {
      const Mention& m = mentions_[k];
      if (m.end > pronoun.begin) continue;
      if (person && m.type == SpeakerType::kOrganisation) continue;
      if (thing && m.type == SpeakerType::kPerson) continue;
      return m;
    }
    if (!person) return std::nullopt;
    const auto [b, e] = TitledNameBefore(text_, std::min(named_before, pronoun.begin));
    if (b == std::string_view::npos) return std::nullopt;
    const Tokens name = Tokenize(text_, b, e);
    Mention m = ResolveName(name, {0, name.size() - 1, true});  // without the title
    m.type = SpeakerType::kPerson;
    return m;
  }

  // "Alexander Iskandaryan" for a surname token "Iskandaryan": the last full name (two or more
  // capitalised words ending in the surname) before it, else the first after it.
  std::string FullNameOf(const Token& surname, std::size_t* begin = nullptr,
                         std::size_t* end = nullptr) const {
    std::string best;
    std::size_t best_begin = 0;
    std::size_t pos = 0;
    while ((pos = text_.find(surname.text, pos)) != std::string_view::npos) {
      const std::size_t at = pos;
      pos += surname.text.size();
      if (at == surname.begin) continue;
      if (IsAlnum(CharAt(text_, at + surname.text.size()).cp)) continue;
      // Walk back over capitalised words.
      std::size_t first = at;
      int words = 1;
      while (true) {
        std::size_t k = first;
        if (k == 0 || text_[k - 1] != ' ') break;
        --k;
        std::size_t w = k;
        while (w > 0) {
          const Char c = CharBefore(text_, w);
          if (!IsAlnum(c.cp) && c.cp != '-') break;
          w -= c.len;
        }
        if (w == k || !IsUpper(CharAt(text_, w).cp)) break;
        const std::string word_lower = Lower(text_.substr(w, k - w));
        Token probe;
        probe.word = true;
        probe.lower = word_lower;
        if (IsTitleWord(probe) || IsOrganisationWord(word_lower)) break;
        first = w;
        ++words;
      }
      if (words < 2) continue;
      if (best.empty() || at < surname.begin) {
        best = std::string(text_.substr(first, at + surname.text.size() - first));
        best_begin = first;
      }
      if (at > surname.begin) break;
    }
    if (!best.empty()) {
      if (begin) *begin = best_begin;
      if (end) *end = best_begin + best.size();
    }
    return best;
  }

  // --- attribution of one quote

  // The name a speaker phrase stands for. Drops descriptors and titles ("political scientist
  // Ilgar Velizade" → "Ilgar Velizade", "Mr. Velizade" → "Velizade") and expands a bare surname
  // to the full name the text gives elsewhere.
  Mention ResolveName(const std::vector<Token>& tokens, Phrase p) const {
    // "Лавров на пресс-конференции в Москве": a Russian or Ukrainian preposition after a
    // capitalised word ends the name; what follows says where it was said.
    static const WordList kPrepositions = {"в",  "во",  "на", "у",   "с", "со", "из",  "от",
                                           "по", "при", "за", "для", "з", "із", "від", "після"};
    for (std::size_t x = p.first + 1; x <= p.last; ++x) {
      if (tokens[x].word && kPrepositions.Contains(tokens[x].lower) && tokens[x - 1].capital) {
        p.last = x - 1;
        break;
      }
    }
    std::size_t first = p.first;
    std::size_t k = p.last + 1;
    while (k > p.first && (tokens[k - 1].capital || tokens[k - 1].text == ".")) --k;
    bool organisation = false;
    for (std::size_t x = k; x <= p.last; ++x) organisation |= IsOrganisationWord(tokens[x].lower);
    if (k <= p.last && k > p.first && tokens[k - 1].word && !tokens[k - 1].capital &&
        !IsFunctionWord(tokens[k - 1]) && !organisation) {
      first = k;
    }
    std::size_t last_title = std::string::npos;
    for (std::size_t x = first; x <= p.last; ++x) {
      if (IsTitleWord(tokens[x]) && tokens[x].capital) last_title = x;
      if (!tokens[x].capital && tokens[x].text != ".") last_title = std::string::npos;
    }
    if (last_title != std::string::npos && last_title < p.last) {
      first = last_title + 1;
      if (first <= p.last && tokens[first].text == ".") ++first;
    }
    if (first > p.last) first = p.last;
    // In Cyrillic and Armenian writing, whose languages decline names, a lone capitalised word
    // after a lower-case head is often its complement, not the speaker: "официальный
    // представитель Кремля" is the spokesman, not the Kremlin. The whole phrase speaks unless
    // the word is a surname named in full elsewhere, or a preposition stands before it ("в
    // послании Арутюняна", "на пресс-конференции в Москве"). A long run of capitalised words
    // ends in the person: "пресс-секретарь президента РФ Владимира Путина Дмитрий Песков" is
    // Peskov (with a patronymic, three words: "Мария Владимировна Захарова").
    const auto declining_script = [&](std::size_t x) {
      const char32_t c = tokens[x].text.empty() ? 0 : CharAt(tokens[x].text, 0).cp;
      return (c >= 0x400 && c <= 0x52F) || (c >= 0x531 && c <= 0x587);
    };
    bool preposition = false;
    for (std::size_t x = p.first; x < k; ++x)
      preposition |= !tokens[x].word || IsStopWord(tokens[x]);
    preposition |= IsLocativePreposition(tokens[p.first].lower);
    if (first == k && k == p.last && k > p.first && !preposition && declining_script(k) &&
        tokens[k].capital) {
      std::size_t b = 0;
      std::size_t e = 0;
      if (FullNameOf(tokens[k], &b, &e).empty()) first = p.first;
    } else if (first == k && p.last >= k + 2 && declining_script(p.last) &&
               declining_script(p.last - 1) && !IsOrganisationWord(tokens[p.last].lower) &&
               !IsOrganisationWord(tokens[p.last - 1].lower)) {
      const std::string_view middle = tokens[p.last - 1].lower;
      const bool patronymic = middle.ends_with("вич") || middle.ends_with("вна") ||
                              middle.ends_with("ична") || middle.ends_with("ьич");
      first = patronymic && p.last >= k + 3 ? p.last - 2 : p.last - 1;
    }
    Mention out{tokens[first].begin, tokens[p.last].end, "", SpeakerType::kUnknown};
    out.text = std::string(text_.substr(out.begin, out.end - out.begin));
    // A bare surname: the full name given elsewhere.
    if (first == p.last && tokens[first].capital) {
      std::size_t b = 0;
      std::size_t e = 0;
      const std::string full = FullNameOf(tokens[first], &b, &e);
      if (!full.empty()) out = {b, e, full, SpeakerType::kPerson};
    }
    return out;
  }

  void SetSpeaker(Quote* q, const std::vector<Token>& tokens, Phrase p, Attribution how,
                  std::string_view verb) {
    q->attribution = how;
    q->verb = verb;
    q->mention_start = tokens[p.first].begin;
    q->mention_end = tokens[p.last].end;
    q->mention = std::string(text_.substr(q->mention_start, q->mention_end - q->mention_start));
    q->speaker = q->mention;
    q->speaker_start = q->mention_start;
    q->speaker_end = q->mention_end;
    if (p.first == p.last && IsPronoun(tokens[p.first])) {
      if (auto m = Antecedent(tokens[p.first], q->open)) {
        q->speaker = m->text;
        q->speaker_start = m->begin;
        q->speaker_end = m->end;
      }
      return;
    }
    const Mention name = ResolveName(tokens, p);
    q->speaker = name.text;
    q->speaker_start = name.begin;
    q->speaker_end = name.end;
  }

  bool TagAfter(Quote* q) {
    std::size_t end = SentenceEnd(q->close == q->end ? q->end : q->close - 1);
    // Quotes are in order of their opening marks: only those after this one can open after it.
    for (std::size_t k = static_cast<std::size_t>(q - quotes_.data()) + 1;
         k < quotes_.size() && quotes_[k].open < end; ++k) {
      const Quote& other = quotes_[k];
      if (other.open >= q->close && other.depth <= q->depth) {
        end = other.open;
        break;
      }
    }
    if (q->parent >= 0) end = std::min(end, quotes_[q->parent].end);
    if (end <= q->close) return false;
    const Tokens tokens = Tokenize(text_, q->close, end);
    std::size_t i = 0;
    bool dash = false;
    while (i < tokens.size() && !tokens[i].word) {
      const Char c = CharAt(tokens[i].text, 0);
      if (c.cp == '(' || c.cp == '.' || c.cp == '!' || c.cp == '?') return false;
      dash |= IsDash(c.cp);
      ++i;
    }
    if (i >= tokens.size()) return false;
    if (IsReportingVerbAt(tokens, i, &options_.reporting_verbs)) {
      const Phrase p = PhraseAfter(tokens, i + 1, tokens.size());
      if (!p.found) return false;
      SetSpeaker(q, tokens, p, Attribution::kTagAfter, tokens[i].lower);
      return true;
    }
    // A two-word tag of the lexicons, a participle and its auxiliary: "«…», - ասել է X".
    if (i + 1 < tokens.size() && tokens[i].word && tokens[i + 1].word && !tokens[i].capital &&
        !options_.reporting_verbs.empty()) {
      std::string pair(tokens[i].lower);
      pair += ' ';
      pair += tokens[i + 1].lower;
      if (options_.reporting_verbs.Contains(pair)) {
        const Phrase p = PhraseAfter(tokens, i + 2, tokens.size());
        if (!p.found) return false;
        SetSpeaker(q, tokens, p, Attribution::kTagAfter, pair);
        return true;
      }
    }
    if (tokens[i].lower == "according" && i + 1 < tokens.size() && tokens[i + 1].lower == "to") {
      const Phrase p = PhraseAfter(tokens, i + 2, tokens.size());
      if (!p.found) return false;
      SetSpeaker(q, tokens, p, Attribution::kTagAfter, "according to");
      return true;
    }
    // "„…“, - ამის შესახებ X-მა განაცხადა", "«…», — об этом заявил X": the words "about this"
    // open the tag before its subject.
    if (i + 2 < tokens.size() && AboutThisAt(tokens, i, tokens.size())) {
      i += 2;
      if (IsReportingVerbAt(tokens, i, &options_.reporting_verbs)) {
        const Phrase p = PhraseAfter(tokens, i + 1, tokens.size());
        if (!p.found) return false;
        SetSpeaker(q, tokens, p, Attribution::kTagAfter, tokens[i].lower);
        return true;
      }
    }
    for (std::size_t v = i + 1; v < tokens.size() && v < i + 16; ++v) {
      if (!IsReportingVerbAt(tokens, v, &options_.reporting_verbs)) continue;
      Phrase p = SubjectBefore(tokens, v, i);
      if (!p.found) {
        // "„…“, - ამის შესახებ პრესკონფერენციაზე განაცხადეს" ('they said at a press
        // conference'): a dash tag with a verb of saying and no subject named is still speech,
        // by a speaker the tag leaves unnamed.
        if (!dash) return false;
        q->attribution = Attribution::kTagAfter;
        q->verb = tokens[v].lower;
        return true;
      }
      // The subject must open the tag, possibly after an appositive.
      if (p.first != i) return false;
      SetSpeaker(q, tokens, p, Attribution::kTagAfter, tokens[v].lower);
      return true;
    }
    if (dash) {
      // “…” – Prime Minister of Georgia
      std::size_t j = i;
      bool capital = false;
      while (j < tokens.size() && tokens[j].word) capital |= tokens[j++].capital;
      if (j == tokens.size() && capital && j - i <= 8) {
        SetSpeaker(q, tokens, {i, j - 1, true}, Attribution::kTagAfter, "–");
        return true;
      }
    }
    return false;
  }

  bool TagBefore(Quote* q, std::size_t self, std::size_t from) {
    if (from >= q->open) return false;
    // A tag before needs a reporting verb or "according to": most spans have neither.
    if (!MayHoldReportingVerb(text_, from, q->open, &options_.reporting_verbs) &&
        !MayHoldAccording(from, q->open)) {
      return false;
    }
    const Tokens& tokens = TokensOf(from, q->open);
    if (tokens.empty()) return false;
    for (std::size_t v = tokens.size(); v-- > 0;) {
      const Token& t = tokens[v];
      if (InOtherQuote(t.begin, self)) continue;
      if (t.lower == "according" && v + 1 < tokens.size() && tokens[v + 1].lower == "to") {
        const Phrase p = PhraseAfter(tokens, v + 2, tokens.size());
        if (!p.found) continue;
        SetSpeaker(q, tokens, p, Attribution::kTagBefore, "according to");
        return true;
      }
      if (!IsReportingVerbAt(tokens, v, &options_.reporting_verbs) || IsParticiple(t)) continue;
      // Passive or "as noted in": the phrase after "by"/"in".
      if (v + 1 < tokens.size() &&
          (tokens[v + 1].lower == "by" ||
           (v > 0 && tokens[v - 1].lower == "as" && tokens[v + 1].lower == "in"))) {
        const Phrase p = PhraseAfter(tokens, v + 2, tokens.size());
        if (p.found) {
          SetSpeaker(q, tokens, p, Attribution::kTagBefore, t.lower);
          return true;
        }
        continue;
      }
      Phrase p = SubjectBefore(tokens, v, 0);
      // "Zelenskiy on Wednesday described it as “…”": the subject stands before the day.
      if (p.found && p.first == p.last && p.first >= 2 && IsDayOrMonth(tokens[p.first].lower) &&
          (tokens[p.first - 1].lower == "on" || tokens[p.first - 1].lower == "last" ||
           tokens[p.first - 1].lower == "this")) {
        const Phrase before = SubjectBefore(tokens, p.first - 1, 0);
        p = before.found ? before : Phrase{};
      }
      if (!p.found) {
        // "…, said Mr. X: “…”"
        p = PhraseAfter(tokens, v + 1, tokens.size());
        if (!p.found || p.last + 3 < tokens.size()) continue;
      }
      SetSpeaker(q, tokens, p, Attribution::kTagBefore, t.lower);
      return true;
    }
    return false;
  }

  // “… timing, – Ilgar Velizade told Kommersant. – This will …”
  bool Interruption(Quote* q) {
    std::vector<std::size_t> dashes;
    // From one possible dash to the next: - and the lead byte of – and —.
    static constexpr ByteSet kDashLeads = {'-', 0xE2};
    for (std::size_t i = kDashLeads.Find(text_, q->start, q->end); i < q->end;
         i = kDashLeads.Find(text_, i, q->end)) {
      const Char c = CharAt(text_, i);
      if ((c.cp == 0x2013 || c.cp == 0x2014 || c.cp == '-') && i > q->start &&
          CharBefore(text_, i).cp == ' ' && CharAt(text_, i + c.len).cp == ' ') {
        dashes.push_back(i);
      }
      i += c.len;
    }
    for (std::size_t d = 0; d + 1 < dashes.size(); ++d) {
      const std::size_t b = dashes[d];
      const std::size_t e = dashes[d + 1] + CharAt(text_, dashes[d + 1]).len;
      if (e - b > 200) continue;
      const Tokens tokens = Tokenize(text_, b, e);
      std::size_t i = 1;  // after the dash
      for (std::size_t v = i + 1; v < tokens.size(); ++v) {
        if (!IsReportingVerbAt(tokens, v, &options_.reporting_verbs)) continue;
        const Phrase p = SubjectBefore(tokens, v, i);
        if (!p.found || p.first != i) break;
        SetSpeaker(q, tokens, p, Attribution::kInterruption, tokens[v].lower);
        q->gaps.emplace_back(b, e);
        std::sort(q->gaps.begin(), q->gaps.end());
        return true;
      }
    }
    return false;
  }

  // The sentence before the quote ends with a colon: "X believes:⏎“…”".
  bool Introduction(Quote* q) {
    if (sentences_.empty()) return false;
    const std::size_t s = SentenceIndex(q->open);
    if (s == 0 || !OnlyPunctuation(q->sentence_start, q->open)) return false;
    std::size_t k = q->sentence_start;
    while (k > 0 && IsSpace(static_cast<unsigned char>(text_[k - 1]))) --k;
    if (k == 0 || text_[k - 1] != ':') return false;
    const auto [begin, end] = sentences_[s - 1];
    const Tokens tokens = Tokenize(text_, begin, end);
    for (std::size_t v = 0; v < tokens.size(); ++v) {
      if (!IsReportingVerbAt(tokens, v, &options_.reporting_verbs) || IsParticiple(tokens[v]))
        continue;
      const Phrase p = SubjectBefore(tokens, v, 0);
      if (!p.found) continue;
      SetSpeaker(q, tokens, p, Attribution::kIntroduction, tokens[v].lower);
      return true;
    }
    return false;
  }

  bool MayHoldAccording(std::size_t begin, std::size_t end) const {
    return MayHoldAsciiWord(text_.substr(begin, end - begin), "according");
  }

  // The tokens of text_[begin, end), kept for the next call: the words before a quotation are
  // read for its distancing cue, its tag and a slogan noun. The reference is good until the next
  // call with another span, so nothing that holds it may call TokensOf itself.
  const Tokens& TokensOf(std::size_t begin, std::size_t end) {
    if (!kept_valid_ || begin != kept_begin_ || end != kept_end_) {
      kept_ = Tokenize(text_, begin, end);
      kept_begin_ = begin;
      kept_end_ = end;
      kept_valid_ = true;
    }
    return kept_;
  }

  bool OnlyPunctuation(std::size_t from, std::size_t to) const {
    for (std::size_t i = from; i < to;) {
      const Char c = CharAt(text_, i);
      if (IsAlnum(c.cp)) return false;
      i += c.len;
    }
    return true;
  }

  // The tokens of the sentence before quotation `q`, or of a tail of them that holds at least
  // the last three (a distancing cue, a slogan noun): most quotations need no more.
  const Tokens& LastTokensBefore(const Quote& q) {
    static constexpr std::size_t kLast = 3;
    const std::size_t from = TailStart(text_, q.sentence_start, q.open, kLast);
    const Tokens& tail = TokensOf(from, q.open);
    if (tail.size() >= kLast || from == q.sentence_start) return tail;
    return TokensOf(q.sentence_start, q.open);
  }

  void FindDistancingCue(Quote* q) {
    // The cue words are the last token or the one before it ("so-called", "the self-proclaimed
    // ‘…’"); "what X insists are ‘…’" reaches twelve tokens back.
    const Tokens& tokens =
        MayHoldAsciiWord(text_.substr(q->sentence_start, q->open - q->sentence_start), "what")
            ? TokensOf(q->sentence_start, q->open)
            : LastTokensBefore(*q);
    if (tokens.empty()) return;
    static const WordList kCues = {"so-called",
                                   "self-proclaimed",
                                   "self-styled",
                                   "supposed",
                                   "alleged",
                                   "purported",
                                   "so",
                                   "quote-unquote",
                                   "self-declared",
                                   "так",
                                   "так называемый",
                                   "так называемые",
                                   "так называемых",
                                   "называемый",
                                   "называемые",
                                   "называемых",
                                   "самопровозглашенной",
                                   "самопровозглашённой"};
    std::size_t last = tokens.size() - 1;
    if ((tokens[last].lower == "the" || tokens[last].lower == "a") && last > 0) --last;
    if (kCues.Contains(tokens[last].lower) && tokens[last].lower != "so") {
      q->distancing_cue = tokens[last].text;
      return;
    }
    // "what X insists are (independent) ‘…’"
    for (std::size_t w = tokens.size(); w-- > 0 && tokens.size() - w <= 12;) {
      if (tokens[w].lower != "what") continue;
      for (std::size_t v = w + 1; v < tokens.size(); ++v) {
        if (IsReportingVerbAt(tokens, v, &options_.reporting_verbs) || tokens[v].lower == "calls" ||
            tokens[v].lower == "call" || tokens[v].lower == "considers" ||
            tokens[v].lower == "consider" || tokens[v].lower == "deems") {
          q->distancing_cue =
              std::string(text_.substr(tokens[w].begin, tokens.back().end - tokens[w].begin));
          return;
        }
      }
      break;
    }
  }

  void Attribute(std::size_t index, int last_attributed) {
    Quote& q = quotes_[index];
    std::size_t before_from = q.sentence_start;
    // Earlier quotes of the sentence only, and at most kLookBack of them: a run of thousands of
    // quotation marks costs linear work, not quadratic.
    const std::size_t back_to = index > kLookBack ? index - kLookBack : 0;
    for (std::size_t k = index; k-- > back_to && quotes_[k].close > q.sentence_start;) {
      if (quotes_[k].depth == q.depth && quotes_[k].close <= q.open &&
          quotes_[k].close > before_from) {
        before_from = quotes_[k].close;
        break;
      }
    }
    const bool starts_sentence = OnlyPunctuation(q.sentence_start, q.open);
    bool found = TagAfter(&q) || Interruption(&q) || TagBefore(&q, index, before_from);
    if (!found && q.parent < 0) found = Introduction(&q);
    if (!found && before_from > q.sentence_start) {
      // A second quote in one sentence: “A” … “B” share the speaker of “A”.
      for (std::size_t k = index; k-- > back_to;) {
        const Quote& prev = quotes_[k];
        if (prev.depth != q.depth || prev.close != before_from) continue;
        if (prev.attribution != Attribution::kNone && prev.attribution != Attribution::kEnclosing) {
          CopySpeaker(prev, &q, prev.attribution);
          found = true;
        }
        break;
      }
    }
    const bool short_span = q.word_count <= options_.scare_max_words && !EndsSentence(q);
    const bool whole_sentence =
        starts_sentence &&
        OnlyPunctuation(q.close, SentenceEnd(q.close == q.end ? q.end : q.close - 1));
    if (!found && q.parent < 0 && whole_sentence && last_attributed >= 0 && !short_span) {
      const Quote& prev = quotes_[static_cast<std::size_t>(last_attributed)];
      if (ParagraphIndex(q.open) - ParagraphIndex(prev.close) <= options_.continuation_paragraphs) {
        CopySpeaker(prev, &q, Attribution::kContinuation);
        found = true;
      }
    }
    if (!found && q.parent >= 0) {
      CopySpeaker(quotes_[static_cast<std::size_t>(q.parent)], &q, Attribution::kEnclosing);
      if (q.speaker.empty()) q.attribution = Attribution::kNone;
    }
    const bool own_tag =
        q.attribution != Attribution::kNone && q.attribution != Attribution::kEnclosing;
    q.kind = short_span && (!own_tag || !q.distancing_cue.empty()) ? QuoteKind::kScare
                                                                   : QuoteKind::kDirect;
    // «Медуза» сообщила …: a name in guillemets followed by a verb is not a quotation with a
    // tag, unless punctuation sets it apart as one («Нет», — сказал он).
    if (q.kind == QuoteKind::kDirect && short_span && q.distancing_cue.empty() &&
        !starts_sentence && IsName(q) && !AfterColon(q) &&
        ((IsGuillemet(q) && !TagPunctuationAfter(q)) || AfterPreposition(q) ||
         AfterTagWithoutPunctuation(q))) {
      q.kind = QuoteKind::kTitle;
      // A name speaks no words: the verb near it ("Як піша цэнтар «Вясна», …") is the
      // sentence's, not a tag of the name.
      ClearSpeaker(&q);
      q.verb = "";
      q.attribution = Attribution::kNone;
    }
    if (q.kind == QuoteKind::kScare && q.distancing_cue.empty()) {
      if (q.parent < 0 && (FillsLine(q) || AfterSloganNoun(q))) {
        q.kind = QuoteKind::kDirect;
      } else if (IsName(q)) {
        // Inside a quotation too: the statement's заставу “Душанбе” names an outpost.
        q.kind = QuoteKind::kTitle;
      }
    }
    MatchActor(&q);
  }

  // "Министр заявил: «Переговоры сорваны полностью»": a colon introduces what is said.
  bool AfterColon(const Quote& q) const {
    std::size_t i = q.open;
    while (i > 0 && (text_[i - 1] == ' ' || text_[i - 1] == '\t')) --i;
    return i > 0 && text_[i - 1] == ':';
  }

  // "Як паведамляе рэгіянальнае выданьне «Виртуальный Брест», …", "as reported by the
  // newspaper “Kommersant”": a name right after the words of a tag before it, with no colon,
  // comma or dash between them, stands in apposition to the speaker; it is not what is said.
  bool AfterTagWithoutPunctuation(const Quote& q) const {
    if (q.attribution != Attribution::kTagBefore || q.mention_end == Quote::kNone ||
        q.mention_end > q.open) {
      return false;
    }
    for (std::size_t i = q.mention_end; i < q.open;) {
      const Char c = CharAt(text_, i);
      if (c.len == 0 || !IsSpace(c.cp)) return false;
      i += c.len;
    }
    return true;
  }

  // The quotation is alone on its line: a subhead or pull quote.
  bool FillsLine(const Quote& q) const {
    // Outward from the marks to the line's ends, stopping at the first letter or digit.
    for (std::size_t i = q.open; i > 0 && text_[i - 1] != '\n';) {
      const Char c = CharBefore(text_, i);
      if (IsAlnum(c.cp)) return false;
      i -= c.len == 0 ? 1 : c.len;
    }
    for (std::size_t i = q.close; i < text_.size() && text_[i] != '\n';) {
      const Char c = CharAt(text_, i);
      if (IsAlnum(c.cp)) return false;
      i += c.len == 0 ? 1 : c.len;
    }
    return true;
  }

  // "the chant “No to Russian law”", "banners reading ‘…’", "под лозунгом «…»".
  bool AfterSloganNoun(const Quote& q) {
    static const WordList kNouns = {
        "slogan",    "slogans",   "chant",        "chants",  "chanting", "chanted",   "banner",
        "banners",   "placard",   "placards",     "sign",    "signs",    "reading",   "read",
        "motto",     "hashtag",   "shouting",     "shouted", "лозунг",   "лозунгом",  "лозунги",
        "лозунгами", "скандируя", "скандировали", "плакат",  "плакаты",  "плакатами", "кричали"};
    const Tokens& tokens = LastTokensBefore(q);
    for (std::size_t k = tokens.size(), n = 0; k-- > 0 && n < 3; ++n) {
      if (tokens[k].word && kNouns.Contains(tokens[k].lower)) return true;
    }
    return false;
  }

  // "заявили в "Газпроме"", "повідомили в "Енергоатомі"": a name right after a preposition is
  // what the words are about or where they were said, not words someone said.
  bool AfterPreposition(const Quote& q) {
    static const WordList kPrepositions = {"в",   "во", "у",  "на", "из", "от", "для", "при",
                                           "про", "о",  "об", "с",  "со", "к",  "з",   "із"};
    const Tokens& tokens = LastTokensBefore(q);
    return !tokens.empty() && tokens.back().word && kPrepositions.Contains(tokens.back().lower);
  }

  bool IsGuillemet(const Quote& q) const {
    const char32_t open = CharAt(text_, q.open).cp;
    return open == 0xAB || open == 0x201E;
  }

  bool TagPunctuationAfter(const Quote& q) const {
    const Char next = CharAt(text_, q.close);
    if (next.cp == ',' || IsDash(next.cp)) return true;
    if (next.cp == ' ') return IsDash(CharAt(text_, q.close + 1).cp);
    return false;
  }

  // «Грузинская мечта», “Sunday Morning Futures”: a name, not a distanced word.
  bool IsName(const Quote& q) const {
    const Tokens tokens = Tokenize(text_, q.start, q.end);
    std::size_t words = 0;
    std::size_t capitals = 0;
    for (const Token& t : tokens) {
      if (!t.word) continue;
      // "Power of the People", "Alliance for Patriots": a name's function words stay small.
      if (!t.capital && IsFunctionWord(t) && words > 0) continue;
      ++words;
      if (t.capital) ++capitals;
    }
    if (words == 0 || tokens.empty()) return false;
    if (!tokens.front().capital) return IsCaselessName(q, tokens);
    const char32_t open = CharAt(text_, q.open).cp;
    if (open == 0xAB || open == 0x201E) return true;  // « „ : the names convention
    // Cyrillic typography puts names in quotation marks whichever marks are at hand: "Газпром",
    // “Енергоатом” name a company as «Газпром» does.
    const char32_t first = CharAt(text_, tokens.front().begin).cp;
    if (first >= 0x400 && first <= 0x52F) return true;
    if (words >= 2 && capitals == words) return true;
    // Azerbaijani and Turkish write a title in sentence case ("Xarici təsirin şəffaflığı
    // haqqında" qanun layihəsi): a noun that takes a title follows it.
    return TitleNounAfter(q, kLatinTitleNouns);
  }

  // Whether the word right after the closing mark, with only spaces between, begins with one of
  // `nouns`: after a comma, dash or full stop it belongs to the next clause („აგენტებს“. კანონი).
  template <std::size_t N>
  bool TitleNounAfter(const Quote& q, const std::string_view (&nouns)[N]) const {
    const Tokens after = Tokenize(text_, q.close, std::min(text_.size(), q.close + 64));
    if (after.empty() || !after.front().word) return false;
    for (std::string_view noun : nouns) {
      if (after.front().lower.substr(0, noun.size()) == noun) return true;
    }
    return false;
  }

  // A name in a script without capitals, where the capital-letter tests above cannot tell a
  // name from a scare quote (Georgian writes „ქართული ოცნების“ წევრები, „… შესახებ“
  // კანონპროექტი): the quotation is the whole name of an actor of the lexicons, or a noun that
  // takes a title follows it (a law, bill, party, movement, channel …).
  bool IsCaselessName(const Quote& q, const Tokens& tokens) const {
    if (!IsCaselessLetter(CharAt(text_, tokens.front().begin).cp)) return false;
    std::vector<std::string_view> words;
    for (const Token& t : tokens) {
      if (t.word) words.push_back(t.lower);
    }
    for (const SpeakerPattern& pattern : options_.speaker_patterns) {
      const std::vector<std::string> split =
          pattern.words.empty() ? internal::SplitSpeakerPattern(pattern.pattern) : pattern.words;
      if (split.size() == words.size() &&
          std::equal(split.begin(), split.end(), words.begin(), internal::SpeakerWordMatches))
        return true;
    }
    return TitleNounAfter(q, kTitleNouns);
  }

  // Letters of scripts with no capitals in running text: Georgian Mkhedruli (its capital
  // Mtavruli is used only for emphasis), and letters with no case at all (Arabic, Hebrew, CJK).
  static bool IsCaselessLetter(char32_t cp) {
    if (cp >= 0x10D0 && cp <= 0x10FF) return true;
    return utf8proc_category(static_cast<utf8proc_int32_t>(cp)) == UTF8PROC_CATEGORY_LO;
  }

  // Beginnings of the nouns a Georgian title stands before, in any case form: law, bill, draft
  // law, party, movement, organisation, union, coalition, alliance, bloc, TV company, channel,
  // newspaper, agency, foundation, company, magazine, website, portal.
  // (And member: „ქართული ოცნების“ წევრი names the party the member belongs to.)
  static constexpr std::string_view kTitleNouns[] = {
      "კანონ",   "კანონპროექტ", "პროექტ", "პარტი",       "მოძრაობ", "ორგანიზაცი", "გაერთიანებ",
      "კოალიცი", "ალიანს",      "ბლოკ",   "ტელეკომპანი", "არხ",     "გაზეთ",      "სააგენტო",
      "ფონდ",    "კომპანი",     "ჟურნალ", "საიტ",        "პორტალ",  "წევრ"};
  // The same nouns in Azerbaijani and Turkish (law, bill, draft, party, movement, organisation,
  // channel, newspaper, agency, foundation, company), for titles in sentence case.
  // (Beginnings no English word has: "partiy", "partis", not "parti" of "participants".)
  static constexpr std::string_view kLatinTitleNouns[] = {
      "qanun",   "layihə", "partiya", "hərəkat", "təşkilat", "kanal",  "qəzet",
      "agentli", "fondu",  "şirkət",  "kanun",   "yasa",     "tasarı", "partisi",
      "hareket", "örgüt",  "gazete",  "ajans",   "vakf",     "şirket"};

  bool EndsSentence(const Quote& q) const {
    for (std::size_t i = q.start; i < q.end; ++i) {
      const char c = text_[i];
      if (c == '.' || c == '!' || c == '?') {
        std::size_t j = i + 1;
        if (j >= q.end || text_[j] == ' ') return true;
      }
    }
    return false;
  }

  static void CopySpeaker(const Quote& from, Quote* to, Attribution how) {
    to->speaker = from.speaker;
    to->speaker_start = from.speaker_start;
    to->speaker_end = from.speaker_end;
    to->mention = from.mention;
    to->mention_start = from.mention_start;
    to->mention_end = from.mention_end;
    to->verb = from.verb;
    to->attribution = how;
  }

  void MatchActor(Quote* q) const {
    if (q->speaker.empty()) return;
    MatchSpeaker(options_.speaker_patterns, {q->speaker, q->mention}, &q->actor_id,
                 &q->perspective);
    std::string country;
    if (q->actor_id.empty() && q->mention_start != Quote::kNone &&
        ResolveCountry(text_.substr(0, std::min(q->open, q->mention_start)), q->mention,
                       options_.speaker_patterns, &q->actor_id, &q->perspective, &country)) {
      q->speaker = q->mention + " (" + country + ")";
    }
  }

  std::string_view text_;
  const QuoteOptions& options_;
  std::vector<Quote>& quotes_;
  std::vector<std::pair<std::size_t, std::size_t>> sentences_;
  std::vector<Mention> mentions_;
  bool mentions_collected_ = false;
  std::vector<std::size_t> paragraph_breaks_;  // ParagraphIndex's list
  bool paragraph_breaks_listed_ = false;
  Tokens kept_;  // TokensOf's last span
  std::size_t kept_begin_ = 0;
  std::size_t kept_end_ = 0;
  bool kept_valid_ = false;
};

// Unmarked block quotations: a paragraph that ends with a colon and announces speech
// ("… posted this status update:", "Read the full letter via Gawker:") followed by a paragraph
// that opens with no quotation mark. That next paragraph is quoted as a whole; when it opens a
// list ("-", "•", "*"), every following paragraph of the list is quoted too (talking points).
void AddBlockQuotes(std::string_view text, const QuoteOptions& options,
                    std::vector<Quote>* quotes) {
  static constexpr std::string_view kNouns[] = {
      "statement", "letter", "post",         "tweet",   "excerpt",   "rant",       "message",
      "memo",      "email",  "e-mail",       "note",    "update",    "commentary", "transcript",
      "remarks",   "speech", "reads",        "read",    "following", "text",       "op-ed",
      "essay",     "blog",   "announcement", "release", "points",    "response",   "responses"};
  static const WordList kSpeechNouns(std::begin(kNouns), std::end(kNouns));
  // The nouns' last runs of letters ("mail" of "e-mail"): a line without one of them, and
  // without a reporting verb, announces nothing (MayHoldReportingVerb reads runs of letters).
  static const WordList kSpeechNounRuns = [] {
    WordList runs;
    for (const std::string_view noun : kNouns) runs.Add(noun.substr(noun.find_last_of("-'") + 1));
    return runs;
  }();
  std::vector<std::pair<std::size_t, std::size_t>> lines;
  for (std::size_t pos = 0; pos < text.size();) {
    std::size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    std::size_t b = pos;
    std::size_t e = eol;
    while (b < e && IsSpace(static_cast<unsigned char>(text[b]))) ++b;
    while (e > b && IsSpace(static_cast<unsigned char>(text[e - 1]))) --e;
    if (b < e) lines.emplace_back(b, e);
    pos = eol + 1;
  }
  // Whether some quote holds `pos` (open <= pos < close). The quotes are in order of their
  // opening marks, so the question is whether the furthest close among those opened at or
  // before `pos` lies beyond it: a binary search, not a scan of every quote for every line.
  std::vector<std::size_t> furthest_close(quotes->size());
  for (std::size_t k = 0; k < quotes->size(); ++k) {
    furthest_close[k] = std::max((*quotes)[k].close, k > 0 ? furthest_close[k - 1] : 0);
  }
  auto inside_quote = [&](std::size_t pos) {
    const auto opened = std::upper_bound(quotes->begin(), quotes->end(), pos,
                                         [](std::size_t p, const Quote& q) { return p < q.open; });
    if (opened == quotes->begin()) return false;
    return furthest_close[static_cast<std::size_t>(opened - quotes->begin()) - 1] > pos;
  };
  std::vector<Quote> added;
  for (std::size_t l = 0; l + 1 < lines.size(); ++l) {
    const auto [b, e] = lines[l];
    if (text[e - 1] != ':' || inside_quote(e - 1)) continue;
    // Armenian writes its full stop (։) with the ASCII colon too: after an Armenian letter a
    // colon ends the sentence ("… հայտարարեց, որ … է:"); it announces with "․" or "՝".
    const char32_t before_colon = CharBefore(text, e - 1).cp;
    if (before_colon >= 0x0531 && before_colon <= 0x0587) continue;
    const std::size_t nb = lines[l + 1].first;
    if (IsQuoteChar(CharAt(text, nb).cp) || inside_quote(nb)) continue;  // tested first: cheap
    if (!MayHoldReportingVerb(text, b, e, &options.reporting_verbs, &kSpeechNounRuns)) continue;
    const Tokens tokens = Tokenize(text, b, e);
    std::size_t words = 0;
    bool announces = false;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      if (!tokens[i].word) continue;
      ++words;
      announces |= IsReportingVerbAt(tokens, i, &options.reporting_verbs) ||
                   kSpeechNouns.Contains(tokens[i].lower);
    }
    if (words < 4 || !announces) continue;
    auto is_item = [&](std::size_t at) {
      const char32_t c = CharAt(text, at).cp;
      return c == '-' || c == '*' || c == 0x2022 || c == 0x2013 || c == 0x2014;
    };
    std::size_t item = l + 1;
    do {
      Quote q;
      q.open = q.start = lines[item].first;
      q.end = q.close = lines[item].second;
      added.push_back(std::move(q));
      ++item;
    } while (is_item(nb) && item < lines.size() && is_item(lines[item].first) &&
             !inside_quote(lines[item].first));
  }
  const auto before = [](const Quote& a, const Quote& b) {
    return a.open != b.open ? a.open < b.open : a.close > b.close;
  };
  // Without block quotes the marks' quotes are mostly in this order already.
  if (added.empty() && std::is_sorted(quotes->begin(), quotes->end(), before)) return;
  quotes->insert(quotes->end(), added.begin(), added.end());
  std::stable_sort(quotes->begin(), quotes->end(), before);
}

}  // namespace

const char* QuoteKindName(QuoteKind kind) {
  switch (kind) {
    case QuoteKind::kDirect:
      return "direct";
    case QuoteKind::kScare:
      return "scare";
    case QuoteKind::kTitle:
      return "title";
    case QuoteKind::kFragment:
      return "fragment";
  }
  return "direct";
}

const char* AttributionName(Attribution attribution) {
  switch (attribution) {
    case Attribution::kNone:
      return "none";
    case Attribution::kTagAfter:
      return "tag-after";
    case Attribution::kTagBefore:
      return "tag-before";
    case Attribution::kInterruption:
      return "interruption";
    case Attribution::kIntroduction:
      return "introduction";
    case Attribution::kContinuation:
      return "continuation";
    case Attribution::kEnclosing:
      return "enclosing";
  }
  return "none";
}

std::vector<Quote> FindQuotes(std::string_view text, const QuoteOptions& options) {
  std::vector<Quote> quotes = MarkPairer(text).Run();
  AddBlockQuotes(text, options, &quotes);
  Attributor(text, options, &quotes).Run();
  return quotes;
}

int LastQuoteOpenedAt(const std::vector<Quote>& quotes, std::size_t offset) {
  auto it = std::upper_bound(quotes.begin(), quotes.end(), offset,
                             [](std::size_t pos, const Quote& q) { return pos < q.open; });
  return static_cast<int>(it - quotes.begin()) - 1;
}

const Quote* QuoteAt(const std::vector<Quote>& quotes, std::size_t offset) {
  for (int k = LastQuoteOpenedAt(quotes, offset); k >= 0;
       k = quotes[static_cast<std::size_t>(k)].parent) {
    const Quote& q = quotes[static_cast<std::size_t>(k)];
    if (offset >= q.start && offset < q.end && !InGap(q, offset)) return &q;  // the deepest
  }
  return nullptr;
}

void ClearSpeaker(Quote* q) {
  q->speaker = q->mention = q->actor_id = q->perspective = "";
  q->speaker_start = q->speaker_end = q->mention_start = q->mention_end = Quote::kNone;
}

bool IsQuoted(const std::vector<Quote>& quotes, std::size_t begin, std::size_t end) {
  if (end <= begin) return QuoteAt(quotes, begin) != nullptr;
  for (std::size_t i = begin; i < end; ++i) {
    if (QuoteAt(quotes, i) == nullptr) return false;
  }
  return true;
}

}  // namespace parallax
