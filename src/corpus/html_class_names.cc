#include "corpus/html_class_names.h"

#include <algorithm>
#include <array>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace parallax::internal {

std::vector<std::string> NameTokens(std::string_view value) {
  std::vector<std::string> tokens;
  std::string current;
  char prev = 0;
  for (char c : value) {
    const bool alnum = IsAlpha(c) || IsDigit(c);
    const bool hump = (c >= 'A' && c <= 'Z') && prev >= 'a' && prev <= 'z';
    if (!alnum || hump) {
      if (!current.empty()) tokens.push_back(current);
      current.clear();
    }
    if (alnum) current += AsciiLower(c);
    prev = c;
  }
  if (!current.empty()) tokens.push_back(current);
  return tokens;
}

namespace {

// Words in class and id names that mark boilerplate. Long words match inside a token
// ("relatedarticles"), short ones only at its start ("navbar") or as the whole token.
// Strong words win over any content word in the same name ("related-articles",
// "share-text"); weak ones only when they come last ("post-meta" but not
// "widget-post-content", the content widget of a page builder).
constexpr std::array<std::string_view, 47> kStrongNegativeInside = {
    "comment", "footer",     "sidebar",    "related",   "share",     "sharing",    "social",
    "promo",   "newsletter", "subscri",    "cookie",    "caption",   "breadcrumb", "masthead",
    "banner",  "sponsor",    "popup",      "modal",     "outbrain",  "taboola",    "pagination",
    "pager",   "toolbar",    "trending",   "popular",   "recommend", "disqus",     "shoutbox",
    "advert",  "signup",     "login",      "byline",    "author",    "dateline",   "timestamp",
    "credit",  "copyright",  "disclaimer", "consent",   "gdpr",      "paywall",    "overlay",
    "tooltip", "rollover",   "noscript",   "nocontent", "metadata"};
constexpr std::array<std::string_view, 7> kStrongNegativeStart = {"nav",  "menu",  "foot", "head",
                                                                  "tags", "combx", "rss"};
constexpr std::array<std::string_view, 6> kStrongNegativeWhole = {"ad",     "ads", "adv",
                                                                  "adslot", "tag", "popover"};
constexpr std::array<std::string_view, 11> kWeakNegativeWhole = {
    "widget", "bottom", "teaser", "meta",  "date",    "extra",
    "tool",   "tools",  "skip",   "print", "carousel"};
constexpr std::array<std::string_view, 9> kPositiveAffix = {
    "article", "content", "entry", "story", "body", "post", "prose", "blog", "hentry"};
constexpr std::array<std::string_view, 4> kPositiveWhole = {"text", "main", "page", "column"};

bool IsStrongNegativeToken(const std::string& t) {
  for (std::string_view w : kStrongNegativeInside) {
    if (t.find(w) != std::string::npos) return true;
  }
  for (std::string_view w : kStrongNegativeStart) {
    if (StartsWith(t, w)) return true;
  }
  for (std::string_view w : kStrongNegativeWhole) {
    if (t == w) return true;
  }
  return false;
}

bool IsWeakNegativeToken(const std::string& t) {
  for (std::string_view w : kWeakNegativeWhole) {
    if (t == w || (t.size() == w.size() + 1 && StartsWith(t, w) && t.back() == 's')) return true;
  }
  return false;
}

bool IsPositiveToken(const std::string& t) {
  for (std::string_view w : kPositiveAffix) {
    if (StartsWith(t, w) || EndsWith(t, w)) return true;
  }
  return false;
}

bool IsWeakPositiveToken(const std::string& t) {
  for (std::string_view w : kPositiveWhole) {
    if (t == w) return true;
  }
  return false;
}

}  // namespace

// Verdict on one class name (or id): -1 boilerplate, +1 content, 0 neither. A strong
// boilerplate word wins ("post-author", "share-text", "related-articles"); otherwise the last
// telling word does, since it usually names what the element is ("entry-meta" vs
// "widget-theme-post-content").
int NameVerdict(std::string_view name) {
  int last = 0;  // verdict of the last content or weak boilerplate word
  bool weak_positive = false;
  for (const std::string& t : NameTokens(name)) {
    // "content-with-sidebar", "has-comments": what follows describes the element's
    // surroundings, not the element.
    if (t == "with" || t == "has" || t == "no" || t == "without") break;
    if (IsStrongNegativeToken(t)) return -1;
    if (IsWeakNegativeToken(t)) last = -1;
    if (IsPositiveToken(t)) last = 1;
    weak_positive |= IsWeakPositiveToken(t);
  }
  if (IsLeadName(name)) return 1;  // "teaser-text", "article-intro": the article's own lead
  return last != 0 ? last : weak_positive ? 1 : 0;
}

// Class/id weight: +25 for a content-like name, -25 for a boilerplate-like one, per attribute
// (an attribute with both kinds of class names counts both).
constexpr std::size_t kVerdictCacheSize = 1 << 16;

namespace {

// Whether any name in a class or id value says boilerplate, and whether any says content.
// Pages repeat their class values, and so do pages of one site: the verdicts are remembered per
// thread (a bounded cache, so memory stays flat over any number of pages).
std::pair<bool, bool> AttributeVerdicts(const std::string& value) {
  thread_local std::unordered_map<std::string, std::pair<bool, bool>> cache;
  if (const auto it = cache.find(value); it != cache.end()) return it->second;
  bool neg = false, pos = false;
  std::size_t start = 0;
  while (start < value.size()) {
    std::size_t end = start;
    while (end < value.size() && !IsAsciiSpace(value[end])) ++end;
    if (end > start) {
      const int verdict = NameVerdict(std::string_view(value).substr(start, end - start));
      neg |= verdict < 0;
      pos |= verdict > 0;
    }
    start = end + 1;
  }
  if (cache.size() >= kVerdictCacheSize) cache.clear();
  cache.emplace(value, std::make_pair(neg, pos));
  return {neg, pos};
}

}  // namespace

int ClassWeight(const xmlNode* n, bool* negative_only) {
  int weight = 0;
  bool any_negative = false, any_positive = false;
  for (const char* attr : {"class", "id"}) {
    const std::string value = Attr(n, attr);
    if (value.empty()) continue;
    const auto [neg, pos] = AttributeVerdicts(value);
    if (neg) weight -= 25;
    if (pos) weight += 25;
    any_negative |= neg;
    any_positive |= pos;
  }
  if (negative_only != nullptr) *negative_only = any_negative && !any_positive;
  return weight;
}

bool IsLeadName(std::string_view value) {
  static constexpr std::array<std::string_view, 14> kLeadWords = {
      "lead",  "intro",   "introduction", "excerpt", "subtitle", "subheadline", "standfirst",
      "chapo", "chapeau", "abstract",     "summary", "deck",     "dek",         "teasertext"};
  const std::vector<std::string> tokens = NameTokens(value);
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    for (std::string_view w : kLeadWords) {
      if (tokens[i] == w) return true;
    }
    if (tokens[i] == "teaser" && i + 1 < tokens.size() && tokens[i + 1] == "text") return true;
  }
  return false;
}

namespace {

// Whether `test` holds for a word of the element's class or id.
template <typename Test>
bool AnyNameToken(const xmlNode* n, Test test) {
  for (const char* attr : {"class", "id"}) {
    for (const std::string& t : NameTokens(Attr(n, attr))) {
      if (test(t)) return true;
    }
  }
  return false;
}

}  // namespace

bool IsCommentSection(const xmlNode* n) {
  return AnyNameToken(n, [](const std::string& t) {
    return StartsWith(t, "comment") || t == "respond" || t == "disqus" || t == "replies";
  });
}

bool IsLead(const xmlNode* n) { return IsLeadName(Attr(n, "class")) || IsLeadName(Attr(n, "id")); }

bool IsHidden(const xmlNode* n) {
  if (HasAttr(n, "hidden")) return true;
  if (ToLower(Attr(n, "aria-hidden")) == "true") return true;
  std::string style = ToLower(Attr(n, "style"));
  style.erase(std::remove_if(style.begin(), style.end(), IsAsciiSpace), style.end());
  if (style.find("display:none") != std::string::npos ||
      style.find("visibility:hidden") != std::string::npos) {
    return true;
  }
  const std::string cls = Attr(n, "class");
  const std::string lower = ToLower(cls);
  if (lower.find("only") == std::string::npos && lower.find("hidden") == std::string::npos &&
      lower.find("reader") == std::string::npos) {
    return false;  // none of the words below: no need to split the name
  }
  const std::vector<std::string> tokens = NameTokens(cls);
  for (std::size_t i = 0; i + 1 < tokens.size(); ++i) {
    if ((tokens[i] == "sr" && tokens[i + 1] == "only") ||
        (tokens[i] == "visually" && tokens[i + 1] == "hidden") ||
        (tokens[i] == "screen" && tokens[i + 1] == "reader")) {
      return true;
    }
  }
  return false;
}

bool IsChromeRole(const xmlNode* n) {
  const std::string role = ToLower(Attr(n, "role"));
  return InSet(role, {"navigation", "complementary", "contentinfo", "menu", "menubar", "dialog",
                      "alertdialog", "search", "toolbar", "banner"});
}

bool IsSignupBox(const xmlNode* n) {
  return AnyNameToken(n, [](const std::string& t) {
    return StartsWith(t, "newsletter") || StartsWith(t, "subscri") || t == "signup";
  });
}

}  // namespace parallax::internal
