#include "corpus/article_file.h"

#include <gtest/gtest.h>

namespace parallax {
namespace {

TEST(ArticleFileTest, ReadsFrontMatterAndBody) {
  const auto r = ParseArticle(
      "---\ntitle: A title: with colon\noutlet: oc-media\ndate: 2023-04-24\nlanguage: en\n"
      "genre: news\nurl: https://oc-media.org/x\n---\nFirst paragraph.\n\nSecond.\n",
      "corpus/x/002_oc.txt");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.article.title, "A title: with colon");
  EXPECT_EQ(r.article.outlet, "oc-media");
  EXPECT_EQ(r.article.date->ToString(), "2023-04-24");
  EXPECT_EQ(r.article.url, "https://oc-media.org/x");
  EXPECT_EQ(r.article.id, "002_oc");
  EXPECT_EQ(r.article.body, "First paragraph.\n\nSecond.\n");
  EXPECT_EQ(r.article.body_line, 9);
  EXPECT_TRUE(r.diagnostics.empty());
}

TEST(ArticleFileTest, RoundTripLosesNothing) {
  Article a;
  a.title = "\"Quoted headline\"";
  a.outlet = "jamnews";
  a.date = ParseIsoDate("2022-12");
  a.language = "en";
  a.genre = "opinion";
  a.author = "Someone";
  a.event = "lachin-2023";
  a.id = "custom-id";
  a.extra = {{"translator", "X"}};
  a.body = "Line one.\nLine two with ‘quotes’.\n";
  const auto r = ParseArticle(WriteArticle(a), "other.txt");
  EXPECT_EQ(r.article.title, a.title);
  EXPECT_EQ(r.article.outlet, a.outlet);
  EXPECT_EQ(r.article.date, a.date);
  EXPECT_EQ(r.article.genre, a.genre);
  EXPECT_EQ(r.article.author, a.author);
  EXPECT_EQ(r.article.event, a.event);
  EXPECT_EQ(r.article.id, a.id);
  EXPECT_EQ(r.article.extra, a.extra);
  EXPECT_EQ(r.article.body, a.body);
  EXPECT_EQ(WriteArticle(r.article), WriteArticle(a));
}

TEST(ArticleFileTest, MissingFrontMatterMakesFirstLineTheTitle) {
  const auto r = ParseArticle("\nHeadline here\nBody text.\n", "pasted.txt");
  EXPECT_EQ(r.article.title, "Headline here");
  EXPECT_EQ(r.article.body, "Body text.\n");
  EXPECT_EQ(r.article.body_line, 3);
  EXPECT_TRUE(r.ok());  // only a warning: no outlet
  ASSERT_FALSE(r.diagnostics.empty());
  EXPECT_EQ(r.diagnostics[0].severity, Severity::kWarning);
}

// Pasted text with no headline loses nothing: a lone paragraph, or a first line too long for a
// headline, is body, and the missing title is warned about.
TEST(ArticleFileTest, PastedParagraphsWithoutAHeadlineAreAllBody) {
  const auto one = ParseArticle("\nThe minister said the road was open.\n", "one.txt");
  EXPECT_EQ(one.article.title, "");
  EXPECT_EQ(one.article.body, "The minister said the road was open.\n");
  EXPECT_EQ(one.article.body_line, 2);
  bool warned = false;
  for (const Diagnostic& d : one.diagnostics) warned |= d.message == "article has no title";
  EXPECT_TRUE(warned);

  const std::string paragraph(40, 'x');
  std::string long_line;
  for (int i = 0; i < 6; ++i) long_line += paragraph + " ";  // 246 characters
  const auto two = ParseArticle(long_line + "\n\nSecond paragraph.\n", "two.txt");
  EXPECT_EQ(two.article.title, "");
  EXPECT_EQ(two.article.body.rfind(long_line, 0), 0u);
  // The limit counts characters, not bytes: a Georgian headline of 100 letters is a headline.
  std::string georgian;
  for (int i = 0; i < 100; ++i) georgian += "\u10D0";  // 300 bytes
  const auto three = ParseArticle(georgian + "\nBody.\n", "three.txt");
  EXPECT_EQ(three.article.title, georgian);
  EXPECT_EQ(three.article.body, "Body.\n");
}

TEST(ArticleFileTest, UnknownKeysAreKeptAndWarned) {
  const auto r = ParseArticle("---\ntitle: T\noutlet: o\nsection: world\n---\nx\n", "a.txt");
  ASSERT_EQ(r.article.extra.size(), 1u);
  EXPECT_EQ(r.article.extra[0].first, "section");
  EXPECT_EQ(r.article.extra[0].second, "world");
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].line, 4);
  EXPECT_NE(r.diagnostics[0].message.find("section"), std::string::npos);
}

TEST(ArticleFileTest, BadDateIsAnErrorWithFileAndLine) {
  const auto r = ParseArticle("---\ntitle: T\noutlet: o\ndate: 24/04/2023\n---\nx\n", "bad.txt");
  EXPECT_FALSE(r.ok());
  ASSERT_FALSE(r.diagnostics.empty());
  const Diagnostic& d = r.diagnostics[0];
  EXPECT_EQ(d.path, "bad.txt");
  EXPECT_EQ(d.line, 4);
  EXPECT_NE(d.hint.find("YYYY-MM-DD"), std::string::npos);
  EXPECT_NE(d.ToString().find("bad.txt:4:"), std::string::npos);
}

TEST(ArticleFileTest, CrlfLineEndsAndBomAreAccepted) {
  const auto r = ParseArticle("\xEF\xBB\xBF---\r\ntitle: T\r\noutlet: o\r\n---\r\nOne.\r\nTwo.\r\n",
                              "win.txt");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.article.title, "T");
  EXPECT_EQ(r.article.body, "One.\nTwo.\n");
}

TEST(ArticleFileTest, UnclosedFrontMatterIsAnError) {
  const auto r = ParseArticle("---\ntitle: T\nBody without closing line\n", "open.txt");
  EXPECT_FALSE(r.ok());
}

TEST(ArticleFileTest, OutletNameAndProvenanceAreKnownKeys) {
  const auto r = ParseArticle(
      "---\ntitle: T\noutlet: the-hollywood-reporter\noutlet_name: The Hollywood Reporter\n"
      "url: https://www.hollywoodreporter.com/a\nfetched: 2026-12-06T22:50:03Z\n"
      "http_status: 200\npage: x.html.gz\npage_sha256: abc\n---\nBody.\n",
      "x.txt");
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r.diagnostics.empty()) << r.diagnostics.front().message;
  EXPECT_EQ(r.article.outlet_name, "The Hollywood Reporter");
  EXPECT_EQ(r.article.fetched, "2026-12-06T22:50:03Z");
  EXPECT_EQ(r.article.http_status, "200");
  EXPECT_EQ(r.article.page, "x.html.gz");
  EXPECT_EQ(r.article.page_sha256, "abc");
  EXPECT_EQ(WriteArticle(ParseArticle(WriteArticle(r.article), "x.txt").article),
            WriteArticle(r.article));
}

TEST(ArticleFileTest, SiteNameIsReadAsTheOutletName) {
  // What ingest wrote before outlets were named from pages: no warning, the name is kept.
  const auto r = ParseArticle(
      "---\ntitle: T\noutlet: thr\nsite_name: The Hollywood Reporter\n---\nBody.\n", "x.txt");
  EXPECT_TRUE(r.diagnostics.empty()) << r.diagnostics.front().message;
  EXPECT_EQ(r.article.outlet_name, "The Hollywood Reporter");
  EXPECT_TRUE(r.article.extra.empty());
  EXPECT_NE(WriteArticle(r.article).find("outlet_name: The Hollywood Reporter\n"),
            std::string::npos);
  // With no `outlet:`, the id comes from the name.
  const auto named =
      ParseArticle("---\ntitle: T\nsite_name: Кавказский вестник\n---\nB.\n", "y.txt");
  EXPECT_TRUE(named.diagnostics.empty()) << named.diagnostics.front().message;
  EXPECT_EQ(named.article.outlet, "kavkazskij-vestnik");
}

}  // namespace
}  // namespace parallax
