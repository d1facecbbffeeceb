#include "text/natural_order.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace parallax {
namespace {

TEST(NaturalOrderTest, NumbersCompareByValue) {
  EXPECT_TRUE(NaturalLess("claim-2", "claim-10"));
  EXPECT_FALSE(NaturalLess("claim-10", "claim-2"));
  EXPECT_TRUE(NaturalLess("claim-5", "claim-6"));
  EXPECT_TRUE(NaturalLess("claim-9", "claim-10a"));
  EXPECT_TRUE(NaturalLess("event-99", "event-100"));
}

TEST(NaturalOrderTest, TextComparesAsBytes) {
  EXPECT_TRUE(NaturalLess("a", "a1"));
  EXPECT_TRUE(NaturalLess("Zed", "abc"));
  EXPECT_TRUE(NaturalLess("claim-1", "event-1"));
  EXPECT_FALSE(NaturalLess("same", "same"));
  EXPECT_TRUE(NaturalLess("", "a"));
  EXPECT_FALSE(NaturalLess("", ""));
}

TEST(NaturalOrderTest, LeadingZerosBreakTiesOnly) {
  EXPECT_TRUE(NaturalLess("claim-02", "claim-2"));
  EXPECT_FALSE(NaturalLess("claim-2", "claim-02"));
  EXPECT_TRUE(NaturalLess("claim-002", "claim-3"));
  EXPECT_TRUE(NaturalLess("x01y2", "x1y1") == false);
  EXPECT_TRUE(NaturalLess("x1y1", "x01y2"));
}

TEST(NaturalOrderTest, LongDigitRunsDoNotOverflow) {
  EXPECT_TRUE(NaturalLess("id-99999999999999999999999", "id-100000000000000000000000"));
}

TEST(NaturalOrderTest, SortsGeneratedIds) {
  std::vector<std::string> ids = {"claim-16", "claim-6", "claim-10", "claim-1",
                                  "claim-5",  "claim-2", "claim-24"};
  std::sort(ids.begin(), ids.end(),
            [](const std::string& a, const std::string& b) { return NaturalLess(a, b); });
  EXPECT_EQ(ids, (std::vector<std::string>{"claim-1", "claim-2", "claim-5", "claim-6", "claim-10",
                                           "claim-16", "claim-24"}));
}

}  // namespace
}  // namespace parallax
