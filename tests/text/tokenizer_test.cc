#include "text/tokenizer.h"

#include <gtest/gtest.h>
#include <utf8proc.h>

#include <random>

#include <string>
#include <vector>

#include "text/normalizer.h"
#include "text/utf8.h"

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

// Common characters (Latin to Armenian, Georgian) are classified by a table made from utf8proc:
// between two letters each one joins them, is dropped, or separates them as utf8proc's category
// and the Tokenizer's rules say.
TEST(TokenizerTest, CommonCharactersClassifyByTheirCategory) {
  for (int i = 0; i < internal::kCommonChars; ++i) {
    const char32_t c = internal::CommonCharAt(i);
    std::string ch;
    AppendUtf8(c, &ch);
    const std::string text = "a" + ch + "b";
    std::string storage;
    const std::vector<Token> tokens = TokensOf(text, &storage, true);
    const auto category = utf8proc_category(static_cast<utf8proc_int32_t>(c));
    const bool word_char = (category >= UTF8PROC_CATEGORY_LU && category <= UTF8PROC_CATEGORY_NO);
    const bool transparent = c == 0xAD || c == 0x55B || c == 0x55C || c == 0x55E;
    const bool joiner = c == 0x2BC;
    const bool space = category >= UTF8PROC_CATEGORY_ZS && category <= UTF8PROC_CATEGORY_CC;
    SCOPED_TRACE(testing::Message() << "U+" << std::hex << static_cast<uint32_t>(c));
    if (word_char || transparent || joiner) {
      ASSERT_EQ(tokens.size(), 1u);
      EXPECT_EQ(tokens[0].end, text.size());
    } else if (space) {
      ASSERT_EQ(tokens.size(), 2u);
    } else {
      ASSERT_EQ(tokens.size(), 3u);
      EXPECT_EQ(tokens[1].kind, TokenKind::kPunct);
    }
  }
}

// Words of letters of several scripts in both cases, marks, joiners and invisible characters:
// their match forms are those of the normaliser's reference.
TEST(TokenizerTest, RandomWordsHaveTheReferenceMatchForm) {
  const std::vector<std::string> pieces = {"a",
                                           "Q",
                                           "7",
                                           "-",
                                           "'",
                                           "\xE2\x80\x99",
                                           "\xE2\x80\x93",
                                           "\xC2\xAD",
                                           "\xCC\x81",
                                           "\xCC\x88",
                                           "\xD0\x9B",
                                           "\xD0\xB0",
                                           "\xD0\x81",
                                           "\xD1\x91",
                                           "\xD0\x95",
                                           "\xD1\x97",
                                           "\xD4\xB1",
                                           "\xD5\xA1",
                                           "\xD6\x87",
                                           "\xD5\x9E",
                                           "\xE1\x83\x90",
                                           "\xE1\xB2\x90",
                                           "\xC4\xB0",
                                           "\xC6\x8F",
                                           "\xC3\x9F",
                                           " ",
                                           ",",
                                           "\xC2\xAB",
                                           "\xD0"};
  std::mt19937 rng(3);
  for (int round = 0; round < 5000; ++round) {
    std::string text;
    const int length = 1 + static_cast<int>(rng() % 14);
    for (int i = 0; i < length; ++i) text += pieces[rng() % pieces.size()];
    std::string storage;
    for (const Token& t : TokensOf(text, &storage, true)) {
      if (t.kind == TokenKind::kClitic) continue;
      const std::string_view surface = std::string_view(text).substr(t.begin, t.end - t.begin);
      ASSERT_EQ(t.norm, NormalizeReference(surface, NormalizationForm::kMatch))
          << "text bytes: " << text;
    }
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
