#include <algorithm>
#include <filesystem>
#include <iomanip>
#include <iostream>

#include "cli/cli.h"
#include "cli/progress.h"
#include "corpus/article_file.h"
#include "corpus/article_names.h"
#include "corpus/boilerplate.h"
#include "corpus/ingest.h"
#include "corpus/page_outlet.h"
#include "report/story_summary.h"

namespace parallax::cli {
namespace fs = std::filesystem;
namespace {

std::string Cut(const std::string& s, std::size_t width) {
  if (s.size() <= width) return s + std::string(width - s.size(), ' ');
  std::size_t cut = width - 1;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return s.substr(0, cut) + "…" + std::string(width - cut - 1, ' ');
}

// One run of `parallax ingest`: writes article files into one folder and prints the table.
class IngestRun {
 public:
  IngestRun(std::string into, bool force, const OutletsFile& outlets)
      : into_(std::move(into)), force_(force), outlets_(outlets) {}

  void PrintHeader() const {
    std::cout << Cut("input", 34) << " " << Cut("outlet", 26) << " " << Cut("found by", 12) << " "
              << Cut("date", 10) << " " << std::setw(6) << "words"
              << " " << std::setw(7) << "removed"
              << " " << std::setw(8) << "warnings"
              << "  written as\n";
  }

  // Writes the articles of `in` (read from `label`).
  void Write(const std::string& label, IngestedInput& in) {
    std::size_t warnings = 0;
    for (const Diagnostic& d : in.diagnostics) warnings += d.severity == Severity::kWarning;
    if (in.articles.empty()) {
      Reject(label, InputFormatName(in.format));
      return;
    }
    for (std::size_t i = 0; i < in.articles.size(); ++i) {
      Article& a = in.articles[i];
      const OutletSource how =
          i < in.outlet_sources.size() ? in.outlet_sources[i] : OutletSource::kNone;
      Article cleaned = a;
      CleanArticle(cleaned, outlets_.Find(a.outlet));
      const std::string name = namer_.UniqueName(a);
      const std::string target = (fs::path(into_) / name).string();
      a.source_path = target;
      a.id = ArticleIdFromPath(target);
      std::string status = name;
      std::error_code ec;
      if (!force_ && fs::exists(target, ec)) {
        status = "not written: " + name + " exists (use --force)";
        ++not_written_;
      } else {
        try {
          WriteFileAtomic(target, WriteArticle(a));
          ++written_;
        } catch (const InputError& e) {
          std::cerr << e.what() << "\n";
          status = "not written: see the message above";
          ++not_written_;
        }
      }
      std::cout << Cut(label, 34) << " " << Cut(a.outlet.empty() ? "?" : a.outlet, 26) << " "
                << Cut(how == OutletSource::kNone ? "-" : OutletSourceName(how), 12) << " "
                << Cut(a.date ? a.date->ToString() : "?", 10) << " " << std::setw(6)
                << CountWords(cleaned.text) << " " << std::setw(7) << cleaned.removed.size() << " "
                << std::setw(8) << warnings << "  " << status << "\n";
    }
  }

  // A table row for an input that gave no article (`what`: its format).
  void Reject(const std::string& label, const std::string& what) {
    ++rejected_;
    std::cout << Cut(label, 34) << " rejected (" << what << "): see the message above\n";
  }

  void AddRejected(std::size_t n) { rejected_ += n; }
  std::size_t written() const { return written_; }
  std::size_t not_written() const { return not_written_; }
  std::size_t rejected() const { return rejected_; }

 private:
  std::string into_;
  bool force_;
  const OutletsFile& outlets_;
  ArticleNamer namer_;
  std::size_t written_ = 0;
  std::size_t not_written_ = 0;
  std::size_t rejected_ = 0;
};

}  // namespace

int RunIngest(const std::vector<std::string>& args) {
  std::vector<std::string> inputs;
  std::string into;
  std::string outlets_path;
  InputLimits limits;
  std::string forced_outlet;
  std::string forced_language;
  bool force = false;
  po::options_description options("Options");
  options.add_options()("input", po::value(&inputs),
                        "files or folders: article text, saved pages (.html, .html.gz), RSS/Atom "
                        "feeds, news-please JSON/JSONL")(
      "into", po::value(&into), "folder to write article files into (created if missing)")(
      "outlet", po::value(&forced_outlet),
      "set this outlet id on every article (default: from the page, see above)")(
      "language", po::value(&forced_language), "set this language on every article (BCP 47)")(
      "force", po::bool_switch(&force), "overwrite article files that already exist")(
      "outlets", po::value(&outlets_path), "outlets file (default: corpus/outlets.xml)");
  AddLimitOptions(options, limits, kAllLimits);
  ProgressFlags progress_flags;
  AddProgressOptions(options, progress_flags);
  po::positional_options_description positional;
  positional.add("input", -1);
  const HelpText help{
      "parallax ingest INPUT... --into DIR [--outlet ID] [--language L] [--force]",
      "Reads articles as people have them — text pasted from a browser, pages saved from a\n"
      "browser (gzipped or not), an outlet's RSS or Atom feed, news-please JSON or JSON Lines —\n"
      "and writes one article file per article into DIR, ready for 'parallax report'. The\n"
      "format is recognised from the content. Folders are read recursively.\n"
      "\n"
      "Each article's outlet comes from the page itself, and the table says how: 'outlets file'\n"
      "(a domain or name in corpus/outlets.xml or --outlets), 'site name' (the page's own\n"
      "og:site_name or JSON-LD publisher), 'domain' (its web address) or 'given' (--outlet, or\n"
      "the file's own 'outlet:'). Files are named DATE_OUTLET_TITLE.txt (ASCII; other scripts\n"
      "romanised). Existing files are never overwritten without --force. A bad input is\n"
      "reported and the others are still written; the exit code is 0 when every input was\n"
      "read and written, 2 otherwise.",
      "  parallax ingest saved-pages/ --into corpus/my-story\n"
      "  parallax ingest feed.xml --into corpus/my-story --outlet oc-media\n"
      "  parallax ingest crawl.jsonl --into corpus/my-story --language ru\n"};
  po::variables_map vm;
  if (!ParseArgs("ingest", args, options, positional, help, vm)) return kExitOk;
  if (inputs.empty()) throw UsageError("give at least one input file or folder");
  if (into.empty()) throw UsageError("say where to write the article files with --into DIR");
  CheckLimits(limits);
  IngestOptions ingest = IngestOptionsWith(limits);
  ingest.outlet = forced_outlet;
  ingest.language = forced_language;
  const OutletsFile outlets = LoadOutletsOrThrow(outlets_path);
  ingest.outlets = &outlets;
  if (!ingest.outlet.empty() && outlets.Find(ingest.outlet) == nullptr) {
    std::cerr << "parallax ingest: warning: outlet '" << ingest.outlet << "' is not in "
              << outlets.path << " (" << UnknownOutletHint(outlets.path) << ")\n";
  }
  std::error_code ec;
  fs::create_directories(into, ec);
  if (ec) throw InputError(MakeError(into, 0, 0, "cannot create the folder: " + ec.message()));

  Diagnostics expand_diags;
  const std::vector<std::string> files = ExpandInputs(inputs, expand_diags);
  PrintDiagnostics(expand_diags);
  IngestRun run(into, force, outlets);
  run.AddRejected(static_cast<std::size_t>(
      std::count_if(expand_diags.begin(), expand_diags.end(),
                    [](const Diagnostic& d) { return d.severity == Severity::kError; })));
  run.PrintHeader();
  const std::size_t total = files.size();
  std::size_t articles_read = 0;
  bool limit_hit = false;
  // Applies --max-articles to one more input; false once the limit stops the run.
  auto within_limit = [&](const std::string& label, IngestedInput& in, std::size_t done) {
    if (articles_read + in.articles.size() <= limits.max_articles) {
      articles_read += in.articles.size();
      return true;
    }
    in.articles.resize(limits.max_articles - articles_read);
    articles_read = limits.max_articles;
    in.diagnostics.push_back(MakeError(label, 0, 0,
                                       "more than " + std::to_string(limits.max_articles) +
                                           " articles; the rest of this input and the " +
                                           std::to_string(total - done) +
                                           " input(s) after it were not read",
                                       "raise the limit with --max-articles"));
    run.AddRejected(total - done);
    limit_hit = true;
    return false;
  };
  Progress progress(Progress::ModeFor(progress_flags.quiet, progress_flags.force), std::cerr);
  progress.Begin("ingesting", total, "inputs");
  std::size_t done = 0;
  for (const std::string& path : files) {
    IngestedInput in = IngestFile(path, ingest);
    progress.Advance(1);
    progress.Clear();  // the table goes to standard output, often the same terminal
    const bool go_on = within_limit(path, in, ++done);
    PrintDiagnostics(in.diagnostics);
    run.Write(path, in);
    if (!go_on) break;
  }
  progress.Finish();
  std::cout << total << " input(s): " << run.written() << " article file(s) written to " << into;
  if (run.not_written() > 0) std::cout << ", " << run.not_written() << " not written";
  if (run.rejected() > 0) std::cout << ", " << run.rejected() << " input(s) rejected";
  std::cout << "\n";
  FlushStdoutOrThrow();
  return run.rejected() > 0 || run.not_written() > 0 || limit_hit ? kExitUsage : kExitOk;
}

}  // namespace parallax::cli
