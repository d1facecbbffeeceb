// The pre-filter of FindDates: anchors and the windows around them. That FindDates finds the same
// dates through the windows as without them is tested in dates_test.cc.
#include "annotate/date_windows.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "text/utf8.h"

namespace parallax::internal {
namespace {

DateWindowFinder Finder(std::size_t before, std::size_t after) {
  return DateWindowFinder({"ago", "week", "вчера", "году"}, {"may", "friday"}, before, after);
}

// The windows of `text` as the text they cover.
std::vector<std::string> Windows(const DateWindowFinder& finder, std::string_view text) {
  std::vector<ByteWindow> windows;
  finder.Find(text, &windows);
  std::vector<std::string> out;
  for (const ByteWindow& w : windows) {
    EXPECT_LT(w.begin, w.end);
    EXPECT_LE(w.end, text.size());
    out.emplace_back(text.substr(w.begin, w.end - w.begin));
  }
  return out;
}

using Texts = std::vector<std::string>;

TEST(DateWindowFinderTest, AnchorsAreDigitsAndWholeWords) {
  const DateWindowFinder f = Finder(0, 0);
  for (const char* anchor :
       {"7", "x7y", "(2022,", "ago", "AGO", "Ago.", "«week»", "вчера", "Вчера", "ВЧЕРА,", "May",
        "MAY", "Friday", "today’s-week", "mid-May", "FRİDAY", "wee\u212Aend", "году—"}) {
    EXPECT_TRUE(f.IsAnchorWord(anchor)) << anchor;
  }
  for (const char* other : {"", "may", "friday", "weekly", "agony", "Mayor", "вчерашний", "ввчера",
                            "годум", "a", "\xC2\xA0", "\xD0", "\xC4", "\xE2\x84"}) {
    EXPECT_FALSE(f.IsAnchorWord(other)) << other;
  }
}

TEST(DateWindowFinderTest, WindowsReachRunsBeforeAndAfter) {
  const DateWindowFinder f = Finder(2, 3);
  EXPECT_EQ(Windows(f, ""), Texts{});
  EXPECT_EQ(Windows(f, "no anchor in this text at all"), Texts{});
  EXPECT_EQ(Windows(f, "a b c d e 5 f g h i j"), Texts{"d e 5 f g h"});
  // At the text's edges the window stops there.
  EXPECT_EQ(Windows(f, "5 f"), Texts{"5 f"});
  EXPECT_EQ(Windows(f, "a\tb\n5"), Texts{"a\tb\n5"});
  // Runs, not words: punctuation stays in its run.
  EXPECT_EQ(Windows(f, "a b (c, d) Friday, e. f g h"), Texts{"(c, d) Friday, e. f g"});
  // Runs of no-break spaces alone hold no token and are not counted.
  EXPECT_EQ(Windows(f, "a b c \xC2\xA0 d 5 e \xC2\xA0 f g h"),
            Texts{"c \xC2\xA0 d 5 e \xC2\xA0 f g"});
  // A no-break space inside a run does not cut it.
  EXPECT_EQ(Windows(f,
                    "a b c\xC2\xA0"
                    "d 5 e"),
            Texts{"b c\xC2\xA0"
                  "d 5 e"});
}

TEST(DateWindowFinderTest, OverlappingWindowsMerge) {
  const DateWindowFinder f = Finder(1, 1);
  EXPECT_EQ(Windows(f, "a b 1 c d e f 2 g h"), (Texts{"b 1 c", "f 2 g"}));
  // Windows that only touch need no merging: no token is in both.
  EXPECT_EQ(Windows(f, "a b 1 c d 2 g h"), (Texts{"b 1 c", "d 2 g"}));
  EXPECT_EQ(Windows(f, "a b 1 c 2 g h"), Texts{"b 1 c 2 g"});
  EXPECT_EQ(Windows(f, "1 2 3 4"), Texts{"1 2 3 4"});
}

TEST(DateWindowFinderTest, WindowsEndAtWhiteSpaceOrTheEnd) {
  const DateWindowFinder f = Finder(0, 0);
  EXPECT_EQ(Windows(f, "  x,1990s;y  z"), Texts{"x,1990s;y"});
  EXPECT_EQ(Windows(f, "ago\r\n"), Texts{"ago"});
}

TEST(DateWindowFinderTest, OnlyAsciiAndCyrillicLowerCaseWordsAreSearchable) {
  EXPECT_TRUE(DateWindowFinder::Searchable("september"));
  EXPECT_TRUE(DateWindowFinder::Searchable("воскресенье"));
  EXPECT_TRUE(DateWindowFinder::Searchable("ё"));
  EXPECT_FALSE(DateWindowFinder::Searchable(""));
  EXPECT_FALSE(DateWindowFinder::Searchable("May"));
  EXPECT_FALSE(DateWindowFinder::Searchable("Вчера"));
  EXPECT_FALSE(DateWindowFinder::Searchable("mid-"));
  EXPECT_FALSE(DateWindowFinder::Searchable("août"));
}

// The scan lower-cases ASCII and Cyrillic letters only, and takes İ and K for anchors: right only
// while no other character lower-cases to a letter an anchor word can hold.
TEST(DateWindowFinderTest, NoOtherCharacterLowerCasesToAsciiOrCyrillic) {
  std::vector<char32_t> found;
  for (char32_t c = 0x80; c < 0x110000; ++c) {
    if ((c >= 0xD800 && c <= 0xDFFF) || (c >= 0x400 && c < 0x480)) continue;
    std::string s;
    AppendUtf8(c, &s);
    const std::string lower = SimpleLowercase(s);
    if (lower == s) continue;
    const auto b = static_cast<unsigned char>(lower[0]);
    if (b < 0x80 || b == 0xD0 || b == 0xD1) found.push_back(c);
  }
  EXPECT_EQ(found, (std::vector<char32_t>{0x130, 0x212A}));
  // And the scan lower-cases Cyrillic as SimpleLowercase does.
  const DateWindowFinder f = Finder(0, 0);
  for (char32_t c = 0x400; c < 0x480; ++c) {
    std::string word = "вчер";
    AppendUtf8(c, &word);
    EXPECT_EQ(f.IsAnchorWord(word), SimpleLowercase(word) == "вчера") << word;
  }
}

}  // namespace
}  // namespace parallax::internal
