#include "framing/measures.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>

#include "core/file_io.h"
#include "corpus/corpus.h"
#include "test_paths.h"

namespace parallax {
namespace {

class MeasuresTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string root = testing::SourceDir();
    auto lex = LoadLexicons(DefaultLexiconPaths(root + "/lexicons"));
    ASSERT_TRUE(lex.ok());
    lexicon_ = std::move(lex.lexicon);
    outlets_ = LoadOutlets(root + "/corpus/outlets.xml").file;
    corpus_ = LoadCorpus(root + "/corpus/lachin-2023", outlets_);
    const Annotator annotator(lexicon_);
    for (const Article& a : corpus_.articles) annotations_.push_back(annotator.Annotate(a));
    measures_ = MeasureStory(corpus_.articles, annotations_, lexicon_, outlets_);
  }
  const OutletProfile& Profile(const std::string& outlet) const {
    for (const OutletProfile& p : measures_.outlets) {
      if (p.outlet == outlet) return p;
    }
    throw std::runtime_error(outlet);
  }
  Lexicon lexicon_;
  OutletsFile outlets_;
  Corpus corpus_;
  std::vector<ArticleAnnotations> annotations_;
  StoryMeasures measures_;
};

TEST_F(MeasuresTest, OneProfilePerOutletAndThinEvidenceFlagged) {
  EXPECT_EQ(measures_.outlets.size(), 5u);
  EXPECT_TRUE(measures_.thin_evidence);  // one article per outlet
  for (const OutletProfile& p : measures_.outlets) {
    EXPECT_EQ(p.articles.size(), 1u);
    EXPECT_GT(p.words, 300u) << p.outlet;
    EXPECT_FALSE(p.name.empty());
  }
}

TEST_F(MeasuresTest, JamnewsNamesTheCityKhankendiFirstWithTheBracketedPair) {
  const OutletProfile& p = Profile("jamnews");
  const ConceptUse* city = nullptr;
  for (const ConceptUse& c : p.naming) {
    if (c.concept_id == "stepanakert-khankendi") city = &c;
  }
  ASSERT_NE(city, nullptr);
  ASSERT_FALSE(city->bracketed.empty());
  EXPECT_EQ(city->bracketed[0].first, "Khankendi");
  EXPECT_EQ(city->bracketed[0].second, "Stepanakert");
  EXPECT_GT(city->own_by_perspective.at("azerbaijani"), 0);
}

TEST_F(MeasuresTest, EthnicCleansingIsCountedOnlyAsQuoted) {
  for (const char* outlet : {"moscow-times", "oc-media", "kommersant"}) {
    bool found = false;
    for (const LoadedTermUse& t : Profile(outlet).loaded) {
      if (t.form != "ethnic cleansing") continue;
      found = true;
      EXPECT_EQ(t.own, 0) << outlet;
      EXPECT_GT(t.quoted, 0) << outlet;
      EXPECT_FALSE(t.speakers.empty()) << outlet;
      for (const Evidence& e : t.evidence) EXPECT_EQ(e.voice, "quoted");
    }
    EXPECT_TRUE(found) << outlet;
  }
}

TEST_F(MeasuresTest, OcMediaQuotesTheWidestRangeAndJamnewsOneBakuExpert) {
  std::size_t widest = 0;
  std::string widest_outlet;
  for (const OutletProfile& p : measures_.outlets) {
    if (p.voices.size() > widest) {
      widest = p.voices.size();
      widest_outlet = p.outlet;
    }
  }
  EXPECT_EQ(widest_outlet, "oc-media");
  const OutletProfile& jam = Profile("jamnews");
  std::set<std::string> named;
  for (const VoiceUse& v : jam.voices) {
    if (v.quotes > 0 && v.speaker != "unattributed")
      named.insert(v.actor_id.empty() ? v.speaker : v.actor_id);
  }
  ASSERT_EQ(named.size(), 1u);  // quoted directly: the Baku expert only
  EXPECT_GT(jam.quoted_words_by_perspective.at("azerbaijani"), 0);
}

TEST_F(MeasuresTest, ScareQuotedEcoActivistsIsDistancingInOcMedia) {
  bool found = false;
  for (const DistancingUse& d : Profile("oc-media").distancing) {
    if (d.kind == "scare-quote" && d.text == "eco-activists") found = true;
  }
  EXPECT_TRUE(found);
}

// OC Media writes ‘eco-activists’ in scare quotes: the Azerbaijani form is shown, not chosen, so
// it is counted as held at a distance and gives the outlet no Azerbaijani naming.
TEST_F(MeasuresTest, AFormHeldAtADistanceIsNoNamingChoice) {
  const VariantUse* eco = nullptr;
  const ConceptUse* protesters = nullptr;
  for (const ConceptUse& c : Profile("oc-media").naming) {
    for (const VariantUse& v : c.variants) {
      if (v.form == "eco-activists") {
        eco = &v;
        protesters = &c;
      }
    }
  }
  ASSERT_NE(eco, nullptr);
  EXPECT_EQ(eco->perspective, "azerbaijani");
  EXPECT_EQ(eco->own, 0);
  EXPECT_EQ(eco->distanced, 1);
  ASSERT_FALSE(eco->evidence.empty());
  EXPECT_EQ(eco->evidence.front().voice, "scare");
  EXPECT_EQ(protesters->own_by_perspective.count("azerbaijani"), 0u);
  EXPECT_EQ(protesters->total(), 1);  // still counted among the concept's uses
  // Eurasia Daily Monitor uses the same form plainly: its own choice.
  int plain = 0;
  for (const ConceptUse& c : Profile("eurasia-daily-monitor").naming) {
    for (const VariantUse& v : c.variants) {
      if (v.form == "eco-activists") plain += v.own;
    }
  }
  EXPECT_EQ(plain, 1);
}

TEST_F(MeasuresTest, DistinctiveTermsRespectTheMinimumCountAndAreSorted) {
  for (const OutletProfile& p : measures_.outlets) {
    for (std::size_t i = 0; i < p.distinctive.size(); ++i) {
      EXPECT_GE(p.distinctive[i].count, 3) << p.outlet;
      if (i > 0) {
        EXPECT_GE(p.distinctive[i - 1].z, p.distinctive[i].z) << p.outlet;
      }
    }
  }
}

// A wildcard form counts as one term, and remembers the words it matched so that a report can
// show "riots, rioters" instead of "riot*".
TEST(MeasuresWildcardTest, WildcardFormsKeepTheWordsTheyMatched) {
  const LexiconLoadResult lex = LoadLexiconSources({{"riots.xml", R"(<?xml version="1.0"?>
<lexicon id="riots" lang="en">
  <perspectives><perspective id="gov" label="Government" colour="#0072B2"/></perspectives>
  <concepts>
    <concept id="crowd" label="Crowd">
      <variant form="police for*" perspective="gov" source="test"><note>Police.</note></variant>
    </concept>
  </concepts>
  <loaded-terms>
    <term form="riot*" category="delegitimising" perspective="gov" source="test">
      <note>Casts protest as disorder.</note></term>
    <term form="thugs" category="delegitimising" source="test"><note>Insult.</note></term>
  </loaded-terms>
</lexicon>)"}});
  ASSERT_TRUE(lex.ok()) << (lex.diagnostics.empty() ? "" : lex.diagnostics[0].ToString());
  Article a;
  a.id = "a1";
  a.outlet = "x";
  a.text =
      "Riots spread; rioters and thugs fled the Police\nforces. More riots, more POLICE forces.";
  const Annotator annotator(lex.lexicon);
  const std::vector<ArticleAnnotations> ann = {annotator.Annotate(a)};
  const StoryMeasures m = MeasureStory({a}, ann, lex.lexicon, OutletsFile{});
  ASSERT_EQ(m.outlets.size(), 1u);
  const OutletProfile& p = m.outlets[0];
  ASSERT_EQ(p.loaded.size(), 2u);
  const LoadedTermUse& riot = p.loaded[0].form == "riot*" ? p.loaded[0] : p.loaded[1];
  const LoadedTermUse& thugs = p.loaded[0].form == "riot*" ? p.loaded[1] : p.loaded[0];
  EXPECT_EQ(riot.own, 3);
  EXPECT_EQ(riot.matched, (std::vector<std::string>{"riots", "rioters"}));
  EXPECT_EQ(ShownForm(riot.form, riot.matched), "riots, rioters");
  EXPECT_TRUE(thugs.matched.empty());
  EXPECT_EQ(ShownForm(thugs.form, thugs.matched), "thugs");
  ASSERT_EQ(p.naming.size(), 1u);
  ASSERT_EQ(p.naming[0].variants.size(), 1u);
  const VariantUse& police = p.naming[0].variants[0];
  EXPECT_EQ(police.own, 2);
  EXPECT_EQ(police.matched, (std::vector<std::string>{"police forces"}));  // one space, lower case
  EXPECT_EQ(ShownForm(police.form, police.matched), "police forces");
  std::vector<std::string> merged = {"riots"};
  MergeMatched({"rioters", "riots"}, &merged);
  EXPECT_EQ(merged, (std::vector<std::string>{"riots", "rioters"}));
}

// One spelling with a reading per language (English "Odessa" a side's spelling, German the
// plain exonym): one outlet writing it in both languages has two variants, each with its side.
TEST(MeasuresReadingTest, OneSpellingTwoReadingsAreTwoVariants) {
  const LexiconLoadResult lex = LoadLexiconSources({{"city.xml", R"(<?xml version="1.0"?>
<lexicon id="city" lang="en">
  <perspectives><perspective id="north" label="North" colour="#0072B2"/></perspectives>
  <concepts>
    <concept id="city" label="City" category="place">
      <variant form="Odessa" perspective="north" source="test"><note>English.</note></variant>
      <variant form="Odessa" lang="de" source="test"><note>German exonym.</note></variant>
    </concept>
  </concepts>
</lexicon>)"}});
  ASSERT_TRUE(lex.ok()) << (lex.diagnostics.empty() ? "" : lex.diagnostics[0].ToString());
  const Annotator annotator(lex.lexicon);
  std::vector<Article> articles(2);
  for (std::size_t i = 0; i < 2; ++i) {
    articles[i].id = i == 0 ? "en" : "de";
    articles[i].outlet = "x";
    articles[i].language = articles[i].id;
    articles[i].text = i == 0 ? "The port of Odessa." : "Der Hafen von Odessa.";
  }
  const std::vector<ArticleAnnotations> ann = {annotator.Annotate(articles[0]),
                                               annotator.Annotate(articles[1])};
  const StoryMeasures m = MeasureStory(articles, ann, lex.lexicon, OutletsFile{});
  ASSERT_EQ(m.outlets.size(), 1u);
  ASSERT_EQ(m.outlets[0].naming.size(), 1u);
  const ConceptUse& city = m.outlets[0].naming[0];
  ASSERT_EQ(city.variants.size(), 2u);
  EXPECT_EQ(city.variants[0].perspective, "north");
  EXPECT_EQ(city.variants[0].own, 1);
  EXPECT_EQ(city.variants[1].perspective, "");
  EXPECT_EQ(city.variants[1].own, 1);
  EXPECT_EQ(city.own_by_perspective.at("north"), 1);
}

// The shipped Karabakh lexicon fits the shipped corpus: every article names its places.
TEST_F(MeasuresTest, TheKarabakhLexiconFitsTheShippedCorpus) {
  ASSERT_EQ(measures_.lexicon_fit.size(), 1u);
  const LexiconFit& fit = measures_.lexicon_fit[0];
  EXPECT_EQ(fit.lexicon, "karabakh");
  EXPECT_EQ(fit.articles, 5u);
  EXPECT_EQ(fit.in_scope, 5u);
  EXPECT_TRUE(fit.fits);
  EXPECT_FALSE(fit.concepts.empty());
}

// Two cleaned English articles, of oc-media and jamnews, from `first` and `second`.
std::vector<Article> TwoShortArticles(const std::string& first, const std::string& second) {
  std::vector<Article> articles;
  const std::pair<const char*, const std::string*> parts[] = {{"oc-media", &first},
                                                              {"jamnews", &second}};
  for (const auto& [outlet, text] : parts) {
    Article a;
    a.id = "a" + std::to_string(articles.size());
    a.outlet = outlet;
    a.language = "en";
    a.body = *text;
    a.text = a.body;
    a.segments = {TextSegment{0, 0, a.body.size()}};
    articles.push_back(std::move(a));
  }
  return articles;
}

// A story outside the lexicon's scope (a law vote in another country) holds its generic words
// ("humanitarian crisis", tagged with a side in the Karabakh lexicon): the lexicon does not fit,
// and no outlet is coloured with a side by it.
TEST(MeasuresFitTest, AStoryOutsideTheLexiconsScopeIsColouredByNoSide) {
  auto lex = LoadLexicons(DefaultLexiconPaths(testing::SourceDir() + "/lexicons"));
  ASSERT_TRUE(lex.ok());
  const Lexicon lexicon = std::move(lex.lexicon);
  const std::vector<Article> articles = TwoShortArticles(
      "Thousands joined protests outside parliament after lawmakers passed the bill on foreign "
      "influence in a first reading. Police dispersed the protests with water cannon, and the "
      "opposition spoke of a humanitarian crisis.",
      "The ruling party said the protests were organised from abroad. The bill on foreign "
      "influence passed its first reading by 76 votes to 13.");
  const Annotator annotator(lexicon);
  std::vector<ArticleAnnotations> annotations;
  bool generic_matched = false;
  for (const Article& a : articles) {
    annotations.push_back(annotator.Annotate(a));
    for (const LexiconMatch& m : annotations.back().matches) {
      generic_matched |= !lexicon.entries[m.entry].perspective.empty();
    }
  }
  ASSERT_TRUE(generic_matched) << "the texts must hold a side-tagged word for this test to test";
  const StoryMeasures measures = MeasureStory(articles, annotations, lexicon, OutletsFile{});
  // Every shipped story pack (georgia, karabakh, russia-ukraine) is listed, and none fits.
  ASSERT_EQ(measures.lexicon_fit.size(), 3u);
  for (const LexiconFit& fit : measures.lexicon_fit) {
    EXPECT_FALSE(fit.fits) << fit.lexicon;
    EXPECT_EQ(fit.in_scope, 0u) << fit.lexicon;
  }
  for (const OutletProfile& p : measures.outlets) {
    EXPECT_TRUE(p.naming.empty()) << p.outlet;
    EXPECT_TRUE(p.loaded.empty()) << p.outlet;
  }
  // Each side-tagged match is listed as counted by no figure (a report shows it with no side).
  ASSERT_EQ(measures.uncounted.size(), articles.size());
  for (std::size_t ai = 0; ai < articles.size(); ++ai) {
    for (std::size_t mi = 0; mi < annotations[ai].matches.size(); ++mi) {
      const LexiconEntry& e = lexicon.entries[annotations[ai].matches[mi].entry];
      if (e.perspective.empty() || e.kind == LexiconEntry::Kind::kActor) continue;
      EXPECT_TRUE(
          std::binary_search(measures.uncounted[ai].begin(), measures.uncounted[ai].end(), mi))
          << articles[ai].id << " match " << mi;
    }
  }
}

// The measures of `articles` with the shipped lexicons (common and every story pack).
StoryMeasures MeasureWithShippedLexicons(const std::vector<Article>& articles) {
  auto lex = LoadLexicons(DefaultLexiconPaths(testing::SourceDir() + "/lexicons"));
  EXPECT_TRUE(lex.ok());
  const Annotator annotator(lex.lexicon);
  std::vector<ArticleAnnotations> annotations;
  for (const Article& a : articles) annotations.push_back(annotator.Annotate(a));
  return MeasureStory(articles, annotations, lex.lexicon, OutletsFile{});
}

// The perspectives of the own-voice naming forms and the loaded terms the outlets were
// counted with, and the ids of the concepts they named.
struct Coloured {
  std::set<std::string> perspectives;
  std::set<std::string> concepts;
};
Coloured ColouredBy(const StoryMeasures& measures) {
  Coloured out;
  for (const OutletProfile& p : measures.outlets) {
    for (const ConceptUse& c : p.naming) {
      out.concepts.insert(c.concept_id);
      for (const auto& [per, n] : c.own_by_perspective) out.perspectives.insert(per);
    }
    for (const LoadedTermUse& t : p.loaded) out.perspectives.insert(t.perspective);
  }
  return out;
}

// Two short articles on Georgia's law, holding a form the Karabakh pack gives a side
// ("occupied territories", Azerbaijani usage there): the Georgia pack fits and colours them, the
// Karabakh pack does not (no article names its places or actors).
TEST(MeasuresFitTest, AGeorgiaStoryIsNotColouredByTheKarabakhPack) {
  const StoryMeasures measures = MeasureWithShippedLexicons(TwoShortArticles(
      "Georgian Dream passed the foreign agents law in a third reading. Protesters called it "
      "the Russian law; one speaker recalled the occupied territories of Georgia.",
      "Parliament adopted the law on transparency of foreign influence; Prime Minister "
      "Kobakhidze thanked the majority."));
  bool georgia_fits = false;
  for (const LexiconFit& fit : measures.lexicon_fit) {
    if (fit.lexicon == "georgia") georgia_fits = fit.fits;
    if (fit.lexicon == "karabakh") {
      EXPECT_EQ(fit.in_scope, 0u);
    }
  }
  EXPECT_TRUE(georgia_fits);
  const Coloured coloured = ColouredBy(measures);
  EXPECT_EQ(coloured.concepts.count("territories"), 0u);  // Karabakh's "occupied territories"
  EXPECT_EQ(coloured.perspectives.count("azerbaijani"), 0u);
  EXPECT_EQ(coloured.perspectives.count("georgian-opposition"), 1u);
  EXPECT_EQ(coloured.perspectives.count("georgian-government"), 1u);
}

// And the other way round: a Karabakh story holding words the Georgia pack gives a side
// ("radical opposition", "riots", "Maidan") is coloured by the Karabakh pack only.
TEST(MeasuresFitTest, AKarabakhStoryIsNotColouredByTheGeorgiaPack) {
  const StoryMeasures measures = MeasureWithShippedLexicons(TwoShortArticles(
      "Shelling hit Stepanakert overnight, Artsakh officials said. In Yerevan the radical "
      "opposition warned of riots and a Maidan.",
      "The army entered Khankendi, the centre of the Karabakh economic region. Critics in Baku "
      "spoke of riots."));
  for (const LexiconFit& fit : measures.lexicon_fit) {
    EXPECT_EQ(fit.fits, fit.lexicon == "karabakh") << fit.lexicon;
  }
  const Coloured coloured = ColouredBy(measures);
  EXPECT_EQ(coloured.concepts.count("protests-2023-2024"), 0u);
  EXPECT_EQ(coloured.perspectives.count("georgian-government"), 0u);
  EXPECT_EQ(coloured.perspectives.count("armenian"), 1u);
  EXPECT_EQ(coloured.perspectives.count("azerbaijani"), 1u);
}

// A common surname alone is a speaker-only pattern: an AP photographer called Volkov in another
// story names no actor of the Karabakh pack, so the pack's "protests" counts nowhere.
TEST(MeasuresFitTest, ACommonSurnameAlonePutsNoArticleInScope) {
  const StoryMeasures measures = MeasureWithShippedLexicons(
      TwoShortArticles("Protests went on in Minsk for a third night. Photo: Igor Volkov / AP.",
                       "Thousands joined the protests in Minsk on Sunday."));
  for (const LexiconFit& fit : measures.lexicon_fit) {
    EXPECT_EQ(fit.in_scope, 0u) << fit.lexicon;
  }
  EXPECT_TRUE(ColouredBy(measures).concepts.empty());
}

// The shipped Georgia pack marks the law's official title (title="official"): an outlet citing it
// in title quotation marks, as Russian and Georgian write every title, is not counted as
// taking up the government's name; the same words unquoted are its naming.
TEST(MeasuresOfficialTitleTest, ACitedOfficialTitleIsNoNamingChoice) {
  const StoryMeasures measures = MeasureWithShippedLexicons(TwoShortArticles(
      "Парламент Грузии принял закон «О прозрачности иностранного влияния» в третьем чтении.",
      "Parliament passed the law on transparency of foreign influence in a third reading."));
  std::map<std::string, const ConceptUse*> law;
  for (const OutletProfile& p : measures.outlets) {
    for (const ConceptUse& c : p.naming) {
      if (c.concept_id == "fa-law") law[p.outlet] = &c;
    }
  }
  ASSERT_EQ(law.size(), 2u);
  const ConceptUse& cited = *law.at("oc-media");
  EXPECT_EQ(cited.own_by_perspective.count("georgian-government"), 0u);
  ASSERT_EQ(cited.variants.size(), 1u);
  EXPECT_EQ(cited.variants[0].own, 0);
  EXPECT_EQ(cited.variants[0].distanced, 1);
  ASSERT_EQ(cited.variants[0].evidence.size(), 1u);
  EXPECT_EQ(cited.variants[0].evidence[0].voice, "cited");
  EXPECT_EQ(law.at("jamnews")->own_by_perspective.at("georgian-government"), 1);
}

// The name of the conflict and of its population carry the region's name; as the longer match
// they cover it ("Nagorno-Karabakh" inside "the Nagorno-Karabakh conflict"), so they name the
// story themselves: articles naming only them are in the Karabakh pack's scope.
TEST(MeasuresFitTest, TheConflictsNameAndItsPopulationNameTheStory) {
  const StoryMeasures measures = MeasureWithShippedLexicons(
      TwoShortArticles("Talks on the Nagorno-Karabakh conflict resumed on Monday.",
                       "Aid reached the population of Nagorno-Karabakh, the ministry said."));
  const LexiconFit* karabakh = nullptr;
  for (const LexiconFit& fit : measures.lexicon_fit) {
    if (fit.lexicon == "karabakh") karabakh = &fit;
  }
  ASSERT_NE(karabakh, nullptr);
  EXPECT_EQ(karabakh->in_scope, 2u);
  EXPECT_TRUE(karabakh->fits);
  const Coloured coloured = ColouredBy(measures);
  EXPECT_EQ(coloured.concepts.count("conflict-name"), 1u);
  EXPECT_EQ(coloured.concepts.count("karabakh-population"), 1u);
}

// A story lexicon the user chose for the story (--lexicon) counts in every article even when
// few articles name its places: the fit is reported, marked chosen, and nothing is dropped.
TEST(MeasuresFitTest, AChosenLexiconCountsEverywhereWhateverItsFit) {
  const LexiconLoadResult lex = LoadLexiconSources({{"banjska.xml", R"(<?xml version="1.0"?>
<lexicon id="banjska" lang="en">
  <perspectives><perspective id="north" label="North" colour="#0072B2"/></perspectives>
  <concepts>
    <concept id="village" label="Banjska" category="place">
      <variant form="Banjska" source="test"><note>The village.</note></variant>
    </concept>
  </concepts>
  <loaded-terms>
    <term form="terrorists" category="accusation" perspective="north" source="test">
      <note>A side's word.</note>
    </term>
  </loaded-terms>
</lexicon>)"}});
  ASSERT_TRUE(lex.ok()) << (lex.diagnostics.empty() ? "" : lex.diagnostics[0].ToString());
  const std::vector<Article> articles =
      TwoShortArticles("Police said the terrorists fled.", "Officials called them terrorists.");
  const Annotator annotator(lex.lexicon);
  std::vector<ArticleAnnotations> annotations;
  for (const Article& a : articles) annotations.push_back(annotator.Annotate(a));
  for (const bool chosen : {false, true}) {
    MeasureOptions options;
    options.lexicons_chosen = chosen;
    const StoryMeasures m =
        MeasureStory(articles, annotations, lex.lexicon, OutletsFile{}, options);
    ASSERT_EQ(m.lexicon_fit.size(), 1u);
    EXPECT_FALSE(m.lexicon_fit[0].fits);
    EXPECT_EQ(m.lexicon_fit[0].chosen, chosen);
    std::size_t loaded = 0;
    for (const OutletProfile& p : m.outlets) loaded += p.loaded.size();
    EXPECT_EQ(loaded, chosen ? 2u : 0u) << "chosen " << chosen;
  }
}

// A story lexicon with loaded terms but no scope (no concept of a scope category, no actor) is
// listed as applying everywhere: it counts in every article, chosen or not, and a fitting pack
// does not hide it.
TEST(MeasuresFitTest, ALexiconWithoutScopeIsListedAsAppliedEverywhere) {
  std::vector<LexiconSource> sources;
  for (const std::string& path : CommonLexiconPaths(testing::SourceDir() + "/lexicons")) {
    sources.push_back({path, ReadFile(path)});
  }
  sources.push_back({testing::SourceDir() + "/lexicons/karabakh.xml",
                     ReadFile(testing::SourceDir() + "/lexicons/karabakh.xml")});
  sources.push_back({"gas.xml", R"(<?xml version="1.0"?>
<lexicon id="gas" lang="en">
  <perspectives><perspective id="east" label="East" colour="#0072B2"/></perspectives>
  <loaded-terms>
    <term form="gas blackmail" category="accusation" perspective="east" source="test">
      <note>A side's word.</note>
    </term>
  </loaded-terms>
</lexicon>)"});
  const LexiconLoadResult lex = LoadLexiconSources(sources);
  ASSERT_TRUE(lex.ok());
  const std::vector<Article> articles = TwoShortArticles(
      "Stepanakert spoke of gas blackmail.", "Khankendi officials denied any gas blackmail.");
  const Annotator annotator(lex.lexicon);
  std::vector<ArticleAnnotations> annotations;
  for (const Article& a : articles) annotations.push_back(annotator.Annotate(a));
  const StoryMeasures m = MeasureStory(articles, annotations, lex.lexicon, OutletsFile{}, {});
  const LexiconFit* gas = nullptr;
  for (const LexiconFit& fit : m.lexicon_fit) {
    EXPECT_EQ(fit.everywhere, fit.lexicon == "gas") << fit.lexicon;
    if (fit.lexicon == "gas") gas = &fit;
  }
  ASSERT_NE(gas, nullptr);
  EXPECT_EQ(gas->in_scope, 0u);
  EXPECT_FALSE(gas->fits);
  std::size_t loaded = 0;
  for (const OutletProfile& p : m.outlets) loaded += p.loaded.size();
  EXPECT_EQ(loaded, 2u);
}

// A lexicon that fits the story counts in every article of it: an excerpt that names no place
// of the story still has its naming choices counted.
TEST(MeasuresFitTest, ALexiconThatFitsCountsInExcerptsNamingNoPlace) {
  auto lex = LoadLexicons(DefaultLexiconPaths(testing::SourceDir() + "/lexicons"));
  ASSERT_TRUE(lex.ok());
  const Lexicon lexicon = std::move(lex.lexicon);
  const std::vector<Article> articles =
      TwoShortArticles("Azerbaijani eco-activists blocked the Lachin corridor near Shusha.",
                       "The eco-activists said they would stay until their demands were met.");
  const Annotator annotator(lexicon);
  std::vector<ArticleAnnotations> annotations;
  for (const Article& a : articles) annotations.push_back(annotator.Annotate(a));
  const StoryMeasures measures = MeasureStory(articles, annotations, lexicon, OutletsFile{});
  ASSERT_EQ(measures.lexicon_fit.size(), 1u);
  EXPECT_EQ(measures.lexicon_fit[0].in_scope, 1u);
  EXPECT_TRUE(measures.lexicon_fit[0].fits);
  ASSERT_EQ(measures.outlets.size(), 2u);
  EXPECT_EQ(measures.outlets[1].outlet, "jamnews");
  EXPECT_FALSE(measures.outlets[1].naming.empty()) << "eco-activists counts in the excerpt";
}

}  // namespace
}  // namespace parallax
