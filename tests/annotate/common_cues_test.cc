// The shipped common cue lexicons of Ukrainian, Azerbaijani, Armenian, Georgian, Serbian,
// Croatian, Bosnian and Albanian (lexicons/common/uk.xml, az.xml, hy.xml, ka.xml, sr.xml,
// hr.xml, bs.xml, sq.xml), and the later additions to the Russian one, on short texts written
// for these tests:
// reported speech in each language is the source's voice, not the outlet's, so a naming form or
// loaded term a minister is reported as using does not colour the outlet.
#include <gtest/gtest.h>

#include <string>
#include <vector>

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

// The impersonal passive of Azerbaijani news ("Nazirlikdən bildirilib ki", 'it was stated from
// the ministry'), its denials and Georgian ones ("უარყო", 'denied'), and "ირწმუნება" ('claims'),
// which puts distance between the writer and what is reported (RC25-RC44).
TEST(CommonCuesTest, ImpersonalPassivesDenialsAndClaimsInAzerbaijaniAndGeorgian) {
  const AnnotatedText az = AnnotateWithShipped(
      "Nazirlikdən bildirilib ki, atəşkəs pozulub. Xarici İşlər Nazirliyi təkzib edib ki, hücum "
      "olub.",
      "az");
  ASSERT_NE(az.Holding("atəşkəs pozulub"), nullptr);
  EXPECT_EQ(az.Holding("atəşkəs pozulub")->cue, "bildirilib");
  ASSERT_NE(az.Holding("hücum olub"), nullptr);
  EXPECT_EQ(az.Holding("hücum olub")->stance, "emphatic");

  const AnnotatedText ka = AnnotateWithShipped(
      "სამინისტრომ უარყო, რომ თავდასხმა მოხდა. პარტია ირწმუნება, რომ კანონი ევროპულია.", "ka");
  ASSERT_NE(ka.Holding("თავდასხმა მოხდა"), nullptr);
  EXPECT_EQ(ka.Holding("თავდასხმა მოხდა")->source, "სამინისტრომ");
  ASSERT_NE(ka.Holding("კანონი ევროპულია"), nullptr);
  EXPECT_EQ(ka.Holding("კანონი ევროპულია")->stance, "distancing");
}

// "ответил" is matched on its forms, not its stem, which the noun "ответ" shares: "В ответ на
// требование" ('in response to the demand') is no speech, "Песков ответил, что" is.
TEST(CommonCuesTest, RussianAnswerNounIsNoReportingVerb) {
  const AnnotatedText r = AnnotateWithShipped(
      "В ответ на требование военных сторона открыла огонь. Песков ответил, что переговоры идут.",
      "ru");
  EXPECT_EQ(r.Holding("сторона открыла огонь"), nullptr);
  ASSERT_NE(r.Holding("переговоры идут"), nullptr);
  EXPECT_EQ(r.Holding("переговоры идут")->source, "Песков");
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

// The speakers of a text's quotations, in order.
std::vector<std::string> Speakers(const AnnotatedText& r) {
  std::vector<std::string> out;
  for (const Quote& q : r.ann.quotes) out.push_back(q.speaker.str());
  return out;
}

// The source of the attribution whose content holds `words`, "(none)" when there is none.
std::string SourceOf(const AnnotatedText& r, const std::string& words) {
  const AttributionRelation* a = r.Holding(words);
  return a == nullptr ? "(none)" : a->source.str();
}

// Serbian in Latin script: a quotation tagged "rekao je X" / "izjavio je X" is X's (the clitic
// auxiliary "je" is the verb's, not the speaker's), and "X je izjavio da …" is X's reported
// speech, whose words ("separatisti") are not the outlet's.
TEST(CommonCuesTest, SerbianLatinQuotationsAndReportedSpeech) {
  const AnnotatedText r = AnnotateWithShipped(
      "„Srbija nikada neće priznati nezavisnost“, rekao je Vučić. \"Napad je bio težak\", "
      "izjavio je ministar. Ministar je izjavio da su separatisti napali policiju. Vučić je danas "
      "rekao da Srbija traži mir. Dačić je, u izjavi novinarima, kazao da je granica zatvorena.",
      "sr-Latn");
  EXPECT_EQ(Speakers(r), (std::vector<std::string>{"Vučić", "ministar"}));
  ASSERT_EQ(SourceOf(r, "separatisti napali"), "Ministar");
  EXPECT_EQ(r.Holding("separatisti napali")->cue, "izjavio");
  const LexiconMatch* m = r.NamingOrLoaded("separatisti");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->voice, Voice::kReported);
  EXPECT_EQ(SourceOf(r, "Srbija traži mir"), "Vučić");  // not "Vučić je danas"
  EXPECT_EQ(SourceOf(r, "granica zatvorena"), "Dačić");
}

TEST(CommonCuesTest, SerbianCyrillicQuotationsAndReportedSpeech) {
  const AnnotatedText r = AnnotateWithShipped(
      "„Србија никада неће признати независност“, рекао је Вучић. Министарство је саопштило да "
      "је граница затворена. „Ситуација је мирна“, саопштила је полиција.",
      "sr-Cyrl");
  EXPECT_EQ(Speakers(r), (std::vector<std::string>{"Вучић", "полиција"}));
  EXPECT_EQ(r.ann.quotes[0].verb.str(), "рекао");
  EXPECT_EQ(SourceOf(r, "граница затворена"), "Министарство");
}

// "Prema rečima X, …", "Kako je naveo X, …", "…, reči su X": the source follows the cue; "tvrdi"
// (claims) holds the statement at a distance; "…, navodi se u saopštenju X" is the statement's.
TEST(CommonCuesTest, SerbianSourceFollowsAndStance) {
  const AnnotatedText r = AnnotateWithShipped(
      "Prema rečima ministra, napad je bio organizovan. Kako je navela policija, granica je "
      "zatvorena. Srbija traži mir, reči su premijerke. Tači tvrdi da je to san svakog Albanca. "
      "„Granica ostaje zatvorena“, navodi se u saopštenju ministarstva.",
      "sr");
  ASSERT_EQ(SourceOf(r, "napad je bio organizovan"), "ministra");
  EXPECT_EQ(r.Holding("napad je bio organizovan")->cue, "Prema rečima");
  EXPECT_EQ(SourceOf(r, "granica je zatvorena"), "policija");
  EXPECT_EQ(SourceOf(r, "Srbija traži mir"), "premijerke");
  ASSERT_EQ(SourceOf(r, "san svakog Albanca"), "Tači");
  EXPECT_EQ(r.Holding("san svakog Albanca")->stance, "distancing");
  EXPECT_EQ(SourceOf(r, "Granica ostaje zatvorena"), "u saopštenju ministarstva");
}

// Croatian and Bosnian news is read with the Serbian forms they share (a form matches in a
// text of any language) and with their own (common/hr.xml, common/bs.xml).
TEST(CommonCuesTest, CroatianAndBosnianReportedSpeech) {
  const AnnotatedText hr = AnnotateWithShipped(
      "Vlada je priopćila da je granica zatvorena. \"Nismo to znali\", rekao je premijer.", "hr");
  EXPECT_EQ(SourceOf(hr, "granica zatvorena"), "Vlada");
  EXPECT_EQ(Speakers(hr), std::vector<std::string>{"premijer"});
  const AnnotatedText bs = AnnotateWithShipped(
      "Prema riječima ministra, akcija još traje. Kako je kazao glasnogovornik, uhapšene su dvije "
      "osobe.",
      "bs");
  EXPECT_EQ(SourceOf(bs, "akcija još traje"), "ministra");
  EXPECT_EQ(SourceOf(bs, "uhapšene su dvije osobe"), "glasnogovornik");
}

// Albanian: "“…”, tha Kurti", "“…”, ka thënë X" tag quotations; "X tha se …" and "Sipas X, …"
// are X's reported speech; "pretendon" (claims) holds it at a distance.
TEST(CommonCuesTest, AlbanianQuotationsAndReportedSpeech) {
  const AnnotatedText r = AnnotateWithShipped(
      "“Policia e Kosovës ka kontrollin”, tha Kurti. “Sulmi ishte i organizuar”, ka thënë "
      "Sveçla. Ministri tha se separatistët sulmuan policinë. Sipas ministrit, situata është e "
      "qetë. Bërnabiq pretendon se Kosova është pjesë e Serbisë.",
      "sq");
  EXPECT_EQ(Speakers(r), (std::vector<std::string>{"Kurti", "Sveçla"}));
  ASSERT_EQ(SourceOf(r, "separatistët sulmuan"), "Ministri");
  EXPECT_EQ(r.Holding("separatistët sulmuan")->cue, "tha");
  const LexiconMatch* m = r.NamingOrLoaded("separatistët");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->voice, Voice::kReported);
  ASSERT_EQ(SourceOf(r, "situata është e qetë"), "ministrit");
  EXPECT_EQ(r.Holding("situata është e qetë")->cue, "Sipas");
  ASSERT_EQ(SourceOf(r, "pjesë e Serbisë"), "Bërnabiq");
  EXPECT_EQ(r.Holding("pjesë e Serbisë")->stance, "distancing");
}

// An Albanian subject keeps its linking articles ("Ministri i Brendshëm", lower-case "i" is no
// English "I"), and a short object pronoun before the verb ("Kurti i tha …") is the verb's.
TEST(CommonCuesTest, AlbanianSubjectsWithLinkingArticlesAndClitics) {
  const AnnotatedText r = AnnotateWithShipped(
      "Ministri i Brendshëm tha se policia ka kontrollin. Kurti i tha gazetarëve se situata është "
      "e qetë. Drejtori i Përgjithshëm i Policisë ka deklaruar se sulmi ishte i organizuar.",
      "sq");
  EXPECT_EQ(SourceOf(r, "policia ka kontrollin"), "Ministri i Brendshëm");
  EXPECT_EQ(SourceOf(r, "situata është e qetë"), "Kurti");
  EXPECT_EQ(SourceOf(r, "sulmi ishte i organizuar"), "Drejtori i Përgjithshëm i Policisë");
}

// A form matches in a text of any language: Cyrillic навела, навели are Russian words too
// ("навели порядок", "brought order"), so the Serbian lexicon lists only навео, and a Russian
// sentence with them reports nothing.
TEST(CommonCuesTest, SerbianCuesLeaveRussianFalseFriendsAlone) {
  const AnnotatedText r =
      AnnotateWithShipped("Власти навели порядок в городе после протестов.", "ru");
  EXPECT_TRUE(r.ann.attributions.empty());
}

// Belarusian news (common/be.xml): "Як піша X, …" with the body's name in quotation marks,
// "У Міністэрстве … заявілі, што …" (the institution, not the preposition), "Паводле версіі
// МУС, …" (the body, not the report's noun), and a quotation tagged "— сказаў ён".
TEST(CommonCuesTest, BelarusianReportedSpeechAndTags) {
  const AnnotatedText r = AnnotateWithShipped(
      "Як піша праваабарончы цэнтар «Вясна» ў Тэлеграме, у Берасьці пратэстоўцы паведамляюць пра "
      "траўмы. У Міністэрстве ўнутраных спраў заявілі, што мужчына хацеў кінуць прыладу. "
      "Паводле версіі МУС, у мужчыны ў руках разарвалася прылада. Міністр Ігар Шуневіч заявіў, "
      "што зламыснікаў не затрымалі. «Мы ведаем, дзе знаходзяцца серверы», — сказаў ён.",
      "be");
  EXPECT_EQ(SourceOf(r, "пратэстоўцы паведамляюць"), "праваабарончы цэнтар «Вясна»");
  EXPECT_EQ(SourceOf(r, "мужчына хацеў кінуць"), "Міністэрстве ўнутраных спраў");
  EXPECT_EQ(SourceOf(r, "разарвалася прылада"), "МУС");
  EXPECT_EQ(SourceOf(r, "зламыснікаў не затрымалі"), "Міністр Ігар Шуневіч");
  // The name in quotation marks is a title, which speaks no words; the quotation is the
  // minister's.
  EXPECT_EQ(Speakers(r), (std::vector<std::string>{"", "Ігар Шуневіч"}));
}

}  // namespace
}  // namespace parallax
