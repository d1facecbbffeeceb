#include "annotate/lexicon_coverage.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace parallax {
namespace {

using Codes = std::vector<std::string>;

TEST(ParseLanguageListTest, CommaListTrimmedFoldedAndDeduplicated) {
  std::string error;
  EXPECT_EQ(ParseLanguageList("ru,az,hy", &error), (Codes{"ru", "az", "hy"}));
  EXPECT_EQ(ParseLanguageList(" RU , az,,ru ", &error), (Codes{"ru", "az"}));
  EXPECT_EQ(ParseLanguageList("fil", &error), (Codes{"fil"}));
  EXPECT_TRUE(error.empty()) << error;
}

TEST(ParseLanguageListTest, BadCodesAreNamed) {
  for (const std::string bad : {"r", "russian", "ru-RU", "ру", "r1"}) {
    std::string error;
    EXPECT_TRUE(ParseLanguageList("en," + bad, &error).empty()) << bad;
    EXPECT_NE(error.find("'" + bad + "'"), std::string::npos) << bad << ": " << error;
  }
  std::string error;
  EXPECT_TRUE(ParseLanguageList(" , ", &error).empty());
  EXPECT_NE(error.find("no language code"), std::string::npos) << error;
}

// Two concepts: one named in English and Russian (the file's default language is English, one
// variant says lang="ru-RU"; its Armenian variant is an unreviewed candidate), one in English
// only; a drafted candidate concept is left out.
constexpr const char* kPack = R"(<?xml version="1.0" encoding="UTF-8"?>
<lexicon id="x" lang="en">
  <perspectives><perspective id="north" label="North" colour="#0072B2"/></perspectives>
  <concepts>
    <concept id="city" label="The city">
      <variant form="Northtown" perspective="north" source="t"><note>North's name.</note></variant>
      <variant form="Нортаун" lang="ru-RU" perspective="north" source="t"><note>In Russian.</note></variant>
      <variant form="Նորթաուն" lang="hy" source="t" status="candidate"><note>Drafted.</note></variant>
    </concept>
    <concept id="river" label="The river">
      <variant form="Blue River" source="t"><note>Everyone's name.</note></variant>
    </concept>
    <concept id="draft" label="A draft" status="candidate">
      <variant form="draft form" source="t" status="candidate"><note>Drafted.</note></variant>
    </concept>
  </concepts>
</lexicon>)";

TEST(ConceptLanguagesTest, ListsTheLanguagesEachConceptLacks) {
  const LexiconLoadResult r = LoadLexiconSources({{"pack.xml", kPack}});
  ASSERT_TRUE(r.ok()) << (r.diagnostics.empty() ? "" : r.diagnostics[0].ToString());
  const LanguageCoverage coverage = ConceptLanguages(r.lexicon, {"en", "ru", "hy"});
  EXPECT_EQ(coverage.concepts, 2u);
  ASSERT_EQ(coverage.gaps.size(), 2u);
  EXPECT_EQ(r.lexicon.concepts[coverage.gaps[0].concept_index].id, "city");
  EXPECT_EQ(coverage.gaps[0].missing, (Codes{"hy"}));
  EXPECT_EQ(r.lexicon.concepts[coverage.gaps[1].concept_index].id, "river");
  EXPECT_EQ(coverage.gaps[1].missing, (Codes{"ru", "hy"}));

  EXPECT_TRUE(ConceptLanguages(r.lexicon, {"en"}).gaps.empty());

  const Diagnostics warnings = coverage.Warnings(r.lexicon);
  ASSERT_EQ(warnings.size(), 2u);
  EXPECT_EQ(warnings[1].severity, Severity::kWarning);
  EXPECT_EQ(warnings[1].path, "pack.xml");
  EXPECT_EQ(warnings[1].line, 10);
  EXPECT_NE(warnings[1].message.find("'river' (The river) has no variant in ru, hy"),
            std::string::npos)
      << warnings[1].message;
  EXPECT_NE(warnings[1].hint.find("lang=\"ru\""), std::string::npos) << warnings[1].hint;
}

std::string Dump(const Diagnostics& diagnostics) {
  std::string out;
  for (const Diagnostic& d : diagnostics) out += d.ToString() + "\n";
  return out;
}

// The summary line says how many candidate concepts it did not count, and makes sense when
// every concept is a candidate (a fresh draft): no "0 of 0".
TEST(ConceptLanguagesTest, SummarySaysWhichConceptsAreNotCounted) {
  const LexiconLoadResult r = LoadLexiconSources({{"pack.xml", kPack}});
  ASSERT_TRUE(r.ok());
  const LanguageCoverage coverage = ConceptLanguages(r.lexicon, {"en", "ru", "hy"});
  EXPECT_EQ(coverage.candidates, 1u);
  EXPECT_EQ(coverage.Summary(),
            "languages en, ru, hy: 0 of 2 concepts have variants in each; the other 2 are listed "
            "above; 1 candidate concept is not counted (review them first)");
  EXPECT_EQ(ConceptLanguages(r.lexicon, {"en"}).Summary(),
            "languages en: 2 of 2 concepts have variants in each; 1 candidate concept is not "
            "counted (review them first)");

  const LexiconLoadResult drafted = LoadLexiconSources({{"draft.xml", R"(<?xml version="1.0"?>
<lexicon id="d" lang="sr">
  <concepts>
    <concept id="c1" label="A / B" status="candidate">
      <variant form="alpha" source="t" status="candidate"><note>t</note></variant>
      <variant form="beta" source="t" status="candidate"><note>t</note></variant>
    </concept>
    <concept id="c2" label="C / D" status="candidate">
      <variant form="gamma" source="t" status="candidate"><note>t</note></variant>
      <variant form="delta" source="t" status="candidate"><note>t</note></variant>
    </concept>
  </concepts>
</lexicon>)"}});
  ASSERT_TRUE(drafted.ok()) << Dump(drafted.diagnostics);
  const LanguageCoverage fresh = ConceptLanguages(drafted.lexicon, {"sr", "sq"});
  EXPECT_EQ(fresh.concepts, 0u);
  EXPECT_EQ(fresh.candidates, 2u);
  const std::string line = fresh.Summary();
  EXPECT_EQ(line.find("0 of 0"), std::string::npos) << line;
  EXPECT_EQ(line,
            "languages sr, sq: no reviewed concept to count yet: the 2 concepts are candidates "
            "(status=\"candidate\"); review them first, then check again");

  EXPECT_EQ(ConceptLanguages(Lexicon{}, {"en"}).Summary(),
            "languages en: the lexicons have no concepts to count");
}

}  // namespace
}  // namespace parallax
