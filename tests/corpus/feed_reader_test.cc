#include "corpus/feed_reader.h"

#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "corpus/outlets.h"
#include "test_paths.h"
#include "text/utf8.h"

namespace parallax {
namespace {

using testing::ReadFileOrFail;
using testing::TestDataDir;

std::string FeedPath(const std::string& name) { return TestDataDir() + "/feeds/" + name; }

FeedReadResult ReadFeedFile(const std::string& name, const OutletsFile* outlets = nullptr) {
  const std::string path = FeedPath(name);
  return ReadFeed(ReadFileOrFail(path), path, outlets);
}

OutletsFile TestOutlets() {
  const char* xml = R"(<outlets>
  <outlet id="oc-media"><name>OC Media</name><domain>oc-media.org</domain></outlet>
  <outlet id="kommersant"><name>Kommersant</name><domain>kommersant.ru</domain></outlet>
</outlets>)";
  OutletsLoadResult loaded = ParseOutlets(xml, "test-outlets.xml");
  EXPECT_FALSE(HasErrors(loaded.diagnostics));
  return loaded.file;
}

std::string AllText(const FeedReadResult& r) {
  std::string all;
  for (const Article& a : r.articles) {
    all += a.id + "\n" + a.title + "\n" + a.body + "\n" + a.author + "\n" + a.url + "\n";
  }
  for (const Diagnostic& d : r.diagnostics) all += d.ToString() + "\n";
  return all;
}

const Diagnostic* FindDiagnostic(const Diagnostics& diags, const std::string& needle) {
  for (const Diagnostic& d : diags) {
    if (d.message.find(needle) != std::string::npos) return &d;
  }
  return nullptr;
}

TEST(FeedReaderTest, Rss2ContentEncodedBecomesParagraphs) {
  const OutletsFile outlets = TestOutlets();
  const FeedReadResult r = ReadFeedFile("rss2_content_encoded.xml", &outlets);
  ASSERT_EQ(r.articles.size(), 4u) << AllText(r);
  const Article& a = r.articles[0];
  EXPECT_EQ(a.title, "Azerbaijan sets up checkpoint at the start of the Lachin corridor");
  EXPECT_EQ(a.url, "https://oc-media.org/azerbaijan-sets-up-checkpoint-lachin-corridor/");
  EXPECT_EQ(a.author, "Jane Doe");
  ASSERT_TRUE(a.date.has_value());
  EXPECT_EQ(a.date->ToString(), "2023-04-23");
  EXPECT_EQ(a.language, "en-US");
  EXPECT_EQ(a.outlet, "oc-media");
  EXPECT_EQ(a.id, "oc-media-org-p-101");
  EXPECT_EQ(a.source_path, FeedPath("rss2_content_encoded.xml"));
  // content:encoded wins over the teaser in <description>; entities decoded; the figure caption
  // is not article text.
  EXPECT_EQ(a.body.find("teaser"), std::string::npos) << a.body;
  EXPECT_EQ(a.body.find("Press service"), std::string::npos) << a.body;
  EXPECT_NE(
      a.body.find("Armenia\u2019s Foreign Ministry called the move \u201ca gross violation\u201d"),
      std::string::npos)
      << a.body;
  EXPECT_EQ(a.body.substr(0, 48), "Azerbaijan has installed a checkpoint at the ent");
  EXPECT_NE(a.body.find("Armenia.\n\nArmenia\u2019s"), std::string::npos) << a.body;
}

TEST(FeedReaderTest, PlainDescriptionKeepsItsParagraphsAndRfc822DayAsWritten) {
  const FeedReadResult r = ReadFeedFile("rss2_content_encoded.xml");
  ASSERT_GE(r.articles.size(), 2u);
  const Article& a = r.articles[1];
  EXPECT_EQ(a.body,
            "Self-described environmental activists continued their protest on Friday.\n\n"
            "The road has been blocked for more than four months.");
  EXPECT_EQ(a.author, "Ani Petrosyan");
  ASSERT_TRUE(a.date.has_value());
  EXPECT_EQ(a.date->ToString(), "2023-04-21");  // the day as written, not converted to UTC
  EXPECT_EQ(a.id, "oc-media-org-protest-continues-shusha");
  EXPECT_TRUE(a.outlet.empty());  // no outlets file given
}

TEST(FeedReaderTest, BadDateIsAWarningAndTheItemIsKeptWithoutDate) {
  const FeedReadResult r = ReadFeedFile("rss2_content_encoded.xml");
  ASSERT_GE(r.articles.size(), 3u);
  const Article& a = r.articles[2];
  EXPECT_EQ(a.title, "Russian peacekeepers comment on the situation");
  EXPECT_FALSE(a.date.has_value());
  // Escaped HTML in <description> is rendered.
  EXPECT_EQ(a.body,
            "The Russian Defence Ministry said its peacekeepers were monitoring the area.\n\n"
            "No incidents were reported.");
  const Diagnostic* d = FindDiagnostic(r.diagnostics, "yesterday afternoon");
  ASSERT_NE(d, nullptr) << AllText(r);
  EXPECT_EQ(d->severity, Severity::kWarning);
  EXPECT_EQ(d->path, FeedPath("rss2_content_encoded.xml"));
  EXPECT_EQ(d->line, 37);
  EXPECT_FALSE(HasErrors(r.diagnostics)) << AllText(r);
}

TEST(FeedReaderTest, EmptyItemIsSkippedWithItsLine) {
  const FeedReadResult r = ReadFeedFile("rss2_content_encoded.xml");
  const Diagnostic* d = FindDiagnostic(r.diagnostics, "neither a title nor any text");
  ASSERT_NE(d, nullptr) << AllText(r);
  EXPECT_EQ(d->line, 40);
  for (const Article& a : r.articles) EXPECT_NE(a.url, "https://oc-media.org/empty-item/");
}

TEST(FeedReaderTest, ItemWithoutGuidOrLinkGetsIdFromDateAndTitle) {
  const FeedReadResult r = ReadFeedFile("rss2_content_encoded.xml");
  ASSERT_EQ(r.articles.size(), 4u);
  const Article& a = r.articles[3];
  ASSERT_TRUE(a.date.has_value());
  EXPECT_EQ(a.date->ToString(), "2023-04-24");  // dc:date, ISO 8601
  EXPECT_EQ(a.id, "2023-04-24-opinion-what-the-checkpoint-means");
  // Deterministic: reading again gives the same ids.
  const FeedReadResult again = ReadFeedFile("rss2_content_encoded.xml");
  for (std::size_t i = 0; i < r.articles.size(); ++i) {
    EXPECT_EQ(r.articles[i].id, again.articles[i].id);
  }
}

TEST(FeedReaderTest, AtomHtmlXhtmlAndSummary) {
  const OutletsFile outlets = TestOutlets();
  const FeedReadResult r = ReadFeedFile("atom_html.xml", &outlets);
  ASSERT_EQ(r.articles.size(), 3u) << AllText(r);
  EXPECT_FALSE(HasErrors(r.diagnostics)) << AllText(r);

  const Article& a = r.articles[0];
  EXPECT_EQ(a.title, "Азербайджан установил КПП на Лачинском коридоре");
  EXPECT_EQ(a.url, "https://www.kommersant.ru/doc/5950001");
  EXPECT_EQ(a.author, "Кирилл Кривошеев");
  EXPECT_EQ(a.language, "ru");
  EXPECT_EQ(a.outlet, "kommersant");
  ASSERT_TRUE(a.date.has_value());
  EXPECT_EQ(a.date->ToString(), "2023-04-23");  // <published> wins over <updated>
  EXPECT_EQ(a.body,
            "Азербайджан установил контрольно-пропускной пункт на въезде в Лачинский коридор.\n\n"
            "МИД Армении назвал это «грубым нарушением» заявления от 9 ноября 2020 года.");
  EXPECT_EQ(a.id, "kommersant-ru-doc-5950001");

  const Article& b = r.articles[1];
  EXPECT_EQ(b.body, "Армения обратилась к российским миротворцам.\n\nОтвета пока нет.");
  EXPECT_EQ(b.url, "https://www.kommersant.ru/doc/5950002");  // resolved against the feed link
  EXPECT_EQ(b.author, "Редакция");                            // the feed's author
  ASSERT_TRUE(b.date.has_value());
  EXPECT_EQ(b.date->ToString(), "2023-04-24");

  const Article& c = r.articles[2];
  EXPECT_EQ(c.body, "A plain-text summary.");
  EXPECT_EQ(c.language, "en");  // the entry's own xml:lang
}

TEST(FeedReaderTest, ArmenianWithBomIsPreserved) {
  const FeedReadResult r = ReadFeedFile("rss_armenian_bom.xml");
  ASSERT_EQ(r.articles.size(), 1u) << AllText(r);
  EXPECT_TRUE(r.diagnostics.empty()) << AllText(r);
  const Article& a = r.articles[0];
  EXPECT_EQ(a.title, "Լաչինի միջանցքում անցակետ է տեղադրվել");
  EXPECT_EQ(a.body, "Ադրբեջանը անցակետ է տեղադրել Լաչինի միջանցքի մուտքի մոտ։");
  EXPECT_EQ(a.language, "hy");
  ASSERT_TRUE(a.date.has_value());
  EXPECT_EQ(a.date->ToString(), "2023-04-23");
}

TEST(FeedReaderTest, DeclaredEncodingIsHonoured) {
  // Raw windows-1251 bytes, as the outlet serves them: the XML declaration names the encoding.
  const FeedReadResult r = ReadFeedFile("rss_windows1251.xml");
  ASSERT_EQ(r.articles.size(), 1u) << AllText(r);
  EXPECT_FALSE(HasErrors(r.diagnostics)) << AllText(r);
  EXPECT_EQ(r.articles[0].title, "Ереван обратился к миротворцам");
  EXPECT_EQ(r.articles[0].body, "Армения обратилась к российским миротворцам.");
  EXPECT_EQ(r.articles[0].language, "ru");
}

TEST(FeedReaderTest, Rss1RdfFeed) {
  const FeedReadResult r = ReadFeedFile("rdf_rss1.xml");
  ASSERT_EQ(r.articles.size(), 1u) << AllText(r);
  const Article& a = r.articles[0];
  EXPECT_EQ(a.title, "Checkpoint on the Lachin road");
  EXPECT_EQ(a.author, "Reporter One, Reporter Two");
  EXPECT_EQ(a.language, "en");
  ASSERT_TRUE(a.date.has_value());
  EXPECT_EQ(a.date->ToString(), "2023-04-23");
}

TEST(FeedReaderTest, ExternalEntitiesAreNeverRead) {
  for (const char* name : {"xxe.xml", "xxe_parameter.xml"}) {
    SCOPED_TRACE(name);
    const FeedReadResult r = ReadFeedFile(name);
    const std::string all = AllText(r);
    EXPECT_EQ(all.find("root:"), std::string::npos) << all;
    ASSERT_EQ(r.articles.size(), 1u) << all;
    const Diagnostic* d = FindDiagnostic(r.diagnostics, "declares XML entities");
    ASSERT_NE(d, nullptr) << all;
    EXPECT_EQ(d->severity, Severity::kWarning);
    EXPECT_FALSE(HasErrors(r.diagnostics)) << all;
  }
  const FeedReadResult r = ReadFeedFile("xxe.xml");
  ASSERT_EQ(r.articles.size(), 1u);
  // The reference stays unexpanded, the text around it is kept.
  EXPECT_EQ(r.articles[0].title, "Item with an external entity: &xxe;");
  EXPECT_EQ(r.articles[0].body, "Before &xxe; after. Host: &hostname;");
}

TEST(FeedReaderTest, BillionLaughsIsNotExpanded) {
  const auto start = std::chrono::steady_clock::now();
  const FeedReadResult r = ReadFeedFile("billion_laughs.xml");
  const auto elapsed = std::chrono::steady_clock::now() - start;
  EXPECT_LT(std::chrono::duration_cast<std::chrono::milliseconds>(elapsed).count(), 2000);
  ASSERT_EQ(r.articles.size(), 1u) << AllText(r);
  EXPECT_LT(r.articles[0].body.size(), 200u);
  EXPECT_EQ(r.articles[0].body.find("lollol"), std::string::npos);
  EXPECT_EQ(r.articles[0].title, "Laugh &lol9;");
  EXPECT_NE(FindDiagnostic(r.diagnostics, "declares XML entities"), nullptr) << AllText(r);
}

TEST(FeedReaderTest, MalformedXmlIsAnErrorWithLineAndEarlierItemsSurvive) {
  const FeedReadResult r = ReadFeedFile("malformed.xml");
  ASSERT_TRUE(HasErrors(r.diagnostics));
  const Diagnostic& first = r.diagnostics.front();
  EXPECT_EQ(first.severity, Severity::kError);
  EXPECT_EQ(first.path, FeedPath("malformed.xml"));
  EXPECT_EQ(first.line, 19) << first.ToString();
  EXPECT_GT(first.column, 0);
  EXPECT_NE(first.message.find("malformed XML"), std::string::npos) << first.ToString();
  ASSERT_EQ(r.articles.size(), 2u) << AllText(r);
  EXPECT_EQ(r.articles[0].title, "First complete item");
  EXPECT_EQ(r.articles[1].title, "Second complete item");
}

TEST(FeedReaderTest, TruncatedFeedKeepsCompleteItems) {
  std::string xml = ReadFileOrFail(FeedPath("rss2_content_encoded.xml"));
  xml.resize(xml.find("<title>Russian peacekeepers"));
  const FeedReadResult r = ReadFeed(xml, "cut.xml", nullptr);
  EXPECT_TRUE(HasErrors(r.diagnostics));
  ASSERT_EQ(r.articles.size(), 2u) << AllText(r);
  EXPECT_EQ(r.articles[1].title, "Protest continues on the road near Shusha");
}

TEST(FeedReaderTest, GzippedFeedIsDecompressed) {
  const FeedReadResult plain = ReadFeedFile("atom_html.xml");
  const FeedReadResult gz = ReadFeedFile("atom_html.xml.gz");
  ASSERT_EQ(gz.articles.size(), plain.articles.size()) << AllText(gz);
  for (std::size_t i = 0; i < gz.articles.size(); ++i) {
    EXPECT_EQ(gz.articles[i].body, plain.articles[i].body);
  }
  const FeedReadResult cut = ReadFeed(std::string("\x1f\x8b\x08\x00garbage", 12), "c.gz", nullptr);
  EXPECT_TRUE(cut.articles.empty());
  EXPECT_TRUE(HasErrors(cut.diagnostics));
}

TEST(FeedReaderTest, NotAFeedAndEmptyInput) {
  FeedReadResult r = ReadFeed("<html><body><p>x</p></body></html>", "page.xml", nullptr);
  EXPECT_TRUE(r.articles.empty());
  ASSERT_TRUE(HasErrors(r.diagnostics));
  EXPECT_NE(r.diagnostics[0].message.find("not a feed"), std::string::npos);

  r = ReadFeed("", "empty.xml", nullptr);
  EXPECT_TRUE(r.articles.empty());
  EXPECT_TRUE(HasErrors(r.diagnostics));

  r = ReadFeed("<rss version=\"2.0\"><channel><title>x</title></channel></rss>", "n.xml", nullptr);
  EXPECT_TRUE(r.articles.empty());
  EXPECT_NE(FindDiagnostic(r.diagnostics, "no items"), nullptr);
}

TEST(FeedReaderTest, UndeclaredHtmlEntityCostsNoItem) {
  const std::string xml =
      "<rss version=\"2.0\"><channel><link>https://example.org/</link>\n"
      "<item><title>A&nbsp;B</title><description>one</description></item>\n"
      "<item><title>C</title><description>two</description></item>\n"
      "</channel></rss>";
  const FeedReadResult r = ReadFeed(xml, "nbsp.xml", nullptr);
  EXPECT_EQ(r.articles.size(), 2u) << AllText(r);
  const Diagnostic* d = FindDiagnostic(r.diagnostics, "&nbsp;");
  ASSERT_NE(d, nullptr) << AllText(r);
  EXPECT_EQ(d->line, 2);
}

TEST(FeedReaderTest, EncodingErrorIsADiagnosticNotPrinted) {
  const std::string xml =
      "<?xml version=\"1.0\" encoding=\"US-ASCII\"?>\n<rss version=\"2.0\"><channel>\n"
      "<item><title>Ереван</title><description>x</description></item></channel></rss>";
  ::testing::internal::CaptureStderr();
  const FeedReadResult r = ReadFeed(xml, "ascii.xml", nullptr);
  const std::string printed = ::testing::internal::GetCapturedStderr();
  EXPECT_EQ(printed, "");
  EXPECT_TRUE(HasErrors(r.diagnostics)) << AllText(r);
}

TEST(FeedReaderTest, DuplicateGuidsGetDistinctIds) {
  const std::string xml =
      "<rss version=\"2.0\"><channel>"
      "<item><title>A</title><guid>same</guid><description>one</description></item>"
      "<item><title>B</title><guid>same</guid><description>two</description></item>"
      "</channel></rss>";
  const FeedReadResult r = ReadFeed(xml, "dup.xml", nullptr);
  ASSERT_EQ(r.articles.size(), 2u);
  EXPECT_EQ(r.articles[0].id, "same");
  EXPECT_EQ(r.articles[1].id, "same-2");
}

TEST(FeedReaderTest, LooksLikeFeed) {
  EXPECT_TRUE(LooksLikeFeed(ReadFileOrFail(FeedPath("rss2_content_encoded.xml"))));
  EXPECT_TRUE(LooksLikeFeed(ReadFileOrFail(FeedPath("atom_html.xml"))));
  EXPECT_TRUE(LooksLikeFeed(ReadFileOrFail(FeedPath("rdf_rss1.xml"))));
  EXPECT_TRUE(LooksLikeFeed(ReadFileOrFail(FeedPath("rss_armenian_bom.xml"))));
  EXPECT_TRUE(LooksLikeFeed(ReadFileOrFail(FeedPath("xxe.xml"))));
  EXPECT_TRUE(LooksLikeFeed("<!-- c --><feed xmlns='http://www.w3.org/2005/Atom'></feed>"));
  EXPECT_FALSE(LooksLikeFeed("<feed><entry/></feed>"));  // not Atom
  EXPECT_FALSE(LooksLikeFeed("<html><body>&lt;rss&gt;</body></html>"));
  EXPECT_FALSE(LooksLikeFeed("{\"title\": \"<rss\"}"));
  EXPECT_FALSE(LooksLikeFeed(""));
}

TEST(FeedReaderTest, ParseFeedDate) {
  auto date = [](const char* s) {
    const std::optional<Date> d = ParseFeedDate(s);
    return d ? d->ToString() : std::string("none");
  };
  EXPECT_EQ(date("Sun, 23 Apr 2023 10:15:00 +0000"), "2023-04-23");
  EXPECT_EQ(date("23 Apr 2023 10:15 GMT"), "2023-04-23");
  EXPECT_EQ(date("Sun, 23 Apr 23 10:15:00 EST"), "2023-04-23");
  EXPECT_EQ(date("Sunday, 3 September 2023"), "2023-09-03");
  EXPECT_EQ(date("2023-04-23"), "2023-04-23");
  EXPECT_EQ(date("2023-04-23T10:15:00Z"), "2023-04-23");
  EXPECT_EQ(date("2023-04-23T10:15:00.123+04:00"), "2023-04-23");
  EXPECT_EQ(date("2023-04-23 10:15:00"), "2023-04-23");
  EXPECT_EQ(date("2023-04"), "2023-04");
  EXPECT_EQ(date("yesterday"), "none");
  EXPECT_EQ(date("30 Feb 2023"), "none");
  EXPECT_EQ(date("2023-02-30T10:00:00Z"), "none");
  EXPECT_EQ(date("Sun, 23 Apr 2023 banana"), "none");
  EXPECT_EQ(date("2023-04-23Tnoon"), "none");
}

TEST(FeedReaderTest, SafeArticleId) {
  EXPECT_EQ(SafeArticleId("https://www.example.org/news/2023/04/a-b/"),
            "example-org-news-2023-04-a-b");
  EXPECT_EQ(SafeArticleId("tag:example.org,2023:42"), "tag-example-org-2023-42");
  const std::string cyr = SafeArticleId("2023-04-23 Ереван обратился");
  EXPECT_EQ(cyr.rfind("2023-04-23-", 0), 0u) << cyr;
  EXPECT_NE(cyr, SafeArticleId("2023-04-23 Баку ответил"));
  const std::string long_url = "https://example.org/" + std::string(200, 'a') + "/x";
  EXPECT_LE(SafeArticleId(long_url).size(), 80u);
  EXPECT_NE(SafeArticleId(long_url), SafeArticleId(long_url + "y"));
  EXPECT_EQ(SafeArticleId(long_url), SafeArticleId(long_url));
  EXPECT_EQ(SafeArticleId(""), "");
  EXPECT_FALSE(SafeArticleId("«»").empty());
}

TEST(FeedReaderTest, NormalizeLanguageTag) {
  EXPECT_EQ(NormalizeLanguageTag("en-us"), "en-US");
  EXPECT_EQ(NormalizeLanguageTag("RU"), "ru");
  EXPECT_EQ(NormalizeLanguageTag("hy_AM"), "hy-AM");
  EXPECT_EQ(NormalizeLanguageTag("sr-latn"), "sr-Latn");
  EXPECT_EQ(NormalizeLanguageTag("english please"), "");
  EXPECT_EQ(NormalizeLanguageTag(""), "");
}

TEST(FeedReaderTest, NestingDeeperThanTheLimitIsAnErrorAndEarlierItemsSurvive) {
  std::string deep;
  for (int i = 0; i < 100000; ++i) deep += "<x>";
  const std::string xml =
      "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><item><title>First</title>"
      "<description>Kept.</description></item>\n<item><title>" +
      deep + "</title></item></channel></rss>\n";
  FeedReadResult r = ReadFeed(xml, "deep.xml", nullptr);
  ASSERT_EQ(r.articles.size(), 1u);
  EXPECT_EQ(r.articles[0].title, "First");
  ASSERT_FALSE(r.diagnostics.empty());
  EXPECT_EQ(r.diagnostics[0].line, 3);
  EXPECT_NE(r.diagnostics[0].message.find("nested more than 256 levels"), std::string::npos);
  EXPECT_NE(r.diagnostics[0].hint.find("--max-depth"), std::string::npos);
  // The caller's limit: lower, or higher than libxml2's own 256.
  r = ReadFeed(xml, "deep.xml", nullptr, 3);
  EXPECT_TRUE(r.articles.empty());
  EXPECT_NE(r.diagnostics.at(0).message.find("more than 3 levels"), std::string::npos);
  std::string nested = "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><item><title>T";
  for (int i = 0; i < 500; ++i) nested += "<b>";
  nested += "x";
  for (int i = 0; i < 500; ++i) nested += "</b>";
  nested += "</title><description>Body.</description></item></channel></rss>\n";
  r = ReadFeed(nested, "nested.xml", nullptr, 1000);
  ASSERT_EQ(r.articles.size(), 1u) << (r.diagnostics.empty() ? "" : r.diagnostics[0].message);
  EXPECT_FALSE(HasErrors(r.diagnostics));
}

TEST(FeedReaderTest, TextLibxml2RecoveredFromInvalidUtf8IsMadeValid) {
  // Found by fuzzing: a byte that is not UTF-8 in a title (0xD9 'm'); libxml2 recovers and
  // kept it in the tree, so the article's title was not UTF-8.
  const std::string path = TestDataDir() + "/feeds/invalid_utf8_recovered.xml";
  const FeedReadResult r = ReadFeed(ReadFileOrFail(path), path, nullptr);
  ASSERT_FALSE(r.articles.empty());
  for (const Article& a : r.articles) {
    EXPECT_TRUE(IsValidUtf8(a.title)) << a.title;
    EXPECT_TRUE(IsValidUtf8(a.body)) << a.body;
  }
  EXPECT_EQ(r.articles[0].title, "Second c\xEF\xBF\xBDmplete item");
  bool warned = false;
  for (const Diagnostic& d : r.diagnostics) {
    warned |= d.message.find("became U+FFFD") != std::string::npos && d.line == 7;
  }
  EXPECT_TRUE(warned);
}

}  // namespace
}  // namespace parallax
