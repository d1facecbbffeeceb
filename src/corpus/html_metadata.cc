#include "corpus/html_metadata.h"

#include <algorithm>
#include <array>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "core/date.h"

namespace parallax::internal {

std::string NormalizeDate(std::string_view raw) {
  const std::string s = CollapseHtmlSpace(raw);
  auto valid = [](int y, int m, int d) {
    Date date{y, m, d};
    return y >= 1800 && y <= 2200 && date.valid() ? date.ToString() : std::string();
  };
  auto num = [&](std::size_t pos, std::size_t len) {
    int v = 0;
    for (std::size_t k = pos; k < pos + len; ++k) v = v * 10 + (s[k] - '0');
    return v;
  };
  auto digits_at = [&](std::size_t pos, std::size_t len) {
    if (pos + len > s.size()) return false;
    for (std::size_t k = pos; k < pos + len; ++k) {
      if (!IsDigit(s[k])) return false;
    }
    return pos + len == s.size() || !IsDigit(s[pos + len]);
  };
  // Year first: 2019-11-19, 2019/11/19, 2019.11.19, 2019-11.
  if (digits_at(0, 4) && s.size() >= 7 && (s[4] == '-' || s[4] == '/' || s[4] == '.')) {
    const char sep = s[4];
    std::size_t mlen = digits_at(5, 2) ? 2 : digits_at(5, 1) ? 1 : 0;
    if (mlen > 0) {
      const std::size_t dpos = 5 + mlen + 1;
      if (s.size() > 5 + mlen && s[5 + mlen] == sep) {
        const std::size_t dlen = digits_at(dpos, 2) ? 2 : digits_at(dpos, 1) ? 1 : 0;
        if (dlen > 0) return valid(num(0, 4), num(5, mlen), num(dpos, dlen));
      } else if (sep == '-') {
        Date month{num(0, 4), num(5, mlen), 0};
        if (month.valid()) return month.ToString();
      }
    }
  }
  // Compact 20191119 (optionally followed by a time).
  if (s.size() >= 8 && digits_at(0, 8)) return valid(num(0, 4), num(4, 2), num(6, 2));
  // Day first with dots or slashes: 19.11.2019, 19/11/2019 (only when the day is > 12 for
  // slashes, which Americans write month first).
  for (std::size_t dlen : {1, 2}) {
    if (!digits_at(0, dlen) || s.size() < dlen + 1) continue;
    const char sep = s[dlen];
    if (sep != '.' && sep != '/' && sep != '-') continue;
    for (std::size_t mlen : {1, 2}) {
      const std::size_t ypos = dlen + 1 + mlen + 1;
      if (!digits_at(dlen + 1, mlen) || s.size() <= ypos || s[ypos - 1] != sep) continue;
      if (!digits_at(ypos, 4)) continue;
      const int a = num(0, dlen), b = num(dlen + 1, mlen), y = num(ypos, 4);
      if (sep == '.' || sep == '-') return valid(y, b, a);
      if (a > 12) return valid(y, b, a);
      if (b > 12) return valid(y, a, b);
      return "";
    }
  }
  // Month names (English): find the month, a four-digit year and a day number.
  std::vector<std::string> words;
  std::string word;
  for (char c : s + " ") {
    if (IsAlpha(c) || IsDigit(c)) {
      word += AsciiLower(c);
    } else if (!word.empty()) {
      words.push_back(word);
      word.clear();
    }
  }
  int month = 0, year = 0, day = 0;
  for (const std::string& w : words) {
    if (IsAlpha(w[0]) && month == 0 && w.size() >= 3) {
      static constexpr std::array<std::string_view, 12> kFull = {
          "january", "february", "march",     "april",   "may",      "june",
          "july",    "august",   "september", "october", "november", "december"};
      for (std::size_t m = 0; m < kFull.size(); ++m) {
        if (w == kFull[m] || (w.size() <= 4 && StartsWith(kFull[m], w))) {
          month = static_cast<int>(m) + 1;
        }
      }
    } else if (IsDigit(w[0])) {
      std::size_t len = 0;
      while (len < w.size() && IsDigit(w[len])) ++len;
      const std::string_view digits(w.data(), len);
      const std::string_view rest(w.data() + len, w.size() - len);
      if (len == 4 && rest.empty() && year == 0) {
        year = std::stoi(std::string(digits));
      } else if (len <= 2 && day == 0 &&
                 (rest.empty() || rest == "st" || rest == "nd" || rest == "rd" || rest == "th")) {
        // A time (10:00) splits into words too; only take a day before the year is complete.
        if (year == 0 || month == 0) day = std::stoi(std::string(digits));
      }
    }
  }
  if (month > 0 && year > 0 && day > 0) return valid(year, month, day);
  return "";
}

std::string NormalizeLanguage(std::string_view raw) {
  std::string s = CollapseHtmlSpace(raw);
  if (const std::size_t comma = s.find(','); comma != std::string::npos) s.resize(comma);
  std::string out;
  std::size_t part = 0;
  std::string current;
  auto flush = [&] {
    if (current.empty()) return;
    if (part == 0) {
      current = ToLower(current);
    } else if (current.size() == 2) {
      for (char& c : current) c = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
    }
    if (!out.empty()) out += '-';
    out += current;
    current.clear();
    ++part;
  };
  for (char c : s) {
    if (c == '-' || c == '_') {
      flush();
    } else if (IsAlpha(c) || IsDigit(c)) {
      current += c;
    } else {
      return "";
    }
  }
  flush();
  if (out.size() < 2 || !IsAlpha(out[0]) || !IsAlpha(out[1])) return "";
  if (out.find('-') == std::string::npos && out.size() > 3) return "";
  return out;
}

namespace {

// Metadata candidates in priority order (lower rank wins).
struct Ranked {
  std::string value;
  int rank = 1 << 30;
  void Offer(std::string v, int r) {
    v = CollapseHtmlSpace(v);
    if (!v.empty() && r < rank) {
      value = std::move(v);
      rank = r;
    }
  }
};

struct MetaCandidates {
  Ranked title, date, author, site_name, language, url, description;
  std::string html_title;  // <title>, to strip a site suffix from
  std::string h1;
  std::string ld_body;                   // JSON-LD articleBody, when present
  std::vector<std::string> ingredients;  // of the first JSON-LD Recipe that lists them
  std::vector<std::string> steps;        // of the first JSON-LD Recipe that lists them
  bool recipe_markup = false;            // itemprop=recipeIngredient and the like seen
};

bool IsArticleType(const nlohmann::json& type) {
  auto matches = [](const std::string& t) {
    return EndsWith(t, "Article") || EndsWith(t, "BlogPosting") || t == "Report" ||
           t == "SocialMediaPosting" || t == "LiveBlogPosting";
  };
  if (type.is_string()) return matches(type.get<std::string>());
  if (type.is_array()) {
    for (const auto& t : type) {
      if (t.is_string() && matches(t.get<std::string>())) return true;
    }
  }
  return false;
}

bool HasType(const nlohmann::json& type, std::string_view want) {
  if (type.is_string()) return type.get<std::string>() == want;
  if (type.is_array()) {
    for (const auto& t : type) {
      if (t.is_string() && t.get<std::string>() == want) return true;
    }
  }
  return false;
}

std::string JsonString(const nlohmann::json& j) {
  if (j.is_string()) return j.get<std::string>();
  if (j.is_number_integer()) return std::to_string(j.get<long long>());
  return "";
}

// A name from "X", {"name": X}, or a list of those; joined with ", ".
std::string JsonNames(const nlohmann::json& j) {
  if (j.is_string()) return j.get<std::string>();
  if (j.is_object()) {
    if (auto it = j.find("name"); it != j.end()) return JsonNames(*it);
    return "";
  }
  if (j.is_array()) {
    std::string out;
    for (const auto& item : j) {
      std::string name = CollapseHtmlSpace(JsonNames(item));
      if (name.empty() || out.find(name) != std::string::npos) continue;
      if (!out.empty()) out += ", ";
      out += name;
    }
    return out;
  }
  return "";
}

// A recipe's method: a string, a HowToStep's text, or a list or HowToSection of those.
void ReadSteps(const nlohmann::json& j, MetaCandidates& meta, int depth) {
  if (depth > 4) return;
  if (j.is_string()) {
    std::string text = CollapseHtmlSpace(j.get<std::string>());
    if (!text.empty()) meta.steps.push_back(std::move(text));
  } else if (j.is_array()) {
    for (const auto& item : j) ReadSteps(item, meta, depth + 1);
  } else if (j.is_object()) {
    if (auto it = j.find("text"); it != j.end()) ReadSteps(*it, meta, depth + 1);
    if (auto it = j.find("itemListElement"); it != j.end()) ReadSteps(*it, meta, depth + 1);
  }
}

void ReadJsonLdObject(const nlohmann::json& obj, MetaCandidates& meta) {
  const auto type_it = obj.find("@type");
  const nlohmann::json type = type_it != obj.end() ? *type_it : nlohmann::json();
  auto get = [&](const char* key) -> const nlohmann::json& {
    static const nlohmann::json kNull;
    const auto it = obj.find(key);
    return it != obj.end() ? *it : kNull;
  };
  if (HasType(type, "Recipe") && meta.ingredients.empty()) {
    for (const char* key : {"recipeIngredient", "ingredients"}) {
      const nlohmann::json& list = get(key);
      if (!list.is_array()) continue;
      for (const auto& item : list) {
        std::string text = CollapseHtmlSpace(JsonString(item));
        if (!text.empty()) meta.ingredients.push_back(std::move(text));
      }
      if (!meta.ingredients.empty()) break;
    }
  }
  if (HasType(type, "Recipe") && meta.steps.empty()) ReadSteps(get("recipeInstructions"), meta, 0);
  if (IsArticleType(type)) {
    meta.title.Offer(JsonString(get("headline")), 30);
    meta.title.Offer(JsonString(get("name")), 35);
    meta.date.Offer(NormalizeDate(JsonString(get("datePublished"))), 10);
    meta.date.Offer(NormalizeDate(JsonString(get("dateCreated"))), 15);
    meta.author.Offer(JsonNames(get("author")), 10);
    meta.author.Offer(JsonNames(get("creator")), 15);
    meta.site_name.Offer(JsonNames(get("publisher")), 20);
    meta.language.Offer(NormalizeLanguage(JsonString(get("inLanguage"))), 30);
    meta.url.Offer(JsonString(get("url")), 30);
    const auto& main_entity = get("mainEntityOfPage");
    if (main_entity.is_string()) meta.url.Offer(main_entity.get<std::string>(), 31);
    if (main_entity.is_object()) meta.url.Offer(JsonString(main_entity.value("@id", "")), 31);
    meta.description.Offer(JsonString(get("description")), 30);
    if (meta.ld_body.empty()) meta.ld_body = JsonString(get("articleBody"));
  } else if (HasType(type, "WebPage")) {
    meta.date.Offer(NormalizeDate(JsonString(get("datePublished"))), 40);
    meta.language.Offer(NormalizeLanguage(JsonString(get("inLanguage"))), 40);
  } else if (HasType(type, "WebSite") || HasType(type, "NewsMediaOrganization")) {
    meta.site_name.Offer(JsonString(get("name")), 40);
  }
}

// Visits JSON-LD objects: a single object, a list, or an @graph (bounded nesting).
void ReadJsonLd(const nlohmann::json& j, MetaCandidates& meta, int depth) {
  if (depth > 4) return;
  if (j.is_array()) {
    for (const auto& item : j) ReadJsonLd(item, meta, depth + 1);
    return;
  }
  if (!j.is_object()) return;
  ReadJsonLdObject(j, meta);
  if (auto it = j.find("@graph"); it != j.end()) ReadJsonLd(*it, meta, depth + 1);
}

// Strips " | Site", " - Site", "Site: " from a <title>.
std::string StripSiteFromTitle(const std::string& title, const std::string& site) {
  static constexpr std::array<std::string_view, 7> kSeparators = {" | ",  " - ", " – ", " — ",
                                                                  " :: ", " · ", " » "};
  const std::string lower_site = ToLower(site);
  std::string best = title;
  for (std::string_view sep : kSeparators) {
    const std::size_t last = title.rfind(sep);
    if (last == std::string::npos) continue;
    const std::string head = title.substr(0, last);
    const std::string tail = title.substr(last + sep.size());
    const std::size_t first = title.find(sep);
    const std::string first_part = title.substr(0, first);
    const std::string after_first = title.substr(first + sep.size());
    if (!lower_site.empty() && ToLower(tail) == lower_site) return head;
    if (!lower_site.empty() && ToLower(first_part) == lower_site) return after_first;
    // No site name to compare: drop a short trailing part after a longer headline.
    const auto words = [](const std::string& s) { return std::count(s.begin(), s.end(), ' ') + 1; };
    if (words(tail) <= 4 && words(head) >= 3 && head.size() < best.size()) best = head;
  }
  return best;
}

void ReadMetaTag(xmlNode* n, MetaCandidates& meta) {
  std::string key = ToLower(Attr(n, "property"));
  if (key.empty()) key = ToLower(Attr(n, "name"));
  if (key.empty()) key = ToLower(Attr(n, "itemprop"));
  const std::string http_equiv = ToLower(Attr(n, "http-equiv"));
  const std::string content = Attr(n, "content");
  if (content.empty()) return;
  if (http_equiv == "content-language") meta.language.Offer(NormalizeLanguage(content), 20);
  if (key.empty()) return;
  if (key == "og:title") meta.title.Offer(content, 10);
  if (key == "twitter:title") meta.title.Offer(content, 20);
  if (key == "dc.title" || key == "headline") meta.title.Offer(content, 40);

  static const std::array<std::pair<std::string_view, int>, 22> kDateKeys = {{
      {"article:published_time", 1},
      {"og:article:published_time", 2},
      {"article.published", 3},
      {"datepublished", 4},
      {"published_time", 5},
      {"og:published_time", 5},
      {"publish-date", 6},
      {"publish_date", 6},
      {"publishdate", 6},
      {"pubdate", 7},
      {"parsely-pub-date", 7},
      {"sailthru.date", 8},
      {"citation_publication_date", 8},
      {"dc.date.issued", 9},
      {"dcterms.issued", 9},
      {"dc.date", 11},
      {"dcterms.date", 11},
      {"dcterms.created", 12},
      {"date", 13},
      {"originalpublicationdate", 13},
      {"article:modified_time", 60},
      {"og:updated_time", 61},
  }};
  for (const auto& [name, rank] : kDateKeys) {
    if (key == name) meta.date.Offer(NormalizeDate(content), rank);
  }
  const bool looks_like_url = StartsWith(content, "http://") || StartsWith(content, "https://");
  if (key == "author" || key == "dc.creator" || key == "parsely-author" ||
      key == "sailthru.author" || (key == "article:author" && !looks_like_url)) {
    meta.author.Offer(content, key == "author" ? 20 : 25);
  }
  if (key == "byl") {
    std::string byline = CollapseHtmlSpace(content);
    if (StartsWith(ToLower(byline), "by ")) byline = byline.substr(3);
    meta.author.Offer(byline, 30);
  }
  if (key == "og:site_name") meta.site_name.Offer(content, 10);
  if (key == "application-name") meta.site_name.Offer(content, 50);
  if (key == "og:locale") meta.language.Offer(NormalizeLanguage(content), 25);
  if (key == "dc.language" || key == "language" || key == "inlanguage") {
    meta.language.Offer(NormalizeLanguage(content), 35);
  }
  if (key == "og:url") meta.url.Offer(content, 20);
  if (key == "description") meta.description.Offer(content, 10);
  if (key == "og:description") meta.description.Offer(content, 20);
  if (key == "twitter:description") meta.description.Offer(content, 25);
}

}  // namespace

PageEvidence ReadMetadata(xmlDoc* doc, const HtmlExtractOptions& options, ExtractedPage& page) {
  MetaCandidates meta;
  xmlNode* root = xmlDocGetRootElement(doc);
  Walk(
      root,
      [&](xmlNode* n) {
        if (!IsElement(n)) return false;
        const std::string_view tag = Name(n);
        if (tag == "html") {
          meta.language.Offer(NormalizeLanguage(Attr(n, "lang")), 10);
          meta.language.Offer(NormalizeLanguage(Attr(n, "xml:lang")), 11);
        } else if (tag == "meta") {
          ReadMetaTag(n, meta);
        } else if (tag == "link") {
          const std::string rel = ToLower(Attr(n, "rel"));
          if (rel == "canonical") meta.url.Offer(Attr(n, "href"), 10);
        } else if (tag == "title") {
          if (meta.html_title.empty()) meta.html_title = TextOf(n);
          return false;
        } else if (tag == "h1") {
          if (meta.h1.empty()) meta.h1 = TextOf(n);
        } else if (tag == "time") {
          const std::string datetime = Attr(n, "datetime");
          const std::string cls = ToLower(Attr(n, "class") + " " + Attr(n, "itemprop"));
          const bool published = HasAttr(n, "pubdate") ||
                                 cls.find("publish") != std::string::npos ||
                                 cls.find("datecreated") != std::string::npos;
          meta.date.Offer(NormalizeDate(datetime), published ? 20 : 50);
          if (published) meta.date.Offer(NormalizeDate(TextOf(n)), 52);
        } else if (tag == "script") {
          if (ToLower(Attr(n, "type")) == "application/ld+json") {
            std::string text;
            for (xmlNode* c = n->children; c != nullptr; c = c->next) text += Content(c);
            nlohmann::json j = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false,
                                                     /*ignore_comments=*/true);
            if (j.is_discarded()) {
              // Raw line breaks inside strings are the commonest fault; JSON wants them escaped.
              for (char& c : text) {
                if (static_cast<unsigned char>(c) < 0x20) c = ' ';
              }
              j = nlohmann::json::parse(text, nullptr, false, true);
            }
            if (j.is_discarded()) {
              page.warnings.push_back(
                  MakeWarning(options.source_name, n->line, 0, "malformed JSON-LD ignored",
                              "the page's structured data could not be parsed as JSON"));
            } else {
              ReadJsonLd(j, meta, 0);
            }
          }
          return false;
        } else if (HasAttr(n, "itemprop")) {
          const std::string prop = ToLower(Attr(n, "itemprop"));
          if (prop == "datepublished") {
            std::string value = Attr(n, "content");
            if (value.empty()) value = Attr(n, "datetime");
            meta.date.Offer(NormalizeDate(value), 18);
          }
          meta.recipe_markup |=
              prop == "recipeingredient" || prop == "ingredients" || prop == "recipeinstructions";
        }
        return true;
      },
      [](xmlNode*) {});
  meta.title.Offer(StripSiteFromTitle(meta.html_title, meta.site_name.value), 50);
  meta.title.Offer(meta.h1, 60);
  page.site_name = meta.site_name.value;
  page.title = meta.site_name.value.empty() || meta.title.rank >= 50
                   ? meta.title.value
                   : StripSiteFromTitle(meta.title.value, meta.site_name.value);
  page.date = meta.date.value;
  page.author = meta.author.value;
  page.language = meta.language.value;
  page.url = meta.url.value;
  page.description = meta.description.value;
  PageEvidence evidence;
  evidence.ld_body = std::move(meta.ld_body);
  evidence.ingredients = std::move(meta.ingredients);
  evidence.steps = std::move(meta.steps);
  evidence.recipe_markup = meta.recipe_markup;
  evidence.description = page.description;
  return evidence;
}

}  // namespace parallax::internal
