// The `parallax` command-line front end: subcommands, shared flag handling and error reporting.
// Only this directory prints or exits; the library returns results and diagnostics.
#ifndef PARALLAX_CLI_CLI_H_
#define PARALLAX_CLI_CLI_H_

#include <boost/program_options.hpp>
#include <string>
#include <vector>

#include "annotate/lexicon.h"
#include "core/diagnostic.h"
#include "core/limits.h"
#include "corpus/ingest.h"
#include "corpus/outlets.h"
#include "i18n/messages.h"

namespace parallax::cli {

namespace po = boost::program_options;

// Exit codes (DESIGN.md): 0 done, 1 findings-level failure (nothing to compare, or not
// implemented yet), 2 bad usage or input.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitUsage = 2;

// Thrown for bad usage; main prints "parallax <sub>: <message>" and a hint, and exits 2.
struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// What a subcommand needs to describe itself.
struct HelpText {
  std::string usage;     // "parallax report [CORPUS_DIR...] [options]"
  std::string about;     // a paragraph of prose
  std::string examples;  // example command lines, one per line
};

// The limits on untrusted input (core/limits.h), the same flags and defaults on every command.
struct InputLimits {
  std::uint64_t max_bytes = kDefaultMaxInputBytes;
  std::size_t max_depth = kDefaultMaxDepth;
  std::size_t max_articles = kDefaultMaxArticles;
};
// Which of the limit flags a command takes: those that mean something for what it reads.
enum LimitFlags { kLimitBytes = 1, kLimitDepth = 2, kLimitArticles = 4, kAllLimits = 7 };
// Adds --max-bytes, --max-depth and/or --max-articles (bound into `limits`) to `options`.
// Their help is in the language of `m` (parallax report --help --language ru).
void AddLimitOptions(po::options_description& options, InputLimits& limits, int flags,
                     const Messages& m = Messages());
// Throws UsageError when a limit is 0 (nothing could be read).
void CheckLimits(const InputLimits& limits);
// IngestOptions carrying `limits`.
IngestOptions IngestOptionsWith(const InputLimits& limits);

// Parses `args` (the words after the subcommand) into `vm`. Handles --help (prints help, returns
// false: the caller exits 0). Unknown flags and bad values throw UsageError.
bool ParseArgs(const std::string& command, const std::vector<std::string>& args,
               po::options_description& options,
               const po::positional_options_description& positional, const HelpText& help,
               po::variables_map& vm, const Messages& m = Messages());

// --quiet and --progress, for commands that show a progress line (cli/progress.h).
struct ProgressFlags {
  bool quiet = false;
  bool force = false;
};
void AddProgressOptions(po::options_description& options, ProgressFlags& flags,
                        const Messages& m = Messages());

// Prints diagnostics to stderr, one per line; returns the number of errors among them.
int PrintDiagnostics(const Diagnostics& diagnostics, bool show_warnings = true);

// Locations of the shipped data: the directory holding corpus/ and lexicons/. Prefers the
// current directory when it has them, then the source tree the binary was built from.
std::string DataRoot();
std::string DefaultOutletsFile();
std::string DefaultCorpusDir();

// Loads the outlets file (default when empty); prints its diagnostics; throws UsageError-like
// InputError when it has errors.
OutletsFile LoadOutletsOrThrow(std::string path);

// --lexicon and --no-default-lexicons, the same on every command that reads lexicons.
//   --lexicon FILE        one file per flag, or a comma list (a.xml,b.xml); repeatable; never
//                         takes a following argument. A folder stands for its *.xml files.
//   --no-default-lexicons the shipped lexicons are not loaded, only --lexicon files
// Which files are read (LexiconPaths):
//   no --lexicon                  the shipped set: lexicons/common/*.xml and lexicons/*.xml
//   --lexicon F                   lexicons/common/*.xml (cues, reporting verbs), then F
//   --lexicon F --no-default-...  F only
struct LexiconFlags {
  std::vector<std::string> files;
  bool no_defaults = false;
};
void AddLexiconOptions(po::options_description& options, LexiconFlags& flags,
                       const Messages& m = Messages());
// The files the flags name, in load order (see LexiconFlags). Throws UsageError for
// --no-default-lexicons without --lexicon, and InputError when the shipped lexicons are needed
// and not found.
std::vector<std::string> LexiconPaths(const LexiconFlags& flags);

// Loads the lexicons the flags name; prints warnings (all diagnostics when `show_warnings`,
// else errors only); throws InputError when any file has errors.
Lexicon LoadLexiconsOrThrow(const LexiconFlags& flags, bool show_warnings = true);
// The same for a list of files.
Lexicon LoadLexiconFilesOrThrow(const std::vector<std::string>& files, bool show_warnings = true);

// True when colour may be used on stdout (a terminal, and NO_COLOR unset).
bool UseColor();

// Articles from files or folders (any input format), cleaned; diagnostics printed.
LoadedArticles LoadArticlesForCommand(const std::vector<std::string>& inputs,
                                      const OutletsFile& outlets, const InputLimits& limits);

// Flushes standard output; when that fails (a full disk, a closed pipe) throws an error saying
// so, so a command never exits 0 with its output lost.
void FlushStdoutOrThrow();

// Subcommands.
int RunReport(const std::vector<std::string>& args);
int RunExtract(const std::vector<std::string>& args);
int RunClean(const std::vector<std::string>& args);
int RunIngest(const std::vector<std::string>& args);
int RunAnnotate(const std::vector<std::string>& args);
int RunMatch(const std::vector<std::string>& args);
int RunAlign(const std::vector<std::string>& args);
int RunLexicon(const std::vector<std::string>& args);
int RunLexiconDraft(const std::vector<std::string>& args);  // `parallax lexicon draft`
int RunScan(const std::vector<std::string>& args);

}  // namespace parallax::cli

#endif  // PARALLAX_CLI_CLI_H_
