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

// Sort key of an article for "earliest": first publication day (undated last), then id.
using Anchor = std::tuple<long, std::string, std::string>;

std::string WindowId(long k, long days) {
  return k == kUndated ? std::string("undated") : Date::FromDaysSinceEpoch(k * days).ToString();
}

// The window index a part's id names: kUndated, or k of the first day k * days.
long WindowIndex(const WindowPart& part) {
  if (part.id == "undated") return kUndated;
  const std::optional<Date> day = ParseIsoDate(part.id);
  if (!day || day->month_only() ||
      FloorDiv(day->DaysSinceEpoch(), part.days) * part.days != day->DaysSinceEpoch()) {
    throw std::invalid_argument("window '" + part.id + "' is not the first day of a " +
                                std::to_string(part.days) + "-day window, nor \"undated\"");
  }
  return day->DaysSinceEpoch() / part.days;
}

void CheckOptions(const WindowOptions& window) {
  if (window.days < 1) throw std::invalid_argument("a window is at least 1 day long");
  if (window.overlap < 0) throw std::invalid_argument("the overlap is 0 days or more");
}

}  // namespace

std::optional<Date> WindowStart(const std::optional<Date>& date, int days) {
  if (!date || !date->valid() || days < 1) return std::nullopt;
  return Date::FromDaysSinceEpoch(FloorDiv(date->DaysSinceEpoch(), days) * days);
}

std::vector<WindowPart> AlignWindowParts(std::vector<AlignDocument> documents,
                                         const WindowOptions& window, const AlignOptions& options,
                                         const std::vector<CuratedEvent>& curated,
                                         const std::string& only) {
  CheckOptions(window);
  std::sort(documents.begin(), documents.end(), [](const AlignDocument& a, const AlignDocument& b) {
    return a.id != b.id ? a.id < b.id : a.outlet < b.outlet;
  });
  const int n = static_cast<int>(documents.size());
  const long days = window.days;

  // The windows each article is aligned in (indices into `documents`), and the one that holds it.
  std::vector<long> home(n, kUndated);
  std::map<long, std::vector<int>> windows;
  for (int d = 0; d < n; ++d) {
    const std::optional<Date>& date = documents[d].date;
    if (!date || !date->valid()) {
      windows[kUndated].push_back(d);
      continue;
    }
    const long first = date->DaysSinceEpoch();  // a month-only date covers its month
    const long last = date->LastDaySinceEpoch();
    home[d] = FloorDiv(first, days);
    windows[home[d]];  // a window exists where an article is published
    const long from = FloorDiv(first - window.overlap, days);
    const long to = FloorDiv(last + window.overlap, days);
    for (long k = from; k <= to; ++k) {
      // Context only reaches `overlap` days past the window's edges.
      const long begin = k * days - window.overlap;
      const long end = (k + 1) * days - 1 + window.overlap;
      if (last >= begin && first <= end) windows[k].push_back(d);
    }
  }

  // A part for each window that holds an article of its own (windows of context only keep
  // nothing); its members in the sorted order Align would give them anyway.
  std::vector<WindowPart> parts;
  std::vector<const std::vector<int>*> members;
  for (const auto& [k, aligned] : windows) {
    WindowPart part;
    part.days = window.days;
    part.overlap = window.overlap;
    part.id = WindowId(k, days);
    if (!only.empty() && part.id != only) continue;
    for (int d : aligned) {
      if (home[d] == k)
        part.articles.push_back({documents[d].id, documents[d].outlet, documents[d].date});
    }
    if (part.articles.empty()) continue;
    part.aligned = aligned.size();
    parts.push_back(std::move(part));
    members.push_back(&aligned);
  }

  // Align each window on one thread; several windows at once.
  AlignOptions inner = options;
  inner.stories.threads = 1;
  internal::ParallelChunks(
      parts.size(), internal::WorkerCount(window.threads),
      [&](std::size_t begin, std::size_t end, unsigned) {
        for (std::size_t i = begin; i < end; ++i) {
          std::vector<AlignDocument> subset;
          subset.reserve(members[i]->size());
          for (int d : *members[i]) subset.push_back(documents[d]);
          parts[i].alignment = Align(std::move(subset), inner, curated);
        }
      },
      1);
  return parts;
}

Alignment MergeWindowParts(std::vector<WindowPart> parts) {
  Alignment out;
  if (parts.empty()) return out;
  const long days = parts.front().days;
  std::map<long, WindowPart*> order;  // date order, "undated" last
  for (WindowPart& part : parts) {
    if (part.days != parts.front().days || part.overlap != parts.front().overlap) {
      throw std::invalid_argument("window parts of different runs: " + parts.front().id +
                                  " has --window " + std::to_string(parts.front().days) +
                                  " --overlap " + std::to_string(parts.front().overlap) + ", " +
                                  part.id + " has --window " + std::to_string(part.days) +
                                  " --overlap " + std::to_string(part.overlap));
    }
    if (!order.emplace(WindowIndex(part), &part).second) {
      throw std::invalid_argument("window " + part.id + " is given twice");
    }
  }

  // Every article, from the window that holds it, in the sorted order of AlignByWindow.
  struct Placed {
    const WindowArticle* article;
    long home;
  };
  std::vector<Placed> placed;
  for (const auto& [k, part] : order) {
    for (const WindowArticle& a : part->articles) placed.push_back({&a, k});
  }
  std::sort(placed.begin(), placed.end(), [](const Placed& x, const Placed& y) {
    return x.article->id != y.article->id ? x.article->id < y.article->id
                                          : x.article->outlet < y.article->outlet;
  });
  const int n = static_cast<int>(placed.size());
  std::vector<Anchor> anchor(n);
  std::vector<long> home(n);
  out.articles = static_cast<std::size_t>(n);
  std::unordered_map<std::string, int> index_of;
  for (int d = 0; d < n; ++d) {
    const WindowArticle& a = *placed[d].article;
    anchor[d] = {a.date && a.date->valid() ? a.date->DaysSinceEpoch() : kUndated, a.id, a.outlet};
    home[d] = placed[d].home;
    out.article_ids.push_back(a.id);
    index_of.emplace(a.id, d);
  }
  const std::string* window_id = nullptr;
  auto index = [&](const std::string& id) {
    const auto it = index_of.find(id);
    if (it == index_of.end()) {
      throw std::invalid_argument("article '" + id + "', aligned in window " + *window_id +
                                  ", is published in no window given: merge the parts of "
                                  "every window");
    }
    return it->second;
  };
  auto earliest = [&](const auto& ids) {
    int best = -1;
    for (const std::string& id : ids) {
      const int d = index(id);
      if (best < 0 || anchor[d] < anchor[best]) best = d;
    }
    return best;
  };

  // Merge in date order.
  std::vector<bool> assigned(n, false);
  std::map<std::string, std::size_t> pinned;  // key -> index into out.stories
  std::set<std::pair<int, int>> pairs;
  for (const auto& [k, part] : order) {
    const std::string& prefix = part->id;
    window_id = &part->id;
    AlignedWindow info;
    info.id = prefix;
    if (k != kUndated) {
      info.from = Date::FromDaysSinceEpoch(k * days);
      info.to = Date::FromDaysSinceEpoch(k * days + days - 1);
    }
    info.aligned = part->aligned;
    info.articles = part->articles.size();
    out.windows.push_back(std::move(info));
    const Alignment& a = part->alignment;

    std::map<std::string, std::string> story_id;  // the window's story id -> merged id
    for (const AlignedStory& s : a.stories) {
      const int first = earliest(s.article_ids);
      const bool kept = home[first] == k;
      AlignedStory story = s;
      story.article_ids.clear();
      for (const std::string& id : s.article_ids) {
        const int d = index(id);
        // A story kept elsewhere leaves here only its articles no window has placed yet.
        if (!assigned[d] && (kept || home[d] == k)) story.article_ids.push_back(id);
      }
      if (story.article_ids.empty()) continue;
      for (const std::string& id : story.article_ids) assigned[index(id)] = true;
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
      const int x = index(a.article_ids[p.a]);
      const int y = index(a.article_ids[p.b]);
      if (home[std::min(x, y)] != k && home[std::max(x, y)] != k) continue;
      if (!pairs.emplace(std::min(x, y), std::max(x, y)).second) continue;
      out.candidate_pairs.push_back({std::min(x, y), std::max(x, y), p.cosine, p.similarity});
    }
    part->alignment = {};
  }
  std::sort(out.candidate_pairs.begin(), out.candidate_pairs.end(),
            [](const SimilarPair& x, const SimilarPair& y) {
              return x.a != y.a ? x.a < y.a : x.b < y.b;
            });
  return out;
}

Alignment AlignByWindow(std::vector<AlignDocument> documents, const WindowOptions& window,
                        const AlignOptions& options, const std::vector<CuratedEvent>& curated) {
  return MergeWindowParts(AlignWindowParts(std::move(documents), window, options, curated));
}

nlohmann::json WindowPartToJson(const WindowPart& part) {
  nlohmann::json articles = nlohmann::json::array();
  for (const WindowArticle& a : part.articles) {
    articles.push_back({{"id", a.id},
                        {"outlet", a.outlet},
                        {"date", a.date ? nlohmann::json(a.date->ToString()) : nlohmann::json()}});
  }
  return {{"window", part.id},
          {"days", part.days},
          {"overlap", part.overlap},
          {"aligned", part.aligned},
          {"articles", std::move(articles)},
          {"alignment", AlignmentToJson(part.alignment)}};
}

WindowPart WindowPartFromJson(const nlohmann::json& json) {
  WindowPart part;
  try {
    part.id = json.at("window").get<std::string>();
    part.days = json.at("days").get<int>();
    part.overlap = json.at("overlap").get<int>();
    part.aligned = json.at("aligned").get<std::size_t>();
    for (const nlohmann::json& a : json.at("articles")) {
      WindowArticle article{a.at("id").get<std::string>(), a.at("outlet").get<std::string>(), {}};
      if (!a.at("date").is_null()) {
        article.date = ParseIsoDate(a.at("date").get<std::string>());
        if (!article.date) throw std::invalid_argument("bad date in article " + article.id);
      }
      part.articles.push_back(std::move(article));
    }
  } catch (const nlohmann::json::exception& e) {
    throw std::invalid_argument(std::string("not a window part: ") + e.what());
  }
  part.alignment = AlignmentFromJson(json.contains("alignment") ? json["alignment"] : nullptr);
  CheckOptions({part.days, part.overlap, 0});
  WindowIndex(part);
  return part;
}

}  // namespace parallax
