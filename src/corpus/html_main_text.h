// The main text of a parsed page: the Readability family of heuristics, general rules only.
// Never-content and hidden elements are dropped; blocks are scored by text length, commas,
// link density, tag and class/id names; the best-scoring container and its related siblings
// are kept; boilerplate inside them (link lists, share bars, "related" boxes) is pruned; the
// rest is cut into paragraphs (corpus/html_paragraphs.h). Every traversal is iterative.
// Internal to corpus/html_*.
#ifndef PARALLAX_CORPUS_HTML_MAIN_TEXT_H_
#define PARALLAX_CORPUS_HTML_MAIN_TEXT_H_

#include <string>
#include <string_view>
#include <vector>

#include "corpus/html_dom.h"
#include "corpus/html_metadata.h"
#include "corpus/html_paragraphs.h"

namespace parallax::internal {

// How strict one extraction attempt is (Readability's fallback ladder relaxes them in turn).
//
//   field                default  meaning
//   strip_unlikely       true     drop elements whose class/id only say boilerplate, first
//   weight_classes       true     class/id names add to or take from a block's score
//   clean_conditionally  true     prune link lists, forms, media boxes inside the kept blocks
struct MainTextFlags {
  bool strip_unlikely = true;
  bool weight_classes = true;
  bool clean_conditionally = true;
};

// Code points of text below `root` a reader would see (not in script, style, template, title).
std::size_t VisibleTextSize(xmlNode* root);

// Code points of visible text inside <p> elements below `root`.
std::size_t ParagraphTextSize(xmlNode* root);

// libxml2 does not close some elements where browsers do (an unclosed <noscript>, a <header> or
// a navigation menu whose end tags are misnested): such an element swallows the rest of the page.
// One that holds more than half the text of the page's paragraphs (and at least
// kMisplacedText of it) and an <article>, <main> or role=main (any content for a <noscript>) is the
// page,
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

// One extraction attempt; changes `doc` (hand it a freshly parsed one each time). From the
// page's `evidence`: its own description (may be empty): a block above the article that repeats
// it is taken as the article's lead; a recipe's ingredients: their list is part of the article
// (corpus/html_recipe.h).
std::vector<std::string> ExtractMainText(xmlDoc* doc, const MainTextFlags& flags,
                                         const PageEvidence& evidence);

// Bytes of text in `paragraphs`.
std::size_t TotalSize(const std::vector<std::string>& paragraphs);

}  // namespace parallax::internal

#endif  // PARALLAX_CORPUS_HTML_MAIN_TEXT_H_
