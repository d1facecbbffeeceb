#include <filesystem>
#include <iomanip>
#include <iostream>
#include <set>

#include "cli/cli.h"
#include "cli/progress.h"
#include "corpus/article_file.h"
#include "corpus/boilerplate.h"
#include "corpus/ingest.h"
#include "report/story_summary.h"

namespace parallax::cli {
namespace fs = std::filesystem;
namespace {

// A file name for an article: its id made safe, unique within this run.
std::string FileNameFor(const Article& a, std::set<std::string>& taken) {
  std::string base;
  for (char c : a.id) {
    const unsigned char u = static_cast<unsigned char>(c);
    base.push_back((u >= 0x80 || std::isalnum(u) || c == '-' || c == '_' || c == '.') ? c : '_');
  }
  if (base.empty() || base[0] == '.') base = "article" + base;
  std::string name = base + ".txt";
  for (int n = 2; taken.count(name); ++n) name = base + "-" + std::to_string(n) + ".txt";
  taken.insert(name);
  return name;
}

std::string Cut(const std::string& s, std::size_t width) {
  if (s.size() <= width) return s + std::string(width - s.size(), ' ');
  std::size_t cut = width - 1;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return s.substr(0, cut) + "…" + std::string(width - cut - 1, ' ');
}

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
      "outlet", po::value(&forced_outlet), "set this outlet id on every article")(
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
      "format is recognised from the content. Folders are read recursively. Existing files are\n"
      "never overwritten without --force. A bad input is reported and the others are still\n"
      "written; the exit code is 0 when every input was read and written, 2 otherwise.",
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
  std::size_t rejected = static_cast<std::size_t>(
      std::count_if(expand_diags.begin(), expand_diags.end(),
                    [](const Diagnostic& d) { return d.severity == Severity::kError; }));
  std::size_t written = 0;
  std::size_t not_written = 0;
  std::set<std::string> taken;
  std::cout << Cut("file", 34) << " " << Cut("outlet", 14) << " " << Cut("date", 10) << " "
            << std::setw(6) << "words"
            << " " << std::setw(7) << "removed"
            << " " << std::setw(8) << "warnings"
            << "  written as\n";
  std::size_t articles_read = 0;
  bool limit_hit = false;
  Progress progress(Progress::ModeFor(progress_flags.quiet, progress_flags.force), std::cerr);
  progress.Begin("ingesting", files.size(), "inputs");
  for (std::size_t f = 0; f < files.size(); ++f) {
    const std::string& path = files[f];
    IngestedInput in = IngestFile(path, ingest);
    progress.Advance(1);
    progress.Clear();  // the table goes to standard output, often the same terminal
    const bool over = articles_read + in.articles.size() > limits.max_articles;
    if (over) {
      in.articles.resize(limits.max_articles - articles_read);
      in.diagnostics.push_back(MakeError(path, 0, 0,
                                         "more than " + std::to_string(limits.max_articles) +
                                             " articles; the rest of this input and the " +
                                             std::to_string(files.size() - f - 1) +
                                             " input(s) after it were not read",
                                         "raise the limit with --max-articles"));
      rejected += files.size() - f - 1;
      limit_hit = true;
    }
    articles_read += in.articles.size();
    PrintDiagnostics(in.diagnostics);
    std::size_t warnings = 0;
    for (const Diagnostic& d : in.diagnostics) warnings += d.severity == Severity::kWarning;
    if (in.articles.empty()) {
      ++rejected;
      std::cout << Cut(path, 34) << " rejected (" << InputFormatName(in.format)
                << "): see the message above\n";
      if (over) break;
      continue;
    }
    for (Article& a : in.articles) {
      Article cleaned = a;
      CleanArticle(cleaned, outlets.Find(a.outlet));
      const std::string name = FileNameFor(a, taken);
      const std::string target = (fs::path(into) / name).string();
      std::string status = name;
      if (!force && fs::exists(target, ec)) {
        status = "not written: " + name + " exists (use --force)";
        ++not_written;
      } else {
        try {
          Article out = a;
          out.source_path = target;
          WriteFileAtomic(target, WriteArticle(out));
          ++written;
        } catch (const InputError& e) {
          std::cerr << e.what() << "\n";
          status = "not written: see the message above";
          ++not_written;
        }
      }
      std::cout << Cut(path, 34) << " " << Cut(a.outlet.empty() ? "?" : a.outlet, 14) << " "
                << Cut(a.date ? a.date->ToString() : "?", 10) << " " << std::setw(6)
                << CountWords(cleaned.text) << " " << std::setw(7) << cleaned.removed.size() << " "
                << std::setw(8) << warnings << "  " << status << "\n";
    }
    if (over) break;
  }
  progress.Finish();
  std::cout << files.size() << " input(s): " << written << " article file(s) written to " << into;
  if (not_written > 0) std::cout << ", " << not_written << " not written";
  if (rejected > 0) std::cout << ", " << rejected << " input(s) rejected";
  std::cout << "\n";
  FlushStdoutOrThrow();
  return rejected > 0 || not_written > 0 || limit_hit ? kExitUsage : kExitOk;
}

}  // namespace parallax::cli
