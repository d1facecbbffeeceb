#include "annotate/quotes.h"

#include <gtest/gtest.h>

#include <string>
#include <tuple>
#include <vector>

#include "test_paths.h"

namespace parallax {
namespace {

std::string Content(const std::string& text, const Quote& q) {
  return text.substr(q.start, q.end - q.start);
}

// The quote whose content contains `needle`; fails the test when there is none.
const Quote* QuoteWith(const std::string& text, const std::vector<Quote>& quotes,
                       const std::string& needle) {
  for (const Quote& q : quotes) {
    if (Content(text, q).find(needle) != std::string::npos) return &q;
  }
  ADD_FAILURE() << "no quote contains \"" << needle << "\"";
  return nullptr;
}

// The innermost quote covering the first occurrence of `phrase`, or nullptr (own voice).
const Quote* VoiceOf(const std::string& text, const std::vector<Quote>& quotes,
                     const std::string& phrase) {
  const std::size_t at = text.find(phrase);
  EXPECT_NE(at, std::string::npos) << phrase;
  if (at == std::string::npos || !IsQuoted(quotes, at, at + phrase.size())) return nullptr;
  return QuoteAt(quotes, at);
}

// Georgian has no capitals, so the capital-letter test for names cannot apply: a quotation
// that is the whole name of a lexicon actor („ქართული ოცნების“), or one a title-taking noun
// follows („… შესახებ“ კანონპროექტი, „…“ პარტია), is a title; other short quotations stay
// scare quotes.
TEST(QuotesTest, GeorgianTitlesWithoutCapitals) {
  QuoteOptions options;
  SpeakerPattern dream;
  dream.pattern = "ქართული ოცნების";
  dream.actor_id = "georgian-dream";
  options.speaker_patterns.push_back(dream);
  const std::string text =
      "პარლამენტმა „უცხოური გავლენის გამჭვირვალობის შესახებ“ კანონპროექტი მიიღო. "
      "„ქართული ოცნების“ წევრებმა მხარი დაუჭირეს. "
      "ხელისუფლება „რადიკალურ ოპოზიციას“ ადანაშაულებს.";
  const std::vector<Quote> quotes = FindQuotes(text, options);
  ASSERT_EQ(quotes.size(), 3u);
  EXPECT_EQ(QuoteWith(text, quotes, "შესახებ")->kind, QuoteKind::kTitle);
  EXPECT_EQ(QuoteWith(text, quotes, "ოცნების")->kind, QuoteKind::kTitle);
  EXPECT_EQ(QuoteWith(text, quotes, "ოპოზიციას")->kind, QuoteKind::kScare);
  // Without the actor pattern the party name is a title only where a noun that takes one
  // follows it ("members of „…“"); before other words nothing says it is a name.
  EXPECT_EQ(QuoteWith(text, FindQuotes(text, {}), "ოცნების")->kind, QuoteKind::kTitle);
  const std::string leaders = "„ქართული ოცნების“ ლიდერებმა მხარი დაუჭირეს.";
  EXPECT_EQ(QuoteWith(leaders, FindQuotes(leaders, {}), "ოცნების")->kind, QuoteKind::kScare);
  // A title noun after punctuation belongs to the next clause: the quotation stays a scare
  // quote.
  for (const std::string other : {"ხელისუფლება ოპოზიციას უწოდებს „აგენტებს“. კანონი მიღებულია.",
                                  "ხელისუფლება ოპოზიციას „აგენტებს“ უწოდებს, პარტიის ლიდერი კი "
                                  "დუმს.",
                                  "მან ოპოზიციას „აგენტები“, პარტიის ლიდერმა კი არაფერი თქვა."}) {
    const std::vector<Quote> found = FindQuotes(other, options);
    ASSERT_EQ(found.size(), 1u) << other;
    EXPECT_EQ(found[0].kind, QuoteKind::kScare) << other;
  }
}

std::string Data(const std::string& name) {
  return testing::ReadFileOrFail(testing::TestDataDir() + "/quotes/" + name);
}

// A title in sentence case, as Azerbaijani and Turkish write it, is a name when a noun that
// takes a title follows it ("… haqqında" qanun layihəsi); Georgian „…“ წევრი names the party of
// a member. Without such a noun a short quotation stays a scare quote.
TEST(QuotesTest, SentenceCaseTitlesBeforeTheirNoun) {
  const std::string az =
      "Parlament \"Xarici təsirin şəffaflığı haqqında\" qanun layihəsini qəbul edib. Bunu "
      "\"xarici agentlər\" adlandırırlar.";
  auto quotes = FindQuotes(az);
  ASSERT_EQ(quotes.size(), 2u);
  EXPECT_EQ(quotes[0].kind, QuoteKind::kTitle);
  EXPECT_EQ(quotes[1].kind, QuoteKind::kScare);

  const std::string ka = "მხარი დაუჭირა „ქართული ოცნების“ წევრმა.";
  quotes = FindQuotes(ka);
  ASSERT_EQ(quotes.size(), 1u);
  EXPECT_EQ(quotes[0].kind, QuoteKind::kTitle);

  const std::string en = "The “Stop the law” participants marched.";
  quotes = FindQuotes(en);
  ASSERT_EQ(quotes.size(), 1u);
  EXPECT_NE(quotes[0].kind, QuoteKind::kTitle);

  // A name's small function words do not make it a scare quote: “Power of the People”.
  const std::string party = "The “Power of the People” movement and its “foreign agents” bill.";
  quotes = FindQuotes(party);
  ASSERT_EQ(quotes.size(), 2u);
  EXPECT_EQ(quotes[0].kind, QuoteKind::kTitle);
  EXPECT_EQ(quotes[1].kind, QuoteKind::kScare);
}

// A name in quotation marks inside a quotation is a name too: a statement's заставу “Душанбе”
// ('the outpost "Dushanbe"') is no scare quote of the statement's author.
TEST(QuotesTest, NamesInsideAQuotationAreTitles) {
  const std::string text =
      "“Пограничники обстреляли заставу “Душанбе” отряда “Исфара” Республики Таджикистан”, — "
      "говорится в сообщении. “They call it a ‘corridor’, but it is closed,” he said.";
  const auto quotes = FindQuotes(text);
  // The innermost quotation at each word.
  auto kind = [&](const std::string& word) {
    const Quote* q = QuoteAt(quotes, text.find(word));
    EXPECT_NE(q, nullptr) << word;
    return q == nullptr ? QuoteKind::kDirect : q->kind;
  };
  EXPECT_EQ(kind("Душанбе"), QuoteKind::kTitle);
  EXPECT_EQ(kind("Исфара"), QuoteKind::kTitle);
  EXPECT_EQ(kind("corridor"), QuoteKind::kScare);
  EXPECT_EQ(kind("обстреляли"), QuoteKind::kDirect);
}

// Reporting verbs beyond the built-in English and Russian ones (QuoteOptions::reporting_verbs,
// the lexicons' cues in other languages, of one word or two) tag quotations with their speaker.
TEST(QuotesTest, MoreReportingVerbsTagQuotations) {
  const std::string text =
      "„გლობალური ომის პარტია“, - განაცხადა კობახიძემ.\n«Агресія триває», – повідомив мер "
      "Херсона.\n«Ագրեսիան շարունակվում է», - ասել է Փաշինյանը։";
  const std::vector<Quote> without = FindQuotes(text, {});
  ASSERT_EQ(without.size(), 3u);
  for (const Quote& q : without) EXPECT_TRUE(q.speaker.empty()) << q.speaker;
  QuoteOptions options;
  options.reporting_verbs = {"განაცხადა", "повідомив", "ասել է"};
  const std::vector<Quote> with = FindQuotes(text, options);
  ASSERT_EQ(with.size(), 3u);
  EXPECT_EQ(with[2].speaker, "Փաշինյանը");
  EXPECT_EQ(with[2].verb, "ասել է");
  EXPECT_EQ(with[0].speaker, "კობახიძემ");
  EXPECT_EQ(with[0].verb, "განაცხადა");
  EXPECT_EQ(with[0].kind, QuoteKind::kDirect);
  EXPECT_NE(with[1].speaker.view().find("Херсона"), std::string_view::npos) << with[1].speaker;
  EXPECT_EQ(with[1].kind, QuoteKind::kDirect);
}

// Armenian ends a sentence with "։": a verb in the next sentence is no tag. Ukrainian "заявив"
// tags a quotation with the built-in verbs.
TEST(QuotesTest, ArmenianFullStopAndUkrainianVerbs) {
  QuoteOptions options;
  options.reporting_verbs = {"ասաց"};
  const std::string hy = "«Ագրեսիան շարունակվում է»։ Ալիևը ասաց, որ խաղաղություն չի լինի։";
  const std::vector<Quote> quotes = FindQuotes(hy, options);
  ASSERT_EQ(quotes.size(), 1u);
  EXPECT_TRUE(quotes[0].speaker.empty()) << quotes[0].speaker;
  const std::string uk = "«Агресія триває», – заявив Зеленський.";
  const std::vector<Quote> uk_quotes = FindQuotes(uk, {});
  ASSERT_EQ(uk_quotes.size(), 1u);
  EXPECT_EQ(uk_quotes[0].speaker, "Зеленський");
}

TEST(QuotesTest, CurlyQuoteWithSpeakerAfter) {
  const std::string text = "“The move is illegal,” the ministry said on Monday.";
  const auto quotes = FindQuotes(text);
  ASSERT_EQ(quotes.size(), 1u);
  const Quote& q = quotes[0];
  EXPECT_EQ(Content(text, q), "The move is illegal,");
  EXPECT_EQ(q.open, 0u);
  EXPECT_EQ(text.substr(q.open, q.start - q.open), "“");
  EXPECT_EQ(text.substr(q.end, q.close - q.end), "”");
  EXPECT_EQ(q.kind, QuoteKind::kDirect);
  EXPECT_EQ(q.speaker, "the ministry");
  EXPECT_EQ(text.substr(q.speaker_start, q.speaker_end - q.speaker_start), "the ministry");
  EXPECT_EQ(q.verb, "said");
  EXPECT_EQ(q.attribution, Attribution::kTagAfter);
}

TEST(QuotesTest, SpeakerPatterns) {
  const std::string said_x = "\"We will not allow it,\" said Foreign Minister Ararat Mirzoyan.";
  auto quotes = FindQuotes(said_x);
  ASSERT_EQ(quotes.size(), 1u);
  EXPECT_EQ(quotes[0].speaker, "Ararat Mirzoyan");
  EXPECT_EQ(quotes[0].mention, "Foreign Minister Ararat Mirzoyan");

  const std::string according = "According to the expert, “the blockade will last.”";
  quotes = FindQuotes(according);
  ASSERT_EQ(quotes.size(), 1u);
  EXPECT_EQ(quotes[0].speaker, "the expert");
  EXPECT_EQ(quotes[0].verb, "according to");

  const std::string told = "“It is over”, Vanyan told OC Media.";
  quotes = FindQuotes(told);
  ASSERT_EQ(quotes.size(), 1u);
  EXPECT_EQ(quotes[0].speaker, "Vanyan");
  EXPECT_EQ(quotes[0].verb, "told");

  const std::string wrote = "On Twitter, Beglaryan wrote that Russia’s ‘failure’ was to blame.";
  quotes = FindQuotes(wrote);
  ASSERT_EQ(quotes.size(), 1u);
  EXPECT_EQ(quotes[0].speaker, "Beglaryan");
  EXPECT_EQ(quotes[0].kind, QuoteKind::kDirect);
}

TEST(QuotesTest, SpeakerMappedToActor) {
  QuoteOptions options;
  options.speaker_patterns = {{"foreign ministry", "mfa", "neutral"},
                              {"Armenian foreign ministry", "am-mfa", "armenia"},
                              {"Azerbaijan*", "az", "azerbaijan"}};
  const std::string text =
      "The Armenian foreign ministry said it was a \"pretext.\" Azerbaijani officials said "
      "it was \"necessary.\" Experts said it was \"late.\"";
  const auto quotes = FindQuotes(text, options);
  ASSERT_EQ(quotes.size(), 3u);
  EXPECT_EQ(quotes[0].actor_id, "am-mfa");  // the longest pattern wins
  EXPECT_EQ(quotes[0].perspective, "armenia");
  EXPECT_EQ(quotes[1].actor_id, "az");  // prefix wildcard
  EXPECT_EQ(quotes[2].actor_id, "");
  EXPECT_EQ(quotes[2].speaker, "Experts");
}

TEST(QuotesTest, ApostropheIsNotAQuote) {
  const std::string text =
      "Azerbaijan’s border guards, Russia’s peacekeepers and Nagorno-Karabakh’s leaders met. "
      "It's the peacekeepers' role, officials said, to keep ‘the road open’.";
  const auto quotes = FindQuotes(text);
  ASSERT_EQ(quotes.size(), 1u);
  EXPECT_EQ(Content(text, quotes[0]), "the road open");
}

TEST(QuotesTest, PossessivePluralInsideSingleQuotes) {
  const std::string text = "He said ‘the peacekeepers’ mandate is over’ and left.";
  const auto quotes = FindQuotes(text);
  ASSERT_EQ(quotes.size(), 1u);
  EXPECT_EQ(Content(text, quotes[0]), "the peacekeepers’ mandate is over");
}

TEST(QuotesTest, GuillemetsAndLowQuotes) {
  const std::string ru = "«Это неприемлемо», — заявил Лавров.";
  auto quotes = FindQuotes(ru);
  ASSERT_EQ(quotes.size(), 1u);
  EXPECT_EQ(Content(ru, quotes[0]), "Это неприемлемо");
  EXPECT_EQ(quotes[0].speaker, "Лавров");

  const std::string de = "Er nannte es „einen Skandal“ und ging. Sie sagte „nein”.";
  quotes = FindQuotes(de);
  ASSERT_EQ(quotes.size(), 2u);
  EXPECT_EQ(Content(de, quotes[0]), "einen Skandal");
  EXPECT_EQ(Content(de, quotes[1]), "nein");
}

// Sites type the keyboard's straight mark for one of a typographic pair: "ხალხის ძალის“,
// „…", "…”. Each such pair is one quote, and the outlet's words between two of them stay its own.
TEST(QuotesTest, StraightMarkForATypographicOne) {
  const std::string ka =
      "\"ხალხის ძალის“ მიერ ინიცირებული კანონის პროექტი ჩააგდეს. მხარი დაუჭირა "
      "\"ქართული ოცნების\" წევრმა.";
  auto quotes = FindQuotes(ka);
  ASSERT_EQ(quotes.size(), 2u);
  EXPECT_EQ(Content(ka, quotes[0]), "ხალხის ძალის");
  EXPECT_TRUE(quotes[0].closed);
  EXPECT_EQ(Content(ka, quotes[1]), "ქართული ოცნების");
  EXPECT_EQ(VoiceOf(ka, quotes, "ინიცირებული"), nullptr);

  const std::string de =
      "Er nannte es „einen Skandal\" und ging. Sie sagte \"nein”, dann ging sie.";
  quotes = FindQuotes(de);
  ASSERT_EQ(quotes.size(), 2u);
  EXPECT_EQ(Content(de, quotes[0]), "einen Skandal");
  EXPECT_EQ(Content(de, quotes[1]), "nein");
  EXPECT_EQ(VoiceOf(de, quotes, "und ging"), nullptr);
}

TEST(QuotesTest, NestedQuotes) {
  const std::string text =
      "“They call it a ‘humanitarian corridor’, but it is closed,” the official said.";
  const auto quotes = FindQuotes(text);
  ASSERT_EQ(quotes.size(), 2u);
  EXPECT_EQ(quotes[0].depth, 0);
  EXPECT_EQ(quotes[1].depth, 1);
  EXPECT_EQ(quotes[1].parent, 0);
  EXPECT_EQ(Content(text, quotes[1]), "humanitarian corridor");
  EXPECT_EQ(quotes[0].speaker, "the official");
  EXPECT_EQ(quotes[1].speaker, "the official");  // the enclosing speaker's words
  EXPECT_EQ(QuoteAt(quotes, text.find("corridor")), &quotes[1]);
  EXPECT_EQ(QuoteAt(quotes, text.find("closed")), &quotes[0]);
  EXPECT_EQ(QuoteAt(quotes, text.find("official")), nullptr);
}

TEST(QuotesTest, QuoteOverParagraphsWithReopeningMark) {
  const std::string text =
      "\"The first paragraph of the statement ends here.\n\n"
      "\"The second one goes on,\" the minister said.\n\nThe outlet continues.";
  const auto quotes = FindQuotes(text);
  ASSERT_EQ(quotes.size(), 1u);
  const Quote& q = quotes[0];
  EXPECT_TRUE(q.closed);
  EXPECT_NE(Content(text, q).find("second one"), std::string::npos);
  ASSERT_EQ(q.gaps.size(), 1u);
  EXPECT_EQ(text.substr(q.gaps[0].first, q.gaps[0].second - q.gaps[0].first), "\n\n\"");
  EXPECT_EQ(q.speaker, "the minister");
  EXPECT_EQ(QuoteAt(quotes, text.find("\"The second")), nullptr);  // the re-opening mark
  EXPECT_EQ(QuoteAt(quotes, text.find("outlet")), nullptr);
}

TEST(QuotesTest, QuoteOverLinesWithoutReopeningMark) {
  const std::string text = Data("jamnews_excerpt.txt");
  const auto quotes = FindQuotes(text);
  const Quote* q = QuoteWith(text, quotes, "In fact, the peacekeepers");
  ASSERT_NE(q, nullptr);
  EXPECT_NE(Content(text, *q).find("First of all"), std::string::npos);
  EXPECT_NE(Content(text, *q).find("in this region."), std::string::npos);
  EXPECT_EQ(q->speaker, "Agshin Kerimov");  // "… political observer Agshin Kerimov believes:"
  EXPECT_EQ(q->attribution, Attribution::kIntroduction);
  const Quote* listed = QuoteWith(text, quotes, "One — change the commander");
  ASSERT_NE(listed, nullptr);
  EXPECT_EQ(listed->speaker, "Agshin Kerimov");
  EXPECT_EQ(listed->verb, "listed");
}

TEST(QuotesTest, UnclosedQuoteEndsWithItsParagraph) {
  const std::string text = "He said “this never closes.\n\nThe outlet's own words.";
  const auto quotes = FindQuotes(text);
  ASSERT_EQ(quotes.size(), 1u);
  EXPECT_FALSE(quotes[0].closed);
  EXPECT_EQ(Content(text, quotes[0]), "this never closes.");
  EXPECT_EQ(VoiceOf(text, quotes, "own words"), nullptr);
}

TEST(QuotesTest, PronounRefersToLastNamedSpeaker) {
  const std::string text = Data("moscow_times_excerpt.txt");
  const auto quotes = FindQuotes(text);
  const Quote* q = QuoteWith(text, quotes, "policy of ethnic cleansing");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->mention, "It");
  EXPECT_EQ(q->speaker, "The Armenian foreign ministry");
  EXPECT_EQ(text.substr(q->speaker_start, q->speaker_end - q->speaker_start),
            "The Armenian foreign ministry");
  const Quote* earlier = QuoteWith(text, quotes, "the construction of military");
  ASSERT_NE(earlier, nullptr);
  EXPECT_EQ(earlier->speaker, "Baku");  // "Baku accused Yerevan …" then "It said …"
}

// "he" after an organisation was named: a person named before, never "The … Church" (a name
// after "the" is an institution's); with no person among the speakers, the titled name before.
TEST(QuotesTest, HeOrSheIsAPersonNotAnInstitution) {
  // {text, quoted words, speaker}; a titled name is given as quotations name speakers, without
  // the title.
  for (const auto& [text, words, speaker] :
       {std::tuple<std::string, std::string, std::string>{
            "Petrov said the talks would go on. The Georgian Orthodox Church condemned the "
            "closure. \"The talks must not stop,\" he noted.",
            "The talks must not stop", "Petrov"},
        {"President Ivan Petrov visited the village. The Georgian Orthodox Church condemned "
         "the attack. \"It was a crime,\" he noted.",
         "It was a crime", "Ivan Petrov"}}) {
    const auto quotes = FindQuotes(text);
    const Quote* q = QuoteWith(text, quotes, words);
    ASSERT_NE(q, nullptr);
    EXPECT_EQ(q->mention, "he");
    EXPECT_EQ(q->speaker, speaker);
  }
}

TEST(QuotesTest, ContinuationAndFullName) {
  const std::string text = Data("kommersant_excerpt.txt");
  const auto quotes = FindQuotes(text);
  const Quote* q = QuoteWith(text, quotes, "ethnic cleansing");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->speaker, "Alexander Iskandaryan");
  EXPECT_EQ(q->mention, "Mr. Iskandaryan");
  EXPECT_EQ(q->attribution, Attribution::kContinuation);
}

TEST(QuotesTest, InterruptedQuote) {
  const std::string text = Data("kommersant_excerpt.txt");
  const auto quotes = FindQuotes(text);
  const Quote* q = QuoteWith(text, quotes, "The appearance of the checkpoint");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->speaker, "Ilgar Velizade");
  EXPECT_EQ(q->attribution, Attribution::kInterruption);
  ASSERT_EQ(q->gaps.size(), 1u);
  EXPECT_EQ(VoiceOf(text, quotes, "Ilgar Velizade told"), nullptr);
  EXPECT_EQ(VoiceOf(text, quotes, "This will require"), q);
}

TEST(QuotesTest, ScareQuotes) {
  const std::string text = Data("oc_media_excerpt.txt");
  const auto quotes = FindQuotes(text);
  const Quote* eco = QuoteWith(text, quotes, "eco-activists");
  ASSERT_NE(eco, nullptr);
  EXPECT_EQ(eco->kind, QuoteKind::kScare);
  EXPECT_NE(eco->distancing_cue.view().find("insists are"), std::string::npos);
  EXPECT_EQ(text.substr(eco->sentence_start, 14), "The corridor, ");
  EXPECT_EQ(eco->speaker, "the Azerbaijani government");  // whose word it is

  const std::string so_called = "the so-called “Miatsum road” was closed.";
  const auto q2 = FindQuotes(so_called);
  ASSERT_EQ(q2.size(), 1u);
  EXPECT_EQ(q2[0].kind, QuoteKind::kScare);
  EXPECT_EQ(q2[0].distancing_cue, "so-called");

  const std::string plain = "The protesters, who call themselves “eco-activists”, stayed.";
  const auto q3 = FindQuotes(plain);
  ASSERT_EQ(q3.size(), 1u);
  EXPECT_EQ(q3[0].kind, QuoteKind::kScare);
  EXPECT_TRUE(q3[0].speaker.empty());
}

TEST(QuotesTest, OcMediaApostrophesAndSpeakers) {
  const std::string text = Data("oc_media_excerpt.txt");
  const auto quotes = FindQuotes(text);
  for (const Quote& q : quotes) {
    EXPECT_NE(text.substr(q.open, q.start - q.open), "’") << Content(text, q);
    // No quote starts or ends inside a word (Azerbaijan’s, region’s).
    EXPECT_NE(text.substr(q.start, 2), "s ") << Content(text, q);
  }
  const Quote* q = QuoteWith(text, quotes, "policy of ethnic cleansing");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->speaker, "the Foreign Ministry");
  EXPECT_EQ(q->verb, "accused");
  const Quote* ensure = QuoteWith(text, quotes, "ensur[e] the withdrawal");
  ASSERT_NE(ensure, nullptr);
  EXPECT_EQ(Content(text, *ensure), "ensur[e] the withdrawal of Azerbaijani forces");
  EXPECT_EQ(ensure->speaker, "Armenia");
  const Quote* they = QuoteWith(text, quotes, "control mechanism");
  ASSERT_NE(they, nullptr);
  EXPECT_EQ(they->mention, "They");
  EXPECT_EQ(they->speaker, "Azerbaijan’s Foreign Ministry");
}

TEST(QuotesTest, SecondQuoteOfASentenceSharesTheSpeaker) {
  const std::string text =
      "Washington said it was \"deeply concerned\" and called for \"restraint on all sides.\"";
  const auto quotes = FindQuotes(text);
  ASSERT_EQ(quotes.size(), 2u);
  EXPECT_EQ(quotes[0].speaker, "Washington");
  EXPECT_EQ(quotes[1].speaker, "Washington");
}

TEST(QuotesTest, UnmarkedBlockQuotation) {
  const std::string text =
      "The ministry wrote in a statement on Telegram:\n\nThe road is closed until further "
      "notice.\n\nThe outlet resumes here.";
  const auto quotes = FindQuotes(text);
  ASSERT_EQ(quotes.size(), 1u);
  EXPECT_EQ(Content(text, quotes[0]), "The road is closed until further notice.");
  EXPECT_TRUE(quotes[0].open_mark.empty());
  EXPECT_EQ(quotes[0].speaker, "The ministry");
  EXPECT_EQ(VoiceOf(text, quotes, "resumes"), nullptr);
  // "UPDATE:" announces nothing.
  EXPECT_TRUE(FindQuotes("UPDATE:\n\nThe road reopened.").empty());
}

// Each noun of a statement announces the lines after a colon, however it is written (the line
// is read only when a cheap test finds such a noun or a reporting verb in it).
TEST(QuotesTest, EverySpeechNounAnnouncesABlockQuotation) {
  for (const std::string noun : {"statement", "E-MAIL", "op-ed", "Transcript", "responses",
                                 "remarks", "following", "post"}) {
    const std::string text = "The ministry published the " + noun +
                             " in full:\n\nThe road is "
                             "closed until further notice.\n\nThe outlet resumes here.";
    const auto quotes = FindQuotes(text);
    ASSERT_EQ(quotes.size(), 1u) << noun;
    EXPECT_EQ(Content(text, quotes[0]), "The road is closed until further notice.") << noun;
  }
  // Neither a speech noun nor a reporting verb: no block quotation.
  EXPECT_TRUE(FindQuotes("The ministry published the map in full:\n\nThe road is closed.").empty());
}

// A colon inside a quotation that runs over paragraphs announces nothing of the outlet's, even
// with an earlier, shorter quotation and a later one around it.
TEST(QuotesTest, AColonInsideAQuotationOpensNoBlockQuotation) {
  const std::string text =
      "He called it “odd”. The minister wrote: “The ministry said in a statement:\n\nWe will "
      "reopen the road.” Then “nothing” followed.\n\nThe outlet resumes here.";
  const auto quotes = FindQuotes(text);
  for (const Quote& q : quotes) EXPECT_FALSE(q.open_mark.empty()) << Content(text, q);
  ASSERT_GE(quotes.size(), 3u);
  const std::size_t reopen = text.find("We will");
  EXPECT_TRUE(IsQuoted(quotes, reopen, reopen + 7));
}

// Russian punctuation ends an exclamation or a question inside the marks and tags it after a
// dash: "«Уходи!» – скандировали они". The stop is no sentence end; the tag names the speakers.
TEST(QuotesTest, ATagAfterAnExclamationInsideTheMarks) {
  const std::string text =
      "Акция прошла у Дома правительства.\n\n«Уходи!» – скандировали они.\n\n«Кто ответит?» — "
      "спросил журналист.\n\n«Перестаньте нас бить!» – кричали женщины.";
  const auto quotes = FindQuotes(text);
  ASSERT_EQ(quotes.size(), 3u);
  EXPECT_EQ(quotes[0].speaker, "они");
  EXPECT_EQ(quotes[0].verb, "скандировали");
  EXPECT_EQ(quotes[1].speaker, "журналист");
  EXPECT_EQ(quotes[2].speaker, "женщины");
  for (const Quote& q : quotes) EXPECT_EQ(q.kind, QuoteKind::kDirect) << Content(text, q);
}

// A name right after the speaker of a tag before it, with no colon, comma or dash between,
// is in apposition ("as the regional outlet «Virtual Brest» reports"); after a colon the words
// in the marks are what is said.
TEST(QuotesTest, ANameAfterATagsSpeakerIsATitle) {
  const std::string text =
      "Как сообщило региональное издание «Виртуальный Брест», осколок попал в журналиста. "
      "Министр заявил: «Переговоры сорваны полностью».";
  const auto quotes = FindQuotes(text);
  ASSERT_NE(QuoteWith(text, quotes, "Виртуальный Брест"), nullptr);
  EXPECT_EQ(QuoteWith(text, quotes, "Виртуальный Брест")->kind, QuoteKind::kTitle);
  EXPECT_TRUE(QuoteWith(text, quotes, "Виртуальный Брест")->speaker.empty());
  ASSERT_NE(QuoteWith(text, quotes, "Переговоры"), nullptr);
  EXPECT_EQ(QuoteWith(text, quotes, "Переговоры")->kind, QuoteKind::kDirect);
  EXPECT_EQ(QuoteWith(text, quotes, "Переговоры")->speaker, "Министр");
}

// Cyrillic typography quotes names with whatever marks are at hand, and a name after a
// preposition is what is spoken about: neither is a scare quote nor someone's words.
TEST(QuotesTest, CyrillicNamesInAnyMarksAreTitles) {
  const std::string text =
      "Компания \"Газпром\" прекратила поставки, а “Молдовагаз” ответил отказом. Как заявили в "
      "\"Газпроме\", долг не погашен. Він наголосив на позиції “Енергоатому”.";
  const auto quotes = FindQuotes(text);
  for (const char* name : {"Газпром", "Молдовагаз", "Газпроме", "Енергоатому"}) {
    ASSERT_NE(QuoteWith(text, quotes, name), nullptr) << name;
    EXPECT_EQ(QuoteWith(text, quotes, name)->kind, QuoteKind::kTitle) << name;
  }
  // An English capitalised word alone in quotation marks stays a scare quote.
  const std::string en = "Officials of the \"Republic\" met on Sunday.";
  ASSERT_EQ(FindQuotes(en).size(), 1u);
  EXPECT_EQ(FindQuotes(en)[0].kind, QuoteKind::kScare);
}

// A postposed title in a declining language: the head speaks, not its complement; a long run of
// names ends in the person; a weekday before the verb is not the speaker.
TEST(QuotesTest, PostposedTitlesAndDaysBeforeTheVerb) {
  const std::string text =
      "«Это диверсия», — отметил официальный представитель Кремля.\n\n«Это провокация», — "
      "заявил пресс-секретарь президента РФ Владимира Путина Дмитрий Песков.\n\nThe president "
      "on Wednesday described the cut-off as “one of Moscow’s biggest defeats”.";
  const auto quotes = FindQuotes(text);
  ASSERT_NE(QuoteWith(text, quotes, "Это диверсия"), nullptr);
  EXPECT_EQ(QuoteWith(text, quotes, "Это диверсия")->speaker, "официальный представитель Кремля");
  ASSERT_NE(QuoteWith(text, quotes, "Это провокация"), nullptr);
  EXPECT_EQ(QuoteWith(text, quotes, "Это провокация")->speaker, "Дмитрий Песков");
  ASSERT_NE(QuoteWith(text, quotes, "biggest defeats"), nullptr);
  EXPECT_EQ(QuoteWith(text, quotes, "biggest defeats")->speaker, "The president");
}

// Armenian writes its full stop with the ASCII colon too: a paragraph ending so announces no
// block quotation.
TEST(QuotesTest, AnArmenianColonEndsTheSentence) {
  const std::string text =
      "Պաշտպանության նախարարը հայտարարեց, որ իրավիճակը վերահսկվում է:\n\nԹշնամին շարունակում "
      "է հրետակոծել սահմանամերձ գյուղերը։";
  QuoteOptions options;
  options.reporting_verbs.Add("հայտարարեց");  // as the Armenian cue lexicon gives it
  EXPECT_TRUE(FindQuotes(text, options).empty());
  // An English paragraph ending in a colon still announces one.
  const std::string en =
      "The minister posted this statement on his page:\n\nThe situation is under control.";
  ASSERT_EQ(FindQuotes(en).size(), 1u);
}

// "About this" opens a quotation's tag before its subject; a Georgian place phrase (-ზე, -ში) is
// no subject, and a dash tag with a verb of saying but no subject is still speech.
TEST(QuotesTest, AboutThisInATagAndUnnamedSpeakers) {
  QuoteOptions options;
  options.reporting_verbs.Add("განაცხადა");
  options.reporting_verbs.Add("განაცხადეს");
  const std::string ka =
      "„კანონი მიღებულია“, - ამის შესახებ პარლამენტის თავმჯდომარემ შალვა პაპუაშვილმა "
      "განაცხადა.\n\n„კანონი უნდა გაიწვიონ“, - ამის შესახებ ერთობლივ პრესკონფერენციაზე "
      "განაცხადეს.";
  const auto quotes = FindQuotes(ka, options);
  const Quote* named = QuoteWith(ka, quotes, "კანონი მიღებულია");
  ASSERT_NE(named, nullptr);
  EXPECT_EQ(named->speaker, "პარლამენტის თავმჯდომარემ შალვა პაპუაშვილმა");
  const Quote* unnamed = QuoteWith(ka, quotes, "კანონი უნდა გაიწვიონ");
  ASSERT_NE(unnamed, nullptr);
  EXPECT_EQ(unnamed->kind, QuoteKind::kDirect);
  EXPECT_EQ(unnamed->speaker, "");
  const std::string ru = "«Вода отступает», — об этом заявил мэр города Иван Петров.";
  ASSERT_EQ(FindQuotes(ru).size(), 1u);
  EXPECT_EQ(FindQuotes(ru)[0].speaker, "Иван Петров");
}

TEST(QuotesTest, EmptyAndMarkOnlyTexts) {
  EXPECT_TRUE(FindQuotes("").empty());
  EXPECT_TRUE(FindQuotes("\"").empty() || FindQuotes("\"")[0].start <= 1);
  EXPECT_TRUE(FindQuotes("’’’ ‘ ” « ").size() <= 2);
}

// The done-when checks on the seed articles as received.
std::string Seed(const std::string& name) { return testing::SeedText(name); }

// Every occurrence of `phrase` lies in a quote with a speaker; returns those speakers.
std::vector<std::string> SpeakersOf(const std::string& text, const std::string& phrase) {
  const auto quotes = FindQuotes(text);
  std::vector<std::string> speakers;
  for (std::size_t at = text.find(phrase); at != std::string::npos;
       at = text.find(phrase, at + 1)) {
    EXPECT_TRUE(IsQuoted(quotes, at, at + phrase.size())) << "own voice at byte " << at;
    const Quote* q = QuoteAt(quotes, at);
    speakers.push_back(q ? q->speaker.str() : "");
  }
  return speakers;
}

TEST(QuotesTest, SeedEthnicCleansingOnlyInQuotesWithSpeakers) {
  const std::string mt = Seed("001_f449a514d4856981.txt");
  const std::string oc = Seed("002_3bdb0ab3524e549d.txt");
  const std::string km = Seed("000_e67e5070340d439f.txt");
  if (mt.empty() || oc.empty() || km.empty()) GTEST_SKIP() << "../shared/seeds is absent";
  EXPECT_EQ(SpeakersOf(mt, "ethnic cleansing"),
            std::vector<std::string>{"The Armenian foreign ministry"});
  EXPECT_EQ(SpeakersOf(oc, "ethnic cleansing"), std::vector<std::string>{"the Foreign Ministry"});
  EXPECT_EQ(SpeakersOf(km, "ethnic cleansing"), std::vector<std::string>{"Alexander Iskandaryan"});
}

TEST(QuotesTest, SeedOcMediaScareQuoteAndApostrophes) {
  const std::string oc = Seed("002_3bdb0ab3524e549d.txt");
  if (oc.empty()) GTEST_SKIP() << "../shared/seeds is absent";
  const auto quotes = FindQuotes(oc);
  const Quote* eco = QuoteWith(oc, quotes, "eco-activists");
  ASSERT_NE(eco, nullptr);
  EXPECT_EQ(eco->kind, QuoteKind::kScare);
  EXPECT_NE(oc.substr(eco->sentence_start, eco->open - eco->sentence_start)
                .find("what the Azerbaijani government insists are"),
            std::string::npos);
  for (const char* word : {"Azerbaijan’s", "Russia’s", "Nagorno-Karabakh’s"}) {
    for (std::size_t at = oc.find(word); at != std::string::npos; at = oc.find(word, at + 1)) {
      const std::size_t mark = at + std::string(word).size() - std::string("’s").size();
      for (const Quote& q : quotes) {
        EXPECT_NE(q.open, mark) << word;
        EXPECT_NE(q.end, mark) << word;
      }
    }
  }
  // A quote over two sentences, closed in the same paragraph.
  const Quote* two = QuoteWith(oc, quotes, "Installing another checkpoint");
  ASSERT_NE(two, nullptr);
  EXPECT_NE(Content(oc, *two).find("beginning of the end of everything"), std::string::npos);
  EXPECT_EQ(two->speaker, "Marut Vanyan");
}

// QuoteAt and IsQuoted walk the chain of enclosing quotes instead of scanning every quote: on a
// dense, deeply nested run of quotation marks they agree with the definition (the deepest quote
// whose words hold the offset), byte for byte.
TEST(QuoteAtTest, AgreesWithTheDefinitionOnADenseNestedRun) {
  std::string text;
  const char* pieces[] = {"“", "”", "‘", "’", "\"", "«", "»", " he said ", " word ", ", "};
  unsigned seed = 7;
  for (int i = 0; i < 3000; ++i) {
    seed = seed * 1103515245u + 12345u;
    text += pieces[(seed >> 16) % 10];
  }
  const std::vector<Quote> quotes = FindQuotes(text);
  ASSERT_FALSE(quotes.empty());
  auto reference = [&](std::size_t offset) -> const Quote* {
    const Quote* best = nullptr;
    for (const Quote& q : quotes) {
      if (offset < q.start || offset >= q.end) continue;
      bool in_gap = false;
      for (const auto& [b, e] : q.gaps) in_gap |= b <= offset && offset < e;
      if (!in_gap && (best == nullptr || q.depth > best->depth)) best = &q;
    }
    return best;
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    ASSERT_EQ(QuoteAt(quotes, i), reference(i)) << "offset " << i;
  }
  std::size_t checked = 0;
  for (const Quote& q : quotes) {
    if (q.end <= q.start) continue;  // an empty quotation holds no words
    EXPECT_EQ(IsQuoted(quotes, q.start, q.start), reference(q.start) != nullptr) << q.start;
    if (q.gaps.empty()) {
      // Its words, and those of quotes nested in them: quoted, unless a nested quote's gap
      // (words of the outer speaker's voice again) lies inside.
      bool all = true;
      for (std::size_t i = q.start; i < q.end && all; ++i) all = reference(i) != nullptr;
      if (all) {
        EXPECT_TRUE(IsQuoted(quotes, q.start, q.end)) << q.start;
        ++checked;
      }
    }
  }
  EXPECT_GT(checked, 10u);
  EXPECT_FALSE(IsQuoted(quotes, 0, text.size()));
}

}  // namespace
}  // namespace parallax
