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

// A file of blank lines and spaces is rejected as an empty one is, never a 0-word article.
TEST(ArticleFileTest, WhitespaceOnlyFileIsRejectedLikeAnEmptyOne) {
  const auto empty = ParseArticle("", "empty.txt");
  EXPECT_FALSE(empty.ok());
  ASSERT_EQ(empty.diagnostics.size(), 1u);
  EXPECT_EQ(empty.diagnostics[0].ToString().rfind("empty.txt: error: empty file", 0), 0u);
  for (const char* blank : {"\n", "\n\n  \n", " \t\r\n\r\n", "\xEF\xBB\xBF\n", "\xC2\xA0\n",
                            "\xE3\x80\x80 \xE2\x80\x8B\n"}) {
    const auto r = ParseArticle(blank, "blank.txt");
    EXPECT_FALSE(r.ok()) << '"' << blank << '"';
    ASSERT_FALSE(r.diagnostics.empty());
    EXPECT_EQ(r.diagnostics.back().ToString().rfind(
                  "blank.txt: error: the file holds only blank lines and spaces, no text", 0),
              0u)
        << r.diagnostics.back().ToString();
  }
  // One visible character is text.
  EXPECT_TRUE(ParseArticle("\n\n x\n", "x.txt").ok());
  // Front matter and no text is read (its metadata may be wanted) but warned about, at the line
  // where the text should be.
  const auto no_text = ParseArticle("---\ntitle: T\noutlet: kurir\n---\n\n  \n", "fm.txt");
  EXPECT_TRUE(no_text.ok());
  ASSERT_EQ(no_text.diagnostics.size(), 1u);
  EXPECT_EQ(no_text.diagnostics[0].ToString(),
            "fm.txt:5: warning: article has no text, only its front matter (paste the article's "
            "text after the front matter)");
}

// Known keys are read in any case and written in their canonical lower case: `Title:` is the
// title, not an unknown key beside an empty `title:`.
TEST(ArticleFileTest, FrontMatterKeysAreReadInAnyCase) {
  const auto r = ParseArticle(
      "---\nTitle: Test Banjska\nOUTLET: kurir\nDate: 2023-09-24\nLanguage: sr-Latn\n"
      "Outlet_Name: Kurir\nSection: world\n---\nBody.\n",
      "a.txt");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.article.title, "Test Banjska");
  EXPECT_EQ(r.article.outlet, "kurir");
  EXPECT_EQ(r.article.outlet_name, "Kurir");
  EXPECT_EQ(r.article.date->ToString(), "2023-09-24");
  EXPECT_EQ(r.article.language, "sr-Latn");
  // An unknown key is still kept as written, and warned about.
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_NE(r.diagnostics[0].message.find("'Section'"), std::string::npos);
  const std::string written = WriteArticle(r.article);
  EXPECT_EQ(written.rfind("---\ntitle: Test Banjska\noutlet: kurir\noutlet_name: Kurir\n"
                          "date: 2023-09-24\nlanguage: sr-Latn\nSection: world\n---\n",
                          0),
            0u)
      << written;
  EXPECT_EQ(written.find("Title:"), std::string::npos);
  // A bad date under a capitalised key is still an error at its line.
  const auto bad = ParseArticle("---\nTitle: T\nDATE: 24.09.2023\n---\nx\n", "bad.txt");
  EXPECT_FALSE(bad.ok());
  EXPECT_NE(bad.diagnostics[0].ToString().find("bad.txt:3:"), std::string::npos);
}

// A header pasted without its `---` lines is read as the front matter, and a warning says so:
// its "Title:" never becomes part of the headline, nor "Outlet" a speaker in the text.
TEST(ArticleFileTest, HeaderPastedWithoutFencesIsReadAsFrontMatterAndSaidSo) {
  const auto r = ParseArticle(
      "\nTitle: Predsednik Vučić: Trojica Srba su stradala\nOutlet: kurir\nDate: 2023-09-24\n\n"
      "Predsednik je rekao.\n",
      "04_kurir.txt");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.article.title, "Predsednik Vučić: Trojica Srba su stradala");
  EXPECT_EQ(r.article.outlet, "kurir");
  EXPECT_EQ(r.article.date->ToString(), "2023-09-24");
  EXPECT_EQ(r.article.body, "Predsednik je rekao.\n");
  EXPECT_EQ(r.article.body_line, 6);
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].severity, Severity::kWarning);
  EXPECT_EQ(r.diagnostics[0].ToString().rfind(
                "04_kurir.txt:2:1: warning: lines 2-4 read as the front matter (title, outlet, "
                "date)",
                0),
            0u)
      << r.diagnostics[0].ToString();
  EXPECT_NE(r.diagnostics[0].hint.find("'---'"), std::string::npos);
  // Written back, it has its `---` lines and no note any more.
  const auto again = ParseArticle(WriteArticle(r.article), "04_kurir.txt");
  EXPECT_EQ(again.article.title, r.article.title);
  EXPECT_TRUE(again.diagnostics.empty());

  // Keys in lower case, an unknown key among them (kept), the body right after the header.
  const auto lower =
      ParseArticle("title: T\nsource: agency\nlanguage: sr\nBody line.\n", "lower.txt");
  ASSERT_TRUE(lower.ok());
  EXPECT_EQ(lower.article.title, "T");
  EXPECT_EQ(lower.article.language, "sr");
  ASSERT_EQ(lower.article.extra.size(), 1u);
  EXPECT_EQ(lower.article.extra[0].first, "source");
  EXPECT_EQ(lower.article.body, "Body line.\n");

  // A header without a title: the headline of the pasted article follows it.
  const auto untitled =
      ParseArticle("Outlet: kurir\nDate: 2023-09-24\n\nHeadline\n\nBody.\n", "u.txt");
  EXPECT_EQ(untitled.article.outlet, "kurir");
  EXPECT_EQ(untitled.article.title, "Headline");
  EXPECT_EQ(untitled.article.body, "\nBody.\n");

  // A date such a header writes as a page does ("24 September 2023") is warned about at its
  // line and left unset: the article is still read (between `---` lines it is an error).
  const auto bad = ParseArticle("Title: T\nDate: 24 September 2023\n\nBody.\n", "bad.txt");
  EXPECT_TRUE(bad.ok());
  EXPECT_FALSE(bad.article.date.has_value());
  EXPECT_EQ(bad.article.title, "T");
  bool at_line = false;
  for (const Diagnostic& d : bad.diagnostics) {
    at_line |= d.ToString().rfind("bad.txt:2:1: warning: bad date", 0) == 0;
  }
  EXPECT_TRUE(at_line);
}

// Text that only looks like a header stays text: one known key, a headline with a colon, key
// lines after the first paragraph, a `Key: value` line of no known key.
TEST(ArticleFileTest, TextThatOnlyLooksLikeAHeaderStaysText) {
  const auto one = ParseArticle("Title: The play\n\nIt opened on Friday.\n", "one.txt");
  EXPECT_EQ(one.article.title, "Title: The play");
  const auto speaker =
      ParseArticle("Vučić: Ubijeno troje Srba\nDate: 2023-09-24\nBody.\n", "speaker.txt");
  EXPECT_EQ(speaker.article.title, "Vučić: Ubijeno troje Srba");
  EXPECT_FALSE(speaker.article.date);
  const auto later =
      ParseArticle("Headline\n\nTitle: X\nOutlet: y\nDate: 2023-09-24\n", "later.txt");
  EXPECT_EQ(later.article.title, "Headline");
  EXPECT_TRUE(later.article.outlet.empty());
  const auto unknown = ParseArticle("Police: four dead\nArmy: none\n\nText.\n", "unknown.txt");
  EXPECT_EQ(unknown.article.title, "Police: four dead");
  for (const auto* r : {&one, &speaker, &later, &unknown}) {
    for (const Diagnostic& d : r->diagnostics) {
      EXPECT_EQ(d.message.find("front matter"), std::string::npos) << d.ToString();
    }
  }
}

// Articles that name no outlet are outlets of their own, named by their files, never one
// nameless outlet.
TEST(ArticleFileTest, AnArticleWithoutOutletIsAnOutletOfItsOwn) {
  std::vector<Article> articles(5);
  articles[0].source_path = "story/pasted-1.txt";
  articles[1].source_path = "story/pasted 2.txt";
  articles[2].source_path = "story/pasted-2.txt";  // the same slug as "pasted 2"
  articles[3].source_path = "story/kurir.txt";
  articles[3].outlet = "kurir";
  articles[4].source_path = "story/Лачин.md";
  for (Article& a : articles) GiveOwnOutlet(a);
  MakeOwnOutletsDistinct(articles);
  EXPECT_EQ(articles[0].outlet, "no-outlet-pasted-1");
  EXPECT_EQ(articles[0].outlet_name, "no outlet (pasted-1.txt)");
  EXPECT_EQ(articles[1].outlet, "no-outlet-pasted-2");
  EXPECT_EQ(articles[1].outlet_name, "no outlet (pasted 2.txt)");
  EXPECT_EQ(articles[2].outlet, "no-outlet-pasted-2-2");
  EXPECT_EQ(articles[2].outlet_name, "no outlet (pasted-2.txt)");
  EXPECT_EQ(articles[3].outlet, "kurir");
  EXPECT_TRUE(articles[3].outlet_name.empty());
  EXPECT_FALSE(HasOwnOutlet(articles[3]));
  EXPECT_EQ(articles[4].outlet, "no-outlet-lacin");
  EXPECT_EQ(articles[4].outlet_name, "no outlet (Лачин.md)");
  EXPECT_TRUE(HasOwnOutlet(articles[4]));
}

// A folder's README (any case, any extension) is its notes, not an article.
TEST(ArticleFileTest, AFoldersReadmeIsNotes) {
  for (const char* name : {"README", "README.md", "readme.txt", "ReadMe.markdown"}) {
    EXPECT_TRUE(IsFolderNotes(name)) << name;
  }
  for (const char* name : {"readme-kurir.txt", "readmes.md", "pasted-1.txt", "read.me", ""}) {
    EXPECT_FALSE(IsFolderNotes(name)) << name;
  }
  const Diagnostic d = FolderNotesSkipped("story/README.md");
  EXPECT_EQ(d.path, "story/README.md");
  EXPECT_EQ(d.severity, Severity::kWarning);
  EXPECT_NE(d.message.find("skipped"), std::string::npos);
}

// The same file name in two folders (align reads several) is two outlets too; ids kept apart
// from their articles (align's documents) are made distinct the same way.
TEST(ArticleFileTest, TheSameFileNameInTwoFoldersIsTwoOutlets) {
  std::vector<Article> articles(2);
  articles[0].source_path = "s1/pasted-1.txt";
  articles[1].source_path = "s2/pasted-1.txt";
  for (Article& a : articles) GiveOwnOutlet(a);
  EXPECT_EQ(articles[0].outlet_name, articles[1].outlet_name);
  MakeOwnOutletsDistinct(articles);
  EXPECT_EQ(articles[0].outlet, "no-outlet-pasted-1");
  EXPECT_EQ(articles[1].outlet, "no-outlet-pasted-1-2");

  std::string named = "no-outlet-x";  // a named outlet that happens to look like an own one
  std::string first = "no-outlet-x";
  std::string second = "no-outlet-x";
  MakeOwnOutletIdsDistinct({&named, &first, &second}, {"n.txt", "a/x.txt", "b/x.txt"},
                           {false, true, true});
  EXPECT_EQ(named, "no-outlet-x");
  EXPECT_EQ(first, "no-outlet-x-2");
  EXPECT_EQ(second, "no-outlet-x-3");
}

// Two articles with one id (the same file name in two folders given to align, or one `id:`
// key in two files) are told apart: the later one is read as "id-2", with a warning naming
// both files; a "-2" another article already has is passed over.
TEST(ArticleFileTest, ArticleIdsAreMadeDistinctWithAWarning) {
  std::string a = "pasted-1";
  std::string b = "pasted-1";
  std::string c = "pasted-1-2";
  std::string d = "pasted-1";
  Diagnostics diagnostics;
  MakeArticleIdsDistinct({&a, &b, &c, &d},
                         {"s1/pasted-1.txt", "s2/pasted-1.txt", "x.txt", "s3/p.txt"}, &diagnostics);
  EXPECT_EQ(a, "pasted-1");
  EXPECT_EQ(b, "pasted-1-3");  // pasted-1-2 is x.txt's own id
  EXPECT_EQ(c, "pasted-1-2");
  EXPECT_EQ(d, "pasted-1-4");
  ASSERT_EQ(diagnostics.size(), 2u);
  EXPECT_EQ(diagnostics[0].ToString().rfind("s2/pasted-1.txt:1: warning: article id 'pasted-1' is "
                                            "also the id of s1/pasted-1.txt; read as 'pasted-1-3'",
                                            0),
            0u)
      << diagnostics[0].ToString();
}

// A page copied from a browser often opens with a line of no-break spaces, or ends its lines
// with carriage returns alone: neither hides the headline, which is the title (README).
TEST(ArticleFileTest, PastedHeadlineAfterANoBreakSpaceLineIsTheTitle) {
  const auto nbsp = ParseArticle(
      "\xC2\xA0\nПриднестровье заявило о срыве переговоров\xC2\xA0\n \xC2\xA0\n"
      "Лидер Приднестровья заявил, что переговоры зашли в тупик.\n",
      "paste/myseldon.txt");
  ASSERT_TRUE(nbsp.ok());
  EXPECT_EQ(nbsp.article.title, "Приднестровье заявило о срыве переговоров");
  EXPECT_EQ(nbsp.article.body_line, 3);
  const auto cr = ParseArticle("Talks stalled\rThe leader said talks stalled.\r", "cr.txt");
  ASSERT_TRUE(cr.ok());
  EXPECT_EQ(cr.article.title, "Talks stalled");
  EXPECT_EQ(cr.article.body, "The leader said talks stalled.\n");
}

// `language:` is a BCP 47 tag: a language name is read as its tag with a did-you-mean at its
// line; a value that is neither is kept and warned about; case is no mistake.
// The one diagnostic of `r` as the user reads it ("" unless there is exactly one).
std::string OnlyDiagnostic(const ArticleReadResult& r) {
  return r.diagnostics.size() == 1 ? r.diagnostics[0].ToString() : "";
}

TEST(ArticleFileTest, LanguageIsCheckedAsABcp47Tag) {
  const auto article = [](const std::string& language) {
    return ParseArticle("---\ntitle: T\noutlet: x\nlanguage: " + language + "\n---\nText.\n",
                        "s/a.txt");
  };
  const auto english = article("english");
  EXPECT_EQ(english.article.language, "en");
  EXPECT_TRUE(OnlyDiagnostic(english).starts_with(
      "s/a.txt:4:1: warning: language 'english' is not a BCP 47 tag: did you mean 'en'? (read as "
      "'en')"))
      << OnlyDiagnostic(english);
  EXPECT_EQ(article("Русский").article.language, "ru");
  EXPECT_EQ(article("română").article.language, "ro");
  EXPECT_EQ(article("Georgian").article.language, "ka");
  EXPECT_EQ(article("ro_MD").article.language, "ro-MD");
  EXPECT_EQ(article("rus").article.language, "ru");
  const auto odd = article("Elvish");
  EXPECT_EQ(odd.article.language, "Elvish");
  EXPECT_TRUE(OnlyDiagnostic(odd).starts_with(
      "s/a.txt:4:1: warning: language 'Elvish' is not a BCP 47 tag (kept as written)"))
      << OnlyDiagnostic(odd);
  for (const std::string ok : {"en", "ru-MD", "sr-Latn-RS", "hy"}) {
    EXPECT_TRUE(article(ok).diagnostics.empty()) << ok;
    EXPECT_EQ(article(ok).article.language, ok);
  }
  EXPECT_EQ(article("EN").article.language, "en");
  EXPECT_TRUE(article("EN").diagnostics.empty());
  EXPECT_FALSE(CheckLanguageTag("e").well_formed);
  EXPECT_FALSE(CheckLanguageTag("en-").well_formed);
  EXPECT_FALSE(CheckLanguageTag("en-toolongsubtag").well_formed);
}

TEST(ArticleFileTest, UnknownGenreIsWarnedWithTheNearestKnownOne) {
  const auto newz = ParseArticle("---\ntitle: T\noutlet: x\ngenre: newz\n---\nText.\n", "s/a.txt");
  EXPECT_EQ(newz.article.genre, "newz");
  EXPECT_EQ(OnlyDiagnostic(newz),
            "s/a.txt:4:1: warning: unknown genre 'newz' (kept): did you mean 'news'? (known "
            "genres: news, analysis, opinion, interview)");
  const auto far = ParseArticle("---\ntitle: T\noutlet: x\ngenre: poem\n---\nText.\n", "a.txt");
  EXPECT_TRUE(OnlyDiagnostic(far).starts_with("a.txt:4:1: warning: unknown genre 'poem' (kept) ("))
      << OnlyDiagnostic(far);
  const auto capital =
      ParseArticle("---\ntitle: T\noutlet: x\ngenre: Opinion\n---\nText.\n", "a.txt");
  EXPECT_TRUE(capital.diagnostics.empty());
  EXPECT_EQ(capital.article.genre, "opinion");
}

// An outlet the caller gives (ingest --outlet) counts: no warning that the file names none.
TEST(ArticleFileTest, AnOutletGivenByTheCallerIsNoMissingOutlet) {
  const std::string pasted = "Talks stalled\n\nThe leader said talks stalled.\n";
  EXPECT_EQ(ParseArticle(pasted, "p.txt").diagnostics.size(), 1u);
  ArticleParseOptions options;
  options.outlet_given = true;
  EXPECT_TRUE(ParseArticle(pasted, "p.txt", options).diagnostics.empty());
}

// Outlet ids compare ignoring case: articles whose ids differ only so take the first spelling.
TEST(ArticleFileTest, OutletIdsThatDifferInCaseAreOneOutlet) {
  std::vector<Article> articles(4);
  articles[0].outlet = "Myseldon";
  articles[1].outlet = "MYSELDON";
  articles[2].outlet = "bbc";
  articles[3].outlet = "Би-би-си";
  std::vector<Article> more = articles;
  more[2].outlet = "би-би-СИ";
  more.insert(more.begin(), articles[3]);
  UnifyOutletIdCase(articles);
  EXPECT_EQ(articles[1].outlet, "Myseldon");
  EXPECT_EQ(articles[2].outlet, "bbc");
  UnifyOutletIdCase(more);
  EXPECT_EQ(more[3].outlet, "Би-би-си");
}

}  // namespace
}  // namespace parallax
