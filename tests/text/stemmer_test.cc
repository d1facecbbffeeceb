#include "text/stemmer.h"

#include <gtest/gtest.h>

namespace parallax {
namespace {

TEST(StemmerTest, InflectedFormsShareAStem) {
  Stemmer russian("ru");
  ASSERT_TRUE(russian.ok());
  EXPECT_EQ(russian.Stem("плотины"), russian.Stem("плотину"));
  EXPECT_EQ(russian.Stem("лачинского"), russian.Stem("лачинский"));
  Stemmer english("english");
  EXPECT_EQ(english.Stem("corridors"), "corridor");
}

TEST(StemmerTest, UnknownLanguageLeavesWordsAlone) {
  Stemmer none("xx");
  EXPECT_FALSE(none.ok());
  EXPECT_EQ(none.Stem("Ханкенди"), "Ханкенди");
}

}  // namespace
}  // namespace parallax
