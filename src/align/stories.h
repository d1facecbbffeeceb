// Stories: groups of articles about the same main event.
//
// Each article is a sparse, L2-normalised TF-IDF vector over content terms (terms.h: naming
// variants count as their concept; names; resolved dates), and a second one over its keys, the
// terms that survive translation: lexicon concepts and actors, proper names as Latin keys,
// dates, numbers and event types. Two articles in different languages share few words but many
// keys, so their similarity is the larger of the two cosines, the keys' one scaled by
// `key_scale` (key vectors are short, so their cosines run higher). Articles of different
// languages compare only the keys found in two or more languages of the input: a key of one
// language cannot join them and would only dilute their key vectors. Two articles are similar
// when those vectors are and they appeared close in time: news about one event is published
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
// Clustering is agglomerative over the candidate graph: pairs are visited from the most similar
// down (ties by index); two groups merge when their group similarity is at least `threshold`:
// with centroid linkage (the default) the cosine of their summed vectors, computed from the
// similarities of their linked pairs; with average linkage the mean similarity over all their
// cross pairs (non-candidates count as 0). The sum over cross pairs is taken when a
// pair asks for it, from the links of the group with fewer, so the cost follows the candidate
// pairs above the threshold, not all of them. Articles pinned to the same key are one
// story whatever their similarity; articles pinned to different keys never share one. The
// result does not depend on thread timing or hash order; callers sort their input to make it
// independent of input order too.
//
// Options (defaults):
//   threshold         0.10  group similarity to merge: between the similarity at which
//                           unrelated news of one week stops merging and the one at which
//                           articles on one event start to split (one value for every corpus;
//                           chosen on the multilingual development set, dev/align, and BASIL)
//   date_window_days  3     publication days that still count as the same news cycle
//   signature_terms   24    heaviest terms per article used for candidates
//   max_posting       1000  signature postings longer than this are skipped
//   max_candidates    40    candidates kept per article
//   linkage           centroid  how groups compare (see StoryLinkage)
//   key_scale         2.0   weight of the key cosine against the full one
//   other_event_factor 2.5  one event at a time: two groups whose votes (the event types named
//                           in their articles' titles and first sentences) name different main
//                           kinds of event (a capture, a ceasefire agreement; a bill passed, a
//                           bill withdrawn) merge only at threshold times this
//   key_signature_terms 12  heaviest keys per article also used for candidates
//   other_day_factor  0.3   two articles that clearly report days two or more days apart (a day
//                           named in the first sentence or three times) tell of different
//                           events: their similarity is multiplied by this
//   event_days        false compare those reported days instead of publication dates
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

// How two groups of articles compare: the mean similarity over all cross pairs (average), or
// the cosine of their summed vectors (centroid), which lets a coherent group keep growing.
enum class StoryLinkage { kAverage, kCentroid };

struct StoryOptions {
  StoryLinkage linkage = StoryLinkage::kCentroid;
  double threshold = 0.10;
  int date_window_days = 3;
  int signature_terms = 24;
  std::size_t max_posting = 1000;
  int max_candidates = 40;
  double same_outlet_factor = 1.5;
  double key_scale = 2.0;
  double other_event_factor = 2.5;
  // Compare the days articles report (their most named day, else publication) instead of their
  // publication dates.
  bool event_days = false;
  // Two articles that clearly report days at least two days apart tell of different events:
  // their similarity is multiplied by this (1: no such rule).
  double other_day_factor = 0.3;
  int key_signature_terms = 12;
  int threads = 0;  // workers for candidates and cosines (0: one per core); output is the same
};

struct StoryInput {
  SparseVector vector;
  SparseVector keys;  // the language-independent terms only (may be empty)
  // The keys found in articles of two or more languages of the input: articles of different
  // languages compare these, so that keys of one language (any word of a script without case
  // counts as a name) do not dilute them.
  SparseVector cross_keys;
  std::string language;  // "" = unknown (a language of its own)
  std::optional<Date> date;
  std::string pin;     // "" = not pinned
  std::string outlet;  // "" = unknown
  // Votes for the kinds of event the article reports (event types of the lexicon, as term
  // ids) in its title and first sentence; see `other_event_factor`.
  std::vector<std::pair<int, float>> event_votes;
  // The day the article clearly reports (named in its first sentence or three times), if any.
  std::optional<Date> event_day;
};

struct SimilarPair {
  int a = 0;  // a < b, indices into the input
  int b = 0;
  double cosine = 0;      // of the vectors
  double key_cosine = 0;  // of the key vectors (the cross-language ones across languages)
  double similarity = 0;  // max(cosine, key_scale * key_cosine) times the date factor
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
