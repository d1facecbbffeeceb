#include <iostream>

#include "cli/cli.h"
#include "corpus/article_file.h"
#include "corpus/boilerplate.h"
#include "corpus/outlets.h"

namespace parallax::cli {

int RunClean(const std::vector<std::string>& args) {
  std::vector<std::string> files;
  std::string outlets_path;
  std::string outlet_id;
  po::options_description options("Options");
  options.add_options()("file", po::value(&files), "article files ('-' reads standard input)")(
      "outlet", po::value(&outlet_id),
      "apply this outlet's patterns (default: the file's 'outlet:')")(
      "outlets", po::value(&outlets_path), "outlets file (default: corpus/outlets.xml)");
  po::positional_options_description positional;
  positional.add("file", -1);
  const HelpText help{
      "parallax clean FILE... [--outlet ID]",
      "Shows, line by line, what boilerplate removal drops from each article and the rule that\n"
      "drops it, so a facilitator can check it before trusting the report. Outlet notes (such as\n"
      "a standing naming policy) are listed apart: they leave the text but are kept.",
      "  parallax clean corpus/lachin-2023/002_oc-media.txt\n"};
  po::variables_map vm;
  if (!ParseArgs("clean", args, options, positional, help, vm)) return kExitOk;
  if (files.empty()) throw UsageError("give at least one article file");
  if (outlets_path.empty()) outlets_path = DefaultOutletsFile();
  OutletsLoadResult outlets = LoadOutlets(outlets_path);
  if (PrintDiagnostics(outlets.diagnostics) > 0) return kExitUsage;
  int status = kExitOk;
  for (const std::string& file : files) {
    ArticleReadResult r = ReadArticleFile(file);
    if (PrintDiagnostics(r.diagnostics) > 0) {
      status = kExitUsage;
      continue;
    }
    const std::string id = outlet_id.empty() ? r.article.outlet : outlet_id;
    CleanArticle(r.article, outlets.file.Find(id));
    std::cout << "== " << file << ": " << r.article.removed.size() << " lines removed\n";
    for (const RemovedLine& line : r.article.removed) {
      std::cout << "  " << line.line << "  [" << line.rule << "]  " << line.text << "\n";
    }
    for (const std::string& note : r.article.outlet_notes)
      std::cout << "  outlet note: " << note << "\n";
  }
  return status;
}

}  // namespace parallax::cli
