#include "core/date.h"

#include <gtest/gtest.h>

namespace parallax {
namespace {

TEST(DateTest, ParsesFullAndMonthOnlyDates) {
  auto d = ParseIsoDate("2023-04-23");
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(d->year, 2023);
  EXPECT_EQ(d->month, 4);
  EXPECT_EQ(d->day, 23);
  EXPECT_EQ(d->ToString(), "2023-04-23");
  auto m = ParseIsoDate("2023-05");
  ASSERT_TRUE(m.has_value());
  EXPECT_TRUE(m->month_only());
  EXPECT_EQ(m->ToString(), "2023-05");
}

TEST(DateTest, RejectsMalformedAndImpossibleDates) {
  EXPECT_FALSE(ParseIsoDate("2023-02-30"));
  EXPECT_FALSE(ParseIsoDate("2023-13"));
  EXPECT_FALSE(ParseIsoDate("23-04-2023"));
  EXPECT_FALSE(ParseIsoDate("2023/04/23"));
  EXPECT_FALSE(ParseIsoDate("2023-04-23 "));
  EXPECT_FALSE(ParseIsoDate(""));
  EXPECT_TRUE(ParseIsoDate("2024-02-29"));
  EXPECT_FALSE(ParseIsoDate("2023-02-29"));
}

TEST(DateTest, WeekdaysAndEpochRoundTrip) {
  EXPECT_EQ(ParseIsoDate("2023-04-23")->Weekday(), 6);  // a Sunday
  EXPECT_EQ(ParseIsoDate("2022-12-12")->Weekday(), 0);  // a Monday
  const Date d = *ParseIsoDate("2022-12-31");
  EXPECT_EQ(Date::FromDaysSinceEpoch(d.DaysSinceEpoch() + 1).ToString(), "2023-01-01");
  EXPECT_EQ(Date::FromDaysSinceEpoch(0).ToString(), "1970-01-01");
}

}  // namespace
}  // namespace parallax
