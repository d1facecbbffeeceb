#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <optional>
#include <string_view>
#include <thread>

#include "align/alignment.h"
#include "align/document_builder.h"
#include "align/parallel.h"
#include "align/windows.h"
#include "annotate/lexicon.h"
#include "cli/cli.h"
#include "cli/progress.h"
#include "core/file_io.h"
#include "corpus/article_file.h"
#include "corpus/boilerplate.h"
#include "corpus/corpus.h"
#include "corpus/newsplease_reader.h"

namespace parallax::cli {
namespace fs = std::filesystem;

namespace {

double Seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

// What the align command reads: documents ready for alignment, curated events, and every
// problem met on the way (in input order).
struct AlignInput {
  std::vector<AlignDocument> documents;
  // Per document: the file or JSON input it was read from, and whether its outlet is an own one
  // (corpus/article_file.h GiveOwnOutlet). Ids and own outlets are made distinct over all inputs
  // once they are read.
  std::vector<std::string> sources;
  std::vector<bool> own_outlets;
  std::vector<CuratedEvent> curated;
  Diagnostics diagnostics;
};

struct LoadSettings {
  const OutletsFile* outlets = nullptr;
  const AlignDocumentBuilder* builder = nullptr;
  std::size_t max_articles = kDefaultMaxArticles;
  std::uint64_t max_bytes = kDefaultMaxInputBytes;  // per article file
  unsigned workers = 1;
};

// One article file: read, matched to its outlet, cleaned and annotated for alignment.
struct FileResult {
  std::optional<AlignDocument> document;
  std::string source;       // the file's path, absolute
  bool own_outlet = false;  // the file names no outlet
  Diagnostics diagnostics;
};

FileResult LoadArticleFile(const fs::path& path, const LoadSettings& settings) {
  ArticleReadResult r = ReadCorpusArticle(path, *settings.outlets, settings.max_bytes);
  FileResult out;
  out.diagnostics = std::move(r.diagnostics);
  if (r.ok()) out.document = settings.builder->Build(r.article);
  out.source = path.string();
  out.own_outlet = HasOwnOutlet(r.article);
  return out;
}

// A story folder, like LoadCorpus (corpus/corpus.h) with the same checks and messages, but the
// files are read, cleaned and annotated on several threads.
void LoadFolder(const std::string& dir, const LoadSettings& settings, AlignInput& input) {
  const std::vector<fs::path> files = ListArticleFiles(dir, &input.diagnostics);
  std::size_t good = 0;
  constexpr std::size_t kBatch = 2048;  // files in memory at once
  for (std::size_t first = 0; first < files.size(); first += kBatch) {
    const std::size_t count = std::min(kBatch, files.size() - first);
    std::vector<FileResult> results(count);
    internal::ParallelChunks(
        count, settings.workers,
        [&](std::size_t begin, std::size_t end, unsigned) {
          for (std::size_t i = begin; i < end; ++i) {
            results[i] = LoadArticleFile(files[first + i], settings);
          }
        },
        1);
    for (std::size_t i = 0; i < count; ++i) {
      if (good >= settings.max_articles) {
        input.diagnostics.push_back(MakeError(dir, 0, 0,
                                              "more than " + std::to_string(settings.max_articles) +
                                                  " articles; the rest were not read",
                                              "raise the limit with --max-articles"));
        return;
      }
      FileResult& r = results[i];
      input.diagnostics.insert(input.diagnostics.end(), r.diagnostics.begin(), r.diagnostics.end());
      if (!r.document) continue;
      input.documents.push_back(std::move(*r.document));
      input.sources.push_back(std::move(r.source));
      input.own_outlets.push_back(r.own_outlet);
      ++good;
    }
  }
  const fs::path events_file = fs::path(dir) / "events.xml";
  if (fs::exists(events_file)) {
    std::vector<CuratedEvent> found = ReadCuratedEvents(events_file.string(), &input.diagnostics);
    input.curated.insert(input.curated.end(), found.begin(), found.end());
  }
}

// The fields alignment needs and a `parallax scan` record lacks.
bool IsScanRecordWithoutText(const nlohmann::json& record) {
  if (!record.is_object() || !record.contains("naming") || !record.contains("words")) return false;
  for (const char* key : {"text", "body", "maintext"}) {
    if (record.contains(key) && record[key].is_string()) return false;
  }
  return true;
}

// JSON or JSON Lines of articles (Parallax's article fields or news-please's; see
// corpus/newsplease_reader.h), possibly gzipped.
void LoadJson(const std::string& path, const LoadSettings& settings, AlignInput& input) {
  std::string data;
  if (path == "-") {  // standard input, as a Hadoop Streaming reducer or RDD.pipe gives it
    data.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  } else {
    data = ReadFile(path, std::max(settings.max_bytes, std::uint64_t{1} << 34));
  }
  NewsPleaseResult r = ReadNewsPlease(data, path, settings.outlets);
  if (r.articles.empty()) {
    // Say why when the input is `parallax scan` output: its records carry no text.
    const std::size_t line_end = data.find('\n');
    try {
      const nlohmann::json first = nlohmann::json::parse(data.substr(0, line_end));
      if (IsScanRecordWithoutText(first)) {
        input.diagnostics.push_back(
            MakeError(path, 1, 0,
                      "a 'parallax scan' record: it has no article text, which alignment compares",
                      "run 'parallax scan --with-text' to keep the text in the records, or "
                      "align the articles the records were made from"));
        return;
      }
    } catch (const nlohmann::json::exception&) {
      // Not one JSON object on the first line: ReadNewsPlease's diagnostics say what is wrong.
    }
  }
  input.diagnostics.insert(input.diagnostics.end(), r.diagnostics.begin(), r.diagnostics.end());
  if (r.articles.size() > settings.max_articles) {
    input.diagnostics.push_back(MakeError(
        path, 0, 0,
        "more than " + std::to_string(settings.max_articles) + " articles; the rest were not read",
        "raise the limit with --max-articles"));
    r.articles.resize(settings.max_articles);
  }
  std::vector<AlignDocument> documents(r.articles.size());
  internal::ParallelChunks(
      r.articles.size(), settings.workers,
      [&](std::size_t begin, std::size_t end, unsigned) {
        for (std::size_t i = begin; i < end; ++i) {
          Article& a = r.articles[i];
          CleanArticle(a, settings.outlets->Find(a.outlet));
          documents[i] = settings.builder->Build(a);
          a = Article();
        }
      },
      1);
  for (AlignDocument& d : documents) {
    input.documents.push_back(std::move(d));
    input.sources.push_back(path);
    input.own_outlets.push_back(false);
  }
}

bool IsJsonPath(const std::string& path) {
  for (const char* ext : {".jsonl", ".json", ".jsonl.gz", ".json.gz", ".ndjson"}) {
    const std::string e = ext;
    if (path.size() >= e.size() && path.compare(path.size() - e.size(), e.size(), e) == 0) {
      return true;
    }
  }
  return false;
}

// --merge: window parts (JSON Lines written by --part) from files or standard input, merged
// into the alignment AlignByWindow gives for the articles of all of them.
Alignment MergeParts(const std::vector<std::string>& inputs, std::uint64_t max_bytes) {
  std::vector<WindowPart> parts;
  std::map<std::string, std::string> window_of;  // article id -> its window
  for (const std::string& path : inputs) {
    std::string data;
    if (path == "-") {
      data.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    } else {
      data = ReadFile(path, std::max(max_bytes, std::uint64_t{1} << 34));
    }
    int line = 0;
    for (std::size_t begin = 0; begin < data.size();) {
      std::size_t end = data.find('\n', begin);
      if (end == std::string::npos) end = data.size();
      const std::string_view text(data.data() + begin, end - begin);
      begin = end + 1;
      ++line;
      if (text.find_first_not_of(" \t\r") == std::string_view::npos) continue;
      const std::string where = path + ":" + std::to_string(line);
      try {
        parts.push_back(WindowPartFromJson(nlohmann::json::parse(text)));
      } catch (const std::exception& e) {
        throw UsageError(where + ": " + e.what() +
                         " (--merge reads what 'parallax align --window DAYS --part WINDOW' "
                         "writes)");
      }
      for (const WindowArticle& a : parts.back().articles) {
        auto [it, fresh] = window_of.emplace(a.id, parts.back().id);
        if (!fresh) {
          throw UsageError(where + ": article id '" + a.id + "' is in windows " + it->second +
                           " and " + parts.back().id +
                           "; a distributed run needs ids unique across the archive");
        }
      }
    }
  }
  if (parts.empty()) throw UsageError("--merge: no window parts in the inputs given");
  try {
    return MergeWindowParts(std::move(parts));
  } catch (const std::invalid_argument& e) {
    throw UsageError(std::string("--merge: ") + e.what());
  }
}

// --part: the window's first day ("2023-04-17", a multiple of DAYS days from 1970-01-01) or
// "undated"; anything else is a usage error that names the window the date falls in.
void CheckPartId(const std::string& id, int days) {
  if (id == "undated") return;
  const std::optional<Date> date = ParseIsoDate(id);
  if (!date || date->month_only()) {
    throw UsageError("--part takes a window's first day (YYYY-MM-DD) or 'undated', not '" + id +
                     "'");
  }
  const std::optional<Date> start = WindowStart(date, days);
  if (*start != *date) {
    throw UsageError("--part " + id + " is not the first day of a " + std::to_string(days) +
                     "-day window (windows start every " + std::to_string(days) +
                     " days from 1970-01-01); it lies in window " + start->ToString());
  }
}

}  // namespace

int RunAlign(const std::vector<std::string>& args) {
  std::vector<std::string> inputs;
  std::string format;
  std::string outlets_path;
  LexiconFlags lexicon_flags;
  std::string candidates_path;
  bool no_lexicon = false;
  bool timing = false;
  InputLimits limits;
  int window_days = 0;
  int threads = 0;
  AlignOptions options;
  std::string linkage = options.stories.linkage == StoryLinkage::kCentroid ? "centroid" : "average";
  WindowOptions window;
  std::string part;
  bool merge = false;
  po::options_description flags("Options");
  flags.add_options()("corpus", po::value(&inputs),
                      "story folders, or JSON / JSON Lines files of articles ('-': standard "
                      "input), to align together")(
      "format", po::value(&format)->default_value("text"), "text (for a terminal) or json")(
      "outlets", po::value(&outlets_path), "outlets file (default: corpus/outlets.xml)")(
      "no-lexicon", po::bool_switch(&no_lexicon),
      "align on words only, without a lexicon (by default the lexicon's concepts fold naming "
      "variants: Khankendi and Stepanakert are one term)")(
      "threshold", po::value(&options.stories.threshold)->default_value(options.stories.threshold),
      "mean similarity for two groups of articles to be one story (0..1)")(
      "linkage", po::value(&linkage)->default_value(linkage),
      "how groups of articles compare: centroid (the cosine of their summed vectors) or "
      "average (the mean similarity of their pairs)")(
      "key-scale", po::value(&options.stories.key_scale)->default_value(options.stories.key_scale),
      "weight of the cosine over language-independent keys (names, places, dates, numbers, "
      "event types) against the cosine over all terms; 0 compares words only")(
      "other-event-factor",
      po::value(&options.stories.other_event_factor)
          ->default_value(options.stories.other_event_factor),
      "groups whose articles mainly report different kinds of event (event types of the "
      "lexicon) merge only at --threshold times this (1: no such rule)")(
      "event-days", po::bool_switch(&options.stories.event_days),
      "compare the days articles report (the day their date mentions name most) instead of "
      "their publication dates")(
      "other-day-factor",
      po::value(&options.stories.other_day_factor)->default_value(options.stories.other_day_factor),
      "similarity factor for two articles that clearly report days two or more days apart "
      "(1: no such rule)")(
      "date-window",
      po::value(&options.stories.date_window_days)->default_value(options.stories.date_window_days),
      "days between publication dates that still count as one news cycle")(
      "claim-threshold",
      po::value(&options.claims.threshold)->default_value(options.claims.threshold),
      "similarity for sentences of different outlets to be linked in one claim (0..1)")(
      "stories-only", "find stories only (no events, no claims)")(
      "window", po::value(&window_days),
      "align by date windows of DAYS days (see above); e.g. 7 for weeks")(
      "overlap", po::value(&window.overlap)->default_value(window.overlap),
      "with --window: days of context aligned with each window on either side")(
      "part", po::value(&part),
      "with --window: align only the window starting on this day ('undated' for articles "
      "without a date) and write it, unmerged, as one JSON line for --merge; nothing when it "
      "holds none of the articles given")(
      "merge", po::bool_switch(&merge),
      "the inputs are window parts written by --part (the reduce tasks of a distributed run): "
      "merge them into the alignment of the whole archive")(
      "threads", po::value(&threads)->default_value(0), "worker threads (0: one per core)")(
      "candidates", po::value(&candidates_path),
      "also write the candidate article pairs (id, id, cosine, similarity, key cosine) to this TSV "
      "file")("timing", po::bool_switch(&timing), "print the time each stage took to stderr");
  AddLexiconOptions(flags, lexicon_flags);
  AddLimitOptions(flags, limits, kLimitBytes | kLimitArticles);
  ProgressFlags progress_flags;
  AddProgressOptions(flags, progress_flags);
  po::positional_options_description positional;
  positional.add("corpus", -1);
  const HelpText help{
      "parallax align [--format text|json] [--window DAYS] CORPUS_DIR|ARTICLES.jsonl...",
      "Aligns the articles of one or more story folders (or JSON Lines files of articles, as\n"
      "'parallax scan' reads them) across outlets and languages:\n"
      "  stories  articles about the same main event (similar content terms, where every\n"
      "           naming variant counts as its concept, names and dates; published close in\n"
      "           time). Pin an article with the `event:` key of its file;\n"
      "  events   passages about the same dated event, also where an article mentions it only\n"
      "           as background; CORPUS_DIR/events.xml, when present, adds curated events;\n"
      "  claims   sentences of different outlets that report the same thing, with the outlets\n"
      "           that carry each claim and those that do not.\n"
      "Candidate pairs come from an inverted index, so large folders align in near-linear time.\n"
      "\n"
      "A large archive aligns by date windows with --window DAYS. Windows are tumbling, of DAYS\n"
      "days from 1970-01-01 on (so their bounds and ids never depend on the rest of the\n"
      "archive), and each is aligned on its own articles plus --overlap days (default 7) of\n"
      "articles before and after it. A story, event or claim belongs to the window of its\n"
      "earliest article, so a story that crosses a window edge is not split as long as its\n"
      "articles lie within the overlap of its first one; each article is in one story. Ids\n"
      "carry the window's first day (\"2023-04-17/story-3\"); articles without a date form the\n"
      "window \"undated\". Windows are aligned in parallel and merged in date order.\n"
      "Records written by 'parallax scan --with-text' carry each article's title and cleaned\n"
      "text and align like articles (scan as the map step, align --window as the reduce step);\n"
      "plain scan records hold only counts and are refused.\n"
      "\n"
      "Distributed, each reduce task aligns one window with --part (given that window's\n"
      "articles and those within --overlap days of it; more do no harm) and one last task\n"
      "merges the parts with --merge, which gives exactly what --window gives on one machine\n"
      "(scripts/parallax_dask.py does this on a Dask cluster). Article ids must then be\n"
      "unique across the archive.",
      "  parallax align corpus/lachin-2023\n"
      "  parallax align --format json corpus/lachin-2023 > alignment.json\n"
      "  parallax align --no-lexicon --stories-only --format json DIR1 DIR2\n"
      "  parallax align --window 7 --format json archive.jsonl > alignment.json\n"
      "  parallax align --window 30 --part 2023-04-17 - < window.jsonl > part.jsonl\n"
      "  parallax align --merge --format json parts.jsonl > alignment.json\n"};
  po::variables_map vm;
  if (!ParseArgs("align", args, flags, positional, help, vm)) return kExitOk;
  if (inputs.empty()) {
    throw UsageError("give at least one story folder (e.g. corpus/lachin-2023) or JSON Lines file");
  }
  CheckLimits(limits);
  if (format != "text" && format != "json") {
    throw UsageError("unknown format '" + format + "' (known: text, json)");
  }
  if (linkage != "centroid" && linkage != "average") {
    throw UsageError("--linkage must be centroid or average, not '" + linkage + "'");
  }
  options.stories.linkage =
      linkage == "centroid" ? StoryLinkage::kCentroid : StoryLinkage::kAverage;
  if (options.stories.key_scale < 0 || options.stories.key_scale > 4 ||
      options.stories.date_window_days < 0) {
    throw UsageError("--key-scale must lie in 0..4 and --date-window must not be negative");
  }
  if (options.stories.threshold <= 0 || options.stories.threshold > 1 ||
      options.claims.threshold <= 0 || options.claims.threshold > 1) {
    throw UsageError("thresholds are similarities between 0 (exclusive) and 1");
  }
  const bool by_window = vm.count("window") > 0;
  if (by_window && window_days < 1) {
    throw UsageError("--window takes a number of days, at least 1 (got " +
                     std::to_string(window_days) + "); e.g. --window 7");
  }
  if (window.overlap < 0) {
    throw UsageError("--overlap takes a number of days, 0 or more (got " +
                     std::to_string(window.overlap) + ")");
  }
  if (!by_window && !vm["overlap"].defaulted()) {
    throw UsageError("--overlap applies to windows only: add --window DAYS");
  }
  if (vm.count("part") && !by_window) {
    throw UsageError("--part names a date window: add --window DAYS");
  }
  if (vm.count("part")) CheckPartId(part, window_days);
  if (merge && (by_window || !candidates_path.empty())) {
    throw UsageError(
        "--merge takes the window length and overlap from the parts: leave out --window, "
        "--overlap and --candidates");
  }
  if (!part.empty() && !candidates_path.empty()) {
    throw UsageError("--candidates is not written with --part");
  }
  if (threads < 0) throw UsageError("--threads takes 0 (one per core) or more");
  window.days = window_days;
  window.threads = threads;
  options.stories.threads = threads;
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
  auto write = [&](const Alignment& alignment) {
    if (format == "json") {
      std::cout << AlignmentToJson(alignment).dump(2) << "\n";
    } else {
      std::cout << AlignmentToText(alignment, outlet_names);
    }
  };
  if (merge) {
    write(MergeParts(inputs, limits.max_bytes));
    return kExitOk;
  }

  if (no_lexicon && (!lexicon_flags.files.empty() || lexicon_flags.no_defaults)) {
    throw UsageError("--no-lexicon aligns without any lexicon: drop --lexicon or --no-lexicon");
  }
  Lexicon lexicon;
  if (!no_lexicon) lexicon = LoadLexiconsOrThrow(lexicon_flags, false);
  const double setup_seconds = Seconds(start);

  // Read, clean and annotate, on all cores.
  const auto load_start = std::chrono::steady_clock::now();
  const AlignDocumentBuilder builder(no_lexicon ? nullptr : &lexicon);
  LoadSettings settings;
  settings.outlets = &outlets.file;
  settings.builder = &builder;
  settings.max_articles = limits.max_articles;
  settings.max_bytes = limits.max_bytes;
  settings.workers = threads > 0 ? static_cast<unsigned>(threads)
                                 : std::max(1u, std::thread::hardware_concurrency());
  Progress progress(Progress::ModeFor(progress_flags.quiet, progress_flags.force), std::cerr);
  progress.Begin("reading", inputs.size(), "inputs");
  AlignInput input;
  for (const std::string& path : inputs) {
    progress.Advance(1);
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
      LoadFolder(path, settings, input);
    } else if (path == "-" || (IsJsonPath(path) && fs::is_regular_file(path, ec))) {
      try {
        LoadJson(path, settings, input);
      } catch (const InputError& e) {
        input.diagnostics.push_back(e.diagnostic());
      }
    } else {
      input.diagnostics.push_back(
          MakeError(path, 0, 0,
                    fs::exists(path, ec) ? "not a story folder or a JSON Lines file" : "not found",
                    "give a story folder such as corpus/lachin-2023, or articles as .jsonl"));
    }
  }
  progress.Finish();
  {
    // Articles that name no outlet are each an outlet of their own, and every article has an id
    // of its own, across all the inputs.
    std::vector<std::string*> outlets;
    std::vector<std::string*> ids;
    for (AlignDocument& d : input.documents) {
      outlets.push_back(&d.outlet);
      ids.push_back(&d.id);
    }
    MakeOwnOutletIdsDistinct(outlets, input.sources, input.own_outlets);
    MakeArticleIdsDistinct(ids, input.sources, &input.diagnostics);
  }
  const int status = PrintDiagnostics(input.diagnostics, !timing) > 0 ? kExitUsage : kExitOk;
  if (input.documents.empty()) {
    std::cerr << "parallax align: no readable articles in the inputs given\n";
    return kExitUsage;
  }
  const double load_seconds = Seconds(load_start);

  const auto align_start = std::chrono::steady_clock::now();
  progress.Begin("aligning " + std::to_string(input.documents.size()) + " articles", 0, "");
  if (!part.empty()) {
    for (const WindowPart& p :
         AlignWindowParts(std::move(input.documents), window, options, input.curated, part)) {
      std::cout << WindowPartToJson(p).dump() << "\n";
    }
    progress.Finish();
    return status;
  }
  const Alignment alignment =
      by_window ? AlignByWindow(std::move(input.documents), window, options, input.curated)
                : Align(std::move(input.documents), options, input.curated);
  progress.Finish();
  const double align_seconds = Seconds(align_start);

  if (!candidates_path.empty()) {
    std::ofstream out(candidates_path);
    if (!out) throw UsageError("cannot write " + candidates_path);
    for (const SimilarPair& p : alignment.candidate_pairs) {
      out << alignment.article_ids[p.a] << "\t" << alignment.article_ids[p.b] << "\t" << p.cosine
          << "\t" << p.similarity << "\t" << p.key_cosine << "\n";
    }
  }
  write(alignment);
  if (timing) {
    std::cerr << "timing: setup " << setup_seconds << " s, load+annotate " << load_seconds
              << " s, align " << align_seconds << " s, total " << Seconds(start) << " s\n";
  }
  return status;
}

}  // namespace parallax::cli
