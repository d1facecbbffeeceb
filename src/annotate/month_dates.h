// Day-and-month dates in the languages FindDates (dates.h) does not read.
//
// Alignment compares the days articles speak of, in every language of the corpus: "19 сентября"
// is read by FindDates, but "19 sentyabr", "19 вересня", "19 septembre", "სექტემბრის 19",
// "սեպտեմբերի 19-ին", "19 Eylül'de", "19. September" are read here. A date is a day number
// (1..31) next to a month name in either order, with an optional four-digit year after them.
// Month names are matched on their stems, so case endings and suffixes still match ("sentyabrda",
// "вересня", "Eylül'de"). Without a year, a date resolves to the most recent such day not later
// than the day after the article date (news reports what happened, rarely what will).
//
// Languages: Azerbaijani, Turkish, Ukrainian, Belarusian, Armenian, Georgian, French, German,
// Polish, Italian, Spanish, Portuguese, Romanian, Serbian (Latin and Cyrillic, and Croatian and
// Bosnian where they share its names: "25. septembra 2023.", "25. септембра"), Albanian ("25
// shtator", "më 25 shtatorit 2023"), Bulgarian, Greek, Arabic, Persian. English and Russian are
// left to FindDates. A page's own stamp ("Objavljeno: 25. septembra 2023, 14:32") is left out, as
// FindDates leaves it out (internal::IsPageStamp in dates.h).
// Pure function; offsets are bytes into the text given.
#ifndef PARALLAX_ANNOTATE_MONTH_DATES_H_
#define PARALLAX_ANNOTATE_MONTH_DATES_H_

#include <optional>
#include <string_view>
#include <vector>

#include "annotate/dates.h"
#include "core/date.h"

namespace parallax {

// The day-and-month dates of `text`, in text order (DateMention with kind, from == to, resolved
// when a year is given or `article_date` is known).
std::vector<DateMention> FindMonthDates(std::string_view text,
                                        const std::optional<Date>& article_date);

}  // namespace parallax

#endif  // PARALLAX_ANNOTATE_MONTH_DATES_H_
