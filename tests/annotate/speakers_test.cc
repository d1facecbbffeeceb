#include "annotate/speakers.h"

#include <gtest/gtest.h>

#include <functional>
#include <random>
#include <string>
#include <utility>
#include <vector>

namespace parallax::internal {
namespace {

bool AnyVerbToken(std::string_view text) {
  for (const Token& t : Tokenize(text, 0, text.size())) {
    if (IsReportingVerbForm(t)) return true;
  }
  return false;
}

TEST(SpeakersTest, MayHoldReportingVerbNeverMissesAVerbToken) {
  const std::vector<std::string> texts = {
      "The minister said on Sunday.",
      "“We will not retreat,” said Ana.",
      "He SAID nothing; she Says more.",
      "Officials (said-to-be) left.",
      "The state-said report",
      "Azerbaijan’s foreign ministry told reporters",
      "«Мы не отступим», — заявил министр.",
      "Политолог считает: всё хорошо",
      "said",
      "«сказал»",
      "x9said said9 claims, claims.",
      "No verbs at all in this one.",
      "",
      "caf\xe9 said",
      "the claims of the report",
  };
  for (const std::string& text : texts) {
    if (AnyVerbToken(text)) {
      EXPECT_TRUE(MayHoldReportingVerb(text, 0, text.size())) << text;
    }
  }
  EXPECT_FALSE(MayHoldReportingVerb("No verbs at all in this one.", 0, 28));
  EXPECT_FALSE(MayHoldReportingVerb("The state-said report", 0, 4));
  // Only the given range is read.
  const std::string text = "He said it. Nothing here.";
  EXPECT_TRUE(MayHoldReportingVerb(text, 0, 11));
  EXPECT_FALSE(MayHoldReportingVerb(text, 12, text.size()));
}

// Further verbs (QuoteOptions::reporting_verbs) pass the pre-filter as the built-in ones do,
// and only with the list given.
TEST(SpeakersTest, MayHoldReportingVerbWithMoreVerbs) {
  const WordList more = {"bildirib", "повідомив", "განაცხადა"};
  EXPECT_TRUE(more.Contains("bildirib"));
  EXPECT_FALSE(more.Contains("bildiri"));
  for (const std::string text : {"Nazirlik BILDIRIB ki, sülh yaxındır.", "Мер повідомив про це.",
                                 "კობახიძემ განაცხადა, რომ"}) {
    EXPECT_TRUE(MayHoldReportingVerb(text, 0, text.size(), &more)) << text;
    EXPECT_FALSE(MayHoldReportingVerb(text, 0, text.size())) << text;
    const Tokens tokens = Tokenize(text, 0, text.size());
    bool verb = false;
    for (std::size_t i = 0; i < tokens.size(); ++i) verb |= IsReportingVerbAt(tokens, i, &more);
    EXPECT_EQ(verb, text[0] != 'N') << text;  // "BILDIRIB" is capitalised: a name, not a verb
  }
  // A second list is read in the same scan, with or without the first.
  const WordList nouns = {"statement", "mail"};
  const WordList none;
  const std::string line = "The ministry published the E-MAIL in full:";
  EXPECT_FALSE(MayHoldReportingVerb(line, 0, line.size(), &more));
  EXPECT_TRUE(MayHoldReportingVerb(line, 0, line.size(), &more, &nouns));
  EXPECT_TRUE(MayHoldReportingVerb(line, 0, line.size(), nullptr, &nouns));
  EXPECT_TRUE(MayHoldReportingVerb(line, 0, line.size(), &none, &nouns));
  const std::string verb_line = "Мер повідомив про це:";
  EXPECT_TRUE(MayHoldReportingVerb(verb_line, 0, verb_line.size(), &nouns, &more));
  EXPECT_FALSE(MayHoldReportingVerb(verb_line, 0, verb_line.size(), &nouns, &none));
}

bool Views(std::string_view inner, std::string_view outer) {
  const std::less_equal<const char*> le;
  return le(outer.data(), inner.data()) &&
         le(inner.data() + inner.size(), outer.data() + outer.size());
}

TEST(SpeakersTest, TokenLowerFormsViewTheTextUnlessLowerCasingChangesThem) {
  const std::string text = "The Foreign MINISTRY said: \u00ABМИД\u00BB заявил, Azerbaijan\u2019s x";
  const Tokens tokens = Tokenize(text, 0, text.size());
  std::vector<std::string> lower;
  for (const Token& t : tokens) lower.emplace_back(t.lower);
  EXPECT_EQ(lower, (std::vector<std::string>{"the", "foreign", "ministry", "said", ":", "\u00AB",
                                             "мид", "\u00BB", "заявил", ",", "azerbaijan's", "x"}));
  // Already lower case: no copy.
  EXPECT_TRUE(Views(tokens[3].lower, text));   // said
  EXPECT_TRUE(Views(tokens[8].lower, text));   // заявил
  EXPECT_TRUE(Views(tokens[11].lower, text));  // x
  EXPECT_FALSE(Views(tokens[0].lower, text));  // The
  EXPECT_FALSE(Views(tokens[6].lower, text));  // МИД
  EXPECT_TRUE(tokens[0].capital);
  EXPECT_FALSE(tokens[3].capital);
}

// Every token's `lower` is Lower() of its text, on random mixes of scripts, capitals, curly
// apostrophes and invalid bytes (one invalid byte lower-cases to three: U+FFFD), also after the
// Tokens have been moved.
TEST(SpeakersTest, TokenLowerFormsEqualLowerOfTheirTextOnRandomText) {
  const std::vector<std::string> pieces = {
      "said",
      "Said",
      "SAID",
      "Mr",
      ".",
      ",",
      " ",
      " ",
      "\n",
      "\xff",
      "\xc3",
      "\xe2\x80",
      "\u2019s",
      "O\u2019Brien",
      "Azerbaijan\u2019s",
      "\u00AB",
      "\u201C",
      "-",
      "Nagorno-Karabakh",
      "Заявил",
      "МИД",
      "Армении",
      "\u0540\u0561\u0575\u0561\u057D\u057F\u0561\u0576",
      "\u10E1\u10D0\u10E5\u10D0\u10E0\u10D7\u10D5\u10D4\u10DA\u10DD",
      "\u0130stanbul",
      "\u023A",
      "Ilham",
      "3.5",
      "10,000",
      "x",
      "A"};
  std::mt19937 random(20261207);
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    const int n = static_cast<int>(random() % 40);
    for (int k = 0; k < n; ++k) text += pieces[random() % pieces.size()];
    const std::size_t begin = text.empty() ? 0 : random() % (text.size() + 1);
    Tokens tokens = Tokenize(text, begin, text.size());
    const Tokens moved = std::move(tokens);
    for (const Token& t : moved) {
      ASSERT_EQ(t.lower, Lower(t.text)) << "in: " << text;
      ASSERT_TRUE(Views(t.text, text));
    }
  }
}

// Random text from pieces that stress token edges: joiners, spaces of every kind, invalid
// bytes, letters that lower-case to ASCII (İ, the Kelvin sign).
std::string RandomTokenText(std::mt19937& random) {
  static const std::vector<std::string> kPieces = {
      "what",   "WHAT",   "Wh",       "at",        "so-called", "the",    "a",
      " ",      " ",      "  ",       "\t",        "\u00A0",    "\u2003", "\n",
      "'",      "\u2019", "-",        "--",        ",",         ".",      "\u201C",
      "\u00AB", "\xff",   "\xe2\x80", "according", "ACCORDING", "\u0130", "\u212A",
      "it",     "Заявил", "Армении",  "x1",        "3.5"};
  std::string text;
  const int n = static_cast<int>(random() % 30);
  for (int k = 0; k < n; ++k) text += kPieces[random() % kPieces.size()];
  return text;
}

TEST(SpeakersTest, CountWordsAgreesWithACharacterWalk) {
  // The definition: a word starts at a letter or digit of any script after a non-word
  // character; ' ’ and - keep a word going.
  const auto walk = [](std::string_view text, std::size_t begin, std::size_t end) {
    std::size_t words = 0;
    bool in_word = false;
    for (std::size_t i = begin; i < end;) {
      const Char c = CharAt(text, i);
      const bool alnum =
          IsAlnum(c.cp) || (in_word && (c.cp == '\'' || c.cp == 0x2019 || c.cp == '-'));
      words += alnum && !in_word;
      in_word = alnum;
      i += c.len == 0 ? 1 : c.len;
    }
    return words;
  };
  std::mt19937 random(1207);
  for (int round = 0; round < 3000; ++round) {
    const std::string text = RandomTokenText(random);
    const std::size_t end = random() % (text.size() + 1);
    const std::size_t begin = random() % (end + 1);
    ASSERT_EQ(CountWords(text, begin, end), walk(text, begin, end)) << text;
  }
  EXPECT_EQ(CountWords("Nagorno-Karabakh’s road, ‘so-called’", 0, 39), 3u);
}

// An acronym pattern names a speaker only written in capitals: Romanian "un oficial" is no UN.
TEST(SpeakersTest, AnAcronymPatternMatchesOnlyCapitals) {
  const std::vector<SpeakerPattern> patterns = {{"UN", "united-nations", "international", false},
                                                {"ОДКБ", "csto", "", false}};
  for (const auto& [name, actor] :
       {std::pair{"a UN spokesman", "united-nations"}, std::pair{"un oficial", ""},
        std::pair{"Un oficial", ""}, std::pair{"штаб ОДКБ", "csto"}, std::pair{"одкб", ""}}) {
    CompactString a, p;
    MatchSpeaker(patterns, {name}, &a, &p);
    EXPECT_EQ(a, actor) << name;
  }
}

// The first-word shape set with a pattern's words only saves work: matching is the same with it,
// without it, and with no words split beforehand.
TEST(SpeakersTest, MatchSpeakerIsTheSameWithOrWithoutPreparedShapes) {
  std::vector<SpeakerPattern> bare = {{"Azerbaijan*", "az-gov", "azerbaijan", true},
                                      {"Armenian foreign ministry", "am-mfa", "armenia", false},
                                      {"foreign ministry", "any-mfa", "", false},
                                      {"Aliyev", "az-president", "azerbaijan", false},
                                      {"Пашинян", "am-pm", "armenia", false}};
  std::vector<SpeakerPattern> split = bare;
  std::vector<SpeakerPattern> prepared = bare;
  for (SpeakerPattern& p : split) p.words = SplitSpeakerPattern(p.pattern);
  for (SpeakerPattern& p : prepared) {
    p.words = SplitSpeakerPattern(p.pattern);
    p.first_word_shape = FirstWordShape(p.words);
  }
  EXPECT_EQ(prepared[0].first_word_shape, 0u);  // a wildcard: always tried
  EXPECT_NE(prepared[1].first_word_shape, 0u);
  for (const std::string_view name :
       {"the Armenian Foreign Ministry", "Azerbaijani officials", "Ilham Aliyev", "Никол Пашинян",
        "a foreign ministry spokesman", "nobody", ""}) {
    CompactString a, b, c, pa, pb, pc;
    MatchSpeaker(bare, {name}, &a, &pa);
    MatchSpeaker(split, {name}, &b, &pb);
    MatchSpeaker(prepared, {name}, &c, &pc);
    EXPECT_EQ(a, b) << name;
    EXPECT_EQ(a, c) << name;
    EXPECT_EQ(pa, pc) << name;
  }
  CompactString actor, perspective;
  MatchSpeaker(prepared, {"the Armenian Foreign Ministry"}, &actor, &perspective);
  EXPECT_EQ(actor, "am-mfa");
}

TEST(SpeakersTest, TailStartKeepsTheLastTokensOfTheSpan) {
  std::mt19937 random(18);
  for (int round = 0; round < 3000; ++round) {
    const std::string text = RandomTokenText(random);
    const std::size_t end = random() % (text.size() + 1);
    const std::size_t floor = random() % (end + 1);
    const Tokens whole = Tokenize(text, floor, end);
    for (std::size_t n = 1; n <= 4; ++n) {
      const std::size_t start = TailStart(text, floor, end, n);
      ASSERT_GE(start, floor);
      ASSERT_LE(start, end);
      const Tokens tail = Tokenize(text, start, end);
      if (tail.size() < n) continue;  // the caller then reads the whole span
      ASSERT_GE(whole.size(), tail.size()) << text;
      for (std::size_t k = 1; k <= n; ++k) {
        const Token& a = tail[tail.size() - k];
        const Token& b = whole[whole.size() - k];
        ASSERT_EQ(a.begin, b.begin) << "n " << n << " in: " << text;
        ASSERT_EQ(a.end, b.end) << "n " << n << " in: " << text;
        ASSERT_EQ(a.lower, b.lower);
      }
    }
  }
  // Three words back from the end of "He called it the so-called": after the space before "it".
  const std::string_view text = "He called it the so-called";
  EXPECT_EQ(TailStart(text, 0, text.size(), 3), text.find("it"));
  EXPECT_EQ(TailStart(text, 0, text.size(), 9), 0u);
  EXPECT_EQ(TailStart(text, 5, text.size(), 9), 5u);
}

TEST(SpeakersTest, MayHoldAsciiWordNeverMissesATokenOfThatForm) {
  std::mt19937 random(7);
  int held = 0;
  for (int round = 0; round < 3000; ++round) {
    const std::string text = RandomTokenText(random);
    for (const std::string_view word : {"what", "according", "it", "k"}) {
      bool token = false;
      for (const Token& t : Tokenize(text, 0, text.size())) token |= t.lower == word;
      if (!token) continue;
      ++held;
      ASSERT_TRUE(MayHoldAsciiWord(text, word)) << word << " in: " << text;
    }
  }
  EXPECT_GT(held, 100);  // the pieces make such tokens often
  EXPECT_FALSE(MayHoldAsciiWord("so-called, the", "what"));
  EXPECT_TRUE(MayHoldAsciiWord("What X calls", "what"));
}

TEST(SpeakersTest, InstitutionNamesTakeTheArticle) {
  const auto institution = [](std::string_view text) {
    const Tokens tokens = Tokenize(text, 0, text.size());
    return IsInstitutionName(tokens, 0, tokens.size() - 1);
  };
  EXPECT_TRUE(institution("The Georgian Orthodox Church"));
  EXPECT_TRUE(institution("the Bank of England"));
  EXPECT_FALSE(institution("The President"));    // a title: a person
  EXPECT_FALSE(institution("the ministry"));     // no name
  EXPECT_FALSE(institution("Ivan Petrov"));      // no article
  EXPECT_FALSE(institution("The Church said"));  // not all a name
}

TEST(SpeakersTest, TitledNameBeforeIsTheLastOneNamed) {
  const auto name = [](std::string_view text) {
    const auto [b, e] = TitledNameBefore(text, text.size());
    return b == std::string_view::npos ? std::string("(none)") : std::string(text.substr(b, e - b));
  };
  EXPECT_EQ(name("Prime Minister Ana Petrova met Mr. Ivan Sokolov. The Church left."),
            "Mr. Ivan Sokolov");
  EXPECT_EQ(name("On Monday President Ivan Petrov left."), "President Ivan Petrov");
  EXPECT_EQ(name("Prime Minister Ana Petrova spoke."), "Prime Minister Ana Petrova");
  EXPECT_EQ(name("The President of the Republic spoke to the Ministry."), "(none)");
  EXPECT_EQ(name("The church condemned the attack."), "(none)");
  // Another person named without a title: the pronoun is ambiguous, no guess.
  EXPECT_EQ(name("Maria Petrova met President Ivan Petrov. "), "(none)");
  EXPECT_EQ(name("President Ivan Petrov met Maria Petrova. "), "(none)");
  // Only the 4 KB before: a name further back is not found, and no word is cut.
  EXPECT_EQ(name("President Ivan Petrov left. " + std::string(5000, 'x')), "(none)");
  const std::string far =
      "President Ivan Petrov left. " + std::string(4090, 'y') + " Mr. Ivan Sokolov";
  EXPECT_EQ(name(far), "Mr. Ivan Sokolov");
}

// A span of invalid bytes outgrows the buffer reserved for the lower-case forms (each byte is a
// token that lower-cases to three bytes); the forms already made stay valid.
TEST(SpeakersTest, TokenLowerFormsSurviveTheirBufferGrowing) {
  const std::string text = "Ab" + std::string(200, '\xff');
  const Tokens tokens = Tokenize(text, 0, text.size());
  ASSERT_EQ(tokens.size(), 201u);
  EXPECT_EQ(tokens[0].lower, "ab");
  for (std::size_t k = 1; k < tokens.size(); ++k) ASSERT_EQ(tokens[k].lower, "\uFFFD") << k;
}

// The South Slavic clitic auxiliary ("je", "su") and reflexive "se" belong to the verb: a
// subject ends before it ("Vučić je (danas) rekao"), a phrase after a verb starts past it
// ("rekao je Vučić", "navodi se u saopštenju").
TEST(SpeakersTest, CliticAuxiliaryBelongsToTheVerb) {
  const auto text_of = [](std::string_view text, const Tokens& tokens, Phrase p) {
    if (!p.found) return std::string("(none)");
    return std::string(
        text.substr(tokens[p.first].begin, tokens[p.last].end - tokens[p.first].begin));
  };
  for (const auto& [text, verb] : std::vector<std::pair<std::string_view, std::size_t>>{
           {"Vučić je rekao", 2}, {"Vučić je danas rekao", 3}, {"Министарство је саопштило", 2}}) {
    const Tokens tokens = Tokenize(text, 0, text.size());
    const Phrase p = SubjectBefore(tokens, verb, 0);
    EXPECT_EQ(text_of(text, tokens, p), std::string(text.substr(0, tokens[0].end))) << text;
  }
  const std::string_view tag = "rekao je ministar";
  const Tokens tag_tokens = Tokenize(tag, 0, tag.size());
  EXPECT_EQ(text_of(tag, tag_tokens, PhraseAfter(tag_tokens, 1, tag_tokens.size())), "ministar");
  const std::string_view statement = "navodi se u saopštenju ministarstva";
  const Tokens statement_tokens = Tokenize(statement, 0, statement.size());
  EXPECT_EQ(text_of(statement, statement_tokens,
                    PhraseAfter(statement_tokens, 1, statement_tokens.size())),
            "u saopštenju ministarstva");
  // "rekao je da …": no speaker follows, "da" (that) opens the reported clause.
  const std::string_view clause = "rekao je da je napad bio težak";
  const Tokens clause_tokens = Tokenize(clause, 0, clause.size());
  EXPECT_FALSE(PhraseAfter(clause_tokens, 1, clause_tokens.size()).found);
  // A comma-enclosed aside after the clitic: "Dačić je, u izjavi novinarima, kazao".
  const std::string_view aside = "Dačić je , u izjavi novinarima , kazao";
  const Tokens aside_tokens = Tokenize(aside, 0, aside.size());
  EXPECT_EQ(text_of(aside, aside_tokens, SubjectBefore(aside_tokens, aside_tokens.size() - 1, 0)),
            "Dačić");
  // Albanian "Ministri i Brendshëm tha": a lower-case "i" is no pronoun "I".
  const std::string_view albanian = "Ministri i Brendshëm tha";
  const Tokens albanian_tokens = Tokenize(albanian, 0, albanian.size());
  EXPECT_EQ(text_of(albanian, albanian_tokens, SubjectBefore(albanian_tokens, 3, 0)),
            "Ministri i Brendshëm");
  EXPECT_TRUE(IsPronoun(Tokenize("I", 0, 1)[0]));
  // Elsewhere nothing changes: "he said".
  const std::string_view english = "Mr. Steele said";
  const Tokens english_tokens = Tokenize(english, 0, english.size());
  EXPECT_EQ(text_of(english, english_tokens, SubjectBefore(english_tokens, 3, 0)), "Mr. Steele");
}

// A lower-case "o" is Portuguese "the" or Italian "or", not Azerbaijani "he".
TEST(SpeakersTest, CaseTellsAPronounFromItsHomograph) {
  EXPECT_EQ(PronounKindOf("він"), PronounKind::kPerson);
  EXPECT_EQ(PronounKindOf("воно"), PronounKind::kThing);
  EXPECT_EQ(PronounKindOf("მან"), PronounKind::kAny);
  EXPECT_EQ(PronounKindOf("ministro"), PronounKind::kNone);
  const auto o = Tokenize("O bildirib. o ministro", 0, 22);
  ASSERT_GE(o.size(), 4u);
  EXPECT_TRUE(IsPronoun(o[0]));
  EXPECT_FALSE(IsPronoun(o[3]));
}

}  // namespace
}  // namespace parallax::internal
