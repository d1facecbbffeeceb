#include "text/slug.h"

#include <gtest/gtest.h>

namespace parallax {
namespace {

TEST(SlugTest, AsciiWordsJoinedByDashes) {
  Slugger s;
  EXPECT_EQ(s.Slug("Azerbaijan closes Lachin Corridor"), "azerbaijan-closes-lachin-corridor");
  EXPECT_EQ(s.Slug("The Hollywood Reporter"), "the-hollywood-reporter");
  EXPECT_EQ(s.Slug("www.oc-media.org"), "www-oc-media-org");
  EXPECT_EQ(s.Slug("  --Oscars 2024: the nominees!-- "), "oscars-2024-the-nominees");
}

TEST(SlugTest, RomanisesOtherScripts) {
  Slugger s;
  EXPECT_EQ(s.Slug("Лачинский коридор закрыт"), "lacinskij-koridor-zakryt");
  EXPECT_EQ(s.Slug("Çə ş — «quotes» & 2023"), "ce-s-quotes-2023");
  EXPECT_EQ(s.Slug("Azərbaycan Laçın yolu"), "azerbaycan-lacin-yolu");
  EXPECT_EQ(s.Slug("Լաչինի միջանցքը"), "lacini-mijancke");
  EXPECT_EQ(s.Slug("Azerbaijan’s checkpoint"), "azerbaijans-checkpoint");
}

TEST(SlugTest, NothingToKeepGivesEmpty) {
  Slugger s;
  EXPECT_EQ(s.Slug(""), "");
  EXPECT_EQ(s.Slug(" — !? "), "");
}

TEST(SlugTest, LongSlugsAreCutAtAWordBoundary) {
  Slugger s;
  EXPECT_EQ(s.Slug("one two three four five six", 15), "one-two-three");
  EXPECT_EQ(s.Slug("abcdefghijklmnopqrstuvwxyz", 10), "abcdefghij");
  EXPECT_EQ(s.Slug("short", 10), "short");
}

TEST(AsciiTransliteratorTest, AsciiIsReturnedUnchanged) {
  AsciiTransliterator t;
  EXPECT_EQ(t.ToAscii("Plain text, 42."), "Plain text, 42.");
  EXPECT_EQ(t.ToAscii("Пашинян"), "Pasinan");
}

}  // namespace
}  // namespace parallax
