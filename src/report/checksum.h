// Checksums for a report's provenance: which exact corpus and lexicon produced it. SHA-256 so a
// reader can confirm a file with `sha256sum`.
#ifndef PARALLAX_REPORT_CHECKSUM_H_
#define PARALLAX_REPORT_CHECKSUM_H_

#include <string>
#include <string_view>
#include <vector>

#include "core/article.h"
#include "core/sha256.h"
#include "i18n/messages.h"

namespace parallax {

// Provenance of one article: its file name (no directory) and the SHA-256 of the file's bytes.
// Articles built in memory (no source_path) are hashed over their body.
struct ArticleChecksum {
  std::string article;  // article id
  std::string file;     // file name without directory, "" when built in memory
  std::string sha256;
  // For a page `parallax ingest` fetched (empty otherwise): when, from which final address,
  // with which HTTP status, and the SHA-256 of the page as received.
  std::string fetched;
  std::string url;
  std::string http_status;
  std::string page_sha256;
};

// "fetched 2026-12-06T22:50:03Z from URL (HTTP 200, page SHA-256 …)" for a fetched article,
// "" for the others. `shown_url` is the address as the report may show it (blinded or not).
std::string FetchProvenance(const ArticleChecksum& checksum, const std::string& shown_url,
                            const Messages& messages);

// Per-article checksums, in the order of `articles`. Throws InputError when a source file can
// no longer be read.
std::vector<ArticleChecksum> ChecksumArticles(const std::vector<Article>& articles);

// One checksum for the corpus: SHA-256 over the lines "<sha256>  <file>\n" of `files` (the
// `sha256sum` output format), so `sha256sum *.txt | sha256sum` in the story folder reproduces it
// when the files are listed in name order.
std::string CorpusChecksum(const std::vector<ArticleChecksum>& files);

}  // namespace parallax

#endif  // PARALLAX_REPORT_CHECKSUM_H_
