#include "corpus/html_paragraphs.h"

#include <string>
#include <utility>
#include <vector>

namespace parallax::internal {

bool IsDroppedTag(std::string_view tag) {
  return InSet(tag, {"script", "style",      "noscript", "template", "iframe", "svg",    "canvas",
                     "object", "embed",      "video",    "audio",    "map",    "button", "select",
                     "input",  "textarea",   "option",   "datalist", "nav",    "aside",  "footer",
                     "figure", "figcaption", "picture",  "source",   "track",  "dialog", "menu",
                     "head",   "title",      "meta",     "link",     "base",   "label",  "math",
                     "rt",     "rp"});
}

// Elements that start a new paragraph.
bool IsBlockTag(std::string_view tag) {
  return InSet(
      tag,
      {"p",          "div",   "section", "article", "main",     "header",  "footer",  "aside",
       "nav",        "ul",    "ol",      "li",      "dl",       "dt",      "dd",      "blockquote",
       "pre",        "table", "thead",   "tbody",   "tfoot",    "tr",      "td",      "th",
       "caption",    "h1",    "h2",      "h3",      "h4",       "h5",      "h6",      "figure",
       "figcaption", "hr",    "address", "center",  "fieldset", "details", "summary", "form",
       "hgroup",     "body",  "html",    "legend",  "menu",     "dir"});
}

bool IsHeading(std::string_view tag) {
  return tag.size() == 2 && tag[0] == 'h' && tag[1] >= '1' && tag[1] <= '6';
}
namespace {

// The cells of a table row make one line ("125 g flour", "Weight 2 kg"): a cell alone is
// rarely a sentence, and a link in one cell does not make the row a link line.
bool IsCell(std::string_view tag) { return tag == "td" || tag == "th"; }

// A short line ending in a colon: the title of what follows it.
bool IsLabel(std::string_view paragraph) {
  return !paragraph.empty() && paragraph.back() == ':' && Measure(paragraph).chars <= 60;
}

// A short line (under kCreditLine code points, spaces aside) with a copyright sign is a
// credit (a photo's caption and its agency, "© 2019 Example Media, all rights reserved"), not
// the article's text.
constexpr int kCreditLine = 200;
bool IsCreditLine(std::string_view paragraph, int chars) {
  return chars < kCreditLine && paragraph.find("\u00a9") != std::string_view::npos;
}

// Code points under which a line with a link that ends the article is taken for a call to
// action or a credit, not the article's last paragraph.
constexpr int kTrailingLinkLine = 160;

class ParagraphBuilder {
 public:
  // With drop_link_paragraphs, a paragraph whose text is all link (a teaser card, "Also on
  // …", a related headline between paragraphs) is left out, and so is a credit line.
  ParagraphBuilder(std::vector<std::string>* out, bool drop_link_paragraphs)
      : out_(out), drop_link_paragraphs_(drop_link_paragraphs) {}

  void Add(xmlNode* root) {
    Walk(
        root,
        [&](xmlNode* n) {
          if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
            Text(Content(n));
            return false;
          }
          if (!IsElement(n)) return false;
          const std::string_view tag = Name(n);
          // A kept root is read; so is a <noscript> below one: chrome was dropped before
          // (DropChrome), and a <noscript> left in the tree holds the article (the text a
          // script-rendered page shows when scripts are off).
          if (n != root && IsDroppedTag(tag) && tag != "noscript") return false;
          if (tag == "br") {
            if (breaks_ > 0) {
              Flush();
            } else {
              pending_space_ = !current_.empty();
            }
            ++breaks_;
            return false;
          }
          if (IsCell(tag)) {
            pending_space_ = !current_.empty();
          } else if (IsBlockTag(tag)) {
            Flush();
          }
          if (tag == "pre") ++pre_depth_;
          if (tag == "a") ++link_depth_;
          if (IsHeading(tag)) ++heading_depth_;
          return true;
        },
        [&](xmlNode* n) {
          if (!IsElement(n)) return;
          if (IsCell(Name(n))) {
            pending_space_ = !current_.empty();
          } else if (IsBlockTag(Name(n))) {
            Flush();
          }
          if (Name(n) == "pre") --pre_depth_;
          if (Name(n) == "a") --link_depth_;
          if (IsHeading(Name(n))) --heading_depth_;
        });
    Flush();
  }

  // The end of the article is tidied: short lines with a link that end it (a call to follow,
  // subscribe or read on, a credit, "more at …") go; then headings and labels ("Related:",
  // "Contact:") with no text of their own section after them: those left last, and labels
  // followed at once by another title ("More on this topic" over a list that was pruned).
  void TidyEnd() {
    while (out_->size() > 1 && has_link_.back() &&
           Measure(out_->back()).chars < kTrailingLinkLine) {
      out_->pop_back();
      is_heading_.pop_back();
      has_link_.pop_back();
    }
    std::vector<std::string> kept;
    std::vector<bool> kept_title;
    for (std::size_t i = 0; i < out_->size(); ++i) {
      const bool label = IsLabel((*out_)[i]);
      const bool next_title =
          i + 1 < out_->size() && (is_heading_[i + 1] || IsLabel((*out_)[i + 1]));
      if (label && next_title) continue;
      kept.push_back(std::move((*out_)[i]));
      kept_title.push_back(is_heading_[i] || label);
    }
    while (!kept.empty() && kept_title.back()) {
      kept.pop_back();
      kept_title.pop_back();
    }
    out_->swap(kept);
    is_heading_.clear();
    has_link_.clear();
  }

 private:
  void Text(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
      if (const std::size_t n = SpaceLength(s, i); n > 0) {
        if (pre_depth_ > 0 && s[i] == '\n' && !current_.empty()) {
          current_ += '\n';
          pending_space_ = false;
        } else {
          pending_space_ = !current_.empty();
        }
        i += n;
        continue;
      }
      if (pending_space_ && !current_.empty() && current_.back() != '\n') current_ += ' ';
      pending_space_ = false;
      breaks_ = 0;
      if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
        ++chars_;
        if (link_depth_ > 0) ++link_chars_;
      }
      current_ += s[i++];
    }
  }

  void Flush() {
    while (!current_.empty() && (current_.back() == '\n' || current_.back() == ' ')) {
      current_.pop_back();
    }
    const bool all_link = drop_link_paragraphs_ && chars_ > 0 && link_chars_ >= 0.9 * chars_;
    const bool credit = drop_link_paragraphs_ && IsCreditLine(current_, chars_);
    if (!current_.empty() && !all_link && !credit) {
      out_->push_back(std::move(current_));
      is_heading_.push_back(heading_depth_ > 0);
      has_link_.push_back(link_chars_ > 0);
    }
    current_.clear();
    chars_ = link_chars_ = 0;
    pending_space_ = false;
    breaks_ = 0;
  }

  std::vector<std::string>* out_;
  bool drop_link_paragraphs_;
  std::string current_;
  int chars_ = 0;       // characters in current_ (code points, spaces excluded)
  int link_chars_ = 0;  // of which inside <a>
  int link_depth_ = 0;
  int heading_depth_ = 0;
  std::vector<bool> is_heading_;  // per paragraph written to out_ by this builder
  std::vector<bool> has_link_;    // the same, for paragraphs with a link in them
  bool pending_space_ = false;
  int breaks_ = 0;
  int pre_depth_ = 0;
};

}  // namespace

std::vector<std::string> ParagraphsOf(const std::vector<xmlNode*>& roots, bool drop_link_paragraphs,
                                      bool tidy_end) {
  std::vector<std::string> paragraphs;
  ParagraphBuilder builder(&paragraphs, drop_link_paragraphs);
  for (xmlNode* root : roots) builder.Add(root);
  if (tidy_end) builder.TidyEnd();
  return paragraphs;
}

}  // namespace parallax::internal
