#include "corpus/html_main_text.h"

#include <libxml/xpath.h>

#include <algorithm>
#include <array>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

#include "corpus/html_class_names.h"
#include "corpus/html_paragraphs.h"
#include "corpus/html_recipe.h"

namespace parallax::internal {

namespace {

// Per-element statistics, computed bottom-up in one pass.
struct NodeInfo {
  int text = 0;  // visible characters in the subtree
  int link = 0;  // of which inside <a>
  int commas = 0;
  int inline_text = 0;  // characters not inside a nested block element
  int inline_link = 0;
  int inline_commas = 0;
  int p = 0, img = 0, li = 0, li_text = 0, input = 0, embed = 0;
  int quote_text = 0;  // characters inside <blockquote>
  bool has_block = false;
  bool has_article = false;  // an <article>, <main> or itemprop=articleBody below or here
  int weight = 0;
  bool negative_only = false;
  double score = 0;
  bool candidate = false;
};

// Owns the statistics of one document; finds them through xmlNode::_private.
class Stats {
 public:
  void Compute(xmlNode* root) {
    order_.clear();
    Walk(
        root,
        [&](xmlNode* n) {
          if (!IsElement(n)) return false;
          order_.push_back(n);
          n->_private = reinterpret_cast<void*>(order_.size());
          return true;
        },
        [](xmlNode*) {});
    info_.assign(order_.size(), NodeInfo());
    for (std::size_t i = order_.size(); i-- > 0;) {
      xmlNode* n = order_[i];
      NodeInfo& me = info_[i];
      const std::string_view tag = Name(n);
      for (xmlNode* c = n->children; c != nullptr; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
          const TextMeasure m = Measure(Content(c));
          me.text += m.chars;
          me.commas += m.commas;
          me.inline_text += m.chars;
          me.inline_commas += m.commas;
        } else if (IsElement(c)) {
          const NodeInfo& ci = Get(c);
          const bool block = IsBlockTag(Name(c));
          me.text += ci.text;
          me.link += ci.link;
          me.commas += ci.commas;
          me.p += ci.p + (Name(c) == "p" ? 1 : 0);
          me.img += ci.img + (Name(c) == "img" ? 1 : 0);
          me.li += ci.li + (Name(c) == "li" ? 1 : 0);
          me.li_text += Name(c) == "li" ? ci.text : ci.li_text;
          me.quote_text += Name(c) == "blockquote" ? ci.text : ci.quote_text;
          me.input += ci.input;
          me.embed += ci.embed;
          me.has_block |= block || ci.has_block;
          me.has_article |= ci.has_article;
          if (!block) {
            me.inline_text += ci.inline_text;
            me.inline_link += ci.inline_link;
            me.inline_commas += ci.inline_commas;
          }
        }
      }
      if (tag == "a") {
        me.link = me.text;
        me.inline_link = me.inline_text;
      }
      if (tag == "article" || tag == "main" || ToLower(Attr(n, "itemprop")) == "articlebody") {
        me.has_article = true;
      }
      me.weight = ClassWeight(n, &me.negative_only);
    }
  }

  // The statistics of `n`; a blank record for nodes not seen by Compute.
  NodeInfo& Get(const xmlNode* n) {
    const auto index = reinterpret_cast<std::size_t>(n->_private);
    if (index == 0 || index > info_.size() || order_[index - 1] != n) {
      blank_ = NodeInfo();
      return blank_;
    }
    return info_[index - 1];
  }

  const std::vector<xmlNode*>& order() const { return order_; }

 private:
  std::vector<xmlNode*> order_;
  std::vector<NodeInfo> info_;
  NodeInfo blank_;
};

// A wrapper around a quotation (an embedded post or tweet) is content whatever its class says.
bool IsQuoteWrapper(const NodeInfo& i) { return i.text > 0 && i.quote_text >= 0.9 * i.text; }

double LinkDensity(const NodeInfo& i) {
  return i.text > 0 ? static_cast<double>(i.link) / i.text : 0.0;
}

// A heading right under the page's <h1> (its next element, or in the same <hgroup>) is the
// article's subtitle.
bool IsSubtitle(const xmlNode* n) {
  const std::string_view tag = Name(n);
  if (!IsHeading(tag) || tag == "h1") return false;
  if (n->parent != nullptr && Is(n->parent, "hgroup")) return true;
  for (const xmlNode* p = n->prev; p != nullptr; p = p->prev) {
    if (IsElement(p)) return Name(p) == "h1";
  }
  return false;
}

// Removes `nodes` (chrome), but first moves the lead paragraphs and subtitles among their
// descendants out, to where the removed node was: a header box full of bylines and share links
// often holds the article's standfirst.
void RemoveNodesKeepingLeads(std::vector<xmlNode*>& nodes) {
  KeepOutermost(nodes);
  for (xmlNode* n : nodes) {
    std::vector<xmlNode*> leads;
    Walk(
        n,
        [&](xmlNode* d) {
          if (!IsElement(d)) return false;
          if (d != n && (IsLead(d) || IsSubtitle(d))) {
            const int chars = Measure(TextOf(d)).chars;
            if (chars >= 15 && chars <= 600) leads.push_back(d);
            return false;
          }
          return true;
        },
        [](xmlNode*) {});
    if (leads.size() > 1) leads.clear();  // a list of teasers, not an article's lead
    for (xmlNode* lead : leads) {
      xmlUnlinkNode(lead);
      xmlAddPrevSibling(n, lead);
    }
    xmlUnlinkNode(n);
    xmlFreeNode(n);
  }
  nodes.clear();
}

// True when `a` is `n` or one of its ancestors.
bool Contains(const xmlNode* a, const xmlNode* n) {
  for (; n != nullptr; n = n->parent) {
    if (n == a) return true;
  }
  return false;
}

// Removes elements whose class or id say boilerplate ("sidebar", "comments", "related"),
// unless they hold the article element itself.
// The elements below `root` (never `root` itself) for which `doomed(n)` holds, outermost first:
// the subtree of an element taken is not visited.
template <typename Pred>
std::vector<xmlNode*> ElementsWhere(xmlNode* root, Pred doomed) {
  std::vector<xmlNode*> found;
  Walk(
      root,
      [&](xmlNode* n) {
        if (!IsElement(n)) return false;
        if (n != root && doomed(n)) {
          found.push_back(n);
          return false;
        }
        return true;
      },
      [](xmlNode*) {});
  return found;
}

// `recipe`: a recipe's ingredient list and method (null when none), kept whatever their boxes
// are called.
void DropUnlikely(xmlNode* root, Stats& stats, const std::array<const xmlNode*, 2>& recipe) {
  const SwallowTest swallow(root);
  std::vector<xmlNode*> doomed = ElementsWhere(root, [&](xmlNode* n) {
    if (InSet(Name(n), {"html", "body", "article", "main", "a", "table", "tbody", "tr", "td", "th",
                        "code", "pre"})) {
      return false;
    }
    for (const xmlNode* part : recipe) {
      if (part != nullptr && Contains(n, part)) return false;
    }
    const NodeInfo& info = stats.Get(n);
    return info.negative_only && !info.has_article && !IsQuoteWrapper(info) && !IsLead(n) &&
           !swallow.SwallowedPage(n);
  });
  RemoveNodesKeepingLeads(doomed);
}

// The relaxed passes keep what class names call boilerplate, but a comment thread under a post
// is not the post: on a short post it would outweigh the post itself. (Unless the page has
// next to no other text: a forum thread, a live blog.) Nor is a box asking readers to sign up.
void DropCommentSections(xmlNode* root) {
  std::vector<xmlNode*> doomed = ElementsWhere(root, [](xmlNode* n) {
    return !InSet(Name(n), {"html", "body", "article", "main"}) &&
           (IsCommentSection(n) || IsSignupBox(n));
  });
  // A forum thread or a live blog is all comments: then they are the page.
  std::size_t inside = 0;
  for (xmlNode* n : doomed) inside += ParagraphTextSize(n);
  if (ParagraphTextSize(root) < inside + kMisplacedText) return;
  RemoveNodes(doomed);
}

int TagWeight(std::string_view tag) {
  if (tag == "div" || tag == "article") return 5;
  if (tag == "pre" || tag == "td" || tag == "blockquote") return 3;
  if (InSet(tag, {"address", "ol", "ul", "dl", "dd", "dt", "li", "form"})) return -3;
  if (IsHeading(tag) || tag == "th") return -5;
  return 0;
}

// Readability-style scoring: every paragraph-like block gives points (1 + commas + length/100,
// capped) to its parent, half to its grandparent, less to further ancestors.
std::vector<xmlNode*> ScoreCandidates(xmlNode* root, Stats& stats, const MainTextFlags& flags) {
  std::vector<xmlNode*> candidates;
  auto init = [&](xmlNode* n) {
    NodeInfo& info = stats.Get(n);
    if (info.candidate) return;
    info.candidate = true;
    info.score = TagWeight(Name(n)) + (flags.weight_classes ? info.weight : 0);
    candidates.push_back(n);
  };
  for (xmlNode* n : stats.order()) {
    const std::string_view tag = Name(n);
    const NodeInfo& info = stats.Get(n);
    const bool paragraph_like = InSet(tag, {"p", "pre", "td"}) ||
                                (InSet(tag, {"div", "section", "article", "main", "blockquote",
                                             "center", "font", "span", "dd"}) &&
                                 info.inline_text >= 25);
    if (!paragraph_like || info.inline_text < 25) continue;
    if (n->parent == nullptr || !IsElement(n->parent)) continue;
    double score = 1 + info.inline_commas + std::min(info.inline_text / 100, 3);
    if (info.inline_text > 0) {
      score *= 1.0 - static_cast<double>(info.inline_link) / info.inline_text;
    }
    int level = 0;
    for (xmlNode* a = n->parent; a != nullptr && IsElement(a) && level < 5;
         a = a->parent, ++level) {
      if (a == root->parent) break;
      init(a);
      const double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
      stats.Get(a).score += score / divider;
    }
  }
  for (xmlNode* c : candidates) {
    NodeInfo& info = stats.Get(c);
    info.score *= 1.0 - LinkDensity(info);
  }
  return candidates;
}

xmlNode* ChooseTop(xmlNode* root, Stats& stats, std::vector<xmlNode*> candidates) {
  if (candidates.empty()) return root;
  std::stable_sort(candidates.begin(), candidates.end(),
                   [&](xmlNode* a, xmlNode* b) { return stats.Get(a).score > stats.Get(b).score; });
  xmlNode* top = candidates.front();
  const double top_score = stats.Get(top).score;
  if (top_score <= 0) return root;
  // Several near-equal candidates inside one ancestor: the ancestor is the article.
  std::vector<xmlNode*> alternatives;
  for (std::size_t i = 1; i < std::min<std::size_t>(candidates.size(), 5); ++i) {
    if (stats.Get(candidates[i]).score / top_score >= 0.75) alternatives.push_back(candidates[i]);
  }
  if (alternatives.size() >= 3) {
    for (xmlNode* a = top->parent; a != nullptr && IsElement(a) && a != root; a = a->parent) {
      int inside = 0;
      for (xmlNode* alt : alternatives) {
        for (xmlNode* p = alt; p != nullptr; p = p->parent) {
          if (p == a) {
            ++inside;
            break;
          }
        }
      }
      if (inside >= 3) {
        top = a;
        break;
      }
    }
  }
  // Climb while the parent scores better (the article is split into several blocks).
  double last = stats.Get(top).score;
  const double threshold = last / 3;
  for (xmlNode* p = top->parent; p != nullptr && IsElement(p) && p != root; p = p->parent) {
    const NodeInfo& pi = stats.Get(p);
    if (!pi.candidate) continue;
    if (pi.score < threshold) break;
    if (pi.score > last) {
      top = p;
      break;
    }
    last = pi.score;
  }
  // A wrapper with a single child adds nothing but may have siblings worth keeping.
  while (top->parent != nullptr && top->parent != root && IsElement(top->parent)) {
    int elements = 0;
    for (xmlNode* c = top->parent->children; c != nullptr; c = c->next) {
      if (IsElement(c)) ++elements;
    }
    if (elements != 1) break;
    top = top->parent;
  }
  return top;
}

// The top candidate plus those of its siblings that look like more of the article.
std::vector<xmlNode*> GatherSiblings(xmlNode* top, xmlNode* root, Stats& stats) {
  if (top == root || top->parent == nullptr) return {top};
  std::vector<xmlNode*> kept;
  const NodeInfo& ti = stats.Get(top);
  const double threshold = std::max(10.0, ti.score * 0.2);
  const std::string top_class = Attr(top, "class");
  for (xmlNode* s = top->parent->children; s != nullptr; s = s->next) {
    if (s == top) {
      kept.push_back(s);
      continue;
    }
    if (!IsElement(s)) continue;
    const NodeInfo& si = stats.Get(s);
    double bonus = 0;
    if (!top_class.empty() && Attr(s, "class") == top_class) bonus = ti.score * 0.2;
    if (si.candidate && si.score + bonus >= threshold) {
      kept.push_back(s);
    } else if (Name(s) == "p" || (InSet(Name(s), {"div", "section"}) && !si.has_block)) {
      const double density = LinkDensity(si);
      const std::string text = TextOf(s);
      if (si.text > 80 && density < 0.25) {
        kept.push_back(s);
      } else if (si.text > 0 && si.text <= 80 && density == 0 && !text.empty() &&
                 (EndsWith(text, ".") || EndsWith(text, "!") || EndsWith(text, "?"))) {
        kept.push_back(s);
      }
    }
  }
  return kept;
}

// The article's lead paragraph (a standfirst, an excerpt, a "teaser-text") often sits in the
// article's header, outside the container whose paragraphs won the scoring. Looks for blocks
// named as a lead (IsLead) before the first kept block, inside the nearest <article> or
// <main> around it (or the top's grandparent), and returns them to put first.
std::vector<xmlNode*> GatherLead(const std::vector<xmlNode*>& kept, xmlNode* root, Stats& stats) {
  if (kept.empty() || kept.front() == root) return {};
  xmlNode* first = kept.front();
  xmlNode* scope = nullptr;
  xmlNode* highest = nullptr;
  int level = 0;
  for (xmlNode* a = first->parent; a != nullptr && a != root && IsElement(a); a = a->parent) {
    if (InSet(Name(a), {"article", "main"})) {
      scope = a;
      break;
    }
    if (++level == 3 && scope == nullptr) scope = a;
    highest = a;
  }
  if (scope == nullptr) scope = highest;
  if (scope == nullptr) return {};
  std::vector<xmlNode*> leads;
  bool before = true;
  Walk(
      scope,
      [&](xmlNode* n) {
        if (!before || !IsElement(n)) return false;
        if (n == first || Contains(n, first)) {
          if (n == first) before = false;
          return n != first;
        }
        for (xmlNode* k : kept) {
          if (k == n) return false;
        }
        if (n != scope && (IsLead(n) || IsSubtitle(n))) {
          const NodeInfo& info = stats.Get(n);
          if (info.text >= 15 && info.text <= 1500 && LinkDensity(info) < 0.3) {
            leads.push_back(n);
            return false;
          }
        }
        return true;
      },
      [](xmlNode*) {});
  return leads;
}

// The page's own summary (its meta or Open Graph description) printed above the article is
// its lead, whatever the block is called. Returns the deepest block before the first kept one
// whose text is the summary (or starts as it does, since summaries are cut short), if any.
xmlNode* FindSummaryBlock(const std::vector<xmlNode*>& kept, xmlNode* root, Stats& stats,
                          std::string_view summary) {
  const std::string want = CollapseHtmlSpace(summary);
  if (kept.empty() || kept.front() == root || Measure(want).chars < 40) return nullptr;
  const std::string_view prefix = std::string_view(want).substr(0, 60);
  xmlNode* first = kept.front();
  xmlNode* found = nullptr;
  const int max_chars = Measure(want).chars * 2 + 40;
  bool before = true;
  Walk(
      root,
      [&](xmlNode* n) {
        if (!before || !IsElement(n)) return false;
        if (n == first) {
          before = false;
          return false;
        }
        const NodeInfo& info = stats.Get(n);
        if (info.text < 40) return false;
        if (info.text > max_chars || Contains(n, first)) return true;
        if (IsHeading(Name(n)) || Name(n) == "a") return false;
        if (LinkDensity(info) < 0.3 && StartsWith(TextOf(n), prefix)) found = n;
        return true;
      },
      [](xmlNode*) {});
  return found;
}

// An article cut into blocks by a page builder (text widgets between image and quote widgets,
// in columns of their own) keeps its text in containers of one kind: blocks elsewhere in the
// page with the tag and class of a kept container of two or more paragraphs, holding
// paragraphs with few links, are more of the article.
std::vector<xmlNode*> GatherSameKind(const std::vector<xmlNode*>& kept, xmlNode* root,
                                     Stats& stats) {
  std::vector<std::string> kinds;
  for (xmlNode* block : kept) {
    Walk(
        block,
        [&](xmlNode* n) {
          if (!IsElement(n)) return false;
          if (Name(n) == "p" && n->parent != nullptr && IsElement(n->parent)) {
            const std::string cls = Attr(n->parent, "class");
            int paragraphs = 0;
            for (xmlNode* c = n->parent->children; c != nullptr; c = c->next) {
              paragraphs += Is(c, "p") ? 1 : 0;
            }
            if (!cls.empty() && paragraphs >= 2) {
              std::string kind = std::string(Name(n->parent)) + " " + cls;
              if (std::find(kinds.begin(), kinds.end(), kind) == kinds.end()) kinds.push_back(kind);
            }
            return false;
          }
          return true;
        },
        [](xmlNode*) {});
  }
  std::vector<xmlNode*> more;
  if (kinds.empty()) return more;
  Walk(
      root,
      [&](xmlNode* n) {
        if (!IsElement(n)) return false;
        for (xmlNode* k : kept) {
          if (k == n) return false;
        }
        const std::string cls = Attr(n, "class");
        if (cls.empty()) return true;
        const std::string kind = std::string(Name(n)) + " " + cls;
        if (std::find(kinds.begin(), kinds.end(), kind) == kinds.end()) return true;
        const NodeInfo& info = stats.Get(n);
        if (info.text >= 100 && info.p > 0 && LinkDensity(info) < 0.3 && info.weight >= 0) {
          for (xmlNode* k : kept) {
            if (Contains(n, k)) return true;
          }
          more.push_back(n);
          return false;
        }
        return true;
      },
      [](xmlNode*) {});
  return more;
}

// A part of a recipe (its ingredients, its method) found outside the kept blocks joins them, in
// page order; neither it, nor an entry, nor anything around one is pruned as a whole (its box's
// class name may say "header" or "print"). A part around a kept block is left as it is.
void KeepRecipePart(const RecipeList& part, xmlNode* body, std::vector<xmlNode*>& kept,
                    std::vector<xmlNode*>& spared) {
  if (part.list == nullptr ||
      std::any_of(kept.begin(), kept.end(), [&](xmlNode* k) { return Contains(part.list, k); })) {
    return;
  }
  if (std::none_of(kept.begin(), kept.end(), [&](xmlNode* k) { return Contains(k, part.list); })) {
    kept.push_back(part.list);
    std::stable_sort(kept.begin(), kept.end(),
                     [](xmlNode* a, xmlNode* b) { return xmlXPathCmpNodes(a, b) == 1; });
  }
  for (xmlNode* item : part.items) {
    for (xmlNode* a = item; a != nullptr && a != body; a = a->parent) spared.push_back(a);
  }
}

// Removes boilerplate inside the kept blocks: lists of links, share bars, boxes whose class
// says so, forms, embedded media wrappers, the page title.
// A pruned block is also taken out of `kept`. The `spared` nodes (the top candidate, the lead
// blocks, a recipe's parts and what is around their entries) are never pruned themselves.
void Prune(std::vector<xmlNode*>& kept, const std::vector<xmlNode*>& spared, Stats& stats,
           const MainTextFlags& flags) {
  std::vector<xmlNode*> doomed;
  for (xmlNode* block : kept) {
    Walk(
        block,
        [&](xmlNode* n) {
          if (!IsElement(n)) return false;
          if (std::find(spared.begin(), spared.end(), n) != spared.end()) return true;
          const std::string_view tag = Name(n);
          const NodeInfo& info = stats.Get(n);
          if (tag == "h1") {
            doomed.push_back(n);
            return false;
          }
          if (IsHeading(tag)) {
            if ((flags.weight_classes && info.weight < 0) || LinkDensity(info) > 0.33) {
              doomed.push_back(n);
              return false;
            }
            return true;
          }
          // A short paragraph that is all link: "Read more: …", a related headline.
          if (flags.clean_conditionally && tag == "p" && info.text < 200 &&
              LinkDensity(info) >= 0.8) {
            doomed.push_back(n);
            return false;
          }
          if (!flags.clean_conditionally ||
              !InSet(tag, {"form", "fieldset", "table", "ul", "ol", "dl", "div", "section",
                           "header", "span"})) {
            return true;
          }
          const int weight = flags.weight_classes ? info.weight : 0;
          if (tag == "span" && !info.has_block) {
            // Inline: only a boilerplate name (a hover card, a share label) removes it.
            if (weight < 0 && !IsQuoteWrapper(info)) {
              doomed.push_back(n);
              return false;
            }
            return true;
          }
          const double score = info.candidate ? info.score : 0;
          if (IsQuoteWrapper(info)) return true;
          if (weight + score < 0) {
            doomed.push_back(n);
            return false;
          }
          if (info.commas >= 10) return true;
          // A data table (ingredients, specifications, a comparison) in the article is text.
          if (tag == "table" && info.text >= 25 && LinkDensity(info) <= 0.35 && info.input == 0) {
            return true;
          }
          const bool is_list =
              InSet(tag, {"ul", "ol", "dl"}) || (info.text > 0 && info.li_text > 0.9 * info.text);
          const double density = LinkDensity(info);
          const int li = info.li - 100;
          bool prune = false;
          if (info.img > 1 && static_cast<double>(info.p) / info.img < 0.5) prune = true;
          if (!is_list && li > info.p) prune = true;
          if (info.input > info.p / 3) prune = true;
          if (!is_list && info.text < 25 && (info.img == 0 || info.img > 2)) prune = true;
          if (!is_list && weight < 25 && density > 0.2) prune = true;
          if (weight >= 25 && density > 0.5) prune = true;
          if (is_list && density > 0.5) prune = true;
          if ((info.embed == 1 && info.text < 75) || info.embed > 1) prune = true;
          if (prune) {
            doomed.push_back(n);
            return false;
          }
          return true;
        },
        [](xmlNode*) {});
  }
  // A kept block that is doomed, or lies inside a doomed node (kept blocks can nest), goes.
  const std::unordered_set<const xmlNode*> doomed_set(doomed.begin(), doomed.end());
  kept.erase(std::remove_if(kept.begin(), kept.end(),
                            [&](const xmlNode* n) {
                              for (const xmlNode* p = n; p != nullptr; p = p->parent) {
                                if (doomed_set.count(p) > 0) return true;
                              }
                              return false;
                            }),
             kept.end());
  RemoveNodesKeepingLeads(doomed);
}

}  // namespace

std::size_t TotalSize(const std::vector<std::string>& paragraphs) {
  std::size_t total = 0;
  for (const std::string& p : paragraphs) total += p.size();
  return total;
}

std::vector<std::string> ExtractMainText(xmlDoc* doc, const MainTextFlags& flags,
                                         const PageEvidence& evidence) {
  std::vector<std::string> paragraphs;
  RehomeMisplacedContent(doc);
  xmlNode* body = FindBody(doc);
  if (body == nullptr) return paragraphs;
  DropChrome(body);
  Stats stats;
  if (flags.strip_unlikely) {
    stats.Compute(body);
    std::array<const xmlNode*, 2> recipe = {nullptr, nullptr};
    if (evidence.IsRecipe()) {
      recipe = {FindIngredientList(body, evidence.ingredients).list,
                FindMethodList(body, evidence.steps).list};
    }
    DropUnlikely(body, stats, recipe);
  } else {
    DropCommentSections(body);
  }
  stats.Compute(body);
  std::vector<xmlNode*> candidates = ScoreCandidates(body, stats, flags);
  xmlNode* top = ChooseTop(body, stats, std::move(candidates));
  std::vector<xmlNode*> kept = GatherSiblings(top, body, stats);
  std::vector<xmlNode*> lead = GatherLead(kept, body, stats);

  if (xmlNode* n = FindSummaryBlock(kept, body, stats, evidence.description); n != nullptr) {
    const bool inside_lead =
        std::any_of(lead.begin(), lead.end(), [&](xmlNode* l) { return Contains(l, n); });
    if (!inside_lead) {
      lead.push_back(n);
      std::stable_sort(lead.begin(), lead.end(), [](xmlNode* a, xmlNode* b) {
        return xmlXPathCmpNodes(a, b) == 1;  // a before b in the document
      });
    }
  }
  kept.insert(kept.begin(), lead.begin(), lead.end());
  if (std::vector<xmlNode*> more = GatherSameKind(kept, body, stats); !more.empty()) {
    kept.insert(kept.end(), more.begin(), more.end());
    std::stable_sort(kept.begin(), kept.end(),
                     [](xmlNode* a, xmlNode* b) { return xmlXPathCmpNodes(a, b) == 1; });
  }
  // A lead's box is not pruned as a whole for its name ("intro-header"): only what it holds.
  std::vector<xmlNode*> spared = lead;
  spared.push_back(top);
  if (evidence.IsRecipe()) {
    for (const RecipeList& part :
         {FindIngredientList(body, evidence.ingredients), FindMethodList(body, evidence.steps)}) {
      KeepRecipePart(part, body, kept, spared);
    }
  }
  Prune(kept, spared, stats, flags);
  return ParagraphsOf(kept, /*drop_link_paragraphs=*/flags.clean_conditionally,
                      /*tidy_end=*/flags.clean_conditionally);
}

}  // namespace parallax::internal
