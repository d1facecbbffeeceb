#include <iostream>

#include "annotate/annotator.h"
#include "cli/cli.h"

namespace parallax::cli {
namespace {

// "#RRGGBB" as a 24-bit ANSI foreground colour.
std::string AnsiColour(const std::string& hex) {
  if (hex.size() != 7 || hex[0] != '#') return "\033[1m";
  const int r = std::stoi(hex.substr(1, 2), nullptr, 16);
  const int g = std::stoi(hex.substr(3, 2), nullptr, 16);
  const int b = std::stoi(hex.substr(5, 2), nullptr, 16);
  return "\033[1;38;2;" + std::to_string(r) + ";" + std::to_string(g) + ";" + std::to_string(b) +
         "m";
}

// Up to `width` bytes of context on one line, cut at character boundaries.
std::string Context(std::string_view text, std::size_t from, std::size_t to) {
  while (from < to && (static_cast<unsigned char>(text[from]) & 0xC0) == 0x80) ++from;
  while (to < text.size() && (static_cast<unsigned char>(text[to]) & 0xC0) == 0x80) ++to;
  std::string out(text.substr(from, to - from));
  for (char& c : out) {
    if (c == '\n') c = ' ';
  }
  return out;
}

}  // namespace

int RunMatch(const std::vector<std::string>& args) {
  std::vector<std::string> inputs;
  LexiconFlags lexicons;
  std::string kind_filter;
  std::string concept_filter;
  std::string outlets_path;
  std::size_t width = 40;
  InputLimits limits;
  po::options_description options("Options");
  options.add_options()("input", po::value(&inputs),
                        "article files, pages, feeds, JSON, or folders of them")(
      "kind", po::value(&kind_filter), "only naming, loaded, cue or actor matches")(
      "concept", po::value(&concept_filter), "only variants of this concept id")(
      "width", po::value(&width)->default_value(40), "characters of context on each side")(
      "outlets", po::value(&outlets_path), "outlets file (default: corpus/outlets.xml)");
  AddLexiconOptions(options, lexicons);
  AddLimitOptions(options, limits, kAllLimits);
  po::positional_options_description positional;
  positional.add("input", -1);
  const HelpText help{
      "parallax match [--kind naming|loaded|cue|actor] [--concept ID] ARTICLE...",
      "Prints every lexicon match as a keyword-in-context line: the outlet, the words before,\n"
      "the match, the words after, and what it is (concept, perspective, own or quoted voice).\n"
      "On a terminal the match is coloured by its perspective's colour (NO_COLOR turns it off).",
      "  parallax match corpus/lachin-2023\n  parallax match --concept stepanakert "
      "corpus/lachin-2023\n"};
  po::variables_map vm;
  if (!ParseArgs("match", args, options, positional, help, vm)) return kExitOk;
  if (inputs.empty()) throw UsageError("give at least one article file or folder");
  if (!kind_filter.empty() && kind_filter != "naming" && kind_filter != "loaded" &&
      kind_filter != "cue" && kind_filter != "actor") {
    throw UsageError("--kind must be naming, loaded, cue or actor");
  }
  CheckLimits(limits);
  const OutletsFile outlets = LoadOutletsOrThrow(outlets_path);
  const Lexicon lexicon = LoadLexiconsOrThrow(lexicons);
  if (!concept_filter.empty() && lexicon.FindConcept(concept_filter) == nullptr) {
    std::string known;
    for (const Concept& c : lexicon.concepts) known += (known.empty() ? "" : ", ") + c.id;
    throw UsageError("--concept: no concept '" + concept_filter +
                     "' in the lexicons (known: " + (known.empty() ? "none" : known) + ")");
  }
  const Annotator annotator(lexicon);
  if (PrintDiagnostics(annotator.diagnostics()) > 0) return kExitUsage;
  const LoadedArticles loaded = LoadArticlesForCommand(inputs, outlets, limits);
  const bool colour = UseColor();
  std::size_t shown = 0;
  for (const Article& a : loaded.articles) {
    const ArticleAnnotations ann = annotator.Annotate(a);
    PrintDiagnostics(LongSentenceWarnings(a, ann));
    for (const LexiconMatch& m : ann.matches) {
      const LexiconEntry& e = lexicon.entries[m.entry];
      static const char* kKinds[] = {"naming", "loaded", "actor", "cue", "event", "place"};
      const std::string kind = kKinds[static_cast<int>(e.kind)];
      if (!kind_filter.empty() && kind != kind_filter) continue;
      if (!concept_filter.empty() && e.concept_id != concept_filter) continue;
      const std::string_view text = a.text;
      const std::size_t left = m.start > width ? m.start - width : 0;
      const std::string before = Context(text, left, m.start);
      const std::string after = Context(text, m.end, std::min(text.size(), m.end + width));
      const Perspective* p = lexicon.FindPerspective(e.perspective);
      std::cout << a.outlet << "  "
                << std::string(width > before.size() ? width - before.size() : 0, ' ') << before;
      std::cout << (colour ? AnsiColour(p != nullptr ? p->colour : "") : "[");
      std::cout << text.substr(m.start, m.end - m.start);
      std::cout << (colour ? "\033[0m" : "]") << after << "  (" << kind;
      if (!e.concept_id.empty()) std::cout << " " << e.concept_id;
      if (!e.perspective.empty()) std::cout << ", " << e.perspective;
      std::cout << ", " << VoiceName(m.voice);
      if (!m.distancing.empty()) std::cout << " held at a distance (" << m.distancing << ")";
      if (const std::string_view speaker = SpeakerOf(ann, m).name; !speaker.empty())
        std::cout << ": " << speaker;
      std::cout << ")\n";
      ++shown;
    }
  }
  FlushStdoutOrThrow();
  std::cerr << shown << " match(es) in " << loaded.articles.size() << " article(s)\n";
  return HasErrors(loaded.diagnostics) ? kExitUsage : kExitOk;
}

}  // namespace parallax::cli
