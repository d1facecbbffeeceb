#include "annotate/lexicon_schema.h"

#include <libxml/parser.h>

#include "corpus/xml_util.h"

namespace parallax::internal {
namespace {

std::string_view Name(xmlNodePtr node) { return reinterpret_cast<const char*>(node->name); }

bool IsElement(const xmlNode* node) { return node != nullptr && node->type == XML_ELEMENT_NODE; }

// "a", "a or b", "a, b or c".
std::string OneOf(const std::set<std::string>& values) {
  std::string out;
  std::size_t i = 0;
  for (const std::string& v : values) {
    if (i > 0) out += i + 1 == values.size() ? " or " : ", ";
    out += v;
    ++i;
  }
  return out;
}

// Walks the schema pattern under one <element>, collecting its attributes.
class Collector {
 public:
  explicit Collector(const std::map<std::string, xmlNodePtr>& defines) : defines_(defines) {}

  struct Found {
    bool required = false;
    bool open = false;  // takes any value
    std::set<std::string> values;
  };

  void Walk(xmlNodePtr parent, bool optional) {
    for (xmlNodePtr n = parent->children; n != nullptr; n = n->next) {
      if (!IsElement(n)) continue;
      const std::string_view name = Name(n);
      if (name == "attribute") {
        Found& f = found_[Attr(n, "name")];
        f.required = f.required || !optional;
        Values(n, &f, 0);
      } else if (name == "optional" || name == "zeroOrMore" || name == "choice") {
        Walk(n, true);
      } else if (name == "group" || name == "interleave" || name == "oneOrMore") {
        Walk(n, optional);
      } else if (name == "ref") {
        const auto it = defines_.find(Attr(n, "name"));
        if (it != defines_.end() && depth_ < 16) {
          ++depth_;
          Walk(it->second, optional);
          --depth_;
        }
      }
      // A nested <element> has its own attributes.
    }
  }

  std::map<std::string, Found>& found() { return found_; }

 private:
  // The values an attribute's pattern allows: <value>s, through refs; anything else opens it.
  void Values(xmlNodePtr parent, Found* f, int depth) {
    bool any_child = false;
    for (xmlNodePtr n = parent->children; n != nullptr; n = n->next) {
      if (!IsElement(n)) continue;
      any_child = true;
      const std::string_view name = Name(n);
      if (name == "value") {
        f->values.insert(Text(n));
      } else if (name == "choice") {
        Values(n, f, depth);
      } else if (name == "ref") {
        const auto it = defines_.find(Attr(n, "name"));
        if (it == defines_.end() || depth >= 16) {
          f->open = true;
        } else {
          Values(it->second, f, depth + 1);
        }
      } else {
        f->open = true;  // text, data, list, ...
      }
    }
    if (!any_child) f->open = true;  // <attribute name="x"/> takes text
  }

  const std::map<std::string, xmlNodePtr>& defines_;
  std::map<std::string, Found> found_;
  int depth_ = 0;
};

void FindAll(xmlNodePtr node, std::string_view name, std::vector<xmlNodePtr>* out) {
  for (xmlNodePtr n = node; n != nullptr; n = n->next) {
    if (!IsElement(n)) continue;
    if (Name(n) == name) out->push_back(n);
    FindAll(n->children, name, out);
  }
}

}  // namespace

SchemaAttributeRules::SchemaAttributeRules(std::string_view schema_text) {
  const XmlDocPtr doc(xmlReadMemory(schema_text.data(), static_cast<int>(schema_text.size()),
                                    "schema.rng", nullptr,
                                    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING));
  if (doc == nullptr) return;
  xmlNodePtr root = xmlDocGetRootElement(doc.get());
  std::vector<xmlNodePtr> defines;
  FindAll(root, "define", &defines);
  std::map<std::string, xmlNodePtr> by_name;
  for (xmlNodePtr d : defines) by_name.emplace(Attr(d, "name"), d);
  std::vector<xmlNodePtr> elements;
  FindAll(root, "element", &elements);
  for (xmlNodePtr e : elements) {
    Collector collector(by_name);
    collector.Walk(e, false);
    auto& rules = rules_[Attr(e, "name")];
    for (auto& [attribute, f] : collector.found()) {
      Rule& rule = rules[attribute];
      rule.required = rule.required || f.required;
      if (!f.open) rule.values.insert(f.values.begin(), f.values.end());
    }
  }
}

std::vector<AttributeProblem> SchemaAttributeRules::Check(xmlNodePtr element) const {
  std::vector<AttributeProblem> out;
  if (!IsElement(element)) return out;
  const std::string element_name(Name(element));
  const auto rules = rules_.find(element_name);
  if (rules == rules_.end()) return out;
  const std::string tag = "<" + element_name + ">";
  for (const auto& [attribute, rule] : rules->second) {
    if (rule.required &&
        xmlHasProp(element, reinterpret_cast<const xmlChar*>(attribute.c_str())) == nullptr) {
      out.push_back({attribute, tag + " has no " + attribute + " attribute (it is required)"});
    }
  }
  for (xmlAttrPtr a = element->properties; a != nullptr; a = a->next) {
    const std::string attribute(reinterpret_cast<const char*>(a->name));
    const std::string value = Attr(element, attribute.c_str());
    const auto rule = rules->second.find(attribute);
    if (rule == rules->second.end()) {
      out.push_back({attribute, attribute + "=\"" + value + "\" on " + tag + ": " + tag +
                                    " takes no such attribute"});
    } else if (!rule->second.values.empty() && rule->second.values.count(value) == 0) {
      out.push_back({attribute, attribute + "=\"" + value + "\" on " + tag + ": must be " +
                                    OneOf(rule->second.values)});
    }
  }
  return out;
}

}  // namespace parallax::internal
