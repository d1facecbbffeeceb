#include <fstream>
#include <iostream>
#include <thread>

#include <filesystem>

#include "annotate/annotator.h"
#include "cli/cli.h"
#include "cli/progress.h"
#include "scan/scanner.h"

namespace parallax::cli {

int RunScan(const std::vector<std::string>& args) {
  std::vector<std::string> inputs;
  LexiconFlags lexicons;
  std::string outlets_path;
  ScanOptions scan;
  bool no_clean = false;
  InputLimits limits;
  po::options_description options("Options");
  options.add_options()("input", po::value(&inputs),
                        "JSON Lines files ('-' or nothing: standard input)")(
      "threads", po::value(&scan.threads)->default_value(0), "worker threads (0: one per core)")(
      "outlets", po::value(&outlets_path), "outlets file (default: corpus/outlets.xml)")(
      "no-clean", po::bool_switch(&no_clean), "do not remove boilerplate lines before annotating")(
      "with-text", po::bool_switch(&scan.with_text),
      "add each article's title and cleaned text (\"title\", \"body\") to its record, so that\n"
      "'parallax align --window DAYS' can read the records (the reduce step)");
  AddLexiconOptions(options, lexicons);
  AddLimitOptions(options, limits, kLimitBytes | kLimitDepth);
  ProgressFlags progress_flags;
  AddProgressOptions(options, progress_flags);
  po::positional_options_description positional;
  positional.add("input", -1);
  const HelpText help{
      "parallax scan [FILE.jsonl...] [--threads N]",
      "Reads articles as JSON Lines (news-please fields: title, maintext, date_publish,\n"
      "source_domain, language, url; or Parallax's: title, outlet, date, language, body) and\n"
      "writes one JSON record per article to standard output, in input order: id, outlet, date,\n"
      "language, word count, naming choices, loaded terms by voice, quotations by speaker and\n"
      "perspective, resolved dates. Memory stays flat whatever the input size, and all cores\n"
      "work. Malformed lines are reported on standard error with their line number and skipped;\n"
      "a summary line says how many. Suited as the map step of Hadoop Streaming or Spark's\n"
      "RDD.pipe (see README, \"Larger corpora\"). On a terminal a progress line on standard\n"
      "error shows the bytes read, the rate and the time left (--quiet turns it off).",
      "  parallax scan archive.jsonl > records.jsonl\n"
      "  zcat crawl.jsonl.gz | parallax scan --threads 2 > records.jsonl\n"};
  po::variables_map vm;
  if (!ParseArgs("scan", args, options, positional, help, vm)) return kExitOk;
  CheckLimits(limits);
  scan.max_line_bytes = limits.max_bytes;
  scan.max_depth = limits.max_depth;
  scan.clean = !no_clean;
  const OutletsFile outlets = LoadOutletsOrThrow(outlets_path);
  scan.outlets = &outlets;
  const Lexicon lexicon = LoadLexiconsOrThrow(lexicons);
  const Annotator annotator(lexicon);
  if (PrintDiagnostics(annotator.diagnostics()) > 0) return kExitUsage;
  if (inputs.empty()) inputs.push_back("-");
  std::ios::sync_with_stdio(false);
  Progress progress(Progress::ModeFor(progress_flags.quiet, progress_flags.force), std::cerr);
  if (progress.enabled()) {
    std::uint64_t total_bytes = 0;  // 0 when standard input is read: the total is not known
    bool known = true;
    for (const std::string& input : inputs) {
      std::error_code ec;
      const auto size = input == "-" ? 0 : std::filesystem::file_size(input, ec);
      known &= input != "-" && !ec;
      total_bytes += ec ? 0 : size;
    }
    progress.Begin("scanning", known ? total_bytes : 0, "bytes");
    scan.on_progress = [&progress](std::size_t bytes) { progress.Advance(bytes); };
  }
  ScanStats total;
  int status = kExitOk;
  for (const std::string& input : inputs) {
    std::ifstream file;
    if (input != "-") {
      file.open(input, std::ios::binary);
      if (!file) {
        progress.Print(input + ": error: cannot open\n");
        status = kExitUsage;
        continue;
      }
    }
    scan.source_name = input;
    const ScanStats s =
        Scan(input == "-" ? std::cin : file, std::cout, annotator, scan,
             [&progress](const Diagnostic& d) { progress.Print(d.ToString() + "\n"); });
    total.lines += s.lines;
    total.records += s.records;
    total.malformed += s.malformed;
    total.bytes += s.bytes;
  }
  progress.Finish();
  std::cerr << "scan: " << total.records << " records from " << total.lines << " lines ("
            << total.bytes << " bytes); " << total.malformed << " malformed line(s) skipped\n";
  FlushStdoutOrThrow();
  return total.malformed > 0 || status != kExitOk ? kExitUsage : kExitOk;
}

}  // namespace parallax::cli
