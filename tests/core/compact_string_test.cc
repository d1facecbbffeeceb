#include "core/compact_string.h"

#include <gtest/gtest.h>

#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace parallax {
namespace {

TEST(CompactStringTest, CostsOnePointer) { EXPECT_EQ(sizeof(CompactString), sizeof(void*)); }

TEST(CompactStringTest, EmptyByDefaultAndFromAnEmptyString) {
  const CompactString a;
  const CompactString b = std::string();
  EXPECT_TRUE(a.empty());
  EXPECT_TRUE(b.empty());
  EXPECT_EQ(a.size(), 0u);
  EXPECT_EQ(a.view(), "");
  EXPECT_EQ(a, b);
}

TEST(CompactStringTest, HoldsAnyBytesAndReadsBackTheSame) {
  const std::string speaker = "Министерство иностранных дел Азербайджана";
  CompactString s = speaker;
  EXPECT_FALSE(s.empty());
  EXPECT_EQ(s.size(), speaker.size());
  EXPECT_EQ(s.str(), speaker);
  EXPECT_EQ(s, speaker);
  EXPECT_FALSE(s == "Министерство");
  const std::string with_nul("a\0b", 3);
  s = with_nul;
  EXPECT_EQ(s.size(), 3u);
  EXPECT_EQ(s.view(), std::string_view(with_nul));
}

TEST(CompactStringTest, CopiesAreDeepAndMovesEmptyTheSource) {
  CompactString a = "Yerevan";
  CompactString b = a;
  a = "Baku";
  EXPECT_EQ(b, "Yerevan");
  EXPECT_EQ(a, "Baku");
  CompactString c = std::move(a);
  EXPECT_EQ(c, "Baku");
  EXPECT_TRUE(a.empty());  // NOLINT(bugprone-use-after-move): moved-from is empty, by design
  const CompactString& same = c;
  c = same;  // self-assignment keeps the value
  EXPECT_EQ(c, "Baku");
  b = CompactString();
  EXPECT_TRUE(b.empty());
}

TEST(CompactStringTest, WorksInContainersAndStreams) {
  std::vector<CompactString> names;
  for (int i = 0; i < 100; ++i) names.emplace_back("speaker " + std::to_string(i));
  EXPECT_EQ(names[42], "speaker 42");
  std::set<std::string> keys;
  for (const CompactString& n : names) keys.insert(n.str());
  EXPECT_EQ(keys.size(), 100u);
  std::ostringstream out;
  out << names[7] << "|" << CompactString();
  EXPECT_EQ(out.str(), "speaker 7|");
  EXPECT_EQ(names[1] + std::string_view(" (Armenia)"), "speaker 1 (Armenia)");
  EXPECT_EQ(std::string("the ") + names[2], "the speaker 2");
}

}  // namespace
}  // namespace parallax
