// A corpus: the article files of one story folder (corpus/<story>/*.txt), read, matched to their
// outlets and cleaned. Loading never stops at a bad article: each problem becomes a diagnostic
// naming the file, and the good articles are still returned. Files that are not article files
// are reported, never silently skipped. Order is by file name, so output is deterministic.
#ifndef PARALLAX_CORPUS_CORPUS_H_
#define PARALLAX_CORPUS_CORPUS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "core/article.h"
#include "core/diagnostic.h"
#include "core/file_io.h"
#include "corpus/outlets.h"

namespace parallax {

struct CorpusOptions {
  std::uint64_t max_bytes = kDefaultMaxInputBytes;  // per file
  std::size_t max_articles = kDefaultMaxArticles;   // per corpus
};

struct Corpus {
  std::string story;  // the folder name, e.g. "lachin-2023"
  std::string dir;
  std::vector<Article> articles;  // cleaned, in file-name order
  Diagnostics diagnostics;        // per file; an article with errors is left out
  std::size_t rejected = 0;       // files left out because of errors
};

// Reads every article file (*.txt, *.md) directly in `dir`. Articles are cleaned with their
// outlet's patterns from `outlets` (an unknown outlet id is a warning).
Corpus LoadCorpus(const std::string& dir, const OutletsFile& outlets,
                  const CorpusOptions& options = {});

}  // namespace parallax

#endif  // PARALLAX_CORPUS_CORPUS_H_
