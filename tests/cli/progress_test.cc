// The progress line: drawn on a terminal with a rising count and a final 100 %, absent when
// standard error is a pipe or with --quiet, and never touching standard output.
#include "cli/progress.h"

#include <gtest/gtest.h>

#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "test_paths.h"

namespace parallax {
namespace {

using parallax::testing::ReadFileOrFail;
using parallax::testing::RunParallax;
using parallax::testing::RunParallaxOnTerminal;
using parallax::testing::SourceDir;
using parallax::testing::TempDir;
using parallax::testing::WriteFileOrFail;

// JSON Lines of plain articles, about `megabytes` MB.
std::string Articles(double megabytes) {
  const std::string body =
      "Azerbaijan said on Sunday it had set up a checkpoint on the Lachin road. The Armenian "
      "foreign ministry called the move a gross violation of the ceasefire statement. ";
  std::string out;
  for (int i = 0; out.size() < megabytes * 1e6; ++i) {
    std::string text;
    for (int k = 0; k < 12; ++k) text += body;
    out += "{\"title\": \"Article " + std::to_string(i) +
           "\", \"date\": \"2023-04-24\", \"language\": \"en\", \"body\": \"" + text + "\"}\n";
  }
  return out;
}

// The numbers before "MB of" (or "articles of") in every drawn line, in order.
std::vector<double> Counts(const std::string& terminal, const std::string& unit) {
  std::vector<double> out;
  const std::regex number("([0-9.]+) " + unit + " of");
  for (auto it = std::sregex_iterator(terminal.begin(), terminal.end(), number);
       it != std::sregex_iterator(); ++it) {
    out.push_back(std::stod((*it)[1].str()));
  }
  return out;
}

TEST(ProgressTest, ScanShowsRisingProgressOnATerminalAndNothingOnAPipe) {
  TempDir dir;
  const std::string input = dir.path() + "/in.jsonl";
  WriteFileOrFail(input, Articles(4));
  const auto on_terminal =
      RunParallaxOnTerminal({"scan", "--threads", "1", input}, dir.path() + "/tty.jsonl");
  ASSERT_EQ(on_terminal.exit_code, 0) << on_terminal.err;
  EXPECT_NE(on_terminal.err.find("\r\x1b[Kscanning: "), std::string::npos) << on_terminal.err;
  EXPECT_NE(on_terminal.err.find("(100%)"), std::string::npos) << on_terminal.err;
  const std::vector<double> counts = Counts(on_terminal.err, "MB");
  ASSERT_GE(counts.size(), 2u) << on_terminal.err;
  EXPECT_LT(counts.front(), counts.back());
  for (std::size_t i = 1; i < counts.size(); ++i) EXPECT_LE(counts[i - 1], counts[i]);
  // The closing summary comes after the line, on a line of its own.
  EXPECT_NE(on_terminal.err.find("\nscan: "), std::string::npos);

  const auto piped = RunParallax({"scan", "--threads", "1", input});
  ASSERT_EQ(piped.exit_code, 0);
  EXPECT_EQ(piped.err.find("scanning:"), std::string::npos) << piped.err;
  EXPECT_EQ(piped.out, ReadFileOrFail(dir.path() + "/tty.jsonl"));

  const auto quiet = RunParallaxOnTerminal({"scan", "--quiet", input}, dir.path() + "/q.jsonl");
  EXPECT_EQ(quiet.err.find("scanning:"), std::string::npos) << quiet.err;
  EXPECT_EQ(ReadFileOrFail(dir.path() + "/q.jsonl"), piped.out);
}

TEST(ProgressTest, ForcedProgressWritesLinesForALog) {
  TempDir dir;
  const std::string input = dir.path() + "/in.jsonl";
  WriteFileOrFail(input, Articles(0.2));
  const auto forced = RunParallax({"scan", "--progress", input});
  ASSERT_EQ(forced.exit_code, 0);
  EXPECT_NE(forced.err.find("scanning: 0.0 MB of"), std::string::npos) << forced.err;
  EXPECT_NE(forced.err.find("(100%)"), std::string::npos) << forced.err;
  EXPECT_EQ(forced.err.find('\r'), std::string::npos) << "a log gets whole lines, no redraws";
}

TEST(ProgressTest, ReportCountsArticles) {
  TempDir dir;
  const auto on_terminal = RunParallaxOnTerminal(
      {"report", "-o", dir.path() + "/r", SourceDir() + "/corpus/lachin-2023"},
      dir.path() + "/stdout.txt");
  ASSERT_EQ(on_terminal.exit_code, 0) << on_terminal.err;
  EXPECT_NE(on_terminal.err.find("annotating lachin-2023: 0 articles of 5 articles"),
            std::string::npos)
      << on_terminal.err;
  EXPECT_NE(on_terminal.err.find("5 articles of 5 articles (100%)"), std::string::npos)
      << on_terminal.err;
  const auto piped =
      RunParallax({"report", "-o", dir.path() + "/r2", SourceDir() + "/corpus/lachin-2023"});
  ASSERT_EQ(piped.exit_code, 0);
  EXPECT_EQ(piped.err.find("annotating"), std::string::npos) << piped.err;
  EXPECT_EQ(ReadFileOrFail(dir.path() + "/r/report.html"),
            ReadFileOrFail(dir.path() + "/r2/report.html"));
}

TEST(ProgressTest, PrintTakesTheLineOffFirst) {
  std::ostringstream err;
  cli::Progress progress(cli::Progress::Mode::kForced, err, -1);
  progress.Begin("reading", 10, "articles");
  progress.Advance(4);
  progress.Print("x.txt:3: warning: something\n");
  progress.Finish();
  const std::string text = err.str();
  EXPECT_NE(text.find("x.txt:3: warning: something\n"), std::string::npos);
  EXPECT_NE(text.find("10 articles of 10 articles (100%)"), std::string::npos) << text;
}

}  // namespace
}  // namespace parallax
