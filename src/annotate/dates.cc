#include "annotate/dates.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <functional>
#include <iterator>
#include <string>
#include <type_traits>
#include <unordered_map>
#include <unordered_set>

#include "annotate/date_tokens.h"
#include "annotate/date_windows.h"
#include "text/normalizer.h"  // AsciiLower
#include "text/word_filter.h"

namespace parallax {
namespace {

using internal::DateTokens;
using internal::Tok;
using internal::TokenizeForDates;

// ---------------------------------------------------------------------------------------------
// Vocabulary. The rules below read these tables, and so does the pre-filter (AnchorWords): a word
// a rule needs is in a table, never spelt out in the rule.

struct Named {
  std::string_view name;  // lower case
  int value;
};

// Need a capital ("May", not "may").
constexpr Named kMonths[] = {{"january", 1},   {"february", 2}, {"march", 3},     {"april", 4},
                             {"may", 5},       {"june", 6},     {"july", 7},      {"august", 8},
                             {"september", 9}, {"october", 10}, {"november", 11}, {"december", 12}};
constexpr Named kMonthAbbreviations[] = {{"jan", 1},  {"feb", 2},  {"mar", 3},  {"apr", 4},
                                         {"jun", 6},  {"jul", 7},  {"aug", 8},  {"sep", 9},
                                         {"sept", 9}, {"oct", 10}, {"nov", 11}, {"dec", 12}};
// 0 = Monday … 6 = Sunday.
constexpr Named kWeekdays[] = {{"monday", 0}, {"tuesday", 1},  {"wednesday", 2}, {"thursday", 3},
                               {"friday", 4}, {"saturday", 5}, {"sunday", 6}};

// Russian month names in the genitive ("12 декабря") and the prepositional ("в декабре").
constexpr std::string_view kRussianGenitive[12] = {"января",   "февраля", "марта",  "апреля",
                                                   "мая",      "июня",    "июля",   "августа",
                                                   "сентября", "октября", "ноября", "декабря"};
constexpr std::string_view kRussianPrepositional[12] = {"январе",   "феврале", "марте",  "апреле",
                                                        "мае",      "июне",    "июле",   "августе",
                                                        "сентябре", "октябре", "ноябре", "декабре"};
constexpr Named kRussianWeekdays[] = {{"понедельник", 0}, {"вторник", 1}, {"среду", 2},
                                      {"четверг", 3},     {"пятницу", 4}, {"субботу", 5},
                                      {"воскресенье", 6}};

constexpr std::string_view kPartsOfDay[] = {"morning", "afternoon", "evening", "night"};

// Days named from the article's day: the shift in days.
constexpr Named kDeicticDays[] = {{"today", 0}, {"tonight", 0}, {"yesterday", -1}, {"tomorrow", 1}};
constexpr Named kRussianDeicticDays[] = {{"сегодня", 0}, {"вчера", -1}, {"завтра", 1}};

// The periods of "last week", "this month", "next year", "в прошлом году", "на этой неделе".
enum class Period { kNone, kWeekend, kWeek, kMonth, kYear };
constexpr std::pair<std::string_view, Period> kPeriods[] = {{"weekend", Period::kWeekend},
                                                            {"week", Period::kWeek},
                                                            {"month", Period::kMonth},
                                                            {"year", Period::kYear}};
constexpr std::pair<std::string_view, Period> kRussianPeriods[] = {
    {"неделе", Period::kWeek}, {"месяце", Period::kMonth}, {"году", Period::kYear}};

// Seasons and the month each starts in ("this spring", "the fall of 2020").
constexpr Named kSeasons[] = {
    {"spring", 3}, {"summer", 6}, {"autumn", 9}, {"fall", 9}, {"winter", 12}};

constexpr std::string_view kAgo = "ago";  // "two weeks ago"

constexpr int kNoShift = 1000;  // Lookup's answer for a word that names no day

template <typename Table>
int Lookup(const Table& table, std::string_view word, int none) {
  for (const Named& n : table) {
    if (n.name == word) return n.value;
  }
  return none;
}

template <typename Table>
Period PeriodOf(const Table& table, std::string_view word) {
  for (const auto& [name, period] : table) {
    if (name == word) return period;
  }
  return Period::kNone;
}

bool IsAsciiSpace(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

// Appends the words of a table (names, or pairs of a name and a value).
template <typename Table>
void AddWords(const Table& table, std::vector<std::string_view>* out) {
  for (const auto& entry : table) {
    if constexpr (std::is_convertible_v<decltype(entry), std::string_view>) {
      out->push_back(entry);
    } else if constexpr (std::is_same_v<std::decay_t<decltype(entry)>, Named>) {
      out->push_back(entry.name);
    } else {
      out->push_back(entry.first);
    }
  }
}

// The words every date expression but one with a year holds one of among its first four tokens
// (see DateFinder::MatchAt): the pre-filter's anchors. `capitalised` ones count only with
// a capital, as WeekdayOf and MonthOf read them.
void AnchorWords(std::vector<std::string_view>* any_case,
                 std::vector<std::string_view>* capitalised) {
  AddWords(kMonths, capitalised);
  AddWords(kMonthAbbreviations, capitalised);
  AddWords(kWeekdays, capitalised);
  AddWords(kRussianGenitive, any_case);
  AddWords(kRussianPrepositional, any_case);
  AddWords(kRussianWeekdays, any_case);
  AddWords(kPartsOfDay, any_case);
  AddWords(kDeicticDays, any_case);
  AddWords(kRussianDeicticDays, any_case);
  AddWords(kPeriods, any_case);
  AddWords(kRussianPeriods, any_case);
  AddWords(kSeasons, any_case);
  any_case->push_back(kAgo);
}

int MonthOf(const Tok& t, bool* abbreviated) {
  if (!t.word || !t.capital) return 0;
  if (const int m = Lookup(kMonths, t.lower, 0)) {
    *abbreviated = false;
    return m;
  }
  if (const int m = Lookup(kMonthAbbreviations, t.lower, 0)) {
    *abbreviated = true;
    return m;
  }
  return 0;
}

int RussianMonth(const Tok& t, bool* genitive) {
  for (int m = 0; m < 12; ++m) {
    if (t.lower == kRussianGenitive[m]) {
      *genitive = true;
      return m + 1;
    }
    if (t.lower == kRussianPrepositional[m]) {
      *genitive = false;
      return m + 1;
    }
  }
  return 0;
}

// 0 = Monday … 6 = Sunday; -1 if not a weekday.
int WeekdayOf(const Tok& t) {
  if (!t.word || !t.capital) return -1;
  return Lookup(kWeekdays, t.lower, -1);
}

int RussianWeekday(const Tok& t) { return Lookup(kRussianWeekdays, t.lower, -1); }

int SmallNumber(const Tok& t) {
  static const std::unordered_map<std::string_view, int> kWords = {
      {"a", 1},    {"an", 1},   {"one", 1},      {"two", 2},   {"three", 3},
      {"four", 4}, {"five", 5}, {"six", 6},      {"seven", 7}, {"eight", 8},
      {"nine", 9}, {"ten", 10}, {"several", -2}, {"few", -2}};
  if (t.number && t.value > 0 && t.value < 1000) return t.value;
  auto it = kWords.find(t.lower);
  return it == kWords.end() ? 0 : it->second;
}

bool IsPartOfDay(std::string_view w) {
  return std::find(std::begin(kPartsOfDay), std::end(kPartsOfDay), w) != std::end(kPartsOfDay);
}

// ---------------------------------------------------------------------------------------------
// Calendar helpers.

Date Day(int y, int m, int d) { return Date{y, m, d}; }
Date AddDays(const Date& d, long n) { return Date::FromDaysSinceEpoch(d.DaysSinceEpoch() + n); }
Date MonthEnd(int y, int m) { return Day(y, m, Date::DaysInMonth(y, m)); }

struct Range {
  Date from;
  Date to;
};

Range MonthRange(int y, int m) {
  while (m < 1) {
    m += 12;
    --y;
  }
  while (m > 12) {
    m -= 12;
    ++y;
  }
  return {Day(y, m, 1), MonthEnd(y, m)};
}

Range YearRange(int y) { return {Day(y, 1, 1), Day(y, 12, 31)}; }

// The day `shift` days from d (d itself for 0, as written: no round trip through day numbers).
Range ShiftedDay(const Date& d, int shift) {
  const Date r = shift == 0 ? d : AddDays(d, shift);
  return {r, r};
}

// Most recent day with weekday `wd` on or before `d` (strictly before when `strict`).
Date WeekdayOnOrBefore(const Date& d, int wd, bool strict) {
  long back = (d.Weekday() - wd + 7) % 7;
  if (strict && back == 0) back = 7;
  return AddDays(d, -back);
}

Date WeekdayAfter(const Date& d, int wd) {
  long ahead = (wd - d.Weekday() + 7) % 7;
  if (ahead == 0) ahead = 7;
  return AddDays(d, ahead);
}

bool ValidDay(int y, int m, int d) {
  return m >= 1 && m <= 12 && d >= 1 && d <= Date::DaysInMonth(y == 0 ? 2000 : y, m);
}

constexpr int kFirstYear = 1800;  // the years a number may be (PlausibleYear)
constexpr int kLastYear = 2100;
bool PlausibleYear(int y) { return y >= kFirstYear && y <= kLastYear; }

// ---------------------------------------------------------------------------------------------
// The matcher.

class DateFinder {
 public:
  DateFinder(const std::optional<Date>& article, bool russian, bool day_first_slash)
      : russian_(russian), day_first_slash_(day_first_slash) {
    if (article && article->valid()) {
      has_ref_ = true;
      if (article->month_only()) {
        ref_from_ = Day(article->year, article->month, 1);
        ref_to_ = MonthEnd(article->year, article->month);
      } else {
        ref_from_ = ref_to_ = *article;
      }
    }
  }

  // Where a window's reading stopped: a rule read past its end, trying the token at byte
  // `token` of the window; `resume` is where the run of the token before it starts.
  struct Stop {
    std::size_t token = 0;
    std::size_t resume = 0;
  };

  // Appends the dates of `text`, which starts at byte `offset` of the text FindDates was given,
  // trying no token that starts before byte `from` of `text`. For a window of the pre-filter
  // (`window`), tries only tokens with an anchor among the next four (the others match nothing:
  // see MatchAt), and, unless the window `ends_piece`, stops when a rule reads past the end of
  // `text`: what follows might change what is found there, so the window must grow. Returns
  // false then, with where it stopped.
  bool Run(std::string_view text, std::size_t offset, std::size_t from, bool window,
           bool ends_piece, std::vector<DateMention>* out, Stop* stop) {
    text_ = text;
    offset_ = offset;
    words_.tokens.clear();
    words_.lowered.clear();
    TokenizeForDates(text, &words_);
    for (std::size_t i = 0; i < tokens_.size();) {
      if (tokens_[i].begin < from || !MayStart(tokens_[i]) || (window && !AnchorAmong(i, i + 5))) {
        ++i;
        continue;
      }
      std::size_t next = i;
      overflow_ = false;
      std::optional<DateMention> m = MatchAt(i, &next);
      if (overflow_ && window && !ends_piece) {
        stop->token = tokens_[i].begin;
        stop->resume = i > 0 ? tokens_[i - 1].begin : tokens_[i].begin;
        while (stop->resume > 0 && !IsAsciiSpace(text[stop->resume - 1])) --stop->resume;
        return false;
      }
      if (m) {
        out->push_back(std::move(*m));
        i = next;
      } else {
        ++i;
      }
    }
    return true;
  }

 private:
  using DayFn = std::function<Range(const Date&)>;

  // False for a token no expression starts with (MatchAt would find nothing there): most
  // tokens are told by one look-up, before any of the expressions is tried.
  static bool MayStart(const Tok& t) {
    static const std::unordered_set<std::string_view> kStarts = [] {
      std::unordered_set<std::string_view> starts = {
          // "the morning of", "the 1990s", "the weekend"; "early/late/mid February"
          "the", "early", "late", "mid", "mid-",
          // weekday and deictic expressions ("today", "yesterday": kDeicticDays)
          "last", "past", "this", "next", "earlier", "later",
          // "two weeks ago" (the words SmallNumber reads)
          "a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
          "several", "few",
          // Russian ("вчера": kRussianDeicticDays)
          "в", "во", "на"};
      std::vector<std::string_view> days;
      AddWords(kDeicticDays, &days);
      AddWords(kRussianDeicticDays, &days);
      starts.insert(days.begin(), days.end());
      return starts;
    }();
    static const WordShapeFilter kStartShapes(kStarts);
    // The names WeekdayOf and MonthOf know, to pass most capitalised words by without a look-up.
    static const WordShapeFilter kCalendarShapes = [] {
      std::vector<std::string_view> names;
      AddWords(kWeekdays, &names);
      AddWords(kMonths, &names);
      AddWords(kMonthAbbreviations, &names);
      return WordShapeFilter(names);
    }();
    if (t.number) return true;
    bool abbreviated = false;
    if (t.capital && kCalendarShapes.MayContain(t.lower) &&
        (WeekdayOf(t) >= 0 || MonthOf(t, &abbreviated) > 0)) {
      return true;
    }
    return kStartShapes.MayContain(t.lower) && kStarts.count(t.lower) > 0;
  }

  // A token of AnchorWords, or a number that may be a year (four digits, PlausibleYear).
  static bool IsAnchor(const Tok& t) {
    struct Anchors {
      WordList any_case;
      WordList capitalised;
    };
    static const Anchors kAnchors = [] {
      std::vector<std::string_view> any_case;
      std::vector<std::string_view> capitalised;
      AnchorWords(&any_case, &capitalised);
      return Anchors{{any_case.begin(), any_case.end()}, {capitalised.begin(), capitalised.end()}};
    }();
    if (t.number) return t.digits == 4 && PlausibleYear(t.value);
    return kAnchors.any_case.Contains(t.lower) ||
           (t.capital && kAnchors.capitalised.Contains(t.lower));
  }

  // Whether one of tokens [from, to) there are is an anchor (reading them is no rule's read).
  bool AnchorAmong(std::size_t from, std::size_t to) const {
    for (std::size_t k = from; k < to && k < tokens_.size(); ++k) {
      if (IsAnchor(tokens_[k])) return true;
    }
    return false;
  }

  // Token i, or null past the last (noted: the rules read no further than they must).
  const Tok* At(std::size_t i) const {
    if (i < tokens_.size()) return &tokens_[i];
    overflow_ = true;
    return nullptr;
  }
  bool Is(std::size_t i, std::string_view lower) const {
    const Tok* t = At(i);
    return t != nullptr && t->lower == lower;
  }

  DateMention Make(std::size_t first, std::size_t last, DateKind kind) const {
    DateMention m;
    m.text =
        std::string(text_.substr(tokens_[first].begin, tokens_[last].end - tokens_[first].begin));
    m.start = offset_ + tokens_[first].begin;
    m.end = offset_ + tokens_[last].end;
    m.kind = kind;
    return m;
  }

  static void SetRange(DateMention* m, Range r) {
    m->from = r.from;
    m->to = r.to;
    m->resolved = true;
    m->is_range = r.from != r.to;
  }

  // A relative expression: applies `fn` to every possible article day (one day, or each day of
  // a month-only date) and keeps the union.
  void Relative(DateMention* m, const DayFn& fn) const {
    if (!has_ref_) return;
    const Range a = fn(ref_from_);
    const Range b = fn(ref_to_);
    SetRange(m, {std::min(a.from, b.from), std::max(a.to, b.to)});
  }

  // A day or month without a year ("1 января", "April 23", "in May"): the last one not after the
  // reference date, unless the next one is soon after it: in the next calendar month, or a day
  // within kSoonDays. News mostly tells what happened, and announces what comes soon: "с 1 января
  // Россия прекратит поставки" in an article of 29 December is the coming 1 January; "signed by
  // May 15" in one of 19 April is this May. (Tense is not read: "the talks resumed on 15
  // January" in an article of 20 December is taken as the coming one.)
  static constexpr long kSoonDays = 31;
  void NoYear(DateMention* m, int month, int day) const {
    if (!has_ref_) return;
    int y = ref_to_.year;
    if (month > ref_to_.month || (day > 0 && month == ref_to_.month && day > ref_to_.day)) --y;
    const int next = y + 1;
    const bool next_month = (next * 12 + month) - (ref_to_.year * 12 + ref_to_.month) == 1;
    const bool soon =
        day > 0
            ? ValidDay(next, month, day) &&
                  (next_month ||
                   Day(next, month, day).DaysSinceEpoch() - ref_to_.DaysSinceEpoch() <= kSoonDays)
            : next_month;
    if (soon) y = next;
    if (day > 0) {
      if (!ValidDay(y, month, day)) return;
      SetRange(m, {Day(y, month, day), Day(y, month, day)});
    } else {
      SetRange(m, MonthRange(y, month));
    }
  }

  // A year number following token i - 1 (", 2022" or " 2022"): returns the year, advances.
  int YearAfter(std::size_t i, std::size_t* last) const {
    std::size_t k = i;
    if (Is(k, ",")) ++k;
    const Tok* t = At(k);
    if (t && t->number && t->size() == 4 && PlausibleYear(t->value)) {
      *last = k;
      // "2022 года", "2022 г."
      if (Is(k + 1, "года") || Is(k + 1, "году")) *last = k + 1;
      return t->value;
    }
    return 0;
  }

  // The expression tried at token i. Two promises the pre-filter (FindDates, date_windows.h)
  // rests on; change them only with kRunsBefore and the `+ 5` of AnchorAmong in Run:
  //  - it reads no token before i - 1 (and, for speed only, none after i + 11: kRunsAfterAtMost);
  //  - every expression it accepts has a year (four digits, PlausibleYear) or an anchor word
  //    (AnchorWords) among tokens i … i + 4 (i + 3 for "early 12 of December": a day number is
  //    a date only beside a month; i + 4 for the year of "25.09.2023"): a month or weekday name,
  //    a part of the day ("the morning of"), a day ("today", "вчера"), a period or season
  //    ("last week", "в прошлом году", "the fall of"), or "ago".
  // Reads past the last token go through At (and Is), which notes them for Run.
  std::optional<DateMention> MatchAt(std::size_t i, std::size_t* next) {
    const Tok& t = tokens_[i];
    if (t.number) {
      if (auto m = NumericDate(i, next)) return m;
    }
    std::size_t first = i;
    // "the morning of December 12", "the night of 12 December"
    std::size_t j = i;
    if (Is(j, "the") && At(j + 1) && IsPartOfDay(tokens_[j + 1].lower) && Is(j + 2, "of")) {
      j += 3;
    } else if (t.word && !t.capital &&
               (t.lower == "early" || t.lower == "late" || t.lower == "mid" || t.lower == "mid-")) {
      j += 1;  // "late February"
    }
    if (auto m = DayMonth(first, j, next)) return m;
    if (j != i) return std::nullopt;
    if (auto m = WeekdayExpr(i, next)) return m;
    if (auto m = DeicticExpr(i, next)) return m;
    if (auto m = AgoExpr(i, next)) return m;
    if (auto m = YearExpr(i, next)) return m;
    if (russian_) {
      if (auto m = RussianExpr(i, next)) return m;
    }
    return std::nullopt;
  }

  // Month/day forms starting at token j; the mention starts at `first`.
  std::optional<DateMention> DayMonth(std::size_t first, std::size_t j, std::size_t* next) {
    bool abbreviated = false;
    const Tok* t = At(j);
    if (!t) return std::nullopt;
    // Optional weekday: "Sunday, April 23".
    std::size_t k = j;
    if (WeekdayOf(*t) >= 0 && At(Is(k + 1, ",") ? k + 2 : k + 1) != nullptr) {
      const std::size_t after = Is(k + 1, ",") ? k + 2 : k + 1;
      bool a2 = false;
      if (MonthOf(tokens_[after], &a2) ||
          (tokens_[after].number && At(after + 1) && MonthOf(tokens_[after + 1], &a2))) {
        k = after;
      }
    }
    t = At(k);
    int month = MonthOf(*t, &abbreviated);
    std::size_t last = k;
    int day = 0;
    int year = 0;
    if (month) {
      std::size_t m_end = k;
      if (abbreviated && Is(k + 1, ".")) m_end = k + 1;
      const Tok* d = At(m_end + 1);
      if (d && d->number && d->value >= 1 && d->value <= 31 && d->digits <= 2) {
        day = d->value;
        last = m_end + 1;
        std::size_t ylast = last;
        year = YearAfter(last + 1, &ylast);
        if (year) last = ylast;
      } else if (d && d->number && d->size() == 4 && PlausibleYear(d->value)) {
        year = d->value;
        last = m_end + 1;
      } else {
        // A bare month needs a guard: "in December", "late February", "since March".
        static const std::unordered_set<std::string_view> kGuards = {
            "in",     "since",  "of",         "by",      "until",   "till", "from",
            "before", "after",  "during",     "through", "early",   "late", "mid",
            "mid-",   "last",   "this",       "next",    "between", "and",  "to",
            "in-",    "around", "throughout", "next",    "past",    "end"};
        const bool guarded = k > 0 && kGuards.count(tokens_[k - 1].lower) > 0;
        if (!guarded || (abbreviated && !Is(k + 1, "."))) return std::nullopt;
        if (t->lower == "may" && tokens_[k - 1].lower == "and") return std::nullopt;
        last = m_end;
      }
    } else if (t->number && t->value >= 1 && t->value <= 31 && t->digits <= 2) {
      // "12 December 2022", "the 12th of December"
      std::size_t mk = k + 1;
      if (Is(mk, "of")) ++mk;
      const Tok* mt = At(mk);
      if (!mt) return std::nullopt;
      month = MonthOf(*mt, &abbreviated);
      bool genitive = false;
      if (!month && russian_) {
        month = RussianMonth(*mt, &genitive);
        if (!genitive) month = 0;
      }
      if (!month) return std::nullopt;
      day = t->value;
      last = mk;
      if (abbreviated && Is(mk + 1, ".")) last = mk + 1;
      std::size_t ylast = last;
      year = YearAfter(last + 1, &ylast);
      if (year) last = ylast;
    } else {
      return std::nullopt;
    }
    if (day && year && !ValidDay(year, month, day)) return std::nullopt;
    if (day && !ValidDay(0, month, day)) return std::nullopt;
    DateMention m = Make(first, last, year ? DateKind::kAbsolute : DateKind::kRelative);
    if (year && day) {
      SetRange(&m, {Day(year, month, day), Day(year, month, day)});
    } else if (year) {
      SetRange(&m, MonthRange(year, month));
    } else {
      NoYear(&m, month, day);
    }
    *next = last + 1;
    return m;
  }

  // A number of digits only (not "23rd", "1990s").
  static bool PlainNumber(const Tok* t) { return t && t->number && t->size() == t->digits; }

  // Whether the byte at `at` of the text (before or after a numeric date) and the one past it
  // make the date part of a longer number: a digit or an ASCII letter next to it ("v2.10.2023",
  // "25.09.2023a"), or a separator with a digit beyond ("1.25.09.2023", "25.09.2023.5"). `step`
  // is -1 to look before the date, +1 after it. Outside the text is white space (a window or a
  // piece starts and ends at white space), so reading no further than the run of the date gives
  // the answer reading the whole text would.
  bool ExtendsNumber(std::size_t at, int step) const {
    auto byte = [&](std::size_t k, int n) -> unsigned char {
      const long p = static_cast<long>(k) + n;
      return p >= 0 && p < static_cast<long>(text_.size()) ? static_cast<unsigned char>(text_[p])
                                                           : ' ';
    };
    const unsigned char b = byte(at, 0);
    const auto digit = [](unsigned char c) { return c >= '0' && c <= '9'; };
    if (digit(b) || (b < 0x80 && ((b | 0x20) >= 'a' && (b | 0x20) <= 'z'))) return true;
    return (b == '.' || b == ',' || b == '/' || b == '-' || b == ':') && digit(byte(at, step));
  }

  // Whether the number token `n` follows separator token `s` as a numeric date allows: right
  // after it, or, after a full stop, one space later ("25. 9. 2023.").
  bool Joined(const Tok& s, const Tok& n) const {
    if (n.begin == s.end) return true;
    if (text_[s.begin] != '.') return false;
    const std::string_view gap = text_.substr(s.end, n.begin - s.end);
    return gap == " " || gap == "\xC2\xA0";
  }

  // "25.09.2023", "25. 9. 2023.", "24/09/2023", "2023-09-24" (see dates.h). The tokens are
  // number, separator, number, separator, number, the separators the same; the first separator
  // is glued to the number before it, and the date is no part of a longer number.
  std::optional<DateMention> NumericDate(std::size_t i, std::size_t* next) const {
    const Tok& a = tokens_[i];
    if (!PlainNumber(&a) || a.digits > 4) return std::nullopt;
    const Tok* s1 = At(i + 1);
    if (!s1 || s1->begin != a.end || s1->size() != 1) return std::nullopt;
    const char sep = text_[s1->begin];
    if (sep != '.' && sep != '/' && sep != '-') return std::nullopt;
    const Tok* b = At(i + 2);
    if (!PlainNumber(b) || !Joined(*s1, *b)) return std::nullopt;
    const Tok* s2 = At(i + 3);
    if (!s2 || s2->begin != b->end || s2->size() != 1 || text_[s2->begin] != sep) {
      return std::nullopt;
    }
    const Tok* c = At(i + 4);
    if (!PlainNumber(c) || !Joined(*s2, *c)) return std::nullopt;
    if (a.begin > 0 && ExtendsNumber(a.begin - 1, -1)) return std::nullopt;
    // An ISO time may follow its date: "2023-09-24T14:32".
    const bool iso_time = sep == '-' && c->end + 1 < text_.size() && text_[c->end] == 'T' &&
                          text_[c->end + 1] >= '0' && text_[c->end + 1] <= '9';
    if (!iso_time && ExtendsNumber(c->end, 1)) return std::nullopt;
    int year = 0;
    int month = 0;
    int day = 0;
    if (sep == '-') {
      // ISO 8601 only: four digits, two, two. "24-09-2023" is left alone (a score, a range).
      if (a.digits != 4 || b->digits != 2 || c->digits != 2) return std::nullopt;
      year = a.value;
      month = b->value;
      day = c->value;
    } else {
      if (a.digits > 2 || b->digits > 2 || c->digits != 4) return std::nullopt;
      year = c->value;
      day = a.value;
      month = b->value;
      // With '/', English writes the month first in the United States and the day first
      // elsewhere: in English (or an unknown language) a slash date is read only when one
      // number is over 12 and so can only be the day ("24/09/2023", "9/24/2023"); in other
      // languages the day comes first, as with '.'.
      if (sep == '/' && !day_first_slash_) {
        if (a.value <= 12 && b->value <= 12) return std::nullopt;
        if (a.value <= 12) std::swap(day, month);
      }
    }
    if (!PlausibleYear(year) || !ValidDay(year, month, day)) return std::nullopt;
    DateMention m = Make(i, i + 4, DateKind::kAbsolute);
    SetRange(&m, {Day(year, month, day), Day(year, month, day)});
    *next = i + 5;
    return m;
  }

  std::optional<DateMention> WeekdayExpr(std::size_t i, std::size_t* next) {
    std::size_t k = i;
    int mode = 0;  // 0 on or before, 1 strictly before, 2 strictly after
    if (Is(k, "last") || Is(k, "past") || Is(k, "this") || Is(k, "next")) {
      mode = Is(k, "next") ? 2 : Is(k, "this") ? 0 : 1;
      ++k;
    }
    const Tok* t = At(k);
    if (!t) return std::nullopt;
    const int wd = WeekdayOf(*t);
    if (wd < 0) return std::nullopt;
    std::size_t last = k;
    if (At(k + 1) && IsPartOfDay(tokens_[k + 1].lower)) last = k + 1;
    DateMention m = Make(i, last, DateKind::kRelative);
    Relative(&m, [wd, mode](const Date& d) {
      const Date r = mode == 2 ? WeekdayAfter(d, wd) : WeekdayOnOrBefore(d, wd, mode == 1);
      return Range{r, r};
    });
    *next = last + 1;
    return m;
  }

  std::optional<DateMention> DeicticExpr(std::size_t i, std::size_t* next) {
    const std::string_view w = tokens_[i].lower;
    std::optional<DayFn> fn;
    std::size_t last = i;
    if (const int shift = Lookup(kDeicticDays, w, kNoShift); shift != kNoShift) {
      fn = [shift](const Date& d) { return ShiftedDay(d, shift); };
    } else if ((w == "this" || w == "last") && At(i + 1) && IsPartOfDay(tokens_[i + 1].lower)) {
      last = i + 1;
      const long shift = w == "last" ? -1 : 0;
      fn = [shift](const Date& d) { return Range{AddDays(d, shift), AddDays(d, shift)}; };
    } else if (w == "last" || w == "this" || w == "next" || w == "past" || w == "the" ||
               w == "earlier" || w == "later") {
      std::size_t k = i + 1;
      int dir = (w == "last" || w == "past") ? -1 : w == "next" ? 1 : 0;
      if ((w == "earlier" || w == "later") && Is(k, "this"))
        ++k;
      else if (w == "earlier" || w == "later")
        return std::nullopt;
      const Tok* u = At(k);
      if (!u) return std::nullopt;
      const std::string_view unit = u->lower;
      const Period period = PeriodOf(kPeriods, unit);
      const int season_start = Lookup(kSeasons, unit, 0);
      last = k;
      if (period == Period::kWeekend) {
        fn = [dir](const Date& d) {
          // "last weekend": the latest weekend that ended before d; "this/the weekend": the one
          // d falls in, else the latest before it; "next weekend": the first one after d.
          const int wd = d.Weekday();
          Date sunday;
          if (dir < 0) {
            sunday = WeekdayOnOrBefore(d, 6, true);
          } else if (dir > 0) {
            sunday = AddDays(WeekdayAfter(d, 5), 1);
          } else {
            sunday = wd == 5 ? AddDays(d, 1) : WeekdayOnOrBefore(d, 6, false);
          }
          return Range{AddDays(sunday, -1), sunday};
        };
      } else if (w == "the") {
        return std::nullopt;
      } else if (period == Period::kWeek) {
        fn = [dir](const Date& d) {
          const Date monday = AddDays(d, -d.Weekday() + 7L * dir);
          return Range{monday, AddDays(monday, 6)};
        };
      } else if (period == Period::kMonth) {
        fn = [dir](const Date& d) { return MonthRange(d.year, d.month + dir); };
      } else if (period == Period::kYear) {
        fn = [dir](const Date& d) { return YearRange(d.year + dir); };
      } else if (season_start != 0) {
        const int start_month = season_start;
        fn = [dir, start_month](const Date& d) {
          // The season of that name that began most recently on or before d, shifted by dir.
          int y = d.year;
          if (d.month < start_month) --y;
          y += dir;
          return Range{Day(y, start_month, 1), MonthRange(y, start_month + 2).to};
        };
      } else {
        return std::nullopt;
      }
    } else {
      return std::nullopt;
    }
    // "earlier this week" ends on the day of writing, "later this week" starts on it.
    if (w == "earlier" || w == "later") {
      fn = [inner = *fn, earlier = w == "earlier"](const Date& d) {
        Range r = inner(d);
        if (earlier && d < r.to) r.to = d;
        if (!earlier && r.from < d) r.from = d;
        return r;
      };
    }
    DateMention m = Make(i, last, DateKind::kRelative);
    Relative(&m, *fn);
    *next = last + 1;
    return m;
  }

  std::optional<DateMention> AgoExpr(std::size_t i, std::size_t* next) {
    const int n = SmallNumber(tokens_[i]);
    if (n <= 0 || !At(i + 2) || !Is(i + 2, kAgo)) return std::nullopt;
    const std::string_view unit = tokens_[i + 1].lower;
    DayFn fn;
    if (unit == "day" || unit == "days") {
      fn = [n](const Date& d) { return Range{AddDays(d, -n), AddDays(d, -n)}; };
    } else if (unit == "week" || unit == "weeks") {
      fn = [n](const Date& d) { return Range{AddDays(d, -7L * n), AddDays(d, -7L * n)}; };
    } else if (unit == "month" || unit == "months") {
      fn = [n](const Date& d) { return MonthRange(d.year, d.month - n); };
    } else if (unit == "year" || unit == "years") {
      fn = [n](const Date& d) { return YearRange(d.year - n); };
    } else {
      return std::nullopt;
    }
    DateMention m = Make(i, i + 2, DateKind::kRelative);
    Relative(&m, fn);
    *next = i + 3;
    return m;
  }

  // "in 2020", "since 2020", "the 1990s", "the fall of 2020", "в 2020 году".
  std::optional<DateMention> YearExpr(std::size_t i, std::size_t* next) {
    std::size_t first = i;
    std::size_t k = i;
    int season = 0;
    if (Is(k, "the") && At(k + 1)) {
      season = Lookup(kSeasons, tokens_[k + 1].lower, 0);
      if (season && Is(k + 2, "of")) {
        k += 3;
      } else {
        season = 0;
      }
    }
    const Tok* t = At(k);
    if (!t || !t->number || t->size() < 4) return std::nullopt;
    // A decade: "the 1990s".
    if (t->size() == 5 && text_[t->end - 1] == 's' && k > 0 && Is(k - 1, "the")) {
      const int y = t->value;  // the four digits before the 's'
      if (!PlausibleYear(y) || y % 10 != 0) return std::nullopt;
      DateMention m = Make(k - 1, k, DateKind::kAbsolute);
      SetRange(&m, {Day(y, 1, 1), Day(y + 9, 12, 31)});
      *next = k + 1;
      return m;
    }
    if (t->size() != 4 || !PlausibleYear(t->value)) return std::nullopt;
    if (At(k + 1) && (Is(k + 1, "%") || Is(k + 1, "percent") || Is(k + 1, ",")) && At(k + 2) &&
        tokens_[k + 2].number) {
      return std::nullopt;
    }
    static const std::unordered_set<std::string_view> kGuards = {
        "in",      "since",   "of",    "by",   "until", "till",  "from", "before", "after",
        "during",  "through", "early", "late", "mid",   "mid-",  "the",  "and",    "to",
        "between", "around",  "в",     "с",    "до",    "после", "к"};
    if (!season && (k == 0 || !kGuards.count(tokens_[k - 1].lower))) return std::nullopt;
    if (!season && k > 0 && Is(k - 1, "the") && At(k + 1) && tokens_[k + 1].number) {
      return std::nullopt;
    }
    std::size_t last = k;
    if (Is(k + 1, "году") || Is(k + 1, "года") || Is(k + 1, "год")) last = k + 1;
    DateMention m = Make(first, last, DateKind::kAbsolute);
    if (season) {
      SetRange(&m, {Day(t->value, season, 1), MonthRange(t->value, season + 2).to});
    } else {
      SetRange(&m, YearRange(t->value));
    }
    *next = last + 1;
    return m;
  }

  std::optional<DateMention> RussianExpr(std::size_t i, std::size_t* next) {
    const std::string_view w = tokens_[i].lower;
    std::optional<DayFn> fn;
    std::size_t first = i;
    std::size_t last = i;
    if (const int shift = Lookup(kRussianDeicticDays, w, kNoShift); shift != kNoShift) {
      fn = [shift](const Date& d) { return ShiftedDay(d, shift); };
    } else if ((w == "в" || w == "во") && At(i + 1)) {
      const int wd = RussianWeekday(tokens_[i + 1]);
      bool genitive = false;
      const int month = RussianMonth(tokens_[i + 1], &genitive);
      if (wd >= 0) {
        first = last = i + 1;
        fn = [wd](const Date& d) {
          const Date r = WeekdayOnOrBefore(d, wd, false);
          return Range{r, r};
        };
      } else if (month && !genitive) {
        first = last = i + 1;
        std::size_t ylast = last;
        const int year = YearAfter(last + 1, &ylast);
        DateMention m =
            Make(first, year ? ylast : last, year ? DateKind::kAbsolute : DateKind::kRelative);
        if (year) {
          SetRange(&m, MonthRange(year, month));
        } else {
          NoYear(&m, month, 0);
        }
        *next = (year ? ylast : last) + 1;
        return m;
      } else if ((Is(i + 1, "прошлом") || Is(i + 1, "этом") || Is(i + 1, "следующем")) &&
                 At(i + 2)) {
        const int dir = Is(i + 1, "прошлом") ? -1 : Is(i + 1, "этом") ? 0 : 1;
        first = i + 1;
        last = i + 2;
        const Period period = PeriodOf(kRussianPeriods, tokens_[i + 2].lower);
        if (period == Period::kYear) {
          fn = [dir](const Date& d) { return YearRange(d.year + dir); };
        } else if (period == Period::kMonth) {
          fn = [dir](const Date& d) { return MonthRange(d.year, d.month + dir); };
        }
      }
    } else if (w == "на" && At(i + 2) &&
               PeriodOf(kRussianPeriods, tokens_[i + 2].lower) == Period::kWeek &&
               (Is(i + 1, "прошлой") || Is(i + 1, "этой") || Is(i + 1, "следующей"))) {
      const int dir = Is(i + 1, "прошлой") ? -1 : Is(i + 1, "этой") ? 0 : 1;
      first = i + 1;
      last = i + 2;
      fn = [dir](const Date& d) {
        const Date monday = AddDays(d, -d.Weekday() + 7L * dir);
        return Range{monday, AddDays(monday, 6)};
      };
    }
    if (!fn) return std::nullopt;
    DateMention m = Make(first, last, DateKind::kRelative);
    Relative(&m, *fn);
    *next = last + 1;
    return m;
  }

  std::string_view text_;
  std::size_t offset_ = 0;
  mutable bool overflow_ = false;  // At read past the last token
  DateTokens words_;               // owns the lower-case forms tokens_ may view
  const std::vector<Tok>& tokens_ = words_.tokens;
  bool russian_ = false;
  bool day_first_slash_ = false;  // "05/09/2023" is 5 September (NumericDate)
  bool has_ref_ = false;
  Date ref_from_;
  Date ref_to_;
};

// ---------------------------------------------------------------------------------------------
// Page stamps (internal::IsPageStamp).

// The words a page labels its own times with: published, updated, modified (English, Russian,
// Ukrainian, Serbian in both scripts and without diacritics, Albanian with and without ë), and
// the nouns of "Date of publication" ("Дата публикации", "Datum objave").
constexpr std::string_view kStampLabels[] = {
    "updated",      "update",     "published",   "posted",     "modified",  "обновлено",
    "опубликовано", "изменено",   "публикации",  "обновления", "оновлено",  "опубліковано",
    "змінено",      "публікації", "оновлення",   "objavljeno", "objavljen", "ažurirano",
    "azurirano",    "izmenjeno",  "izmijenjeno", "objave",     "објављено", "објављен",
    "ажурирано",    "измењено",   "објаве",      "publikuar",  "publikua",  "përditësuar",
    "perditesuar",  "përditësua", "perditesua",  "botuar"};
// The one word a label may follow at the start of its line: "Last updated", "Datum objave",
// "Дата публикации", "U publikua".
constexpr std::string_view kStampLabelOpeners[] = {"last", "first", "originally", "date", "datum",
                                                   "дата", "датум", "data",       "u"};
// Between a label and its date: "Published on", "Publikuar më".
constexpr std::string_view kStampConnectors[] = {"on", "at", "më", "me"};
// After a clock time ("14:32 h", "10:32 GMT"), or a year ("2023. godine").
constexpr std::string_view kStampTrailers[] = {
    "h", "ч", "am", "pm", "a", "p", "m", "gmt", "utc", "cet", "cest", "eet", "eest", "msk", "bst",
    "est", "edt", "pst", "pdt", "godine", "године", "g", "г", "god", "год",
    // before the clock time: "at 10:32", "u 14:32", "në 14:32", "в 10:32", ISO "T14:32"
    "at", "u", "у", "në", "в", "um", "à", "t"};
// What a credit ends with before its date: "Jane Doe, 24 April 2023", "AP | 24.09.2023".
constexpr std::string_view kCreditSeparators[] = {",", "|", "/", "•", "·", "—", "–", "-"};
// What a label may follow in a line of several stamps: "Author | Updated 24/09/2023".
constexpr std::string_view kStampSeparators[] = {"|", "/", "•", "·"};

template <typename Table>
bool In(const Table& table, std::string_view w) {
  return std::find(std::begin(table), std::end(table), w) != std::end(table);
}

// Whether tokens [k, k + 3) are a clock time: "14:32", "14.32".
bool ClockAt(const std::vector<Tok>& t, std::size_t k) {
  return k + 2 < t.size() && t[k].number && t[k].digits <= 2 && t[k].value <= 24 &&
         (t[k + 1].lower == ":" || t[k + 1].lower == ".") && t[k + 2].number &&
         t[k + 2].digits == 2 && t[k + 2].value <= 59;
}

// Whether `after` (the rest of a date's line) holds nothing but punctuation, clock times and
// their trailers; *clock tells whether it held a clock time.
bool EndsLine(const std::vector<Tok>& t, bool* clock) {
  for (std::size_t k = 0; k < t.size();) {
    if (ClockAt(t, k)) {
      *clock = true;
      k += 3;
    } else if (!t[k].number && (!t[k].word || In(kStampTrailers, t[k].lower))) {
      ++k;
    } else {
      return false;
    }
  }
  return true;
}

// Whether `before` (the line up to a date) ends with a stamp label: "Updated:", "Objavljeno
// 14:32,", "Publikuar më", with the label first on the line (`line_start`: `before` starts the
// line), second after an opener ("Last updated", "Datum objave") or after a stamp separator.
bool EndsWithLabel(const std::vector<Tok>& t, bool line_start) {
  std::size_t k = t.size();
  while (k > 0 && (!t[k - 1].word || In(kStampConnectors, t[k - 1].lower) ||
                   In(kStampTrailers, t[k - 1].lower))) {
    --k;
  }
  if (k == 0 || !In(kStampLabels, t[k - 1].lower)) return false;
  const std::size_t label = k - 1;
  if (label > 0 && In(kStampSeparators, t[label - 1].lower)) return true;
  return line_start && (label == 0 || (label == 1 && In(kStampLabelOpeners, t[0].lower)));
}

// Whether `before` is a credit: one to six words of names (capitalised, but for "by" and
// "and"; no number) and a credit separator, or (when a clock time follows the date) without one:
// "By Jane Doe,", "Pera Perić". A line of lower-case words is an item of a chronology
// ("- Ceasefire signed, 10 November 2020"), whose date is the story's.
bool IsCredit(const std::vector<Tok>& t, bool clock) {
  static constexpr std::string_view kLowerCase[] = {"by", "and", "i", "и", "dhe"};
  std::size_t words = 0;
  for (const Tok& k : t) {
    if (k.number || (k.word && !k.capital && !In(kLowerCase, k.lower))) return false;
    words += k.word;
  }
  if (words == 0 || words > 6) return false;
  return clock || In(kCreditSeparators, t.back().lower);
}

// The pieces FindDates reads a text in: calls read(begin, end) for each, in text order.
template <typename Read>
void ForEachPiece(std::string_view text, Read read) {
  // A long text is read in pieces of about kPiece bytes, cut at a line break (or, in a run with
  // none, at white space): a date never spans a line, and the tokens of one piece at a time
  // keep memory proportional to the piece, not to the text. A token costs 40 bytes and text of
  // punctuation is a token every two bytes or so: a quarter of a megabyte keeps that near 10 MB.
  constexpr std::size_t kPiece = std::size_t{1} << 18;
  if (text.size() <= kPiece) {
    read(std::size_t{0}, text.size());
    return;
  }
  std::size_t begin = 0;
  while (begin < text.size()) {
    std::size_t end = std::min(text.size(), begin + kPiece);
    if (end < text.size()) {
      // Looked for inside this piece only: a text with no line break must not be searched
      // back to its start for every piece.
      const std::string_view piece = text.substr(begin, end - begin + 1);
      std::size_t cut = piece.rfind('\n');
      if (cut == std::string_view::npos || cut == 0) cut = piece.rfind(' ');
      if (cut != std::string_view::npos && cut > 0) end = begin + cut + 1;
    }
    read(begin, end);
    begin = end;
  }
}

bool ReadsRussian(const std::string& language) {
  return language.empty() || language.rfind("ru", 0) == 0;
}

// Whether "05/09/2023" is read day first: in a language known and not English (NumericDate).
bool DayFirstSlash(const std::string& language) {
  std::string primary = language.substr(0, language.find('-'));
  for (char& c : primary) c = internal::AsciiLower(c);
  return !primary.empty() && primary != "en";
}

// How far a window reaches around an anchor, in runs of text between white space (each holds a
// token or more). Every expression MatchAt accepts at token t has an anchor among tokens t … t + 4
// and MatchAt reads back to t - 1 only: 4 runs before an anchor's run hold the token before any t
// that may match (an anchor at t + 4 is the year of a numeric date, whose five tokens lie in at
// most three runs: "25. 9. 2023"). After it, MatchAt reads up to t + 11 (the longest path: "the
// morning of Sunday, 12 of December, 2022 года" reads from "the" to the token after "года"), but
// most reads stop two tokens on: a window takes 2 runs after its last anchor and grows (by 11 runs,
// then twice as many each time) when a rule reads past it, which Run tells. An anchor just past a
// window would have merged with it (its window starts 4 runs earlier), so the tokens after a
// window's last hold no anchor: the tokens Run skips as far from any anchor are far from one in the
// whole text too, and every token a rule reads is the whole text's token at that place.
constexpr std::size_t kRunsBefore = 4;
constexpr std::size_t kRunsAfter = 2;
constexpr std::size_t kRunsAfterAtMost = 11;

const internal::DateWindowFinder& Windows() {
  static const internal::DateWindowFinder kFinder = [] {
    std::vector<std::string_view> any_case;
    std::vector<std::string_view> capitalised;
    AnchorWords(&any_case, &capitalised);
    return internal::DateWindowFinder(any_case, capitalised, kFirstYear, kLastYear, kRunsBefore,
                                      kRunsAfter);
  }();
  return kFinder;
}

// Drops the page stamps of `text` from `*dates`.
void DropPageStamps(std::string_view text, std::vector<DateMention>* dates) {
  std::erase_if(*dates, [text](const DateMention& m) {
    return internal::IsPageStamp(text, m.start, m.end, m.kind == DateKind::kAbsolute);
  });
}

}  // namespace

std::vector<DateMention> FindDates(std::string_view text, const std::optional<Date>& article_date,
                                   const std::string& language) {
  DateFinder finder(article_date, ReadsRussian(language), DayFirstSlash(language));
  std::vector<DateMention> out;
  std::vector<internal::ByteWindow> windows;
  ForEachPiece(text, [&](std::size_t begin, std::size_t end) {
    const std::string_view piece = text.substr(begin, end - begin);
    if (!Windows().Find(piece, &windows)) {
      // Dates everywhere (a table, a chronology): reading every token costs less than windows.
      DateFinder::Stop stop;
      finder.Run(piece, begin, 0, false, true, &out, &stop);
      return;
    }
    for (std::size_t k = 0; k < windows.size(); ++k) {
      internal::ByteWindow w = windows[k];
      std::size_t from = w.begin;  // no token before it is tried again
      std::size_t more = kRunsAfterAtMost;
      DateFinder::Stop stop;
      while (!finder.Run(piece.substr(w.begin, w.end - w.begin), begin + w.begin, from - w.begin,
                         true, w.end == piece.size(), &out, &stop)) {
        // A rule read past the window: grow it (by twice as much each time) and go on reading
        // where it stopped, from the run of the token before (which rules read back to).
        from = w.begin + stop.token;
        w.begin += stop.resume;
        w.end = internal::DateWindowFinder::Grow(piece, w.end, more);
        more *= 2;
        while (k + 1 < windows.size() && windows[k + 1].begin <= w.end) {
          w.end = std::max(w.end, windows[++k].end);
        }
      }
    }
  });
  DropPageStamps(text, &out);
  return out;
}

namespace internal {

std::vector<DateMention> FindDatesInEveryToken(std::string_view text,
                                               const std::optional<Date>& article_date,
                                               const std::string& language) {
  DateFinder finder(article_date, ReadsRussian(language), DayFirstSlash(language));
  std::vector<DateMention> out;
  ForEachPiece(text, [&](std::size_t begin, std::size_t end) {
    DateFinder::Stop stop;
    finder.Run(text.substr(begin, end - begin), begin, 0, false, true, &out, &stop);
  });
  DropPageStamps(text, &out);
  return out;
}

bool IsPageStamp(std::string_view text, std::size_t start, std::size_t end, bool absolute) {
  // The line around the date, read no further than a stamp reaches (a long line costs no more):
  // [from, start) before it, [end, to) after it; whether they reach the line's start and end.
  constexpr std::size_t kBefore = 160;
  constexpr std::size_t kAfter = 80;
  std::size_t from = start > kBefore ? start - kBefore : 0;
  const std::size_t newline = text.substr(from, start - from).rfind('\n');
  bool line_start = from == 0 || text[from - 1] == '\n';
  if (newline != std::string_view::npos) {
    from += newline + 1;
    line_start = true;
  }
  while (from < start && (static_cast<unsigned char>(text[from]) & 0xC0) == 0x80) {
    ++from;
    line_start = false;
  }
  std::size_t to = std::min(text.size(), end + kAfter);
  const std::size_t line_end = text.substr(end, to - end).find('\n');
  const bool ends_line = line_end != std::string_view::npos || to == text.size();
  if (line_end != std::string_view::npos) to = end + line_end;
  if (!ends_line) return false;
  DateTokens after;
  TokenizeForDates(text.substr(end, to - end), &after);
  bool clock = false;
  // A stamp's date ends its line, with at most a clock time after it: "Published on 24 March
  // 2023, the report said …" is a sentence of the story.
  if (!EndsLine(after.tokens, &clock)) return false;
  DateTokens before;
  TokenizeForDates(text.substr(from, start - from), &before);
  if (EndsWithLabel(before.tokens, line_start)) return true;
  if (!absolute || !line_start) return false;
  // A dateline ("25.09.2023. 14:32") or a byline ("Jane Doe, 24 April 2023"); an item of a list
  // ("- Ceasefire Signed, 10 November 2020") is a chronology, not a credit.
  const bool dateline = std::none_of(before.tokens.begin(), before.tokens.end(),
                                     [](const Tok& t) { return t.word || t.number; });
  if (dateline) return true;
  std::size_t first = from;
  while (first < start && (text[first] == ' ' || text[first] == '\t')) ++first;
  const std::string_view line = text.substr(first, start - first);
  for (const std::string_view marker : {"-", "*", "\u2022", "\u2013", "\u2014"}) {
    if (line.starts_with(marker)) return false;
  }
  return IsCredit(before.tokens, clock);
}

void DateAnchorWords(std::vector<std::string_view>* any_case,
                     std::vector<std::string_view>* capitalised) {
  AnchorWords(any_case, capitalised);
}

}  // namespace internal
}  // namespace parallax
