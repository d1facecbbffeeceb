#include "corpus/html_extractor.h"

#include <libxml/HTMLparser.h>
#include <libxml/SAX2.h>
#include <libxml/encoding.h>
#include <libxml/globals.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/date.h"
#include "corpus/gzip.h"
#include "text/utf8.h"

namespace parallax {
namespace {

// ---------------------------------------------------------------------------------------------
// Small string helpers (ASCII case folding is enough for tag, attribute and class names).

char AsciiLower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

std::string ToLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = AsciiLower(c);
  return out;
}

bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.compare(0, prefix.size(), prefix) == 0;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Length of the Unicode whitespace character at s[i] (ASCII space, NBSP, the U+2000 block,
// narrow NBSP, ideographic space, zero-width space, BOM), or 0 when it is not one.
std::size_t SpaceLength(std::string_view s, std::size_t i) {
  const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  if (IsAsciiSpace(s[i])) return 1;
  if (b(i) == 0xC2 && i + 1 < s.size() && b(i + 1) == 0xA0) return 2;
  if (b(i) == 0xE2 && i + 2 < s.size() && b(i + 1) == 0x80 &&
      (b(i + 2) <= 0x8B || b(i + 2) == 0xAF)) {
    return 3;  // U+2000..U+200B, U+202F
  }
  if (b(i) == 0xE3 && i + 2 < s.size() && b(i + 1) == 0x80 && b(i + 2) == 0x80) return 3;
  if (b(i) == 0xEF && i + 2 < s.size() && b(i + 1) == 0xBB && b(i + 2) == 0xBF) return 3;
  return 0;
}

// Collapses every whitespace run to one ASCII space and trims both ends.
std::string CollapseSpace(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool pending = false;
  for (std::size_t i = 0; i < s.size();) {
    if (const std::size_t n = SpaceLength(s, i); n > 0) {
      pending = !out.empty();
      i += n;
      continue;
    }
    if (pending) out.push_back(' ');
    pending = false;
    out.push_back(s[i++]);
  }
  return out;
}

// Visible length of text: code points after whitespace collapsing (approximately: runs of
// whitespace count as one).
struct TextMeasure {
  int chars = 0;
  int commas = 0;
};

TextMeasure Measure(std::string_view s) {
  TextMeasure m;
  bool in_space = true;
  for (std::size_t i = 0; i < s.size();) {
    if (const std::size_t n = SpaceLength(s, i); n > 0) {
      if (!in_space) ++m.chars;
      in_space = true;
      i += n;
      continue;
    }
    in_space = false;
    const auto c = static_cast<unsigned char>(s[i]);
    if ((c & 0xC0) != 0x80) ++m.chars;
    if (c == ',') ++m.commas;
    // U+060C Arabic comma, U+FF0C fullwidth comma, U+3001 ideographic comma.
    if ((c == 0xD8 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x8C) ||
        (c == 0xEF && s.substr(i, 3) == "\xEF\xBC\x8C") ||
        (c == 0xE3 && s.substr(i, 3) == "\xE3\x80\x81")) {
      ++m.commas;
    }
    ++i;
  }
  return m;
}

// ---------------------------------------------------------------------------------------------
// libxml2 access.

std::string_view Name(const xmlNode* n) {
  return n->name != nullptr ? std::string_view(reinterpret_cast<const char*>(n->name))
                            : std::string_view();
}

bool IsElement(const xmlNode* n) { return n->type == XML_ELEMENT_NODE; }

bool Is(const xmlNode* n, std::string_view tag) { return IsElement(n) && Name(n) == tag; }

// Attribute value, "" when absent. (libxml2's HTML parser lower-cases attribute names.)
std::string Attr(const xmlNode* n, const char* name) {
  xmlChar* v = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
  if (v == nullptr) return "";
  std::string out(reinterpret_cast<const char*>(v));
  xmlFree(v);
  return out;
}

bool HasAttr(const xmlNode* n, const char* name) {
  return xmlHasProp(n, reinterpret_cast<const xmlChar*>(name)) != nullptr;
}

std::string_view Content(const xmlNode* n) {
  return n->content != nullptr ? std::string_view(reinterpret_cast<const char*>(n->content))
                               : std::string_view();
}

// Depth-first walk without recursion. `enter(node)` returns whether to descend into the
// node's children; `leave(node)` runs after the node's subtree (also when not descended).
template <typename Enter, typename Leave>
void Walk(xmlNode* root, Enter&& enter, Leave&& leave) {
  if (root == nullptr) return;
  xmlNode* n = root;
  for (;;) {
    if (enter(n) && n->children != nullptr) {
      n = n->children;
      continue;
    }
    leave(n);
    while (n != root && n->next == nullptr) {
      n = n->parent;
      leave(n);
    }
    if (n == root) return;
    n = n->next;
  }
}

// All text below `root`, whitespace collapsed (for metadata such as <title>).
std::string TextOf(xmlNode* root) {
  std::string raw;
  Walk(
      root,
      [&](xmlNode* n) {
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) raw += Content(n);
        if (n->type == XML_ELEMENT_NODE) raw += ' ';
        return n == root || IsElement(n);
      },
      [](xmlNode*) {});
  return CollapseSpace(raw);
}

struct DocDeleter {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};
using DocPtr = std::unique_ptr<xmlDoc, DocDeleter>;

// ---------------------------------------------------------------------------------------------
// Input sniffing: binary data, encoding.

// True when the start of `data` holds bytes no text file has (NUL, most C0 controls).
bool LooksBinary(std::string_view data) {
  const std::size_t n = std::min<std::size_t>(data.size(), 4096);
  std::size_t controls = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const auto c = static_cast<unsigned char>(data[i]);
    if (c == 0) return true;
    if (c < 0x20 && !IsAsciiSpace(static_cast<char>(c)) && c != 0x1b) ++controls;
  }
  return n > 0 && controls * 20 > n;  // more than 5% control characters
}

// Finds a declared charset in the first bytes: <meta charset=…>, <meta http-equiv
// content="…; charset=…">, or <?xml … encoding="…"?>. Returns "" when none.
std::string SniffDeclaredCharset(std::string_view data) {
  const std::string head = ToLower(data.substr(0, std::min<std::size_t>(data.size(), 8192)));
  auto read_value = [&](std::size_t pos) {
    while (pos < head.size() && (IsAsciiSpace(head[pos]) || head[pos] == '=')) ++pos;
    while (pos < head.size() && (head[pos] == '"' || head[pos] == '\'')) ++pos;
    std::string value;
    while (pos < head.size() && (IsAlpha(head[pos]) || IsDigit(head[pos]) || head[pos] == '-' ||
                                 head[pos] == '_' || head[pos] == ':' || head[pos] == '.')) {
      value += head[pos++];
    }
    return value;
  };
  if (StartsWith(head, "<?xml")) {
    const std::size_t end = head.find("?>");
    const std::size_t enc = head.find("encoding");
    if (enc != std::string::npos && enc < end) return read_value(enc + 8);
  }
  for (std::size_t pos = head.find("<meta"); pos != std::string::npos;
       pos = head.find("<meta", pos + 5)) {
    const std::size_t end = head.find('>', pos);
    if (end == std::string::npos) break;
    const std::size_t cs = head.find("charset", pos);
    if (cs != std::string::npos && cs < end) {
      std::string value = read_value(cs + 7);
      if (!value.empty()) return value;
    }
  }
  return "";
}

// The encoding to hand to libxml2, with a warning when the declared one is unknown.
std::string ChooseEncoding(std::string_view data, const HtmlExtractOptions& options,
                           Diagnostics& warnings) {
  if (!options.encoding.empty()) return options.encoding;
  if (StartsWith(data, "\xEF\xBB\xBF")) return "UTF-8";
  if (StartsWith(data, "\xFF\xFE")) return "UTF-16LE";
  if (StartsWith(data, "\xFE\xFF")) return "UTF-16BE";
  std::string declared = SniffDeclaredCharset(data);
  if (declared == "utf8") declared = "utf-8";
  if (declared == "iso-8859-1" || declared == "latin1" || declared == "us-ascii" ||
      declared == "ascii") {
    declared = "windows-1252";  // what browsers do (WHATWG Encoding Standard)
  }
  if (!declared.empty()) {
    xmlCharEncodingHandler* handler = xmlFindCharEncodingHandler(declared.c_str());
    if (handler != nullptr) {
      xmlCharEncCloseFunc(handler);
      return declared;
    }
    warnings.push_back(MakeWarning(options.source_name, 0, 0,
                                   "unknown character encoding '" + declared + "'",
                                   "reading the page as UTF-8"));
  }
  return IsValidUtf8(data.substr(0, std::min<std::size_t>(data.size(), 1 << 20))) ? "UTF-8"
                                                                                  : "windows-1252";
}

void IgnoreGenericError(void*, const char*, ...) {}
void IgnoreStructuredError(void*, xmlError*) {}

// libxml2 reports some problems (encoding conversion errors among them) through its per-thread
// generic error handler even with HTML_PARSE_NOERROR, which would print to stderr; the library
// never prints, so both handlers are silenced for the parse and restored after it.
class ScopedLibxmlSilence {
 public:
  ScopedLibxmlSilence()
      : generic_(xmlGenericError),
        generic_context_(xmlGenericErrorContext),
        structured_(xmlStructuredError),
        structured_context_(xmlStructuredErrorContext) {
    xmlSetGenericErrorFunc(nullptr, IgnoreGenericError);
    xmlSetStructuredErrorFunc(nullptr, IgnoreStructuredError);
  }
  ~ScopedLibxmlSilence() {
    xmlSetGenericErrorFunc(generic_context_, generic_);
    xmlSetStructuredErrorFunc(structured_context_, structured_);
  }
  ScopedLibxmlSilence(const ScopedLibxmlSilence&) = delete;
  ScopedLibxmlSilence& operator=(const ScopedLibxmlSilence&) = delete;

 private:
  xmlGenericErrorFunc generic_;
  void* generic_context_;
  xmlStructuredErrorFunc structured_;
  void* structured_context_;
};

// Keeps the tree at most `max_depth` elements deep. libxml2's HTML parser has its own fixed
// limit (256 open nodes without XML_PARSE_HUGE) past which it stops and silently drops the rest
// of the page; instead, elements deeper than `max_depth` get no node of their own, so their text
// lands in the deepest element kept, and the parse goes on to the end. libxml2 reports every
// element's end, implied or written, so the count stays balanced.
struct DepthGuard {
  startElementSAXFunc start = nullptr;
  endElementSAXFunc end = nullptr;
  std::size_t max_depth = kDefaultMaxDepth;
  std::size_t depth = 0;
  int first_line = 0;  // line of the first element past the limit; 0 when none was
};

void StartElementWithinDepth(void* ctx, const xmlChar* name, const xmlChar** attributes) {
  auto* ctxt = static_cast<htmlParserCtxtPtr>(ctx);
  auto* guard = static_cast<DepthGuard*>(ctxt->_private);
  if (++guard->depth > guard->max_depth) {
    if (guard->first_line == 0) guard->first_line = std::max(1, xmlSAX2GetLineNumber(ctx));
    return;
  }
  guard->start(ctx, name, attributes);
}

void EndElementWithinDepth(void* ctx, const xmlChar* name) {
  auto* ctxt = static_cast<htmlParserCtxtPtr>(ctx);
  auto* guard = static_cast<DepthGuard*>(ctxt->_private);
  const bool kept = guard->depth <= guard->max_depth;
  if (guard->depth > 0) --guard->depth;
  if (kept) guard->end(ctx, name);
}

// Parses `html`; `too_deep_line` gets the line of the first element nested deeper than
// `max_depth` (0 when none is).
DocPtr Parse(std::string_view html, const std::string& encoding, std::size_t max_depth,
             int* too_deep_line) {
  static std::once_flag init;
  std::call_once(init, [] { xmlInitParser(); });
  const ScopedLibxmlSilence silence;
  htmlParserCtxtPtr ctxt = htmlNewParserCtxt();
  if (ctxt == nullptr) return nullptr;
  DepthGuard guard;
  guard.start = ctxt->sax->startElement;
  guard.end = ctxt->sax->endElement;
  guard.max_depth = std::max<std::size_t>(max_depth, 1);
  ctxt->_private = &guard;
  ctxt->sax->startElement = StartElementWithinDepth;
  ctxt->sax->endElement = EndElementWithinDepth;
  // No HTML_PARSE_NOENT (no entity substitution from external sources). XML_PARSE_HUGE only
  // when the caller allows more depth than libxml2's own limit: the guard above bounds the
  // depth, the caller's --max-bytes the size.
  int options = HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_RECOVER |
                HTML_PARSE_COMPACT;
  if (guard.max_depth >= kLibxmlMaxDepth) options |= XML_PARSE_HUGE;
  const int size = static_cast<int>(std::min<std::size_t>(html.size(), INT32_MAX));
  xmlDoc* doc = htmlCtxtReadMemory(ctxt, html.data(), size, nullptr, encoding.c_str(), options);
  ctxt->_private = nullptr;
  htmlFreeParserCtxt(ctxt);
  if (too_deep_line != nullptr) *too_deep_line = guard.first_line;
  return DocPtr(doc);
}

// ---------------------------------------------------------------------------------------------
// Metadata.

// Parses the dates pages carry into YYYY-MM-DD: ISO 8601 (with time and zone), 2019/11/19,
// 19.11.2019, 20191119, "November 19, 2019", "19 Nov 2019", "Tue, 19 Nov 2019 10:00:00 GMT".
// Returns "" when no unambiguous date is found.
std::string NormalizeDate(std::string_view raw) {
  const std::string s = CollapseSpace(raw);
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

// "en_US" -> "en-US"; "EN" -> "en". Returns "" for things that are not language tags.
std::string NormalizeLanguage(std::string_view raw) {
  std::string s = CollapseSpace(raw);
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

// Metadata candidates in priority order (lower rank wins).
struct Ranked {
  std::string value;
  int rank = 1 << 30;
  void Offer(std::string v, int r) {
    v = CollapseSpace(v);
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
  std::string ld_body;  // JSON-LD articleBody, when present
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
      std::string name = CollapseSpace(JsonNames(item));
      if (name.empty() || out.find(name) != std::string::npos) continue;
      if (!out.empty()) out += ", ";
      out += name;
    }
    return out;
  }
  return "";
}

void ReadJsonLdObject(const nlohmann::json& obj, MetaCandidates& meta) {
  const auto type_it = obj.find("@type");
  const nlohmann::json type = type_it != obj.end() ? *type_it : nlohmann::json();
  auto get = [&](const char* key) -> const nlohmann::json& {
    static const nlohmann::json kNull;
    const auto it = obj.find(key);
    return it != obj.end() ? *it : kNull;
  };
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
    std::string byline = CollapseSpace(content);
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

void ReadMetadata(xmlDoc* doc, const HtmlExtractOptions& options, ExtractedPage& page,
                  std::string& ld_body) {
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
  ld_body = std::move(meta.ld_body);
}

// ---------------------------------------------------------------------------------------------
// Main text.

bool InSet(std::string_view tag, std::initializer_list<std::string_view> set) {
  return std::find(set.begin(), set.end(), tag) != set.end();
}

// Elements that never hold article text (or that hold only chrome in any page).
bool IsDroppedTag(std::string_view tag) {
  return InSet(tag, {"script", "style",      "noscript", "template", "iframe", "svg",    "canvas",
                     "object", "embed",      "video",    "audio",    "map",    "button", "select",
                     "input",  "textarea",   "option",   "datalist", "nav",    "aside",  "footer",
                     "figure", "figcaption", "picture",  "source",   "track",  "dialog", "menu",
                     "head",   "title",      "meta",     "link",     "base",   "label",  "math"});
}

// Elements that start a new paragraph.
bool IsBlockTag(std::string_view tag) {
  return InSet(
      tag,
      {"p",          "div",   "section", "article", "main",     "header",  "footer",  "aside",
       "nav",        "ul",    "ol",      "li",      "dl",       "dt",      "dd",      "blockquote",
       "pre",        "table", "thead",   "tbody",   "tfoot",    "tr",      "td",      "th",
       "caption",    "h1",    "h2",      "h3",      "h4",       "h5",      "h6",      "figure",
       "figcaption", "hr",    "address", "center",  "fieldset", "details", "summary", "form",
       "hgroup",     "body",  "html",    "legend",  "menu",     "dir"});
}

bool IsHeading(std::string_view tag) {
  return tag.size() == 2 && tag[0] == 'h' && tag[1] >= '1' && tag[1] <= '6';
}

// Lower-cased words of a class or id value: split at non-alphanumerics and camelCase humps.
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

// Words in class and id names that mark boilerplate. Long words match inside a token
// ("relatedarticles"), short ones only at its start ("navbar") or as the whole token.
// Strong words win over any content word in the same name ("related-articles",
// "share-text"); weak ones only when they come last ("post-meta" but not
// "widget-post-content", the content widget of a page builder).
constexpr std::array<std::string_view, 46> kStrongNegativeInside = {
    "comment", "footer",     "sidebar",    "related",  "share",     "sharing",    "social",
    "promo",   "newsletter", "subscri",    "cookie",   "caption",   "breadcrumb", "masthead",
    "banner",  "sponsor",    "popup",      "modal",    "outbrain",  "taboola",    "pagination",
    "pager",   "toolbar",    "trending",   "popular",  "recommend", "disqus",     "shoutbox",
    "advert",  "signup",     "login",      "byline",   "author",    "dateline",   "timestamp",
    "credit",  "copyright",  "disclaimer", "consent",  "gdpr",      "paywall",    "overlay",
    "tooltip", "rollover",   "noscript",   "nocontent"};
constexpr std::array<std::string_view, 7> kStrongNegativeStart = {"nav",  "menu",  "foot", "head",
                                                                  "tags", "combx", "rss"};
constexpr std::array<std::string_view, 6> kStrongNegativeWhole = {"ad",     "ads", "adv",
                                                                  "adslot", "tag", "popover"};
constexpr std::array<std::string_view, 13> kWeakNegativeWhole = {
    "widget", "bottom", "teaser", "meta", "date",  "extra",   "tool",
    "tools",  "hide",   "hidden", "skip", "print", "carousel"};
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
  return last != 0 ? last : weak_positive ? 1 : 0;
}

// Class/id weight: +25 for a content-like name, -25 for a boilerplate-like one, per attribute
// (an attribute with both kinds of class names counts both).
int ClassWeight(const xmlNode* n, bool* negative_only) {
  int weight = 0;
  bool any_negative = false, any_positive = false;
  for (const char* attr : {"class", "id"}) {
    const std::string value = Attr(n, attr);
    if (value.empty()) continue;
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
    if (neg) weight -= 25;
    if (pos) weight += 25;
    any_negative |= neg;
    any_positive |= pos;
  }
  if (negative_only != nullptr) *negative_only = any_negative && !any_positive;
  return weight;
}

bool IsHidden(const xmlNode* n) {
  if (HasAttr(n, "hidden")) return true;
  if (ToLower(Attr(n, "aria-hidden")) == "true") return true;
  std::string style = ToLower(Attr(n, "style"));
  style.erase(std::remove_if(style.begin(), style.end(), IsAsciiSpace), style.end());
  if (style.find("display:none") != std::string::npos ||
      style.find("visibility:hidden") != std::string::npos) {
    return true;
  }
  const std::vector<std::string> tokens = NameTokens(Attr(n, "class"));
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

// Per-element statistics, computed bottom-up in one pass.
struct NodeInfo {
  int text = 0;  // visible characters in the subtree
  int link = 0;  // of which inside <a>
  int commas = 0;
  int inline_text = 0;  // characters not inside a nested block element
  int inline_link = 0;
  int inline_commas = 0;
  int p = 0, img = 0, li = 0, li_text = 0, input = 0, embed = 0;
  int quote_text = 0;  // characters inside <blockquote>
  bool has_block = false;
  bool has_article = false;  // an <article>, <main> or itemprop=articleBody below or here
  int weight = 0;
  bool negative_only = false;
  double score = 0;
  bool candidate = false;
};

// Owns the statistics of one document; finds them through xmlNode::_private.
class Stats {
 public:
  void Compute(xmlNode* root) {
    order_.clear();
    Walk(
        root,
        [&](xmlNode* n) {
          if (!IsElement(n)) return false;
          order_.push_back(n);
          n->_private = reinterpret_cast<void*>(order_.size());
          return true;
        },
        [](xmlNode*) {});
    info_.assign(order_.size(), NodeInfo());
    for (std::size_t i = order_.size(); i-- > 0;) {
      xmlNode* n = order_[i];
      NodeInfo& me = info_[i];
      const std::string_view tag = Name(n);
      for (xmlNode* c = n->children; c != nullptr; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
          const TextMeasure m = Measure(Content(c));
          me.text += m.chars;
          me.commas += m.commas;
          me.inline_text += m.chars;
          me.inline_commas += m.commas;
        } else if (IsElement(c)) {
          const NodeInfo& ci = Get(c);
          const bool block = IsBlockTag(Name(c));
          me.text += ci.text;
          me.link += ci.link;
          me.commas += ci.commas;
          me.p += ci.p + (Name(c) == "p" ? 1 : 0);
          me.img += ci.img + (Name(c) == "img" ? 1 : 0);
          me.li += ci.li + (Name(c) == "li" ? 1 : 0);
          me.li_text += Name(c) == "li" ? ci.text : ci.li_text;
          me.quote_text += Name(c) == "blockquote" ? ci.text : ci.quote_text;
          me.input += ci.input;
          me.embed += ci.embed;
          me.has_block |= block || ci.has_block;
          me.has_article |= ci.has_article;
          if (!block) {
            me.inline_text += ci.inline_text;
            me.inline_link += ci.inline_link;
            me.inline_commas += ci.inline_commas;
          }
        }
      }
      if (tag == "a") {
        me.link = me.text;
        me.inline_link = me.inline_text;
      }
      if (tag == "article" || tag == "main" || ToLower(Attr(n, "itemprop")) == "articlebody") {
        me.has_article = true;
      }
      me.weight = ClassWeight(n, &me.negative_only);
    }
  }

  // The statistics of `n`; a blank record for nodes not seen by Compute.
  NodeInfo& Get(const xmlNode* n) {
    const auto index = reinterpret_cast<std::size_t>(n->_private);
    if (index == 0 || index > info_.size() || order_[index - 1] != n) {
      blank_ = NodeInfo();
      return blank_;
    }
    return info_[index - 1];
  }

  const std::vector<xmlNode*>& order() const { return order_; }

 private:
  std::vector<xmlNode*> order_;
  std::vector<NodeInfo> info_;
  NodeInfo blank_;
};

// A wrapper around a quotation (an embedded post or tweet) is content whatever its class says.
bool IsQuoteWrapper(const NodeInfo& i) { return i.text > 0 && i.quote_text >= 0.9 * i.text; }

double LinkDensity(const NodeInfo& i) {
  return i.text > 0 ? static_cast<double>(i.link) / i.text : 0.0;
}

void RemoveNodes(std::vector<xmlNode*>& nodes) {
  for (xmlNode* n : nodes) {
    xmlUnlinkNode(n);
    xmlFreeNode(n);
  }
  nodes.clear();
}

// Removes comments, never-content elements and hidden elements below `root`.
void DropChrome(xmlNode* root) {
  std::vector<xmlNode*> doomed;
  Walk(
      root,
      [&](xmlNode* n) {
        if (n->type == XML_COMMENT_NODE || n->type == XML_PI_NODE || n->type == XML_DTD_NODE) {
          doomed.push_back(n);
          return false;
        }
        if (!IsElement(n)) return false;
        if (n != root && (IsDroppedTag(Name(n)) || IsHidden(n) || IsChromeRole(n))) {
          doomed.push_back(n);
          return false;
        }
        return true;
      },
      [](xmlNode*) {});
  RemoveNodes(doomed);
}

// Removes elements whose class or id say boilerplate ("sidebar", "comments", "related"),
// unless they hold the article element itself.
void DropUnlikely(xmlNode* root, Stats& stats) {
  std::vector<xmlNode*> doomed;
  Walk(
      root,
      [&](xmlNode* n) {
        if (!IsElement(n)) return false;
        const std::string_view tag = Name(n);
        if (n == root || InSet(tag, {"html", "body", "article", "main", "a", "table", "tbody", "tr",
                                     "td", "th", "code", "pre"})) {
          return true;
        }
        const NodeInfo& info = stats.Get(n);
        if (info.negative_only && !info.has_article && !IsQuoteWrapper(info)) {
          doomed.push_back(n);
          return false;
        }
        return true;
      },
      [](xmlNode*) {});
  RemoveNodes(doomed);
}

struct Flags {
  bool strip_unlikely = true;
  bool weight_classes = true;
  bool clean_conditionally = true;
};

int TagWeight(std::string_view tag) {
  if (tag == "div" || tag == "article") return 5;
  if (tag == "pre" || tag == "td" || tag == "blockquote") return 3;
  if (InSet(tag, {"address", "ol", "ul", "dl", "dd", "dt", "li", "form"})) return -3;
  if (IsHeading(tag) || tag == "th") return -5;
  return 0;
}

// Readability-style scoring: every paragraph-like block gives points (1 + commas + length/100,
// capped) to its parent, half to its grandparent, less to further ancestors.
std::vector<xmlNode*> ScoreCandidates(xmlNode* root, Stats& stats, const Flags& flags) {
  std::vector<xmlNode*> candidates;
  auto init = [&](xmlNode* n) {
    NodeInfo& info = stats.Get(n);
    if (info.candidate) return;
    info.candidate = true;
    info.score = TagWeight(Name(n)) + (flags.weight_classes ? info.weight : 0);
    candidates.push_back(n);
  };
  for (xmlNode* n : stats.order()) {
    const std::string_view tag = Name(n);
    const NodeInfo& info = stats.Get(n);
    const bool paragraph_like = InSet(tag, {"p", "pre", "td"}) ||
                                (InSet(tag, {"div", "section", "article", "main", "blockquote",
                                             "center", "font", "span", "dd"}) &&
                                 info.inline_text >= 25);
    if (!paragraph_like || info.inline_text < 25) continue;
    if (n->parent == nullptr || !IsElement(n->parent)) continue;
    double score = 1 + info.inline_commas + std::min(info.inline_text / 100, 3);
    if (info.inline_text > 0) {
      score *= 1.0 - static_cast<double>(info.inline_link) / info.inline_text;
    }
    int level = 0;
    for (xmlNode* a = n->parent; a != nullptr && IsElement(a) && level < 5;
         a = a->parent, ++level) {
      if (a == root->parent) break;
      init(a);
      const double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
      stats.Get(a).score += score / divider;
    }
  }
  for (xmlNode* c : candidates) {
    NodeInfo& info = stats.Get(c);
    info.score *= 1.0 - LinkDensity(info);
  }
  return candidates;
}

xmlNode* ChooseTop(xmlNode* root, Stats& stats, std::vector<xmlNode*> candidates) {
  if (candidates.empty()) return root;
  std::stable_sort(candidates.begin(), candidates.end(),
                   [&](xmlNode* a, xmlNode* b) { return stats.Get(a).score > stats.Get(b).score; });
  xmlNode* top = candidates.front();
  const double top_score = stats.Get(top).score;
  if (top_score <= 0) return root;
  // Several near-equal candidates inside one ancestor: the ancestor is the article.
  std::vector<xmlNode*> alternatives;
  for (std::size_t i = 1; i < std::min<std::size_t>(candidates.size(), 5); ++i) {
    if (stats.Get(candidates[i]).score / top_score >= 0.75) alternatives.push_back(candidates[i]);
  }
  if (alternatives.size() >= 3) {
    for (xmlNode* a = top->parent; a != nullptr && IsElement(a) && a != root; a = a->parent) {
      int inside = 0;
      for (xmlNode* alt : alternatives) {
        for (xmlNode* p = alt; p != nullptr; p = p->parent) {
          if (p == a) {
            ++inside;
            break;
          }
        }
      }
      if (inside >= 3) {
        top = a;
        break;
      }
    }
  }
  // Climb while the parent scores better (the article is split into several blocks).
  double last = stats.Get(top).score;
  const double threshold = last / 3;
  for (xmlNode* p = top->parent; p != nullptr && IsElement(p) && p != root; p = p->parent) {
    const NodeInfo& pi = stats.Get(p);
    if (!pi.candidate) continue;
    if (pi.score < threshold) break;
    if (pi.score > last) {
      top = p;
      break;
    }
    last = pi.score;
  }
  // A wrapper with a single child adds nothing but may have siblings worth keeping.
  while (top->parent != nullptr && top->parent != root && IsElement(top->parent)) {
    int elements = 0;
    for (xmlNode* c = top->parent->children; c != nullptr; c = c->next) {
      if (IsElement(c)) ++elements;
    }
    if (elements != 1) break;
    top = top->parent;
  }
  return top;
}

// The top candidate plus those of its siblings that look like more of the article.
std::vector<xmlNode*> GatherSiblings(xmlNode* top, xmlNode* root, Stats& stats) {
  if (top == root || top->parent == nullptr) return {top};
  std::vector<xmlNode*> kept;
  const NodeInfo& ti = stats.Get(top);
  const double threshold = std::max(10.0, ti.score * 0.2);
  const std::string top_class = Attr(top, "class");
  for (xmlNode* s = top->parent->children; s != nullptr; s = s->next) {
    if (s == top) {
      kept.push_back(s);
      continue;
    }
    if (!IsElement(s)) continue;
    const NodeInfo& si = stats.Get(s);
    double bonus = 0;
    if (!top_class.empty() && Attr(s, "class") == top_class) bonus = ti.score * 0.2;
    if (si.candidate && si.score + bonus >= threshold) {
      kept.push_back(s);
    } else if (Name(s) == "p" || (InSet(Name(s), {"div", "section"}) && !si.has_block)) {
      const double density = LinkDensity(si);
      const std::string text = TextOf(s);
      if (si.text > 80 && density < 0.25) {
        kept.push_back(s);
      } else if (si.text > 0 && si.text <= 80 && density == 0 && !text.empty() &&
                 (EndsWith(text, ".") || EndsWith(text, "!") || EndsWith(text, "?"))) {
        kept.push_back(s);
      }
    }
  }
  return kept;
}

// Removes boilerplate inside the kept blocks: lists of links, share bars, boxes whose class
// says so, forms, embedded media wrappers, the page title.
// A pruned block is also taken out of `kept`.
void Prune(std::vector<xmlNode*>& kept, xmlNode* top, Stats& stats, const Flags& flags) {
  std::vector<xmlNode*> doomed;
  for (xmlNode* block : kept) {
    Walk(
        block,
        [&](xmlNode* n) {
          if (!IsElement(n)) return false;
          if (n == top) return true;
          const std::string_view tag = Name(n);
          const NodeInfo& info = stats.Get(n);
          if (tag == "h1") {
            doomed.push_back(n);
            return false;
          }
          if (IsHeading(tag)) {
            if ((flags.weight_classes && info.weight < 0) || LinkDensity(info) > 0.33) {
              doomed.push_back(n);
              return false;
            }
            return true;
          }
          // A short paragraph that is all link: "Read more: …", a related headline.
          if (flags.clean_conditionally && tag == "p" && info.text < 200 &&
              LinkDensity(info) >= 0.8) {
            doomed.push_back(n);
            return false;
          }
          if (!flags.clean_conditionally ||
              !InSet(tag, {"form", "fieldset", "table", "ul", "ol", "dl", "div", "section",
                           "header", "span"})) {
            return true;
          }
          const int weight = flags.weight_classes ? info.weight : 0;
          if (tag == "span" && !info.has_block) {
            // Inline: only a boilerplate name (a hover card, a share label) removes it.
            if (weight < 0 && !IsQuoteWrapper(info)) {
              doomed.push_back(n);
              return false;
            }
            return true;
          }
          const double score = info.candidate ? info.score : 0;
          if (IsQuoteWrapper(info)) return true;
          if (weight + score < 0) {
            doomed.push_back(n);
            return false;
          }
          if (info.commas >= 10) return true;
          const bool is_list =
              InSet(tag, {"ul", "ol", "dl"}) || (info.text > 0 && info.li_text > 0.9 * info.text);
          const double density = LinkDensity(info);
          const int li = info.li - 100;
          bool prune = false;
          if (info.img > 1 && static_cast<double>(info.p) / info.img < 0.5) prune = true;
          if (!is_list && li > info.p) prune = true;
          if (info.input > info.p / 3) prune = true;
          if (!is_list && info.text < 25 && (info.img == 0 || info.img > 2)) prune = true;
          if (!is_list && weight < 25 && density > 0.2) prune = true;
          if (weight >= 25 && density > 0.5) prune = true;
          if (is_list && density > 0.5) prune = true;
          if ((info.embed == 1 && info.text < 75) || info.embed > 1) prune = true;
          if (prune) {
            doomed.push_back(n);
            return false;
          }
          return true;
        },
        [](xmlNode*) {});
  }
  kept.erase(std::remove_if(kept.begin(), kept.end(),
                            [&](xmlNode* n) {
                              return std::find(doomed.begin(), doomed.end(), n) != doomed.end();
                            }),
             kept.end());
  RemoveNodes(doomed);
}

// Cuts the text below `roots` into paragraphs: one per block element, and at <br><br>.
class ParagraphBuilder {
 public:
  // With drop_link_paragraphs, a paragraph whose text is all link (a teaser card, "Also on
  // …", a related headline between paragraphs) is left out.
  ParagraphBuilder(std::vector<std::string>* out, bool drop_link_paragraphs)
      : out_(out), drop_link_paragraphs_(drop_link_paragraphs) {}

  void Add(xmlNode* root) {
    Walk(
        root,
        [&](xmlNode* n) {
          if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
            Text(Content(n));
            return false;
          }
          if (!IsElement(n)) return false;
          const std::string_view tag = Name(n);
          if (IsDroppedTag(tag)) return false;
          if (tag == "br") {
            if (breaks_ > 0) {
              Flush();
            } else {
              pending_space_ = !current_.empty();
            }
            ++breaks_;
            return false;
          }
          if (IsBlockTag(tag)) Flush();
          if (tag == "pre") ++pre_depth_;
          if (tag == "a") ++link_depth_;
          return true;
        },
        [&](xmlNode* n) {
          if (!IsElement(n)) return;
          if (IsBlockTag(Name(n))) Flush();
          if (Name(n) == "pre") --pre_depth_;
          if (Name(n) == "a") --link_depth_;
        });
    Flush();
  }

 private:
  void Text(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
      if (const std::size_t n = SpaceLength(s, i); n > 0) {
        if (pre_depth_ > 0 && s[i] == '\n' && !current_.empty()) {
          current_ += '\n';
          pending_space_ = false;
        } else {
          pending_space_ = !current_.empty();
        }
        i += n;
        continue;
      }
      if (pending_space_ && !current_.empty() && current_.back() != '\n') current_ += ' ';
      pending_space_ = false;
      breaks_ = 0;
      if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
        ++chars_;
        if (link_depth_ > 0) ++link_chars_;
      }
      current_ += s[i++];
    }
  }

  void Flush() {
    while (!current_.empty() && (current_.back() == '\n' || current_.back() == ' ')) {
      current_.pop_back();
    }
    const bool all_link = drop_link_paragraphs_ && chars_ > 0 && link_chars_ >= 0.9 * chars_;
    if (!current_.empty() && !all_link) out_->push_back(std::move(current_));
    current_.clear();
    chars_ = link_chars_ = 0;
    pending_space_ = false;
    breaks_ = 0;
  }

  std::vector<std::string>* out_;
  bool drop_link_paragraphs_;
  std::string current_;
  int chars_ = 0;       // characters in current_ (code points, spaces excluded)
  int link_chars_ = 0;  // of which inside <a>
  int link_depth_ = 0;
  bool pending_space_ = false;
  int breaks_ = 0;
  int pre_depth_ = 0;
};

xmlNode* FindBody(xmlDoc* doc) {
  xmlNode* root = xmlDocGetRootElement(doc);
  if (root == nullptr) return nullptr;
  for (xmlNode* c = root->children; c != nullptr; c = c->next) {
    if (Is(c, "body")) return c;
  }
  return root;
}

std::size_t TotalSize(const std::vector<std::string>& paragraphs) {
  std::size_t total = 0;
  for (const std::string& p : paragraphs) total += p.size();
  return total;
}

// One extraction attempt on a freshly parsed document.
std::vector<std::string> ExtractMainText(xmlDoc* doc, const Flags& flags) {
  std::vector<std::string> paragraphs;
  xmlNode* body = FindBody(doc);
  if (body == nullptr) return paragraphs;
  DropChrome(body);
  Stats stats;
  if (flags.strip_unlikely) {
    stats.Compute(body);
    DropUnlikely(body, stats);
  }
  stats.Compute(body);
  std::vector<xmlNode*> candidates = ScoreCandidates(body, stats, flags);
  xmlNode* top = ChooseTop(body, stats, std::move(candidates));
  std::vector<xmlNode*> kept = GatherSiblings(top, body, stats);
  Prune(kept, top, stats, flags);
  ParagraphBuilder builder(&paragraphs, flags.clean_conditionally);
  for (xmlNode* n : kept) builder.Add(n);
  return paragraphs;
}

}  // namespace

bool LooksLikeHtml(std::string_view data) {
  if (LooksGzipped(data) || LooksBinary(data)) return false;
  std::size_t i = 0;
  if (StartsWith(data, "\xEF\xBB\xBF")) i = 3;
  while (i < data.size() && IsAsciiSpace(data[i])) ++i;
  if (i >= data.size() || data[i] != '<') return false;
  const std::string head = ToLower(data.substr(i, 2048));
  for (std::string_view marker : {"<!doctype html", "<html", "<head", "<body", "<meta", "<title",
                                  "<div", "<p>", "<p ", "<article", "<!--", "<?xml"}) {
    if (head.find(marker) != std::string::npos) return true;
  }
  return false;
}

namespace {

// libxml2 does not always stop at bytes its decoder cannot convert (a declared "UCS-4" that is
// not, a broken multi-byte sequence in a legacy encoding): what it leaves in the tree is not
// always UTF-8. Every string of the result becomes valid UTF-8 here, malformed sequences and
// NULs U+FFFD, with one warning when anything had to change.
void EnsureValidUtf8(ExtractedPage& page, const std::string& encoding,
                     const HtmlExtractOptions& options) {
  bool changed = false;
  auto fix = [&](std::string& s) {
    if (IsValidUtf8(s) && s.find('\0') == std::string::npos) return;
    s = ToValidUtf8(s, options.source_name, nullptr);
    changed = true;
  };
  for (std::string* s : {&page.title, &page.date, &page.author, &page.site_name, &page.language,
                         &page.url, &page.description}) {
    fix(*s);
  }
  for (std::string& p : page.paragraphs) fix(p);
  if (changed) {
    page.warnings.push_back(MakeWarning(
        options.source_name, 0, 0,
        "the page is not valid " + encoding + "; what could not be decoded became U+FFFD",
        "check the character set the page declares (<meta charset>)"));
  }
}

}  // namespace

ExtractedPage ExtractHtml(std::string_view input, const HtmlExtractOptions& options) {
  ExtractedPage page;
  std::string decompressed;
  if (LooksGzipped(input)) {
    decompressed = Gunzip(input, options.source_name, options.max_decompressed_bytes);
    input = decompressed;
  }
  const bool utf16 = StartsWith(input, "\xFF\xFE") || StartsWith(input, "\xFE\xFF");
  if (!utf16 && LooksBinary(input)) {
    throw InputError(
        MakeError(options.source_name, 0, 0,
                  "binary data, not an HTML page (NUL or control bytes near the start)",
                  "check that the file is a saved web page; images and PDFs cannot "
                  "be read as HTML"));
  }
  const std::string encoding = ChooseEncoding(input, options, page.warnings);
  // libxml2 passes malformed UTF-8 through into the tree; like every other text that enters the
  // pipeline, it becomes U+FFFD here, with a warning naming line and column (NULs too).
  std::string sanitized;
  if ((ToLower(encoding) == "utf-8" || ToLower(encoding) == "utf8") &&
      (!IsValidUtf8(input) || input.find('\0') != std::string_view::npos)) {
    sanitized = ToValidUtf8(input, options.source_name, &page.warnings);
    input = sanitized;
  }
  int too_deep_line = 0;
  DocPtr doc = Parse(input, encoding, options.max_depth, &too_deep_line);
  if (too_deep_line > 0) {
    page.warnings.push_back(
        MakeWarning(options.source_name, too_deep_line, 0,
                    "elements are nested more than " + std::to_string(options.max_depth) +
                        " levels deep; the deeper tags were ignored and their text kept",
                    "raise the limit with --max-depth if the page really nests that deep"));
  }
  if (doc == nullptr || xmlDocGetRootElement(doc.get()) == nullptr) {
    if (CollapseSpace(input).empty()) return page;
    page.warnings.push_back(
        MakeWarning(options.source_name, 0, 0, "no HTML content could be parsed from the input"));
    return page;
  }
  if (options.fragment) {
    xmlNode* body = FindBody(doc.get());
    DropChrome(body);
    ParagraphBuilder builder(&page.paragraphs, /*drop_link_paragraphs=*/false);
    builder.Add(body);
    EnsureValidUtf8(page, encoding, options);
    return page;
  }
  std::string ld_body;
  ReadMetadata(doc.get(), options, page, ld_body);
  // Readability's fallback ladder: relax the rules when the strict pass finds too little.
  constexpr std::size_t kEnoughText = 500;
  const std::array<Flags, 4> ladder = {
      {{true, true, true}, {false, true, true}, {false, false, true}, {false, false, false}}};
  std::vector<std::vector<std::string>> attempts;
  for (std::size_t attempt = 0; attempt < ladder.size(); ++attempt) {
    if (attempt > 0) doc = Parse(input, encoding, options.max_depth, nullptr);
    if (doc == nullptr) break;
    attempts.push_back(ExtractMainText(doc.get(), ladder[attempt]));
    if (TotalSize(attempts.back()) >= kEnoughText) break;
  }
  // When no attempt reached kEnoughText (a short page), prefer the strictest attempt that
  // found most of what the most lenient one did: leniency mostly adds chrome.
  std::size_t longest = 0;
  for (const auto& a : attempts) longest = std::max(longest, TotalSize(a));
  std::vector<std::string> best;
  for (auto& a : attempts) {
    if (TotalSize(a) >= kEnoughText || 10 * TotalSize(a) >= 6 * longest) {
      best = std::move(a);
      break;
    }
  }
  // Pages rendered by JavaScript may carry the text only in their JSON-LD articleBody.
  if (TotalSize(best) < kEnoughText && ld_body.size() > 2 * TotalSize(best)) {
    std::vector<std::string> from_ld;
    std::size_t start = 0;
    while (start <= ld_body.size()) {
      std::size_t end = ld_body.find('\n', start);
      if (end == std::string::npos) end = ld_body.size();
      std::string paragraph = CollapseSpace(std::string_view(ld_body).substr(start, end - start));
      if (!paragraph.empty()) from_ld.push_back(std::move(paragraph));
      start = end + 1;
    }
    if (TotalSize(from_ld) > 2 * TotalSize(best)) best = std::move(from_ld);
  }
  page.paragraphs = std::move(best);
  if (page.paragraphs.empty()) {
    page.warnings.push_back(MakeWarning(options.source_name, 0, 0, "no article text found",
                                        "the page may be empty or built by JavaScript"));
  }
  EnsureValidUtf8(page, encoding, options);
  return page;
}

}  // namespace parallax
