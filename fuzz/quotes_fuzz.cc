// Fuzz target: the quotation finder (marks, nesting, paragraphs, speakers), with a few actor
// patterns so speaker mapping runs too, and the lookups annotation makes on its result.
#include <vector>

#include "annotate/quotes.h"
#include "fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > parallax::fuzz::kMaxInputBytes) return -1;
  const std::string_view text = parallax::fuzz::AsText(data, size);
  parallax::QuoteOptions options;
  options.speaker_patterns = {{"Aliyev", "az-president", "azerbaijan"},
                              {"Armenian foreign ministry", "am-mfa", "armenia"},
                              {"Azerbaijan*", "az", "azerbaijan"}};
  const std::vector<parallax::Quote> quotes = parallax::FindQuotes(text, options);
  for (std::size_t offset = 0; offset < text.size(); offset += 7) {
    (void)parallax::QuoteAt(quotes, offset);
    (void)parallax::IsQuoted(quotes, offset, std::min(text.size(), offset + 5));
  }
  return 0;
}
