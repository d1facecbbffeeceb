// Page metadata: title, publication date, author, site name, language, canonical address and
// description, from <meta> (Open Graph, Twitter cards, Dublin Core, article:*), JSON-LD (a single
// object, a list, or an @graph; malformed JSON-LD is a warning), <time datetime>, microdata
// itemprop=datePublished, <link rel=canonical>, <html lang> and, last, <title> and <h1>.
// Each field takes the best-ranked candidate the page offers.
// Internal to corpus/html_*.
#ifndef PARALLAX_CORPUS_HTML_METADATA_H_
#define PARALLAX_CORPUS_HTML_METADATA_H_

#include <string>
#include <string_view>
#include <vector>

#include "corpus/html_dom.h"
#include "corpus/html_extractor.h"

namespace parallax::internal {

// Parses the dates pages carry into YYYY-MM-DD: ISO 8601 (with time and zone), 2019/11/19,
// 19.11.2019, 20191119, "November 19, 2019", "19 Nov 2019", "Tue, 19 Nov 2019 10:00:00 GMT".
// Returns "" when no unambiguous date is found.
std::string NormalizeDate(std::string_view raw);

// "en_US" -> "en-US"; "EN" -> "en". Returns "" for things that are not language tags.
std::string NormalizeLanguage(std::string_view raw);

// What the page says about itself beyond its fields: text that may stand in for the body.
struct PageEvidence {
  std::string ld_body;      // JSON-LD articleBody of an article object, when present
  std::string description;  // the page's own summary (meta description, og:description)
  // The ingredients a JSON-LD Recipe lists (recipeIngredient, or the older ingredients), in
  // its order; empty on pages that are not recipes.
  std::vector<std::string> ingredients;
  // Its method: the texts of its recipeInstructions (strings, HowToStep, HowToSection).
  std::vector<std::string> steps;
  // Elements marked as a recipe's parts (itemprop=recipeIngredient, recipeInstructions).
  bool recipe_markup = false;
  // Whether the page says anything of a recipe: only then are its parts looked for.
  bool IsRecipe() const { return recipe_markup || !ingredients.empty() || !steps.empty(); }
};

// Fills page's metadata fields (and warnings) from `doc`; returns the evidence for the body.
PageEvidence ReadMetadata(xmlDoc* doc, const HtmlExtractOptions& options, ExtractedPage& page);

}  // namespace parallax::internal

#endif  // PARALLAX_CORPUS_HTML_METADATA_H_
