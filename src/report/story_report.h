// The framing report of one story: everything its sections show, gathered once so the HTML,
// Markdown, JSON and CSV renderings agree figure for figure.
//
// A StoryReport holds the pipeline's results (cleaned articles, their annotations, the lexicon,
// the alignment and the framing measures — owned by the caller, who keeps them alive), adds what
// only a report needs (provenance checksums, discussion prompts, blinding) and offers the small
// lookups every renderer uses: what to call an outlet or an article, the anchor of a highlighted
// passage, a blinded excerpt of the text.
//
// Determinism: nothing here reads the clock or prints absolute paths. The report's date is the
// newest article date, so the same corpus and lexicon always give byte-identical output.
#ifndef PARALLAX_REPORT_STORY_REPORT_H_
#define PARALLAX_REPORT_STORY_REPORT_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "align/alignment.h"
#include "annotate/annotator.h"
#include "annotate/lexicon.h"
#include "core/article.h"
#include "core/diagnostic.h"
#include "corpus/outlets.h"
#include "framing/measures.h"
#include "i18n/messages.h"
#include "report/blind.h"
#include "report/checksum.h"

namespace parallax {

// The pipeline's results the report is built from. All pointers must be set and outlive the
// StoryReport; `articles` and `annotations` are parallel.
// A file of the story folder that is not in the report because it could not be read: its
// first error, so that the report says what it does not cover.
struct LeftOutFile {
  std::string file;   // the file name, without its folder
  int line = 0;       // 0 when the error is not tied to a line
  std::string error;  // the message
};

// The files `diagnostics` (a corpus' or an ingest's) name in an error, each once with its
// first error, in the order of the diagnostics.
std::vector<LeftOutFile> LeftOutFiles(const Diagnostics& diagnostics);

struct ReportInputs {
  std::string story;  // e.g. "lachin-2023"
  const std::vector<Article>* articles = nullptr;
  const std::vector<ArticleAnnotations>* annotations = nullptr;
  const Lexicon* lexicon = nullptr;
  const OutletsFile* outlets = nullptr;
  const Alignment* alignment = nullptr;
  const StoryMeasures* measures = nullptr;
  const std::vector<LeftOutFile>* left_out = nullptr;  // files of the folder not read, or null
};

// Options; defaults in brackets.
//   blind         [false]  outlets become letters everywhere (see blind.h)
//   tool_version  [PARALLAX_VERSION]  shown in the method section
//   max_claims    [20]     claims shown side by side (those carried by most outlets)
//   messages      [English] the report's own words, and its dates and numbers (i18n/messages.h);
//                          lexicon notes and labels follow its language where the lexicon has
//                          them (<note xml:lang="ru">), else English. JSON keys stay English.
struct ReportOptions {
  bool blind = false;
  std::string tool_version = PARALLAX_VERSION;
  std::size_t max_claims = 20;
  Messages messages;
};

// A discussion prompt: a question drawn from one of the largest differences between outlets,
// with the passages that show it.
struct DiscussionPrompt {
  std::string kind;   // naming | loaded-quoted | voices | claim | distancing
  std::string text;   // the question, blinded when blinding
  std::string basis;  // the figure it rests on, in one line ("own-voice naming: 100% vs 0%")
  std::vector<Evidence> evidence;  // at most a handful, in article order
};

// A highlighted span of an article's text and what its tooltip and footnote say.
struct Highlight {
  std::size_t start = 0;
  std::size_t end = 0;
  std::string kind;         // naming | loaded | cue | scare | quote | claim
  std::string perspective;  // lexicon perspective id ("" = none)
  std::string entry_form;   // the lexicon form (naming, loaded, cue)
  std::string note;         // what the tooltip and footnote explain (blinded)
  std::string voice;        // own | quoted | reported | scare | cited (Evidence::voice)
  std::string speaker;      // for quoted voice (blinded)
};

struct Provenance {
  std::string tool_version;
  std::string date;  // newest article date (deterministic, not the wall clock)
  std::string corpus_checksum;
  std::vector<ArticleChecksum> articles;
  std::string lexicon_checksum;
  std::vector<LexiconFile> lexicon_files;  // path reduced to the file name
  std::vector<LeftOutFile> left_out;       // files of the story folder that could not be read
};

class StoryReport {
 public:
  // Gathers provenance (reads the article files again for their checksums: throws InputError
  // when one can no longer be read), builds the prompts and the highlights.
  StoryReport(const ReportInputs& inputs, const ReportOptions& options = {});

  const std::string& story() const { return story_; }
  const std::vector<Article>& articles() const { return *inputs_.articles; }
  const std::vector<ArticleAnnotations>& annotations() const { return *inputs_.annotations; }
  const Lexicon& lexicon() const { return *inputs_.lexicon; }
  const Alignment& alignment() const { return *inputs_.alignment; }
  const StoryMeasures& measures() const { return *inputs_.measures; }
  const ReportOptions& options() const { return options_; }
  // The translator every renderer takes its words from (options().messages).
  const Messages& messages() const { return options_.messages; }
  const Blinder& blinder() const { return blinder_; }
  const Provenance& provenance() const { return provenance_; }
  const std::vector<DiscussionPrompt>& prompts() const { return prompts_; }
  // Claims shown side by side: at most options().max_claims, chosen by the number of outlets
  // carrying them (then of outlets omitting them), ties in alignment order; listed in the
  // natural order of their ids (claim-2 before claim-10), in every output format.
  const std::vector<const Claim*>& claims() const { return claims_; }
  // Outlet ids in the order of their first article.
  const std::vector<std::string>& outlet_ids() const { return outlet_ids_; }
  // The languages of the articles (primary subtags) for which the lexicon has no reporting cue
  // ("said", "заявил"), each with its number of articles, in language order: their quotations
  // stay unattributed and their reported speech is not found. A language has cues when the
  // built-in verbs cover it, when cues are written in it (lang), or when any reporting cue
  // matched in one of its articles (cues match in a text of any language).
  const std::vector<std::pair<std::string, std::size_t>>& languages_without_cues() const {
    return languages_without_cues_;
  }

  // What to call an outlet (display name, or "Outlet A" when blinding) and an article (its id,
  // or "A1").
  std::string OutletLabel(const std::string& outlet_id) const;
  std::string ArticleLabel(const std::string& article_id) const;
  // Blinds `text` when blinding; returns it unchanged otherwise.
  std::string Show(std::string_view text) const { return blinder_.Apply(text); }
  // A speaker as the measures name it, shown: the measures' "unattributed" in the report's
  // language, any other name blinded like Show().
  std::string ShowSpeaker(const std::string& speaker) const;

  const Article* FindArticle(const std::string& article_id) const;
  std::size_t ArticleIndex(const std::string& article_id) const;  // npos when absent
  // The anchor of the highlight starting at `start` in an article: "m-<label>-<start>".
  std::string Anchor(const std::string& article_id, std::size_t start) const;
  // The words of an article at [start, end), blinded, white space collapsed, at most
  // `max_bytes` (cut at a UTF-8 boundary, with "…").
  std::string Excerpt(const std::string& article_id, std::size_t start, std::size_t end,
                      std::size_t max_bytes = 240) const;

  // Highlights of article `index`, sorted by start, then longest first. Every span a figure
  // links to is among them.
  const std::vector<Highlight>& highlights(std::size_t index) const { return highlights_[index]; }

  // Names given with another in brackets ("Khankendi (Stepanakert)") by the outlet's articles for
  // a concept, as written: (first, bracketed), in text order.
  std::vector<std::pair<std::string, std::string>> Bracketed(const std::string& outlet_id,
                                                             const std::string& concept_id) const;

  std::string PerspectiveLabel(const std::string& id) const;  // "no perspective" for ""
  // A concept's label in the report's language (`fallback`, the English one, when the lexicon
  // has no <label xml:lang> for it).
  std::string ConceptLabel(const std::string& concept_id, const std::string& fallback) const;
  // A concept's note in the report's language, else the English note; "" for an unknown id.
  std::string ConceptNote(const std::string& concept_id) const;
  // An entry's note in the report's language, else the English note.
  const std::string& NoteOf(const LexiconEntry& entry) const;
  // The note of a loaded term's lexicon entry in the report's language, else `use.note`.
  const std::string& NoteOf(const LoadedTermUse& use) const;
  std::string PerspectiveColour(const std::string& id) const;  // "#999999"-like; grey for ""

 private:
  void BuildHighlights();
  void BuildPrompts();
  void SelectClaims();

  ReportInputs inputs_;
  ReportOptions options_;
  std::string story_;
  Blinder blinder_;
  Provenance provenance_;
  std::vector<std::string> outlet_ids_;
  std::vector<std::vector<Highlight>> highlights_;
  std::vector<DiscussionPrompt> prompts_;
  std::vector<const Claim*> claims_;
  std::vector<std::pair<std::string, std::size_t>> languages_without_cues_;
};

// Formats a share as a whole percentage ("67%"); counts are always shown beside it.
std::string Percent(int part, int whole);

// What the report and the terminal say about a story lexicon's fit (LexiconFit): one plain
// sentence, and for a lexicon that does not fit, what to do instead.
std::string LexiconFitSentence(const LexiconFit& fit, const Messages& messages = Messages());
// The sentences of every lexicon's fit, then, once, what to do where one does not fit: draft a
// lexicon from the story's folder (`story`, the folder's name).
std::vector<std::string> LexiconFitSentences(const std::vector<LexiconFit>& fits,
                                             const std::string& story,
                                             const Messages& messages = Messages());

// What the report and the terminal say about StoryReport::languages_without_cues(): one
// sentence naming them and what to do, or "" when every language has reporting cues.
std::string ReportingCuesSentence(
    const std::vector<std::pair<std::string, std::size_t>>& languages_without_cues,
    const Messages& messages = Messages());

}  // namespace parallax

#endif  // PARALLAX_REPORT_STORY_REPORT_H_
