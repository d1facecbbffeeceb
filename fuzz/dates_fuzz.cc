// Fuzz target: temporal expressions resolved against an article date. The first three bytes
// choose the article date (none, month-only or full, in a wide range of years) and the language.
#include <optional>

#include "annotate/dates.h"
#include "core/date.h"
#include "fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 3 || size > parallax::fuzz::kMaxInputBytes) return -1;
  std::optional<parallax::Date> article_date;
  const int year = 1 + (data[1] * 37 + data[2]) % 9999;
  switch (data[0] % 3) {
    case 0:
      break;
    case 1:
      article_date = parallax::Date{year, 1 + data[2] % 12, 0};
      break;
    default:
      article_date = parallax::Date{year, 1 + data[2] % 12, 1 + data[1] % 28};
      break;
  }
  const std::string language = (data[0] & 4) != 0 ? "ru" : "en";
  (void)parallax::FindDates(parallax::fuzz::AsText(data + 3, size - 3), article_date, language);
  return 0;
}
