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

TEST(HtmlClassNamesTest, SignupBoxes) {
  xmlDoc* doc = xmlNewDoc(reinterpret_cast<const xmlChar*>("1.0"));
  xmlNode* div = xmlNewNode(nullptr, reinterpret_cast<const xmlChar*>("div"));
  xmlDocSetRootElement(doc, div);
  const auto with_class = [&](const char* value) {
    xmlSetProp(div, reinterpret_cast<const xmlChar*>("class"),
               reinterpret_cast<const xmlChar*>(value));
    return IsSignupBox(div);
  };
  EXPECT_TRUE(with_class("newsletter"));
  EXPECT_TRUE(with_class("subscribeBox"));
  EXPECT_TRUE(with_class("footer-signup"));
  EXPECT_FALSE(with_class("entry-content"));
  EXPECT_FALSE(with_class("sign-language"));
  xmlFreeDoc(doc);
}

TEST(HtmlClassNamesTest, CommentSections) {
  xmlDoc* doc = xmlNewDoc(reinterpret_cast<const xmlChar*>("1.0"));
  xmlNode* div = xmlNewNode(nullptr, reinterpret_cast<const xmlChar*>("div"));
  xmlDocSetRootElement(doc, div);
  const auto with_class = [&](const char* value) {
    xmlSetProp(div, reinterpret_cast<const xmlChar*>("class"),
               reinterpret_cast<const xmlChar*>(value));
    return IsCommentSection(div);
  };
  EXPECT_TRUE(with_class("comments-area"));
  EXPECT_TRUE(with_class("commentList"));
  EXPECT_TRUE(with_class("respond"));
  EXPECT_FALSE(with_class("entry-content"));
  EXPECT_FALSE(with_class("recommend"));
  xmlFreeDoc(doc);
}

}  // namespace
}  // namespace parallax::internal
