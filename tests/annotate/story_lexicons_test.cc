// The shipped story packs (lexicons/karabakh.xml, georgia.xml, russia-ukraine.xml) on short
// texts written for these tests: each naming choice resolves to the side whose usage it is, in
// Russian, Azerbaijani, Armenian, Ukrainian and Georgian, with case forms (Snowball stems for
// Russian and Armenian, trailing wildcards for Azerbaijani, Ukrainian and Georgian).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "annotate/annotator.h"
#include "annotate/lexicon.h"
#include "test_paths.h"

namespace parallax {
namespace {

class StoryLexiconsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto lex = LoadLexicons(DefaultLexiconPaths(testing::SourceDir() + "/lexicons"));
    ASSERT_TRUE(lex.ok()) << lex.diagnostics[0].ToString();
    lexicon_ = new Lexicon(std::move(lex.lexicon));
    annotator_ = new Annotator(*lexicon_);
  }
  static void TearDownTestSuite() {
    delete annotator_;
    delete lexicon_;
  }

  struct Found {
    std::string surface;
    std::string concept_id;
    std::string perspective;
    std::string file;  // the pack the entry comes from
  };

  // The naming variants and loaded terms found in `text`, in text order.
  static std::vector<Found> Annotate(const std::string& text, const std::string& language) {
    Article a;
    a.id = "t";
    a.outlet = "test";
    a.language = language;
    a.body = text;
    a.text = text;
    a.segments = {TextSegment{0, 0, text.size()}};
    const ArticleAnnotations ann = annotator_->Annotate(a);
    std::vector<Found> out;
    for (const LexiconMatch& m : ann.matches) {
      const LexiconEntry& e = lexicon_->entries[m.entry];
      if (e.kind != LexiconEntry::Kind::kNaming && e.kind != LexiconEntry::Kind::kLoaded) continue;
      out.push_back(Found{text.substr(m.start, m.end - m.start), e.concept_id, e.perspective,
                          e.file.substr(e.file.find_last_of('/') + 1)});
    }
    return out;
  }

  // The perspective of the one naming or loaded entry matched on `surface` in `text`;
  // "(not found)" when none.
  static std::string PerspectiveOf(const std::string& text, const std::string& language,
                                   const std::string& surface) {
    for (const Found& f : Annotate(text, language)) {
      if (f.surface == surface) return f.perspective.empty() ? "(none)" : f.perspective;
    }
    return "(not found)";
  }

  static Lexicon* lexicon_;
  static Annotator* annotator_;
};

Lexicon* StoryLexiconsTest::lexicon_ = nullptr;
Annotator* StoryLexiconsTest::annotator_ = nullptr;

TEST_F(StoryLexiconsTest, KarabakhAdministrativeNamesInRussianAzerbaijaniAndArmenian) {
  EXPECT_EQ(PerspectiveOf("Город вошёл в Карабахский экономический район.", "ru",
                          "Карабахский экономический район"),
            "azerbaijani");
  // Case forms by stem: "Республики Арцах" is the genitive of Республика Арцах.
  EXPECT_EQ(PerspectiveOf("Парламент Республики Арцах собрался вечером.", "ru", "Республики Арцах"),
            "karabakh-armenian");
  EXPECT_EQ(PerspectiveOf("Prezident Qarabağ iqtisadi rayonuna səfər edib.", "az",
                          "Qarabağ iqtisadi rayonuna"),
            "azerbaijani");
  EXPECT_EQ(PerspectiveOf("Արցախի Հանրապետության նախագահը հայտարարություն է արել։", "hy",
                          "Արցախի Հանրապետության"),
            "karabakh-armenian");
}

TEST_F(StoryLexiconsTest, KarabakhPlaceAndRoadNamesWithCaseForms) {
  // Azerbaijani has no Snowball stemmer: the trailing wildcard finds the case endings.
  EXPECT_EQ(PerspectiveOf("Nümayəndə heyəti Xankəndiyə çatıb.", "az", "Xankəndiyə"), "azerbaijani");
  EXPECT_EQ(PerspectiveOf("Yük maşınları Laçın yolu ilə hərəkət edir.", "az", "Laçın yolu"),
            "azerbaijani");
  EXPECT_EQ(PerspectiveOf("Колонна прошла по Лачинской дороге.", "ru", "Лачинской дороге"),
            "azerbaijani");
  EXPECT_EQ(PerspectiveOf("Колонна прошла по Лачинскому коридору.", "ru", "Лачинскому коридору"),
            "international");
  EXPECT_EQ(PerspectiveOf("Журналисты приехали в Шушу.", "ru", "Шушу"), "azerbaijani");
  EXPECT_EQ(PerspectiveOf("Մեքենաները անցել են Լաչինի միջանցքով։", "hy", "Լաչինի միջանցքով"),
            "armenian");
  EXPECT_EQ(PerspectiveOf("Ստեփանակերտում լույս չկա։", "hy", "Ստեփանակերտում"), "armenian");
}

TEST_F(StoryLexiconsTest, KarabakhWarAndTerritoryNamesInAzerbaijaniAndArmenian) {
  EXPECT_EQ(PerspectiveOf("Vətən müharibəsi 44 gün davam etdi.", "az", "Vətən müharibəsi"),
            "azerbaijani");
  EXPECT_EQ(PerspectiveOf("Kəndlər işğaldan azad edildi.", "az", "işğaldan azad"), "azerbaijani");
  EXPECT_EQ(
      PerspectiveOf("Nazirlik erməni təxribatı barədə məlumat yayıb.", "az", "erməni təxribatı"),
      "azerbaijani");
  EXPECT_EQ(PerspectiveOf("Պաշտպանության բանակը հայտարարել է։", "hy", "Պաշտպանության բանակը"),
            "karabakh-armenian");
}

TEST_F(StoryLexiconsTest, UkraineNamesResolveToTheirSideInRussianAndUkrainian) {
  EXPECT_EQ(PerspectiveOf("Новости о специальной военной операции.", "ru",
                          "специальной военной операции"),
            "russian-official");
  EXPECT_EQ(PerspectiveOf("Помощь отправили на Украину.", "ru", "на Украину"), "russian-official");
  EXPECT_EQ(PerspectiveOf("Волонтёры работают в Украине.", "ru", "в Украине"), "ukrainian");
  EXPECT_EQ(PerspectiveOf("Рік повномасштабного вторгнення.", "uk", "повномасштабного"),
            "ukrainian");
  EXPECT_EQ(
      PerspectiveOf("Уряд Автономної Республіки Крим у Києві.", "uk", "Автономної Республіки Крим"),
      "ukrainian");
  EXPECT_EQ(PerspectiveOf("Окупанти обстріляли місто.", "uk", "Окупанти"), "ukrainian");
  EXPECT_EQ(PerspectiveOf("Officials in Kyiv said so.", "en", "Kyiv"), "ukrainian");
  EXPECT_EQ(PerspectiveOf("Officials in Kiev said so.", "en", "Kiev"), "russian-official");
}

// "СВО" is compared exactly: its stem would otherwise match "свою".
TEST_F(StoryLexiconsTest, AnAbbreviationIsNotStemmedIntoACommonWord) {
  EXPECT_EQ(PerspectiveOf("Каждый высказал свою позицию.", "ru", "свою"), "(not found)");
  EXPECT_EQ(PerspectiveOf("Итоги СВО обсудили.", "ru", "СВО"), "russian-official");
}

TEST_F(StoryLexiconsTest, GeorgiaLawNamesResolveToGovernmentOrCritics) {
  EXPECT_EQ(PerspectiveOf("უცხოური გავლენის გამჭვირვალობის შესახებ კანონი მიიღეს.", "ka",
                          "უცხოური გავლენის გამჭვირვალობის"),
            "georgian-government");
  EXPECT_EQ(PerspectiveOf("აქცია რუსული კანონის წინააღმდეგ.", "ka", "რუსული კანონის"),
            "georgian-opposition");
  EXPECT_EQ(PerspectiveOf("არა რუსულ კანონს!", "ka", "რუსულ კანონს"), "georgian-opposition");
  EXPECT_EQ(PerspectiveOf("Депутаты приняли закон об иноагентах.", "ru", "закон об иноагентах"),
            "georgian-opposition");
  EXPECT_EQ(PerspectiveOf("Обсуждение закона о прозрачности иностранного влияния.", "ru",
                          "прозрачности иностранного влияния"),
            "georgian-government");
  EXPECT_EQ(PerspectiveOf("Протестують проти закон про іноагентів.", "uk", "закон про іноагентів"),
            "georgian-opposition");
  EXPECT_EQ(PerspectiveOf("The crowd chanted against the Russian law.", "en", "Russian law"),
            "georgian-opposition");
  // "So-called" in Georgian (ე.წ.) holds the critics' name at a distance: no side.
  EXPECT_EQ(PerspectiveOf("ე.წ. აგენტების კანონის განხილვა.", "ka", "ე.წ. აგენტების კანონის"),
            "(none)");
}

TEST_F(StoryLexiconsTest, GeorgiaTerritoryNames) {
  EXPECT_EQ(PerspectiveOf("სოფელი ცხინვალის რეგიონში მდებარეობს.", "ka", "ცხინვალის რეგიონში"),
            "georgian");
  EXPECT_EQ(PerspectiveOf("Делегация Цхинвальского региона.", "ru", "Цхинвальского региона"),
            "georgian");
  EXPECT_EQ(PerspectiveOf("The Republic of South Ossetia held a vote.", "en",
                          "Republic of South Ossetia"),
            "de-facto-authorities");
  EXPECT_EQ(PerspectiveOf("Monitors reported more borderisation.", "en", "borderisation"),
            "international");
}

// Every pack's entries carry a note and a source (what a facilitator reads aloud and where the
// usage is documented), and each pack keeps to its own concepts.
TEST_F(StoryLexiconsTest, EveryPackEntryHasNoteAndSource) {
  int checked = 0;
  for (const LexiconEntry& e : lexicon_->entries) {
    const bool pack = e.file.find("/georgia.xml") != std::string::npos ||
                      e.file.find("/russia-ukraine.xml") != std::string::npos ||
                      e.file.find("/karabakh.xml") != std::string::npos;
    if (!pack) continue;
    if (e.kind != LexiconEntry::Kind::kNaming && e.kind != LexiconEntry::Kind::kLoaded) continue;
    ++checked;
    EXPECT_GE(e.note.size(), 10u) << e.form << " at " << e.file << ":" << e.line;
    EXPECT_FALSE(e.source.empty()) << e.form << " at " << e.file << ":" << e.line;
  }
  EXPECT_GT(checked, 300);
}

}  // namespace
}  // namespace parallax
