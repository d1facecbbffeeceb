#include "align/stories.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <iterator>
#include <map>
#include <numeric>
#include <unordered_map>
#include <utility>

#include "align/parallel.h"

namespace parallax {
namespace {

std::uint64_t PairKey(int a, int b) {
  return (static_cast<std::uint64_t>(static_cast<std::uint32_t>(a)) << 32) |
         static_cast<std::uint32_t>(b);
}

// Average link over the candidate graph (see stories.h). Cluster sums are computed when a
// pair asks for them, from the adjacency of the cluster with fewer links, instead of being kept
// for every pair of clusters: most candidate pairs never ask, as their similarity is below the
// threshold.
std::vector<std::vector<int>> AverageLink(const std::vector<StoryInput>& documents,
                                          const std::vector<SimilarPair>& pairs,
                                          const StoryOptions& options) {
  const int n = static_cast<int>(documents.size());
  // Adjacency of the candidate graph (both directions), as flat arrays.
  std::vector<std::size_t> start(static_cast<std::size_t>(n) + 1, 0);
  for (const SimilarPair& p : pairs) {
    ++start[p.a + 1];
    ++start[p.b + 1];
  }
  for (int d = 0; d < n; ++d) start[d + 1] += start[d];
  std::vector<std::pair<int, double>> adjacent(start.back());
  {
    std::vector<std::size_t> fill(start.begin(), start.end() - 1);
    for (const SimilarPair& p : pairs) {
      adjacent[fill[p.a]++] = {p.b, p.similarity};
      adjacent[fill[p.b]++] = {p.a, p.similarity};
    }
  }

  std::vector<int> parent(n);
  std::iota(parent.begin(), parent.end(), 0);
  auto find = [&](int x) {
    int root = x;
    while (parent[root] != root) root = parent[root];
    while (parent[x] != root) x = std::exchange(parent[x], root);
    return root;
  };
  std::vector<std::vector<int>> members(n);
  // Per root: the squared length of the sum of its members' vectors, from the similarities
  // of its linked member pairs (each member counts 1 with itself).
  std::vector<double> within(n, 1.0);
  std::vector<std::size_t> degree(n);  // per root: links of its members
  std::vector<std::string> pin(n);
  std::vector<std::vector<std::string>> outlets(n);  // per root, sorted
  for (int d = 0; d < n; ++d) {
    members[d] = {d};
    degree[d] = start[d + 1] - start[d];
    pin[d] = documents[d].pin;
    if (!documents[d].outlet.empty()) outlets[d] = {documents[d].outlet};
  }
  // Per root: the summed event-type votes of its members.
  std::vector<std::vector<std::pair<int, float>>> votes(n);
  for (int d = 0; d < n; ++d) votes[d] = documents[d].event_votes;
  // The kind of event a group mainly reports: the type with at least half of its votes.
  auto main_event = [&](int root) {
    float total = 0;
    const std::pair<int, float>* best = nullptr;
    for (const auto& v : votes[root]) {
      total += v.second;
      if (best == nullptr || v.second > best->second ||
          (v.second == best->second && v.first < best->first)) {
        best = &v;
      }
    }
    return best != nullptr && best->second * 2 >= total ? best->first : -1;
  };
  auto merge = [&](int a, int b, double cross) {  // roots; returns the new root
    if (members[a].size() < members[b].size()) std::swap(a, b);
    within[a] += within[b] + 2 * cross;
    for (const auto& [type, weight] : votes[b]) {
      const int t = type;  // a structured binding cannot be captured before C++20 in clang 14
      auto it = std::find_if(votes[a].begin(), votes[a].end(),
                             [&](const auto& v) { return v.first == t; });
      if (it == votes[a].end()) {
        votes[a].emplace_back(type, weight);
      } else {
        it->second += weight;
      }
    }
    votes[b] = {};
    parent[b] = a;
    members[a].insert(members[a].end(), members[b].begin(), members[b].end());
    members[b] = {};
    degree[a] += degree[b];
    if (pin[a].empty()) pin[a] = pin[b];
    std::vector<std::string> joined;
    std::set_union(outlets[a].begin(), outlets[a].end(), outlets[b].begin(), outlets[b].end(),
                   std::back_inserter(joined));
    outlets[a] = std::move(joined);
    outlets[b] = {};
    return a;
  };
  // Pins first.
  std::map<std::string, int> pinned_root;
  for (int d = 0; d < n; ++d) {
    if (documents[d].pin.empty()) continue;
    auto [it, inserted] = pinned_root.emplace(documents[d].pin, d);
    if (!inserted) it->second = merge(find(it->second), find(d), 0.0);
  }

  std::vector<const SimilarPair*> order;
  for (const SimilarPair& p : pairs) {
    if (p.similarity >= options.threshold) order.push_back(&p);
  }
  std::sort(order.begin(), order.end(), [](const SimilarPair* x, const SimilarPair* y) {
    if (x->similarity != y->similarity) return x->similarity > y->similarity;
    return PairKey(x->a, x->b) < PairKey(y->a, y->b);
  });
  // Cluster pairs that did not merge, with their sizes then: unchanged clusters need no new
  // look.
  std::unordered_map<std::uint64_t, std::pair<std::size_t, std::size_t>> refused;
  for (const SimilarPair* p : order) {
    int a = find(p->a);
    int b = find(p->b);
    if (a == b) continue;
    if (!pin[a].empty() && !pin[b].empty() && pin[a] != pin[b]) continue;
    if (a > b) std::swap(a, b);
    const std::pair<std::size_t, std::size_t> sizes{members[a].size(), members[b].size()};
    auto seen = refused.find(PairKey(a, b));
    if (seen != refused.end() && seen->second == sizes) continue;
    const int from = degree[a] <= degree[b] ? a : b;
    const int to = from == a ? b : a;
    double sum = 0;
    for (int m : members[from]) {
      for (std::size_t i = start[m]; i < start[m + 1]; ++i) {
        if (find(adjacent[i].first) == to) sum += adjacent[i].second;
      }
    }
    // Group similarity: the cosine of the two groups' summed vectors, with the similarities
    // standing in for dot products (average link when every pair is linked at 1).
    const double mean =
        options.linkage == StoryLinkage::kCentroid
            ? sum / std::sqrt(within[a] * within[b])
            : sum / (static_cast<double>(sizes.first) * static_cast<double>(sizes.second));
    std::vector<std::string> common;
    std::set_intersection(outlets[a].begin(), outlets[a].end(), outlets[b].begin(),
                          outlets[b].end(), std::back_inserter(common));
    double needed =
        common.empty() ? options.threshold : options.threshold * options.same_outlet_factor;
    const int event_a = main_event(a);
    const int event_b = main_event(b);
    if (event_a >= 0 && event_b >= 0 && event_a != event_b) needed *= options.other_event_factor;
    if (mean >= needed) {
      merge(a, b, sum);
    } else {
      refused[PairKey(a, b)] = sizes;
    }
  }
  std::vector<std::vector<int>> stories;
  for (int d = 0; d < n; ++d) {
    if (members[d].empty()) continue;
    std::vector<int> story = std::move(members[d]);
    std::sort(story.begin(), story.end());
    stories.push_back(std::move(story));
  }
  std::sort(stories.begin(), stories.end(),
            [](const auto& x, const auto& y) { return x.front() < y.front(); });
  return stories;
}

}  // namespace

double Cosine(const SparseVector& a, const SparseVector& b) {
  double sum = 0;
  auto i = a.entries.begin();
  auto j = b.entries.begin();
  while (i != a.entries.end() && j != b.entries.end()) {
    if (i->first < j->first) {
      ++i;
    } else if (j->first < i->first) {
      ++j;
    } else {
      sum += static_cast<double>(i->second) * j->second;
      ++i;
      ++j;
    }
  }
  return sum;
}

double DateFactor(const std::optional<Date>& a, const std::optional<Date>& b, int window_days) {
  if (!a || !b || !a->valid() || !b->valid() || window_days < 0) return 1.0;
  const long a0 = a->DaysSinceEpoch();
  const long a1 = a->LastDaySinceEpoch();
  const long b0 = b->DaysSinceEpoch();
  const long b1 = b->LastDaySinceEpoch();
  const long gap = std::max({0L, b0 - a1, a0 - b1});
  if (gap <= window_days) return 1.0;
  // A window of 0 days: every day apart costs as much as a window's length would.
  return std::exp(-static_cast<double>(gap - window_days) / std::max(window_days, 1));
}

StoryClustering ClusterStories(const std::vector<StoryInput>& documents,
                               const StoryOptions& options) {
  const int n = static_cast<int>(documents.size());
  const unsigned workers = internal::WorkerCount(options.threads);
  StoryClustering result;

  // Signatures (each document's heaviest terms) and the inverted index over them, as flat
  // arrays: postings of term t are post[start[t] .. start[t + 1]).
  std::vector<std::vector<std::pair<int, float>>> signatures(n);
  internal::ParallelChunks(n, workers, [&](std::size_t begin, std::size_t end, unsigned) {
    for (std::size_t d = begin; d < end; ++d) {
      auto heaviest = [](const std::vector<std::pair<int, float>>& entries, int limit) {
        const std::size_t k = std::min<std::size_t>(entries.size(), std::max(limit, 0));
        std::vector<std::pair<int, float>> sig(k);
        std::partial_sort_copy(entries.begin(), entries.end(), sig.begin(), sig.end(),
                               [](const auto& x, const auto& y) {
                                 return x.second != y.second ? x.second > y.second
                                                             : x.first < y.first;
                               });
        return sig;
      };
      std::vector<std::pair<int, float>> sig =
          heaviest(documents[d].vector.entries, options.signature_terms);
      // The heaviest cross-language keys too (the full vector's heaviest terms already find
      // articles of the same language), with the key vector's weight when a term is in both.
      for (const auto& [term, weight] :
           heaviest(documents[d].cross_keys.entries, options.key_signature_terms)) {
        const int t = term;  // see above: not a structured binding in the lambda
        auto it = std::find_if(sig.begin(), sig.end(), [&](const auto& e) { return e.first == t; });
        const float scaled = static_cast<float>(options.key_scale) * weight;
        if (it == sig.end()) {
          sig.emplace_back(term, scaled);
        } else {
          it->second = std::max(it->second, scaled);
        }
      }
      signatures[d] = std::move(sig);
    }
  });
  int terms = 0;
  for (const StoryInput& d : documents) {
    for (const SparseVector* v : {&d.vector, &d.keys, &d.cross_keys}) {
      if (!v->entries.empty()) terms = std::max(terms, v->entries.back().first + 1);
    }
  }
  std::vector<std::size_t> start(static_cast<std::size_t>(terms) + 1, 0);
  for (const auto& sig : signatures) {
    for (const auto& [term, weight] : sig) ++start[term + 1];
  }
  for (int t = 0; t < terms; ++t) start[t + 1] += start[t];
  std::vector<std::pair<int, float>> post(start.back());  // (document, its weight of the term)
  {
    std::vector<std::size_t> fill(start.begin(), start.end() - 1);
    for (int d = 0; d < n; ++d) {
      for (const auto& [term, weight] : signatures[d]) post[fill[term]++] = {d, weight};
    }
  }

  // Candidates: each document's best partners by signature overlap. Each worker has its own
  // score array; each document's list goes to its own slot.
  std::vector<std::vector<int>> candidates(n);
  std::vector<std::vector<float>> scores(workers);
  internal::ParallelChunks(n, workers, [&](std::size_t begin, std::size_t end, unsigned w) {
    std::vector<float>& score = scores[w];
    score.assign(n, 0.0f);
    std::vector<int> touched;
    for (std::size_t d = begin; d < end; ++d) {
      for (const auto& [term, weight] : signatures[d]) {
        const std::size_t length = start[term + 1] - start[term];
        if (length < 2 || length > options.max_posting) continue;
        for (std::size_t i = start[term]; i < start[term + 1]; ++i) {
          const auto [other, other_weight] = post[i];
          if (other == static_cast<int>(d)) continue;
          if (score[other] == 0.0f) touched.push_back(other);
          score[other] += weight * other_weight;
        }
      }
      const std::size_t keep = std::min<std::size_t>(touched.size(), options.max_candidates);
      std::partial_sort(touched.begin(), touched.begin() + keep, touched.end(), [&](int x, int y) {
        return score[x] != score[y] ? score[x] > score[y] : x < y;
      });
      candidates[d].assign(touched.begin(), touched.begin() + keep);
      for (int t : touched) score[t] = 0.0f;
      touched.clear();
    }
    score = {};
  });
  // Each pair once, under its smaller index.
  std::vector<std::vector<int>> partners(n);
  for (int d = 0; d < n; ++d) {
    for (int other : candidates[d]) partners[std::min(d, other)].push_back(std::max(d, other));
    candidates[d] = {};
  }

  // Exact cosines: each worker scatters document a's vector into a dense array once and
  // reads its partners' entries against it.
  std::vector<std::vector<SimilarPair>> found(n);
  internal::ParallelChunks(n, workers, [&](std::size_t begin, std::size_t end, unsigned) {
    std::vector<float> dense(static_cast<std::size_t>(terms), 0.0f);
    std::vector<float> dense_keys(static_cast<std::size_t>(terms), 0.0f);
    std::vector<float> dense_cross(static_cast<std::size_t>(terms), 0.0f);
    for (std::size_t a = begin; a < end; ++a) {
      std::vector<int>& list = partners[a];
      if (list.empty()) continue;
      std::sort(list.begin(), list.end());
      list.erase(std::unique(list.begin(), list.end()), list.end());
      const auto& entries = documents[a].vector.entries;
      const auto& keys = documents[a].keys.entries;
      const auto& cross = documents[a].cross_keys.entries;
      for (const auto& [t, w] : entries) dense[t] = w;
      for (const auto& [t, w] : keys) dense_keys[t] = w;
      for (const auto& [t, w] : cross) dense_cross[t] = w;
      for (int b : list) {
        double cosine = 0;
        for (const auto& [t, w] : documents[b].vector.entries) {
          cosine += static_cast<double>(dense[t]) * w;
        }
        // Across languages, the keys of two or more languages (see stories.h).
        const bool across = documents[a].language != documents[b].language;
        const std::vector<float>& a_keys = across ? dense_cross : dense_keys;
        double key_cosine = 0;
        for (const auto& [t, w] : (across ? documents[b].cross_keys : documents[b].keys).entries) {
          key_cosine += static_cast<double>(a_keys[t]) * w;
        }
        if (cosine <= 0 && key_cosine <= 0) continue;
        double factor = DateFactor(documents[a].date, documents[b].date, options.date_window_days);
        const auto& day_a = documents[a].event_day;
        const auto& day_b = documents[b].event_day;
        if (day_a && day_b && std::abs(day_a->DaysSinceEpoch() - day_b->DaysSinceEpoch()) >= 2) {
          factor *= options.other_day_factor;
        }
        const double best = std::max(cosine, options.key_scale * key_cosine);
        found[a].push_back({static_cast<int>(a), b, cosine, key_cosine, best * factor});
      }
      for (const auto& [t, w] : entries) dense[t] = 0.0f;
      for (const auto& [t, w] : keys) dense_keys[t] = 0.0f;
      for (const auto& [t, w] : cross) dense_cross[t] = 0.0f;
      list = {};
    }
  });
  std::size_t total = 0;
  for (const auto& f : found) total += f.size();
  result.pairs.reserve(total);
  for (auto& f : found) {
    result.pairs.insert(result.pairs.end(), f.begin(), f.end());
    f = {};
  }

  result.stories = AverageLink(documents, result.pairs, options);
  return result;
}

}  // namespace parallax
