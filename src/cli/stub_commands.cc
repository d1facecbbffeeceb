// Subcommands whose stage is not built yet. They say so plainly and exit non-zero: never a fake
// success.
#include <iostream>

#include "cli/cli.h"

namespace parallax::cli {
namespace {

int NotYet(const std::string& name, const std::vector<std::string>& args, const char* what) {
  for (const std::string& a : args) {
    if (a == "--help" || a == "-h") {
      std::cout << "Usage: parallax " << name << " ...\n\n"
                << what << "\n\nThis command is not implemented yet.\n";
      return kExitOk;
    }
  }
  std::cerr << "parallax " << name << ": not implemented yet\n";
  return kExitFailure;
}

}  // namespace

int RunScan(const std::vector<std::string>& args) {
  return NotYet("scan", args, "Streams JSON Lines articles to per-article framing records.");
}

}  // namespace parallax::cli
