// Calendar dates as articles give them: a full date, or only a month when that is all that is
// known ("2023-05"). Resolution of relative expressions ("on Sunday") needs weekday arithmetic,
// which lives here too so every stage shares one calendar.
#ifndef PARALLAX_CORE_DATE_H_
#define PARALLAX_CORE_DATE_H_

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace parallax {

struct Date {
  int year = 0;
  int month = 0;  // 1..12
  int day = 0;    // 1..31, or 0 when only the month is known

  bool month_only() const { return day == 0; }
  bool valid() const;
  // "YYYY-MM-DD", or "YYYY-MM" when month_only().
  std::string ToString() const;
  // Days since 1970-01-01 (for month-only dates, of the first day of the month).
  long DaysSinceEpoch() const;
  // The same for the last day the date covers: the day itself, or the month's last day.
  long LastDaySinceEpoch() const;
  static Date FromDaysSinceEpoch(long days);
  // 0 = Monday … 6 = Sunday (ISO). Month-only dates use the first day of the month.
  int Weekday() const;
  static int DaysInMonth(int year, int month);

  auto operator<=>(const Date&) const = default;
};

// Parses "YYYY-MM-DD" or "YYYY-MM" (nothing else, no surrounding space). nullopt if malformed
// or not a real calendar date (2023-02-30).
std::optional<Date> ParseIsoDate(std::string_view text);

}  // namespace parallax

#endif  // PARALLAX_CORE_DATE_H_
