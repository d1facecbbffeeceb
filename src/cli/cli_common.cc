#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <utility>

#include "cli/cli.h"

namespace parallax::cli {
namespace fs = std::filesystem;

void AddLimitOptions(po::options_description& options, InputLimits& limits, int flags) {
  if (flags & kLimitBytes) {
    options.add_options()("max-bytes",
                          po::value(&limits.max_bytes)->default_value(limits.max_bytes),
                          "refuse an input file (or gunzipped input, or JSON line) larger than "
                          "this many bytes");
  }
  if (flags & kLimitDepth) {
    options.add_options()(
        "max-depth", po::value(&limits.max_depth)->default_value(limits.max_depth),
        "deepest nesting read: HTML tags deeper are ignored (text kept, with a warning); a feed "
        "or JSON nested deeper is an error");
  }
  if (flags & kLimitArticles) {
    options.add_options()("max-articles",
                          po::value(&limits.max_articles)->default_value(limits.max_articles),
                          "read at most this many articles; more is an error");
  }
}

void CheckLimits(const InputLimits& limits) {
  if (limits.max_bytes == 0 || limits.max_depth == 0 || limits.max_articles == 0) {
    throw UsageError("--max-bytes, --max-depth and --max-articles must be at least 1");
  }
}

IngestOptions IngestOptionsWith(const InputLimits& limits) {
  IngestOptions ingest;
  ingest.max_bytes = limits.max_bytes;
  ingest.max_depth = limits.max_depth;
  ingest.max_articles = limits.max_articles;
  return ingest;
}

void FlushStdoutOrThrow() {
  std::cout.flush();
  if (!std::cout || std::fflush(stdout) != 0 || std::ferror(stdout)) {
    const std::string why = errno != 0 ? std::strerror(errno) : "write error";
    throw InputError(MakeError("-", 0, 0, "cannot write the output: " + why,
                               "check that the disk is not full and the pipe still open"));
  }
}

bool ParseArgs(const std::string& command, const std::vector<std::string>& args,
               po::options_description& options,
               const po::positional_options_description& positional, const HelpText& help,
               po::variables_map& vm) {
  options.add_options()("help,h", "show this help and exit");
  try {
    po::store(po::command_line_parser(args).options(options).positional(positional).run(), vm);
    if (vm.count("help")) {
      std::cout << "Usage: " << help.usage << "\n\n" << help.about << "\n\n" << options << "\n";
      if (!help.examples.empty()) std::cout << "Examples:\n" << help.examples << "\n";
      return false;
    }
    po::notify(vm);
  } catch (const po::too_many_positional_options_error&) {
    throw UsageError("too many arguments");
  } catch (const po::error& e) {
    throw UsageError(e.what());
  }
  (void)command;
  return true;
}

void AddProgressOptions(po::options_description& options, ProgressFlags& flags) {
  options.add_options()("quiet", po::bool_switch(&flags.quiet),
                        "no progress line (the closing summary is still printed)")(
      "progress", po::bool_switch(&flags.force),
      "show progress even when standard error is not a terminal (for a log file: one line a "
      "second)");
}

int PrintDiagnostics(const Diagnostics& diagnostics, bool show_warnings) {
  int errors = 0;
  for (const Diagnostic& d : diagnostics) {
    if (d.severity == Severity::kError) ++errors;
    if (d.severity == Severity::kError || show_warnings) std::cerr << d.ToString() << "\n";
  }
  return errors;
}

std::string DataRoot() {
  std::error_code ec;
  if (fs::exists("corpus/outlets.xml", ec) && fs::is_directory("lexicons", ec)) return ".";
  if (const char* env = std::getenv("PARALLAX_DATA")) return env;
  return PARALLAX_SOURCE_DIR;
}

std::string DefaultOutletsFile() { return DataRoot() + "/corpus/outlets.xml"; }
std::string DefaultCorpusDir() { return DataRoot() + "/corpus/lachin-2023"; }
std::string DefaultLexiconDir() { return DataRoot() + "/lexicons"; }

OutletsFile LoadOutletsOrThrow(std::string path) {
  if (path.empty()) path = DefaultOutletsFile();
  OutletsLoadResult r = LoadOutlets(path);
  if (PrintDiagnostics(r.diagnostics) > 0) {
    throw InputError(MakeError(path, 0, 0, "the outlets file has errors (see above)"));
  }
  return std::move(r.file);
}

Lexicon LoadLexiconsOrThrow(const std::vector<std::string>& paths) {
  std::vector<std::string> files = paths;
  if (files.empty()) {
    const std::string dir = FindLexiconDir();
    if (dir.empty()) {
      throw InputError(MakeError("lexicons/", 0, 0, "the shipped lexicons were not found",
                                 "set PARALLAX_LEXICON_DIR or pass --lexicon FILE"));
    }
    files = DefaultLexiconPaths(dir);
  }
  LexiconLoadResult r = LoadLexicons(files);
  if (PrintDiagnostics(r.diagnostics) > 0) {
    throw InputError(MakeError(files.front(), 0, 0, "the lexicon has errors (see above)",
                               "'parallax lexicon check FILE' lists every problem"));
  }
  return std::move(r.lexicon);
}

bool UseColor() { return std::getenv("NO_COLOR") == nullptr && isatty(STDOUT_FILENO); }

}  // namespace parallax::cli
