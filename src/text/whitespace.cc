#include "text/whitespace.h"

#include <array>

namespace parallax {

namespace {

// Bytes that are neither white space nor may start a no-break space (copied as they are).
constexpr std::array<bool, 256> kPlain = [] {
  std::array<bool, 256> t{};
  for (int c = ' ' + 1; c < 256; ++c) t[static_cast<std::size_t>(c)] = c != 0xC2;
  return t;
}();

}  // namespace

void AppendCollapsedSpace(std::string_view s, std::string* out) {
  const auto is_space = [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
  };
  // Length of the white space character at `k` (a no-break space is two bytes), 0 if none.
  const auto space_at = [&](std::size_t k) -> std::size_t {
    if (is_space(s[k])) return 1;
    return static_cast<unsigned char>(s[k]) == 0xC2 && k + 1 < s.size() &&
                   static_cast<unsigned char>(s[k + 1]) == 0xA0
               ? 2
               : 0;
  };
  const std::size_t base = out->size();
  out->reserve(base + s.size());
  bool pending = false;
  for (std::size_t i = 0; i < s.size();) {
    if (const std::size_t len = space_at(i); len > 0) {
      pending = out->size() > base;
      i += len;
      continue;
    }
    if (pending) *out += ' ';
    pending = false;
    // The run up to the next white space that is not a single ' ' between two other characters
    // is already collapsed: it is copied at once.
    std::size_t k = i + 1;
    while (k < s.size()) {
      const auto c = static_cast<unsigned char>(s[k]);
      if (kPlain[c]) {
        ++k;
        while (k < s.size() && kPlain[static_cast<unsigned char>(s[k])]) ++k;
      } else if (c == ' ' && k + 1 < s.size() && space_at(k + 1) == 0) {
        k += 2;
      } else if (c != ' ' && space_at(k) == 0) {
        ++k;
      } else {
        break;
      }
    }
    out->append(s, i, k - i);
    i = k;
  }
}

std::string CollapseSpace(std::string_view s) {
  std::string out;
  AppendCollapsedSpace(s, &out);
  return out;
}

}  // namespace parallax
