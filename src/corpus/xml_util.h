// Small helpers over libxml2 shared by the parsers of user XML files (outlets, events, feeds):
// parsing with network access and entity expansion off, errors captured per call (no global
// handlers left behind), line numbers, attribute and text access.
#ifndef PARALLAX_CORPUS_XML_UTIL_H_
#define PARALLAX_CORPUS_XML_UTIL_H_

#include <libxml/tree.h>

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "core/diagnostic.h"

namespace parallax::internal {

struct XmlDocDeleter {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};
using XmlDocPtr = std::unique_ptr<xmlDoc, XmlDocDeleter>;

// Parses `xml` safely: XML_PARSE_NONET, no entity substitution, no DTD loading; internal DTD
// subsets that declare entities are refused with an error (no "billion laughs", no external
// entity ever read). Parse errors are appended to `diagnostics` with path:line:col.
// Returns nullptr when the document is unusable.
XmlDocPtr ParseXmlSafely(std::string_view xml, const std::string& path, Diagnostics& diagnostics);

// Attribute value or "" if absent.
std::string Attr(const xmlNode* node, const char* name);
// Concatenated text content of `node`, trimmed.
std::string Text(const xmlNode* node);
// True when `node` is an element named `name` (namespace ignored).
bool IsElement(const xmlNode* node, const char* name);
int Line(const xmlNode* node);

// The prolog of an XML text, read without parsing: an optional BOM, white space, the XML
// declaration, processing instructions, comments and a DOCTYPE (with its internal subset).
// Offsets are npos when absent: `first_element` is the root element's '<' (npos when text or
// an unclosed construct comes first), `doctype` the '<' of a <!DOCTYPE declaration in the
// prolog (the words in a comment or in the body are not one).
struct XmlProlog {
  std::size_t first_element = std::string_view::npos;
  std::size_t doctype = std::string_view::npos;
};
XmlProlog ScanXmlProlog(std::string_view xml);

}  // namespace parallax::internal

#endif  // PARALLAX_CORPUS_XML_UTIL_H_
