#include "text/byte_set.h"

#include <gtest/gtest.h>

#include <random>
#include <string>

namespace parallax {
namespace {

// The first position in [from, end) whose byte `set` has, a byte at a time.
std::size_t FindReference(const ByteSet& set, std::string_view text, std::size_t from,
                          std::size_t end) {
  while (from < end && !set.Has(static_cast<unsigned char>(text[from]))) ++from;
  return from;
}

TEST(ByteSetTest, HasItsValuesAndOptionallyEveryNonAsciiByte) {
  constexpr ByteSet kMarks = {'"', 0xE2};
  EXPECT_TRUE(kMarks.Has('"'));
  EXPECT_TRUE(kMarks.Has(0xE2));
  EXPECT_FALSE(kMarks.Has('a'));
  EXPECT_FALSE(kMarks.Has(0xC2));
  constexpr ByteSet kStops({'.'}, /*non_ascii=*/true);
  EXPECT_TRUE(kStops.Has(0x80));
  EXPECT_TRUE(kStops.Has(0xFF));
  EXPECT_FALSE(kStops.Has(0x7F));
}

TEST(ByteSetTest, FindsTheFirstByteInRange) {
  constexpr ByteSet kQuotes = {'"', '\''};
  const std::string text = "a plain run of more than sixteen bytes, then \"quoted\"";
  EXPECT_EQ(kQuotes.Find(text, 0, text.size()), text.find('"'));
  EXPECT_EQ(kQuotes.Find(text, 0, 10), 10u);  // not before `end`
  EXPECT_EQ(kQuotes.Find(text, text.find('"') + 1, text.size()), text.rfind('"'));
  EXPECT_EQ(kQuotes.Find("", 0, 0), 0u);
}

TEST(ByteSetTest, AgreesWithAByteAtATime) {
  const ByteSet sets[] = {ByteSet{'"', '\'', 0xC2, 0xE2}, ByteSet({'\n', '.', '!', '?'}, true),
                          ByteSet{'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'}};  // > kMaxValues
  // 17 bytes: members of each set, plain bytes and bytes of multi-byte characters.
  const std::string alphabet = "xyz .!?\n\"'abi\xc2\xe2\x80\xff";
  std::mt19937 random(7);
  for (int n = 0; n < 3000; ++n) {
    std::string text;
    const std::size_t size = random() % 70;
    for (std::size_t k = 0; k < size; ++k) {
      // Mostly plain bytes, so that whole blocks of sixteen hold none of the set.
      text += random() % 8 == 0 ? alphabet[random() % alphabet.size()] : 'x';
    }
    const std::size_t from = size == 0 ? 0 : random() % size;
    const std::size_t end = from + (size == from ? 0 : random() % (size - from + 1));
    for (const ByteSet& set : sets) {
      EXPECT_EQ(set.Find(text, from, end), FindReference(set, text, from, end)) << text;
    }
  }
}

}  // namespace
}  // namespace parallax
