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

TEST(WordShapeFilterTest, ShapeQueriesAnswerAsTheWordWould) {
  const WordShapeFilter filter = {"said", "told", "e-mail", "x"};
  WordList list = {"said", "op-ed"};
  for (const std::string_view w :
       {"said", "seed", "says", "told", "e-mail", "email", "x", "y", "op-ed", "ed", "sad"}) {
    const auto first = static_cast<unsigned char>(w.front());
    const auto last = static_cast<unsigned char>(w.back());
    EXPECT_EQ(filter.MayContainShape(first, last, w.size()), filter.MayContain(w)) << w;
    if (list.Contains(w)) {
      EXPECT_TRUE(list.MayContainShape(first, last, w.size())) << w;
    }
  }
  EXPECT_FALSE(list.MayContainShape('s', 'd', 3));
}

}  // namespace
}  // namespace parallax
