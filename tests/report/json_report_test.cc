// The JSON report: documented fields present, the findings the sample report must show, and
// byte-for-byte determinism (also against the committed sample report).
#include "report/json_report.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "test_paths.h"

namespace parallax {
namespace {

using nlohmann::json;
using testing::ReadFileOrFail;
using testing::RunParallax;
using testing::SourceDir;
using testing::TempDir;

json Report(const TempDir& out) {
  const auto r = RunParallax({"report", "-o", out.path(), "--format", "json"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return json::parse(ReadFileOrFail(out.path() + "/report.json"));
}

const json& Profile(const json& j, const std::string& outlet) {
  for (const json& p : j["profiles"]) {
    if (p["outlet"] == outlet) return p;
  }
  static const json kNull;
  ADD_FAILURE() << "no profile for " << outlet;
  return kNull;
}

TEST(JsonReportTest, SchemaFieldsPresent) {
  TempDir out;
  const json j = Report(out);
  EXPECT_EQ(j["schema"], "parallax-report");
  EXPECT_EQ(j["schema_version"], kReportSchemaVersion);
  EXPECT_EQ(j["story"], "lachin-2023");
  for (const char* key : {"blind", "thin_evidence", "perspectives", "outlets", "articles",
                          "profiles", "alignment", "prompts", "provenance"}) {
    EXPECT_TRUE(j.contains(key)) << key;
  }
  ASSERT_EQ(j["articles"].size(), 5u);
  for (const char* key : {"id", "outlet", "outlet_name", "date", "genre", "language", "title",
                          "url", "words", "removed", "text"}) {
    EXPECT_TRUE(j["articles"][0].contains(key)) << key;
  }
  for (const char* key : {"outlet", "name", "articles", "words", "naming", "loaded_terms", "voices",
                          "distancing", "distinctive_terms"}) {
    EXPECT_TRUE(j["profiles"][0].contains(key)) << key;
  }
  EXPECT_EQ(j["provenance"]["corpus_sha256"].get<std::string>().size(), 64u);
  EXPECT_EQ(j["provenance"]["lexicon_sha256"].get<std::string>().size(), 64u);
  EXPECT_EQ(j["provenance"]["date"], "2023-05");
}

TEST(JsonReportTest, ShowsTheStoryFindings) {
  TempDir out;
  const json j = Report(out);
  // JAMnews names the city Khankendi first; the others who name it write Stepanakert.
  bool khankendi_first = false;
  for (const json& c : Profile(j, "jamnews")["naming"]) {
    for (const json& pair : c["bracketed"])
      khankendi_first = khankendi_first || pair[0] == "Khankendi";
  }
  EXPECT_TRUE(khankendi_first);
  // "ethnic cleansing" is only ever quoted.
  int quoted = 0;
  for (const json& p : j["profiles"]) {
    for (const json& t : p["loaded_terms"]["terms"]) {
      if (t["form"] != "ethnic cleansing") continue;
      EXPECT_EQ(t["own"], 0) << p["outlet"];
      quoted += t["quoted"].get<int>();
    }
  }
  EXPECT_GE(quoted, 2);
  // OC Media holds ‘eco-activists’ at a distance.
  bool eco = false;
  for (const json& d : Profile(j, "oc-media")["distancing"]) {
    eco = eco || (d["kind"] == "scare-quote" && d["text"] == "eco-activists");
  }
  EXPECT_TRUE(eco);
  // OC Media quotes the widest range of voices; JAMnews one named, Baku-based expert.
  auto voices = [&](const std::string& outlet) {
    return Profile(j, outlet)["voices"]["speakers"].size();
  };
  for (const char* other : {"kommersant", "moscow-times", "jamnews", "eurasia-daily-monitor"}) {
    EXPECT_GT(voices("oc-media"), voices(other)) << other;
  }
  int named = 0;
  for (const json& v : Profile(j, "jamnews")["voices"]["speakers"]) {
    if (v["speaker"] == "unattributed" || v["quotes"] == 0) continue;
    ++named;
    EXPECT_EQ(v["perspective"], "azerbaijani");
  }
  EXPECT_EQ(named, 1);
  // Claims with omissions, and prompts that cite evidence.
  bool omission = false;
  for (const json& c : j["alignment"]["claims"])
    omission = omission || !c["missing_outlets"].empty();
  EXPECT_TRUE(omission);
  ASSERT_GE(j["prompts"].size(), 3u);
  for (const json& p : j["prompts"]) {
    EXPECT_FALSE(p["evidence"].empty()) << p["text"];
    for (const json& e : p["evidence"]) EXPECT_FALSE(e["text"].get<std::string>().empty());
  }
  // The voices prompt counts reported speech with quotations: a voice reported but never quoted
  // has words, never "0 words".
  bool voices_prompt = false;
  for (const json& p : j["prompts"]) {
    if (p["kind"] != "voices") continue;
    voices_prompt = true;
    const std::string text = p["text"];
    EXPECT_NE(text.find("quotes or reports"), std::string::npos) << text;
    EXPECT_EQ(text.find(" 0 words"), std::string::npos) << text;
  }
  EXPECT_TRUE(voices_prompt);
}

// The claim ids of `text` in the order they first occur: "claim-" and its number.
std::vector<int> ClaimNumbersInOrder(const std::string& text, const std::string& prefix) {
  std::vector<int> numbers;
  std::set<int> seen;
  for (std::size_t at = text.find(prefix); at != std::string::npos;
       at = text.find(prefix, at + 1)) {
    const std::size_t digits = at + prefix.size();
    if (digits >= text.size() || text[digits] < '0' || text[digits] > '9') continue;
    const int n = std::stoi(text.substr(digits, 9));
    if (seen.insert(n).second) numbers.push_back(n);
  }
  return numbers;
}

// Claims are chosen by how many outlets carry them but listed by number (claim-6 after
// claim-5, claim-10 after claim-9) in the JSON, Markdown, CSV and HTML reports alike.
TEST(ReportClaimOrderTest, ClaimsAreListedByNumberInEveryFormat) {
  TempDir out;
  const auto r = RunParallax({"report", "-o", out.path()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json j = json::parse(ReadFileOrFail(out.path() + "/report.json"));
  std::vector<int> from_json;
  for (const json& c : j["alignment"]["claims"]) {
    from_json.push_back(std::stoi(c["id"].get<std::string>().substr(6)));
  }
  ASSERT_GT(from_json.size(), 10u) << "the sample should show claims past claim-9";
  EXPECT_TRUE(std::is_sorted(from_json.begin(), from_json.end()));
  EXPECT_GE(from_json.back(), 10);

  const std::string md = ReadFileOrFail(out.path() + "/report.md");
  EXPECT_EQ(ClaimNumbersInOrder(md.substr(md.find("### Claims")), "**claim-"), from_json);
  EXPECT_EQ(ClaimNumbersInOrder(ReadFileOrFail(out.path() + "/claims.csv"), "\nclaim-"), from_json);
  EXPECT_EQ(ClaimNumbersInOrder(ReadFileOrFail(out.path() + "/report.html"), "id=\"claim-claim-"),
            from_json);
}

TEST(ReportDeterminismTest, TwoRunsAreByteIdentical) {
  TempDir a;
  TempDir b;
  ASSERT_EQ(RunParallax({"report", "-o", a.path()}).exit_code, 0);
  ASSERT_EQ(RunParallax({"report", "-o", b.path()}).exit_code, 0);
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(a.path())) {
    const std::string name = entry.path().filename().string();
    EXPECT_EQ(ReadFileOrFail(entry.path().string()), ReadFileOrFail(b.path() + "/" + name)) << name;
    ++files;
  }
  EXPECT_EQ(files, 13);
}

TEST(ReportDeterminismTest, CommittedSampleReportIsUpToDate) {
  TempDir out;
  ASSERT_EQ(RunParallax({"report", "-o", out.path()}).exit_code, 0);
  const std::string committed = SourceDir() + "/reports/lachin-2023";
  for (const auto& entry : std::filesystem::directory_iterator(out.path())) {
    const std::string name = entry.path().filename().string();
    EXPECT_TRUE(ReadFileOrFail(entry.path().string()) == ReadFileOrFail(committed + "/" + name))
        << "reports/lachin-2023/" << name
        << " is out of date: run `parallax report` from the repository root and commit it";
  }
}

TEST(ReportDeterminismTest, CommittedRussianReportIsUpToDate) {
  TempDir out;
  ASSERT_EQ(RunParallax({"report", "--language", "ru", "-o", out.path()}).exit_code, 0);
  const std::string committed = SourceDir() + "/reports/lachin-2023-ru";
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(out.path())) {
    const std::string name = entry.path().filename().string();
    EXPECT_TRUE(ReadFileOrFail(entry.path().string()) == ReadFileOrFail(committed + "/" + name))
        << "reports/lachin-2023-ru/" << name
        << " is out of date: run `parallax report --language ru` from the repository root and "
           "commit it";
    ++files;
  }
  EXPECT_EQ(files, 13);
}

TEST(ReportCommandTest, NoAbsolutePathsOrClockInReport) {
  TempDir out;
  ASSERT_EQ(RunParallax({"report", "-o", out.path(), "--format", "html,md,json"}).exit_code, 0);
  for (const char* name : {"report.html", "report.md", "report.json"}) {
    const std::string text = ReadFileOrFail(out.path() + "/" + name);
    EXPECT_EQ(text.find(SourceDir()), std::string::npos) << name;
    EXPECT_EQ(text.find(out.path()), std::string::npos) << name;
  }
}

TEST(ReportCommandTest, TerminalSummaryNamesTheReport) {
  TempDir out;
  const auto r = RunParallax({"report", "-o", out.path(), "--format", "html"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("report.html"), std::string::npos);
  EXPECT_NE(r.out.find("5 articles from 5 outlets"), std::string::npos);
}

TEST(ReportCommandTest, UnknownFormatIsUsageError) {
  TempDir out;
  EXPECT_EQ(RunParallax({"report", "-o", out.path(), "--format", "pdf"}).exit_code, 2);
}

}  // namespace
}  // namespace parallax
