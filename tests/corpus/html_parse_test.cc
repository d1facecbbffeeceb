#include "corpus/html_parse.h"

#include <gtest/gtest.h>

#include <string>

#include "corpus/html_extractor.h"

namespace parallax::internal {
namespace {

std::string Page(const std::string& charset, const std::string& text) {
  return "<html><head><meta charset=\"" + charset + "\"><title>t</title></head><body><p>" + text +
         "</p></body></html>";
}

TEST(HtmlParseTest, WrongSingleByteDeclarationOnUtf8BytesIsReadAsUtf8) {
  HtmlExtractOptions options;
  options.source_name = "page.html";
  Diagnostics warnings;
  EXPECT_EQ(ChooseEncoding(Page("iso-8859-1", "Die Gr\xC3\xBCnen \xE2\x80\x9Eplanen\xE2\x80\x9C"),
                           options, warnings),
            "UTF-8");
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(warnings[0].message.find("declares 'windows-1252' but its bytes are UTF-8"),
            std::string::npos);
}

TEST(HtmlParseTest, RightSingleByteDeclarationStands) {
  HtmlExtractOptions options;
  Diagnostics warnings;
  // "Привет" in windows-1251: not valid UTF-8.
  EXPECT_EQ(ChooseEncoding(Page("windows-1251", "\xCF\xF0\xE8\xE2\xE5\xF2"), options, warnings),
            "windows-1251");
  // Plain ASCII gives no reason to doubt the declaration.
  EXPECT_EQ(ChooseEncoding(Page("windows-1252", "plain text"), options, warnings), "windows-1252");
  EXPECT_TRUE(warnings.empty());
}

TEST(HtmlParseTest, MultiByteDeclarationsAreLeftAlone) {
  HtmlExtractOptions options;
  Diagnostics warnings;
  EXPECT_EQ(ChooseEncoding(Page("shift_jis", "\xE6\xBC\xA2\xE5\xAD\x97"), options, warnings),
            "shift_jis");
}

TEST(HtmlParseTest, SelfClosedScriptsAndStylesAreOpenedAsBrowsersDo) {
  EXPECT_EQ(OpenSelfClosedRawTextTags("<p>No raw text tags.</p><scripts/>"), "");
  EXPECT_EQ(OpenSelfClosedRawTextTags("<script src='a.js'></script><style>p{}</style>"), "");
  EXPECT_EQ(OpenSelfClosedRawTextTags("<SCRIPT type=\"text/javascript\"/>go();</SCRIPT><p>Hi</p>"),
            "<SCRIPT type=\"text/javascript\">go();</SCRIPT><p>Hi</p>");
  EXPECT_EQ(OpenSelfClosedRawTextTags("<script data-x='a/>b' /><style/>"),
            "<script data-x='a/>b' ><style>");
}

TEST(HtmlParseTest, CodeAfterASelfClosedScriptIsNotPageText) {
  const std::string html =
      "<html><body><div class='story'><p>The council met on Tuesday evening to discuss the new "
      "bridge over the river, and members agreed to ask for a second survey.</p>"
      "<script type='text/javascript'/>(function() { document.title = 'x'; })();</script>"
      "<p>Residents said the noise from the works had kept them awake for weeks, and asked "
      "whether the schedule could be changed to daytime hours only.</p></div></body></html>";
  HtmlExtractOptions options;
  std::string text;
  for (const std::string& p : ExtractHtml(html, options).paragraphs) text += p + "\n";
  EXPECT_NE(text.find("Residents said the noise"), std::string::npos) << text;
  EXPECT_EQ(text.find("document.title"), std::string::npos) << text;
}

}  // namespace
}  // namespace parallax::internal
