#include "framing/measures.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "framing/log_odds.h"
#include "text/utf8.h"
#include "text/whitespace.h"

namespace parallax {
namespace {

using Kind = LexiconEntry::Kind;

// Lower-cased word tokens for keyness: letters (any script), digits, inner ' and -.
std::vector<std::string> KeynessTokens(std::string_view text) {
  static const std::set<std::string, std::less<>> kStop = {
      "the",  "and",  "for",    "that",  "with",    "was",   "has",   "have",  "had",   "its",
      "are",  "were", "this",   "from",  "which",   "but",   "not",   "been",  "also",  "their",
      "they", "his",  "her",    "she",   "who",     "will",  "would", "said",  "says",  "its",
      "than", "into", "after",  "about", "there",   "what",  "when",  "all",   "one",   "two",
      "our",  "out",  "can",    "more",  "any",     "only",  "such",  "these", "those", "them",
      "him",  "our",  "over",   "under", "between", "while", "since", "being", "other", "some",
      "very", "just", "should", "could", "may",     "might", "must",  "then"};
  std::vector<std::string> out;
  std::string cur;
  auto flush = [&]() {
    while (!cur.empty() && (cur.back() == '\'' || cur.back() == '-')) cur.pop_back();
    if (cur.size() >= 3 && !kStop.count(cur)) out.push_back(cur);
    cur.clear();
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c >= 0x80) {
      // Typographic apostrophe inside a word: Azerbaijan’s -> azerbaijan's.
      if (text.substr(i, 3) == "\u2019") {
        if (!cur.empty()) cur.push_back('\'');
        i += 2;
        continue;
      }
      // Other non-ASCII bytes: letters of other scripts (punctuation blocks U+2000.. excluded).
      if (c == 0xE2 || c == 0xC2) {
        flush();
        i += c == 0xE2 ? 2 : 1;
        continue;
      }
      cur.push_back(static_cast<char>(c));
    } else if (std::isalnum(c)) {
      cur.push_back(static_cast<char>(std::tolower(c)));
    } else if ((c == '\'' || c == '-') && !cur.empty()) {
      cur.push_back(static_cast<char>(c));
    } else {
      flush();
    }
  }
  flush();
  return out;
}

// The words of a wildcard match, as VariantUse::matched keeps them.
void AddMatchedWords(const Article& a, const LexiconMatch& m, std::vector<std::string>* matched) {
  MergeMatched({SimpleLowercase(CollapseSpace(a.text.substr(m.start, m.end - m.start)))}, matched);
}

// Evidence::voice of a match: an official title cited in title quotation marks is "cited",
// another own-voice use held at a distance (scare quotes, "so-called") "scare".
std::string EvidenceVoice(const LexiconMatch& m) {
  if (m.voice != Voice::kOwn) return VoiceName(m.voice);
  if (m.distancing == kCitedTitle) return "cited";
  return m.scare_quote >= 0 || !m.distancing.empty() ? "scare" : "own";
}

Evidence MakeEvidence(const Article& a, const ArticleAnnotations& ann, const LexiconMatch& m) {
  return Evidence{a.id, m.start, m.end, EvidenceVoice(m), std::string(SpeakerOf(ann, m).name)};
}

// Adds one to the counter of `voice`: own, quoted or reported.
void CountVoice(Voice voice, int* own, int* quoted, int* reported) {
  switch (voice) {
    case Voice::kOwn:
      ++*own;
      break;
    case Voice::kQuoted:
      ++*quoted;
      break;
    case Voice::kReported:
      ++*reported;
      break;
  }
}

template <typename T, typename Key>
T& FindOrAdd(std::vector<T>& items, const Key& key, auto&& key_of) {
  for (T& item : items) {
    if (key_of(item) == key) return item;
  }
  items.emplace_back();
  return items.back();
}

}  // namespace

int ConceptUse::total() const {
  int n = 0;
  for (const VariantUse& v : variants) n += v.own + v.quoted + v.reported + v.distanced;
  return n;
}

std::string ShownForm(const std::string& form, const std::vector<std::string>& matched) {
  if (matched.empty()) return form;
  std::string shown;
  for (const std::string& word : matched) shown += (shown.empty() ? "" : ", ") + word;
  return shown;
}

void MergeMatched(const std::vector<std::string>& matched, std::vector<std::string>* into) {
  for (const std::string& word : matched) {
    if (std::find(into->begin(), into->end(), word) == into->end()) into->push_back(word);
  }
}

StoryMeasures MeasureStory(const std::vector<Article>& articles,
                           const std::vector<ArticleAnnotations>& annotations,
                           const Lexicon& lexicon, const OutletsFile& outlets,
                           const MeasureOptions& options) {
  StoryMeasures story;
  // Story lexicons (files with entries that name a story, see LexiconFit): per entry, the index
  // of its file's fit in story.lexicon_fit (-1: a common lexicon of cues and actors, which has
  // none), and whether the entry names the story.
  std::vector<int> fit_of(lexicon.entries.size(), -1);
  std::vector<bool> names_story(lexicon.entries.size(), false);
  {
    // What names a story: NamesStory (annotate/lexicon.h).
    std::vector<bool> has_scope(lexicon.files.size(), false);
    std::vector<bool> colours(lexicon.files.size(), false);  // has naming or loaded entries
    std::vector<int> file_of(lexicon.entries.size(), -1);
    for (std::size_t i = 0; i < lexicon.entries.size(); ++i) {
      const LexiconEntry& e = lexicon.entries[i];
      for (std::size_t f = 0; f < lexicon.files.size(); ++f) {
        if (lexicon.files[f].path == e.file) file_of[i] = static_cast<int>(f);
      }
      names_story[i] = file_of[i] >= 0 && NamesStory(lexicon, e);
      if (names_story[i]) has_scope[static_cast<std::size_t>(file_of[i])] = true;
      if (file_of[i] >= 0 && (e.kind == Kind::kNaming || e.kind == Kind::kLoaded)) {
        colours[static_cast<std::size_t>(file_of[i])] = true;
      }
    }
    // A file of actors only (common/actors.xml) colours nothing: it names no story. A file
    // that colours but names no story applies everywhere, and is listed as such.
    std::vector<int> fit_of_file(lexicon.files.size(), -1);
    for (std::size_t f = 0; f < lexicon.files.size(); ++f) {
      if (!colours[f]) continue;
      fit_of_file[f] = static_cast<int>(story.lexicon_fit.size());
      LexiconFit fit;
      fit.lexicon = lexicon.files[f].id;
      fit.articles = articles.size();
      fit.chosen = options.lexicons_chosen;
      fit.everywhere = !has_scope[f];
      story.lexicon_fit.push_back(std::move(fit));
    }
    for (std::size_t i = 0; i < lexicon.entries.size(); ++i) {
      if (file_of[i] >= 0) fit_of[i] = fit_of_file[static_cast<std::size_t>(file_of[i])];
      names_story[i] = names_story[i] && fit_of[i] >= 0;
    }
  }
  // First pass: which articles are in each story lexicon's scope, and whether it fits.
  std::vector<std::set<int>> scopes_of(articles.size());  // per article: fits in scope
  for (std::size_t ai = 0; ai < articles.size(); ++ai) {
    for (const LexiconMatch& m : annotations[ai].matches) {
      if (names_story[m.entry]) scopes_of[ai].insert(fit_of[m.entry]);
    }
    for (int f : scopes_of[ai]) ++story.lexicon_fit[static_cast<std::size_t>(f)].in_scope;
  }
  for (LexiconFit& fit : story.lexicon_fit) {
    fit.fits = fit.in_scope * 2 >= fit.articles && fit.in_scope > 0;
  }
  story.uncounted.assign(articles.size(), {});
  std::vector<std::unordered_map<std::string, int>> term_counts;
  std::vector<std::set<std::string>> actors_mentioned;
  std::vector<std::set<std::string>> actors_quoted;

  for (std::size_t ai = 0; ai < articles.size(); ++ai) {
    const Article& a = articles[ai];
    const ArticleAnnotations& ann = annotations[ai];
    std::size_t oi = 0;
    while (oi < story.outlets.size() && story.outlets[oi].outlet != a.outlet) ++oi;
    if (oi == story.outlets.size()) {
      OutletProfile p;
      p.outlet = a.outlet;
      const Outlet* o = outlets.Find(a.outlet);
      p.name = o != nullptr ? o->name : a.outlet;
      story.outlets.push_back(std::move(p));
      term_counts.emplace_back();
      actors_mentioned.emplace_back();
      actors_quoted.emplace_back();
    }
    OutletProfile& p = story.outlets[oi];
    p.articles.push_back(a.id);
    p.words += ann.words;
    for (const std::string& t : KeynessTokens(a.text)) ++term_counts[oi][t];

    const std::set<int>& in_scope = scopes_of[ai];
    for (std::size_t mi = 0; mi < ann.matches.size(); ++mi) {
      const LexiconMatch& m = ann.matches[mi];
      const LexiconEntry& e = lexicon.entries[m.entry];
      const bool own = m.voice == Voice::kOwn;
      // Own voice held at a distance (‘eco-activists’, so-called "republic"): shown, not chosen.
      const bool distanced = own && !m.distancing.empty();
      if (fit_of[m.entry] >= 0 && (e.kind == Kind::kNaming || e.kind == Kind::kLoaded)) {
        LexiconFit* fit = &story.lexicon_fit[static_cast<std::size_t>(fit_of[m.entry])];
        // A story lexicon that does not fit the story counts only in the articles of its
        // scope; one that fits counts everywhere (an excerpt that names no place is still part
        // of the story).
        if (!fit->fits && !fit->chosen && !fit->everywhere &&
            in_scope.count(fit_of[m.entry]) == 0) {
          story.uncounted[ai].push_back(mi);
          continue;
        }
        if (e.kind == Kind::kNaming) {
          const Concept* c = lexicon.FindConcept(e.concept_id);
          const std::string label = c != nullptr ? c->label : e.concept_id;
          if (std::find(fit->concepts.begin(), fit->concepts.end(), label) == fit->concepts.end())
            fit->concepts.push_back(label);
        }
        if (!e.perspective.empty() && std::find(fit->perspectives.begin(), fit->perspectives.end(),
                                                e.perspective) == fit->perspectives.end())
          fit->perspectives.push_back(e.perspective);
      }
      if (e.kind == Kind::kNaming) {
        ConceptUse& c =
            FindOrAdd(p.naming, e.concept_id, [](const ConceptUse& x) { return x.concept_id; });
        if (c.concept_id.empty()) {
          c.concept_id = e.concept_id;
          const Concept* concept_def = lexicon.FindConcept(e.concept_id);
          c.label = concept_def != nullptr ? concept_def->label : e.concept_id;
        }
        // One spelling may carry two readings (English and German "Odessa"): a variant is a
        // form and its perspective.
        using FormAndSide = std::pair<std::string_view, std::string_view>;
        VariantUse& v =
            FindOrAdd(c.variants, FormAndSide(e.form, e.perspective),
                      [](const VariantUse& x) { return FormAndSide(x.form, x.perspective); });
        if (v.form.empty()) {
          v.form = e.form;
          v.perspective = e.perspective;
        }
        if (distanced) {
          ++v.distanced;
        } else {
          CountVoice(m.voice, &v.own, &v.quoted, &v.reported);
          if (own) ++c.own_by_perspective[e.perspective];
        }
        if (e.wildcard) AddMatchedWords(a, m, &v.matched);
        v.evidence.push_back(MakeEvidence(a, ann, m));
      } else if (e.kind == Kind::kLoaded) {
        LoadedTermUse& t =
            FindOrAdd(p.loaded, e.form, [](const LoadedTermUse& x) { return x.form; });
        if (t.form.empty()) {
          t.form = e.form;
          t.category = e.category;
          t.perspective = e.perspective;
          t.note = e.note;
        }
        if (distanced) {
          ++t.distanced;
        } else {
          CountVoice(m.voice, &t.own, &t.quoted, &t.reported);
          CountVoice(m.voice, &p.loaded_own, &p.loaded_quoted, &p.loaded_reported);
        }
        if (e.wildcard) AddMatchedWords(a, m, &t.matched);
        if (const std::string_view speaker = SpeakerOf(ann, m).name;
            !own && !speaker.empty() &&
            std::find(t.speakers.begin(), t.speakers.end(), speaker) == t.speakers.end()) {
          t.speakers.emplace_back(speaker);
        }
        t.evidence.push_back(MakeEvidence(a, ann, m));
      } else if (e.kind == Kind::kActor) {
        if (own) actors_mentioned[oi].insert(e.actor_id);
      } else if (e.kind == Kind::kCue && e.category == "distancing") {
        DistancingUse d;
        d.kind = "cue";
        d.text = a.text.substr(m.start, m.end - m.start);
        d.cue = e.form;
        d.evidence = MakeEvidence(a, ann, m);
        p.distancing.push_back(std::move(d));
      }
    }

    for (const BracketedPair& pair : ann.bracketed_pairs) {
      const LexiconEntry& first = lexicon.entries[ann.matches[pair.first].entry];
      const LexiconEntry& second = lexicon.entries[ann.matches[pair.second].entry];
      for (ConceptUse& c : p.naming) {
        if (c.concept_id == first.concept_id) c.bracketed.emplace_back(first.form, second.form);
      }
    }

    const std::vector<int> relation_of_quote =
        DirectRelationsOfQuotes(ann.attributions, ann.quotes.size());
    for (const Quote& q : ann.quotes) {
      if (q.kind == QuoteKind::kScare) {
        DistancingUse d;
        d.kind = "scare-quote";
        d.text = a.text.substr(q.start, q.end - q.start);
        d.cue = q.distancing_cue;
        d.evidence = Evidence{a.id, q.start, q.end, "scare", ""};
        p.distancing.push_back(std::move(d));
        continue;
      }
      if (q.kind == QuoteKind::kTitle) continue;     // a name in quotation marks, nobody's words
      if (q.kind == QuoteKind::kFragment) continue;  // counted with its reported speech
      if (q.depth > 0) continue;  // a quote inside a quote is the quoted speaker's, counted there
      // The speaker: the quotation's own tag, else the source attribution gave it (a quotation
      // that goes on from reported speech).
      // (Attribution may also have resolved the tag: "«…», — говорится в сообщении" is the
      // statement's issuer's.)
      std::string speaker = q.speaker.str();
      std::string actor_id = q.actor_id.str();
      std::string perspective = q.perspective.str();
      {
        const auto index = static_cast<std::size_t>(&q - ann.quotes.data());
        if (const int r = relation_of_quote[index];
            r >= 0 && !ann.attributions[static_cast<std::size_t>(r)].source.empty()) {
          const AttributionRelation& rel = ann.attributions[static_cast<std::size_t>(r)];
          if (speaker.empty() || rel.source.str() != rel.mention.str()) {
            speaker = rel.source.str();
            actor_id = rel.actor_id.str();
            perspective = rel.perspective.str();
          }
        }
      }
      const Actor* actor = actor_id.empty() ? nullptr : lexicon.FindActor(actor_id);
      const std::string key = actor != nullptr ? actor->id : speaker;
      VoiceUse& v = FindOrAdd(p.voices, key, [](const VoiceUse& x) {
        return x.actor_id.empty() ? x.speaker : x.actor_id;
      });
      if (v.quotes == 0 && v.reported == 0) {
        v.speaker = actor != nullptr ? actor->name : (speaker.empty() ? "unattributed" : speaker);
        v.actor_id = actor_id;
        v.perspective = actor != nullptr ? actor->perspective : perspective;
      }
      ++v.quotes;
      v.words += static_cast<int>(q.word_count);
      p.quoted_words_by_perspective[v.perspective] += static_cast<int>(q.word_count);
      v.evidence.push_back(Evidence{a.id, q.start, q.end, "quoted", speaker});
      if (actor != nullptr) actors_quoted[oi].insert(actor->id);
    }

    // Reported speech gives a voice too: "Yerevan accused Baku of …".
    for (const AttributionRelation& r : ann.attributions) {
      if (r.kind == AttributionKind::kDirect || r.source.empty()) continue;
      const Actor* actor = r.actor_id.empty() ? nullptr : lexicon.FindActor(r.actor_id);
      const std::string key = actor != nullptr ? actor->id : r.source.str();
      VoiceUse& v = FindOrAdd(p.voices, key, [](const VoiceUse& x) {
        return x.actor_id.empty() ? x.speaker : x.actor_id;
      });
      if (v.quotes == 0 && v.reported == 0) {
        v.speaker = actor != nullptr ? actor->name : r.source.str();
        v.actor_id = r.actor_id.str();
        v.perspective = actor != nullptr ? actor->perspective : r.perspective.str();
      }
      const int words = static_cast<int>(r.words);
      ++v.reported;
      v.reported_words += words;
      p.reported_words_by_perspective[v.perspective] += words;
      v.evidence.push_back(Evidence{a.id, r.start, r.end, "reported", r.source.str()});
      if (actor != nullptr) actors_quoted[oi].insert(actor->id);
    }
  }

  // Per-outlet derived figures, in deterministic order.
  std::unordered_map<std::string, int> pooled;
  long pooled_total = 0;
  for (const auto& counts : term_counts) {
    for (const auto& [t, n] : counts) {
      pooled[t] += n;
      pooled_total += n;
    }
  }
  for (std::size_t oi = 0; oi < story.outlets.size(); ++oi) {
    OutletProfile& p = story.outlets[oi];
    if (p.articles.size() < options.thin_articles) story.thin_evidence = true;
    const double per = p.words > 0 ? 1000.0 / static_cast<double>(p.words) : 0.0;
    p.loaded_own_per_1000 = p.loaded_own * per;
    p.loaded_quoted_per_1000 = p.loaded_quoted * per;
    p.loaded_reported_per_1000 = p.loaded_reported * per;
    std::sort(p.naming.begin(), p.naming.end(),
              [](const ConceptUse& a, const ConceptUse& b) { return a.concept_id < b.concept_id; });
    for (ConceptUse& c : p.naming) {
      std::sort(c.variants.begin(), c.variants.end(), [](const VariantUse& a, const VariantUse& b) {
        const int na = a.own + a.quoted + a.reported + a.distanced;
        const int nb = b.own + b.quoted + b.reported + b.distanced;
        return na != nb ? na > nb : a.form < b.form;
      });
    }
    std::sort(p.loaded.begin(), p.loaded.end(), [](const LoadedTermUse& a, const LoadedTermUse& b) {
      return a.category != b.category ? a.category < b.category : a.form < b.form;
    });
    for (const std::string& id : actors_mentioned[oi]) {
      if (actors_quoted[oi].count(id)) continue;
      const Actor* actor = lexicon.FindActor(id);
      p.mentioned_not_quoted.push_back(actor != nullptr ? actor->name : id);
    }
    std::sort(p.mentioned_not_quoted.begin(), p.mentioned_not_quoted.end());

    // Log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008, eq. 22):
    // this outlet (i) against all others (j), prior alpha_w = prior_scale * pooled count of w.
    long n_i = 0;
    for (const auto& [t, n] : term_counts[oi]) n_i += n;
    const double n_j = static_cast<double>(pooled_total - n_i);
    for (const auto& [term, y_i] : term_counts[oi]) {
      if (y_i < options.min_term_count) continue;
      const double y_j = pooled[term] - y_i;
      const LogOdds lo =
          LogOddsWithPrior(y_i, static_cast<double>(n_i), y_j, n_j, options.prior_scale);
      p.distinctive.push_back(DistinctiveTerm{term, y_i, lo.delta, lo.z});
    }
    std::sort(p.distinctive.begin(), p.distinctive.end(),
              [](const DistinctiveTerm& a, const DistinctiveTerm& b) {
                return a.z != b.z ? a.z > b.z : a.term < b.term;
              });
    if (p.distinctive.size() > options.top_terms) p.distinctive.resize(options.top_terms);
  }
  // When a story pack fits, the packs no article names are not this story's: they coloured
  // nothing, and listing each as "does not fit" would send the reader to `lexicon draft`.
  const bool any_fits = std::any_of(story.lexicon_fit.begin(), story.lexicon_fit.end(),
                                    [](const LexiconFit& f) { return f.fits; });
  if (any_fits) {
    story.lexicon_fit.erase(
        std::remove_if(story.lexicon_fit.begin(), story.lexicon_fit.end(),
                       [](const LexiconFit& f) { return f.in_scope == 0 && !f.everywhere; }),
        story.lexicon_fit.end());
  }
  return story;
}

}  // namespace parallax
