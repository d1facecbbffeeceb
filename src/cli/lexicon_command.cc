#include <iostream>

#include "annotate/annotator.h"
#include "annotate/lexicon.h"
#include "annotate/lexicon_coverage.h"
#include "cli/cli.h"

namespace parallax::cli {

int RunLexicon(const std::vector<std::string>& args) {
  if (!args.empty() && args[0] == "draft") {
    return RunLexiconDraft(std::vector<std::string>(args.begin() + 1, args.end()));
  }
  std::string action;
  LexiconFlags flags;
  std::vector<std::string> language_lists;
  po::options_description options("Options");
  options.add_options()("action", po::value(&action), "check")(
      "file", po::value(&flags.files),
      "lexicon files, comma lists or folders, checked with the shipped common lexicons "
      "(lexicons/common/) as a report reads them (default: the shipped lexicons)")(
      "no-default-lexicons", po::bool_switch(&flags.no_defaults),
      "check the files alone, without the shipped common lexicons")(
      "languages", po::value(&language_lists),
      "also list every concept with no variant in one of these languages (a comma list, e.g. "
      "ru,az,hy; repeatable): what is left to complete a pack in the languages of a story's "
      "press");
  po::positional_options_description positional;
  positional.add("action", 1).add("file", -1);
  const HelpText help{
      "parallax lexicon check [FILE...]\n"
      "       parallax lexicon draft CORPUS... -o draft.xml   (its own --help)",
      "Validates lexicon files against the shipped RELAX NG schema and checks what a schema\n"
      "cannot: unknown perspective ids, duplicate forms, empty notes, bad wildcards, missing\n"
      "sources, categories Parallax does not know (with a did-you-mean), and story lexicons\n"
      "with no scope (nothing names their story, so their forms count in every article).\n"
      "Every problem is reported as file:line with a hint. A FILE is checked together\n"
      "with the shipped common lexicons (lexicons/common/: cues, places, the actors and\n"
      "perspectives every story shares), as 'report --lexicon FILE' reads it; with no FILE it\n"
      "checks the shipped lexicons. Entries marked status=\"candidate\" were drafted from a corpus "
      "by\n"
      "'parallax lexicon draft' and not yet reviewed: check says how many, as a warning (a\n"
      "concept counts once with its variants, as the draft counts its candidates), and\n"
      "what to do with them. With --languages it also lists, as warnings, the concepts that have\n"
      "no variant in a language the story's press writes in, and says how many are complete;\n"
      "candidate concepts are not counted (it says how many), review them first.\n"
      "Exit code 0 when there are no errors (warnings allowed), 2 otherwise.",
      "  parallax lexicon check lexicons/karabakh.xml\n"
      "  parallax lexicon check my-conflict.xml\n"
      "  parallax lexicon check --no-default-lexicons my-cues.xml my-conflict.xml\n"
      "  parallax lexicon check --languages ru,az,hy lexicons/karabakh.xml\n"};
  po::variables_map vm;
  if (!ParseArgs("lexicon", args, options, positional, help, vm)) return kExitOk;
  if (action != "check") {
    throw UsageError(action.empty() ? "say what to do: 'parallax lexicon check FILE...' or "
                                      "'parallax lexicon draft CORPUS... -o draft.xml'"
                                    : "unknown action '" + action + "' (known: check, draft)");
  }
  if (flags.no_defaults && flags.files.empty()) {
    throw UsageError("--no-default-lexicons needs the files to check: lexicon check FILE...");
  }
  std::vector<std::string> languages;
  if (!language_lists.empty()) {
    std::string all, error;
    for (const std::string& list : language_lists) all += list + ",";
    languages = ParseLanguageList(all, &error);
    if (languages.empty()) throw UsageError("--languages: " + error);
  }
  const std::vector<std::string> files = LexiconPaths(flags);
  const LexiconLoadResult r = LoadLexicons(files);
  // Every form is also compiled as `annotate` and `report` compile it, so a form the matcher
  // refuses fails here, at its file:line, and not in the first report.
  Diagnostics diagnostics = r.diagnostics;
  if (!HasErrors(r.diagnostics)) {
    const Annotator annotator(r.lexicon);
    diagnostics.insert(diagnostics.end(), annotator.diagnostics().begin(),
                       annotator.diagnostics().end());
  }
  LanguageCoverage coverage;
  if (!languages.empty()) {
    coverage = ConceptLanguages(r.lexicon, languages);
    const Diagnostics gaps = coverage.Warnings(r.lexicon);
    diagnostics.insert(diagnostics.end(), gaps.begin(), gaps.end());
  }
  const int errors = PrintDiagnostics(diagnostics);
  const std::size_t warnings = diagnostics.size() - static_cast<std::size_t>(errors);
  // Which files those are: the user's with the shipped common lexicons they are used with, or
  // the shipped set.
  std::string which = "the shipped lexicons";
  if (!flags.files.empty()) {
    LexiconFlags yours = flags;
    yours.no_defaults = true;
    const std::size_t own = LexiconPaths(yours).size();
    which = own == files.size() ? "yours alone"
                                : std::to_string(own) + " of yours, with the " +
                                      std::to_string(files.size() - own) +
                                      " shipped common lexicons they are used with";
  }
  std::cout << files.size() << " file(s) (" << which << "): " << errors << " error(s), " << warnings
            << " warning(s); " << r.lexicon.concepts.size() << " concepts, "
            << r.lexicon.Count(LexiconEntry::Kind::kNaming) << " naming variants, "
            << r.lexicon.Count(LexiconEntry::Kind::kLoaded) << " loaded terms, "
            << r.lexicon.actors.size() << " actors, " << r.lexicon.Count(LexiconEntry::Kind::kCue)
            << " cues\n";
  if (!languages.empty()) std::cout << coverage.Summary() << "\n";
  return errors > 0 ? kExitUsage : kExitOk;
}

}  // namespace parallax::cli
