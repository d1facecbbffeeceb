#include "core/file_io.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <iterator>

#include "core/diagnostic.h"

namespace parallax {
namespace {

[[noreturn]] void Fail(const std::string& path, const std::string& what,
                       const std::string& hint = "") {
  throw InputError(MakeError(path, 0, 0, what, hint));
}

std::string ErrnoText() { return std::strerror(errno); }

std::string TooLargeHint(std::uint64_t max_bytes) {
  return "the limit is " + std::to_string(max_bytes) +
         " bytes; raise it with --max-bytes if the file is really that large";
}

}  // namespace

std::string ReadFile(const std::string& path, std::uint64_t max_bytes) {
  std::string data;
  if (path == "-") {
    char buffer[1 << 16];
    while (std::cin.read(buffer, sizeof buffer) || std::cin.gcount() > 0) {
      data.append(buffer, static_cast<std::size_t>(std::cin.gcount()));
      if (data.size() > max_bytes)
        Fail(path, "standard input is too large", TooLargeHint(max_bytes));
    }
    return data;
  }
  const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) Fail(path, "cannot open: " + ErrnoText());
  struct stat st {};
  if (fstat(fd, &st) != 0) {
    const std::string why = ErrnoText();
    close(fd);
    Fail(path, "cannot stat: " + why);
  }
  if (S_ISDIR(st.st_mode)) {
    close(fd);
    Fail(path, "is a directory", "give the files inside it, or a command that reads folders");
  }
  if (S_ISREG(st.st_mode) && static_cast<std::uint64_t>(st.st_size) > max_bytes) {
    close(fd);
    Fail(path, "file is too large (" + std::to_string(st.st_size) + " bytes)",
         TooLargeHint(max_bytes));
  }
  if (S_ISREG(st.st_mode)) data.reserve(static_cast<std::size_t>(st.st_size));
  char buffer[1 << 16];
  for (;;) {
    const ssize_t n = read(fd, buffer, sizeof buffer);
    if (n < 0) {
      if (errno == EINTR) continue;
      const std::string why = ErrnoText();
      close(fd);
      Fail(path, "read failed: " + why);
    }
    if (n == 0) break;
    data.append(buffer, static_cast<std::size_t>(n));
    if (data.size() > max_bytes) {
      close(fd);
      Fail(path, "file is too large", TooLargeHint(max_bytes));
    }
  }
  close(fd);
  return data;
}

namespace {

// Writes `content` to a new temporary file beside `path`, flushed to disk and closed; returns its
// name. On failure nothing is left behind and InputError says what failed.
std::string WriteTemporary(const std::string& path, const std::string& content) {
  std::string temp = path + ".tmp-XXXXXX";
  const int fd = mkstemp(temp.data());
  if (fd < 0)
    Fail(path, "cannot create a temporary file beside it: " + ErrnoText(),
         "check that the folder exists and is writable");
  const char* p = content.data();
  std::size_t left = content.size();
  while (left > 0) {
    const ssize_t n = write(fd, p, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      const std::string why = ErrnoText();
      close(fd);
      unlink(temp.c_str());
      Fail(path, "write failed: " + why, "the previous file, if any, is unchanged");
    }
    p += n;
    left -= static_cast<std::size_t>(n);
  }
  if (fsync(fd) != 0 && errno != EINVAL) {
    const std::string why = ErrnoText();
    close(fd);
    unlink(temp.c_str());
    Fail(path, "flush failed: " + why, "the previous file, if any, is unchanged");
  }
  fchmod(fd, 0644);
  if (close(fd) != 0) {
    const std::string why = ErrnoText();
    unlink(temp.c_str());
    Fail(path, "close failed: " + why, "the previous file, if any, is unchanged");
  }
  return temp;
}

void MoveIntoPlace(const std::string& temp, const std::string& path) {
  if (std::rename(temp.c_str(), path.c_str()) != 0) {
    const std::string why = ErrnoText();
    unlink(temp.c_str());
    Fail(path, "cannot move the new file into place: " + why);
  }
}

}  // namespace

void WriteFileAtomic(const std::string& path, const std::string& content) {
  MoveIntoPlace(WriteTemporary(path, content), path);
}

void WriteFilesAtomic(const std::vector<std::pair<std::string, std::string>>& files) {
  std::vector<std::string> temps;
  try {
    for (const auto& [path, content] : files) temps.push_back(WriteTemporary(path, content));
  } catch (const InputError& e) {
    for (const std::string& temp : temps) unlink(temp.c_str());
    Diagnostic d = e.diagnostic();
    d.hint = files.size() > 1 ? "nothing was replaced: the previous files are unchanged" : d.hint;
    throw InputError(d);
  }
  for (std::size_t i = 0; i < files.size(); ++i) {
    try {
      MoveIntoPlace(temps[i], files[i].first);
    } catch (const InputError&) {
      for (std::size_t j = i + 1; j < temps.size(); ++j) unlink(temps[j].c_str());
      throw;
    }
  }
}

}  // namespace parallax
