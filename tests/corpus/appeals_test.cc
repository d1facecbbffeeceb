#include "corpus/appeals.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <vector>

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

// Lines that read like appeals, or nearly: in several languages, with lead-ins, in a later
// sentence, at the word limit, split by every kind of stop.
const std::vector<std::string>& TrickyLines() {
  static const std::vector<std::string> kLines = [] {
    std::vector<std::string> lines = {
        "",
        " ",
        "support",
        "supporters",
        "the report was long. please support us monthly.",
        "the report was long! so why not chip in today?",
        "the report was long? become a member",
        "the report was long: join today",
        "the report was long.please support us.",  // no space after the stop
        "the report was long.  support us.",       // two spaces: the sentence opens with one
        "nothing here, and your support matters",
        "nothing here - reader-funded",
        "nothing here \u2014 reader-funded",
        "a line about support for the bill and help for the poor.",
        "> support the moscow times!",
        "today, donate",
        "please please please subscribe",
        "пожалуйста, поддержите нас",
        "новости дня. подпишитесь на наш канал",
        "новости дня. поддержите редакцию!",
        "ваша поддержка важна",
        "мы благодарим помогите нам",
        "станьте участником сообщества",
        "помогитеnow",
        "\"support us,\" the mayor said.",
        "we have a small favor to ask.",
        "before you go",
        "if you value our journalism, support our work.",
    };
    // At the limits of the word counts (50 for an appeal, 40 for a tail).
    for (int n : {38, 39, 40, 41, 49, 50, 51, 52}) {
      std::string filler;
      for (int i = 0; i < n; ++i) filler += " word";
      lines.push_back("support us." + filler);
      lines.push_back("before you go." + filler);
      lines.push_back(filler.substr(1) + ". please donate");
    }
    return lines;
  }();
  return kLines;
}

TEST(AppealsTest, FastRejectionNeverHidesAnAppeal) {
  for (const std::string& line : TrickyLines()) {
    const auto full = AppealRuleUnfiltered(line);
    EXPECT_EQ(AppealRule(line), full) << line;
    if (!MayHoldAppeal(line)) {
      EXPECT_EQ(full, std::nullopt) << line;
    }
  }
  EXPECT_TRUE(MayHoldAppeal("the report was long. please support us monthly."));
  EXPECT_FALSE(MayHoldAppeal("the committee met on tuesday. members voted."));
  EXPECT_FALSE(MayHoldAppeal("новости дня. депутаты проголосовали."));
}

// Lines made of pieces of appeals, prose, stops and Russian words, in random order: the filtered
// and the full rule agree on every one, and the filter rejects lines and passes appeals.
TEST(AppealsTest, FastRejectionAgreesWithTheFullRuleOnRandomLines) {
  static const std::vector<std::string> kPieces = {
      "support",    "us",        "our",      "your",       "help",        "back",        "give",
      "join",       "become a",  "member",   "sign up",    "donate",      "to",          "please",
      "so",         "and",       "consider", "why not",    "today,",      "now",         "the",
      "council",    "voted",     "said",     "reader",     "-funded",     "funded",      "favor",
      "we",         "need",      "rely on",  "if you",     "value",       "before",      "you go",
      "journalism", "fund",      "chip in",  "поддержите", "нас",         "подпишитесь", "канал",
      "ваша",       "поддержка", "помогите", "нам",        "пожалуйста,", "заявил",      "and or",
      ".",          "!",         "?",        ":",          ",",           "\"",          "'",
      ">",          "  ",        "a",        "supporters", "subscribing", "backed"};
  std::mt19937 random(18);
  int rejected = 0;
  int appeals = 0;
  for (int n = 0; n < 20000; ++n) {
    std::string line;
    const int length = 1 + static_cast<int>(random() % 14);
    for (int k = 0; k < length; ++k) {
      const std::string& piece = kPieces[random() % kPieces.size()];
      const bool glue = piece.size() == 1 || random() % 5 == 0;
      if (!line.empty() && !glue) line += ' ';
      line += piece;
    }
    const auto full = AppealRuleUnfiltered(line);
    ASSERT_EQ(AppealRule(line), full) << line;
    if (!MayHoldAppeal(line)) {
      ASSERT_EQ(full, std::nullopt) << line;
      ++rejected;
    }
    if (full) ++appeals;
  }
  EXPECT_GT(rejected, 1000);
  EXPECT_GT(appeals, 1000);
}

}  // namespace
}  // namespace parallax::internal
