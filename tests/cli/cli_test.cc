// The command line as a user meets it: help, version, errors and exit codes.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "test_paths.h"

namespace parallax {
namespace {

using testing::RunParallax;

TEST(CliTest, HelpListsEverySubcommand) {
  const auto r = RunParallax({"--help"});
  EXPECT_EQ(r.exit_code, 0);
  for (const char* sub :
       {"report", "ingest", "extract", "clean", "annotate", "match", "align", "lexicon", "scan"}) {
    EXPECT_NE(r.out.find(std::string("  ") + sub + " "), std::string::npos) << sub;
  }
}

TEST(CliTest, SubcommandHelpTeachesWithAnExample) {
  const auto r = RunParallax({"report", "--help"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("Usage: parallax report"), std::string::npos);
  EXPECT_NE(r.out.find("Examples:"), std::string::npos);
  EXPECT_NE(r.out.find("--output"), std::string::npos);
}

TEST(CliTest, VersionPrintsAVersion) {
  const auto r = RunParallax({"--version"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out.rfind("parallax ", 0), 0u);
}

TEST(CliTest, UnknownFlagIsOneLineWithHintAndExit2) {
  const auto r = RunParallax({"report", "--colour"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--colour"), std::string::npos);
  EXPECT_NE(r.err.find("parallax report --help"), std::string::npos);
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1);
}

TEST(CliTest, UnknownSubcommandSuggestsTheNearestOne) {
  const auto r = RunParallax({"reprot"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("Did you mean 'report'?"), std::string::npos);
}

TEST(CliTest, ReportOnShippedCorpusWritesAtomicallyIntoOutputDir) {
  testing::TempDir dir;
  const auto r =
      RunParallax({"report", testing::SourceDir() + "/corpus/lachin-2023", "-o", dir.path()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("report: " + dir.path() + "/report.html"), std::string::npos) << r.out;
  EXPECT_TRUE(std::filesystem::exists(dir.path() + "/report.html"));
  EXPECT_TRUE(std::filesystem::exists(dir.path() + "/report.md"));
  EXPECT_TRUE(std::filesystem::exists(dir.path() + "/report.json"));
  const std::string md = testing::ReadFileOrFail(dir.path() + "/report.md");
  EXPECT_NE(md.find("OC Media"), std::string::npos);
  // Deterministic: a second run gives the same bytes.
  const auto again =
      RunParallax({"report", testing::SourceDir() + "/corpus/lachin-2023", "-o", dir.path()});
  ASSERT_EQ(again.exit_code, 0);
  EXPECT_EQ(testing::ReadFileOrFail(dir.path() + "/report.md"), md);
}

TEST(CliTest, BadArticleDoesNotLoseTheOthers) {
  testing::TempDir dir;
  std::filesystem::copy(testing::SourceDir() + "/corpus/lachin-2023", dir.path() + "/story");
  {
    std::ofstream bad(dir.path() + "/story/999_bad.txt");
    bad << "---\ntitle: Bad\noutlet: jamnews\ndate: 2023-13-01\n---\nText.\n";
  }
  const auto r = RunParallax({"report", dir.path() + "/story", "-o", dir.path() + "/out"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("999_bad.txt:4:"), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("5 articles"), std::string::npos) << r.out;
  EXPECT_TRUE(std::filesystem::exists(dir.path() + "/out/report.md"));
}

TEST(CliTest, HelpCommandTeachesASubcommand) {
  const auto r = RunParallax({"help", "scan"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("Usage: parallax scan"), std::string::npos);
  EXPECT_NE(r.out.find("--threads"), std::string::npos);
}

TEST(CliTest, CleanShowsRulesPerLine) {
  const auto r =
      RunParallax({"clean", testing::SourceDir() + "/corpus/lachin-2023/004_jamnews.txt"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("[repeated-kicker]"), std::string::npos);
  EXPECT_NE(r.out.find("[related-articles]"), std::string::npos);
}

}  // namespace
}  // namespace parallax
