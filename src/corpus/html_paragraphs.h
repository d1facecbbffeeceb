// From the kept blocks of a page to paragraphs of text: one per block element (one per table
// row, its cells joined by spaces) and at <br><br>, white space collapsed, <pre> line breaks
// kept; never-content elements (script, figure, ruby readings …) left out; optionally without
// all-link paragraphs and credit lines, and with the end of the article tidied (closing link
// lines and titles whose section was pruned). Internal to corpus/html_*.
#ifndef PARALLAX_CORPUS_HTML_PARAGRAPHS_H_
#define PARALLAX_CORPUS_HTML_PARAGRAPHS_H_

#include <string>
#include <string_view>
#include <vector>

#include "corpus/html_dom.h"

namespace parallax::internal {

// Elements that never hold article text (or that hold only chrome in any page).
bool IsDroppedTag(std::string_view tag);
// Elements that start a new paragraph.
bool IsBlockTag(std::string_view tag);
// h1 … h6.
bool IsHeading(std::string_view tag);

// The text below each of `roots`, in order, as paragraphs. A root is read even when its own
// tag is a never-content one (a <noscript> that swallowed the page), and so is a <noscript>
// below a root: run DropChrome first, which keeps only those that hold the page's text.
//   drop_link_paragraphs: a paragraph whose text is (90% or more) link is left out, and so is
//             a short one (under 200 code points, spaces aside) with a copyright sign: a
//             photo credit or caption, an agency's copyright line
//   tidy_end: the end of the article is tidied: short lines with a link that close it (a call
//             to follow or subscribe, a credit) go, then headings and labels ("Related:") with
//             nothing of their section after them
std::vector<std::string> ParagraphsOf(const std::vector<xmlNode*>& roots, bool drop_link_paragraphs,
                                      bool tidy_end);

}  // namespace parallax::internal

#endif  // PARALLAX_CORPUS_HTML_PARAGRAPHS_H_
