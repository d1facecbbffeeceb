// A corpus: the article files of one story folder (corpus/<story>/*.txt), read, matched to their
// outlets and cleaned. Loading never stops at a bad article: each problem becomes a diagnostic
// naming the file, and the good articles are still returned. Files that are not article files
// are reported, never silently skipped. Order is by file name, so output is deterministic.
#ifndef PARALLAX_CORPUS_CORPUS_H_
#define PARALLAX_CORPUS_CORPUS_H_

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "core/article.h"
#include "core/diagnostic.h"
#include "core/file_io.h"
#include "corpus/article_file.h"
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

// The article files (*.txt, *.md) directly in `dir`, sorted by name. Other files (but for
// events.xml and hidden files) are reported as skipped, and a folder that cannot be listed as
// an error, in `*diagnostics`.
std::vector<std::filesystem::path> ListArticleFiles(const std::string& dir,
                                                    Diagnostics* diagnostics);

// Reads one article file and, when it has no errors, cleans it with its outlet's patterns from
// `outlets`; an outlet id not in `outlets` is a warning. An article that names no outlet gets
// one of its own (GiveOwnOutlet, corpus/article_file.h).
ArticleReadResult ReadCorpusArticle(const std::filesystem::path& path, const OutletsFile& outlets,
                                    std::uint64_t max_bytes);

// Reads every article file (*.txt, *.md) directly in `dir`. Articles are cleaned with their
// outlet's patterns from `outlets` (an unknown outlet id is a warning); each article that names
// no outlet is an outlet of its own, with an id no other article has.
Corpus LoadCorpus(const std::string& dir, const OutletsFile& outlets,
                  const CorpusOptions& options = {});

}  // namespace parallax

#endif  // PARALLAX_CORPUS_CORPUS_H_
