#include "corpus/html_chrome.h"

#include <unordered_set>
#include <utility>
#include <vector>

#include "corpus/html_class_names.h"
#include "corpus/html_paragraphs.h"

namespace parallax::internal {

// Drops from `nodes` every node listed twice or lying inside another listed node: removing the
// outer one removes it too (nested kept blocks can doom a node and one inside it).
void KeepOutermost(std::vector<xmlNode*>& nodes) {
  const std::unordered_set<const xmlNode*> listed(nodes.begin(), nodes.end());
  std::unordered_set<const xmlNode*> seen;
  std::vector<xmlNode*> outermost;
  for (xmlNode* n : nodes) {
    if (!seen.insert(n).second) continue;
    bool inside = false;
    for (const xmlNode* p = n->parent; p != nullptr && !inside; p = p->parent) {
      inside = listed.count(p) > 0;
    }
    if (!inside) outermost.push_back(n);
  }
  nodes = std::move(outermost);
}

void RemoveNodes(std::vector<xmlNode*>& nodes) {
  KeepOutermost(nodes);
  for (xmlNode* n : nodes) {
    xmlUnlinkNode(n);
    xmlFreeNode(n);
  }
  nodes.clear();
}

std::size_t VisibleTextSize(xmlNode* root) {
  std::size_t size = 0;
  Walk(
      root,
      [&](xmlNode* n) {
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
          size += static_cast<std::size_t>(Measure(Content(n)).chars);
          return false;
        }
        if (!IsElement(n)) return false;
        return n == root ||
               !InSet(Name(n), {"script", "style", "template", "title", "svg", "math"});
      },
      [](xmlNode*) {});
  return size;
}

std::size_t ParagraphTextSize(xmlNode* root) {
  std::size_t size = 0;
  Walk(
      root,
      [&](xmlNode* n) {
        if (!IsElement(n)) return false;
        if (Name(n) == "p") {
          size += VisibleTextSize(n);
          return false;
        }
        return true;
      },
      [](xmlNode*) {});
  return size;
}

SwallowTest::SwallowTest(xmlNode* root) : root_(root) {}

bool SwallowTest::SwallowedPage(xmlNode* n) const {
  if (Name(n) != "noscript") {
    // Popups and overlays hold paragraphs of their own; a swallowed page brings its article.
    bool article = false;
    Walk(
        n,
        [&](xmlNode* d) {
          if (article || !IsElement(d)) return false;
          article = d != n && (InSet(Name(d), {"article", "main"}) || Attr(d, "role") == "main");
          return true;
        },
        [](xmlNode*) {});
    if (!article) return false;
  }
  const std::size_t inside = ParagraphTextSize(n);
  if (inside < kMisplacedText) return false;
  if (paragraph_text_ == kUnknown) paragraph_text_ = ParagraphTextSize(root_);  // rarely needed
  return 2 * inside > paragraph_text_;
}

void DropChrome(xmlNode* root) {
  const SwallowTest swallow(root);
  std::vector<xmlNode*> doomed;
  Walk(
      root,
      [&](xmlNode* n) {
        if (n->type == XML_COMMENT_NODE || n->type == XML_PI_NODE || n->type == XML_DTD_NODE) {
          doomed.push_back(n);
          return false;
        }
        if (!IsElement(n)) return false;
        if (n != root && (IsDroppedTag(Name(n)) || IsHidden(n) || IsChromeRole(n)) &&
            !swallow.SwallowedPage(n)) {
          doomed.push_back(n);
          return false;
        }
        return true;
      },
      [](xmlNode*) {});
  RemoveNodes(doomed);
}

void RehomeMisplacedContent(xmlDoc* doc) {
  xmlNode* root = xmlDocGetRootElement(doc);
  if (root == nullptr) return;
  xmlNode* head = nullptr;
  xmlNode* body = nullptr;
  for (xmlNode* c = root->children; c != nullptr; c = c->next) {
    if (Is(c, "head") && head == nullptr) head = c;
    if (Is(c, "body") && body == nullptr) body = c;
  }
  if (head == nullptr || VisibleTextSize(head) < kMisplacedText) return;
  if (body == nullptr) {
    xmlNodeSetName(head, reinterpret_cast<const xmlChar*>("body"));
    return;
  }
  xmlNode* first = body->children;
  for (xmlNode* c = head->children; c != nullptr;) {
    xmlNode* next = c->next;
    xmlUnlinkNode(c);
    if (first != nullptr) {
      xmlAddPrevSibling(first, c);
    } else {
      xmlAddChild(body, c);
    }
    c = next;
  }
}

xmlNode* FindBody(xmlDoc* doc) {
  xmlNode* root = xmlDocGetRootElement(doc);
  if (root == nullptr) return nullptr;
  for (xmlNode* c = root->children; c != nullptr; c = c->next) {
    if (Is(c, "body")) return c;
  }
  return root;
}

}  // namespace parallax::internal
