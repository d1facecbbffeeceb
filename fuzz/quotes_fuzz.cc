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
  // Reporting verbs of the lexicons in other languages, one word and two (QuoteOptions).
  options.reporting_verbs = {"განაცხადა", "повідомив", "ասել է", "bildirib"};
  const std::vector<parallax::Quote> quotes = parallax::FindQuotes(text, options);
  for (std::size_t offset = 0; offset < text.size(); offset += 7) {
    // QuoteAt walks the chain of enclosing quotes: it must agree with its definition, the
    // deepest quote whose words hold the offset.
    const parallax::Quote* best = nullptr;
    for (const parallax::Quote& q : quotes) {
      if (offset < q.start || offset >= q.end) continue;
      bool in_gap = false;
      for (const auto& [b, e] : q.gaps) in_gap |= b <= offset && offset < e;
      if (!in_gap && (best == nullptr || q.depth > best->depth)) best = &q;
    }
    if (parallax::QuoteAt(quotes, offset) != best) __builtin_trap();
    (void)parallax::IsQuoted(quotes, offset, std::min(text.size(), offset + 5));
  }
  return 0;
}
