#include "text/word_count.h"

#include <gtest/gtest.h>

#include <random>
#include <string>

namespace parallax {
namespace {

TEST(WordCountTest, CountsRunsWithInnerJoiners) {
  EXPECT_EQ(CountWordRuns(""), 0u);
  EXPECT_EQ(CountWordRuns("   "), 0u);
  EXPECT_EQ(CountWordRuns("Nagorno-Karabakh is here"), 3u);
  EXPECT_EQ(CountWordRuns("Azerbaijan's don't"), 2u);
  EXPECT_EQ(CountWordRuns("a--b -- c"), 2u);              // a joiner run keeps a word going
  EXPECT_EQ(CountWordRuns("-a 'b' -"), 2u);               // joiners alone start nothing
  EXPECT_EQ(CountWordRuns("Ստեփանակերտ, Хankendi"), 2u);  // every byte past ASCII is a word byte
  EXPECT_EQ(CountWordRuns("1,000 people"), 3u);
}

TEST(WordCountTest, BlocksAgreeWithTheByteAtATimeCount) {
  // Runs that cross the sixty-four-byte blocks, joiner runs at block edges, non-ASCII bytes.
  const std::string alphabet = "ab Z09 '-'--.\n\xC3\xA9\xD5\xA1";
  std::mt19937 random(18);
  for (int round = 0; round < 4000; ++round) {
    std::string text(std::uniform_int_distribution<std::size_t>(0, 400)(random), ' ');
    for (char& ch : text) {
      ch = alphabet[std::uniform_int_distribution<std::size_t>(0, alphabet.size() - 1)(random)];
    }
    if (round % 3 == 0) {
      // Long joiner runs, which must carry across blocks.
      for (std::size_t k = 50; k < text.size() && k < 150; ++k) text[k] = '-';
    }
    for (std::size_t skip : {0, 1, 7}) {
      const std::string_view view = std::string_view(text).substr(std::min(skip, text.size()));
      ASSERT_EQ(CountWordRuns(view), internal::CountWordRunsByByte(view))
          << "round " << round << " skip " << skip << ": " << view;
    }
  }
}

TEST(WordCountTest, AWordCarriedOverABlockEdgeIsCountedOnce) {
  std::string text(63, ' ');
  text += "word";  // starts at byte 63, goes on into the second block
  EXPECT_EQ(CountWordRuns(text), 1u);
  std::string joined(60, 'x');
  joined += std::string(10, '-') + "y";  // x…x----------y: one word across the edge
  EXPECT_EQ(CountWordRuns(joined), 1u);
  std::string apart(64, ' ');
  apart[63] = '-';
  apart += "z";  // a joiner after a space starts nothing: z is the only word
  EXPECT_EQ(CountWordRuns(apart), 1u);
}

}  // namespace
}  // namespace parallax
