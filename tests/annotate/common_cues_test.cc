// The shipped common cue lexicons of Ukrainian, Azerbaijani, Armenian and Georgian
// (lexicons/common/uk.xml, az.xml, hy.xml, ka.xml), and the later additions to the Russian one,
// on short texts written for these tests:
// reported speech in each language is the source's voice, not the outlet's, so a naming form or
// loaded term a minister is reported as using does not colour the outlet.
#include <gtest/gtest.h>

#include "shipped_lexicons.h"

namespace parallax {
namespace {

using testing::AnnotatedText;
using testing::AnnotateWithShipped;
using testing::ShippedLexicon;

TEST(CommonCuesTest, UkrainianReportedSpeech) {
  const AnnotatedText r = AnnotateWithShipped(
      "Міністр повідомив, що російські окупанти підірвали греблю. За словами мера, вода "
      "прибуває. Вода прибуває, – зазначили в Укргідроенерго.",
      "uk");
  const AttributionRelation* a = r.Holding("російські окупанти");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->source, "Міністр");
  EXPECT_EQ(a->cue, "повідомив");
  const LexiconMatch* m = r.NamingOrLoaded("окупанти");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->voice, Voice::kReported);
  ASSERT_NE(r.Holding("вода прибуває"), nullptr);
  EXPECT_EQ(r.Holding("вода прибуває")->source, "мера");
  EXPECT_EQ(r.Holding("вода прибуває")->cue, "За словами");
  ASSERT_NE(r.Holding("Вода прибуває"), nullptr);  // "…, – зазначили в X": the source follows
  EXPECT_EQ(r.Holding("Вода прибуває")->source, "в Укргідроенерго");
}

TEST(CommonCuesTest, UkrainianStatementsAndData) {
  const AnnotatedText r = AnnotateWithShipped(
      "За даними ДСНС, окупанти обстріляли Херсон. Окупанти підірвали греблю, – йдеться у "
      "повідомленні Генштабу.",
      "uk");
  ASSERT_NE(r.Holding("обстріляли Херсон"), nullptr);
  EXPECT_EQ(r.Holding("обстріляли Херсон")->source, "ДСНС");
  ASSERT_NE(r.Holding("підірвали греблю"), nullptr);
  EXPECT_EQ(r.Holding("підірвали греблю")->cue, "йдеться");
  const LexiconMatch* m = r.NamingOrLoaded("Окупанти");  // the General Staff's word
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->voice, Voice::kReported);
}

TEST(CommonCuesTest, UkrainianStanceComesFromTheLexicon) {
  const AnnotatedText r = AnnotateWithShipped("Опозиція стверджує, що закон недосконалий.", "uk");
  const AttributionRelation* a = r.Holding("закон недосконалий");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->stance, "distancing");
}

TEST(CommonCuesTest, RussianStatementsAndDenials) {
  const AnnotatedText r = AnnotateWithShipped(
      "Как отмечается в заявлении МИД Армении, агрессия Азербайджана продолжается. Минобороны "
      "Армении опровергло информацию о провокации армянских сил.",
      "ru");
  const AttributionRelation* a = r.Holding("агрессия Азербайджана");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->source, "в заявлении МИД Армении");
  const LexiconMatch* m = r.NamingOrLoaded("агрессия Азербайджана");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->voice, Voice::kReported);
  ASSERT_NE(r.Holding("провокации армянских сил"), nullptr);
  EXPECT_EQ(r.Holding("провокации армянских сил")->stance, "emphatic");
}

TEST(CommonCuesTest, AzerbaijaniVerbBeforeKi) {
  const AnnotatedText r = AnnotateWithShipped(
      "Ermənistan XİN-i iddia edib ki, Azərbaycan Ordusu Stepanakert şəhərini atəşə tutub. Müdafiə "
      "Nazirliyi bildirib ki, Ermənistan silahlı qüvvələri yenidən təxribat törədib.",
      "az");
  const AttributionRelation* a = r.Holding("Stepanakert");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->source, "Ermənistan XİN-i");
  EXPECT_EQ(a->stance, "distancing");
  const LexiconMatch* armenian = r.NamingOrLoaded("Stepanakert");
  ASSERT_NE(armenian, nullptr);
  EXPECT_EQ(ShippedLexicon().entries[armenian->entry].perspective, "armenian");
  EXPECT_EQ(armenian->voice, Voice::kReported);  // the Armenian ministry's word, not the outlet's
  ASSERT_NE(r.Holding("silahlı qüvvələri"), nullptr);
  EXPECT_EQ(r.Holding("silahlı qüvvələri")->source, "Müdafiə Nazirliyi");
}

TEST(CommonCuesTest, AzerbaijaniSourceBeforeSozlerineGore) {
  const AnnotatedText r =
      AnnotateWithShipped("Onun sözlərinə görə, düşmən mövqelərimizi atəşə tutub.", "az");
  const AttributionRelation* a = r.Holding("düşmən");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->source, "Onun");
  EXPECT_EQ(a->cue, "sözlərinə görə");
}

TEST(CommonCuesTest, ArmenianReportedSpeech) {
  const AnnotatedText r = AnnotateWithShipped(
      "Ադրբեջանի ՊՆ-ն հայտարարել է, որ Խանքենդիում ահաբեկիչներ կան։ Նրա խոսքով՝ "
      "Ադրբեջանի ագրեսիան շարունակվում է։",
      "hy");
  const AttributionRelation* a = r.Holding("ահաբեկիչներ");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->source, "Ադրբեջանի ՊՆ-ն");
  const LexiconMatch* m = r.NamingOrLoaded("ահաբեկիչներ");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->voice, Voice::kReported);
  ASSERT_NE(r.Holding("ագրեսիան"), nullptr);
  EXPECT_EQ(r.Holding("ագրեսիան")->source, "Նրա");
}

TEST(CommonCuesTest, GeorgianInvertedSourceAfterADash) {
  const AnnotatedText r =
      AnnotateWithShipped("გლობალური ომის პარტია ცდილობს რევოლუციას, - განაცხადა კობახიძემ.", "ka");
  const AttributionRelation* a = r.Holding("გლობალური ომის პარტია");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->source, "კობახიძემ");
  const LexiconMatch* m = r.NamingOrLoaded("გლობალური ომის პარტია");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->voice, Voice::kReported);
}

// The Azerbaijani quotative: "CONTENT, - deyə SOURCE bildirib." After a quotation tagged the
// same way, the next paragraph's like cue is its own, not that quotation's tag.
TEST(CommonCuesTest, AzerbaijaniQuotative) {
  const AnnotatedText r = AnnotateWithShipped(
      "“Ermənistan təxribat törədib”, - deyə Hikmət Hacıyev bildirib.\n\nOrdu hücum edib, - deyə "
      "nazirlik bildirib.",
      "az");
  const AttributionRelation* a = r.Holding("Ordu hücum edib");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->source, "nazirlik");
  EXPECT_EQ(a->kind, AttributionKind::kReported);
  ASSERT_NE(r.Holding("Ermənistan təxribat törədib"), nullptr);
  EXPECT_EQ(r.Holding("Ermənistan təxribat törədib")->source, "Hikmət Hacıyev");
}

// Not after a separator, "deyə" means "so that": no quotative, and "və" (and) ends a subject.
TEST(CommonCuesTest, AzerbaijaniPurposiveDeyəIsNoQuotative) {
  const AnnotatedText r = AnnotateWithShipped(
      "Ölkəyə sülh gəlsin deyə prezident çox çalışıb və bildirib ki, danışıqlar davam edəcək.",
      "az");
  for (const AttributionRelation& a : r.ann.attributions) {
    EXPECT_EQ(a.source.view().find("çalışıb"), std::string_view::npos) << a.source;
  }
  EXPECT_EQ(r.Holding("Ölkəyə sülh gəlsin"), nullptr);
}

// Georgian script has no capitals, so a subject before its verb cannot be told by one: any
// comma-free phrase of caseless words before the verb is its subject.
TEST(CommonCuesTest, GeorgianSubjectBeforeItsVerb) {
  const AnnotatedText r = AnnotateWithShipped(
      "ოპოზიციამ განაცხადა, რომ გამჭვირვალობის კანონი რუსული კანონია. მისი თქმით, "
      "პროტესტი გაგრძელდება.",
      "ka");
  const AttributionRelation* a = r.Holding("რუსული კანონია");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->source, "ოპოზიციამ");
  EXPECT_EQ(a->cue, "განაცხადა");
  const LexiconMatch* m = r.NamingOrLoaded("რუსული კანონია");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->voice, Voice::kReported);
  ASSERT_NE(r.Holding("პროტესტი გაგრძელდება"), nullptr);
  EXPECT_EQ(r.Holding("პროტესტი გაგრძელდება")->source, "მისი");
}

}  // namespace
}  // namespace parallax
