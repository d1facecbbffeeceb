#include "annotate/lexicon.h"
#include "core/sha256.h"

#include <libstemmer.h>
#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <unistd.h>
#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <utility>

#include "annotate/lexicon_schema.h"
#include "core/file_io.h"
#include "corpus/xml_util.h"
#include "text/edit_distance.h"
#include "text/stemmer.h"

namespace parallax {
namespace {

// ---------------------------------------------------------------------------------------------
// The schema, byte for byte the text of lexicons/schema/lexicon.rng (a test compares them).
constexpr std::string_view kEmbeddedSchema = R"rng(<?xml version="1.0" encoding="UTF-8"?>
<!--
  Parallax lexicon schema (RELAX NG, XML syntax), version 1.

  A lexicon file describes how a conflict is talked about: the perspectives (sides) whose usage
  it records, concepts with their competing names, loaded terms, actors for speaker attribution
  and cues (distancing, hedging, reporting verbs). Files are merged: a conflict pack may use the
  perspectives of another file given on the same command line.

  The schema checks structure only. Values (perspective references, colours, wildcards, empty
  notes, duplicate forms, missing sources) are checked by `parallax lexicon check`, which gives
  file:line and a hint for each problem. Keep this file identical to the copy embedded in
  src/annotate/lexicon.cc (a test compares them).

  Forms: a word or phrase as it appears in text. A `*` at the very end of the last word makes that
  word a prefix ("occupied territor*"). `stem="true"` matches on Snowball stems of the entry's
  language (for inflected languages such as Russian). In cues only, one `{X}` token stands for a
  gap of 1 to `max-gap` words ("what {X} insists are").

  status="candidate" on a concept, variant or term marks an entry drafted by `parallax lexicon
  draft` from a corpus and not yet reviewed: the facilitator checks it against the evidence in
  the comments beside it, writes the note, fills in the perspective, and removes the attribute
  (or the entry).
-->
<grammar xmlns="http://relaxng.org/ns/structure/1.0"
         datatypeLibrary="http://www.w3.org/2001/XMLSchema-datatypes">
  <start>
    <element name="lexicon">
      <attribute name="id"><data type="NCName"/></attribute>
      <optional><attribute name="version"><data type="positiveInteger"/></attribute></optional>
      <!-- Default language of every entry in the file (BCP 47, e.g. "en", "ru"). -->
      <optional><attribute name="lang"><ref name="language"/></attribute></optional>
      <!-- Languages whose entries are stemmed unless they say stem="false". -->
      <optional><attribute name="stem-languages"><list><zeroOrMore><ref name="language"/></zeroOrMore></list></attribute></optional>
      <optional><element name="title"><text/></element></optional>
      <optional><element name="description"><text/></element></optional>
      <zeroOrMore>
        <choice>
          <ref name="perspectives"/>
          <ref name="concepts"/>
          <ref name="loaded-terms"/>
          <ref name="actors"/>
          <ref name="cues"/>
          <ref name="event-types"/>
          <ref name="places"/>
        </choice>
      </zeroOrMore>
    </element>
  </start>

  <define name="language">
    <data type="token"><param name="pattern">[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*</param></data>
  </define>

  <define name="boolean">
    <choice><value>true</value><value>false</value></choice>
  </define>

  <!-- Attributes shared by everything that is matched in text. -->
  <define name="match-attributes">
    <optional><attribute name="lang"><ref name="language"/></attribute></optional>
    <optional><attribute name="stem"><ref name="boolean"/></attribute></optional>
  </define>

  <!-- The English note, then the note and the label in other languages for reports in them
       (<note xml:lang="ru">…</note>, <label xml:lang="ru">…</label>). -->
  <define name="note">
    <element name="note"><text/></element>
    <zeroOrMore>
      <choice>
        <element name="note">
          <attribute><name ns="http://www.w3.org/XML/1998/namespace">lang</name><ref name="language"/></attribute>
          <text/>
        </element>
        <element name="label">
          <attribute><name ns="http://www.w3.org/XML/1998/namespace">lang</name><ref name="language"/></attribute>
          <text/>
        </element>
      </choice>
    </zeroOrMore>
  </define>

  <!-- Where the usage is documented: glossary ids, addresses, seed files. -->
  <define name="source-attribute">
    <optional><attribute name="source"><text/></attribute></optional>
  </define>

  <!-- status="candidate": drafted from a corpus, not yet reviewed (see the top of this file). -->
  <define name="status-attribute">
    <optional><attribute name="status"><value>candidate</value></attribute></optional>
  </define>

  <define name="perspectives">
    <element name="perspectives">
      <zeroOrMore>
        <element name="perspective">
          <attribute name="id"><data type="NCName"/></attribute>
          <attribute name="label"><text/></attribute>
          <!-- #RRGGBB; pick colours that colour-blind readers can tell apart. -->
          <attribute name="colour"><text/></attribute>
          <optional><ref name="note"/></optional>
        </element>
      </zeroOrMore>
    </element>
  </define>

  <define name="concepts">
    <element name="concepts">
      <zeroOrMore>
        <element name="concept">
          <attribute name="id"><data type="NCName"/></attribute>
          <attribute name="label"><text/></attribute>
          <!-- place, polity, route, event, group, population, conflict, date, ... -->
          <optional><attribute name="category"><data type="NCName"/></attribute></optional>
          <ref name="status-attribute"/>
          <optional><ref name="note"/></optional>
          <zeroOrMore>
            <element name="variant">
              <attribute name="form"><text/></attribute>
              <!-- The perspective whose usage the form reflects; absent when shared. -->
              <optional><attribute name="perspective"><data type="NCName"/></attribute></optional>
              <!-- title="official": the form is (part of) an official title, such as a law's. In
                   title quotation marks (закон «О прозрачности иностранного влияния») the text
                   cites the title: the use is held at a distance, not the text's own naming. -->
              <optional><attribute name="title"><value>official</value></attribute></optional>
              <ref name="match-attributes"/>
              <ref name="source-attribute"/>
              <ref name="status-attribute"/>
              <optional><ref name="note"/></optional>
            </element>
          </zeroOrMore>
        </element>
      </zeroOrMore>
    </element>
  </define>

  <define name="loaded-terms">
    <element name="loaded-terms">
      <zeroOrMore>
        <element name="term">
          <attribute name="form"><text/></attribute>
          <!-- accusation, atrocity, status-qualifier, sovereignty, hostility, metaphor, ... -->
          <attribute name="category"><data type="NCName"/></attribute>
          <!-- The perspective that owns the term, where one does. -->
          <optional><attribute name="perspective"><data type="NCName"/></attribute></optional>
          <ref name="match-attributes"/>
          <ref name="source-attribute"/>
          <ref name="status-attribute"/>
          <optional><ref name="note"/></optional>
        </element>
      </zeroOrMore>
    </element>
  </define>

  <define name="actors">
    <element name="actors">
      <zeroOrMore>
        <element name="actor">
          <attribute name="id"><data type="NCName"/></attribute>
          <attribute name="name"><text/></attribute>
          <optional><attribute name="perspective"><data type="NCName"/></attribute></optional>
          <!-- government, official, military, authority, expert, journalist, organisation -->
          <optional><attribute name="kind"><data type="NCName"/></attribute></optional>
          <!-- Where the actor works: a city or country. -->
          <optional><attribute name="base"><text/></attribute></optional>
          <optional><attribute name="role"><text/></attribute></optional>
          <ref name="source-attribute"/>
          <optional><ref name="note"/></optional>
          <oneOrMore>
            <element name="pattern">
              <ref name="match-attributes"/>
              <!-- speaker="only": a metonym ("Azerbaijan said", "Baku claimed") that names the
                   actor when it speaks, but is not counted as a mention of the actor. -->
              <optional><attribute name="speaker"><value>only</value></attribute></optional>
              <text/>
            </element>
          </oneOrMore>
        </element>
      </zeroOrMore>
    </element>
  </define>

  <define name="cues">
    <element name="cues">
      <zeroOrMore>
        <element name="cue">
          <attribute name="form"><text/></attribute>
          <choice>
            <attribute name="type"><choice><value>distancing</value><value>hedging</value></choice></attribute>
            <group>
              <attribute name="type"><value>reporting</value></attribute>
              <!-- neutral "said"; distancing "claimed"; endorsing "confirmed"; emphatic "stressed" -->
              <attribute name="stance">
                <choice>
                  <value>neutral</value>
                  <value>distancing</value>
                  <value>endorsing</value>
                  <value>emphatic</value>
                </choice>
              </attribute>
              <!-- verb (default): "X said …", "…, said X"; source-follows: "according to X" -->
              <optional>
                <attribute name="syntax">
                  <choice><value>verb</value><value>source-follows</value></choice>
                </attribute>
              </optional>
            </group>
          </choice>
          <optional><attribute name="max-gap"><data type="positiveInteger"/></attribute></optional>
          <ref name="match-attributes"/>
          <ref name="source-attribute"/>
          <optional><ref name="note"/></optional>
        </element>
      </zeroOrMore>
    </element>
  </define>
  <!-- Event types: the acts news reports, in every language, so that alignment can tell that
       "anti-terror measures", "military operation" and "вторжение" report one kind of act,
       and that a ceasefire is not a capture. Forms match like naming variants. -->
  <define name="event-types">
    <element name="event-types">
      <zeroOrMore>
        <element name="event-type"><ref name="alignment-key"/></element>
      </zeroOrMore>
    </element>
  </define>
  <!-- Places: countries, capitals and towns under their names in every language, so that
       alignment can tell that "Грузия", "Georgia", "Gürcüstan" and "საქართველო" are one place.
       Forms match like naming variants. -->
  <define name="places">
    <element name="places">
      <zeroOrMore>
        <element name="place"><ref name="alignment-key"/></element>
      </zeroOrMore>
    </element>
  </define>
  <!-- What an event type and a place hold: an id, a label, a note and forms in any language. -->
  <define name="alignment-key">
    <attribute name="id"><data type="NCName"/></attribute>
    <attribute name="label"><text/></attribute>
    <ref name="source-attribute"/>
    <optional><ref name="note"/></optional>
    <oneOrMore>
      <element name="form">
        <ref name="match-attributes"/>
        <text/>
      </element>
    </oneOrMore>
  </define>
</grammar>
)rng";

// ---------------------------------------------------------------------------------------------

// ---------------------------------------------------------------------------------------------
// Small text helpers.

// Collapses runs of white space to one space and trims: notes and labels span lines in files.
std::string CollapseSpace(std::string_view text) {
  std::string out;
  bool pending_space = false;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    out += c;
  }
  return out;
}

std::vector<std::string> SplitWords(std::string_view text) {
  std::vector<std::string> words;
  std::string current;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      if (!current.empty()) words.push_back(std::move(current));
      current.clear();
    } else {
      current += c;
    }
  }
  if (!current.empty()) words.push_back(std::move(current));
  return words;
}

std::size_t CountCodepoints(std::string_view text) {
  std::size_t n = 0;
  for (unsigned char c : text) n += (c & 0xC0) != 0x80;
  return n;
}

bool IsHexColour(std::string_view colour) {
  if (colour.size() != 7 || colour[0] != '#') return false;
  return std::all_of(colour.begin() + 1, colour.end(), [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  });
}

int LineOf(std::string_view text, std::size_t offset) {
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + offset, '\n'));
}

// ---------------------------------------------------------------------------------------------
// libxml2 access.

std::string Attr(xmlNodePtr node, const char* name, bool* present = nullptr) {
  xmlChar* value = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
  if (present != nullptr) *present = value != nullptr;
  if (value == nullptr) return "";
  std::string out(reinterpret_cast<const char*>(value));
  xmlFree(value);
  return out;
}

std::string Content(xmlNodePtr node) {
  xmlChar* value = xmlNodeGetContent(node);
  if (value == nullptr) return "";
  std::string out(reinterpret_cast<const char*>(value));
  xmlFree(value);
  return out;
}

bool IsElement(xmlNodePtr node, const char* name) {
  return node != nullptr && node->type == XML_ELEMENT_NODE &&
         xmlStrcmp(node->name, reinterpret_cast<const xmlChar*>(name)) == 0;
}

std::vector<xmlNodePtr> Children(xmlNodePtr node, const char* name) {
  std::vector<xmlNodePtr> out;
  for (xmlNodePtr child = node->children; child != nullptr; child = child->next) {
    if (IsElement(child, name)) out.push_back(child);
  }
  return out;
}

int NodeLine(xmlNodePtr node) { return static_cast<int>(xmlGetLineNo(node)); }

struct DocDeleter {
  void operator()(xmlDocPtr doc) const { xmlFreeDoc(doc); }
};
using DocPtr = std::unique_ptr<xmlDoc, DocDeleter>;

void InitLibxml() {
  static std::once_flag once;
  std::call_once(once, [] { xmlInitParser(); });
}

// What each element takes, for hints on schema errors.
struct ElementShape {
  const char* name;
  const char* description;
};
constexpr ElementShape kShapes[] = {
    {"lexicon",
     "<lexicon> takes id (required), version, lang, stem-languages; children: title, "
     "description, perspectives, concepts, loaded-terms, actors, cues"},
    {"perspectives", "<perspectives> holds <perspective> elements"},
    {"perspective", "<perspective> takes id, label, colour (all required); child: note"},
    {"concepts", "<concepts> holds <concept> elements"},
    {"concept", "<concept> takes id, label (required), category; children: note, then variants"},
    {"variant", "<variant> takes form (required), perspective, lang, stem, source; child: note"},
    {"loaded-terms", "<loaded-terms> holds <term> elements"},
    {"term",
     "<term> takes form, category (required), perspective, lang, stem, source; child: note"},
    {"actors", "<actors> holds <actor> elements"},
    {"actor",
     "<actor> takes id, name (required), perspective, kind, base, role, source; children: "
     "note, then one or more <pattern>"},
    {"pattern", "<pattern> holds a name as text and takes lang, stem, speaker (\"only\")"},
    {"cues", "<cues> holds <cue> elements"},
    {"event-types", "<event-types> holds <event-type> elements"},
    {"event-type",
     "<event-type> takes id, label (required), source; children: note, then one or more <form>"},
    {"places", "<places> holds <place> elements"},
    {"place",
     "<place> takes id, label (required), source; children: note, then one or more <form>"},
    {"form", "<form> holds a word or phrase as text and takes lang, stem"},
    {"cue",
     "<cue> takes form and type (required: distancing, hedging or reporting; reporting also "
     "needs stance: neutral, distancing, endorsing or emphatic, and may take syntax: verb or "
     "source-follows), max-gap, lang, stem, source; "
     "child: note"},
    {"note",
     "<note> holds text only: the English note first, then translations with xml:lang "
     "(<note xml:lang=\"ru\">)"},
    {"label", "<label xml:lang=\"ru\"> holds a translated label as text, after the English note"},
};

const ElementShape* ShapeOf(std::string_view name) {
  for (const ElementShape& shape : kShapes) {
    if (name == shape.name) return &shape;
  }
  return nullptr;
}

// What the element in error takes; for an unknown element, the nearest known name and what
// its parent takes.
std::string SchemaHint(xmlNodePtr node) {
  if (node == nullptr || node->type != XML_ELEMENT_NODE) return "see lexicons/schema/lexicon.rng";
  const std::string_view name = reinterpret_cast<const char*>(node->name);
  if (const ElementShape* shape = ShapeOf(name)) return shape->description;
  std::string hint;
  for (const ElementShape& shape : kShapes) {
    if (EditDistance(name, shape.name) <= 2) {
      hint = "did you mean <" + std::string(shape.name) + ">? ";
      break;
    }
  }
  xmlNodePtr parent = node->parent;
  const ElementShape* parent_shape = parent != nullptr && parent->type == XML_ELEMENT_NODE
                                         ? ShapeOf(reinterpret_cast<const char*>(parent->name))
                                         : nullptr;
  return hint + (parent_shape != nullptr ? parent_shape->description
                                         : std::string("see lexicons/schema/lexicon.rng"));
}

// Collects libxml2's structured errors as diagnostics for one file.
struct ErrorSink {
  std::string path;
  Diagnostics* out = nullptr;
  bool schema_errors = false;  // add element-shape hints
};

void CollectError(void* data, xmlErrorPtr error) {
  auto* sink = static_cast<ErrorSink*>(data);
  if (sink == nullptr || error == nullptr || error->level == XML_ERR_NONE) return;
  std::string message = CollapseSpace(error->message != nullptr ? error->message : "");
  auto* node = static_cast<xmlNodePtr>(error->node);
  int line = error->line;
  if (line <= 0 && node != nullptr && node->type == XML_ELEMENT_NODE) line = NodeLine(node);
  const int column = sink->schema_errors ? 0 : std::max(0, error->int2);
  std::string hint = sink->schema_errors
                         ? SchemaHint(node)
                         : "XML syntax: close every element in order, quote attribute values, "
                           "write & as &amp; and < as &lt;";
  Diagnostic d = error->level == XML_ERR_WARNING
                     ? MakeWarning(sink->path, line, column, std::move(message), std::move(hint))
                     : MakeError(sink->path, line, column, std::move(message), std::move(hint));
  sink->out->push_back(std::move(d));
}

// Structured error callback of a parser context: libxml2 passes the context as user data.
void CollectParserError(void* data, xmlErrorPtr error) {
  auto* ctxt = static_cast<xmlParserCtxtPtr>(data);
  CollectError(ctxt != nullptr ? ctxt->_private : nullptr, error);
}

constexpr int kParseOptions = XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_NOCDATA;

// Reads libxml2's "Element E failed to validate attributes" (attribute "") and "Invalid
// attribute A for element E".
bool ParseAttributeError(std::string_view message, std::string* element, std::string* attribute) {
  constexpr std::string_view kElement = "Element ";
  constexpr std::string_view kFailed = " failed to validate attributes";
  constexpr std::string_view kInvalid = "Invalid attribute ";
  constexpr std::string_view kFor = " for element ";
  if (message.starts_with(kElement) && message.ends_with(kFailed)) {
    *element = message.substr(kElement.size(), message.size() - kElement.size() - kFailed.size());
    attribute->clear();
    return true;
  }
  const std::size_t for_at = message.find(kFor);
  if (message.starts_with(kInvalid) && for_at != std::string_view::npos) {
    *attribute = message.substr(kInvalid.size(), for_at - kInvalid.size());
    *element = message.substr(for_at + kFor.size());
    return true;
  }
  return false;
}

// The elements named `name` under `node`, only those on `line` when it is > 0.
void ElementsNamed(xmlNodePtr node, std::string_view name, int line, std::vector<xmlNodePtr>* out) {
  for (xmlNodePtr n = node; n != nullptr; n = n->next) {
    if (n->type != XML_ELEMENT_NODE) continue;
    if (reinterpret_cast<const char*>(n->name) == name && (line <= 0 || NodeLine(n) == line)) {
      out->push_back(n);
    }
    ElementsNamed(n->children, name, line, out);
  }
}

DocPtr ParseXml(const std::string& path, const std::string& text, Diagnostics* out) {
  ErrorSink sink{path, out, false};
  xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
  if (ctxt == nullptr) {
    out->push_back(MakeError(path, 0, 0, "cannot create an XML parser (out of memory?)"));
    return nullptr;
  }
  ctxt->_private = &sink;
  ctxt->sax->serror = CollectParserError;
  ctxt->sax->warning = nullptr;
  ctxt->sax->error = nullptr;
  ctxt->vctxt.error = nullptr;
  ctxt->vctxt.warning = nullptr;
  DocPtr doc(xmlCtxtReadMemory(ctxt, text.data(), static_cast<int>(text.size()), path.c_str(),
                               nullptr, kParseOptions));
  const bool well_formed = ctxt->wellFormed != 0;
  xmlFreeParserCtxt(ctxt);
  if (doc == nullptr || !well_formed) {
    // Errors after the first fatal one are mostly its echoes ("tag mismatch" up the tree).
    const auto first_error = std::find_if(out->begin(), out->end(), [](const Diagnostic& d) {
      return d.severity == Severity::kError;
    });
    if (first_error != out->end()) out->erase(first_error + 1, out->end());
    if (!HasErrors(*out)) {
      out->push_back(MakeError(path, 0, 0, "not well-formed XML", "check the file's markup"));
    }
    return nullptr;
  }
  return doc;
}

// ---------------------------------------------------------------------------------------------
// Schema validation.

class SchemaValidator {
 public:
  SchemaValidator(const LexiconOptions& options, Diagnostics* out) {
    std::string text;
    std::string name = "lexicon.rng (embedded)";
    if (options.schema_path.empty()) {
      text = std::string(kEmbeddedSchema);
    } else {
      name = options.schema_path;
      try {
        text = ReadFile(options.schema_path);
      } catch (const InputError& e) {
        out->push_back(e.diagnostic());
        return;
      }
    }
    attributes_ = std::make_unique<internal::SchemaAttributeRules>(text);
    ErrorSink sink{name, out, false};
    xmlRelaxNGParserCtxtPtr pctxt =
        xmlRelaxNGNewMemParserCtxt(text.data(), static_cast<int>(text.size()));
    if (pctxt == nullptr) return;
    xmlRelaxNGSetParserStructuredErrors(pctxt, CollectError, &sink);
    schema_ = xmlRelaxNGParse(pctxt);
    xmlRelaxNGFreeParserCtxt(pctxt);
    if (schema_ == nullptr) {
      out->push_back(MakeError(name, 0, 0, "the lexicon schema cannot be compiled",
                               "pass a valid RELAX NG file, or none to use the built-in one"));
    }
  }
  ~SchemaValidator() {
    if (schema_ != nullptr) xmlRelaxNGFree(schema_);
  }
  SchemaValidator(const SchemaValidator&) = delete;
  SchemaValidator& operator=(const SchemaValidator&) = delete;

  bool usable() const { return schema_ != nullptr; }

  // libxml2 says "Element term failed to validate attributes" (with no line when a required
  // attribute is missing) and "Invalid attribute stem for element term" for a bad value: this
  // replaces such errors, from out[first] on, with what is wrong with which attribute, at the
  // element's line (internal/lexicon_schema.h).
  void SayWhichAttribute(const std::string& path, xmlDocPtr doc, std::size_t first,
                         Diagnostics* out) const {
    Diagnostics said(out->begin(), out->begin() + static_cast<std::ptrdiff_t>(first));
    std::set<std::pair<int, std::string>> seen;
    for (std::size_t i = first; i < out->size(); ++i) {
      Diagnostic& d = (*out)[i];
      std::string element;
      std::string attribute;
      if (!ParseAttributeError(d.message, &element, &attribute) || !attributes_->Knows(element)) {
        said.push_back(std::move(d));
        continue;
      }
      std::vector<xmlNodePtr> nodes;
      ElementsNamed(xmlDocGetRootElement(doc), element, d.line, &nodes);
      bool replaced = false;
      for (xmlNodePtr node : nodes) {
        for (internal::AttributeProblem& p : attributes_->Check(node)) {
          if (!attribute.empty() && p.attribute != attribute) continue;
          replaced = true;
          if (!seen.emplace(NodeLine(node), p.message).second) continue;
          said.push_back(
              MakeError(path, NodeLine(node), 0, std::move(p.message), SchemaHint(node)));
        }
      }
      if (!replaced && !attribute.empty() && nodes.size() == 1) {
        // A value of the wrong type (libxml2 has said which type, just before).
        bool present = false;
        const std::string value = Attr(nodes[0], attribute.c_str(), &present);
        if (present) {
          d.message =
              attribute + "=\"" + value + "\" on <" + element + ">: the value is not allowed";
        }
      }
      if (!replaced) said.push_back(std::move(d));
    }
    *out = std::move(said);
  }

  void Validate(const std::string& path, xmlDocPtr doc, Diagnostics* out) const {
    if (schema_ == nullptr) return;
    xmlRelaxNGValidCtxtPtr vctxt = xmlRelaxNGNewValidCtxt(schema_);
    if (vctxt == nullptr) return;
    const std::size_t first = out->size();
    ErrorSink sink{path, out, true};
    xmlRelaxNGSetValidStructuredErrors(vctxt, CollectError, &sink);
    const int rc = xmlRelaxNGValidateDoc(vctxt, doc);
    xmlRelaxNGFreeValidCtxt(vctxt);
    SayWhichAttribute(path, doc, first, out);
    if (rc != 0 && !HasErrors(*out)) {
      out->push_back(MakeError(path, 0, 0, "the file does not follow the lexicon schema",
                               "see lexicons/schema/lexicon.rng"));
    }
  }

 private:
  xmlRelaxNGPtr schema_ = nullptr;
  std::unique_ptr<internal::SchemaAttributeRules> attributes_;
};

// ---------------------------------------------------------------------------------------------
// Semantic reading of one document into the merged lexicon.

struct Where {
  std::string file;
  int line = 0;
};

std::string WhereString(const Where& where) {
  return where.file + ":" + std::to_string(where.line);
}

const char* KindName(LexiconEntry::Kind kind) {
  switch (kind) {
    case LexiconEntry::Kind::kNaming:
      return "naming variant";
    case LexiconEntry::Kind::kLoaded:
      return "loaded term";
    case LexiconEntry::Kind::kActor:
      return "actor pattern";
    case LexiconEntry::Kind::kCue:
      return "cue";
    case LexiconEntry::Kind::kEvent:
      return "event-type form";
    case LexiconEntry::Kind::kPlace:
      return "place form";
  }
  return "entry";
}

class Builder {
 public:
  explicit Builder(Lexicon* lexicon) : lexicon_(lexicon) {}

  void ReadDocument(const std::string& path, xmlDocPtr doc, Diagnostics* out);
  // Checks that need every file: perspective references and unused perspectives.
  void Finish(Diagnostics* out);

 private:
  struct PerspectiveRef {
    std::string id;
    std::string what;
    Where where;
  };
  struct FileDefaults {
    std::string path;
    std::string language;
    std::set<std::string> stem_languages;
  };

  void ReadPerspective(const FileDefaults& file, xmlNodePtr node, Diagnostics* out);
  void ReadConcept(const FileDefaults& file, xmlNodePtr node, Diagnostics* out);
  void ReadTerm(const FileDefaults& file, xmlNodePtr node, Diagnostics* out);
  // The "no scope" warning for the file at `path` whose entries start at `first_entry`.
  void CheckScope(const std::string& path, int line, std::size_t first_entry,
                  Diagnostics* out) const;
  void ReadActor(const FileDefaults& file, xmlNodePtr node, Diagnostics* out);
  void ReadCue(const FileDefaults& file, xmlNodePtr node, Diagnostics* out);
  // An <event-type> or a <place>: forms that serve alignment only.
  void ReadAlignmentKey(const FileDefaults& file, xmlNodePtr node, LexiconEntry::Kind kind,
                        Diagnostics* out);
  // Fills the fields every entry has (form, language, stem, wildcard, note, source) and runs
  // the checks on them. Returns false when the entry is unusable (it is then not added).
  bool ReadCommon(const FileDefaults& file, xmlNodePtr node, std::string form, LexiconEntry* entry,
                  Diagnostics* out);
  void CheckForm(const LexiconEntry& entry, Diagnostics* out);
  // Warns about a stemmed one-word form whose Snowball stem is short and differs from it
  // (Russian "Алиев" stems to "ал", which Serbian "али" (but) and the name Али share).
  // An entry that asks for stemming itself (stem="true") has weighed that, and is not warned.
  void CheckStems(const LexiconEntry& entry, bool stem_asked, Diagnostics* out);
  void CheckNoteAndSource(const LexiconEntry& entry, bool has_source, Diagnostics* out);
  void AddEntry(LexiconEntry entry, Diagnostics* out);
  void RefPerspective(const std::string& id, const std::string& what, const Where& where);
  // Records an id; reports a duplicate (the element is still read, so its own problems show).
  void ClaimId(const std::string& space, const std::string& id, const Where& where,
               Diagnostics* out);

  Lexicon* lexicon_;
  std::vector<PerspectiveRef> refs_;
  std::map<std::string, Where> ids_;    // "space\0id" -> where first defined
  std::map<std::string, Where> forms_;  // "kind\0lang\0normalised form" -> where
  // "kind\0normalised form" -> where and language of the first entry.
  // The first entry of each kind, spelling and reading (perspective and concept), any language:
  // where it is and its language.
  struct Spelling {
    Where where;
    std::string language;
  };
  std::map<std::string, Spelling> forms_any_language_;
  std::set<std::string> used_perspectives_;
  std::map<std::string, std::unique_ptr<Stemmer>> stemmers_;  // by primary language
};

bool IsCandidate(xmlNodePtr node) { return CollapseSpace(Attr(node, "status")) == "candidate"; }

// A warning when `category` of a concept or term (`what`: "concept \"x\"") is not one of
// `known`, with the nearest known spelling or, for a plain word of a known category's kind
// ("country", "city"), that category; then the known ones.
void CheckCategory(const std::string& category, const std::vector<std::string>& known,
                   const std::string& what, const std::string& path, int line, Diagnostics* out) {
  if (category.empty() || std::find(known.begin(), known.end(), category) != known.end()) return;
  // Everyday words for the kinds of thing the known concept categories name.
  static const std::map<std::string, std::string, std::less<>> kPlainWords = {
      {"country", "polity"},  {"state", "polity"},      {"republic", "polity"},
      {"city", "place"},      {"town", "place"},        {"village", "place"},
      {"capital", "place"},   {"area", "region"},       {"territory", "region"},
      {"province", "region"}, {"road", "route"},        {"corridor", "route"},
      {"war", "conflict"},    {"people", "population"}, {"organisation", "group"},
      {"border", "boundary"}};
  std::string suggestion = NearestWord(category, known);
  if (suggestion.empty()) {
    const auto plain = kPlainWords.find(category);
    if (plain != kPlainWords.end() &&
        std::find(known.begin(), known.end(), plain->second) != known.end()) {
      suggestion = plain->second;
    }
  }
  std::string list;
  for (const std::string& k : known) list += (list.empty() ? "" : ", ") + k;
  out->push_back(MakeWarning(
      path, line, 0, what + " has category \"" + category + "\", which Parallax does not know",
      (suggestion.empty() ? "" : "did you mean \"" + suggestion + "\"? ") + "known: " + list));
}

// Counts the candidates under `root`: the elements marked status="candidate" that no such
// element holds. A candidate concept counts once with its variants, as `lexicon draft` counts
// its candidates (a name pair or variant group is one concept, a distanced or distinctive
// phrase one term); a candidate variant of a reviewed concept counts on its own.
int CountCandidates(xmlNodePtr root) {
  int count = 0;
  for (xmlNodePtr n = root->children; n != nullptr; n = n->next) {
    if (n->type != XML_ELEMENT_NODE) continue;
    count += IsCandidate(n) ? 1 : CountCandidates(n);
  }
  return count;
}

// The xml:lang of a translated note or label, lower case and without region ("" for English).
std::string XmlLang(xmlNodePtr node) {
  xmlChar* value = xmlGetNsProp(node, reinterpret_cast<const xmlChar*>("lang"), XML_XML_NAMESPACE);
  if (value == nullptr) return "";
  std::string lang;
  for (const xmlChar* c = value; *c != '\0' && *c != '-' && *c != '_'; ++c) {
    lang += static_cast<char>(*c >= 'A' && *c <= 'Z' ? *c - 'A' + 'a' : *c);
  }
  xmlFree(value);
  return lang == "en" ? "" : lang;
}

// The English note: the first <note> without xml:lang.
std::string NoteOf(xmlNodePtr node, bool* present) {
  for (xmlNodePtr note : Children(node, "note")) {
    if (!XmlLang(note).empty()) continue;
    *present = true;
    return CollapseSpace(Content(note));
  }
  *present = false;
  return "";
}

// The <note xml:lang> or <label xml:lang> children of `node`, in file order.
std::vector<Translation> TranslationsOf(xmlNodePtr node, const char* element) {
  std::vector<Translation> out;
  for (xmlNodePtr child : Children(node, element)) {
    std::string lang = XmlLang(child);
    if (!lang.empty()) out.push_back({std::move(lang), CollapseSpace(Content(child))});
  }
  return out;
}

void Builder::ReadDocument(const std::string& path, xmlDocPtr doc, Diagnostics* out) {
  xmlNodePtr root = xmlDocGetRootElement(doc);
  if (!IsElement(root, "lexicon")) {
    out->push_back(MakeError(path, root != nullptr ? NodeLine(root) : 0, 0,
                             "the root element must be <lexicon>",
                             "start the file with <lexicon id=\"...\" lang=\"en\">"));
    return;
  }
  FileDefaults file;
  file.path = path;
  file.language = CollapseSpace(Attr(root, "lang"));
  const Where root_where{path, NodeLine(root)};
  for (const std::string& language : SplitWords(Attr(root, "stem-languages"))) {
    if (!HasSnowballStemmer(language)) {
      out->push_back(
          MakeError(path, root_where.line, 0,
                    "stem-languages names \"" + language + "\", which has no Snowball stemmer",
                    "remove it and use `*` prefix wildcards for that language"));
    } else {
      file.stem_languages.insert(PrimaryLanguage(language));
    }
  }
  for (LexiconFile& info : lexicon_->files) {
    if (info.path == path) info.id = Attr(root, "id");
  }
  const std::size_t first_entry = lexicon_->entries.size();
  for (xmlNodePtr section = root->children; section != nullptr; section = section->next) {
    if (IsElement(section, "perspectives")) {
      for (xmlNodePtr node : Children(section, "perspective")) ReadPerspective(file, node, out);
    } else if (IsElement(section, "concepts")) {
      for (xmlNodePtr node : Children(section, "concept")) ReadConcept(file, node, out);
    } else if (IsElement(section, "loaded-terms")) {
      for (xmlNodePtr node : Children(section, "term")) ReadTerm(file, node, out);
    } else if (IsElement(section, "actors")) {
      for (xmlNodePtr node : Children(section, "actor")) ReadActor(file, node, out);
    } else if (IsElement(section, "cues")) {
      for (xmlNodePtr node : Children(section, "cue")) ReadCue(file, node, out);
    } else if (IsElement(section, "event-types")) {
      for (xmlNodePtr node : Children(section, "event-type")) {
        ReadAlignmentKey(file, node, LexiconEntry::Kind::kEvent, out);
      }
    } else if (IsElement(section, "places")) {
      for (xmlNodePtr node : Children(section, "place")) {
        ReadAlignmentKey(file, node, LexiconEntry::Kind::kPlace, out);
      }
    }
  }
  CheckScope(path, root_where.line, first_entry, out);
  if (const int candidates = CountCandidates(root); candidates > 0) {
    out->push_back(MakeWarning(
        path, root_where.line, 0,
        std::to_string(candidates) +
            (candidates == 1 ? " unreviewed candidate" : " unreviewed candidates") +
            " (status=\"candidate\"; a concept counts once with its variants), drafted from a "
            "corpus by `parallax lexicon draft`",
        "review each against the evidence in the comments beside it: keep the real naming "
        "choices and loaded terms, fill in perspective=\"...\" and a note a facilitator can "
        "read aloud, delete the rest, then remove status=\"candidate\"; give the concepts "
        "that name the story's places, regions or laws their category (place, region, law, "
        "...), so the lexicon counts only in the articles of its story"));
  }
}

void Builder::CheckScope(const std::string& path, int line, std::size_t first_entry,
                         Diagnostics* out) const {
  bool colours = false;        // has naming variants or loaded terms
  bool all_candidates = true;  // ... all of them candidates, which the candidate warning covers
  for (std::size_t i = first_entry; i < lexicon_->entries.size(); ++i) {
    const LexiconEntry& e = lexicon_->entries[i];
    if (NamesStory(*lexicon_, e)) return;
    if (e.kind == LexiconEntry::Kind::kNaming || e.kind == LexiconEntry::Kind::kLoaded) {
      colours = true;
      all_candidates = all_candidates && e.candidate;
    }
  }
  if (!colours || all_candidates) return;
  std::string scope;
  for (std::string_view c : kScopeCategories) scope += (scope.empty() ? "" : ", ") + std::string(c);
  out->push_back(MakeWarning(
      path, line, 0,
      "no scope: its forms count in every article, whatever the story (a report applies it "
      "everywhere)",
      "add the story's places, regions or laws as concepts of category " + scope +
          ", or its actors, so the lexicon counts only in the articles that name them; "
          "see \"Story packs and their scope\" in lexicons/README.md"));
}

void Builder::ClaimId(const std::string& space, const std::string& id, const Where& where,
                      Diagnostics* out) {
  if (id.empty()) return;  // the schema reports the missing attribute
  auto [it, inserted] = ids_.emplace(space + '\0' + id, where);
  if (!inserted) {
    out->push_back(MakeError(where.file, where.line, 0, "duplicate " + space + " id \"" + id + "\"",
                             "first defined at " + WhereString(it->second) +
                                 "; ids must be unique across all lexicon files"));
  }
}

void Builder::RefPerspective(const std::string& id, const std::string& what, const Where& where) {
  if (!id.empty()) refs_.push_back({id, what, where});
}

void Builder::ReadPerspective(const FileDefaults& file, xmlNodePtr node, Diagnostics* out) {
  Perspective p;
  p.id = CollapseSpace(Attr(node, "id"));
  p.label = CollapseSpace(Attr(node, "label"));
  p.colour = CollapseSpace(Attr(node, "colour"));
  bool has_note = false;
  p.note = NoteOf(node, &has_note);
  p.note_translations = TranslationsOf(node, "note");
  p.label_translations = TranslationsOf(node, "label");
  p.file = file.path;
  p.line = NodeLine(node);
  ClaimId("perspective", p.id, {p.file, p.line}, out);
  bool has_colour = false;
  Attr(node, "colour", &has_colour);
  if (has_colour && !IsHexColour(p.colour)) {
    out->push_back(
        MakeError(p.file, p.line, 0,
                  "colour \"" + p.colour + "\" of perspective \"" + p.id + "\" is not #RRGGBB",
                  "write six hex digits, e.g. colour=\"#0072B2\"; pick colours that "
                  "colour-blind readers can tell apart (Okabe-Ito palette)"));
  }
  bool has_label = false;
  Attr(node, "label", &has_label);
  if (has_label && p.label.empty()) {
    out->push_back(MakeError(p.file, p.line, 0, "perspective \"" + p.id + "\" has an empty label",
                             "write the name a report shows, e.g. label=\"Armenian side\""));
  }
  lexicon_->perspectives.push_back(std::move(p));
}

void Builder::ReadConcept(const FileDefaults& file, xmlNodePtr node, Diagnostics* out) {
  Concept concept_info;
  concept_info.id = CollapseSpace(Attr(node, "id"));
  concept_info.label = CollapseSpace(Attr(node, "label"));
  concept_info.category = CollapseSpace(Attr(node, "category"));
  concept_info.candidate = IsCandidate(node);
  bool has_note = false;
  concept_info.note = NoteOf(node, &has_note);
  concept_info.note_translations = TranslationsOf(node, "note");
  concept_info.label_translations = TranslationsOf(node, "label");
  concept_info.file = file.path;
  concept_info.line = NodeLine(node);
  ClaimId("concept", concept_info.id, {file.path, concept_info.line}, out);
  CheckCategory(concept_info.category, KnownConceptCategories(),
                "concept \"" + concept_info.id + "\"", file.path, concept_info.line, out);
  const std::size_t concept_index = lexicon_->concepts.size();
  lexicon_->concepts.push_back(concept_info);
  for (xmlNodePtr variant : Children(node, "variant")) {
    LexiconEntry entry;
    entry.kind = LexiconEntry::Kind::kNaming;
    entry.concept_id = concept_info.id;
    entry.perspective = CollapseSpace(Attr(variant, "perspective"));
    entry.official_title = CollapseSpace(Attr(variant, "title")) == "official";
    if (!ReadCommon(file, variant, Attr(variant, "form"), &entry, out)) continue;
    RefPerspective(entry.perspective, "variant \"" + entry.form + "\"", {file.path, entry.line});
    lexicon_->concepts[concept_index].variants.push_back(lexicon_->entries.size());
    AddEntry(std::move(entry), out);
  }
  if (lexicon_->concepts[concept_index].variants.empty()) {
    out->push_back(MakeWarning(file.path, concept_info.line, 0,
                               "concept \"" + concept_info.id + "\" has no variants",
                               "add <variant form=\"...\"> elements naming the concept"));
  }
}

void Builder::ReadTerm(const FileDefaults& file, xmlNodePtr node, Diagnostics* out) {
  LexiconEntry entry;
  entry.kind = LexiconEntry::Kind::kLoaded;
  entry.category = CollapseSpace(Attr(node, "category"));
  entry.perspective = CollapseSpace(Attr(node, "perspective"));
  if (!ReadCommon(file, node, Attr(node, "form"), &entry, out)) return;
  RefPerspective(entry.perspective, "loaded term \"" + entry.form + "\"", {file.path, entry.line});
  CheckCategory(entry.category, KnownTermCategories(), "loaded term \"" + entry.form + "\"",
                file.path, entry.line, out);
  AddEntry(std::move(entry), out);
}

void Builder::ReadActor(const FileDefaults& file, xmlNodePtr node, Diagnostics* out) {
  Actor actor;
  actor.id = CollapseSpace(Attr(node, "id"));
  actor.name = CollapseSpace(Attr(node, "name"));
  actor.perspective = CollapseSpace(Attr(node, "perspective"));
  actor.kind = CollapseSpace(Attr(node, "kind"));
  actor.base = CollapseSpace(Attr(node, "base"));
  actor.role = CollapseSpace(Attr(node, "role"));
  actor.source = CollapseSpace(Attr(node, "source"));
  bool has_note = false;
  actor.note = NoteOf(node, &has_note);
  actor.note_translations = TranslationsOf(node, "note");
  actor.file = file.path;
  actor.line = NodeLine(node);
  ClaimId("actor", actor.id, {file.path, actor.line}, out);
  RefPerspective(actor.perspective, "actor \"" + actor.id + "\"", {file.path, actor.line});
  for (xmlNodePtr pattern : Children(node, "pattern")) {
    LexiconEntry entry;
    entry.kind = LexiconEntry::Kind::kActor;
    entry.actor_id = actor.id;
    entry.perspective = actor.perspective;
    entry.speaker_only = CollapseSpace(Attr(pattern, "speaker")) == "only";
    if (!ReadCommon(file, pattern, Content(pattern), &entry, out)) continue;
    entry.note = actor.note;
    entry.note_translations = actor.note_translations;
    entry.source = actor.source;
    actor.patterns.push_back(lexicon_->entries.size());
    AddEntry(std::move(entry), out);
  }
  lexicon_->actors.push_back(std::move(actor));
}

void Builder::ReadAlignmentKey(const FileDefaults& file, xmlNodePtr node, LexiconEntry::Kind kind,
                               Diagnostics* out) {
  const std::string id = CollapseSpace(Attr(node, "id"));
  ClaimId(kind == LexiconEntry::Kind::kEvent ? "event-type" : "place", id,
          {file.path, NodeLine(node)}, out);
  bool has_note = false;
  const std::string note = NoteOf(node, &has_note);
  const std::vector<Translation> note_translations = TranslationsOf(node, "note");
  for (xmlNodePtr form : Children(node, "form")) {
    LexiconEntry entry;
    entry.kind = kind;
    entry.concept_id = id;
    entry.category = CollapseSpace(Attr(node, "label"));
    if (!ReadCommon(file, form, Content(form), &entry, out)) continue;
    entry.note = note;
    entry.note_translations = note_translations;
    AddEntry(std::move(entry), out);
  }
}

void Builder::ReadCue(const FileDefaults& file, xmlNodePtr node, Diagnostics* out) {
  LexiconEntry entry;
  entry.kind = LexiconEntry::Kind::kCue;
  entry.category = CollapseSpace(Attr(node, "type"));
  entry.stance = CollapseSpace(Attr(node, "stance"));
  entry.syntax = CollapseSpace(Attr(node, "syntax"));
  bool has_gap_attr = false;
  const std::string max_gap = CollapseSpace(Attr(node, "max-gap", &has_gap_attr));
  if (!ReadCommon(file, node, Attr(node, "form"), &entry, out)) return;
  const std::vector<std::string> words = SplitWords(entry.form);
  if (std::find(words.begin(), words.end(), kGapToken) != words.end()) {
    const int value = has_gap_attr ? std::atoi(max_gap.c_str()) : 0;
    entry.max_gap = value > 0 ? std::min(value, 50) : kDefaultMaxGap;
  } else if (has_gap_attr) {
    out->push_back(MakeWarning(file.path, entry.line, 0,
                               "max-gap on cue \"" + entry.form + "\", which has no {X} gap",
                               "remove max-gap, or put {X} where the words may vary"));
  }
  AddEntry(std::move(entry), out);
}

bool Builder::ReadCommon(const FileDefaults& file, xmlNodePtr node, std::string form,
                         LexiconEntry* entry, Diagnostics* out) {
  entry->file = file.path;
  entry->line = NodeLine(node);
  entry->form = CollapseSpace(form);
  bool has_form = true;
  if (entry->kind != LexiconEntry::Kind::kActor && entry->kind != LexiconEntry::Kind::kEvent &&
      entry->kind != LexiconEntry::Kind::kPlace)
    Attr(node, "form", &has_form);
  if (!has_form) {
    out->push_back(MakeError(file.path, entry->line, 0,
                             "missing form attribute on <" +
                                 std::string(reinterpret_cast<const char*>(node->name)) + ">",
                             "write the word or phrase to find, e.g. form=\"Lachin corridor\""));
    return false;
  }
  if (entry->form.empty()) {
    out->push_back(MakeError(file.path, entry->line, 0,
                             std::string("empty form on ") + KindName(entry->kind),
                             "write the word or phrase to find in text"));
    return false;
  }
  bool has_lang = false;
  entry->language = CollapseSpace(Attr(node, "lang", &has_lang));
  if (!has_lang) entry->language = file.language;
  if (entry->language.empty()) {
    out->push_back(
        MakeError(file.path, entry->line, 0,
                  std::string(KindName(entry->kind)) + " \"" + entry->form + "\" has no language",
                  "add lang=\"..\" to the entry or a default lang to <lexicon>"));
  }
  bool has_stem = false;
  const std::string stem = Attr(node, "stem", &has_stem);
  const std::string primary = PrimaryLanguage(entry->language);
  if (has_stem) {
    entry->stem = stem == "true";
    if (entry->stem && !HasSnowballStemmer(entry->language)) {
      out->push_back(MakeError(file.path, entry->line, 0,
                               "stem=\"true\" on \"" + entry->form + "\", but language \"" +
                                   entry->language + "\" has no Snowball stemmer",
                               "remove stem and end the word with `*` to match its endings"));
      entry->stem = false;
    }
  } else {
    entry->stem = file.stem_languages.count(primary) > 0;
  }
  entry->wildcard = !entry->form.empty() && entry->form.back() == '*';
  entry->candidate = IsCandidate(node);
  bool has_note = false;
  entry->note = NoteOf(node, &has_note);
  entry->note_translations = TranslationsOf(node, "note");
  bool has_source = false;
  entry->source = CollapseSpace(Attr(node, "source", &has_source));
  CheckForm(*entry, out);
  CheckStems(*entry, has_stem, out);
  if (entry->kind == LexiconEntry::Kind::kNaming || entry->kind == LexiconEntry::Kind::kLoaded) {
    CheckNoteAndSource(*entry, has_source, out);
  }
  return true;
}

void Builder::CheckForm(const LexiconEntry& entry, Diagnostics* out) {
  const std::vector<std::string> words = SplitWords(entry.form);
  const std::string what = std::string(KindName(entry.kind)) + " \"" + entry.form + "\"";
  int gaps = 0;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::string& word = words[i];
    const bool last = i + 1 == words.size();
    if (word == kGapToken) {
      ++gaps;
      if (entry.kind != LexiconEntry::Kind::kCue) {
        out->push_back(MakeError(entry.file, entry.line, 0, "{X} gap in " + what,
                                 "gaps are allowed in cues only; list the full forms instead"));
      } else if (i == 0 || last) {
        out->push_back(
            MakeError(entry.file, entry.line, 0,
                      "{X} gap at the " + std::string(i == 0 ? "start" : "end") + " of " + what,
                      "a gap must stand between fixed words, e.g. "
                      "\"what {X} insists are\""));
      }
      continue;
    }
    if (word.find('{') != std::string::npos || word.find('}') != std::string::npos) {
      out->push_back(MakeError(entry.file, entry.line, 0, "malformed gap in " + what,
                               "write the gap as a word of its own: {X}"));
      continue;
    }
    const std::size_t star = word.find('*');
    if (star == std::string::npos) continue;
    if (word == "*") {
      out->push_back(MakeError(entry.file, entry.line, 0, "bad wildcard: lone `*` in " + what,
                               "`*` ends a word to make it a prefix, e.g. \"occupied territor*\""));
    } else if (!last || star + 1 != word.size()) {
      out->push_back(MakeError(entry.file, entry.line, 0,
                               "bad wildcard in " + what + ": `*` in \"" + word + "\"",
                               "`*` may only end the last word (a prefix match); list other "
                               "forms separately"));
    } else if (CountCodepoints(word) - 1 < 3) {
      out->push_back(MakeWarning(entry.file, entry.line, 0,
                                 "wildcard prefix \"" + word + "\" is shorter than 3 letters",
                                 "a short prefix matches many unrelated words; lengthen it"));
    }
  }
  if (gaps > 1) {
    out->push_back(MakeError(entry.file, entry.line, 0, "more than one {X} gap in " + what,
                             "use one gap per cue"));
  }
}

void Builder::CheckStems(const LexiconEntry& entry, bool stem_asked, Diagnostics* out) {
  if (!entry.stem || stem_asked) return;
  const std::string language = StemLanguage(entry);
  std::unique_ptr<Stemmer>& stemmer = stemmers_[language];
  if (stemmer == nullptr) stemmer = std::make_unique<Stemmer>(language.c_str());
  if (!stemmer->ok()) return;
  // In a longer form the other words keep the match apart; a one-word form has only its stem.
  const std::vector<std::string> words = SplitWords(NormalizeLexiconForm(entry.form));
  if (words.size() != 1) return;
  for (const std::string& word : words) {
    if (word.find('*') != std::string::npos) continue;
    const std::string stem = stemmer->Stem(word);
    if (stem == word || CountCodepoints(stem) > 3) continue;
    out->push_back(MakeWarning(
        entry.file, entry.line, 0,
        std::string(KindName(entry.kind)) + " \"" + entry.form + "\": the word \"" + word +
            "\" stems to \"" + stem + "\", which other words share",
        "stemmed, it also matches every word with that stem; add stem=\"false\" and write its "
        "forms, or a wildcard (\"" +
            word + "*\")"));
  }
}

void Builder::CheckNoteAndSource(const LexiconEntry& entry, bool has_source, Diagnostics* out) {
  const std::string what = std::string(KindName(entry.kind)) + " \"" + entry.form + "\"";
  if (entry.note.empty()) {
    out->push_back(MakeError(entry.file, entry.line, 0, "empty note on " + what,
                             "add <note> with a sentence a facilitator can read aloud: who "
                             "uses this form and why it matters"));
  }
  if (!has_source || entry.source.empty()) {
    out->push_back(MakeWarning(entry.file, entry.line, 0, "no source on " + what,
                               "add source=\"...\" naming the glossary entry, address or seed "
                               "file that documents this usage"));
  }
}

void Builder::AddEntry(LexiconEntry entry, Diagnostics* out) {
  const std::string key = std::to_string(static_cast<int>(entry.kind)) + '\0' +
                          PrimaryLanguage(entry.language) + '\0' + NormalizeLexiconForm(entry.form);
  auto [it, inserted] = forms_.emplace(key, Where{entry.file, entry.line});
  if (!inserted) {
    out->push_back(MakeError(
        entry.file, entry.line, 0,
        "duplicate form: " + std::string(KindName(entry.kind)) + " \"" + entry.form + "\" (" +
            entry.language + ")",
        "the same form is already defined at " + WhereString(it->second) + "; keep one entry"));
  } else {
    // One spelling in two languages matches the same words; the annotator keeps the entry in
    // the article's language. Two such entries that say the same thing are one too many; two
    // that differ (a side's choice in one language, the plain name in another) are on purpose.
    const std::string reading_key = std::to_string(static_cast<int>(entry.kind)) + '\0' +
                                    NormalizeLexiconForm(entry.form) + '\0' + entry.perspective +
                                    '\0' + entry.concept_id;
    auto [first, is_new] = forms_any_language_.emplace(
        reading_key, Spelling{Where{entry.file, entry.line}, entry.language});
    if (!is_new) {
      out->push_back(MakeWarning(
          entry.file, entry.line, 0,
          std::string(KindName(entry.kind)) + " \"" + entry.form + "\" (" + entry.language +
              ") is spelt like the " + first->second.language + " entry at " +
              WhereString(first->second.where) + " and says the same",
          "both match the same words, in a text of any language; keep one (entries spelt alike "
          "that differ in perspective or concept are kept apart by the article's language)"));
    }
  }
  lexicon_->entries.push_back(std::move(entry));
}

void Builder::Finish(Diagnostics* out) {
  std::vector<std::string> known;
  for (const Perspective& p : lexicon_->perspectives) known.push_back(p.id);
  std::string known_list;
  for (const std::string& id : known) known_list += (known_list.empty() ? "" : ", ") + id;
  for (const PerspectiveRef& ref : refs_) {
    if (std::find(known.begin(), known.end(), ref.id) != known.end()) {
      used_perspectives_.insert(ref.id);
      continue;
    }
    out->push_back(MakeError(
        ref.where.file, ref.where.line, 0,
        "unknown perspective id \"" + ref.id + "\" on " + ref.what,
        known.empty() ? "no perspective is declared: add <perspectives> or load the file that "
                        "declares them"
                      : "declared perspectives: " + known_list));
  }
  if (!refs_.empty()) {
    for (const Perspective& p : lexicon_->perspectives) {
      if (used_perspectives_.count(p.id) == 0) {
        out->push_back(MakeWarning(p.file, p.line, 0,
                                   "perspective \"" + p.id + "\" is used by no entry",
                                   "remove it or assign it to the variants that reflect it"));
      }
    }
  }
}

bool IsFileOk(const std::string& path) {
  std::error_code ec;
  return std::filesystem::is_regular_file(path, ec);
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Public interface.

const std::string& Localized(const std::string& english,
                             const std::vector<Translation>& translations,
                             std::string_view language) {
  for (const Translation& t : translations) {
    if (t.language == language && !t.text.empty()) return t.text;
  }
  return english;
}

const Perspective* Lexicon::FindPerspective(std::string_view id) const {
  for (const Perspective& p : perspectives) {
    if (p.id == id) return &p;
  }
  return nullptr;
}

const Concept* Lexicon::FindConcept(std::string_view id) const {
  for (const Concept& c : concepts) {
    if (c.id == id) return &c;
  }
  return nullptr;
}

const Actor* Lexicon::FindActor(std::string_view id) const {
  for (const Actor& a : actors) {
    if (a.id == id) return &a;
  }
  return nullptr;
}

bool IsScopeCategory(std::string_view category) {
  return std::find(std::begin(kScopeCategories), std::end(kScopeCategories), category) !=
         std::end(kScopeCategories);
}

const std::vector<std::string>& KnownConceptCategories() {
  static const std::vector<std::string> kKnown = [] {
    std::vector<std::string> known(std::begin(kScopeCategories), std::end(kScopeCategories));
    for (const char* c :
         {"event", "group", "date", "document", "boundary", "territory-status", "usage"}) {
      known.emplace_back(c);
    }
    return known;
  }();
  return kKnown;
}

const std::vector<std::string>& KnownTermCategories() {
  static const std::vector<std::string> kKnown = {
      "accusation", "atrocity",   "conspiracy",  "delegitimisation", "denial",
      "grievance",  "honorific",  "hostility",   "humanitarian",     "legitimacy",
      "metaphor",   "population", "sovereignty", "status-qualifier", "territorial-claim",
      "war-aim",    "distanced",  "distinctive"};
  return kKnown;
}

bool NamesStory(const Lexicon& lexicon, const LexiconEntry& entry) {
  if (entry.kind == LexiconEntry::Kind::kActor) return !entry.speaker_only;
  if (entry.kind != LexiconEntry::Kind::kNaming) return false;
  const Concept* c = lexicon.FindConcept(entry.concept_id);
  return c != nullptr && IsScopeCategory(c->category);
}

std::size_t Lexicon::Count(LexiconEntry::Kind kind) const {
  return static_cast<std::size_t>(std::count_if(
      entries.begin(), entries.end(), [kind](const LexiconEntry& e) { return e.kind == kind; }));
}

LexiconLoadResult LoadLexiconSources(const std::vector<LexiconSource>& sources,
                                     const LexiconOptions& options) {
  InitLibxml();
  LexiconLoadResult result;
  Diagnostics& out = result.diagnostics;
  std::unique_ptr<SchemaValidator> validator;
  if (options.validate_schema) validator = std::make_unique<SchemaValidator>(options, &out);
  Builder builder(&result.lexicon);
  Sha256 combined;
  for (const LexiconSource& source : sources) {
    const std::string digest = Sha256Hex(source.text);
    result.lexicon.files.push_back({source.path, "", digest});
    combined.Update(digest);
    combined.Update("\n");
    if (source.text.find('\0') != std::string::npos) {
      out.push_back(MakeError(source.path, LineOf(source.text, source.text.find('\0')), 0,
                              "the file contains NUL bytes", "save lexicon files as UTF-8 text"));
      continue;
    }
    const std::size_t doctype = internal::ScanXmlProlog(source.text).doctype;
    if (doctype != std::string::npos) {
      out.push_back(MakeError(source.path, LineOf(source.text, doctype), 0,
                              "DOCTYPE declarations are not allowed in lexicon files",
                              "remove the <!DOCTYPE ...> block; entities are never expanded"));
      continue;
    }
    Diagnostics file_diagnostics;
    DocPtr doc = ParseXml(source.path, source.text, &file_diagnostics);
    if (doc != nullptr && (doc->intSubset != nullptr || doc->extSubset != nullptr)) {
      file_diagnostics.push_back(
          MakeError(source.path, 1, 0, "DOCTYPE declarations are not allowed in lexicon files",
                    "remove the <!DOCTYPE ...> block; entities are never expanded"));
      doc.reset();
    }
    if (doc != nullptr) {
      if (validator != nullptr && validator->usable()) {
        validator->Validate(source.path, doc.get(), &file_diagnostics);
      }
      builder.ReadDocument(source.path, doc.get(), &file_diagnostics);
    }
    std::stable_sort(file_diagnostics.begin(), file_diagnostics.end(),
                     [](const Diagnostic& a, const Diagnostic& b) { return a.line < b.line; });
    out.insert(out.end(), file_diagnostics.begin(), file_diagnostics.end());
  }
  Diagnostics cross_file;
  builder.Finish(&cross_file);
  out.insert(out.end(), cross_file.begin(), cross_file.end());
  result.lexicon.checksum = combined.HexDigest();
  return result;
}

LexiconLoadResult LoadLexicons(const std::vector<std::string>& paths,
                               const LexiconOptions& options) {
  std::vector<LexiconSource> sources;
  Diagnostics read_errors;
  for (const std::string& path : paths) {
    try {
      sources.push_back({path, ReadFile(path)});
    } catch (const InputError& e) {
      read_errors.push_back(e.diagnostic());
    }
  }
  LexiconLoadResult result = LoadLexiconSources(sources, options);
  result.diagnostics.insert(result.diagnostics.begin(), read_errors.begin(), read_errors.end());
  return result;
}

Diagnostics CheckLexicons(const std::vector<std::string>& paths, const LexiconOptions& options) {
  return LoadLexicons(paths, options).diagnostics;
}

std::string_view EmbeddedLexiconSchema() { return kEmbeddedSchema; }

namespace {

// The *.xml files directly inside `folder`, sorted by name.
std::vector<std::string> XmlFilesIn(const std::filesystem::path& folder) {
  std::vector<std::string> paths;
  std::error_code ec;
  for (std::filesystem::directory_iterator it(folder, ec), end; !ec && it != end;
       it.increment(ec)) {
    if (it->path().extension() == ".xml" && it->is_regular_file(ec)) {
      paths.push_back(it->path().string());
    }
  }
  std::sort(paths.begin(), paths.end());
  return paths;
}

}  // namespace

std::vector<std::string> CommonLexiconPaths(const std::string& dir) {
  return XmlFilesIn(std::filesystem::path(dir) / "common");
}

std::vector<std::string> StoryLexiconPaths(const std::string& dir) {
  std::vector<std::string> paths = XmlFilesIn(dir);
  if (paths.empty()) paths.push_back((std::filesystem::path(dir) / "karabakh.xml").string());
  return paths;
}

std::vector<std::string> DefaultLexiconPaths(const std::string& dir) {
  std::vector<std::string> paths = CommonLexiconPaths(dir);
  for (std::string& p : StoryLexiconPaths(dir)) paths.push_back(std::move(p));
  return paths;
}

std::string FindLexiconDir() {
  std::vector<std::string> candidates;
  if (const char* env = std::getenv("PARALLAX_LEXICON_DIR"); env != nullptr && *env != '\0') {
    candidates.emplace_back(env);
  }
#ifdef PARALLAX_SOURCE_DIR
  candidates.push_back(std::string(PARALLAX_SOURCE_DIR) + "/lexicons");
#endif
  std::error_code ec;
  const std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec) candidates.push_back((exe.parent_path() / ".." / "share/parallax/lexicons").string());
  for (const std::string& dir : candidates) {
    if (IsFileOk(dir + "/karabakh.xml")) return dir;
  }
  return "";
}

bool SplitAtGap(std::string_view form, std::string* before, std::string* after) {
  const std::vector<std::string> words = SplitWords(form);
  const auto gap = std::find(words.begin(), words.end(), kGapToken);
  if (gap == words.end()) return false;
  std::string head;
  std::string tail;
  for (auto it = words.begin(); it != gap; ++it) head += (head.empty() ? "" : " ") + *it;
  for (auto it = gap + 1; it != words.end(); ++it) tail += (tail.empty() ? "" : " ") + *it;
  *before = std::move(head);
  *after = std::move(tail);
  return true;
}

bool HasSnowballStemmer(std::string_view language) {
  const std::string primary = PrimaryLanguage(language);
  if (primary.empty()) return false;
  sb_stemmer* stemmer = sb_stemmer_new(primary.c_str(), "UTF_8");
  if (stemmer == nullptr) return false;
  sb_stemmer_delete(stemmer);
  return true;
}

std::string NormalizeLexiconForm(std::string_view form) {
  utf8proc_uint8_t* mapped = nullptr;
  const auto options =
      static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT |
                                     UTF8PROC_CASEFOLD | UTF8PROC_IGNORE | UTF8PROC_REJECTNA);
  const utf8proc_ssize_t n =
      utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(form.data()),
                   static_cast<utf8proc_ssize_t>(form.size()), &mapped, options);
  std::string folded;
  if (n < 0) {
    folded = std::string(form);  // invalid UTF-8: compare bytes
  } else {
    folded.assign(reinterpret_cast<const char*>(mapped), static_cast<std::size_t>(n));
  }
  std::free(mapped);
  std::string out;
  utf8proc_ssize_t pos = 0;
  const auto* data = reinterpret_cast<const utf8proc_uint8_t*>(folded.data());
  const auto size = static_cast<utf8proc_ssize_t>(folded.size());
  while (pos < size) {
    utf8proc_int32_t cp = 0;
    const utf8proc_ssize_t len = utf8proc_iterate(data + pos, size - pos, &cp);
    if (len <= 0) {
      out += folded[static_cast<std::size_t>(pos)];
      ++pos;
      continue;
    }
    switch (cp) {
      case 0x2018:
      case 0x2019:
      case 0x201A:
      case 0x201B:
      case 0x2032:
      case 0x02BC:
        out += '\'';
        break;
      case 0x201C:
      case 0x201D:
      case 0x201E:
      case 0x201F:
      case 0x00AB:
      case 0x00BB:
      case 0x2033:
        out += '"';
        break;
      case 0x2010:
      case 0x2011:
      case 0x2012:
      case 0x2013:
      case 0x2014:
      case 0x2015:
      case 0x2212:
        out += '-';
        break;
      case 0x00A0:
      case 0x2007:
      case 0x202F:
      case '\t':
      case '\n':
      case '\r':
        out += ' ';
        break;
      default:
        out.append(folded, static_cast<std::size_t>(pos), static_cast<std::size_t>(len));
    }
    pos += len;
  }
  return CollapseSpace(out);
}

std::string PrimaryLanguage(std::string_view language) {
  std::string out;
  for (char c : language) {
    if (c == '-' || c == '_') break;
    out += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  }
  return out;
}

bool SameLanguage(std::string_view a, std::string_view b) {
  return PrimaryLanguage(a) == PrimaryLanguage(b);
}

std::string StemLanguage(const LexiconEntry& entry) {
  return entry.stem ? PrimaryLanguage(entry.language) : std::string();
}

}  // namespace parallax
