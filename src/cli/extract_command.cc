#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/cli.h"
#include "core/file_io.h"
#include "corpus/article_file.h"
#include "corpus/boilerplate.h"
#include "corpus/outlets.h"

namespace parallax::cli {

int RunExtract(const std::vector<std::string>& args) {
  std::string file = "-";
  std::string format = "text";
  std::string outlets_path;
  std::uint64_t max_bytes = kDefaultMaxInputBytes;
  po::options_description options("Options");
  options.add_options()("file", po::value(&file),
                        "the page or article ('-' or nothing: standard input)")(
      "format", po::value(&format)->default_value("text"), "text or json")(
      "outlets", po::value(&outlets_path), "outlets file (default: corpus/outlets.xml)")(
      "max-bytes", po::value(&max_bytes)->default_value(kDefaultMaxInputBytes),
      "refuse inputs larger than this many bytes");
  po::positional_options_description positional;
  positional.add("file", 1);
  const HelpText help{
      "parallax extract [FILE|-] [--format text|json]",
      "Prints one article as clean text: boilerplate removed, paragraphs separated by blank\n"
      "lines. With --format json it prints one object with title, date, outlet, language, url\n"
      "and articleBody.",
      "  parallax extract corpus/lachin-2023/001_moscow-times.txt\n"
      "  parallax extract --format json page.txt\n"};
  po::variables_map vm;
  if (!ParseArgs("extract", args, options, positional, help, vm)) return kExitOk;
  if (format != "text" && format != "json") throw UsageError("--format must be text or json");
  if (outlets_path.empty()) outlets_path = DefaultOutletsFile();
  OutletsLoadResult outlets = LoadOutlets(outlets_path);
  if (PrintDiagnostics(outlets.diagnostics) > 0) return kExitUsage;

  ArticleReadResult r = ParseArticle(ReadFile(file, max_bytes), file);
  if (PrintDiagnostics(r.diagnostics) > 0) return kExitUsage;
  Article& a = r.article;
  CleanArticle(a, outlets.file.Find(a.outlet));
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
    std::cout << a.text << "\n";
  }
  return kExitOk;
}

}  // namespace parallax::cli
