#include "align/windows.h"

#include <algorithm>
#include <limits>
#include <map>
#include <set>
#include <stdexcept>
#include <tuple>
#include <unordered_map>
#include <utility>

#include "align/parallel.h"

namespace parallax {
namespace {

constexpr long kUndated = std::numeric_limits<long>::max();

long FloorDiv(long a, long b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

struct Window {
  long index = kUndated;       // k: the days [k * days, (k + 1) * days); kUndated for no date
  std::vector<int> documents;  // indices into the sorted input: its own and its context
  Alignment alignment;
};

// Sort key of an article for "earliest": first publication day (undated last), then id.
using Anchor = std::tuple<long, std::string, std::string>;

}  // namespace

std::optional<Date> WindowStart(const std::optional<Date>& date, int days) {
  if (!date || !date->valid() || days < 1) return std::nullopt;
  return Date::FromDaysSinceEpoch(FloorDiv(date->DaysSinceEpoch(), days) * days);
}

Alignment AlignByWindow(std::vector<AlignDocument> documents, const WindowOptions& window,
                        const AlignOptions& options, const std::vector<CuratedEvent>& curated) {
  if (window.days < 1) throw std::invalid_argument("a window is at least 1 day long");
  if (window.overlap < 0) throw std::invalid_argument("the overlap is 0 days or more");
  std::sort(documents.begin(), documents.end(), [](const AlignDocument& a, const AlignDocument& b) {
    return a.id != b.id ? a.id < b.id : a.outlet < b.outlet;
  });
  const int n = static_cast<int>(documents.size());
  const long days = window.days;

  // The windows each article is aligned in, and the one that holds it.
  std::vector<Anchor> anchor(n);
  std::vector<long> home(n, kUndated);
  std::map<long, Window> windows;
  for (int d = 0; d < n; ++d) {
    const std::optional<Date>& date = documents[d].date;
    if (!date || !date->valid()) {
      anchor[d] = {kUndated, documents[d].id, documents[d].outlet};
      windows[kUndated].documents.push_back(d);
      continue;
    }
    const long first = date->DaysSinceEpoch();  // a month-only date covers its month
    const long last = date->LastDaySinceEpoch();
    anchor[d] = {first, documents[d].id, documents[d].outlet};
    home[d] = FloorDiv(first, days);
    windows[home[d]];  // a window exists where an article is published
    const long from = FloorDiv(first - window.overlap, days);
    const long to = FloorDiv(last + window.overlap, days);
    for (long k = from; k <= to; ++k) {
      // Context only reaches `overlap` days past the window's edges.
      const long begin = k * days - window.overlap;
      const long end = (k + 1) * days - 1 + window.overlap;
      if (last >= begin && first <= end) windows[k].documents.push_back(d);
    }
  }
  // Windows that hold no article of their own keep nothing: drop them.
  for (auto it = windows.begin(); it != windows.end();) {
    const long k = it->first;
    bool own = false;
    for (int d : it->second.documents) own |= home[d] == k;
    it = own ? std::next(it) : windows.erase(it);
  }

  // Align each window on one thread; several windows at once.
  std::vector<Window*> order;
  for (auto& [k, w] : windows) {
    w.index = k;
    order.push_back(&w);
  }
  AlignOptions inner = options;
  inner.stories.threads = 1;
  internal::ParallelChunks(
      order.size(), internal::WorkerCount(window.threads),
      [&](std::size_t begin, std::size_t end, unsigned) {
        for (std::size_t i = begin; i < end; ++i) {
          std::vector<AlignDocument> subset;
          subset.reserve(order[i]->documents.size());
          for (int d : order[i]->documents) subset.push_back(documents[d]);
          order[i]->alignment = Align(std::move(subset), inner, curated);
        }
      },
      1);

  // Merge in date order.
  Alignment out;
  out.articles = static_cast<std::size_t>(n);
  std::unordered_map<std::string, int> index_of;
  for (int d = 0; d < n; ++d) {
    out.article_ids.push_back(documents[d].id);
    index_of.emplace(documents[d].id, d);
  }
  auto earliest = [&](const auto& ids) {
    int best = -1;
    for (const std::string& id : ids) {
      const int d = index_of.at(id);
      if (best < 0 || anchor[d] < anchor[best]) best = d;
    }
    return best;
  };
  std::vector<bool> assigned(n, false);
  std::map<std::string, std::size_t> pinned;  // key -> index into out.stories
  std::set<std::pair<int, int>> pairs;
  for (Window* w : order) {
    const long k = w->index;
    const std::string prefix =
        k == kUndated ? std::string("undated") : Date::FromDaysSinceEpoch(k * days).ToString();
    AlignedWindow info;
    info.id = prefix;
    if (k != kUndated) {
      info.from = Date::FromDaysSinceEpoch(k * days);
      info.to = Date::FromDaysSinceEpoch(k * days + days - 1);
    }
    info.aligned = w->documents.size();
    for (int d : w->documents) info.articles += home[d] == k ? 1 : 0;
    out.windows.push_back(std::move(info));
    const Alignment& a = w->alignment;

    std::map<std::string, std::string> story_id;  // the window's story id -> merged id
    for (const AlignedStory& s : a.stories) {
      const int first = earliest(s.article_ids);
      const bool kept = home[first] == k;
      AlignedStory story = s;
      story.article_ids.clear();
      for (const std::string& id : s.article_ids) {
        const int d = index_of.at(id);
        // A story kept elsewhere leaves here only its articles no window has placed yet.
        if (!assigned[d] && (kept || home[d] == k)) story.article_ids.push_back(id);
      }
      if (story.article_ids.empty()) continue;
      for (const std::string& id : story.article_ids) assigned[index_of.at(id)] = true;
      if (story.pinned) {
        auto [it, inserted] = pinned.emplace(story.id, out.stories.size());
        story_id[s.id] = story.id;
        if (!inserted) {
          std::vector<std::string>& ids = out.stories[it->second].article_ids;
          ids.insert(ids.end(), story.article_ids.begin(), story.article_ids.end());
          std::sort(ids.begin(), ids.end());
          continue;
        }
      } else {
        story.id = prefix + "/" + s.id + (kept ? "" : "-rest");
        if (kept) story_id[s.id] = story.id;
      }
      out.stories.push_back(std::move(story));
    }

    std::map<std::string, std::string> event_id;
    for (const AlignedEvent& e : a.events) {
      std::vector<std::string> ids;
      for (const EventMention& m : e.mentions) ids.push_back(m.passage.article_id);
      if (ids.empty() || home[earliest(ids)] != k) continue;
      AlignedEvent event = e;
      event.id = prefix + "/" + e.id;
      event_id[e.id] = event.id;
      out.events.push_back(std::move(event));
    }

    for (const Claim& c : a.claims) {
      std::vector<std::string> ids;
      for (const Passage& p : c.passages) ids.push_back(p.article_id);
      const bool kept =
          c.story.empty() ? !ids.empty() && home[earliest(ids)] == k : story_id.count(c.story) > 0;
      if (!kept) continue;
      Claim claim = c;
      claim.id = prefix + "/" + c.id;
      claim.story = c.story.empty() ? "" : story_id[c.story];
      auto e = event_id.find(c.event);
      claim.event = e == event_id.end() ? "" : e->second;
      out.claims.push_back(std::move(claim));
    }

    for (const SimilarPair& p : a.candidate_pairs) {
      const int x = index_of.at(a.article_ids[p.a]);
      const int y = index_of.at(a.article_ids[p.b]);
      if (home[std::min(x, y)] != k && home[std::max(x, y)] != k) continue;
      if (!pairs.emplace(std::min(x, y), std::max(x, y)).second) continue;
      out.candidate_pairs.push_back({std::min(x, y), std::max(x, y), p.cosine, p.similarity});
    }
    w->alignment = {};
  }
  std::sort(out.candidate_pairs.begin(), out.candidate_pairs.end(),
            [](const SimilarPair& x, const SimilarPair& y) {
              return x.a != y.a ? x.a < y.a : x.b < y.b;
            });
  return out;
}

}  // namespace parallax
