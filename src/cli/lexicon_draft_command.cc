#include <filesystem>
#include <iostream>

#include "annotate/annotator.h"
#include "cli/cli.h"
#include "core/file_io.h"
#include "corpus/article_file.h"
#include "framing/draft_xml.h"
#include "framing/lexicon_draft.h"

namespace parallax::cli {

int RunLexiconDraft(const std::vector<std::string>& args) {
  std::vector<std::string> inputs;
  std::string output;
  std::string outlets_path;
  std::size_t show = 10;
  LexiconFlags lexicons;
  DraftOptions draft_options;
  InputLimits limits;
  po::options_description options("Options");
  options.add_options()("input", po::value(&inputs), "article files or folders of one story")(
      "output,o", po::value(&output),
      "write the draft lexicon here (written whole or not at all); without it, to standard "
      "output")("outlets", po::value(&outlets_path), "outlets file (default: corpus/outlets.xml)")(
      "show", po::value(&show)->default_value(10),
      "with -o: print this many top candidates (0: none)")(
      "min-count", po::value(&draft_options.min_count)->default_value(2),
      "a phrase must occur at least this often")(
      "max-words", po::value(&draft_options.max_words)->default_value(4),
      "longest phrase, in words (1 to 6)")("min-z",
                                           po::value(&draft_options.min_z)->default_value(1.0),
                                           "distinctive phrases need at least this z-score")(
      "max-distinctive", po::value(&draft_options.max_distinctive)->default_value(30),
      "most distinctive phrases in the draft");
  AddLexiconOptions(options, lexicons);
  AddLimitOptions(options, limits, kAllLimits);
  po::positional_options_description positional;
  positional.add("input", -1);
  const HelpText help{
      "parallax lexicon draft CORPUS... [-o draft.xml] [options]",
      "Proposes a lexicon for a story no lexicon covers yet, from the story's own articles.\n"
      "It finds: name pairs the texts give (\"Khankendi (Stepanakert)\", \"X, which Armenians\n"
      "call Y\", \"known in Azerbaijan as X\"); variant groups (phrases differing in one word\n"
      "that different outlets prefer: \"Lachin corridor\" / \"Lachin road\"); distanced uses\n"
      "(scare quotes, \"so-called X\", «так называемый» X); and phrases of one to four words\n"
      "distinctive of one outlet or of outlets with one base (log-odds ratio with an\n"
      "informative Dirichlet prior, Monroe, Colaresi & Quinn 2008). Every entry carries\n"
      "status=\"candidate\" and, in comments above it, its counts per outlet and two lines of\n"
      "keyword in context. Name pairs and variant groups become concepts, the rest loaded\n"
      "terms; no perspective is set. Edit the file into a lexicon (see its header), check it\n"
      "with 'parallax lexicon check', then use it with --lexicon.\n\n"
      "Distancing cues come from the shipped common lexicons (lexicons/common/*.xml); without\n"
      "--lexicon nothing else is read (not karabakh.xml), so the draft sees the story afresh.\n"
      "A phrase the lexicons read already match (any entry: wildcard, stem or exact form; a\n"
      "--lexicon file's too) is left out of the draft, so passing a story's lexicon drafts only\n"
      "what it lacks; the header of the file and the summary say how many were left out. The\n"
      "same corpus always gives the same file.",
      "  parallax lexicon draft corpus/lachin-2023 -o lachin-draft.xml\n"
      "  parallax lexicon check lachin-draft.xml\n"
      "  parallax report corpus/lachin-2023 --lexicon lachin-draft.xml   (once edited)\n"
      "  parallax lexicon draft georgia/ --lexicon georgia.xml -o more.xml   (what it lacks)\n"};
  po::variables_map vm;
  if (!ParseArgs("lexicon draft", args, options, positional, help, vm)) return kExitOk;
  if (inputs.empty()) throw UsageError("give the story's article files or folder");
  if (draft_options.min_count < 1) throw UsageError("--min-count must be 1 or more");
  if (draft_options.max_words < 1 || draft_options.max_words > 6) {
    throw UsageError("--max-words must be from 1 to 6");
  }
  CheckLimits(limits);
  const OutletsFile outlets = LoadOutletsOrThrow(outlets_path);
  std::vector<std::string> lexicon_files;
  if (lexicons.files.empty() && !lexicons.no_defaults) {
    const std::string dir = FindLexiconDir();
    if (!dir.empty()) lexicon_files = CommonLexiconPaths(dir);
  } else {
    lexicon_files = LexiconPaths(lexicons);
  }
  const Lexicon lexicon = LoadLexiconFilesOrThrow(lexicon_files, false);
  const Annotator annotator(lexicon);
  if (PrintDiagnostics(annotator.diagnostics()) > 0) return kExitUsage;
  LoadedArticles loaded = LoadArticlesForCommand(inputs, outlets, limits);
  if (loaded.articles.empty()) throw UsageError("no articles were read");
  // (Articles that name no outlet are each an outlet of their own, LoadArticlesForCommand: lumped
  // together they would read as one outlet whose words are "distinctive".)
  std::vector<ArticleAnnotations> annotations;
  for (const Article& a : loaded.articles) annotations.push_back(annotator.Annotate(a));
  const LexiconDraft draft =
      DraftLexicon(loaded.articles, annotations, lexicon, &outlets, draft_options);

  DraftXmlOptions xml;
  const std::filesystem::path first(inputs.front());
  std::string story =
      first.has_filename() ? first.filename().string() : first.parent_path().filename().string();
  if (std::filesystem::is_regular_file(first)) story = first.parent_path().filename().string();
  xml.id = DraftLexiconId(story);
  xml.corpus = story;
  const std::string text = DraftToXml(draft, xml);
  if (output.empty() || output == "-") {
    std::cout << text;
    FlushStdoutOrThrow();
    return HasErrors(loaded.diagnostics) ? kExitUsage : kExitOk;
  }
  WriteFileAtomic(output, text);
  std::map<DraftCandidate::Kind, int> kinds;
  for (const DraftCandidate& c : draft.candidates) ++kinds[c.kind];
  std::cout << "wrote " << output << ": " << draft.candidates.size() << " candidates from "
            << draft.articles << " articles of " << draft.outlets.size() << " outlets ("
            << kinds[DraftCandidate::Kind::kNamePair] << " name pairs, "
            << kinds[DraftCandidate::Kind::kVariantGroup] << " variant groups, "
            << kinds[DraftCandidate::Kind::kDistanced] << " distanced, "
            << kinds[DraftCandidate::Kind::kDistinctive] << " distinctive)\n";
  if (!draft.covered.empty() || !lexicons.files.empty()) {
    std::cout << "  " << DraftCoveredLine(draft) << "\n";
  }
  for (std::size_t i = 0; i < draft.candidates.size() && i < show; ++i) {
    const DraftCandidate& c = draft.candidates[i];
    std::string forms;
    for (const DraftForm& f : c.forms) forms += (forms.empty() ? "" : " / ") + f.form;
    std::cout << "  " << (i + 1) << ". " << DraftKindName(c.kind) << ": " << forms << "  ("
              << (c.findings.empty() ? "" : c.findings.front()) << ")\n";
  }
  std::cout << "Next: edit " << output << " (its header says how), then 'parallax lexicon check "
            << output << "'.\n";
  FlushStdoutOrThrow();
  return HasErrors(loaded.diagnostics) ? kExitUsage : kExitOk;
}

}  // namespace parallax::cli
