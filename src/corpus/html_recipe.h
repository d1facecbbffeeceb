// A recipe's ingredients (and its method) belong to it. Recipe pages set the ingredient list apart
// from the method: a box of its own beside or above the steps, with servings, a shopping button and
// nutrition values around it. The scoring rewards the method's sentences, so the container that
// wins is the method, and the list of ingredients (short lines, no commas) is left out.
//
// The page says which text the ingredients are, in its structured data:
//
//   markup                                             example
//   microdata on the elements themselves               <li itemprop="recipeIngredient">2 eggs</li>
//   a JSON-LD Recipe's recipeIngredient (ingredients)  "recipeIngredient": ["2 eggs", "1 l milk"]
//
// JSON-LD entries are found among the page's elements by their words (letters and digits, case
// aside), since the page spreads them over cells and spans ("<td>125 g</td><td>flour</td>").
// The list is the smallest element around the first ingredient found that holds most of those
// found, so a second copy of the list (a print or mobile version) is not taken with it.
// Internal to corpus/html_*.
#ifndef PARALLAX_CORPUS_HTML_RECIPE_H_
#define PARALLAX_CORPUS_HTML_RECIPE_H_

#include <string>
#include <vector>

#include "corpus/html_dom.h"

namespace parallax::internal {

// One part of a recipe found in the page: its ingredients or its method.
struct RecipeList {
  xmlNode* list = nullptr;      // the element holding the list; null when none was found
  std::vector<xmlNode*> items;  // the elements of the entries found inside it
};

// The ingredient list below `root`: marked with microdata, or holding the entries of
// `ingredients` (a JSON-LD Recipe's). At least two ingredients must be found.
RecipeList FindIngredientList(xmlNode* root, const std::vector<std::string>& ingredients);

// The same for the method: steps marked itemprop=recipeInstructions, or the entries of a JSON-LD
// Recipe's recipeInstructions (its HowToStep texts). A method set apart from the ingredients
// and the description (its own box of numbered steps, each with a photo) is left out as often.
RecipeList FindMethodList(xmlNode* root, const std::vector<std::string>& steps);

// The words of `text` as a key for comparing ingredients: letters and digits (ASCII folded to
// lower case, other characters kept), each run of anything else one space, trimmed.
std::string IngredientKey(std::string_view text);

}  // namespace parallax::internal

#endif  // PARALLAX_CORPUS_HTML_RECIPE_H_
