#include "text/edit_distance.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace parallax {
namespace {

TEST(EditDistanceTest, CountsInsertionsDeletionsAndSubstitutions) {
  EXPECT_EQ(EditDistance("", ""), 0u);
  EXPECT_EQ(EditDistance("lexicon", "lexicon"), 0u);
  EXPECT_EQ(EditDistance("lexicn", "lexicon"), 1u);  // a letter left out
  EXPECT_EQ(EditDistance("reprot", "report"), 2u);   // two letters swapped
  EXPECT_EQ(EditDistance("kitten", "sitting"), 3u);
  EXPECT_EQ(EditDistance("", "abc"), 3u);
  EXPECT_EQ(EditDistance("abc", ""), 3u);
}

TEST(EditDistanceTest, NearestWordWithinTheDistanceOrNothing) {
  const std::vector<std::string> options = {"lexicon", "language", "outlets", "format"};
  EXPECT_EQ(NearestWord("lexicn", options), "lexicon");
  EXPECT_EQ(NearestWord("langauge", options), "language");
  EXPECT_EQ(NearestWord("colour", options), "");
  EXPECT_EQ(NearestWord("fromat", options, 1), "");
  EXPECT_EQ(NearestWord("fromat", options, 2), "format");
}

}  // namespace
}  // namespace parallax
