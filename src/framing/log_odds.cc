#include "framing/log_odds.h"

#include <cmath>

namespace parallax {

LogOdds LogOddsWithPrior(double y_i, double n_i, double y_j, double n_j, double prior_scale) {
  const double a_w = prior_scale * (y_i + y_j);
  const double a_0 = prior_scale * (n_i + n_j);
  LogOdds out;
  out.delta = std::log((y_i + a_w) / (n_i + a_0 - y_i - a_w)) -
              std::log((y_j + a_w) / (n_j + a_0 - y_j - a_w));
  out.z = out.delta / std::sqrt(1.0 / (y_i + a_w) + 1.0 / (y_j + a_w));
  return out;
}

}  // namespace parallax
