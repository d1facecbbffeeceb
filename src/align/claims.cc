// Claims: units (sentences, split at ';' and dashes) of different outlets that report the same
// thing. Units are compared by PassageSimilarity over their claim terms (concepts and the words
// of their naming variants, near-synonyms folded, days with their months) with idf weights, plus
// a dated event both belong to; claims grow from seeds (see ClaimOptions in alignment.h).
#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <set>

#include "align/alignment_internal.h"
#include "align/passage_similarity.h"
#include "annotate/lexicon.h"

namespace parallax::internal {
namespace {

// A dated event that two units both belong to counts as shared context with this share of the
// squared weight a term found in as many units as the event would have: a hint, not proof, as
// background sentences join events by content.
constexpr double kEventContextShare = 0.3;

struct Unit {
  int doc = 0;
  int sentence = 0;
  TextSpan span;
  std::vector<int> sequence;  // claim terms in text order
  std::vector<int> terms;     // distinct, sorted
  std::vector<int> events;    // events whose mentions hold the unit's sentence, sorted
  std::vector<std::string> actor_ids;
  std::vector<std::string> perspectives;
  // The days the unit's own date mentions speak of (days since the epoch, inclusive ranges;
  // empty when it names none: a background sentence without a date may join any event's).
  std::vector<std::pair<long, long>> days;
};

// Units about days further apart than this report different events, never one claim.
constexpr long kMaxClaimDayGap = 3;
// Date mentions longer than this (a year, a decade) say nothing about which event it is.
constexpr long kMaxDayRange = 31;

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

// One event at a time: two units whose days are all more than kMaxClaimDayGap apart tell of
// different events, whatever words they share ("the law was passed" in March 2023 and in May
// 2024).
bool DaysConflict(const Unit& a, const Unit& b) {
  if (a.days.empty() || b.days.empty()) return false;
  for (const auto& [a0, a1] : a.days) {
    for (const auto& [b0, b1] : b.days) {
      const long gap = std::max({0L, b0 - a1, a0 - b1});
      if (gap <= kMaxClaimDayGap) return false;
    }
  }
  return true;
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
  std::map<std::string, int> doc_index;
  for (int d = 0; d < n; ++d) doc_index[c.documents[d].id] = d;

  // Which documents share an event with which, and the events of each sentence.
  std::vector<std::set<int>> event_peers(n);
  std::map<std::pair<int, int>, std::vector<int>> events_of_sentence;
  for (std::size_t e = 0; e < events.size(); ++e) {
    std::set<int> docs;
    for (const EventMention& m : events[e].mentions) {
      const int d = doc_index[m.passage.article_id];
      docs.insert(d);
      auto& list = events_of_sentence[{d, static_cast<int>(m.passage.sentence)}];
      if (list.empty() || list.back() != static_cast<int>(e)) list.push_back(static_cast<int>(e));
    }
    if (docs.size() < 2 || docs.size() > 200) continue;
    for (int a : docs) event_peers[a].insert(docs.begin(), docs.end());
  }

  // Units, with their claim terms in text order.
  std::vector<Unit> units;
  std::vector<std::vector<int>> units_of(n);
  for (int d = 0; d < n; ++d) {
    const AlignDocument& doc = c.documents[d];
    const std::vector<TermOccurrence>& terms = c.claim_terms[d];
    for (std::size_t s = 0; s < doc.sentences.size(); ++s) {
      auto events_it = events_of_sentence.find({d, static_cast<int>(s)});
      for (const TextSpan& span : SplitUnits(doc.text, doc.sentences[s])) {
        Unit u;
        u.doc = d;
        u.sentence = static_cast<int>(s);
        u.span = span;
        auto it = std::lower_bound(
            terms.begin(), terms.end(), span.begin,
            [](const TermOccurrence& o, std::size_t pos) { return o.span.begin < pos; });
        for (; it != terms.end() && it->span.begin < span.end; ++it) u.sequence.push_back(it->term);
        u.terms = u.sequence;
        std::sort(u.terms.begin(), u.terms.end());
        u.terms.erase(std::unique(u.terms.begin(), u.terms.end()), u.terms.end());
        if (u.terms.size() < 2) continue;
        for (const ActorMention& a : doc.actors) {
          if (a.span.begin >= span.begin && a.span.end <= span.end) {
            u.actor_ids.push_back(a.actor_id);
            u.perspectives.push_back(a.perspective);
          }
        }
        std::sort(u.actor_ids.begin(), u.actor_ids.end());
        std::sort(u.perspectives.begin(), u.perspectives.end());
        for (const DatedMention& m : doc.dates) {
          if (m.span.begin < span.begin || m.span.end > span.end) continue;
          const long from = m.from.DaysSinceEpoch();
          const long to = m.to.DaysSinceEpoch();
          if (to - from <= kMaxDayRange) u.days.emplace_back(from, to);
        }

        if (events_it != events_of_sentence.end()) u.events = events_it->second;
        units_of[d].push_back(static_cast<int>(units.size()));
        units.push_back(std::move(u));
      }
    }
  }
  const int m = static_cast<int>(units.size());

  // Term weights: idf over units, scaled so that a term of one unit weighs 1.
  std::vector<int> df(c.vocabulary.size(), 0);
  for (const Unit& u : units) {
    for (int t : u.terms) ++df[t];
  }
  const double max_idf = std::log((m + 1.0) / 1.5);
  std::vector<double> weight(df.size(), 0.0);
  for (std::size_t t = 0; t < df.size(); ++t) {
    if (df[t] > 0 && max_idf > 0) weight[t] = std::log((m + 1.0) / (df[t] + 0.5)) / max_idf;
  }
  // A dated event both units belong to is shared context, weighted like a term.
  std::vector<int> event_units(events.size(), 0);
  for (const Unit& u : units) {
    for (int e : u.events) ++event_units[e];
  }
  auto shared_event = [&](const Unit& a, const Unit& b) {
    double best = 0;
    for (int e : a.events) {
      if (!std::binary_search(b.events.begin(), b.events.end(), e) || max_idf <= 0) continue;
      const double w = std::log((m + 1.0) / (event_units[e] + 0.5)) / max_idf;
      best = std::max(best, kEventContextShare * w * w);
    }
    return best;
  };

  // Similar unit pairs between related articles of different outlets.
  std::vector<std::vector<std::pair<int, double>>> edges(m);  // per unit: (other, similarity)
  const PassageSimilarityOptions similarity_options;
  // Pairs below this are not kept: they count as 0 in the means.
  const double keep = std::min(options.threshold, options.join_threshold) * 0.5;
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
          // Cheap bound first: the shared terms' mass over the floor.
          double shared_mass = 0;
          int shared = 0;
          auto i = a.terms.begin();
          auto j = b.terms.begin();
          while (i != a.terms.end() && j != b.terms.end()) {
            if (*i < *j) {
              ++i;
            } else if (*j < *i) {
              ++j;
            } else {
              shared_mass += weight[*i] * weight[*i];
              ++shared;
              ++i;
              ++j;
            }
          }
          if (shared < similarity_options.min_shared) continue;
          const double context = shared_event(a, b);
          if ((shared_mass + context) / similarity_options.min_mass < keep) continue;
          if (SpeakersConflict(a, b) || DaysConflict(a, b)) continue;
          const double sim =
              PassageSimilarity(a.sequence, b.sequence, weight, context, similarity_options);
          if (sim < keep) continue;
          edges[ua].emplace_back(ub, sim);
          edges[ub].emplace_back(ua, sim);
        }
      }
    }
  }
  for (auto& list : edges) std::sort(list.begin(), list.end());
  auto similarity = [&](int x, int y) {
    auto it = std::lower_bound(edges[x].begin(), edges[x].end(), std::make_pair(y, -1.0));
    return it != edges[x].end() && it->first == y ? it->second : 0.0;
  };
  auto outlet_of = [&](int u) -> const std::string& { return c.documents[units[u].doc].outlet; };

  // Claims grow from seeds, one at a time. The unit whose best links (similarity at least
  // `threshold`) to the other outlets add up highest seeds first. A unit linked to a member joins
  // when its mean similarity to the members of other outlets (0 where not compared) reaches
  // `join_threshold`; the candidate with the highest mean joins first, so each outlet brings
  // the unit that fits the claim best, and a second unit of an outlet joins only as a repeat
  // of the same fact.
  std::vector<double> seed_score(m, 0.0);
  for (int u = 0; u < m; ++u) {
    std::map<std::string, double> best;
    for (const auto& [v, sim] : edges[u]) {
      if (sim < options.threshold) continue;
      double& b = best[outlet_of(v)];
      b = std::max(b, sim);
    }
    for (const auto& [outlet, sim] : best) seed_score[u] += sim;
  }
  std::vector<int> order;
  for (int u = 0; u < m; ++u) {
    if (seed_score[u] > 0) order.push_back(u);
  }
  std::sort(order.begin(), order.end(), [&](int x, int y) {
    return seed_score[x] != seed_score[y] ? seed_score[x] > seed_score[y] : x < y;
  });
  std::vector<int> claim_of(m, -1);
  std::vector<std::vector<int>> groups;
  for (int seed : order) {
    if (claim_of[seed] >= 0) continue;
    const int id = static_cast<int>(groups.size());
    std::vector<int> group = {seed};
    claim_of[seed] = id;
    while (true) {
      std::set<int> candidates;
      for (int u : group) {
        for (const auto& [v, sim] : edges[u]) {
          if (claim_of[v] < 0 && sim >= options.threshold) candidates.insert(v);
        }
      }
      int best = -1;
      double best_mean = 0;
      for (int v : candidates) {
        // One event at a time, and one side's statement: no member may conflict with it.
        bool conflict = false;
        for (int u : group) {
          conflict |= DaysConflict(units[u], units[v]) || SpeakersConflict(units[u], units[v]);
        }
        if (conflict) continue;
        double sum = 0;
        int count = 0;
        for (int u : group) {
          if (outlet_of(u) == outlet_of(v)) continue;
          sum += similarity(u, v);
          ++count;
        }
        if (count == 0) continue;
        const double mean = sum / count;
        if (mean >= options.join_threshold && mean > best_mean) {
          best_mean = mean;
          best = v;
        }
      }
      if (best < 0) break;
      group.push_back(best);
      claim_of[best] = id;
    }
    if (group.size() < 2) {
      claim_of[seed] = -1;
      continue;
    }
    groups.push_back(std::move(group));
  }

  // Single-outlet statements: a unit naming a speaker, in an article that has related articles
  // of other outlets, carried by no other outlet.
  for (int x = 0; x < m; ++x) {
    if (claim_of[x] >= 0 || units[x].actor_ids.empty() || units[x].terms.size() < 3) continue;
    const std::string& outlet = outlet_of(x);
    bool has_other_outlet = false;
    for (int p : c.related[units[x].doc]) has_other_outlet |= c.documents[p].outlet != outlet;
    for (int p : event_peers[units[x].doc]) has_other_outlet |= c.documents[p].outlet != outlet;
    if (has_other_outlet) groups.push_back({x});
  }
  auto outlet_count = [&](const std::vector<int>& g) {
    std::set<std::string> outlets;
    for (int u : g) outlets.insert(outlet_of(u));
    return outlets.size();
  };
  for (auto& g : groups) std::sort(g.begin(), g.end());
  std::stable_sort(groups.begin(), groups.end(), [&](const auto& x, const auto& y) {
    const std::size_t ox = outlet_count(x);
    const std::size_t oy = outlet_count(y);
    if (ox != oy) return ox > oy;
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
    // Why aligned: the terms held by passages of two or more outlets, heaviest first.
    {
      std::map<int, std::set<std::string>> outlets_of_term;
      std::map<int, std::size_t> passages_of_term;
      for (int x : g) {
        for (int t : units[x].terms) {
          outlets_of_term[t].insert(outlet_of(x));
          ++passages_of_term[t];
        }
      }
      std::vector<std::pair<int, double>> ranked;
      for (const auto& [t, outs] : outlets_of_term) {
        if (outs.size() >= 2) ranked.emplace_back(t, weight[t] * passages_of_term[t]);
      }
      std::sort(ranked.begin(), ranked.end(), [&](const auto& x, const auto& y) {
        return x.second != y.second ? x.second > y.second
                                    : c.vocabulary.key(x.first) < c.vocabulary.key(y.first);
      });
      for (std::size_t i = 0; i < ranked.size() && i < 6; ++i) {
        claim.keys.push_back(KeyOf(c, ranked[i].first, passages_of_term[ranked[i].first]));
      }
    }
    // The label: the passage most similar to the others of other outlets (first on ties).
    int central = g.front();
    double central_sum = -1;
    for (int x : g) {
      double sum = 0;
      for (int y : g) {
        if (x != y && outlet_of(x) != outlet_of(y)) sum += similarity(x, y);
      }
      if (sum > central_sum + 1e-12) {
        central_sum = sum;
        central = x;
      }
    }
    {
      const Unit& u = units[central];
      claim.label = SentenceLabel(
          std::string_view(c.documents[u.doc].text).substr(u.span.begin, u.span.end - u.span.begin),
          120);
    }
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
    // An outlet leaves the claim out only where it could have been read: in an article in a
    // language of the claim's passages. Claims meet on shared words, so an article in another
    // language that tells the same fact mostly goes unmatched, and is not counted against it.
    // An article of no stated language is judged against every claim, and a claim with a
    // passage of no stated language judges every article.
    std::set<std::string> languages;
    for (int d : docs) languages.insert(PrimaryLanguage(c.documents[d].language));
    const bool any_language = languages.count("") > 0;
    // Nor can an article leave out what happened after it was published: a report of 14
    // September does not omit the ceasefire of the 16th.
    std::optional<long> happened;
    if (best_event >= 0) happened = events[best_event].from.DaysSinceEpoch();
    std::set<std::string> missing;
    for (int d : scope) {
      if (outlets.count(c.documents[d].outlet)) continue;
      if (happened && c.documents[d].date && c.documents[d].date->LastDaySinceEpoch() < *happened)
        continue;
      const std::string language = PrimaryLanguage(c.documents[d].language);
      if (any_language || language.empty() || languages.count(language) > 0)
        missing.insert(c.documents[d].outlet);
    }
    claim.missing_outlets.assign(missing.begin(), missing.end());
    out.push_back(std::move(claim));
  }
  return out;
}

}  // namespace parallax::internal
