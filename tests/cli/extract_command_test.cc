// `parallax extract`: one page as text or JSON, and many pages in one process as JSON Lines.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "test_paths.h"

namespace parallax {
namespace {

using testing::RunParallax;
using testing::TempDir;
using testing::TestDataDir;
using testing::WriteFileOrFail;

std::vector<nlohmann::json> Lines(const std::string& out) {
  std::vector<nlohmann::json> lines;
  std::istringstream in(out);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) lines.push_back(nlohmann::json::parse(line));
  }
  return lines;
}

TEST(ExtractCommandTest, JsonLinesReadsEveryFileInOrderAndReportsFailuresPerFile) {
  TempDir dir;
  const std::string rules = TestDataDir() + "/html/rules/";
  WriteFileOrFail(dir.path() + "/image.html", std::string("\x89PNG\r\n\x1a\n\0\0\0", 12));
  const std::vector<std::string> files = {rules + "lead_in_header.html",
                                          dir.path() + "/missing.html", dir.path() + "/image.html",
                                          rules + "orphan_titles.html"};
  for (const char* threads : {"1", "2"}) {
    std::vector<std::string> args = {"extract", "--format", "jsonl", "--threads", threads};
    args.insert(args.end(), files.begin(), files.end());
    const auto r = RunParallax(args);
    EXPECT_EQ(r.exit_code, 2) << r.err;  // some files failed, the others were read
    const std::vector<nlohmann::json> lines = Lines(r.out);
    ASSERT_EQ(lines.size(), 4u) << r.out;
    for (std::size_t i = 0; i < files.size(); ++i) EXPECT_EQ(lines[i]["file"], files[i]);
    EXPECT_NE(lines[0]["articleBody"].get<std::string>().find("second survey"), std::string::npos);
    EXPECT_TRUE(lines[1].contains("error")) << lines[1];
    EXPECT_TRUE(lines[2].contains("error")) << lines[2];
    EXPECT_NE(lines[3]["articleBody"].get<std::string>().find("northern bank"), std::string::npos);
    EXPECT_NE(r.err.find("missing.html"), std::string::npos) << r.err;
  }
}

TEST(ExtractCommandTest, JsonLinesExitsZeroWhenEveryFileIsRead) {
  const std::string rules = TestDataDir() + "/html/rules/";
  const auto r = RunParallax({"extract", "--format", "jsonl", rules + "style_first.html",
                              rules + "swallowed_by_menu.html"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  const std::vector<nlohmann::json> lines = Lines(r.out);
  ASSERT_EQ(lines.size(), 2u) << r.out;
  for (const nlohmann::json& line : lines) {
    EXPECT_NE(line["articleBody"].get<std::string>().find("The council met"), std::string::npos)
        << line;
  }
}

TEST(ExtractCommandTest, SeveralFilesNeedJsonLines) {
  const std::string rules = TestDataDir() + "/html/rules/";
  const auto r =
      RunParallax({"extract", rules + "lead_in_header.html", rules + "orphan_titles.html"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--format jsonl"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace parallax
