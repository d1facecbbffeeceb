#include "framing/draft_xml.h"

#include <gtest/gtest.h>

#include <string>

#include "annotate/lexicon.h"

namespace parallax {
namespace {

std::string Dump(const Diagnostics& diagnostics) {
  std::string out;
  for (const Diagnostic& d : diagnostics) out += d.ToString() + "\n";
  return out;
}

DraftForm Form(const std::string& form, const std::string& language = "en") {
  DraftForm f;
  f.form = form;
  f.language = language;
  f.per_outlet = {{"north", 2}};
  f.articles = {"n1"};
  return f;
}

LexiconDraft Sample() {
  LexiconDraft d;
  d.outlets = {"north", "south"};
  d.articles = 2;
  d.language = "en";
  DraftCandidate pair;
  pair.kind = DraftCandidate::Kind::kNamePair;
  pair.forms = {Form("Oldbridge"), Form("Staromost")};
  pair.findings = {"\"Oldbridge (Staromost)\" (bracketed) in n1"};
  pair.kwic = {"n1: near [Oldbridge (Staromost)] -- and then -->"};
  d.candidates.push_back(pair);
  DraftCandidate term;
  term.kind = DraftCandidate::Kind::kDistanced;
  term.forms = {Form("A & B <c> \"d\"")};
  term.findings = {"held at a distance 1× (scare quotes): north 1"};
  term.kwic = {std::string("n1: a \x01 control -"), "n1: ]]> &amp; <!-- end"};
  d.candidates.push_back(term);
  DraftCandidate ru;
  ru.kind = DraftCandidate::Kind::kDistinctive;
  ru.forms = {Form("так называемый", "ru")};
  ru.findings = {"distinctive of north: z = 2.00, used north 2"};
  ru.favoured_by = "north";
  d.candidates.push_back(ru);
  // The same form again, differently spelt: written once.
  DraftCandidate twice = ru;
  twice.forms = {Form("ТАК  называемый", "ru")};
  d.candidates.push_back(twice);
  return d;
}

TEST(DraftXmlTest, EscapesEverythingAndPassesTheCheck) {
  const std::string xml = DraftToXml(Sample(), {"sample-draft", "sample"});
  const LexiconLoadResult r = LoadLexiconSources({{"d.xml", xml}});
  EXPECT_TRUE(r.ok()) << Dump(r.diagnostics) << xml;
  ASSERT_EQ(r.lexicon.entries.size(), 4u) << xml;
  EXPECT_EQ(r.lexicon.entries[0].form, "Oldbridge");
  EXPECT_EQ(r.lexicon.entries[2].form, "A & B <c> \"d\"");
  EXPECT_EQ(r.lexicon.entries[2].category, "distanced");
  EXPECT_EQ(r.lexicon.entries[3].language, "ru");
  EXPECT_EQ(r.lexicon.entries[3].category, "distinctive");
  for (const LexiconEntry& e : r.lexicon.entries) {
    EXPECT_TRUE(e.candidate);
    EXPECT_FALSE(e.note.empty());
    EXPECT_FALSE(e.source.empty());
    EXPECT_TRUE(e.perspective.empty());
  }
  ASSERT_EQ(r.lexicon.concepts.size(), 1u);
  EXPECT_TRUE(r.lexicon.concepts[0].candidate);
  EXPECT_EQ(r.lexicon.concepts[0].label, "Oldbridge / Staromost");
  EXPECT_EQ(xml.find('\x01'), std::string::npos);
}

TEST(DraftXmlTest, CommentsHoldEvidenceWithoutDoubleHyphens) {
  const std::string xml = DraftToXml(Sample(), {"sample-draft", "sample"});
  EXPECT_NE(xml.find("<!-- #1 name pair: \"Oldbridge (Staromost)\" (bracketed) in n1 -->"),
            std::string::npos)
      << xml;
  EXPECT_NE(xml.find("counts: Oldbridge: north 2 | Staromost: north 2 (of 2 outlets)"),
            std::string::npos)
      << xml;
  // Inside every comment, no "--".
  for (std::size_t at = xml.find("<!--"); at != std::string::npos; at = xml.find("<!--", at)) {
    const std::size_t end = xml.find("-->", at + 4);
    ASSERT_NE(end, std::string::npos);
    EXPECT_EQ(xml.substr(at + 4, end - at - 4).find("--"), std::string::npos)
        << xml.substr(at, end - at + 3);
    at = end;
  }
}

TEST(DraftXmlTest, LexiconId) {
  EXPECT_EQ(DraftLexiconId("lachin-2023"), "lachin-2023-draft");
  EXPECT_EQ(DraftLexiconId("Georgia law/"), "Georgia-law-draft");
  EXPECT_EQ(DraftLexiconId("2024 protests"), "draft-2024-protests");
  EXPECT_EQ(DraftLexiconId("Грузия"), "draft");
  EXPECT_EQ(DraftLexiconId(""), "draft");
}

}  // namespace
}  // namespace parallax
