// How much two passages (sentences or parts of one) report the same thing, for claims.
//
// Outlets that report one fact rarely do it in one sentence of the same shape: one writes "to
// prevent the illegal transportation of manpower, weapons, mines" at the end of a sentence about
// a time of day, another puts "the transfer of landmines, military personnel and munitions" in
// the middle of a long sentence about something else. A cosine over whole sentences drowns the
// shared fact in the rest, so PassageSimilarity compares the best pair of windows instead:
//
//   - both passages are term sequences in text order (terms.h: naming variants already fold
//     to their concept, near-synonyms to one stem), each term weighted (idf);
//   - a window is a stretch of a passage that starts and ends with a term the two passages
//     share; its mass is the sum of squared weights of its distinct terms;
//   - for a pair of windows, the score is the mass of their common terms divided by the
//     geometric mean of the two window masses, each raised to at least `min_mass`: a tight
//     window that holds little shared content scores low, so two passages that happen to
//     share one or two common words do not look alike;
//   - `shared_context` (for instance the weight of a dated event both passages belong to) adds
//     to the common mass and to both window masses;
//   - passages sharing fewer than `min_shared` distinct terms score 0.
// The result is the best score over window pairs, in [0, 1]; it is symmetric.
//
// Options (defaults):
//   min_shared   2    distinct terms the passages must share
//   min_mass     3.0  floor of a window's mass, in squared weights (with weights scaled so that
//                     the rarest term weighs 1: some three rare terms' worth)
//   max_windows  256  windows tried per passage (the shortest first), which bounds the cost
#ifndef PARALLAX_ALIGN_PASSAGE_SIMILARITY_H_
#define PARALLAX_ALIGN_PASSAGE_SIMILARITY_H_

#include <cstddef>
#include <vector>

namespace parallax {

struct PassageSimilarityOptions {
  int min_shared = 2;
  double min_mass = 3.0;
  std::size_t max_windows = 256;
};

// `a` and `b` hold term ids in text order (repeats allowed); `weight[t]` is term t's weight
// (every id must be a valid index). Thread-safe: it keeps no state.
double PassageSimilarity(const std::vector<int>& a, const std::vector<int>& b,
                         const std::vector<double>& weight, double shared_context = 0,
                         const PassageSimilarityOptions& options = {});

}  // namespace parallax

#endif  // PARALLAX_ALIGN_PASSAGE_SIMILARITY_H_
