// The pre-filter of FindDates: anchors and the windows around them. That FindDates finds the same
// dates through the windows as without them is tested in dates_test.cc.
#include "annotate/date_windows.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "text/utf8.h"

namespace parallax::internal {
namespace {

DateWindowFinder Finder(std::size_t before, std::size_t after) {
  return DateWindowFinder({"ago", "week", "вчера", "году"}, {"may", "friday"}, 1800, 2100, before,
                          after);
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

TEST(DateWindowFinderTest, AnchorsAreYearsAndWholeWords) {
  const DateWindowFinder f = Finder(0, 0);
  for (const char* anchor :
       {"2100",   "x1800y",       "(2022,",  "1990s",  "2020-21",      "ago",  "AGO",
        "Ago.",   "«week»",       "вчера",   "Вчера",  "ВЧЕРА,",       "May",  "MAY",
        "Friday", "today’s-week", "mid-May", "FRİDAY", "wee\u212Aend", "году—"}) {
    EXPECT_TRUE(f.IsAnchorWord(anchor)) << anchor;
  }
  for (const char* other :
       {"",       "7",     "x7y",    "12345",    "1799",  "2101",  "12,000",
        "98.9",   "may",   "friday", "weekly",   "agony", "Mayor", "вчерашний",
        "ввчера", "годум", "a",      "\xC2\xA0", "\xD0",  "\xC4",  "\xE2\x84"}) {
    EXPECT_FALSE(f.IsAnchorWord(other)) << other;
  }
}

TEST(DateWindowFinderTest, WindowsReachRunsBeforeAndAfter) {
  const DateWindowFinder f = Finder(2, 3);
  EXPECT_EQ(Windows(f, ""), Texts{});
  EXPECT_EQ(Windows(f, "no anchor in this text at all"), Texts{});
  EXPECT_EQ(Windows(f, "a b c d e 2005 f g h i j"), Texts{"d e 2005 f g h"});
  EXPECT_EQ(Windows(f, "a b c d e 5 f g h i j"), Texts{});
  // At the text's edges the window stops there.
  EXPECT_EQ(Windows(f, "2005 f"), Texts{"2005 f"});
  EXPECT_EQ(Windows(f, "a\tb\n2005"), Texts{"a\tb\n2005"});
  // Runs, not words: punctuation stays in its run.
  EXPECT_EQ(Windows(f, "a b (c, d) Friday, e. f g h"), Texts{"(c, d) Friday, e. f g"});
  // Runs of no-break spaces alone hold no token and are not counted.
  EXPECT_EQ(Windows(f, "a b c \xC2\xA0 d 2005 e \xC2\xA0 f g h"),
            Texts{"c \xC2\xA0 d 2005 e \xC2\xA0 f g"});
  // A no-break space inside a run does not cut it.
  EXPECT_EQ(Windows(f,
                    "a b c\xC2\xA0"
                    "d 2005 e"),
            Texts{"b c\xC2\xA0"
                  "d 2005 e"});
}

TEST(DateWindowFinderTest, OverlappingWindowsMerge) {
  const DateWindowFinder f = Finder(1, 1);
  EXPECT_EQ(Windows(f, "a b 2001 c d e f 2002 g h"), (Texts{"b 2001 c", "f 2002 g"}));
  // Windows that only touch need no merging: no token is in both.
  EXPECT_EQ(Windows(f, "a b 2001 c d 2002 g h"), (Texts{"b 2001 c", "d 2002 g"}));
  EXPECT_EQ(Windows(f, "a b 2001 c 2002 g h"), Texts{"b 2001 c 2002 g"});
  EXPECT_EQ(Windows(f, "2001 2002 2003 2004"), Texts{"2001 2002 2003 2004"});
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

// The windows as the header defines them, computed the slow way: split at ASCII white space,
// look each run's words up whole, count back and forth run by run.
std::vector<ByteWindow> ReferenceWindows(std::string_view text, std::size_t before,
                                         std::size_t after, const std::set<std::string>& any_case,
                                         const std::set<std::string>& capitalised) {
  auto separator = [](char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; };
  auto is_anchor = [&](std::string_view run) {
    if (run.find("\xC4\xB0") != std::string_view::npos) return true;
    if (run.find("\xE2\x84\xAA") != std::string_view::npos) return true;
    for (std::size_t i = 0; i < run.size();) {
      const auto b = static_cast<unsigned char>(run[i]);
      std::size_t j = i;
      if (b >= '0' && b <= '9') {
        while (j < run.size() && run[j] >= '0' && run[j] <= '9') ++j;
        if (j - i == 4) {
          const int year = std::stoi(std::string(run.substr(i, 4)));
          if (year >= 1800 && year <= 2100) return true;
        }
      } else if ((b | 0x20) >= 'a' && (b | 0x20) <= 'z') {
        while (j < run.size() && ((run[j] | 0x20) >= 'a' && (run[j] | 0x20) <= 'z')) ++j;
        const std::string lower = SimpleLowercase(run.substr(i, j - i));
        if (any_case.count(lower) || (b <= 'Z' && capitalised.count(lower))) return true;
      } else if ((b == 0xD0 || b == 0xD1) && i + 1 < run.size() &&
                 (static_cast<unsigned char>(run[i + 1]) & 0xC0) == 0x80) {
        while (j + 1 < run.size() &&
               (static_cast<unsigned char>(run[j]) == 0xD0 ||
                static_cast<unsigned char>(run[j]) == 0xD1) &&
               (static_cast<unsigned char>(run[j + 1]) & 0xC0) == 0x80) {
          j += 2;
        }
        if (any_case.count(SimpleLowercase(run.substr(i, j - i)))) return true;
      } else {
        j = i + 1;
      }
      i = j;
    }
    return false;
  };
  struct Run {
    std::size_t begin, end;
    bool counted, anchor;
  };
  std::vector<Run> runs;
  for (std::size_t i = 0; i < text.size();) {
    if (separator(text[i])) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < text.size() && !separator(text[j])) ++j;
    const std::string_view run = text.substr(i, j - i);
    const bool counted = run.find_first_not_of("\xC2\xA0") != std::string_view::npos;
    runs.push_back({i, j, counted, is_anchor(run)});
    i = j;
  }
  std::vector<ByteWindow> out;
  for (std::size_t k = 0; k < runs.size(); ++k) {
    if (!runs[k].anchor) continue;
    std::size_t from = 0;
    for (std::size_t back = k, seen = 0; back-- > 0;) {
      if (runs[back].counted && ++seen == before) {
        from = runs[back].begin;
        break;
      }
    }
    if (before == 0) from = runs[k].begin;
    std::size_t to = runs[k].end;
    for (std::size_t next = k + 1, seen = 0; next < runs.size() && seen < after; ++next) {
      if (runs[next].counted) {
        to = runs[next].end;
        ++seen;
      }
    }
    if (!out.empty() && from <= out.back().end) {
      out.back().end = std::max(out.back().end, to);
    } else {
      out.push_back({from, to});
    }
  }
  return out;
}

TEST(DateWindowFinderTest, RandomTextsGiveTheWindowsOfTheDefinition) {
  const std::vector<std::string_view> any_case = {"ago",    "week",     "year",   "today",
                                                  "вчера",  "году",     "неделе", "afternoon",
                                                  "spring", "yesterday"};
  const std::vector<std::string_view> capitalised = {"may", "friday", "december", "dec", "sept"};
  const std::set<std::string> any_set(any_case.begin(), any_case.end());
  const std::set<std::string> cap_set(capitalised.begin(), capitalised.end());
  const std::vector<std::string> pieces = {"the",
                                           "The",
                                           "weekly",
                                           "week",
                                           "WEEK",
                                           "Week,",
                                           "ago",
                                           "agony",
                                           "May",
                                           "may",
                                           "MAY",
                                           "Dec.",
                                           "dec",
                                           "Sept",
                                           "september",
                                           "Friday’s",
                                           "(today)",
                                           "Yesterday",
                                           "afternoons",
                                           "x",
                                           "ab",
                                           "abcdefghijklmnopq",
                                           "abcdefghijklmnop",
                                           "7",
                                           "1990s",
                                           "a1b",
                                           "2020",
                                           "12345",
                                           "1799",
                                           "2100",
                                           "2101",
                                           "x2020y",
                                           "2020,5",
                                           "вчера",
                                           "ВЧЕРА",
                                           "Вчерашний",
                                           "позавчера",
                                           "году,",
                                           "неделе.",
                                           "Петров",
                                           "сказал",
                                           "«вчера»",
                                           "FRİDAY",
                                           "wee\u212Aend",
                                           "\xC2\xA0",
                                           "\xD0",
                                           "\xE2\x80\x99",
                                           "\xE2\x84",
                                           "\xFF",
                                           "-",
                                           "mid-May",
                                           "todayweek",
                                           "year\xD0\xB2",
                                           "yearв",
                                           "вyear",
                                           "spring\xC3\xA9"};
  const std::vector<std::string> separators = {" ", " ", " ", "\n", "\t", "\r", "", "  "};
  std::mt19937 rng(11);
  for (int round = 0; round < 4000; ++round) {
    std::string text;
    const std::size_t count = rng() % 60;
    for (std::size_t k = 0; k < count; ++k) {
      text += pieces[rng() % pieces.size()];
      text += separators[rng() % separators.size()];
    }
    const std::size_t before = rng() % 4;
    const std::size_t after = rng() % 13;
    const DateWindowFinder f(any_case, capitalised, 1800, 2100, before, after);
    std::vector<ByteWindow> windows;
    ASSERT_TRUE(f.Find(text, &windows)) << "short texts are never too dense";
    ASSERT_EQ(windows, ReferenceWindows(text, before, after, any_set, cap_set))
        << "before " << before << ", after " << after << ", text: " << text;
    // Eight bytes at a time (processors without SSE2) gives the same.
    std::vector<ByteWindow> portable;
    ASSERT_TRUE(f.FindPortably(text, &portable));
    ASSERT_EQ(portable, windows) << "text: " << text;
  }
}

TEST(DateWindowFinderTest, TextFullOfAnchorsIsLeftToTheWholeReading) {
  const DateWindowFinder f = Finder(2, 2);
  std::string dense;
  std::string sparse;
  while (dense.size() < 3 * DateWindowFinder::kDenseAfter) dense += "on 2020 and ";
  while (sparse.size() < 3 * DateWindowFinder::kDenseAfter) {
    sparse += "the road was closed again by the officials who said nothing more of it ";
    if (sparse.size() % 7 == 0) sparse += "in 2020 ";
  }
  std::vector<ByteWindow> windows;
  EXPECT_FALSE(f.Find(dense, &windows));
  EXPECT_FALSE(f.FindPortably(dense, &windows));
  EXPECT_TRUE(f.Find(sparse, &windows));
  EXPECT_TRUE(f.Find(dense.substr(0, DateWindowFinder::kDenseAfter - 100), &windows));
}

}  // namespace
}  // namespace parallax::internal
