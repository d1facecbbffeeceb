#include "annotate/matcher.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <ostream>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "text/stemmer.h"
#include "text/tokenizer.h"

namespace parallax {

// Readable failures: pattern@[begin,end).
void PrintTo(const PatternMatch& m, std::ostream* os) {
  *os << m.pattern << "@[" << m.begin << "," << m.end << ")";
}

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

// An acronym written in capitals in a form matches only capitals: the UN is not the Romanian
// article "un", nor "Un" opening a sentence; Cyrillic and Armenian likewise.
TEST(LexiconMatcherTest, AcronymsMatchOnlyInCapitals) {
  const LexiconMatcher m = Build({"UN", "OSCE", "ОДКБ", "UN Security Council", "Nato"});
  // Plain ASCII text (the fast path) and text with diacritics (the Tokenizer path).
  EXPECT_EQ(Found(m, "dependenta de un singur furnizor. Un alt furnizor, spune UN."), V{"0:UN"});
  EXPECT_EQ(Found(m, "dependența de un singur furnizor; Un alt furnizor, spune UN."), V{"0:UN"});
  EXPECT_EQ(Found(m, "the UN's envoy and the Osce, then the OSCE"), (V{"0:UN", "1:OSCE"}));
  EXPECT_EQ(Found(m, "саммит ОДКБ, а не одкб и не Одкб"), V{"2:ОДКБ"});
  // Only the acronym keeps its case; the pattern's other words and other patterns fold it.
  EXPECT_EQ(Found(m, "the UN security council, the un Security Council"),
            (V{"3:UN security council"}));
  EXPECT_EQ(Found(m, "NATO, Nato and nato"), (V{"4:NATO", "4:Nato", "4:nato"}));
  const LexiconMatcher stemmed = Build({"МИД РФ", "ՀՀ ՊՆ"}, "ru");
  EXPECT_EQ(Found(stemmed, "МИД РФ и мид рф; ՀՀ ՊՆ, հհ պն"), (V{"0:МИД РФ", "1:ՀՀ ՊՆ"}));
}

// A pattern whose acronym is not in capitals did not match: a shorter pattern of its group
// that starts at the same word is found instead.
TEST(LexiconMatcherTest, AcronymNotInCapitalsLeavesTheWordToOtherPatterns) {
  const LexiconMatcher m = Build({"UN Security", "un"});
  EXPECT_EQ(Found(m, "un Security guard"), V{"1:un"});
  EXPECT_EQ(Found(m, "UN Security guard"), V{"0:UN Security"});
}

TEST(LexiconMatcherTest, AcronymWords) {
  for (const char* word : {"UN", "OSCE", "NATOS", "ОДКБ", "ՀՀ", "ÖSO"}) {
    EXPECT_TRUE(IsAcronymWord(word)) << word;
  }
  for (const char* word : {"U", "UNESCO", "Nato", "un", "G7", "U.S.", "", "ნატო"}) {
    EXPECT_FALSE(IsAcronymWord(word)) << word;
  }
  EXPECT_TRUE(WrittenInCapitals("UN"));
  EXPECT_TRUE(WrittenInCapitals("ОДКБ"));
  EXPECT_FALSE(WrittenInCapitals("Un"));
  EXPECT_FALSE(WrittenInCapitals("одкб"));
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

TEST(LexiconMatcherTest, QuotationMarksInsideAFormAreFree) {
  LexiconMatcher m = Build({"закон об иноагентах", "so-called eco-activists", "Lachin corridor"});
  const std::string ru = "Принят закон об «иноагентах» и закон об иноагентах.";
  std::vector<PatternMatch> matches;
  m.Match(ru, &matches);
  ASSERT_EQ(matches.size(), 2u);
  EXPECT_EQ(matches[0].begin, ru.find("закон"));
  EXPECT_EQ(matches[0].end, ru.find("»"));  // the closing mark is not part of the match
  EXPECT_EQ(ru.substr(matches[0].begin, matches[0].end - matches[0].begin), "закон об «иноагентах");
  EXPECT_EQ(matches[1].begin, ru.rfind("закон"));
  EXPECT_EQ(Found(m, "the so-called \"eco-activists\" and so-called \u201ceco-activists\u201d"),
            (V{"1:so-called \"eco-activists", "1:so-called \u201ceco-activists"}));
  EXPECT_EQ(Found(m, "the \u2018Lachin\u2019 corridor, \u201eLachin\u201c corridor"),
            (V{"2:Lachin\u2019 corridor", "2:Lachin\u201c corridor"}));
  // Other punctuation still breaks a form; a quotation mark before the first word is outside.
  EXPECT_TRUE(Found(m, "Lachin, corridor").empty());
  EXPECT_EQ(Found(m, "\"Lachin corridor\""), (V{"2:Lachin corridor"}));
  // A form written with quotation marks matches with or without them.
  LexiconMatcher q = Build({"so-called \"eco-activists\""});
  EXPECT_EQ(Found(q, "so-called eco-activists, so-called \u00abeco-activists\u00bb"),
            (V{"0:so-called eco-activists", "0:so-called \u00abeco-activists"}));
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

TEST(LexiconMatcherTest, StemmedWordAlsoMatchesWhereItsStemIsTheWholeForm) {
  // Snowball cuts "режим" to "реж" but "режима", "режиму" to "режим": the pattern's dictionary
  // form must still find its inflected forms, with a wildcard after it too.
  LexiconMatcher m = Build({"киевский режим", "сепаратистский режим*"}, "russian");
  EXPECT_EQ(Found(m,
                  "киевский режим, киевского режима, КИЕВСКОМУ РЕЖИМУ, киевские режимы; "
                  "сепаратистского режима"),
            (V{"0:киевский режим", "0:киевского режима", "0:КИЕВСКОМУ РЕЖИМУ", "0:киевские режимы",
               "1:сепаратистского режима"}));
  // A word is not found inside a longer one that only starts like it.
  EXPECT_TRUE(Found(m, "киевский режиссёр").empty());
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

bool IsQuoteToken(const Token& t) {
  if (t.kind != TokenKind::kPunct) return false;
  for (std::string_view q : {"\"", "'", "«", "»", "“", "”", "„", "‘", "’", "‚", "‹", "›"}) {
    if (t.norm == q) return true;
  }
  return false;
}

// A plain reference for the Semantics of matcher.h: tokens from Tokenize, at each token the
// longest pattern that starts there, all patterns of that length, then on after the match.
// `languages[p]`, when given and not empty, is pattern p's stemming language: its words are
// compared by Stemmer stems (a text word by its stem, a pattern word by its stem or whole form).
std::vector<PatternMatch> ReferenceMatch(const std::vector<std::string>& patterns,
                                         std::string_view text,
                                         const std::vector<std::string>& languages = {}) {
  struct Pattern {
    std::vector<std::string> words;
    std::vector<std::string> stems;  // "" for exact comparison
    std::vector<bool> capitals;      // an acronym: the text word must be written in capitals
    bool wildcard = false;
    std::string language;
  };
  std::vector<Pattern> compiled;
  std::vector<Token> tokens;
  std::string storage;
  for (size_t i = 0; i < patterns.size(); ++i) {
    Tokenize(patterns[i], {.punctuation = true}, &tokens, &storage);
    Pattern c;
    if (i < languages.size()) c.language = languages[i];
    for (size_t k = 0; k < tokens.size(); ++k) {
      const Token& t = tokens[k];
      if (!c.words.empty() && IsQuoteToken(t)) continue;
      const bool glued_star = k + 1 < tokens.size() && tokens[k + 1].norm == "*";
      c.capitals.push_back(
          t.kind == TokenKind::kWord && !glued_star &&
          IsAcronymWord(std::string_view(patterns[i]).substr(t.begin, t.end - t.begin)));
      c.words.emplace_back(t.norm);
      c.stems.emplace_back(!c.language.empty() && t.kind == TokenKind::kWord
                               ? Stemmer(c.language.c_str()).Stem(t.norm)
                               : "");
    }
    c.wildcard = c.words.back() == "*";
    if (c.wildcard) c.words.pop_back();
    compiled.push_back(c);
  }
  Tokenize(text, {.punctuation = true}, &tokens, &storage);
  // Token j's key in the stemming mode of `language`.
  auto key = [&](size_t j, const std::string& language) {
    const Token& t = tokens[j];
    if (t.kind != TokenKind::kWord) return std::string(t.norm);
    return Stemmer(language.c_str()).Stem(t.norm);
  };
  std::vector<PatternMatch> out;
  size_t i = 0;
  while (i < tokens.size()) {
    size_t best = 0;
    std::vector<int> which;
    for (size_t p = 0; p < compiled.size(); ++p) {
      const Pattern& c = compiled[p];
      const size_t n = c.words.size();
      bool ok = true;
      size_t j = i;  // the text token compared with pattern word k
      for (size_t k = 0; ok && k < n; ++k, ++j) {
        while (k > 0 && j < tokens.size() && IsQuoteToken(tokens[j])) ++j;
        if (j == tokens.size()) {
          ok = false;
          break;
        }
        const Token& t = tokens[j];
        if (c.wildcard && k + 1 == n) {
          ok = (t.kind == TokenKind::kWord || t.kind == TokenKind::kNumber) &&
               t.norm.substr(0, c.words[k].size()) == c.words[k];
        } else if (c.capitals[k] && !WrittenInCapitals(text.substr(t.begin, t.end - t.begin))) {
          ok = false;
        } else if (c.language.empty()) {
          ok = t.norm == c.words[k];
        } else {
          const std::string text_key = key(j, c.language);
          ok = text_key == c.words[k] || (!c.stems[k].empty() && text_key == c.stems[k]);
        }
      }
      if (!ok || j - i < best) continue;
      if (j - i > best) which.clear();
      best = j - i;
      which.push_back(static_cast<int>(p));
    }
    if (best == 0) {
      ++i;
      continue;
    }
    for (int p : which) out.push_back({p, tokens[i].begin, tokens[i + best - 1].end});
    i += best;
  }
  return out;
}

// `middle` after `fill` short tokens ("ab ", sometimes "b, "), then " ab ab": moving `middle`
// through the fast path's 64-byte blocks and 128-token chunks.
std::string Padded(int fill, const std::string& middle) {
  std::string text;
  for (int i = 0; i < fill; ++i) text += i % 7 == 0 ? "b, " : "ab ";
  return text + middle + " ab ab";
}

// The fast path reads text in 64-byte blocks and chunks of 128 tokens: a pattern that starts
// before such a boundary and ends after it is still one match, whatever is at the boundary.
TEST(LexiconMatcherTest, MatchesAcrossBlockAndChunkBoundaries) {
  const std::vector<std::string> patterns = {"well-known fact", "known fact's origin", "fact",
                                             "abc defghijklmnopqrstuvwxyz x"};
  const LexiconMatcher m = Build(patterns);
  const std::vector<std::string> middles = {"well-known fact", "Well-Known FACT's origin",
                                            "known fact's origin, fact",
                                            "abc defghijklmnopqrstuvwxyz x", "x fact. fact"};
  std::vector<PatternMatch> got;
  for (const std::string& middle : middles) {
    for (int fill = 0; fill < 300; ++fill) {
      const std::string text = Padded(fill, middle);
      m.Match(text, &got);
      ASSERT_EQ(got, ReferenceMatch(patterns, text)) << "fill " << fill << ": " << middle;
      ASSERT_FALSE(got.empty()) << "fill " << fill << ": " << middle;
    }
  }
}

// The fast path completes wildcard patterns itself (a word whose first two bytes begin a root
// prefix, or the word after a walk's node with wildcards): it must agree with the reference
// wherever the pattern falls in the 64-byte blocks and 128-token chunks, with capitals,
// joiners, clitics and quotation marks, and for a wildcard of a stemming mode's root.
TEST(LexiconMatcherTest, WildcardsAcrossBlockAndChunkBoundaries) {
  const std::vector<std::string> patterns = {
      "separatist*",        "de-armeni*", "foreign agent law*", "separatist forces", "un*",
      "unrecognised state", "agent"};
  const std::vector<std::string> middles = {"Separatists forces",
                                            "separatist forces",
                                            "DE-ARMENIZATION",
                                            "de-armenia's policy",
                                            "foreign agent laws",
                                            "foreign agent \"laws\"",
                                            "foreign agent law's",
                                            "Foreign Agent LAW",
                                            "unrecognised state",
                                            "un",
                                            "u n",
                                            "unrecognised \"state\"",
                                            "separatist's",
                                            "de-arm"};
  for (const bool stemmed : {false, true}) {
    LexiconMatcher m;
    for (const std::string& p : patterns) {
      MatchPatternOptions options;
      // A one-word wildcard in a stemming mode leaves that mode's root; its prefix is not stemmed.
      if (stemmed && p.find(' ') == std::string::npos && p.back() == '*') {
        options.stem_language = "russian";
      }
      ASSERT_GE(m.Add(p, options, nullptr), 0) << p;
    }
    ASSERT_TRUE(m.Compile(nullptr));
    std::vector<PatternMatch> got;
    for (const std::string& middle : middles) {
      for (int fill = 0; fill < 300; ++fill) {
        const std::string text = Padded(fill, middle);
        m.Match(text, &got);
        ASSERT_EQ(got, ReferenceMatch(patterns, text))
            << "fill " << fill << ": " << middle << (stemmed ? " (stemmed)" : "");
      }
    }
  }
}

// The matcher's ASCII fast path and its Tokenizer path must agree with the reference on text
// built from the pieces that decide token boundaries: joiners, possessives, digits, non-ASCII
// words and punctuation, long words, glued or spaced.
TEST(LexiconMatcherTest, AgreesWithReferenceOnRandomText) {
  const std::vector<std::string> pieces = {"Azerbaijan",
                                           "azerbaijan's",
                                           "Azerbaijan’s",
                                           "AZERBAIJAN'S",
                                           "O'Brien",
                                           "well-known",
                                           "well",
                                           "known",
                                           "U.S.",
                                           "3.5",
                                           "10,000",
                                           "e.g.",
                                           "Nagorno-Karabakh",
                                           "Nagorno–Karabakh",
                                           "Лачинский",
                                           "коридор",
                                           "“",
                                           "”",
                                           ",",
                                           ".",
                                           "(",
                                           ")",
                                           "-",
                                           "'",
                                           "'s",
                                           "’",
                                           "café",
                                           "Café",
                                           "x",
                                           "s",
                                           "S",
                                           "'S",
                                           "\u00a0",
                                           "rock'n'roll",
                                           "2022",
                                           "12",
                                           "it's",
                                           "don't",
                                           "Armenians'",
                                           "a-b",
                                           "-x",
                                           "...",
                                           "internationalization",
                                           "Internationalization-related",
                                           "counterrevolutionaries's",
                                           "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
                                           "1234567890123456789",
                                           "x1",
                                           "soft\u00adhyphen",
                                           "über",
                                           "s-",
                                           "'",
                                           "\t"};
  const std::vector<std::string> separators = {" ", "", "", "\n", "  ", " "};
  std::mt19937 random(20261122);
  auto pick = [&](const std::vector<std::string>& from) {
    return from[std::uniform_int_distribution<size_t>(0, from.size() - 1)(random)];
  };
  for (int round = 0; round < 300; ++round) {
    std::vector<std::string> patterns;
    for (int p = 0; p < 12; ++p) {
      std::string pattern = pick(pieces);
      const int words = std::uniform_int_distribution<int>(0, 2)(random);
      for (int w = 0; w < words; ++w) pattern += pick(separators) + pick(pieces);
      if (round % 3 == 0 && p == 0) pattern = "wel*";
      if (round % 5 == 0 && p == 1) pattern = "azerbaijan nagorno*";
      LexiconMatcher probe;
      std::string error;
      if (probe.Add(pattern, {}, &error) < 0) continue;  // e.g. only white space
      patterns.push_back(pattern);
    }
    std::string text;
    for (int t = 0; t < 60; ++t) text += pick(pieces) + pick(separators);
    const LexiconMatcher m = Build(patterns);
    std::vector<PatternMatch> got;
    m.Match(text, &got);
    const std::vector<PatternMatch> want = ReferenceMatch(patterns, text);
    std::string listed;
    for (size_t p = 0; p < patterns.size(); ++p)
      listed += std::to_string(p) + ": " + patterns[p] + "\n";
    ASSERT_EQ(got, want) << "round " << round << "\npatterns:\n" << listed << "text: " << text;
    // With a stemming mode present the fast path must still give the same exact matches.
    LexiconMatcher with_stem;
    for (const std::string& p : patterns) with_stem.Add(p, {}, nullptr);
    with_stem.Add("Лачинский коридор", {.stem_language = "russian"}, nullptr);
    ASSERT_TRUE(with_stem.Compile(nullptr));
    with_stem.Match(text, &got);
    std::erase_if(
        got, [&](const PatternMatch& x) { return x.pattern == static_cast<int>(patterns.size()); });
    std::vector<PatternMatch> want_exact = want;
    // Stemmed matches of the extra pattern can take the place of shorter exact ones only where
    // they start; keep the comparison to texts where it found nothing.
    std::vector<PatternMatch> stemmed;
    with_stem.Match(text, &stemmed);
    const bool extra = std::any_of(stemmed.begin(), stemmed.end(), [&](const PatternMatch& x) {
      return x.pattern == static_cast<int>(patterns.size());
    });
    if (!extra) {
      ASSERT_EQ(got, want_exact) << "round " << round << " (with stemming)";
    }
  }
}

// The fast path hashes only the words whose first bytes (at most 8, fewer when a wildcard
// prefix at a root is shorter) are those of a token that starts a pattern: words that share
// their first 8 bytes, differ only past them or in length, start with a wildcard prefix or are
// one, of 1 to 20 bytes, in any case, must still match exactly as the reference does.
TEST(LexiconMatcherTest, StartFilterAgreesWithReference) {
  const std::vector<std::string> stems = {"internat", "a", "ab",       "abc", "abcdefgh",
                                          "x1",       "7", "counterr", "sep", "separati"};
  const std::vector<std::string> tails = {
      "", "", "i", "ional", "ionalization", "s", "ist", "evolutionary", "9", "h"};
  const std::vector<std::string> separators = {" ", " ", "  ", "\n", ", ", "-", "'s ", ". "};
  std::mt19937 random(20261208);
  auto pick = [&](const std::vector<std::string>& from) {
    return from[std::uniform_int_distribution<size_t>(0, from.size() - 1)(random)];
  };
  auto word = [&] { return pick(stems) + pick(tails); };
  for (int round = 0; round < 300; ++round) {
    std::vector<std::string> patterns;
    const int count = std::uniform_int_distribution<int>(1, 8)(random);
    for (int p = 0; p < count; ++p) {
      std::string pattern = word();
      if (std::uniform_int_distribution<int>(0, 2)(random) == 0) pattern += " " + word();
      if (std::uniform_int_distribution<int>(0, 3)(random) == 0) {
        // A wildcard of 2 to 10 bytes: the filter's key is as long as the shortest.
        const size_t keep = std::uniform_int_distribution<size_t>(2, 10)(random);
        if (pattern.find(' ') == std::string::npos && pattern.size() >= keep) {
          pattern = pattern.substr(0, keep) + "*";
        }
      }
      patterns.push_back(pattern);
    }
    std::string text;
    const int fill = std::uniform_int_distribution<int>(0, 40)(random);
    for (int i = 0; i < fill; ++i) text += "ab ";
    for (int t = 0; t < 80; ++t) {
      std::string w = word();
      if (std::uniform_int_distribution<int>(0, 4)(random) == 0) {
        for (char& ch : w) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
      }
      text += w + pick(separators);
    }
    const LexiconMatcher m = Build(patterns);
    std::vector<PatternMatch> got;
    m.Match(text, &got);
    std::string listed;
    for (const std::string& p : patterns) listed += p + "\n";
    ASSERT_EQ(got, ReferenceMatch(patterns, text)) << "round " << round << "\npatterns:\n"
                                                   << listed << "text: " << text;
  }
}

// The fast path hashes every word of a chunk where many words may start a pattern (after a
// chunk where many did, and from the start with over 4,096 start tokens), else only those
// that pass the start filter: on long texts whose stretches alternate between words that start
// patterns and words that do not, with a small and a large lexicon, both ways agree with the
// reference.
TEST(LexiconMatcherTest, DenseAndSparseStretchesAgreeWithReference) {
  std::vector<std::string> small = {"alpha beta", "beta",  "gamma delta epsilon",
                                    "zeta*",      "alpha", "eta's theta"};
  std::vector<std::string> large = small;
  for (int i = 0; i < 5000; ++i) large.push_back("w" + std::to_string(i));
  const std::vector<std::string> starts = {"alpha", "beta",   "gamma", "delta", "epsilon",
                                           "zeta",  "zetas",  "eta's", "theta", "w17",
                                           "W4999", "w12345", "Beta"};
  const std::vector<std::string> others = {"the", "of", "and", "x", "word", "w", "7", "a-b", ","};
  std::mt19937 random(20261210);
  auto pick = [&](const std::vector<std::string>& from) {
    return from[std::uniform_int_distribution<size_t>(0, from.size() - 1)(random)];
  };
  for (const std::vector<std::string>* patterns : {&small, &large}) {
    const LexiconMatcher m = Build(*patterns);
    for (int round = 0; round < 6; ++round) {
      std::string text;
      for (int stretch = 0; stretch < 8; ++stretch) {
        const bool dense = (stretch + round) % 2 == 0;
        const int length = std::uniform_int_distribution<int>(20, 400)(random);
        for (int t = 0; t < length; ++t) {
          text += pick(dense ? starts : others);
          text += t % 11 == 0 ? "\n" : " ";
        }
      }
      std::vector<PatternMatch> got;
      m.Match(text, &got);
      ASSERT_EQ(got, ReferenceMatch(*patterns, text))
          << (patterns == &small ? "small" : "large") << " lexicon, round " << round;
    }
  }
}

// Groups: one pass over the text finds, for every group, exactly what a matcher holding that
// group's patterns alone finds (the reference), on random texts built from the patterns' words
// with punctuation, quotation marks, capitals, Cyrillic, inflected forms, stems and wildcards.
TEST(LexiconMatcherTest, GroupsInOnePassAgreeWithSeparateMatchers) {
  const std::vector<std::string> words = {"separatist",
                                          "separatists",
                                          "authorities",
                                          "of",
                                          "Nagorno-Karabakh",
                                          "Nagorno–Karabakh",
                                          "Karabakh",
                                          "Lachin",
                                          "corridor",
                                          "so-called",
                                          "regime",
                                          "Azerbaijan",
                                          "Azerbaijan's",
                                          "Azerbaijan’s",
                                          "said",
                                          "claimed",
                                          "U.S.",
                                          "10,000",
                                          "3.5",
                                          "2023",
                                          "Artsakh",
                                          "republic",
                                          "eco-activists",
                                          "it's",
                                          "Лачинский",
                                          "Лачинского",
                                          "коридор",
                                          "коридора",
                                          "киевский",
                                          "киевского",
                                          "режим",
                                          "режима",
                                          "закон",
                                          "об",
                                          "иноагентах",
                                          "иноагенты",
                                          "Карабах",
                                          "Карабаха",
                                          "Արցախ",
                                          "საქართველო",
                                          "café",
                                          "x",
                                          "s"};
  const std::vector<std::string> marks = {"“", "”", "«", "»", "\"", "'",  ",", ".",
                                          "(", ")", "-", ":", "’",  "'s", "’s"};
  const std::vector<std::string> separators = {" ", " ", " ", "", "\n", "  "};
  std::mt19937 random(20261207);
  auto pick = [&](const std::vector<std::string>& from) {
    return from[std::uniform_int_distribution<size_t>(0, from.size() - 1)(random)];
  };
  auto chance = [&](int percent) {
    return std::uniform_int_distribution<int>(0, 99)(random) < percent;
  };
  // Text forms of a word: as written, capitalised (ASCII), upper case (ASCII), with a mark.
  auto variant = [&](std::string w) {
    if (chance(15) && !w.empty() && w[0] >= 'a' && w[0] <= 'z') w[0] = static_cast<char>(w[0] - 32);
    if (chance(10)) {
      for (char& ch : w) {
        if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 32);
      }
    }
    return w;
  };
  constexpr int kGroups = 4;
  for (int round = 0; round < 400; ++round) {
    // Few words per round, so that patterns share words and their matches overlap.
    std::vector<std::string> vocabulary;
    for (int w = 0; w < 10; ++w) vocabulary.push_back(pick(words));
    struct Pattern {
      std::string text;
      MatchPatternOptions options;
    };
    std::vector<Pattern> patterns;
    const int count = std::uniform_int_distribution<int>(1, 16)(random);
    for (int p = 0; p < count; ++p) {
      Pattern pattern;
      pattern.text = pick(vocabulary);
      const int more = std::uniform_int_distribution<int>(0, 3)(random);
      for (int w = 0; w < more; ++w) {
        if (chance(10)) pattern.text += " " + pick(marks);
        pattern.text += " " + pick(vocabulary);
      }
      if (chance(15)) pattern.text += "*";
      if (round % 2 == 1 && chance(25)) pattern.options.stem_language = "russian";
      // An English stemmer makes ASCII words stemmed: the Tokenizer path only.
      if (round % 10 == 9 && chance(20)) pattern.options.stem_language = "english";
      pattern.options.group = std::uniform_int_distribution<int>(0, kGroups - 1)(random);
      if (round % 7 == 3) pattern.options.group = 0;  // one group alone
      LexiconMatcher probe;
      if (probe.Add(pattern.text, pattern.options, nullptr) < 0) continue;  // e.g. "3.5*"
      patterns.push_back(pattern);
      if (chance(10)) patterns.push_back(pattern);  // a duplicate in the same group
    }
    // Text: the patterns' words and the other words, marks and separators between.
    std::string text;
    for (int t = 0; t < 90; ++t) {
      if (chance(55) && !patterns.empty()) {
        // A whole pattern, or its first words only (a walk that fails part way).
        std::string piece =
            patterns[std::uniform_int_distribution<size_t>(0, patterns.size() - 1)(random)].text;
        if (chance(30) && piece.rfind(' ') != std::string::npos) piece.resize(piece.rfind(' '));
        if (piece.back() == '*') piece.back() = chance(50) ? 's' : ' ';
        text += variant(piece);
      } else if (chance(30)) {
        text += pick(marks);
      } else {
        text += variant(pick(chance(80) ? vocabulary : words));
      }
      text += pick(separators);
    }
    LexiconMatcher grouped;
    std::vector<LexiconMatcher> alone(kGroups);
    std::vector<std::vector<int>> global(kGroups);  // local index -> index in `grouped`
    for (const Pattern& pattern : patterns) {
      const int index = grouped.Add(pattern.text, pattern.options, nullptr);
      ASSERT_GE(index, 0) << pattern.text;
      EXPECT_EQ(grouped.group(index), pattern.options.group);
      MatchPatternOptions plain = pattern.options;
      plain.group = 0;
      const int g = pattern.options.group;
      ASSERT_EQ(alone[static_cast<size_t>(g)].Add(pattern.text, plain, nullptr),
                static_cast<int>(global[static_cast<size_t>(g)].size()));
      global[static_cast<size_t>(g)].push_back(index);
    }
    ASSERT_TRUE(grouped.Compile(nullptr));
    std::vector<PatternMatch> want;
    std::vector<PatternMatch> want_group;
    std::vector<PatternMatch> got_group;
    std::string listed;
    for (size_t p = 0; p < patterns.size(); ++p) {
      listed += std::to_string(p) + " (group " + std::to_string(patterns[p].options.group) +
                (patterns[p].options.stem_language.empty() ? "" : ", stemmed") +
                "): " + patterns[p].text + "\n";
    }
    for (int g = 0; g < kGroups; ++g) {
      LexiconMatcher& m = alone[static_cast<size_t>(g)];
      ASSERT_TRUE(m.Compile(nullptr));
      m.Match(text, &want_group);
      for (PatternMatch& match : want_group) {
        match.pattern = global[static_cast<size_t>(g)][static_cast<size_t>(match.pattern)];
      }
      // Without stemming the plain reference above must agree too.
      if (std::none_of(patterns.begin(), patterns.end(),
                       [](const Pattern& p) { return !p.options.stem_language.empty(); })) {
        std::vector<std::string> texts;
        for (const Pattern& p : patterns) {
          if (p.options.group == g) texts.push_back(p.text);
        }
        std::vector<PatternMatch> plain = ReferenceMatch(texts, text);
        for (PatternMatch& match : plain) {
          match.pattern = global[static_cast<size_t>(g)][static_cast<size_t>(match.pattern)];
        }
        ASSERT_EQ(want_group, plain) << "round " << round << ", group " << g << "\npatterns:\n"
                                     << listed << "text: " << text;
      }
      grouped.Match(text, &got_group, g);
      ASSERT_EQ(got_group, want_group) << "round " << round << ", group " << g << "\npatterns:\n"
                                       << listed << "text: " << text;
      want.insert(want.end(), want_group.begin(), want_group.end());
    }
    std::vector<PatternMatch> got;
    grouped.Match(text, &got);
    ASSERT_EQ(got, want) << "round " << round << "\npatterns:\n" << listed << "text: " << text;
  }
}

// The stem-start filter skips stemming a word none of whose first bytes begin a token that
// leaves the mode's root; it holds only because these Snowball stemmers remove suffixes alone.
TEST(LexiconMatcherTest, RussianAndArmenianStemsArePrefixesOfTheirWords) {
  const std::vector<std::string> russian = {"а", "б", "в", "г", "д", "е", "ж", "з", "и", "й", "к",
                                            "л", "м", "н", "о", "п", "р", "с", "т", "у", "ф", "х",
                                            "ц", "ч", "ш", "щ", "ъ", "ы", "ь", "э", "ю", "я"};
  const std::vector<std::string> russian_endings = {
      "ившись", "ывшись", "ующимися", "ейшее", "ейшими", "ость", "ностью", "нн",
      "ь",      "ся",     "ийся",     "ами",   "иями",   "ого",  "ему",    "ешь",
      "ете",    "йте",    "ла",       "ли",    "ыми",    "ую",   "ии"};
  const std::vector<std::string> armenian = {"ա", "բ", "գ", "դ", "ե", "զ", "է", "ը", "թ", "ժ",
                                             "ի", "լ", "խ", "ծ", "կ", "հ", "ձ", "ղ", "ճ", "մ",
                                             "յ", "ն", "շ", "ո", "չ", "պ", "ջ", "ռ", "ս", "վ",
                                             "տ", "ր", "ց", "ւ", "փ", "ք", "օ", "ֆ"};
  const std::vector<std::string> armenian_endings = {
      "ներ", "երի", "ների", "ով", "ում", "ից", "ական", "ությունը", "ը", "ն", "ի", "երը"};
  std::mt19937 rng(11);
  auto pick = [&](const std::vector<std::string>& v) { return v[rng() % v.size()]; };
  for (const char* algorithm : {"ru", "russian", "hy", "armenian"}) {
    const bool is_russian = algorithm[0] == 'r';
    Stemmer stemmer(algorithm);
    ASSERT_TRUE(stemmer.ok());
    for (int round = 0; round < 20000; ++round) {
      std::string word;
      const int letters = static_cast<int>(rng() % 10);
      for (int i = 0; i < letters; ++i) word += pick(is_russian ? russian : armenian);
      const int endings = static_cast<int>(rng() % 3);
      for (int i = 0; i < endings; ++i)
        word += pick(is_russian ? russian_endings : armenian_endings);
      if (word.empty()) continue;
      const std::string stem = stemmer.Stem(word);
      ASSERT_EQ(word.substr(0, stem.size()), stem) << algorithm << ": " << word;
    }
  }
}

// Stemmed patterns of both modes, short stems among them (a word stemmed to "в" or "на" passes
// the stem-start filter on many words), and wildcards on prefixes of one to many letters (the
// two- and four-byte prefilters), against the stemming reference on random text.
TEST(LexiconMatcherTest, StemmedMatchingAgreesWithReference) {
  const std::vector<std::string> words = {"в",
                                          "во",
                                          "на",
                                          "по",
                                          "о",
                                          "и",
                                          "как",
                                          "так",
                                          "суд",
                                          "суда",
                                          "судом",
                                          "судья",
                                          "мид",
                                          "мида",
                                          "лачинский",
                                          "лачинского",
                                          "ЛАЧИНСКОМУ",
                                          "коридор",
                                          "коридора",
                                          "коридоры",
                                          "режим",
                                          "режима",
                                          "режиму",
                                          "киевский",
                                          "киевского",
                                          "сепаратист",
                                          "сепаратистов",
                                          "заявил",
                                          "заявила",
                                          "заявление",
                                          "Карабах",
                                          "Карабаха",
                                          "карабахский",
                                          "нагорный",
                                          "нагорного",
                                          "оккупированных",
                                          "оккупированные",
                                          "освобождение",
                                          "освобождении",
                                          "ադրբեջան",
                                          "ադրբեջանի",
                                          "Ադրբեջանական",
                                          "ագրեսիա",
                                          "ագրեսիան",
                                          "արցախ",
                                          "արցախի",
                                          "Արցախում",
                                          "lachin",
                                          "Corridor",
                                          "12",
                                          "3,5",
                                          ",",
                                          "«",
                                          "»",
                                          "-",
                                          "—",
                                          ".",
                                          "н",
                                          "ь"};
  const std::vector<std::string> letters = {"а", "в", "н", "о", "п", "с", "к",
                                            "и", "я", "ա", "ր", "ց", "խ", "ի"};
  std::mt19937 rng(5);
  auto pick = [&](const std::vector<std::string>& v) { return v[rng() % v.size()]; };
  for (int round = 0; round < 300; ++round) {
    std::vector<std::string> patterns;
    std::vector<std::string> languages;
    const int count = 1 + static_cast<int>(rng() % 8);
    for (int i = 0; i < count; ++i) {
      std::string pattern = pick(words);
      if (pattern == "," || pattern == "«" || pattern == "»" || pattern == "." || pattern == "—" ||
          pattern == "-") {
        pattern = "в";
      }
      const int more = static_cast<int>(rng() % 3);
      for (int k = 0; k < more; ++k) pattern += " " + pick(words);
      if (pattern.back() == '-' || pattern.back() == '.') pattern += " на";
      if (rng() % 3 == 0) {
        // A wildcard on a prefix of the last word, of one to all of its characters.
        const size_t last = pattern.rfind(' ') + 1;
        std::vector<size_t> ends;
        for (size_t i = last + 1; i <= pattern.size(); ++i) {
          if (i == pattern.size() || (static_cast<unsigned char>(pattern[i]) & 0xC0) != 0x80) {
            ends.push_back(i);
          }
        }
        const std::string word = pattern.substr(last);
        const auto first = static_cast<unsigned char>(word[0]);
        const bool letters_or_digits =
            word.find(',') == std::string::npos &&
            (std::isalnum(first) != 0 || (first >= 0xD0 && first <= 0xD6));
        if (letters_or_digits) {  // ASCII, Cyrillic or Armenian
          pattern = pattern.substr(0, ends[rng() % ends.size()]) + "*";
        }
      }
      const int language = static_cast<int>(rng() % 4);
      patterns.push_back(pattern);
      languages.push_back(language == 0   ? ""
                          : language == 1 ? "russian"
                          : language == 2 ? "ru"
                                          : "hy");
    }
    LexiconMatcher m;
    for (size_t i = 0; i < patterns.size(); ++i) {
      std::string error;
      ASSERT_GE(m.Add(patterns[i], {.stem_language = languages[i]}, &error), 0) << error;
    }
    ASSERT_TRUE(m.Compile(nullptr));
    for (int t = 0; t < 4; ++t) {
      std::string text;
      const int length = 5 + static_cast<int>(rng() % 60);
      for (int i = 0; i < length; ++i) {
        if (rng() % 5 == 0) {
          const int n = 1 + static_cast<int>(rng() % 6);
          for (int k = 0; k < n; ++k) text += pick(letters);
        } else {
          text += pick(words);
        }
        text += rng() % 7 == 0 ? "\n" : " ";
      }
      std::vector<PatternMatch> got;
      m.Match(text, &got);
      std::vector<PatternMatch> want = ReferenceMatch(patterns, text, languages);
      ASSERT_EQ(got, want) << "round " << round << ": " << text;
      // Again: the stems now come from the stemmers' memo.
      m.Match(text, &got);
      ASSERT_EQ(got, want) << "round " << round << " (again): " << text;
    }
  }
}

TEST(LexiconMatcherTest, GroupsOverlapButNotWithinAGroup) {
  LexiconMatcher m;
  MatchPatternOptions loaded;
  loaded.group = 1;
  EXPECT_EQ(m.Add("Nagorno-Karabakh", {}, nullptr), 0);
  EXPECT_EQ(m.Add("separatist authorities of Nagorno-Karabakh", loaded, nullptr), 1);
  EXPECT_EQ(m.Add("authorities", loaded, nullptr), 2);
  EXPECT_EQ(m.Add("Karabakh", {}, nullptr), 3);
  std::string error;
  MatchPatternOptions bad;
  bad.group = LexiconMatcher::kMaxGroups;
  EXPECT_EQ(m.Add("x", bad, &error), -1);
  EXPECT_NE(error.find("group"), std::string::npos) << error;
  ASSERT_TRUE(m.Compile(nullptr));
  const std::string text = "the separatist authorities of Nagorno-Karabakh and the authorities";
  // Group 0 first, then group 1, each by position.
  EXPECT_EQ(Found(m, text), (V{"0:Nagorno-Karabakh", "1:separatist authorities of Nagorno-Karabakh",
                               "2:authorities"}));
  std::vector<PatternMatch> naming;
  m.Match(text, &naming, 0);
  ASSERT_EQ(naming.size(), 1u);
  EXPECT_EQ(naming[0].pattern, 0);
  m.Match(text, &naming, 5);  // a group with no patterns
  EXPECT_TRUE(naming.empty());
}

}  // namespace
}  // namespace parallax
