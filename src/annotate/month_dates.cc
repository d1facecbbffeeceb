#include "annotate/month_dates.h"

#include <string>

#include "text/tokenizer.h"

namespace parallax {
namespace {

struct MonthStem {
  std::string_view stem;  // match form (lower case); a token starting with it names the month
  int month;
};

// Stems long enough to be unambiguous within their language; a token matches when it starts
// with the stem and has at most kMaxSuffix more characters.
constexpr MonthStem kStems[] = {
    // Azerbaijani
    {"yanvar", 1},
    {"fevral", 2},
    {"mart", 3},
    {"aprel", 4},
    {"may", 5},
    {"iyun", 6},
    {"iyul", 7},
    {"avqust", 8},
    {"sentyabr", 9},
    {"oktyabr", 10},
    {"noyabr", 11},
    {"dekabr", 12},
    // Turkish
    {"ocak", 1},
    {"şubat", 2},
    {"nisan", 4},
    {"mayıs", 5},
    {"haziran", 6},
    {"temmuz", 7},
    {"ağustos", 8},
    {"eylül", 9},
    {"ekim", 10},
    {"kasım", 11},
    {"aralık", 12},
    // Ukrainian (genitive forms)
    {"січн", 1},
    {"лют", 2},
    {"берез", 3},
    {"квітн", 4},
    {"травн", 5},
    {"червн", 6},
    {"липн", 7},
    {"серпн", 8},
    {"вересн", 9},
    {"жовтн", 10},
    {"листопад", 11},
    {"грудн", 12},
    // Belarusian (genitive forms; "лютага" has the Ukrainian stem, "мая" is read by FindDates)
    {"студзен", 1},
    {"сакавік", 3},
    {"красавік", 4},
    {"чэрвен", 6},
    {"ліпен", 7},
    {"жніўн", 8},
    {"верасн", 9},
    {"кастрычнік", 10},
    {"лістапад", 11},
    {"снежн", 12},
    // Armenian
    {"հունվար", 1},
    {"փետրվար", 2},
    {"մարտ", 3},
    {"ապրիլ", 4},
    {"մայիս", 5},
    {"հունիս", 6},
    {"հուլիս", 7},
    {"օգոստոս", 8},
    {"սեպտեմբեր", 9},
    {"հոկտեմբեր", 10},
    {"նոյեմբեր", 11},
    {"դեկտեմբեր", 12},
    // Georgian
    {"იანვ", 1},
    {"თებერვ", 2},
    {"მარტ", 3},
    {"აპრილ", 4},
    {"მაის", 5},
    {"ივნის", 6},
    {"ივლის", 7},
    {"აგვისტ", 8},
    {"სექტემბ", 9},
    {"ოქტომბ", 10},
    {"ნოემბ", 11},
    {"დეკემბ", 12},
    // French
    {"janvier", 1},
    {"février", 2},
    {"fevrier", 2},
    {"mars", 3},
    {"avril", 4},
    {"mai", 5},
    {"juin", 6},
    {"juillet", 7},
    {"août", 8},
    {"aout", 8},
    {"septembre", 9},
    {"octobre", 10},
    {"novembre", 11},
    {"décembre", 12},
    {"decembre", 12},
    // German
    {"januar", 1},
    {"jänner", 1},
    {"februar", 2},
    {"märz", 3},
    {"april", 4},
    {"juni", 6},
    {"juli", 7},
    {"august", 8},
    {"september", 9},
    {"oktober", 10},
    {"november", 11},
    {"dezember", 12},
    // Polish
    {"stycz", 1},
    {"lut", 2},
    {"marc", 3},
    {"kwie", 4},
    {"maj", 5},
    {"czerw", 6},
    {"lip", 7},
    {"sierp", 8},
    {"wrze", 9},
    {"paźdz", 10},
    {"listopad", 11},
    {"grud", 12},
    // Italian
    {"gennaio", 1},
    {"febbraio", 2},
    {"marzo", 3},
    {"aprile", 4},
    {"maggio", 5},
    {"giugno", 6},
    {"luglio", 7},
    {"agosto", 8},
    {"settembre", 9},
    {"ottobre", 10},
    {"dicembre", 12},
    // Spanish and Portuguese
    {"enero", 1},
    {"febrero", 2},
    {"abril", 4},
    {"mayo", 5},
    {"junio", 6},
    {"julio", 7},
    {"septiembre", 9},
    {"setiembre", 9},
    {"octubre", 10},
    {"noviembre", 11},
    {"diciembre", 12},
    {"janeiro", 1},
    {"fevereiro", 2},
    {"março", 3},
    {"maio", 5},
    {"junho", 6},
    {"julho", 7},
    {"setembro", 9},
    {"outubro", 10},
    {"novembro", 11},
    {"dezembro", 12},
    // Romanian
    {"ianuarie", 1},
    {"februarie", 2},
    {"martie", 3},
    {"aprilie", 4},
    {"iunie", 6},
    {"iulie", 7},
    {"septembrie", 9},
    {"octombrie", 10},
    {"noiembrie", 11},
    {"decembrie", 12},
    // Serbian, Croatian, Bosnian (Latin); "mart", "april" and "maj" are above. The nominative
    // ends in -ar, the other cases drop its a ("septembar", "25. septembra", "u septembru").
    {"januar", 1},
    {"februar", 2},
    {"jun", 6},
    {"jul", 7},
    {"avgust", 8},
    {"septembar", 9},
    {"septembr", 9},
    {"oktobar", 10},
    {"oktobr", 10},
    {"novembar", 11},
    {"novembr", 11},
    {"decembar", 12},
    {"decembr", 12},
    // Serbian (Cyrillic); "април" is with Bulgarian below.
    {"јануар", 1},
    {"фебруар", 2},
    {"март", 3},
    {"мај", 5},
    {"јун", 6},
    {"јул", 7},
    {"август", 8},
    {"септембар", 9},
    {"септембр", 9},
    {"октобар", 10},
    {"октобр", 10},
    {"новембар", 11},
    {"новембр", 11},
    {"децембар", 12},
    {"децембр", 12},
    // Albanian, with or without the definite ending ("25 shtator", "më 25 shtatorit"); "mars"
    // and "maj" are above. Written with and without the ë, as the web does.
    {"janar", 1},
    {"shkurt", 2},
    {"prill", 4},
    {"qershor", 6},
    {"korrik", 7},
    {"gusht", 8},
    {"shtator", 9},
    {"tetor", 10},
    {"nëntor", 11},
    {"nentor", 11},
    {"dhjetor", 12},
    // Bulgarian
    {"януари", 1},
    {"февруари", 2},
    {"април", 4},
    {"юни", 6},
    {"юли", 7},
    {"септември", 9},
    {"октомври", 10},
    {"ноември", 11},
    {"декември", 12},
    // Greek (genitive)
    {"ιανουαρ", 1},
    {"φεβρουαρ", 2},
    {"μαρτ", 3},
    {"απριλ", 4},
    {"μαΐου", 5},
    {"ιουν", 6},
    {"ιουλ", 7},
    {"αυγουστ", 8},
    {"σεπτεμβρ", 9},
    {"οκτωβρ", 10},
    {"νοεμβρ", 11},
    {"δεκεμβρ", 12},
    // Arabic (Egyptian and Gulf usage) and Persian
    {"يناير", 1},
    {"فبراير", 2},
    {"مارس", 3},
    {"أبريل", 4},
    {"ابريل", 4},
    {"مايو", 5},
    {"يونيو", 6},
    {"يوليو", 7},
    {"أغسطس", 8},
    {"اغسطس", 8},
    {"سبتمبر", 9},
    {"أكتوبر", 10},
    {"اكتوبر", 10},
    {"نوفمبر", 11},
    {"ديسمبر", 12},
    {"ژانویه", 1},
    {"فوریه", 2},
    {"آوریل", 4},
    {"ژوئن", 6},
    {"ژوئیه", 7},
    {"سپتامبر", 9},
    {"اکتبر", 10},
    {"نوامبر", 11},
    {"دسامبر", 12},
};

constexpr std::size_t kMaxSuffix = 6;  // characters

// The month a token names, or 0.
int MonthOf(std::string_view norm) {
  int best = 0;
  std::size_t best_length = 0;
  for (const MonthStem& m : kStems) {
    if (norm.size() < m.stem.size() || norm.compare(0, m.stem.size(), m.stem) != 0) continue;
    // The ending, counted in characters: case endings and suffixes only.
    std::size_t suffix = 0;
    for (std::size_t k = m.stem.size(); k < norm.size(); ++k) {
      suffix += (static_cast<unsigned char>(norm[k]) & 0xC0) != 0x80;
    }
    if (suffix > kMaxSuffix) continue;
    // Short stems allow short endings only: "mayda", not "maydan".
    if (m.stem.size() <= 4 && suffix > 3) continue;
    if (m.stem.size() > best_length) {
      best = m.month;
      best_length = m.stem.size();
    }
  }
  return best;
}

// The leading number of a token ("19", "19-ին", "27th"), or -1.
int LeadingNumber(std::string_view norm, std::size_t max_digits) {
  int value = 0;
  std::size_t digits = 0;
  while (digits < norm.size() && norm[digits] >= '0' && norm[digits] <= '9') {
    if (++digits > max_digits) return -1;
    value = value * 10 + (norm[digits - 1] - '0');
  }
  if (digits == 0) return -1;
  return value;
}

}  // namespace

std::vector<DateMention> FindMonthDates(std::string_view text,
                                        const std::optional<Date>& article_date) {
  std::vector<DateMention> out;
  std::vector<Token> tokens;
  std::string storage;
  Tokenize(text, TokenizerOptions{}, &tokens, &storage);
  auto year_at = [&](std::size_t i) {
    // "2020", and "2020-ci" / "2020'de" (a year with a suffix).
    if (i >= tokens.size()) return -1;
    const std::string_view norm = tokens[i].norm;
    if (norm.size() < 4 || (norm.size() > 4 && norm[4] >= '0' && norm[4] <= '9')) return -1;
    const int y = LeadingNumber(norm, 4);
    return y >= 1900 && y <= 2100 ? y : -1;
  };
  for (std::size_t i = 0; i + 1 < tokens.size(); ++i) {
    // "19 sentyabr" / "19-го вересня" (day first) or "სექტემბრის 19" (month first).
    int day = -1;
    int month = 0;
    std::size_t first = i;
    std::size_t last = i + 1;
    const int number = LeadingNumber(tokens[i].norm, 2);
    if (number >= 1 && number <= 31) {
      month = MonthOf(tokens[i + 1].norm);
      if (month > 0) day = number;
    }
    if (day < 0) {
      month = MonthOf(tokens[i].norm);
      const int after = month > 0 ? LeadingNumber(tokens[i + 1].norm, 2) : -1;
      if (after < 1 || after > 31) continue;
      day = after;
    }
    int year = year_at(last + 1);
    if (year > 0) ++last;
    DateMention d;
    d.start = tokens[first].begin;
    d.end = tokens[last].end;
    d.text = std::string(text.substr(d.start, d.end - d.start));
    d.kind = year > 0 ? DateKind::kAbsolute : DateKind::kRelative;
    if (year > 0) {
      d.from = Date{year, month, day};
      d.resolved = d.from.valid();
    } else if (article_date && article_date->valid()) {
      // The most recent such day not later than the day after the article's (last) day.
      const long limit = article_date->LastDaySinceEpoch() + 1;
      for (int y = article_date->year + 1; y >= article_date->year - 1; --y) {
        const Date candidate{y, month, day};
        if (candidate.valid() && candidate.DaysSinceEpoch() <= limit) {
          d.from = candidate;
          d.resolved = true;
          break;
        }
      }
    }
    d.to = d.from;
    i = last;
    if (internal::IsPageStamp(text, d.start, d.end, year > 0)) continue;
    out.push_back(std::move(d));
  }
  return out;
}

}  // namespace parallax
