// Temporal expressions, resolved against the article date.
//
// Aligning outlets on events needs to know that "on Sunday" in an article of Monday 24 April
// 2023 and "April 23" in another are the same day. FindDates finds absolute dates ("April 23",
// "12 December 2022", "Dec. 26, 2022", "December 2022", "in 2020", "the 1990s") and relative
// ones ("on Sunday", "last weekend", "yesterday", "in December", "last year", "two weeks ago",
// "the morning of December 12", "this spring") and resolves each to a day or a range of days.
// Russian forms are recognised too ("12 декабря 2022 года", "в воскресенье", "в декабре",
// "в прошлом году", "вчера").
//
// Resolution rules (news conventions):
//   weekday            the most recent such day on or before the article date ("on Sunday" in
//                      an article of Sunday 2023-04-23 is that day; of Monday 2023-04-24 it is
//                      2023-04-23); "last Sunday" is strictly before; "next Sunday" strictly after
//   month, no year     the most recent such month not after the article's month, or the next
//                      one when it begins within two months after the article date
//   day, no year       the most recent such day not after the article date, or the next one
//                      within two months after it ("с 1 января" in an article of 29 December)
//   last/this/next     week (Monday..Sunday), weekend (Saturday..Sunday; "last weekend" is the
//                      most recent weekend that ended before the article date), month, year
//   N units ago        counted back from the article date
// With a month-only article date ("2023-05") the reference is every day of that month, so a
// relative expression resolves to the union of what each day would give ("on Sunday" →
// 2023-04-30..2023-05-28) and is marked as a range. Without an article date, only expressions
// that carry their own year are resolved.
//
// Spans cover the expression itself, without a governing preposition: "On Sunday" gives the
// span "Sunday", "On the morning of December 12" gives "the morning of December 12". Offsets are
// bytes into the text given. FindDates is a pure function: safe to call from several threads.
#ifndef PARALLAX_ANNOTATE_DATES_H_
#define PARALLAX_ANNOTATE_DATES_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"

namespace parallax {

enum class DateKind {
  kAbsolute,  // carries its own year ("12 December 2022", "in 2020")
  kRelative,  // needs the article date ("on Sunday", "in December", "last year")
};

struct DateMention {
  std::size_t start = 0;  // byte span of the expression in the text
  std::size_t end = 0;
  std::string text;  // text[start, end)
  DateKind kind = DateKind::kAbsolute;
  // The resolved days, inclusive; from == to for a single day. Both full dates (day != 0).
  // Meaningless when !resolved.
  Date from;
  Date to;
  bool resolved = false;
  bool is_range = false;  // from != to (a week, a month, a year, or an uncertain day)
};

// Finds the temporal expressions of `text`, in text order, without overlaps (the longest match
// wins). `article_date` may be a full date or month-only. `language` is a BCP 47 tag: English
// patterns are always tried; Russian ones when it is empty or starts with "ru". Only the text
// around numbers and the words date expressions hang on ("May", "week", "вчера" …) is tokenised
// (date_windows.h). A text over a quarter of a megabyte is read in pieces cut at line breaks
// (white space in a run with none), so memory follows the piece, not the text.
std::vector<DateMention> FindDates(std::string_view text, const std::optional<Date>& article_date,
                                   const std::string& language = "");

namespace internal {

// FindDates without its pre-filter: tokenises the whole text and tries every token. The same
// answer, slower; kept as the reference the pre-filter is tested against.
std::vector<DateMention> FindDatesInEveryToken(std::string_view text,
                                               const std::optional<Date>& article_date,
                                               const std::string& language = "");

// The anchor words FindDates gives its pre-filter (date_windows.h), from the tables its rules
// read: `capitalised` ones count only with a capital first letter.
void DateAnchorWords(std::vector<std::string_view>* any_case,
                     std::vector<std::string_view>* capitalised);

}  // namespace internal
}  // namespace parallax

#endif  // PARALLAX_ANNOTATE_DATES_H_
