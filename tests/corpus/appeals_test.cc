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
    const AppealScan scan = ScanForAppeals(line);
    ASSERT_EQ(AppealRule(line, scan), full) << line;
    ASSERT_EQ(StartsAppealTail(line, scan), StartsAppealTailUnfiltered(line)) << line;
    if (!MayHoldAppeal(line)) {
      ASSERT_EQ(full, std::nullopt) << line;
      ++rejected;
    }
    if (full) ++appeals;
  }
  EXPECT_GT(rejected, 1000);
  EXPECT_GT(appeals, 1000);
}

// Every phrase of an outlet and of a tail, at every offset from the start and the end of lines
// of several lengths (the anchors are looked for sixteen bytes at a time, the last bytes apart),
// alone, inside longer words and cut short by a byte: the filtered rules agree with the full ones.
TEST(AppealsTest, PhrasesAreFoundAtEveryOffset) {
  static const std::vector<std::string> kPhrases = {"support us",
                                                    "supporting us",
                                                    "support our journalism",
                                                    "your support",
                                                    "your donation",
                                                    "your contribution",
                                                    "your membership",
                                                    "donate to us",
                                                    "help us keep",
                                                    "help us continue",
                                                    "reader-funded",
                                                    "reader-supported",
                                                    "readers like you",
                                                    "we need your",
                                                    "we rely on",
                                                    "if you value",
                                                    "if you appreciate our",
                                                    "if you enjoy our",
                                                    "if you like our",
                                                    "our collective fundraiser",
                                                    "поддержите нас",
                                                    "поддержать редакцию",
                                                    "ваша поддержка",
                                                    "помогите нам",
                                                    "we have a small favor to ask",
                                                    "we have a small favour to ask",
                                                    "before you go",
                                                    "if you value our journalism",
                                                    "we need your support",
                                                    "support our work",
                                                    "a message from the editors"};
  int appeals = 0;
  int tails = 0;
  for (const std::string& phrase : kPhrases) {
    for (std::size_t before = 0; before <= 40; ++before) {
      for (std::size_t after : {0u, 1u, 2u, 3u, 7u, 15u, 16u, 17u, 20u}) {
        for (const std::string& form :
             {phrase, "non" + phrase + "s", phrase.substr(0, phrase.size() - 1)}) {
          const std::string line = std::string(before, 'x') + form + std::string(after, 'y');
          const auto full = AppealRuleUnfiltered(line);
          const bool tail = StartsAppealTailUnfiltered(line);
          ASSERT_EQ(AppealRule(line), full) << line;
          ASSERT_EQ(StartsAppealTail(line), tail) << line;
          const AppealScan scan = ScanForAppeals(line);
          ASSERT_EQ(AppealRule(line, scan), full) << line;
          ASSERT_EQ(StartsAppealTail(line, scan), tail) << line;
          if (full) ++appeals;
          if (StartsAppealTail(line)) ++tails;
        }
      }
    }
  }
  EXPECT_GT(appeals, 10000);
  EXPECT_GT(tails, 5000);
}

// Tails: the filtered rule agrees with the full one on random lines of pieces of tails and prose.
TEST(AppealsTest, TailFilterAgreesWithTheFullRuleOnRandomLines) {
  static const std::vector<std::string> kPieces = {"we have a small favor to ask",
                                                   "we have a small",
                                                   "favour to ask",
                                                   "before you go",
                                                   "before you",
                                                   "you go",
                                                   "if you value our journalism",
                                                   "if you value",
                                                   "our journalism",
                                                   "we need your support",
                                                   "we need your",
                                                   "support our work",
                                                   "support our",
                                                   "work",
                                                   "help us keep",
                                                   "help us",
                                                   "keep",
                                                   "a message from the editors",
                                                   "a message from",
                                                   "the editors",
                                                   "said",
                                                   "told",
                                                   "\"",
                                                   ".",
                                                   ",",
                                                   "  ",
                                                   "ф",
                                                   "yo",
                                                   "pp",
                                                   "lp",
                                                   "sm"};
  std::mt19937 random(18);
  int tails = 0;
  for (int n = 0; n < 20000; ++n) {
    std::string line;
    const int length = 1 + static_cast<int>(random() % 30);
    for (int k = 0; k < length; ++k) {
      if (!line.empty() && random() % 4 != 0) line += ' ';
      line += kPieces[random() % kPieces.size()];
    }
    const bool full = StartsAppealTailUnfiltered(line);
    ASSERT_EQ(StartsAppealTail(line), full) << line;
    const AppealScan scan = ScanForAppeals(line);
    ASSERT_EQ(StartsAppealTail(line, scan), full) << line;
    ASSERT_EQ(AppealRule(line, scan), AppealRuleUnfiltered(line)) << line;
    if (full) ++tails;
  }
  EXPECT_GT(tails, 1000);
}

}  // namespace
}  // namespace parallax::internal
