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

XmlProlog ScanXmlProlog(std::string_view d) {
  XmlProlog prolog;
  auto is_space = [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
  };
  std::size_t i = 0;
  if (d.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
  for (int guard = 0; guard < 1000; ++guard) {
    while (i < d.size() && is_space(d[i])) ++i;
    if (i >= d.size() || d[i] != '<') return prolog;
    const std::string_view rest = d.substr(i);
    if (rest.substr(0, 2) == "<?") {
      const std::size_t end = d.find("?>", i);
      if (end == std::string_view::npos) return prolog;
      i = end + 2;
    } else if (rest.substr(0, 4) == "<!--") {
      const std::size_t end = d.find("-->", i + 4);
      if (end == std::string_view::npos) return prolog;
      i = end + 3;
    } else if (rest.substr(0, 2) == "<!") {
      if (rest.substr(0, 9) == "<!DOCTYPE" && prolog.doctype == std::string_view::npos) {
        prolog.doctype = i;
      }
      // DOCTYPE: skip to the '>' that is outside quotes and outside [ ... ].
      int bracket = 0;
      char quote = 0;
      std::size_t j = i + 2;
      for (; j < d.size(); ++j) {
        const char c = d[j];
        if (quote) {
          if (c == quote) quote = 0;
        } else if (c == '"' || c == '\'') {
          quote = c;
        } else if (c == '[') {
          ++bracket;
        } else if (c == ']') {
          --bracket;
        } else if (c == '>' && bracket <= 0) {
          break;
        }
      }
      if (j >= d.size()) return prolog;
      i = j + 1;
    } else {
      prolog.first_element = i;
      return prolog;
    }
  }
  return prolog;
}

}  // namespace parallax::internal
