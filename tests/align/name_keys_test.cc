// Proper-name keys: one Latin key for a name in any script and common spellings.
#include "align/name_keys.h"

#include <gtest/gtest.h>

#include <string>

namespace parallax {
namespace {

std::string Key(NameKeyer& keyer, const std::string& word, const std::string& language) {
  return std::string(keyer.Key(word, language));
}

TEST(NameKeyerTest, OneKeyAcrossScriptsAndSpellings) {
  NameKeyer keyer;
  const std::string pashinyan = Key(keyer, "pashinyan", "en");
  EXPECT_EQ(pashinyan, "pasin");
  EXPECT_EQ(Key(keyer, "пашинян", "ru"), pashinyan);
  EXPECT_EQ(Key(keyer, "paşinyan", "az"), pashinyan);
  EXPECT_EQ(Key(keyer, "փաշինյան", "hy"), pashinyan);
  const std::string lachin = Key(keyer, "lachin", "en");
  EXPECT_EQ(Key(keyer, "лачин", "ru"), lachin);
  EXPECT_EQ(Key(keyer, "laçın", "az"), lachin);
  EXPECT_EQ(Key(keyer, "լաչին", "hy"), lachin);
  const std::string hajiyev = Key(keyer, "hajiyev", "en");
  EXPECT_EQ(Key(keyer, "гаджиев", "ru"), hajiyev);
  EXPECT_EQ(Key(keyer, "hacıyev", "az"), hajiyev);
  EXPECT_EQ(Key(keyer, "hajiev", "en"), hajiyev);
  EXPECT_EQ(Key(keyer, "каховская", "ru"), Key(keyer, "kakhovka", "en"));
  EXPECT_EQ(Key(keyer, "каховська", "uk"), Key(keyer, "kakhovka", "en"));
  EXPECT_EQ(Key(keyer, "ზურაბიშვილი", "ka"), Key(keyer, "zourabichvili", "fr"));
}

TEST(NameKeyerTest, InflectedEndingsKeepTheKey) {
  NameKeyer keyer;
  EXPECT_EQ(Key(keyer, "пашиняна", "ru"), Key(keyer, "pashinyan", "en"));
  EXPECT_EQ(Key(keyer, "laçından", "az"), Key(keyer, "lachin", "en"));
}

TEST(NameKeyerTest, ShortAndDifferentNamesStayApart) {
  NameKeyer keyer;
  EXPECT_EQ(Key(keyer, "ab", "en"), "");  // too short to tell names apart
  EXPECT_NE(Key(keyer, "putin", "en"), Key(keyer, "pashinyan", "en"));
  EXPECT_NE(Key(keyer, "tbilisi", "en"), Key(keyer, "yerevan", "en"));
}

TEST(NameKeyerTest, SkeletonFoldsSpellings) {
  EXPECT_EQ(NameKeyer::Skeleton("Khankendi"), NameKeyer::Skeleton("xankendi"));
  EXPECT_EQ(NameKeyer::Skeleton("Jeyhun"), NameKeyer::Skeleton("Dzheyhun"));
  EXPECT_EQ(NameKeyer::Skeleton("Qarabagh"), NameKeyer::Skeleton("Karabakh"));
}

}  // namespace
}  // namespace parallax
