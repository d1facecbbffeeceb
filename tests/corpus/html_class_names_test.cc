#include "corpus/html_class_names.h"

#include <gtest/gtest.h>

namespace parallax::internal {
namespace {

TEST(HtmlClassNamesTest, LeadNames) {
  for (const char* name :
       {"lead", "article-lead", "entry-excerpt", "ts-intro", "teaser-text", "teaserText",
        "subtitle", "c-article-head__subtitle", "chapo", "standfirst", "article-summary"}) {
    EXPECT_TRUE(IsLeadName(name)) << name;
  }
  for (const char* name : {"teaser", "teaser-list", "leader-board", "introduce", "main"}) {
    EXPECT_FALSE(IsLeadName(name)) << name;
  }
}

TEST(HtmlClassNamesTest, LeadNamesAreContent) {
  EXPECT_GT(NameVerdict("teaser-text"), 0);
  EXPECT_LT(NameVerdict("teaser"), 0);
  EXPECT_GT(NameVerdict("article-intro"), 0);
  // A strong boilerplate word still wins: a comment's summary is not the article's lead.
  EXPECT_LT(NameVerdict("comment-summary"), 0);
}

TEST(HtmlClassNamesTest, MetadataIsBoilerplateEvenInsideAContentWord) {
  // A post's date and category line, an image's caption and credit.
  for (const char* name : {"postmetadata", "entry-metadata", "img-metadata__title"}) {
    EXPECT_LT(NameVerdict(name), 0) << name;
  }
  EXPECT_GT(NameVerdict("post-content"), 0);
}

// Whether `test` holds for a <div> with the class `value`.
bool WithClass(bool (*test)(const xmlNode*), const char* value) {
  xmlDoc* doc = xmlNewDoc(reinterpret_cast<const xmlChar*>("1.0"));
  xmlNode* div = xmlNewNode(nullptr, reinterpret_cast<const xmlChar*>("div"));
  xmlDocSetRootElement(doc, div);
  xmlSetProp(div, reinterpret_cast<const xmlChar*>("class"),
             reinterpret_cast<const xmlChar*>(value));
  const bool holds = test(div);
  xmlFreeDoc(doc);
  return holds;
}

TEST(HtmlClassNamesTest, SignupBoxes) {
  EXPECT_TRUE(WithClass(IsSignupBox, "newsletter"));
  EXPECT_TRUE(WithClass(IsSignupBox, "subscribeBox"));
  EXPECT_TRUE(WithClass(IsSignupBox, "footer-signup"));
  EXPECT_FALSE(WithClass(IsSignupBox, "entry-content"));
  EXPECT_FALSE(WithClass(IsSignupBox, "sign-language"));
}

TEST(HtmlClassNamesTest, CommentSections) {
  EXPECT_TRUE(WithClass(IsCommentSection, "comments-area"));
  EXPECT_TRUE(WithClass(IsCommentSection, "commentList"));
  EXPECT_TRUE(WithClass(IsCommentSection, "respond"));
  EXPECT_FALSE(WithClass(IsCommentSection, "entry-content"));
  EXPECT_FALSE(WithClass(IsCommentSection, "recommend"));
}

}  // namespace
}  // namespace parallax::internal
