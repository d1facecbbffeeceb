// Attribution relations (source, cue, content) and the three voices they give lexicon matches:
// reported speech in English and Russian, sources that are never a time or a document, pronouns
// resolved, metonyms mapped to actors, and the shipped corpus' Moscow Times facts.
#include "annotate/attribution.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "annotate/annotator.h"
#include "corpus/corpus.h"
#include "test_paths.h"

namespace parallax {
namespace {

class AttributionTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const std::string root = testing::SourceDir();
    auto lex = LoadLexicons(DefaultLexiconPaths(root + "/lexicons"));
    ASSERT_TRUE(lex.ok()) << lex.diagnostics[0].ToString();
    lexicon_ = new Lexicon(std::move(lex.lexicon));
    annotator_ = new Annotator(*lexicon_);
    ASSERT_TRUE(annotator_->ok());
  }
  static void TearDownTestSuite() {
    delete annotator_;
    delete lexicon_;
  }

  struct Result {
    Article article;
    ArticleAnnotations ann;
    // The relation whose content holds `words`, or nullptr.
    const AttributionRelation* Holding(const std::string& words) const {
      const std::size_t at = article.text.find(words);
      if (at == std::string::npos) return nullptr;
      for (const AttributionRelation& a : ann.attributions) {
        if (a.start <= at && at + words.size() <= a.end) return &a;
      }
      return nullptr;
    }
    // The resolved source of the relation holding `words`, or "(none)" when none holds them.
    std::string SourceOf(const std::string& words) const {
      const AttributionRelation* a = Holding(words);
      return a == nullptr ? "(none)" : a->source.str();
    }
    const LexiconMatch* Match(const std::string& surface) const {
      for (const LexiconMatch& m : ann.matches) {
        if (article.text.compare(m.start, m.end - m.start, surface) == 0) return &m;
      }
      return nullptr;
    }
    std::string Content(const AttributionRelation& a) const {
      return article.text.substr(a.start, a.end - a.start);
    }
  };

  static Result Run(const std::string& text, const std::string& language = "en") {
    Result r;
    r.article.id = "t";
    r.article.outlet = "test";
    r.article.language = language;
    r.article.text = text;
    r.ann = annotator_->Annotate(r.article);
    return r;
  }

  // Each text has no attribution relation (the first one found is named when it has).
  static void ExpectNoAttribution(std::initializer_list<const char*> texts) {
    for (const char* text : texts) {
      const Result r = Run(text);
      EXPECT_TRUE(r.ann.attributions.empty())
          << text << " -> " << (r.ann.attributions.empty() ? "" : r.Content(r.ann.attributions[0]));
    }
  }

  static Lexicon* lexicon_;
  static Annotator* annotator_;
};

Lexicon* AttributionTest::lexicon_ = nullptr;
Annotator* AttributionTest::annotator_ = nullptr;

TEST_F(AttributionTest, ReportedSpeechAfterTheVerb) {
  const Result r = Run("The ministry said on Sunday that the road was open to all traffic.");
  const AttributionRelation* a = r.Holding("the road was open");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->kind, AttributionKind::kReported);
  EXPECT_EQ(a->source, "The ministry");
  EXPECT_EQ(a->cue, "said");
  EXPECT_EQ(r.Content(*a).rfind("that the road", 0), 0u) << r.Content(*a);  // not "on Sunday"
}

TEST_F(AttributionTest, ReportedSpeechBeforeTheTag) {
  for (const std::string text : {"The talks will resume next week, the spokesman said.",
                                 "The talks will resume next week, said the spokesman."}) {
    const Result r = Run(text);
    const AttributionRelation* a = r.Holding("talks will resume next week");
    ASSERT_NE(a, nullptr) << text;
    EXPECT_EQ(a->source, "the spokesman") << text;
    EXPECT_EQ(r.Content(*a).find("spokesman"), std::string::npos) << text;
  }
}

TEST_F(AttributionTest, AccordingToMakesWhatFollowsReported) {
  const Result r = Run("According to TASS, the convoy crossed the border at dawn.");
  const AttributionRelation* a = r.Holding("the convoy crossed the border");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->kind, AttributionKind::kReported);
  EXPECT_EQ(a->source, "TASS");
  EXPECT_EQ(a->cue, "According to");
  const Result after = Run("The convoy crossed the border at dawn, according to TASS.");
  ASSERT_NE(after.Holding("convoy crossed the border"), nullptr);
  EXPECT_EQ(after.Holding("convoy crossed the border")->source, "TASS");
}

TEST_F(AttributionTest, ReportedSpeechHoldingAQuotationIsMixed) {
  const Result r = Run("The ministry said the move was \"a gross violation\" of the agreement.");
  const AttributionRelation* a = r.Holding("the move was");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->kind, AttributionKind::kMixed);
  EXPECT_NE(r.Content(*a).find("of the agreement"), std::string::npos);
}

TEST_F(AttributionTest, AWordOrTwoWovenIntoReportedSpeechIsAFragment) {
  const Result r =
      Run("The senator said he \"respects\" the governor and would meet him. The minister said the "
          "decision was a \"humanitarian crisis\" in the making.");
  ASSERT_EQ(r.ann.quotes.size(), 2u);
  for (const Quote& q : r.ann.quotes) EXPECT_EQ(q.kind, QuoteKind::kFragment) << q.start;
  const AttributionRelation* a = r.Holding("the governor");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->kind, AttributionKind::kMixed);
  // The fragment's words are reported speech of the source, like the words around them.
  const LexiconMatch* m = r.Match("humanitarian crisis");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->voice, Voice::kReported);
  EXPECT_EQ(SpeakerOf(r.ann, *m).name, "The minister");
  EXPECT_EQ(m->quote, -1);
}

TEST_F(AttributionTest, QuotedWordsThatCloseTheClauseStayDirect) {
  for (const std::string text :
       {"The minister said the cover was \"sexist.\" He left.",
        "The minister said the decisions were \"standardless\" and \"recordless\" last year.",
        "The minister said the plan was \"reckless\", adding that it would fail.",
        "The minister said the plan was \"reckless,\" adding that it would fail.",
        "The minister said the plan was \"reckless and dangerous\" for the region."}) {
    const Result r = Run(text);
    ASSERT_FALSE(r.ann.quotes.empty()) << text;
    for (const Quote& q : r.ann.quotes) EXPECT_EQ(q.kind, QuoteKind::kDirect) << text;
  }
  // Outside reported speech, a short quotation is never a fragment.
  const Result own = Run("Officials closed the \"humanitarian\" corridor on Monday.");
  ASSERT_EQ(own.ann.quotes.size(), 1u);
  EXPECT_NE(own.ann.quotes[0].kind, QuoteKind::kFragment);
}

TEST_F(AttributionTest, DirectQuotationsAreDirectRelationsWithoutADuplicate) {
  const Result r = Run("\"We will not back down,\" the minister said in a statement.");
  ASSERT_EQ(r.ann.attributions.size(), 1u);
  EXPECT_EQ(r.ann.attributions[0].kind, AttributionKind::kDirect);
  EXPECT_EQ(r.ann.attributions[0].source, "the minister");
}

TEST_F(AttributionTest, PronounsResolveToTheSourceNamedBefore) {
  const Result r = Run(
      "The Armenian foreign ministry condemned the closure. It said the checkpoint violated the "
      "ceasefire agreement.");
  const AttributionRelation* a = r.Holding("the checkpoint violated");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->mention, "It");
  EXPECT_EQ(a->source, "The Armenian foreign ministry");
  EXPECT_EQ(a->actor_id, "am-mfa");
  EXPECT_EQ(a->perspective, "armenian");
}

// The region's pronouns, after an adverb ("також", "նաև", "ასევე") as well, are the speaker
// named before them, never a speaker of their own ("Він", "O"), and never the pronoun of another
// paragraph.
TEST_F(AttributionTest, PronounsOfTheRegionsLanguagesResolveToTheSpeakerNamedBefore) {
  const Result uk =
      Run("Зеленський заявив, що росіяни підірвали греблю. Він також наголосив, що евакуація "
          "триває.\n\n"
          "Шойгу заявив, що ВСУ понесли потери. Он заявил, что наступление отбито.",
          "uk");
  EXPECT_EQ(uk.SourceOf("евакуація триває"), "Зеленський");
  EXPECT_EQ(uk.SourceOf("наступление отбито"), "Шойгу");

  const Result hy =
      Run("Արարատ Միրզոյանը հայտարարել է, որ բանակցությունները շարունակվում են։ Նա նաև հայտարարել "
          "է, որ Երևանը պատրաստ է։",
          "hy");
  EXPECT_EQ(hy.SourceOf("Երևանը պատրաստ է"), "Արարատ Միրզոյանը");

  const Result az =
      Run("Hikmət Hacıyev bildirib ki, Ermənistan atəşkəsi pozub. O qeyd edib ki, cavab veriləcək.",
          "az");
  EXPECT_EQ(az.SourceOf("cavab veriləcək"), "Hikmət Hacıyev");

  const Result ka =
      Run("ირაკლი კობახიძემ განაცხადა, რომ კანონი მიიღება. მან ასევე განაცხადა, რომ პროცესი "
          "გაგრძელდება.",
          "ka");
  EXPECT_EQ(ka.SourceOf("პროცესი გაგრძელდება"), "ირაკლი კობახიძემ");
}

// "Как сообщает ТАСС, …", "Як повідомляє Укрінформ, …": the verb before its source, after
// "как"/"як"; the source is the institution, without the preposition or the report's noun
// ("в Минобороны", "сообщению Минобороны"). "Как сообщается" names no source and stays hedging.
TEST_F(AttributionTest, AsXReportsInRussianAndUkrainian) {
  const Result ru =
      Run("Как сообщает ТАСС, в городе объявлена эвакуация. Как сообщили в Минобороны, атака "
          "отражена. Согласно сообщению Минобороны, ночью был сбит беспилотник. Как сообщается, "
          "погибли двое.",
          "ru");
  EXPECT_EQ(ru.SourceOf("объявлена эвакуация"), "ТАСС");
  EXPECT_EQ(ru.SourceOf("атака отражена"), "Минобороны");
  EXPECT_EQ(ru.SourceOf("сбит беспилотник"), "Минобороны");
  EXPECT_EQ(ru.SourceOf("погибли двое"), "(none)");
  const Result uk = Run("Як повідомляє Укрінформ, вода відступає.", "uk");
  EXPECT_EQ(uk.SourceOf("вода відступає"), "Укрінформ");
}

// A negated verb reports no words: "пока не сообщают о потерях" ('have not yet reported
// losses'), "did not say whether", "has not yet said".
TEST_F(AttributionTest, ANegatedVerbReportsNoWords) {
  const Result ru =
      Run("Власти Таджикистана пока не сообщают о потерях. Министр заявил, что потерь нет.", "ru");
  EXPECT_EQ(ru.SourceOf("о потерях"), "(none)");
  EXPECT_EQ(ru.SourceOf("потерь нет"), "Министр");
  const Result en =
      Run("The ministry did not say whether troops had withdrawn. The spokesman has not yet said "
          "when talks resume. The minister said talks will resume.");
  EXPECT_EQ(en.SourceOf("troops had withdrawn"), "(none)");
  EXPECT_EQ(en.SourceOf("when talks resume"), "(none)");
  EXPECT_EQ(en.SourceOf("talks will resume"), "The minister");
}

// "«…», — говорится в сообщении" ('it is said in the statement') and "…, - məlumatda bildirilib"
// name the statement, not who made it: the source is its issuer, named last before it; with
// none named, the statement stays the source.
TEST_F(AttributionTest, InTheStatementIsTheIssuersStatement) {
  const Result ru =
      Run("Погранслужба ГКНБ Кыргызстана сообщила, что обстрел продолжается. «Таджикская сторона "
          "открыла огонь», — говорится в сообщении.",
          "ru");
  const AttributionRelation* a = ru.Holding("открыла огонь");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->source, "Погранслужба ГКНБ Кыргызстана");
  EXPECT_EQ(a->mention, "в сообщении");
  const Result alone = Run("«Обстрел прекращён», — говорится в сообщении.", "ru");
  ASSERT_NE(alone.Holding("Обстрел прекращён"), nullptr);
  EXPECT_EQ(alone.Holding("Обстрел прекращён")->source, "в сообщении");
}

// Two names joined by "and" are one subject: "Kyrgyzstan and Tajikistan have accused each
// other", "Армения и Азербайджан обвинили друг друга"; a lower-case word after "and" is not.
TEST_F(AttributionTest, NamesJoinedByAndAreOneSource) {
  const Result en =
      Run("Kyrgyzstan and Tajikistan have accused each other of breaching the ceasefire. In Moscow "
          "and Kyiv officials said talks would resume.");
  EXPECT_EQ(en.SourceOf("breaching the ceasefire"), "Kyrgyzstan and Tajikistan");
  // (Its source is "Kyiv officials": the place before a subject is a known fault.)
  EXPECT_EQ(en.SourceOf("talks would resume").find("Moscow"), std::string::npos);
  const Result ru = Run("Армения и Азербайджан заявили, что перемирие нарушено.", "ru");
  EXPECT_EQ(ru.SourceOf("перемирие нарушено"), "Армения и Азербайджан");
}

TEST_F(AttributionTest, TimesAndDocumentsAreNeverSources) {
  const Result r = Run("This bill says foreign funding must be declared. Sunday said nothing.");
  for (const AttributionRelation& a : r.ann.attributions) {
    EXPECT_NE(a.source, "This bill");
    EXPECT_NE(a.source, "Sunday");
  }
}

TEST_F(AttributionTest, MetonymsSpeakForTheirGovernment) {
  const Result r = Run("Azerbaijan said it was responding to enemy fire. Yerevan denied it.");
  const AttributionRelation* a = r.Holding("responding to enemy fire");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->source, "Azerbaijan");
  EXPECT_EQ(a->actor_id, "az-government");
  EXPECT_EQ(a->perspective, "azerbaijani");
  // The metonym is a speaker pattern only: "Azerbaijan" is not counted as an actor mention.
  for (const LexiconMatch& m : r.ann.matches) {
    EXPECT_FALSE(lexicon_->entries[m.entry].kind == LexiconEntry::Kind::kActor &&
                 r.article.text.compare(m.start, m.end - m.start, "Azerbaijan") == 0);
  }
}

TEST_F(AttributionTest, TheCountrysMinistryIsTheLastCountryNamed) {
  const Result r =
      Run("Azerbaijan closed the road on Sunday. The country's Foreign Ministry said the move was "
          "needed to stop smuggling.");
  const AttributionRelation* a = r.Holding("the move was needed");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->perspective, "azerbaijani");
}

TEST_F(AttributionTest, DistancingConstructionIsNotReportedSpeech) {
  const Result r =
      Run("Protesters, what the Azerbaijani government insists are 'eco-activists', "
          "blocked the road.");
  EXPECT_EQ(r.Holding("'eco-activists'"), nullptr);
}

TEST_F(AttributionTest, SoCalledIsOwnVoiceWithDistancing) {
  const Result r = Run("Residents of the so-called Nagorno-Karabakh Republic were not consulted.");
  const LexiconMatch* m = r.Match("Nagorno-Karabakh Republic");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->voice, Voice::kOwn);
  EXPECT_EQ(m->distancing, "so-called");
}

TEST_F(AttributionTest, LoadedTermsInReportedSpeechAreNotTheOutletsVoice) {
  const Result r = Run("Yerevan accused Baku of creating a humanitarian crisis in the region.");
  const LexiconMatch* m = r.Match("humanitarian crisis");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->voice, Voice::kReported);
  EXPECT_EQ(SpeakerOf(r.ann, *m).name, "Yerevan");
  EXPECT_EQ(SpeakerOf(r.ann, *m).perspective, "armenian");
}

TEST_F(AttributionTest, RussianReportedSpeech) {
  const Result r =
      Run("Партия «Грузинская мечта» отозвала законопроект, сообщает ТАСС. Как заявил премьер "
          "Ираклий Гарибашвили, закон будет принят позже. По словам министра, границы открыты. "
          "Пашинян заявил, что переговоры продолжатся.",
          "ru");
  ASSERT_NE(r.Holding("отозвала законопроект"), nullptr);
  EXPECT_EQ(r.Holding("отозвала законопроект")->source, "ТАСС");
  ASSERT_NE(r.Holding("закон будет принят"), nullptr);
  EXPECT_EQ(r.Holding("закон будет принят")->source, "премьер Ираклий Гарибашвили");
  ASSERT_NE(r.Holding("границы открыты"), nullptr);
  EXPECT_EQ(r.Holding("границы открыты")->source, "министра");
  ASSERT_NE(r.Holding("переговоры продолжатся"), nullptr);
  EXPECT_EQ(r.Holding("переговоры продолжатся")->source, "Пашинян");
}

// "CONTENT, said X.": a clause that opens the sentence is the content, not the subject, when a
// name after the verb closes the sentence; a subject with an aside keeps the verb's object or
// clause ("X, who …, said Y's statement didn't clarify the matter.").
TEST_F(AttributionTest, InvertedSourceAfterAClauseOpeningTheSentence) {
  const Result r =
      Run("В Новой Каховке объявлена эвакуация, ситуация контролируется, заявил глава округа "
          "Владимир Леонтьев. Киевский режим совершил диверсию, заявил Песков.",
          "ru");
  const AttributionRelation* a = r.Holding("объявлена эвакуация, ситуация контролируется");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->source, "глава округа Владимир Леонтьев");
  ASSERT_NE(r.Holding("Киевский режим совершил диверсию"), nullptr);
  EXPECT_EQ(r.Holding("Киевский режим совершил диверсию")->source, "Песков");
  const Result en =
      Run("Aparna Mathur, who studies tax policy at the institute, said Ivanka Trump's statement "
          "didn't clarify the matter.");
  ASSERT_NE(en.Holding("statement didn't clarify"), nullptr);
  EXPECT_EQ(en.Holding("statement didn't clarify")->source, "Aparna Mathur");
  const Result told = Run("The road is open, the ministry's spokesman, Ivan Petrov, told Reuters.");
  ASSERT_NE(told.Holding("The road is open"), nullptr);
  EXPECT_EQ(told.Holding("The road is open")->source, "Ivan Petrov");
  // An object after the verb is no source: "said nothing", "said the same", "заявил обратное".
  const Result object =
      Run("The minister, when asked about the evacuation, said nothing. Biden, speaking in Warsaw, "
          "said the same. Песков, в свою очередь, заявил обратное.");
  for (const AttributionRelation& a : object.ann.attributions) {
    EXPECT_NE(a.source, "nothing");
    EXPECT_NE(a.source, "the same");
    EXPECT_NE(a.source, "обратное");
  }
  ASSERT_NE(object.Holding("the same"), nullptr);
  EXPECT_EQ(object.Holding("the same")->source, "Biden");
}

// A comma-delimited clause before "…, сообщил X." is an aside of the content, not the verb's
// subject, when a name after the verb closes the sentence.
TEST_F(AttributionTest, InvertedSourceAfterAnAsideBetweenCommas) {
  const Result r =
      Run("В результате прорыва ГЭС, где дамбу разрушило ударами ВСУ, город уходит под воду, "
          "сообщил глава округа Владимир Леонтьев.",
          "ru");
  const AttributionRelation* a = r.Holding("где дамбу разрушило ударами ВСУ");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->source, "глава округа Владимир Леонтьев");
  EXPECT_EQ(r.Holding("Владимир Леонтьев"), nullptr) << "the source is not its own content";
  // An appositive between commas keeps its subject: "Smith, a lawyer, said Jones was wrong."
  const Result en = Run("Ivan Petrov, a lawyer from Baku, said Jones was wrong about the road.");
  ASSERT_NE(en.Holding("Jones was wrong"), nullptr);
  EXPECT_EQ(en.Holding("Jones was wrong")->source, "Ivan Petrov");
}

// "Об этом сообщил X." points back: the sentence before is X's; with no such sentence (or only
// another tag) the tag reports nothing, and "об этом" is never a source.
TEST_F(AttributionTest, AboutThisSaidXReportsTheSentenceBefore) {
  const Result r = Run(
      "Из зоны затопления вывезли более 900 человек. Об этом 7 июня сообщил мэр города Владимир "
      "Леонтьев.\n\nОб этом заявил министр Сергей Лавров.",
      "ru");
  const AttributionRelation* a = r.Holding("вывезли более 900 человек");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->source, "мэр города Владимир Леонтьев");
  EXPECT_EQ(a->kind, AttributionKind::kReported);
  ASSERT_EQ(r.ann.attributions.size(), 1u);
  const Result uk = Run(
      "Рівень води піднявся на три метри. Про це повідомив голова ОВА Олександр Прокудін.", "uk");
  ASSERT_NE(uk.Holding("Рівень води піднявся"), nullptr);
  EXPECT_EQ(uk.Holding("Рівень води піднявся")->source, "голова ОВА Олександр Прокудін");
  EXPECT_EQ(uk.Holding("Олександр Прокудін"), nullptr);
  // Where it was said stands between the verb and the source.
  const Result where = Run(
      "Армия больше не контролирует город. Об этом сообщил в Facebook пресс-секретарь Ваграм "
      "Погосян. Вода отступила на метр. Об этом заявил в своём Telegram-канале мэр Иван Петров.",
      "ru");
  ASSERT_NE(where.Holding("не контролирует город"), nullptr);
  EXPECT_EQ(where.Holding("не контролирует город")->source, "пресс-секретарь Ваграм Погосян");
  ASSERT_NE(where.Holding("Вода отступила"), nullptr);
  EXPECT_EQ(where.Holding("Вода отступила")->source, "мэр Иван Петров");
  // A pronoun before the verb is the source; a date between is no source; the sentence before
  // may end the paragraph before.
  const Result pronoun =
      Run("Пашинян підписав документ про припинення вогню.\n\nПро це він заявив в Facebook. Рівень "
          "води впав на метр. Про це 6 червня повідомляє оперативне командування.",
          "uk");
  ASSERT_NE(pronoun.Holding("підписав документ"), nullptr);
  EXPECT_EQ(pronoun.Holding("підписав документ")->source, "він");
  ASSERT_NE(pronoun.Holding("Рівень води впав"), nullptr);
  EXPECT_EQ(pronoun.Holding("Рівень води впав")->source, "оперативне командування");
  // Armenian: the source follows the verb; Azerbaijani: it stands before it, also after
  // "… xəbər verir ki, bunu …".
  const Result hy =
      Run("Պատերազմը դադարեցվում է։ Այս մասին ֆեյսբուքյան իր էջում գրել է վարչապետ Նիկոլ "
          "Փաշինյանը։",
          "hy");
  ASSERT_NE(hy.Holding("Պատերազմը դադարեցվում"), nullptr);
  EXPECT_EQ(hy.Holding("Պատերազմը դադարեցվում")->source, "վարչապետ Նիկոլ Փաշինյանը");
  const Result az =
      Run("Ermənistan bölmələri mülki əhalini atəşə tutub. Metbuat.az xəbər verir ki, bunu "
          "brifinqdə Prezidentin köməkçisi Hikmət Hacıyev bildirib. Qoşunlar çıxarılacaq. Bu "
          "barədə Müdafiə Nazirliyi bildirib.",
          "az");
  ASSERT_NE(az.Holding("mülki əhalini atəşə tutub"), nullptr);
  EXPECT_EQ(az.Holding("mülki əhalini atəşə tutub")->source,
            "Prezidentin köməkçisi Hikmət Hacıyev");
  ASSERT_NE(az.Holding("Qoşunlar çıxarılacaq"), nullptr);
  EXPECT_EQ(az.Holding("Qoşunlar çıxarılacaq")->source, "Müdafiə Nazirliyi");
  const Result document = Run("Вода ушла из города. Об этом говорится в сообщении МЧС.", "ru");
  ASSERT_NE(document.Holding("Вода ушла"), nullptr);
  EXPECT_EQ(document.Holding("Вода ушла")->source, "МЧС");
  // "«…», — говорится в послании X": the quotation is X's.
  const Result quoted =
      Run("Президент выступил вечером.\n\n«Я дал согласие остановить войну», — говорится в "
          "послании Арутюняна.",
          "ru");
  ASSERT_NE(quoted.Holding("Я дал согласие"), nullptr);
  EXPECT_EQ(quoted.Holding("Я дал согласие")->source, "Арутюняна");
}

// A Russian or Ukrainian adverbial participle after a comma speaks for the sentence's subject,
// not for the whole clause before it.
TEST_F(AttributionTest, RussianAndUkrainianParticiplesSpeakForTheSubject) {
  const Result r =
      Run("Президент Араик Арутюнян прокомментировал прекращение боевых действий, сообщив, что "
          "обсуждал с премьером шаги.",
          "ru");
  ASSERT_NE(r.Holding("обсуждал с премьером"), nullptr);
  EXPECT_EQ(r.Holding("обсуждал с премьером")->source, "Президент Араик Арутюнян");
  const Result uk = Run(
      "Голова ОВА Олександр Прокудін виступив у Херсоні, зазначивши, що евакуація триває.", "uk");
  ASSERT_NE(uk.Holding("евакуація триває"), nullptr);
  EXPECT_EQ(uk.Holding("евакуація триває")->source, "Голова ОВА Олександр Прокудін");
}

// ", police said," between commas: a bare noun before a tag that stands alone between
// separators is its subject, and a participle after the tag speaks for that source.
TEST_F(AttributionTest, BareNounInATagBetweenCommasIsTheSource) {
  const Result r =
      Run("Turkish police raided the office on Monday, police said, claiming they seized "
          "weapons. The road was closed overnight, staff said.");
  const AttributionRelation* raid = r.Holding("raided the office on Monday");
  ASSERT_NE(raid, nullptr);
  EXPECT_EQ(raid->source, "police");
  EXPECT_EQ(raid->cue, "said");
  EXPECT_EQ(r.Content(*raid).find("police said"), std::string::npos) << r.Content(*raid);
  EXPECT_EQ(r.SourceOf("they seized weapons"), "police");
  EXPECT_EQ(r.SourceOf("The road was closed"), "staff");
  // Not a tag: the verb goes on to its clause, or the noun follows a verb of the sentence.
  const Result clause = Run("Officers arrived, police said nothing about the raid.");
  for (const AttributionRelation& a : clause.ann.attributions) EXPECT_NE(a.source, "police");
}

// A participle after a comma with no source before it speaks for the sentence's subject: the
// whole noun phrase, a capitalised modifier with its noun ("Georgian troops"), not the modifier.
TEST_F(AttributionTest, ParticipleSpeaksForTheWholeSubject) {
  const Result r =
      Run("Georgian troops crossed the river on Friday, claiming the bridge was theirs. The "
          "Russian army shelled the town, saying it targeted depots.");
  EXPECT_EQ(r.SourceOf("the bridge was theirs"), "Georgian troops");
  EXPECT_EQ(r.SourceOf("it targeted depots"), "The Russian army");
}

// "…," he said, adding that …: the participle goes on with the tag's source, not with the
// quotation's first words ("One Tajik", "Violating the").
TEST_F(AttributionTest, AddingAfterAQuotationsTagSpeaksForTheTagsSource) {
  const Result r =
      Run("\"One Tajik border guard was killed on Wednesday,\" the official said, adding that the "
          "wounded had been taken to hospital. \"Violating the agreements, the other side opened "
          "fire,\" the Kyrgyz border service said, adding that rocket launchers were used.");
  EXPECT_EQ(r.SourceOf("the wounded had been taken"), "the official");
  EXPECT_EQ(r.SourceOf("rocket launchers were used"), "the Kyrgyz border service");
}

// Names that hold "for" or "of" are one source; a plural noun opening the sentence takes its
// place with it ("Protesters in Tbilisi").
TEST_F(AttributionTest, NamesWithForOrOfAreOneSource) {
  const Result r =
      Run("The State Committee for National Security said the border was closed. The Committee for "
          "the Protection of Journalists said reporters were detained. Protesters in Tbilisi said "
          "the police used force.");
  EXPECT_EQ(r.SourceOf("the border was closed"), "The State Committee for National Security");
  EXPECT_EQ(r.SourceOf("reporters were detained"),
            "The Committee for the Protection of Journalists");
  EXPECT_EQ(r.SourceOf("the police used force"), "Protesters in Tbilisi");
}

// "X, citing Y, said …": the verb after the aside reports the words, with the subject before
// it; "said in a statement that …" starts its content at "that".
TEST_F(AttributionTest, ACitingAsideAndWhereItWasSaid) {
  const Result r =
      Run("A government news portal, citing its border guard service, said troops were reinforcing "
          "their positions. The ministry said in a statement that the post had been shelled.");
  EXPECT_EQ(r.SourceOf("troops were reinforcing"), "A government news portal");
  const AttributionRelation* shelled = r.Holding("the post had been shelled");
  ASSERT_NE(shelled, nullptr);
  EXPECT_EQ(shelled->source, "The ministry");
  EXPECT_EQ(r.Content(*shelled).find("statement"), std::string::npos) << r.Content(*shelled);
  // Only where it was said is stepped over: a "that" further on belongs to the content.
  const Result later =
      Run("The ministry said on Friday the troops remain in positions that were taken last week.");
  const AttributionRelation* troops = later.Holding("that were taken last week");
  ASSERT_NE(troops, nullptr);
  EXPECT_NE(later.Content(*troops).find("the troops remain"), std::string::npos)
      << later.Content(*troops);
}

// "По его словам, …", "за її словами": the possessive is the source, resolved to the speaker
// named before; words in quotation marks inside such plain reported speech are the speaker's
// (a fragment of it), not the outlet's scare quotes. Any other word in the gap is no cue.
TEST_F(AttributionTest, PossessiveAccordingToResolvesToTheSpeakerBefore) {
  const Result r =
      Run("Министр Юрий Караев заявил, что ситуация под контролем. По его словам, задержаны три "
          "тысячи человек. Светлана Тихановская сказала, что покидает страну. По ее словам, она "
          "приняла решение \"абсолютно самостоятельно\".",
          "ru");
  EXPECT_EQ(r.SourceOf("задержаны три тысячи"), "Министр Юрий Караев");
  const AttributionRelation* left = r.Holding("она приняла решение");
  ASSERT_NE(left, nullptr);
  EXPECT_EQ(left->source, "Светлана Тихановская");
  EXPECT_EQ(left->mention, "ее");
  const std::size_t self = r.article.text.find("абсолютно");
  const Quote* fragment = QuoteAt(r.ann.quotes, self);
  ASSERT_NE(fragment, nullptr);
  EXPECT_EQ(fragment->kind, QuoteKind::kFragment);
  const Result uk =
      Run("Мер Ігор Терехов заявив, що світла немає. За його словами, ремонт триває.", "uk");
  EXPECT_EQ(uk.SourceOf("ремонт триває"), "Мер Ігор Терехов");
}

// The outlet's own remark ("Стоит отметить, что …") and an impersonal report ("Ранее
// сообщалось, что …") name no source; after "хотя" the verb's subject is the sentence's.
TEST_F(AttributionTest, ImpersonalOpenersAreNoSource) {
  const Result r =
      Run("Стоит отметить, что акция прошла мирно. Ранее сообщалось, что президент приехал на "
          "митинг. Оппозиция требует пересчёта, хотя заявила, что готова к диалогу.",
          "ru");
  for (const AttributionRelation& a : r.ann.attributions) {
    EXPECT_NE(a.source, "Стоит");
    EXPECT_NE(a.source, "Ранее");
    EXPECT_NE(a.source, "хотя");
  }
  EXPECT_EQ(r.Holding("акция прошла мирно"), nullptr);
  EXPECT_EQ(r.SourceOf("готова к диалогу"), "Оппозиция");
  // Only listed words: a name ending in -ly opening the sentence is its subject.
  const Result names = Run("Italy said the ship was seized. Kelly said the bill would pass.");
  EXPECT_EQ(names.SourceOf("the ship was seized"), "Italy");
  EXPECT_EQ(names.SourceOf("the bill would pass"), "Kelly");
  // A preposition opening the sentence is no subject either.
  const Result during =
      Run("Во вторник стало известно, что она в Литве, хотя ранее уверяла, что не уедет.", "ru");
  for (const AttributionRelation& a : during.ann.attributions) EXPECT_NE(a.source, "Во");
}

// A reporting verb's past participle used as an adjective ("alleged attackers", "two reported
// cases") is no verb of speech: it follows a number or a preposition, which a subject never
// ends in. As a verb it keeps its clause.
TEST_F(AttributionTest, AttributiveParticipleIsNoReportingVerb) {
  ExpectNoAttribution({"Three alleged smugglers fled across the river at night.",
                       "Police detained two alleged members of the gang near the border.",
                       "The trial of alleged war criminals opened in the capital on Monday.",
                       "Hospitals saw 40 reported cases of the disease in one week."});
  const Result verb = Run("Prosecutors alleged that the company hid losses from investors.");
  EXPECT_EQ(verb.SourceOf("the company hid losses"), "Prosecutors");
}

// "The footage shows soldiers at the gate": a picture showing a thing depicts it, nobody speaks.
// With a clause ("the video shows that …") it reports a finding, and what else shows a thing
// ("filings show a loss") reports one too.
TEST_F(AttributionTest, ShowingSomethingIsNoSpeech) {
  ExpectNoAttribution({"The footage shows soldiers at the gate of the church.",
                       "The photographs showed armed men near the old bridge."});
  const Result finding = Run("A survey shows that 60 percent of residents back the plan.");
  EXPECT_EQ(finding.SourceOf("60 percent of residents"), "A survey");
  const Result clause = Run("The video shows that the police fired first at the crowd.");
  EXPECT_EQ(clause.SourceOf("the police fired first"), "The video");
  const Result filings = Run("New filings show a loss of nine million dollars last year.");
  EXPECT_EQ(filings.SourceOf("a loss of nine million"), "New filings");
}

// "Trump in 2016 said", "The ministry on May 5 said": a date between the subject and its verb
// is no source, and a number before the verb is a date there, not a count of what follows.
TEST_F(AttributionTest, ADateBeforeTheVerbIsSteppedOver) {
  const Result r =
      Run("Petrov in 2016 said the border would stay open. The ministry on May 5 said "
          "negotiations would resume.");
  EXPECT_EQ(r.SourceOf("the border would stay open"), "Petrov");
  EXPECT_EQ(r.SourceOf("negotiations would resume"), "The ministry");
}

// "he noted" after an organisation was named: he and she stand for a person named before (a
// source or a titled name), never for an organisation ("The Georgian Orthodox Church").
TEST_F(AttributionTest, PersonalPronounsResolveToAPersonNotAnOrganisation) {
  struct Case {
    const char* text;
    const char* content;
    const char* source;
  };
  for (const Case& c :
       {// A source named before the church.
        Case{"Prime Minister Ivan Petrov said the talks would go on. The Georgian Orthodox "
             "Church condemned the closure of the road. The talks must not stop, he noted.",
             "The talks must not stop", "Prime Minister Ivan Petrov"},
        // A surname alone (a source of no known kind): the church does not take its place.
        Case{"Petrov said the talks would go on. The Georgian Orthodox Church condemned the "
             "closure of the road. The talks must not stop, she noted.",
             "The talks must not stop", "Petrov"},
        // No person among the sources: the titled name before the sentence.
        Case{"President Ivan Petrov visited the village on Monday. The Georgian Orthodox "
             "Church condemned the attack on the monastery. The attack was a crime, he noted.",
             "The attack was a crime", "President Ivan Petrov"},
        // "it" still stands for the organisation.
        Case{"The Georgian Orthodox Church condemned the attack. It said the monastery was "
             "damaged.",
             "the monastery was damaged", "The Georgian Orthodox Church"}}) {
    const Result r = Run(c.text);
    EXPECT_EQ(r.SourceOf(c.content), c.source) << c.text;
  }
}

// "Как заявили в «Газпроме», …", "…, повідомили в "Енергоатомі"": the body named after the
// preposition is the source, and the content starts after its closing mark.
TEST_F(AttributionTest, ABodyInQuotationMarksAfterThePrepositionIsTheSource) {
  const Result ru = Run("Как заявили в \"Газпроме\", долг не погашен.", "ru");
  ASSERT_NE(ru.Holding("долг не погашен"), nullptr);
  EXPECT_EQ(ru.Holding("долг не погашен")->source, "Газпроме");
  const AttributionRelation* debt = ru.Holding("долг не погашен");
  EXPECT_EQ(ru.article.text.substr(debt->start, debt->end - debt->start), "долг не погашен");
  const Result uk = Run("Це може мати наслідки для ЗАЕС, повідомили в \"Енергоатомі\".", "uk");
  ASSERT_NE(uk.Holding("може мати наслідки"), nullptr);
  EXPECT_EQ(uk.Holding("може мати наслідки")->source, "Енергоатомі");
}

// A relative clause before the verb is no source: "…, որին կից գրել է" ('alongside which he
// wrote'), "…, which said".
TEST_F(AttributionTest, ARelativeClauseIsNoSource) {
  const Result hy =
      Run("Նախագահը Facebook-ի իր էջում տեսանյութ է տեղադրել, որին կից գրել է։ Պատերազմը "
          "շարունակվում է։",
          "hy");
  // (Before the rule, the tag gave a relation whose source was "որին կից".)
  EXPECT_EQ(std::count_if(hy.ann.attributions.begin(), hy.ann.attributions.end(),
                          [](const AttributionRelation& a) { return a.source == "որին կից"; }),
            0);
}

// The reviewer's cases: a number subject with an -ing complement speaks; a time after a bare
// tag; an irregular past tense tells the subject's verb; "Як повідомили в …"; a second cue after
// a back-reference; a body after "в" named in two words.
TEST_F(AttributionTest, TagsAfterNumbersTimesAndBackReferences) {
  EXPECT_EQ(Run("Two reported hearing explosions near the airport.")
                .SourceOf("hearing explosions near the airport"),
            "Two");
  EXPECT_EQ(Run("Several claimed victory after the vote in the capital.")
                .SourceOf("victory after the vote"),
            "Several");
  EXPECT_EQ(Run("The road was closed overnight, police said on Monday.")
                .SourceOf("The road was closed overnight"),
            "police");
  EXPECT_EQ(Run("Serbian police shot two protesters near the border, claiming they were armed "
                "men.")
                .SourceOf("they were armed men"),
            "Serbian police");
  EXPECT_EQ(Run("Як повідомили в \"Енергоатомі\", енергоблок зупинено.", "uk")
                .SourceOf("енергоблок зупинено"),
            "Енергоатомі");
  const Result two =
      Run("Пожар начался на складе. Об этом сообщил Песков, а Лавров заявил, что переговоры "
          "продолжатся в Минске.",
          "ru");
  EXPECT_EQ(two.SourceOf("Пожар начался на складе"), "Песков");
  EXPECT_EQ(two.SourceOf("переговоры продолжатся"), "Лавров");
  EXPECT_EQ(Run("Пожар начался на складе. Об этом сообщили в МЧС России.", "ru")
                .SourceOf("Пожар начался"),
            "МЧС России");
  EXPECT_EQ(Run("Կրակոցները շարունակվել են։ Այս մասին նա ասել է։", "hy")
                .SourceOf("Կրակոցները շարունակվել են"),
            "նա");
  // The Azerbaijani source ends at its last capitalised word; a place is no source.
  EXPECT_EQ(Run("Şuşa şəhəri azad edilib. Metbuat.az xəbər verir ki, bu barədə Prezident İlham "
                "Əliyev xalqa müraciətində bildirib.",
                "az")
                .SourceOf("Şuşa şəhəri azad edilib"),
            "Prezident İlham Əliyev");
  EXPECT_EQ(Run("Qoşunlar çıxarılacaq. Bunu Bakıda keçirilən görüşdə deyib.", "az")
                .SourceOf("Qoşunlar çıxarılacaq"),
            "(none)");
}

// "Name: words" reads the name as the speaker; a section label ("Background:", "Предыстория:",
// "Довідка:") is nobody.
TEST_F(AttributionTest, SectionLabelsBeforeAColonAreNoSpeaker) {
  const Result named = Run("Пашинян: Армения готова подписать мирный договор до конца года.", "ru");
  ASSERT_NE(named.Holding("Армения готова подписать"), nullptr);
  EXPECT_EQ(named.Holding("Армения готова подписать")->source, "Пашинян");
  for (const auto& [text, language] :
       {std::pair{"Предыстория: Какие проблемы принесет разрушение дамбы на ГЭС", "ru"},
        std::pair{"Довідка: Каховська ГЕС була збудована у 1956 році на Дніпрі", "uk"},
        std::pair{"Background: What the dam held back for seventy years", "en"}}) {
    const Result label = Run(text, language);
    EXPECT_TRUE(label.ann.attributions.empty()) << text;
  }
}

TEST_F(AttributionTest, RussianNamesInGuillemetsAreNotScareQuotes) {
  const Result r = Run("Партия «Грузинская мечта» и издание «Медуза» сообщили об этом.", "ru");
  ASSERT_EQ(r.ann.quotes.size(), 2u);
  for (const Quote& q : r.ann.quotes) EXPECT_EQ(q.kind, QuoteKind::kTitle) << q.start;
  // A lower-case word in guillemets is still held at a distance.
  const Result scare = Run("Так называемый закон об «иноагентах» приняли.", "ru");
  ASSERT_EQ(scare.ann.quotes.size(), 1u);
  EXPECT_EQ(scare.ann.quotes[0].kind, QuoteKind::kScare);
}

TEST_F(AttributionTest, ChantsAndSubheadsAreSomeonesWords) {
  const Result chant = Run("Protesters chanted 'No to Russian law' outside parliament.");
  ASSERT_EQ(chant.ann.quotes.size(), 1u);
  EXPECT_EQ(chant.ann.quotes[0].kind, QuoteKind::kDirect);
  const Result subhead = Run("The text went on.\n\n'Gross violation'\n\nThe ministry reacted.");
  ASSERT_EQ(subhead.ann.quotes.size(), 1u);
  EXPECT_EQ(subhead.ann.quotes[0].kind, QuoteKind::kDirect);
}

TEST_F(AttributionTest, FindAttributionsWithoutALexiconKeepsDirectQuotations) {
  const std::string text = "\"No,\" he said. The minister said the road was open.";
  const std::vector<Quote> quotes = FindQuotes(text);
  const std::vector<std::pair<std::size_t, std::size_t>> sentences = {{0, 14}, {15, text.size()}};
  const auto none = FindAttributions(text, sentences, quotes, {});
  ASSERT_EQ(none.size(), 1u);  // no cues given: only the quotation
  EXPECT_EQ(none[0].kind, AttributionKind::kDirect);
  const std::size_t said = text.find("said the road");
  const auto with = FindAttributions(text, sentences, quotes,
                                     {CueSpan{said, said + 4, CueSyntax::kVerb, "neutral"}});
  ASSERT_EQ(with.size(), 2u);
  EXPECT_EQ(with[1].source, "The minister");
  EXPECT_EQ(text.substr(with[1].start, with[1].end - with[1].start), "the road was open");
}

// The shipped corpus: The Moscow Times reports Yerevan's and Azerbaijan's words.
TEST_F(AttributionTest, MoscowTimesReportedSpeechInTheShippedCorpus) {
  const std::string root = testing::SourceDir();
  const auto outlets = LoadOutlets(root + "/corpus/outlets.xml");
  const Corpus corpus = LoadCorpus(root + "/corpus/lachin-2023", outlets.file);
  const Article* mt = nullptr;
  for (const Article& a : corpus.articles) {
    if (a.outlet == "moscow-times") mt = &a;
  }
  ASSERT_NE(mt, nullptr);
  const ArticleAnnotations ann = annotator_->Annotate(*mt);
  auto match = [&](const std::string& surface) -> const LexiconMatch* {
    for (const LexiconMatch& m : ann.matches) {
      if (mt->text.compare(m.start, m.end - m.start, surface) == 0) return &m;
    }
    return nullptr;
  };
  const LexiconMatch* crisis = match("humanitarian crisis");
  ASSERT_NE(crisis, nullptr);
  EXPECT_EQ(crisis->voice, Voice::kReported);
  EXPECT_EQ(SpeakerOf(ann, *crisis).name, "Yerevan");
  const LexiconMatch* fire = match("enemy");
  ASSERT_NE(fire, nullptr);
  EXPECT_EQ(fire->voice, Voice::kReported);
  EXPECT_EQ(SpeakerOf(ann, *fire).name, "Azerbaijan");
  EXPECT_EQ(SpeakerOf(ann, *fire).perspective, "azerbaijani");
  const LexiconMatch* gross = match("Gross violation");
  ASSERT_NE(gross, nullptr);
  EXPECT_EQ(gross->voice, Voice::kQuoted);
  bool azerbaijan_speaks = false;
  for (const AttributionRelation& a : ann.attributions) {
    if (a.source == "Azerbaijan") {
      azerbaijan_speaks = true;
      EXPECT_EQ(a.perspective, "azerbaijani");
    }
  }
  EXPECT_TRUE(azerbaijan_speaks);
}

}  // namespace
}  // namespace parallax
