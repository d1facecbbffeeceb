#include "text/whitespace.h"

namespace parallax {

std::string CollapseSpace(std::string_view s) {
  const auto is_space = [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
  };
  std::string out;
  out.reserve(s.size());
  bool pending = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const bool nbsp = static_cast<unsigned char>(s[i]) == 0xC2 && i + 1 < s.size() &&
                      static_cast<unsigned char>(s[i + 1]) == 0xA0;
    if (is_space(s[i]) || nbsp) {
      pending = !out.empty();
      if (nbsp) ++i;
      continue;
    }
    if (pending) out += ' ';
    pending = false;
    // The run of bytes up to the next white space (or no-break space) is copied at once.
    std::size_t j = i + 1;
    while (j < s.size() && !is_space(s[j]) && static_cast<unsigned char>(s[j]) != 0xC2) ++j;
    out.append(s, i, j - i);
    i = j - 1;
  }
  return out;
}

}  // namespace parallax
