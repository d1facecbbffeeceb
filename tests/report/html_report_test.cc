// HTML escaping: corpus text that looks like markup must render as visible text, never as markup.
#include "report/html_report.h"

#include <gtest/gtest.h>

#include <string>

#include "test_paths.h"

namespace parallax {
namespace {

using testing::ReadFileOrFail;
using testing::RunParallax;
using testing::TempDir;
using testing::TestDataDir;

std::string RenderHostile(const TempDir& out) {
  const auto r = RunParallax(
      {"report", TestDataDir() + "/report/hostile", "-o", out.path(), "--format", "html,md"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return ReadFileOrFail(out.path() + "/report.html");
}

TEST(HtmlReportTest, ScriptInArticleTextIsEscapedText) {
  TempDir out;
  const std::string html = RenderHostile(out);
  ASSERT_FALSE(html.empty());
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
}

TEST(HtmlReportTest, ImageAndAttributeBreakoutAreEscapedText) {
  TempDir out;
  const std::string html = RenderHostile(out);
  EXPECT_EQ(html.find("<img"), std::string::npos);
  EXPECT_EQ(html.find("<b>"), std::string::npos);
  EXPECT_NE(html.find("&lt;img src=x onerror=alert(2)&gt;"), std::string::npos);
  EXPECT_NE(html.find("&gt;&lt;b&gt;bold&lt;/b&gt;"), std::string::npos);
}

TEST(HtmlReportTest, TitleIsEscapedInEverySection) {
  TempDir out;
  const std::string html = RenderHostile(out);
  // The headline appears in the glance table and above the article text; never as a tag.
  std::size_t count = 0;
  for (std::size_t at = html.find("Checkpoint &lt;script&gt;"); at != std::string::npos;
       at = html.find("Checkpoint &lt;script&gt;", at + 1)) {
    ++count;
  }
  EXPECT_GE(count, 2u);
}

TEST(HtmlReportTest, EverySectionAndNoExternalResource) {
  TempDir out;
  const std::string html = RenderHostile(out);
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  for (const char* id : kReportSections) {
    EXPECT_NE(html.find(std::string("<section id=\"") + id + "\""), std::string::npos) << id;
  }
  EXPECT_EQ(html.find("src="), html.find("src=x"));  // only the escaped text of the article
  EXPECT_EQ(html.find("http://"), std::string::npos);
  EXPECT_EQ(html.find("https://"), std::string::npos);
  EXPECT_EQ(html.find("<link"), std::string::npos);
}

TEST(HtmlReportTest, HighlightsCarryAnchorsFiguresLinkTo) {
  TempDir out;
  const auto r = RunParallax({"report", "-o", out.path(), "--format", "html"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string html = ReadFileOrFail(out.path() + "/report.html");
  // Every in-page link points at an element that exists.
  std::size_t links = 0;
  for (std::size_t at = html.find("href=\"#"); at != std::string::npos;
       at = html.find("href=\"#", at + 1)) {
    const std::size_t start = at + 7;
    const std::string id = html.substr(start, html.find('"', start) - start);
    EXPECT_NE(html.find("id=\"" + id + "\""), std::string::npos) << "dangling link #" << id;
    ++links;
  }
  EXPECT_GT(links, 100u);
  EXPECT_NE(html.find("<mark class=\"naming p-azerbaijani"), std::string::npos);
  // Reported speech is highlighted, and events and claims say on hover what joined them.
  EXPECT_NE(html.find("<mark class=\"reported"), std::string::npos);
  EXPECT_NE(html.find("title=\"Joined by what its passages share: environmental activists"),
            std::string::npos);
}

// The legend lists the perspectives the report can colour: those of the words and speakers of
// these articles, not those of every loaded story pack.
TEST(HtmlReportTest, LegendListsOnlyThePerspectivesTheArticlesShow) {
  TempDir out;
  ASSERT_EQ(RunParallax({"report", "-o", out.path(), "--format", "html"}).exit_code, 0);
  const std::string html = ReadFileOrFail(out.path() + "/report.html");
  const std::size_t begin = html.find("<ul class=\"legend\">");
  ASSERT_NE(begin, std::string::npos);
  const std::string legend = html.substr(begin, html.find("</ul>", begin) - begin);
  for (const char* shown : {"Armenian", "Azerbaijani", "Karabakh Armenian authorities"}) {
    EXPECT_NE(legend.find(shown), std::string::npos) << shown;
  }
  for (const char* absent : {"Georgian government", "Ukrainian", "Abkhaz"}) {
    EXPECT_EQ(legend.find(absent), std::string::npos) << absent;
  }
}

// A story outside every shipped pack's scope (a police operation elsewhere) holds words the
// Karabakh pack gives a side ("terrorists", "illegal activities"): the pack does not fit, so
// the highlighted texts colour none of them with a side, and the legend lists no such side.
TEST(HtmlReportTest, APackThatDoesNotFitColoursNoHighlight) {
  TempDir story;
  TempDir out;
  testing::WriteFileOrFail(story.path() + "/000_efe.txt",
                           "---\ntitle: Police end a siege\noutlet: efe\ndate: 2023-09-24\n"
                           "language: en\n---\nPolice said the terrorists were engaged in "
                           "illegal activities near the monastery before the siege ended.\n");
  testing::WriteFileOrFail(story.path() + "/001_ap.txt",
                           "---\ntitle: Siege over\noutlet: ap\ndate: 2023-09-25\n"
                           "language: en\n---\nThe government called the attackers terrorists; "
                           "three of them were killed near the monastery.\n");
  const auto r = RunParallax({"report", story.path(), "-o", out.path(), "--format", "html"});
  ASSERT_LE(r.exit_code, 1) << r.err;
  EXPECT_NE(r.out.find("Lexicon karabakh does not fit"), std::string::npos) << r.out;
  const std::string html = ReadFileOrFail(out.path() + "/report.html");
  ASSERT_NE(html.find("terrorists"), std::string::npos);
  EXPECT_EQ(html.find("class=\"loaded p-"), std::string::npos) << "a side-coloured loaded term";
  EXPECT_EQ(html.find("class=\"naming p-"), std::string::npos) << "a side-coloured name";
  const std::size_t begin = html.find("<ul class=\"legend\">");
  ASSERT_NE(begin, std::string::npos);
  const std::string legend = html.substr(begin, html.find("</ul>", begin) - begin);
  EXPECT_EQ(legend.find("Azerbaijani"), std::string::npos) << legend;
}

// The naming chart counts the outlet's own-voice forms only: an official title it cites in
// quotation marks, and a name in the speech it reports, are no bar of the chart; the cited title
// says so when hovered.
TEST(HtmlReportTest, TheNamingChartCountsOwnVoiceFormsOnly) {
  TempDir story;
  TempDir out;
  testing::WriteFileOrFail(
      story.path() + "/000_a.txt",
      "---\ntitle: Закон принят\noutlet: a\ndate: 2024-05-14\nlanguage: ru\n---\nПарламент "
      "Грузии принял закон «О прозрачности иностранного влияния» в третьем чтении. Премьер "
      "Кобахидзе заявил, что закон о прозрачности иностранного влияния европейский. Критики "
      "называют его российским законом.\n");
  const auto r = RunParallax({"report", story.path(), "-o", out.path(), "--format", "html"});
  ASSERT_LE(r.exit_code, 1) << r.err;
  const std::string html = ReadFileOrFail(out.path() + "/report.html");
  const std::size_t begin = html.find("aria-label=\"Own-voice naming forms by perspective");
  ASSERT_NE(begin, std::string::npos);
  const std::string chart = html.substr(begin, html.find("</svg>", begin) - begin);
  EXPECT_NE(chart.find("Georgian opposition and critics: 1 of 1"), std::string::npos) << chart;
  EXPECT_EQ(chart.find("Georgian government"), std::string::npos) << chart;
  EXPECT_NE(html.find("citing an official title in quotation marks"), std::string::npos);
}

// The naming table explains each concept under its label with the lexicon's note, in the
// report's language (<note xml:lang="ru">), and in English in an English report.
TEST(HtmlReportTest, ConceptNoteInTheReportsLanguage) {
  const std::string english =
      "The main city of Karabakh has an Armenian name (Stepanakert) and an Azerbaijani name "
      "(Khankendi).";
  const std::string russian =
      "У главного города Карабаха есть армянское название (Степанакерт) и азербайджанское "
      "(Ханкенди).";
  TempDir en;
  ASSERT_EQ(RunParallax({"report", "-o", en.path(), "--format", "html"}).exit_code, 0);
  const std::string en_html = ReadFileOrFail(en.path() + "/report.html");
  EXPECT_NE(en_html.find("Stepanakert / Khankendi<div class=\"note\">" + english),
            std::string::npos);
  EXPECT_EQ(en_html.find(russian), std::string::npos);
  TempDir ru;
  ASSERT_EQ(
      RunParallax({"report", "--language", "ru", "-o", ru.path(), "--format", "html"}).exit_code,
      0);
  const std::string ru_html = ReadFileOrFail(ru.path() + "/report.html");
  EXPECT_NE(ru_html.find("Степанакерт / Ханкенди<div class=\"note\">" + russian),
            std::string::npos);
  EXPECT_EQ(ru_html.find(english), std::string::npos);
}

TEST(MarkdownReportTest, MarkupInTextIsEscaped) {
  TempDir out;
  RenderHostile(out);
  const std::string md = ReadFileOrFail(out.path() + "/report.md");
  EXPECT_EQ(md.find("<script>"), std::string::npos);
  EXPECT_NE(md.find("\\<script\\>"), std::string::npos);
}

}  // namespace
}  // namespace parallax
