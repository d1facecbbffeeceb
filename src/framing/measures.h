// Framing measures: what a report shows, computed from cleaned articles and their annotations.
// Per outlet (over all its articles in the story): the names it uses for each contested thing
// and the share of each perspective's forms (own voice only); loaded terms per 1,000 words in its
// own voice, in quotations and in reported speech; who it quotes or reports, how much, and who
// first; whom it mentions but never quotes;
// what it holds at a distance (scare quotes, distancing cues); and the words that most set it
// apart from the other outlets (log-odds ratio with an informative Dirichlet prior, Monroe,
// Colaresi & Quinn 2008). Every count keeps its evidence — the article and byte span of each
// occurrence — so a report can link every figure to the words it counts.
#ifndef PARALLAX_FRAMING_MEASURES_H_
#define PARALLAX_FRAMING_MEASURES_H_

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "annotate/annotator.h"
#include "annotate/lexicon.h"
#include "core/article.h"
#include "corpus/outlets.h"

namespace parallax {

// Where a counted thing stands: byte span [start, end) in Article::text of `article`.
struct Evidence {
  std::string article;  // article id
  std::size_t start = 0;
  std::size_t end = 0;
  // "own", "quoted" (a direct quotation), "reported" (reported speech: "X said that …"),
  // "scare" (own voice, held at a distance) or "cited" (own voice citing an official title in
  // quotation marks, annotator.h kCitedTitle)
  std::string voice;
  std::string speaker;  // for quoted and reported voice
};

struct VariantUse {
  std::string form;  // the lexicon form (canonical spelling)
  // For a wildcard form ("separatist*"): the distinct words it matched, lower-cased, with runs
  // of white space made one space, in the order first seen ("separatists", "separatist-held").
  // Empty for other forms. Reports show these (ShownForm), never the `*` pattern.
  std::vector<std::string> matched;
  std::string perspective;  // whose usage it is ("" for neutral/international usage)
  int own = 0;              // occurrences in the outlet's own voice (not held at a distance)
  int quoted = 0;           // occurrences inside quotations
  int reported = 0;         // occurrences inside reported speech
  // Occurrences in the outlet's voice held at a distance (scare quotes, "so-called"): the word
  // is shown, not chosen, so they are no naming choice of the outlet's.
  int distanced = 0;
  std::vector<Evidence> evidence;
};

struct ConceptUse {
  std::string concept_id;
  std::string label;
  std::vector<VariantUse> variants;  // by count, descending, then form
  // Occurrences per perspective id ("" = none) over all variants, own voice only (uses held at
  // a distance are not the outlet's choice: VariantUse::distanced).
  std::map<std::string, int> own_by_perspective;
  // "Khankendi (Stepanakert)": first form, then the bracketed form, in text order.
  std::vector<std::pair<std::string, std::string>> bracketed;
  int total() const;
};

struct LoadedTermUse {
  std::string form;
  std::vector<std::string> matched;  // as VariantUse::matched
  std::string category;
  std::string perspective;  // whose term it is, where one side owns it
  std::string note;         // from the lexicon: who uses it and why it matters
  int own = 0;              // as VariantUse: own voice, not held at a distance
  int quoted = 0;
  int reported = 0;
  int distanced = 0;                  // own voice held at a distance (scare quotes, "so-called")
  std::vector<std::string> speakers;  // distinct speakers of quoted and reported uses, in order
  std::vector<Evidence> evidence;
};

struct VoiceUse {
  std::string speaker;  // as the text names the speaker (raw), or the actor's name
  std::string actor_id;
  std::string perspective;  // "" when the speaker maps to no perspective
  int quotes = 0;
  int words = 0;     // quoted words
  int reported = 0;  // passages of reported speech ("X said that …", "according to X")
  int reported_words = 0;
  std::vector<Evidence> evidence;
};

struct DistancingUse {
  std::string kind;  // "scare-quote" or "cue"
  std::string text;  // the words held at a distance, or the cue as written
  std::string cue;   // the construction ("what … insists are", "so-called") if any
  Evidence evidence;
};

struct DistinctiveTerm {
  std::string term;
  int count = 0;     // in this outlet
  double delta = 0;  // log-odds ratio against the other outlets, with the prior
  double z = 0;      // delta / sqrt(variance)
};

struct OutletProfile {
  std::string outlet;                 // id
  std::string name;                   // display name
  std::vector<std::string> articles;  // ids, in corpus order
  std::size_t words = 0;
  std::vector<ConceptUse> naming;     // concepts the outlet names, by concept id
  std::vector<LoadedTermUse> loaded;  // by category, then form
  int loaded_own = 0;
  int loaded_quoted = 0;
  int loaded_reported = 0;
  double loaded_own_per_1000 = 0;
  double loaded_quoted_per_1000 = 0;
  double loaded_reported_per_1000 = 0;
  std::vector<VoiceUse> voices;  // in order of first quotation or reported speech
  std::map<std::string, int> quoted_words_by_perspective;    // "" = no known perspective
  std::map<std::string, int> reported_words_by_perspective;  // words of reported speech
  std::vector<std::string> mentioned_not_quoted;  // actor names mentioned but never quoted
  std::vector<DistancingUse> distancing;
  std::vector<DistinctiveTerm> distinctive;  // top terms by z, above the minimum count
};

struct MeasureOptions {
  int min_term_count = 3;      // terms rarer than this (in the outlet) are not ranked
  std::size_t top_terms = 10;  // distinctive terms kept per outlet
  double prior_scale =
      1.0;  // prior counts = prior_scale × pooled counts of all outlets (informative prior)
  std::size_t thin_articles = 3;  // below this many articles per outlet the evidence is "thin"
  // The story lexicons were chosen for this story (given with --lexicon): each counts in every
  // article whatever its fit, which is still reported (LexiconFit::chosen).
  bool lexicons_chosen = false;
};

// How well a story lexicon fits the corpus. A lexicon's scope is what names its story: the
// places, regions, polities, routes and laws its naming concepts name, the names of its
// conflict and population (they carry the region's name), and its actors (not the
// generic words of its other concepts and loaded terms: "protests" names no story). An article
// is in a lexicon's scope when it names any of them. A lexicon fits when at least half of the
// articles are in its scope; the naming variants and loaded terms of a lexicon that does not fit
// count only in the articles of its scope, so a side-tagged generic word never colours an outlet
// on an unrelated story (one that fits counts everywhere: an excerpt naming no place is still
// part of its story; so does one chosen for the story, MeasureOptions::lexicons_chosen).
// Lexicons with naming variants or loaded terms but none of those entries apply everywhere and
// are listed as such (LexiconFit::everywhere); those without either (the common cues, event
// types and places) apply everywhere and are not listed; when one story lexicon fits, the story
// lexicons no article names are not listed either.
struct LexiconFit {
  std::string lexicon;                    // the file's id ("karabakh")
  std::size_t articles = 0;               // of the corpus
  std::size_t in_scope = 0;               // articles naming any of its scope
  std::vector<std::string> concepts;      // labels of the concepts seen in scope, first seen first
  std::vector<std::string> perspectives;  // ids of the perspectives of the forms seen in scope
  // At least half of the articles are in its scope. When it does not fit, the report says so
  // and points to `parallax lexicon draft`.
  bool fits = false;
  // Chosen for this story (MeasureOptions::lexicons_chosen): it counts in every article even
  // when it does not fit, and the report says how to widen its scope instead.
  bool chosen = false;
  // Its scope is empty (it has naming variants or loaded terms, but no concept of a scope
  // category and no actor, annotate/lexicon.h NamesStory): it counts in every article of any
  // story, in_scope is 0, and the report says it applies everywhere.
  bool everywhere = false;
};

struct StoryMeasures {
  std::vector<OutletProfile> outlets;   // in order of first article
  std::vector<LexiconFit> lexicon_fit;  // per story lexicon, in the order of the files
  // Per article (parallel to the articles): the indices into its annotations' matches that no
  // figure counts, because their story lexicon does not fit the story and the article names
  // nothing of its scope. A report does not highlight them, so they colour nothing.
  std::vector<std::vector<std::size_t>> uncounted;
  bool thin_evidence = false;  // few articles per outlet: say so, show counts, not confident shares
};

// How a report shows a form: `form` itself, or for a wildcard form the words it matched, joined
// by ", " ("riots, rioters" for "riot*"). A wildcard form with nothing matched shows as written.
std::string ShownForm(const std::string& form, const std::vector<std::string>& matched);

// Adds the words of `matched` not yet in `*into`, keeping the order.
void MergeMatched(const std::vector<std::string>& matched, std::vector<std::string>* into);

// Computes the measures. `articles` and `annotations` are parallel; `outlets` gives display names.
StoryMeasures MeasureStory(const std::vector<Article>& articles,
                           const std::vector<ArticleAnnotations>& annotations,
                           const Lexicon& lexicon, const OutletsFile& outlets,
                           const MeasureOptions& options = {});

}  // namespace parallax

#endif  // PARALLAX_FRAMING_MEASURES_H_
