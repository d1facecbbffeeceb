#include "align/windows.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

#include "align/document_builder.h"
#include "test_paths.h"

namespace parallax {
namespace {

using parallax::testing::RunParallax;
using parallax::testing::SourceDir;
using parallax::testing::TempDir;

AlignDocument Doc(const std::string& id, const std::string& outlet, std::optional<Date> date,
                  const std::string& text) {
  AlignDocument d;
  d.id = id;
  d.outlet = outlet;
  d.date = date;
  d.text = text;
  d.sentences = SplitAlignSentences(text);
  return d;
}

Date Day(const char* iso) { return *ParseIsoDate(iso); }
Date Plus(const Date& d, long days) { return Date::FromDaysSinceEpoch(d.DaysSinceEpoch() + days); }

const std::string kFlood =
    "Flooding along the Danube forced thousands of residents of Serbia and Bosnia from their "
    "homes as rivers rose after record rainfall.";
const std::string kFlood2 =
    "Record rainfall swelled rivers in Bosnia and Serbia, and flooding along the Danube drove "
    "thousands of residents out of their homes.";
const std::string kFlood3 =
    "Thousands of residents fled flooding in Serbia and Bosnia after record rainfall sent the "
    "Danube and other rivers over their banks.";
const std::string kPrimary =
    "Eric Cantor, the House majority leader, lost his Republican primary in Virginia to David "
    "Brat, an economics professor backed by the Tea Party.";
const std::string kPrimary2 =
    "Tea Party challenger David Brat defeated House Majority Leader Eric Cantor in the Virginia "
    "Republican primary, a stunning upset for the economics professor.";

// The story holding article `id`, or nullptr.
const AlignedStory* StoryOf(const Alignment& a, const std::string& id) {
  for (const AlignedStory& s : a.stories) {
    if (std::find(s.article_ids.begin(), s.article_ids.end(), id) != s.article_ids.end()) {
      return &s;
    }
  }
  return nullptr;
}

TEST(WindowsTest, WindowsStartOnFixedDays) {
  // Weeks counted from 1970-01-01 (a Thursday): whatever else the archive holds.
  EXPECT_EQ(WindowStart(Day("2023-04-23"), 7)->ToString(), "2023-04-20");
  EXPECT_EQ(WindowStart(Day("2023-04-20"), 7)->ToString(), "2023-04-20");
  EXPECT_EQ(WindowStart(Day("2023-04-19"), 7)->ToString(), "2023-04-13");
  EXPECT_EQ(WindowStart(Day("1969-12-31"), 7)->ToString(), "1969-12-25");
  EXPECT_FALSE(WindowStart(std::nullopt, 7).has_value());
}

TEST(WindowsTest, StoriesFarApartLandInDifferentWindows) {
  const std::vector<AlignDocument> docs = {Doc("f1", "nyt", Day("2014-05-16"), kFlood),
                                           Doc("f2", "fox", Day("2014-05-17"), kFlood2),
                                           Doc("p1", "nyt", Day("2014-06-11"), kPrimary),
                                           Doc("p2", "fox", Day("2014-06-11"), kPrimary2)};
  WindowOptions window;
  window.days = 7;
  const Alignment a = AlignByWindow(docs, window);
  ASSERT_EQ(a.stories.size(), 2u);
  const AlignedStory* flood = StoryOf(a, "f1");
  const AlignedStory* primary = StoryOf(a, "p1");
  ASSERT_NE(flood, nullptr);
  ASSERT_NE(primary, nullptr);
  EXPECT_EQ(flood, StoryOf(a, "f2"));
  EXPECT_EQ(primary, StoryOf(a, "p2"));
  EXPECT_EQ(flood->id.substr(0, 11), WindowStart(Day("2014-05-16"), 7)->ToString() + "/");
  EXPECT_EQ(primary->id.substr(0, 11), WindowStart(Day("2014-06-11"), 7)->ToString() + "/");
  ASSERT_EQ(a.windows.size(), 2u);
  EXPECT_EQ(a.windows[0].articles, 2u);
  EXPECT_EQ(a.articles, 4u);
}

TEST(WindowsTest, StoryCrossingAWindowEdgeIsNotSplit) {
  const Date start = *WindowStart(Day("2014-05-20"), 7);  // a window's first day
  const std::vector<AlignDocument> docs = {
      Doc("f1", "nyt", Plus(start, -1), kFlood),  // the last day of the window before
      Doc("f2", "fox", start, kFlood2), Doc("f3", "hpo", Plus(start, 1), kFlood3)};
  WindowOptions window;
  window.days = 7;
  const Alignment a = AlignByWindow(docs, window);
  ASSERT_EQ(a.stories.size(), 1u);
  EXPECT_EQ(a.stories[0].article_ids, (std::vector<std::string>{"f1", "f2", "f3"}));
  // It belongs to the window of its earliest article.
  EXPECT_EQ(a.stories[0].id.substr(0, 10), Plus(start, -7).ToString());
  // Without overlap each window sees only its own articles, and the story is split.
  window.overlap = 0;
  EXPECT_EQ(AlignByWindow(docs, window).stories.size(), 2u);
}

TEST(WindowsTest, EachArticleInOneStoryWhateverTheInputOrder) {
  std::vector<AlignDocument> docs;
  const Date day = Day("2014-05-01");
  for (int i = 0; i < 12; ++i) {
    const std::string& text = i % 3 == 0 ? kFlood : i % 3 == 1 ? kFlood2 : kPrimary;
    docs.push_back(
        Doc("d" + std::to_string(10 + i), i % 2 ? "nyt" : "fox", Plus(day, 2 * i), text));
  }
  docs.push_back(Doc("undated", "nyt", std::nullopt, kPrimary2));
  WindowOptions window;
  window.days = 5;
  window.overlap = 3;
  const Alignment a = AlignByWindow(docs, window);
  std::vector<std::string> seen;
  for (const AlignedStory& s : a.stories)
    seen.insert(seen.end(), s.article_ids.begin(), s.article_ids.end());
  std::sort(seen.begin(), seen.end());
  EXPECT_EQ(seen.size(), docs.size());
  EXPECT_TRUE(std::adjacent_find(seen.begin(), seen.end()) == seen.end());
  EXPECT_EQ(StoryOf(a, "undated")->id.substr(0, 8), "undated/");
  const std::string first = AlignmentToJson(a).dump();
  std::mt19937 random(3);
  for (int round = 0; round < 3; ++round) {
    std::shuffle(docs.begin(), docs.end(), random);
    window.threads = 1 + round % 2;
    EXPECT_EQ(first, AlignmentToJson(AlignByWindow(docs, window)).dump());
  }
}

// Documents over several windows, with a story crossing an edge and one undated article.
std::vector<AlignDocument> Archive() {
  const Date start = *WindowStart(Day("2014-05-20"), 7);
  return {
      Doc("f1", "nyt", Plus(start, -1), kFlood),      Doc("f2", "fox", start, kFlood2),
      Doc("f3", "hpo", Plus(start, 1), kFlood3),      Doc("p1", "nyt", Day("2014-06-11"), kPrimary),
      Doc("p2", "fox", Day("2014-06-11"), kPrimary2), Doc("u1", "nyt", std::nullopt, kFlood)};
}

TEST(WindowsTest, MergedPartsEqualTheWholeWhateverTheirOrder) {
  WindowOptions window;
  window.days = 7;
  const std::string whole = AlignmentToJson(AlignByWindow(Archive(), window)).dump();
  // Each window aligned on its own (from the whole archive, as a reduce task gets a superset of
  // its records), through JSON, merged in reverse order.
  std::vector<WindowPart> parts;
  for (const WindowPart& all : AlignWindowParts(Archive(), window)) {
    const std::vector<WindowPart> one = AlignWindowParts(Archive(), window, {}, {}, all.id);
    ASSERT_EQ(one.size(), 1u) << all.id;
    parts.insert(parts.begin(), WindowPartFromJson(WindowPartToJson(one[0])));
  }
  ASSERT_EQ(parts.size(), 4u);  // two weeks of the flood, one of the primary, undated
  EXPECT_EQ(parts[0].id, "undated");
  EXPECT_EQ(AlignmentToJson(MergeWindowParts(parts)).dump(), whole);
  // A window that holds no article has no part.
  EXPECT_TRUE(AlignWindowParts(Archive(), window, {}, {}, "2000-01-06").empty());
}

TEST(WindowsTest, MergeRefusesPartsThatDoNotMakeAWhole) {
  WindowOptions window;
  window.days = 7;
  std::vector<WindowPart> parts = AlignWindowParts(Archive(), window);
  std::vector<WindowPart> twice = parts;
  twice.push_back(parts[0]);
  EXPECT_THROW(MergeWindowParts(twice), std::invalid_argument);
  // The flood's first week aligned f2 and f3 as context: without their week, they are unknown.
  std::vector<WindowPart> missing = parts;
  missing.erase(missing.begin() + 1);
  EXPECT_THROW(MergeWindowParts(missing), std::invalid_argument);
  window.overlap = 3;
  std::vector<WindowPart> mixed = parts;
  mixed.back() = AlignWindowParts(Archive(), window).back();
  EXPECT_THROW(MergeWindowParts(mixed), std::invalid_argument);
  EXPECT_THROW(WindowPartFromJson({{"window", "2014-05-22"}}), std::invalid_argument);
}

TEST(WindowsTest, BadOptionsThrow) {
  WindowOptions window;
  window.days = 0;
  EXPECT_THROW(AlignByWindow({}, window), std::invalid_argument);
  window.days = 7;
  window.overlap = -1;
  EXPECT_THROW(AlignByWindow({}, window), std::invalid_argument);
}

TEST(WindowsTest, CommandAlignsByWindow) {
  const auto r = RunParallax(
      {"align", "--window", "7", "--format", "json", SourceDir() + "/corpus/lachin-2023"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const nlohmann::json j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["articles"], 5);
  ASSERT_TRUE(j["windows"].is_array());
  EXPECT_GE(j["windows"].size(), 3u);  // December 2022, March 2023, April 2023 at least
  for (const auto& s : j["stories"]) {
    EXPECT_EQ(s["id"].get<std::string>()[10], '/') << s["id"];
  }
}

TEST(WindowsTest, BadWindowIsAUsageError) {
  const std::string corpus = SourceDir() + "/corpus/lachin-2023";
  for (const std::string bad : {"0", "-3", "week"}) {
    const auto r = RunParallax({"align", "--window", bad, corpus});
    EXPECT_EQ(r.exit_code, 2) << bad;
    EXPECT_NE(r.err.find("--window"), std::string::npos) << r.err;
  }
  const auto overlap = RunParallax({"align", "--overlap", "3", corpus});
  EXPECT_EQ(overlap.exit_code, 2);
  EXPECT_NE(overlap.err.find("--window"), std::string::npos) << overlap.err;
}

TEST(WindowsTest, CommandReadsJsonLinesAndScanRecordsOnlyWithText) {
  TempDir dir;
  const std::string articles = dir.path() + "/articles.jsonl";
  {
    std::ofstream out(articles);
    out << nlohmann::json({{"id", "f1"},
                           {"outlet", "nyt"},
                           {"date", "2014-05-16"},
                           {"title", "Floods"},
                           {"language", "en"},
                           {"text", kFlood}})
               .dump()
        << "\n"
        << nlohmann::json({{"id", "f2"},
                           {"outlet", "fox"},
                           {"date", "2014-05-17"},
                           {"title", "Danube floods"},
                           {"language", "en"},
                           {"text", kFlood2}})
               .dump()
        << "\n";
  }
  const auto r = RunParallax({"align", "--window", "7", "--format", "json", articles});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const nlohmann::json j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["articles"], 2);
  ASSERT_EQ(j["stories"].size(), 1u);

  // `parallax scan` records hold counts, not text: a clear error, exit code 2.
  const std::string records = dir.path() + "/records.jsonl";
  const auto scan = RunParallax({"scan", articles});
  ASSERT_EQ(scan.exit_code, 0) << scan.err;
  {
    std::ofstream out(records);
    out << scan.out;
  }
  const auto bad = RunParallax({"align", "--window", "7", records});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("no article text"), std::string::npos) << bad.err;
  EXPECT_NE(bad.err.find("--with-text"), std::string::npos) << bad.err;

  // With --with-text the records carry title and cleaned text: scan is the map step and
  // align --window the reduce step, with the same stories as from the articles themselves.
  const auto scan_text = RunParallax({"scan", "--with-text", articles});
  ASSERT_EQ(scan_text.exit_code, 0) << scan_text.err;
  {
    std::ofstream out(records);
    out << scan_text.out;
  }
  const auto reduced = RunParallax({"align", "--window", "7", "--format", "json", records});
  ASSERT_EQ(reduced.exit_code, 0) << reduced.err;
  const nlohmann::json from_records = nlohmann::json::parse(reduced.out);
  EXPECT_EQ(from_records["articles"], 2);
  EXPECT_EQ(from_records["stories"].size(), 1u);
  // The same from standard input ('-'), as a streaming reducer gives it.
  const auto piped =
      RunParallax({"align", "--window", "7", "--format", "json", "-"}, scan_text.out);
  ASSERT_EQ(piped.exit_code, 0) << piped.err;
  EXPECT_EQ(piped.out, reduced.out);
}

TEST(WindowsTest, CommandPartsMergeToTheWholeAlignment) {
  const std::string corpus = SourceDir() + "/corpus/lachin-2023";
  const auto whole = RunParallax({"align", "--window", "7", "--format", "json", corpus});
  ASSERT_EQ(whole.exit_code, 0) << whole.err;
  const nlohmann::json windows = nlohmann::json::parse(whole.out)["windows"];
  ASSERT_EQ(windows.size(), 4u);
  std::string parts;
  for (const auto& w : windows) {
    const auto part =
        RunParallax({"align", "--window", "7", "--part", w["id"].get<std::string>(), corpus});
    ASSERT_EQ(part.exit_code, 0) << part.err;
    EXPECT_EQ(std::count(part.out.begin(), part.out.end(), '\n'), 1) << w["id"];
    parts += part.out;
  }
  const auto merged = RunParallax({"align", "--merge", "--format", "json", "-"}, parts);
  ASSERT_EQ(merged.exit_code, 0) << merged.err;
  EXPECT_EQ(merged.out, whole.out);
  const auto text = RunParallax({"align", "--merge", "-"}, parts);
  EXPECT_EQ(text.out, RunParallax({"align", "--window", "7", corpus}).out);
}

TEST(WindowsTest, BadPartOrMergeIsAUsageError) {
  const std::string corpus = SourceDir() + "/corpus/lachin-2023";
  const auto no_window = RunParallax({"align", "--part", "2023-04-20", corpus});
  EXPECT_EQ(no_window.exit_code, 2);
  EXPECT_NE(no_window.err.find("--window"), std::string::npos) << no_window.err;
  // Not a window's first day: the message names the window the day lies in.
  const auto off = RunParallax({"align", "--window", "7", "--part", "2023-04-23", corpus});
  EXPECT_EQ(off.exit_code, 2);
  EXPECT_NE(off.err.find("2023-04-20"), std::string::npos) << off.err;
  const auto garbage = RunParallax({"align", "--merge", "-"}, "{\"window\": 3}\n");
  EXPECT_EQ(garbage.exit_code, 2);
  EXPECT_NE(garbage.err.find("-:1"), std::string::npos) << garbage.err;
  EXPECT_NE(garbage.err.find("--part"), std::string::npos) << garbage.err;
  const auto both = RunParallax({"align", "--merge", "--window", "7", "-"}, "");
  EXPECT_EQ(both.exit_code, 2);
}

}  // namespace
}  // namespace parallax
