#include "text/whitespace.h"

#include <gtest/gtest.h>

#include <random>
#include <string>

namespace parallax {
namespace {

// The byte-at-a-time definition: white space and U+00A0 runs become one space, trimmed.
std::string CollapseSpaceReference(std::string_view s) {
  const auto is_space = [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
  };
  std::string out;
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
    out += s[i];
  }
  return out;
}

TEST(CollapseSpaceTest, CollapsesRunsAndNoBreakSpaces) {
  EXPECT_EQ(CollapseSpace("  a \t\n b\xc2\xa0\xc2\xa0"
                          "c\xc2\xa9 d  "),
            "a b c\xc2\xa9 d");
  EXPECT_EQ(CollapseSpace(""), "");
  EXPECT_EQ(CollapseSpace("\xc2"), "\xc2");
  EXPECT_EQ(CollapseSpace("x\xc2"), "x\xc2");
}

TEST(CollapseSpaceTest, AgreesWithTheByteAtATimeDefinition) {
  const std::string alphabet = std::string("ab \t\n\r\f\xc2\xa0\xa9\xe2", 11);
  std::mt19937 random(18);
  for (int n = 0; n < 2000; ++n) {
    std::string s;
    const int size = static_cast<int>(random() % 24);
    for (int k = 0; k < size; ++k) s += alphabet[random() % alphabet.size()];
    EXPECT_EQ(CollapseSpace(s), CollapseSpaceReference(s)) << s;
  }
}

}  // namespace
}  // namespace parallax
