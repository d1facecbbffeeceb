#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <set>
#include <sstream>
#include <thread>

#include "align/alignment.h"
#include "align/document_builder.h"
#include "align/parallel.h"
#include "annotate/annotator.h"
#include "cli/cli.h"
#include "cli/progress.h"
#include "core/file_io.h"
#include "corpus/corpus.h"
#include "corpus/page_outlet.h"
#include "framing/measures.h"
#include "i18n/messages.h"
#include "report/blind.h"
#include "report/csv_report.h"
#include "report/html_report.h"
#include "report/json_report.h"
#include "report/markdown_report.h"
#include "report/report_words.h"
#include "report/story_report.h"

namespace parallax::cli {

namespace fs = std::filesystem;

namespace {

struct Formats {
  bool html = false;
  bool md = false;
  bool json = false;
  bool csv = false;
};

Formats ParseFormats(const std::string& list) {
  Formats f;
  std::istringstream in(list);
  for (std::string item; std::getline(in, item, ',');) {
    if (item == "html") {
      f.html = true;
    } else if (item == "md") {
      f.md = true;
    } else if (item == "json") {
      f.json = true;
    } else if (item == "csv") {
      f.csv = true;
    } else {
      throw UsageError("unknown format '" + item + "' (known: html, md, json, csv)");
    }
  }
  if (!f.html && !f.md && !f.json && !f.csv) throw UsageError("--format names no format");
  return f;
}

// The sources of the report's language: the --language flag, then the environment.
LanguageSources LanguageSourcesWith(const std::string& flag) {
  auto env = [](const char* name) {
    const char* v = std::getenv(name);
    return std::string(v != nullptr ? v : "");
  };
  return LanguageSources{flag, env("PARALLAX_LANGUAGE"), env("LC_ALL"), env("LC_MESSAGES"),
                         env("LANG")};
}

// The language of --help: the one the report would be written in (--language LANG or
// --language=LANG among `args`, then PARALLAX_LANGUAGE and the locale), English when unknown.
Messages HelpMessages(const std::vector<std::string>& args) {
  std::string flag;
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--language" && i + 1 < args.size()) flag = args[i + 1];
    if (args[i].rfind("--language=", 0) == 0) flag = args[i].substr(11);
  }
  return ChooseMessages(LanguageSourcesWith(flag), nullptr).value_or(Messages());
}

}  // namespace

int RunReport(const std::vector<std::string>& args) {
  std::vector<std::string> dirs;
  LexiconFlags lexicon_files;
  std::string out_dir;
  std::string outlets_path;
  std::string formats;
  bool blind = false;
  bool timing = false;
  std::string language;
  InputLimits limits;
  ReportOptions report_options;
  // --help speaks the language the report would be written in (English when that is unknown).
  const Messages m = HelpMessages(args);
  // Boost wraps help at a width in bytes: give two-byte scripts (Cyrillic) room for their lines.
  po::options_description options(m.Tr("Options"), m.language() == "en" ? 80 : 140, 70);
  options.add_options()("corpus", po::value(&dirs),
                        m.Tr("story folders (default: the shipped corpus/lachin-2023)").c_str())(
      "output,o", po::value(&out_dir),
      m.Tr("write into this folder (default: reports/<story>/; reports/<story>-blind/ with "
           "--blind, reports/<story>-ru/ with --language ru)")
          .c_str())("format", po::value(&formats)->default_value("html,md,json,csv"),
                    m.Tr("comma-separated: html, md, json, csv").c_str())(
      "blind", po::bool_switch(&blind),
      m.Tr("replace outlet names, self-references, web addresses and bylines by letters A, B, "
           "C…; the key goes beside the folder, to FOLDER-key.md, so the folder can be handed "
           "out as it is")
          .c_str())("outlets", po::value(&outlets_path),
                    m.Tr("outlets file (default: corpus/outlets.xml)").c_str())(
      "max-claims", po::value(&report_options.max_claims)->default_value(report_options.max_claims),
      m.Tr("claims shown side by side").c_str())(
      "language", po::value(&language),
      m.Tr("the report's language: en, ru (az, hy, ka in progress: English where untranslated); "
           "default: $PARALLAX_LANGUAGE, else the locale ($LC_ALL, $LC_MESSAGES, $LANG), else en. "
           "JSON keys stay English")
          .c_str())("timing", po::bool_switch(&timing),
                    m.Tr("print the time each stage took to stderr").c_str());
  AddLexiconOptions(options, lexicon_files, m);
  AddLimitOptions(options, limits, kLimitBytes | kLimitArticles, m);
  po::positional_options_description positional;
  positional.add("corpus", -1);
  const HelpText help{
      "parallax report [CORPUS_DIR...] [-o DIR] [--format html,md,json,csv] [--blind] "
      "[--lexicon FILE]... [--language LANG]",
      m.Tr("Reads the article files of a story folder, annotates them with the lexicon, aligns "
           "their\nevents and claims, measures how each outlet frames the story, and writes the "
           "side-by-side\nreport into reports/<story>/ (or -o DIR): report.html (self-contained, "
           "printable),\nreport.md, report.json (schema: docs/report-schema.md) and one CSV file "
           "per table.\nWith no folder it reports on the shipped corpus. Output is deterministic, "
           "and the files\nare replaced all together or not at all: an interrupted run, a full "
           "disk or a read-only\nfolder never leaves a half-written or half-replaced report.\n"
           "\n"
           "The shipped story lexicons (Karabakh, Georgia, Russia-Ukraine) each colour only the\n"
           "articles of their story. For another story bring your own with --lexicon FILE: it "
           "is\nused together with the shipped common lexicons (distancing cues, reporting "
           "verbs), and\nthe shipped story lexicons are left out; --no-default-lexicons leaves "
           "out the common\nones too.\n"
           "\n"
           "--language ru writes the report's own words (headings, explanations, prompts, dates "
           "and\nnumbers, CSV column names) in Russian, into reports/<story>-ru/; lexicon notes "
           "follow\nwhere the lexicon has them in that language."),
      "  parallax report\n"
      "  parallax report corpus/lachin-2023 -o /tmp/lachin --format html\n"
      "  parallax report --blind -o /tmp/lachin-blind\n"
      "  parallax report --lexicon georgia.xml corpus/georgia-2024\n"
      "  parallax report --language ru\n"};
  ProgressFlags progress_flags;
  AddProgressOptions(options, progress_flags, m);
  po::variables_map vm;
  if (!ParseArgs("report", args, options, positional, help, vm, m)) return kExitOk;
  const Formats want = ParseFormats(formats);
  CheckLimits(limits);
  if (dirs.empty()) dirs.push_back(DefaultCorpusDir());
  if (dirs.size() > 1 && !out_dir.empty()) {
    throw UsageError("-o names one folder; give one story folder with it");
  }
  report_options.blind = blind;
  {
    std::string error;
    std::optional<Messages> messages = ChooseMessages(LanguageSourcesWith(language), &error);
    if (!messages) throw UsageError(error);
    report_options.messages = std::move(*messages);
  }
  const std::string& report_language = report_options.messages.language();
  const std::string folder_suffix =
      (blind ? "-blind" : "") + (report_language == "en" ? std::string() : "-" + report_language);

  const auto start = std::chrono::steady_clock::now();
  const OutletsFile outlets = LoadOutletsOrThrow(outlets_path);
  const Lexicon lexicon = LoadLexiconsOrThrow(lexicon_files);
  const Annotator annotator(lexicon);
  if (PrintDiagnostics(annotator.diagnostics()) > 0) return kExitUsage;
  const AlignDocumentBuilder builder(&lexicon);

  int status = kExitOk;
  for (const std::string& dir : dirs) {
    CorpusOptions corpus_options;
    corpus_options.max_bytes = limits.max_bytes;
    corpus_options.max_articles = limits.max_articles;
    const Corpus corpus = LoadCorpus(dir, outlets, corpus_options);
    if (PrintDiagnostics(corpus.diagnostics) > 0) status = kExitUsage;
    if (corpus.articles.empty()) {
      std::cerr << "parallax report: no readable articles in " << dir << "\n";
      status = kExitUsage;
      continue;
    }
    const auto loaded = std::chrono::steady_clock::now();
    const std::vector<Article>& articles = corpus.articles;
    // Outlets met on the web (named by ingest from their pages) join the outlets file, so the
    // report shows and blinds them under their own names.
    const OutletsFile story_outlets = WithArticleOutlets(outlets, articles);
    std::vector<ArticleAnnotations> annotations(articles.size());
    std::vector<AlignDocument> documents(articles.size());
    const unsigned workers = internal::WorkerCount(0);
    Progress progress(Progress::ModeFor(progress_flags.quiet, progress_flags.force), std::cerr);
    progress.Begin("annotating " + corpus.story, articles.size(), "articles");
    internal::ParallelChunks(
        articles.size(), workers,
        [&](std::size_t begin, std::size_t end, unsigned) {
          for (std::size_t i = begin; i < end; ++i) {
            annotations[i] = annotator.Annotate(articles[i]);
            documents[i] = builder.Build(articles[i]);
            progress.Advance(1);
          }
        },
        1);
    progress.Finish();
    for (std::size_t i = 0; i < articles.size(); ++i) {
      for (const Diagnostic& d : LongSentenceWarnings(articles[i], annotations[i])) {
        progress.Print(d.ToString() + "\n");
      }
    }
    const auto annotated = std::chrono::steady_clock::now();
    progress.Begin("aligning and measuring " + corpus.story, 0, "");
    const Alignment alignment = Align(std::move(documents));
    MeasureOptions measure_options;
    measure_options.lexicons_chosen = !lexicon_files.files.empty();
    const StoryMeasures measures =
        MeasureStory(articles, annotations, lexicon, story_outlets, measure_options);
    progress.Finish();
    const auto measured = std::chrono::steady_clock::now();

    ReportInputs inputs;
    inputs.story = corpus.story;
    inputs.articles = &articles;
    inputs.annotations = &annotations;
    inputs.lexicon = &lexicon;
    inputs.outlets = &story_outlets;
    inputs.alignment = &alignment;
    inputs.measures = &measures;
    const std::vector<LeftOutFile> left_out = LeftOutFiles(corpus.diagnostics);
    inputs.left_out = &left_out;
    const StoryReport report(inputs, report_options);

    // Render everything first, so a failure leaves the previous report untouched.
    progress.Begin("writing the report of " + corpus.story, 0, "");
    std::vector<std::pair<std::string, std::string>> files;  // name, content
    if (want.html) files.push_back({"report.html", ReportToHtml(report)});
    if (want.md) files.push_back({"report.md", ReportToMarkdown(report)});
    if (want.json) files.push_back({"report.json", ReportToJson(report).dump(2) + "\n"});
    if (want.csv) {
      for (const CsvTable& t : ReportToCsv(report)) files.push_back({t.name, CsvTableText(t)});
    }
    if (blind) {
      for (const auto& [name, content] : files) {
        const std::vector<std::string> leaks = FindOutletNames(content, articles, story_outlets);
        if (!leaks.empty()) {
          progress.Print("parallax report: internal error: the blind " + name + " still names '" +
                         leaks.front() + "'; nothing was written\n");
          return kExitFailure;
        }
      }
    }
    const std::string target =
        out_dir.empty()
            ? (fs::path(DataRoot()) / "reports" / (corpus.story + folder_suffix)).string()
            : out_dir;
    std::error_code ec;
    fs::create_directories(target, ec);
    if (ec) {
      throw InputError(MakeError(target, 0, 0, "cannot create the report folder: " + ec.message()));
    }
    std::vector<std::pair<std::string, std::string>> paths_and_contents;
    for (auto& [name, content] : files) {
      paths_and_contents.emplace_back((fs::path(target) / name).string(), std::move(content));
    }
    const std::string key_path = BlindKeyPath(target);
    if (blind)
      paths_and_contents.emplace_back(key_path, report.blinder().KeyMarkdown(corpus.story));
    WriteFilesAtomic(paths_and_contents);
    progress.Finish();
    const auto written = std::chrono::steady_clock::now();

    std::size_t removed = 0;
    for (const Article& a : articles) removed += a.removed.size();
    int omissions = 0;
    for (const Claim* c : report.claims()) omissions += static_cast<int>(c->missing_outlets.size());
    // The summary in the report's language.
    const Messages& m = report.messages();
    auto count = [&](std::string_view pattern, std::size_t n) {
      return Fill(pattern, {{"n", std::to_string(n)}});
    };
    std::cout << (blind ? Fill(m.Tr("{story} (blind)"), {{"story", corpus.story}}) : corpus.story)
              << ": " << ArticlesFromOutlets(report) << ", "
              << count(m.TrN("{n} boilerplate line removed", "{n} boilerplate lines removed",
                             removed),
                       removed);
    if (corpus.rejected > 0) {
      std::cout << ", "
                << count(m.TrN("{n} file rejected", "{n} files rejected", corpus.rejected),
                         corpus.rejected);
    }
    std::cout << "\n  "
              << count(m.TrN("{n} event", "{n} events", alignment.events.size()),
                       alignment.events.size())
              << ", "
              << Fill(m.TrN("{n} claim ({shown} shown, {omissions} omissions marked)",
                            "{n} claims ({shown} shown, {omissions} omissions marked)",
                            alignment.claims.size()),
                      {{"n", std::to_string(alignment.claims.size())},
                       {"shown", std::to_string(report.claims().size())},
                       {"omissions", std::to_string(omissions)}})
              << ", "
              << count(m.TrN("{n} discussion prompt", "{n} discussion prompts",
                             report.prompts().size()),
                       report.prompts().size())
              << "\n";
    if (measures.thin_evidence) {
      std::cout << "  "
                << m.Tr("thin evidence: fewer than 3 articles per outlet; figures are counts")
                << "\n";
    }
    // The terminal names the folder as it was given; the report, its name only (a report is
    // the same wherever its folder lies).
    const std::string folder = corpus.dir.empty() ? corpus.story : corpus.dir;
    for (const std::string& sentence : LexiconFitSentences(measures.lexicon_fit, folder, m)) {
      std::cout << "  " << sentence << "\n";
    }
    const std::string cues = ReportingCuesSentence(report.languages_without_cues(), m);
    if (!cues.empty()) std::cout << "  " << cues << "\n";
    const fs::path shown = fs::absolute(target).lexically_normal();
    std::cout << "  "
              << Fill(m.Tr("report: {path}"),
                      {{"path",
                        (shown / (want.html ? "report.html" : files.front().first)).string()}})
              << "\n  "
              << Fill(m.TrN("{n} file written to {folder}", "{n} files written to {folder}",
                            files.size()),
                      {{"n", std::to_string(files.size())}, {"folder", shown.string()}})
              << "\n";
    if (blind) {
      std::cout << "  "
                << Fill(m.Tr("key (beside the folder; keep it for after the exercise): {path}"),
                        {{"path", fs::absolute(key_path).lexically_normal().string()}})
                << "\n";
    }
    if (timing) {
      auto ms = [](auto a, auto b) {
        return std::chrono::duration<double, std::milli>(b - a).count();
      };
      std::cerr << "timing: lexicon+outlets+corpus " << ms(start, loaded) << " ms, annotate "
                << ms(loaded, annotated) << " ms, align+measure " << ms(annotated, measured)
                << " ms, render+write " << ms(measured, written) << " ms\n";
    }
  }
  return status;
}

}  // namespace parallax::cli
