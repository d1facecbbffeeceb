#include "corpus/html_main_text.h"

#include <gtest/gtest.h>
#include <libxml/tree.h>

#include <string>
#include <vector>

#include "corpus/html_extractor.h"
#include "corpus/html_parse.h"
#include "test_paths.h"

namespace parallax {
namespace {

using ::parallax::testing::ReadFileOrFail;
using ::parallax::testing::TestDataDir;

// The pages under tests/data/html/rules are written for these tests: each shows one kind of
// page the main-text rules must handle, around the same three paragraphs of a short story.
constexpr const char* kFirst = "The council met on Tuesday evening to discuss the new bridge";
constexpr const char* kLast = "The engineer in charge explained that the foundations";

std::vector<std::string> Paragraphs(const std::string& name) {
  HtmlExtractOptions options;
  options.source_name = name;
  return ExtractHtml(ReadFileOrFail(TestDataDir() + "/html/rules/" + name), options).paragraphs;
}

std::string Joined(const std::vector<std::string>& paragraphs) {
  std::string out;
  for (const std::string& p : paragraphs) out += p + "\n";
  return out;
}

bool Has(const std::string& text, const std::string& needle) {
  return text.find(needle) != std::string::npos;
}

TEST(HtmlMainTextTest, ArticleSwallowedByAnUnclosedMenuIsKept) {
  const std::string text = Joined(Paragraphs("swallowed_by_menu.html"));
  EXPECT_TRUE(Has(text, kFirst)) << text;
  EXPECT_TRUE(Has(text, kLast)) << text;
}

TEST(HtmlMainTextTest, MainRegionSwallowedByABannerIsKept) {
  const std::string text = Joined(Paragraphs("swallowed_by_banner.html"));
  EXPECT_TRUE(Has(text, kFirst)) << text;
  EXPECT_TRUE(Has(text, kLast)) << text;
}

TEST(HtmlMainTextTest, PageSwallowedByAnUnclosedNoscriptIsKept) {
  const std::string text = Joined(Paragraphs("unclosed_noscript.html"));
  EXPECT_TRUE(Has(text, kFirst)) << text;
  EXPECT_TRUE(Has(text, kLast)) << text;
}

TEST(HtmlMainTextTest, PopupWithMoreTextThanTheArticleIsStillChrome) {
  const std::string text = Joined(Paragraphs("popup_overlay.html"));
  EXPECT_TRUE(Has(text, kFirst)) << text;
  EXPECT_FALSE(Has(text, "cookies and unique identifiers")) << text;
  EXPECT_FALSE(Has(text, "withdraw your consent")) << text;
}

TEST(HtmlMainTextTest, TextLeftInHeadMovesToBody) {
  const std::string html = ReadFileOrFail(TestDataDir() + "/html/rules/popup_overlay.html");
  internal::DocPtr doc = internal::ParseHtml(html, "UTF-8", 256, nullptr);
  ASSERT_NE(doc, nullptr);
  // The tree a misparsed page leaves: the story's block inside <head>.
  xmlNode* root = xmlDocGetRootElement(doc.get());
  xmlNode* head = nullptr;
  xmlNode* story = nullptr;
  for (xmlNode* c = root->children; c != nullptr; c = c->next) {
    if (internal::Is(c, "head")) head = c;
    if (internal::Is(c, "body")) {
      for (xmlNode* b = c->children; b != nullptr; b = b->next) {
        if (internal::Is(b, "div") && internal::Attr(b, "class") == "story") story = b;
      }
    }
  }
  ASSERT_NE(head, nullptr);
  ASSERT_NE(story, nullptr);
  xmlUnlinkNode(story);
  xmlAddChild(head, story);
  const std::string text = Joined(internal::ExtractMainText(doc.get(), {}, {}));
  EXPECT_TRUE(Has(text, kFirst)) << text;
  EXPECT_FALSE(Has(text, "cookies and unique identifiers")) << text;
}

TEST(HtmlMainTextTest, LeadParagraphsNamedAsSuchAreKeptFirst) {
  const std::vector<std::string> paragraphs = Paragraphs("lead_in_header.html");
  const std::string text = Joined(paragraphs);
  ASSERT_GE(paragraphs.size(), 3u) << text;
  // The lead sits in a header box whose name says chrome; the byline beside it stays out.
  EXPECT_TRUE(Has(paragraphs[0], "Members of the council want a second survey")) << text;
  EXPECT_TRUE(Has(paragraphs[1], "Night work on the site will go on")) << text;
  EXPECT_TRUE(Has(text, kFirst)) << text;
  EXPECT_FALSE(Has(text, "By a staff writer")) << text;
  EXPECT_FALSE(Has(text, "The bridge debate goes on")) << text;  // the title, an h1
}

TEST(HtmlMainTextTest, LeadBoxNamedAsChromeKeepsItsLead) {
  const std::vector<std::string> paragraphs = Paragraphs("lead_box_named_as_header.html");
  const std::string text = Joined(paragraphs);
  ASSERT_GE(paragraphs.size(), 2u) << text;
  EXPECT_TRUE(Has(paragraphs[0], "Members of the council want a second survey")) << text;
  EXPECT_TRUE(Has(text, kLast)) << text;
  EXPECT_FALSE(Has(text, "11:46")) << text;
  EXPECT_FALSE(Has(text, "The bridge debate goes on")) << text;
}

TEST(HtmlMainTextTest, SubtitleAndTheBlockRepeatingTheDescriptionAreTheLead) {
  const std::vector<std::string> paragraphs = Paragraphs("summary_and_subtitle.html");
  const std::string text = Joined(paragraphs);
  ASSERT_GE(paragraphs.size(), 3u) << text;
  EXPECT_EQ(paragraphs[0], "A second survey of the northern bank is on the agenda") << text;
  EXPECT_EQ(paragraphs[1],
            "Residents near the river ask for quiet nights while crews race the winter floods.")
      << text;
  EXPECT_TRUE(Has(paragraphs[2], kFirst)) << text;
}

TEST(HtmlMainTextTest, DataTableStaysAndLinkLinesAndTitlesEndingTheArticleGo) {
  const std::vector<std::string> paragraphs = Paragraphs("orphan_titles.html");
  const std::string text = Joined(paragraphs);
  EXPECT_TRUE(Has(text, "Foundations on the northern bank")) << text;
  EXPECT_FALSE(Has(text, "More on this topic")) << text;
  EXPECT_FALSE(Has(text, "Further reading:")) << text;
  EXPECT_FALSE(Has(text, "New ferry timetable")) << text;
  EXPECT_FALSE(Has(text, "Follow our river coverage")) << text;
  ASSERT_FALSE(paragraphs.empty());
  EXPECT_EQ(paragraphs.back(), "Deck and railings Five") << text;
}

TEST(HtmlMainTextTest, TextBlocksOfThePageBuildersKindAreOneArticle) {
  const std::string text = Joined(Paragraphs("page_builder_columns.html"));
  EXPECT_TRUE(Has(text, kFirst)) << text;
  EXPECT_TRUE(Has(text, "The council will vote on the survey at its next meeting")) << text;
  EXPECT_FALSE(Has(text, "River levels rise again")) << text;
}

TEST(HtmlMainTextTest, CommentThreadUnderAShortPostIsNotThePost) {
  const std::string text = Joined(Paragraphs("short_post_long_comments.html"));
  EXPECT_TRUE(Has(text, "the bridge survey vote moved to Thursday")) << text;
  EXPECT_FALSE(Has(text, "Reader 1 writes")) << text;
}

TEST(HtmlMainTextTest, SignupBoxUnderAShortPostIsNotThePost) {
  const std::string text = Joined(Paragraphs("short_post_newsletter_box.html"));
  EXPECT_TRUE(Has(text, "the bridge survey vote moved to Thursday")) << text;
  EXPECT_FALSE(Has(text, "Every Friday morning")) << text;
  EXPECT_FALSE(Has(text, "Want more from us?")) << text;
}

TEST(HtmlMainTextTest, APageOfCommentsOnlyKeepsThem) {
  const std::string text = Joined(Paragraphs("forum_thread.html"));
  EXPECT_TRUE(Has(text, "Reader 1 writes")) << text;
  EXPECT_TRUE(Has(text, "Reader 6 writes")) << text;
}

TEST(HtmlMainTextTest, RecipeMarkedWithMicrodataKeepsItsIngredients) {
  const std::string text = Joined(Paragraphs("recipe_microdata.html"));
  EXPECT_TRUE(Has(text, "Peel the apples")) << text;
  EXPECT_TRUE(Has(text, "125 g flour")) << text;
  EXPECT_LT(text.find("4 apples"), text.find("Peel the apples")) << text;
}

TEST(HtmlMainTextTest, RecipeKeepsItsMethodSetApart) {
  const std::string text = Joined(Paragraphs("recipe_method.html"));
  EXPECT_TRUE(Has(text, "Every September the old plum tree")) << text;
  EXPECT_TRUE(Has(text, "Halve the plums and take out the stones.")) << text;
  EXPECT_TRUE(Has(text, "bake for fifty minutes.")) << text;
  EXPECT_LT(text.find("500 g plums"), text.find("Halve the plums")) << text;
  EXPECT_FALSE(Has(text, "Apple pie")) << text;
}

TEST(HtmlMainTextTest, ArticleShownOnlyWithoutScriptsIsKept) {
  const std::string text = Joined(Paragraphs("noscript_article.html"));
  EXPECT_TRUE(Has(text, kFirst)) << text;
  EXPECT_TRUE(Has(text, kLast)) << text;
  EXPECT_FALSE(Has(text, "turn on JavaScript")) << text;
}

TEST(HtmlMainTextTest, RecipeKeepsItsIngredientsBesideItsMethod) {
  const std::string text = Joined(Paragraphs("recipe_ingredients.html"));
  EXPECT_TRUE(Has(text, "Peel the apples")) << text;
  EXPECT_TRUE(Has(text, "serve it warm with cream")) << text;
  EXPECT_TRUE(Has(text, "4 apples")) << text;
  EXPECT_TRUE(Has(text, "125 g flour")) << text;
  EXPECT_TRUE(Has(text, "80 g brown sugar")) << text;
  EXPECT_LT(text.find("4 apples"), text.find("Peel the apples")) << text;  // in page order
  EXPECT_FALSE(Has(text, "Recalculate")) << text;
  EXPECT_FALSE(Has(text, "Plum tart")) << text;
}

TEST(HtmlMainTextTest, RubyReadingsAreNotText) {
  const std::string text = Joined(Paragraphs("ruby_and_nfc.html"));
  EXPECT_TRUE(Has(text, "今日は漢字の練習をしました。")) << text;
  EXPECT_FALSE(Has(text, "かんじ")) << text;
}

TEST(HtmlMainTextTest, ParagraphsOfAKeptNoscriptRoot) {
  const std::string html = "<html><body><noscript><p>Only text here.</p></noscript></body></html>";
  internal::DocPtr doc = internal::ParseHtml(html, "UTF-8", 256, nullptr);
  ASSERT_NE(doc, nullptr);
  xmlNode* body = internal::FindBody(doc.get());
  ASSERT_NE(body, nullptr);
  xmlNode* noscript = body->children;
  while (noscript != nullptr && !internal::Is(noscript, "noscript")) noscript = noscript->next;
  ASSERT_NE(noscript, nullptr);
  EXPECT_EQ(internal::ParagraphsOf({noscript}, false, false),
            std::vector<std::string>{"Only text here."});
}

}  // namespace
}  // namespace parallax
