#include "corpus/boilerplate.h"

#include <gtest/gtest.h>

#include <set>
#include <utility>

#include "corpus/article_file.h"
#include "corpus/outlets.h"
#include "test_paths.h"

namespace parallax {
namespace {

using testing::SourceDir;

// The shipped corpus holds the five seeds byte for byte; these tests name each seed and each
// line that ../shared/seeds/README.md lists as boilerplate.
Article CleanSeed(const std::string& file) {
  const auto outlets = LoadOutlets(SourceDir() + "/corpus/outlets.xml");
  auto r = ReadArticleFile(SourceDir() + "/corpus/lachin-2023/" + file);
  EXPECT_TRUE(r.ok());
  CleanArticle(r.article, outlets.file.Find(r.article.outlet));
  return r.article;
}

// Trims ASCII spaces, no-break spaces (U+00A0) and hair spaces (U+200A), as pasted text has them.
std::string Trim(std::string s) {
  for (bool changed = true; changed;) {
    changed = false;
    for (const std::string ws : {" ", "\t", "\r", "\xC2\xA0", "\xE2\x80\x8A"}) {
      if (s.rfind(ws, 0) == 0) {
        s.erase(0, ws.size());
        changed = true;
      }
      if (s.size() >= ws.size() && s.compare(s.size() - ws.size(), ws.size(), ws) == 0) {
        s.erase(s.size() - ws.size());
        changed = true;
      }
    }
  }
  return s;
}

// Asserts that exactly `expected` (line text prefix, rule) were removed, in order, and that
// every other non-blank line of the body is in the clean text.
void ExpectRemoved(const Article& a,
                   const std::vector<std::pair<std::string, std::string>>& expected) {
  ASSERT_EQ(a.removed.size(), expected.size()) << a.id;
  for (std::size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(a.removed[i].text.rfind(expected[i].first, 0), 0u)
        << a.id << ": removed line " << i << " is '" << a.removed[i].text << "'";
    EXPECT_EQ(a.removed[i].rule, expected[i].second) << a.id << ": " << a.removed[i].text;
  }
  std::set<std::string> removed;
  for (const auto& r : a.removed) removed.insert(r.text);
  std::size_t start = 0;
  while (start < a.body.size()) {
    std::size_t end = a.body.find('\n', start);
    if (end == std::string::npos) end = a.body.size();
    const std::string line = Trim(a.body.substr(start, end - start));
    start = end + 1;
    if (line.empty() || removed.count(line)) continue;
    EXPECT_NE(a.text.find(line), std::string::npos) << a.id << ": article text lost: " << line;
  }
  // The clean text maps back to the body byte for byte.
  for (const TextSegment& s : a.segments) {
    EXPECT_EQ(a.text.substr(s.clean_start, s.length), a.body.substr(s.body_start, s.length));
  }
}

TEST(BoilerplateTest, KommersantHasNoBoilerplate) {
  const Article a = CleanSeed("000_kommersant.txt");
  ExpectRemoved(a, {});
  // The translation glitches are article text as published, and stay.
  EXPECT_NE(a.text.find("b\xE2\x80\x9D), taking measures"), std::string::npos);
}

TEST(BoilerplateTest, MoscowTimesAppealCaptionAndTail) {
  const Article a = CleanSeed("001_moscow-times.txt");
  ExpectRemoved(a, {{"Support The Moscow Times!", "donation-appeal"},
                    {"Police officers guard the Armenian-Azerbaijani border", "photo-caption"},
                    {"\xE2\x80\xA6 we have a small favor to ask.", "donation-appeal"},
                    {"As you may have heard", "donation-appeal"},
                    {"We, the journalists of The Moscow Times", "donation-appeal"},
                    {"Your support, no matter how small", "donation-appeal"},
                    {"Continue", "donation-appeal"},
                    {"Read more", "donation-appeal"}});
  EXPECT_NE(a.text.find("Azerbaijan said it was responding to enemy fire."), std::string::npos);
  EXPECT_NE(a.text.find("'Gross violation'"), std::string::npos);
}

TEST(BoilerplateTest, OcMediaAppealsDatelineCaptionLinksAndNamingNote) {
  const Article a = CleanSeed("002_oc-media.txt");
  ExpectRemoved(a, {{"Become an OC Media Member", "membership-appeal"},
                    {"Support independent journalism in the Caucasus", "membership-appeal"},
                    {"Become a member", "membership-appeal"},
                    {"24 April 2023", "dateline"},
                    {"Footage from RFE/RL", "photo-caption"},
                    {"[Read more: Stepanakert and Baku meet", "related-link"},
                    {"For ease of reading", "outlet:oc-media:naming-policy"},
                    {"Read in Georgian on On.ge.", "translation-link"},
                    {"Right now, online media in Georgia", "donation-appeal"},
                    {"Interested in directly assisting OC Media?", "membership-appeal"}});
  ASSERT_EQ(a.outlet_notes.size(), 1u);
  EXPECT_EQ(a.outlet_notes[0].rfind("For ease of reading, we choose not to use qualifiers", 0), 0u);
  EXPECT_EQ(a.text.find("For ease of reading"), std::string::npos);
}

TEST(BoilerplateTest, EurasiaDailyMonitorPublicationLineAndImageCredit) {
  const Article a = CleanSeed("003_eurasia-daily-monitor.txt");
  ExpectRemoved(
      a, {{"Publication: Eurasia Daily Monitor", "outlet:eurasia-daily-monitor:publication-line"},
          {"(Source: DW)", "photo-caption"}});
  // Inline citations are part of the sentences and stay.
  EXPECT_NE(a.text.find("(Al Jazeera, May 12)"), std::string::npos);
}

TEST(BoilerplateTest, JamnewsKickersAndRelatedLinks) {
  const Article a = CleanSeed("004_jamnews.txt");
  ExpectRemoved(a, {{"Activists close Lachin corridor", "repeated-kicker"},
                    {"- Does the Armenian population of Karabakh", "related-articles"},
                    {"- Survivors of Armenia", "related-articles"},
                    {"- \xE2\x80\x9CThere will be no more chaotic development", "related-articles"},
                    {"Activists close Lachin corridor", "repeated-kicker"}});
  EXPECT_NE(a.text.find("Expert comment"), std::string::npos);
}

TEST(BoilerplateTest, RemovedLinesCarrySourceLineNumbers) {
  const Article a = CleanSeed("001_moscow-times.txt");
  ASSERT_FALSE(a.removed.empty());
  // Front matter is 7 lines; "Support The Moscow Times!" is the first body line.
  EXPECT_EQ(a.removed[0].line, 8);
}

TEST(BoilerplateTest, GenuineBulletListIsKept) {
  Article a;
  a.body =
      "The demands were:\n- open the road;\n- let the inspectors in;\n- withdraw the troops.\n";
  CleanArticle(a, nullptr);
  EXPECT_TRUE(a.removed.empty());
}

TEST(BoilerplateTest, HardWrappedParagraphsAreJoined) {
  Article a;
  a.body =
      "This paragraph was wrapped\nat a fixed width by the\nsender's mail program.\n\nNext one.\n";
  CleanArticle(a, nullptr);
  EXPECT_EQ(
      a.text,
      "This paragraph was wrapped at a fixed width by the sender's mail program.\n\nNext one.");
  EXPECT_EQ(a.BodyOffset(a.text.find("Next")), a.body.find("Next"));
}

TEST(BoilerplateTest, OutletPatternsOnlyApplyToTheirOutlet) {
  Article a;
  a.body = "Publication: Eurasia Daily Monitor Volume: 1\n\nText.\n";
  CleanArticle(a, nullptr);
  EXPECT_TRUE(a.removed.empty());
}

}  // namespace
}  // namespace parallax
