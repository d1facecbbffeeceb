// The main text of a parsed page: the Readability family of heuristics, general rules only.
// Never-content and hidden elements are dropped (corpus/html_chrome.h); blocks are scored by text
// length, commas, link density, tag and class/id names; the best-scoring container and its related
// siblings are kept; boilerplate inside them (link lists, share bars, "related" boxes) is pruned;
// the rest is cut into paragraphs (corpus/html_paragraphs.h). Every traversal is iterative.
// Internal to corpus/html_*.
#ifndef PARALLAX_CORPUS_HTML_MAIN_TEXT_H_
#define PARALLAX_CORPUS_HTML_MAIN_TEXT_H_

#include <string>
#include <string_view>
#include <vector>

#include "corpus/html_chrome.h"
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
