#include "scan/json_line_reader.h"

#include <gtest/gtest.h>

#include <string>

namespace parallax {
namespace {

// What nlohmann::json::parse gives, with only the fields an article is read from.
nlohmann::json ArticleFieldsOf(const std::string& line) {
  nlohmann::json all = nlohmann::json::parse(line);
  all.erase("extra");
  all.erase("x");
  return all;
}

TEST(JsonLineReaderTest, GivesTheFieldsNlohmannGives) {
  JsonLineReader reader;
  for (const char* line : {
           R"({"title": "T", "maintext": "Body\n\"quoted\" \u00e9 \/", "date": "2023-01-02"})",
           R"({"title": 42, "maintext": ["not", "a", "string"], "extra": {"a": [1.5e3, -2]}})",
           R"({"title": "first", "title": "second", "id": 7, "authors": ["A", null, true]})",
           R"(  {"id": -3, "url": "https://example.org/x", "x": 18446744073709551615}  )",
           R"({"description": 1.25, "language": null, "outlet": false})",
       }) {
    const auto record = reader.Read(line);
    ASSERT_TRUE(record.has_value()) << line;
    EXPECT_EQ(*record, ArticleFieldsOf(line)) << line;
    EXPECT_EQ(record->dump(), ArticleFieldsOf(line).dump()) << line;
  }
}

TEST(JsonLineReaderTest, LeavesToNlohmannWhatItCannotVouchFor) {
  JsonLineReader reader;
  for (const std::string& line : {
           std::string("{not json"),
           std::string(R"({"title": "a"} extra)"),
           std::string(R"({"title": "\x41"})"),
           std::string("{\"title\": \"caf\xe9\"}"),
           std::string(R"({"title": "x \ud800 y"})"),
           std::string(R"({"title": "\ud83d\ude00"})"),
           std::string(R"([1, 2])"),
           std::string(R"("a string")"),
       }) {
    EXPECT_FALSE(reader.Read(line).has_value()) << line;
  }
}

}  // namespace
}  // namespace parallax
