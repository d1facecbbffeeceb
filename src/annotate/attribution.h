// Attribution: who is said to have said what, in direct quotations and in reported speech.
//
// A report that counts loaded terms in an outlet's own voice must not count the words it
// reports others as saying, and most reported speech in news stands outside quotation marks:
// "Yerevan accused Baku of creating a humanitarian crisis" is Yerevan's charge, not the
// outlet's. An attribution relation ties three spans of the text together, as the PolNeAR
// annotation scheme does: the source (who), the cue (how it is said) and the content (what).
//
//   construction                                   source        cue           content
//   “…,” X said. / X said: “…”                     X             said          the quote (direct)
//   X said (that) … / X told Y (that) …           X             said / told   the clause after
//   …, X said. / …, said X.                        X             said          the clause before
//   According to X, … / …, according to X.         X             according to  the rest
//   X accused Y of … / X called it … / X warned …  X             accused …     the clause after
//   …, adding (that) … / …, saying …               the subject   adding        the clause after
//   По словам X, … / Как заявил X, … / X заявил,   X             по словам …   the rest
//   что … / …, сообщает ТАСС.
//   X said (that) … “…” …                          X             said          all of it (mixed)
//
// Cues come from the lexicon (reporting cues of lexicons/common/*.xml, with their `syntax`):
// a new language is new data. `verb` cues take their source as the subject before them or,
// inverted, the phrase right after them; `source-follows` cues ("according to", "по словам")
// take the phrase after them. Content runs to the end of the sentence (or from its start to the
// comma before the source); a direct quotation's content may run over sentences and paragraphs.
//
// Sources are resolved: a pronoun ("It said", "he added") to the nearest earlier source that
// fits it (a person for he/she, an organisation for it), a definite description ("the
// ministry", "the publication") to the nearest earlier source or name holding its head word,
// "the country's Foreign Ministry" to the ministry of the country named last. A time ("Sunday",
// "last week"), a document ("this bill", "the law") or a headline is never a source. A source
// matching a lexicon actor pattern (metonyms included: "Baku", "Yerevan", "Azerbaijan") carries
// the actor and its perspective.
//
// Offsets are byte offsets into the text given to FindAttributions. Pure function of its
// inputs: safe to call from several threads at once.
#ifndef PARALLAX_ANNOTATE_ATTRIBUTION_H_
#define PARALLAX_ANNOTATE_ATTRIBUTION_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "annotate/quotes.h"
#include "core/compact_string.h"

namespace parallax {

enum class AttributionKind {
  kDirect,    // the content is a direct quotation
  kReported,  // reported speech, no quotation marks
  kMixed,     // reported speech holding a quoted fragment
};
const char* AttributionKindName(AttributionKind kind);  // "direct" | "reported" | "mixed"

// How a cue word relates to its source.
enum class CueSyntax {
  kVerb,  // "X said …", "…, said X", "X заявил, что …", "как заявил X, …"
  kSourceFollows,  // "according to X, …", "по словам X, …", "согласно X"
};

// A reporting cue found in the text (the annotator passes its lexicon's matches).
struct CueSpan {
  std::size_t begin = 0;
  std::size_t end = 0;
  CueSyntax syntax = CueSyntax::kVerb;
  std::string stance;  // neutral | distancing | endorsing | emphatic, from the lexicon
  // The cue's form has a gap ("по {X} словам"): for a source-follows cue the gap holds the
  // source, a possessive pronoun ("По ее словам"), or the match is no cue.
  bool gap = false;
};

// Options; defaults in brackets.
//   speaker_patterns  []  lexicon actors (see SpeakerPattern in quotes.h)
//   min_content_words 2   shortest reported content kept
//   fragment_max_words 2  longest quotation MarkQuotedFragments takes for a fragment
struct AttributionOptions {
  std::vector<SpeakerPattern> speaker_patterns;
  std::size_t min_content_words = 2;
  std::size_t fragment_max_words = 2;
};

struct AttributionRelation {
  static constexpr std::size_t kNone = static_cast<std::size_t>(-1);

  std::size_t start = 0;  // the content: text[start, end)
  std::size_t end = 0;
  AttributionKind kind = AttributionKind::kReported;
  // The source as written (`mention`, e.g. "It") and resolved (`source`, e.g. "the Azerbaijani
  // Foreign Ministry"); empty and kNone when unknown (a quotation nobody is named for).
  CompactString source;
  std::size_t source_start = kNone;
  std::size_t source_end = kNone;
  CompactString mention;
  std::size_t mention_start = kNone;
  std::size_t mention_end = kNone;
  CompactString cue;  // as written: "said", "according to", "по словам"; "" when unknown
  std::size_t cue_start = kNone;
  std::size_t cue_end = kNone;
  CompactString stance;  // the cue's stance from the lexicon, "" when unknown
  CompactString actor_id;
  CompactString perspective;
  int quote = -1;         // for kDirect: index of the quotation in the quotes given
  std::size_t words = 0;  // words in the content
};

// Finds the attribution relations of `text`: one per direct quotation (kind kDirect, even with
// no source), and one per reported-speech construction whose cue is among `cues` (kReported, or
// kMixed when its content holds a quotation). `sentences` are byte spans of `text` in order
// (text/sentences.h); `quotes` are FindQuotes' result for the same text. The result is in
// order of content start, contents do not overlap.
std::vector<AttributionRelation> FindAttributions(
    std::string_view text, const std::vector<std::pair<std::size_t, std::size_t>>& sentences,
    const std::vector<Quote>& quotes, const std::vector<CueSpan>& cues,
    const AttributionOptions& options = {});

// Mixed quotation: a direct quotation of at most `max_words` words inside the content of a mixed
// relation, which the outlet's sentence carries on past in its own words ('He said he
// “certainly” does not know her', 'Democrats call SB1062 “toxic” legislation'), is a word or
// two of the source woven into reported speech: its kind becomes QuoteKind::kFragment and its
// words are reported, not quoted. A quotation that closes its clause ('said the plan was
// “reckless.”') or is one of a list of quoted words ('“standardless” and “recordless”') stays
// direct: the source's own predication.
void MarkQuotedFragments(std::string_view text,
                         const std::vector<AttributionRelation>& attributions,
                         std::size_t max_words, std::vector<Quote>* quotes);

// For each of `quote_count` quotations (indexes into the quotes given), the index in
// `attributions` of its direct relation, or -1 (a quotation inside reported speech is part of
// that mixed relation). One pass, so every quotation's relation is found in linear time.
std::vector<int> DirectRelationsOfQuotes(const std::vector<AttributionRelation>& attributions,
                                         std::size_t quote_count);

// The reported or mixed attribution whose content holds byte `offset`, or nullptr (a direct
// relation's content is a quotation: callers look those up with QuoteAt first).
const AttributionRelation* ReportedAt(const std::vector<AttributionRelation>& attributions,
                                      std::size_t offset);

}  // namespace parallax

#endif  // PARALLAX_ANNOTATE_ATTRIBUTION_H_
