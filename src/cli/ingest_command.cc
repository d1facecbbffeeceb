#include <algorithm>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <sstream>

#include "cli/cli.h"
#include "cli/progress.h"
#include "core/sha256.h"
#include "corpus/article_file.h"
#include "corpus/article_names.h"
#include "corpus/boilerplate.h"
#include "corpus/gzip.h"
#include "corpus/http_fetcher.h"
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

// "https://…", "http://…", or another scheme ("ftp://…", refused by the fetcher with a reason).
bool IsAddress(const std::string& input) {
  const std::size_t sep = input.find("://");
  return sep != std::string::npos && sep > 0 &&
         std::all_of(input.begin(), input.begin() + static_cast<std::ptrdiff_t>(sep),
                     [](char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; });
}

// The addresses of a list file: one per line; blank lines and lines starting with '#' skipped.
std::vector<std::string> ReadAddressList(const std::string& path, std::uint64_t max_bytes) {
  std::vector<std::string> urls;
  std::istringstream lines(ReadFile(path, max_bytes));
  for (std::string line; std::getline(lines, line);) {
    const std::size_t first = line.find_first_not_of(" \t\r");
    if (first == std::string::npos || line[first] == '#') continue;
    const std::size_t last = line.find_last_not_of(" \t\r");
    urls.push_back(line.substr(first, last - first + 1));
  }
  return urls;
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

  // Writes the articles of `in` (read from `label`); `fetched` is the page they came from when
  // it was fetched from the web, kept beside the article file with its provenance.
  void Write(const std::string& label, IngestedInput& in, const FetchResult* fetched) {
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
      std::vector<std::pair<std::string, std::string>> files;
      if (fetched != nullptr && in.format == InputFormat::kHtml) {
        const std::string page = name.substr(0, name.size() - 4) + ".html.gz";
        a.fetched = fetched->fetched_at;
        a.http_status = std::to_string(fetched->http_status);
        a.page = page;
        a.page_sha256 = Sha256Hex(fetched->body);
        files.emplace_back((fs::path(into_) / page).string(), Gzip(fetched->body));
      }
      a.source_path = target;
      a.id = ArticleIdFromPath(target);
      files.emplace_back(target, WriteArticle(a));
      std::string status = name;
      std::error_code ec;
      if (!force_ && fs::exists(target, ec)) {
        status = "not written: " + name + " exists (use --force)";
        ++not_written_;
      } else {
        try {
          WriteFilesAtomic(files);
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

  // A table row for an input that gave no article (`what`: its format, or "fetch").
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

// `--outlet outlets.xml`, meant as --outlets, would name every article's outlet after a file: a
// value that ends in .xml or names an existing file is refused before anything is written.
void CheckOutletFlag(const std::string& outlet) {
  std::string lower = outlet;
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  std::error_code ec;
  const bool exists = fs::is_regular_file(outlet, ec);
  if (exists || lower.ends_with(".xml")) {
    throw UsageError("--outlet takes an outlet id; '" + outlet + "' is a file" +
                     (exists ? "" : " name") + " (did you mean --outlets?)");
  }
}

}  // namespace

int RunIngest(const std::vector<std::string>& args) {
  std::vector<std::string> inputs;
  std::vector<std::string> url_lists;
  std::string into;
  std::string outlets_path;
  InputLimits limits;
  FetchOptions fetch;
  std::string forced_outlet;
  std::string forced_language;
  bool force = false;
  po::options_description options("Options");
  options.add_options()("input", po::value(&inputs),
                        "web addresses (http, https), files or folders: article text, saved pages "
                        "(.html, .html.gz), RSS/Atom feeds, news-please JSON/JSONL")(
      "urls", po::value(&url_lists),
      "a file of web addresses to fetch, one per line (# starts a comment); repeatable")(
      "into", po::value(&into), "folder to write article files into (created if missing)")(
      "outlet", po::value(&forced_outlet),
      "set this outlet id on every article (default: from the page, see above)")(
      "language", po::value(&forced_language), "set this language on every article (BCP 47)")(
      "force", po::bool_switch(&force), "overwrite article files that already exist")(
      "outlets", po::value(&outlets_path), "outlets file (default: corpus/outlets.xml)")(
      "timeout", po::value(&fetch.timeout_seconds)->default_value(fetch.timeout_seconds),
      "seconds a web address may take, redirects included")(
      "wait", po::value(&fetch.host_interval_seconds)->default_value(fetch.host_interval_seconds),
      "seconds between two requests to the same site (be polite)");
  AddLimitOptions(options, limits, kAllLimits);
  ProgressFlags progress_flags;
  AddProgressOptions(options, progress_flags);
  po::positional_options_description positional;
  positional.add("input", -1);
  const HelpText help{
      "parallax ingest ADDRESS|FILE|FOLDER... [--urls LIST] --into DIR [options]",
      "Gathers a story as a workshop needs it: the articles of several outlets on one event,\n"
      "as web addresses or as pages you saved, become article files in DIR, ready for\n"
      "'parallax report DIR'.\n"
      "\n"
      "1. Collect the articles: their addresses (on the command line, or one per line in a\n"
      "   file given with --urls), or the pages saved from a browser (\"Save page as…\"), text\n"
      "   pasted into .txt files, an outlet's RSS/Atom feed, news-please JSON/JSONL.\n"
      "2. Ingest them into one folder per story. Addresses are fetched one at a time per site\n"
      "   (http and https only, at most 5 redirects, --timeout, --max-bytes, gzip accepted);\n"
      "   each fetched page is kept beside its article file as .html.gz, with its final\n"
      "   address (url:), HTTP status, fetch time and SHA-256 in the front matter.\n"
      "3. Check the table: each article's outlet and how it was found — 'outlets file' (a\n"
      "   domain or name in corpus/outlets.xml or --outlets), 'site name' (the page's own\n"
      "   og:site_name or JSON-LD publisher, when it fits the page's domain), 'domain' (its\n"
      "   web address) or 'given'. A wrong guess is fixed with --outlet, an outlets file of\n"
      "   your own, or by editing 'outlet:'.\n"
      "4. Run 'parallax report DIR'.\n"
      "\n"
      "Files are named DATE_OUTLET_TITLE.txt (ASCII; other scripts romanised). Existing files\n"
      "are never overwritten without --force. A bad input or address is reported (address and\n"
      "reason) and the others are still written; the exit code is 0 when every input was read\n"
      "and written, 2 otherwise.",
      "  parallax ingest https://oc-media.org/… https://www.rferl.org/… --into corpus/my-story\n"
      "  parallax ingest --urls addresses.txt --into corpus/my-story\n"
      "  parallax ingest saved-pages/ --into corpus/my-story\n"
      "  parallax ingest feed.xml --into corpus/my-story --outlet oc-media\n"
      "  parallax report corpus/my-story\n"};
  po::variables_map vm;
  if (!ParseArgs("ingest", args, options, positional, help, vm)) return kExitOk;
  if (inputs.empty() && url_lists.empty()) {
    throw UsageError("give at least one web address, input file or folder");
  }
  if (into.empty()) throw UsageError("say where to write the article files with --into DIR");
  CheckLimits(limits);
  if (fetch.timeout_seconds <= 0) throw UsageError("--timeout must be at least 1 second");
  if (fetch.host_interval_seconds < 0) throw UsageError("--wait cannot be negative");
  fetch.max_bytes = limits.max_bytes;
  CheckOutletFlag(forced_outlet);
  IngestOptions ingest = IngestOptionsWith(limits);
  ingest.outlet = forced_outlet;
  if (!forced_language.empty()) {
    const LanguageTag tag = CheckLanguageTag(forced_language);
    if (!tag.suggestion.empty() || !tag.well_formed) {
      throw UsageError("--language takes a BCP 47 tag; '" + forced_language + "' is none" +
                       (tag.suggestion.empty() ? std::string(" (en, ru, ro-MD, ka, hy, az …)")
                                               : " (did you mean '" + tag.suggestion + "'?)"));
    }
    ingest.language = tag.tag;
  }
  const OutletsFile outlets = LoadOutletsOrThrow(outlets_path);
  ingest.outlets = &outlets;
  if (const Outlet* o = outlets.Find(ingest.outlet); o != nullptr) {
    ingest.outlet = o->id;  // (ids compare ignoring case: --outlet CNN is the file's `cnn`)
  } else if (!ingest.outlet.empty()) {
    std::cerr << "parallax ingest: warning: outlet '" << ingest.outlet << "' is not in "
              << outlets.path << " (" << UnknownOutletHint(outlets.path) << ")\n";
  }
  std::vector<std::string> urls;
  std::vector<std::string> paths;
  for (const std::string& input : inputs) (IsAddress(input) ? urls : paths).push_back(input);
  for (const std::string& list : url_lists) {
    const std::vector<std::string> listed = ReadAddressList(list, limits.max_bytes);
    if (listed.empty()) std::cerr << "parallax ingest: warning: " << list << " lists no address\n";
    urls.insert(urls.end(), listed.begin(), listed.end());
  }
  std::error_code ec;
  fs::create_directories(into, ec);
  if (ec) throw InputError(MakeError(into, 0, 0, "cannot create the folder: " + ec.message()));

  Diagnostics expand_diags;
  const std::vector<std::string> files = ExpandInputs(paths, expand_diags);
  PrintDiagnostics(expand_diags);
  IngestRun run(into, force, outlets);
  run.AddRejected(static_cast<std::size_t>(
      std::count_if(expand_diags.begin(), expand_diags.end(),
                    [](const Diagnostic& d) { return d.severity == Severity::kError; })));
  run.PrintHeader();
  const std::size_t total = files.size() + urls.size();
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
    run.Write(path, in, nullptr);
    if (!go_on) break;
  }
  Fetcher fetcher(fetch);
  for (std::size_t u = 0; u < urls.size() && !limit_hit; ++u) {
    const std::string& url = urls[u];
    progress.Clear();
    const FetchResult page = fetcher.Fetch(url);
    progress.Advance(1);
    progress.Clear();
    if (!page.ok()) {
      std::cerr << "parallax ingest: " << url << ": " << page.error << "\n";
      run.Reject(url, "fetch");
      ++done;
      continue;
    }
    IngestOptions from_web = ingest;
    from_web.source_url = page.final_url;
    IngestedInput in = IngestBytes(page.body, url, from_web);
    const bool go_on = within_limit(url, in, ++done);
    PrintDiagnostics(in.diagnostics);
    run.Write(url, in, &page);
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
