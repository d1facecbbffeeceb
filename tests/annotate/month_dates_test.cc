// Day-and-month dates in the languages FindDates leaves alone.
#include "annotate/month_dates.h"

#include <gtest/gtest.h>

#include <string>

namespace parallax {
namespace {

std::string Resolved(const std::string& text, const std::string& article_date) {
  const auto dates = FindMonthDates(text, ParseIsoDate(article_date));
  if (dates.size() != 1 || !dates[0].resolved) return "(" + std::to_string(dates.size()) + ")";
  return dates[0].from.ToString();
}

TEST(MonthDatesTest, DayAndMonthInManyLanguages) {
  EXPECT_EQ(Resolved("27 sentyabrda döyüşlər başladı", "2020-09-28"), "2020-09-27");
  EXPECT_EQ(Resolved("Бої почалися 27 вересня", "2020-09-28"), "2020-09-27");
  EXPECT_EQ(Resolved("Le cessez-le-feu du 10 octobre", "2020-10-11"), "2020-10-10");
  EXPECT_EQ(Resolved("Am 19. September begann", "2023-09-20"), "2023-09-19");
  EXPECT_EQ(Resolved("10 Kasım'da imzalandı", "2020-11-11"), "2020-11-10");
  EXPECT_EQ(Resolved("სექტემბრის 13 ღამეს", "2022-09-14"), "2022-09-13");
  EXPECT_EQ(Resolved("նոյեմբերի 10-ին ստորագրված", "2020-11-12"), "2020-11-10");
}

// Belarusian months, with its own letters (ў, і, э): "12 жніўня", "15 верасня 2020".
TEST(MonthDatesTest, BelarusianMonths) {
  EXPECT_EQ(Resolved("Акцыя прайшла 12 жніўня ў Мінску", "2020-08-13"), "2020-08-12");
  EXPECT_EQ(Resolved("Суд прызначаны на 15 верасня 2020 года", "2020-08-13"), "2020-09-15");
  EXPECT_EQ(Resolved("9 ліпеня кандыдата зарэгістравалі", "2020-08-13"), "2020-07-09");
  EXPECT_EQ(Resolved("Да 31 снежня", "2021-01-05"), "2020-12-31");
}

TEST(MonthDatesTest, SerbianAndAlbanianMonthsWithTheirCaseForms) {
  struct Case {
    const char* text;
    const char* article_date;
    const char* expected;
  };
  const Case kCases[] = {
      // Serbian, Latin and Cyrillic: the nominative in -ar, the genitive without its a.
      {"Napad je počeo 25. septembra 2023. godine", "2023-09-26", "2023-09-25"},
      {"Napad je počeo 19. septembra", "2023-09-26", "2023-09-19"},
      {"Напад је почео 19. септембра", "2023-09-26", "2023-09-19"},
      {"до 1. јануара 2024.", "2023-09-26", "2024-01-01"},
      {"od 3. oktobra", "2023-10-26", "2023-10-03"},
      {"од 3. октобра", "2023-10-26", "2023-10-03"},
      {"do 30. novembra", "2023-12-26", "2023-11-30"},
      {"до 30. новембра", "2023-12-26", "2023-11-30"},
      {"od 12. decembra 2022.", "2023-09-26", "2022-12-12"},
      {"од 12. децембра 2022.", "2023-09-26", "2022-12-12"},
      {"од 12. фебруара", "2023-09-26", "2023-02-12"},
      {"од 12. марта", "2023-09-26", "2023-03-12"},
      {"од 9. маја", "2023-09-26", "2023-05-09"},
      {"од 9. јуна", "2023-09-26", "2023-06-09"},
      {"од 9. јула", "2023-09-26", "2023-07-09"},
      {"од 9. августа", "2023-09-26", "2023-08-09"},
      // Albanian, with and without the definite ending and the ë.
      {"Sulmi filloi më 19 shtator", "2023-09-26", "2023-09-19"},
      {"më 20 shtatorit 2023 u shpall", "2023-09-26", "2023-09-20"},
      {"më 1 janar", "2023-09-26", "2023-01-01"},
      {"më 2 shkurt", "2023-09-26", "2023-02-02"},
      {"më 3 prillit", "2023-09-26", "2023-04-03"},
      {"më 4 qershor", "2023-09-26", "2023-06-04"},
      {"më 5 korrikut", "2023-09-26", "2023-07-05"},
      {"më 6 gushtit", "2023-09-26", "2023-08-06"},
      {"më 7 tetor", "2023-10-26", "2023-10-07"},
      {"më 8 nëntor", "2023-11-26", "2023-11-08"},
      {"më 8 nentorit", "2023-11-26", "2023-11-08"},
      {"më 9 dhjetorit 2022", "2023-09-26", "2022-12-09"},
      {"më 9 marsit", "2023-09-26", "2023-03-09"},
  };
  for (const Case& c : kCases) EXPECT_EQ(Resolved(c.text, c.article_date), c.expected) << c.text;
}

TEST(MonthDatesTest, PageStampsAreLeftOut) {
  for (const char* text : {"Objavljeno: 25. septembra 2023, 14:32\n\nPut je otvoren.",
                           "Ажурирано 25. септембра 2023. 16:00", "Përditësuar: 25 shtator 2023",
                           "Publikuar më 25 shtator 2023, 14:32", "Pera Perić, 25. septembra 2023.",
                           "Ažurirano: 25. septembra"}) {
    EXPECT_TRUE(FindMonthDates(text, ParseIsoDate("2023-09-26")).empty()) << text;
  }
  // The same words in a sentence: a date of the story.
  EXPECT_EQ(Resolved("Izveštaj je objavljen 25. septembra 2023. u Beogradu.", "2023-09-26"),
            "2023-09-25");
}

TEST(MonthDatesTest, YearGivenOrTheMostRecentDay) {
  EXPECT_EQ(Resolved("10 noyabr 2020 tarixində", "2024-04-19"), "2020-11-10");
  // Without a year: the most recent such day, at most a day after the article.
  EXPECT_EQ(Resolved("27 sentyabr", "2021-03-01"), "2020-09-27");
  EXPECT_EQ(Resolved("31 dekabr", "2021-01-01"), "2020-12-31");
}

TEST(MonthDatesTest, NoDateWithoutBoth) {
  EXPECT_TRUE(FindMonthDates("sentyabr ayında", ParseIsoDate("2020-09-28")).empty());
  EXPECT_TRUE(FindMonthDates("sentyabrçılardan 12", ParseIsoDate("2020-09-28")).empty());
  EXPECT_TRUE(FindMonthDates("42 sentyabr", ParseIsoDate("2020-09-28")).empty());
}

}  // namespace
}  // namespace parallax
