#include "shipped_lexicons.h"

#include <gtest/gtest.h>

#include "test_paths.h"

namespace parallax::testing {

const Lexicon& ShippedLexicon() {
  static const Lexicon* const lexicon = [] {
    LexiconLoadResult result = LoadLexicons(DefaultLexiconPaths(SourceDir() + "/lexicons"));
    if (!result.ok()) ADD_FAILURE() << result.diagnostics[0].ToString();
    return new Lexicon(std::move(result.lexicon));
  }();
  return *lexicon;
}

const Annotator& ShippedAnnotator() {
  static const Annotator* const annotator = [] {
    auto* a = new Annotator(ShippedLexicon());
    if (!a->ok()) ADD_FAILURE() << "the shipped lexicons do not compile into an annotator";
    return a;
  }();
  return *annotator;
}

const AttributionRelation* AnnotatedText::Holding(const std::string& words) const {
  const std::size_t at = article.text.find(words);
  if (at == std::string::npos) return nullptr;
  for (const AttributionRelation& a : ann.attributions) {
    if (a.start <= at && at + words.size() <= a.end) return &a;
  }
  return nullptr;
}

const LexiconMatch* AnnotatedText::NamingOrLoaded(const std::string& surface) const {
  for (const LexiconMatch& m : ann.matches) {
    const LexiconEntry::Kind kind = ShippedLexicon().entries[m.entry].kind;
    if (kind != LexiconEntry::Kind::kNaming && kind != LexiconEntry::Kind::kLoaded) continue;
    if (article.text.compare(m.start, m.end - m.start, surface) == 0) return &m;
  }
  return nullptr;
}

AnnotatedText AnnotateWithShipped(const std::string& text, const std::string& language) {
  AnnotatedText r;
  r.article.id = "t";
  r.article.outlet = "test";
  r.article.language = language;
  r.article.text = text;
  r.ann = ShippedAnnotator().Annotate(r.article);
  return r;
}

}  // namespace parallax::testing
