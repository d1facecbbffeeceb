// CSV tables: RFC 4180 quoting, CRLF records, UTF-8 with BOM, one header row.
#include "report/csv_report.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "test_paths.h"

namespace parallax {
namespace {

using testing::ReadFileOrFail;
using testing::RunParallax;
using testing::TempDir;

// A strict RFC 4180 reader: returns the records, or fails the test on malformed input.
std::vector<std::vector<std::string>> ParseCsv(const std::string& text) {
  std::vector<std::vector<std::string>> records;
  std::vector<std::string> record;
  std::string field;
  std::size_t i = 0;
  bool quoted = false;
  bool field_started = false;
  while (i < text.size()) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        i += 2;
      } else if (c == '"') {
        quoted = false;
        ++i;
        EXPECT_TRUE(i == text.size() || text[i] == ',' || text[i] == '\r') << "junk after quote";
      } else {
        field += c;
        ++i;
      }
      continue;
    }
    if (c == '"' && !field_started) {
      quoted = true;
      field_started = true;
      ++i;
    } else if (c == ',') {
      record.push_back(field);
      field.clear();
      field_started = false;
      ++i;
    } else if (c == '\r') {
      EXPECT_TRUE(i + 1 < text.size() && text[i + 1] == '\n') << "bare CR";
      record.push_back(field);
      records.push_back(record);
      record.clear();
      field.clear();
      field_started = false;
      i += 2;
    } else {
      EXPECT_NE(c, '\n') << "bare LF outside quotes";
      EXPECT_NE(c, '"') << "quote inside an unquoted field";
      field += c;
      field_started = true;
      ++i;
    }
  }
  EXPECT_FALSE(quoted) << "unterminated quote";
  EXPECT_TRUE(record.empty() && field.empty()) << "last record not ended by CRLF";
  return records;
}

TEST(CsvReportTest, FieldQuoting) {
  EXPECT_EQ(CsvField("plain"), "plain");
  EXPECT_EQ(CsvField(""), "");
  EXPECT_EQ(CsvField("a,b"), "\"a,b\"");
  EXPECT_EQ(CsvField("say \"no\""), "\"say \"\"no\"\"\"");
  EXPECT_EQ(CsvField("two\nlines"), "\"two\nlines\"");
  EXPECT_EQ(CsvField("cr\rhere"), "\"cr\rhere\"");
  EXPECT_EQ(CsvField("‘eco-activists’"), "‘eco-activists’");
}

TEST(CsvReportTest, TableTextIsBomHeaderAndCrlfRecords) {
  CsvTable t{"t.csv", {"a", "b"}, {{"1", "x,y"}, {"2", "\"q\"\nz"}}};
  const std::string text = CsvTableText(t);
  EXPECT_EQ(text,
            "\xEF\xBB\xBF"
            "a,b\r\n1,\"x,y\"\r\n2,\"\"\"q\"\"\nz\"\r\n");
  const auto records = ParseCsv(text.substr(3));
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[2][1], "\"q\"\nz");
}

TEST(CsvReportTest, EveryShippedTableParsesWithConsistentColumns) {
  TempDir out;
  const auto r = RunParallax({"report", "-o", out.path(), "--format", "csv"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  int tables = 0;
  for (const char* name :
       {"articles.csv", "naming.csv", "loaded_terms.csv", "voices.csv", "distancing.csv",
        "events.csv", "claims.csv", "prompts.csv", "removed.csv", "distinctive_terms.csv"}) {
    const std::string text = ReadFileOrFail(out.path() + "/" + name);
    ASSERT_EQ(text.rfind("\xEF\xBB\xBF", 0), 0u) << name << " lacks the UTF-8 BOM";
    const auto records = ParseCsv(text.substr(3));
    ASSERT_GE(records.size(), 2u) << name << " has no data rows";
    for (const auto& rec : records) EXPECT_EQ(rec.size(), records[0].size()) << name;
    ++tables;
  }
  EXPECT_EQ(tables, 10);
  // Quoted text with commas and quotation marks survives a round trip.
  const auto claims = ParseCsv(ReadFileOrFail(out.path() + "/claims.csv").substr(3));
  bool found_quote = false;
  for (const auto& rec : claims)
    found_quote = found_quote || rec.back().find('"') != std::string::npos;
  EXPECT_TRUE(found_quote);
}

}  // namespace
}  // namespace parallax
