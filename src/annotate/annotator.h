// The annotator: the heart of the analysis. For one cleaned article it finds which names the
// text uses for contested things, which loaded terms and distancing cues appear, who is quoted
// saying what, and which dated events it mentions — and for every lexicon match whether it
// stands in the outlet's own voice or inside a quotation (with the speaker). Every annotation
// carries its byte span in Article::text and the sentence it belongs to.
//
// Built once from a lexicon (the matcher compiles every form), then Annotate is const and safe
// to call from several threads at once.
#ifndef PARALLAX_ANNOTATE_ANNOTATOR_H_
#define PARALLAX_ANNOTATE_ANNOTATOR_H_

#include <cstddef>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "annotate/attribution.h"
#include "annotate/dates.h"
#include "annotate/lexicon.h"
#include "annotate/quotes.h"
#include "core/article.h"
#include "core/compact_string.h"
#include "core/diagnostic.h"

namespace parallax {

// Whose words a match stands in: the outlet's own, a direct quotation's, or reported speech's
// ("Yerevan accused Baku of creating a humanitarian crisis"). Distancing ("so-called X", X in
// scare quotes) is a property of an own-voice use, not a voice.
enum class Voice { kOwn, kQuoted, kReported };
const char* VoiceName(Voice voice);  // "own" | "quoted" | "reported"

// A lexicon match in an article.
struct LexiconMatch {
  std::size_t start = 0;  // byte span in Article::text
  std::size_t end = 0;
  std::size_t entry = 0;     // index into Lexicon::entries
  std::size_t sentence = 0;  // index into ArticleAnnotations::sentences
  Voice voice = Voice::kOwn;
  int quote = -1;        // index into quotes of the innermost direct quote holding it
  int scare_quote = -1;  // index of a scare quote holding it (own voice, held at a distance)
  int attribution = -1;  // index into attributions of the relation whose content holds it
  // Index into quotes of the quotation that names the speaker of a quoted match (the innermost
  // one with a speaker), -1 when none does. Who speaks: SpeakerOf below.
  int speaker_quote = -1;
  // Own voice held at a distance: the cue before it ("so-called") or the scare quote's cue;
  // "scare quotes" for a scare quote with no cue; kCitedTitle for an official title cited in
  // title quotation marks (LexiconEntry::official_title); "" when not distanced.
  CompactString distancing;
};

// LexiconMatch::distancing of an official title cited in title quotation marks: закон «О
// прозрачности иностранного влияния», „უცხოური გავლენის გამჭვირვალობის შესახებ“ კანონპროექტი.
// Georgian and Russian put every title in quotation marks, so the marks are no scare quotes,
// but the text names the title, it does not take it up as its own description.
inline constexpr std::string_view kCitedTitle = "cited title";

// Who speaks in a match's quoted or reported voice, as views into the annotations it belongs
// to: the quotation `speaker_quote` when set, else the relation `attribution`. All empty for the
// outlet's own voice, or when nobody is named.
struct SpeakerNames {
  std::string_view name;
  std::string_view actor_id;  // the speaker's lexicon actor, if any
  std::string_view perspective;
};

// Two naming variants of one concept where the second follows in brackets: "Khankendi
// (Stepanakert)". The order is the outlet's choice of which name comes first.
struct BracketedPair {
  std::size_t first = 0;   // index into matches
  std::size_t second = 0;  // index into matches
};

struct ArticleAnnotations {
  std::vector<std::pair<std::size_t, std::size_t>> sentences;  // byte spans in Article::text
  std::vector<Quote> quotes;
  std::vector<AttributionRelation> attributions;  // in order of content, not overlapping
  std::vector<LexiconMatch> matches;              // in text order
  std::vector<DateMention> dates;
  std::vector<BracketedPair> bracketed_pairs;
  std::size_t words = 0;  // words in Article::text
  // Start offsets (in Article::text) of runs longer than kMaxSentenceBytes (text/sentences.h)
  // without a sentence end, read in pieces: callers warn about them with the file and line.
  std::vector<std::size_t> long_sentences;
};

// The speaker of `match`, one of `annotations.matches`.
SpeakerNames SpeakerOf(const ArticleAnnotations& annotations, const LexiconMatch& match);

// A warning per run of ArticleAnnotations::long_sentences, naming the article's file and the
// line where the run starts (the line of its JSON record for `scan`: `line` when given).
Diagnostics LongSentenceWarnings(const Article& article, const ArticleAnnotations& annotations,
                                 int line = 0);

class Annotator {
 public:
  // Compiles every naming, loaded-term, cue and actor form of `lexicon` (which must outlive the
  // annotator). Forms the matcher refuses become error diagnostics; check `ok()`.
  explicit Annotator(const Lexicon& lexicon);
  ~Annotator();
  Annotator(const Annotator&) = delete;
  Annotator& operator=(const Annotator&) = delete;

  bool ok() const { return !HasErrors(diagnostics_); }
  const Diagnostics& diagnostics() const { return diagnostics_; }
  const Lexicon& lexicon() const { return lexicon_; }

  // Annotates Article::text (the cleaned text). Thread-safe.
  ArticleAnnotations Annotate(const Article& article) const;

 private:
  struct Impl;
  const Lexicon& lexicon_;
  Diagnostics diagnostics_;
  std::unique_ptr<Impl> impl_;
};

// The JSON shape of `parallax annotate` for one article: id, outlet, date, body (the text the
// offsets refer to), sentences, quotes, attributions, matches, dates, bracketed_pairs.
nlohmann::ordered_json AnnotationsToJson(const Article& article,
                                         const ArticleAnnotations& annotations,
                                         const Lexicon& lexicon);

}  // namespace parallax

#endif  // PARALLAX_ANNOTATE_ANNOTATOR_H_
