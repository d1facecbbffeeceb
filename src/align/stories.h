// Stories: groups of articles about the same main event.
//
// Each article is a sparse, L2-normalised TF-IDF vector over content terms (terms.h: naming
// variants count as their concept; names; resolved dates). Two articles are similar when their
// vectors are (cosine) and they appeared close in time: news about one event is published
// within days of it, so the cosine is multiplied by a date factor that is 1 while the
// publication dates are at most `date_window_days` apart and decays exponentially beyond
// (exp(-(gap - w) / w)); articles without a date are not penalised.
//
// Cost grows near-linearly with the number of articles: candidate pairs come from an inverted
// index over each article's signature (its `signature_terms` heaviest terms), never from all
// pairs; a term in more than `max_posting` signatures is too common to tell stories apart and
// gives no candidates; each article keeps its `max_candidates` best candidates by the dot
// product of the two signatures (their shared terms' weights multiplied). Only candidate pairs
// get an exact cosine. Candidates and cosines are computed per article on `threads` workers;
// the result does not depend on their number.
//
// Clustering is average-link over the candidate graph: pairs are visited from the most similar
// down (ties by index); two groups merge when the mean similarity over all their cross pairs
// (non-candidates count as 0) is at least `threshold`. The sum over cross pairs is taken when a
// pair asks for it, from the links of the group with fewer, so the cost follows the candidate
// pairs above the threshold, not all of them. Articles pinned to the same key are one
// story whatever their similarity; articles pinned to different keys never share one. The
// result does not depend on thread timing or hash order; callers sort their input to make it
// independent of input order too.
//
// Options (defaults):
//   threshold         0.17  mean cross similarity to merge: between the similarity at which
//                           unrelated news of one week stops merging and the one at which
//                           articles on one event start to split (one value for every corpus)
//   date_window_days  3     publication days that still count as the same news cycle
//   signature_terms   24    heaviest terms per article used for candidates
//   max_posting       1000  signature postings longer than this are skipped
//   max_candidates    40    candidates kept per article
//   same_outlet_factor 1.5  an outlet rarely tells one main event in two articles of one news
//                           cycle: two groups that both hold an article of the same outlet
//                           merge only when their mean similarity reaches threshold times this
//   threads           0     workers for term extraction, candidates and cosines (0: one per
//                           core, at most 8); the output does not depend on it
#ifndef PARALLAX_ALIGN_STORIES_H_
#define PARALLAX_ALIGN_STORIES_H_

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/date.h"

namespace parallax {

// Sorted by term id, L2-normalised (or empty).
struct SparseVector {
  std::vector<std::pair<int, float>> entries;
};

double Cosine(const SparseVector& a, const SparseVector& b);

struct StoryOptions {
  double threshold = 0.17;
  int date_window_days = 3;
  int signature_terms = 24;
  std::size_t max_posting = 1000;
  int max_candidates = 40;
  double same_outlet_factor = 1.5;
  int threads = 0;  // workers for candidates and cosines (0: one per core); output is the same
};

struct StoryInput {
  SparseVector vector;
  std::optional<Date> date;
  std::string pin;     // "" = not pinned
  std::string outlet;  // "" = unknown
};

struct SimilarPair {
  int a = 0;  // a < b, indices into the input
  int b = 0;
  double cosine = 0;      // of the vectors
  double similarity = 0;  // cosine times the date factor
};

struct StoryClustering {
  // Each story's member indices, ascending; stories ordered by their first member.
  std::vector<std::vector<int>> stories;
  // Every candidate pair with its similarity, ordered by (a, b).
  std::vector<SimilarPair> pairs;
};

StoryClustering ClusterStories(const std::vector<StoryInput>& documents,
                               const StoryOptions& options = {});

// The date factor described above; 1 when either date is missing.
double DateFactor(const std::optional<Date>& a, const std::optional<Date>& b, int window_days);

}  // namespace parallax

#endif  // PARALLAX_ALIGN_STORIES_H_
