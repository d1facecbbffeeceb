// Reading a page's bytes into libxml2's tree: telling binary data from text, choosing the
// character encoding (BOM, declared charset, the WHATWG aliases, a UTF-8 check), and parsing with
// network access off, errors silenced and element nesting bounded.
// Internal to corpus/html_*.
#ifndef PARALLAX_CORPUS_HTML_PARSE_H_
#define PARALLAX_CORPUS_HTML_PARSE_H_

#include <string>
#include <string_view>

#include "core/diagnostic.h"
#include "corpus/html_dom.h"
#include "corpus/html_extractor.h"

namespace parallax::internal {

// True when the start of `data` holds bytes no text file has (NUL, most C0 controls).
bool LooksBinary(std::string_view data);

// The encoding to hand to libxml2: options.encoding, else a BOM, else the declared charset
// (ISO-8859-1 and ASCII read as windows-1252, as browsers do), else UTF-8 when the bytes are
// valid UTF-8 and windows-1252 when not. A declared single-byte charset on bytes that are valid
// UTF-8 with multi-byte sequences is wrong: UTF-8 it is, with a warning. An unknown declared
// charset adds a warning.
std::string ChooseEncoding(std::string_view data, const HtmlExtractOptions& options,
                           Diagnostics& warnings);

// Browsers ignore the slash of a self-closed <script .../> or <style .../>: what follows is
// script up to </script>. libxml2 closes the element there, and the code becomes page text.
// Returns `html` with those slashes taken out, or "" when it has none (the usual case: a scan
// for "<script" and "<style", nothing copied).
std::string OpenSelfClosedRawTextTags(std::string_view html);

// Parses `html` in `encoding`; `too_deep_line` (may be null) gets the line of the first element
// nested deeper than `max_depth` (0 when none is). Null when libxml2 could not start.
DocPtr ParseHtml(std::string_view html, const std::string& encoding, std::size_t max_depth,
                 int* too_deep_line);

}  // namespace parallax::internal

#endif  // PARALLAX_CORPUS_HTML_PARSE_H_
