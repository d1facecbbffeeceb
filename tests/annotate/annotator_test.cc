// The integrated annotation of the shipped corpus: naming choices, loaded terms, voices,
// scare quotes and dates, as the annotation issue's acceptance criteria state them.
#include "annotate/annotator.h"

#include <gtest/gtest.h>

#include <thread>

#include "corpus/corpus.h"
#include "test_paths.h"
#include "text/sentences.h"

namespace parallax {
namespace {

class AnnotatorTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const std::string root = testing::SourceDir();
    auto lex = LoadLexicons(DefaultLexiconPaths(root + "/lexicons"));
    ASSERT_TRUE(lex.ok()) << lex.diagnostics[0].ToString();
    lexicon_ = new Lexicon(std::move(lex.lexicon));
    annotator_ = new Annotator(*lexicon_);
    ASSERT_TRUE(annotator_->ok());
    const auto outlets = LoadOutlets(root + "/corpus/outlets.xml");
    corpus_ = new Corpus(LoadCorpus(root + "/corpus/lachin-2023", outlets.file));
    ASSERT_EQ(corpus_->articles.size(), 5u);
  }
  static void TearDownTestSuite() {
    delete corpus_;
    delete annotator_;
    delete lexicon_;
  }

  static const Article& ArticleOf(const std::string& outlet) {
    for (const Article& a : corpus_->articles) {
      if (a.outlet == outlet) return a;
    }
    throw std::runtime_error("no article of " + outlet);
  }
  static std::string Surface(const Article& a, const LexiconMatch& m) {
    return a.text.substr(m.start, m.end - m.start);
  }
  // Matches whose surface text equals `surface` (case-insensitive ASCII).
  static std::vector<LexiconMatch> Find(const Article& a, const ArticleAnnotations& ann,
                                        const std::string& surface) {
    std::vector<LexiconMatch> out;
    for (const LexiconMatch& m : ann.matches) {
      std::string s = Surface(a, m);
      if (s.size() != surface.size()) continue;
      bool same = true;
      for (std::size_t i = 0; i < s.size(); ++i) {
        same = same && std::tolower(static_cast<unsigned char>(s[i])) ==
                           std::tolower(static_cast<unsigned char>(surface[i]));
      }
      if (same) out.push_back(m);
    }
    return out;
  }

  static Lexicon* lexicon_;
  static Annotator* annotator_;
  static Corpus* corpus_;
};

Lexicon* AnnotatorTest::lexicon_ = nullptr;
Annotator* AnnotatorTest::annotator_ = nullptr;
Corpus* AnnotatorTest::corpus_ = nullptr;

TEST_F(AnnotatorTest, JamnewsPutsTheAzerbaijaniNameFirstAndBracketsTheArmenianOne) {
  const Article& a = ArticleOf("jamnews");
  const ArticleAnnotations ann = annotator_->Annotate(a);
  int khankendi_pairs = 0;
  int shusha_pairs = 0;
  for (const BracketedPair& p : ann.bracketed_pairs) {
    const LexiconEntry& first = lexicon_->entries[ann.matches[p.first].entry];
    const LexiconEntry& second = lexicon_->entries[ann.matches[p.second].entry];
    EXPECT_EQ(first.concept_id, second.concept_id);
    if (Surface(a, ann.matches[p.first]) == "Khankendi" &&
        Surface(a, ann.matches[p.second]) == "Stepanakert") {
      ++khankendi_pairs;
      EXPECT_EQ(first.perspective, "azerbaijani");
      EXPECT_EQ(second.perspective, "armenian");
    }
    if (Surface(a, ann.matches[p.first]) == "Shusha" &&
        Surface(a, ann.matches[p.second]) == "Shushi") {
      ++shusha_pairs;
    }
  }
  EXPECT_EQ(khankendi_pairs, 2);
  EXPECT_EQ(shusha_pairs, 1);
}

TEST_F(AnnotatorTest, OcMediaEcoActivistsIsAScareQuoteInADistancingConstruction) {
  const Article& a = ArticleOf("oc-media");
  const ArticleAnnotations ann = annotator_->Annotate(a);
  const Quote* eco = nullptr;
  for (const Quote& q : ann.quotes) {
    if (a.text.substr(q.start, q.end - q.start) == "eco-activists") eco = &q;
  }
  ASSERT_NE(eco, nullptr);
  EXPECT_EQ(eco->kind, QuoteKind::kScare);
  // The distancing cue "what … insists are" is found by the lexicon just before it.
  bool cue = false;
  for (const LexiconMatch& m : ann.matches) {
    const LexiconEntry& e = lexicon_->entries[m.entry];
    if (e.kind == LexiconEntry::Kind::kCue && e.category == "distancing" && m.end <= eco->open &&
        eco->open - m.end < 40) {
      cue = true;
      EXPECT_NE(Surface(a, m).find("insists are"), std::string::npos);
    }
  }
  EXPECT_TRUE(cue);
  // Apostrophes open no quote.
  for (const char* word : {"Azerbaijan\u2019s", "Russia\u2019s"}) {
    const std::size_t at = a.text.find(word);
    ASSERT_NE(at, std::string::npos) << word;
    const std::size_t apostrophe = at + std::string(word).size() - 4;
    for (const Quote& q : ann.quotes) EXPECT_NE(q.open, apostrophe) << word;
  }
}

TEST_F(AnnotatorTest, EthnicCleansingOnlyInQuotedVoicesWithTheirSpeakers) {
  const std::vector<std::pair<std::string, std::string>> expected = {
      {"moscow-times", "Armenian foreign ministry"},
      {"oc-media", "Foreign Ministry"},
      {"kommersant", "Iskandaryan"}};
  for (const auto& [outlet, speaker] : expected) {
    const Article& a = ArticleOf(outlet);
    const ArticleAnnotations ann = annotator_->Annotate(a);
    const auto found = Find(a, ann, "ethnic cleansing");
    ASSERT_FALSE(found.empty()) << outlet;
    for (const LexiconMatch& m : found) {
      EXPECT_EQ(m.voice, Voice::kQuoted) << outlet;
      const std::string_view who = SpeakerOf(ann, m).name;
      EXPECT_NE(who.find(speaker), std::string::npos) << outlet << ": speaker " << who;
    }
  }
}

TEST_F(AnnotatorTest, OwnVoiceTermsOfThreeOutlets) {
  struct Case {
    std::string outlet;
    std::string surface;
  };
  for (const Case& c :
       std::vector<Case>{{"moscow-times", "Separatist authorities"},
                         {"kommersant", "self-proclaimed Nagorno-Karabakh Republic"},
                         {"kommersant", "NKR"},
                         {"eurasia-daily-monitor", "Lachin road"},
                         {"eurasia-daily-monitor", "formerly occupied districts"},
                         {"eurasia-daily-monitor", "Second Karabakh War"}}) {
    const Article& a = ArticleOf(c.outlet);
    const ArticleAnnotations ann = annotator_->Annotate(a);
    const auto found = Find(a, ann, c.surface);
    ASSERT_FALSE(found.empty()) << c.outlet << ": " << c.surface;
    bool own = false;
    for (const LexiconMatch& m : found) own = own || m.voice == Voice::kOwn;
    EXPECT_TRUE(own) << c.outlet << ": " << c.surface;
  }
}

TEST_F(AnnotatorTest, RelativeDatesResolveAgainstTheArticleDate) {
  struct Case {
    std::string outlet;
    std::string text;
    std::string resolved;
  };
  for (const Case& c : std::vector<Case>{{"moscow-times", "Sunday", "2023-04-23"},
                                         {"jamnews", "December 12", "2022-12-12"},
                                         {"kommersant", "March 5", "2023-03-05"}}) {
    const Article& a = ArticleOf(c.outlet);
    const ArticleAnnotations ann = annotator_->Annotate(a);
    bool found = false;
    for (const DateMention& d : ann.dates) {
      if (d.text.find(c.text) == std::string::npos) continue;
      found = true;
      EXPECT_TRUE(d.resolved) << c.outlet;
      EXPECT_EQ(d.from.ToString(), c.resolved) << c.outlet << ": " << d.text;
      break;
    }
    EXPECT_TRUE(found) << c.outlet << ": " << c.text;
  }
}

TEST_F(AnnotatorTest, EveryAnnotationHasASpanInTheTextAndASentence) {
  for (const Article& a : corpus_->articles) {
    const ArticleAnnotations ann = annotator_->Annotate(a);
    ASSERT_FALSE(ann.sentences.empty());
    for (const LexiconMatch& m : ann.matches) {
      ASSERT_LT(m.start, m.end);
      ASSERT_LE(m.end, a.text.size());
      ASSERT_LT(m.sentence, ann.sentences.size());
      EXPECT_LE(ann.sentences[m.sentence].first, m.start);
      // Offsets map back to the source body byte for byte.
      const std::size_t body = a.BodyOffset(m.start);
      ASSERT_NE(body, std::string::npos);
      EXPECT_EQ(a.body.substr(body, m.end - m.start), a.text.substr(m.start, m.end - m.start));
    }
  }
}

TEST_F(AnnotatorTest, AnnotationIsDeterministicAndSafeFromTwoThreads) {
  const Article& a = ArticleOf("oc-media");
  const auto json1 = AnnotationsToJson(a, annotator_->Annotate(a), *lexicon_).dump();
  std::string json2;
  std::string json3;
  std::thread t1([&] { json2 = AnnotationsToJson(a, annotator_->Annotate(a), *lexicon_).dump(); });
  std::thread t2([&] { json3 = AnnotationsToJson(a, annotator_->Annotate(a), *lexicon_).dump(); });
  t1.join();
  t2.join();
  EXPECT_EQ(json1, json2);
  EXPECT_EQ(json1, json3);
}

// An article "t" in `language` whose cleaned text is `text`, one segment.
Article OneParagraph(const std::string& language, const std::string& text) {
  Article a;
  a.id = "t";
  a.language = language;
  a.body = text;
  a.text = a.body;
  a.segments = {TextSegment{0, 0, a.body.size()}};
  return a;
}

// An outlet that names itself as the source of its own report ("Как сообщает 1news.az, …" in
// 1news.az, by its address, id or name) speaks in its own voice; another outlet it names is a
// source.
TEST_F(AnnotatorTest, TheArticlesOwnOutletIsNoSourceOfItsWords) {
  Article a = OneParagraph(
      "ru", "Как сообщает 1news.az, в селе погибли двое. Как сообщает ТАСС, атака отражена.");
  a.outlet = "one-news";
  a.url = "https://www.1news.az/news/20201108";
  const ArticleAnnotations ann = annotator_->Annotate(a);
  ASSERT_EQ(ann.attributions.size(), 1u);
  EXPECT_EQ(ann.attributions[0].source, "ТАСС");
  a.url.clear();
  EXPECT_EQ(annotator_->Annotate(a).attributions.size(), 2u);  // nothing says it is its own
  a.outlet_name = "1news.az";
  EXPECT_EQ(annotator_->Annotate(a).attributions.size(), 1u);
}

// In any script, and through its reporter: "передает корреспондент БЕЛТА" in BelTA's article is
// the outlet's own voice, and a quotation credited to it names no speaker.
TEST_F(AnnotatorTest, TheOutletsOwnReporterIsNoSource) {
  Article a = OneParagraph("ru",
                           "Президент прибыл на митинг, передает корреспондент БЕЛТА. \"Все - на "
                           "митинг\", - говорится в объявлении. Как сообщает ТАСС, митинг прошел.");
  a.outlet = "belta";
  a.outlet_name = "БЕЛТА";
  const ArticleAnnotations ann = annotator_->Annotate(a);
  for (const AttributionRelation& r : ann.attributions) {
    EXPECT_EQ(r.source.view().find("БЕЛТА"), std::string_view::npos) << r.source.view();
  }
  EXPECT_EQ(ann.attributions.back().source, "ТАСС");
  a.outlet_name = "Интерфакс";
  bool credited = false;
  for (const AttributionRelation& r : annotator_->Annotate(a).attributions) {
    credited |= r.source == "корреспондент БЕЛТА";
  }
  EXPECT_TRUE(credited);  // another outlet's reporter is a source
  // A quotation tagged with the outlet's reporter names no speaker, in the quotation either.
  Article quoted = OneParagraph("ru", "«Все на митинг», — передает корреспондент БЕЛТА.");
  quoted.outlet = "belta";
  quoted.outlet_name = "БЕЛТА";
  const ArticleAnnotations q = annotator_->Annotate(quoted);
  ASSERT_EQ(q.quotes.size(), 1u);
  EXPECT_TRUE(q.quotes[0].speaker.empty()) << q.quotes[0].speaker.view();
  // English, with an article: "the Interfax correspondent said" in Interfax's article.
  Article en = OneParagraph("en", "The rally ended peacefully, the Interfax correspondent said.");
  en.outlet = "interfax";
  en.outlet_name = "Interfax";
  EXPECT_TRUE(annotator_->Annotate(en).attributions.empty());
}

// Forms of one kind that stem alike ("на Украине", "на Украину") or overlap as a word and its
// wildcard match the same words: the words are one use, counted once, under the entry written
// as the text writes them (else the first entry); forms of different kinds both stay.
TEST(AnnotatorSameWordsTest, OneUseOfTheSameWordsPerKind) {
  const std::string pack = R"(<?xml version="1.0" encoding="UTF-8"?>
<lexicon id="x" lang="en" stem-languages="ru">
  <perspectives><perspective id="north" label="North" colour="#0072B2"/></perspectives>
  <concepts>
    <concept id="prep" label="Preposition">
      <variant form="на Украину" lang="ru" perspective="north" source="t"><note>Acc.</note></variant>
      <variant form="на Украине" lang="ru" perspective="north" source="t"><note>Loc.</note></variant>
    </concept>
  </concepts>
  <loaded-terms>
    <term form="separatist*" category="c" source="t"><note>Wildcard.</note></term>
    <term form="separatists" category="c" source="t"><note>Word.</note></term>
    <term form="Украине" lang="ru" category="c" source="t"><note>Other kind.</note></term>
  </loaded-terms>
</lexicon>)";
  const LexiconLoadResult r = LoadLexiconSources({{"pack.xml", pack}});
  ASSERT_TRUE(r.ok()) << r.diagnostics[0].ToString();
  const Annotator annotator(r.lexicon);
  const Article a = OneParagraph("ru", "Жизнь на Украине. Едут на Украину. The separatists left.");
  const ArticleAnnotations ann = annotator.Annotate(a);
  std::vector<std::string> found;
  for (const LexiconMatch& m : ann.matches) {
    found.push_back(a.text.substr(m.start, m.end - m.start) + " = " +
                    r.lexicon.entries[m.entry].form);
  }
  EXPECT_EQ(found, (std::vector<std::string>{"на Украине = на Украине", "Украине = Украине",
                                             "на Украину = на Украину", "Украину = Украине",
                                             "separatists = separatists"}));
}

// A language tag with a region (lang="ru-RU") stems with its language's stemmer: the entry's
// case forms are found, and the annotator reports no unknown stemming language.
TEST(AnnotatorStemmingTest, ARegionTaggedLanguageStemsWithItsLanguage) {
  const std::string pack = R"(<?xml version="1.0" encoding="UTF-8"?>
<lexicon id="x" lang="ru-RU" stem-languages="ru">
  <concepts>
    <concept id="city" label="City">
      <variant form="Степанакерт" source="t"><note>Stemmed.</note></variant>
    </concept>
  </concepts>
</lexicon>)";
  const LexiconLoadResult r = LoadLexiconSources({{"pack.xml", pack}});
  ASSERT_TRUE(r.ok()) << r.diagnostics[0].ToString();
  const Annotator annotator(r.lexicon);
  EXPECT_TRUE(annotator.diagnostics().empty()) << annotator.diagnostics()[0].ToString();
  const Article a = OneParagraph("ru", "Свет в Степанакерте погас.");
  const ArticleAnnotations ann = annotator.Annotate(a);
  ASSERT_EQ(ann.matches.size(), 1u);
  EXPECT_EQ(a.text.substr(ann.matches[0].start, ann.matches[0].end - ann.matches[0].start),
            "Степанакерте");
}

// One spelling in two languages with different readings: the entry in the article's language
// counts; in a third language, the first entry.
TEST(AnnotatorSameWordsTest, TheEntryInTheArticlesLanguageCounts) {
  const std::string pack = R"(<?xml version="1.0" encoding="UTF-8"?>
<lexicon id="x" lang="en">
  <perspectives><perspective id="north" label="North" colour="#0072B2"/></perspectives>
  <concepts>
    <concept id="city" label="City">
      <variant form="Odessa" perspective="north" source="t"><note>English spelling.</note></variant>
      <variant form="Odessa" lang="de" source="t"><note>German exonym.</note></variant>
      <variant form="Kyjiw" lang="de" source="t"><note>German only.</note></variant>
    </concept>
  </concepts>
</lexicon>)";
  const LexiconLoadResult r = LoadLexiconSources({{"pack.xml", pack}});
  ASSERT_TRUE(r.ok()) << r.diagnostics[0].ToString();
  const Annotator annotator(r.lexicon);
  for (const auto& [language, expected] : std::vector<std::pair<std::string, std::string>>{
           {"en", "en north"}, {"de-AT", "de "}, {"fr", "en north"}}) {
    const Article a = OneParagraph(language, "Odessa und Kyjiw.");
    const ArticleAnnotations ann = annotator.Annotate(a);
    ASSERT_EQ(ann.matches.size(), 2u) << language;
    const LexiconEntry& e = r.lexicon.entries[ann.matches[0].entry];
    EXPECT_EQ(e.language + " " + e.perspective, expected) << language;
    EXPECT_EQ(r.lexicon.entries[ann.matches[1].entry].form, "Kyjiw") << language;
  }
}

// An official title (title="official") in title quotation marks is cited, held at a distance;
// the same words unquoted, or a form without the attribute in the same marks, are the outlet's
// naming; a title inside reported speech is the reported speech's.
TEST(AnnotatorOfficialTitleTest, AnOfficialTitleInTitleQuotationMarksIsCited) {
  const std::string pack = R"(<?xml version="1.0" encoding="UTF-8"?>
<lexicon id="x" lang="ru" stem-languages="ru">
  <perspectives><perspective id="gov" label="Government" colour="#0072B2"/></perspectives>
  <concepts>
    <concept id="law" label="Law" category="law">
      <variant form="прозрачности иностранного влияния" title="official" perspective="gov"
               source="t"><note>The official title.</note></variant>
      <variant form="Лачин" perspective="gov" source="t"><note>A checkpoint's name.</note></variant>
    </concept>
  </concepts>
  <cues><cue type="reporting" stance="neutral" form="заявил"/></cues>
</lexicon>)";
  const LexiconLoadResult r = LoadLexiconSources({{"pack.xml", pack}});
  ASSERT_TRUE(r.ok()) << r.diagnostics[0].ToString();
  const Annotator annotator(r.lexicon);
  const Article a = OneParagraph(
      "ru",
      "Парламент принял закон «О прозрачности иностранного влияния». Критики называют закон о "
      "прозрачности иностранного влияния иначе. Пропускной пункт «Лачин» закрыт. Кобахидзе "
      "заявил, что закон «О прозрачности иностранного влияния» европейский.");
  const ArticleAnnotations ann = annotator.Annotate(a);
  std::vector<std::string> found;
  for (const LexiconMatch& m : ann.matches) {
    if (r.lexicon.entries[m.entry].kind != LexiconEntry::Kind::kNaming) continue;
    found.push_back(a.text.substr(m.start, m.end - m.start) + ": " + VoiceName(m.voice) + " " +
                    m.distancing.str());
  }
  EXPECT_EQ(found,
            (std::vector<std::string>{"прозрачности иностранного влияния: own cited title",
                                      "прозрачности иностранного влияния: own ", "Лачин: own ",
                                      "прозрачности иностранного влияния: reported "}));
}

// A run of text with no sentence end (a page pasted as one line) is read in pieces for
// quotations and attribution, and the caller can warn with the file and line where it starts.
TEST(AnnotatorLongRunTest, LongRunsAreCutAndWarnedAboutWithTheirLine) {
  const Lexicon lexicon;
  const Annotator annotator(lexicon);
  Article a;
  a.id = "run";
  a.source_path = "story/run.txt";
  a.body_line = 6;
  a.body = "A first sentence.\n\n";
  for (int i = 0; i < 2000; ++i) a.body += "“word” said he, ";
  a.text = a.body;
  a.segments = {TextSegment{0, 0, a.body.size()}};
  const ArticleAnnotations ann = annotator.Annotate(a);
  ASSERT_EQ(ann.long_sentences.size(), 1u);
  EXPECT_EQ(ann.long_sentences[0], a.body.find("“word”"));
  for (const auto& [b, e] : ann.sentences) EXPECT_LE(e - b, kMaxSentenceBytes);
  EXPECT_GT(ann.quotes.size(), 1000u);
  const Diagnostics warnings = LongSentenceWarnings(a, ann);
  ASSERT_EQ(warnings.size(), 1u);
  const std::string text = warnings[0].ToString();
  EXPECT_NE(text.find("story/run.txt:8:"), std::string::npos) << text;
  EXPECT_NE(text.find("without a sentence end"), std::string::npos) << text;
}

}  // namespace
}  // namespace parallax
