#include "framing/log_odds.h"

#include <gtest/gtest.h>

#include <cmath>

namespace parallax {
namespace {

TEST(LogOddsTest, EqualRatesGiveZero) {
  const LogOdds lo = LogOddsWithPrior(5, 100, 10, 200);
  EXPECT_NEAR(lo.delta, 0.0, 1e-12);
  EXPECT_NEAR(lo.z, 0.0, 1e-12);
}

TEST(LogOddsTest, MatchesTheFormulaOfMonroeColaresiQuinn) {
  // y_i = 6 of n_i = 100, y_j = 1 of n_j = 300, prior scale 1: a_w = 7, a_0 = 400.
  const LogOdds lo = LogOddsWithPrior(6, 100, 1, 300);
  const double delta = std::log(13.0 / (500.0 - 13.0)) - std::log(8.0 / (700.0 - 8.0));
  EXPECT_NEAR(lo.delta, delta, 1e-12);
  EXPECT_NEAR(lo.z, delta / std::sqrt(1.0 / 13.0 + 1.0 / 8.0), 1e-12);
  EXPECT_GT(lo.z, 0);
}

TEST(LogOddsTest, RarerInTheGroupIsNegative) { EXPECT_LT(LogOddsWithPrior(0, 100, 8, 100).z, 0); }

TEST(LogOddsTest, MoreEvidenceGivesLargerZ) {
  // The same rates with ten times the counts: delta stays near, z grows.
  EXPECT_GT(LogOddsWithPrior(30, 1000, 10, 1000).z, LogOddsWithPrior(3, 100, 1, 100).z);
}

}  // namespace
}  // namespace parallax
