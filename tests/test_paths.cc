#include "test_paths.h"

#include <signal.h>

#include <chrono>

#include <poll.h>

#include <pty.h>

#include <fcntl.h>
#include <gtest/gtest.h>
#include <linux/capability.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace parallax::testing {
namespace fs = std::filesystem;

std::string TestDataDir() { return PARALLAX_TEST_DATA_DIR; }
std::string SharedDir() { return PARALLAX_SHARED_DIR; }

namespace {

// The body of an article file: what follows its front-matter block.
std::string BodyOf(const std::string& file) {
  if (file.rfind("---\n", 0) != 0) return file;
  const std::size_t end = file.find("\n---\n", 3);
  return end == std::string::npos ? file : file.substr(end + 5);
}

std::string CorpusFileNumbered(const std::string& number) {
  const fs::path dir = fs::path(SourceDir()) / "corpus" / "lachin-2023";
  for (const auto& entry : fs::directory_iterator(dir)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind(number + "_", 0) == 0 && entry.path().extension() == ".txt") {
      return entry.path().string();
    }
  }
  return "";
}

}  // namespace

std::string SeedText(const std::string& seed_name) {
  if (SharedExists("seeds/" + seed_name))
    return ReadFileOrFail(SharedDir() + "/seeds/" + seed_name);
  const std::string file = CorpusFileNumbered(seed_name.substr(0, 3));
  if (file.empty()) {
    ADD_FAILURE() << "no seed " << seed_name << " and no corpus file numbered like it";
    return "";
  }
  return BodyOf(ReadFileOrFail(file));
}

std::vector<std::string> SeedTexts() {
  std::vector<std::string> out;
  for (const char* number : {"000", "001", "002", "003", "004"}) {
    std::string seed;
    if (SharedExists("seeds")) {
      for (const auto& entry : fs::directory_iterator(fs::path(SharedDir()) / "seeds")) {
        const std::string name = entry.path().filename().string();
        if (name.rfind(std::string(number) + "_", 0) == 0) seed = name;
      }
    }
    out.push_back(seed.empty() ? BodyOf(ReadFileOrFail(CorpusFileNumbered(number)))
                               : ReadFileOrFail(SharedDir() + "/seeds/" + seed));
  }
  return out;
}
std::string SourceDir() { return PARALLAX_SOURCE_DIR; }
bool SharedExists(const std::string& relative) {
  std::error_code ec;
  return fs::exists(fs::path(SharedDir()) / relative, ec);
}

std::string ReadFileOrFail(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    ADD_FAILURE() << "cannot read " << path;
    return "";
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void WriteFileOrFail(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
  if (!out) ADD_FAILURE() << "cannot write " << path;
}

namespace {
std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}
}  // namespace

namespace {

// In a forked child: replaces it with the parallax binary run with `args`.
[[noreturn]] void ExecParallax(const std::vector<std::string>& args) {
  std::string binary = PARALLAX_BINARY;
  std::vector<std::string> copy = args;
  std::vector<char*> argv = {binary.data()};
  for (auto& a : copy) argv.push_back(a.data());
  argv.push_back(nullptr);
  execv(binary.c_str(), argv.data());
  _exit(127);
}

}  // namespace

CommandResult RunParallax(const std::vector<std::string>& args, const std::string& stdin_text) {
  RunOptions options;
  options.stdin_text = stdin_text;
  return RunParallaxWith(args, options);
}

CommandResult RunParallaxWith(const std::vector<std::string>& args, const RunOptions& options) {
  const std::string& stdin_text = options.stdin_text;
  TempDir tmp;
  const std::string in_path = tmp.path() + "/stdin";
  const std::string out_path = tmp.path() + "/stdout";
  const std::string err_path = tmp.path() + "/stderr";
  {
    std::ofstream in(in_path, std::ios::binary);
    in << stdin_text;
  }
  CommandResult result;
  const pid_t pid = fork();
  if (pid < 0) return result;
  if (pid == 0) {
    const int in_fd = open(in_path.c_str(), O_RDONLY);
    const std::string& stdout_path = options.stdout_path.empty() ? out_path : options.stdout_path;
    const int out_fd = open(stdout_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    const int err_fd = open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    dup2(in_fd, 0);
    dup2(out_fd, 1);
    dup2(err_fd, 2);
    setenv("NO_COLOR", "1", 1);
    // The report's language must not follow the machine's locale in tests: English unless the
    // test asks for another.
    for (const char* name : {"PARALLAX_LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"}) unsetenv(name);
    for (const auto& [name, value] : options.environment) {
      if (value.empty()) {
        unsetenv(name.c_str());
      } else {
        setenv(name.c_str(), value.c_str(), 1);
      }
    }
    if (options.max_file_bytes > 0) {
      signal(SIGXFSZ, SIG_IGN);  // ignored dispositions survive exec: writes fail with EFBIG
      const rlimit limit{options.max_file_bytes, options.max_file_bytes};
      setrlimit(RLIMIT_FSIZE, &limit);
    }
    if (options.drop_file_powers) {
      // Fails harmlessly (EPERM) when not root: then permissions apply anyway.
      for (const int cap : {CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER}) {
        prctl(PR_CAPBSET_DROP, cap, 0, 0, 0);
      }
    }
    ExecParallax(args);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  result.out = Slurp(out_path);
  result.err = Slurp(err_path);
  return result;
}

TempDir::TempDir() {
  std::string templ = (fs::temp_directory_path() / "parallax-test-XXXXXX").string();
  if (mkdtemp(templ.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  path_ = templ;
}

TempDir::~TempDir() {
  std::error_code ec;
  fs::permissions(path_, fs::perms::owner_all, fs::perm_options::add, ec);
  fs::remove_all(path_, ec);
}

CommandResult RunParallaxOnTerminal(const std::vector<std::string>& args,
                                    const std::string& stdout_path, int timeout_seconds) {
  CommandResult result;
  int master = -1;
  const pid_t pid = forkpty(&master, nullptr, nullptr, nullptr);
  if (pid < 0) {
    ADD_FAILURE() << "forkpty failed";
    return result;
  }
  if (pid == 0) {
    const int out_fd = open(stdout_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    dup2(out_fd, 1);
    setenv("TERM", "xterm", 1);
    for (const char* name : {"PARALLAX_LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"}) unsetenv(name);
    ExecParallax(args);
  }
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(timeout_seconds);
  char buffer[4096];
  while (std::chrono::steady_clock::now() < deadline) {
    pollfd fd{master, POLLIN, 0};
    if (poll(&fd, 1, 200) <= 0) {
      int status = 0;
      if (waitpid(pid, &status, WNOHANG) == pid) {
        result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        // Drain what is left.
        ssize_t n;
        while ((n = read(master, buffer, sizeof buffer)) > 0) result.err.append(buffer, n);
        close(master);
        return result;
      }
      continue;
    }
    const ssize_t n = read(master, buffer, sizeof buffer);
    if (n <= 0) break;  // EIO: the child closed the terminal
    result.err.append(buffer, static_cast<std::size_t>(n));
  }
  close(master);
  int status = 0;
  if (std::chrono::steady_clock::now() >= deadline) {
    kill(pid, SIGKILL);
    ADD_FAILURE() << "parallax on a terminal did not finish in " << timeout_seconds << " s";
  }
  waitpid(pid, &status, 0);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

}  // namespace parallax::testing
