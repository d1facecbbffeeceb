#include <filesystem>
#include <iostream>
#include <sstream>

#include "cli/cli.h"
#include "core/file_io.h"
#include "corpus/corpus.h"
#include "report/story_summary.h"

namespace parallax::cli {
namespace fs = std::filesystem;

int RunReport(const std::vector<std::string>& args) {
  std::vector<std::string> dirs;
  std::string out_dir;
  std::string outlets_path;
  std::string formats;
  std::uint64_t max_bytes = kDefaultMaxInputBytes;
  po::options_description options("Options");
  options.add_options()("corpus", po::value(&dirs),
                        "story folders (default: the shipped corpus/lachin-2023)")(
      "output,o", po::value(&out_dir), "write into this folder (default: reports/<story>/)")(
      "format", po::value(&formats)->default_value("md,json"), "comma-separated: md, json")(
      "outlets", po::value(&outlets_path), "outlets file (default: corpus/outlets.xml)")(
      "max-bytes", po::value(&max_bytes)->default_value(kDefaultMaxInputBytes),
      "refuse article files larger than this many bytes");
  po::positional_options_description positional;
  positional.add("corpus", -1);
  const HelpText help{
      "parallax report [CORPUS_DIR...] [-o DIR] [--format md,json]",
      "Reads the article files of a story folder, cleans them, and writes the framing report\n"
      "into reports/<story>/ (or -o DIR). With no folder it reports on the shipped corpus.\n"
      "Every write is atomic: an interrupted run never leaves a half-written report.",
      "  parallax report\n  parallax report corpus/lachin-2023 -o /tmp/lachin --format md\n"};
  po::variables_map vm;
  if (!ParseArgs("report", args, options, positional, help, vm)) return kExitOk;
  if (dirs.empty()) dirs.push_back(DefaultCorpusDir());
  if (outlets_path.empty()) outlets_path = DefaultOutletsFile();
  bool want_md = false;
  bool want_json = false;
  std::istringstream fs_in(formats);
  for (std::string f; std::getline(fs_in, f, ',');) {
    if (f == "md") {
      want_md = true;
    } else if (f == "json") {
      want_json = true;
    } else {
      throw UsageError("unknown format '" + f + "' (known: md, json)");
    }
  }
  if (dirs.size() > 1 && !out_dir.empty()) {
    throw UsageError("-o names one folder; give one story folder with it");
  }

  OutletsLoadResult outlets = LoadOutlets(outlets_path);
  if (PrintDiagnostics(outlets.diagnostics) > 0) return kExitUsage;
  int status = kExitOk;
  for (const std::string& dir : dirs) {
    CorpusOptions corpus_options;
    corpus_options.max_bytes = max_bytes;
    const Corpus corpus = LoadCorpus(dir, outlets.file, corpus_options);
    const int errors = PrintDiagnostics(corpus.diagnostics);
    if (errors > 0) status = kExitUsage;
    if (corpus.articles.empty()) {
      std::cerr << "parallax report: no readable articles in " << dir << "\n";
      status = kExitUsage;
      continue;
    }
    const std::string target =
        out_dir.empty() ? (fs::path(DataRoot()) / "reports" / corpus.story).string() : out_dir;
    std::error_code ec;
    fs::create_directories(target, ec);
    if (ec)
      throw InputError(MakeError(target, 0, 0, "cannot create the report folder: " + ec.message()));
    std::vector<std::string> written;
    if (want_md) {
      const std::string path = (fs::path(target) / "report.md").string();
      WriteFileAtomic(path, StorySummaryMarkdown(corpus, outlets.file));
      written.push_back(path);
    }
    if (want_json) {
      const std::string path = (fs::path(target) / "report.json").string();
      WriteFileAtomic(path, StorySummaryJson(corpus, outlets.file).dump(2) + "\n");
      written.push_back(path);
    }
    std::size_t removed = 0;
    for (const Article& a : corpus.articles) removed += a.removed.size();
    std::cout << corpus.story << ": " << corpus.articles.size() << " articles, " << removed
              << " boilerplate lines removed";
    if (corpus.rejected > 0) std::cout << ", " << corpus.rejected << " files rejected";
    std::cout << "\n";
    for (const std::string& w : written)
      std::cout << "report written: " << fs::absolute(w).lexically_normal().string() << "\n";
  }
  return status;
}

}  // namespace parallax::cli
