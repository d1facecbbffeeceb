// HTML extraction: turns a saved web page into an article — its main text as paragraphs, and
// the metadata a report needs (title, date, author, site, language, canonical URL).
//
// Why it exists: facilitators save pages from the browser ("Save page as…", or crawls stored
// as fetched, often gzipped). A page carries navigation, sidebars, comment threads, related-
// article lists, share bars and cookie banners around the article. Framing measures computed
// on that chrome would be noise, so the body has to be found first.
//
// How: libxml2's HTML parser (never touching the network, never loading external entities,
// recovering malformed markup) builds a tree (corpus/html_parse.h). Hidden and never-content
// elements (script, style, nav, forms controls, figures, …) are dropped, blocks are scored by
// text length, commas, link density, tag and class/id names (corpus/html_class_names.h; the
// Readability family of heuristics, general rules only — nothing specific to a site), the
// best-scoring container and its related siblings are kept, boilerplate inside them (link
// lists, share bars, "related" boxes) is pruned, and the remaining text is cut into one
// paragraph per block element or <br><br> (corpus/html_main_text.h). Every traversal is
// iterative, so pathologically deep documents cannot exhaust the stack.
//
// Metadata comes from <meta> (Open Graph, Twitter cards, Dublin Core, article:*), JSON-LD
// (a single object, a list, or an @graph; malformed JSON-LD is a warning), <time datetime>,
// <link rel=canonical>, <html lang> and, last, <title> and <h1> (corpus/html_metadata.h).
#ifndef PARALLAX_CORPUS_HTML_EXTRACTOR_H_
#define PARALLAX_CORPUS_HTML_EXTRACTOR_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"
#include "core/limits.h"
#include "corpus/gzip.h"

namespace parallax {

// Options for ExtractHtml.
//
//   field                   default                 meaning
//   source_name             ""                      path or label used in diagnostics
//   fragment                false                   input is an HTML snippet (an RSS/Atom item's
//                                                   content:encoded): keep all its text blocks,
//                                                   do not score, do not read page metadata
//   encoding                ""                      force a character encoding ("windows-1251");
//                                                   empty: BOM, then <meta charset>, then UTF-8
//                                                   (windows-1252 if the bytes are not UTF-8)
//   max_decompressed_bytes  kDefaultMaxGunzipBytes  ceiling for gzipped input
//   max_depth               kDefaultMaxDepth (256)  deepest element nesting kept: deeper tags
//                                                   are ignored (their text is kept, in the
//                                                   deepest element kept) with a warning
struct HtmlExtractOptions {
  std::string source_name;
  bool fragment = false;
  std::string encoding;
  std::uint64_t max_decompressed_bytes = kDefaultMaxGunzipBytes;
  std::size_t max_depth = kDefaultMaxDepth;
};

// What ExtractHtml found. Empty strings mean "not found".
struct ExtractedPage {
  std::string title;
  std::string date;    // publication date as YYYY-MM-DD (or YYYY-MM when only the month is known)
  std::string author;  // several authors are joined with ", "
  std::string site_name;  // the outlet's own name for itself (og:site_name, JSON-LD publisher)
  std::string language;   // BCP 47 as the page states it ("en", "ru", "hy", "en-US")
  std::string url;        // canonical URL
  std::string description;
  // The main text in document order, one entry per paragraph, whitespace collapsed, entities
  // decoded, UTF-8. Headings inside the article are kept as their own paragraphs.
  std::vector<std::string> paragraphs;
  // Recoverable problems: malformed JSON-LD, an unknown declared encoding, no main text found.
  Diagnostics warnings;
};

// Extracts the article from `html`: a whole page, or a fragment when options.fragment is set.
// Gzipped input (LooksGzipped) is decompressed first, within options.max_decompressed_bytes.
// Malformed markup is recovered, never rejected; markup nested deeper than options.max_depth is
// flattened (see HtmlExtractOptions). Throws InputError only when the input is
// unusable as a whole: binary data that is not HTML (an image saved as .html), or corrupt or
// oversized gzip data. Safe to call from several threads at once.
ExtractedPage ExtractHtml(std::string_view html, const HtmlExtractOptions& options);

// Cheap sniff: true when `data` looks like HTML or XHTML text (after an optional BOM and
// whitespace, a tag, doctype or comment comes early, and there are no NUL bytes near the start).
// A page that opens with a <style>, <script> or <link> block counts when <html>, <head> or
// <body> follows within 256 KiB.
// Gzipped data is not HTML to this function; check LooksGzipped first.
bool LooksLikeHtml(std::string_view data);

}  // namespace parallax

#endif  // PARALLAX_CORPUS_HTML_EXTRACTOR_H_
