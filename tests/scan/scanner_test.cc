#include "scan/scanner.h"

#include <gtest/gtest.h>

#include <sstream>

#include "test_paths.h"

namespace parallax {
namespace {

class ScannerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto lex = LoadLexicons(DefaultLexiconPaths(testing::SourceDir() + "/lexicons"));
    ASSERT_TRUE(lex.ok());
    lexicon_ = new Lexicon(std::move(lex.lexicon));
    annotator_ = new Annotator(*lexicon_);
  }
  static void TearDownTestSuite() {
    delete annotator_;
    delete lexicon_;
  }
  static std::string Record(int i) {
    nlohmann::json j;
    j["title"] = "Article " + std::to_string(i);
    j["maintext"] =
        "Azerbaijani activists blocked the Lachin corridor near Khankendi (Stepanakert).\n"
        "The Armenian foreign ministry said it was \"ethnic cleansing\".";
    j["date_publish"] = "2022-12-13 10:00:00";
    j["language"] = "en";
    j["url"] = "https://example.org/" + std::to_string(i);
    return j.dump();
  }
  // Scans two good records around `middle` and expects `middle` reported (a diagnostic holding
  // `message_part` on line 2) and skipped.
  static void ExpectMiddleLineSkipped(const std::string& middle, const ScanOptions& options,
                                      std::string_view message_part) {
    std::istringstream in(Record(1) + "\n" + middle + "\n" + Record(2) + "\n");
    std::ostringstream out;
    std::vector<Diagnostic> diags;
    const ScanStats stats =
        Scan(in, out, *annotator_, options, [&](const Diagnostic& d) { diags.push_back(d); });
    EXPECT_EQ(stats.records, 2u);
    EXPECT_EQ(stats.malformed, 1u);
    ASSERT_EQ(diags.size(), 1u);
    EXPECT_EQ(diags[0].line, 2);
    EXPECT_NE(diags[0].message.find(message_part), std::string::npos) << diags[0].message;
  }
  static Lexicon* lexicon_;
  static Annotator* annotator_;
};

Lexicon* ScannerTest::lexicon_ = nullptr;
Annotator* ScannerTest::annotator_ = nullptr;

TEST_F(ScannerTest, OneRecordPerArticleInInputOrderWithMalformedLinesReported) {
  std::string input;
  for (int i = 0; i < 300; ++i) {
    input += Record(i) + "\n";
    if (i == 17) input += "{not json\n";
    if (i == 40) input += "\n";
  }
  std::istringstream in(input);
  std::ostringstream out;
  std::vector<Diagnostic> diags;
  ScanOptions options;
  options.threads = 2;
  options.batch_lines = 7;  // many batches, so ordering across threads is exercised
  const ScanStats stats =
      Scan(in, out, *annotator_, options, [&](const Diagnostic& d) { diags.push_back(d); });
  EXPECT_EQ(stats.records, 300u);
  EXPECT_EQ(stats.malformed, 1u);
  ASSERT_EQ(diags.size(), 1u);
  EXPECT_EQ(diags[0].line, 19);  // record 17 is on line 18; the bad line follows it
  std::istringstream records(out.str());
  std::string line;
  int expected = 0;
  while (std::getline(records, line)) {
    const auto j = nlohmann::json::parse(line);
    EXPECT_EQ(j["words"].get<int>() > 0, true);
    EXPECT_TRUE(j.contains("naming"));
    EXPECT_EQ(j["naming"]["stepanakert-khankendi"]["Khankendi"], 1) << line;
    EXPECT_EQ(j["loaded"]["ethnic cleansing"]["quoted"], 1) << line;
    EXPECT_EQ(j["loaded"]["ethnic cleansing"]["own"], 0) << line;
    EXPECT_EQ(j["date"], "2022-12-13");
    ++expected;
  }
  EXPECT_EQ(expected, 300);
}

TEST_F(ScannerTest, OutputIsTheSameWithOneThreadOrTwo) {
  std::string input;
  for (int i = 0; i < 50; ++i) input += Record(i) + "\n";
  std::string outputs[2];
  for (unsigned t = 1; t <= 2; ++t) {
    std::istringstream in(input);
    std::ostringstream out;
    ScanOptions options;
    options.threads = t;
    options.batch_lines = 3;
    Scan(in, out, *annotator_, options, [](const Diagnostic&) {});
    outputs[t - 1] = out.str();
  }
  EXPECT_EQ(outputs[0], outputs[1]);
}

TEST_F(ScannerTest, OverlongLineIsReportedAndSkipped) {
  ScanOptions options;
  options.max_line_bytes = 1000;
  ExpectMiddleLineSkipped(std::string(5000, 'x'), options, "line longer than");
}

TEST_F(ScannerTest, CommandReportsSummaryAndExitCode) {
  const auto r = testing::RunParallax({"scan", "--threads", "2"}, Record(1) + "\nnope\n");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("1 records from 2 lines"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("1 malformed"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(":2:"), std::string::npos) << r.err;
}

TEST_F(ScannerTest, OverLongLinesAreSkippedWithoutHoldingThemAndLineEndsAreExact) {
  // A line far longer than the limit (and than the reader's 64 KiB chunks), a record exactly at
  // the limit, a last line without '\n', and an empty line.
  const std::string record = Record(1);
  const std::string input = std::string(300000, 'x') + "\n" + record + "\n\n" + Record(2);
  std::istringstream in(input);
  std::ostringstream out;
  std::vector<Diagnostic> diags;
  ScanOptions options;
  options.threads = 1;
  options.max_line_bytes = record.size();
  const ScanStats stats =
      Scan(in, out, *annotator_, options, [&](const Diagnostic& d) { diags.push_back(d); });
  EXPECT_EQ(stats.records, 2u);
  EXPECT_EQ(stats.malformed, 1u);
  EXPECT_EQ(stats.lines, 3u);
  EXPECT_EQ(stats.bytes, input.size() + 1);
  ASSERT_EQ(diags.size(), 1u);
  EXPECT_EQ(diags[0].line, 1);
  EXPECT_NE(diags[0].message.find("line longer than"), std::string::npos);
}

TEST_F(ScannerTest, RecordsWrittenDirectlyAreTheBytesOfTheJsonValue) {
  // Control characters, escapes, every length of UTF-8, and byte sequences that are not UTF-8
  // (a lone continuation byte, an overlong form, a surrogate, past U+10FFFF, a cut sequence).
  const std::string hostile =
      "a\x01\x1f\x7f\"\\/\b\f\n\r\t é ж € 😀 \x80 \xc0\xaf \xed\xa0\x80 \xf4\x90\x80\x80 \xe2\x82";
  Article article;
  article.id = "id " + hostile;
  article.outlet = "outlet";
  article.language = "en";
  article.title = hostile;
  article.text = "Khankendi (Stepanakert) and the Lachin corridor. " + hostile;
  article.date = Date{2022, 12, 13};
  const ArticleAnnotations ann = annotator_->Annotate(article);
  for (const bool with_text : {false, true}) {
    std::string direct;
    AppendScanRecord(&direct, article, ann, *lexicon_, with_text);
    EXPECT_EQ(direct, ScanRecord(article, ann, *lexicon_, with_text)
                          .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  }
  Article valid = article;
  valid.id = "plain";
  valid.title = "é ж € 😀 \x01";
  valid.text = "Khankendi (Stepanakert), “so-called” Lachin corridor, on 12 December 2022.";
  std::string direct;
  AppendScanRecord(&direct, valid, annotator_->Annotate(valid), *lexicon_, true);
  EXPECT_EQ(direct, ScanRecord(valid, annotator_->Annotate(valid), *lexicon_, true)
                        .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

TEST_F(ScannerTest, ANumberTooLargeIsReportedAndItsLineSkipped) {
  // nlohmann throws out_of_range, not parse_error, for it: that once ended the whole scan.
  ScanOptions options;
  options.threads = 1;
  ExpectMiddleLineSkipped(R"({"title": "x", "maintext": "y", "n": 1e400})", options, "too large");
}

}  // namespace
}  // namespace parallax
