#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <thread>

#include "align/alignment.h"
#include "align/document_builder.h"
#include "annotate/lexicon.h"
#include "cli/cli.h"
#include "corpus/corpus.h"

namespace parallax::cli {
namespace fs = std::filesystem;

namespace {

double Seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

}  // namespace

int RunAlign(const std::vector<std::string>& args) {
  std::vector<std::string> dirs;
  std::string format;
  std::string outlets_path;
  std::string lexicon_dir;
  std::string candidates_path;
  bool no_lexicon = false;
  bool timing = false;
  InputLimits limits;
  AlignOptions options;
  po::options_description flags("Options");
  flags.add_options()("corpus", po::value(&dirs), "story folders to align together")(
      "format", po::value(&format)->default_value("text"), "text (for a terminal) or json")(
      "outlets", po::value(&outlets_path), "outlets file (default: corpus/outlets.xml)")(
      "lexicon", po::value(&lexicon_dir),
      "folder of lexicons whose concepts fold naming variants (default: the shipped lexicons/)")(
      "no-lexicon", po::bool_switch(&no_lexicon), "align on words only, without a lexicon")(
      "threshold", po::value(&options.stories.threshold)->default_value(options.stories.threshold),
      "mean similarity for two groups of articles to be one story (0..1)")(
      "claim-threshold",
      po::value(&options.claims.threshold)->default_value(options.claims.threshold),
      "mean similarity for sentences of different outlets to be one claim (0..1)")(
      "stories-only", "find stories only (no events, no claims)")(
      "candidates", po::value(&candidates_path),
      "also write the candidate article pairs (id, id, cosine, similarity) to this TSV file")(
      "timing", po::bool_switch(&timing), "print the time each stage took to stderr");
  AddLimitOptions(flags, limits, kLimitBytes | kLimitArticles);
  po::positional_options_description positional;
  positional.add("corpus", -1);
  const HelpText help{
      "parallax align [--format text|json] CORPUS_DIR...",
      "Aligns the articles of one or more story folders across outlets and languages:\n"
      "  stories  articles about the same main event (similar content terms, where every\n"
      "           naming variant counts as its concept, names and dates; published close in\n"
      "           time). Pin an article with the `event:` key of its file;\n"
      "  events   passages about the same dated event, also where an article mentions it only\n"
      "           as background; CORPUS_DIR/events.xml, when present, adds curated events;\n"
      "  claims   sentences of different outlets that report the same thing, with the outlets\n"
      "           that carry each claim and those that do not.\n"
      "Candidate pairs come from an inverted index, so large folders align in near-linear time.",
      "  parallax align corpus/lachin-2023\n"
      "  parallax align --format json corpus/lachin-2023 > alignment.json\n"
      "  parallax align --no-lexicon --stories-only --format json DIR1 DIR2\n"};
  po::variables_map vm;
  if (!ParseArgs("align", args, flags, positional, help, vm)) return kExitOk;
  if (dirs.empty()) throw UsageError("give at least one story folder (e.g. corpus/lachin-2023)");
  CheckLimits(limits);
  if (format != "text" && format != "json") {
    throw UsageError("unknown format '" + format + "' (known: text, json)");
  }
  if (options.stories.threshold <= 0 || options.stories.threshold > 1 ||
      options.claims.threshold <= 0 || options.claims.threshold > 1) {
    throw UsageError("thresholds are similarities between 0 (exclusive) and 1");
  }
  if (vm.count("stories-only")) {
    options.events.enabled = false;
    options.claims.enabled = false;
  }
  if (outlets_path.empty()) outlets_path = DefaultOutletsFile();

  const auto start = std::chrono::steady_clock::now();
  OutletsLoadResult outlets = LoadOutlets(outlets_path);
  if (PrintDiagnostics(outlets.diagnostics) > 0) return kExitUsage;
  std::map<std::string, std::string> outlet_names;
  for (const Outlet& o : outlets.file.outlets) outlet_names[o.id] = o.name;

  LexiconLoadResult lexicon;
  if (!no_lexicon) {
    if (lexicon_dir.empty()) lexicon_dir = DefaultLexiconDir();
    lexicon = LoadLexicons(DefaultLexiconPaths(lexicon_dir));
    if (PrintDiagnostics(lexicon.diagnostics, false) > 0) {
      std::cerr << "parallax align: the lexicon has errors (run 'parallax lexicon check'), or "
                   "align without one: --no-lexicon\n";
      return kExitUsage;
    }
  }

  std::vector<Article> articles;
  std::vector<CuratedEvent> curated;
  int status = kExitOk;
  for (const std::string& dir : dirs) {
    CorpusOptions corpus_options;
    corpus_options.max_bytes = limits.max_bytes;
    corpus_options.max_articles = limits.max_articles;
    Corpus corpus = LoadCorpus(dir, outlets.file, corpus_options);
    if (PrintDiagnostics(corpus.diagnostics, !timing) > 0) status = kExitUsage;
    for (Article& a : corpus.articles) articles.push_back(std::move(a));
    const fs::path events_file = fs::path(dir) / "events.xml";
    std::error_code exists_ec;
    if (fs::exists(events_file, exists_ec)) {
      Diagnostics diagnostics;
      std::vector<CuratedEvent> found = ReadCuratedEvents(events_file.string(), &diagnostics);
      if (PrintDiagnostics(diagnostics) > 0) status = kExitUsage;
      curated.insert(curated.end(), found.begin(), found.end());
    }
  }
  if (articles.empty()) {
    std::cerr << "parallax align: no readable articles in the folders given\n";
    return kExitUsage;
  }
  const double load_seconds = Seconds(start);

  const auto annotate_start = std::chrono::steady_clock::now();
  const AlignDocumentBuilder builder(no_lexicon ? nullptr : &lexicon.lexicon);
  std::vector<AlignDocument> documents(articles.size());
  const unsigned workers = std::max(1u, std::min(2u, std::thread::hardware_concurrency()));
  std::vector<std::thread> threads;
  for (unsigned w = 0; w < workers; ++w) {
    threads.emplace_back([&, w] {
      for (std::size_t i = w; i < articles.size(); i += workers) {
        documents[i] = builder.Build(articles[i]);
      }
    });
  }
  for (std::thread& t : threads) t.join();
  articles.clear();
  const double annotate_seconds = Seconds(annotate_start);

  const auto align_start = std::chrono::steady_clock::now();
  const Alignment alignment = Align(std::move(documents), options, curated);
  const double align_seconds = Seconds(align_start);

  if (!candidates_path.empty()) {
    std::ofstream out(candidates_path);
    if (!out) throw UsageError("cannot write " + candidates_path);
    for (const SimilarPair& p : alignment.candidate_pairs) {
      out << alignment.article_ids[p.a] << "\t" << alignment.article_ids[p.b] << "\t" << p.cosine
          << "\t" << p.similarity << "\n";
    }
  }
  if (format == "json") {
    std::cout << AlignmentToJson(alignment).dump(2) << "\n";
  } else {
    std::cout << AlignmentToText(alignment, outlet_names);
  }
  if (timing) {
    std::cerr << "timing: load " << load_seconds << " s, annotate " << annotate_seconds
              << " s, align " << align_seconds << " s, total " << Seconds(start) << " s\n";
  }
  return status;
}

}  // namespace parallax::cli
