// parallax: shows how different news outlets tell the same events.
#include <algorithm>
#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include "cli/cli.h"
#include "text/edit_distance.h"

namespace {

using parallax::cli::kExitFailure;
using parallax::cli::kExitOk;
using parallax::cli::kExitUsage;

struct Command {
  const char* name;
  const char* summary;
  int (*run)(const std::vector<std::string>&);
};

constexpr Command kCommands[] = {
    {"report", "write the side-by-side framing report for a story folder",
     parallax::cli::RunReport},
    {"ingest", "turn pages, feeds, JSON and pasted text into article files",
     parallax::cli::RunIngest},
    {"extract", "print one page or article as clean text or JSON", parallax::cli::RunExtract},
    {"clean", "show which boilerplate lines cleaning removes, and why", parallax::cli::RunClean},
    {"annotate", "find naming choices, loaded terms, quotes and dates in articles",
     parallax::cli::RunAnnotate},
    {"match", "show lexicon matches in context (keyword in context)", parallax::cli::RunMatch},
    {"align", "group articles into stories, events and shared claims", parallax::cli::RunAlign},
    {"lexicon", "check lexicon files, or draft one from a corpus ('lexicon check|draft')",
     parallax::cli::RunLexicon},
    {"scan", "stream JSON Lines articles to per-article framing records", parallax::cli::RunScan},
};

void PrintHelp() {
  std::cout << "Usage: parallax <command> [options] [arguments]\n\n"
               "Parallax shows how different news outlets tell the same events: which names each\n"
               "uses for contested places and groups, which loaded terms appear in its own voice\n"
               "and in quotes, who gets quoted, and what each outlet leaves out.\n\n"
               "Commands:\n";
  for (const Command& c : kCommands) {
    std::cout << "  " << c.name << std::string(10 - std::string(c.name).size(), ' ') << c.summary
              << "\n";
  }
  std::cout << "\nGlobal options:\n"
               "  -h, --help     show this help (or 'parallax <command> --help')\n"
               "  --version      print the version\n\n"
               "Start with:  parallax report        (the report on the shipped corpus)\n"
               "             parallax report --help (what the report holds and its options)\n";
}

int UnknownCommand(const std::string& word) {
  std::cerr << "parallax: unknown command '" << word << "'.";
  std::vector<std::string> names;
  for (const Command& c : kCommands) names.emplace_back(c.name);
  const std::string best = parallax::NearestWord(word, names);
  if (!best.empty()) std::cerr << " Did you mean '" << best << "'?";
  std::cerr << " Run 'parallax --help' for the list of commands.\n";
  return kExitUsage;
}

}  // namespace

int main(int argc, char** argv) {
  const std::vector<std::string> words(argv + 1, argv + argc);
  if (words.empty()) {
    PrintHelp();
    return kExitUsage;
  }
  const std::string& first = words[0];
  if (first == "--help" || first == "-h" || first == "help") {
    if (first == "help" && words.size() > 1) {
      for (const Command& c : kCommands) {
        if (words[1] == c.name) return c.run({"--help"});
      }
      return UnknownCommand(words[1]);
    }
    PrintHelp();
    return kExitOk;
  }
  if (first == "--version" || first == "-V") {
    std::cout << "parallax " << PARALLAX_VERSION << "\n";
    return kExitOk;
  }
  if (!first.empty() && first[0] == '-') {
    std::cerr << "parallax: unknown option '" << first
              << "'. Options go after the command; run 'parallax --help'.\n";
    return kExitUsage;
  }
  for (const Command& c : kCommands) {
    if (first != c.name) continue;
    const std::vector<std::string> rest(words.begin() + 1, words.end());
    try {
      return c.run(rest);
    } catch (const parallax::cli::UsageError& e) {
      std::cerr << "parallax " << c.name << ": " << e.what() << ". Run 'parallax " << c.name
                << " --help' for usage.\n";
      return kExitUsage;
    } catch (const parallax::InputError& e) {
      std::cerr << "parallax " << c.name << ": " << e.what() << "\n";
      return kExitUsage;
    } catch (const std::exception& e) {
      std::cerr << "parallax " << c.name << ": " << e.what() << "\n";
      return kExitFailure;
    }
  }
  return UnknownCommand(first);
}
