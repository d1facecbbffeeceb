#include "annotate/date_tokens.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace parallax::internal {
namespace {

// "lower|flags" per token: w word, n number, c capital.
std::vector<std::string> Shapes(std::string_view text) {
  DateTokens words;
  TokenizeForDates(text, &words);
  std::vector<std::string> out;
  for (const Tok& t : words.tokens) {
    std::string s(t.lower);
    s += '|';
    if (t.word) s += 'w';
    if (t.number) s += 'n';
    if (t.capital) s += 'c';
    EXPECT_LE(t.end, text.size());
    out.push_back(s);
  }
  return out;
}

TEST(DateTokensTest, WordsKeepInnerHyphensAndTellCapitals) {
  EXPECT_EQ(Shapes("On Sunday, mid-December"),
            (std::vector<std::string>{"on|wc", "sunday|wc", ",|", "mid-december|w"}));
  EXPECT_EQ(Shapes("well- known -x"),
            (std::vector<std::string>{"well|w", "-|", "known|w", "-|", "x|w"}));
}

TEST(DateTokensTest, NumbersTakeDecadesAndOrdinals) {
  EXPECT_EQ(Shapes("the 1990s, 23rd May 2022"),
            (std::vector<std::string>{"the|w", "1990s|n", ",|", "23rd|n", "may|wc", "2022|n"}));
  DateTokens words;
  TokenizeForDates("12th 123456", &words);
  ASSERT_EQ(words.tokens.size(), 2u);
  EXPECT_EQ(words.tokens[0].value, 12);
  EXPECT_EQ(words.tokens[0].digits, 2u);
  EXPECT_EQ(words.tokens[1].value, -1);  // more than four digits
  EXPECT_EQ(words.tokens[1].digits, 6u);
}

TEST(DateTokensTest, NonAsciiWordsAreWholeAndLowerCased) {
  // A word that starts in ASCII and goes on in another script, Cyrillic capitals, a no-break
  // space between words.
  EXPECT_EQ(
      Shapes("Caf\u00e9 \u0412\u0447\u0435\u0440\u0430\u00a0ok"),
      (std::vector<std::string>{"caf\u00e9|wc", "\u0432\u0447\u0435\u0440\u0430|wc", "ok|w"}));
}

TEST(DateTokensTest, LowerFormsStayValidForEveryToken) {
  // Many capitalised tokens: their lower-case forms share one buffer that grows as it fills.
  std::string text;
  for (int i = 0; i < 500; ++i) text += "May June ";
  DateTokens words;
  TokenizeForDates(text, &words);
  ASSERT_EQ(words.tokens.size(), 1000u);
  for (std::size_t i = 0; i < words.tokens.size(); ++i) {
    EXPECT_EQ(words.tokens[i].lower, i % 2 == 0 ? "may" : "june");
  }
}

}  // namespace
}  // namespace parallax::internal
