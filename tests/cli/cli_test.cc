// The command line as a user meets it: help, version, errors and exit codes.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <tuple>
#include <vector>

#include <nlohmann/json.hpp>

#include "test_paths.h"

namespace parallax {
namespace {

using testing::RunParallax;

TEST(CliTest, HelpListsEverySubcommand) {
  const auto r = RunParallax({"--help"});
  EXPECT_EQ(r.exit_code, 0);
  for (const char* sub :
       {"report", "ingest", "extract", "clean", "annotate", "match", "align", "lexicon", "scan"}) {
    EXPECT_NE(r.out.find(std::string("  ") + sub + " "), std::string::npos) << sub;
  }
}

TEST(CliTest, SubcommandHelpTeachesWithAnExample) {
  const auto r = RunParallax({"report", "--help"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("Usage: parallax report"), std::string::npos);
  EXPECT_NE(r.out.find("Examples:"), std::string::npos);
  EXPECT_NE(r.out.find("--output"), std::string::npos);
}

TEST(CliTest, VersionPrintsAVersion) {
  const auto r = RunParallax({"--version"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out.rfind("parallax ", 0), 0u);
}

TEST(CliTest, UnknownFlagIsOneLineWithHintAndExit2) {
  const auto r = RunParallax({"report", "--colour"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--colour"), std::string::npos);
  EXPECT_NE(r.err.find("parallax report --help"), std::string::npos);
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1);
}

TEST(CliTest, UnknownSubcommandSuggestsTheNearestOne) {
  const auto r = RunParallax({"reprot"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("Did you mean 'report'?"), std::string::npos);
}

// An abbreviation is not guessed: "report --outlet F" is not "--outlets F" (ingest's --outlet
// names an outlet), and the error names the option meant.
TEST(CliTest, AnAbbreviatedOptionIsAnErrorThatNamesTheWholeOne) {
  const auto r = RunParallax({"report", "--outlet", "outlets.xml"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("(did you mean '--outlets'?)"), std::string::npos) << r.err;
}

TEST(CliTest, UnknownOptionSuggestsTheNearestOneOfTheCommand) {
  const auto typo = RunParallax({"report", "--lexicn", "my.xml"});
  EXPECT_EQ(typo.exit_code, 2);
  EXPECT_NE(typo.err.find("(did you mean '--lexicon'?)"), std::string::npos) << typo.err;
  const auto far = RunParallax({"report", "--zzzz"});
  EXPECT_EQ(far.exit_code, 2);
  EXPECT_EQ(far.err.find("did you mean"), std::string::npos) << far.err;
}

TEST(CliTest, ReportOnShippedCorpusWritesAtomicallyIntoOutputDir) {
  testing::TempDir dir;
  const auto r =
      RunParallax({"report", testing::SourceDir() + "/corpus/lachin-2023", "-o", dir.path()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("report: " + dir.path() + "/report.html"), std::string::npos) << r.out;
  EXPECT_TRUE(std::filesystem::exists(dir.path() + "/report.html"));
  EXPECT_TRUE(std::filesystem::exists(dir.path() + "/report.md"));
  EXPECT_TRUE(std::filesystem::exists(dir.path() + "/report.json"));
  const std::string md = testing::ReadFileOrFail(dir.path() + "/report.md");
  EXPECT_NE(md.find("OC Media"), std::string::npos);
  // Deterministic: a second run gives the same bytes.
  const auto again =
      RunParallax({"report", testing::SourceDir() + "/corpus/lachin-2023", "-o", dir.path()});
  ASSERT_EQ(again.exit_code, 0);
  EXPECT_EQ(testing::ReadFileOrFail(dir.path() + "/report.md"), md);
}

TEST(CliTest, LexiconDraftWritesADraftThatPassesTheCheck) {
  testing::TempDir dir;
  const std::string corpus = testing::SourceDir() + "/corpus/lachin-2023";
  const std::string out = dir.path() + "/draft.xml";
  const auto r = RunParallax({"lexicon", "draft", corpus, "-o", out, "--show", "3"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("wrote " + out), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("  3. "), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("  4. "), std::string::npos) << r.out;
  const std::string xml = testing::ReadFileOrFail(out);
  EXPECT_NE(xml.find("status=\"candidate\""), std::string::npos);
  EXPECT_NE(xml.find("<lexicon id=\"lachin-2023-draft\""), std::string::npos);
  const auto check = RunParallax({"lexicon", "check", out});
  EXPECT_EQ(check.exit_code, 0) << check.err;
  EXPECT_NE(check.err.find("unreviewed candidates"), std::string::npos) << check.err;
  EXPECT_NE(check.out.find("0 error(s), 1 warning(s)"), std::string::npos) << check.out;
  // Without -o the same draft goes to standard output.
  const auto to_stdout = RunParallax({"lexicon", "draft", corpus});
  EXPECT_EQ(to_stdout.exit_code, 0);
  EXPECT_EQ(to_stdout.out, xml);
}

// With the story's lexicon the draft leaves out what the lexicon already matches, and says how
// many candidates it left out, in the summary and in the file's header.
TEST(CliTest, LexiconDraftSaysWhatTheGivenLexiconAlreadyCovers) {
  testing::TempDir dir;
  const std::string story = dir.path() + "/dam";
  std::filesystem::create_directories(story);
  const std::string north =
      "The Miran dam near Oldbridge (Staromost) will supply water to Oldbridge. The Miran dam "
      "project reached its second stage.\n";
  const std::string south =
      "Villagers protested against the Miran barrier in Staromost. The Miran barrier will dry "
      "out the valley around Staromost.\n";
  for (const auto& [file, outlet, text] :
       std::vector<std::tuple<std::string, std::string, std::string>>{
           {"000_oc-media.txt", "oc-media", north},
           {"001_oc-media.txt", "oc-media", north},
           {"002_jamnews.txt", "jamnews", south},
           {"003_jamnews.txt", "jamnews", south}}) {
    testing::WriteFileOrFail(
        story + "/" + file,
        "---\ntitle: Dam\noutlet: " + outlet + "\ndate: 2024-05-01\nlanguage: en\n---\n" + text);
  }
  const std::string lexicon = dir.path() + "/dam.xml";
  testing::WriteFileOrFail(lexicon, R"(<?xml version="1.0" encoding="UTF-8"?>
<lexicon id="dam" lang="en">
  <concepts>
    <concept id="town" label="Oldbridge / Staromost">
      <variant form="Oldbr*" source="t"><note>North's name.</note></variant>
      <variant form="Staromost" source="t"><note>South's name.</note></variant>
    </concept>
  </concepts>
</lexicon>
)");
  const std::string out = dir.path() + "/draft.xml";
  const auto plain = RunParallax({"lexicon", "draft", story, "-o", dir.path() + "/plain.xml"});
  ASSERT_EQ(plain.exit_code, 0) << plain.err;
  EXPECT_NE(plain.out.find("name pair: Oldbridge / Staromost"), std::string::npos) << plain.out;
  EXPECT_EQ(plain.out.find("left out"), std::string::npos) << plain.out;
  const auto r = RunParallax({"lexicon", "draft", story, "--lexicon", lexicon, "-o", out});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.find("Oldbridge / Staromost  ("), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("left out as already covered: the lexicons read match"), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("Oldbridge / Staromost"), std::string::npos) << r.out;
  const std::string xml = testing::ReadFileOrFail(out);
  EXPECT_NE(xml.find("left out as already covered"), std::string::npos) << xml.substr(0, 1500);
  // The draft's concepts are all candidates: --languages says so, never "0 of 0".
  const auto check = RunParallax({"lexicon", "check", "--languages", "en", out});
  EXPECT_EQ(check.exit_code, 0) << check.err;
  EXPECT_NE(check.out.find("languages en: no reviewed concept to count yet: the "),
            std::string::npos)
      << check.out;
  EXPECT_EQ(check.out.find("0 of 0"), std::string::npos) << check.out;
}

// A story pack is checked as a report reads it: with the shipped common lexicons, whose shared
// perspectives it uses. Alone (--no-default-lexicons) those perspectives are unknown.
TEST(CliTest, LexiconCheckReadsAFileWithTheCommonLexicons) {
  const std::string pack = testing::SourceDir() + "/lexicons/karabakh.xml";
  const auto with_common = RunParallax({"lexicon", "check", pack});
  EXPECT_EQ(with_common.exit_code, 0) << with_common.err;
  EXPECT_NE(with_common.out.find(" 0 error(s)"), std::string::npos) << with_common.out;
  const auto alone = RunParallax({"lexicon", "check", "--no-default-lexicons", pack});
  EXPECT_EQ(alone.exit_code, 2);
  EXPECT_NE(alone.err.find("unknown perspective id \"russian-official\""), std::string::npos)
      << alone.err.substr(0, 2000);
  const auto nothing = RunParallax({"lexicon", "check", "--no-default-lexicons"});
  EXPECT_EQ(nothing.exit_code, 2);
  EXPECT_NE(nothing.err.find("needs the files to check"), std::string::npos) << nothing.err;
}

// A form that passes the schema and the form rules but that the matcher refuses ("occupied-*":
// a word, a hyphen, a lone star) fails the check at its line, as it would fail `annotate`.
TEST(CliTest, LexiconCheckCompilesEveryFormAsTheAnnotatorDoes) {
  const std::string file = testing::SourceDir() + "/tests/data/lexicon/wildcard_after_hyphen.xml";
  const auto check = RunParallax({"lexicon", "check", "--no-default-lexicons", file});
  EXPECT_EQ(check.exit_code, 2) << check.out;
  EXPECT_NE(check.err.find("wildcard_after_hyphen.xml:4"), std::string::npos) << check.err;
  EXPECT_NE(check.err.find("occupied-*"), std::string::npos) << check.err;
  EXPECT_NE(check.out.find("1 error(s)"), std::string::npos) << check.out;
}

// --languages lists the concepts with no variant in a language, as warnings at the concept's
// line, and says how many are complete; a bad code is a usage error.
TEST(CliTest, LexiconCheckListsConceptsMissingALanguage) {
  const std::string pack = testing::SourceDir() + "/lexicons/karabakh.xml";
  const auto english = RunParallax({"lexicon", "check", "--languages", "en", pack});
  EXPECT_EQ(english.exit_code, 0) << english.err;
  EXPECT_EQ(english.err.find("has no variant in"), std::string::npos) << english.err;
  EXPECT_NE(english.out.find("concepts have variants in each\n"), std::string::npos) << english.out;
  const auto none =
      RunParallax({"lexicon", "check", "--languages", "zz", "--languages", "en,zz", pack});
  EXPECT_EQ(none.exit_code, 0) << none.err;
  EXPECT_NE(none.err.find("karabakh.xml:"), std::string::npos) << none.err;
  EXPECT_NE(none.err.find("(Stepanakert / Khankendi) has no variant in zz (add <variant"),
            std::string::npos)
      << none.err.substr(0, 2000);
  EXPECT_NE(none.out.find("languages zz, en: 0 of "), std::string::npos) << none.out;
  EXPECT_NE(none.out.find(" are listed above"), std::string::npos) << none.out;
  const auto bad = RunParallax({"lexicon", "check", "--languages", "ru,r1", pack});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("--languages: 'r1' is not a language code"), std::string::npos) << bad.err;
}

// Articles that name no outlet are each an outlet of their own in the draft, as in the report:
// lumped together they read as one outlet whose words are "distinctive".
TEST(CliTest, LexiconDraftCountsEachArticleWithoutOutletApart) {
  testing::TempDir dir;
  const std::string story = dir.path() + "/pasted";
  std::filesystem::create_directories(story);
  for (const char* name : {"p1.txt", "p2.txt", "p3.txt"}) {
    testing::WriteFileOrFail(story + "/" + name,
                             "---\ntitle: Road\ndate: 2023-09-24\nlanguage: en\n---\nThe "
                             "so-called \"eco-activists\" blocked the road near Khankendi "
                             "(Stepanakert) again on Sunday.\n");
  }
  const auto r = RunParallax({"lexicon", "draft", story, "-o", dir.path() + "/draft.xml"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("from 3 articles of 3 outlets"), std::string::npos) << r.out;
  const std::string draft = testing::ReadFileOrFail(dir.path() + "/draft.xml");
  EXPECT_EQ(draft.find("(no outlet)"), std::string::npos);
  EXPECT_NE(draft.find("no-outlet-p2"), std::string::npos);
}

// A README copied into a story folder is skipped with a warning by every command that lists
// the folder; annotate and match name each article without an outlet as the report does.
TEST(CliTest, AFoldersReadmeIsSkippedAndOwnOutletsAreNamed) {
  testing::TempDir dir;
  const std::string story = dir.path() + "/story";
  std::filesystem::create_directories(story);
  testing::WriteFileOrFail(story + "/README.md", "# Workshop notes\n\nNotes for the protest.\n");
  testing::WriteFileOrFail(story + "/pasted-1.txt",
                           "Villagers blocked the highway on Monday to protest the deal.\n");
  const auto report = RunParallax({"report", story, "-o", dir.path() + "/out"});
  ASSERT_EQ(report.exit_code, 0) << report.err;
  EXPECT_NE(report.out.find("1 article from 1 outlet,"), std::string::npos) << report.out;
  EXPECT_NE(report.err.find("README.md: warning: a folder's README"), std::string::npos)
      << report.err;
  const auto match = RunParallax({"match", story});
  ASSERT_EQ(match.exit_code, 0) << match.err;
  EXPECT_NE(match.err.find("README.md: warning: a folder's README"), std::string::npos);
  EXPECT_EQ(match.out.find("Notes for"), std::string::npos) << match.out;
  EXPECT_NE(match.out.find("no-outlet-pasted-1  "), std::string::npos) << match.out;
  // Given by name, it is read.
  const auto named = RunParallax({"annotate", story + "/README.md"});
  ASSERT_EQ(named.exit_code, 0) << named.err;
  EXPECT_NE(named.out.find("== README (no-outlet-readme)"), std::string::npos) << named.out;
}

TEST(CliTest, LexiconDraftHelpAndUsage) {
  const auto help = RunParallax({"lexicon", "draft", "--help"});
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("Usage: parallax lexicon draft"), std::string::npos);
  EXPECT_NE(help.out.find("Examples:"), std::string::npos);
  EXPECT_NE(help.out.find("status=\"candidate\""), std::string::npos);
  const auto check_help = RunParallax({"lexicon", "--help"});
  EXPECT_NE(check_help.out.find("status=\"candidate\""), std::string::npos);
  EXPECT_EQ(RunParallax({"lexicon", "draft"}).exit_code, 2);
  EXPECT_EQ(RunParallax({"lexicon", "draft", "x", "--max-words", "9"}).exit_code, 2);
}

TEST(CliTest, BadArticleDoesNotLoseTheOthers) {
  testing::TempDir dir;
  std::filesystem::copy(testing::SourceDir() + "/corpus/lachin-2023", dir.path() + "/story");
  {
    std::ofstream bad(dir.path() + "/story/999_bad.txt");
    bad << "---\ntitle: Bad\noutlet: jamnews\ndate: 2023-13-01\n---\nText.\n";
  }
  const auto r = RunParallax({"report", dir.path() + "/story", "-o", dir.path() + "/out"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("999_bad.txt:4:"), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("5 articles"), std::string::npos) << r.out;
  // The report itself says which file it leaves out and why, for whoever reads it later.
  const std::string md = testing::ReadFileOrFail(dir.path() + "/out/report.md");
  EXPECT_NE(md.find("1 file of the story folder is not in this report: it could not be read "
                    "(999\\_bad.txt, line 4: bad date '2023-13-01')."),
            std::string::npos)
      << md.substr(0, 600);
  const std::string json = testing::ReadFileOrFail(dir.path() + "/out/report.json");
  EXPECT_NE(json.find("\"left_out_files\": 1"), std::string::npos);
  EXPECT_NE(json.find("\"file\": \"999_bad.txt\""), std::string::npos);
  // A blind report gives the number only: a file name may name its outlet.
  const auto blind =
      RunParallax({"report", dir.path() + "/story", "-o", dir.path() + "/blind", "--blind"});
  EXPECT_EQ(blind.exit_code, 2);
  const std::string blind_md = testing::ReadFileOrFail(dir.path() + "/blind/report.md");
  EXPECT_NE(blind_md.find("1 file of the story folder is not in this report"), std::string::npos);
  EXPECT_EQ(blind_md.find("999"), std::string::npos);
}

// Articles that name no outlet are each an outlet of their own, named by their files in every
// format (blind too): never one blank outlet with empty table cells, headings and claims.
TEST(CliTest, ArticlesWithoutOutletAreNotMergedIntoOneBlankOutlet) {
  testing::TempDir dir;
  std::filesystem::create_directory(dir.path() + "/story");
  const char* texts[] = {
      "Police say four people died in the attack on the village. \"We will find them,\" the "
      "minister said.",
      "The government said the attackers fled. \"This was terrorism,\" the prime minister said.",
      "Residents described the night of the attack. \"We hid in the cellar,\" one woman said."};
  for (int i = 0; i < 3; ++i) {
    std::ofstream(dir.path() + "/story/pasted-" + std::to_string(i + 1) + ".txt")
        << "---\ntitle: Attack on the village " << i + 1 << "\ndate: 2023-09-2" << i + 4
        << "\nlanguage: en\n---\n"
        << texts[i] << "\n";
  }
  const auto r = RunParallax({"report", dir.path() + "/story", "-o", dir.path() + "/out"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("3 articles from 3 outlets"), std::string::npos) << r.out;
  EXPECT_NE(r.err.find("pasted-1.txt:1: warning: article names no outlet"), std::string::npos)
      << r.err;
  const std::string md = testing::ReadFileOrFail(dir.path() + "/out/report.md");
  EXPECT_NE(md.find("| no outlet (pasted-2.txt) | 2023-09-25 |"), std::string::npos) << md;
  EXPECT_EQ(md.find("\n|  |"), std::string::npos) << md;
  EXPECT_EQ(md.find("\n### \n"), std::string::npos) << md;
  EXPECT_EQ(md.find("\n- : "), std::string::npos) << md;
  const std::string csv = testing::ReadFileOrFail(dir.path() + "/out/articles.csv");
  EXPECT_NE(csv.find(",no-outlet-pasted-3,no outlet (pasted-3.txt),"), std::string::npos) << csv;
  const auto json = nlohmann::json::parse(testing::ReadFileOrFail(dir.path() + "/out/report.json"));
  ASSERT_EQ(json["outlets"].size(), 3u);
  EXPECT_EQ(json["outlets"][0]["name"], "no outlet (pasted-1.txt)");
  // Blind: letters in the report, the file names only in the key.
  const auto blind =
      RunParallax({"report", dir.path() + "/story", "-o", dir.path() + "/blind", "--blind"});
  ASSERT_EQ(blind.exit_code, 0) << blind.err;
  EXPECT_EQ(testing::ReadFileOrFail(dir.path() + "/blind/report.md").find("pasted-"),
            std::string::npos);
  EXPECT_NE(testing::ReadFileOrFail(dir.path() + "/blind-key.md").find("no outlet (pasted-1.txt)"),
            std::string::npos);
}

TEST(CliTest, HelpCommandTeachesASubcommand) {
  const auto r = RunParallax({"help", "scan"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("Usage: parallax scan"), std::string::npos);
  EXPECT_NE(r.out.find("--threads"), std::string::npos);
}

TEST(CliTest, CleanShowsRulesPerLine) {
  const auto r =
      RunParallax({"clean", testing::SourceDir() + "/corpus/lachin-2023/004_jamnews.txt"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("[repeated-kicker]"), std::string::npos);
  EXPECT_NE(r.out.find("[related-articles]"), std::string::npos);
}

// --lexicon on every command that reads lexicons: it adds to the shipped common lexicons (the
// cue "so-called" is still found) instead of the whole shipped set (karabakh.xml's
// "Stepanakert" is not), takes one file per flag or a comma list, and never takes the article
// that follows it.
class CliLexiconTest : public ::testing::Test {
 protected:
  void SetUp() override {
    article_ = dir_.path() + "/001_story.txt";
    testing::WriteFileOrFail(article_,
                             "---\ntitle: Northtown\noutlet: oc-media\ndate: 2024-05-01\n"
                             "language: en\n---\nThe so-called aggressor left Northtown, not "
                             "Stepanakert.\n");
  }
  // The matched kinds and words `annotate` prints for the article.
  std::string Annotate(std::vector<std::string> lexicon_args, int* exit_code = nullptr) {
    std::vector<std::string> args = {"annotate"};
    args.insert(args.end(), lexicon_args.begin(), lexicon_args.end());
    args.push_back(article_);
    const auto r = RunParallax(args);
    if (exit_code != nullptr) *exit_code = r.exit_code;
    EXPECT_TRUE(exit_code != nullptr || r.exit_code == 0) << r.err;
    return r.out + r.err;
  }
  const std::string small_ = testing::TestDataDir() + "/lexicon/own_story.xml";
  testing::TempDir dir_;
  std::string article_;
};

TEST_F(CliLexiconTest, AddsToTheCommonLexicons) {
  const std::string shipped = Annotate({});
  EXPECT_NE(shipped.find("\"Stepanakert\""), std::string::npos) << shipped;
  EXPECT_NE(shipped.find("cue  \"so-called\""), std::string::npos) << shipped;
  EXPECT_EQ(shipped.find("\"Northtown\""), std::string::npos) << shipped;

  const std::string added = Annotate({"--lexicon", small_});  // the article follows the flag
  EXPECT_NE(added.find("naming  \"Northtown\""), std::string::npos) << added;
  EXPECT_NE(added.find("loaded  \"aggressor\""), std::string::npos) << added;
  EXPECT_NE(added.find("cue  \"so-called\""), std::string::npos) << added;
  EXPECT_EQ(added.find("\"Stepanakert\""), std::string::npos) << added;
  EXPECT_EQ(added.find("001_story.txt:"), std::string::npos) << "read as a lexicon: " << added;

  const std::string only = Annotate({"--lexicon", small_, "--no-default-lexicons"});
  EXPECT_NE(only.find("naming  \"Northtown\""), std::string::npos) << only;
  EXPECT_EQ(only.find("\"so-called\""), std::string::npos) << only;
}

TEST_F(CliLexiconTest, TakesACommaListOrOneFilePerFlag) {
  const std::string karabakh = testing::SourceDir() + "/lexicons/karabakh.xml";
  for (const auto& args :
       std::vector<std::vector<std::string>>{{"--lexicon", small_ + "," + karabakh},
                                             {"--lexicon=" + small_, "--lexicon", karabakh}}) {
    const std::string both = Annotate(args);
    EXPECT_NE(both.find("naming  \"Northtown\""), std::string::npos) << both;
    EXPECT_NE(both.find("naming  \"Stepanakert\""), std::string::npos) << both;
    EXPECT_NE(both.find("cue  \"so-called\""), std::string::npos) << both;
  }
  int code = 0;
  const std::string alone = Annotate({"--no-default-lexicons"}, &code);
  EXPECT_EQ(code, 2);
  EXPECT_NE(alone.find("--lexicon FILE"), std::string::npos) << alone;
}

TEST_F(CliLexiconTest, EveryCommandTakesTheSameFlags) {
  testing::WriteFileOrFail(dir_.path() + "/records.jsonl",
                           "{\"title\": \"T\", \"outlet\": \"oc-media\", \"date\": "
                           "\"2024-05-01\", \"body\": \"They left Northtown.\"}\n");
  const auto scan = RunParallax({"scan", "--lexicon", small_, dir_.path() + "/records.jsonl"});
  EXPECT_EQ(scan.exit_code, 0) << scan.err;
  EXPECT_EQ(std::count(scan.out.begin(), scan.out.end(), '\n'), 1) << scan.out;
  EXPECT_NE(scan.out.find("Northtown"), std::string::npos) << scan.out;
  const auto match = RunParallax({"match", "--lexicon", small_, article_});
  EXPECT_EQ(match.exit_code, 0) << match.err;
  EXPECT_NE(match.out.find("Northtown"), std::string::npos) << match.out;
  const auto report = RunParallax(
      {"report", "--lexicon", small_, dir_.path(), "-o", dir_.path() + "/out", "--format", "md"});
  EXPECT_EQ(report.exit_code, 0) << report.err;
  EXPECT_NE(testing::ReadFileOrFail(dir_.path() + "/out/report.md").find("Northtown"),
            std::string::npos);
  const auto align = RunParallax({"align", "--lexicon", small_, dir_.path()});
  EXPECT_EQ(align.exit_code, 0) << align.err;
  const auto neither = RunParallax({"align", "--no-lexicon", "--lexicon", small_, dir_.path()});
  EXPECT_EQ(neither.exit_code, 2);
}

TEST_F(CliLexiconTest, UnknownOutletWarningNamesTheOutletsFlag) {
  testing::WriteFileOrFail(article_,
                           "---\ntitle: T\noutlet: tbilisi-daily\ndate: 2024-05-01\n---\nText.\n");
  const auto r = RunParallax({"report", dir_.path(), "-o", dir_.path() + "/out"});
  EXPECT_NE(r.err.find("outlet 'tbilisi-daily' is not in"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("--outlets FILE"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("add it there"), std::string::npos) << r.err;
}

// A story outside every shipped lexicon's scope: the report says the lexicon does not fit, in
// the terminal and in the report, points to `lexicon draft`, and colours no outlet.
TEST(CliLexiconFitTest, AReportOnAnotherStorySaysTheLexiconDoesNotFit) {
  testing::TempDir dir;
  const std::string story = dir.path() + "/law-vote";
  std::filesystem::create_directories(story);
  testing::WriteFileOrFail(
      story + "/000_oc-media.txt",
      "---\ntitle: Bill passes first reading\noutlet: oc-media\ndate: 2023-03-07\nlanguage: en\n"
      "---\nThousands joined protests outside parliament after lawmakers passed the bill on "
      "foreign influence in a first reading.\n");
  testing::WriteFileOrFail(
      story + "/001_jamnews.txt",
      "---\ntitle: Ruling party blames abroad\noutlet: jamnews\ndate: 2023-03-08\nlanguage: en\n"
      "---\nThe ruling party said the protests were organised from abroad.\n");
  const auto r = testing::RunParallax({"report", story, "-o", dir.path() + "/out"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("Lexicon karabakh does not fit this story: 0 of 2 articles"),
            std::string::npos)
      << r.out;
  // What to do is said once, after the three lexicons, with the story's folder.
  EXPECT_EQ(r.out.find("parallax lexicon draft"), r.out.rfind("parallax lexicon draft"));
  EXPECT_NE(r.out.find("'parallax lexicon draft " + story + " -o draft.xml'"), std::string::npos)
      << r.out;
  const std::string md = testing::ReadFileOrFail(dir.path() + "/out/report.md");
  EXPECT_NE(md.find("does not fit this story"), std::string::npos);
  EXPECT_NE(md.find("'parallax lexicon draft law-vote -o draft.xml'"), std::string::npos);
  // No empty naming table: the section says why it has none.
  EXPECT_NE(md.find("No article uses a naming form of the lexicons read"), std::string::npos);
  EXPECT_EQ(md.find("| concept |"), std::string::npos);
  const auto json = nlohmann::json::parse(testing::ReadFileOrFail(dir.path() + "/out/report.json"));
  ASSERT_EQ(json["lexicon_fit"].size(), 3u);  // georgia, karabakh, russia-ukraine
  for (const auto& fit : json["lexicon_fit"]) {
    EXPECT_FALSE(fit["fits"].get<bool>());
    EXPECT_FALSE(fit["chosen"].get<bool>());
  }

  // The same story with the Karabakh pack chosen by the user: it is reported as chosen, counts
  // in every article, and the terminal tells how to widen its scope instead of drafting another.
  const auto chosen =
      testing::RunParallax({"report", story, "-o", dir.path() + "/chosen", "--lexicon",
                            testing::SourceDir() + "/lexicons/karabakh.xml"});
  ASSERT_EQ(chosen.exit_code, 0) << chosen.err;
  EXPECT_NE(chosen.out.find("Lexicon karabakh, given with --lexicon, fits this story poorly"),
            std::string::npos)
      << chosen.out;
  EXPECT_EQ(chosen.out.find("parallax lexicon draft"), std::string::npos) << chosen.out;
  const auto chosen_json =
      nlohmann::json::parse(testing::ReadFileOrFail(dir.path() + "/chosen/report.json"));
  ASSERT_EQ(chosen_json["lexicon_fit"].size(), 1u);
  EXPECT_TRUE(chosen_json["lexicon_fit"][0]["chosen"].get<bool>());
}

// A language with no reporting cue in the lexicons: the summary, the Markdown and the HTML
// report say that its quotations stay unattributed and how to add cues; a story in languages
// the common lexicons cover says nothing of the kind. Serbian and Albanian have cues
// (common/sr.xml, common/sq.xml): of the Banjska trial's languages, only Macedonian is named.
TEST(CliReportingCuesTest, ALanguageWithoutReportingCuesIsNamed) {
  testing::TempDir dir;
  const std::string story = dir.path() + "/banjska";
  std::filesystem::create_directories(story);
  testing::WriteFileOrFail(
      story + "/000_kurir.txt",
      "---\ntitle: Napad u Banjskoj\noutlet: kurir\ndate: 2023-09-24\nlanguage: sr\n---\n"
      "\"Srbija nikada neće priznati nezavisnost\", rekao je predsednik.\n");
  testing::WriteFileOrFail(
      story + "/001_efe.txt",
      "---\ntitle: Siege ends\noutlet: efe\ndate: 2023-09-24\nlanguage: en\n---\n"
      "\"The siege is over,\" the police said.\n");
  testing::WriteFileOrFail(
      story + "/002_koha.txt",
      "---\ntitle: Sulmi në Banjskë\noutlet: koha\ndate: 2023-09-24\nlanguage: sq\n---\n"
      "\u201CSituata është nën kontroll\u201D, tha ministri.\n");
  testing::WriteFileOrFail(
      story + "/003_mia.txt",
      "---\ntitle: Напад во Бањска\noutlet: mia\ndate: 2023-09-24\nlanguage: mk\n---\n"
      "\u201EСитуацијата е под контрола\u201C, рече министерот.\n");
  const auto r =
      testing::RunParallax({"report", story, "-o", dir.path() + "/out", "--format", "html,md"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("No reporting cues for mk (1 article)"), std::string::npos) << r.out;
  EXPECT_NE(testing::ReadFileOrFail(dir.path() + "/out/report.md").find("No reporting cues for mk"),
            std::string::npos);
  EXPECT_NE(
      testing::ReadFileOrFail(dir.path() + "/out/report.html").find("No reporting cues for mk"),
      std::string::npos);
  const auto shipped = testing::RunParallax({"report", "-o", dir.path() + "/shipped"});
  ASSERT_EQ(shipped.exit_code, 0) << shipped.err;
  EXPECT_EQ(shipped.out.find("No reporting cues"), std::string::npos) << shipped.out;
  // English reporting verbs are built in: without any lexicon cue English is not named.
  const auto own = testing::RunParallax(
      {"report", story, "-o", dir.path() + "/own", "--no-default-lexicons", "--lexicon",
       testing::SourceDir() + "/tests/data/lexicon/own_story.xml"});
  ASSERT_EQ(own.exit_code, 0) << own.err;
  EXPECT_NE(own.out.find("No reporting cues for mk, sq, sr (3 articles)"), std::string::npos)
      << own.out;
}

// A stray .docx in a story folder is skipped with a warning by lexicon draft, annotate and match
// as by the report: the others are read, and the command succeeds.
TEST(CliTest, AStrayDocumentInTheStoryFolderIsSkippedByEveryCommand) {
  testing::TempDir dir;
  const std::string story = dir.path() + "/story";
  std::filesystem::create_directories(story);
  for (const char* name : {"p1.txt", "p2.txt"}) {
    testing::WriteFileOrFail(story + "/" + name,
                             "---\ntitle: Road\noutlet: " + std::string(name, 2) +
                                 "\ndate: 2023-09-24\nlanguage: en\n---\nThe so-called "
                                 "\"eco-activists\" blocked the road again on Sunday.\n");
  }
  testing::WriteFileOrFail(story + "/notes.docx", std::string("PK\x03\x04word/doc\0\0", 14));
  const std::string skipped = "notes.docx: warning: not an article file";
  const auto report = RunParallax({"report", story, "-o", dir.path() + "/out", "--quiet"});
  EXPECT_EQ(report.exit_code, 0) << report.err;
  EXPECT_NE(report.err.find("notes.docx: warning: not an article file; skipped"), std::string::npos)
      << report.err;
  const auto draft = RunParallax({"lexicon", "draft", story, "-o", dir.path() + "/draft.xml"});
  EXPECT_EQ(draft.exit_code, 0) << draft.err;
  EXPECT_NE(draft.err.find(skipped), std::string::npos) << draft.err;
  EXPECT_NE(draft.out.find("from 2 articles of 2 outlets"), std::string::npos) << draft.out;
  for (const char* command : {"annotate", "match"}) {
    const auto r = RunParallax({command, story});
    EXPECT_EQ(r.exit_code, 0) << command << r.err;
    EXPECT_NE(r.err.find(skipped), std::string::npos) << command << r.err;
    EXPECT_EQ(r.err.find("error"), std::string::npos) << command << r.err;
  }
}

// `outlet: CNN` in one article and `outlet: cnn` in another are the outlets file's `cnn`: the
// report has one column for it, not two both headed "CNN".
TEST(CliTest, OutletIdsMatchTheOutletsFileInAnyCase) {
  testing::TempDir dir;
  const std::string story = dir.path() + "/story";
  std::filesystem::create_directories(story);
  testing::WriteFileOrFail(dir.path() + "/outlets.xml",
                           "<outlets><outlet id='cnn'><name>CNN</name></outlet>"
                           "<outlet id='bbc'><name>BBC</name></outlet></outlets>\n");
  for (const auto& [file, outlet] : std::vector<std::pair<std::string, std::string>>{
           {"a.txt", "CNN"}, {"b.txt", "cnn"}, {"c.txt", "BBC"}}) {
    testing::WriteFileOrFail(story + "/" + file, "---\ntitle: T\noutlet: " + outlet +
                                                     "\ndate: 2024-03-01\nlanguage: en\n---\n"
                                                     "The leader said the talks had stalled.\n");
  }
  const auto r = RunParallax({"report", story, "--outlets", dir.path() + "/outlets.xml", "-o",
                              dir.path() + "/out", "--format", "json", "--quiet"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err.find("is not in"), std::string::npos) << r.err;
  const auto json = nlohmann::json::parse(testing::ReadFileOrFail(dir.path() + "/out/report.json"));
  ASSERT_EQ(json["outlets"].size(), 2u) << json["outlets"].dump();
  EXPECT_EQ(json["outlets"][0]["outlet"], "cnn");
  EXPECT_EQ(json["outlets"][1]["outlet"], "bbc");
}

// Cues match in a text of any language: Romanian reporting cues in a lexicon whose lang is
// English (written without lang=) cover the Romanian articles they match in, so the report
// does not say Romanian has none.
TEST(CliReportingCuesTest, CuesOfAnotherLanguageTagThatMatchCoverTheLanguage) {
  testing::TempDir dir;
  const std::string story = dir.path() + "/gas";
  std::filesystem::create_directories(story);
  testing::WriteFileOrFail(story + "/000_ziar.txt",
                           "---\ntitle: Gaz\noutlet: ziar\ndate: 2025-01-02\nlanguage: ro\n---\n"
                           "Ministrul a declarat că livrările de gaz vor continua.\n");
  const std::string cues = dir.path() + "/ro-cues.xml";
  testing::WriteFileOrFail(cues,
                           "<lexicon id=\"ro-cues\" lang=\"en\"><cues>"
                           "<cue type=\"reporting\" stance=\"neutral\" form=\"a declarat\"/>"
                           "</cues></lexicon>\n");
  const auto without = testing::RunParallax({"report", story, "-o", dir.path() + "/without"});
  ASSERT_EQ(without.exit_code, 0) << without.err;
  EXPECT_NE(without.out.find("No reporting cues for ro (1 article)"), std::string::npos)
      << without.out;
  const auto with =
      testing::RunParallax({"report", story, "-o", dir.path() + "/with", "--lexicon", cues});
  ASSERT_EQ(with.exit_code, 0) << with.err;
  EXPECT_EQ(with.out.find("No reporting cues"), std::string::npos) << with.out;
}

// A lexicon with no scope (loaded terms, no place and no actor) counts in every article: the
// summary, the Markdown report and report.json say it applies everywhere.
TEST(CliLexiconFitTest, ALexiconWithoutScopeIsNamedAsAppliedEverywhere) {
  testing::TempDir dir;
  const std::string story = dir.path() + "/gas";
  std::filesystem::create_directories(story);
  testing::WriteFileOrFail(story + "/000_a.txt",
                           "---\ntitle: Gas\noutlet: a\ndate: 2025-01-02\nlanguage: en\n---\n"
                           "Officials spoke of gas blackmail on Monday.\n");
  testing::WriteFileOrFail(story + "/001_b.txt",
                           "---\ntitle: Gas\noutlet: b\ndate: 2025-01-02\nlanguage: en\n---\n"
                           "Supplies resumed on Tuesday.\n");
  const std::string lexicon = dir.path() + "/gas.xml";
  testing::WriteFileOrFail(
      lexicon,
      "<lexicon id=\"gas\" lang=\"en\"><loaded-terms><term form=\"gas blackmail\" "
      "category=\"accusation\" source=\"s\"><note>n</note></term></loaded-terms></lexicon>\n");
  const auto r = testing::RunParallax(
      {"report", story, "-o", dir.path() + "/out", "--format", "md,json", "--lexicon", lexicon});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("Lexicon gas applies to every article"), std::string::npos) << r.out;
  EXPECT_NE(testing::ReadFileOrFail(dir.path() + "/out/report.md")
                .find("Lexicon gas applies to every article"),
            std::string::npos);
  const auto json = nlohmann::json::parse(testing::ReadFileOrFail(dir.path() + "/out/report.json"));
  ASSERT_EQ(json["lexicon_fit"].size(), 1u) << json["lexicon_fit"].dump();
  EXPECT_TRUE(json["lexicon_fit"][0]["everywhere"].get<bool>());
  // `lexicon check` says so too.
  const auto check = testing::RunParallax({"lexicon", "check", lexicon});
  EXPECT_EQ(check.exit_code, 0) << check.err;
  EXPECT_NE((check.out + check.err).find("no scope: its forms count in every article"),
            std::string::npos)
      << check.out << check.err;
}

}  // namespace
}  // namespace parallax
