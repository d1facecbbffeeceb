// Ingestion: whatever a facilitator has — an article file or pasted text, a saved HTML page
// (gzipped or not), an RSS/Atom feed, news-please JSON or JSON Lines — becomes articles with
// metadata. The format is recognised from the bytes, not the file name. Text is decoded (UTF-8,
// UTF-8 with BOM, UTF-16 with BOM) and malformed UTF-8 becomes U+FFFD with a warning naming
// file, line and column. A bad input yields diagnostics and no articles; it never stops the
// others, and nothing is skipped without a diagnostic.
#ifndef PARALLAX_CORPUS_INGEST_H_
#define PARALLAX_CORPUS_INGEST_H_

#include <cstdint>
#include <string>
#include <vector>

#include "core/article.h"
#include "core/diagnostic.h"
#include "core/file_io.h"
#include "corpus/outlets.h"
#include "corpus/page_outlet.h"

namespace parallax {

struct IngestOptions {
  std::string outlet;    // force this outlet id (default: front matter, else corpus/page_outlet.h)
  std::string language;  // force this language (default: from the input)
  std::uint64_t max_bytes = kDefaultMaxInputBytes;  // per input file (and after gunzip)
  std::size_t max_depth = kDefaultMaxDepth;         // element / JSON nesting (core/limits.h)
  std::size_t max_articles = kDefaultMaxArticles;   // LoadArticles: articles read in all
  const OutletsFile* outlets = nullptr;             // to recognise outlets by web domain
  // The address the bytes were fetched from (after redirects): a page's `url:`, and the domain
  // that names its outlet when the page states no address of its own. Empty for files.
  std::string source_url;
};

enum class InputFormat { kArticle, kHtml, kFeed, kJson, kUnknown };
const char* InputFormatName(InputFormat format);  // "article", "html", "feed", "json", "?"

struct IngestedInput {
  std::string path;
  InputFormat format = InputFormat::kUnknown;
  std::vector<Article> articles;  // raw: body as read; not cleaned yet
  // How each article's outlet was found (same order as `articles`): given (by --outlet or the
  // article's own `outlet:`), the outlets file, the page's site name or its domain.
  std::vector<OutletSource> outlet_sources;
  Diagnostics diagnostics;
  // What the input looks like when it was refused for not being text ("a PDF document"), else "".
  std::string binary_kind;
  bool rejected() const { return HasErrors(diagnostics) && articles.empty(); }
};

// Reads and converts one input file ("-" for standard input).
IngestedInput IngestFile(const std::string& path, const IngestOptions& options);

// Converts bytes already in memory; `path` names them in diagnostics and gives default ids.
IngestedInput IngestBytes(std::string bytes, const std::string& path, const IngestOptions& options);

// Expands folders (recursively, hidden entries skipped, symlink loops reported) into the files
// they hold, sorted; files are kept as given. Problems become diagnostics. A folder's notes
// (IsFolderNotes) are skipped with a warning; a story's events.xml and the pages kept beside
// their article files (IsStoryCompanion) are skipped as the report skips them.
std::vector<std::string> ExpandInputs(const std::vector<std::string>& inputs,
                                      Diagnostics& diagnostics);

// Reads every input (files, or folders expanded with ExpandInputs) and cleans each article with
// its outlet's patterns: what `annotate`, `match` and `align` work on. Bad inputs become
// diagnostics; the others are still returned, in input order. A file found in a folder that is
// not text at all (a .docx, a PDF, an image) is skipped with a warning, as the report skips
// it, and does not count as rejected; given by name, it is an error. At most options.max_articles
// articles are returned: past that, an error names the limit and the rest is not read.
struct LoadedArticles {
  std::vector<Article> articles;
  Diagnostics diagnostics;
  std::size_t rejected_inputs = 0;
};
LoadedArticles LoadArticles(const std::vector<std::string>& inputs, const IngestOptions& options);

}  // namespace parallax

#endif  // PARALLAX_CORPUS_INGEST_H_
