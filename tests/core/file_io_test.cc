#include "core/file_io.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "core/diagnostic.h"
#include "test_paths.h"

namespace parallax {
namespace {

using testing::TempDir;

TEST(FileIoTest, ReadsWhatWasWrittenAtomically) {
  TempDir dir;
  const std::string path = dir.path() + "/report.md";
  WriteFileAtomic(path, "first");
  WriteFileAtomic(path, "second version");
  EXPECT_EQ(ReadFile(path), "second version");
  // No temporary files are left behind.
  int entries = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir.path())) {
    (void)e;
    ++entries;
  }
  EXPECT_EQ(entries, 1);
}

TEST(FileIoTest, MissingFileErrorNamesThePath) {
  try {
    ReadFile("/nonexistent/parallax/article.txt");
    FAIL() << "expected an InputError";
  } catch (const InputError& e) {
    EXPECT_EQ(e.diagnostic().path, "/nonexistent/parallax/article.txt");
    EXPECT_NE(std::string(e.what()).find("cannot open"), std::string::npos);
  }
}

TEST(FileIoTest, SizeLimitIsEnforcedWithAHint) {
  TempDir dir;
  const std::string path = dir.path() + "/big.txt";
  std::ofstream(path) << std::string(1000, 'x');
  try {
    ReadFile(path, 100);
    FAIL() << "expected an InputError";
  } catch (const InputError& e) {
    EXPECT_NE(e.diagnostic().hint.find("--max-bytes"), std::string::npos);
  }
  EXPECT_EQ(ReadFile(path, 1000).size(), 1000u);
}

TEST(FileIoTest, DirectoryIsRefused) {
  TempDir dir;
  EXPECT_THROW(ReadFile(dir.path()), InputError);
}

TEST(FileIoTest, FailedWriteLeavesThePreviousFileIntact) {
  if (geteuid() == 0) {
    // Root ignores directory permissions; use a path whose folder does not exist instead.
    TempDir dir;
    EXPECT_THROW(WriteFileAtomic(dir.path() + "/missing/report.md", "x"), InputError);
    return;
  }
  TempDir dir;
  const std::string path = dir.path() + "/report.md";
  WriteFileAtomic(path, "good report");
  chmod(dir.path().c_str(), 0500);
  EXPECT_THROW(WriteFileAtomic(path, "new"), InputError);
  chmod(dir.path().c_str(), 0700);
  EXPECT_EQ(ReadFile(path), "good report");
}

TEST(FileIoTest, SeveralFilesAreReplacedAllOrNothing) {
  TempDir dir;
  const std::string a = dir.path() + "/a.md";
  const std::string b = dir.path() + "/b.md";
  WriteFilesAtomic({{a, "old a"}, {b, "old b"}});
  // The second file cannot be written (its folder is missing): the first is not replaced either.
  EXPECT_THROW(WriteFilesAtomic({{a, "new a"}, {dir.path() + "/missing/c.md", "c"}}), InputError);
  EXPECT_EQ(ReadFile(a), "old a");
  WriteFilesAtomic({{a, "new a"}, {b, "new b"}});
  EXPECT_EQ(ReadFile(a), "new a");
  EXPECT_EQ(ReadFile(b), "new b");
  int entries = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir.path())) {
    (void)e;
    ++entries;
  }
  EXPECT_EQ(entries, 2);  // no temporary file left behind
}

}  // namespace
}  // namespace parallax
