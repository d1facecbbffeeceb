#include "corpus/html_parse.h"

#include <libxml/HTMLparser.h>
#include <libxml/SAX2.h>
#include <libxml/encoding.h>
#include <libxml/globals.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include <algorithm>
#include <cstdint>
#include <mutex>
#include <string>

#include "core/limits.h"
#include "text/utf8.h"

namespace parallax::internal {
namespace {

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

// Legacy encodings of one byte per character: windows-125x, ISO-8859-x, KOI8, Mac Roman.
bool IsSingleByteCharset(const std::string& charset) {
  return StartsWith(charset, "windows-125") || StartsWith(charset, "cp125") ||
         StartsWith(charset, "iso-8859-") || StartsWith(charset, "iso8859") ||
         StartsWith(charset, "koi8") || charset == "macintosh" || charset == "mac-roman";
}

// True when `data` holds a multi-byte UTF-8 sequence (a lead byte followed by a continuation).
bool HasUtf8Sequences(std::string_view data) {
  for (std::size_t i = 0; i + 1 < data.size(); ++i) {
    const auto c = static_cast<unsigned char>(data[i]);
    const auto next = static_cast<unsigned char>(data[i + 1]);
    if (c >= 0xC2 && c <= 0xF4 && (next & 0xC0) == 0x80) return true;
  }
  return false;
}

}  // namespace

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
  const std::string_view prefix = data.substr(0, std::min<std::size_t>(data.size(), 1 << 20));
  if (IsSingleByteCharset(declared) && HasUtf8Sequences(prefix) && IsValidUtf8(prefix)) {
    // Text in a single-byte encoding is almost never valid UTF-8 by chance: the declaration was
    // copied from a template, or the page was converted and its <meta> left as it was.
    warnings.push_back(MakeWarning(options.source_name, 0, 0,
                                   "the page declares '" + declared + "' but its bytes are UTF-8",
                                   "reading the page as UTF-8"));
    return "UTF-8";
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
  return IsValidUtf8(prefix) ? "UTF-8" : "windows-1252";
}

std::string OpenSelfClosedRawTextTags(std::string_view html) {
  std::string fixed;
  std::size_t copied = 0;  // bytes of `html` already in `fixed`
  for (std::size_t i = html.find('<'); i != std::string_view::npos; i = html.find('<', i + 1)) {
    if (i + 1 >= html.size() || (html[i + 1] != 's' && html[i + 1] != 'S')) continue;
    std::size_t name = 0;
    for (std::string_view tag : {"script", "style"}) {
      if (html.size() - i - 1 > tag.size() && ToLower(html.substr(i + 1, tag.size())) == tag &&
          (IsAsciiSpace(html[i + 1 + tag.size()]) || html[i + 1 + tag.size()] == '/')) {
        name = tag.size();
      }
    }
    if (name == 0) continue;
    // The end of the start tag: the first '>' outside a quoted attribute value.
    char quote = 0;
    std::size_t end = i + 1 + name;
    for (; end < html.size(); ++end) {
      const char c = html[end];
      if (quote != 0) {
        if (c == quote) quote = 0;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '>') {
        break;
      }
    }
    if (end >= html.size()) break;
    if (html[end - 1] == '/') {
      fixed.append(html.substr(copied, end - 1 - copied));
      copied = end;  // from the '>'
    }
    i = end;
  }
  if (copied == 0) return "";
  fixed.append(html.substr(copied));
  return fixed;
}

DocPtr ParseHtml(std::string_view html, const std::string& encoding, std::size_t max_depth,
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

}  // namespace parallax::internal
