#include "align/stories.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <iterator>
#include <map>
#include <numeric>
#include <unordered_map>

namespace parallax {
namespace {

// First and last day of a publication date (a month-only date covers its month).
std::pair<long, long> DayRange(const Date& d) {
  if (!d.month_only()) return {d.DaysSinceEpoch(), d.DaysSinceEpoch()};
  const long first = d.DaysSinceEpoch();
  return {first, first + Date::DaysInMonth(d.year, d.month) - 1};
}

std::uint64_t PairKey(int a, int b) {
  return (static_cast<std::uint64_t>(static_cast<std::uint32_t>(a)) << 32) |
         static_cast<std::uint32_t>(b);
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
  if (!a || !b || !a->valid() || !b->valid() || window_days <= 0) return 1.0;
  const auto [a0, a1] = DayRange(*a);
  const auto [b0, b1] = DayRange(*b);
  const long gap = std::max({0L, b0 - a1, a0 - b1});
  if (gap <= window_days) return 1.0;
  return std::exp(-static_cast<double>(gap - window_days) / window_days);
}

StoryClustering ClusterStories(const std::vector<StoryInput>& documents,
                               const StoryOptions& options) {
  const int n = static_cast<int>(documents.size());
  StoryClustering result;

  // Signatures and the inverted index over them.
  std::unordered_map<int, std::vector<int>> postings;
  std::vector<std::vector<std::pair<int, float>>> signatures(n);
  for (int d = 0; d < n; ++d) {
    auto sig = documents[d].vector.entries;
    const std::size_t k = std::min<std::size_t>(sig.size(), options.signature_terms);
    std::partial_sort(sig.begin(), sig.begin() + k, sig.end(), [](const auto& x, const auto& y) {
      return x.second != y.second ? x.second > y.second : x.first < y.first;
    });
    sig.resize(k);
    for (const auto& [term, weight] : sig) postings[term].push_back(d);
    signatures[d] = std::move(sig);
  }

  // Candidates: each document's best partners by signature overlap.
  std::vector<std::pair<int, int>> candidate_pairs;
  std::vector<float> score(n, 0.0f);
  std::vector<int> touched;
  for (int d = 0; d < n; ++d) {
    for (const auto& [term, weight] : signatures[d]) {
      const std::vector<int>& list = postings[term];
      if (list.size() < 2 || list.size() > options.max_posting) continue;
      for (int other : list) {
        if (other == d) continue;
        if (score[other] == 0.0f) touched.push_back(other);
        score[other] += weight;
      }
    }
    const std::size_t keep = std::min<std::size_t>(touched.size(), options.max_candidates);
    std::partial_sort(touched.begin(), touched.begin() + keep, touched.end(), [&](int x, int y) {
      return score[x] != score[y] ? score[x] > score[y] : x < y;
    });
    for (std::size_t i = 0; i < keep; ++i) {
      candidate_pairs.emplace_back(std::min(d, touched[i]), std::max(d, touched[i]));
    }
    for (int t : touched) score[t] = 0.0f;
    touched.clear();
  }
  std::sort(candidate_pairs.begin(), candidate_pairs.end());
  candidate_pairs.erase(std::unique(candidate_pairs.begin(), candidate_pairs.end()),
                        candidate_pairs.end());
  result.pairs.reserve(candidate_pairs.size());
  for (const auto& [a, b] : candidate_pairs) {
    const double cosine = Cosine(documents[a].vector, documents[b].vector);
    if (cosine <= 0) continue;
    const double factor =
        DateFactor(documents[a].date, documents[b].date, options.date_window_days);
    result.pairs.push_back({a, b, cosine, cosine * factor});
  }

  // Average-link over the candidate graph.
  std::vector<int> cluster(n);
  std::iota(cluster.begin(), cluster.end(), 0);
  std::vector<std::vector<int>> members(n);
  std::vector<std::string> pin(n);
  std::vector<std::vector<std::string>> outlets(n);       // sorted, per cluster
  std::vector<std::unordered_map<int, double>> links(n);  // cluster -> neighbour -> sum
  for (int d = 0; d < n; ++d) {
    members[d] = {d};
    pin[d] = documents[d].pin;
    if (!documents[d].outlet.empty()) outlets[d] = {documents[d].outlet};
  }
  for (const SimilarPair& p : result.pairs) {
    links[p.a][p.b] += p.similarity;
    links[p.b][p.a] += p.similarity;
  }
  auto merge = [&](int a, int b) {  // merges cluster b into a (both roots)
    if (members[a].size() < members[b].size()) std::swap(a, b);
    for (int m : members[b]) cluster[m] = a;
    members[a].insert(members[a].end(), members[b].begin(), members[b].end());
    members[b].clear();
    if (pin[a].empty()) pin[a] = pin[b];
    std::vector<std::string> joined;
    std::set_union(outlets[a].begin(), outlets[a].end(), outlets[b].begin(), outlets[b].end(),
                   std::back_inserter(joined));
    outlets[a] = std::move(joined);
    outlets[b].clear();
    for (const auto& [other, sum] : links[b]) {
      if (other == a) continue;
      links[a][other] += sum;
      auto& back = links[other];
      back.erase(b);
      back[a] += sum;
    }
    links[a].erase(b);
    links[b].clear();
    return a;
  };
  // Pins first.
  std::map<std::string, int> pinned_root;
  for (int d = 0; d < n; ++d) {
    if (documents[d].pin.empty()) continue;
    auto [it, inserted] = pinned_root.emplace(documents[d].pin, d);
    if (!inserted) it->second = merge(cluster[it->second], cluster[d]);
  }
  std::vector<const SimilarPair*> order;
  for (const SimilarPair& p : result.pairs) {
    if (p.similarity >= options.threshold) order.push_back(&p);
  }
  std::sort(order.begin(), order.end(), [](const SimilarPair* x, const SimilarPair* y) {
    if (x->similarity != y->similarity) return x->similarity > y->similarity;
    return PairKey(x->a, x->b) < PairKey(y->a, y->b);
  });
  for (const SimilarPair* p : order) {
    const int a = cluster[p->a];
    const int b = cluster[p->b];
    if (a == b) continue;
    if (!pin[a].empty() && !pin[b].empty() && pin[a] != pin[b]) continue;
    auto it = links[a].find(b);
    const double sum = it == links[a].end() ? 0.0 : it->second;
    const double mean =
        sum / (static_cast<double>(members[a].size()) * static_cast<double>(members[b].size()));
    std::vector<std::string> common;
    std::set_intersection(outlets[a].begin(), outlets[a].end(), outlets[b].begin(),
                          outlets[b].end(), std::back_inserter(common));
    const double needed =
        common.empty() ? options.threshold : options.threshold * options.same_outlet_factor;
    if (mean >= needed) merge(a, b);
  }
  for (int d = 0; d < n; ++d) {
    if (members[d].empty()) continue;
    std::vector<int> story = members[d];
    std::sort(story.begin(), story.end());
    result.stories.push_back(std::move(story));
  }
  std::sort(result.stories.begin(), result.stories.end(),
            [](const auto& x, const auto& y) { return x.front() < y.front(); });
  return result;
}

}  // namespace parallax
