// Events: passages about the same dated event (see EventOptions in alignment.h).
#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "align/alignment_internal.h"
#include "annotate/speakers.h"

namespace parallax::internal {
namespace {

struct Anchor {
  int doc;
  int sentence;
};

// Whether sentence `s` of `d` opens with a quotation mark (white space and list markers aside).
bool OpensWithQuotationMark(const AlignDocument& d, std::size_t s) {
  const std::string_view text = std::string_view(d.text).substr(
      d.sentences[s].begin, d.sentences[s].end - d.sentences[s].begin);
  const std::size_t i = text.find_first_not_of(" \t\r\n-*");
  return i != std::string_view::npos && IsQuoteChar(CharAt(text, i).cp);
}

int SentenceOf(const AlignDocument& d, std::size_t pos) {
  auto it = std::upper_bound(d.sentences.begin(), d.sentences.end(), pos,
                             [](std::size_t p, const TextSpan& s) { return p < s.begin; });
  if (it == d.sentences.begin()) return -1;
  --it;
  return pos < it->end ? static_cast<int>(it - d.sentences.begin()) : -1;
}

// Last day the article may have been published (month-only dates: the end of the month).
std::optional<long> LatestPublication(const AlignDocument& d) {
  if (!d.date || !d.date->valid()) return std::nullopt;
  return d.date->LastDaySinceEpoch();
}

Passage MakePassage(const AlignContext& c, int doc, int sentence) {
  const AlignDocument& d = c.documents[doc];
  const TextSpan span = d.sentences[sentence];
  return {d.id, d.outlet, static_cast<std::size_t>(sentence), span,
          d.text.substr(span.begin, span.end - span.begin)};
}

// Terms of every cue: each cue is a conjunction of its terms.
std::vector<std::vector<int>> CueTerms(const AlignContext& c, const CuratedEvent& event) {
  TermVocabulary vocabulary = c.vocabulary;
  TermExtractor extractor(&vocabulary);
  std::vector<std::vector<int>> out;
  for (const std::string& cue : event.cues) {
    AlignDocument doc;
    doc.text = cue;
    std::vector<int> terms;
    for (const TermOccurrence& o : extractor.Extract(doc).body) {
      terms.push_back(o.term < c.vocabulary.size() ? o.term : -1);
    }
    if (!terms.empty()) out.push_back(std::move(terms));
  }
  return out;
}

}  // namespace

std::vector<AlignedEvent> FindEvents(const AlignContext& c, const EventOptions& options,
                                     const std::vector<CuratedEvent>& curated) {
  const int n = static_cast<int>(c.documents.size());
  // Dated sentences per day, and the days each sentence names.
  std::map<long, std::vector<Anchor>> by_day;
  std::vector<std::vector<std::vector<std::pair<long, long>>>> named(n);
  for (int d = 0; d < n; ++d) {
    const AlignDocument& doc = c.documents[d];
    named[d].resize(doc.sentences.size());
    for (const DatedMention& m : doc.dates) {
      const int s = SentenceOf(doc, m.span.begin);
      if (s < 0) continue;
      const long from = m.from.DaysSinceEpoch();
      const long to = m.to.DaysSinceEpoch();
      named[d][s].emplace_back(from, to);
      if (from == to) {
        auto& list = by_day[from];
        if (list.empty() || list.back().doc != d || list.back().sentence != s) {
          list.push_back({d, s});
        }
      }
    }
  }

  struct Draft {
    AlignedEvent event;
    long from = 0;
    long to = 0;
    std::vector<Anchor> anchors;
    std::vector<std::vector<int>> cues;
  };
  std::vector<Draft> drafts;
  for (const CuratedEvent& e : curated) {
    Draft draft;
    draft.event.id = e.id;
    draft.event.label = e.label;
    draft.event.from = e.from;
    draft.event.to = e.to;
    draft.event.curated = true;
    draft.from = e.from.DaysSinceEpoch();
    draft.to = e.to.DaysSinceEpoch();
    for (auto it = by_day.lower_bound(draft.from); it != by_day.end() && it->first <= draft.to;
         ++it) {
      draft.anchors.insert(draft.anchors.end(), it->second.begin(), it->second.end());
    }
    draft.cues = CueTerms(c, e);
    drafts.push_back(std::move(draft));
  }
  for (const auto& [day, anchors] : by_day) {
    bool covered = false;
    for (const CuratedEvent& e : curated) {
      covered |= e.from.DaysSinceEpoch() <= day && day <= e.to.DaysSinceEpoch();
    }
    if (covered) continue;
    Draft draft;
    draft.from = draft.to = day;
    draft.event.from = draft.event.to = Date::FromDaysSinceEpoch(day);
    draft.anchors = anchors;
    drafts.push_back(std::move(draft));
  }
  std::stable_sort(drafts.begin(), drafts.end(), [](const Draft& a, const Draft& b) {
    return a.from != b.from ? a.from < b.from : a.to < b.to;
  });

  const double max_df = std::max(2.0, options.max_term_share * c.sentence_count);
  auto idf = [&](int t) { return std::log((c.sentence_count + 1.0) / (c.sentence_df[t] + 0.5)); };
  std::vector<AlignedEvent> out;
  int numbered = 0;
  for (Draft& draft : drafts) {
    std::set<std::pair<int, int>> members;  // (doc, sentence) -> dated?
    std::set<std::pair<int, int>> dated;
    for (const Anchor& a : draft.anchors) {
      members.insert({a.doc, a.sentence});
      dated.insert({a.doc, a.sentence});
    }
    // Distinctive terms of the dated sentences and the cues.
    std::unordered_set<int> signature;
    for (const Anchor& a : draft.anchors) {
      for (int t : c.sentence_terms[a.doc][a.sentence]) {
        const TermKind kind = c.vocabulary.kind(t);
        if (kind == TermKind::kDate || kind == TermKind::kNumber) continue;
        if (c.sentence_df[t] <= max_df) signature.insert(t);
      }
    }
    // Candidate articles: those with dated sentences, their stories and related articles.
    std::set<int> docs;
    if (!draft.cues.empty()) {
      for (int d = 0; d < n; ++d) docs.insert(d);
    }
    for (const Anchor& a : draft.anchors) {
      docs.insert(a.doc);
      docs.insert(c.related[a.doc].begin(), c.related[a.doc].end());
      if (c.story_of[a.doc] >= 0) {
        const auto& story = c.stories[c.story_of[a.doc]];
        docs.insert(story.begin(), story.end());
      }
    }
    for (int d : docs) {
      const std::optional<long> published = LatestPublication(c.documents[d]);
      if (published && *published < draft.from) continue;
      for (std::size_t s = 0; s < c.sentence_terms[d].size(); ++s) {
        const std::pair<int, int> key{d, static_cast<int>(s)};
        if (members.count(key)) continue;
        const std::vector<int>& terms = c.sentence_terms[d][s];
        bool cue_hit = false;
        for (const auto& cue : draft.cues) {
          bool all = true;
          for (int t : cue) all &= t >= 0 && std::binary_search(terms.begin(), terms.end(), t);
          cue_hit |= all;
        }
        bool other_day = false;
        for (const auto& [from, to] : named[d][s]) {
          if (to < draft.from || from > draft.to) other_day |= (to - from) <= 31;
        }
        if (cue_hit) {
          members.insert(key);
          continue;
        }
        if (other_day || signature.empty()) continue;
        int shared = 0;
        double shared_weight = 0;
        double total_weight = 0;
        for (int t : terms) {
          const double w = idf(t);
          total_weight += w;
          if (signature.count(t)) {
            ++shared;
            shared_weight += w;
          }
        }
        if (shared >= options.min_shared_terms && total_weight > 0 &&
            shared_weight / total_weight >= options.attach_threshold) {
          members.insert(key);
        }
      }
    }
    if (members.empty()) continue;
    AlignedEvent& e = draft.event;
    if (!e.curated) e.id = "event-" + std::to_string(++numbered);
    std::set<std::string> outlets;
    for (const auto& [d, s] : members) {
      e.mentions.push_back({MakePassage(c, d, s), dated.count({d, s}) > 0});
      outlets.insert(c.documents[d].outlet);
    }
    e.outlets.assign(outlets.begin(), outlets.end());
    if (e.label.empty()) {
      // The dated sentence that shares most with the others: the terms the outlets have in
      // common weigh by how many of its dated sentences hold them, so one side's own wording
      // (held by its sentence alone) weighs little. Ties: the shorter sentence, then the first.
      // A sentence that opens with a quotation mark is somebody's words, not a description of
      // the event: it labels the event only when no other sentence can.
      std::unordered_map<int, int> count;
      for (const auto& [d, s] : dated) {
        for (int t : c.sentence_terms[d][s]) {
          if (signature.count(t)) ++count[t];
        }
      }
      double best = -1;
      bool best_quoted = true;
      std::pair<int, int> chosen{-1, -1};
      std::size_t chosen_length = 0;
      for (const auto& [d, s] : dated) {
        const bool quoted = OpensWithQuotationMark(c.documents[d], s);
        if (quoted && !best_quoted) continue;
        if (best_quoted && !quoted) best = -1;
        double score = 0;
        for (int t : c.sentence_terms[d][s]) {
          auto it = count.find(t);
          if (it != count.end() && it->second > 1) score += (it->second - 1) * idf(t);
        }
        const TextSpan span = c.documents[d].sentences[s];
        const std::size_t length = span.end - span.begin;
        if (score > best + 1e-9 || (score > best - 1e-9 && length < chosen_length)) {
          best = score;
          best_quoted = quoted;
          chosen = {d, s};
          chosen_length = length;
        }
      }
      // Why aligned: the terms most of its dated sentences share (its day is among them).
      std::vector<std::pair<int, int>> ranked(count.begin(), count.end());
      std::sort(ranked.begin(), ranked.end(), [&](const auto& x, const auto& y) {
        const double wx = x.second * idf(x.first);
        const double wy = y.second * idf(y.first);
        return wx != wy ? wx > wy : c.vocabulary.key(x.first) < c.vocabulary.key(y.first);
      });
      for (std::size_t i = 0; i < ranked.size() && e.keys.size() < 6; ++i) {
        if (ranked[i].second >= std::min<int>(2, static_cast<int>(dated.size()))) {
          e.keys.push_back(KeyOf(c, ranked[i].first, static_cast<std::size_t>(ranked[i].second)));
        }
      }
      if (chosen.first >= 0) {
        const AlignDocument& doc = c.documents[chosen.first];
        const TextSpan span = doc.sentences[chosen.second];
        e.label =
            SentenceLabel(std::string_view(doc.text).substr(span.begin, span.end - span.begin));
        e.label_outlet = doc.outlet;
      }
      if (e.label.empty()) e.label = e.from.ToString();
    }
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace parallax::internal
