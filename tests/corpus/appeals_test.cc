#include "corpus/appeals.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>

namespace parallax::internal {
namespace {

// Lines are given folded, as boilerplate cleaning passes them: lower case, ASCII quotes.

TEST(AppealsTest, ImperativeAddressedToTheReaderIsAnAppeal) {
  EXPECT_EQ(AppealRule("please support us monthly."), "donation-appeal");
  EXPECT_EQ(AppealRule("join our community of readers"), "membership-appeal");
  EXPECT_EQ(AppealRule("sign up for our morning briefing."), "subscription-appeal");
  EXPECT_EQ(AppealRule("help us keep reporting from the front line."), "donation-appeal");
}

TEST(AppealsTest, ShortStrongImperativeNeedsNoAddress) {
  EXPECT_EQ(AppealRule("donate now"), "donation-appeal");
  EXPECT_EQ(AppealRule("subscribe to the daily briefing"), "subscription-appeal");
  EXPECT_EQ(AppealRule("become a member"), "membership-appeal");
  EXPECT_EQ(AppealRule("support the moscow times!"), "donation-appeal");
}

TEST(AppealsTest, LeadInsAreSkipped) {
  EXPECT_EQ(AppealRule("interested in directly assisting us? consider becoming a member."),
            "membership-appeal");
  EXPECT_EQ(AppealRule("so why not chip in today?"), "donation-appeal");
}

TEST(AppealsTest, MembershipOutranksDonationInOneLine) {
  EXPECT_EQ(AppealRule("support independent journalism in the caucasus: join today"),
            "membership-appeal");
}

TEST(AppealsTest, OutletPhraseAnywhereIsAnAppeal) {
  EXPECT_EQ(AppealRule("your support, no matter how small, makes a world of difference."),
            "donation-appeal");
  EXPECT_EQ(AppealRule("this site is reader-funded and free of ads."), "donation-appeal");
}

TEST(AppealsTest, VerbUsedAsANounIsNoAppeal) {
  EXPECT_EQ(AppealRule("support for the bill grew among members of parliament."), std::nullopt);
  EXPECT_EQ(AppealRule("help arrived two days later."), std::nullopt);
  EXPECT_EQ(AppealRule("fund managers sold their holdings."), std::nullopt);
  EXPECT_EQ(AppealRule("back pay for the miners is due in may."), std::nullopt);
}

TEST(AppealsTest, LongerWordSharingTheOpenerIsNoAppeal) {
  EXPECT_EQ(AppealRule("supporters of the candidate rallied outside."), std::nullopt);
  EXPECT_EQ(AppealRule("subscribers to the service lost access."), std::nullopt);
  EXPECT_EQ(AppealRule("donations poured in after the fire."), std::nullopt);
  EXPECT_EQ(AppealRule("joining the alliance is a matter of years."), std::nullopt);
}

TEST(AppealsTest, ReportedSpeechIsNeverAnAppeal) {
  EXPECT_TRUE(IsReportedSpeech("\"join us,\" the organisers wrote."));
  EXPECT_TRUE(IsReportedSpeech("please support us, the mayor told residents."));
  EXPECT_FALSE(IsReportedSpeech("please support us monthly."));
  EXPECT_EQ(AppealRule("\"i wanted to make a donation,\" said hayati camlica."), std::nullopt);
  EXPECT_EQ(AppealRule("please support us, the mayor told residents."), std::nullopt);
}

TEST(AppealsTest, LongLinesAreArticleText) {
  std::string line = "please support us.";
  for (int i = 0; i < 60; ++i) line += " more words";
  EXPECT_EQ(AppealRule(line), std::nullopt);
}

TEST(AppealsTest, TailStartsOnlyOnAStrongAppealOutsideQuotes) {
  EXPECT_TRUE(StartsAppealTail("... we have a small favor to ask."));
  EXPECT_TRUE(StartsAppealTail("before you go"));
  EXPECT_FALSE(StartsAppealTail("\"we need your support,\" the president told congress."));
  EXPECT_FALSE(StartsAppealTail("officials said they need more support from allies."));
}

}  // namespace
}  // namespace parallax::internal
