#include "text/whitespace.h"

#include <gtest/gtest.h>

#include <random>
#include <regex>
#include <string>

namespace parallax {
namespace {

// The definition: each run of white space and U+00A0 becomes one space; none at either end.
std::string CollapseSpaceReference(const std::string& s) {
  static const std::regex kRun("(?:[ \t\n\r\f]|\xc2\xa0)+");
  std::string out = std::regex_replace(s, kRun, " ");
  if (!out.empty() && out.front() == ' ') out.erase(0, 1);
  if (!out.empty() && out.back() == ' ') out.pop_back();
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

// A short random text of letters, white space and pieces of UTF-8 (no-break spaces among them).
std::string RandomSpacedText(std::mt19937& random) {
  const std::string alphabet = std::string("ab \t\n\r\f\xc2\xa0\xa9\xe2", 11);
  std::string s;
  const int size = static_cast<int>(random() % 24);
  for (int k = 0; k < size; ++k) s += alphabet[random() % alphabet.size()];
  return s;
}

TEST(CollapseSpaceTest, AgreesWithTheDefinition) {
  std::mt19937 random(18);
  for (int n = 0; n < 2000; ++n) {
    const std::string s = RandomSpacedText(random);
    EXPECT_EQ(CollapseSpace(s), CollapseSpaceReference(s)) << s;
  }
}

TEST(CollapseSpaceTest, AppendsAfterWhatIsThere) {
  std::string out = "x";
  AppendCollapsedSpace("  a  b ", &out);
  EXPECT_EQ(out, "xa b");
  AppendCollapsedSpace(" \t ", &out);  // nothing: not even a space
  EXPECT_EQ(out, "xa b");
  std::mt19937 random(16);
  for (int n = 0; n < 2000; ++n) {
    const std::string s = RandomSpacedText(random);
    std::string appended = "prefix ";
    AppendCollapsedSpace(s, &appended);
    EXPECT_EQ(appended, "prefix " + CollapseSpaceReference(s)) << s;
  }
}

// Longer texts, mostly letters (runs of sixteen bytes and more are read a block at a time), with
// single and double spaces, other white space and pieces of UTF-8 at every offset of a block.
TEST(CollapseSpaceTest, AgreesWithTheDefinitionOnLongRuns) {
  const std::string alphabet =
      std::string("abcdefghijklmnopqrstuvwxyz     \t\n\r\f\xc2\xa0\xa9\xe2\v", 40);
  std::mt19937 random(18);
  for (int n = 0; n < 20000; ++n) {
    std::string s;
    const int size = static_cast<int>(random() % 200);
    const std::size_t letters = random() % 2 == 0 ? 26 : alphabet.size();
    for (int k = 0; k < size; ++k) {
      s += random() % 8 == 0 ? alphabet[random() % alphabet.size()] : alphabet[random() % letters];
    }
    ASSERT_EQ(CollapseSpace(s), CollapseSpaceReference(s)) << s;
  }
}

}  // namespace
}  // namespace parallax
