#include "corpus/article_names.h"

#include <gtest/gtest.h>

namespace parallax {
namespace {

Article Make(const std::string& date, const std::string& outlet, const std::string& title) {
  Article a;
  a.date = ParseIsoDate(date);
  a.outlet = outlet;
  a.title = title;
  a.id = "042bb7b5fedab6eac7db576522b89b93904c237d344bcbe14a6a5ab7f7335856";
  return a;
}

TEST(ArticleNamerTest, DateOutletAndTitle) {
  ArticleNamer namer;
  EXPECT_EQ(namer.UniqueName(Make("2023-04-24", "oc-media", "Azerbaijan closes Lachin Corridor")),
            "2023-04-24_oc-media_azerbaijan-closes-lachin-corridor.txt");
  EXPECT_EQ(namer.UniqueName(Make("2023-04", "kommersant", "Лачинский коридор закрыт")),
            "2023-04_kommersant_lacinskij-koridor-zakryt.txt");
}

TEST(ArticleNamerTest, MissingPartsAreNamed) {
  ArticleNamer namer;
  EXPECT_EQ(namer.Stem(Make("", "", "Title")), "undated_unknown-outlet_title");
  Article no_title = Make("2024-01-02", "x", "");
  no_title.id = "My file";
  EXPECT_EQ(namer.Stem(no_title), "2024-01-02_x_my-file");
}

TEST(ArticleNamerTest, LongTitlesAreCut) {
  ArticleNamer namer;
  const std::string stem =
      namer.Stem(Make("2024-01-02", "x",
                      "A very long headline that goes on and on about everything that happened "
                      "on that day in that place"));
  EXPECT_LE(stem.size(), std::string("2024-01-02_x_").size() + 60);
  EXPECT_NE(stem.back(), '-');
}

TEST(ArticleNamerTest, NamesAreUniqueWithinARun) {
  ArticleNamer namer;
  const Article a = Make("2024-01-02", "x", "Same");
  EXPECT_EQ(namer.UniqueName(a), "2024-01-02_x_same.txt");
  EXPECT_EQ(namer.UniqueName(a), "2024-01-02_x_same-2.txt");
  EXPECT_EQ(namer.UniqueName(a), "2024-01-02_x_same-3.txt");
}

}  // namespace
}  // namespace parallax
