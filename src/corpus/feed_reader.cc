#include "corpus/feed_reader.h"

#include <libxml/SAX2.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/uri.h>
#include <libxml/xmlerror.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <utility>

#include "corpus/gzip.h"
#include "corpus/html_extractor.h"
#include "corpus/xml_util.h"
#include "text/utf8.h"
#include "text/whitespace.h"

namespace parallax {
namespace {

constexpr const char* kAtomNs = "http://www.w3.org/2005/Atom";
constexpr const char* kDcNs = "http://purl.org/dc/elements/1.1/";
constexpr const char* kContentNs = "http://purl.org/rss/1.0/modules/content/";
constexpr int kMaxXmlErrors = 5;

// ---------------------------------------------------------------------------------------------
// Small string helpers.

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

std::string ToLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = Lower(c);
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

bool StartsWithNoCase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (Lower(s[i]) != Lower(prefix[i])) return false;
  }
  return true;
}

std::string HostOf(std::string_view url) {
  url = Trim(url);
  const std::size_t scheme = url.find("://");
  if (scheme != std::string_view::npos) url.remove_prefix(scheme + 3);
  const std::size_t end = url.find_first_of("/?#:");
  if (end != std::string_view::npos) url = url.substr(0, end);
  return ToLower(url);
}

bool IsHttpUrl(std::string_view s) {
  s = Trim(s);
  return StartsWithNoCase(s, "http://") || StartsWithNoCase(s, "https://");
}

std::uint64_t Fnv1a(std::string_view s) {
  std::uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

// True when text taken from a feed element is HTML to be rendered rather than plain text: it has
// a tag or an entity reference.
bool LooksHtmlish(std::string_view s) {
  for (std::size_t i = 0; i + 1 < s.size(); ++i) {
    if (s[i] == '<' && (IsAlpha(s[i + 1]) || s[i + 1] == '/' || s[i + 1] == '!')) return true;
    if (s[i] == '&') {
      std::size_t j = i + 1;
      if (j < s.size() && s[j] == '#') ++j;
      const std::size_t start = j;
      while (j < s.size() && j - start < 32 && (IsAlpha(s[j]) || IsDigit(s[j]))) ++j;
      if (j > start && j < s.size() && s[j] == ';') return true;
    }
  }
  return false;
}

std::vector<std::string> PlainParagraphs(std::string_view text) {
  std::vector<std::string> out;
  std::string current;
  auto flush = [&] {
    std::string p = CollapseSpace(current);
    if (!p.empty()) out.push_back(std::move(p));
    current.clear();
  };
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(start, end - start);
    if (Trim(line).empty()) {
      flush();
    } else {
      current.append(line);
      current += '\n';
    }
    start = end + 1;
  }
  flush();
  return out;
}

std::string Join(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (const std::string& p : parts) {
    if (p.empty()) continue;
    if (!out.empty()) out += sep;
    out += p;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Dates.

int MonthFromName(std::string_view name) {
  static constexpr std::array<std::string_view, 12> kMonths = {
      "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
  static constexpr std::array<std::string_view, 12> kFull = {
      "january", "february", "march",     "april",   "may",      "june",
      "july",    "august",   "september", "october", "november", "december"};
  const std::string lower = ToLower(name);
  for (std::size_t i = 0; i < kMonths.size(); ++i) {
    if (lower == kMonths[i] || lower == kFull[i] || (i == 8 && lower == "sept")) {
      return static_cast<int>(i) + 1;
    }
  }
  return 0;
}

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return IsDigit(c); });
}

// "10:15", "10:15:00", "10:15:00.123".
bool IsClock(std::string_view s) {
  int groups = 0;
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t j = i;
    while (j < s.size() && IsDigit(s[j])) ++j;
    if (j == i || j - i > 2) return false;
    ++groups;
    if (j == s.size()) break;
    if (s[j] == '.' && groups == 3) return AllDigits(s.substr(j + 1));
    if (s[j] != ':') return false;
    i = j + 1;
    if (i == s.size()) return false;
  }
  return groups == 2 || groups == 3;
}

bool IsZone(std::string_view s) {
  if ((s[0] == '+' || s[0] == '-') && s.size() >= 3) {
    std::string digits;
    for (char c : s.substr(1)) {
      if (c != ':') digits += c;
    }
    return AllDigits(digits) && (digits.size() == 4 || digits.size() == 2);
  }
  if (s.size() > 5) return false;
  return std::all_of(s.begin(), s.end(), [](char c) { return IsAlpha(c); });
}

std::optional<Date> ParseRfc822(std::string_view text) {
  std::vector<std::string_view> tokens;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && (IsSpace(text[i]) || text[i] == ',')) ++i;
    std::size_t j = i;
    while (j < text.size() && !IsSpace(text[j]) && text[j] != ',') ++j;
    if (j > i) tokens.push_back(text.substr(i, j - i));
    i = j;
  }
  std::size_t t = 0;
  // Optional weekday ("Sun", "Sunday").
  if (t < tokens.size() && !tokens[t].empty() && IsAlpha(tokens[t][0]) &&
      MonthFromName(tokens[t]) == 0) {
    ++t;
  }
  if (tokens.size() < t + 3) return std::nullopt;
  // "23 Apr 2023" (RFC 822) or "23-Apr-2023".
  if (!AllDigits(tokens[t]) || tokens[t].size() > 2) return std::nullopt;
  const int day = std::stoi(std::string(tokens[t]));
  const int month = MonthFromName(tokens[t + 1]);
  if (month == 0) return std::nullopt;
  const std::string_view year_text = tokens[t + 2];
  if (!AllDigits(year_text) || (year_text.size() != 2 && year_text.size() != 4)) {
    return std::nullopt;
  }
  int year = std::stoi(std::string(year_text));
  if (year_text.size() == 2) year += year < 50 ? 2000 : 1900;
  std::size_t rest = t + 3;
  if (rest < tokens.size()) {
    if (!IsClock(tokens[rest])) return std::nullopt;
    ++rest;
  }
  if (rest < tokens.size()) {
    if (!IsZone(tokens[rest])) return std::nullopt;
    ++rest;
  }
  if (rest != tokens.size()) return std::nullopt;
  Date d{year, month, day};
  if (!d.valid()) return std::nullopt;
  return d;
}

std::optional<Date> ParseIso8601(std::string_view text) {
  if (text.size() == 7) return ParseIsoDate(text);  // "2023-04"
  if (text.size() < 10) return std::nullopt;
  const std::optional<Date> day = ParseIsoDate(text.substr(0, 10));
  if (!day || day->month_only()) return std::nullopt;
  std::string_view rest = text.substr(10);
  if (rest.empty()) return day;
  if (rest[0] != 'T' && rest[0] != 't' && rest[0] != ' ') return std::nullopt;
  rest.remove_prefix(1);
  rest = Trim(rest);
  // The clock, then an optional zone: "Z", "+04:00", "+0400", " UTC".
  std::size_t clock_end = 0;
  while (clock_end < rest.size() && (IsDigit(rest[clock_end]) || rest[clock_end] == ':' ||
                                     rest[clock_end] == '.' || rest[clock_end] == ',')) {
    ++clock_end;
  }
  std::string clock(rest.substr(0, clock_end));
  std::replace(clock.begin(), clock.end(), ',', '.');
  if (!IsClock(clock)) return std::nullopt;
  const std::string_view zone = Trim(rest.substr(clock_end));
  if (!zone.empty() && !IsZone(zone)) return std::nullopt;
  return day;
}

// ---------------------------------------------------------------------------------------------
// Safe XML parsing: entity declarations are recorded and replaced by empty ones.

struct ParseState {
  const std::string* path = nullptr;
  Diagnostics* diagnostics = nullptr;
  std::vector<std::string> declared_entities;
  bool external_entity = false;
  int doctype_line = 0;
  int first_error_line = 0;  // first error that damages the structure (0: none)
  int error_count = 0;
  std::set<std::string> undeclared;
  // Element depth: the parse stops with an error at the first element deeper than max_depth.
  std::size_t max_depth = kDefaultMaxDepth;
  std::size_t depth = 0;
  startElementNsSAX2Func start_element = nullptr;
  endElementNsSAX2Func end_element = nullptr;
};

ParseState* StateOf(void* ctx) {
  return static_cast<ParseState*>(static_cast<xmlParserCtxtPtr>(ctx)->_private);
}

void NoteEntity(void* ctx, const xmlChar* name, bool external) {
  ParseState* state = StateOf(ctx);
  const auto* ctxt = static_cast<xmlParserCtxtPtr>(ctx);
  if (state->doctype_line == 0) state->doctype_line = ctxt->input ? ctxt->input->line : 1;
  if (state->declared_entities.size() < 1000) {
    state->declared_entities.emplace_back(reinterpret_cast<const char*>(name));
  }
  state->external_entity = state->external_entity || external;
}

void NeutralEntityDecl(void* ctx, const xmlChar* name, int type, const xmlChar* public_id,
                       const xmlChar* system_id, xmlChar* /*content*/) {
  NoteEntity(ctx, name, public_id != nullptr || system_id != nullptr);
  static xmlChar empty[] = "";
  const bool parameter =
      type == XML_INTERNAL_PARAMETER_ENTITY || type == XML_EXTERNAL_PARAMETER_ENTITY;
  xmlSAX2EntityDecl(ctx, name,
                    parameter ? XML_INTERNAL_PARAMETER_ENTITY : XML_INTERNAL_GENERAL_ENTITY,
                    nullptr, nullptr, empty);
}

void IgnoreUnparsedEntityDecl(void* ctx, const xmlChar* name, const xmlChar* /*public_id*/,
                              const xmlChar* /*system_id*/, const xmlChar* /*notation*/) {
  NoteEntity(ctx, name, true);
}

void StartElementWithinDepth(void* ctx, const xmlChar* localname, const xmlChar* prefix,
                             const xmlChar* uri, int nb_namespaces, const xmlChar** namespaces,
                             int nb_attributes, int nb_defaulted, const xmlChar** attributes) {
  ParseState* state = StateOf(ctx);
  if (++state->depth > state->max_depth) {
    const int line = std::max(1, xmlSAX2GetLineNumber(ctx));
    if (state->first_error_line == 0) state->first_error_line = line;
    if (++state->error_count == 1) {
      state->diagnostics->push_back(
          MakeError(*state->path, line, 0,
                    "elements are nested more than " + std::to_string(state->max_depth) +
                        " levels deep; the feed is not read past this point",
                    "raise the limit with --max-depth if the feed really nests that deep"));
    }
    xmlStopParser(static_cast<xmlParserCtxtPtr>(ctx));
    return;
  }
  state->start_element(ctx, localname, prefix, uri, nb_namespaces, namespaces, nb_attributes,
                       nb_defaulted, attributes);
}

void EndElementWithinDepth(void* ctx, const xmlChar* localname, const xmlChar* prefix,
                           const xmlChar* uri) {
  ParseState* state = StateOf(ctx);
  if (state->depth > 0) --state->depth;
  state->end_element(ctx, localname, prefix, uri);
}

// libxml2 recovers from a byte its decoder cannot read (in recovery mode it may switch the rest
// of the feed to Latin-1 or keep the byte), so an item's text is not always UTF-8: every field
// becomes valid UTF-8 (U+FFFD, NULs too). False when anything had to change.
bool MakeTextValid(Article& a) {
  bool valid = true;
  for (std::string* s :
       {&a.id, &a.title, &a.outlet, &a.language, &a.genre, &a.url, &a.author, &a.event, &a.body}) {
    if (IsValidUtf8(*s) && s->find('\0') == std::string::npos) continue;
    *s = ToValidUtf8(*s, "", nullptr);
    valid = false;
  }
  return valid;
}

// Receives every libxml2 error of this thread while a feed is parsed (parser errors and the
// encoding module's, which would otherwise be printed to stderr). `data` is the ParseState.
void CollectXmlError(void* data, xmlErrorPtr error) {
  if (error == nullptr || error->level == XML_ERR_NONE || error->level == XML_ERR_WARNING) return;
  auto* state = static_cast<ParseState*>(data);
  std::string message = error->message ? error->message : "XML error";
  while (!message.empty() && IsSpace(message.back())) message.pop_back();
  if (error->code == XML_ERR_UNDECLARED_ENTITY || error->code == XML_WAR_UNDECLARED_ENTITY) {
    // An HTML entity name (&nbsp;) used without a declaration: the reference is not expanded, the
    // tree is intact, so this does not cost any item.
    std::string name = error->str1 ? error->str1 : "";
    if (state->undeclared.insert(name).second && state->undeclared.size() <= kMaxXmlErrors) {
      state->diagnostics->push_back(
          MakeWarning(*state->path, error->line, error->int2,
                      "entity '&" + name + ";' is not declared; it is not expanded",
                      "feeds must use numeric references such as &#160; for HTML entities"));
    }
    return;
  }
  if (state->first_error_line == 0) state->first_error_line = std::max(1, error->line);
  // Only the first structural error is reported: libxml2's recovery makes the later ones
  // consequences of it (each unclosed element is "mismatched" again at its parent's end).
  if (++state->error_count == 1) {
    state->diagnostics->push_back(MakeError(*state->path, error->line, error->int2,
                                            "malformed XML: " + message,
                                            "the feed must be well-formed XML"));
  }
}

struct DocDeleter {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};
using DocPtr = std::unique_ptr<xmlDoc, DocDeleter>;

DocPtr ParseFeedXml(std::string_view xml, ParseState& state) {
  if (xml.size() > static_cast<std::size_t>(INT32_MAX)) {
    state.diagnostics->push_back(MakeError(*state.path, 0, 0, "the feed is larger than 2 GiB"));
    state.first_error_line = 1;
    return nullptr;
  }
  static std::once_flag init;
  std::call_once(init, [] { xmlInitParser(); });
  xmlParserCtxtPtr ctxt = xmlCreateMemoryParserCtxt(xml.data(), static_cast<int>(xml.size()));
  if (ctxt == nullptr) {
    state.diagnostics->push_back(MakeError(*state.path, 0, 0, "cannot create the XML parser"));
    state.first_error_line = 1;
    return nullptr;
  }
  // No XML_PARSE_NOENT (entities are not substituted), no XML_PARSE_DTDLOAD/DTDATTR/DTDVALID
  // (no external subset is read). XML_PARSE_HUGE (which lifts libxml2's own depth limit of 256
  // and its size limits) only when the caller allows deeper nesting than that: the depth guard
  // then bounds the depth, the caller's --max-bytes the size.
  int options = XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_RECOVER | XML_PARSE_NOWARNING |
                XML_PARSE_BIG_LINES;
  if (state.max_depth >= kLibxmlMaxDepth) options |= XML_PARSE_HUGE;
  xmlCtxtUseOptions(ctxt, options);
  ctxt->_private = &state;
  state.start_element = ctxt->sax->startElementNs;
  state.end_element = ctxt->sax->endElementNs;
  ctxt->sax->startElementNs = StartElementWithinDepth;
  ctxt->sax->endElementNs = EndElementWithinDepth;
  ctxt->sax->entityDecl = NeutralEntityDecl;
  ctxt->sax->unparsedEntityDecl = IgnoreUnparsedEntityDecl;
  ctxt->sax->error = nullptr;
  ctxt->sax->warning = nullptr;
  ctxt->vctxt.error = nullptr;
  ctxt->vctxt.warning = nullptr;
  // libxml2 2.9 keeps the structured error handler per thread: set it for this parse only.
  const xmlStructuredErrorFunc previous_handler = xmlStructuredError;
  void* const previous_context = xmlStructuredErrorContext;
  xmlSetStructuredErrorFunc(&state, CollectXmlError);
  xmlParseDocument(ctxt);
  xmlSetStructuredErrorFunc(previous_context, previous_handler);
  DocPtr doc(ctxt->myDoc);
  ctxt->myDoc = nullptr;
  if (!ctxt->wellFormed && state.first_error_line == 0 && state.undeclared.empty()) {
    state.first_error_line = 1;
  }
  xmlFreeParserCtxt(ctxt);
  return doc;
}

// ---------------------------------------------------------------------------------------------
// Tree access.

bool IsElement(const xmlNode* n) { return n != nullptr && n->type == XML_ELEMENT_NODE; }

std::string_view LocalName(const xmlNode* n) { return reinterpret_cast<const char*>(n->name); }

std::string_view NsOf(const xmlNode* n) {
  return (n->ns && n->ns->href) ? reinterpret_cast<const char*>(n->ns->href) : "";
}

// Element named `local`; in namespace `ns` when given.
bool Is(const xmlNode* n, std::string_view local, const char* ns = nullptr) {
  return IsElement(n) && LocalName(n) == local && (ns == nullptr || NsOf(n) == ns);
}

std::vector<const xmlNode*> Children(const xmlNode* parent, std::string_view local,
                                     const char* ns = nullptr) {
  std::vector<const xmlNode*> out;
  for (const xmlNode* c = parent ? parent->children : nullptr; c != nullptr; c = c->next) {
    if (Is(c, local, ns)) out.push_back(c);
  }
  return out;
}

const xmlNode* Child(const xmlNode* parent, std::string_view local, const char* ns = nullptr) {
  for (const xmlNode* c = parent ? parent->children : nullptr; c != nullptr; c = c->next) {
    if (Is(c, local, ns)) return c;
  }
  return nullptr;
}

std::string Attr(const xmlNode* n, const char* name) {
  xmlChar* v = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
  if (v == nullptr) return "";
  std::string s(reinterpret_cast<const char*>(v));
  xmlFree(v);
  return s;
}

int LineOf(const xmlNode* n) { return n ? static_cast<int>(xmlGetLineNo(n)) : 0; }

// Text of `n` and its descendants. Entity references are never expanded: they stay as the
// literal "&name;" (xmlNodeGetContent would expand them).
void AppendText(const xmlNode* n, std::string& out, int depth) {
  for (const xmlNode* c = n->children; c != nullptr; c = c->next) {
    switch (c->type) {
      case XML_TEXT_NODE:
      case XML_CDATA_SECTION_NODE:
        if (c->content) out += reinterpret_cast<const char*>(c->content);
        break;
      case XML_ENTITY_REF_NODE:
        out += '&';
        out += reinterpret_cast<const char*>(c->name);
        out += ';';
        break;
      case XML_ELEMENT_NODE:
        if (depth < 512) AppendText(c, out, depth + 1);
        break;
      default:
        break;
    }
  }
}

std::string TextOf(const xmlNode* n) {
  if (n == nullptr) return "";
  std::string out;
  AppendText(n, out, 0);
  return out;
}

bool HasElementChild(const xmlNode* n) {
  for (const xmlNode* c = n->children; c != nullptr; c = c->next) {
    if (IsElement(c)) return true;
  }
  return false;
}

// The children of `n` serialised as markup (for Atom type="xhtml" and for descriptions whose
// HTML was written unescaped). Entity references are written as references, not expanded.
std::string InnerMarkup(const xmlNode* n) {
  std::string out;
  xmlBufferPtr buf = xmlBufferCreate();
  if (buf == nullptr) return TextOf(n);
  for (xmlNode* c = n->children; c != nullptr; c = c->next) {
    xmlBufferEmpty(buf);
    if (xmlNodeDump(buf, n->doc, c, 0, 0) >= 0) {
      out.append(reinterpret_cast<const char*>(xmlBufferContent(buf)),
                 static_cast<std::size_t>(xmlBufferLength(buf)));
    }
  }
  xmlBufferFree(buf);
  return out;
}

std::string LangOf(const xmlNode* n) {
  xmlChar* lang = xmlNodeGetLang(n);
  if (lang == nullptr) return "";
  std::string s(reinterpret_cast<const char*>(lang));
  xmlFree(lang);
  return NormalizeLanguageTag(s);
}

// ---------------------------------------------------------------------------------------------
// Items.

enum class FeedKind { kRss, kAtom };

struct FeedInfo {
  FeedKind kind = FeedKind::kRss;
  std::string link;      // the site the feed belongs to
  std::string language;  // channel language
  std::string author;    // Atom feed-level author (applies to entries without one)
};

struct ItemContext {
  const std::string& path;
  const OutletsFile* outlets;
  const FeedInfo& feed;
  Diagnostics& diagnostics;
  std::size_t max_depth;
};

// HTML or text of a content-bearing element, and whether it is HTML.
struct Content {
  std::string text;
  bool html = false;
  const xmlNode* node = nullptr;
};

Content RssContent(const xmlNode* n, bool always_html) {
  Content c;
  c.node = n;
  if (HasElementChild(n)) {
    c.text = InnerMarkup(n);
    c.html = true;
  } else {
    c.text = TextOf(n);
    c.html = always_html || LooksHtmlish(c.text);
  }
  return c;
}

// Atom text constructs: type="text" (default), "html", "xhtml", or a MIME type.
std::optional<Content> AtomContent(const xmlNode* n) {
  if (n == nullptr || !Attr(n, "src").empty()) return std::nullopt;
  const std::string type = ToLower(Trim(Attr(n, "type")));
  Content c;
  c.node = n;
  if (type == "xhtml" || type == "application/xhtml+xml" || HasElementChild(n)) {
    c.text = InnerMarkup(n);
    c.html = true;
  } else if (type == "html" || type == "text/html") {
    c.text = TextOf(n);
    c.html = true;
  } else if (type.empty() || type == "text" || type.rfind("text/", 0) == 0) {
    c.text = TextOf(n);
    c.html = false;
  } else {
    return std::nullopt;  // base64 media and other non-text content
  }
  return c;
}

void CountLibxmlError(void* data, xmlErrorPtr /*error*/) { ++*static_cast<int*>(data); }

// Sets a thread-local libxml2 error handler for its lifetime, so no libxml2 message of the
// calls inside reaches stderr (libxml2's encoding module prints when no handler is set).
class ScopedLibxmlErrors {
 public:
  ScopedLibxmlErrors()
      : previous_(xmlStructuredError), previous_context_(xmlStructuredErrorContext) {
    xmlSetStructuredErrorFunc(&count_, CountLibxmlError);
  }
  ~ScopedLibxmlErrors() { xmlSetStructuredErrorFunc(previous_context_, previous_); }
  ScopedLibxmlErrors(const ScopedLibxmlErrors&) = delete;
  ScopedLibxmlErrors& operator=(const ScopedLibxmlErrors&) = delete;

 private:
  int count_ = 0;
  xmlStructuredErrorFunc previous_;
  void* previous_context_;
};

std::vector<std::string> Paragraphs(const Content& content, const ItemContext& ctx, int line) {
  if (!content.html) return PlainParagraphs(content.text);
  HtmlExtractOptions options;
  options.source_name = ctx.path;
  options.fragment = true;
  options.max_depth = ctx.max_depth;
  try {
    ExtractedPage page;
    {
      const ScopedLibxmlErrors quiet;
      page = ExtractHtml(content.text, options);
    }
    for (Diagnostic& d : page.warnings) {
      d.path = ctx.path;
      if (d.line == 0) d.line = line;
      d.severity = Severity::kWarning;
      ctx.diagnostics.push_back(std::move(d));
    }
    return std::move(page.paragraphs);
  } catch (const InputError& e) {
    Diagnostic d = e.diagnostic();
    d.path = ctx.path;
    d.line = line;
    d.severity = Severity::kWarning;
    d.message = "the item's HTML cannot be read: " + d.message;
    ctx.diagnostics.push_back(std::move(d));
    return {};
  }
}

// A title is one line; HTML in it (Atom type="html", double-escaped WordPress titles) rendered.
std::string TitleText(const Content& content, const ItemContext& ctx) {
  if (!content.html && !LooksHtmlish(content.text)) return CollapseSpace(content.text);
  Content html = content;
  html.html = true;
  return CollapseSpace(Join(Paragraphs(html, ctx, LineOf(content.node)), " "));
}

// "jane@example.org (Jane Doe)" -> "Jane Doe".
std::string AuthorName(std::string_view raw) {
  std::string s = CollapseSpace(raw);
  const std::size_t open = s.find('(');
  const std::size_t close = s.rfind(')');
  if (open != std::string::npos && close != std::string::npos && close > open &&
      s.substr(0, open).find('@') != std::string::npos) {
    std::string name = CollapseSpace(s.substr(open + 1, close - open - 1));
    if (!name.empty()) return name;
  }
  return s;
}

std::string AtomAuthors(const xmlNode* parent) {
  std::vector<std::string> names;
  for (const xmlNode* a : Children(parent, "author")) {
    std::string name = CollapseSpace(TextOf(Child(a, "name")));
    if (name.empty()) name = CollapseSpace(TextOf(Child(a, "email")));
    if (!name.empty()) names.push_back(std::move(name));
  }
  return Join(names, ", ");
}

std::string AtomLink(const xmlNode* parent) {
  std::string first;
  for (const xmlNode* l : Children(parent, "link")) {
    const std::string href = std::string(Trim(Attr(l, "href")));
    if (href.empty()) continue;
    const std::string rel = ToLower(Trim(Attr(l, "rel")));
    if (rel.empty() || rel == "alternate") return href;
    if (first.empty() && rel != "self" && rel != "enclosure" && rel != "hub") first = href;
  }
  return first;
}

// Resolves a relative link against the feed's own link.
std::string Resolve(const std::string& href, const std::string& base) {
  if (href.empty() || base.empty() || href.find("://") != std::string::npos) return href;
  xmlChar* uri = xmlBuildURI(reinterpret_cast<const xmlChar*>(href.c_str()),
                             reinterpret_cast<const xmlChar*>(base.c_str()));
  if (uri == nullptr) return href;
  std::string s(reinterpret_cast<const char*>(uri));
  xmlFree(uri);
  return s;
}

// The date of an item: the first candidate element that parses. A warning when there were
// candidates and none parsed.
std::optional<Date> ItemDate(const std::vector<const xmlNode*>& candidates,
                             const ItemContext& ctx) {
  const xmlNode* first_bad = nullptr;
  for (const xmlNode* n : candidates) {
    const std::string text = CollapseSpace(TextOf(n));
    if (text.empty()) continue;
    if (std::optional<Date> d = ParseFeedDate(text)) return d;
    if (first_bad == nullptr) first_bad = n;
  }
  if (first_bad != nullptr) {
    ctx.diagnostics.push_back(MakeWarning(
        ctx.path, LineOf(first_bad), 0,
        "cannot read the date '" + CollapseSpace(TextOf(first_bad)).substr(0, 80) + "' in <" +
            std::string(LocalName(first_bad)) + ">; the item is kept without a date",
        "write RFC 822 (\"Sun, 23 Apr 2023 10:15:00 +0000\") or ISO 8601 (\"2023-04-23\")"));
  }
  return std::nullopt;
}

void AddAll(std::vector<const xmlNode*>& to, const std::vector<const xmlNode*>& from) {
  to.insert(to.end(), from.begin(), from.end());
}

// Reads one item or entry. nullopt (with a warning) when it has neither title nor text.
std::optional<Article> ReadItem(const xmlNode* item, const ItemContext& ctx) {
  const int line = LineOf(item);
  const bool atom = ctx.feed.kind == FeedKind::kAtom;
  Article a;
  a.source_path = ctx.path;
  a.body_line = line;

  std::string guid;
  std::optional<Content> title;
  std::optional<Content> body;
  std::vector<const xmlNode*> dates;
  if (atom) {
    if (const xmlNode* t = Child(item, "title")) title = AtomContent(t);
    a.url = AtomLink(item);
    guid = CollapseSpace(TextOf(Child(item, "id")));
    body = AtomContent(Child(item, "content"));
    if (!body || CollapseSpace(body->text).empty()) body = AtomContent(Child(item, "summary"));
    AddAll(dates, Children(item, "published"));
    AddAll(dates, Children(item, "updated"));
    AddAll(dates, Children(item, "date", kDcNs));
    a.author = AtomAuthors(item);
    if (a.author.empty()) {
      std::vector<std::string> creators;
      for (const xmlNode* c : Children(item, "creator", kDcNs)) {
        creators.push_back(CollapseSpace(TextOf(c)));
      }
      a.author = Join(creators, ", ");
    }
    if (a.author.empty()) a.author = ctx.feed.author;
  } else {
    if (const xmlNode* t = Child(item, "title")) title = RssContent(t, false);
    for (const xmlNode* l : Children(item, "link")) {
      if (NsOf(l) == kAtomNs) continue;
      a.url = std::string(Trim(TextOf(l)));
      if (!a.url.empty()) break;
    }
    if (a.url.empty()) a.url = AtomLink(item);  // atom:link inside an RSS item
    const xmlNode* guid_node = Child(item, "guid");
    guid = CollapseSpace(TextOf(guid_node));
    if (a.url.empty() && IsHttpUrl(guid) && ToLower(Attr(guid_node, "isPermaLink")) != "false") {
      a.url = guid;
    }
    if (const xmlNode* encoded = Child(item, "encoded", kContentNs)) {
      body = RssContent(encoded, true);
    }
    if (!body || CollapseSpace(body->text).empty()) {
      if (const xmlNode* d = Child(item, "description")) body = RssContent(d, false);
    }
    AddAll(dates, Children(item, "pubDate"));
    AddAll(dates, Children(item, "date", kDcNs));
    AddAll(dates, Children(item, "published"));
    AddAll(dates, Children(item, "updated"));
    std::vector<std::string> creators;
    for (const xmlNode* c : Children(item, "creator", kDcNs)) {
      creators.push_back(CollapseSpace(TextOf(c)));
    }
    a.author = Join(creators, ", ");
    if (a.author.empty()) a.author = AuthorName(TextOf(Child(item, "author")));
  }
  a.url = Resolve(a.url, ctx.feed.link);

  if (title) a.title = TitleText(*title, ctx);
  std::vector<std::string> paragraphs;
  if (body) {
    paragraphs = Paragraphs(*body, ctx, LineOf(body->node));
    a.body_line = LineOf(body->node);
  }
  a.body = Join(paragraphs, "\n\n");
  if (a.title.empty() && a.body.empty()) {
    ctx.diagnostics.push_back(MakeWarning(ctx.path, line, 0,
                                          "item has neither a title nor any text; skipped",
                                          "an item needs <title> or content"));
    return std::nullopt;
  }
  if (a.body.empty()) {
    ctx.diagnostics.push_back(
        MakeWarning(ctx.path, line, 0,
                    "item '" + a.title.substr(0, 80) + "' has no text; only its title is kept",
                    atom ? "the entry needs <content> or <summary>"
                         : "the item needs <content:encoded> or <description>"));
  }

  a.date = ItemDate(dates, ctx);

  std::string language = NormalizeLanguageTag(TextOf(Child(item, "language", kDcNs)));
  if (language.empty()) language = LangOf(item);
  if (language.empty()) language = ctx.feed.language;
  a.language = language;

  if (ctx.outlets != nullptr) {
    const Outlet* outlet = ctx.outlets->FindByUrl(a.url);
    if (outlet == nullptr && !ctx.feed.link.empty()) outlet = ctx.outlets->FindByUrl(ctx.feed.link);
    if (outlet != nullptr) a.outlet = outlet->id;
  }

  if (!guid.empty()) {
    a.id = SafeArticleId(guid);
  } else if (!a.url.empty()) {
    a.id = SafeArticleId(a.url);
  } else {
    a.id = SafeArticleId((a.date ? a.date->ToString() + " " : std::string()) + a.title);
  }
  return a;
}

// Items (RSS 2.0 channel children, RSS 1.0 root children) or entries, in document order.
std::vector<const xmlNode*> FeedItems(const xmlNode* root, FeedKind kind) {
  std::vector<const xmlNode*> items;
  if (kind == FeedKind::kAtom) return Children(root, "entry");
  for (const xmlNode* c = root->children; c != nullptr; c = c->next) {
    if (Is(c, "item")) items.push_back(c);
    if (Is(c, "channel")) AddAll(items, Children(c, "item"));
  }
  return items;
}

// The first element after `n` in document order that is not inside it; nullptr at the end.
const xmlNode* NextElementAfter(const xmlNode* n) {
  for (; n != nullptr; n = n->parent) {
    for (const xmlNode* s = n->next; s != nullptr; s = s->next) {
      if (IsElement(s)) return s;
    }
    if (n->parent == nullptr || n->parent->type != XML_ELEMENT_NODE) break;
  }
  return nullptr;
}

}  // namespace

std::optional<Date> ParseFeedDate(std::string_view text) {
  text = Trim(text);
  if (text.empty()) return std::nullopt;
  if (text.size() >= 7 && AllDigits(text.substr(0, 4)) && text[4] == '-') {
    return ParseIso8601(text);
  }
  return ParseRfc822(text);
}

std::string SafeArticleId(std::string_view key) {
  key = Trim(key);
  if (key.empty()) return "";
  const std::string_view whole = key;
  for (std::string_view scheme : {"https://", "http://"}) {
    if (StartsWithNoCase(key, scheme)) key.remove_prefix(scheme.size());
  }
  if (StartsWithNoCase(key, "www.")) key.remove_prefix(4);
  std::string slug;
  bool lossy = false;
  for (char c : key) {
    if (IsAlpha(c) || IsDigit(c)) {
      slug += Lower(c);
    } else {
      if (static_cast<unsigned char>(c) >= 0x80) lossy = true;
      if (!slug.empty() && slug.back() != '-') slug += '-';
    }
  }
  while (!slug.empty() && slug.back() == '-') slug.pop_back();
  constexpr std::size_t kMaxSlug = 60;
  if (slug.size() > kMaxSlug) {
    lossy = true;
    std::size_t cut = slug.rfind('-', kMaxSlug);
    if (cut == std::string::npos || cut < kMaxSlug / 2) cut = kMaxSlug;
    slug.resize(cut);
    while (!slug.empty() && slug.back() == '-') slug.pop_back();
  }
  if (slug.empty() || lossy) {
    char hash[16];
    std::snprintf(hash, sizeof hash, "%08x", static_cast<unsigned>(Fnv1a(whole) & 0xffffffffu));
    slug = slug.empty() ? std::string(hash) : slug + "-" + hash;
  }
  return slug;
}

std::string NormalizeLanguageTag(std::string_view raw) {
  std::string s = CollapseSpace(raw);
  if (const std::size_t cut = s.find_first_of(",;"); cut != std::string::npos) s.resize(cut);
  s = std::string(Trim(s));
  std::string out;
  std::string part;
  int index = 0;
  auto flush = [&]() -> bool {
    if (part.empty() || part.size() > 8) return false;
    if (index == 0) {
      if (part.size() < 2 || part.size() > 3 ||
          !std::all_of(part.begin(), part.end(), [](char c) { return IsAlpha(c); })) {
        return false;
      }
      part = ToLower(part);
    } else if (part.size() == 2 && IsAlpha(part[0]) && IsAlpha(part[1])) {
      for (char& c : part) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
    } else if (part.size() == 4 && std::all_of(part.begin(), part.end(), IsAlpha)) {
      part = ToLower(part);
      part[0] = static_cast<char>(part[0] - 'a' + 'A');  // script: "Latn"
    } else {
      part = ToLower(part);
    }
    if (!out.empty()) out += '-';
    out += part;
    part.clear();
    ++index;
    return true;
  };
  for (char c : s) {
    if (c == '-' || c == '_') {
      if (!flush()) return "";
    } else if (IsAlpha(c) || IsDigit(c)) {
      part += c;
    } else {
      return "";
    }
  }
  if (!flush()) return "";
  return out;
}

bool LooksLikeFeed(std::string_view data) {
  const std::size_t start = internal::ScanXmlProlog(data.substr(0, 64 * 1024)).first_element;
  if (start == std::string_view::npos) return false;
  const std::size_t end = data.find('>', start);
  const std::string_view tag =
      data.substr(start + 1, (end == std::string_view::npos ? data.size() : end) - start - 1);
  std::size_t name_end = 0;
  while (name_end < tag.size() && !IsSpace(tag[name_end]) && tag[name_end] != '/' &&
         tag[name_end] != '>') {
    ++name_end;
  }
  const std::string_view name = tag.substr(0, name_end);
  const std::size_t colon = name.find(':');
  const std::string_view local = colon == std::string_view::npos ? name : name.substr(colon + 1);
  if (name == "rss") return true;
  if (local == "RDF") return true;
  if (local == "feed") return tag.find(kAtomNs) != std::string_view::npos;
  return false;
}

FeedReadResult ReadFeed(std::string_view xml, const std::string& path, const OutletsFile* outlets,
                        std::size_t max_depth) {
  FeedReadResult result;
  std::string decompressed;
  try {
    xml = GunzipIfNeeded(xml, path, decompressed);
  } catch (const InputError& e) {
    result.diagnostics.push_back(e.diagnostic());
    return result;
  }
  if (Trim(xml).empty() || Trim(xml) == "\xEF\xBB\xBF") {
    result.diagnostics.push_back(MakeError(path, 1, 0, "the feed is empty"));
    return result;
  }
  ParseState state;
  state.path = &path;
  state.diagnostics = &result.diagnostics;
  state.max_depth = std::max<std::size_t>(max_depth, 1);
  DocPtr doc = ParseFeedXml(xml, state);
  if (!state.declared_entities.empty()) {
    std::string names;
    for (std::size_t i = 0; i < state.declared_entities.size() && i < 5; ++i) {
      names += (i ? ", " : "") + state.declared_entities[i];
    }
    if (state.declared_entities.size() > 5) names += ", …";
    result.diagnostics.push_back(MakeWarning(
        path, state.doctype_line, 0,
        std::string("the feed declares XML entities (") + names + ")" +
            (state.external_entity ? ", some of them external" : "") +
            "; Parallax never expands entities or reads what they point to, so their "
            "references are left unexpanded",
        "feeds do not need a <!DOCTYPE>; if text is missing, ask the publisher for a plain "
        "RSS or Atom feed"));
  }
  const xmlNode* root = doc ? xmlDocGetRootElement(doc.get()) : nullptr;
  if (root == nullptr) {
    if (!HasErrors(result.diagnostics)) {
      result.diagnostics.push_back(MakeError(path, 1, 0, "no XML element found in the feed"));
    }
    return result;
  }
  FeedInfo info;
  const xmlNode* channel = nullptr;
  if (Is(root, "rss") || Is(root, "RDF")) {
    info.kind = FeedKind::kRss;
    channel = Child(root, "channel");
    if (channel != nullptr) {
      for (const xmlNode* l : Children(channel, "link")) {
        if (NsOf(l) == kAtomNs) continue;
        info.link = std::string(Trim(TextOf(l)));
        if (!info.link.empty()) break;
      }
      if (info.link.empty()) info.link = AtomLink(channel);
      info.language = NormalizeLanguageTag(TextOf(Child(channel, "language")));
      if (info.language.empty()) {
        info.language = NormalizeLanguageTag(TextOf(Child(channel, "language", kDcNs)));
      }
    }
  } else if (Is(root, "feed")) {
    info.kind = FeedKind::kAtom;
    info.link = AtomLink(root);
    info.author = AtomAuthors(root);
  } else {
    if (state.first_error_line == 0) {
      result.diagnostics.push_back(
          MakeError(path, LineOf(root), 0,
                    "not a feed: the document element is <" +
                        std::string(reinterpret_cast<const char*>(root->name)) + ">",
                    "expected <rss> (RSS 2.0), <feed> (Atom) or <rdf:RDF> (RSS 1.0)"));
    }
    return result;
  }

  std::set<std::string> unknown_hosts;
  ItemContext ctx{path, outlets, info, result.diagnostics, max_depth};
  std::map<std::string, int> seen_ids;
  int untrusted = 0;
  const std::vector<const xmlNode*> items = FeedItems(root, info.kind);
  for (const xmlNode* item : items) {
    if (state.first_error_line != 0) {
      // Only items that end before the first structural error are reliable.
      const xmlNode* next = NextElementAfter(item);
      if (next == nullptr || LineOf(next) > state.first_error_line ||
          LineOf(item) > state.first_error_line) {
        ++untrusted;
        continue;
      }
    }
    std::optional<Article> a = ReadItem(item, ctx);
    if (!a) continue;
    if (!MakeTextValid(*a)) {
      result.diagnostics.push_back(
          MakeWarning(path, LineOf(item), 0,
                      "the item holds bytes that are not valid in its encoding; they became U+FFFD",
                      "check the encoding the feed declares in its first line"));
    }
    if (a->outlet.empty() && outlets != nullptr) {
      const std::string host = HostOf(info.link.empty() ? a->url : info.link);
      if (!host.empty()) unknown_hosts.insert(host);
    }
    const int n = ++seen_ids[a->id];
    if (n > 1) a->id += "-" + std::to_string(n);
    result.articles.push_back(std::move(*a));
  }
  if (untrusted > 0) {
    result.diagnostics.push_back(MakeError(
        path, state.first_error_line, 0,
        std::to_string(untrusted) + (untrusted == 1 ? " item was" : " items were") +
            " not read because the feed is malformed there; " +
            std::to_string(result.articles.size()) + " before the error were read" +
            (state.error_count > 1
                 ? " (" + std::to_string(state.error_count - 1) + " later errors follow from it)"
                 : std::string()),
        "fix the XML at this line, or download the feed again if it was cut off"));
  }
  for (const std::string& host : unknown_hosts) {
    result.diagnostics.push_back(
        MakeWarning(path, 0, 0,
                    "no outlet in " + (outlets->path.empty() ? "the outlets file" : outlets->path) +
                        " has the domain " + host + "; its items are named by the domain",
                    UnknownOutletHint(outlets->path, host)));
  }
  if (items.empty() && state.first_error_line == 0) {
    result.diagnostics.push_back(
        MakeWarning(path, LineOf(channel ? channel : root), 0, "the feed has no items"));
  }
  return result;
}

}  // namespace parallax
