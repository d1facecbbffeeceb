#include "corpus/html_dom.h"

#include <algorithm>
#include <string>

namespace parallax::internal {

// ---------------------------------------------------------------------------------------------
// Small string helpers (ASCII case folding is enough for tag, attribute and class names).

std::string ToLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = AsciiLower(c);
  return out;
}

bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

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
std::string CollapseHtmlSpace(std::string_view s) {
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

bool HasAttr(const xmlNode* n, const char* name) {
  return xmlHasProp(n, reinterpret_cast<const xmlChar*>(name)) != nullptr;
}

std::string_view Content(const xmlNode* n) {
  return n->content != nullptr ? std::string_view(reinterpret_cast<const char*>(n->content))
                               : std::string_view();
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
  return CollapseHtmlSpace(raw);
}

bool InSet(std::string_view tag, std::initializer_list<std::string_view> set) {
  return std::find(set.begin(), set.end(), tag) != set.end();
}

}  // namespace parallax::internal
