#include "corpus/corpus.h"

#include <algorithm>
#include <filesystem>

#include "corpus/article_file.h"
#include "corpus/boilerplate.h"

namespace parallax {
namespace fs = std::filesystem;

std::vector<fs::path> ListArticleFiles(const std::string& dir, Diagnostics* diagnostics) {
  std::error_code ec;
  std::vector<fs::path> files;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const fs::path& p = it->path();
    const std::string name = p.filename().string();
    if (name.empty() || name[0] == '.') continue;
    std::error_code type_ec;
    if (it->is_directory(type_ec)) continue;
    // (A status that cannot be read, such as a symbolic link loop, is reported by the reader.)
    if (!it->is_regular_file(type_ec) && !type_ec) {
      // A FIFO, socket or device would block the reader or never end: never opened.
      diagnostics->push_back(MakeWarning(p.string(), 0, 0,
                                         "not a regular file (a FIFO, socket or device); skipped",
                                         "copy the article into a plain file"));
      continue;
    }
    const std::string ext = p.extension().string();
    if (IsFolderNotes(name)) {
      diagnostics->push_back(FolderNotesSkipped(p.string()));
    } else if (ext == ".txt" || ext == ".md") {
      files.push_back(p);
    } else if (!IsStoryCompanion(p)) {
      diagnostics->push_back(MakeWarning(p.string(), 0, 0, "not an article file; skipped",
                                         "convert pages, feeds and JSON with 'parallax ingest'"));
    }
  }
  if (ec) {
    diagnostics->push_back(MakeError(dir, 0, 0, "cannot list the folder: " + ec.message()));
  }
  std::sort(files.begin(), files.end());
  return files;
}

ArticleReadResult ReadCorpusArticle(const fs::path& path, const OutletsFile& outlets,
                                    std::uint64_t max_bytes) {
  ArticleReadResult r = ReadArticleFile(path.string(), max_bytes);
  if (!r.ok()) return r;
  const Outlet* outlet = outlets.Find(r.article.outlet);
  // Ids compare ignoring case: `outlet: CNN` is the outlets file's `cnn`, and is written so.
  if (outlet != nullptr) r.article.outlet = outlet->id;
  // An outlet ingest named from the page itself carries its own name: shown so, not a fault.
  if (outlet == nullptr && !r.article.outlet.empty() && r.article.outlet_name.empty()) {
    r.diagnostics.push_back(MakeWarning(
        path.string(), 0, 0, "outlet '" + r.article.outlet + "' is not in " + outlets.path,
        UnknownOutletHint(outlets.path) + "; or fix the 'outlet:' key"));
  }
  CleanArticle(r.article, outlet);
  // Never one nameless outlet for all the articles that name none (ParseArticle warned).
  GiveOwnOutlet(r.article);
  return r;
}

Corpus LoadCorpus(const std::string& dir, const OutletsFile& outlets,
                  const CorpusOptions& options) {
  Corpus corpus;
  corpus.dir = dir;
  corpus.story = fs::path(dir).lexically_normal().filename().string();
  if (corpus.story.empty())
    corpus.story = fs::path(dir).lexically_normal().parent_path().filename().string();
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    corpus.diagnostics.push_back(ec && ec != std::errc::no_such_file_or_directory
                                     ? MakeError(dir, 0, 0, "cannot read: " + ec.message())
                                     : MakeError(dir, 0, 0, "not a folder",
                                                 "give a story folder such as corpus/lachin-2023"));
    return corpus;
  }
  const std::vector<fs::path> files = ListArticleFiles(dir, &corpus.diagnostics);
  for (const fs::path& p : files) {
    if (corpus.articles.size() >= options.max_articles) {
      corpus.diagnostics.push_back(MakeError(
          dir, 0, 0,
          "more than " + std::to_string(options.max_articles) + " articles; the rest were not read",
          "raise the limit with --max-articles"));
      corpus.rejected += files.size() - corpus.articles.size() - corpus.rejected;
      break;
    }
    ArticleReadResult r = ReadCorpusArticle(p, outlets, options.max_bytes);
    corpus.diagnostics.insert(corpus.diagnostics.end(), r.diagnostics.begin(), r.diagnostics.end());
    if (!r.ok()) {
      ++corpus.rejected;
      continue;
    }
    corpus.articles.push_back(std::move(r.article));
  }
  UnifyOutletIdCase(corpus.articles);
  MakeOwnOutletsDistinct(corpus.articles);
  {
    std::vector<std::string*> ids;
    std::vector<std::string> paths;
    for (Article& a : corpus.articles) {
      ids.push_back(&a.id);
      paths.push_back(a.source_path);
    }
    MakeArticleIdsDistinct(ids, paths, &corpus.diagnostics);
  }
  return corpus;
}

}  // namespace parallax
