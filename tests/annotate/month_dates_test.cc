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

TEST(MonthDatesTest, YearGivenOrTheMostRecentDay) {
  EXPECT_EQ(Resolved("10 noyabr 2020", "2024-04-19"), "2020-11-10");
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
