#include "align/passage_similarity.h"

#include <gtest/gtest.h>

#include <vector>

namespace parallax {
namespace {

// Terms 0..9 are rare (weight 1), 10..29 common (weight 0.3).
std::vector<double> Weights() {
  std::vector<double> w(30, 0.3);
  for (int t = 0; t < 10; ++t) w[t] = 1.0;
  return w;
}

TEST(PassageSimilarityTest, FactInOneClauseOfALongSentenceMatchesTheFactAlone) {
  const std::vector<double> w = Weights();
  const std::vector<int> alone = {0, 1, 2, 3};
  // The same four terms in the middle of a long sentence about other things.
  const std::vector<int> long_sentence = {4, 5, 6, 7, 8, 0, 1, 2, 3, 9, 10, 11, 12};
  EXPECT_GT(PassageSimilarity(alone, long_sentence, w), 0.9);
}

TEST(PassageSimilarityTest, SharedTermsScatteredAmongOtherContentScoreLow) {
  const std::vector<double> w = Weights();
  const std::vector<int> a = {0, 4, 5, 6, 1};
  const std::vector<int> b = {0, 7, 8, 9, 1};
  EXPECT_LT(PassageSimilarity(a, b, w), 0.45);
}

TEST(PassageSimilarityTest, OneSharedTermIsNotEnough) {
  const std::vector<double> w = Weights();
  EXPECT_EQ(PassageSimilarity({0, 4}, {0, 5}, w), 0.0);
}

TEST(PassageSimilarityTest, TwoCommonWordsAreNotAFact) {
  const std::vector<double> w = Weights();
  // Adjacent but light: below the window floor.
  EXPECT_LT(PassageSimilarity({10, 11}, {10, 11}, w), 0.1);
  // The same with rare terms is a match.
  EXPECT_GT(PassageSimilarity({0, 1, 2}, {0, 1, 2}, w), 0.95);
}

TEST(PassageSimilarityTest, SymmetricAndBounded) {
  const std::vector<double> w = Weights();
  const std::vector<int> a = {0, 4, 1, 10, 2};
  const std::vector<int> b = {2, 1, 5, 0, 11, 12};
  EXPECT_DOUBLE_EQ(PassageSimilarity(a, b, w), PassageSimilarity(b, a, w));
  EXPECT_LE(PassageSimilarity(a, a, w), 1.0);
}

TEST(PassageSimilarityTest, SharedContextRaisesTheScore) {
  const std::vector<double> w = Weights();
  const std::vector<int> a = {0, 4, 1};
  const std::vector<int> b = {0, 5, 1};
  EXPECT_GT(PassageSimilarity(a, b, w, 0.5), PassageSimilarity(a, b, w));
}

TEST(PassageSimilarityTest, RepeatedTermsCountOnce) {
  const std::vector<double> w = Weights();
  EXPECT_DOUBLE_EQ(PassageSimilarity({0, 1, 2, 0, 1}, {0, 1, 2}, w),
                   PassageSimilarity({0, 1, 2}, {0, 1, 2}, w));
}

}  // namespace
}  // namespace parallax
