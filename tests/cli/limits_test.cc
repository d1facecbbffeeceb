// The limits a user can change (core/limits.h): the same flags and defaults on every command
// that reads untrusted input, documented in each command's --help, and a message naming the
// limit and the flag when one is hit.
#include "core/limits.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "test_paths.h"

namespace parallax {
namespace {

namespace fs = std::filesystem;
using testing::RunParallax;
using testing::TempDir;

using testing::WriteFileOrFail;

std::string Article(int n) {
  return "---\ntitle: Article " + std::to_string(n) +
         "\noutlet: oc-media\ndate: 2023-04-24\nlanguage: en\n---\nAzerbaijan closed the "
         "Lachin corridor on Sunday, officials said.\n";
}

TEST(LimitsTest, DefaultsAreTheDocumentedOnes) {
  EXPECT_EQ(kDefaultMaxInputBytes, 64u << 20);
  EXPECT_EQ(kDefaultMaxDepth, 256u);
  EXPECT_EQ(kDefaultMaxArticles, 10000u);
}

TEST(LimitsTest, EveryCommandDocumentsItsLimitsInHelp) {
  struct Case {
    std::string command;
    bool bytes, depth, articles;
  };
  const std::vector<Case> cases = {
      {"report", true, false, true}, {"align", true, false, true}, {"annotate", true, true, true},
      {"match", true, true, true},   {"ingest", true, true, true}, {"extract", true, true, true},
      {"scan", true, true, false},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.command);
    const auto r = RunParallax({c.command, "--help"});
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_EQ(r.out.find("--max-bytes arg (=67108864)") != std::string::npos, c.bytes) << r.out;
    EXPECT_EQ(r.out.find("--max-depth arg (=256)") != std::string::npos, c.depth) << r.out;
    EXPECT_EQ(r.out.find("--max-articles arg (=10000)") != std::string::npos, c.articles) << r.out;
  }
}

TEST(LimitsTest, MaxArticlesIsAClearErrorInEveryCommand) {
  TempDir dir;
  const std::string story = dir.path() + "/story";
  fs::create_directory(story);
  for (int i = 1; i <= 3; ++i)
    WriteFileOrFail(story + "/" + std::to_string(i) + ".txt", Article(i));
  const std::vector<std::vector<std::string>> runs = {
      {"report", story, "-o", dir.path() + "/out"},
      {"align", story},
      {"annotate", story},
      {"match", story},
      {"ingest", story, "--into", dir.path() + "/ingested"},
  };
  for (std::vector<std::string> args : runs) {
    SCOPED_TRACE(args[0]);
    args.insert(args.end(), {"--max-articles", "2"});
    const auto r = RunParallax(args);
    EXPECT_EQ(r.exit_code, 2) << r.out << r.err;
    EXPECT_NE(r.err.find("more than 2 articles"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("raise the limit with --max-articles"), std::string::npos) << r.err;
  }
  EXPECT_EQ(
      std::distance(fs::directory_iterator(dir.path() + "/ingested"), fs::directory_iterator()), 2);
  // A feed with three items is three articles.
  std::string feed = "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>C</title>";
  for (int i = 1; i <= 3; ++i) {
    feed += "<item><title>Item " + std::to_string(i) + "</title><description>Text " +
            std::to_string(i) + ".</description></item>";
  }
  feed += "</channel></rss>\n";
  WriteFileOrFail(dir.path() + "/feed.xml", feed);
  const auto r = RunParallax({"extract", "--max-articles", "2", dir.path() + "/feed.xml"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.out.find("Text 2."), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("Text 3."), std::string::npos) << r.out;
  EXPECT_NE(r.err.find("more than 2 articles"), std::string::npos) << r.err;
}

TEST(LimitsTest, ZeroIsBadUsage) {
  for (const std::string flag : {"--max-bytes", "--max-depth", "--max-articles"}) {
    const auto r = RunParallax({"extract", flag, "0", "x.html"});
    EXPECT_EQ(r.exit_code, 2) << flag;
    EXPECT_NE(r.err.find("must be at least 1"), std::string::npos) << r.err;
  }
}

}  // namespace
}  // namespace parallax
