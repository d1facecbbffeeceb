#include "align/passage_similarity.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <iterator>

namespace parallax {
namespace {

constexpr std::size_t kMaxShared = 64;  // shared terms tracked in a window's bit mask

struct Window {
  std::uint64_t shared = 0;  // bit i: shared term i occurs in the window
  double mass = 0;           // squared weights of the window's distinct terms
};

// Windows of `sequence` that start and end on a shared term, shortest first. `slot[t]` is the
// index of term t among the shared terms (or -1); `local` maps each position to a dense index of
// its term for the distinct-term bookkeeping.
std::vector<Window> Windows(const std::vector<int>& sequence, const std::vector<int>& local,
                            int distinct, const std::vector<int>& slot_of_local,
                            const std::vector<double>& mass_of_local, std::size_t max_windows) {
  std::vector<std::size_t> anchors;
  for (std::size_t i = 0; i < sequence.size(); ++i) {
    if (slot_of_local[local[i]] >= 0) anchors.push_back(i);
  }
  std::vector<Window> out;
  std::vector<int> seen(distinct, -1);
  // Length in anchors, then start: shortest windows first, so a cap keeps the tightest.
  for (std::size_t span = 0; span < anchors.size() && out.size() < max_windows; ++span) {
    for (std::size_t first = 0; first + span < anchors.size() && out.size() < max_windows;
         ++first) {
      Window w;
      const int stamp = static_cast<int>(first * anchors.size() + span);
      for (std::size_t p = anchors[first]; p <= anchors[first + span]; ++p) {
        const int l = local[p];
        if (seen[l] == stamp) continue;
        seen[l] = stamp;
        w.mass += mass_of_local[l];
        if (slot_of_local[l] >= 0) w.shared |= std::uint64_t{1} << slot_of_local[l];
      }
      out.push_back(w);
    }
  }
  return out;
}

// Dense local indices of the terms of `sequence`.
std::vector<int> Localise(const std::vector<int>& sequence, const std::vector<int>& distinct) {
  std::vector<int> local(sequence.size());
  for (std::size_t i = 0; i < sequence.size(); ++i) {
    local[i] = static_cast<int>(std::lower_bound(distinct.begin(), distinct.end(), sequence[i]) -
                                distinct.begin());
  }
  return local;
}

std::vector<int> Distinct(std::vector<int> terms) {
  std::sort(terms.begin(), terms.end());
  terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
  return terms;
}

}  // namespace

double PassageSimilarity(const std::vector<int>& a, const std::vector<int>& b,
                         const std::vector<double>& weight, double shared_context,
                         const PassageSimilarityOptions& options) {
  const std::vector<int> da = Distinct(a);
  const std::vector<int> db = Distinct(b);
  std::vector<int> shared;
  std::set_intersection(da.begin(), da.end(), db.begin(), db.end(), std::back_inserter(shared));
  if (shared.size() < static_cast<std::size_t>(std::max(1, options.min_shared))) return 0;
  if (shared.size() > kMaxShared) {
    // Keep the heaviest shared terms (ties by id); the rest count as unshared.
    std::stable_sort(shared.begin(), shared.end(),
                     [&](int x, int y) { return weight[x] > weight[y]; });
    shared.resize(kMaxShared);
    std::sort(shared.begin(), shared.end());
  }
  std::vector<double> shared_mass(shared.size());
  for (std::size_t i = 0; i < shared.size(); ++i)
    shared_mass[i] = weight[shared[i]] * weight[shared[i]];

  auto prepare = [&](const std::vector<int>& sequence, const std::vector<int>& distinct) {
    std::vector<int> slot(distinct.size(), -1);
    std::vector<double> mass(distinct.size());
    for (std::size_t l = 0; l < distinct.size(); ++l) {
      mass[l] = weight[distinct[l]] * weight[distinct[l]];
      auto it = std::lower_bound(shared.begin(), shared.end(), distinct[l]);
      if (it != shared.end() && *it == distinct[l]) slot[l] = static_cast<int>(it - shared.begin());
    }
    return Windows(sequence, Localise(sequence, distinct), static_cast<int>(distinct.size()), slot,
                   mass, options.max_windows);
  };
  const std::vector<Window> wa = prepare(a, da);
  const std::vector<Window> wb = prepare(b, db);

  const double floor = std::max(options.min_mass, 1e-9);
  double best = 0;
  for (const Window& x : wa) {
    const double nx = std::max(x.mass + shared_context, floor);
    for (const Window& y : wb) {
      std::uint64_t common = x.shared & y.shared;
      if (std::popcount(common) < options.min_shared) continue;
      double dot = shared_context;
      while (common != 0) {
        dot += shared_mass[std::countr_zero(common)];
        common &= common - 1;
      }
      const double ny = std::max(y.mass + shared_context, floor);
      best = std::max(best, dot / std::sqrt(nx * ny));
    }
  }
  return std::min(best, 1.0);
}

}  // namespace parallax
