// The shipped lexicons (lexicons/common/*.xml and every story pack, as a report reads them) and
// an annotator over them, loaded once per test executable, for tests that read short texts
// written for them: which words are matched, in whose voice, and who is said to speak.
#ifndef PARALLAX_TESTS_SHIPPED_LEXICONS_H_
#define PARALLAX_TESTS_SHIPPED_LEXICONS_H_

#include <string>

#include "annotate/annotator.h"
#include "annotate/lexicon.h"
#include "core/article.h"

namespace parallax::testing {

// The shipped lexicons, loaded on first use; a load with diagnostics fails the calling test
// (ADD_FAILURE) and leaves the lexicon empty.
const Lexicon& ShippedLexicon();
// An annotator over ShippedLexicon().
const Annotator& ShippedAnnotator();

// A short text annotated with the shipped lexicons.
struct AnnotatedText {
  Article article;
  ArticleAnnotations ann;

  // The attribution relation whose content holds the first occurrence of `words`, or nullptr.
  const AttributionRelation* Holding(const std::string& words) const;
  // The naming-variant or loaded-term match whose text is exactly `surface`, or nullptr.
  const LexiconMatch* NamingOrLoaded(const std::string& surface) const;
};

// Annotates `text` in `language` ("uk", "az", …) with ShippedAnnotator().
AnnotatedText AnnotateWithShipped(const std::string& text, const std::string& language);

}  // namespace parallax::testing

#endif  // PARALLAX_TESTS_SHIPPED_LEXICONS_H_
