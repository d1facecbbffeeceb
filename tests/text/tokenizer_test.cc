#include "text/tokenizer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "text/normalizer.h"

namespace parallax {
namespace {

std::vector<Token> TokensOf(std::string_view text, std::string* storage, bool punct = false) {
  std::vector<Token> tokens;
  TokenizerOptions options;
  options.punctuation = punct;
  Tokenize(text, options, &tokens, storage);
  return tokens;
}

// "norm" strings of the tokens.
std::vector<std::string> Norms(std::string_view text, bool punct = false) {
  std::string storage;
  std::vector<std::string> out;
  for (const Token& t : TokensOf(text, &storage, punct)) out.emplace_back(t.norm);
  return out;
}

// Original text of each token.
std::vector<std::string> Surfaces(std::string_view text, bool punct = false) {
  std::string storage;
  std::vector<std::string> out;
  for (const Token& t : TokensOf(text, &storage, punct)) {
    out.emplace_back(text.substr(t.begin, t.end - t.begin));
  }
  return out;
}

using V = std::vector<std::string>;

TEST(TokenizerTest, AsciiWordsLowercasedWithSpans) {
  const std::string text = "  Azerbaijan closes the LACHIN corridor.";
  std::string storage;
  auto tokens = TokensOf(text, &storage);
  ASSERT_EQ(tokens.size(), 5u);
  EXPECT_EQ(tokens[0].begin, 2u);
  EXPECT_EQ(tokens[0].end, 12u);
  EXPECT_EQ(tokens[0].norm, "azerbaijan");
  EXPECT_EQ(tokens[3].norm, "lachin");
  EXPECT_EQ(text.substr(tokens[3].begin, tokens[3].end - tokens[3].begin), "LACHIN");
  EXPECT_EQ(tokens[4].norm, "corridor");
  EXPECT_EQ(tokens[4].end, text.size() - 1);
  EXPECT_EQ(tokens[0].kind, TokenKind::kWord);
}

TEST(TokenizerTest, InnerHyphensStayAndFold) {
  EXPECT_EQ(Norms("Nagorno-Karabakh"), V{"nagorno-karabakh"});
  EXPECT_EQ(Norms("Nagorno\xE2\x80\x93Karabakh"), V{"nagorno-karabakh"});  // en dash
  EXPECT_EQ(Norms("Nagorno\xE2\x80\x91Karabakh"), V{"nagorno-karabakh"});  // no-break hyphen
  EXPECT_EQ(Surfaces("the Nagorno\xE2\x80\x93Karabakh region"),
            (V{"the", "Nagorno\xE2\x80\x93Karabakh", "region"}));
  // Em dash separates; leading, trailing and doubled hyphens do not join.
  EXPECT_EQ(Norms("road\xE2\x80\x94"
                  "and"),
            (V{"road", "and"}));
  EXPECT_EQ(Norms("-well- a--b"), (V{"well", "a", "b"}));
}

TEST(TokenizerTest, PossessiveSIsSplitOff) {
  EXPECT_EQ(Norms("Azerbaijan\xE2\x80\x99s army"), (V{"azerbaijan", "army"}));
  EXPECT_EQ(Norms("Azerbaijan's army"), (V{"azerbaijan", "army"}));
  EXPECT_EQ(Norms("Azerbaijan\xE2\x80\x99s army", true), (V{"azerbaijan", "'s", "army"}));
  EXPECT_EQ(Surfaces("Azerbaijan\xE2\x80\x99s army", true),
            (V{"Azerbaijan", "\xE2\x80\x99s", "army"}));
  std::string storage;
  auto tokens = TokensOf("Baku's", &storage, true);
  ASSERT_EQ(tokens.size(), 2u);
  EXPECT_EQ(tokens[1].kind, TokenKind::kClitic);
  // Non-ASCII word before the possessive.
  EXPECT_EQ(Norms("Əliyev\xE2\x80\x99s view"), (V{"əliyev", "view"}));
}

TEST(TokenizerTest, InnerApostrophesStay) {
  EXPECT_EQ(Norms("O\xE2\x80\x99"
                  "Brien don't"),
            (V{"o'brien", "don't"}));
  EXPECT_EQ(Norms("the 'sides'"), (V{"the", "sides"}));
  // A trailing apostrophe (plural possessive or closing quote) is punctuation.
  EXPECT_EQ(Norms("Armenians\xE2\x80\x99 rights", true), (V{"armenians", "'", "rights"}));
  // "'s" followed by more letters is not a possessive.
  EXPECT_EQ(Norms("ma'sum"), V{"ma'sum"});
}

TEST(TokenizerTest, NumbersKeepDecimalsAndGrouping) {
  std::string storage;
  auto tokens = TokensOf("3.5 km, 10,000 troops in 2023.", &storage);
  ASSERT_EQ(tokens.size(), 6u);
  EXPECT_EQ(tokens[0].norm, "3.5");
  EXPECT_EQ(tokens[0].kind, TokenKind::kNumber);
  EXPECT_EQ(tokens[2].norm, "10,000");
  EXPECT_EQ(tokens[5].norm, "2023");
  EXPECT_EQ(Norms("a.b 1.x"), (V{"a", "b", "1", "x"}));
}

TEST(TokenizerTest, OtherScripts) {
  EXPECT_EQ(Norms("Лачинский коридор, Степанакерт."), (V{"лачинский", "коридор", "степанакерт"}));
  EXPECT_EQ(Norms("Ստեփանակերտ ԱՐՑԱԽ"), (V{"ստեփանակերտ", "արցախ"}));
  EXPECT_EQ(Norms("სტეფანაკერტი, ხანქენდი"), (V{"სტეფანაკერტი", "ხანქენდი"}));
  EXPECT_EQ(Norms("XANKƏNDİ, Dağlıq Qarabağ"), (V{"xankəndi", "dağlıq", "qarabağ"}));
  const std::string text = "Шуша/Şuşa";
  EXPECT_EQ(Surfaces(text), (V{"Шуша", "Şuşa"}));
}

TEST(TokenizerTest, CombiningMarksAndInvisiblesStayInWord) {
  // "Cafe" + U+0301: the mark belongs to the word and composes in norm.
  EXPECT_EQ(Surfaces("Cafe\xCC\x81 open"), (V{"Cafe\xCC\x81", "open"}));
  EXPECT_EQ(Norms("Cafe\xCC\x81 open"), (V{"caf\xC3\xA9", "open"}));
  EXPECT_EQ(Norms("Kara\xC2\xAD"
                  "bakh Ar\xE2\x80\x8Btsakh"),
            (V{"karabakh", "artsakh"}));
  EXPECT_EQ(Surfaces("Kara\xC2\xAD"
                     "bakh"),
            V{"Kara\xC2\xAD"
              "bakh"});
  // Trailing invisible characters are not part of the word.
  EXPECT_EQ(Surfaces("word\xE2\x80\x8B next"), (V{"word", "next"}));
  EXPECT_EQ(Norms("\xEF\xAC\x81nal"), V{"final"});
}

TEST(TokenizerTest, ArmenianIntonationMarksStayInWord) {
  // Armenian writes ՛ ՜ ՞ over a vowel inside the word: the word stays one token.
  EXPECT_EQ(Surfaces("Արցա՞խը Ստեփանակե՜րտ"), (V{"Արցա՞խը", "Ստեփանակե՜րտ"}));
  EXPECT_EQ(Norms("Արցա՞խը Ստեփանակե՜րտ մե՛րն"), (V{"արցախը", "ստեփանակերտ", "մերն"}));
}

TEST(TokenizerTest, PunctuationTokensOnlyWhenAsked) {
  EXPECT_EQ(Norms("\xE2\x80\x9CLachin,\xE2\x80\x9D he said."), (V{"lachin", "he", "said"}));
  EXPECT_EQ(Norms("\xE2\x80\x9CLachin,\xE2\x80\x9D he said.", true),
            (V{"\"", "lachin", ",", "\"", "he", "said", "."}));
  std::string storage;
  auto tokens = TokensOf(
      "a \xC2\xAB"
      "b",
      &storage, true);
  ASSERT_EQ(tokens.size(), 3u);
  EXPECT_EQ(tokens[1].kind, TokenKind::kPunct);
  EXPECT_EQ(tokens[1].begin, 2u);
  EXPECT_EQ(tokens[1].end, 4u);
}

TEST(TokenizerTest, NormEqualsMatchFormOfSpan) {
  const std::string text =
      "The Nagorno\xE2\x80\x93Karabakh \xE2\x80\x9C"
      "conflict\xE2\x80\x9D: İlham Əliyev, "
      "Лачинского коридора, Ստեփանակերտ, O\xE2\x80\x99"
      "Brien, \xEF\xAC\x81nal, 3.5%.";
  std::string storage;
  for (const Token& t : TokensOf(text, &storage, true)) {
    const std::string expected = Normalize(std::string_view(text).substr(t.begin, t.end - t.begin),
                                           NormalizationForm::kMatch)
                                     .text;
    EXPECT_EQ(t.norm, expected) << "token at " << t.begin;
  }
}

TEST(TokenizerTest, StreamingMatchesBatchAndResets) {
  const std::string text = "One two, three’s";
  Tokenizer tokenizer(text);
  Token t;
  std::vector<std::string> seen;
  while (tokenizer.Next(&t)) seen.emplace_back(t.norm);
  EXPECT_EQ(seen, (V{"one", "two", "three"}));
  tokenizer.Reset("Four");
  ASSERT_TRUE(tokenizer.Next(&t));
  EXPECT_EQ(t.norm, "four");
  EXPECT_FALSE(tokenizer.Next(&t));
  EXPECT_TRUE(Norms("").empty());
  EXPECT_TRUE(Norms(" \n\t ").empty());
}

}  // namespace
}  // namespace parallax
