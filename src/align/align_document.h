// The plain input of alignment: one article as alignment sees it.
//
// Alignment must not depend on how annotation is produced (lexicon matching, date resolution,
// sentence splitting may each be done by another stage, by a test, or by another program), so
// it takes this struct and nothing else. Every span is a byte range [begin, end) into `text`.
// document_builder.h fills it from a cleaned Article with the project's own annotators.
#ifndef PARALLAX_ALIGN_ALIGN_DOCUMENT_H_
#define PARALLAX_ALIGN_ALIGN_DOCUMENT_H_

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"

namespace parallax {

struct TextSpan {
  std::size_t begin = 0;
  std::size_t end = 0;
};

// A naming variant found in the text, folded to its concept: "Khankendi" and "Stepanakert"
// both give concept "stepanakert-khankendi", so they count as one term.
struct ConceptMention {
  TextSpan span;
  std::string concept_id;
};

// A name of someone who can speak (a ministry, a minister, an expert), folded to the actor.
struct ActorMention {
  TextSpan span;
  std::string actor_id;
  std::string perspective;  // the actor's side ("" when none); claims use it to tell speakers
};

// A temporal expression resolved to the days [from, to] (both full dates; from == to for a day).
struct DatedMention {
  TextSpan span;
  Date from;
  Date to;
};

struct AlignDocument {
  std::string id;      // unique within one alignment run
  std::string outlet;  // outlet id; claims compare outlets
  std::string title;
  std::optional<Date> date;         // publication date, possibly month-only
  std::string language;             // BCP 47; selects the stemmer ("" = English)
  std::string text;                 // the clean body text
  std::vector<TextSpan> sentences;  // in text order, non-overlapping
  std::vector<ConceptMention> concepts;
  std::vector<ActorMention> actors;
  std::vector<DatedMention> dates;
  // Story key the facilitator pinned the article to (the `event:` key); "" when none.
  std::string pinned_story;
};

}  // namespace parallax

#endif  // PARALLAX_ALIGN_ALIGN_DOCUMENT_H_
