#include "framing/name_pairs.h"

#include <utf8proc.h>

#include <algorithm>
#include <initializer_list>

#include "align/terms.h"
#include "text/tokenizer.h"
#include "text/utf8.h"
#include "text/whitespace.h"

namespace parallax {
namespace {

constexpr std::size_t kMaxNameWords = 3;
constexpr std::size_t kMaxWhoWords = 4;

bool In(std::string_view word, std::initializer_list<std::string_view> words) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

bool StartsWithAny(std::string_view word, std::initializer_list<std::string_view> prefixes) {
  for (std::string_view p : prefixes) {
    if (word.substr(0, p.size()) == p) return true;
  }
  return false;
}

// The words that make the constructions, English and Russian, on the match form.
bool IsWhich(std::string_view w) {
  return In(w, {"which", "that", "который", "которую", "которое", "которого", "которые"});
}
bool IsCall(std::string_view w) {
  return In(w, {"call", "calls", "called", "name", "names"}) || StartsWithAny(w, {"называ"});
}
bool IsKnown(std::string_view w) { return w == "known" || StartsWithAny(w, {"известн"}); }
bool IsAs(std::string_view w) { return w == "as" || w == "как"; }
bool IsNameWord(std::string_view w) { return In(w, {"name", "название", "названием"}); }

class Finder {
 public:
  explicit Finder(std::string_view text) : text_(text) {
    TokenizerOptions options;
    options.punctuation = true;
    Tokenize(text, options, &tokens_, &storage_);
  }

  std::vector<NamePair> Find() {
    for (std::size_t i = 0; i < tokens_.size(); ++i) {
      const std::string_view w = tokens_[i].norm;
      if (w == "(" || w == "[") {
        Bracketed(i, w == "(" ? ")" : "]");
      } else if (IsWhich(w) || IsKnown(w) || w == "called" || w == "also" || w == "также") {
        Appositive(i);
      }
    }
    return std::move(out_);
  }

 private:
  struct Span {
    std::size_t begin = 0;  // token indices [begin, end)
    std::size_t end = 0;
    bool empty() const { return begin == end; }
  };

  bool IsWord(std::size_t i) const {
    return i < tokens_.size() && tokens_[i].kind == TokenKind::kWord;
  }
  bool Is(std::size_t i, std::string_view norm) const {
    return i < tokens_.size() && tokens_[i].norm == norm;
  }
  // True when a line break lies between tokens a and b (a < b).
  bool LineBetween(std::size_t a, std::size_t b) const {
    return text_.substr(tokens_[a].end, tokens_[b].begin - tokens_[a].end).find('\n') !=
           std::string_view::npos;
  }
  bool Capitalised(std::size_t i) const {
    if (!IsWord(i)) return false;
    const DecodedChar c = DecodeUtf8Char(text_, tokens_[i].begin);
    const auto category = utf8proc_category(static_cast<utf8proc_int32_t>(c.code_point));
    return category == UTF8PROC_CATEGORY_LU || category == UTF8PROC_CATEGORY_LT;
  }

  // The name that ends just before token `end`: capitalised words, leading function words off.
  Span NameBefore(std::size_t end) const {
    Span s{end, end};
    while (s.begin > 0 && end - s.begin < kMaxNameWords && Capitalised(s.begin - 1) &&
           (s.begin == end || !LineBetween(s.begin - 1, s.begin))) {
      --s.begin;
    }
    while (!s.empty() && IsAlignStopword(tokens_[s.begin].norm)) ++s.begin;
    return s;
  }
  // The name that starts at token `begin`.
  Span NameAt(std::size_t begin) const {
    Span s{begin, begin};
    while (s.end - begin < kMaxNameWords && Capitalised(s.end) &&
           (s.end == begin || !LineBetween(s.end - 1, s.end))) {
      ++s.end;
    }
    if (!s.empty() && IsAlignStopword(tokens_[s.begin].norm)) return {begin, begin};
    return s;
  }
  // Up to kMaxWhoWords words from `begin` (no punctuation), stopping before a word that
  // `stop` accepts. Returns the end index, or `begin` when no such stop word follows.
  template <typename Stop>
  std::size_t WordsUntil(std::size_t begin, Stop stop) const {
    for (std::size_t i = begin; i < tokens_.size() && i - begin <= kMaxWhoWords; ++i) {
      if (i > begin && stop(tokens_[i].norm)) return i;
      if (!IsWord(i)) return begin;
    }
    return begin;
  }

  std::string Surface(std::size_t begin, std::size_t end) const {
    if (begin >= end) return "";
    return CollapseSpace(
        text_.substr(tokens_[begin].begin, tokens_[end - 1].end - tokens_[begin].begin));
  }
  std::string Surface(Span s) const { return Surface(s.begin, s.end); }
  std::string Who(std::size_t begin, std::size_t end) const {
    while (begin < end && In(tokens_[begin].norm,
                             {"the", "a", "an", "in", "to", "by", "among", "в", "у", "среди"})) {
      ++begin;
    }
    return Surface(begin, end);
  }

  // An abbreviation: one word of two or more letters, all capitals ("NKR", "OSCE").
  bool IsAbbreviation(Span s) const {
    if (s.end - s.begin != 1) return false;
    const Token& t = tokens_[s.begin];
    std::size_t letters = 0;
    std::size_t capitals = 0;
    for (std::size_t i = t.begin; i < t.end;) {
      const DecodedChar c = DecodeUtf8Char(text_, i);
      i += std::max<std::size_t>(c.length, 1);
      const auto category = utf8proc_category(static_cast<utf8proc_int32_t>(c.code_point));
      if (category >= UTF8PROC_CATEGORY_LU && category <= UTF8PROC_CATEGORY_LO) ++letters;
      if (category == UTF8PROC_CATEGORY_LU) ++capitals;
    }
    return letters >= 2 && capitals == letters;
  }

  void Add(Span first, Span second, std::string construction, std::string who,
           std::size_t last_token, bool who_uses_first = false) {
    if (first.empty() || second.empty() || IsAbbreviation(second) || IsAbbreviation(first)) {
      return;
    }
    NamePair p;
    p.first = Surface(first);
    p.second = Surface(second);
    if (SimpleLowercase(p.first) == SimpleLowercase(p.second)) return;
    p.construction = std::move(construction);
    p.who = std::move(who);
    p.who_uses_first = who_uses_first;
    p.start = tokens_[first.begin].begin;
    p.end = tokens_[last_token].end;
    if (!out_.empty() && out_.back().start == p.start && out_.back().end >= p.end) return;
    out_.push_back(std::move(p));
  }

  // "X (Y)", "X (Y in Armenian)", "X (the Armenian name for Y)", and the same with [ ].
  void Bracketed(std::size_t open, std::string_view close) {
    const Span x = NameBefore(open);
    if (x.empty()) return;
    const Span y = NameAt(open + 1);
    if (!y.empty()) {
      if (Is(y.end, close)) return Add(x, y, "bracketed", "", y.end);
      // "Y in Armenian)": one or two words naming the language.
      if (Is(y.end, "in") || Is(y.end, "на") || Is(y.end, "по")) {
        for (std::size_t k = y.end + 2; k <= y.end + 3; ++k) {
          if (Is(k, close) && IsWord(k - 1))
            return Add(x, y, "bracketed", Surface(y.end + 1, k), k);
        }
      }
      return;
    }
    // "(the Armenian name for Y …)": the gloss says who uses X.
    const std::size_t name = WordsUntil(open + 1, IsNameWord);
    if (name == open + 1 || !(Is(name + 1, "for") || Is(name + 1, "of") || Is(name + 1, "для"))) {
      return;
    }
    const Span g = NameAt(name + 2);
    if (g.empty()) return;
    for (std::size_t k = g.end; k < tokens_.size() && k <= g.end + 8; ++k) {
      if (Is(k, close)) return Add(x, g, "bracketed", Who(open + 1, name), k, true);
      if (tokens_[k].kind == TokenKind::kPunct && Is(k, "(")) return;
    }
  }

  // "X, which Armenians call Y", "X, known in Azerbaijan as Y", "X, called Y by Armenians".
  void Appositive(std::size_t at) {
    std::size_t lead = at;
    if (lead > 0 && Is(lead - 1, ",")) --lead;
    const Span x = NameBefore(lead);
    if (x.empty()) return;
    std::size_t k = at;
    if (Is(k, "also") || Is(k, "также")) ++k;
    const std::string_view w = k < tokens_.size() ? tokens_[k].norm : std::string_view();
    if (IsWhich(w)) {
      const std::size_t call = WordsUntil(k + 1, IsCall);
      if (call == k + 1) return;
      const Span y = NameAt(call + 1);
      return Add(x, y, "which-call", Who(k + 1, call), y.end - (y.empty() ? 0 : 1));
    }
    if (IsKnown(w)) {
      std::size_t as = k + 1;
      if (!Is(as, "as") && !Is(as, "как")) as = WordsUntil(k + 1, IsAs);
      if (!IsAs(as < tokens_.size() ? tokens_[as].norm : "")) return;
      const Span y = NameAt(as + 1);
      if (y.empty()) return;
      std::string who = Who(k + 1, as);
      std::size_t last = y.end - 1;
      if (who.empty() && (Is(y.end, "in") || Is(y.end, "by") || Is(y.end, "в"))) {
        const Span place = NameAt(y.end + 1);
        if (!place.empty()) {
          who = Surface(place);
          last = place.end - 1;
        }
      }
      return Add(x, y, "known-as", who, last);
    }
    if (w == "called" && at > 0 && Is(at - 1, ",")) {
      const Span y = NameAt(k + 1);
      if (y.empty()) return;
      std::string who;
      std::size_t last = y.end - 1;
      if (Is(y.end, "by")) {
        const std::size_t end = std::min(tokens_.size(), y.end + 1 + kMaxWhoWords);
        std::size_t e = y.end + 1;
        while (e < end && IsWord(e)) ++e;
        if (e > y.end + 1) {
          who = Who(y.end + 1, e);
          last = e - 1;
        }
      }
      return Add(x, y, "called-by", who, last);
    }
  }

  std::string_view text_;
  std::vector<Token> tokens_;
  std::string storage_;
  std::vector<NamePair> out_;
};

}  // namespace

std::vector<NamePair> FindNamePairs(std::string_view text) { return Finder(text).Find(); }

}  // namespace parallax
