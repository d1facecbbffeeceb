#include "text/word_filter.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace parallax {
namespace {

TEST(WordShapeFilterTest, NeverRejectsAMember) {
  const std::vector<std::string> words = {
      "said", "told", "a", "сказал", "mid-", std::string(80, 'x'), "according"};
  const WordShapeFilter filter(words);
  for (const std::string& w : words) EXPECT_TRUE(filter.MayContain(w)) << w;
}

TEST(WordShapeFilterTest, RejectsWordsOfAnotherShape) {
  const WordShapeFilter filter = {"said", "told"};
  EXPECT_FALSE(filter.MayContain(""));
  EXPECT_FALSE(filter.MayContain("says"));    // another last byte
  EXPECT_FALSE(filter.MayContain("sad"));     // another length
  EXPECT_FALSE(filter.MayContain("kitten"));  // another first byte
  EXPECT_TRUE(filter.MayContain("seed"));     // the same shape: the caller looks it up
}

}  // namespace
}  // namespace parallax
