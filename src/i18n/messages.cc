#include "i18n/messages.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstring>

namespace parallax {
namespace {

constexpr char kContextSeparator = '\x04';

std::uint32_t ReadWord(std::string_view data, std::size_t at, bool swap) {
  std::uint32_t w = 0;
  std::memcpy(&w, data.data() + at, 4);
  if (swap) {
    w = ((w & 0xFFu) << 24) | ((w & 0xFF00u) << 8) | ((w >> 8) & 0xFF00u) | (w >> 24);
  }
  return w;
}

// The value of `key` in a catalogue header ("Plural-Forms: nplurals=3; plural=(...);").
std::string HeaderField(std::string_view header, std::string_view key) {
  std::size_t at = 0;
  while (at < header.size()) {
    std::size_t end = header.find('\n', at);
    if (end == std::string_view::npos) end = header.size();
    const std::string_view line = header.substr(at, end - at);
    if (line.size() > key.size() && line.substr(0, key.size()) == key && line[key.size()] == ':') {
      std::string_view v = line.substr(key.size() + 1);
      while (!v.empty() && v.front() == ' ') v.remove_prefix(1);
      return std::string(v);
    }
    at = end + 1;
  }
  return "";
}

// Recursive descent over the C subset gettext allows in Plural-Forms: n, unsigned integers,
// ! * / % + - < > <= >= == != && || ?: and parentheses.
class PluralParser {
 public:
  PluralParser(std::string_view text, unsigned long n) : s_(text), n_(n) {}

  std::optional<unsigned long> Run() {
    const unsigned long v = Conditional();
    Skip();
    if (!ok_ || at_ != s_.size()) return std::nullopt;
    return v;
  }

 private:
  void Skip() {
    while (at_ < s_.size() && (s_[at_] == ' ' || s_[at_] == '\t')) ++at_;
  }
  bool Eat(std::string_view op) {
    Skip();
    if (s_.substr(at_, op.size()) != op) return false;
    // "<" must not eat the first character of "<=", "!" not that of "!=".
    if (op.size() == 1 && at_ + 1 < s_.size() && s_[at_ + 1] == '=' &&
        (op == "<" || op == ">" || op == "!" || op == "=")) {
      return false;
    }
    at_ += op.size();
    return true;
  }
  unsigned long Conditional() {
    const unsigned long c = Or();
    if (!Eat("?")) return c;
    const unsigned long a = Conditional();
    if (!Eat(":")) ok_ = false;
    const unsigned long b = Conditional();
    return c ? a : b;
  }
  unsigned long Or() {
    unsigned long v = And();
    while (Eat("||")) {
      const unsigned long r = And();
      v = (v || r) ? 1 : 0;
    }
    return v;
  }
  unsigned long And() {
    unsigned long v = Equality();
    while (Eat("&&")) {
      const unsigned long r = Equality();
      v = (v && r) ? 1 : 0;
    }
    return v;
  }
  unsigned long Equality() {
    unsigned long v = Relational();
    for (;;) {
      if (Eat("==")) {
        v = v == Relational();
      } else if (Eat("!=")) {
        v = v != Relational();
      } else {
        return v;
      }
    }
  }
  unsigned long Relational() {
    unsigned long v = Additive();
    for (;;) {
      if (Eat("<=")) {
        v = v <= Additive();
      } else if (Eat(">=")) {
        v = v >= Additive();
      } else if (Eat("<")) {
        v = v < Additive();
      } else if (Eat(">")) {
        v = v > Additive();
      } else {
        return v;
      }
    }
  }
  unsigned long Additive() {
    unsigned long v = Multiplicative();
    for (;;) {
      if (Eat("+")) {
        v += Multiplicative();
      } else if (Eat("-")) {
        v -= Multiplicative();
      } else {
        return v;
      }
    }
  }
  unsigned long Multiplicative() {
    unsigned long v = Unary();
    for (;;) {
      if (Eat("*")) {
        v *= Unary();
      } else if (Eat("/") || Eat("%")) {
        const bool div = s_[at_ - 1] == '/';
        const unsigned long r = Unary();
        if (r == 0) {
          ok_ = false;
          return 0;
        }
        v = div ? v / r : v % r;
      } else {
        return v;
      }
    }
  }
  unsigned long Unary() {
    if (Eat("!")) return !Unary();
    Skip();
    if (Eat("(")) {
      const unsigned long v = Conditional();
      if (!Eat(")")) ok_ = false;
      return v;
    }
    if (at_ < s_.size() && s_[at_] == 'n') {
      ++at_;
      return n_;
    }
    if (at_ < s_.size() && s_[at_] >= '0' && s_[at_] <= '9') {
      unsigned long v = 0;
      while (at_ < s_.size() && s_[at_] >= '0' && s_[at_] <= '9') v = v * 10 + (s_[at_++] - '0');
      return v;
    }
    ok_ = false;
    return 0;
  }

  std::string_view s_;
  unsigned long n_;
  std::size_t at_ = 0;
  bool ok_ = true;
};

// The month names, nominative ("April 2023") and after a day number ("24 April").
const char* const kMonths[] = {
    NC_("month", "January"), NC_("month", "February"), NC_("month", "March"),
    NC_("month", "April"),   NC_("month", "May"),      NC_("month", "June"),
    NC_("month", "July"),    NC_("month", "August"),   NC_("month", "September"),
    NC_("month", "October"), NC_("month", "November"), NC_("month", "December"),
};
const char* const kMonthsAfterDay[] = {
    NC_("month after a day", "January"),   NC_("month after a day", "February"),
    NC_("month after a day", "March"),     NC_("month after a day", "April"),
    NC_("month after a day", "May"),       NC_("month after a day", "June"),
    NC_("month after a day", "July"),      NC_("month after a day", "August"),
    NC_("month after a day", "September"), NC_("month after a day", "October"),
    NC_("month after a day", "November"),  NC_("month after a day", "December"),
};

std::string TwoDigits(int v) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d", v);
  return buf;
}

}  // namespace

std::string Fill(std::string_view pattern,
                 std::initializer_list<std::pair<std::string_view, std::string_view>> values) {
  std::string out;
  out.reserve(pattern.size() + 16);
  std::size_t at = 0;
  while (at < pattern.size()) {
    const std::size_t open = pattern.find('{', at);
    if (open == std::string_view::npos) break;
    const std::size_t close = pattern.find('}', open);
    if (close == std::string_view::npos) break;
    out.append(pattern.substr(at, open - at));
    const std::string_view name = pattern.substr(open + 1, close - open - 1);
    const auto it =
        std::find_if(values.begin(), values.end(), [&](const auto& v) { return v.first == name; });
    if (it != values.end()) {
      out.append(it->second);
    } else {
      out.append(pattern.substr(open, close - open + 1));
    }
    at = close + 1;
  }
  out.append(pattern.substr(std::min(at, pattern.size())));
  return out;
}

namespace internal {
std::optional<unsigned long> EvaluatePlural(std::string_view expression, unsigned long n) {
  return PluralParser(expression, n).Run();
}
}  // namespace internal

Messages::Messages() = default;

std::optional<Messages> Messages::FromMo(std::string_view mo, std::string* error) {
  auto fail = [&](const std::string& why) -> std::optional<Messages> {
    if (error != nullptr) *error = why;
    return std::nullopt;
  };
  if (mo.size() < 28) return fail("too short for a compiled catalogue (.mo)");
  const std::uint32_t magic = ReadWord(mo, 0, false);
  bool swap = false;
  if (magic == 0xde120495u) {
    swap = true;
  } else if (magic != 0x950412deu) {
    return fail("not a compiled catalogue (.mo): wrong magic number");
  }
  const std::uint32_t count = ReadWord(mo, 8, swap);
  const std::uint32_t originals = ReadWord(mo, 12, swap);
  const std::uint32_t translations = ReadWord(mo, 16, swap);
  auto string_at = [&](std::uint32_t table, std::uint32_t i, std::string_view* out) {
    const std::size_t entry = static_cast<std::size_t>(table) + 8 * static_cast<std::size_t>(i);
    if (entry + 8 > mo.size()) return false;
    const std::uint32_t length = ReadWord(mo, entry, swap);
    const std::uint32_t offset = ReadWord(mo, entry + 4, swap);
    if (static_cast<std::size_t>(offset) + length > mo.size()) return false;
    *out = mo.substr(offset, length);
    return true;
  };
  Messages m;
  for (std::uint32_t i = 0; i < count; ++i) {
    std::string_view id, str;
    if (!string_at(originals, i, &id) || !string_at(translations, i, &str)) {
      return fail("string table " + std::to_string(i) + " points outside the file");
    }
    if (id.empty()) {
      m.language_ = LanguageOf(HeaderField(str, "Language"));
      const std::string forms = HeaderField(str, "Plural-Forms");
      if (!forms.empty()) {
        const std::size_t np = forms.find("nplurals=");
        const std::size_t pl = forms.find("plural=");
        if (np == std::string::npos || pl == std::string::npos) {
          return fail("Plural-Forms lacks nplurals= or plural=: " + forms);
        }
        m.nplurals_ = std::strtoul(forms.c_str() + np + 9, nullptr, 10);
        std::string expr = forms.substr(pl + 7);
        while (!expr.empty() && (expr.back() == ';' || expr.back() == ' ')) expr.pop_back();
        if (m.nplurals_ == 0 || !internal::EvaluatePlural(expr, 1)) {
          return fail("cannot read the Plural-Forms expression: " + forms);
        }
        m.plural_forms_ = expr;
      }
      continue;
    }
    // A plural entry's msgid is "singular\0plural": keyed by the singular.
    const std::size_t nul = id.find('\0');
    m.strings_.emplace(std::string(id.substr(0, nul)), std::string(str));
  }
  if (m.language_.empty()) return fail("the catalogue header names no Language");
  return m;
}

std::string Messages::LanguageOf(std::string_view tag) {
  std::string out;
  for (char c : tag) {
    if (c == '_' || c == '-' || c == '.' || c == '@') break;
    out += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  }
  if (out == "c" || out == "posix") return "";
  return out;
}

std::vector<std::string> Messages::AvailableLanguages() {
  std::vector<std::string> out = {"en"};
  for (const internal::EmbeddedCatalogue& c : internal::EmbeddedCatalogues()) {
    if (std::find(out.begin(), out.end(), c.language) == out.end()) out.push_back(c.language);
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::optional<Messages> Messages::ForLanguage(std::string_view language) {
  const std::string lang = LanguageOf(language);
  for (const internal::EmbeddedCatalogue& c : internal::EmbeddedCatalogues()) {
    if (lang != c.language) continue;
    std::string error;
    std::optional<Messages> m =
        FromMo(std::string_view(reinterpret_cast<const char*>(c.data), c.size), &error);
    if (m) m->language_ = lang;
    return m;
  }
  if (lang == "en") return Messages();
  return std::nullopt;
}

std::optional<Messages> ChooseMessages(const LanguageSources& sources, std::string* error) {
  const std::pair<const std::string*, const char*> explicit_sources[] = {
      {&sources.flag, "--language"}, {&sources.parallax_language, "PARALLAX_LANGUAGE"}};
  for (const auto& [value, origin] : explicit_sources) {
    if (value->empty()) continue;
    std::optional<Messages> m = Messages::ForLanguage(*value);
    if (!m && error != nullptr) {
      std::string available;
      for (const std::string& l : Messages::AvailableLanguages())
        available += (available.empty() ? "" : ", ") + l;
      *error =
          "unknown report language '" + *value + "' (from " + origin + "); available: " + available;
    }
    return m;
  }
  for (const std::string* locale : {&sources.lc_all, &sources.lc_messages, &sources.lang}) {
    if (locale->empty()) continue;
    std::optional<Messages> m = Messages::ForLanguage(*locale);
    return m ? m : Messages();
  }
  return Messages();
}

std::string Messages::Tr(std::string_view msgid) const {
  const auto it = strings_.find(std::string(msgid));
  if (it == strings_.end() || it->second.empty()) return std::string(msgid);
  return it->second;
}

std::string Messages::TrC(std::string_view context, std::string_view msgid) const {
  std::string key(context);
  key += kContextSeparator;
  key += msgid;
  const auto it = strings_.find(key);
  if (it == strings_.end() || it->second.empty()) return std::string(msgid);
  return it->second;
}

unsigned long Messages::PluralIndex(unsigned long n) const {
  const unsigned long i = internal::EvaluatePlural(plural_forms_, n).value_or(n == 1 ? 0 : 1);
  return i < nplurals_ ? i : 0;
}

std::string Messages::TrN(std::string_view singular, std::string_view plural,
                          unsigned long n) const {
  const auto it = strings_.find(std::string(singular));
  if (it != strings_.end()) {
    // msgstr[0] '\0' msgstr[1] ...; an empty form falls back to English.
    const std::string& forms = it->second;
    unsigned long index = PluralIndex(n);
    std::size_t at = 0;
    while (index > 0 && at != std::string::npos) {
      at = forms.find('\0', at);
      if (at != std::string::npos) ++at;
      --index;
    }
    if (at != std::string::npos) {
      const std::size_t end = forms.find('\0', at);
      const std::string form = forms.substr(at, end == std::string::npos ? end : end - at);
      if (!form.empty()) return form;
    }
  }
  return std::string(n == 1 ? singular : plural);
}

std::string Messages::FormatDate(const Date& date) const {
  if (date.month < 1 || date.month > 12) return date.ToString();
  const char* month = kMonths[date.month - 1];
  const char* month_of = kMonthsAfterDay[date.month - 1];
  const std::string year = std::to_string(date.year);
  if (date.month_only()) {
    // TRANSLATORS: a date of which only the month is known. Placeholders: {year}, {month2}
    // (two digits), {month} (the month's name, nominative).
    return Fill(
        TrC("date", "{year}-{month2}"),
        {{"year", year}, {"month2", TwoDigits(date.month)}, {"month", TrC("month", month)}});
  }
  // TRANSLATORS: a full date. Placeholders: {year}, {month2} and {day2} (two digits), {day},
  // {month} (the month's name, nominative) and {month_of} (its form after a day number:
  // genitive in Russian, "12 декабря").
  return Fill(TrC("date", "{year}-{month2}-{day2}"),
              {{"year", year},
               {"month2", TwoDigits(date.month)},
               {"day2", TwoDigits(date.day)},
               {"day", std::to_string(date.day)},
               {"month", TrC("month", month)},
               {"month_of", TrC("month after a day", month_of)}});
}

std::string Messages::FormatInt(long long n) const {
  std::string digits = std::to_string(n < 0 ? -n : n);
  if (digits.size() >= 5) {
    // TRANSLATORS: the thousands separator of numbers from 10,000 up (Russian: a no-break space).
    const std::string sep = TrC("number", ",");
    std::string grouped;
    for (std::size_t i = 0; i < digits.size(); ++i) {
      if (i > 0 && (digits.size() - i) % 3 == 0) grouped += sep;
      grouped += digits[i];
    }
    digits = grouped;
  }
  return n < 0 ? "-" + digits : digits;
}

std::string Messages::FormatDecimal(double x, int decimals) const {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, x);
  std::string out = buf;
  const std::size_t dot = out.find('.');
  // TRANSLATORS: the decimal separator (Russian: a comma).
  if (dot != std::string::npos) out.replace(dot, 1, TrC("number", "."));
  return out;
}

}  // namespace parallax
