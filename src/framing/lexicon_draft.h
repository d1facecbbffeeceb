// Lexicon draft: a candidate lexicon for a new story, proposed from the story's own corpus.
//
// A facilitator who brings a story no shipped lexicon covers needs to know which names compete
// and which words one side's press uses and the other's avoids, before writing a lexicon. This
// unit finds candidates of four kinds, each with its evidence (counts per outlet, and keyword-in-
// context lines from the articles), for `parallax lexicon draft` to write as a lexicon whose
// every entry carries status="candidate" (framing/draft_xml.h). Nothing is decided for the
// facilitator: the draft proposes, the facilitator reviews.
//
//   kind           what it is                                  example (corpus/lachin-2023)
//   name pair      two names the text itself gives together   Khankendi (Stepanakert)
//                  (framing/name_pairs.h)                      Shusha (Shushi)
//   variant group  phrases that differ in one word, in the     Lachin corridor / Lachin road
//                  same slot, where one outlet prefers one
//                  and another outlet the other
//   distanced      words an outlet holds at a distance: scare  ‘eco-activists’, so-called
//                  quotes (annotate/quotes.h) and distancing   “Miatsum road”
//                  cues of the lexicon ("so-called X",
//                  «так называемый» X)
//   distinctive    phrases of one to four words an outlet (or  by z-score, with counts
//                  a group of outlets with one base) uses
//                  more than the others: log-odds ratio with an
//                  informative Dirichlet prior (framing/log_odds.h)
//
// Candidates come ranked in that order of kinds — constructions the writers themselves marked
// before statistics — and within a kind by strength of evidence; ties by form, so the same
// corpus always gives the same draft. Phrases never start or end with a function word or one of
// the lexicon's one-word reporting cues ("Ministar je kazao", "заявил Пашинян"), never contain a
// number, and never cross a punctuation mark or a line break. Names that compete are
// merged into one concept when pairs and groups share a form. Phrases the given lexicon already
// matches are left out, and listed in LexiconDraft::covered: a phrase is covered when each of its
// words other than function words lies inside a match of one of the lexicon's naming variants,
// loaded terms, actor patterns ("Газпром") or cues ("заявил" is a reporting cue), whatever the
// candidate's kind (name pair, variant group, distanced, distinctive), run over the phrase with
// the lexicon's own matcher (so "Kosov*" covers "Kosovo" and "Kosovës", a stemmed entry its
// inflected forms). Pass the story's lexicon to draft only
// what it lacks. A variant group's slot is never a function word nor one of the lexicon's
// one-word reporting cues ("said" / "told" is a way of writing, not a naming choice).
//
// Meant for one story's corpus (tens to hundreds of articles): it keeps every phrase of up to
// four words in memory. A pure function of its inputs.
#ifndef PARALLAX_FRAMING_LEXICON_DRAFT_H_
#define PARALLAX_FRAMING_LEXICON_DRAFT_H_

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "annotate/annotator.h"
#include "annotate/lexicon.h"
#include "core/article.h"
#include "corpus/outlets.h"

namespace parallax {

// Options; defaults in brackets.
//   max_words        4     longest phrase, in words
//   min_count        2     a phrase must occur this often in the corpus (and a distinctive one
//                          this often in the outlet it is distinctive of)
//   prior_scale      1.0   informative prior: alpha_w = prior_scale × pooled count
//   min_z            1.0   distinctive phrases with a lower z-score are left out
//   max_distinctive  30    most distinctive phrases kept
//   max_groups       10    most variant groups kept
//   kwic_lines       2     keyword-in-context lines per candidate
//   kwic_width       60    characters of context on each side
//   stem_languages   {ru}  articles in these languages are compared on Snowball stems, so
//                          inflected forms count as one phrase (the form is written with
//                          stem="true"); others on their match forms
struct DraftOptions {
  std::size_t max_words = 4;
  int min_count = 2;
  double prior_scale = 1.0;
  double min_z = 1.0;
  std::size_t max_distinctive = 30;
  std::size_t max_groups = 10;
  std::size_t kwic_lines = 2;
  std::size_t kwic_width = 60;
  std::vector<std::string> stem_languages = {"ru"};
};

// One form of a candidate, with how often the corpus uses it (as a phrase, in any voice).
struct DraftForm {
  std::string form;                       // as most often written: "Lachin corridor"
  std::string language;                   // of the first article using it (BCP 47)
  bool stem = false;                      // counted on Snowball stems (stem="true" in the file)
  std::map<std::string, int> per_outlet;  // outlet id -> occurrences (outlets with none absent)
  std::vector<std::string> articles;      // ids of the articles using it, in corpus order
  int total() const;
};

struct DraftCandidate {
  enum class Kind { kNamePair, kVariantGroup, kDistanced, kDistinctive };
  Kind kind = Kind::kNamePair;
  // Name pairs and variant groups: two or more forms (one concept); distanced and distinctive:
  // one form (a loaded term).
  std::vector<DraftForm> forms;
  // What was found, one line each: "Khankendi (Stepanakert): bracketed, 2× in jamnews".
  std::vector<std::string> findings;
  // Constructions (name pairs) or distanced uses per outlet; empty for the other kinds.
  std::map<std::string, int> evidence_per_outlet;
  // Distinctive: the outlet, or outlets of one base, that use it most ("jamnews"); its z-score.
  std::string favoured_by;
  double score = 0;
  std::vector<std::string> kwic;  // "004_jamnews: …linking [Khankendi (Stepanakert)] with…"
};
const char* DraftKindName(DraftCandidate::Kind kind);  // "name pair", "variant group", …

// Counts per outlet as a report line: "jamnews 6, kommersant 1"; "none counted" when empty.
std::string CountsPerOutlet(const std::map<std::string, int>& counts);

struct LexiconDraft {
  std::vector<std::string> outlets;  // outlet ids, in order of first article
  std::size_t articles = 0;
  std::string language;                    // most common article language ("und" if none)
  std::vector<DraftCandidate> candidates;  // ranked (see the top of this file)
  // Candidates left out because the lexicon already matches them, as written ("Kosovo", name
  // pairs as "A / B"), in the order found: name pairs, distanced uses, distinctive phrases by
  // z-score (only those that would have made the draft: max_distinctive counts the others).
  // Variant groups are formed without covered phrases and are not listed.
  std::vector<std::string> covered;
};

// Drafts candidates from `articles` (cleaned) and their `annotations` (parallel; made by an
// Annotator over `lexicon`). `lexicon` supplies the distancing and reporting cues, and what its
// naming variants and loaded terms match is left out of the draft (LexiconDraft::covered).
// `outlets` (may be null) gives each outlet's base, for groups of outlets.
LexiconDraft DraftLexicon(const std::vector<Article>& articles,
                          const std::vector<ArticleAnnotations>& annotations,
                          const Lexicon& lexicon, const OutletsFile* outlets,
                          const DraftOptions& options = {});

}  // namespace parallax

#endif  // PARALLAX_FRAMING_LEXICON_DRAFT_H_
