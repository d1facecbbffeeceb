#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/cli.h"
#include "core/file_io.h"
#include "corpus/boilerplate.h"
#include "corpus/ingest.h"
#include "corpus/outlets.h"

namespace parallax::cli {

int RunExtract(const std::vector<std::string>& args) {
  std::string file = "-";
  std::string format = "text";
  std::string outlets_path;
  InputLimits limits;
  po::options_description options("Options");
  options.add_options()("file", po::value(&file),
                        "the page or article ('-' or nothing: standard input)")(
      "format", po::value(&format)->default_value("text"), "text or json")(
      "outlets", po::value(&outlets_path), "outlets file (default: corpus/outlets.xml)");
  AddLimitOptions(options, limits, kAllLimits);
  po::positional_options_description positional;
  positional.add("file", 1);
  const HelpText help{
      "parallax extract [FILE|-] [--format text|json]",
      "Prints one page or article as clean text: main text of a saved page (gzipped or not),\n"
      "or an article file or pasted text with its boilerplate removed; paragraphs separated by\n"
      "blank lines. With --format json it prints one object with title, date, outlet,\n"
      "language, url and articleBody (one per line for a feed or JSON Lines input).",
      "  parallax extract corpus/lachin-2023/001_moscow-times.txt\n"
      "  parallax extract --format json saved-page.html.gz\n"};
  po::variables_map vm;
  if (!ParseArgs("extract", args, options, positional, help, vm)) return kExitOk;
  if (format != "text" && format != "json") throw UsageError("--format must be text or json");
  CheckLimits(limits);
  if (outlets_path.empty()) outlets_path = DefaultOutletsFile();
  OutletsLoadResult outlets = LoadOutlets(outlets_path);
  if (PrintDiagnostics(outlets.diagnostics) > 0) return kExitUsage;

  IngestOptions ingest = IngestOptionsWith(limits);
  ingest.outlets = &outlets.file;
  IngestedInput in = IngestFile(file, ingest);
  int status = kExitOk;
  if (in.articles.size() > limits.max_articles) {
    in.articles.resize(limits.max_articles);
    in.diagnostics.push_back(MakeError(
        file, 0, 0,
        "more than " + std::to_string(limits.max_articles) + " articles; the rest were not read",
        "raise the limit with --max-articles"));
    status = kExitUsage;
  }
  PrintDiagnostics(in.diagnostics);
  if (in.articles.empty()) return kExitUsage;
  for (Article& a : in.articles) {
    // A page's furniture was already left out by the DOM scoring; the generic rules are for
    // pasted text, where they would also catch short lines of a page's real text.
    CleanOptions clean;
    clean.generic_rules = in.format != InputFormat::kHtml;
    CleanArticle(a, outlets.file.Find(a.outlet), clean);
    if (format == "json") {
      nlohmann::ordered_json j;
      j["title"] = a.title;
      j["date"] = a.date ? a.date->ToString() : "";
      j["outlet"] = a.outlet;
      j["language"] = a.language;
      j["url"] = a.url;
      j["articleBody"] = a.text;
      std::cout << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    } else {
      if (in.articles.size() > 1) std::cout << "== " << a.title << "\n";
      std::cout << a.text << "\n";
    }
  }
  FlushStdoutOrThrow();
  return status;
}

}  // namespace parallax::cli
