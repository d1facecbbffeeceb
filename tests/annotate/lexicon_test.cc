#include "annotate/lexicon.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "test_paths.h"

namespace parallax {
namespace {

using testing::ReadFileOrFail;
using testing::SharedDir;
using testing::SharedExists;
using testing::SourceDir;
using testing::TestDataDir;

std::string DataFile(const std::string& name) { return TestDataDir() + "/lexicon/" + name; }

std::vector<std::string> ShippedPaths() { return DefaultLexiconPaths(SourceDir() + "/lexicons"); }

// 1-based line of the first line of `path` containing `needle`; 0 when absent.
int LineContaining(const std::string& path, const std::string& needle) {
  std::istringstream in(ReadFileOrFail(path));
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    if (line.find(needle) != std::string::npos) return n;
  }
  ADD_FAILURE() << "no line of " << path << " contains " << needle;
  return 0;
}

// Diagnostics whose message contains `fragment`.
std::vector<Diagnostic> Matching(const Diagnostics& diagnostics, const std::string& fragment) {
  std::vector<Diagnostic> out;
  for (const Diagnostic& d : diagnostics) {
    if (d.message.find(fragment) != std::string::npos) out.push_back(d);
  }
  return out;
}

std::string Dump(const Diagnostics& diagnostics) {
  std::string out;
  for (const Diagnostic& d : diagnostics) out += d.ToString() + "\n";
  return out;
}

// Exactly one diagnostic mentions `fragment`; it is on `line` of `path`, has `severity` and a hint.
void ExpectOne(const Diagnostics& diagnostics, const std::string& fragment, const std::string& path,
               int line, Severity severity = Severity::kError) {
  const std::vector<Diagnostic> found = Matching(diagnostics, fragment);
  ASSERT_EQ(found.size(), 1u) << "for \"" << fragment << "\" in\n" << Dump(diagnostics);
  EXPECT_EQ(found[0].path, path);
  EXPECT_EQ(found[0].line, line) << found[0].ToString();
  EXPECT_EQ(found[0].severity, severity) << found[0].ToString();
  EXPECT_FALSE(found[0].hint.empty()) << found[0].ToString();
}

const LexiconEntry* FindEntry(const Lexicon& lexicon, LexiconEntry::Kind kind,
                              const std::string& form, const std::string& language = "") {
  for (const LexiconEntry& e : lexicon.entries) {
    if (e.kind == kind && e.form == form && (language.empty() || e.language == language)) {
      return &e;
    }
  }
  return nullptr;
}

// ---------------------------------------------------------------------------------------------
// The data model.

TEST(LexiconTest, LoadsSmallLexiconIntoModel) {
  const std::string path = DataFile("valid_small.xml");
  const LexiconLoadResult result = LoadLexicons({path});
  ASSERT_TRUE(result.ok()) << Dump(result.diagnostics);
  EXPECT_TRUE(result.diagnostics.empty()) << Dump(result.diagnostics);
  const Lexicon& lex = result.lexicon;

  ASSERT_EQ(lex.perspectives.size(), 2u);
  EXPECT_EQ(lex.perspectives[0].id, "north");
  EXPECT_EQ(lex.perspectives[0].label, "North");
  EXPECT_EQ(lex.perspectives[0].colour, "#0072B2");
  EXPECT_EQ(lex.perspectives[0].line, LineContaining(path, "id=\"north\""));

  const Concept* city = lex.FindConcept("city");
  ASSERT_NE(city, nullptr);
  EXPECT_EQ(city->label, "Northtown / Southtown");
  EXPECT_EQ(city->category, "place");
  ASSERT_EQ(city->variants.size(), 3u);
  const LexiconEntry& north = lex.entries[city->variants[0]];
  EXPECT_EQ(north.kind, LexiconEntry::Kind::kNaming);
  EXPECT_EQ(north.form, "Northtown");
  EXPECT_EQ(north.language, "en");
  EXPECT_EQ(north.perspective, "north");
  EXPECT_EQ(north.concept_id, "city");
  EXPECT_EQ(north.note, "North's name for the city.");  // white space collapsed
  EXPECT_EQ(north.source, "test");
  EXPECT_FALSE(north.stem);
  EXPECT_FALSE(north.wildcard);
  EXPECT_EQ(north.file, path);
  EXPECT_EQ(north.line, LineContaining(path, "form=\"Northtown\""));

  const LexiconEntry& south = lex.entries[city->variants[1]];
  EXPECT_EQ(south.language, "ru");
  EXPECT_TRUE(south.stem) << "ru is in stem-languages";
  const LexiconEntry& occupied = lex.entries[city->variants[2]];
  EXPECT_TRUE(occupied.wildcard);
  EXPECT_FALSE(occupied.stem);

  const LexiconEntry* loaded = FindEntry(lex, LexiconEntry::Kind::kLoaded, "aggressor");
  ASSERT_NE(loaded, nullptr);
  EXPECT_EQ(loaded->category, "hostility");
  EXPECT_EQ(loaded->perspective, "north");

  const Actor* mfa = lex.FindActor("north-mfa");
  ASSERT_NE(mfa, nullptr);
  EXPECT_EQ(mfa->kind, "government");
  EXPECT_EQ(mfa->base, "Northtown");
  ASSERT_EQ(mfa->patterns.size(), 2u);
  EXPECT_EQ(lex.entries[mfa->patterns[1]].form, "МИД Севера");
  EXPECT_EQ(lex.entries[mfa->patterns[1]].language, "ru");
  EXPECT_EQ(lex.entries[mfa->patterns[1]].actor_id, "north-mfa");
  EXPECT_EQ(lex.entries[mfa->patterns[1]].perspective, "north");

  const LexiconEntry* gap = FindEntry(lex, LexiconEntry::Kind::kCue, "what {X} insists are");
  ASSERT_NE(gap, nullptr);
  EXPECT_EQ(gap->category, kCueDistancing);
  EXPECT_EQ(gap->max_gap, 4);
  const LexiconEntry* claimed = FindEntry(lex, LexiconEntry::Kind::kCue, "claimed");
  ASSERT_NE(claimed, nullptr);
  EXPECT_EQ(claimed->category, kCueReporting);
  EXPECT_EQ(claimed->stance, "distancing");
  EXPECT_EQ(claimed->max_gap, 0);

  EXPECT_EQ(lex.Count(LexiconEntry::Kind::kNaming), 3u);
  EXPECT_EQ(lex.Count(LexiconEntry::Kind::kLoaded), 1u);
  EXPECT_EQ(lex.Count(LexiconEntry::Kind::kActor), 2u);
  EXPECT_EQ(lex.Count(LexiconEntry::Kind::kCue), 3u);
  EXPECT_EQ(lex.FindPerspective("nowhere"), nullptr);
}

TEST(LexiconTest, ChecksumIsSha256OfFiles) {
  const LexiconLoadResult a = LoadLexiconSources({{"a.xml", "<lexicon id=\"a\"/>"}});
  ASSERT_EQ(a.lexicon.files.size(), 1u);
  EXPECT_EQ(a.lexicon.files[0].id, "a");
  // sha256 of the empty string and of "abc", the standard test vectors.
  const LexiconLoadResult empty = LoadLexiconSources({{"e.xml", ""}});
  EXPECT_EQ(empty.lexicon.files[0].sha256,
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  const LexiconLoadResult abc = LoadLexiconSources({{"abc.xml", "abc"}});
  EXPECT_EQ(abc.lexicon.files[0].sha256,
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  const std::string long_input(1000, 'a');  // spans several 64-byte blocks
  EXPECT_EQ(LoadLexiconSources({{"l.xml", long_input}}).lexicon.files[0].sha256,
            "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3");
  const LexiconLoadResult b = LoadLexiconSources({{"a.xml", "<lexicon id=\"b\"/>"}});
  EXPECT_EQ(a.lexicon.checksum.size(), 64u);
  EXPECT_NE(a.lexicon.checksum, b.lexicon.checksum);
}

TEST(LexiconTest, NormalizeFoldsCaseWidthQuotesAndDashes) {
  EXPECT_EQ(NormalizeLexiconForm("  NORTH\n town "), "north town");
  EXPECT_EQ(NormalizeLexiconForm("Lachin\u2013Khankendi"), "lachin-khankendi");
  EXPECT_EQ(NormalizeLexiconForm("Azerbaijan\u2019s"), "azerbaijan's");
  EXPECT_EQ(NormalizeLexiconForm("ＡＢＣ"), "abc");
  EXPECT_EQ(NormalizeLexiconForm("Ханкенди"), "ханкенди");
  EXPECT_EQ(NormalizeLexiconForm("so\u00ADcalled"), "socalled");  // soft hyphen dropped
}

TEST(LexiconTest, SplitAtGap) {
  std::string before = "unchanged";
  std::string after = "unchanged";
  EXPECT_FALSE(SplitAtGap("so-called", &before, &after));
  EXPECT_EQ(before, "unchanged");
  ASSERT_TRUE(SplitAtGap("what  {X} insists are", &before, &after));
  EXPECT_EQ(before, "what");
  EXPECT_EQ(after, "insists are");
  EXPECT_FALSE(SplitAtGap("what {Y} says", &before, &after));
}

TEST(LexiconTest, KnowsWhichLanguagesHaveStemmers) {
  EXPECT_TRUE(HasSnowballStemmer("ru"));
  EXPECT_TRUE(HasSnowballStemmer("en-GB"));
  EXPECT_TRUE(HasSnowballStemmer("hy"));
  EXPECT_FALSE(HasSnowballStemmer("az"));
  EXPECT_FALSE(HasSnowballStemmer(""));
}

TEST(LexiconTest, NotesAndLabelsInOtherLanguages) {
  const std::string lexicon =
      "<lexicon id=\"t\" lang=\"en\"><perspectives><perspective id=\"north\" label=\"North\" "
      "colour=\"#000000\"><note>The northern side.</note><note xml:lang=\"ru\">Северная "
      "сторона.</note><label xml:lang=\"ru\">север</label></perspective></perspectives>"
      "<concepts><concept id=\"c\" label=\"City\"><note>A city with two names.</note>"
      "<note xml:lang=\"ru-RU\">Город   с двумя названиями.</note>"
      "<label xml:lang=\"ru-RU\">Город</label>"
      "<variant form=\"Northtown\" perspective=\"north\" source=\"s\"><note>The English note."
      "</note><note xml:lang=\"ru\">Примечание   по-русски.</note><note xml:lang=\"ka\">ka</note>"
      "</variant></concept></concepts><actors><actor id=\"gov\" name=\"Government\" "
      "perspective=\"north\" kind=\"government\"><note>\"North\" as a speaker.</note>"
      "<note xml:lang=\"ru\">«Север» в роли говорящего.</note><pattern>North</pattern></actor>"
      "</actors></lexicon>";
  const LexiconLoadResult result = LoadLexiconSources({{"t.xml", lexicon}});
  ASSERT_TRUE(result.ok()) << Dump(result.diagnostics);
  const Lexicon& lex = result.lexicon;
  ASSERT_EQ(lex.entries.size(), 2u);
  const LexiconEntry& e = lex.entries[0];
  EXPECT_EQ(e.note, "The English note.");
  EXPECT_EQ(Localized(e.note, e.note_translations, "ru"), "Примечание по-русски.");
  EXPECT_EQ(Localized(e.note, e.note_translations, "ka"), "ka");
  EXPECT_EQ(Localized(e.note, e.note_translations, "hy"), "The English note.");
  EXPECT_EQ(Localized(e.note, e.note_translations, "en"), "The English note.");
  EXPECT_EQ(Localized(lex.perspectives[0].label, lex.perspectives[0].label_translations, "ru"),
            "север");
  EXPECT_EQ(Localized(lex.concepts[0].label, lex.concepts[0].label_translations, "ru"), "Город");
  // Perspectives, concepts and actors keep their translated notes too, and an actor's patterns
  // carry the actor's note in every language.
  const Perspective& p = lex.perspectives[0];
  EXPECT_EQ(p.note, "The northern side.");
  EXPECT_EQ(Localized(p.note, p.note_translations, "ru"), "Северная сторона.");
  EXPECT_EQ(Localized(p.note, p.note_translations, "en"), "The northern side.");
  const Concept& c = lex.concepts[0];
  EXPECT_EQ(c.note, "A city with two names.");
  EXPECT_EQ(Localized(c.note, c.note_translations, "ru"), "Город с двумя названиями.");
  EXPECT_EQ(Localized(c.note, c.note_translations, "hy"), "A city with two names.");
  ASSERT_EQ(lex.actors.size(), 1u);
  const Actor& a = lex.actors[0];
  EXPECT_EQ(Localized(a.note, a.note_translations, "ru"), "«Север» в роли говорящего.");
  ASSERT_EQ(a.patterns.size(), 1u);
  const LexiconEntry& pattern = lex.entries[a.patterns[0]];
  EXPECT_EQ(pattern.note, "\"North\" as a speaker.");
  EXPECT_EQ(Localized(pattern.note, pattern.note_translations, "ru"), "«Север» в роли говорящего.");
}

TEST(LexiconTest, TranslatedNoteNeedsTheEnglishNoteFirst) {
  const std::string lexicon =
      "<lexicon id=\"t\" lang=\"en\"><perspectives><perspective id=\"north\" label=\"North\" "
      "colour=\"#000000\"/></perspectives><concepts><concept id=\"c\" label=\"City\">"
      "<variant form=\"Northtown\" perspective=\"north\" source=\"s\">"
      "<note xml:lang=\"ru\">Только по-русски.</note></variant></concept></concepts></lexicon>";
  EXPECT_FALSE(LoadLexiconSources({{"t.xml", lexicon}}).ok());
}

// ---------------------------------------------------------------------------------------------
// Each check reports file:line and a hint.

TEST(LexiconCheckTest, UnknownPerspective) {
  const std::string path = DataFile("unknown_perspective.xml");
  const Diagnostics d = CheckLexicons({path});
  ExpectOne(d, "unknown perspective id \"soutth\"", path, LineContaining(path, "soutth"));
  ExpectOne(d, "unknown perspective id \"west\"", path, LineContaining(path, "\"west\""));
  EXPECT_NE(Matching(d, "soutth")[0].hint.find("north"), std::string::npos)
      << "the hint lists the declared perspectives";
}

TEST(LexiconCheckTest, PerspectivesMayComeFromAnotherFile) {
  const std::string perspectives =
      "<lexicon id=\"p\"><perspectives><perspective id=\"north\" label=\"N\" "
      "colour=\"#000000\"/></perspectives></lexicon>";
  const std::string pack =
      "<lexicon id=\"q\" lang=\"en\"><concepts><concept id=\"c\" label=\"C\">"
      "<variant form=\"X\" perspective=\"north\" source=\"s\"><note>n</note></variant>"
      "</concept></concepts></lexicon>";
  const LexiconLoadResult result = LoadLexiconSources({{"p.xml", perspectives}, {"q.xml", pack}});
  EXPECT_TRUE(result.ok()) << Dump(result.diagnostics);
  const LexiconLoadResult alone = LoadLexiconSources({{"q.xml", pack}});
  EXPECT_FALSE(alone.ok());
  EXPECT_EQ(Matching(alone.diagnostics, "unknown perspective id \"north\"").size(), 1u);
}

TEST(LexiconCheckTest, DuplicateFormsAndIds) {
  const std::string path = DataFile("duplicate_form.xml");
  const Diagnostics d = CheckLexicons({path});
  ExpectOne(d, "duplicate form: naming variant \"NORTHTOWN\"", path,
            LineContaining(path, "NORTHTOWN"));
  EXPECT_NE(Matching(d, "NORTHTOWN")[0].hint.find(path + ":" +
                                                  std::to_string(LineContaining(path, "First."))),
            std::string::npos)
      << "the hint says where the form was first defined";
  ExpectOne(d, "duplicate form: naming variant \"Lachin-Khankendi road\"", path,
            LineContaining(path, "Hyphen: same form"));
  ExpectOne(d, "duplicate concept id \"city\"", path, LineContaining(path, "Same id again"));
  ExpectOne(d, "naming variant \"Northtown\" (fr) is spelt like the en entry", path,
            LineContaining(path, "Other language"), Severity::kWarning);
  EXPECT_EQ(std::count_if(d.begin(), d.end(),
                          [](const Diagnostic& x) { return x.severity == Severity::kError; }),
            3)
      << "another kind may repeat a form\n"
      << Dump(d);
}

TEST(LexiconCheckTest, EmptyNoteAndMissingSource) {
  const std::string path = DataFile("empty_note.xml");
  const Diagnostics d = CheckLexicons({path});
  ExpectOne(d, "empty note on naming variant \"Northtown\"", path,
            LineContaining(path, "Northtown"));
  ExpectOne(d, "empty note on naming variant \"Southtown\"", path,
            LineContaining(path, "Southtown"));
  ExpectOne(d, "no source on loaded term \"aggressor\"", path, LineContaining(path, "aggressor"),
            Severity::kWarning);
  EXPECT_TRUE(Matching(d, "empty note on loaded term").empty());
}

TEST(LexiconCheckTest, BadWildcards) {
  const std::string path = DataFile("bad_wildcard.xml");
  const Diagnostics d = CheckLexicons({path});
  ExpectOne(d, "bad wildcard in loaded term \"*kendi\"", path, LineContaining(path, "*kendi"));
  ExpectOne(d, "bad wildcard in loaded term \"occu*pied territories\"", path,
            LineContaining(path, "occu*pied"));
  ExpectOne(d, "bad wildcard: lone `*`", path, LineContaining(path, "Lone star"));
  ExpectOne(d, "bad wildcard in loaded term \"liberat* territories\"", path,
            LineContaining(path, "liberat*"));
  ExpectOne(d, "wildcard prefix \"ab*\"", path, LineContaining(path, "\"ab*\""),
            Severity::kWarning);
  EXPECT_TRUE(Matching(d, "occupied territor*").empty()) << Dump(d);
  ExpectOne(d, "{X} gap in loaded term", path, LineContaining(path, "Gap outside a cue"));
  ExpectOne(d, "{X} gap at the start", path, LineContaining(path, "\"{X} insists are\""));
  ExpectOne(d, "more than one {X} gap", path, LineContaining(path, "{X} and {X}"));
  ExpectOne(d, "malformed gap", path, LineContaining(path, "{Y}"));
  ExpectOne(d, "max-gap on cue \"reportedly\"", path, LineContaining(path, "reportedly"),
            Severity::kWarning);
}

// A stemmed one-word form whose Snowball stem is short matches every word with that stem
// (Russian "Алиев" stems to "ал": Serbian "али", "but", was read as Ilham Aliyev). Longer forms,
// unstemmed forms and forms that ask for stemming themselves are not warned. A region-tagged
// language (lang="ru-RU") is stemmed with its language's stemmer, so it is warned about too.
TEST(LexiconCheckTest, AOneWordFormWithAShortStemIsWarned) {
  for (const std::string language : {"ru", "ru-RU"}) {
    const LexiconLoadResult lex = LoadLexiconSources({{"stems.xml", R"(<?xml version="1.0"?>
<lexicon id="stems" lang=")" + language + R"(" stem-languages="ru">
  <concepts>
    <concept id="c" label="C" category="place">
      <variant form="Алиев" source="t"><note>Short stem.</note></variant>
      <variant form="Ильхам Алиев" source="t"><note>Two words.</note></variant>
      <variant form="Арцах" stem="true" source="t"><note>Asked for.</note></variant>
      <variant form="Баку" stem="false" source="t"><note>Not stemmed.</note></variant>
      <variant form="Степанакерт" source="t"><note>Long stem.</note></variant>
    </concept>
  </concepts>
</lexicon>)"}});
    const std::vector<Diagnostic> warned = Matching(lex.diagnostics, "stems to");
    ASSERT_EQ(warned.size(), 1u) << language << "\n" << Dump(lex.diagnostics);
    EXPECT_NE(warned[0].message.find("\"Алиев\""), std::string::npos) << warned[0].message;
    EXPECT_EQ(warned[0].severity, Severity::kWarning);
    EXPECT_EQ(warned[0].line, 5);
    EXPECT_NE(warned[0].hint.find("stem=\"false\""), std::string::npos);
  }
}

TEST(LexiconCheckTest, ColoursAndDuplicatePerspectives) {
  const std::string path = DataFile("bad_colour.xml");
  const Diagnostics d = CheckLexicons({path});
  ExpectOne(d, "colour \"orange\"", path, LineContaining(path, "orange"));
  ExpectOne(d, "colour \"#12345\"", path, LineContaining(path, "#12345"));
  EXPECT_TRUE(Matching(d, "#A1b2C3").empty()) << "mixed-case hex is fine";
  ExpectOne(d, "duplicate perspective id \"north\"", path, LineContaining(path, "North again"));
}

TEST(LexiconCheckTest, SchemaErrorsHaveLinesAndShapeHints) {
  const std::string path = DataFile("schema_error.xml");
  const Diagnostics d = CheckLexicons({path});
  ASSERT_TRUE(HasErrors(d));
  bool saw_varient = false;
  bool saw_cue = false;
  for (const Diagnostic& diag : d) {
    EXPECT_EQ(diag.path, path);
    EXPECT_GT(diag.line, 0) << diag.ToString();
    if (diag.line == LineContaining(path, "<varient")) saw_varient = true;
    if (diag.line == LineContaining(path, "type=\"reporting\"")) {
      saw_cue = true;
      EXPECT_NE(diag.hint.find("stance"), std::string::npos) << diag.ToString();
    }
  }
  EXPECT_TRUE(saw_varient) << Dump(d);
  const std::vector<Diagnostic> varient = Matching(d, "varient");
  ASSERT_FALSE(varient.empty());
  EXPECT_NE(varient[0].hint.find("did you mean <variant>?"), std::string::npos) << Dump(d);
  ExpectOne(d, "missing form attribute on <variant>", path, LineContaining(path, "No form"));
  EXPECT_TRUE(saw_cue) << Dump(d);
}

// A spelling two languages share may carry a different reading in each (the annotator keeps
// the article's language): only entries that say the same are warned about.
TEST(LexiconCheckTest, OneSpellingInTwoLanguagesWarnsOnlyWhenBothSayTheSame) {
  const std::string text = R"(<?xml version="1.0" encoding="UTF-8"?>
<lexicon id="x" lang="en">
  <perspectives><perspective id="north" label="North" colour="#0072B2"/></perspectives>
  <concepts>
    <concept id="city" label="City">
      <variant form="Odessa" perspective="north" source="t"><note>English.</note></variant>
      <variant form="Odessa" lang="de" source="t"><note>German: no side.</note></variant>
      <variant form="Donbass" source="t"><note>English.</note></variant>
      <variant form="Donbass" lang="de" source="t"><note>German: the same.</note></variant>
      <variant form="Odessa" lang="fr" source="t"><note>French: as the German.</note></variant>
    </concept>
  </concepts>
</lexicon>)";
  const LexiconLoadResult r = LoadLexiconSources({{"pack.xml", text}});
  ExpectOne(r.diagnostics,
            "\"Odessa\" (fr) is spelt like the de entry at pack.xml:7 and says the same",
            "pack.xml", 10, Severity::kWarning);
  ExpectOne(r.diagnostics,
            "\"Donbass\" (de) is spelt like the en entry at pack.xml:8 and says the same",
            "pack.xml", 9, Severity::kWarning);
}

// libxml2 says only "Element term failed to validate attributes" (with no line when a required
// attribute is missing) or calls a bad value an invalid attribute: the check says which
// attribute, what is wrong with it, and where.
TEST(LexiconCheckTest, AttributeErrorsNameTheAttributeAndLine) {
  const std::string text = R"(<?xml version="1.0" encoding="UTF-8"?>
<lexicon id="x" lang="en">
  <perspectives><perspective id="north" label="North" colour="#0072B2"/></perspectives>
  <loaded-terms>
    <term form="aggressor" perspective="north" source="test"><note>No category.</note></term>
    <term form="thugs" category="hostility" stem="yes" source="test"><note>Bad value.</note></term>
    <term form="rebels" category="hostility" perspectve="north" source="t"><note>Typo.</note></term>
  </loaded-terms>
  <cues>
    <cue type="foo" form="x"/>
    <cue type="distancing" form="y {X} z" max-gap="many"/>
  </cues>
</lexicon>)";
  const LexiconLoadResult r = LoadLexiconSources({{"story.xml", text}});
  const Diagnostics& d = r.diagnostics;
  for (const Diagnostic& diag : d) {
    EXPECT_GT(diag.line, 0) << diag.ToString();
    EXPECT_EQ(diag.message.find("failed to validate attributes"), std::string::npos)
        << diag.ToString();
  }
  ExpectOne(d, "<term> has no category attribute (it is required)", "story.xml", 5);
  ExpectOne(d, "stem=\"yes\" on <term>: must be false or true", "story.xml", 6);
  ExpectOne(d, "perspectve=\"north\" on <term>: <term> takes no such attribute", "story.xml", 7);
  ExpectOne(d, "type=\"foo\" on <cue>: must be distancing, hedging or reporting", "story.xml", 10);
  ExpectOne(d, "max-gap=\"many\" on <cue>: the value is not allowed", "story.xml", 11);
  const std::vector<Diagnostic> category = Matching(d, "category attribute");
  ASSERT_EQ(category.size(), 1u) << Dump(d);
  EXPECT_NE(category[0].hint.find("category (required)"), std::string::npos) << Dump(d);
}

// title="official" marks a naming variant as an official title (annotator.h kCitedTitle); it
// has one value and belongs to variants only.
TEST(LexiconCheckTest, TheOfficialTitleAttribute) {
  const std::string text = R"(<?xml version="1.0" encoding="UTF-8"?>
<lexicon id="x" lang="en">
  <concepts>
    <concept id="law" label="Law" category="law">
      <variant form="transparency of foreign influence" title="official" source="t"><note>Title.</note></variant>
      <variant form="foreign agents law" source="t"><note>Critics.</note></variant>
    </concept>
  </concepts>
</lexicon>)";
  const LexiconLoadResult r = LoadLexiconSources({{"story.xml", text}});
  ASSERT_TRUE(r.ok()) << Dump(r.diagnostics);
  const LexiconEntry* title =
      FindEntry(r.lexicon, LexiconEntry::Kind::kNaming, "transparency of foreign influence");
  const LexiconEntry* other =
      FindEntry(r.lexicon, LexiconEntry::Kind::kNaming, "foreign agents law");
  ASSERT_NE(title, nullptr);
  ASSERT_NE(other, nullptr);
  EXPECT_TRUE(title->official_title);
  EXPECT_FALSE(other->official_title);

  const std::string bad = R"(<?xml version="1.0" encoding="UTF-8"?>
<lexicon id="x" lang="en">
  <concepts>
    <concept id="law" label="Law" category="law">
      <variant form="transparency law" title="yes" source="t"><note>Bad value.</note></variant>
    </concept>
  </concepts>
  <loaded-terms>
    <term form="agents" category="hostility" title="official" source="t"><note>Not a name.</note></term>
  </loaded-terms>
</lexicon>)";
  const LexiconLoadResult b = LoadLexiconSources({{"story.xml", bad}});
  EXPECT_FALSE(b.ok());
  ExpectOne(b.diagnostics, "title=\"yes\" on <variant>", "story.xml", 5);
  ExpectOne(b.diagnostics, "title=\"official\" on <term>: <term> takes no such attribute",
            "story.xml", 9);
}

TEST(LexiconCheckTest, NotWellFormedXml) {
  const std::string path = DataFile("not_wellformed.xml");
  const LexiconLoadResult result = LoadLexicons({path});
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.diagnostics[0].path, path);
  EXPECT_EQ(result.diagnostics[0].line, LineContaining(path, "Unclosed"));
  EXPECT_GT(result.diagnostics[0].column, 0);
  EXPECT_TRUE(result.lexicon.entries.empty());
}

TEST(LexiconCheckTest, StemmingNeedsASnowballStemmer) {
  const std::string path = DataFile("unsupported_stem.xml");
  const LexiconLoadResult result = LoadLexicons({path});
  ExpectOne(result.diagnostics, "stem-languages names \"az\"", path,
            LineContaining(path, "<lexicon"));
  ExpectOne(result.diagnostics, "stem=\"true\" on \"Xankəndi\"", path,
            LineContaining(path, "Xankəndi"));
  const LexiconEntry* ru = FindEntry(result.lexicon, LexiconEntry::Kind::kNaming, "Ханкенди");
  ASSERT_NE(ru, nullptr);
  EXPECT_TRUE(ru->stem);
  const LexiconEntry* off = FindEntry(result.lexicon, LexiconEntry::Kind::kNaming, "Стапанакерт");
  ASSERT_NE(off, nullptr);
  EXPECT_FALSE(off->stem);
}

TEST(LexiconCheckTest, UnreadableFileIsReported) {
  const std::string path = DataFile("does_not_exist.xml");
  const Diagnostics d = CheckLexicons({path});
  ASSERT_EQ(d.size(), 1u) << Dump(d);
  EXPECT_EQ(d[0].path, path);
  EXPECT_EQ(d[0].severity, Severity::kError);
}

TEST(LexiconCheckTest, ToStringHasFileLineAndHint) {
  const std::string path = DataFile("unknown_perspective.xml");
  const std::vector<Diagnostic> found = Matching(CheckLexicons({path}), "soutth");
  ASSERT_EQ(found.size(), 1u);
  const std::string text = found[0].ToString();
  EXPECT_EQ(
      text.rfind(path + ":" + std::to_string(LineContaining(path, "soutth")) + ": error: ", 0), 0u)
      << text;
  EXPECT_NE(text.find("(declared perspectives: north)"), std::string::npos) << text;
}

// ---------------------------------------------------------------------------------------------
// Hostile files: no entity is expanded and no file is read.

TEST(LexiconSecurityTest, BillionLaughsIsRefusedWithoutExpansion) {
  const std::string path = DataFile("billion_laughs.xml");
  const auto start = std::chrono::steady_clock::now();
  const LexiconLoadResult result = LoadLexicons({path});
  const auto elapsed = std::chrono::steady_clock::now() - start;
  EXPECT_LT(elapsed, std::chrono::seconds(2));
  ASSERT_FALSE(result.ok());
  ExpectOne(result.diagnostics, "DOCTYPE", path, LineContaining(path, "<!DOCTYPE"));
  EXPECT_TRUE(result.lexicon.entries.empty());
  for (const Diagnostic& d : result.diagnostics) {
    EXPECT_EQ(d.message.find("lollol"), std::string::npos);
  }
}

TEST(LexiconSecurityTest, ExternalEntityIsNeverRead) {
  const std::string path = DataFile("xxe.xml");
  const LexiconLoadResult result = LoadLexicons({path});
  ASSERT_FALSE(result.ok());
  ExpectOne(result.diagnostics, "DOCTYPE", path, LineContaining(path, "<!DOCTYPE"));
  EXPECT_TRUE(result.lexicon.entries.empty());
  for (const Diagnostic& d : result.diagnostics) {
    EXPECT_EQ(d.ToString().find("root:"), std::string::npos) << d.ToString();
  }
}

TEST(LexiconSecurityTest, DoctypeInUtf16IsAlsoRefused) {
  // The byte scan cannot see "<!DOCTYPE" in UTF-16; the parsed document's DTD is refused too.
  const std::string utf8 =
      "<?xml version=\"1.0\" encoding=\"UTF-16\"?><!DOCTYPE lexicon [<!ENTITY x \"boom\">]>"
      "<lexicon id=\"u\" lang=\"en\"><loaded-terms><term form=\"&x;\" category=\"c\" "
      "source=\"s\"><note>&x;</note></term></loaded-terms></lexicon>";
  std::string utf16 = "\xFF\xFE";
  for (char c : utf8) {
    utf16 += c;
    utf16 += '\0';
  }
  const LexiconLoadResult result = LoadLexiconSources({{"u16.xml", utf16}});
  EXPECT_FALSE(result.ok());
  EXPECT_TRUE(result.lexicon.entries.empty());
}

// Only a declaration in the prolog is refused: the words "<!DOCTYPE" in a comment (a draft's
// keyword-in-context line quoting an article) are text. A declaration after a prolog comment is
// still refused, at its line.
TEST(LexiconSecurityTest, DoctypeWordsInACommentAreNotADeclaration) {
  const std::string body =
      "<lexicon id=\"d\" lang=\"en\"><loaded-terms><!-- a page said <!DOCTYPE html> here -->"
      "<term form=\"peace\" category=\"c\" source=\"s\"><note>n</note></term>"
      "</loaded-terms></lexicon>";
  const LexiconLoadResult ok = LoadLexiconSources({{"d.xml", body}});
  EXPECT_TRUE(ok.ok()) << (ok.diagnostics.empty() ? "" : ok.diagnostics[0].ToString());
  const LexiconLoadResult refused = LoadLexiconSources(
      {{"e.xml", "<?xml version=\"1.0\"?>\n<!-- prolog -->\n<!DOCTYPE lexicon>\n" + body}});
  ASSERT_FALSE(refused.ok());
  ExpectOne(refused.diagnostics, "DOCTYPE", "e.xml", 3);
}

TEST(LexiconSecurityTest, GarbageNeverCrashes) {
  const std::vector<std::string> inputs = {
      "",
      "<",
      "<lexicon",
      "<lexicon id='x'><concepts><concept",
      "\xFF\xFE\x00",
      "<lexicon id=\"x\"><cues><cue form=\"what {X}\" type=\"distancing\"/></cues></lexicon>",
      "<other/>",
      "<lexicon id=\"x\">&unknown;</lexicon>"};
  for (const std::string& input : inputs) {
    const LexiconLoadResult result = LoadLexiconSources({{"g.xml", input}});
    EXPECT_FALSE(result.ok()) << "input: " << input;
  }
}

// Replays deterministic mutations of the shipped pack (truncations, byte flips, spliced chunks):
// the loader must neither crash nor accept a broken file silently as something else.
TEST(LexiconSecurityTest, MutatedPackNeverCrashes) {
  const std::string pack = ReadFileOrFail(SourceDir() + "/lexicons/karabakh.xml");
  ASSERT_GT(pack.size(), 1000u);
  std::mt19937 random(20240423);
  const std::string specials = "<>&\"'*{}/=!- \n\xC3\xFF";
  for (int i = 0; i < 200; ++i) {
    std::string text = pack;
    std::uniform_int_distribution<std::size_t> position(0, text.size() - 1);
    switch (i % 4) {
      case 0:
        text.resize(position(random));
        break;
      case 1:
        for (int k = 0; k < 8; ++k) text[position(random)] = specials[random() % specials.size()];
        break;
      case 2: {
        const std::size_t from = position(random);
        text.insert(position(random), text.substr(from, 200));
        break;
      }
      default:
        text.erase(position(random), 50);
    }
    const LexiconLoadResult result = LoadLexiconSources({{"mutated.xml", text}});
    for (const Diagnostic& d : result.diagnostics) {
      EXPECT_EQ(d.path, "mutated.xml");
      EXPECT_FALSE(d.message.empty());
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The schema and the shipped lexicons.

// A category is free text to the schema: `lexicon check` warns on one the project does not
// know, with the nearest known spelling (or the category a plain word means) and the list.
TEST(LexiconCategoryTest, UnknownCategoriesWarnWithDidYouMean) {
  const std::string text =
      "<lexicon id=\"t\" lang=\"en\">\n"
      "  <concepts>\n"
      "    <concept id=\"a\" label=\"A\" category=\"regoin\">\n"
      "      <variant form=\"Alpha\" source=\"s\"><note>n</note></variant></concept>\n"
      "    <concept id=\"b\" label=\"B\" category=\"country\">\n"
      "      <variant form=\"Beta\" source=\"s\"><note>n</note></variant></concept>\n"
      "    <concept id=\"c\" label=\"C\" category=\"place\">\n"
      "      <variant form=\"Gamma\" source=\"s\"><note>n</note></variant></concept>\n"
      "  </concepts>\n"
      "  <loaded-terms>\n"
      "    <term form=\"gas blackmail\" category=\"acusation\" source=\"s\"><note>n</note>"
      "</term>\n"
      "    <term form=\"energy terror\" category=\"accusation\" source=\"s\"><note>n</note>"
      "</term>\n"
      "  </loaded-terms>\n"
      "</lexicon>\n";
  const LexiconLoadResult r = LoadLexiconSources({{"t.xml", text}});
  EXPECT_TRUE(r.ok()) << Dump(r.diagnostics);
  ExpectOne(r.diagnostics, "category \"regoin\"", "t.xml", 3, Severity::kWarning);
  ExpectOne(r.diagnostics, "category \"country\"", "t.xml", 5, Severity::kWarning);
  ExpectOne(r.diagnostics, "category \"acusation\"", "t.xml", 11, Severity::kWarning);
  EXPECT_EQ(Matching(r.diagnostics, "which Parallax does not know").size(), 3u)
      << Dump(r.diagnostics);
  const auto hint = [&](const std::string& fragment) {
    const std::vector<Diagnostic> found = Matching(r.diagnostics, fragment);
    return found.empty() ? std::string() : found[0].hint;
  };
  EXPECT_NE(hint("regoin").find("did you mean \"region\"?"), std::string::npos);
  EXPECT_NE(hint("country").find("did you mean \"polity\"?"), std::string::npos);
  const std::string term_hint = hint("acusation");
  EXPECT_NE(term_hint.find("did you mean \"accusation\"?"), std::string::npos);
  EXPECT_NE(term_hint.find("status-qualifier"), std::string::npos) << term_hint;
  // The shipped lexicons use only known categories.
  const LexiconLoadResult shipped = LoadLexicons(ShippedPaths());
  EXPECT_TRUE(Matching(shipped.diagnostics, "which Parallax does not know").empty())
      << Dump(shipped.diagnostics);
}

// A lexicon with naming variants or loaded terms but nothing that names its story counts in
// every article: `lexicon check` says so at its root. Places or actors give it a scope; a file
// of cues colours nothing; a draft's candidates have their own warning.
TEST(LexiconScopeTest, ALexiconWithoutScopeWarns) {
  const auto diagnostics = [](const std::string& body) {
    return LoadLexiconSources(
               {{"s.xml", "<lexicon id=\"s\" lang=\"en\">\n" + body + "</lexicon>\n"}})
        .diagnostics;
  };
  const std::string term =
      "<loaded-terms><term form=\"gas blackmail\" category=\"accusation\" source=\"s\">"
      "<note>n</note></term></loaded-terms>\n";
  const Diagnostics none = diagnostics(
      "<concepts><concept id=\"e\" label=\"E\" category=\"event\"><variant form=\"cut-off\" "
      "source=\"s\"><note>n</note></variant></concept></concepts>\n" +
      term);
  ExpectOne(none, "no scope: its forms count in every article", "s.xml", 1, Severity::kWarning);
  for (const Diagnostic& d : Matching(none, "no scope")) {
    EXPECT_NE(d.hint.find("place, region, polity"), std::string::npos) << d.hint;
  }
  const Diagnostics place = diagnostics(
      "<concepts><concept id=\"p\" label=\"P\" category=\"place\"><variant form=\"Tiraspol\" "
      "source=\"s\"><note>n</note></variant></concept></concepts>\n" +
      term);
  EXPECT_TRUE(Matching(place, "no scope").empty()) << Dump(place);
  const Diagnostics actor =
      diagnostics(term +
                  "<actors><actor id=\"g\" name=\"Gazprom\"><pattern>Gazprom</pattern></actor>"
                  "</actors>\n");
  EXPECT_TRUE(Matching(actor, "no scope").empty()) << Dump(actor);
  const Diagnostics metonym =
      diagnostics(term +
                  "<actors><actor id=\"m\" name=\"Moldova\"><pattern speaker=\"only\">Moldova"
                  "</pattern></actor></actors>\n");
  EXPECT_EQ(Matching(metonym, "no scope").size(), 1u) << Dump(metonym);
  const Diagnostics cues = diagnostics(
      "<cues><cue type=\"reporting\" stance=\"neutral\" form=\"a declarat\"/></cues>\n");
  EXPECT_TRUE(Matching(cues, "no scope").empty()) << Dump(cues);
  const Diagnostics draft = diagnostics(
      "<loaded-terms><term form=\"gas blackmail\" category=\"distanced\" status=\"candidate\" "
      "source=\"s\"><note>n</note></term></loaded-terms>\n");
  EXPECT_TRUE(Matching(draft, "no scope").empty()) << Dump(draft);
  // The shipped packs all have a scope.
  EXPECT_TRUE(Matching(LoadLexicons(ShippedPaths()).diagnostics, "no scope").empty());
}

TEST(LexiconSchemaTest, EmbeddedSchemaMatchesShippedFile) {
  const std::string shipped = ReadFileOrFail(SourceDir() + "/lexicons/schema/lexicon.rng");
  EXPECT_EQ(std::string(EmbeddedLexiconSchema()), shipped)
      << "copy lexicons/schema/lexicon.rng into kEmbeddedSchema in src/annotate/lexicon.cc";
}

TEST(LexiconSchemaTest, CandidateStatusIsReadAndExplained) {
  const std::string text =
      "<lexicon id=\"draft\" lang=\"en\">\n"
      "  <concepts>\n"
      "    <concept id=\"c1\" label=\"North / South\" status=\"candidate\">\n"
      "      <variant form=\"Northtown\" status=\"candidate\" source=\"a.txt\"><note>n</note>"
      "</variant>\n"
      "      <variant form=\"Southtown\" source=\"a.txt\"><note>n</note></variant>\n"
      "    </concept>\n"
      "  </concepts>\n"
      "  <loaded-terms>\n"
      "    <term form=\"eco-activists\" category=\"distanced\" status=\"candidate\" "
      "source=\"a.txt\"><note>n</note></term>\n"
      "  </loaded-terms>\n"
      "</lexicon>\n";
  const LexiconLoadResult r = LoadLexiconSources({{"draft.xml", text}});
  EXPECT_TRUE(r.ok()) << Dump(r.diagnostics);
  ASSERT_EQ(r.lexicon.concepts.size(), 1u);
  EXPECT_TRUE(r.lexicon.concepts[0].candidate);
  ASSERT_EQ(r.lexicon.entries.size(), 3u);
  EXPECT_TRUE(r.lexicon.entries[0].candidate);
  EXPECT_FALSE(r.lexicon.entries[1].candidate);
  EXPECT_TRUE(r.lexicon.entries[2].candidate);
  // As `lexicon draft` counts them: the concept with its variants, and the term.
  ExpectOne(r.diagnostics, "2 unreviewed candidates", "draft.xml", 1, Severity::kWarning);
  const LexiconLoadResult bad =
      LoadLexiconSources({{"bad.xml",
                           "<lexicon id=\"b\" lang=\"en\"><loaded-terms><term form=\"x\" "
                           "category=\"c\" status=\"maybe\" source=\"s\"><note>n</note></term>"
                           "</loaded-terms></lexicon>"}});
  EXPECT_FALSE(bad.ok());
  EXPECT_EQ(Matching(bad.diagnostics, "status=\"maybe\"").size(), 1u) << Dump(bad.diagnostics);
}

TEST(LexiconSchemaTest, ShippedSchemaFileValidatesTheSameWay) {
  LexiconOptions options;
  options.schema_path = SourceDir() + "/lexicons/schema/lexicon.rng";
  EXPECT_TRUE(LoadLexicons({DataFile("valid_small.xml")}, options).ok());
  EXPECT_FALSE(LoadLexicons({DataFile("schema_error.xml")}, options).ok());
  options.schema_path = DataFile("valid_small.xml");  // not a RELAX NG grammar
  EXPECT_FALSE(LoadLexicons({DataFile("valid_small.xml")}, options).ok());
}

TEST(LexiconShippedTest, DefaultPathsAndDirectory) {
  const std::string shipped = SourceDir() + "/lexicons";
  const std::vector<std::string> common = CommonLexiconPaths(shipped);
  EXPECT_EQ(
      common,
      (std::vector<std::string>{
          shipped + "/common/actors.xml", shipped + "/common/az.xml", shipped + "/common/be.xml",
          shipped + "/common/bs.xml", shipped + "/common/en.xml", shipped + "/common/events.xml",
          shipped + "/common/hr.xml", shipped + "/common/hy.xml", shipped + "/common/ka.xml",
          shipped + "/common/places.xml", shipped + "/common/ru.xml", shipped + "/common/sq.xml",
          shipped + "/common/sr.xml", shipped + "/common/uk.xml"}));
  EXPECT_TRUE(std::is_sorted(common.begin(), common.end()));
  // Then every story pack in the folder, sorted by name.
  const std::vector<std::string> stories = StoryLexiconPaths(shipped);
  EXPECT_EQ(stories, (std::vector<std::string>{shipped + "/georgia.xml", shipped + "/karabakh.xml",
                                               shipped + "/russia-ukraine.xml"}));
  const std::vector<std::string> paths = DefaultLexiconPaths(shipped);
  ASSERT_EQ(paths.size(), common.size() + stories.size());
  EXPECT_TRUE(std::equal(common.begin(), common.end(), paths.begin()));
  EXPECT_TRUE(std::equal(stories.begin(), stories.end(), paths.begin() + common.size()));
  EXPECT_TRUE(CommonLexiconPaths("/nonexistent").empty());
  EXPECT_EQ(DefaultLexiconPaths("/x"), std::vector<std::string>{"/x/karabakh.xml"});
  const std::string dir = FindLexiconDir();
  ASSERT_FALSE(dir.empty());
  EXPECT_TRUE(std::ifstream(dir + "/karabakh.xml").good());
}

// Event types read as alignment-only entries: one type, its label and its forms in many
// languages, none of them a naming variant.
TEST(LexiconShippedTest, EventTypesAreAlignmentOnlyEntries) {
  const LexiconLoadResult result = LoadLexicons(ShippedPaths());
  ASSERT_TRUE(result.ok());
  std::set<std::string> languages;
  for (const LexiconEntry& e : result.lexicon.entries) {
    if (e.kind != LexiconEntry::Kind::kEvent || e.concept_id != "ceasefire") continue;
    EXPECT_EQ(e.category, "Ceasefire / truce");
    languages.insert(e.language);
  }
  for (const char* language : {"en", "ru", "uk", "az", "hy", "ka"}) {
    EXPECT_TRUE(languages.count(language)) << language;
  }
}

TEST(LexiconShippedTest, LoadsWithoutDiagnostics) {
  const LexiconLoadResult result = LoadLexicons(ShippedPaths());
  EXPECT_TRUE(result.ok());
  EXPECT_TRUE(result.diagnostics.empty()) << Dump(result.diagnostics);
  std::vector<std::string> ids;
  for (const auto& file : result.lexicon.files) ids.push_back(file.id);
  EXPECT_EQ(ids,
            (std::vector<std::string>{"common-actors", "common-az", "common-be", "common-bs",
                                      "common-en", "event-types", "common-hr", "common-hy",
                                      "common-ka", "places", "common-ru", "common-sq", "common-sr",
                                      "common-uk", "georgia", "karabakh", "russia-ukraine"}));
}

// Places read as alignment-only entries: one place under its names in scripts that
// transliteration cannot join (Грузия, Georgia, Gürcüstan, საქართველო, Վրաստան).
TEST(LexiconShippedTest, PlacesAreAlignmentOnlyEntries) {
  const LexiconLoadResult result = LoadLexicons(ShippedPaths());
  ASSERT_TRUE(result.ok()) << Dump(result.diagnostics);
  std::set<std::string> forms;
  for (const LexiconEntry& e : result.lexicon.entries) {
    if (e.kind != LexiconEntry::Kind::kPlace || e.concept_id != "georgia") continue;
    EXPECT_EQ(e.category, "Georgia");
    forms.insert(e.form);
  }
  for (const char* form : {"Georgia*", "Грузи*", "Gürcüstan*", "საქართველო*", "Վրաստան*"}) {
    EXPECT_TRUE(forms.count(form)) << form;
  }
  EXPECT_EQ(FindEntry(result.lexicon, LexiconEntry::Kind::kNaming, "Georgia*", "en"), nullptr);
}

class KarabakhLexiconTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { result_ = new LexiconLoadResult(LoadLexicons(ShippedPaths())); }
  static void TearDownTestSuite() {
    delete result_;
    result_ = nullptr;
  }
  const Lexicon& lex() const { return result_->lexicon; }
  const LexiconEntry* Naming(const std::string& form, const std::string& language = "") const {
    return FindEntry(lex(), LexiconEntry::Kind::kNaming, form, language);
  }
  std::string ConceptOf(const std::string& form, const std::string& language = "") const {
    const LexiconEntry* e = Naming(form, language);
    return e == nullptr ? "(missing: " + form + ")" : e->concept_id;
  }
  static LexiconLoadResult* result_;
};
LexiconLoadResult* KarabakhLexiconTest::result_ = nullptr;

TEST_F(KarabakhLexiconTest, HasTheRequiredPerspectivesWithDistinctColours) {
  std::set<std::string> colours;
  for (const char* id : {"armenian", "azerbaijani", "russian-official", "international"}) {
    const Perspective* p = lex().FindPerspective(id);
    ASSERT_NE(p, nullptr) << id;
    EXPECT_FALSE(p->label.empty());
    colours.insert(p->colour);
  }
  EXPECT_EQ(colours.size(), 4u);
}

TEST_F(KarabakhLexiconTest, EveryNamingAndLoadedEntryHasNoteAndSource) {
  int checked = 0;
  for (const LexiconEntry& e : lex().entries) {
    if (e.file.find("karabakh.xml") == std::string::npos) continue;
    if (e.kind != LexiconEntry::Kind::kNaming && e.kind != LexiconEntry::Kind::kLoaded) continue;
    ++checked;
    EXPECT_GE(e.note.size(), 10u) << e.form << " at " << e.file << ":" << e.line;
    EXPECT_FALSE(e.source.empty()) << e.form << " at " << e.file << ":" << e.line;
  }
  EXPECT_GT(checked, 100);
}

TEST_F(KarabakhLexiconTest, HasAtLeastThirtyActorsWithPatterns) {
  EXPECT_GE(lex().actors.size(), 30u);
  for (const Actor& a : lex().actors) {
    EXPECT_FALSE(a.patterns.empty()) << a.id;
    EXPECT_NE(lex().FindPerspective(a.perspective), nullptr) << a.id;
  }
  for (const char* id : {"alexander-iskandaryan",
                         "agshin-kerimov",
                         "bahruz-samadov",
                         "marut-vanyan",
                         "artak-beglaryan",
                         "gurgen-nersisyan",
                         "sergei-lavrov",
                         "dmitry-peskov",
                         "aykhan-hajizada",
                         "jeyhun-bayramov",
                         "ilham-aliyev",
                         "nikol-pashinyan",
                         "us-state-department",
                         "fr-mfa",
                         "am-mfa",
                         "az-mfa",
                         "ru-mfa",
                         "az-border-service",
                         "ru-peacekeepers",
                         "nk-security-council"}) {
    EXPECT_NE(lex().FindActor(id), nullptr) << id;
  }
  EXPECT_EQ(lex().FindActor("alexander-iskandaryan")->base, "Yerevan");
  EXPECT_EQ(lex().FindActor("agshin-kerimov")->base, "Baku");
}

TEST_F(KarabakhLexiconTest, FormsTheSeedTestsNeed) {
  EXPECT_EQ(ConceptOf("Khankendi (Stepanakert)"), "stepanakert-khankendi");
  EXPECT_EQ(ConceptOf("Shusha (Shushi)"), "shusha-shushi");
  EXPECT_EQ(ConceptOf("eco-activists"), "protesters-2022");
  EXPECT_EQ(ConceptOf("separatist authorities"), "karabakh-authorities");
  EXPECT_EQ(ConceptOf("self-proclaimed Nagorno-Karabakh Republic"), "nkr");
  EXPECT_EQ(ConceptOf("NKR"), "nkr");
  EXPECT_EQ(ConceptOf("formerly occupied districts"), "territories");
  EXPECT_EQ(ConceptOf("Second Karabakh War"), "war-2020");
  EXPECT_EQ(ConceptOf("Artsakh"), "nagorno-karabakh");
  EXPECT_EQ(ConceptOf("Nagorno-Karabakh"), "nagorno-karabakh");
  EXPECT_EQ(ConceptOf("Karabakh", "en"), "nagorno-karabakh");
  // The Lachin corridor and its other names are one concept.
  EXPECT_EQ(ConceptOf("Lachin corridor"), "lachin-corridor");
  EXPECT_EQ(ConceptOf("Lachin road"), "lachin-corridor");
  EXPECT_EQ(ConceptOf("Lachin-Khankendi road"), "lachin-corridor");
  EXPECT_EQ(ConceptOf("Лачинский коридор", "ru"), "lachin-corridor");
  // "Ethnic cleansing": both sides accuse the other of it, so only whom it names gives a side.
  const LexiconEntry* cleansing = FindEntry(lex(), LexiconEntry::Kind::kLoaded, "ethnic cleansing");
  ASSERT_NE(cleansing, nullptr);
  EXPECT_EQ(cleansing->perspective, "");
  const LexiconEntry* of_armenians =
      FindEntry(lex(), LexiconEntry::Kind::kLoaded, "ethnic cleansing of Armenians");
  ASSERT_NE(of_armenians, nullptr);
  EXPECT_EQ(of_armenians->perspective, "armenian");
  const LexiconEntry* insists = FindEntry(lex(), LexiconEntry::Kind::kCue, "what {X} insists are");
  ASSERT_NE(insists, nullptr);
  EXPECT_EQ(insists->category, kCueDistancing);
  EXPECT_GE(insists->max_gap, 3) << "\"the Azerbaijani government\" is three words";
  for (const char* form : {"so-called", "self-proclaimed"}) {
    const LexiconEntry* cue = FindEntry(lex(), LexiconEntry::Kind::kCue, form, "en");
    ASSERT_NE(cue, nullptr) << form;
    EXPECT_EQ(cue->category, kCueDistancing);
  }
  const LexiconEntry* said = FindEntry(lex(), LexiconEntry::Kind::kCue, "said", "en");
  ASSERT_NE(said, nullptr);
  EXPECT_EQ(said->stance, "neutral");
  for (const char* form : {"claimed", "insisted", "alleged"}) {
    const LexiconEntry* cue = FindEntry(lex(), LexiconEntry::Kind::kCue, form, "en");
    ASSERT_NE(cue, nullptr) << form;
    EXPECT_EQ(cue->stance, "distancing") << form;
  }
  const LexiconEntry* ru_said = FindEntry(lex(), LexiconEntry::Kind::kCue, "заявил", "ru");
  ASSERT_NE(ru_said, nullptr);
  EXPECT_TRUE(ru_said->stem);
}

TEST_F(KarabakhLexiconTest, GlossaryFormsInEveryLanguage) {
  const std::map<std::string, std::vector<std::pair<std::string, std::string>>> expected = {
      {"stepanakert-khankendi",
       {{"Stepanakert", "en"},
        {"Ստեփանակերտ", "hy"},
        {"Khankendi", "en"},
        {"Xankənd*", "az"},
        {"Vararakn", "en"},
        {"Ханкенді", "uk"},
        {"Степанакерт (Ханкенді)", "uk"},
        {"Ханкенди", "ru"}}},
      {"shusha-shushi", {{"Shusha", "en"}, {"Şuşa", "az"}, {"Shushi", "en"}, {"Շուշի*", "hy"}}},
      {"nagorno-karabakh",
       {{"Dağlıq Qarabağ", "az"},
        {"Yuxarı Qarabağ*", "az"},
        {"Haut-Karabakh", "fr"},
        {"Nagorny Karabakh", "en"},
        {"Արցախ", "hy"},
        {"Нагорный Карабах", "ru"},
        {"Karabakh economic region", "en"}}},
      {"nkr",
       {{"Republic of Artsakh", "en"},
        {"Нагірно-Карабаська Республіка", "uk"},
        {"Республіка Арцах", "uk"},
        {"breakaway state", "en"}}},
      {"lachin-corridor",
       {{"Laçın dəhliz*", "az"}, {"Լաչինի միջանցք", "hy"}, {"Բերձորի միջանցք", "hy"}}},
      {"zangezur-corridor",
       {{"Zangezur corridor", "en"},
        {"Զանգեզուրի միջանցք", "hy"},
        {"Zəngəzur dəhliz*", "az"},
        {"Crossroads of Peace", "en"},
        {"TRIPP", "en"},
        {"Syunik province", "en"}}},
      {"hakari-checkpoint", {{"Hakari Bridge", "en"}}},
      {"mardakert-aghdara", {{"Mardakert", "en"}, {"Aghdara", "en"}}},
      {"martuni-khojavand", {{"Martuni", "en"}, {"Khojavand", "en"}}},
      {"exodus-2023", {{"Flight of Nagorno-Karabakh Armenians", "en"}}},
      {"conflict-name", {{"Nagorno-Karabakh conflict", "en"}, {"Artsakh conflict", "en"}}},
      {"war-2020", {{"Patriotic War", "en"}, {"44-day war", "en"}}},
      {"russian-peacekeepers", {{"temporarily deployed", "en"}, {"RMK", "en"}}},
  };
  for (const auto& [concept_id, forms] : expected) {
    for (const auto& [form, language] : forms) {
      EXPECT_EQ(ConceptOf(form, language), concept_id) << form << " (" << language << ")";
    }
  }
}

// Every naming set of the glossary that has a table is covered in every language the table
// gives, by entries whose source cites the set ("glossary P5").
TEST_F(KarabakhLexiconTest, CoversEveryGlossarySetInEveryLanguage) {
  if (!SharedExists("reference/naming-glossary.md")) {
    GTEST_SKIP() << "shared/reference/naming-glossary.md is not beside the checkout";
  }
  std::istringstream in(ReadFileOrFail(SharedDir() + "/reference/naming-glossary.md"));
  const std::set<std::string> codes = {"en", "hy", "az", "ru", "uk", "fr", "fa"};
  std::map<std::string, std::set<std::string>> languages_by_set;
  std::string current;
  std::string line;
  while (std::getline(in, line)) {
    // "### P5. Lachin corridor ..." starts the table of set P5.
    if (line.rfind("### ", 0) == 0) {
      const std::size_t dot = line.find('.');
      current = dot == std::string::npos ? "" : line.substr(4, dot - 4);
      continue;
    }
    if (current.empty() || line.rfind("| ", 0) != 0 || line.rfind("| form", 0) == 0) continue;
    // Columns: form | language | used by | source. Drop remarks such as "(from ru)".
    std::vector<std::string> cells;
    std::stringstream row(line.substr(1));
    std::string cell;
    while (std::getline(row, cell, '|')) cells.push_back(cell);
    if (cells.size() < 4) continue;
    std::string language = cells[1];
    if (const std::size_t paren = language.find('('); paren != std::string::npos) {
      language.resize(paren);
    }
    std::string word;
    for (char c : language + " ") {
      if (c >= 'a' && c <= 'z') {
        word += c;
        continue;
      }
      if (codes.count(word) > 0) languages_by_set[current].insert(word);
      word.clear();
    }
  }
  ASSERT_GE(languages_by_set.size(), 20u) << "the glossary's tables were not recognised";
  for (const auto& [set, languages] : languages_by_set) {
    const std::string cite = "glossary " + set;
    std::set<std::string> covered;
    for (const LexiconEntry& e : lex().entries) {
      if (e.kind != LexiconEntry::Kind::kNaming && e.kind != LexiconEntry::Kind::kLoaded) continue;
      for (std::size_t at = e.source.find(cite); at != std::string::npos;
           at = e.source.find(cite, at + 1)) {
        const std::size_t end = at + cite.size();
        if (end == e.source.size() || e.source[end] < '0' || e.source[end] > '9') {
          covered.insert(e.language);
        }
      }
    }
    for (const std::string& language : languages) {
      EXPECT_EQ(covered.count(language), 1u) << "set " << set << " has no entry in " << language;
    }
  }
}

}  // namespace
}  // namespace parallax
