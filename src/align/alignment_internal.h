// Shared state of one alignment run, for the event and claim finders (not a public interface).
#ifndef PARALLAX_ALIGN_ALIGNMENT_INTERNAL_H_
#define PARALLAX_ALIGN_ALIGNMENT_INTERNAL_H_

#include <vector>

#include "align/alignment.h"
#include "align/terms.h"

namespace parallax::internal {

struct AlignContext {
  std::vector<AlignDocument> documents;  // sorted by (id, outlet)
  TermVocabulary vocabulary;
  std::vector<DocumentTerms> terms;  // per document
  // Per document and sentence: its distinct terms, sorted.
  std::vector<std::vector<std::vector<int>>> sentence_terms;
  // Per term: in how many sentences of the whole run it occurs.
  std::vector<int> sentence_df;
  int sentence_count = 0;
  // Per document: the terms claims compare, in text order: the body terms, the words of
  // concept spans (DocumentTerms::inner), and after each day its month, so that "in December"
  // meets "on December 12". Filled only when claims are enabled.
  std::vector<std::vector<TermOccurrence>> claim_terms;
  std::vector<SparseVector> vectors;     // per document (TF-IDF)
  std::vector<SparseVector> keys;        // per document: TF-IDF over its language-independent terms
  std::vector<SparseVector> cross_keys;  // the same over the keys of two or more languages
  std::vector<int> story_of;             // per document: index into stories
  std::vector<std::vector<int>> stories;
  std::vector<SimilarPair> pairs;  // candidate pairs with cosines
  // Documents related to each document (candidate pairs at or above a cosine), sorted.
  std::vector<std::vector<int>> related;
};

// The JoiningKey of a term held by `holders` articles or passages.
JoiningKey KeyOf(const AlignContext& c, int term, std::size_t holders);

// A label a facilitator can read aloud, made from a sentence of the text: white space collapsed,
// a leading list marker ("- ", "• ") dropped, cut at a word boundary after at most `max` bytes
// with "…".
std::string SentenceLabel(std::string_view text, std::size_t max = 140);

// Sorted distinct terms of the part [begin, end) of document `doc`'s text.
std::vector<int> TermsInSpan(const AlignContext& context, int doc, TextSpan span);

std::vector<AlignedEvent> FindEvents(const AlignContext& context, const EventOptions& options,
                                     const std::vector<CuratedEvent>& curated);

std::vector<Claim> FindClaims(const AlignContext& context, const ClaimOptions& options,
                              const std::vector<AlignedStory>& stories,
                              const std::vector<AlignedEvent>& events);

}  // namespace parallax::internal

#endif  // PARALLAX_ALIGN_ALIGNMENT_INTERNAL_H_
