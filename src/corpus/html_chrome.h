// What is never the article, whatever the scoring says: comments, never-content elements
// (script, nav, forms, figures …), hidden elements and chrome roles are dropped first; text that
// libxml2 left in <head>, or inside an element it did not close where browsers do, is put back
// where a reader sees it. Internal to corpus/html_*.
#ifndef PARALLAX_CORPUS_HTML_CHROME_H_
#define PARALLAX_CORPUS_HTML_CHROME_H_

#include <cstddef>
#include <vector>

#include "corpus/html_dom.h"

namespace parallax::internal {

// Code points of text below `root` a reader would see (not in script, style, template, title).
std::size_t VisibleTextSize(xmlNode* root);

// Code points of visible text inside <p> elements below `root`.
std::size_t ParagraphTextSize(xmlNode* root);

// libxml2 does not close some elements where browsers do (an unclosed <noscript>, a <header> or
// a navigation menu whose end tags are misnested): such an element swallows the rest of the page.
// One that holds more than half the text of the page's paragraphs (and at least kMisplacedText
// of it) and an <article>, <main> or role=main (any content for a <noscript>) is the page,
// whatever its tag, role or class says.
inline constexpr std::size_t kMisplacedText = 200;
class SwallowTest {
 public:
  explicit SwallowTest(xmlNode* root);
  bool SwallowedPage(xmlNode* n) const;

 private:
  static constexpr std::size_t kUnknown = static_cast<std::size_t>(-1);
  xmlNode* root_;
  mutable std::size_t paragraph_text_ = kUnknown;  // of the page, measured when first needed
};

// Removes comments, never-content elements and hidden elements below `root`, except those that
// swallowed the page (SwallowTest).
void DropChrome(xmlNode* root);

// Markup that makes libxml2 keep <head> open (a stray element before <body>) leaves the page's
// text in <head>. When <head> holds kMisplacedText or more visible characters, its children move
// to the start of <body>, or <head> becomes the <body> when there is none (the metadata among
// them is dropped as chrome later).
void RehomeMisplacedContent(xmlDoc* doc);

// <body>, or the root element when there is none; null for an empty document.
xmlNode* FindBody(xmlDoc* doc);

// Drops from `nodes` every node listed twice or lying inside another listed node: removing the
// outer one removes it too.
void KeepOutermost(std::vector<xmlNode*>& nodes);

// Unlinks and frees `nodes` (the outermost of them), and empties the list.
void RemoveNodes(std::vector<xmlNode*>& nodes);

}  // namespace parallax::internal

#endif  // PARALLAX_CORPUS_HTML_CHROME_H_
