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
//   month, no year     the most recent such month not after the article's month, or the
//                      next calendar month ("в январе" in an article of December)
//   day, no year       the most recent such day not after the article date, or the next one
//                      in the next calendar month or within 31 days ("с 1 января" in an
//                      article of 29 December)
//   last/this/next     week (Monday..Sunday), weekend (Saturday..Sunday; "last weekend" is the
//                      most recent weekend that ended before the article date), month, year
//   N units ago        counted back from the article date
// With a month-only article date ("2023-05") the reference is every day of that month, so a
// relative expression resolves to the union of what each day would give ("on Sunday" →
// 2023-04-30..2023-05-28) and is marked as a range. Without an article date, only expressions
// that carry their own year are resolved.
//
// Numeric dates are read in every language: day first with full stops ("25.09.2023",
// "25. 9. 2023.", the Serbian and Central European way), ISO 8601 ("2023-09-24",
// "2023-09-24T14:32"), and with slashes ("24/09/2023"). A slash date is read day first in a
// language known and not English; in English, or when the language is not given, only when
// one of its numbers is over 12 and so must be the day ("24/09/2023" day first, "9/24/2023"
// month first: the United States writes the month first, Britain the day), as "05/09/2023"
// could be either. The year has four digits; a date glued to more digits, letters or
// separators ("1.2.3", "2.500.000", "13.10.20231", "1.3.10.2023", "v2.10.2023") is no date.
//
// A page's own stamps are no dates of the story, and are left out (internal::IsPageStamp):
//   labelled   a date after a stamp label ("Updated", "Published", "Обновлено", "Опубликовано",
//              "Objavljeno", "Ažurirano", "Publikuar", "Përditësuar" …; ":", "on", "më" and a
//              clock time may stand between), the label first on its line, second after
//              "Last", "First", "Date" … ("Last updated", "Datum objave") or after '|', '/',
//              '•', '·':
//              "Objavljeno: 25.09.2023. 14:32", "Updated 24/09/2023", "Обновлено 24 апреля"
//   dateline   a date with its year alone on its line but for punctuation and a clock time:
//              "25.09.2023. 14:32", "Sunday, 24 September 2023"
//   byline     a date with its year after one to six capitalised words ("by", "and" aside)
//              and a separator, ending its line but for a clock time (then the separator may
//              be missing): "Jane Doe, 24 April 2023", "Иван Петров, 24 апреля 2023 года",
//              "Pera Perić 25.09.2023. 14:32"
// Otherwise the same words are prose and the date stays: "the decree, published on 24 April",
// "- Ceasefire signed, 10 November 2020" (an item of a chronology).
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
// patterns and numeric dates are always tried; Russian ones when it is empty or starts with
// "ru"; slash dates are read day first when it is given and is not English. Only the text
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

// Whether the date at bytes [start, end) of `text` is a page stamp (see above): labelled, or,
// when `absolute` (it carries its year), a dateline or a byline. Reads the date's line, at most
// 160 bytes before the date and 80 after it. FindMonthDates leaves stamps out by it too.
bool IsPageStamp(std::string_view text, std::size_t start, std::size_t end, bool absolute);

}  // namespace internal
}  // namespace parallax

#endif  // PARALLAX_ANNOTATE_DATES_H_
