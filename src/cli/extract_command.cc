#include <algorithm>
#include <iostream>
#include <nlohmann/json.hpp>

#include "align/parallel.h"
#include "cli/cli.h"
#include "core/file_io.h"
#include "corpus/boilerplate.h"
#include "corpus/ingest.h"
#include "corpus/outlets.h"

namespace parallax::cli {
namespace {

nlohmann::ordered_json ArticleJson(const Article& a) {
  nlohmann::ordered_json j;
  j["title"] = a.title;
  j["date"] = a.date ? a.date->ToString() : "";
  j["outlet"] = a.outlet;
  j["language"] = a.language;
  j["url"] = a.url;
  j["articleBody"] = a.text;
  return j;
}

std::string Dump(const nlohmann::ordered_json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// The first error among `diagnostics`, as one line for a JSON Lines record.
std::string FirstError(const Diagnostics& diagnostics) {
  for (const Diagnostic& d : diagnostics) {
    if (d.severity == Severity::kError) return d.message;
  }
  return "no article found";
}

// Files read together on the worker threads before their lines are written, in order: enough
// to keep both cores busy, few enough to keep memory bounded on a long list.
constexpr std::size_t kBatchWindow = 256;

}  // namespace

int RunExtract(const std::vector<std::string>& args) {
  std::vector<std::string> files;
  std::string format = "text";
  std::string outlets_path;
  int threads = 0;
  InputLimits limits;
  po::options_description options("Options");
  options.add_options()("file", po::value(&files),
                        "the page or article ('-' or nothing: standard input); several with "
                        "--format jsonl")(
      "format", po::value(&format)->default_value("text"),
      "text, json, or jsonl (one line per article, with its file name; many files in one run)")(
      "outlets", po::value(&outlets_path), "outlets file (default: corpus/outlets.xml)")(
      "threads", po::value(&threads)->default_value(0),
      "worker threads for several files (0: one per core)");
  AddLimitOptions(options, limits, kAllLimits);
  po::positional_options_description positional;
  positional.add("file", -1);
  const HelpText help{
      "parallax extract [FILE...|-] [--format text|json|jsonl]",
      "Prints one page or article as clean text: main text of a saved page (gzipped or not),\n"
      "or an article file or pasted text with its boilerplate removed; paragraphs separated by\n"
      "blank lines. With --format json it prints one object with title, date, outlet,\n"
      "language, url and articleBody (one per line for a feed or JSON Lines input).\n"
      "With --format jsonl it reads every FILE in one process and prints one object per\n"
      "article and line, with \"file\" first; a file that cannot be read gives a line with\n"
      "\"file\" and \"error\" (and the message on standard error), the others are still read,\n"
      "and the exit code is 2. Files are read on --threads workers; lines keep the files' order.",
      "  parallax extract corpus/lachin-2023/001_moscow-times.txt\n"
      "  parallax extract --format json saved-page.html.gz\n"
      "  parallax extract --format jsonl pages/*.html.gz > pages.jsonl\n"};
  po::variables_map vm;
  if (!ParseArgs("extract", args, options, positional, help, vm)) return kExitOk;
  if (format != "text" && format != "json" && format != "jsonl") {
    throw UsageError("--format must be text, json or jsonl");
  }
  if (files.empty()) files.push_back("-");
  if (files.size() > 1 && format != "jsonl") {
    throw UsageError("several files need --format jsonl (one line per article, with its file)");
  }
  if (threads < 0) throw UsageError("--threads takes 0 (one per core) or more");
  CheckLimits(limits);
  if (outlets_path.empty()) outlets_path = DefaultOutletsFile();
  OutletsLoadResult outlets = LoadOutlets(outlets_path);
  if (PrintDiagnostics(outlets.diagnostics) > 0) return kExitUsage;

  IngestOptions ingest = IngestOptionsWith(limits);
  ingest.outlets = &outlets.file;
  int status = kExitOk;
  const unsigned workers = internal::WorkerCount(threads);
  std::vector<IngestedInput> window;
  for (std::size_t start = 0; start < files.size(); start += kBatchWindow) {
    const std::size_t count = std::min(kBatchWindow, files.size() - start);
    window.assign(count, IngestedInput());
    // Reading, extracting and cleaning on the workers; writing here, in the files' order.
    internal::ParallelChunks(
        count, workers,
        [&](std::size_t begin, std::size_t end, unsigned) {
          for (std::size_t i = begin; i < end; ++i) {
            IngestedInput& in = window[i];
            in = IngestFile(files[start + i], ingest);
            for (Article& a : in.articles) {
              // A page's furniture was already left out by the DOM scoring; the generic rules
              // are for pasted text, where they would also catch short lines of a page's text.
              CleanOptions clean;
              clean.generic_rules = in.format != InputFormat::kHtml;
              CleanArticle(a, outlets.file.Find(a.outlet), clean);
            }
          }
        },
        /*chunk=*/4);
    for (std::size_t i = 0; i < count; ++i) {
      const std::string& file = files[start + i];
      IngestedInput& in = window[i];
      if (in.articles.size() > limits.max_articles) {
        in.articles.resize(limits.max_articles);
        in.diagnostics.push_back(MakeError(file, 0, 0,
                                           "more than " + std::to_string(limits.max_articles) +
                                               " articles; the rest were not read",
                                           "raise the limit with --max-articles"));
        status = kExitUsage;
      }
      PrintDiagnostics(in.diagnostics);
      if (in.articles.empty()) {
        status = kExitUsage;
        if (format == "jsonl") {
          nlohmann::ordered_json j;
          j["file"] = file;
          j["error"] = FirstError(in.diagnostics);
          std::cout << Dump(j) << "\n";
        }
        continue;
      }
      for (const Article& a : in.articles) {
        if (format == "jsonl") {
          nlohmann::ordered_json j;
          j["file"] = file;
          j.update(ArticleJson(a));
          std::cout << Dump(j) << "\n";
        } else if (format == "json") {
          std::cout << Dump(ArticleJson(a)) << "\n";
        } else {
          if (in.articles.size() > 1) std::cout << "== " << a.title << "\n";
          std::cout << a.text << "\n";
        }
      }
    }
  }
  FlushStdoutOrThrow();
  return status;
}

}  // namespace parallax::cli
