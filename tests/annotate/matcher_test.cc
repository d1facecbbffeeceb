#include "annotate/matcher.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

namespace parallax {
namespace {

// Builds a compiled matcher from patterns; fails the test on any Add error.
LexiconMatcher Build(const std::vector<std::string>& patterns, const std::string& stem = "") {
  LexiconMatcher m;
  MatchPatternOptions options;
  options.stem_language = stem;
  for (const auto& p : patterns) {
    std::string error;
    EXPECT_GE(m.Add(p, options, &error), 0) << p << ": " << error;
  }
  std::string error;
  EXPECT_TRUE(m.Compile(&error)) << error;
  return m;
}

// "pattern:surface" strings for compact assertions.
std::vector<std::string> Found(const LexiconMatcher& m, std::string_view text) {
  std::vector<PatternMatch> matches;
  m.Match(text, &matches);
  std::vector<std::string> out;
  for (const auto& match : matches) {
    out.push_back(std::to_string(match.pattern) + ":" +
                  std::string(text.substr(match.begin, match.end - match.begin)));
  }
  return out;
}

using V = std::vector<std::string>;

TEST(LexiconMatcherTest, AddReturnsIndicesAndErrors) {
  LexiconMatcher m;
  std::string error;
  EXPECT_EQ(m.Add("Lachin corridor", {}, &error), 0);
  EXPECT_EQ(m.Add("separatist*", {}, &error), 1);
  EXPECT_EQ(m.Add("", {}, &error), -1);
  EXPECT_NE(error.find("empty pattern"), std::string::npos) << error;
  EXPECT_EQ(m.Add(" \xE2\x80\x8B ", {}, &error), -1);
  EXPECT_NE(error.find("empty pattern"), std::string::npos) << error;
  for (const char* bad :
       {"*", "*ist", "separ*tist", "a * b", "separatist *", "separatist**", "\"quoted\"*"}) {
    error.clear();
    EXPECT_EQ(m.Add(bad, {}, &error), -1) << bad;
    EXPECT_NE(error.find("wildcard"), std::string::npos) << bad << ": " << error;
    EXPECT_NE(error.find(bad), std::string::npos) << "error should quote the pattern: " << error;
  }
  MatchPatternOptions klingon;
  klingon.stem_language = "klingon";
  EXPECT_EQ(m.Add("word", klingon, &error), -1);
  EXPECT_NE(error.find("klingon"), std::string::npos);
  EXPECT_EQ(m.size(), 2);
  EXPECT_TRUE(m.Compile(&error));
  EXPECT_TRUE(m.compiled());
  EXPECT_EQ(m.Add("late", {}, &error), -1);
  EXPECT_NE(error.find("compiled"), std::string::npos);
  EXPECT_FALSE(m.Compile(&error));
}

TEST(LexiconMatcherTest, MatchesBeforeCompileFindNothing) {
  LexiconMatcher m;
  m.Add("Baku", {}, nullptr);
  std::vector<PatternMatch> out{{1, 2, 3}};
  m.Match("Baku", &out);
  EXPECT_TRUE(out.empty());
}

TEST(LexiconMatcherTest, CaseQuotesAndDashesFold) {
  LexiconMatcher m = Build({"Nagorno-Karabakh", "Lachin corridor"});
  const std::string text =
      "In \xE2\x80\x9CNagorno\xE2\x80\x93Karabakh\xE2\x80\x9D the LACHIN  Corridor closed; "
      "NAGORNO-KARABAKH again, Nagorno\xE2\x80\x91Karabakh too.";
  EXPECT_EQ(Found(m, text), (V{"0:Nagorno\xE2\x80\x93Karabakh", "1:LACHIN  Corridor",
                               "0:NAGORNO-KARABAKH", "0:Nagorno\xE2\x80\x91Karabakh"}));
}

TEST(LexiconMatcherTest, OffsetsAreInOriginalText) {
  LexiconMatcher m = Build({"Xankəndi", "ﬁnal status"});
  const std::string text = "Əliyev visited XANKƏNDİ; the \xEF\xAC\x81nal status, the final status";
  std::vector<PatternMatch> matches;
  m.Match(text, &matches);
  ASSERT_EQ(matches.size(), 3u);
  EXPECT_EQ(matches[0].begin, text.find("XANK"));
  EXPECT_EQ(matches[0].end, text.find(";"));
  EXPECT_EQ(matches[1].pattern, 1);
  EXPECT_EQ(matches[1].begin, text.find("\xEF\xAC\x81"));
  EXPECT_EQ(matches[2].begin, text.rfind("final"));
}

TEST(LexiconMatcherTest, PossessiveApostrophe) {
  LexiconMatcher m = Build({"Azerbaijan", "Azerbaijan's army"});
  EXPECT_EQ(Found(m, "Azerbaijan\xE2\x80\x99s leaders and Azerbaijan's army"),
            (V{"0:Azerbaijan", "1:Azerbaijan's army"}));
  EXPECT_EQ(Found(m, "Azerbaijan\xE2\x80\x99s army"), (V{"1:Azerbaijan\xE2\x80\x99s army"}));
  // Not inside another word with an inner apostrophe, and "Azerbaijan army" != "Azerbaijan's
  // army".
  EXPECT_EQ(Found(m, "Azerbaijan army"), (V{"0:Azerbaijan"}));
}

TEST(LexiconMatcherTest, LeftmostLongestNonOverlapping) {
  LexiconMatcher m =
      Build({"Lachin", "Lachin corridor", "corridor", "Lachin corridor blockade", "blockade"});
  EXPECT_EQ(Found(m, "the Lachin corridor blockade began"), (V{"3:Lachin corridor blockade"}));
  EXPECT_EQ(Found(m, "the Lachin corridor was blocked"), (V{"1:Lachin corridor"}));
  EXPECT_EQ(Found(m, "Lachin Lachin corridor corridor"),
            (V{"0:Lachin", "1:Lachin corridor", "2:corridor"}));
  // A partial walk of a longer pattern falls back to the longest complete one.
  LexiconMatcher n = Build({"a b c d", "b c", "a"});
  EXPECT_EQ(Found(n, "a b c x"), (V{"2:a", "1:b c"}));
}

TEST(LexiconMatcherTest, NeverInsideALongerWord) {
  LexiconMatcher m = Build({"Armenia", "Karabakh", "corridor"});
  EXPECT_TRUE(Found(m, "Armenians, Nagorno-Karabakh, corridors, pro-Armenia").empty());
  EXPECT_EQ(Found(m, "Armenia. Karabakh—corridor"), (V{"0:Armenia", "1:Karabakh", "2:corridor"}));
}

TEST(LexiconMatcherTest, PunctuationBetweenWordsMustMatch) {
  LexiconMatcher m = Build({"Lachin corridor", "U.S."});
  EXPECT_TRUE(Found(m, "Lachin, corridor").empty());
  EXPECT_EQ(Found(m, "the U.S. said"), (V{"1:U.S."}));
}

TEST(LexiconMatcherTest, PrefixWildcard) {
  LexiconMatcher m = Build({"separatist*", "so-called*", "Armenian separatist forces", "a*"});
  EXPECT_EQ(Found(m, "Separatists and separatist-held areas, not the separ"),
            (V{"0:Separatists", "3:and", "0:separatist-held", "3:areas"}));
  // Longest wins over a wildcard on the first word.
  EXPECT_EQ(Found(m, "Armenian separatist forces"), (V{"2:Armenian separatist forces"}));
  EXPECT_EQ(Found(m, "Armenian separatist groups"), (V{"3:Armenian", "0:separatist"}));
  EXPECT_EQ(Found(m, "so-called authorities"), (V{"1:so-called", "3:authorities"}));
  // Multi-word pattern ending with a wildcard.
  LexiconMatcher n = Build({"self-proclaimed republic*", "unrecognised Nagorno*"});
  EXPECT_EQ(Found(n, "the self-proclaimed Republic's and unrecognised Nagorno-Karabakh"),
            (V{"0:self-proclaimed Republic", "1:unrecognised Nagorno-Karabakh"}));
}

TEST(LexiconMatcherTest, LongWildcardPrefix) {
  const std::string prefix(70, 'x');
  LexiconMatcher m = Build({prefix + "*"});
  EXPECT_EQ(Found(m, "a " + prefix + "yz b").size(), 1u);
  EXPECT_TRUE(Found(m, "a " + std::string(69, 'x') + " b").empty());
}

TEST(LexiconMatcherTest, RussianStemming) {
  LexiconMatcher m = Build({"Лачинский коридор", "сепаратист"}, "russian");
  const std::string text = "блокада Лачинского коридора и сепаратистов; ЛАЧИНСКИЙ КОРИДОР.";
  EXPECT_EQ(Found(m, text), (V{"0:Лачинского коридора", "1:сепаратистов", "0:ЛАЧИНСКИЙ КОРИДОР"}));
  // Without stemming the inflected forms do not match.
  LexiconMatcher exact = Build({"Лачинский коридор"});
  EXPECT_EQ(Found(exact, text), (V{"0:ЛАЧИНСКИЙ КОРИДОР"}));
}

TEST(LexiconMatcherTest, StemmedAndExactPatternsTogether) {
  LexiconMatcher m;
  MatchPatternOptions ru;
  ru.stem_language = "ru";
  ASSERT_EQ(m.Add("Лачинский коридор", ru, nullptr), 0);
  ASSERT_EQ(m.Add("Лачинский коридор", {}, nullptr), 1);
  ASSERT_EQ(m.Add("Lachin corridor", {}, nullptr), 2);
  ASSERT_TRUE(m.Compile(nullptr));
  EXPECT_EQ(Found(m, "Лачинский коридор, Лачинского коридора, Lachin corridor"),
            (V{"0:Лачинский коридор", "1:Лачинский коридор", "0:Лачинского коридора",
               "2:Lachin corridor"}));
}

TEST(LexiconMatcherTest, DuplicatePatternsAllReported) {
  LexiconMatcher m = Build({"Artsakh", "artsakh", "ARTSAKH"});
  EXPECT_EQ(Found(m, "Artsakh"), (V{"0:Artsakh", "1:Artsakh", "2:Artsakh"}));
}

TEST(LexiconMatcherTest, EmptyMatcherAndEmptyText) {
  LexiconMatcher m = Build({});
  EXPECT_TRUE(Found(m, "anything at all").empty());
  LexiconMatcher n = Build({"x"});
  EXPECT_TRUE(Found(n, "").empty());
}

TEST(LexiconMatcherTest, IsMovable) {
  LexiconMatcher m = Build({"Shusha", "Shushi"});
  LexiconMatcher moved = std::move(m);
  EXPECT_EQ(Found(moved, "Shusha (Shushi)"), (V{"0:Shusha", "1:Shushi"}));
  LexiconMatcher assigned;
  assigned = std::move(moved);
  EXPECT_EQ(Found(assigned, "Shushi"), (V{"1:Shushi"}));
}

TEST(LexiconMatcherTest, LongRepetitiveTextKeepsWindowBounded) {
  LexiconMatcher m = Build({"a a a x", "a"});
  std::string text;
  for (int i = 0; i < 5000; ++i) text += "a ";
  text += "a a a x";
  std::vector<PatternMatch> matches;
  m.Match(text, &matches);
  ASSERT_FALSE(matches.empty());
  EXPECT_EQ(matches.back().pattern, 0);
  EXPECT_EQ(matches.back().end, text.size());
  // 5003 "a" tokens: the last three start pattern 0, the other 5000 match "a".
  EXPECT_EQ(matches.size(), 5001u);
}

TEST(LexiconMatcherTest, MatchIsThreadSafe) {
  LexiconMatcher m;
  MatchPatternOptions ru;
  ru.stem_language = "russian";
  m.Add("Lachin corridor", {}, nullptr);
  m.Add("Лачинский коридор", ru, nullptr);
  m.Add("separatist*", {}, nullptr);
  ASSERT_TRUE(m.Compile(nullptr));
  std::string text;
  for (int i = 0; i < 200; ++i) {
    text += "The Lachin corridor, separatists and Лачинского коридора. ";
  }
  std::vector<PatternMatch> expected;
  m.Match(text, &expected);
  ASSERT_EQ(expected.size(), 600u);
  std::vector<PatternMatch> results[2];
  auto run = [&](int t) {
    std::vector<PatternMatch> out;
    for (int i = 0; i < 50; ++i) {
      m.Match(text, &out);
      if (out != expected) break;
    }
    results[t] = out;
  };
  std::thread a(run, 0);
  std::thread b(run, 1);
  a.join();
  b.join();
  EXPECT_EQ(results[0], expected);
  EXPECT_EQ(results[1], expected);
}

}  // namespace
}  // namespace parallax
