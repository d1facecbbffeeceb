#include "corpus/html_chrome.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "corpus/html_parse.h"

namespace parallax::internal {
namespace {

xmlNode* ById(xmlNode* root, const std::string& id) {
  xmlNode* found = nullptr;
  Walk(
      root,
      [&](xmlNode* n) {
        if (found == nullptr && IsElement(n) && Attr(n, "id") == id) found = n;
        return found == nullptr;
      },
      [](xmlNode*) {});
  return found;
}

TEST(HtmlChromeTest, OnlyTheOutermostOfNestedNodesIsRemoved) {
  DocPtr doc = ParseHtml(
      "<html><body><div id='a'><div id='b'>x</div></div><p id='c'>y</p><p>z</p></body></html>",
      "UTF-8", 256, nullptr);
  xmlNode* body = FindBody(doc.get());
  ASSERT_NE(body, nullptr);
  std::vector<xmlNode*> nodes = {ById(body, "b"), ById(body, "a"), ById(body, "c"),
                                 ById(body, "a")};
  KeepOutermost(nodes);
  ASSERT_EQ(nodes.size(), 2u);
  EXPECT_EQ(Attr(nodes[0], "id"), "a");
  EXPECT_EQ(Attr(nodes[1], "id"), "c");
  RemoveNodes(nodes);
  EXPECT_TRUE(nodes.empty());
  EXPECT_EQ(VisibleTextSize(body), 1u);  // "z"
}

TEST(HtmlChromeTest, HiddenAndNeverContentElementsAreDropped) {
  DocPtr doc = ParseHtml(
      "<html><body><nav>Menu</nav><p>Story text.</p><div hidden>Secret</div>"
      "<script>x()</script><!-- note --></body></html>",
      "UTF-8", 256, nullptr);
  xmlNode* body = FindBody(doc.get());
  DropChrome(body);
  EXPECT_EQ(TextOf(body), "Story text.");
  EXPECT_EQ(ParagraphTextSize(body), 11u);  // "Story text."
}

}  // namespace
}  // namespace parallax::internal
