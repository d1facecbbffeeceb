#include "corpus/html_recipe.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "corpus/html_main_text.h"
#include "corpus/html_parse.h"

namespace parallax::internal {
namespace {

struct Found {
  std::string list;  // the list element's id
  std::size_t items = 0;
};

Found Find(const std::string& body, const std::vector<std::string>& ingredients) {
  DocPtr doc = ParseHtml("<html><body>" + body + "</body></html>", "UTF-8", 256, nullptr);
  EXPECT_NE(doc, nullptr);
  const RecipeList list = FindIngredientList(FindBody(doc.get()), ingredients);
  if (list.list == nullptr) return {};
  return {Attr(list.list, "id"), list.items.size()};
}

TEST(HtmlRecipeTest, KeysCompareWordsOnly) {
  EXPECT_EQ(IngredientKey(" 125\u00a0g  Flour, sifted "), "125 g flour sifted");
  EXPECT_EQ(IngredientKey("1\u00bc tsp salt"), "1\u00bc tsp salt");
  EXPECT_EQ(IngredientKey("Mandarine(n), je ca. 300 g"), "mandarine n je ca 300 g");
  EXPECT_EQ(IngredientKey("--"), "");
}

TEST(HtmlRecipeTest, ListMarkedWithMicrodata) {
  const Found found = Find(
      "<div id='box'><h2>Ingredients</h2><ul id='list'>"
      "<li itemprop='recipeIngredient'>2 eggs</li><li itemprop='recipeIngredient'>1 l milk</li>"
      "</ul></div><div><p>Beat the eggs into the milk.</p></div>",
      {});
  EXPECT_EQ(found.list, "list");
  EXPECT_EQ(found.items, 2u);
}

TEST(HtmlRecipeTest, SecondMarkedCopyOfTheListIsNotTaken) {
  const std::string list =
      "<li itemprop='recipeIngredient'>2 eggs</li><li itemprop='recipeIngredient'>1 l milk</li>"
      "<li itemprop='recipeIngredient'>salt</li>";
  const Found found =
      Find("<div id='page'><ul id='desktop'>" + list + "</ul><div class='mobile'><ul id='mobile'>" +
               list + "</ul></div></div>",
           {});
  EXPECT_EQ(found.list, "desktop");
  EXPECT_EQ(found.items, 3u);
}

TEST(HtmlRecipeTest, JsonLdEntriesFoundAcrossCells) {
  const Found found = Find(
      "<p>Beat 2 eggs into the milk.</p><table id='list'>"
      "<tr><td>2</td><td>eggs</td></tr><tr><td>1 l</td><td><a href='/m'>milk</a></td></tr>"
      "<tr><td>1 pinch</td><td>salt</td></tr></table>",
      {"2 eggs", "1 l milk", "1 pinch salt"});
  EXPECT_EQ(found.list, "list");
  EXPECT_EQ(found.items, 3u);
}

TEST(HtmlRecipeTest, IndentationDoesNotHideAnEntry) {
  const std::string pad(400, ' ');
  const std::string item = "<div class='item'><div>" + pad + "<span>135</span>" + pad +
                           "&nbsp;g</div><div>" + pad + "butter" + pad + "</div></div>";
  const Found found =
      Find("<div id='list'>" + item + "<div class='item'>" + pad + "2 eggs" + pad + "</div></div>",
           {"135 g butter", "2 eggs"});
  EXPECT_EQ(found.list, "list");
  EXPECT_EQ(found.items, 2u);
}

TEST(HtmlRecipeTest, SecondCopyOfTheListIsNotTaken) {
  const Found found = Find(
      "<div id='page'><ul id='first'><li>2 eggs</li><li>1 l milk</li><li>salt</li></ul>"
      "<div class='print'><ul id='second'><li>2 eggs</li><li>1 l milk</li><li>salt</li></ul>"
      "</div></div>",
      {"2 eggs", "1 l milk", "salt"});
  EXPECT_EQ(found.list, "first");
}

TEST(HtmlRecipeTest, MethodByMicrodataOrByItsSteps) {
  DocPtr doc = ParseHtml(
      "<html><body><ol id='marked'><li itemprop='recipeInstructions'>Beat the eggs.</li>"
      "<li itemprop='recipeInstructions'>Stir in the milk.</li></ol></body></html>",
      "UTF-8", 256, nullptr);
  const RecipeList marked = FindMethodList(FindBody(doc.get()), {});
  ASSERT_NE(marked.list, nullptr);
  EXPECT_EQ(Attr(marked.list, "id"), "marked");
  // Ingredient markup is not a method.
  EXPECT_EQ(FindIngredientList(FindBody(doc.get()), {}).list, nullptr);
  DocPtr page = ParseHtml(
      "<html><body><div id='steps'><div><b>1</b><p>Beat the eggs.</p></div><div><b>2</b><p>Stir "
      "in the milk.</p></div></div></body></html>",
      "UTF-8", 256, nullptr);
  const RecipeList found =
      FindMethodList(FindBody(page.get()), {"Beat the eggs.", "Stir in the milk."});
  ASSERT_NE(found.list, nullptr);
  EXPECT_EQ(Attr(found.list, "id"), "steps");
}

TEST(HtmlRecipeTest, OneIngredientFoundIsNoList) {
  EXPECT_EQ(
      Find("<ul id='list'><li>2 eggs</li><li>a lot of love</li></ul>", {"2 eggs", "1 l milk"}).list,
      "");
  EXPECT_EQ(Find("<ul id='list'><li>2 eggs</li></ul>", {}).list, "");
}

}  // namespace
}  // namespace parallax::internal
