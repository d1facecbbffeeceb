#include "align/alignment.h"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <map>
#include <memory>
#include <numeric>
#include <sstream>
#include <stdexcept>
#include <unordered_map>

#include "align/alignment_internal.h"
#include "align/parallel.h"
#include "core/file_io.h"
#include "corpus/xml_util.h"

namespace parallax {
namespace internal {

std::vector<int> TermsInSpan(const AlignContext& context, int doc, TextSpan span) {
  std::vector<int> out;
  const auto& body = context.terms[doc].body;
  auto it =
      std::lower_bound(body.begin(), body.end(), span.begin,
                       [](const TermOccurrence& o, std::size_t pos) { return o.span.begin < pos; });
  for (; it != body.end() && it->span.begin < span.end; ++it) out.push_back(it->term);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

JoiningKey KeyOf(const AlignContext& c, int term, std::size_t holders) {
  JoiningKey k;
  std::string_view key = std::string_view(c.vocabulary.key(term)).substr(2);
  switch (c.vocabulary.kind(term)) {
    case TermKind::kConcept:
      k.kind = "concept";
      for (const char* kind : {"event", "place"}) {
        const std::string prefix = std::string(kind) + ":";
        if (key.rfind(prefix, 0) == 0) {
          k.kind = kind;
          key.remove_prefix(prefix.size());
        }
      }
      break;
    case TermKind::kActor:
      k.kind = "actor";
      break;
    case TermKind::kDate:
      k.kind = "date";
      break;
    case TermKind::kName:
      k.kind = "name";
      break;
    case TermKind::kNumber:
      k.kind = "number";
      break;
    case TermKind::kWord:
      k.kind = "word";
      break;
  }
  k.key = std::string(key);
  k.as = c.vocabulary.surface(term);
  k.articles = holders;
  return k;
}

std::string SentenceLabel(std::string_view text, std::size_t max) {
  std::string out;
  for (char ch : text) {
    const bool space = ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r';
    if (space && (out.empty() || out.back() == ' ')) continue;
    out.push_back(space ? ' ' : ch);
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  // A list item's marker ("- ", "• ", "— ") is layout, not words of the label.
  for (std::string_view marker : {"- ", "* ", "\u2022 ", "\u2013 ", "\u2014 "}) {
    if (out.size() > marker.size() && out.compare(0, marker.size(), marker) == 0) {
      out.erase(0, marker.size());
      break;
    }
  }
  if (out.size() <= max) return out;
  std::size_t cut = max;
  while (cut > max / 2 && out[cut] != ' ') --cut;
  if (out[cut] != ' ') {
    cut = max;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
  }
  out.resize(cut);
  while (!out.empty() && (out.back() == ' ' || out.back() == ',')) out.pop_back();
  return out + "\u2026";
}

}  // namespace internal

namespace {

using internal::AlignContext;

// Terms that survive translation: concepts, actors, dates, names and numbers.
bool IsKey(TermKind kind) { return kind != TermKind::kWord; }

// Weights counts by TF-IDF and normalises each vector to length 1.
void Weigh(std::vector<SparseVector>& vectors, const std::vector<int>& df, int n) {
  for (SparseVector& v : vectors) {
    double norm = 0;
    for (auto& [t, count] : v.entries) {
      const double idf = std::log((1.0 + n) / (1.0 + df[t])) + 1.0;
      const double w = (1.0 + std::log(count)) * idf;
      count = static_cast<float>(w);
      norm += w * w;
    }
    norm = std::sqrt(norm);
    if (norm > 0) {
      for (auto& e : v.entries) e.second = static_cast<float>(e.second / norm);
    }
  }
}

// The day an article mainly reports: the single day its date mentions name most (those in its
// first sentence count three times), within the ten days before its publication; else its
// publication date.
std::optional<Date> EventDay(const AlignDocument& doc, int min_votes = 1) {
  if (!doc.date || !doc.date->valid()) return doc.date;
  const long last = doc.date->LastDaySinceEpoch();
  const long first = doc.date->DaysSinceEpoch() - 10;
  const std::size_t lead_end = doc.sentences.empty() ? 0 : doc.sentences.front().end;
  std::map<long, int> votes;
  for (const DatedMention& m : doc.dates) {
    if (!(m.from == m.to)) continue;
    const long day = m.from.DaysSinceEpoch();
    if (day < first || day > last) continue;
    votes[day] += m.span.begin < lead_end ? 3 : 1;
  }
  long best = 0;
  int best_votes = 0;
  for (const auto& [day, n] : votes) {
    if (n > best_votes || (n == best_votes && day > best)) {
      best_votes = n;
      best = day;
    }
  }
  if (best_votes < min_votes) return min_votes > 1 ? std::nullopt : doc.date;
  return Date::FromDaysSinceEpoch(best);
}

// Votes for the event types an article names where news states its main event: its title and
// its first sentence (one vote per mention). Mentions further down are mostly background: the
// capture a ceasefire report recalls, the vote a withdrawal report recalls.
std::vector<std::pair<int, float>> EventVotes(const AlignContext& c, int d) {
  std::vector<std::pair<int, float>> votes;
  auto vote = [&](int term) {
    if (c.vocabulary.kind(term) != TermKind::kConcept) return;
    if (c.vocabulary.key(term).compare(0, 8, "c:event:") != 0) return;
    auto it =
        std::find_if(votes.begin(), votes.end(), [&](const auto& v) { return v.first == term; });
    if (it == votes.end()) {
      votes.emplace_back(term, 1.0f);
    } else {
      it->second += 1.0f;
    }
  };
  const auto& sentences = c.documents[d].sentences;
  const std::size_t lead_end = sentences.empty() ? 0 : sentences.front().end;
  for (const TermOccurrence& o : c.terms[d].body) {
    if (o.span.begin < lead_end) vote(o.term);
  }
  for (int t : c.terms[d].title) vote(t);
  return votes;
}

void BuildVectors(AlignContext& c) {
  const int n = static_cast<int>(c.documents.size());
  std::vector<int> df(c.vocabulary.size(), 0);
  std::vector<float> counts(c.vocabulary.size(), 0.0f);
  c.vectors.assign(n, {});
  c.keys.assign(n, {});
  for (int d = 0; d < n; ++d) {
    auto& entries = c.vectors[d].entries;
    auto add = [&](int t, float amount) {
      if (counts[t] == 0.0f) entries.emplace_back(t, 0.0f);
      counts[t] += amount;
    };
    for (const TermOccurrence& o : c.terms[d].body) add(o.term, 1.0f);
    // The title states the main event: its terms count twice.
    for (int t : c.terms[d].title) add(t, 2.0f);
    for (auto& e : entries) {
      e.second = counts[e.first];
      counts[e.first] = 0.0f;
      ++df[e.first];
    }
    std::sort(entries.begin(), entries.end());
  }
  // Keys that can join articles across languages: those found in articles of at least two
  // languages. A key of one language only (any word of a script without case is a name key)
  // joins nothing across languages and would only dilute the key vectors of those pairs.
  std::vector<int> language_of(c.vocabulary.size(), -1);  // -1 none, -2 several, else one
  std::map<std::string, int> language_ids;
  for (int d = 0; d < n; ++d) {
    const int language =
        language_ids.emplace(c.documents[d].language, static_cast<int>(language_ids.size()))
            .first->second;
    for (const auto& e : c.vectors[d].entries) {
      int& seen = language_of[e.first];
      if (seen == -1) {
        seen = language;
      } else if (seen != language) {
        seen = -2;
      }
    }
  }
  c.cross_keys.assign(n, {});
  for (int d = 0; d < n; ++d) {
    for (const auto& e : c.vectors[d].entries) {
      if (!IsKey(c.vocabulary.kind(e.first))) continue;
      c.keys[d].entries.push_back(e);
      if (language_of[e.first] == -2) c.cross_keys[d].entries.push_back(e);
    }
  }
  Weigh(c.vectors, df, n);
  Weigh(c.keys, df, n);
  Weigh(c.cross_keys, df, n);
}

// Terms of every document. Each worker extracts with a vocabulary of its own; the ids are then
// renumbered in document order (body, concept words, title), so they do not depend on how the
// documents were shared out.
void ExtractTerms(AlignContext& c, unsigned workers) {
  const int n = static_cast<int>(c.documents.size());
  c.terms.assign(n, {});
  workers = std::max(1u, std::min<unsigned>(workers, static_cast<unsigned>(n / 64 + 1)));
  std::vector<TermVocabulary> local(workers);
  std::vector<unsigned> worker_of(n, 0);
  {
    std::vector<std::unique_ptr<TermExtractor>> extractors(workers);
    for (unsigned w = 0; w < workers; ++w) {
      extractors[w] = std::make_unique<TermExtractor>(&local[w]);
    }
    internal::ParallelChunks(n, workers, [&](std::size_t begin, std::size_t end, unsigned w) {
      for (std::size_t d = begin; d < end; ++d) {
        c.terms[d] = extractors[w]->Extract(c.documents[d]);
        worker_of[d] = w;
      }
    });
  }
  std::vector<std::vector<int>> global(workers);
  for (unsigned w = 0; w < workers; ++w) global[w].assign(local[w].size(), -1);
  for (int d = 0; d < n; ++d) {
    const TermVocabulary& from = local[worker_of[d]];
    std::vector<int>& map = global[worker_of[d]];
    auto renumber = [&](int& term) {
      if (map[term] < 0) {
        map[term] = c.vocabulary.Intern(from.kind(term), std::string_view(from.key(term)).substr(2),
                                        from.surface(term));
      }
      term = map[term];
    };
    DocumentTerms& t = c.terms[d];
    for (TermOccurrence& o : t.body) renumber(o.term);
    for (TermOccurrence& o : t.inner) renumber(o.term);
    for (int& term : t.title) renumber(term);
  }
}

void BuildClaimTerms(AlignContext& c) {
  // A day's month term, interned once per day term.
  std::unordered_map<int, int> month_of;
  auto month = [&](int term) {
    auto [it, inserted] = month_of.try_emplace(term, -1);
    if (inserted) {
      const std::string& key = c.vocabulary.key(term);  // "d:YYYY-MM-DD"
      if (key.size() == 12) {
        it->second = c.vocabulary.Intern(TermKind::kDate, std::string_view(key).substr(2, 7),
                                         c.vocabulary.surface(term));
      }
    }
    return it->second;
  };
  const int n = static_cast<int>(c.documents.size());
  c.claim_terms.assign(n, {});
  for (int d = 0; d < n; ++d) {
    const DocumentTerms& terms = c.terms[d];
    std::vector<TermOccurrence> merged;
    merged.reserve(terms.body.size() + terms.inner.size());
    std::merge(terms.body.begin(), terms.body.end(), terms.inner.begin(), terms.inner.end(),
               std::back_inserter(merged), [](const TermOccurrence& a, const TermOccurrence& b) {
                 return a.span.begin < b.span.begin;
               });
    std::vector<TermOccurrence>& out = c.claim_terms[d];
    out.reserve(merged.size());
    for (const TermOccurrence& o : merged) {
      out.push_back(o);
      if (c.vocabulary.kind(o.term) != TermKind::kDate) continue;
      const int m = month(o.term);
      if (m >= 0) out.push_back({m, o.span});
    }
  }
}

// The member whose summed similarity to the other members is highest (first on ties). Large
// stories sum over their candidate pairs only (others count as 0, as in clustering), so the cost
// stays linear in the story's size.
int CentralMember(const std::vector<int>& members, const std::vector<SparseVector>& vectors,
                  const std::vector<std::vector<std::pair<int, double>>>& candidates) {
  constexpr std::size_t kExactUpTo = 50;
  int best = members.front();
  double best_sum = -1;
  for (int a : members) {
    double sum = 0;
    if (members.size() <= kExactUpTo) {
      for (int b : members) {
        if (a != b) sum += Cosine(vectors[a], vectors[b]);
      }
    } else {
      for (const auto& [b, cosine] : candidates[a]) {
        if (std::binary_search(members.begin(), members.end(), b)) sum += cosine;
      }
    }
    if (sum > best_sum + 1e-12) {
      best_sum = sum;
      best = a;
    }
  }
  return best;
}

// The keys several members of a story share, heaviest first (summed key-vector weight).
std::vector<JoiningKey> JoiningKeys(const AlignContext& c, const std::vector<int>& members) {
  constexpr std::size_t kMaxKeys = 8;
  if (members.size() < 2) return {};
  std::unordered_map<int, std::pair<double, std::size_t>> shared;  // term -> (weight, articles)
  for (int m : members) {
    for (const auto& [term, weight] : c.keys[m].entries) {
      auto& [sum, count] = shared[term];
      sum += weight;
      ++count;
    }
  }
  std::vector<std::pair<int, double>> ranked;
  for (const auto& [term, stats] : shared) {
    if (stats.second >= 2) ranked.emplace_back(term, stats.first);
  }
  std::sort(ranked.begin(), ranked.end(), [&](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second
                                : c.vocabulary.key(a.first) < c.vocabulary.key(b.first);
  });
  if (ranked.size() > kMaxKeys) ranked.resize(kMaxKeys);
  std::vector<JoiningKey> out;
  for (const auto& [term, weight] : ranked) {
    out.push_back(internal::KeyOf(c, term, shared[term].second));
  }
  return out;
}

nlohmann::json KeysJson(const std::vector<JoiningKey>& keys) {
  nlohmann::json out = nlohmann::json::array();
  for (const JoiningKey& k : keys) {
    out.push_back({{"kind", k.kind}, {"key", k.key}, {"as", k.as}, {"articles", k.articles}});
  }
  return out;
}

nlohmann::json SpanJson(const TextSpan& s) { return nlohmann::json::array({s.begin, s.end}); }

std::string Shorten(const std::string& text, std::size_t max) {
  if (text.size() <= max) return text;
  std::size_t cut = max;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return text.substr(0, cut) + "…";
}

}  // namespace

Alignment Align(std::vector<AlignDocument> documents, const AlignOptions& options,
                const std::vector<CuratedEvent>& curated) {
  AlignContext c;
  std::sort(documents.begin(), documents.end(), [](const AlignDocument& a, const AlignDocument& b) {
    return a.id != b.id ? a.id < b.id : a.outlet < b.outlet;
  });
  c.documents = std::move(documents);
  const int n = static_cast<int>(c.documents.size());

  ExtractTerms(c, internal::WorkerCount(options.stories.threads));
  BuildVectors(c);

  // Sentence terms and their document frequency over sentences.
  c.sentence_terms.resize(n);
  c.sentence_df.assign(c.vocabulary.size(), 0);
  const bool need_sentences = options.events.enabled || options.claims.enabled;
  for (int d = 0; need_sentences && d < n; ++d) {
    for (const TextSpan& s : c.documents[d].sentences) {
      std::vector<int> terms = internal::TermsInSpan(c, d, s);
      for (int t : terms) ++c.sentence_df[t];
      c.sentence_terms[d].push_back(std::move(terms));
      ++c.sentence_count;
    }
  }

  if (options.claims.enabled) BuildClaimTerms(c);

  std::vector<StoryInput> inputs(n);
  for (int d = 0; d < n; ++d) {
    inputs[d].vector = c.vectors[d];
    inputs[d].keys = c.keys[d];
    inputs[d].cross_keys = c.cross_keys[d];
    inputs[d].language = c.documents[d].language;
    inputs[d].event_votes = EventVotes(c, d);
    inputs[d].event_day = EventDay(c.documents[d], 3);
    inputs[d].date = options.stories.event_days ? EventDay(c.documents[d]) : c.documents[d].date;
    inputs[d].pin = c.documents[d].pinned_story;
    inputs[d].outlet = c.documents[d].outlet;
  }
  StoryClustering clustering = ClusterStories(inputs, options.stories);
  c.stories = std::move(clustering.stories);
  c.pairs = std::move(clustering.pairs);
  c.story_of.assign(n, -1);
  for (std::size_t s = 0; s < c.stories.size(); ++s) {
    for (int d : c.stories[s]) c.story_of[d] = static_cast<int>(s);
  }
  c.related.assign(n, {});
  for (const SimilarPair& p : c.pairs) {
    if (p.cosine >= options.claims.related_cosine || c.story_of[p.a] == c.story_of[p.b]) {
      c.related[p.a].push_back(p.b);
      c.related[p.b].push_back(p.a);
    }
  }
  for (auto& r : c.related) std::sort(r.begin(), r.end());

  Alignment out;
  out.articles = static_cast<std::size_t>(n);
  for (const AlignDocument& d : c.documents) out.article_ids.push_back(d.id);
  std::vector<std::vector<std::pair<int, double>>> candidates_of(n);
  for (const SimilarPair& p : c.pairs) {
    candidates_of[p.a].emplace_back(p.b, p.cosine);
    candidates_of[p.b].emplace_back(p.a, p.cosine);
  }
  int numbered = 0;
  for (const std::vector<int>& members : c.stories) {
    AlignedStory story;
    const std::string& pin = c.documents[members.front()].pinned_story;
    for (int m : members) {
      if (!c.documents[m].pinned_story.empty()) story.pinned = true;
    }
    std::string key;
    for (int m : members) {
      if (!c.documents[m].pinned_story.empty()) {
        key = c.documents[m].pinned_story;
        break;
      }
    }
    (void)pin;
    story.id = key.empty() ? "story-" + std::to_string(++numbered) : key;
    const int central = CentralMember(members, c.vectors, candidates_of);
    story.label = c.documents[central].title;
    if (story.label.empty()) story.label = key.empty() ? c.documents[central].id : key;
    for (int m : members) story.article_ids.push_back(c.documents[m].id);
    story.keys = JoiningKeys(c, members);
    out.stories.push_back(std::move(story));
  }
  if (options.events.enabled) out.events = internal::FindEvents(c, options.events, curated);
  if (options.claims.enabled) {
    out.claims = internal::FindClaims(c, options.claims, out.stories, out.events);
  }
  out.candidate_pairs = std::move(c.pairs);
  return out;
}

nlohmann::json AlignmentToJson(const Alignment& a) {
  nlohmann::json j;
  j["articles"] = a.articles;
  if (!a.windows.empty()) {
    nlohmann::json windows = nlohmann::json::array();
    for (const AlignedWindow& w : a.windows) {
      windows.push_back({{"id", w.id},
                         {"from", w.from ? nlohmann::json(w.from->ToString()) : nlohmann::json()},
                         {"to", w.to ? nlohmann::json(w.to->ToString()) : nlohmann::json()},
                         {"articles", w.articles},
                         {"aligned", w.aligned}});
    }
    j["windows"] = std::move(windows);
  }
  nlohmann::json stories = nlohmann::json::array();
  for (const AlignedStory& s : a.stories) {
    stories.push_back({{"id", s.id},
                       {"label", s.label},
                       {"pinned", s.pinned},
                       {"articles", s.article_ids},
                       {"keys", KeysJson(s.keys)}});
  }
  j["stories"] = std::move(stories);
  nlohmann::json events = nlohmann::json::array();
  for (const AlignedEvent& e : a.events) {
    nlohmann::json ej{
        {"id", e.id}, {"label", e.label}, {"curated", e.curated}, {"outlets", e.outlets}};
    if (!e.label_outlet.empty()) ej["label_outlet"] = e.label_outlet;
    ej["keys"] = KeysJson(e.keys);
    if (e.from == e.to) {
      ej["date"] = e.from.ToString();
    } else {
      ej["from"] = e.from.ToString();
      ej["to"] = e.to.ToString();
    }
    nlohmann::json mentions = nlohmann::json::array();
    for (const EventMention& m : e.mentions) {
      mentions.push_back({{"article", m.passage.article_id},
                          {"outlet", m.passage.outlet},
                          {"sentence", m.passage.sentence},
                          {"span", SpanJson(m.passage.span)},
                          {"text", m.passage.text},
                          {"dated", m.dated}});
    }
    ej["mentions"] = std::move(mentions);
    events.push_back(std::move(ej));
  }
  j["events"] = std::move(events);
  nlohmann::json claims = nlohmann::json::array();
  for (const Claim& c : a.claims) {
    nlohmann::json cj{{"id", c.id},
                      {"label", c.label},
                      {"keys", KeysJson(c.keys)},
                      {"story", c.story.empty() ? nlohmann::json() : nlohmann::json(c.story)},
                      {"event", c.event.empty() ? nlohmann::json() : nlohmann::json(c.event)},
                      {"outlets", c.outlets},
                      {"missing_outlets", c.missing_outlets}};
    nlohmann::json per_outlet = nlohmann::json::object();
    for (const Passage& p : c.passages) {
      per_outlet[p.outlet].push_back({{"article", p.article_id},
                                      {"sentence", p.sentence},
                                      {"span", SpanJson(p.span)},
                                      {"text", p.text}});
    }
    cj["sentences"] = std::move(per_outlet);
    claims.push_back(std::move(cj));
  }
  j["claims"] = std::move(claims);
  return j;
}

namespace {

std::vector<JoiningKey> KeysFromJson(const nlohmann::json& keys) {
  std::vector<JoiningKey> out;
  for (const nlohmann::json& k : keys) {
    out.push_back({k.at("kind").get<std::string>(), k.at("key").get<std::string>(),
                   k.at("as").get<std::string>(), k.at("articles").get<std::size_t>()});
  }
  return out;
}

TextSpan SpanFromJson(const nlohmann::json& span) {
  return {span.at(0).get<std::size_t>(), span.at(1).get<std::size_t>()};
}

std::string StringOrEmpty(const nlohmann::json& value) {
  return value.is_null() ? std::string() : value.get<std::string>();
}

Date DateFromJson(const nlohmann::json& value) {
  const std::optional<Date> date = ParseIsoDate(value.get<std::string>());
  if (!date) throw std::invalid_argument("not a date: " + value.dump());
  return *date;
}

Alignment FromJson(const nlohmann::json& j) {
  Alignment a;
  a.articles = j.at("articles").get<std::size_t>();
  if (j.contains("windows")) {
    for (const nlohmann::json& w : j.at("windows")) {
      AlignedWindow window;
      window.id = w.at("id").get<std::string>();
      if (!w.at("from").is_null()) window.from = DateFromJson(w.at("from"));
      if (!w.at("to").is_null()) window.to = DateFromJson(w.at("to"));
      window.articles = w.at("articles").get<std::size_t>();
      window.aligned = w.at("aligned").get<std::size_t>();
      a.windows.push_back(std::move(window));
    }
  }
  for (const nlohmann::json& s : j.at("stories")) {
    a.stories.push_back({s.at("id").get<std::string>(), s.at("label").get<std::string>(),
                         s.at("pinned").get<bool>(),
                         s.at("articles").get<std::vector<std::string>>(),
                         KeysFromJson(s.at("keys"))});
  }
  for (const nlohmann::json& e : j.at("events")) {
    AlignedEvent event;
    event.id = e.at("id").get<std::string>();
    event.label = e.at("label").get<std::string>();
    if (e.contains("label_outlet")) event.label_outlet = e.at("label_outlet").get<std::string>();
    event.curated = e.at("curated").get<bool>();
    event.outlets = e.at("outlets").get<std::vector<std::string>>();
    event.keys = KeysFromJson(e.at("keys"));
    event.from = DateFromJson(e.contains("date") ? e.at("date") : e.at("from"));
    event.to = DateFromJson(e.contains("date") ? e.at("date") : e.at("to"));
    for (const nlohmann::json& m : e.at("mentions")) {
      event.mentions.push_back(
          {{m.at("article").get<std::string>(), m.at("outlet").get<std::string>(),
            m.at("sentence").get<std::size_t>(), SpanFromJson(m.at("span")),
            m.at("text").get<std::string>()},
           m.at("dated").get<bool>()});
    }
    a.events.push_back(std::move(event));
  }
  for (const nlohmann::json& c : j.at("claims")) {
    Claim claim;
    claim.id = c.at("id").get<std::string>();
    claim.label = c.at("label").get<std::string>();
    claim.keys = KeysFromJson(c.at("keys"));
    claim.story = StringOrEmpty(c.at("story"));
    claim.event = StringOrEmpty(c.at("event"));
    claim.outlets = c.at("outlets").get<std::vector<std::string>>();
    claim.missing_outlets = c.at("missing_outlets").get<std::vector<std::string>>();
    for (const auto& [outlet, passages] : c.at("sentences").items()) {
      for (const nlohmann::json& p : passages) {
        claim.passages.push_back({p.at("article").get<std::string>(), outlet,
                                  p.at("sentence").get<std::size_t>(), SpanFromJson(p.at("span")),
                                  p.at("text").get<std::string>()});
      }
    }
    a.claims.push_back(std::move(claim));
  }
  return a;
}

}  // namespace

Alignment AlignmentFromJson(const nlohmann::json& json) {
  try {
    return FromJson(json);
  } catch (const nlohmann::json::exception& e) {
    throw std::invalid_argument(std::string("not an alignment: ") + e.what());
  }
}

std::string AlignmentToText(const Alignment& a,
                            const std::map<std::string, std::string>& outlet_names) {
  auto name = [&](const std::string& id) {
    auto it = outlet_names.find(id);
    return it == outlet_names.end() || it->second.empty() ? id : it->second;
  };
  auto names = [&](const std::vector<std::string>& ids) {
    std::string s;
    for (const std::string& id : ids) s += (s.empty() ? "" : ", ") + name(id);
    return s.empty() ? std::string("none") : s;
  };
  std::ostringstream o;
  std::size_t multi = 0;
  for (const Claim& c : a.claims) multi += c.outlets.size() > 1 ? 1 : 0;
  o << a.articles << " articles: " << a.stories.size() << " stories, " << a.events.size()
    << " events, " << a.claims.size() << " claims (" << multi
    << " carried by more than one outlet)\n";
  if (!a.windows.empty()) {
    std::optional<Date> first;
    std::optional<Date> last;
    for (const AlignedWindow& w : a.windows) {
      if (!w.from) continue;
      if (!first) first = w.from;
      last = w.to;
    }
    o << "aligned in " << a.windows.size() << " date windows";
    if (first && last) o << " from " << first->ToString() << " to " << last->ToString();
    o << "\n";
  }
  o << "\nSTORIES\n";
  for (const AlignedStory& s : a.stories) {
    o << "  " << s.id << (s.pinned ? " (pinned)" : "") << "  " << Shorten(s.label, 70) << "  ["
      << s.article_ids.size() << (s.article_ids.size() == 1 ? " article]\n" : " articles]\n");
    for (const std::string& id : s.article_ids) o << "      " << id << "\n";
  }
  o << "\nEVENTS\n";
  for (const AlignedEvent& e : a.events) {
    if (e.outlets.size() < 2 && !e.curated) continue;
    o << "  " << e.id << "  " << e.from.ToString();
    if (!(e.from == e.to)) o << " .. " << e.to.ToString();
    o << "  " << e.label;
    if (!e.label_outlet.empty()) o << " (" << name(e.label_outlet) << ")";
    o << "\n      told by: " << names(e.outlets) << "\n";
    for (const EventMention& m : e.mentions) {
      o << "      - " << name(m.passage.outlet) << (m.dated ? ": " : " (background): ") << "\""
        << Shorten(m.passage.text, 110) << "\"\n";
    }
  }
  std::size_t single_outlet_events = 0;
  for (const AlignedEvent& e : a.events) single_outlet_events += e.outlets.size() < 2 ? 1 : 0;
  if (single_outlet_events > 0) {
    o << "  (" << single_outlet_events << " events told by one outlet only: see --format json)\n";
  }
  o << "\nCLAIMS carried by more than one outlet\n";
  for (const Claim& c : a.claims) {
    if (c.outlets.size() < 2) continue;
    o << "  " << c.id << (c.event.empty() ? "" : "  [" + c.event + "]")
      << "\n      carried by: " << names(c.outlets)
      << "\n      not by:     " << names(c.missing_outlets) << "\n";
    for (const Passage& p : c.passages) {
      o << "      - " << name(p.outlet) << ": \"" << Shorten(p.text, 110) << "\"\n";
    }
  }
  o << "\n(" << (a.claims.size() - multi)
    << " claims carried by one outlet only: see --format json)\n";
  return o.str();
}

std::vector<CuratedEvent> ReadCuratedEvents(const std::string& path, Diagnostics* diagnostics) {
  std::vector<CuratedEvent> out;
  Diagnostics local;
  Diagnostics& diag = diagnostics != nullptr ? *diagnostics : local;
  std::string xml;
  try {
    xml = ReadFile(path);
  } catch (const InputError& e) {
    diag.push_back(e.diagnostic());
    return out;
  }
  internal::XmlDocPtr doc = internal::ParseXmlSafely(xml, path, diag);
  if (!doc) return out;
  const xmlNode* root = xmlDocGetRootElement(doc.get());
  if (root == nullptr || !internal::IsElement(root, "events")) {
    diag.push_back(MakeError(path, root ? internal::Line(root) : 1, 0,
                             "expected <events> as the root element",
                             "write <events><event id=\"...\" date=\"YYYY-MM-DD\" "
                             "label=\"...\"><cue>...</cue></event></events>"));
    return out;
  }
  for (const xmlNode* n = root->children; n != nullptr; n = n->next) {
    if (n->type != XML_ELEMENT_NODE) continue;
    const int line = internal::Line(n);
    if (!internal::IsElement(n, "event")) {
      diag.push_back(MakeError(path, line, 0, "unexpected element inside <events>",
                               "only <event> elements are allowed here"));
      continue;
    }
    CuratedEvent e;
    e.id = internal::Attr(n, "id");
    e.label = internal::Attr(n, "label");
    const std::string date = internal::Attr(n, "date");
    const std::string to = internal::Attr(n, "to");
    if (e.id.empty()) {
      diag.push_back(MakeError(path, line, 0, "<event> without an id", "add id=\"...\""));
      continue;
    }
    const std::optional<Date> from_date = ParseIsoDate(date);
    if (!from_date || from_date->month_only()) {
      diag.push_back(MakeError(path, line, 0, "event '" + e.id + "': bad date '" + date + "'",
                               "write date=\"YYYY-MM-DD\""));
      continue;
    }
    e.from = *from_date;
    e.to = e.from;
    if (!to.empty()) {
      const std::optional<Date> to_date = ParseIsoDate(to);
      if (!to_date || to_date->month_only() || *to_date < e.from) {
        diag.push_back(MakeError(path, line, 0, "event '" + e.id + "': bad end date '" + to + "'",
                                 "write to=\"YYYY-MM-DD\", not before date"));
        continue;
      }
      e.to = *to_date;
    }
    for (const xmlNode* c = n->children; c != nullptr; c = c->next) {
      if (c->type == XML_ELEMENT_NODE && internal::IsElement(c, "cue")) {
        const std::string cue = internal::Text(c);
        if (!cue.empty()) e.cues.push_back(cue);
      }
    }
    if (e.label.empty()) e.label = e.id;
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace parallax
