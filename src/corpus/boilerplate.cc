#include "corpus/boilerplate.h"

#include <algorithm>
#include <array>
#include <iterator>
#include <map>
#include <optional>
#include <regex>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/appeals.h"
#include "text/byte_set.h"

namespace parallax {
namespace {

using internal::AppealRule;
using internal::StartsAppealTail;

struct Line {
  std::size_t start = 0;  // offset of the trimmed text in the body
  std::size_t end = 0;
  std::string key;  // folded: lower-case ASCII, typographic quotes and dashes folded
  bool blank = true;
};

enum class Verdict { kKeep, kRemove, kNote };

struct Decision {
  Verdict verdict = Verdict::kKeep;
  std::string rule;
};

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

// Lower-cases the Russian capitals (U+0401, U+0410..U+042F) in place; each keeps its length.
void LowerCyrillic(std::string& s) {
  for (std::size_t i = 0; i + 1 < s.size(); ++i) {
    auto& lead = reinterpret_cast<unsigned char&>(s[i]);
    auto& trail = reinterpret_cast<unsigned char&>(s[i + 1]);
    if (lead != 0xD0) continue;
    if (trail >= 0x90 && trail <= 0x9F) {  // А..П -> а..п
      trail = static_cast<unsigned char>(trail + 0x20);
    } else if (trail >= 0xA0 && trail <= 0xAF) {  // Р..Я -> р..я
      lead = 0xD1;
      trail = static_cast<unsigned char>(trail - 0x20);
    } else if (trail == 0x81) {  // Ё -> ё
      lead = 0xD1;
      trail = 0x91;
    }
    ++i;
  }
}

// Lower-cases ASCII and Russian, and folds the typographic marks that pasted text is full of.
std::string Fold(std::string_view s) {
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
  std::string out;
  out.reserve(s.size());
  bool cyrillic = false;  // a lead byte of Russian capitals was copied
  for (std::size_t i = 0; i < s.size();) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      // A run of ASCII is copied at once, then lower-cased in place.
      static constexpr ByteSet kNonAscii({}, /*non_ascii=*/true);
      const std::size_t j = kNonAscii.Find(s, i + 1, s.size());
      const std::size_t at = out.size();
      out.append(s, i, j - i);
      for (std::size_t k = at; k < out.size(); ++k) {
        if (out[k] >= 'A' && out[k] <= 'Z') out[k] = static_cast<char>(out[k] - 'A' + 'a');
      }
      i = j;
      continue;
    }
    bool folded = false;
    for (const auto& [from, to] : kFolds) {
      if (s.substr(i, from.size()) == from) {
        out += to;
        i += from.size();
        folded = true;
        break;
      }
    }
    if (folded) continue;
    cyrillic = cyrillic || static_cast<unsigned char>(s[i]) == 0xD0;
    out.push_back(s[i++]);
  }
  if (cyrillic) LowerCyrillic(out);
  return out;
}

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

// Words separated by white space, counted up to `limit` + 1: every rule compares the count with
// a small bound (its `limit`), and a paragraph need not be read to its end to exceed it.
// Branch-free within blocks of 64 bytes; the limit is checked between blocks.
int WordCount(std::string_view s, int limit) {
  // 1 for the bytes that are not IsSpace (a table, so the loop has no branch per byte).
  static constexpr std::array<unsigned char, 256> kWordByte = [] {
    std::array<unsigned char, 256> t{};
    for (int c = 0; c < 256; ++c) {
      t[static_cast<std::size_t>(c)] =
          c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v' ? 0 : 1;
    }
    return t;
  }();
  int n = 0;
  int in = 0;
  for (std::size_t i = 0; i < s.size() && n <= limit;) {
    for (const std::size_t stop = std::min(s.size(), i + 64); i < stop; ++i) {
      const int word = kWordByte[static_cast<unsigned char>(s[i])];
      n += word & ~in & 1;
      in = word;
    }
  }
  return std::min(n, limit + 1);
}

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

bool IsDateline(std::string_view key) {
  static const std::regex kDate(
      R"(^((mon|tues|wednes|thurs|fri|satur|sun)day,? )?)"
      R"((\d{1,2} (jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,? \d{4})"
      R"(|(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2},? \d{4})"
      R"(|\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{4}))"
      R"((,? (at )?\d{1,2}:\d{2}( ?[ap]\.?m\.?)?( [a-z]{2,5})?)?$)");
  return key.size() < 60 && std::regex_match(key.begin(), key.end(), kDate);
}

// The heading of a comment section: "3 comments", "12 thoughts on "Title"", "Leave a Reply".
bool IsCommentHeading(std::string_view bare) {
  static constexpr std::string_view kHeadings[] = {
      "leave a reply",           "leave a comment",      "leave a reply cancel reply",
      "post a comment",          "add a comment",        "write a comment",
      "join the discussion",     "no comments yet",      "no comments",
      "be the first to comment", "one comment",          "one response",
      "оставить комментарий",    "добавить комментарий", "оставьте комментарий"};
  for (std::string_view h : kHeadings) {
    if (bare == h) return true;
  }
  static const std::regex kCount(
      R"(^(\d+|one) (comments?|responses?|replies|thoughts?)( (on|to) ".*")?$)"
      R"(|^comments? \(\d+\)$|^\d+ комментари[йяев]+$)");
  // Every heading the expression takes starts with a digit, "one" or "comment".
  const bool may_count = !bare.empty() && ((bare[0] >= '0' && bare[0] <= '9') ||
                                           bare.starts_with("one ") || bare.starts_with("comment"));
  return may_count && bare.size() < 300 && std::regex_match(bare.begin(), bare.end(), kCount);
}

// The fields, buttons and notices of a blog comment form and the links under each comment.
std::optional<std::string> CommentFormRule(std::string_view bare) {
  if (IsCommentHeading(bare)) return "comment-form";
  static constexpr std::string_view kLines[] = {
      "reply",        "log in to reply", "login to reply", "reply to this comment", "cancel reply",
      "post comment", "submit comment",  "report comment", "reply to comment",      "ответить",
      "комментарии"};
  for (std::string_view l : kLines) {
    if (bare == l) return "comment-form";
  }
  if (WordCount(bare, 40) > 40) return std::nullopt;
  static constexpr std::string_view kNotices[] = {
      "your email address will not be published",
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
  for (std::string_view n : kNotices) {
    if (StartsWith(bare, n)) return "comment-form";
  }
  return std::nullopt;
}

// "Source link", "Source: Agency", "This article was originally published on …": the trailer an
// aggregator adds under a copied article.
bool IsSourceTrailer(std::string_view key, std::string_view bare) {
  static constexpr std::string_view kLines[] = {"source link", "original source",
                                                "view source", "original article",
                                                "источник",    "ссылка на источник"};
  for (std::string_view l : kLines) {
    if (bare == l) return true;
  }
  static constexpr std::string_view kShort[] = {"source:", "sources:", "источник:", "источники:"};
  for (std::string_view p : kShort) {
    if (StartsWith(key, p) && WordCount(key, 12) <= 12) return true;
  }
  static constexpr std::string_view kLong[] = {"originally published ",
                                               "this article was originally published",
                                               "this story was originally published",
                                               "this article first appeared",
                                               "this story first appeared",
                                               "this article originally appeared",
                                               "this story originally appeared"};
  for (std::string_view p : kLong) {
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
// none of its marker words: "photo", "image", "picture", "credit" (compared here byte by byte,
// folding ASCII capitals) or "фото" (any Cyrillic lead byte sends the line the long way).
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
  // The first letters of the words, and the non-ASCII bytes (among them the Cyrillic leads).
  static constexpr ByteSet kStarts({'p', 'P', 'i', 'I', 'c', 'C'}, /*non_ascii=*/true);
  for (std::size_t i = kStarts.Find(s, 0, s.size()); i < s.size();
       i = kStarts.Find(s, i + 1, s.size())) {
    const auto b = static_cast<unsigned char>(s[i]);
    switch (b | 0x20) {
      case 'p':
        if (folded_at(i, "photo") || folded_at(i, "picture")) return true;
        break;
      case 'i':
        if (folded_at(i, "image")) return true;
        break;
      case 'c':
        if (folded_at(i, "credit")) return true;
        break;
      default:
        if (b == 0xD0 || b == 0xD1) return true;
    }
  }
  return false;
}

// Where the photo credit that ends a line starts ("Police at the border. Photo: Name / Agency",
// "… (Photo: Agency)", "… Фото: Агентство"), or npos. The credit is a few capitalised words;
// with `parenthesised`, only a credit in parentheses counts.
std::size_t TrailingPhotoCredit(std::string_view full, bool parenthesised = false) {
  // A credit in parentheses closes the line.
  if (parenthesised && !EndsWith(full, ")")) return std::string::npos;
  // A credit is a few words: only the end of a line is looked at, however long the line.
  constexpr std::size_t kWindow = 256;
  const std::size_t offset = full.size() > kWindow ? full.size() - kWindow : 0;
  const std::string_view original = full.substr(offset);
  if (!MayHoldMarkerWord(original)) return std::string::npos;
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

// A folded line without the trailing colons, stops, stars and spaces of a label or button.
std::string_view Bare(std::string_view key) {
  std::string_view bare = key;
  while (!bare.empty() &&
         (bare.back() == ':' || bare.back() == '.' || bare.back() == ' ' || bare.back() == '*')) {
    bare.remove_suffix(1);
  }
  return bare;
}

std::optional<std::string> GenericLineRule(std::string_view key, std::string_view original) {
  // Furniture lines are short; long lines are article text (and keep the regexes cheap).
  if (key.size() > 600) return std::nullopt;
  static constexpr std::string_view kUiLines[] = {"read more",
                                                  "continue",
                                                  "continue reading",
                                                  "share",
                                                  "share this",
                                                  "share this article",
                                                  "print",
                                                  "advertisement",
                                                  "comments",
                                                  "subscribe",
                                                  "show more",
                                                  "load more",
                                                  "follow us",
                                                  "related",
                                                  "related articles",
                                                  "more on this topic",
                                                  "read also",
                                                  "tags",
                                                  "share on facebook",
                                                  "share on twitter",
                                                  "share on x",
                                                  "copy link",
                                                  "back to top",
                                                  "listen to this article"};
  const std::string_view bare = Bare(key);
  const int words = WordCount(key, 40);  // compared with 30 and 40 below
  for (std::string_view ui : kUiLines) {
    if (bare == ui) return "ui-line";
  }
  static constexpr std::string_view kRelatedPrefixes[] = {
      "[read more:", "read more:", "read also:", "also read:", "see also:",   "related:",
      "[related:",   "more: ",     "[see also:", "read next:", "recommended:"};
  for (std::string_view p : kRelatedPrefixes) {
    if (StartsWith(key, p) && words <= 30) return "related-link";
  }
  static const std::regex kTranslation(
      R"(^read (this (article |story )?)?in [a-z]+( on [^ ]+)?\.?$)");
  if (StartsWith(bare, "read ") && std::regex_match(bare.begin(), bare.end(), kTranslation))
    return "translation-link";

  // Captions and credits.
  static const std::regex kSourceParen(
      R"(^\((source|photo|image|credit|video|illustration|picture|photograph|фото)s?)"
      R"((:| credits?:?| by:?| courtesy( of)?:?) .*\)$)");
  if (StartsWith(key, "(") && std::regex_match(key.begin(), key.end(), kSourceParen))
    return "photo-caption";
  static constexpr std::string_view kCaptionPrefixes[] = {
      "photo:",           "photo by ",   "photo credit",       "photos:",
      "image:",           "pictured:",   "illustrative photo", "footage from ",
      "screenshot from ", "cover photo", "main photo",         "header image",
      "image credit",     "image by ",   "image source",       "picture:",
      "picture by ",      "credit:",     "photograph:",        "photograph by ",
      "photo courtesy",   "фото:",       "фотография:"};
  for (std::string_view p : kCaptionPrefixes) {
    if (StartsWith(key, p) && words <= 40) return "photo-caption";
  }
  static const std::regex kCredit(R"([A-Z][a-z]+ [A-Z][A-Za-z'-]+ ?/ ?[A-Z][A-Za-z.& ]{1,30}$)");
  // The expression needs a '/': most lines are told without running it.
  if (words <= 40 && !EndsSentence(key) && original.find('/') != std::string_view::npos &&
      std::regex_search(original.begin(), original.end(), kCredit)) {
    return "photo-caption";
  }
  if (words <= 40 && TrailingPhotoCredit(original) != std::string::npos) {
    return "photo-caption";
  }

  // Appeals. Short lines only: an article may well discuss donations or memberships.
  if (auto rule = AppealRule(key)) return rule;
  if (auto rule = CommentFormRule(bare)) return rule;
  if (IsSourceTrailer(key, bare)) return "source-link";
  return std::nullopt;
}

// Where a comment section starts: a comment heading in the latter two thirds of the text with a
// comment's "Reply" link or a comment form's notice after it. Returns nonblank.size() if none.
std::size_t CommentSectionStart(const std::vector<Line>& lines,
                                const std::vector<std::size_t>& nonblank) {
  // The last form line first, so that many headings cost one pass, not one pass each.
  std::size_t last_form = 0;
  for (std::size_t m = nonblank.size(); m-- > nonblank.size() / 3;) {
    if (CommentFormRule(Bare(lines[nonblank[m]].key))) {
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
  for (std::size_t n = 1; n <= 3 && n <= s.size(); ++n) {
    if (UnicodeSpaceAt(s.substr(s.size() - n)) == n) return n;
  }
  return 0;
}

std::vector<Line> SplitLines(const std::string& body) {
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
    if (!line.blank) line.key = Fold(std::string_view(body).substr(s, e - s));
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
  std::vector<Line> lines = SplitLines(body);
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
    std::size_t appeal = nonblank.size();
    for (std::size_t k = nonblank.size() / 3; k < nonblank.size(); ++k) {
      if (StartsAppealTail(lines[nonblank[k]].key)) {
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
    std::map<std::string, int> counts;
    for (std::size_t i : nonblank) {
      const std::string& key = lines[i].key;
      if (!EndsSentence(key) && WordCount(key, 12) <= 12 && !IsListItem(key)) ++counts[key];
    }
    for (std::size_t i : nonblank) {
      auto it = counts.find(lines[i].key);
      if (it != counts.end() && it->second > 1) set(i, Verdict::kRemove, "repeated-kicker");
    }
    // Line rules, datelines and the caption that follows a dateline.
    for (std::size_t k = 0; k < nonblank.size(); ++k) {
      const std::size_t i = nonblank[k];
      if (IsDateline(lines[i].key)) {
        set(i, Verdict::kRemove, "dateline");
        // The line directly under a dateline (no blank line between), a single sentence
        // followed by a blank line, is the lead picture's caption.
        const std::size_t next = i + 1;
        if (next < lines.size() && !lines[next].blank && next + 1 < lines.size() &&
            lines[next + 1].blank) {
          const std::string& key = lines[next].key;
          const auto first_stop = key.find(". ");
          if (first_stop == std::string::npos && WordCount(key, 40) <= 40) {
            set(next, Verdict::kRemove, "photo-caption");
          }
        }
        continue;
      }
      if (auto rule = GenericLineRule(lines[i].key, text_of(lines[i])))
        set(i, Verdict::kRemove, *rule);
    }
    // Duplicates: a caption shown twice (alt text and caption, a gallery's title) keeps its
    // first copy. Only copies with nothing but blank lines between them: an article may well
    // repeat a sentence further on (a live blog's "It takes 1,237 delegates to win").
    for (std::size_t k = 1; k < nonblank.size(); ++k) {
      const std::string& key = lines[nonblank[k]].key;
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
  std::vector<std::vector<std::size_t>> blocks(1);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const Line& l = lines[i];
    if (l.blank) {
      if (!blocks.back().empty()) blocks.emplace_back();
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
        kept.key = Fold(text_of(kept));
      }
      blocks.back().push_back(i);
      continue;
    }
    const std::string text(text_of(l));
    article.removed.push_back(RemovedLine{article.SourceLine(l.start), text, d.rule});
    if (d.verdict == Verdict::kNote) article.outlet_notes.push_back(text);
    // A removed line ends the paragraph around it.
    if (!blocks.back().empty()) blocks.emplace_back();
  }

  auto append = [&article, &body](const Line& l) {
    article.segments.push_back(TextSegment{article.text.size(), l.start, l.end - l.start});
    article.text.append(body, l.start, l.end - l.start);
  };
  for (const auto& block : blocks) {
    if (block.empty()) continue;
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
