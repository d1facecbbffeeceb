// The small toolbox every HTML extraction unit shares: ASCII and Unicode white space, visible
// text measures, and read access to libxml2's tree (names, attributes, text, an iterative walk).
// Internal to corpus/html_*: nothing here is part of the library's interface.
#ifndef PARALLAX_CORPUS_HTML_DOM_H_
#define PARALLAX_CORPUS_HTML_DOM_H_

#include <libxml/tree.h>

#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>

#include "corpus/xml_util.h"
#include "text/normalizer.h"  // AsciiLower

namespace parallax::internal {

// ASCII case folding (AsciiLower from text/normalizer.h) and classes: enough for tag, attribute
// and class names.
std::string ToLower(std::string_view s);
bool IsAsciiSpace(char c);
inline bool IsDigit(char c) { return c >= '0' && c <= '9'; }
inline bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool StartsWith(std::string_view s, std::string_view prefix);
bool EndsWith(std::string_view s, std::string_view suffix);
bool InSet(std::string_view tag, std::initializer_list<std::string_view> set);

// Length of the Unicode white-space character at s[i] (ASCII space, NBSP, the U+2000 block,
// narrow NBSP, ideographic space, zero-width space, BOM), or 0 when it is not one.
std::size_t SpaceLength(std::string_view s, std::size_t i);

// Collapses every run of that white space to one ASCII space and trims both ends. Unlike
// text/whitespace.h's CollapseSpace (ASCII and NBSP, for markup and JSON values), pages also
// space with U+2000..U+200B, U+202F and U+3000, and a zero-width space must not glue words.
std::string CollapseHtmlSpace(std::string_view s);

// Visible length of text in code points (a white-space run counts as one) and its commas
// (also the Arabic, fullwidth and ideographic commas).
struct TextMeasure {
  int chars = 0;
  int commas = 0;
};
TextMeasure Measure(std::string_view s);

std::string_view Name(const xmlNode* n);
inline bool IsElement(const xmlNode* n) { return n->type == XML_ELEMENT_NODE; }
inline bool Is(const xmlNode* n, std::string_view tag) { return IsElement(n) && Name(n) == tag; }
// Attr(n, name) comes from corpus/xml_util.h ("" when absent; libxml2's HTML parser lower-cases
// attribute names).
bool HasAttr(const xmlNode* n, const char* name);
std::string_view Content(const xmlNode* n);

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

// All text below `root`, white space collapsed (for metadata such as <title>).
std::string TextOf(xmlNode* root);

using DocPtr = XmlDocPtr;

}  // namespace parallax::internal

#endif  // PARALLAX_CORPUS_HTML_DOM_H_
