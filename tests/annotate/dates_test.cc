#include "annotate/dates.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "annotate/date_windows.h"
#include "test_paths.h"

namespace parallax {
namespace {

Date D(const char* iso) { return *ParseIsoDate(iso); }

// The first mention whose text contains `needle`; fails the test when there is none.
DateMention Find(const std::string& text, const std::string& needle,
                 const std::optional<Date>& article, const std::string& language = "en") {
  for (const DateMention& m : FindDates(text, article, language)) {
    if (m.text.find(needle) != std::string::npos) return m;
  }
  ADD_FAILURE() << "no date mention containing \"" << needle << "\" in: " << text;
  return {};
}

void ExpectDay(const DateMention& m, const char* iso) {
  EXPECT_TRUE(m.resolved) << m.text;
  EXPECT_FALSE(m.is_range) << m.text;
  EXPECT_EQ(m.from.ToString(), iso) << m.text;
  EXPECT_EQ(m.to.ToString(), iso) << m.text;
}

void ExpectRange(const DateMention& m, const char* from, const char* to) {
  EXPECT_TRUE(m.resolved) << m.text;
  EXPECT_TRUE(m.is_range) << m.text;
  EXPECT_EQ(m.from.ToString(), from) << m.text;
  EXPECT_EQ(m.to.ToString(), to) << m.text;
}

TEST(DatesTest, SpanIsTheExpressionInTheText) {
  const std::string text = "Azerbaijan on Sunday set up a checkpoint.";
  const auto dates = FindDates(text, D("2023-04-23"), "en");
  ASSERT_EQ(dates.size(), 1u);
  EXPECT_EQ(dates[0].text, "Sunday");
  EXPECT_EQ(text.substr(dates[0].start, dates[0].end - dates[0].start), "Sunday");
  EXPECT_EQ(dates[0].kind, DateKind::kRelative);
}

TEST(DatesTest, WeekdayIsMostRecentOnOrBeforeArticleDate) {
  // 2023-04-23 is a Sunday.
  ExpectDay(Find("On Sunday, guards moved in.", "Sunday", D("2023-04-23")), "2023-04-23");
  ExpectDay(Find("On Sunday, guards moved in.", "Sunday", D("2023-04-24")), "2023-04-23");
  ExpectDay(Find("on Tuesday the ministry said", "Tuesday", D("2023-04-24")), "2023-04-18");
  ExpectDay(Find("last Sunday", "last Sunday", D("2023-04-23")), "2023-04-16");
  ExpectDay(Find("next Friday", "next Friday", D("2023-04-23")), "2023-04-28");
  ExpectDay(Find("on Monday night", "Monday night", D("2023-04-24")), "2023-04-24");
}

// "earlier this week" cannot run past the day of writing, nor "later this week" start before
// it: an article of Friday 16 September 2022.
TEST(DatesTest, EarlierAndLaterThisWeekEndAndStartOnTheDayOfWriting) {
  ExpectRange(Find("Clashes broke out earlier this week.", "earlier", D("2022-09-16")),
              "2022-09-12", "2022-09-16");
  ExpectRange(Find("Talks resume later this week.", "later", D("2022-09-16")), "2022-09-16",
              "2022-09-18");
  ExpectRange(Find("Talks resume this week.", "this week", D("2022-09-16")), "2022-09-12",
              "2022-09-18");
}

TEST(DatesTest, AbsoluteDates) {
  ExpectDay(Find("on April 23, the checkpoint", "April 23", D("2023-05-01")), "2023-04-23");
  ExpectDay(Find("until 12 December 2022.", "12 December 2022", std::nullopt), "2022-12-12");
  ExpectDay(Find("the Lachin corridor on Dec. 26, 2022. Alexander", "Dec. 26, 2022", std::nullopt),
            "2022-12-26");
  ExpectDay(Find("said in a March 25 statement.", "March 25", D("2023-03-27")), "2023-03-25");
  ExpectDay(Find("on Sunday, April 23, 2023,", "April 23, 2023", std::nullopt), "2023-04-23");
  ExpectDay(Find("the 12th of December 2022", "12th of December 2022", std::nullopt), "2022-12-12");
  EXPECT_EQ(Find("on Dec. 26, 2022.", "Dec", std::nullopt).kind, DateKind::kAbsolute);
  ExpectDay(Find("on April 23rd the", "April 23rd", D("2023-04-24")), "2023-04-23");
  EXPECT_EQ(Find("on Sunday, April 23, 2023,", "April", std::nullopt).text,
            "Sunday, April 23, 2023");
}

TEST(DatesTest, DayWithoutYearIsMostRecentNotAfterArticle) {
  ExpectDay(Find("already on March 5 it led", "March 5", D("2023-03-27")), "2023-03-05");
  // After the article's day in the calendar year: the previous year.
  ExpectDay(Find("On the morning of December 12", "December 12", D("2023-03-27")), "2022-12-12");
}

// Unless it comes within two months after the article: what news announces is soon.
TEST(DatesTest, DayOrMonthWithoutYearSoonAfterTheArticleIsTheComingOne) {
  ExpectDay(Find("С 1 января Россия прекратит поставки", "1 января", D("2024-12-29"), "ru"),
            "2025-01-01");
  ExpectDay(Find("signed by May 15", "May 15", D("2024-04-19")), "2024-05-15");
  ExpectDay(Find("talks on January 20", "January 20", D("2025-01-13")), "2025-01-20");
  ExpectRange(Find("in February the talks resume", "February", D("2025-01-13")), "2025-02-01",
              "2025-02-28");
  // Further ahead it is the last one: a day beyond 31 days, a month beyond the next.
  ExpectDay(Find("on 1 April the road", "1 April", D("2024-12-29")), "2024-04-01");
  ExpectDay(Find("talks resumed on 15 January", "15 January", D("2023-11-20")), "2023-01-15");
  ExpectRange(Find("adopted the law in January", "January", D("2023-11-20")), "2023-01-01",
              "2023-01-31");
}

// A stamp's date ends its line, and a list item is a chronology: both keep their dates.
TEST(DatesTest, StampWordsInASentenceOrAListKeepTheirDates) {
  ExpectDay(Find("Published on 24 March 2023, the report said the talks failed.", "24 March",
                 D("2023-04-01")),
            "2023-03-24");
  ExpectDay(Find("- Ceasefire Signed, 10 November 2020", "10 November", D("2023-04-01")),
            "2020-11-10");
}

TEST(DatesTest, PartOfDayIsInTheSpan) {
  const DateMention m =
      Find("On the morning of December 12, activists", "December 12", D("2022-12-12"));
  EXPECT_EQ(m.text, "the morning of December 12");
  ExpectDay(m, "2022-12-12");
}

TEST(DatesTest, MonthWithoutYear) {
  ExpectRange(Find("In December, activists blocked", "December", D("2023-04-23")), "2022-12-01",
              "2022-12-31");
  ExpectRange(Find("in late February", "February", D("2023-04-23")), "2023-02-01", "2023-02-28");
  ExpectRange(Find("in April the talks", "April", D("2023-04-23")), "2023-04-01", "2023-04-30");
  // "May" the modal verb and an unguarded "March" are not dates.
  EXPECT_TRUE(FindDates("It may rain. May we go? They March on.", D("2023-04-23"), "en").empty());
}

TEST(DatesTest, MonthAndYear) {
  ExpectRange(Find("In March 2023, Aliyev noted", "March 2023", std::nullopt), "2023-03-01",
              "2023-03-31");
}

TEST(DatesTest, RelativeUnits) {
  const Date monday = D("2023-03-27");
  ExpectRange(Find("Last weekend, the military", "Last weekend", monday), "2023-03-25",
              "2023-03-26");
  ExpectRange(Find("last weekend", "weekend", D("2023-04-23")), "2023-04-15", "2023-04-16");
  ExpectRange(Find("Since last year tensions", "last year", D("2023-04-23")), "2022-01-01",
              "2022-12-31");
  ExpectRange(Find("last week", "last week", monday), "2023-03-20", "2023-03-26");
  ExpectRange(Find("this month", "this month", monday), "2023-03-01", "2023-03-31");
  ExpectDay(Find("Today, Putin called", "Today", D("2022-12-12")), "2022-12-12");
  ExpectDay(Find("yesterday", "yesterday", D("2022-12-12")), "2022-12-11");
  ExpectDay(Find("two days ago", "two days ago", D("2022-12-12")), "2022-12-10");
  ExpectRange(Find("in 2020 and", "2020", std::nullopt), "2020-01-01", "2020-12-31");
  ExpectRange(Find("in the 1990s over", "1990s", std::nullopt), "1990-01-01", "1999-12-31");
  ExpectRange(Find("in the fall of 2020", "fall of 2020", std::nullopt), "2020-09-01",
              "2020-11-30");
}

TEST(DatesTest, MonthOnlyArticleDateGivesRanges) {
  const Date may = D("2023-05");
  // A day without a year inside the article's month is still that day.
  ExpectDay(Find("(Al Jazeera, May 12)", "May 12", may), "2023-05-12");
  // A weekday could be any Sunday from the one before May 1 to the last one in May.
  ExpectRange(Find("On Sunday, fighting", "Sunday", may), "2023-04-30", "2023-05-28");
  ExpectRange(Find("Today the talks", "Today", may), "2023-05-01", "2023-05-31");
  ExpectRange(Find("Last year, the group", "Last year", may), "2022-01-01", "2022-12-31");
}

TEST(DatesTest, RelativeWithoutArticleDateIsUnresolved) {
  const DateMention m = Find("On Sunday, guards moved in.", "Sunday", std::nullopt);
  EXPECT_FALSE(m.resolved);
}

TEST(DatesTest, NumbersThatAreNotDates) {
  EXPECT_TRUE(
      FindDates("12,000 soldiers and 98.9 percent, at 10:30 local time", D("2023-01-01"), "en")
          .empty());
}

TEST(DatesTest, Russian) {
  ExpectDay(Find("12 декабря 2022 года активисты", "12 декабря", std::nullopt, "ru"), "2022-12-12");
  EXPECT_EQ(Find("12 декабря 2022 года активисты", "12 декабря", std::nullopt, "ru").text,
            "12 декабря 2022 года");
  ExpectDay(Find("в воскресенье пограничники", "воскресенье", D("2023-04-24"), "ru"), "2023-04-23");
  ExpectRange(Find("в декабре активисты", "декабре", D("2023-04-24"), "ru"), "2022-12-01",
              "2022-12-31");
  ExpectRange(Find("в прошлом году", "прошлом году", D("2023-04-24"), "ru"), "2022-01-01",
              "2022-12-31");
  ExpectDay(Find("вчера", "вчера", D("2023-04-24"), "ru"), "2023-04-23");
}

TEST(DatesTest, NumericDatesDayFirstAndIso) {
  ExpectDay(Find("Napad je počeo 25.09.2023. ujutru.", "25.09", std::nullopt, "sr"), "2023-09-25");
  EXPECT_EQ(Find("Napad je počeo 25.09.2023. ujutru.", "25.09", std::nullopt, "sr").text,
            "25.09.2023");
  const DateMention spaced =
      Find("Sulmi filloi më 25. 9. 2023. në mëngjes", "25.", std::nullopt, "sq");
  ExpectDay(spaced, "2023-09-25");
  EXPECT_EQ(spaced.text, "25. 9. 2023");
  EXPECT_EQ(spaced.kind, DateKind::kAbsolute);
  EXPECT_EQ(Find("dana 25.\u00A09.\u00A02023. u", "25.", std::nullopt, "sr").text,
            "25.\u00A09.\u00A02023");
  EXPECT_TRUE(FindDates("25.  9.  2023 i 25.\n9.\n2023", std::nullopt, "sr").empty());
  ExpectDay(Find("The talks (2023-09-24) ended", "2023", std::nullopt, "en"), "2023-09-24");
  ExpectDay(Find("at 2023-09-24T14:32Z the", "2023", std::nullopt, "en"), "2023-09-24");
  ExpectDay(Find("Переговоры 24.09.2023 г. завершились", "24.09", std::nullopt, "ru"),
            "2023-09-24");
  // Written in any language: numbers are not words.
  ExpectDay(Find("on 25.09.2023 the", "25.09", std::nullopt, "en"), "2023-09-25");
}

TEST(DatesTest, SlashDatesAreReadDayFirstUnlessEnglishCouldMeanMonthFirst) {
  // The day is the number over 12, in any language.
  ExpectDay(Find("on 24/09/2023 the", "24/09", std::nullopt, "en"), "2023-09-24");
  ExpectDay(Find("on 9/24/2023 the", "9/24", std::nullopt, "en"), "2023-09-24");
  // Both 12 or under: September 5 in the United States, 9 May in Britain; left alone in
  // English and when the language is not given, read day first in other languages.
  EXPECT_TRUE(FindDates("on 05/09/2023 the", std::nullopt, "en").empty());
  EXPECT_TRUE(FindDates("on 05/09/2023 the", std::nullopt, "en-GB").empty());
  EXPECT_TRUE(FindDates("on 05/09/2023 the", std::nullopt, "").empty());
  ExpectDay(Find("dana 05/09/2023 je", "05/09", std::nullopt, "sr-Latn"), "2023-09-05");
  ExpectDay(Find("более 05/09/2023", "05/09", std::nullopt, "ru"), "2023-09-05");
  // Day first outside English: a month over 12 is no date.
  EXPECT_TRUE(FindDates("dana 9/24/2023 je", std::nullopt, "sr").empty());
}

TEST(DatesTest, NumbersThatAreNotNumericDates) {
  for (const char* text : {
           "version 1.2.3 and 10.0.2",           // versions: no year
           "2.500.000 dinara, 1.200.2023 evra",  // money: 500 and 200 are no months
           "broj 13.10.20231",                   // the year is five digits
           "broj 1.3.10.2023 i 3.10.2023.5",     // inside longer numbers
           "v2.10.2023 i 3.10.2023a",            // glued to letters
           "rezultat 2:1, 24-09-2023",           // a score; day-first with hyphens is not read
           "2023-9-24 i 2023-09-24-1",           // ISO has two-digit months and days
           "tel. 011/309-2023, 064/24.09.2023",  // phone numbers
           "25.09.23 i 31.02.2023 i 25 .09.2023 i 25.09 2023 i 25/09.2023",
       }) {
    EXPECT_TRUE(FindDates(text, D("2023-09-26"), "sr").empty())
        << text << ": " << FindDates(text, D("2023-09-26"), "sr")[0].text;
  }
}

// Bylines and the page's publication and update stamps are no dates of the story.
TEST(DatesTest, PageStampsAreLeftOut) {
  for (const char* text : {
           "Updated 24/09/2023\n\nThe road reopened.",
           "Last updated: September 24, 2023 at 10:32 GMT\nThe road reopened.",
           "By Jane Doe, September 24, 2023\n\nThe road reopened.",
           "By Jane Doe and John Roe | 24/09/2023",
           "Jane Doe | Published 24.09.2023 14:32",
           "Objavljeno: 25.09.2023. 14:32\n\nPut je otvoren.",
           "Ažurirano 25.09.2023. 16:00",
           "AŽURIRANO: 25. 9. 2023.",
           "Pera Perić 25.09.2023. 14:32\n",
           "Објављено: 25.09.2023. 14:32",
           "Publikuar më 25.09.2023, 14:32",
           "Përditësuar: 2023-09-25T14:32",
           "Обновлено 24 сентября 2023 года, 10:32",
           "Иван Петров, 24 сентября 2023\nДорогу открыли.",
           "Дата публикации: 24.09.2023",
           "\n25.09.2023.\n",
           "Sunday, 24 September 2023, 10:32 (GMT +04:00)",
       }) {
    for (const char* language : {"sr", "ru", "en"}) {
      const auto dates = FindDates(text, D("2023-09-26"), language);
      EXPECT_TRUE(dates.empty()) << language << ": " << text << ": " << dates[0].text;
      EXPECT_TRUE(internal::FindDatesInEveryToken(text, D("2023-09-26"), language).empty())
          << language << ": " << text;
    }
  }
}

TEST(DatesTest, DatesInProseAreNoStamps) {
  // A label in prose, a date in a sentence, a day without a year alone on a line.
  ExpectDay(Find("The decree, published on 24 April 2023, says", "24 April", std::nullopt),
            "2023-04-24");
  ExpectDay(Find("The report was published 24.09.2023 by the ministry", "24.09", std::nullopt),
            "2023-09-24");
  ExpectDay(Find("Izveštaj je objavljen 25.09.2023. u Beogradu.", "25.09", std::nullopt, "sr"),
            "2023-09-25");
  ExpectDay(Find("25.09.2023. - Vlada je saopštila", "25.09", std::nullopt, "sr"), "2023-09-25");
  ExpectDay(Find("The shelling began at 10:32 on 24/09/2023\n", "24/09", std::nullopt),
            "2023-09-24");
  ExpectDay(Find("Talks on September 24, 2023\n", "September", std::nullopt), "2023-09-24");
  ExpectDay(Find("\nSeptember 24\n", "September", D("2023-09-26")), "2023-09-24");
  ExpectDay(Find("Moscow updated 24.09.2023 its list", "24.09", std::nullopt), "2023-09-24");
  // An item of a chronology is no byline.
  ExpectDay(Find("- Ceasefire signed, 10 November 2020\n", "November", std::nullopt), "2020-11-10");
  ExpectDay(Find("Napad na Beograd, 25.09.2023.\n", "25.09", std::nullopt, "sr"), "2023-09-25");
}

// The seed articles as received (../shared/seeds), with the dates the seeds README gives.
std::string SeedOrEmpty(const std::string& name) { return testing::SeedText(name); }

TEST(DatesTest, SeedMoscowTimesOnSunday) {
  const std::string text = SeedOrEmpty("001_f449a514d4856981.txt");
  if (text.empty()) GTEST_SKIP() << "../shared/seeds is absent";
  const DateMention m = Find(text, "Sunday", D("2023-04-23"));
  EXPECT_EQ(text.substr(m.start, m.end - m.start), "Sunday");
  ExpectDay(m, "2023-04-23");
  ExpectDay(Find(text, "Dec. 26, 2022", D("2023-04-23")), "2022-12-26");
  ExpectRange(Find(text, "December", D("2023-04-23")), "2022-12-01", "2022-12-31");
}

TEST(DatesTest, SeedJamnewsMorningOfDecember12) {
  const std::string text = SeedOrEmpty("004_6e0206bd7feafa4a.txt");
  if (text.empty()) GTEST_SKIP() << "../shared/seeds is absent";
  const DateMention m = Find(text, "December 12", D("2022-12-12"));
  EXPECT_EQ(m.text, "the morning of December 12");
  ExpectDay(m, "2022-12-12");
  ExpectDay(Find(text, "November 10, 2020", D("2022-12-12")), "2020-11-10");
}

TEST(DatesTest, SeedKommersantMarch5) {
  const std::string text = SeedOrEmpty("000_e67e5070340d439f.txt");
  if (text.empty()) GTEST_SKIP() << "../shared/seeds is absent";
  ExpectDay(Find(text, "March 5", D("2023-03-27")), "2023-03-05");
  ExpectDay(Find(text, "March 25", D("2023-03-27")), "2023-03-25");
  ExpectRange(Find(text, "Last weekend", D("2023-03-27")), "2023-03-25", "2023-03-26");
}

// A text over 1 MB is read in pieces: every date is still found, at its offset in the whole.
TEST(FindDatesTest, LongTextsAreReadInPiecesWithOffsetsIntoTheWhole) {
  const std::string line = "The road was blocked on 12 December 2022 and reopened on Monday.\n";
  std::string text;
  while (text.size() < (std::size_t{5} << 19)) text += line;  // 2.5 MB, lines of one sentence
  const std::optional<Date> published = ParseIsoDate("2023-04-26");
  const std::vector<DateMention> whole = FindDates(text, published, "en");
  const std::vector<DateMention> one = FindDates(line, published, "en");
  ASSERT_EQ(one.size(), 2u);
  ASSERT_EQ(whole.size(), one.size() * (text.size() / line.size()));
  for (std::size_t i = 0; i < whole.size(); ++i) {
    const DateMention& expected = one[i % one.size()];
    const std::size_t at = (i / one.size()) * line.size();
    ASSERT_EQ(whole[i].start, at + expected.start) << i;
    ASSERT_EQ(whole[i].end, at + expected.end) << i;
    ASSERT_EQ(whole[i].from, expected.from) << i;
  }
}

// --- The pre-filter: FindDates reads windows around anchors (date_windows.h) and must find
// exactly what reading every token finds.

std::string Describe(const std::vector<DateMention>& dates) {
  std::string out;
  for (const DateMention& m : dates) {
    out += std::to_string(m.start) + "-" + std::to_string(m.end) + " [" + m.text + "] " +
           (m.kind == DateKind::kAbsolute ? "abs " : "rel ") +
           (m.resolved ? m.from.ToString() + ".." + m.to.ToString() : "unresolved") +
           (m.is_range ? " range" : "") + "\n";
  }
  return out;
}

void ExpectSameAsEveryToken(const std::string& text, const std::optional<Date>& article,
                            const std::string& language) {
  ASSERT_EQ(Describe(FindDates(text, article, language)),
            Describe(internal::FindDatesInEveryToken(text, article, language)))
      << "language " << language << ", text: " << text;
}

TEST(FindDatesTest, EveryAnchorWordIsSearchable) {
  std::vector<std::string_view> any_case;
  std::vector<std::string_view> capitalised;
  internal::DateAnchorWords(&any_case, &capitalised);
  EXPECT_GT(any_case.size(), 20u);
  EXPECT_GT(capitalised.size(), 20u);
  for (const auto* words : {&any_case, &capitalised}) {
    for (std::string_view w : *words) EXPECT_TRUE(internal::DateWindowFinder::Searchable(w)) << w;
  }
}

// The expressions that read furthest from where they start, with the filler word count before and
// after swept across the window's reach, each token alone between spaces (a run per token: the
// fewest tokens a window of so many runs can hold) and glued to its punctuation.
TEST(FindDatesTest, WindowEdgesFindTheSameAsEveryToken) {
  const std::vector<std::string> expressions = {
      "the morning of Sunday , 12 of December , 2022 года .",
      "the morning of Sunday, 12 of December, 2022 года.",
      "early Sunday , April 23 , 2023 года",
      "Sunday , 12 of Dec . , 2022",
      "in late Dec . 5 , 2021",
      "early 12 of December 2022",
      "mid 3 of May",
      "late 12th of Dec . , 2020 года",
      "between 3 and 5 May",
      "from 3 to 5 May 2023",
      "the 12th of December",
      "the fall of 2020",
      "in the 1990s",
      "earlier this week",
      "two weeks ago",
      "several years ago",
      "на прошлой неделе",
      "в прошлом году",
      "в декабре 2022 года",
      "12 декабря , 2022 года",
      "в воскресенье утром",
      "2020 , 5",
      "in 2020 percent 5",
      "ВЧЕРА",
      "last Friday night",
      "the weekend",
      "25.09.2023",
      "25. 9. 2023.",
      "1.25.09.2023",
      "24/09/2023",
      "2023-09-24T14:32",
      "2023-09-24.5",
  };
  const std::string filler = "word";
  for (const std::string& e : expressions) {
    for (int before = 0; before <= 6; ++before) {
      for (int after = 0; after <= 14; ++after) {
        std::string text;
        for (int k = 0; k < before; ++k) text += filler + " ";
        text += e;
        for (int k = 0; k < after; ++k) text += " " + filler;
        for (const char* language : {"en", "ru"}) {
          ExpectSameAsEveryToken(text, D("2023-04-24"), language);
        }
      }
    }
  }
}

// Random texts of prose and date fragments in the languages of the corpus, joined by every kind
// of white space (or none), in any case, with malformed bytes and the characters that lower-case
// into ASCII.
std::string RandomText(std::mt19937* rng, std::size_t fragments) {
  static const std::vector<std::string> kFragments = {
      // English prose and the words expressions start or hang on
      "the", "The", "a", "A", "an", "said", "officials", "of", "and", "in", "In", "to", "from",
      "between", "since", "until", "on", "On", "by", "last", "Last", "this", "next", "past",
      "earlier", "later", "early", "late", "mid", "mid-", "two", "several", "few", "one", "ten",
      "percent", "%", ",", ".", "(", ")", "—", "’s", "«", "»", "\"", "-", "end", "around",
      "throughout", "weekly", "Mayor", "market", "doctor", "todays",
      // English dates
      "January", "February", "March", "march", "April", "May", "may", "MAY", "June", "July",
      "August", "September", "October", "November", "December", "DECEMBER", "Jan", "Feb", "Mar",
      "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Dec.", "dec", "Monday",
      "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "sunday", "SUNDAY",
      "morning", "afternoon", "evening", "night", "Night", "weekend", "week", "weeks", "month",
      "months", "year", "years", "day", "days", "ago", "AGO", "spring", "summer", "autumn", "fall",
      "winter", "today", "Today", "tonight", "yesterday", "Yesterday", "tomorrow", "mid-December",
      "1990s", "1995s", "2020", "2022", "1800", "2101", "12", "12th", "23rd", "1st", "2nd", "31",
      "32", "0", "5", "123456", "10:30", "12,000", "98.9", "2020s", "12thx",
      // Numeric dates and their separators
      "25.09.2023", "25.", "9.", "2023.", "24/09/2023", "9/24/", "2023-09-24", "2023-", "09-",
      "T14:32", "/", "Updated", "Objavljeno:", "Publikuar", "Обновлено", "|",
      // Russian
      "в", "В", "во", "на", "с", "до", "после", "к", "прошлом", "этом", "следующем", "прошлой",
      "этой", "следующей", "году", "года", "год", "месяце", "неделе", "НЕДЕЛЕ", "декабря",
      "Декабря", "ДЕКАБРЕ", "декабре", "мая", "мае", "января", "сентябре", "воскресенье",
      "Воскресенье", "среду", "пятницу", "понедельник", "сегодня", "Вчера", "вчера", "завтра",
      "вчерашний", "Петров", "сказал",
      // Other languages (FindMonthDates' months), and letters of other scripts
      "sentyabr", "19-го", "вересня", "սեպտեմբերի", "10-ին", "სექტემბრის", "Eylül'de", "Kasım",
      "września", "septembre", "Août", "ΜΑΐΟΥ", "مايو", "Ѐ", "ѐ", "Ё",
      // Characters that lower-case into ASCII, malformed and odd bytes
      "FRİDAY", "İn", "wee\u212Aend", "\u212A", "\xD0", "\xC2", "\xE2\x84", "\xFF", "\x80",
      "\xC2\xA0", "\v", "\f", "\u0301", "\u2009"};
  static const std::vector<std::string> kSeparators = {" ",    " ",        " ", " ",  "\n",  "\t",
                                                       "\r\n", "\xC2\xA0", "",  "  ", "\n\n"};
  std::string text;
  for (std::size_t k = 0; k < fragments; ++k) {
    text += kFragments[(*rng)() % kFragments.size()];
    text += kSeparators[(*rng)() % kSeparators.size()];
  }
  return text;
}

TEST(FindDatesTest, RandomTextsFindTheSameAsEveryToken) {
  std::mt19937 rng(20261207);
  const std::vector<std::optional<Date>> dates = {D("2023-04-24"), D("2023-05"), std::nullopt,
                                                  D("2020-01-01")};
  const std::vector<std::string> languages = {"en", "ru", "", "sr"};
  for (int round = 0; round < 3000; ++round) {
    const std::string text = RandomText(&rng, rng() % 120);
    ExpectSameAsEveryToken(text, dates[round % dates.size()], languages[round % 3 % 4]);
    ExpectSameAsEveryToken(text, dates[(round + 1) % dates.size()], languages[(round + 1) % 4]);
    if (HasFatalFailure()) return;
  }
}

// Prose with a date fragment here and there: the pre-filter reads windows rather than every
// token (as it does when dates are everywhere).
std::string SparseText(std::mt19937* rng, std::size_t words) {
  static const std::vector<std::string> kProse = {"the", "officials", "said",   "that", "road",
                                                  "was", "closed",    "and",    "a",    "of",
                                                  "в",   "сказал",    "дорога", "\n",   "."};
  std::string text;
  for (std::size_t k = 0; k < words; ++k) {
    text +=
        (*rng)() % 20 == 0 ? RandomText(rng, 1 + (*rng)() % 3) : kProse[(*rng)() % kProse.size()];
    text += ' ';
  }
  return text;
}

// Texts over the piece size, so that windows meet piece boundaries too.
TEST(FindDatesTest, LongRandomTextsFindTheSameAsEveryToken) {
  std::mt19937 rng(7);
  for (int round = 0; round < 5; ++round) {
    std::string text = round < 3 ? RandomText(&rng, 150000) : SparseText(&rng, 200000);
    if (round == 1) {
      for (char& c : text) c = c == '\n' ? ' ' : c;  // pieces cut at spaces
    }
    ExpectSameAsEveryToken(text, D("2023-04-24"), round % 2 == 0 ? "en" : "ru");
    if (HasFatalFailure()) return;
  }
}

}  // namespace
}  // namespace parallax
