// The lexicon file of a draft (framing/lexicon_draft.h): what `parallax lexicon draft` writes
// for a facilitator to edit into a lexicon.
//
// The file follows lexicons/schema/lexicon.rng and passes `parallax lexicon check` as written
// (with one warning: its entries are unreviewed candidates). Every concept, variant and term
// carries status="candidate"; name pairs and variant groups become <concepts>, distanced and
// distinctive phrases <loaded-terms> with category "distanced" or "distinctive". No perspective
// is set: choosing one is the facilitator's job. Before each candidate, XML comments give its
// rank and kind, what was found, the counts per outlet and keyword-in-context lines (and the
// header comment says how many candidates the lexicons read already covered, DraftCoveredLine):
//
//   <!-- #1 name pair: "Khankendi (Stepanakert)" (bracketed) in 004_jamnews -->
//   <!-- counts: Khankendi: jamnews 6 | Stepanakert: jamnews 2, kommersant 1, oc-media 2 -->
//   <!-- 004_jamnews: …the only road linking [Khankendi (Stepanakert)] with Armenia. -->
//   <concept id="candidate-1" label="Khankendi / Stepanakert" status="candidate">
//
// Everything taken from the corpus is escaped by libxml2 (the document is built as a tree);
// comment text has "--" broken up and characters XML cannot hold replaced, so no article can
// break the file. Forms that normalise alike are written once per kind.
#ifndef PARALLAX_FRAMING_DRAFT_XML_H_
#define PARALLAX_FRAMING_DRAFT_XML_H_

#include <string>
#include <string_view>

#include "framing/lexicon_draft.h"

namespace parallax {

// Options; defaults in brackets.
//   id      "draft"  the lexicon's id (make one with DraftLexiconId)
//   corpus  ""       where the draft came from, for the header comment and sources
struct DraftXmlOptions {
  std::string id = "draft";
  std::string corpus;
};

// The draft as lexicon XML (UTF-8, indented, ending with a newline).
std::string DraftToXml(const LexiconDraft& draft, const DraftXmlOptions& options = {});

// How many candidates were left out because the lexicons read already match them
// (LexiconDraft::covered), with the first `examples` of them: "3 candidates were left out as
// already covered: the lexicons read match them (Kosovo, Kosovës, Косова)"; with none, "no
// candidate was left out as already covered by the lexicons read". The draft's header
// comment carries this line when any was left out; `lexicon draft` prints it.
std::string DraftCoveredLine(const LexiconDraft& draft, std::size_t examples = 8);

// A lexicon id (an XML NCName) from a story or file name: "lachin-2023" -> "lachin-2023-draft";
// characters other than ASCII letters, digits, '-', '_' and '.' become '-'; "draft" when
// nothing is left.
std::string DraftLexiconId(std::string_view name);

}  // namespace parallax

#endif  // PARALLAX_FRAMING_DRAFT_XML_H_
