#include "corpus/xml_util.h"

#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include <cstring>

namespace parallax::internal {
namespace {

struct ErrorSink {
  const std::string* path;
  Diagnostics* diagnostics;
};

void CollectError(void* user, xmlError* error) {
  auto* sink = static_cast<ErrorSink*>(user);
  if (error == nullptr || error->level == XML_ERR_NONE) return;
  std::string message = error->message ? error->message : "XML error";
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
  Diagnostic d = error->level == XML_ERR_WARNING
                     ? MakeWarning(*sink->path, error->line, error->int2, message)
                     : MakeError(*sink->path, error->line, error->int2, message,
                                 "the file must be well-formed XML");
  sink->diagnostics->push_back(std::move(d));
}

std::string TrimCopy(std::string s) {
  const auto not_space = [](unsigned char c) {
    return c != ' ' && c != '\n' && c != '\t' && c != '\r';
  };
  std::size_t b = 0;
  while (b < s.size() && !not_space(static_cast<unsigned char>(s[b]))) ++b;
  std::size_t e = s.size();
  while (e > b && !not_space(static_cast<unsigned char>(s[e - 1]))) --e;
  return s.substr(b, e - b);
}

}  // namespace

XmlDocPtr ParseXmlSafely(std::string_view xml, const std::string& path, Diagnostics& diagnostics) {
  xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
  if (ctxt == nullptr) {
    diagnostics.push_back(MakeError(path, 0, 0, "out of memory creating the XML parser"));
    return nullptr;
  }
  ErrorSink sink{&path, &diagnostics};
  // libxml2 2.9 keeps the structured error handler per thread; set it for this call only.
  xmlSetStructuredErrorFunc(&sink, CollectError);
  const int options = XML_PARSE_NONET | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA;
  xmlDoc* doc = xmlCtxtReadMemory(ctxt, xml.data(), static_cast<int>(xml.size()), path.c_str(),
                                  nullptr, options);
  xmlSetStructuredErrorFunc(nullptr, nullptr);
  const bool well_formed = ctxt->wellFormed != 0;
  xmlFreeParserCtxt(ctxt);
  XmlDocPtr result(doc);
  if (!result || !well_formed) {
    if (!HasErrors(diagnostics))
      diagnostics.push_back(MakeError(path, 0, 0, "not well-formed XML"));
    return nullptr;
  }
  if (result->intSubset != nullptr || result->extSubset != nullptr) {
    const xmlDtd* dtd = result->intSubset;
    bool declares_entities = dtd != nullptr && dtd->entities != nullptr;
    for (const xmlNode* n = dtd ? dtd->children : nullptr; n != nullptr; n = n->next) {
      if (n->type == XML_ENTITY_DECL) declares_entities = true;
    }
    if (declares_entities) {
      diagnostics.push_back(
          MakeError(path, 1, 0, "the file declares XML entities, which Parallax never expands",
                    "remove the <!DOCTYPE …> block; write the text itself"));
      return nullptr;
    }
  }
  return result;
}

std::string Attr(const xmlNode* node, const char* name) {
  xmlChar* v = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
  if (v == nullptr) return "";
  std::string s(reinterpret_cast<const char*>(v));
  xmlFree(v);
  return s;
}

std::string Text(const xmlNode* node) {
  xmlChar* v = xmlNodeGetContent(node);
  if (v == nullptr) return "";
  std::string s(reinterpret_cast<const char*>(v));
  xmlFree(v);
  return TrimCopy(std::move(s));
}

bool IsElement(const xmlNode* node, const char* name) {
  return node != nullptr && node->type == XML_ELEMENT_NODE &&
         std::strcmp(reinterpret_cast<const char*>(node->name), name) == 0;
}

int Line(const xmlNode* node) { return static_cast<int>(xmlGetLineNo(node)); }

}  // namespace parallax::internal
