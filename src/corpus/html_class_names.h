// What class names, ids, roles and hiding attributes say about an element: boilerplate
// ("sidebar", "related-articles", "share-bar"), content ("article-body", "entry-content") or
// neither. General words only, in any site's naming style (kebab-case, snake_case, camelCase).
// Internal to corpus/html_*.
#ifndef PARALLAX_CORPUS_HTML_CLASS_NAMES_H_
#define PARALLAX_CORPUS_HTML_CLASS_NAMES_H_

#include <string>
#include <string_view>
#include <vector>

#include "corpus/html_dom.h"

namespace parallax::internal {

// Lower-cased words of a class or id value: split at non-alphanumerics and camelCase humps.
std::vector<std::string> NameTokens(std::string_view value);

// Verdict on one class name (or id): -1 boilerplate, +1 content, 0 neither.
int NameVerdict(std::string_view name);

// Class/id weight of an element: +25 for a content-like name, -25 for a boilerplate-like one,
// per attribute. `negative_only` (may be null) is set when only boilerplate names were seen.
int ClassWeight(const xmlNode* n, bool* negative_only);

// A class or id naming an article's lead paragraph, set apart above the body: "lead",
// "intro", "excerpt", "subtitle", "standfirst", "chapo", "abstract", "summary", "deck",
// "teaser-text" (but not a bare "teaser", which also names links to other articles).
bool IsLeadName(std::string_view value);
bool IsLead(const xmlNode* n);  // by its class or id

// A comment thread or its form, by its class or id ("comments", "comment-list", "respond",
// "disqus_thread", "replies").
bool IsCommentSection(const xmlNode* n);

// A box asking the reader to sign up, by its class or id ("newsletter", "subscribe-box",
// "signup"): never the article, even where class names are not weighed.
bool IsSignupBox(const xmlNode* n);

// Hidden from every reader: the hidden attribute, aria-hidden, display:none or
// visibility:hidden in its style, screen-reader-only classes.
bool IsHidden(const xmlNode* n);

// An ARIA role of page chrome (navigation, complementary, contentinfo, search, …).
bool IsChromeRole(const xmlNode* n);

}  // namespace parallax::internal

#endif  // PARALLAX_CORPUS_HTML_CLASS_NAMES_H_
