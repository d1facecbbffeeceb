#include "corpus/html_paragraphs.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "corpus/html_main_text.h"
#include "corpus/html_parse.h"

namespace parallax::internal {
namespace {

std::vector<std::string> Of(const std::string& body, bool drop_links, bool tidy) {
  DocPtr doc = ParseHtml("<html><body>" + body + "</body></html>", "UTF-8", 256, nullptr);
  EXPECT_NE(doc, nullptr);
  return ParagraphsOf({FindBody(doc.get())}, drop_links, tidy);
}

using Paragraphs = std::vector<std::string>;

TEST(HtmlParagraphsTest, OneParagraphPerBlockAndAtDoubleBreaks) {
  EXPECT_EQ(Of("<div>One <b>two</b><p>Three</p>Four<br>five<br><br>Six</div>", false, false),
            (Paragraphs{"One two", "Three", "Four five", "Six"}));
}

TEST(HtmlParagraphsTest, AllLinkParagraphsAreLeftOutOnRequest) {
  const std::string body = "<p>Text of the story.</p><p><a href=\"/x\">Also read this</a></p>";
  EXPECT_EQ(Of(body, true, false), (Paragraphs{"Text of the story."}));
  EXPECT_EQ(Of(body, false, false), (Paragraphs{"Text of the story.", "Also read this"}));
}

TEST(HtmlParagraphsTest, TidyEndDropsClosingLinkLinesAndEmptyTitles) {
  const std::string body =
      "<p>First paragraph of the story.</p><h2>A section</h2><p>Its text.</p>"
      "<p>Sources:</p><h3>More on this</h3><p>Follow <a href=\"/us\">us</a> for more.</p>";
  EXPECT_EQ(Of(body, true, true),
            (Paragraphs{"First paragraph of the story.", "A section", "Its text."}));
  // Without tidying, all of it stays.
  EXPECT_EQ(Of(body, true, false).size(), 6u);
}

TEST(HtmlParagraphsTest, CreditLinesAreLeftOutWithLinkParagraphs) {
  const std::string story =
      "The museum's lawyers argued that the \u00a9 sign printed under the old photographs proved "
      "nothing about who owned them, and the court agreed after a hearing that lasted two days "
      "and drew a large crowd of reporters, historians and neighbours to the old town hall.";
  const std::string body = "<p>" + story +
                           "</p><div><img src='a.jpg'><p>The bridge at dawn. | \u00a9 Photo "
                           "Agency</p></div><p>\u00a9 2024 Town News. All rights reserved.</p>";
  EXPECT_EQ(Of(body, true, false), (Paragraphs{story}));
  EXPECT_EQ(Of(body, false, false).size(), 3u);
}

TEST(HtmlParagraphsTest, TableRowIsOneLine) {
  EXPECT_EQ(Of("<table><tr><th>Weight</th><td>2 kg</td></tr><tr><td>125 g</td><td><a "
               "href='/f'>flour</a></td></tr></table><p>After.</p>",
               true, false),
            (Paragraphs{"Weight 2 kg", "125 g flour", "After."}));
}

TEST(HtmlParagraphsTest, NoscriptLeftBelowARootIsRead) {
  // DropChrome leaves a <noscript> only when it holds the page's text.
  EXPECT_EQ(Of("<div><noscript><p>Text of the story.</p></noscript><script>x()</script></div>",
               false, false),
            (Paragraphs{"Text of the story."}));
}

TEST(HtmlParagraphsTest, TagVocabulary) {
  EXPECT_TRUE(IsDroppedTag("rt"));
  EXPECT_TRUE(IsDroppedTag("script"));
  EXPECT_FALSE(IsDroppedTag("p"));
  EXPECT_TRUE(IsBlockTag("li"));
  EXPECT_FALSE(IsBlockTag("span"));
  EXPECT_TRUE(IsHeading("h3"));
  EXPECT_FALSE(IsHeading("hr"));
}

}  // namespace
}  // namespace parallax::internal
