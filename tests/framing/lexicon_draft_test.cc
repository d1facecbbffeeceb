#include "framing/lexicon_draft.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/file_io.h"
#include "corpus/corpus.h"
#include "framing/draft_xml.h"
#include "framing/phrase_table.h"
#include "test_paths.h"
#include "text/utf8.h"

namespace parallax {
namespace {

std::string Lower(const std::string& s) { return SimpleLowercase(s); }

bool HasForm(const DraftCandidate& c, const std::string& form) {
  return std::any_of(c.forms.begin(), c.forms.end(),
                     [&](const DraftForm& f) { return Lower(f.form) == Lower(form); });
}

// Rank (0-based) of the first candidate holding all `forms`; -1 when none does.
int RankOf(const LexiconDraft& draft, const std::vector<std::string>& forms) {
  for (std::size_t i = 0; i < draft.candidates.size(); ++i) {
    const DraftCandidate& c = draft.candidates[i];
    if (std::all_of(forms.begin(), forms.end(),
                    [&](const std::string& f) { return HasForm(c, f); })) {
      return static_cast<int>(i);
    }
  }
  return -1;
}

std::string Dump(const LexiconDraft& draft, std::size_t n = 25) {
  std::string out;
  for (std::size_t i = 0; i < draft.candidates.size() && i < n; ++i) {
    const DraftCandidate& c = draft.candidates[i];
    out += std::to_string(i + 1) + ". " + DraftKindName(c.kind) + ":";
    for (const DraftForm& f : c.forms) out += " [" + f.form + "]";
    out += "\n";
  }
  return out;
}

std::string DumpDiagnostics(const Diagnostics& diagnostics) {
  std::string out;
  for (const Diagnostic& d : diagnostics) out += d.ToString() + "\n";
  return out;
}

// The draft of articles with the shipped common lexicons (cues), as `lexicon draft` makes it.
class Drafted {
 public:
  Drafted(std::vector<Article> articles, const OutletsFile* outlets)
      : articles_(std::move(articles)),
        lexicon_(LoadLexicons(CommonLexiconPaths(testing::SourceDir() + "/lexicons")).lexicon),
        annotator_(lexicon_) {
    for (const Article& a : articles_) annotations_.push_back(annotator_.Annotate(a));
    draft_ = DraftLexicon(articles_, annotations_, lexicon_, outlets);
  }
  const LexiconDraft& draft() const { return draft_; }
  const Lexicon& lexicon() const { return lexicon_; }
  const std::vector<Article>& articles() const { return articles_; }
  const std::vector<ArticleAnnotations>& annotations() const { return annotations_; }

 private:
  std::vector<Article> articles_;
  Lexicon lexicon_;
  Annotator annotator_;
  std::vector<ArticleAnnotations> annotations_;
  LexiconDraft draft_;
};

class LexiconDraftShippedCorpusTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const std::string root = testing::SourceDir();
    outlets_ = new OutletsFile(LoadOutlets(root + "/corpus/outlets.xml").file);
    drafted_ = new Drafted(LoadCorpus(root + "/corpus/lachin-2023", *outlets_).articles, outlets_);
  }
  static void TearDownTestSuite() {
    delete drafted_;
    delete outlets_;
  }
  static OutletsFile* outlets_;
  static Drafted* drafted_;
};
OutletsFile* LexiconDraftShippedCorpusTest::outlets_ = nullptr;
Drafted* LexiconDraftShippedCorpusTest::drafted_ = nullptr;

constexpr int kTop = 20;

TEST_F(LexiconDraftShippedCorpusTest, RecoversTheSeedNamingPairs) {
  const LexiconDraft& d = drafted_->draft();
  ASSERT_EQ(d.articles, 5u);
  const int khankendi = RankOf(d, {"Khankendi", "Stepanakert"});
  const int shusha = RankOf(d, {"Shusha", "Shushi"});
  const int lachin = RankOf(d, {"Lachin corridor", "Lachin road"});
  EXPECT_GE(khankendi, 0) << Dump(d);
  EXPECT_LT(khankendi, kTop) << Dump(d);
  EXPECT_GE(shusha, 0) << Dump(d);
  EXPECT_LT(shusha, kTop) << Dump(d);
  EXPECT_GE(lachin, 0) << Dump(d);
  EXPECT_LT(lachin, kTop) << Dump(d);
  for (int rank : {khankendi, shusha, lachin}) {
    if (rank < 0) continue;
    const DraftCandidate& c = d.candidates[static_cast<std::size_t>(rank)];
    EXPECT_TRUE(c.kind == DraftCandidate::Kind::kNamePair ||
                c.kind == DraftCandidate::Kind::kVariantGroup);
    EXPECT_FALSE(c.kwic.empty());
    EXPECT_LE(c.kwic.size(), 2u);
    EXPECT_FALSE(c.findings.empty());
  }
}

TEST_F(LexiconDraftShippedCorpusTest, EcoActivistsAmongTheTopCandidates) {
  const LexiconDraft& d = drafted_->draft();
  const int rank = RankOf(d, {"eco-activists"});
  ASSERT_GE(rank, 0) << Dump(d);
  EXPECT_LT(rank, kTop) << Dump(d);
  const DraftCandidate& c = d.candidates[static_cast<std::size_t>(rank)];
  EXPECT_EQ(c.kind, DraftCandidate::Kind::kDistanced);
  EXPECT_EQ(c.evidence_per_outlet.count("oc-media"), 1u);
  EXPECT_GE(c.forms[0].total(), 2);  // OC Media's scare quotes and EDM's own use
}

TEST_F(LexiconDraftShippedCorpusTest, CountsPerOutletAreRight) {
  const LexiconDraft& d = drafted_->draft();
  const int rank = RankOf(d, {"Khankendi", "Stepanakert"});
  ASSERT_GE(rank, 0);
  for (const DraftForm& f : d.candidates[static_cast<std::size_t>(rank)].forms) {
    if (Lower(f.form) == "stepanakert") {
      EXPECT_EQ(f.per_outlet.at("jamnews"), 2);
      EXPECT_EQ(f.per_outlet.at("kommersant"), 1);
      EXPECT_EQ(f.per_outlet.count("eurasia-daily-monitor"), 0u);
    }
  }
}

TEST_F(LexiconDraftShippedCorpusTest, DistinctivePhrasesHaveNoFunctionWordsAtTheEdgesOrNumbers) {
  int distinctive = 0;
  for (const DraftCandidate& c : drafted_->draft().candidates) {
    if (c.kind != DraftCandidate::Kind::kDistinctive) continue;
    ++distinctive;
    const std::string form = Lower(c.forms[0].form);
    EXPECT_EQ(form.find_first_of("0123456789"), std::string::npos) << form;
    EXPECT_NE(form.substr(0, 4), "the ") << form;
    EXPECT_GE(c.score, 1.0) << form;
    EXPECT_FALSE(c.favoured_by.empty());
  }
  EXPECT_GT(distinctive, 5);
}

TEST_F(LexiconDraftShippedCorpusTest, OutputPassesLexiconCheckAndIsDeterministic) {
  DraftXmlOptions options;
  options.id = DraftLexiconId("lachin-2023");
  options.corpus = "lachin-2023";
  const std::string xml = DraftToXml(drafted_->draft(), options);
  const LexiconLoadResult r = LoadLexiconSources({{"draft.xml", xml}});
  EXPECT_TRUE(r.ok()) << DumpDiagnostics(r.diagnostics) << xml;
  // The only warning says the entries are candidates, as many as the draft counts (a concept
  // once with its variants).
  ASSERT_EQ(r.diagnostics.size(), 1u) << DumpDiagnostics(r.diagnostics);
  EXPECT_NE(r.diagnostics[0].message.find(std::to_string(drafted_->draft().candidates.size()) +
                                          " unreviewed candidates"),
            std::string::npos)
      << r.diagnostics[0].message;
  EXPECT_GE(r.lexicon.concepts.size(), 3u);
  for (const LexiconEntry& e : r.lexicon.entries) EXPECT_TRUE(e.candidate) << e.form;
  const LexiconDraft again =
      DraftLexicon(drafted_->articles(), drafted_->annotations(), drafted_->lexicon(), outlets_);
  EXPECT_EQ(DraftToXml(again, options), xml);
}

TEST_F(LexiconDraftShippedCorpusTest, FormsTheLexiconHoldsAreLeftOut) {
  LexiconLoadResult with_pack = LoadLexicons(
      DefaultLexiconPaths(testing::SourceDir() + "/lexicons"));  // common + karabakh.xml
  ASSERT_TRUE(with_pack.ok());
  const LexiconDraft d =
      DraftLexicon(drafted_->articles(), drafted_->annotations(), with_pack.lexicon, outlets_);
  EXPECT_LT(RankOf(d, {"Khankendi", "Stepanakert"}), 0) << Dump(d);
  EXPECT_LT(RankOf(d, {"Lachin corridor"}), 0) << Dump(d);
}

// An invented story, two outlets, four short articles: the method is not tuned to Karabakh.
Article Make(const std::string& id, const std::string& outlet, const std::string& text) {
  Article a;
  a.id = id;
  a.outlet = outlet;
  a.language = "en";
  a.body = text;
  a.text = text;
  return a;
}

// The invented story: a dam north-news calls the Miran dam in Oldbridge, south-post the Miran
// barrier in Staromost; north-news holds the "water defenders" at a distance.
std::vector<Article> MiranStory() {
  return {
      Make("n1", "north-news",
           "Workers resumed building the Miran dam on Monday near Oldbridge (Staromost).\n\n"
           "The Miran dam will supply water to Oldbridge, officials said. So-called water "
           "defenders blocked the access road for an hour."),
      Make("n2", "north-news",
           "The Miran dam project reached its second stage. Engineers at the Miran dam in "
           "Oldbridge said the reservoir would fill by spring.\n\n"
           "Police removed the ‘water defenders’ from the site."),
      Make("s1", "south-post",
           "Villagers protested against the Miran barrier in Staromost, which the north calls "
           "Oldbridge.\n\n"
           "Water defenders say the Miran barrier will dry out the valley. The Miran barrier "
           "diverts the river."),
      Make("s2", "south-post",
           "Water defenders marched again to the Miran barrier near Staromost on Friday. Farmers "
           "fear the Miran barrier will ruin the harvest in the valley."),
  };
}

TEST(LexiconDraftTest, InventedStoryGivesSensibleCandidates) {
  const std::vector<Article> articles = MiranStory();
  const Drafted drafted(articles, nullptr);
  const LexiconDraft& d = drafted.draft();
  EXPECT_EQ(d.outlets, (std::vector<std::string>{"north-news", "south-post"}));
  const int pair = RankOf(d, {"Oldbridge", "Staromost"});
  ASSERT_GE(pair, 0) << Dump(d);
  EXPECT_EQ(d.candidates[static_cast<std::size_t>(pair)].kind, DraftCandidate::Kind::kNamePair);
  const int group = RankOf(d, {"Miran dam", "Miran barrier"});
  ASSERT_GE(group, 0) << Dump(d);
  const int distanced = RankOf(d, {"water defenders"});
  ASSERT_GE(distanced, 0) << Dump(d);
  EXPECT_EQ(d.candidates[static_cast<std::size_t>(distanced)].kind,
            DraftCandidate::Kind::kDistanced);
  EXPECT_EQ(d.candidates[static_cast<std::size_t>(distanced)].evidence_per_outlet,
            (std::map<std::string, int>{{"north-news", 2}}));
  const LexiconLoadResult r = LoadLexiconSources({{"d.xml", DraftToXml(d)}});
  EXPECT_TRUE(r.ok()) << DumpDiagnostics(r.diagnostics);
}

TEST(LexiconDraftTest, RussianIsComparedOnStems) {
  Article a =
      Make("r1", "north", "Строительство плотины Тесса возобновлено. Плотина Тесса готова.");
  Article b = Make("r2", "north", "Министр посетил плотину Тесса.");
  Article c = Make("r3", "south", "Жители против дамбы Тесса. Дамба Тесса затопит сады.");
  Article d =
      Make("r4", "south", "Полиция у дамбы Тесса задержала так называемых защитников реки.");
  for (Article* x : {&a, &b, &c, &d}) x->language = "ru";
  const Drafted drafted({a, b, c, d}, nullptr);
  const int group = RankOf(drafted.draft(), {"плотины Тесса", "дамбы Тесса"});
  ASSERT_GE(group, 0) << Dump(drafted.draft());
  for (const DraftForm& f : drafted.draft().candidates[static_cast<std::size_t>(group)].forms) {
    EXPECT_TRUE(f.stem);
    EXPECT_EQ(f.language, "ru");
    EXPECT_EQ(f.total(), Lower(f.form) == "плотины тесса" ? 3 : 3) << f.form;
  }
  const std::string xml = DraftToXml(drafted.draft());
  EXPECT_NE(xml.find("stem=\"true\""), std::string::npos);
  const LexiconLoadResult r = LoadLexiconSources({{"ru.xml", xml}});
  EXPECT_TRUE(r.ok()) << DumpDiagnostics(r.diagnostics) << xml;
}

// Two names that stem alike (Шуши, Шуша: both stem to шуш) are a pair told apart as written:
// each is counted as spelt, per outlet, and drafted unstemmed.
TEST(LexiconDraftTest, NamesThatStemAlikeStayApart) {
  Article a = Make("r1", "north", "За нами остался город Шуши (Шуша). Шуши стоит на горе.");
  Article b = Make("r2", "north", "В Шуши прошёл митинг.");
  Article c = Make("r3", "south", "Шуша освобождена. Шуша — древний город.");
  Article d = Make("r4", "south", "Город Шуша восстановлен.");
  for (Article* x : {&a, &b, &c, &d}) x->language = "ru";
  const Drafted drafted({a, b, c, d}, nullptr);
  const int pair = RankOf(drafted.draft(), {"Шуши", "Шуша"});
  ASSERT_GE(pair, 0) << Dump(drafted.draft());
  const DraftCandidate& candidate = drafted.draft().candidates[static_cast<std::size_t>(pair)];
  EXPECT_EQ(candidate.kind, DraftCandidate::Kind::kNamePair);
  ASSERT_EQ(candidate.forms.size(), 2u);
  for (const DraftForm& f : candidate.forms) {
    EXPECT_FALSE(f.stem) << f.form;
    EXPECT_EQ(f.language, "ru") << f.form;
    EXPECT_EQ(f.per_outlet, f.form == "Шуши"
                                ? (std::map<std::string, int>{{"north", 3}})
                                : (std::map<std::string, int>{{"north", 1}, {"south", 3}}))
        << f.form;
  }
  const LexiconLoadResult r = LoadLexiconSources({{"ru.xml", DraftToXml(drafted.draft())}});
  EXPECT_TRUE(r.ok()) << DumpDiagnostics(r.diagnostics);
}

// "Voskepar (Armenia)" says where a village is, not what else it is called: a bracket holding
// a place of the common lexicon (a country, a capital, a province) is no name pair, unless both
// names are that place ("Kyiv (Kiev)").
TEST(LexiconDraftTest, ABracketThatSaysWhereIsNoNamePair) {
  const std::vector<Article> articles = {
      Make("a1", "north",
           "Talks in Voskepar (Armenia) and Kirants (Tavush) ended. Oldbridge "
           "(Staromost) was quiet, and the mayor flew to Kyiv (Kiev)."),
      Make("a2", "south",
           "Voskepar (Armenia) and Berkaber (Armenia) voted. Oldbridge (Staromost) "
           "voted too."),
  };
  const Drafted drafted(articles, nullptr);
  const LexiconDraft& d = drafted.draft();
  EXPECT_GE(RankOf(d, {"Oldbridge", "Staromost"}), 0) << Dump(d);
  EXPECT_GE(RankOf(d, {"Kyiv", "Kiev"}), 0) << Dump(d);
  for (const DraftCandidate& c : d.candidates) {
    if (c.kind != DraftCandidate::Kind::kNamePair) continue;
    for (const DraftForm& f : c.forms) {
      EXPECT_NE(f.form, "Armenia") << Dump(d);
      EXPECT_NE(f.form, "Tavush") << Dump(d);
    }
  }
}

// A stem-alike pair the lexicon already holds, as written, is not drafted again.
TEST(LexiconDraftTest, AStemAlikePairTheLexiconHoldsIsNotDraftedAgain) {
  const std::string pack = R"(<?xml version="1.0" encoding="UTF-8"?>
<lexicon id="x" lang="ru" stem-languages="ru">
  <concepts>
    <concept id="city" label="Shushi / Shusha">
      <variant form="Шуши" stem="false" source="t"><note>One spelling.</note></variant>
      <variant form="Шуша" stem="false" source="t"><note>The other.</note></variant>
    </concept>
  </concepts>
</lexicon>)";
  const LexiconLoadResult r = LoadLexiconSources({{"pack.xml", pack}});
  ASSERT_TRUE(r.ok()) << DumpDiagnostics(r.diagnostics);
  Article a = Make("r1", "north", "За нами остался город Шуши (Шуша). Шуши стоит на горе.");
  Article b = Make("r2", "south", "Город Шуша восстановлен. Шуша — древний город.");
  for (Article* x : {&a, &b}) x->language = "ru";
  const Annotator annotator(r.lexicon);
  const std::vector<Article> articles = {a, b};
  const std::vector<ArticleAnnotations> annotations = {annotator.Annotate(a),
                                                       annotator.Annotate(b)};
  const LexiconDraft d = DraftLexicon(articles, annotations, r.lexicon, nullptr);
  EXPECT_LT(RankOf(d, {"Шуши", "Шуша"}), 0) << Dump(d);
}

// A name that only begins with a place's name ("Crimean Tatars", not Crimea) is no place: the
// pair stays.
TEST(LexiconDraftTest, ANameThatOnlyBeginsWithAPlaceIsNoPlace) {
  const std::vector<Article> articles = {
      Make("c1", "north", "The Qirimlilar (Crimean Tatars) met in Kyiv."),
      Make("c2", "south", "The Qirimlilar (Crimean Tatars) met again."),
  };
  const Drafted drafted(articles, nullptr);
  EXPECT_GE(RankOf(drafted.draft(), {"Qirimlilar", "Crimean Tatars"}), 0) << Dump(drafted.draft());
}

TEST(LexiconDraftTest, OutletsWithOneBaseAreAlsoComparedAsAGroup) {
  OutletsFile outlets;
  for (const auto& [id, base] : std::vector<std::pair<std::string, std::string>>{
           {"east-a", "Eastville"}, {"east-b", "Eastville"}, {"west", "Westport"}}) {
    Outlet o;
    o.id = id;
    o.base = base;
    outlets.outlets.push_back(o);
  }
  const std::string east =
      "Parliament passed the foreign agents law. Critics of the foreign agents law marched.";
  const std::string west =
      "Parliament passed the transparency law. Supporters of the transparency law gathered. "
      "The transparency law takes effect in May.";
  const Drafted drafted({Make("a1", "east-a", east), Make("b1", "east-b", east),
                         Make("w1", "west", west), Make("w2", "west", west)},
                        &outlets);
  const int rank = RankOf(drafted.draft(), {"foreign agents law"});
  ASSERT_GE(rank, 0) << Dump(drafted.draft());
  const DraftCandidate& c = drafted.draft().candidates[static_cast<std::size_t>(rank)];
  if (c.kind == DraftCandidate::Kind::kDistinctive) {
    EXPECT_EQ(c.favoured_by, "east-a+east-b (Eastville)");
  }
  bool group_seen = false;
  for (const DraftCandidate& d : drafted.draft().candidates) {
    group_seen = group_seen || d.favoured_by == "east-a+east-b (Eastville)";
  }
  EXPECT_TRUE(group_seen) << Dump(drafted.draft());
}

// What the lexicon already matches is left out, whatever kind of entry matches it (a wildcard,
// a stemmed form, an exact form), and counted: the header of the file says how many.
// The draft of `articles` given the common lexicons and `story` (the text of a lexicon file at
// `path`), as `lexicon draft --lexicon` makes it.
LexiconDraft DraftWithLexicon(const std::vector<Article>& articles, const std::string& path,
                              const std::string& story) {
  std::vector<LexiconSource> sources;
  for (const std::string& common : CommonLexiconPaths(testing::SourceDir() + "/lexicons")) {
    sources.push_back({common, ReadFile(common)});
  }
  sources.push_back({path, story});
  const LexiconLoadResult r = LoadLexiconSources(sources);
  EXPECT_TRUE(r.ok()) << DumpDiagnostics(r.diagnostics);
  const Annotator annotator(r.lexicon);
  std::vector<ArticleAnnotations> annotations;
  for (const Article& a : articles) annotations.push_back(annotator.Annotate(a));
  return DraftLexicon(articles, annotations, r.lexicon, nullptr);
}

TEST(LexiconDraftTest, PhrasesAnyEntryOfTheLexiconMatchesAreLeftOutAndCounted) {
  const std::vector<Article> articles = MiranStory();
  // Common lexicons (the distancing cues) and a story lexicon: "Oldbr*" is a wildcard, "water
  // defender" is stemmed (it matches "water defenders"), "Staromost" exact. "Miran*" matches
  // one word of "Miran dam" only, which stays a candidate.
  const std::string story = R"(<?xml version="1.0" encoding="UTF-8"?>
<lexicon id="miran" lang="en" stem-languages="en">
  <concepts>
    <concept id="town" label="Oldbridge / Staromost">
      <variant form="Oldbr*" source="t"><note>North's name.</note></variant>
      <variant form="Staromost" stem="false" source="t"><note>South's name.</note></variant>
    </concept>
  </concepts>
  <loaded-terms>
    <term form="water defender" stem="true" category="distanced" source="t"><note>t</note></term>
    <term form="Miran*" category="name" source="t"><note>t</note></term>
  </loaded-terms>
</lexicon>)";
  const LexiconDraft d = DraftWithLexicon(articles, "miran.xml", story);
  EXPECT_LT(RankOf(d, {"Oldbridge"}), 0) << Dump(d);
  EXPECT_LT(RankOf(d, {"Staromost"}), 0) << Dump(d);
  EXPECT_LT(RankOf(d, {"water defenders"}), 0) << Dump(d);
  EXPECT_GE(RankOf(d, {"Miran dam", "Miran barrier"}), 0) << Dump(d);
  // The pair once (it is given twice, in both orders), the distanced phrase once.
  EXPECT_EQ(d.covered, (std::vector<std::string>{"Oldbridge / Staromost", "water defenders"}));
  const std::string xml = DraftToXml(d);
  EXPECT_NE(xml.find("2 candidates were left out as already covered: the lexicons read match "
                     "them (Oldbridge / Staromost, water defenders)"),
            std::string::npos)
      << xml.substr(0, 1200);
  // Without the story lexicon they are candidates.
  const Drafted plain(articles, nullptr);
  EXPECT_GE(RankOf(plain.draft(), {"Oldbridge", "Staromost"}), 0) << Dump(plain.draft());
  EXPECT_TRUE(plain.draft().covered.empty());
  EXPECT_EQ(DraftToXml(plain.draft()).find("left out as already covered"), std::string::npos);
}

// The actors a lexicon names are left out too, whatever the kind of candidate: a distanced
// phrase, a name pair and a variant group whose words are all actor patterns.
TEST(LexiconDraftTest, PhrasesTheLexiconsActorsMatchAreLeftOut) {
  const std::vector<Article> articles = MiranStory();
  const std::string story = R"(<?xml version="1.0" encoding="UTF-8"?>
<lexicon id="miran-actors" lang="en">
  <actors>
    <actor id="water-defenders" name="Water defenders" kind="group">
      <pattern>water defenders</pattern>
    </actor>
    <actor id="oldbridge" name="Oldbridge city hall" kind="government">
      <pattern speaker="only">Oldbridge</pattern>
      <pattern speaker="only">Staromost</pattern>
    </actor>
    <actor id="miran-operator" name="Miran dam operator" kind="organisation">
      <pattern>Miran dam</pattern>
      <pattern>Miran barrier</pattern>
    </actor>
  </actors>
</lexicon>)";
  const LexiconDraft d = DraftWithLexicon(articles, "miran-actors.xml", story);
  EXPECT_LT(RankOf(d, {"water defenders"}), 0) << Dump(d);
  EXPECT_LT(RankOf(d, {"Oldbridge", "Staromost"}), 0) << Dump(d);
  EXPECT_LT(RankOf(d, {"Miran dam", "Miran barrier"}), 0) << Dump(d);
  for (const char* covered : {"water defenders", "Oldbridge / Staromost"}) {
    EXPECT_NE(std::find(d.covered.begin(), d.covered.end(), covered), d.covered.end())
        << covered << " in " << Dump(d);
  }
}

// Function words of Albanian and Serbian are no candidates, and a slot filled by a reporting
// verb of the lexicon's cues ("заявил Пашинян" / "сообщил Пашинян") is no variant group. A
// phrase that begins or ends with such a verb ("Ministar je kazao", one outlet's way of writing
// "said") is no candidate either: the cue lexicons (common/sr.xml, sq.xml, ru.xml) say which.
TEST(LexiconDraftTest, FunctionWordsAndReportingVerbsMakeNoCandidates) {
  std::vector<Article> articles = {
      Make("s1", "beo",
           "Ministar je kazao da je napad bio težak. Premijer je kazao da je sve mirno."),
      Make("s2", "beo", "Ministar je kazao da su granice zatvorene i da se čeka."),
      Make("s3", "zag",
           "Ministar je rekao da je napad bio težak. Premijer je rekao da je sve mirno."),
      Make("s4", "zag", "Ministar je rekao da su granice zatvorene i da se čeka."),
      Make("a1", "pri", "Policia tha të dielën se sulmi në veri të Kosovës është i rëndë."),
      Make("a2", "pri", "Ministri tha të hënën se situata në veri të Kosovës është e qetë."),
      Make("r1", "mos", "Об этом заявил Пашинян. Вчера заявил Пашинян журналистам."),
      Make("r2", "mos", "Как заявил Пашинян, переговоры идут."),
      Make("r3", "yer", "Об этом сообщил Пашинян. Вчера сообщил Пашинян журналистам."),
      Make("r4", "yer", "Как сообщил Пашинян, переговоры идут."),
  };
  for (Article& a : articles) {
    a.language = a.id[0] == 's' ? "sr-Latn" : a.id[0] == 'a' ? "sq" : "ru";
  }
  const Drafted drafted(articles, nullptr);
  const LexiconDraft& d = drafted.draft();
  for (const DraftCandidate& c : d.candidates) {
    for (const DraftForm& f : c.forms) {
      for (const PhraseWord& w : {PhraseWords(f.form).front(), PhraseWords(f.form).back()}) {
        EXPECT_FALSE(IsPhraseStopword(w.norm)) << f.form << "\n" << Dump(d);
      }
    }
  }
  EXPECT_LT(RankOf(d, {"kazao je"}), 0) << Dump(d);
  EXPECT_LT(RankOf(d, {"Ministar je kazao"}), 0) << Dump(d);
  EXPECT_LT(RankOf(d, {"Ministar je rekao"}), 0) << Dump(d);
  EXPECT_LT(RankOf(d, {"заявил Пашинян"}), 0) << Dump(d);
  // The verbs alone are the lexicon's cues, not candidates left out as covered.
  for (const std::string& left_out : d.covered) {
    EXPECT_TRUE(left_out != "kazao" && left_out != "rekao" && left_out != "tha") << left_out;
  }
  EXPECT_LT(RankOf(d, {"je"}), 0) << Dump(d);
  EXPECT_LT(RankOf(d, {"të"}), 0) << Dump(d);
  EXPECT_LT(RankOf(d, {"заявил Пашинян", "сообщил Пашинян"}), 0) << Dump(d);
  // A reporting verb alone is a cue the common lexicon already has: covered.
  EXPECT_LT(RankOf(d, {"заявил"}), 0) << Dump(d);
}

TEST(LexiconDraftTest, EmptyCorpusGivesAnEmptyDraftThatStillChecks) {
  const Drafted drafted({}, nullptr);
  EXPECT_TRUE(drafted.draft().candidates.empty());
  const LexiconLoadResult r = LoadLexiconSources({{"d.xml", DraftToXml(drafted.draft())}});
  EXPECT_TRUE(r.ok()) << DumpDiagnostics(r.diagnostics);
}

}  // namespace
}  // namespace parallax
