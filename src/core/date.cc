#include "core/date.h"

#include <cstdio>

namespace parallax {
namespace {

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

// Howard Hinnant's days_from_civil / civil_from_days.
long DaysFromCivil(int y, unsigned m, unsigned d) {
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long>(doe) - 719468;
}

bool ParseDigits(std::string_view s, int& out) {
  if (s.empty()) return false;
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  out = v;
  return true;
}

}  // namespace

int Date::DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  return month == 2 && IsLeap(year) ? 29 : kDays[month - 1];
}

bool Date::valid() const {
  if (year < 1 || year > 9999 || month < 1 || month > 12) return false;
  return day == 0 || (day >= 1 && day <= DaysInMonth(year, month));
}

std::string Date::ToString() const {
  char buf[16];
  if (month_only()) {
    std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
  } else {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  }
  return buf;
}

long Date::LastDaySinceEpoch() const {
  return DaysSinceEpoch() + (month_only() ? DaysInMonth(year, month) - 1 : 0);
}

long Date::DaysSinceEpoch() const {
  return DaysFromCivil(year, static_cast<unsigned>(month),
                       static_cast<unsigned>(day == 0 ? 1 : day));
}

Date Date::FromDaysSinceEpoch(long z) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long y = static_cast<long>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return Date{static_cast<int>(y + (m <= 2)), static_cast<int>(m), static_cast<int>(d)};
}

int Date::Weekday() const {
  const long days = DaysSinceEpoch();  // 1970-01-01 was a Thursday (ISO 3)
  return static_cast<int>(((days % 7) + 7 + 3) % 7);
}

std::optional<Date> ParseIsoDate(std::string_view text) {
  Date d;
  if (text.size() != 7 && text.size() != 10) return std::nullopt;
  if (text[4] != '-') return std::nullopt;
  if (!ParseDigits(text.substr(0, 4), d.year) || !ParseDigits(text.substr(5, 2), d.month)) {
    return std::nullopt;
  }
  if (text.size() == 10) {
    if (text[7] != '-' || !ParseDigits(text.substr(8, 2), d.day) || d.day == 0) return std::nullopt;
  }
  if (!d.valid()) return std::nullopt;
  return d;
}

}  // namespace parallax
