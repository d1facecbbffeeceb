#include "text/natural_order.h"

#include <cstddef>

namespace parallax {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// The end of the run of digits that starts at `i`.
std::size_t DigitsEnd(std::string_view s, std::size_t i) {
  while (i < s.size() && IsDigit(s[i])) ++i;
  return i;
}

}  // namespace

bool NaturalLess(std::string_view a, std::string_view b) {
  std::size_t i = 0, j = 0;
  // Leading zeros decide only when everything else is equal.
  int zeros_tiebreak = 0;
  while (i < a.size() && j < b.size()) {
    if (!IsDigit(a[i]) || !IsDigit(b[j])) {
      if (a[i] != b[j]) return static_cast<unsigned char>(a[i]) < static_cast<unsigned char>(b[j]);
      ++i;
      ++j;
      continue;
    }
    const std::size_t a_end = DigitsEnd(a, i), b_end = DigitsEnd(b, j);
    std::size_t a_sig = i, b_sig = j;
    while (a_sig + 1 < a_end && a[a_sig] == '0') ++a_sig;
    while (b_sig + 1 < b_end && b[b_sig] == '0') ++b_sig;
    const std::string_view x = a.substr(a_sig, a_end - a_sig), y = b.substr(b_sig, b_end - b_sig);
    if (x.size() != y.size()) return x.size() < y.size();
    if (x != y) return x < y;
    if (zeros_tiebreak == 0 && a_end - i != b_end - j)
      zeros_tiebreak = a_end - i > b_end - j ? -1 : 1;
    i = a_end;
    j = b_end;
  }
  if (i < a.size() || j < b.size()) return j < b.size();
  return zeros_tiebreak < 0;
}

}  // namespace parallax
