#include "corpus/boilerplate.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <iterator>
#include <random>
#include <set>
#include <string_view>
#include <utility>
#include <vector>

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

// Cleans pasted text with the generic rules only and returns (removed line, rule) pairs.
std::vector<std::pair<std::string, std::string>> Removed(const std::string& body,
                                                         Article* out = nullptr) {
  Article a;
  a.body = body;
  CleanArticle(a, nullptr);
  std::vector<std::pair<std::string, std::string>> removed;
  for (const RemovedLine& r : a.removed) removed.emplace_back(r.text, r.rule);
  if (out != nullptr) *out = a;
  return removed;
}

using Pairs = std::vector<std::pair<std::string, std::string>>;

// Three paragraphs of news, so that a tail rule has text before it.
const std::string kNews =
    "Talks between the two governments resumed in Brussels on Monday after a month's pause.\n\n"
    "Officials on both sides said the border crossing would reopen to aid convoys this week.\n\n"
    "The agreement still needs the approval of parliament, which meets again on Thursday.\n\n";
const std::string kMoreNews =
    "Aid agencies welcomed the decision but warned that supplies would last only days.\n\n"
    "A further round of talks is planned for next month in Geneva.\n";

TEST(BoilerplateTest, WordPressCommentFormRunsToTheEnd) {
  Article a;
  const Pairs removed = Removed(kNews +
                                    "Leave a Reply\n\n"
                                    "Your email address will not be published. Required fields "
                                    "are marked *\n\n"
                                    "Comment *\n\nName *\n\nEmail *\n\nWebsite\n\n"
                                    "Save my name, email, and website in this browser for the "
                                    "next time I comment.\n\n"
                                    "Post Comment\n",
                                &a);
  ASSERT_EQ(removed.size(), 8u);
  for (const auto& [text, rule] : removed) EXPECT_EQ(rule, "comment-section") << text;
  EXPECT_EQ(removed[0].first, "Leave a Reply");
  EXPECT_EQ(removed[7].first, "Post Comment");
  EXPECT_EQ(a.text.find("which meets again on Thursday."), a.text.size() - 30);
}

TEST(BoilerplateTest, CommentSectionWithRepliesIsRemoved) {
  const Pairs removed = Removed(kNews +
                                "3 Comments\n\n"
                                "Jane Doe\n"
                                "March 3, 2023 at 4:15 pm\n"
                                "Great article, thanks for the detail on the convoys.\n\n"
                                "Reply\n\n"
                                "John Roe\n"
                                "I doubt parliament will approve it.\n\n"
                                "Log in to Reply\n");
  ASSERT_EQ(removed.size(), 8u);
  for (const auto& [text, rule] : removed) EXPECT_EQ(rule, "comment-section") << text;
  EXPECT_EQ(removed[0].first, "3 Comments");
}

TEST(BoilerplateTest, CommentSectionOfManyLinesIsRemovedInOnePass) {
  std::string body = kNews + kMoreNews + "\n";
  for (int i = 0; i < 20000; ++i) body += "3 Comments\n\nReply\n\n";
  Article a;
  const Pairs removed = Removed(body, &a);
  ASSERT_EQ(removed.size(), 40000u);
  EXPECT_EQ(removed.back(), (std::pair<std::string, std::string>{"Reply", "comment-section"}));
  EXPECT_EQ(a.text.find("3 Comments"), std::string::npos);
  EXPECT_NE(a.text.find("Talks between the two governments"), std::string::npos);
  EXPECT_NE(a.text.find("planned for next month in Geneva."), std::string::npos);
}

TEST(BoilerplateTest, CommentFormLinesAnywhereAreRemovedOneByOne) {
  // A comment count in the share bar at the top is no comment section: the text under it stays.
  const Pairs removed =
      Removed("12 Comments\n\n" + kNews +
              "Your email address will not be published.\n\n"
              "Save my name, email, and website in this browser for the next time I comment.\n\n"
              "More talks are planned for next month.\n");
  EXPECT_EQ(removed, (Pairs{{"12 Comments", "comment-form"},
                            {"Your email address will not be published.", "comment-form"},
                            {"Save my name, email, and website in this browser for the next "
                             "time I comment.",
                             "comment-form"}}));
}

TEST(BoilerplateTest, ReplyInArticleTextIsKept) {
  EXPECT_TRUE(Removed(kNews + "In reply, the ministry said it would leave a reply to the "
                              "commission by Friday.\n\n"
                              "Three comments by the minister drew criticism.\n")
                  .empty());
}

TEST(BoilerplateTest, SourceTrailersAreRemoved) {
  const Pairs removed =
      Removed(kNews +
              "Source link\n\nSource: Reuters\n\n"
              "This article was originally published on Example News and is republished here.\n");
  EXPECT_EQ(removed, (Pairs{{"Source link", "source-link"},
                            {"Source: Reuters", "source-link"},
                            {"This article was originally published on Example News and is "
                             "republished here.",
                             "source-link"}}));
}

TEST(BoilerplateTest, SourcesInNewsSentencesAreKept) {
  EXPECT_TRUE(
      Removed(kNews +
              "Sources said the talks had stalled over the sequencing of the withdrawal.\n\n"
              "Source: a senior official familiar with the talks, who asked not to be "
              "named because the negotiations are confidential.\n\n"
              "The source of the shelling could not be confirmed.\n")
          .empty());
}

TEST(BoilerplateTest, AppealsOfAnyOutletAreRemoved) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"Become a member", "membership-appeal"},
      {"Consider becoming a member of our community.", "membership-appeal"},
      {"Join today and get our weekly briefing.", "membership-appeal"},
      {"Support our journalism: donate today.", "donation-appeal"},
      {"Please support us monthly.", "donation-appeal"},
      {"Donate now", "donation-appeal"},
      {"Chip in $5 to keep this site running.", "donation-appeal"},
      {"Subscribe to our newsletter", "subscription-appeal"},
      {"Subscribe to The Daily Briefing for the morning's news.", "subscription-appeal"},
      {"\xD0\x9F\xD0\xBE\xD0\xB4\xD0\xB4\xD0\xB5\xD1\x80\xD0\xB6\xD0\xB8\xD1\x82\xD0\xB5 "
       "\xD0\xBD\xD0\xB0\xD1\x81",  // Поддержите нас
       "donation-appeal"},
      {"\xD0\x9F\xD0\xBE\xD0\xB4\xD0\xBF\xD0\xB8\xD1\x88\xD0\xB8\xD1\x82\xD0\xB5\xD1\x81\xD1\x8C "
       "\xD0\xBD\xD0\xB0 \xD0\xBD\xD0\xB0\xD1\x88 "
       "Telegram-\xD0\xBA\xD0\xB0\xD0\xBD\xD0\xB0\xD0\xBB",
       // Подпишитесь на наш Telegram-канал
       "subscription-appeal"},
  };
  for (const auto& [line, rule] : cases) {
    EXPECT_EQ(Removed(line + "\n\n" + kNews), (Pairs{{line, rule}})) << line;
  }
}

TEST(BoilerplateTest, NewsAboutDonationsAndMembersIsKept) {
  const std::vector<std::string> kept = {
      // PolNeAR usa-today_2015-11-20_campaign-cash-tied-to-turkish-gr, paragraph 7: a quote.
      "\"I just liked what he said at that time and wanted to make a donation,\" said Hayati "
      "Camlica, who owns a Long Island auto repair shop and donated $2,400 to Ayotte on the same "
      "day.",
      "Support for the bill grew among members of parliament.",
      "Members of parliament voted to support the measure on Tuesday.",
      "Ukraine wants to become a member of NATO, the minister said.",
      "Supporters of the candidate rallied outside the court.",
      "Finland is expected to join today.",
      "Donations poured in after the fire.",
      "Neighbours chip in to rebuild the school",
      "Help arrived two days later.",
      "\"We need your support,\" the mayor told residents.",
      "Subscribers to the service lost access overnight.",
  };
  for (const std::string& line : kept) {
    EXPECT_TRUE(Removed(kNews + line + "\n\n" + kMoreNews).empty()) << line;
    EXPECT_TRUE(Removed(line + "\n").empty()) << line;
  }
}

TEST(BoilerplateTest, QuotedAppealLateInTheTextStartsNoTail) {
  Article a;
  EXPECT_TRUE(Removed(kNews + "\"We need your support,\" the president told Congress.\n\n" +
                          "Lawmakers applauded.\n",
                      &a)
                  .empty());
  EXPECT_NE(a.text.find("Lawmakers applauded."), std::string::npos);
}

TEST(BoilerplateTest, DuplicatedCaptionKeepsOneCopy) {
  const std::string caption = "Police officers guard the checkpoint near the border on Sunday.";
  const std::string gallery = "Declared 2016 Presidential Candidates.";
  Article a;
  const Pairs removed = Removed(
      caption + "\n" + caption + "\n\n" + kNews + gallery + "\n\n" + gallery + "\n\n" + kMoreNews,
      &a);
  EXPECT_EQ(removed, (Pairs{{caption, "duplicate-line"}, {gallery, "duplicate-line"}}));
  EXPECT_EQ(a.text.rfind(caption, 0), 0u);
  EXPECT_EQ(a.text.find(caption, 1), std::string::npos);
  EXPECT_NE(a.text.find(gallery), std::string::npos);
}

TEST(BoilerplateTest, SentenceRepeatedFurtherOnIsKept) {
  // A live blog repeats its standing line under each update (PolNeAR, AP results pages).
  const std::string standing = "It takes 1,237 delegates to win the Republican nomination.";
  EXPECT_TRUE(Removed(kNews + standing + "\n\n" + kMoreNews + "\n\n" + standing + "\n").empty());
}

TEST(BoilerplateTest, RepeatedShortAnswersAndWrappedLinesAreKept) {
  EXPECT_TRUE(Removed("Q: Will the road reopen?\nA: Yes.\n\nQ: This week?\nA: Yes.\n\n" + kNews +
                      "Officials on both sides of the border said on Monday evening that they\n"
                      "expected the crossing to reopen.\n\n"
                      "Officials on both sides of the border said on Monday evening that they\n"
                      "had no comment on the talks.\n")
                  .empty());
}

TEST(BoilerplateTest, PhotoCreditsAreRemoved) {
  const std::vector<std::string> credits = {
      "Photo: Ivan Petrov / Agency",
      "\xD0\xA4\xD0\xBE\xD1\x82\xD0\xBE: \xD0\x98\xD0\xB2\xD0\xB0\xD0\xBD "
      "\xD0\x9F\xD0\xB5\xD1\x82\xD1\x80\xD0\xBE\xD0\xB2",  // Фото: Иван Петров
      "(Photo: Jane Doe)",
      "(Photo by Jane Doe/Agency)",
      "Image credit: Jane Doe",
      "Photo by Jane Doe for The Daily",
      "Police guard the checkpoint on Sunday. Photo: Jane Doe / Agency",
      "Police guard the checkpoint on Sunday (Photo: Agency)",
  };
  for (const std::string& line : credits) {
    EXPECT_EQ(Removed(kNews + line + "\n\n" + kMoreNews), (Pairs{{line, "photo-caption"}})) << line;
  }
}

TEST(BoilerplateTest, CreditInParenthesesLeavesTheParagraph) {
  const std::string paragraph =
      "Police guarded the checkpoint on Sunday as the first aid convoy in a month crossed the "
      "border, watched by monitors from both governments and by several hundred residents who "
      "had waited since dawn for news of relatives on the other side of the line.";
  Article a;
  const Pairs removed =
      Removed(kNews + paragraph + " (Photo: Jane Doe/Agency)\n\n" + kMoreNews, &a);
  EXPECT_EQ(removed, (Pairs{{"(Photo: Jane Doe/Agency)", "photo-caption"}}));
  const std::size_t at = a.text.find(paragraph + "\n\n");
  ASSERT_NE(at, std::string::npos);
  EXPECT_EQ(a.text.find("Photo"), std::string::npos);
  EXPECT_EQ(a.BodyOffset(at), a.body.find(paragraph));
  ASSERT_EQ(a.removed.size(), 1u);
  EXPECT_EQ(a.removed[0].line, 7);
}

TEST(BoilerplateTest, CreditEndingAVeryLongLineIsFoundAtItsEnd) {
  std::string line;
  for (int i = 0; i < 20000; ++i) line += "The convoy crossed. ";
  line += "(Photo: AP)";
  EXPECT_EQ(Removed(kNews + line + "\n"), (Pairs{{"(Photo: AP)", "photo-caption"}}));
}

TEST(BoilerplateTest, ParenthesesAboutPhotosAreKept) {
  EXPECT_TRUE(Removed(kNews +
                      "The ministry released pictures of the damage (photo: a burned school).\n\n" +
                      "(Photos of the suspect were released on Monday.)\n\n" +
                      "The agency published the image (Image: Jane Doe said it was genuine).\n")
                  .empty());
}

TEST(BoilerplateTest, SentencesAboutPhotosAreKept) {
  EXPECT_TRUE(Removed(kNews + "He posted a photo: a smiling crowd in front of the parliament.\n\n"
                              "The agency shared a picture: the ruins of the school.\n\n"
                              "Officials released the photo. Photo analysts doubted it.\n")
                  .empty());
}

// The folding the rules read, written the plain way (a byte at a time): FoldLine must agree.
std::string ReferenceFold(std::string_view s) {
  static const std::pair<std::string_view, std::string_view> kFolds[] = {
      {"\u2018", "'"},   {"\u2019", "'"},  {"\u201C", "\""}, {"\u201D", "\""},
      {"\u00AB", "\""},  {"\u00BB", "\""}, {"\u2013", "-"},  {"\u2014", "-"},
      {"\u2026", "..."}, {"\u00A0", " "},  {"\u201E", "\""}, {"\u2212", "-"}};
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    const auto fold = std::find_if(std::begin(kFolds), std::end(kFolds),
                                   [&](const auto& f) { return s.substr(i).starts_with(f.first); });
    if (fold != std::end(kFolds)) {
      out += fold->second;
      i += fold->first.size();
      continue;
    }
    const char c = s[i++];
    out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  }
  // Russian capitals: a lead D0 and its trail, pairs read from the start.
  for (std::size_t i = 0; i + 1 < out.size(); ++i) {
    auto& lead = reinterpret_cast<unsigned char&>(out[i]);
    auto& trail = reinterpret_cast<unsigned char&>(out[i + 1]);
    if (lead != 0xD0) continue;
    if (trail >= 0x90 && trail <= 0x9F) {
      trail = static_cast<unsigned char>(trail + 0x20);
    } else if (trail >= 0xA0 && trail <= 0xAF) {
      lead = 0xD1;
      trail = static_cast<unsigned char>(trail - 0x20);
    } else if (trail == 0x81) {
      lead = 0xD1;
      trail = 0x91;
    }
    ++i;
  }
  return out;
}

// Pieces of furniture and of prose, as pasted: mixed case, Cyrillic, typographic marks, broken
// UTF-8, Armenian and Georgian letters, list marks and credits.
const std::vector<std::string>& Pieces() {
  static const std::vector<std::string> kPieces = {"Read more",
                                                   "READ MORE:",
                                                   "Continue",
                                                   "Share",
                                                   "Print",
                                                   "Advertisement",
                                                   "Photo:",
                                                   "PHOTO BY",
                                                   "Photo",
                                                   "pHoTo",
                                                   "Image",
                                                   "IMAGE CREDIT",
                                                   "Picture",
                                                   "Credit:",
                                                   "credits",
                                                   "(Source:",
                                                   "(Photo",
                                                   "(Фото:",
                                                   "Фото:",
                                                   "ФОТО",
                                                   "фото",
                                                   "Фотография:",
                                                   "Источник:",
                                                   "ИСТОЧНИК",
                                                   "Source:",
                                                   "Sources:",
                                                   "Source link",
                                                   "Originally published",
                                                   "This article",
                                                   "Leave a Reply",
                                                   "Reply",
                                                   "3 Comments",
                                                   "One response",
                                                   "comments (12)",
                                                   "Your email address will not be published",
                                                   "Required fields are marked",
                                                   "Ответить",
                                                   "Комментарии",
                                                   "Support us",
                                                   "Please support us monthly.",
                                                   "Become a member",
                                                   "Join",
                                                   "Donate now",
                                                   "Подпишитесь на наш канал",
                                                   "Поддержите нас",
                                                   "we need your support",
                                                   "Before you go",
                                                   "- ",
                                                   "* ",
                                                   "\u2022 ",
                                                   "\u2013 ",
                                                   "[Read more:",
                                                   "Read in Georgian on On.ge.",
                                                   "John Smith/AFP",
                                                   "Ivan Petrov / Reuters",
                                                   "/",
                                                   "Mary Lee",
                                                   "via",
                                                   "Getty",
                                                   "AP",
                                                   ")",
                                                   "(",
                                                   ".",
                                                   ":",
                                                   "!",
                                                   "?",
                                                   ",",
                                                   "*",
                                                   "\u2026",
                                                   "\u00A0",
                                                   "\u201C",
                                                   "\u201D",
                                                   "\u2019",
                                                   "\u00AB",
                                                   "\u00BB",
                                                   "\u2014",
                                                   "\u2212",
                                                   "\xD0",
                                                   "\xD0\xD0",
                                                   "\xC2",
                                                   "\xE2\x80",
                                                   "\xD1\x84",
                                                   "\xD0\xA4",
                                                   "Ё",
                                                   "ё",
                                                   "ՀԱՅԱՍՏԱՆ",
                                                   "Հայաստան",
                                                   "საქართველო",
                                                   "the",
                                                   "council",
                                                   "voted",
                                                   "on",
                                                   "Tuesday",
                                                   "said",
                                                   "police",
                                                   "border",
                                                   "12",
                                                   "2023",
                                                   "5 March 2023",
                                                   "March 5, 2023",
                                                   "border.",
                                                   "The ministry said it would respond."};
  return kPieces;
}

// A random line of `pieces` pieces, spaces between most.
std::string RandomLine(std::mt19937& random, int pieces) {
  std::string line;
  for (int k = 0; k < pieces; ++k) {
    const std::string& piece = Pieces()[random() % Pieces().size()];
    if (!line.empty() && random() % 4 != 0) line += ' ';
    line += piece;
  }
  return line;
}

TEST(BoilerplateTest, FoldLineAgreesWithAPlainFold) {
  std::mt19937 random(18);
  for (int n = 0; n < 20000; ++n) {
    const std::string line = RandomLine(random, 1 + static_cast<int>(random() % 20));
    ASSERT_EQ(internal::FoldLine(line), ReferenceFold(line)) << line;
  }
  // Runs longer than sixteen bytes on either side of every kind of byte.
  const std::string run(40, 'A');
  for (const std::string& piece : Pieces()) {
    const std::string line = run + piece + run + piece;
    ASSERT_EQ(internal::FoldLine(line), ReferenceFold(line)) << line;
  }
}

// Every fast rejection of GenericLineRule (the first byte, the '/' near the end, the marker word
// near the end, the appeal's openers and phrases) agrees with every rule read in full.
void ExpectFilterAgrees(const std::string& original) {
  const std::string key = internal::FoldLine(original);
  ASSERT_EQ(internal::GenericLineRule(key, original, /*filtered=*/true),
            internal::GenericLineRule(key, original, /*filtered=*/false))
      << original;
}

// "Архивное фото НИАТ «Ховар»" ('archive photo') credits a photo; "Shared to Facebook" is a
// button.
TEST(BoilerplateTest, ArchivePhotoCreditsAndShareButtons) {
  EXPECT_EQ(internal::GenericLineRule(internal::FoldLine("Архивное фото НИАТ «Ховар»"),
                                      "Архивное фото НИАТ «Ховар»", true),
            "photo-caption");
  EXPECT_EQ(internal::GenericLineRule(internal::FoldLine("Shared to Facebook"),
                                      "Shared to Facebook", true),
            "ui-line");
  ExpectFilterAgrees("Архивное фото НИАТ «Ховар»");
  ExpectFilterAgrees("Shared to Facebook");
}

// A page's reading time is its furniture, in English, Russian and Ukrainian; a sentence that
// gives a time is text.
TEST(BoilerplateTest, ReadingTimeLinesAreRemoved) {
  for (const std::string line :
       {"3 Min Read", "5 minute read", "Less than a minute", "Reading time: 4 minutes",
        "Время чтения: 3 минуты", "2 мин", "5 хв читання"}) {
    EXPECT_EQ(internal::GenericLineRule(internal::FoldLine(line), line, true), "ui-line") << line;
    ExpectFilterAgrees(line);
  }
  for (const std::string line : {"3 minutes later, the road was closed.",
                                 "Less than a minute after the blast, sirens sounded."}) {
    EXPECT_NE(internal::GenericLineRule(internal::FoldLine(line), line, true), "ui-line") << line;
  }
}

// An ad script copied with the page is code, and a Russian site's subscription widget is
// furniture; a sentence with a brace or a semicolon is text.
TEST(BoilerplateTest, ScriptCodeAndSubscriptionWidgetsAreRemoved) {
  const std::string script =
      "(function(w, n) { w[n] = w[n] || []; w[n].push([{ ownerId: 173858, params: { p1: 'cqafb' "
      "} }, ['phone']]); })(window, 'adfoxAsyncParamsScroll');";
  EXPECT_EQ(internal::GenericLineRule(internal::FoldLine(script), script, true), "script-code");
  EXPECT_EQ(internal::GenericLineRule(internal::FoldLine(script), script, false), "script-code");
  for (const std::string line :
       {"Подписка", "Хочу получать новости:", "Введите код с картинки:", "Обновить код"}) {
    EXPECT_EQ(internal::GenericLineRule(internal::FoldLine(line), line, true), "ui-line") << line;
    ExpectFilterAgrees(line);
  }
  for (const std::string line :
       {"He wrote {sic} in the letter; the court found the wording (in Article 6) unclear.",
        "The function of the mission = monitoring; {its} mandate ends in 2025, officials said.",
        "Подписка на газету выросла вдвое, сообщили в редакции.",
        "Сумма {X} рублей; решение принято на заседании правительства."}) {
    EXPECT_FALSE(internal::IsScriptCode(line)) << line;
    EXPECT_EQ(internal::GenericLineRule(internal::FoldLine(line), line, true), std::nullopt)
        << line;
  }
}

// A site's header with its weather ends in a temperature; a sentence about the weather is text.
TEST(BoilerplateTest, AWeatherWidgetIsFurniture) {
  for (const std::string line : {"Минск +7°C", "Tbilisi 21 °C", "Kyiv -3°F"}) {
    EXPECT_TRUE(internal::EndsInTemperature(line)) << line;
    EXPECT_EQ(internal::GenericLineRule(internal::FoldLine(line), line, true), "ui-line") << line;
  }
  for (const std::string line :
       {"Temperatures in the camp fell below zero overnight, and aid workers said children "
        "slept outside in the cold while the thermometer showed -12°C",
        "The thermometer showed 40 degrees.", "°C", "Ночью до -15°C"}) {
    EXPECT_EQ(internal::GenericLineRule(internal::FoldLine(line), line, true), std::nullopt)
        << line;
  }
}

TEST(BoilerplateTest, FastRejectionsAgreeWithTheFullRulesOnRandomLines) {
  std::mt19937 random(18);
  int removed = 0;
  for (int n = 0; n < 30000; ++n) {
    const std::string line = RandomLine(random, 1 + static_cast<int>(random() % 45));
    ExpectFilterAgrees(line);
    if (internal::GenericLineRule(internal::FoldLine(line), line, false)) ++removed;
  }
  EXPECT_GT(removed, 3000);  // the lines exercise the rules, not only the rejections
}

TEST(BoilerplateTest, FastRejectionsAgreeWithTheFullRulesAtTheirLimits) {
  // A key of 600 and 601 bytes; a Cyrillic line whose key is short but whose bytes are many.
  const std::string prose = "Photo: the council voted on the budget ";
  for (std::size_t size : {599u, 600u, 601u}) {
    std::string line = prose;
    while (line.size() < size) line += 'x';
    line.resize(size);
    ExpectFilterAgrees(line);
  }
  // A credit whose '/' is 31 to 35 bytes from the end (the expression allows at most 32).
  for (std::size_t tail = 1; tail <= 34; ++tail) {
    ExpectFilterAgrees("Police at the border. John Smith/" +
                       std::string("Reuters News Agency Photo Desk Team").substr(0, tail));
    ExpectFilterAgrees("John Smith / A" + std::string(tail, 'b'));
  }
  // A marker word across the start of the 256 bytes read for a credit, in either case.
  for (const std::string word : {"photo:", "PHOTO:", "Фото:", "ФОТО:", "фото ", "Image credit "}) {
    for (std::size_t pad = 230; pad <= 270; ++pad) {
      std::string line = "Word. " + word + " Jane Doe";
      line.insert(0, std::string(pad, 'a'));
      ExpectFilterAgrees(line);
      ExpectFilterAgrees(std::string(pad, 'a') + ". " + word + " " + std::string(pad % 7, 'b') +
                         " Jane Doe");
    }
  }
  // The same words in every case, Cyrillic and not, with the first letter of other rules.
  for (const std::string& piece : Pieces()) {
    ExpectFilterAgrees(piece);
    ExpectFilterAgrees(piece + " The council voted.");
    ExpectFilterAgrees("The council voted. " + piece);
    ExpectFilterAgrees("The council voted. " + piece + " Jane Doe");
  }
}

// Lines of random pieces of a date, a time and a credit ("Name Surname / Agency"): the filtered
// dateline test and credit rule agree with their expressions run on every line.
std::string LineOf(std::mt19937& random, const std::vector<std::string>& pieces, int most) {
  std::string line;
  const int length = 1 + static_cast<int>(random() % static_cast<unsigned>(most));
  for (int k = 0; k < length; ++k) {
    if (!line.empty() && random() % 3 != 0) line += ' ';
    line += pieces[random() % pieces.size()];
  }
  return line;
}

TEST(BoilerplateTest, DatelineFilterAgreesWithTheExpression) {
  static const std::vector<std::string> kPieces = {
      "monday,", "tuesday", "5",  "12",  "2023",       "202",      "20234",      "march", "mar.",
      "sept",    "may",     "-",  "/",   ".",          ":",        ",",          "at",    "10:30",
      "9:05",    "a.m.",    "pm", "gmt", "2023-05-01", "5.3.2023", "05/03/2023", "1",     "x"};
  std::mt19937 random(18);
  int datelines = 0;
  for (int n = 0; n < 30000; ++n) {
    std::string line = LineOf(random, kPieces, 7);
    if (random() % 2 == 0) line = internal::FoldLine(line);
    const bool full = internal::IsDateline(line, /*filtered=*/false);
    ASSERT_EQ(internal::IsDateline(line, /*filtered=*/true), full) << line;
    if (full) ++datelines;
  }
  EXPECT_GT(datelines, 500);
}

TEST(BoilerplateTest, CreditFilterAgreesWithTheExpression) {
  static const std::vector<std::string> kPieces = {"John",
                                                   "Smith",
                                                   "O'Neil",
                                                   "Jean-Paul",
                                                   "smith",
                                                   "AFP",
                                                   "Reuters",
                                                   "A",
                                                   "b",
                                                   "/",
                                                   " / ",
                                                   "/ ",
                                                   " /",
                                                   "&",
                                                   ".",
                                                   "AP Photo",
                                                   "Getty Images",
                                                   "x",
                                                   "The",
                                                   "police",
                                                   "border.",
                                                   "Mc",
                                                   "DE",
                                                   "'",
                                                   "-",
                                                   "Q&A",
                                                   "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
                                                   "Ivan",
                                                   "Petrov",
                                                   "\u00A0",
                                                   "Фото",
                                                   "John Smith/AFP",
                                                   "Ivan Petrov / Reuters",
                                                   "Mary O'Neil /Getty Images"};
  std::mt19937 random(18);
  int captions = 0;
  for (int n = 0; n < 30000; ++n) {
    const std::string line = LineOf(random, kPieces, 9);
    ExpectFilterAgrees(line);
    if (internal::GenericLineRule(internal::FoldLine(line), line, false) == "photo-caption")
      ++captions;
  }
  EXPECT_GT(captions, 1000);
}

// WordCount (sixty-four bytes at a time) against a count of runs of bytes other than white space,
// on random texts of every length up to 300 and the limits the rules use.
TEST(BoilerplateTest, WordCountAgreesWithAPlainCount) {
  static const std::string kBytes = std::string("  \t\n\r\f\vab.-\xD0\x90") + '\0';
  std::mt19937 random(18);
  for (int n = 0; n < 20000; ++n) {
    std::string text;
    const std::size_t size = random() % 301;
    for (std::size_t k = 0; k < size; ++k) text += kBytes[random() % kBytes.size()];
    int words = 0;
    bool in = false;
    for (char c : text) {
      const bool word = c != ' ' && c != '\t' && c != '\r' && c != '\f' && c != '\v';
      if (word && !in) ++words;
      in = word;
    }
    for (int limit : {0, 1, 3, 5, 12, 30, 40, 100}) {
      ASSERT_EQ(internal::WordCount(text, limit), std::min(words, limit + 1)) << text;
    }
  }
}

// Each marker word of a credit at every offset from the end of the line (the last bytes are read
// from a padded copy) and from the sixteen-byte blocks before it.
TEST(BoilerplateTest, MarkerWordsAreFoundAtEveryOffset) {
  int captions = 0;
  for (const std::string word :
       {"photo", "PHOTO", "Picture", "image", "CREDIT", "фото", "Фото", "ФОТО"}) {
    for (std::size_t pad = 0; pad <= 40; ++pad) {
      for (std::size_t tail = 0; tail <= 20; ++tail) {
        const std::string credit = word + ": Jane Doe" + std::string(tail, 'e');
        const std::string line = std::string(pad, 'a') + ". " + credit;
        ExpectFilterAgrees(line);
        if (internal::GenericLineRule(internal::FoldLine(line), line)) ++captions;
        ExpectFilterAgrees(std::string(pad, 'a') + " (" + credit + ")");
        ExpectFilterAgrees(std::string(pad, 'a') + ". " + word.substr(0, 3) +
                           std::string(tail, 'o'));
      }
    }
  }
  EXPECT_GT(captions, 2000);
}

// Spaces of every kind at either edge of a line are padding; a line that ends in another
// character of one, two or three bytes keeps it.
TEST(BoilerplateTest, EdgeSpacesOfEveryKindAreTrimmed) {
  const std::string spaces[] = {" ",      "\t",     "\u00A0", "\u2000", "\u2009", "\u200B",
                                "\u202F", "\u205F", "\u3000", "\uFEFF", "\u2060"};
  for (const std::string& end :
       {std::string("it."), std::string("caf\u00E9"), std::string("\u2014"), std::string("\u2026"),
        std::string("\xA0")}) {
    const std::string text = "Officials said " + end;
    for (const std::string& before : spaces) {
      for (const std::string& after : spaces) {
        Article a;
        a.body = before + text + after + after + "\n";
        CleanArticle(a, nullptr);
        EXPECT_EQ(a.text, text) << a.body;
      }
    }
  }
}

}  // namespace
}  // namespace parallax
