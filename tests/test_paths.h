// Paths and helpers shared by the test executables. Paths come from CMake, never hard-coded.
#ifndef PARALLAX_TESTS_TEST_PATHS_H_
#define PARALLAX_TESTS_TEST_PATHS_H_

#include <string>
#include <utility>
#include <vector>

namespace parallax::testing {

// tests/data of the source tree.
std::string TestDataDir();
// ../shared beside the checkout (may be absent: use SharedDirOrSkip in tests).
std::string SharedDir();
// True when ../shared/<relative> exists.
bool SharedExists(const std::string& relative);
// The repository root.
std::string SourceDir();

// Reads a whole file; fails the calling test (via ADD_FAILURE) and returns "" when it cannot.
std::string ReadFileOrFail(const std::string& path);

// A seed article by its file name in ../shared/seeds ("001_f449a514d4856981.txt"), as received;
// on a clone without ../shared, the body of the shipped corpus file with the same number
// (corpus/lachin-2023/001_moscow-times.txt holds the same text under a front-matter block).
std::string SeedText(const std::string& seed_name);
// The texts of every seed article (as SeedText gives them), by seed number.
std::vector<std::string> SeedTexts();

// Writes `bytes` to `path` (replacing it); fails the calling test when it cannot.
void WriteFileOrFail(const std::string& path, const std::string& bytes);

// Result of running the built `parallax` binary.
struct CommandResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};
// Runs `parallax` with `args` (no shell), optional stdin text; captures stdout and stderr.
CommandResult RunParallax(const std::vector<std::string>& args, const std::string& stdin_text = "");

// How RunParallaxWith runs the binary, for tests of hostile environments.
struct RunOptions {
  std::string stdin_text;
  // Standard output goes here instead of being captured (e.g. "/dev/full"); `out` stays empty.
  std::string stdout_path;
  // Largest file the command may write (RLIMIT_FSIZE, with SIGXFSZ ignored, so a write past it
  // fails as on a full disk); 0 for no limit.
  unsigned long long max_file_bytes = 0;
  // Run without the root powers that ignore file permissions (CAP_DAC_OVERRIDE and friends are
  // dropped from the bounding set), so a read-only folder is read-only even when tests run as
  // root, as they do in CI containers.
  bool drop_file_powers = false;
  // Environment variables set (or, with an empty value, unset) for the command only. The locale
  // variables and PARALLAX_LANGUAGE are always unset first, so reports are in English unless
  // set here.
  std::vector<std::pair<std::string, std::string>> environment;
};
CommandResult RunParallaxWith(const std::vector<std::string>& args, const RunOptions& options);

// Runs `parallax` with `args` on a pseudo-terminal as its standard error (and input), standard
// output going to `stdout_path`: what a person at a terminal sees. Returns the exit code and
// everything written to the terminal. Gives up after `timeout_seconds`.
CommandResult RunParallaxOnTerminal(const std::vector<std::string>& args,
                                    const std::string& stdout_path, int timeout_seconds = 120);

// A fresh empty directory under the system temp dir, removed by the destructor.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

}  // namespace parallax::testing

#endif  // PARALLAX_TESTS_TEST_PATHS_H_
