#include "text/sentences.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "test_paths.h"
#include "text/utf8.h"

namespace parallax {
namespace {

std::vector<std::string> Split(std::string_view text, const SentenceOptions& options = {}) {
  std::vector<std::string> out;
  for (const SentenceSpan& s : SplitSentences(text, options)) {
    out.emplace_back(text.substr(s.begin, s.end - s.begin));
  }
  return out;
}

using V = std::vector<std::string>;

TEST(SentencesTest, PlainSentencesWithSpans) {
  const std::string text = "  Baku closed the road. Yerevan protested!  Why? Nobody knows.  ";
  auto spans = SplitSentences(text);
  ASSERT_EQ(spans.size(), 4u);
  EXPECT_EQ(spans[0].begin, 2u);
  EXPECT_EQ(text.substr(spans[0].begin, spans[0].end - spans[0].begin), "Baku closed the road.");
  EXPECT_EQ(Split(text),
            (V{"Baku closed the road.", "Yerevan protested!", "Why?", "Nobody knows."}));
}

TEST(SentencesTest, TitlesAndInitials) {
  EXPECT_EQ(
      Split("Mr. Smith met Gen. Mirzayev in St. Petersburg. Dr. Lee and Prof. Ivanova came."),
      (V{"Mr. Smith met Gen. Mirzayev in St. Petersburg.", "Dr. Lee and Prof. Ivanova came."}));
  EXPECT_EQ(Split("J. Smith and A. B. Jones wrote it. They agreed."),
            (V{"J. Smith and A. B. Jones wrote it.", "They agreed."}));
}

TEST(SentencesTest, DatesNumbersAndDecimals) {
  EXPECT_EQ(Split("On Dec. 12 activists blocked the road. It stayed closed."),
            (V{"On Dec. 12 activists blocked the road.", "It stayed closed."}));
  EXPECT_EQ(Split("Checkpoint No. 5 opened. Traffic grew 3.5 times. No. It did not."),
            (V{"Checkpoint No. 5 opened.", "Traffic grew 3.5 times.", "No.", "It did not."}));
  EXPECT_EQ(Split("It happened in Dec. The road closed."),
            (V{"It happened in Dec.", "The road closed."}));
}

TEST(SentencesTest, DottedAcronyms) {
  EXPECT_EQ(Split("The U.S. State Department said so. Sanctions came from the U.S. The move "
                  "angered Baku."),
            (V{"The U.S. State Department said so.", "Sanctions came from the U.S.",
               "The move angered Baku."}));
  EXPECT_EQ(Split("Talks, e.g. in Brussels, failed. Next."),
            (V{"Talks, e.g. in Brussels, failed.", "Next."}));
}

TEST(SentencesTest, EllipsesAndLowerCaseContinuation) {
  EXPECT_EQ(Split("He paused... Then he left."), (V{"He paused...", "Then he left."}));
  EXPECT_EQ(Split("He paused\xE2\x80\xA6 and left."), (V{"He paused\xE2\x80\xA6 and left."}));
  EXPECT_EQ(Split("He waited\xE2\x80\xA6 Then he left."),
            (V{"He waited\xE2\x80\xA6", "Then he left."}));
}

// Georgian writes no capitals (Unicode files Mkhedruli as lower case): a full stop before a
// Georgian word ends the sentence, as before Arabic; Latin and Cyrillic lower case still
// continue it.
TEST(SentencesTest, CaselessScriptsOpenSentences) {
  EXPECT_EQ(Split("კანონი მიღებულია. მისი თქმით, პროტესტი გაგრძელდება."),
            (V{"კანონი მიღებულია.", "მისი თქმით, პროტესტი გაგრძელდება."}));
  EXPECT_EQ(Split("تم إغلاق الطريق. قال الوزير ذلك."), (V{"تم إغلاق الطريق.", "قال الوزير ذلك."}));
  EXPECT_EQ(Split("Он ушёл. и вернулся."), (V{"Он ушёл. и вернулся."}));
  // One caseless letter before the stop is an abbreviation: Georgian "ქ." (city), Arabic "د."
  // (doctor).
  EXPECT_EQ(Split("შეხვედრა გაიმართა ქ. თბილისში."), (V{"შეხვედრა გაიმართა ქ. თბილისში."}));
  EXPECT_EQ(Split("وقال د. أحمد إن الوضع مستقر."), (V{"وقال د. أحمد إن الوضع مستقر."}));
}

TEST(SentencesTest, ClosingQuotesStayWithTheSentence) {
  const std::string text =
      "\xE2\x80\x9CWe will install a checkpoint.\xE2\x80\x9D He said so. \xE2\x80\x9CWhy?\xE2\x80"
      "\x9D he asked. \xE2\x80\x98It is over.\xE2\x80\x99 She left.";
  EXPECT_EQ(Split(text), (V{"\xE2\x80\x9CWe will install a checkpoint.\xE2\x80\x9D", "He said so.",
                            "\xE2\x80\x9CWhy?\xE2\x80\x9D he asked.",
                            "\xE2\x80\x98It is over.\xE2\x80\x99", "She left."}));
  // An opening quote before the next sentence does not hide its capital letter.
  EXPECT_EQ(Split("It ended. \xE2\x80\x9CNo more,\xE2\x80\x9D he said."),
            (V{"It ended.", "\xE2\x80\x9CNo more,\xE2\x80\x9D he said."}));
}

TEST(SentencesTest, ParagraphsAndLines) {
  const std::string text = "A headline without a stop\n\nFirst line of body\nwrapped here. End.";
  EXPECT_EQ(Split(text),
            (V{"A headline without a stop", "First line of body", "wrapped here.", "End."}));
  SentenceOptions wrapped;
  wrapped.line_breaks_end_sentences = false;
  EXPECT_EQ(Split(text, wrapped),
            (V{"A headline without a stop", "First line of body\nwrapped here.", "End."}));
  // A blank line made of spaces still separates paragraphs.
  EXPECT_EQ(Split("one\n  \t\ntwo", wrapped), (V{"one", "two"}));
}

TEST(SentencesTest, CyrillicText) {
  EXPECT_EQ(Split("Лачинский коридор закрыт. Об этом сообщили в Баку! Почему? Неясно."),
            (V{"Лачинский коридор закрыт.", "Об этом сообщили в Баку!", "Почему?", "Неясно."}));
  EXPECT_EQ(
      Split("В 2023 г. в Баку прошли переговоры, т.е. встреча. Он сказал: «Нет». Потом ушёл."),
      (V{"В 2023 г. в Баку прошли переговоры, т.е. встреча.", "Он сказал: «Нет».", "Потом ушёл."}));
  EXPECT_EQ(Split("Пришёл ген. Иванов. Это всё."), (V{"Пришёл ген. Иванов.", "Это всё."}));
}

TEST(SentencesTest, ArmenianFullStop) {
  EXPECT_EQ(Split("Ստեփանակերտը փակ է։ Ճանապարհը բաց չէ։"),
            (V{"Ստեփանակերտը փակ է։", "Ճանապարհը բաց չէ։"}));
}

TEST(SentencesTest, ExtraAbbreviations) {
  SentenceOptions options;
  options.extra_abbreviations = {"Sh"};
  EXPECT_EQ(Split("Sh. Mirziyoyev came. Then.", options), (V{"Sh. Mirziyoyev came.", "Then."}));
  EXPECT_EQ(Split("Sh. Mirziyoyev came. Then."), (V{"Sh.", "Mirziyoyev came.", "Then."}));
}

TEST(SentencesTest, EmptyAndWhitespace) {
  EXPECT_TRUE(SplitSentences("").empty());
  EXPECT_TRUE(SplitSentences(" \n\n \t").empty());
  EXPECT_EQ(Split("No stop at the end"), V{"No stop at the end"});
}

TEST(SentencesTest, SeedArticlesSplitCleanly) {
  int files = 0;
  for (const std::string& raw : testing::SeedTexts()) {
    const std::string entry_path = "seed " + std::to_string(files);
    ++files;
    const std::string text = DecodeTextFile(raw, "", nullptr);
    auto spans = SplitSentences(text);
    ASSERT_GT(spans.size(), 10u) << entry_path;
    size_t previous_end = 0;
    for (const SentenceSpan& s : spans) {
      ASSERT_LT(s.begin, s.end);
      ASSERT_GE(s.begin, previous_end);
      previous_end = s.end;
      const std::string_view sentence = std::string_view(text).substr(s.begin, s.end - s.begin);
      EXPECT_NE(sentence.front(), ' ');
      EXPECT_NE(sentence.back(), ' ');
      // Nothing splits right after a title.
      EXPECT_FALSE(sentence.ends_with(" Mr.") || sentence.ends_with(" Gen."))
          << entry_path << ": " << sentence;
    }
  }
  EXPECT_EQ(files, 5);
}

// SplitSentences reads ASCII without decoding, decodes only the characters whose lead byte is
// that of a terminator, and judges a full stop after a word of ASCII letters by bytes: on text
// built from every terminator, closer and opener, abbreviations of every list in any case,
// initials, numbers, white space of every kind, words of Cyrillic, Armenian, Georgian and
// Arabic, and bytes that are not UTF-8, it gives the reference's spans, with each option.
TEST(SentencesTest, AgreesWithReferenceOnRandomText) {
  const std::vector<std::string> words = {
      "Mr", "mr", "MRS", "Dr", "Gen", "St", "vs", "e.g", "i.e", "approx", "Messrs", "messrsx", "No",
      "no", "pp", "Art", "Jan", "Dec", "Sept", "etc", "Inc", "Co", "Jr", "U.S", "a.m", "J", "A",
      "x", "Sh", "sh", "The", "He", "it", "According", "But", "said", "Baku", "Yerevan", "corridor",
      "internationalization", "5", "3.5", "10,000", "2023", "A5", "5A", "well-known", "-x", "т.е",
      "им", "ул", "ст", "№", "г", "млн", "Он", "Это", "сказал", "Москва", "Ереван", "Փաշինյան",
      "Հայաստան", "ქ", "წ", "საქართველო", "თბილისი", "د", "قال", "بغداد", "Über", "über", "é",
      "ÉTÉ", "ր", "ք", "ֆ", "“Да”",
      // Bytes that are not UTF-8: lead bytes of terminators alone or cut short.
      "\xE2", "\xE2\x80", "\xD6", "\xEF\xBC", "\xF0\xE2\x80\xA6", "\x80", "\xC3"};
  const std::vector<std::string> marks = {
      ".",  ".", ".", "!", "?", "?!", "...", "…", "։",      "。",     "！",    "？",
      "\"", "'", ")", "]", "”", "’",  "»",   "›", "“",      "(",      "[",     "‘",
      "«",  "„", "‹", "-", "–", "—",  ",",   ":", "\u00a0", "\u2028", "\uFEFF"};
  const std::vector<std::string> spaces = {" ",  " ",    " ", "  ", "\n",     "\n\n",  " \n \n",
                                           "\t", "\r\n", "",  "\f", "\u00a0", "\u3000"};
  std::mt19937 random(20261209);
  auto pick = [&](const std::vector<std::string>& from) {
    return from[std::uniform_int_distribution<size_t>(0, from.size() - 1)(random)];
  };
  auto chance = [&](int percent) {
    return std::uniform_int_distribution<int>(0, 99)(random) < percent;
  };
  const SentenceOptions plain;
  SentenceOptions hard_wrapped;
  hard_wrapped.line_breaks_end_sentences = false;
  SentenceOptions extra;
  extra.extra_abbreviations = {"Sh", "Messrsx", "internationalization", "Ереван"};
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    const int tokens = std::uniform_int_distribution<int>(1, 40)(random);
    for (int t = 0; t < tokens; ++t) {
      if (chance(35)) text += pick(marks);
      text += pick(words);
      if (chance(45)) text += pick(marks);
      if (chance(20)) text += pick(marks);
      text += pick(spaces);
    }
    for (const SentenceOptions* options :
         std::initializer_list<const SentenceOptions*>{&plain, &hard_wrapped, &extra}) {
      ASSERT_EQ(SplitSentences(text, *options), internal::SplitSentencesReference(text, *options))
          << "round " << round << ": " << text;
    }
  }
}

// A run without a sentence end longer than the cap is read in pieces: cut at white space,
// never inside a character, nothing lost but the white space between pieces.
TEST(CapSpanLengthTest, CutsLongRunsAtWhiteSpaceAndReportsThem) {
  std::string text = "Short one. ";
  const std::size_t run_start = text.size();
  for (int i = 0; i < 300; ++i) text += "слово ";  // 12 bytes each
  text += "end";
  std::vector<std::pair<std::size_t, std::size_t>> spans = {{0, 10}, {run_start, text.size()}};
  const std::vector<std::size_t> cut = CapSpanLength(text, &spans, 1000);
  EXPECT_EQ(cut, std::vector<std::size_t>{run_start});
  ASSERT_GE(spans.size(), 5u);
  EXPECT_EQ(spans.front(), (std::pair<std::size_t, std::size_t>{0, 10}));
  EXPECT_EQ(spans[1].first, run_start);
  EXPECT_EQ(spans.back().second, text.size());
  std::size_t covered = 0;
  for (std::size_t i = 1; i < spans.size(); ++i) {
    const auto [b, e] = spans[i];
    EXPECT_LE(e - b, 1000u);
    EXPECT_NE(text[b], ' ');
    EXPECT_NE(text[e - 1], ' ');
    EXPECT_NE(static_cast<unsigned char>(text[b]) & 0xC0, 0x80u) << "cut inside a character";
    if (i > 1) {
      EXPECT_EQ(text.substr(spans[i - 1].second, b - spans[i - 1].second), " ");
    }
    covered += e - b;
  }
  EXPECT_EQ(covered + (spans.size() - 2), text.size() - run_start);

  // No space at all: cut at a character boundary.
  std::string solid(3000, 'x');
  std::vector<std::pair<std::size_t, std::size_t>> one = {{0, solid.size()}};
  EXPECT_EQ(CapSpanLength(solid, &one, 1000).size(), 1u);
  EXPECT_EQ(one.size(), 3u);

  // Short spans are left as they are.
  std::vector<std::pair<std::size_t, std::size_t>> short_ones = {{0, 10}};
  EXPECT_TRUE(CapSpanLength(text, &short_ones, 1000).empty());
  EXPECT_EQ(short_ones.size(), 1u);
}

}  // namespace
}  // namespace parallax
