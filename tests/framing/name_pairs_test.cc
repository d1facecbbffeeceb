#include "framing/name_pairs.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace parallax {
namespace {

std::vector<std::string> Pairs(const std::string& text) {
  std::vector<std::string> out;
  for (const NamePair& p : FindNamePairs(text)) {
    out.push_back(p.first + "|" + p.second + "|" + p.construction + "|" + p.who);
  }
  return out;
}

TEST(NamePairsTest, Bracketed) {
  EXPECT_EQ(Pairs("the only road linking Khankendi (Stepanakert) with Armenia."),
            (std::vector<std::string>{"Khankendi|Stepanakert|bracketed|"}));
  EXPECT_EQ(Pairs("near the city of Shusha (Shushi), with"),
            (std::vector<std::string>{"Shusha|Shushi|bracketed|"}));
  EXPECT_EQ(Pairs("the blockade of Artsakh [Nagorno-Karabakh], preventing"),
            (std::vector<std::string>{"Artsakh|Nagorno-Karabakh|bracketed|"}));
  // Leading function words are not part of the name.
  EXPECT_EQ(Pairs("In Khankendi (Stepanakert) people"),
            (std::vector<std::string>{"Khankendi|Stepanakert|bracketed|"}));
}

TEST(NamePairsTest, BracketNamingTheLanguage) {
  EXPECT_EQ(Pairs("Stepanakert (Khankendi in Azerbaijani) is"),
            (std::vector<std::string>{"Stepanakert|Khankendi|bracketed|Azerbaijani"}));
}

TEST(NamePairsTest, BracketedGlossSaysWhoUsesTheFirstName) {
  const std::vector<NamePair> p =
      FindNamePairs("then Artsakh (the Armenian name for Nagorno-Karabakh) will be");
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].first, "Artsakh");
  EXPECT_EQ(p[0].second, "Nagorno-Karabakh");
  EXPECT_EQ(p[0].who, "Armenian");
  EXPECT_TRUE(p[0].who_uses_first);
}

TEST(NamePairsTest, Appositives) {
  EXPECT_EQ(Pairs("They reached Khankendi, which Armenians call Stepanakert, at noon."),
            (std::vector<std::string>{"Khankendi|Stepanakert|which-call|Armenians"}));
  EXPECT_EQ(Pairs("in Stepanakert, known in Azerbaijan as Khankendi."),
            (std::vector<std::string>{"Stepanakert|Khankendi|known-as|Azerbaijan"}));
  EXPECT_EQ(Pairs("Stepanakert, also known as Khankendi in Azerbaijan, was"),
            (std::vector<std::string>{"Stepanakert|Khankendi|known-as|Azerbaijan"}));
  EXPECT_EQ(Pairs("the town of Shusha, called Shushi by Armenians, fell"),
            (std::vector<std::string>{"Shusha|Shushi|called-by|Armenians"}));
}

TEST(NamePairsTest, Russian) {
  EXPECT_EQ(Pairs("дорога в Ханкенди (Степанакерт) закрыта"),
            (std::vector<std::string>{"Ханкенди|Степанакерт|bracketed|"}));
  EXPECT_EQ(Pairs("в Степанакерте, известном в Азербайджане как Ханкенди, прошёл"),
            (std::vector<std::string>{"Степанакерте|Ханкенди|known-as|Азербайджане"}));
  EXPECT_EQ(Pairs("Ханкенди, который армяне называют Степанакертом, —"),
            (std::vector<std::string>{"Ханкенди|Степанакертом|which-call|армяне"}));
}

TEST(NamePairsTest, NotPairs) {
  EXPECT_TRUE(Pairs("the self-proclaimed Nagorno-Karabakh Republic (NKR).").empty());
  EXPECT_TRUE(Pairs("the OSCE (Organization for Security) said").empty());
  EXPECT_TRUE(Pairs("Radio Liberty (August 21, 2022).").empty());
  EXPECT_TRUE(Pairs("the “Miatsum road” (“unification road”) was").empty());
  EXPECT_TRUE(Pairs("Armenia (Armenia) is").empty());
  EXPECT_TRUE(Pairs("with Russia (with the help of others)").empty());
  EXPECT_TRUE(Pairs("Putin called Aliyev on Monday.").empty());
  EXPECT_TRUE(Pairs("").empty());
  EXPECT_TRUE(Pairs("(").empty());
  EXPECT_TRUE(Pairs("X, known").empty());
}

TEST(NamePairsTest, SpansCoverTheConstruction) {
  const std::string text = "road to Khankendi (Stepanakert) closed";
  const std::vector<NamePair> p = FindNamePairs(text);
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(text.substr(p[0].start, p[0].end - p[0].start), "Khankendi (Stepanakert)");
}

}  // namespace
}  // namespace parallax
