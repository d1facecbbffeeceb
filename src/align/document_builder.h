// Fills the plain alignment input (align_document.h) from a cleaned Article with the project's
// own annotators: sentences, lexicon concepts and actors (through LexiconMatcher, so every
// naming variant of a concept, in any language, becomes the concept's id), and dates resolved
// against the article date (annotate/dates.h).
//
// The builder is the only place that knows how annotation is produced; alignment itself reads
// AlignDocument only. Build is const and safe to call from several threads once constructed.
#ifndef PARALLAX_ALIGN_DOCUMENT_BUILDER_H_
#define PARALLAX_ALIGN_DOCUMENT_BUILDER_H_

#include <string>
#include <string_view>
#include <vector>

#include "align/align_document.h"
#include "annotate/lexicon.h"
#include "annotate/matcher.h"
#include "core/article.h"

namespace parallax {

class AlignDocumentBuilder {
 public:
  // `lexicon` may be null (no concepts or actors are found then). Only naming variants, actor
  // patterns, event types and places are used. The lexicon is copied from, not kept.
  explicit AlignDocumentBuilder(const Lexicon* lexicon);

  // The article's clean text (Article::text, or the body when it was not cleaned) with its
  // sentences, concept and actor mentions and resolved dates. `pinned_story` is the `event:` key.
  AlignDocument Build(const Article& article) const;

  // Problems met while compiling the lexicon's forms (empty when all compiled).
  const std::vector<std::string>& errors() const { return errors_; }

 private:
  struct Target {
    bool actor = false;
    std::string id;
    std::string perspective;
  };
  LexiconMatcher matcher_;
  std::vector<Target> targets_;  // per matcher pattern
  std::vector<std::string> errors_;
};

// Sentence spans of `text`: a line break always ends a sentence; ". ", "! ", "? " end one when
// what follows can start a sentence and the word before the period is not a known abbreviation
// ("Mr.", "Dec.", "U.S.") or an initial. Spans are trimmed of surrounding white space.
std::vector<TextSpan> SplitAlignSentences(std::string_view text);

}  // namespace parallax

#endif  // PARALLAX_ALIGN_DOCUMENT_BUILDER_H_
