#include "text/byte_set.h"

#include <gtest/gtest.h>

#include <algorithm>
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
                          ByteSet{'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'},  // > kMaxValues
                          ByteSet{0xE2, '.', 0xC2, '\n'}};  // values past ASCII listed first
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

#if defined(__SSE2__)
// Every byte value at every position of a block: letters, digits and bytes past ASCII.
TEST(ByteSetTest, ClassifyAscii16MarksEachByteByItsClass) {
  for (int b = 0; b < 256; ++b) {
    for (int at = 0; at < 16; ++at) {
      unsigned char block[16];
      std::fill(block, block + 16, static_cast<unsigned char>(' '));
      block[at] = static_cast<unsigned char>(b);
      const AsciiMasks16 m = ClassifyAscii16(block);
      const std::uint32_t bit = 1u << at;
      const bool letter = (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z');
      EXPECT_EQ(m.letters, letter ? bit : 0u) << b;
      EXPECT_EQ(m.digits, b >= '0' && b <= '9' ? bit : 0u) << b;
      EXPECT_EQ(m.high, b >= 0x80 ? bit : 0u) << b;
    }
  }
}
#endif

}  // namespace
}  // namespace parallax
