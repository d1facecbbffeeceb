// The attribute rules of the lexicon schema, for error messages that say where and what.
//
// libxml2's RELAX NG validator reports a bad attribute on an element as "Element term failed to
// validate attributes": without the attribute, and for a missing required attribute without a
// line at all (the error carries no node). It also reports a bad value as "Invalid attribute
// stem for element term", as if the attribute were unknown. This unit reads, once, which
// attributes each element of the schema takes, which of them are required and which values
// they allow, straight from the schema text (so it never drifts from lexicons/schema/lexicon.rng),
// and checks one element of a lexicon against them:
//
//   what is wrong                        message
//   a required attribute is missing      <term> has no category attribute (it is required)
//   a value outside a fixed choice       stem="yes" on <term>: must be true or false
//   an attribute the element never takes perspectve="north" on <term>: <term> takes no such
//                                        attribute
//
// The lexicon loader uses it to replace libxml2's vague attribute errors with these, at the
// element's line. Attributes under a <choice> count as optional (only a fixed value choice and
// attribute names are checked across choices); data types (NCName, positiveInteger) are left
// to libxml2, whose messages for them carry the line and the value.
#ifndef PARALLAX_ANNOTATE_LEXICON_SCHEMA_H_
#define PARALLAX_ANNOTATE_LEXICON_SCHEMA_H_

#include <libxml/tree.h>

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace parallax::internal {

// One problem with one attribute of one element.
struct AttributeProblem {
  std::string attribute;
  std::string message;
};

class SchemaAttributeRules {
 public:
  // Reads the rules from RELAX NG schema text. Rules of a schema that cannot be parsed are
  // empty: Check then finds nothing.
  explicit SchemaAttributeRules(std::string_view schema_text);

  // The problems of `element`'s attributes; empty when it follows the rules or the schema has
  // no element of its name.
  std::vector<AttributeProblem> Check(xmlNodePtr element) const;

  // True when the schema declares an element of this name.
  bool Knows(std::string_view element) const { return rules_.count(std::string(element)) > 0; }

 private:
  struct Rule {
    bool required = false;
    std::set<std::string> values;  // the allowed values; empty: any
  };
  std::map<std::string, std::map<std::string, Rule>, std::less<>> rules_;
};

}  // namespace parallax::internal

#endif  // PARALLAX_ANNOTATE_LEXICON_SCHEMA_H_
