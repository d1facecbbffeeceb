#include "corpus/newsplease_reader.h"

#include <gtest/gtest.h>

#include <string>

#include "corpus/outlets.h"
#include "test_paths.h"

namespace parallax {
namespace {

using testing::ReadFileOrFail;
using testing::TestDataDir;

std::string DataPath(const std::string& name) { return TestDataDir() + "/newsplease/" + name; }

NewsPleaseResult ReadDataFile(const std::string& name, const OutletsFile* outlets = nullptr) {
  const std::string path = DataPath(name);
  return ReadNewsPlease(ReadFileOrFail(path), path, outlets);
}

OutletsFile TestOutlets() {
  const char* xml = R"(<outlets>
  <outlet id="oc-media"><name>OC Media</name><domain>oc-media.org</domain></outlet>
  <outlet id="kommersant"><name>Kommersant</name><domain>kommersant.ru</domain></outlet>
  <outlet id="moscow-times"><name>The Moscow Times</name><domain>themoscowtimes.com</domain></outlet>
</outlets>)";
  OutletsLoadResult loaded = ParseOutlets(xml, "test-outlets.xml");
  EXPECT_FALSE(HasErrors(loaded.diagnostics));
  return loaded.file;
}

std::string Dump(const NewsPleaseResult& r) {
  std::string all;
  for (const Article& a : r.articles) all += a.id + " | " + a.title + " | " + a.body + "\n";
  for (const Diagnostic& d : r.diagnostics) all += d.ToString() + "\n";
  return all;
}

const Diagnostic* FindDiagnostic(const Diagnostics& diags, const std::string& needle) {
  for (const Diagnostic& d : diags) {
    if (d.message.find(needle) != std::string::npos) return &d;
  }
  return nullptr;
}

TEST(NewsPleaseReaderTest, SingleObject) {
  const OutletsFile outlets = TestOutlets();
  const NewsPleaseResult r = ReadDataFile("single.json", &outlets);
  ASSERT_EQ(r.articles.size(), 1u) << Dump(r);
  EXPECT_TRUE(r.diagnostics.empty()) << Dump(r);
  const Article& a = r.articles[0];
  EXPECT_EQ(a.title, "Azerbaijan sets up checkpoint at the start of the Lachin corridor");
  EXPECT_EQ(a.author, "Jane Doe, Ani Petrosyan");
  ASSERT_TRUE(a.date.has_value());
  EXPECT_EQ(a.date->ToString(), "2023-04-23");
  EXPECT_EQ(a.outlet, "oc-media");
  EXPECT_EQ(a.language, "en");
  EXPECT_EQ(a.url, "https://oc-media.org/azerbaijan-sets-up-checkpoint/");
  EXPECT_EQ(a.id, "oc-media-org-azerbaijan-sets-up-checkpoint");
  EXPECT_EQ(a.source_path, DataPath("single.json"));
  EXPECT_EQ(a.body_line, 1);
  // Every "\n" of maintext separates paragraphs; empty ones are dropped.
  EXPECT_EQ(a.body,
            "Azerbaijan has installed a checkpoint at the entrance to the Lachin corridor, the "
            "only road linking the region with Armenia.\n\n"
            "Armenia’s Foreign Ministry called the move “a gross violation” of the 2020 ceasefire "
            "statement.\n\n"
            "Baku said the checkpoint was set up “in response to the misuse of the road”.");
}

TEST(NewsPleaseReaderTest, ArrayWithLinesPerRecord) {
  const OutletsFile outlets = TestOutlets();
  const NewsPleaseResult r = ReadDataFile("array.json", &outlets);
  ASSERT_EQ(r.articles.size(), 2u) << Dump(r);
  const Article& a = r.articles[0];
  EXPECT_EQ(a.title, "Азербайджан установил КПП на Лачинском коридоре");
  EXPECT_EQ(a.body,
            "Азербайджан установил контрольно-пропускной пункт на въезде в Лачинский коридор.\n\n"
            "МИД Армении назвал это «грубым нарушением».");
  EXPECT_EQ(a.outlet, "kommersant");  // www.kommersant.ru -> kommersant.ru
  ASSERT_TRUE(a.date.has_value());
  EXPECT_EQ(a.date->ToString(), "2023-04-23");
  EXPECT_EQ(a.author, "Кирилл Кривошеев");
  EXPECT_EQ(a.body_line, 2);

  const Article& b = r.articles[1];
  EXPECT_EQ(b.body_line, 11);
  EXPECT_FALSE(b.date.has_value());
  EXPECT_TRUE(b.author.empty());
  const Diagnostic* date = FindDiagnostic(r.diagnostics, "23 April, in the morning");
  ASSERT_NE(date, nullptr) << Dump(r);
  EXPECT_EQ(date->severity, Severity::kWarning);
  EXPECT_EQ(date->line, 11);

  const Diagnostic* not_object = FindDiagnostic(r.diagnostics, "not a JSON object");
  ASSERT_NE(not_object, nullptr) << Dump(r);
  EXPECT_EQ(not_object->line, 20);
  EXPECT_EQ(not_object->path, DataPath("array.json"));
}

TEST(NewsPleaseReaderTest, JsonLinesKeepGoodLinesAndReportBadOnes) {
  const OutletsFile outlets = TestOutlets();
  const NewsPleaseResult r = ReadDataFile("records.jsonl", &outlets);
  ASSERT_EQ(r.articles.size(), 3u) << Dump(r);
  EXPECT_EQ(r.articles[0].title, "First record");
  EXPECT_EQ(r.articles[0].body, "Paragraph one.\n\nParagraph two.");
  EXPECT_EQ(r.articles[0].body_line, 1);
  EXPECT_EQ(r.articles[0].outlet, "oc-media");

  const Article& hy = r.articles[1];
  EXPECT_EQ(hy.title, "Լաչինի միջանցքում անցակետ է տեղադրվել");
  EXPECT_EQ(hy.body, "Ադրբեջանը անցակետ է տեղադրել։\n\nԵրևանը դատապարտել է։");
  EXPECT_EQ(hy.language, "hy");
  EXPECT_EQ(hy.body_line, 4);
  EXPECT_TRUE(hy.outlet.empty());  // azatutyun.am is not in the outlets file

  // Our own article fields.
  const Article& own = r.articles[2];
  EXPECT_EQ(own.id, "001_tmt");
  EXPECT_EQ(own.outlet, "moscow-times");
  EXPECT_EQ(own.genre, "analysis");
  EXPECT_EQ(own.event, "lachin-checkpoint");
  EXPECT_EQ(own.author, "A. Writer");
  ASSERT_TRUE(own.date.has_value());
  EXPECT_EQ(own.date->ToString(), "2023-04-24");
  EXPECT_EQ(own.body, "First paragraph wrapped here.\n\nSecond paragraph.");

  const Diagnostic* broken = FindDiagnostic(r.diagnostics, "malformed JSON");
  ASSERT_NE(broken, nullptr) << Dump(r);
  EXPECT_EQ(broken->severity, Severity::kError);
  EXPECT_EQ(broken->line, 3);
  EXPECT_GT(broken->column, 0);
  EXPECT_EQ(broken->path, DataPath("records.jsonl"));
  const Diagnostic* array = FindDiagnostic(r.diagnostics, "not a JSON object");
  ASSERT_NE(array, nullptr) << Dump(r);
  EXPECT_EQ(array->line, 5);
  const Diagnostic* domain = FindDiagnostic(r.diagnostics, "azatutyun.am");
  ASSERT_NE(domain, nullptr) << Dump(r);
  EXPECT_EQ(domain->severity, Severity::kWarning);
}

TEST(NewsPleaseReaderTest, ByteOrderMarkIsSkipped) {
  const NewsPleaseResult r = ReadDataFile("bom.json");
  ASSERT_EQ(r.articles.size(), 1u) << Dump(r);
  EXPECT_EQ(r.articles[0].title, "With a BOM");
  EXPECT_FALSE(r.articles[0].date.has_value());  // null date: absent, no warning
  EXPECT_TRUE(r.diagnostics.empty()) << Dump(r);
  EXPECT_TRUE(LooksLikeJson(ReadFileOrFail(DataPath("bom.json"))));
}

TEST(NewsPleaseReaderTest, MalformedSingleObjectGivesLineAndColumn) {
  const NewsPleaseResult r = ReadDataFile("broken.json");
  EXPECT_TRUE(r.articles.empty());
  ASSERT_EQ(r.diagnostics.size(), 1u) << Dump(r);
  const Diagnostic& d = r.diagnostics[0];
  EXPECT_EQ(d.severity, Severity::kError);
  EXPECT_EQ(d.line, 4) << d.ToString();
  EXPECT_GT(d.column, 1);
  EXPECT_EQ(d.message.find("[json.exception"), std::string::npos) << d.message;
}

TEST(NewsPleaseReaderTest, JsonLinesErrorColumnCountsCharacters) {
  const std::string data =
      "{\"title\": \"ok\", \"maintext\": \"x\"}\n"
      "{\"title\": \"Ереван\" \"maintext\": \"y\"}\n";
  const NewsPleaseResult r = ReadNewsPlease(data, "c.jsonl", nullptr);
  ASSERT_EQ(r.articles.size(), 1u) << Dump(r);
  ASSERT_EQ(r.diagnostics.size(), 1u) << Dump(r);
  EXPECT_EQ(r.diagnostics[0].line, 2);
  // The unexpected string starts at character 20 and ends at 29 (code points, not bytes).
  EXPECT_GE(r.diagnostics[0].column, 20);
  EXPECT_LE(r.diagnostics[0].column, 30);
}

TEST(NewsPleaseReaderTest, HugeNumberIsAnErrorOnItsLineOnly) {
  const std::string data =
      "{\"title\": \"a\", \"maintext\": \"x\", \"n\": 1e999}\n"
      "{\"title\": \"b\", \"maintext\": \"y\"}\n";
  const NewsPleaseResult r = ReadNewsPlease(data, "big.jsonl", nullptr);
  ASSERT_EQ(r.articles.size(), 1u) << Dump(r);
  EXPECT_EQ(r.articles[0].title, "b");
  ASSERT_EQ(r.diagnostics.size(), 1u) << Dump(r);
  EXPECT_EQ(r.diagnostics[0].line, 1);
  EXPECT_EQ(r.diagnostics[0].severity, Severity::kError);

  const NewsPleaseResult one = ReadNewsPlease("{\"n\": 1e999}", "big.json", nullptr);
  EXPECT_TRUE(one.articles.empty());
  EXPECT_TRUE(HasErrors(one.diagnostics));
}

TEST(NewsPleaseReaderTest, FieldsOfTheWrongTypeAreWarnings) {
  const nlohmann::json record = {{"title", 42},
                                 {"title_rss", "From the RSS title"},
                                 {"maintext", "Body."},
                                 {"authors", 7},
                                 {"language", "not a language"}};
  Diagnostics diags;
  const std::optional<Article> a = ArticleFromJson(record, "x.json", 9, nullptr, diags);
  ASSERT_TRUE(a.has_value());
  EXPECT_EQ(a->title, "From the RSS title");
  EXPECT_TRUE(a->author.empty());
  EXPECT_TRUE(a->language.empty());
  EXPECT_EQ(diags.size(), 3u);
  for (const Diagnostic& d : diags) {
    EXPECT_EQ(d.severity, Severity::kWarning);
    EXPECT_EQ(d.line, 9);
  }
}

TEST(NewsPleaseReaderTest, RecordWithoutTextUsesDescriptionOrIsSkipped) {
  Diagnostics diags;
  std::optional<Article> a =
      ArticleFromJson({{"title", "T"}, {"maintext", nullptr}, {"description", "Teaser."}}, "x.json",
                      1, nullptr, diags);
  ASSERT_TRUE(a.has_value());
  EXPECT_EQ(a->body, "Teaser.");
  EXPECT_NE(FindDiagnostic(diags, "description"), nullptr);

  diags.clear();
  a = ArticleFromJson({{"url", "https://example.org/x"}}, "x.json", 3, nullptr, diags);
  EXPECT_FALSE(a.has_value());
  ASSERT_EQ(diags.size(), 1u);
  EXPECT_EQ(diags[0].line, 3);

  diags.clear();
  a = ArticleFromJson(nlohmann::json::array({1, 2}), "x.json", 4, nullptr, diags);
  EXPECT_FALSE(a.has_value());
  ASSERT_EQ(diags.size(), 1u);
  EXPECT_EQ(diags[0].severity, Severity::kError);
}

TEST(NewsPleaseReaderTest, IdsAreStableAndUnique) {
  const std::string data =
      "{\"title\": \"Same\", \"maintext\": \"a\", \"date_publish\": \"2023-04-23 10:00:00\"}\n"
      "{\"title\": \"Same\", \"maintext\": \"b\", \"date_publish\": \"2023-04-23 11:00:00\"}\n"
      "{\"id\": \"has spaces/and slashes\", \"title\": \"C\", \"maintext\": \"c\"}\n";
  const NewsPleaseResult r = ReadNewsPlease(data, "ids.jsonl", nullptr);
  ASSERT_EQ(r.articles.size(), 3u) << Dump(r);
  EXPECT_EQ(r.articles[0].id, "2023-04-23-same");
  EXPECT_EQ(r.articles[1].id, "2023-04-23-same-2");
  EXPECT_EQ(r.articles[2].id, "has-spaces-and-slashes");
}

TEST(NewsPleaseReaderTest, EmptyAndNonJsonInput) {
  NewsPleaseResult r = ReadNewsPlease("", "e.json", nullptr);
  EXPECT_TRUE(r.articles.empty());
  EXPECT_FALSE(HasErrors(r.diagnostics));
  EXPECT_FALSE(r.diagnostics.empty());

  r = ReadNewsPlease("42", "n.json", nullptr);
  EXPECT_TRUE(r.articles.empty());
  EXPECT_TRUE(HasErrors(r.diagnostics));

  r = ReadNewsPlease("[{\"title\": \"a\"}, {\"title\": ", "t.json", nullptr);
  EXPECT_TRUE(r.articles.empty());
  ASSERT_TRUE(HasErrors(r.diagnostics));
  EXPECT_EQ(r.diagnostics[0].line, 1);

  EXPECT_TRUE(LooksLikeJson("  \n[{}]"));
  EXPECT_TRUE(LooksLikeJson("{\"a\": 1}"));
  EXPECT_FALSE(LooksLikeJson("<rss/>"));
  EXPECT_FALSE(LooksLikeJson("title: x\n"));
  EXPECT_FALSE(LooksLikeJson(""));
}

TEST(NewsPleaseReaderTest, NestingDeeperThanTheLimitIsAnError) {
  const std::string deep = std::string(300, '[') + std::string(300, ']');
  NewsPleaseResult r = ReadNewsPlease("{\"title\": \"T\", \"x\": " + deep + "}", "d.json", nullptr);
  EXPECT_TRUE(r.articles.empty());
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].severity, Severity::kError);
  EXPECT_EQ(r.diagnostics[0].column, 19 + 257);  // the 257th '[' after 19 characters
  EXPECT_NE(r.diagnostics[0].message.find("nested more than 256 levels"), std::string::npos);
  // JSON Lines lose only the deep line; brackets inside strings do not count.
  r = ReadNewsPlease("{\"title\": \"[[[[[[\", \"maintext\": \"B.\"}\n{\"x\": [[[1]]]}\n", "d.jsonl",
                     nullptr, 2);
  ASSERT_EQ(r.articles.size(), 1u);
  EXPECT_EQ(r.articles[0].title, "[[[[[[");
  ASSERT_FALSE(r.diagnostics.empty());
  EXPECT_EQ(r.diagnostics[0].line, 2);
  EXPECT_NE(r.diagnostics[0].message.find("line skipped"), std::string::npos);
  EXPECT_EQ(JsonTooDeepAt("[\"\\\"[[[\"]", 1), std::string::npos);
  EXPECT_EQ(JsonTooDeepAt("[{}]", 1), 1u);
}

}  // namespace
}  // namespace parallax
