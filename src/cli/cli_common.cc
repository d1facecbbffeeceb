#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <utility>

#include "cli/cli.h"
#include "text/edit_distance.h"

namespace parallax::cli {
namespace fs = std::filesystem;

void AddLimitOptions(po::options_description& options, InputLimits& limits, int flags,
                     const Messages& m) {
  if (flags & kLimitBytes) {
    options.add_options()("max-bytes",
                          po::value(&limits.max_bytes)->default_value(limits.max_bytes),
                          m.Tr("refuse an input file (or gunzipped input, or JSON line) larger "
                               "than this many bytes")
                              .c_str());
  }
  if (flags & kLimitDepth) {
    options.add_options()(
        "max-depth", po::value(&limits.max_depth)->default_value(limits.max_depth),
        m.Tr("deepest nesting read: HTML tags deeper are ignored (text kept, with a warning); a "
             "feed or JSON nested deeper is an error")
            .c_str());
  }
  if (flags & kLimitArticles) {
    options.add_options()("max-articles",
                          po::value(&limits.max_articles)->default_value(limits.max_articles),
                          m.Tr("read at most this many articles; more is an error").c_str());
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
               po::variables_map& vm, const Messages& m) {
  options.add_options()("help,h", m.Tr("show this help and exit").c_str());
  try {
    // No guessing of abbreviations: "report --outlet F" would silently be "--outlets F" (and
    // "ingest --outlet NAME" is another option): an option is written whole, and a near miss
    // is told its nearest name below.
    namespace style = po::command_line_style;
    po::store(po::command_line_parser(args)
                  .options(options)
                  .positional(positional)
                  .style(style::default_style & ~style::allow_guessing)
                  .run(),
              vm);
    if (vm.count("help")) {
      std::cout << m.Tr("Usage:") << " " << help.usage << "\n\n"
                << help.about << "\n\n"
                << options << "\n";
      if (!help.examples.empty()) std::cout << m.Tr("Examples:") << "\n" << help.examples << "\n";
      return false;
    }
    po::notify(vm);
  } catch (const po::too_many_positional_options_error&) {
    throw UsageError("too many arguments");
  } catch (const po::unknown_option& e) {
    // "--lexicn": the nearest long option of this command, if one is near.
    std::string name = e.get_option_name();
    name.erase(0, name.find_first_not_of('-'));
    std::vector<std::string> known;
    for (const auto& option : options.options()) known.push_back(option->long_name());
    const std::string nearest = NearestWord(name, known);
    throw UsageError(std::string(e.what()) +
                     (nearest.empty() ? "" : " (did you mean '--" + nearest + "'?)"));
  } catch (const po::error& e) {
    throw UsageError(e.what());
  }
  (void)command;
  return true;
}

void AddProgressOptions(po::options_description& options, ProgressFlags& flags, const Messages& m) {
  options.add_options()("quiet", po::bool_switch(&flags.quiet),
                        m.Tr("no progress line (the closing summary is still printed)").c_str())(
      "progress", po::bool_switch(&flags.force),
      m.Tr("show progress even when standard error is not a terminal (for a log file: one line "
           "a second)")
          .c_str());
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

OutletsFile LoadOutletsOrThrow(std::string path) {
  if (path.empty()) path = DefaultOutletsFile();
  OutletsLoadResult r = LoadOutlets(path);
  if (PrintDiagnostics(r.diagnostics) > 0) {
    throw InputError(MakeError(path, 0, 0, "the outlets file has errors (see above)"));
  }
  return std::move(r.file);
}

void AddLexiconOptions(po::options_description& options, LexiconFlags& flags, const Messages& m) {
  options.add_options()(
      "lexicon", po::value(&flags.files),
      m.Tr("a lexicon file (or a comma list, or a folder of them) to use with the shipped common "
           "lexicons of cues (lexicons/common/); repeat for more. Default: the shipped set, "
           "common and the story packs lexicons/*.xml (karabakh, georgia, russia-ukraine)")
          .c_str())("no-default-lexicons", po::bool_switch(&flags.no_defaults),
                    m.Tr("use only the --lexicon files, not the shipped common lexicons").c_str());
}

std::vector<std::string> LexiconPaths(const LexiconFlags& flags) {
  std::vector<std::string> given;
  std::error_code ec;
  for (const std::string& value : flags.files) {
    std::vector<std::string> parts;
    if (fs::exists(value, ec)) {
      parts.push_back(value);  // a name with a comma in it
    } else {
      for (std::size_t begin = 0; begin <= value.size();) {
        const std::size_t comma = std::min(value.find(',', begin), value.size());
        if (comma > begin) parts.push_back(value.substr(begin, comma - begin));
        begin = comma + 1;
      }
    }
    for (const std::string& part : parts) {
      if (!fs::is_directory(part, ec)) {
        given.push_back(part);
        continue;
      }
      std::vector<std::string> in_folder;
      for (fs::directory_iterator it(part, ec), end; !ec && it != end; it.increment(ec)) {
        if (it->path().extension() == ".xml") in_folder.push_back(it->path().string());
      }
      if (in_folder.empty()) {
        throw InputError(MakeError(part, 0, 0, "the folder given to --lexicon holds no .xml file",
                                   "give lexicon files, e.g. --lexicon my-story.xml"));
      }
      std::sort(in_folder.begin(), in_folder.end());
      given.insert(given.end(), in_folder.begin(), in_folder.end());
    }
  }
  if (flags.no_defaults) {
    if (given.empty()) {
      throw UsageError("--no-default-lexicons needs the lexicons to use: --lexicon FILE");
    }
    return given;
  }
  const std::string dir = FindLexiconDir();
  if (dir.empty()) {
    throw InputError(MakeError("lexicons/", 0, 0, "the shipped lexicons were not found",
                               "set PARALLAX_LEXICON_DIR, or pass --lexicon FILE with "
                               "--no-default-lexicons"));
  }
  if (given.empty()) return DefaultLexiconPaths(dir);
  std::vector<std::string> paths = CommonLexiconPaths(dir);
  for (std::string& file : given) {
    // A shipped common file named again is read once.
    const bool listed = std::any_of(paths.begin(), paths.end(), [&](const std::string& p) {
      return fs::equivalent(p, file, ec);
    });
    if (!listed) paths.push_back(std::move(file));
  }
  return paths;
}

Lexicon LoadLexiconsOrThrow(const LexiconFlags& flags, bool show_warnings) {
  return LoadLexiconFilesOrThrow(LexiconPaths(flags), show_warnings);
}

Lexicon LoadLexiconFilesOrThrow(const std::vector<std::string>& files, bool show_warnings) {
  LexiconLoadResult r = LoadLexicons(files);
  if (PrintDiagnostics(r.diagnostics, show_warnings) > 0) {
    const auto error =
        std::find_if(r.diagnostics.begin(), r.diagnostics.end(),
                     [](const Diagnostic& d) { return d.severity == Severity::kError; });
    const std::string& file = error->path.empty() ? files.front() : error->path;
    throw InputError(MakeError(file, 0, 0, "the lexicon has errors (see above)",
                               "'parallax lexicon check " + file + "' lists every problem"));
  }
  return std::move(r.lexicon);
}

bool UseColor() { return std::getenv("NO_COLOR") == nullptr && isatty(STDOUT_FILENO); }

}  // namespace parallax::cli
