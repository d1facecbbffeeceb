#include "corpus/outlets.h"

#include <gtest/gtest.h>

#include "test_paths.h"

namespace parallax {
namespace {

TEST(OutletsTest, ShippedOutletsFileLoadsWithFiveOutlets) {
  const auto r = LoadOutlets(testing::SourceDir() + "/corpus/outlets.xml");
  EXPECT_TRUE(r.diagnostics.empty()) << r.diagnostics[0].ToString();
  ASSERT_EQ(r.file.outlets.size(), 5u);
  for (const Outlet& o : r.file.outlets) {
    EXPECT_FALSE(o.name.empty()) << o.id;
    EXPECT_FALSE(o.description.empty()) << o.id;
    EXPECT_FALSE(o.base.empty()) << o.id;
    EXPECT_FALSE(o.languages.empty()) << o.id;
    EXPECT_FALSE(o.domains.empty()) << o.id;
  }
  ASSERT_NE(r.file.Find("oc-media"), nullptr);
  EXPECT_EQ(r.file.Find("oc-media")->name, "OC Media");
}

TEST(OutletsTest, FindsOutletByUrlAndSubdomain) {
  const auto r = LoadOutlets(testing::SourceDir() + "/corpus/outlets.xml");
  const Outlet* o = r.file.FindByUrl("https://www.themoscowtimes.com/2023/04/23/a1");
  ASSERT_NE(o, nullptr);
  EXPECT_EQ(o->id, "moscow-times");
  EXPECT_EQ(r.file.FindByUrl("https://example.org/x"), nullptr);
}

TEST(OutletsTest, ErrorsNameLineAndHint) {
  const auto r = ParseOutlets(
      "<outlets>\n<outlet id='a'><name>A</name>\n"
      "<boilerplate "
      "match='regex'>x</boilerplate></outlet>\n<outlet><name>B</name></outlet>\n</outlets>",
      "o.xml");
  ASSERT_EQ(r.diagnostics.size(), 2u);
  EXPECT_EQ(r.diagnostics[0].line, 3);
  EXPECT_NE(r.diagnostics[0].hint.find("prefix"), std::string::npos);
  EXPECT_EQ(r.diagnostics[1].line, 4);
  EXPECT_EQ(r.file.outlets.size(), 1u);
}

TEST(OutletsTest, EntityDeclarationsAreRefusedNotExpanded) {
  const auto r = ParseOutlets(
      "<?xml version='1.0'?>\n<!DOCTYPE outlets [<!ENTITY x SYSTEM 'file:///etc/passwd'>]>\n"
      "<outlets><outlet id='a'><name>&x;</name></outlet></outlets>",
      "xxe.xml");
  EXPECT_TRUE(HasErrors(r.diagnostics));
  EXPECT_TRUE(r.file.outlets.empty());
  for (const Diagnostic& d : r.diagnostics) EXPECT_EQ(d.message.find("root:"), std::string::npos);
}

TEST(OutletsTest, MalformedXmlGivesLine) {
  const auto r = ParseOutlets("<outlets>\n<outlet id='a'>\n</outlets>", "broken.xml");
  ASSERT_TRUE(HasErrors(r.diagnostics));
  EXPECT_EQ(r.diagnostics[0].path, "broken.xml");
  EXPECT_GT(r.diagnostics[0].line, 0);
}

// An unknown outlet is the user's to describe in a file of their own, passed with --outlets.
TEST(OutletsTest, UnknownOutletHintNamesTheOutletsFlag) {
  const std::string by_id = UnknownOutletHint("corpus/outlets.xml");
  EXPECT_NE(by_id.find("--outlets FILE"), std::string::npos) << by_id;
  EXPECT_NE(by_id.find("a copy of corpus/outlets.xml"), std::string::npos) << by_id;
  EXPECT_NE(by_id.find("<outlet>"), std::string::npos) << by_id;
  const std::string by_domain = UnknownOutletHint("", "civil.ge");
  EXPECT_NE(by_domain.find("<domain>civil.ge</domain>"), std::string::npos) << by_domain;
  EXPECT_NE(by_domain.find("--outlets FILE"), std::string::npos) << by_domain;
}

// An article's `outlet: CNN` is the outlets file's `cnn`; two ids that differ only in case are
// one id twice.
TEST(OutletsTest, IdsCompareIgnoringCase) {
  const auto r = ParseOutlets(
      "<outlets>\n<outlet id='cnn'><name>CNN</name></outlet>\n"
      "<outlet id='Эхо'><name>Эхо</name></outlet>\n<outlet id='CNN'/>\n</outlets>",
      "o.xml");
  ASSERT_EQ(r.file.outlets.size(), 2u);
  ASSERT_NE(r.file.Find("CNN"), nullptr);
  EXPECT_EQ(r.file.Find("CNN")->id, "cnn");
  ASSERT_NE(r.file.Find("эхо"), nullptr);
  EXPECT_EQ(r.file.Find("эхо")->id, "Эхо");
  EXPECT_EQ(r.file.Find("cnnx"), nullptr);
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].line, 4);
  EXPECT_NE(r.diagnostics[0].message.find("duplicate outlet id 'CNN' (ids compare ignoring case: "
                                          "'cnn')"),
            std::string::npos)
      << r.diagnostics[0].message;
}

}  // namespace
}  // namespace parallax
