#include "corpus/html_recipe.h"

#include <algorithm>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace parallax::internal {

std::string IngredientKey(std::string_view text) {
  std::string key;
  bool gap = false;
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    const std::size_t space = SpaceLength(text, i);
    const bool word = space == 0 && (c >= 0x80 || IsAlpha(text[i]) || IsDigit(text[i]));
    if (!word) {
      gap = !key.empty();
      i += std::max<std::size_t>(space, 1);
      continue;
    }
    if (gap) key += ' ';
    gap = false;
    key += AsciiLower(text[i++]);
  }
  return key;
}

namespace {

// The text below `n`, white space collapsed, when it has at most `limit` bytes; false when it
// has more. (Markup indented by hundreds of spaces around "125 g" is common.)
bool BoundedText(xmlNode* n, std::size_t limit, std::string* out) {
  out->clear();
  bool over = false;
  Walk(
      n,
      [&](xmlNode* d) {
        if (over) return false;
        if (d->type == XML_TEXT_NODE || d->type == XML_CDATA_SECTION_NODE) {
          const std::string text = CollapseHtmlSpace(Content(d));
          if (text.empty()) return false;
          *out += text;
          *out += ' ';
          over = out->size() > limit;
          return false;
        }
        return IsElement(d) && !InSet(Name(d), {"script", "style", "template"});
      },
      [](xmlNode*) {});
  return !over;
}

bool IsIngredientProp(const xmlNode* n) {
  const std::string prop = ToLower(Attr(n, "itemprop"));
  return prop == "recipeingredient" || prop == "ingredients";
}

bool IsMethodProp(const xmlNode* n) { return ToLower(Attr(n, "itemprop")) == "recipeinstructions"; }

bool Inside(const xmlNode* a, const xmlNode* n) {
  for (; n != nullptr; n = n->parent) {
    if (n == a) return true;
  }
  return false;
}

// The list of `entries` below `root` (FindIngredientList, FindMethodList): the elements for which
// `marked` holds, or else those whose words are an entry's.
RecipeList FindList(xmlNode* root, const std::vector<std::string>& ingredients,
                    bool (*marked_as)(const xmlNode*)) {
  // Found entries in document order, each with the index of its entry. Marked ones are told
  // apart by their words, so that the copies of one list count once.
  std::vector<std::pair<xmlNode*, std::size_t>> found;
  std::unordered_map<std::string, std::size_t> marked;
  Walk(
      root,
      [&](xmlNode* n) {
        if (!IsElement(n)) return false;
        if (!marked_as(n)) return true;
        const auto entry = marked.emplace(IngredientKey(TextOf(n)), marked.size()).first;
        found.emplace_back(n, entry->second);
        return false;
      },
      [](xmlNode*) {});
  if (found.empty() && !ingredients.empty()) {
    std::unordered_map<std::string, std::size_t> index;
    std::size_t longest = 0;
    for (std::size_t i = 0; i < ingredients.size(); ++i) {
      std::string key = IngredientKey(ingredients[i]);
      longest = std::max(longest, key.size());
      if (!key.empty()) index.emplace(std::move(key), i);
    }
    // Markup adds to the text of an element (a step's number, a label): leave room for it.
    const std::size_t limit = 2 * longest + 100;
    std::string text;
    Walk(
        root,
        [&](xmlNode* n) {
          if (!IsElement(n) || InSet(Name(n), {"script", "style", "template"})) return false;
          if (!BoundedText(n, limit, &text)) return true;
          const auto it = index.find(IngredientKey(text));
          if (it == index.end()) return true;
          found.emplace_back(n, it->second);
          return false;
        },
        [](xmlNode*) {});
  }
  std::vector<std::size_t> entries;
  for (const auto& f : found) entries.push_back(f.second);
  std::sort(entries.begin(), entries.end());
  const std::size_t distinct =
      static_cast<std::size_t>(std::unique(entries.begin(), entries.end()) - entries.begin());
  if (distinct < 2) return {};
  const std::size_t want = std::max<std::size_t>(2, (distinct * 6 + 9) / 10);
  for (xmlNode* a = found.front().first->parent; a != nullptr && a != root && IsElement(a);
       a = a->parent) {
    RecipeList list;
    std::vector<std::size_t> inside;
    for (const auto& [n, entry] : found) {
      if (!Inside(a, n)) continue;
      list.items.push_back(n);
      inside.push_back(entry);
    }
    std::sort(inside.begin(), inside.end());
    if (static_cast<std::size_t>(std::unique(inside.begin(), inside.end()) - inside.begin()) >=
        want) {
      list.list = a;
      return list;
    }
  }
  return {};
}

}  // namespace

RecipeList FindIngredientList(xmlNode* root, const std::vector<std::string>& ingredients) {
  return FindList(root, ingredients, IsIngredientProp);
}

RecipeList FindMethodList(xmlNode* root, const std::vector<std::string>& steps) {
  return FindList(root, steps, IsMethodProp);
}

}  // namespace parallax::internal
