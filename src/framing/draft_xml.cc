#include "framing/draft_xml.h"

#include <libxml/tree.h>

#include <map>
#include <memory>
#include <set>
#include <vector>

#include "annotate/lexicon.h"
#include "text/utf8.h"

namespace parallax {
namespace {

using Kind = DraftCandidate::Kind;

const xmlChar* X(const std::string& s) { return reinterpret_cast<const xmlChar*>(s.c_str()); }

// Text XML 1.0 can hold: C0 controls other than tab and line breaks, and U+FFFE/U+FFFF, become
// U+FFFD.
std::string XmlChars(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    const DecodedChar c = DecodeUtf8Char(s, i);
    const std::size_t len = c.length == 0 ? 1 : c.length;
    const char32_t cp = c.valid ? c.code_point : kReplacementChar;
    if ((cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || cp == 0xFFFE || cp == 0xFFFF) {
      AppendUtf8(kReplacementChar, &out);
    } else {
      out.append(s.substr(i, len));
    }
    i += len;
  }
  return out;
}

// Comment text: no "--" inside and no "-" at the end, which XML forbids in comments.
std::string CommentText(std::string_view s) {
  std::string out;
  for (char c : XmlChars(s)) {
    if (c == '-' && !out.empty() && out.back() == '-') out.push_back(' ');
    out.push_back(c);
  }
  return " " + out + " ";
}

void Comment(xmlNodePtr parent, const std::string& text) {
  xmlAddChild(parent, xmlNewComment(X(CommentText(text))));
}

void Prop(xmlNodePtr node, const char* name, const std::string& value) {
  xmlNewProp(node, reinterpret_cast<const xmlChar*>(name), X(XmlChars(value)));
}

xmlNodePtr Element(xmlNodePtr parent, const char* name) {
  return xmlNewChild(parent, nullptr, reinterpret_cast<const xmlChar*>(name), nullptr);
}

void Note(xmlNodePtr parent, const std::string& text) {
  xmlNewTextChild(parent, nullptr, reinterpret_cast<const xmlChar*>("note"), X(XmlChars(text)));
}

std::string Source(const DraftForm& f, const std::string& corpus) {
  std::string out = corpus.empty() ? "corpus:" : corpus + ":";
  for (std::size_t i = 0; i < f.articles.size() && i < 5; ++i) out += " " + f.articles[i];
  if (f.articles.size() > 5) out += " …";
  return out;
}

class Writer {
 public:
  Writer(const LexiconDraft& draft, const DraftXmlOptions& options)
      : draft_(draft), options_(options), doc_(xmlNewDoc(X(std::string("1.0")))) {}

  std::string Write() {
    std::string header =
        "Draft lexicon by `parallax lexicon draft` from " + std::to_string(draft_.articles) +
        " article(s) of " + std::to_string(draft_.outlets.size()) + " outlet(s)" +
        (options_.corpus.empty() ? "" : " (" + options_.corpus + ")") +
        ".\n\n"
        "  Every entry has status=\"candidate\": it was found in the corpus, not reviewed. For\n"
        "  each one, read the evidence in the comments above it, then keep the real naming\n"
        "  choices and loaded terms, fill in perspective=\"...\" (declare <perspectives> first),\n"
        "  write a note a facilitator can read aloud (who uses the form, since when, why it\n"
        "  matters) and a source, and remove status=\"candidate\". Delete the rest.\n"
        "  Ranked: name pairs the texts give, variant groups, distanced uses, distinctive\n"
        "  phrases. Check the file with: parallax lexicon check FILE";
    if (!draft_.covered.empty()) header += "\n\n  " + DraftCoveredLine(draft_);
    xmlAddChild(reinterpret_cast<xmlNodePtr>(doc_.get()),
                xmlNewDocComment(doc_.get(), X(CommentText(header))));
    xmlNodePtr root = xmlNewDocNode(doc_.get(), nullptr, X(std::string("lexicon")), nullptr);
    xmlDocSetRootElement(doc_.get(), root);
    Prop(root, "id", options_.id);
    Prop(root, "lang", draft_.language);
    xmlNewTextChild(
        root, nullptr, X(std::string("title")),
        X(XmlChars("Draft lexicon" + (options_.corpus.empty() ? "" : ": " + options_.corpus))));
    xmlNodePtr concepts = nullptr;
    xmlNodePtr terms = nullptr;
    for (std::size_t i = 0; i < draft_.candidates.size(); ++i) {
      const DraftCandidate& c = draft_.candidates[i];
      const bool naming = c.kind == Kind::kNamePair || c.kind == Kind::kVariantGroup;
      if (naming && concepts == nullptr) concepts = Element(root, "concepts");
      if (!naming && terms == nullptr) terms = Element(root, "loaded-terms");
      if (naming) {
        Concept(concepts, c, i + 1);
      } else {
        Term(terms, c, i + 1);
      }
    }
    xmlChar* buffer = nullptr;
    int size = 0;
    xmlDocDumpFormatMemoryEnc(doc_.get(), &buffer, &size, "UTF-8", 1);
    std::string out(reinterpret_cast<const char*>(buffer), static_cast<std::size_t>(size));
    xmlFree(buffer);
    return out;
  }

 private:
  struct DocDeleter {
    void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
  };

  void Evidence(xmlNodePtr parent, const DraftCandidate& c, std::size_t rank) {
    std::string first = "#" + std::to_string(rank) + " " + DraftKindName(c.kind) + ": ";
    for (std::size_t i = 0; i < c.findings.size(); ++i) {
      Comment(parent, (i == 0 ? first : "   ") + c.findings[i]);
    }
    std::string counts = "counts:";
    for (std::size_t i = 0; i < c.forms.size(); ++i) {
      counts += std::string(i > 0 ? " |" : "") + " " + c.forms[i].form + ": " +
                CountsPerOutlet(c.forms[i].per_outlet);
    }
    Comment(parent, counts + " (of " + std::to_string(draft_.outlets.size()) + " outlets)");
    for (const std::string& line : c.kwic) Comment(parent, line);
  }

  void Concept(xmlNodePtr concepts, const DraftCandidate& c, std::size_t rank) {
    std::vector<const DraftForm*> forms;
    for (const DraftForm& f : c.forms) {
      if (written_naming_.insert(NormalizeLexiconForm(f.form)).second) forms.push_back(&f);
    }
    if (forms.empty()) return;
    Evidence(concepts, c, rank);
    std::string label;
    for (const DraftForm* f : forms) label += (label.empty() ? "" : " / ") + f->form;
    xmlNodePtr node = Element(concepts, "concept");
    Prop(node, "id", "candidate-" + std::to_string(rank));
    Prop(node, "label", label);
    Prop(node, "status", "candidate");
    Note(node, "Candidate " + std::string(DraftKindName(c.kind)) +
                   " found in the corpus. Say what " +
                   "the names refer to and why the choice between them matters.");
    for (const DraftForm* f : forms) {
      xmlNodePtr v = Element(node, "variant");
      Prop(v, "form", f->form);
      if (!f->language.empty() && f->language != draft_.language) Prop(v, "lang", f->language);
      if (f->stem) Prop(v, "stem", "true");
      Prop(v, "source", Source(*f, options_.corpus));
      Prop(v, "status", "candidate");
      Note(v, "Candidate: used " + CountsPerOutlet(f->per_outlet) +
                  ". Say who uses this form, since when and why it matters; set its perspective.");
    }
  }

  void Term(xmlNodePtr terms, const DraftCandidate& c, std::size_t rank) {
    if (c.forms.empty()) return;
    const DraftForm& f = c.forms.front();
    if (!written_terms_.insert(NormalizeLexiconForm(f.form)).second) return;
    Evidence(terms, c, rank);
    xmlNodePtr t = Element(terms, "term");
    Prop(t, "form", f.form);
    Prop(t, "category", c.kind == Kind::kDistanced ? "distanced" : "distinctive");
    if (!f.language.empty() && f.language != draft_.language) Prop(t, "lang", f.language);
    if (f.stem) Prop(t, "stem", "true");
    Prop(t, "source", Source(f, options_.corpus));
    Prop(t, "status", "candidate");
    Note(t, "Candidate " + std::string(DraftKindName(c.kind)) + " phrase, used " +
                CountsPerOutlet(f.per_outlet) +
                ". Say who uses it and why it matters; set the perspective that owns it, if one "
                "does, and a category (accusation, status-qualifier, sovereignty, ...).");
  }

  const LexiconDraft& draft_;
  const DraftXmlOptions& options_;
  std::unique_ptr<xmlDoc, DocDeleter> doc_;
  std::set<std::string> written_naming_;
  std::set<std::string> written_terms_;
};

}  // namespace

std::string DraftToXml(const LexiconDraft& draft, const DraftXmlOptions& options) {
  return Writer(draft, options).Write();
}

std::string DraftCoveredLine(const LexiconDraft& draft, std::size_t examples) {
  const std::size_t n = draft.covered.size();
  if (n == 0) return "no candidate was left out as already covered by the lexicons read";
  std::string out = std::to_string(n) + (n == 1 ? " candidate was" : " candidates were") +
                    " left out as already covered: the lexicons read match " +
                    (n == 1 ? "it" : "them");
  if (examples == 0) return out;
  out += " (";
  for (std::size_t i = 0; i < n && i < examples; ++i) {
    out += (i > 0 ? ", " : "") + draft.covered[i];
  }
  return out + (n > examples ? ", …)" : ")");
}

std::string DraftLexiconId(std::string_view name) {
  std::string id;
  for (char c : name) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '-' || c == '_' || c == '.';
    if (!ok && !id.empty() && id.back() == '-') continue;
    id.push_back(ok ? c : '-');
  }
  while (!id.empty() && id.back() == '-') id.pop_back();
  while (!id.empty() && (id.front() == '-' || id.front() == '.')) id.erase(0, 1);
  if (id.empty()) return "draft";
  return id.front() >= '0' && id.front() <= '9' ? "draft-" + id : id + "-draft";
}

}  // namespace parallax
