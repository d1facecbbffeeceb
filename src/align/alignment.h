// Alignment: which articles tell the same story, which passages describe the same dated event,
// and which sentences of different outlets report the same thing (claims). An outlet missing
// from a claim it could have carried is an omission a report can show.
//
// Align takes plain documents (align_document.h), so it does not care how annotation was done.
// Output is deterministic and independent of the order of the input: documents are sorted by
// (id, outlet) first, and every tie is broken by that order.
#ifndef PARALLAX_ALIGN_ALIGNMENT_H_
#define PARALLAX_ALIGN_ALIGNMENT_H_

#include <cstddef>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "align/align_document.h"
#include "align/stories.h"
#include "core/diagnostic.h"

namespace parallax {

// A facilitator-curated event (corpus/<story>/events.xml). Its cue terms find its mentions; a
// curated event replaces an automatic one on the same day.
struct CuratedEvent {
  std::string id;
  Date from;
  Date to;  // == from for one day
  std::string label;
  std::vector<std::string> cues;  // words or phrases, matched on content terms
};

// Events are anchored on days: every sentence that names a day (after date resolution) is a
// dated mention of that day's event. Other sentences of the same or related articles join the
// event as background when they share at least `min_shared_terms` of the event's distinctive
// terms (terms of its dated sentences found in at most `max_term_share` of all sentences), and
// these cover at least `attach_threshold` of their idf weight; a sentence that names another
// day, or an article published before the event, never joins.
struct EventOptions {
  double attach_threshold = 0.15;
  int min_shared_terms = 2;
  double max_term_share = 0.1;
  bool enabled = true;
};

// Claims compare units (sentences, split at ';' and dashes) of articles of different outlets
// that are related (one story, a shared event, or a cosine of at least `related_cosine`).
// Two units are similar by PassageSimilarity (passage_similarity.h): the best pair of windows
// around the terms they share, so a fact stated in one clause of a long sentence still meets
// the same fact stated alone; their terms are content terms where naming variants count as
// their concept and also as their words ("the corridor" meets "the Lachin corridor"), a day
// also counts as its month ("in December" meets "December 12"), and a dated event both units
// belong to adds shared context. Claims grow from seeds: the unit whose links (similarity at
// least `threshold`) to other outlets add up highest seeds first; a unit linked to a member
// joins while its mean similarity to the members of other outlets is at least
// `join_threshold`, best first. So each outlet brings the sentence that fits the claim best,
// an outlet joins through any member it tells the fact like, and a second sentence of one
// outlet joins only when it repeats the fact.
struct ClaimOptions {
  double threshold = 0.45;       // similarity of a link
  double join_threshold = 0.25;  // mean similarity to join a claim
  // Article pairs whose plain cosine is at least this are compared for claims even when they
  // are not in one story (background shared across stories).
  double related_cosine = 0.1;
  bool enabled = true;
};

struct AlignOptions {
  StoryOptions stories;
  EventOptions events;
  ClaimOptions claims;
};

// A key that joined articles into one story: a term that survives translation, shared by
// several of its articles.
struct JoiningKey {
  std::string kind;          // "concept", "event", "place", "actor", "name", "date", "number"
  std::string key;           // "stepanakert-khankendi", "capture", "georgia", "pasin", ...
  std::string as;            // how the first article wrote it ("Pashinyan", "captured")
  std::size_t articles = 0;  // how many of the story's articles (an event's or claim's passages)
                             // hold it
};

struct AlignedStory {
  std::string id;     // "story-1", ... or the pinned key
  std::string label;  // the title of its most central article
  bool pinned = false;
  std::vector<std::string> article_ids;  // sorted
  std::vector<JoiningKey> keys;          // the heaviest shared keys, at most 8
};

// A sentence (or part of one) of an article.
struct Passage {
  std::string article_id;
  std::string outlet;
  std::size_t sentence = 0;  // index into the document's sentences
  TextSpan span;             // in the document's text
  std::string text;
};

struct EventMention {
  Passage passage;
  bool dated = false;  // the passage itself names the event's day (else joined by content)
};

struct AlignedEvent {
  std::string id;  // "event-1", ... or the curated id
  Date from;
  Date to;
  std::string label;
  // The outlet whose sentence the label is ("" for a curated label): a label is one outlet's
  // words, and the report says whose.
  std::string label_outlet;
  bool curated = false;
  std::vector<EventMention> mentions;  // ordered by article, then position
  std::vector<std::string> outlets;    // sorted, distinct
  std::vector<JoiningKey> keys;        // the terms its dated passages share, at most 6
};

struct Claim {
  std::string id;
  std::string label;             // the passage most like the others, shortened: what the claim says
  std::string story;             // story id when all its articles are in one story, else ""
  std::string event;             // the event most of its passages belong to, else ""
  std::vector<JoiningKey> keys;  // the terms passages of different outlets share, at most 6
  std::vector<Passage> passages;     // ordered by outlet, article, position
  std::vector<std::string> outlets;  // carrying it, sorted
  // In its story or event, with an article in a language of its passages, but not carrying
  // it (an outlet writing in another language is not judged: claims meet on shared words).
  std::vector<std::string> missing_outlets;
};

// A date window of AlignByWindow (windows.h).
struct AlignedWindow {
  std::string id;            // its first day, "YYYY-MM-DD", or "undated"
  std::optional<Date> from;  // first and last day (none for "undated")
  std::optional<Date> to;
  std::size_t articles = 0;  // articles published in it
  std::size_t aligned = 0;   // articles aligned with it: its own and the context around it
};

struct Alignment {
  std::vector<AlignedStory> stories;
  std::vector<AlignedEvent> events;
  std::vector<Claim> claims;
  std::vector<std::string> article_ids;  // in the sorted order the indices below use
  std::vector<SimilarPair> candidate_pairs;
  std::size_t articles = 0;
  std::vector<AlignedWindow> windows;  // in date order; empty unless aligned by window
};

Alignment Align(std::vector<AlignDocument> documents, const AlignOptions& options = {},
                const std::vector<CuratedEvent>& curated = {});

// JSON: {"articles": n, ["windows": [{id, from, to, articles, aligned}],] "stories": [{id, label,
// pinned, articles: [...]}], "events": [{id, date | from/to, label, [label_outlet,] curated,
// outlets, mentions:
// [{article, outlet, sentence, span: [b, e], text, dated}]}], "claims": [{id, story, event,
// outlets, missing_outlets, sentences: {outlet:
// [{article, sentence, span, text}]}]}}
nlohmann::json AlignmentToJson(const Alignment& alignment);

// The inverse of AlignmentToJson (without the candidate pairs and article ids, which that does
// not write): AlignmentToJson(AlignmentFromJson(j)) == j. Throws std::invalid_argument naming a
// missing or mistyped field.
Alignment AlignmentFromJson(const nlohmann::json& json);

// A terminal summary a facilitator can read. `outlet_names` maps ids to display names.
std::string AlignmentToText(const Alignment& alignment,
                            const std::map<std::string, std::string>& outlet_names = {});

// Reads corpus/<story>/events.xml: <events><event id="" date="YYYY-MM-DD" [to=""] label="">
// <cue>term</cue>...</event></events>. Every problem (unreadable file, bad XML, missing id,
// bad date) is a diagnostic with file:line; events with errors are left out.
std::vector<CuratedEvent> ReadCuratedEvents(const std::string& path, Diagnostics* diagnostics);

}  // namespace parallax

#endif  // PARALLAX_ALIGN_ALIGNMENT_H_
