#include <iostream>

#include "annotate/annotator.h"
#include "cli/cli.h"
#include "corpus/article_file.h"
#include "corpus/ingest.h"

namespace parallax::cli {

// Shared by annotate, match and align: articles from files or folders, cleaned.
LoadedArticles LoadArticlesForCommand(const std::vector<std::string>& inputs,
                                      const OutletsFile& outlets, const InputLimits& limits) {
  IngestOptions ingest = IngestOptionsWith(limits);
  ingest.outlets = &outlets;
  LoadedArticles loaded = LoadArticles(inputs, ingest);
  PrintDiagnostics(loaded.diagnostics);
  // Articles that name no outlet are each an outlet of their own, as in the report: lumped
  // together they would read as one nameless outlet.
  for (Article& a : loaded.articles) GiveOwnOutlet(a);
  MakeOwnOutletsDistinct(loaded.articles);
  return loaded;
}

namespace {

std::string OneLine(std::string_view s, std::size_t max = 90) {
  std::string out;
  for (char c : s) out.push_back(c == '\n' ? ' ' : c);
  if (out.size() > max) {
    std::size_t cut = max;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
    out = out.substr(0, cut) + "…";
  }
  return out;
}

void PrintText(const Article& a, const ArticleAnnotations& ann, const Lexicon& lex) {
  std::cout << "== " << a.id << " (" << a.outlet << (a.date ? ", " + a.date->ToString() : "")
            << "): " << ann.words << " words, " << ann.quotes.size() << " quotations, "
            << ann.matches.size() << " lexicon matches, " << ann.dates.size() << " dates\n";
  for (const LexiconMatch& m : ann.matches) {
    const LexiconEntry& e = lex.entries[m.entry];
    static const char* kKinds[] = {"naming", "loaded", "actor", "cue", "event"};
    std::cout << "  " << kKinds[static_cast<int>(e.kind)] << "  \""
              << OneLine(std::string_view(a.text).substr(m.start, m.end - m.start)) << "\"";
    if (!e.concept_id.empty()) std::cout << "  concept=" << e.concept_id;
    if (!e.perspective.empty()) std::cout << "  perspective=" << e.perspective;
    if (!e.category.empty()) std::cout << "  category=" << e.category;
    std::cout << "  voice=" << VoiceName(m.voice);
    if (const std::string_view speaker = SpeakerOf(ann, m).name; m.voice == Voice::kQuoted)
      std::cout << " (" << (speaker.empty() ? "unknown speaker" : speaker) << ")";
    if (m.scare_quote >= 0) std::cout << "  scare-quoted";
    if (m.distancing == kCitedTitle) std::cout << "  cited-title";
    std::cout << "\n";
  }
  for (const Quote& q : ann.quotes) {
    std::cout << "  quote  " << QuoteKindName(q.kind) << "  “"
              << OneLine(std::string_view(a.text).substr(q.start, q.end - q.start), 70) << "”";
    if (!q.speaker.empty()) std::cout << "  — " << q.speaker;
    if (!q.actor_id.empty()) std::cout << " [" << q.actor_id << "]";
    if (!q.distancing_cue.empty()) std::cout << "  cue: " << q.distancing_cue;
    std::cout << "\n";
  }
  for (const DateMention& d : ann.dates) {
    std::cout << "  date   \"" << d.text << "\" → "
              << (d.resolved ? (d.is_range ? d.from.ToString() + " … " + d.to.ToString()
                                           : d.from.ToString())
                             : std::string("unresolved"))
              << "\n";
  }
  for (const BracketedPair& p : ann.bracketed_pairs) {
    std::cout << "  pair   " << lex.entries[ann.matches[p.first].entry].form << " ("
              << lex.entries[ann.matches[p.second].entry].form << ")\n";
  }
}

}  // namespace

int RunAnnotate(const std::vector<std::string>& args) {
  std::vector<std::string> inputs;
  LexiconFlags lexicons;
  std::string format = "text";
  std::string outlets_path;
  InputLimits limits;
  po::options_description options("Options");
  options.add_options()("input", po::value(&inputs),
                        "article files, pages, feeds, JSON, or folders of them")(
      "format", po::value(&format)->default_value("text"),
      "text or json (one JSON object per line)")("outlets", po::value(&outlets_path),
                                                 "outlets file (default: corpus/outlets.xml)");
  AddLexiconOptions(options, lexicons);
  AddLimitOptions(options, limits, kAllLimits);
  po::positional_options_description positional;
  positional.add("input", -1);
  const HelpText help{
      "parallax annotate [--format text|json] [--lexicon FILE]... ARTICLE...",
      "Finds in each article the names it uses for contested things, loaded terms, distancing\n"
      "cues, quotations with their speakers, scare quotes and dated events; every lexicon match\n"
      "says whether it stands in the outlet's own voice or in a quotation, and whose. With\n"
      "--format json it prints one object per article (JSON Lines) whose offsets are byte\n"
      "offsets into its \"body\".",
      "  parallax annotate corpus/lachin-2023/002_oc-media.txt\n"
      "  parallax annotate --format json corpus/lachin-2023 > annotations.jsonl\n"};
  po::variables_map vm;
  if (!ParseArgs("annotate", args, options, positional, help, vm)) return kExitOk;
  if (format != "text" && format != "json") throw UsageError("--format must be text or json");
  if (inputs.empty()) throw UsageError("give at least one article file or folder");
  CheckLimits(limits);
  const OutletsFile outlets = LoadOutletsOrThrow(outlets_path);
  const Lexicon lexicon = LoadLexiconsOrThrow(lexicons);
  const Annotator annotator(lexicon);
  if (PrintDiagnostics(annotator.diagnostics()) > 0) return kExitUsage;
  const LoadedArticles loaded = LoadArticlesForCommand(inputs, outlets, limits);
  for (const Article& a : loaded.articles) {
    const ArticleAnnotations ann = annotator.Annotate(a);
    PrintDiagnostics(LongSentenceWarnings(a, ann));
    if (format == "json") {
      std::cout << AnnotationsToJson(a, ann, lexicon)
                       .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
                << "\n";
    } else {
      PrintText(a, ann, lexicon);
    }
  }
  FlushStdoutOrThrow();
  return HasErrors(loaded.diagnostics) ? kExitUsage : kExitOk;
}

}  // namespace parallax::cli
