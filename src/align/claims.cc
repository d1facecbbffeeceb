// Claims: units (sentences, split at ';' and dashes) of different outlets that report the same
// thing, grouped by average link (see ClaimOptions in alignment.h).
#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <unordered_map>

#include "align/alignment_internal.h"

namespace parallax::internal {
namespace {

struct Unit {
  int doc = 0;
  int sentence = 0;
  TextSpan span;
  std::vector<int> terms;
  std::vector<std::string> actor_ids;
  std::vector<std::string> perspectives;
  double norm = 0;
};

// Splits a sentence at ';', an em dash or a spaced en dash: the parts of a long sentence often
// report different things.
std::vector<TextSpan> SplitUnits(std::string_view text, TextSpan sentence) {
  std::vector<TextSpan> out;
  std::size_t start = sentence.begin;
  auto emit = [&](std::size_t b, std::size_t e) {
    while (b < e && (text[b] == ' ' || text[b] == ',')) ++b;
    while (e > b && text[e - 1] == ' ') --e;
    if (e > b) out.push_back({b, e});
  };
  for (std::size_t i = sentence.begin; i < sentence.end; ++i) {
    std::size_t skip = 0;
    if (text[i] == ';') {
      skip = 1;
    } else if (text.compare(i, 3, "\xE2\x80\x94") == 0) {  // —
      skip = 3;
    } else if (text.compare(i, 5, " \xE2\x80\x93 ") == 0) {  // spaced –
      skip = 5;
    }
    if (skip == 0) continue;
    emit(start, i);
    start = i + skip;
    i = start - 1;
  }
  emit(start, sentence.end);
  return out;
}

// Two units attributed to speakers of different sides do not report the same statement.
bool SpeakersConflict(const Unit& a, const Unit& b) {
  if (a.actor_ids.empty() || b.actor_ids.empty()) return false;
  for (const std::string& x : a.actor_ids) {
    if (std::binary_search(b.actor_ids.begin(), b.actor_ids.end(), x)) return false;
  }
  for (const std::string& x : a.perspectives) {
    if (!x.empty() && std::binary_search(b.perspectives.begin(), b.perspectives.end(), x)) {
      return false;
    }
  }
  return true;
}

}  // namespace

std::vector<Claim> FindClaims(const AlignContext& c, const ClaimOptions& options,
                              const std::vector<AlignedStory>& stories,
                              const std::vector<AlignedEvent>& events) {
  const int n = static_cast<int>(c.documents.size());
  auto idf = [&](int t) { return std::log((c.sentence_count + 1.0) / (c.sentence_df[t] + 0.5)); };
  std::map<std::string, int> doc_index;
  for (int d = 0; d < n; ++d) doc_index[c.documents[d].id] = d;

  // Which documents share an event with which.
  std::vector<std::set<int>> event_peers(n);
  std::map<std::pair<int, int>, std::vector<int>> events_of_sentence;
  for (std::size_t e = 0; e < events.size(); ++e) {
    std::set<int> docs;
    for (const EventMention& m : events[e].mentions) {
      const int d = doc_index[m.passage.article_id];
      docs.insert(d);
      events_of_sentence[{d, static_cast<int>(m.passage.sentence)}].push_back(static_cast<int>(e));
    }
    if (docs.size() < 2 || docs.size() > 200) continue;
    for (int a : docs) event_peers[a].insert(docs.begin(), docs.end());
  }

  // Units.
  std::vector<Unit> units;
  std::vector<std::vector<int>> units_of(n);
  for (int d = 0; d < n; ++d) {
    const AlignDocument& doc = c.documents[d];
    for (std::size_t s = 0; s < doc.sentences.size(); ++s) {
      for (const TextSpan& span : SplitUnits(doc.text, doc.sentences[s])) {
        Unit u;
        u.doc = d;
        u.sentence = static_cast<int>(s);
        u.span = span;
        u.terms = TermsInSpan(c, d, span);
        if (u.terms.size() < 2) continue;
        for (const ActorMention& a : doc.actors) {
          if (a.span.begin >= span.begin && a.span.end <= span.end) {
            u.actor_ids.push_back(a.actor_id);
            u.perspectives.push_back(a.perspective);
          }
        }
        std::sort(u.actor_ids.begin(), u.actor_ids.end());
        std::sort(u.perspectives.begin(), u.perspectives.end());
        for (int t : u.terms) u.norm += idf(t) * idf(t);
        u.norm = std::sqrt(u.norm);
        units_of[d].push_back(static_cast<int>(units.size()));
        units.push_back(std::move(u));
      }
    }
  }

  // Similar unit pairs between related articles of different outlets.
  struct Edge {
    int a, b;
    double sim;
  };
  std::vector<Edge> edges;
  const double keep = options.threshold * 0.5;
  for (int d1 = 0; d1 < n; ++d1) {
    std::set<int> peers(c.related[d1].begin(), c.related[d1].end());
    peers.insert(event_peers[d1].begin(), event_peers[d1].end());
    if (c.story_of[d1] >= 0) {
      const auto& story = c.stories[c.story_of[d1]];
      peers.insert(story.begin(), story.end());
    }
    for (int d2 : peers) {
      if (d2 <= d1 || c.documents[d1].outlet == c.documents[d2].outlet) continue;
      for (int ua : units_of[d1]) {
        for (int ub : units_of[d2]) {
          const Unit& a = units[ua];
          const Unit& b = units[ub];
          double dot = 0;
          int shared = 0;
          auto i = a.terms.begin();
          auto j = b.terms.begin();
          while (i != a.terms.end() && j != b.terms.end()) {
            if (*i < *j) {
              ++i;
            } else if (*j < *i) {
              ++j;
            } else {
              const double w = idf(*i);
              dot += w * w;
              ++shared;
              ++i;
              ++j;
            }
          }
          if (shared < 2 || a.norm == 0 || b.norm == 0) continue;
          const double sim = dot / (a.norm * b.norm);
          if (sim < keep || SpeakersConflict(a, b)) continue;
          edges.push_back({ua, ub, sim});
        }
      }
    }
  }

  // Average link; the mean runs over cross-outlet pairs only (units of one outlet are never
  // compared with each other).
  const int m = static_cast<int>(units.size());
  std::vector<int> cluster(m);
  std::vector<std::vector<int>> members(m);
  std::vector<std::map<std::string, int>> outlet_count(m);
  std::vector<std::unordered_map<int, double>> links(m);
  for (int u = 0; u < m; ++u) {
    cluster[u] = u;
    members[u] = {u};
    outlet_count[u][c.documents[units[u].doc].outlet] = 1;
  }
  for (const Edge& e : edges) {
    links[e.a][e.b] += e.sim;
    links[e.b][e.a] += e.sim;
  }
  std::sort(edges.begin(), edges.end(), [](const Edge& x, const Edge& y) {
    if (x.sim != y.sim) return x.sim > y.sim;
    return x.a != y.a ? x.a < y.a : x.b < y.b;
  });
  for (const Edge& e : edges) {
    if (e.sim < options.threshold) break;
    int a = cluster[e.a];
    int b = cluster[e.b];
    if (a == b) continue;
    double cross = static_cast<double>(members[a].size()) * members[b].size();
    for (const auto& [outlet, count] : outlet_count[a]) {
      auto it = outlet_count[b].find(outlet);
      if (it != outlet_count[b].end()) cross -= static_cast<double>(count) * it->second;
    }
    auto it = links[a].find(b);
    const double sum = it == links[a].end() ? 0.0 : it->second;
    if (cross <= 0 || sum / cross < options.threshold) continue;
    if (members[a].size() < members[b].size()) std::swap(a, b);
    for (int u : members[b]) cluster[u] = a;
    members[a].insert(members[a].end(), members[b].begin(), members[b].end());
    members[b].clear();
    for (const auto& [outlet, count] : outlet_count[b]) outlet_count[a][outlet] += count;
    outlet_count[b].clear();
    for (const auto& [other, s] : links[b]) {
      if (other == a) continue;
      links[a][other] += s;
      links[other].erase(b);
      links[other][a] += s;
    }
    links[a].erase(b);
    links[b].clear();
  }

  // Claims: groups carried by several outlets, and single-outlet statements (a unit naming a
  // speaker) of articles that have related articles of other outlets.
  std::vector<std::vector<int>> groups;
  for (int u = 0; u < m; ++u) {
    if (members[u].empty()) continue;
    if (outlet_count[u].size() > 1) {
      groups.push_back(members[u]);
      continue;
    }
    for (int x : members[u]) {
      if (units[x].actor_ids.empty() || units[x].terms.size() < 3) continue;
      bool has_other_outlet = false;
      for (int p : c.related[units[x].doc]) {
        has_other_outlet |= c.documents[p].outlet != c.documents[units[x].doc].outlet;
      }
      for (int p : event_peers[units[x].doc]) {
        has_other_outlet |= c.documents[p].outlet != c.documents[units[x].doc].outlet;
      }
      if (has_other_outlet) groups.push_back({x});
    }
  }
  for (auto& g : groups) std::sort(g.begin(), g.end());
  std::sort(groups.begin(), groups.end(), [&](const auto& x, const auto& y) {
    const std::size_t ox = outlet_count[cluster[x.front()]].size() * (x.size() > 0);
    const std::size_t oy = outlet_count[cluster[y.front()]].size() * (y.size() > 0);
    const bool mx = x.size() > 1 && ox > 1;
    const bool my = y.size() > 1 && oy > 1;
    if (mx != my) return mx;
    if (mx && ox != oy) return ox > oy;
    return x.front() < y.front();
  });

  std::vector<Claim> out;
  for (const auto& g : groups) {
    Claim claim;
    claim.id = "claim-" + std::to_string(out.size() + 1);
    std::set<std::string> outlets;
    std::set<int> docs;
    std::map<int, int> event_votes;
    for (int x : g) {
      const Unit& u = units[x];
      const AlignDocument& doc = c.documents[u.doc];
      claim.passages.push_back({doc.id, doc.outlet, static_cast<std::size_t>(u.sentence), u.span,
                                doc.text.substr(u.span.begin, u.span.end - u.span.begin)});
      outlets.insert(doc.outlet);
      docs.insert(u.doc);
      auto it = events_of_sentence.find({u.doc, u.sentence});
      if (it != events_of_sentence.end()) {
        for (int e : it->second) ++event_votes[e];
      }
    }
    std::stable_sort(claim.passages.begin(), claim.passages.end(),
                     [](const Passage& a, const Passage& b) {
                       if (a.outlet != b.outlet) return a.outlet < b.outlet;
                       if (a.article_id != b.article_id) return a.article_id < b.article_id;
                       return a.span.begin < b.span.begin;
                     });
    claim.outlets.assign(outlets.begin(), outlets.end());
    std::set<int> scope;
    const int story = c.story_of[*docs.begin()];
    bool one_story = true;
    for (int d : docs) one_story &= c.story_of[d] == story;
    if (one_story && story >= 0) {
      claim.story = stories[story].id;
      scope.insert(c.stories[story].begin(), c.stories[story].end());
    }
    int best_event = -1;
    int best_votes = 0;
    for (const auto& [e, votes] : event_votes) {
      if (votes > best_votes) {
        best_votes = votes;
        best_event = e;
      }
    }
    if (best_event >= 0) {
      claim.event = events[best_event].id;
      for (const EventMention& mention : events[best_event].mentions) {
        scope.insert(doc_index[mention.passage.article_id]);
      }
    }
    if (scope.size() <= docs.size()) {
      for (int d : docs) scope.insert(c.related[d].begin(), c.related[d].end());
    }
    std::set<std::string> missing;
    for (int d : scope) {
      if (!outlets.count(c.documents[d].outlet)) missing.insert(c.documents[d].outlet);
    }
    claim.missing_outlets.assign(missing.begin(), missing.end());
    out.push_back(std::move(claim));
  }
  return out;
}

}  // namespace parallax::internal
