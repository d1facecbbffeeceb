// The log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008,
// "Fightin' Words", eq. 22): how much more one group of texts uses a term than the rest, shrunk
// towards the pooled rate so that rare terms do not top the list by chance.
//
// Both users — the distinctive words of each outlet in a report (framing/measures.h) and the
// distinctive phrases of `parallax lexicon draft` (framing/lexicon_draft.h) — compare a group
// i against all others j with the prior alpha_w = scale × pooled count of the term:
//
//   delta = log((y_i + a_w) / (n_i + a_0 - y_i - a_w)) - log((y_j + a_w) / (n_j + a_0 - y_j - a_w))
//   z     = delta / sqrt(1 / (y_i + a_w) + 1 / (y_j + a_w))
//
// y: the term's count in the group, n: all terms counted in the group, a_0 = scale × pooled
// total. A positive delta means group i uses the term more; |z| > 1.96 is the usual threshold.
#ifndef PARALLAX_FRAMING_LOG_ODDS_H_
#define PARALLAX_FRAMING_LOG_ODDS_H_

namespace parallax {

struct LogOdds {
  double delta = 0;  // log-odds ratio of group i against the rest
  double z = 0;      // delta over its standard deviation
};

// The counts of one term: y_i of n_i in the group, y_j of n_j in the rest. `prior_scale` > 0.
LogOdds LogOddsWithPrior(double y_i, double n_i, double y_j, double n_j, double prior_scale = 1.0);

}  // namespace parallax

#endif  // PARALLAX_FRAMING_LOG_ODDS_H_
