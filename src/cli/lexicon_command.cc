#include <iostream>

#include "annotate/lexicon.h"
#include "cli/cli.h"

namespace parallax::cli {

int RunLexicon(const std::vector<std::string>& args) {
  if (!args.empty() && args[0] == "draft") {
    return RunLexiconDraft(std::vector<std::string>(args.begin() + 1, args.end()));
  }
  std::string action;
  std::vector<std::string> files;
  po::options_description options("Options");
  options.add_options()("action", po::value(&action), "check")(
      "file", po::value(&files), "lexicon files (default: the shipped lexicons)");
  po::positional_options_description positional;
  positional.add("action", 1).add("file", -1);
  const HelpText help{
      "parallax lexicon check [FILE...]\n"
      "       parallax lexicon draft CORPUS... -o draft.xml   (its own --help)",
      "Validates lexicon files against the shipped RELAX NG schema and checks what a schema\n"
      "cannot: unknown perspective ids, duplicate forms, empty notes, bad wildcards, missing\n"
      "sources. Every problem is reported as file:line with a hint. With no FILE it checks the\n"
      "shipped lexicons. Entries marked status=\"candidate\" were drafted from a corpus by\n"
      "'parallax lexicon draft' and not yet reviewed: check says how many, as a warning, and\n"
      "what to do with them. Exit code 0 when there are no errors (warnings allowed), 2\n"
      "otherwise.",
      "  parallax lexicon check lexicons/common/*.xml lexicons/karabakh.xml\n"
      "  parallax lexicon check my-conflict.xml lexicons/common/actors.xml\n"};
  po::variables_map vm;
  if (!ParseArgs("lexicon", args, options, positional, help, vm)) return kExitOk;
  if (action != "check") {
    throw UsageError(action.empty() ? "say what to do: 'parallax lexicon check FILE...' or "
                                      "'parallax lexicon draft CORPUS... -o draft.xml'"
                                    : "unknown action '" + action + "' (known: check, draft)");
  }
  if (files.empty()) {
    const std::string dir = FindLexiconDir();
    if (dir.empty()) throw UsageError("the shipped lexicons were not found; give FILE...");
    files = DefaultLexiconPaths(dir);
  }
  const LexiconLoadResult r = LoadLexicons(files);
  const int errors = PrintDiagnostics(r.diagnostics);
  const std::size_t warnings = r.diagnostics.size() - static_cast<std::size_t>(errors);
  std::cout << files.size() << " file(s): " << errors << " error(s), " << warnings
            << " warning(s); " << r.lexicon.concepts.size() << " concepts, "
            << r.lexicon.Count(LexiconEntry::Kind::kNaming) << " naming variants, "
            << r.lexicon.Count(LexiconEntry::Kind::kLoaded) << " loaded terms, "
            << r.lexicon.actors.size() << " actors, " << r.lexicon.Count(LexiconEntry::Kind::kCue)
            << " cues\n";
  return errors > 0 ? kExitUsage : kExitOk;
}

}  // namespace parallax::cli
