// Lexicons: the user-written description of how a conflict is talked about. A lexicon names the
// perspectives (sides) whose usage it records, the concepts that have competing names (naming
// variants), loaded terms, actors (for attributing quotations to speakers) and cues (distancing
// words such as "so-called", hedges such as "reportedly", reporting verbs with their stance).
//
// This unit reads lexicon XML files (format: lexicons/schema/lexicon.rng), validates them against
// the RELAX NG schema and against the semantic rules the schema cannot express, and turns them
// into a plain data model. It does no matching: the annotation stage feeds `Lexicon::entries` to
// the matcher. Several files are merged into one Lexicon (e.g. common/en.xml, common/ru.xml and
// karabakh.xml), so a conflict pack may refer to perspectives declared in another file.
//
// For the annotation stage: forms of different kinds overlap by design (the cue "self-proclaimed"
// and the naming variant "self-proclaimed Nagorno-Karabakh Republic"; the loaded term
// "separatist*" and the variant "separatist authorities"), so each kind needs its own
// leftmost-longest pass, or the longer form hides the shorter one. Cue forms with `{X}` are not
// matcher patterns: split them with SplitAtGap.
//
// Safety: files are parsed by libxml2 with the network off and without entity substitution or
// DTD loading; a file with a DOCTYPE is refused before it reaches the parser, so neither
// "billion laughs" nor external entities (file:///etc/passwd) are ever expanded or read.
// Error handlers are set per parser and per validation context; no libxml2 global is touched.
//
// What `parallax lexicon check` reports (all with file:line and a hint):
//   error    the file cannot be read, holds NUL bytes, is not well-formed XML, or has a DOCTYPE
//   error    the file does not follow the schema (libxml2's message, with what the element
//            takes and a "did you mean" for misspelt element names)
//   error    missing form attribute, empty form, entry with no language
//   error    unknown perspective id (on a variant, term or actor)
//   error    duplicate perspective, concept or actor id across all files
//   error    duplicate form: the same normalised form and language twice within one kind
//            (naming variants, loaded terms, actor patterns, cues)
//   error    empty or missing note on a naming variant or loaded term
//   error    bad wildcard: `*` anywhere but the end of the last word, or a lone `*`
//   error    `{X}` gap outside a cue, more than one gap, or a gap at the start or end of a cue
//   error    stemming asked for a language that has no Snowball stemmer
//   error    colour not of the form #RRGGBB
//   warning  missing source on a naming variant or loaded term
//   warning  one form in two languages within one kind that says the same (perspective and
//            concept): both match the same words in a text of any language, so keep one
//   warning  a wildcard prefix shorter than three letters (matches too much)
//   warning  a one-word form stemmed by its file's stem-languages whose Snowball stem has three
//            letters or fewer and differs from it ("Алиев" stems to "ал"): an explicit
//            stem="true" says it was weighed
//   warning  a concept with no variants; a perspective no entry uses
//   warning  entries marked status="candidate" (drafted by `parallax lexicon draft`, not yet
//            reviewed): one line per file with how many, and what the facilitator should do
//   warning  a concept or term category the project does not know (category="regoin"), with a
//            "did you mean" and the known ones (KnownConceptCategories, KnownTermCategories)
//   warning  a file with naming variants or loaded terms but no scope (NamesStory: no concept
//            of a scope category, no actor): its forms count in every article of any story.
//            Left out while all those entries are candidates: the candidate warning says how.
//   warning  with --languages: a concept with no variant in one of the languages given
//            (annotate/lexicon_coverage.h)
#ifndef PARALLAX_ANNOTATE_LEXICON_H_
#define PARALLAX_ANNOTATE_LEXICON_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"

namespace parallax {

// A label or note of the lexicon in another language than its English default, for reports in
// that language: <label xml:lang="ru">…</label> and <note xml:lang="ru">…</note> after the English
// note of a perspective, concept, variant, term or actor.
struct Translation {
  std::string language;  // BCP 47 primary language, lower case ("ru")
  std::string text;      // white space collapsed
};

// The text in `language` among `translations`, else `english`.
const std::string& Localized(const std::string& english,
                             const std::vector<Translation>& translations,
                             std::string_view language);

// A side or viewpoint whose usage the lexicon records ("armenian", "azerbaijani", ...).
struct Perspective {
  std::string id;
  std::string label;   // shown in reports
  std::string colour;  // "#RRGGBB", chosen to stay distinguishable for colour-blind readers
  std::string note;
  std::vector<Translation> note_translations;  // the note in other languages
  std::vector<Translation> label_translations;
  std::string file;
  int line = 0;
};

// A referent with competing names: Stepanakert / Khankendi, Lachin corridor / Lachin road.
// Its variants are the entries with kind kNaming and this concept's id.
struct Concept {
  std::string id;
  std::string label;
  std::string category;  // place, route, event, group, conflict, ... (may be empty)
  std::string note;
  std::vector<Translation> note_translations;  // the note in other languages
  std::vector<Translation> label_translations;
  std::vector<std::size_t> variants;  // indices into Lexicon::entries
  bool candidate = false;             // status="candidate": drafted, not yet reviewed
  std::string file;
  int line = 0;
};

// One surface form to find in text. Every matchable string of a lexicon is an entry: naming
// variants, loaded terms, actor name patterns and cues.
//
// Form syntax (as written in the file; the matcher normalises it like article text):
//   - words separated by spaces; matching is on tokens, case- and width-insensitive;
//   - a trailing `*` on the last word makes that word a prefix ("occupied territor*");
//   - in cues only, one `{X}` token stands for a gap of 1..max_gap words ("what {X} insists are").
struct LexiconEntry {
  // kEvent: a form of an event type (<event-types>), for alignment only; `concept_id` holds the
  // type's id and `category` its label. The annotator does not match these.
  // kPlace: a name of a place (<places>), for alignment only, likewise.
  enum class Kind { kNaming, kLoaded, kActor, kCue, kEvent, kPlace };

  Kind kind = Kind::kNaming;
  std::string form;         // as written, without surrounding whitespace
  std::string language;     // BCP 47 ("en", "ru"); from the entry or the file's `lang`
  std::string perspective;  // naming: whose usage; loaded/actor: owner; "" when none
  std::string concept_id;   // kNaming: the concept this form names
  std::string actor_id;     // kActor: the actor this pattern names
  // kLoaded: the term's category ("accusation", "status-qualifier", ...).
  // kCue: the cue type, one of kCueDistancing, kCueHedging, kCueReporting.
  std::string category;
  std::string stance;  // kCue reporting verbs: neutral | distancing | endorsing | emphatic
  // kCue reporting: how the cue relates to its source: "verb" ("" too: "X said", "said X") or
  // "source-follows" ("according to X", "по словам X"). See annotate/attribution.h.
  std::string syntax;
  // kActor: a metonym for speakers only ("Azerbaijan said"), not matched as a mention.
  bool speaker_only = false;
  // kNaming, title="official": the form is (part of) an official title, such as a law's. A use
  // inside title quotation marks cites the title (закон «О прозрачности иностранного влияния»)
  // and is held at a distance, not counted as the text's own naming (annotator.h kCitedTitle).
  bool official_title = false;
  std::string note;  // what a facilitator can read aloud: who uses the form and why it matters
  std::vector<Translation> note_translations;  // the note in other languages
  std::string source;     // glossary ids, addresses or seed files documenting the usage
  bool wildcard = false;  // the form ends with `*` (the `*` stays in `form`)
  bool stem = false;      // match on Snowball stems of `language` (a stemmer is known to exist)
  int max_gap = 0;        // kCue with `{X}`: the most words the gap may span; 0 = no gap
  // status="candidate": drafted from a corpus by `parallax lexicon draft`, not yet reviewed. It
  // matches like any entry; `lexicon check` reminds the facilitator to review it.
  bool candidate = false;
  std::string file;
  int line = 0;
};

inline constexpr std::string_view kCueDistancing = "distancing";
inline constexpr std::string_view kCueHedging = "hedging";
inline constexpr std::string_view kCueReporting = "reporting";
// The gap token of cue forms and its default width.
inline constexpr std::string_view kGapToken = "{X}";
inline constexpr int kDefaultMaxGap = 6;

// Someone who can be quoted: a ministry, a leader, a spokesperson, an expert. The annotation stage
// maps speakers found in text ("Lavrov said", "according to the State Border Service") to actors
// through their patterns.
struct Actor {
  std::string id;
  std::string name;         // display name
  std::string perspective;  // "" when none; for experts and journalists it follows their base
  std::string kind;         // government, official, military, authority, expert, journalist, ...
  std::string base;         // where the actor works ("Yerevan", "Baku", "Moscow")
  std::string role;         // e.g. "Russian Foreign Minister"
  std::string note;
  std::vector<Translation> note_translations;  // the note in other languages
  std::string source;
  std::vector<std::size_t> patterns;  // indices into Lexicon::entries (kind kActor)
  std::string file;
  int line = 0;
};

// Provenance of one loaded file.
struct LexiconFile {
  std::string path;
  std::string id;      // the root element's id
  std::string sha256;  // of the file's bytes, lower-case hex (as `sha256sum` prints it)
};

// All files merged. Order follows the files given and the order inside each file.
struct Lexicon {
  std::vector<Perspective> perspectives;
  std::vector<Concept> concepts;
  std::vector<LexiconEntry> entries;
  std::vector<Actor> actors;
  std::vector<LexiconFile> files;
  // sha256 over the files' digests in order: identifies the exact lexicon a report used.
  std::string checksum;

  // Lookups by id; nullptr when absent.
  const Perspective* FindPerspective(std::string_view id) const;
  const Concept* FindConcept(std::string_view id) const;
  const Actor* FindActor(std::string_view id) const;
  // Number of entries of one kind.
  std::size_t Count(LexiconEntry::Kind kind) const;
};

// The concept categories whose variants name a story (its scope; framing/measures.h, LexiconFit):
// places, regions, polities, routes, laws whose names are the story (Georgia's "foreign
// influence" law), and the names of a conflict and of a population, which carry the region's
// ("Nagorno-Karabakh conflict", "население Нагорного Карабаха").
inline constexpr std::string_view kScopeCategories[] = {"place", "region",   "polity",    "route",
                                                        "law",   "conflict", "population"};
bool IsScopeCategory(std::string_view category);

// The concept categories the project knows: the scope categories, then the others the shipped
// packs use (event, group, date, document, boundary, territory-status, usage). A category is free
// text to the schema; `lexicon check` warns on any other, since only these mean something.
const std::vector<std::string>& KnownConceptCategories();
// The loaded-term categories the project knows: those of the shipped packs (accusation,
// atrocity, status-qualifier, …) and the two of `lexicon draft` (distanced, distinctive).
const std::vector<std::string>& KnownTermCategories();

// True when `entry` of `lexicon` names its story: a naming variant of a concept of a scope
// category, or an actor pattern (except speaker="only" metonyms, which name no one mentioned).
// A story lexicon's scope is the set of its entries that do.
bool NamesStory(const Lexicon& lexicon, const LexiconEntry& entry);

// Options for loading.
//   schema_path      ""    use the schema compiled into the library (identical to
//                          lexicons/schema/lexicon.rng); otherwise read this .rng file
//   validate_schema  true  run RELAX NG validation (semantic checks always run)
struct LexiconOptions {
  std::string schema_path;
  bool validate_schema = true;
};

struct LexiconLoadResult {
  Lexicon lexicon;
  Diagnostics diagnostics;  // in file order, then line order
  bool ok() const { return !HasErrors(diagnostics); }
};

// In-memory lexicon text, for tests, fuzzing and callers that read files themselves.
struct LexiconSource {
  std::string path;  // shown in diagnostics
  std::string text;
};

// Reads, validates and merges the files. Never throws for bad input: every problem is a
// diagnostic, and the lexicon holds whatever could be read (entries of a file that is not
// well-formed, or has a DOCTYPE, are skipped whole). Use the lexicon only when ok().
LexiconLoadResult LoadLexicons(const std::vector<std::string>& paths,
                               const LexiconOptions& options = {});
LexiconLoadResult LoadLexiconSources(const std::vector<LexiconSource>& sources,
                                     const LexiconOptions& options = {});

// Everything `parallax lexicon check FILE...` reports: LoadLexicons's diagnostics.
Diagnostics CheckLexicons(const std::vector<std::string>& paths,
                          const LexiconOptions& options = {});

// The schema compiled into the library (the text of lexicons/schema/lexicon.rng).
std::string_view EmbeddedLexiconSchema();

// The directory of the shipped lexicons: $PARALLAX_LEXICON_DIR when set, else the source tree's
// lexicons/ (PARALLAX_SOURCE_DIR), else <executable>/../share/parallax/lexicons. "" when none of
// these holds karabakh.xml.
std::string FindLexiconDir();

// The conflict-independent lexicons inside `dir`: every common/*.xml (cues, reporting verbs,
// event types per language), sorted by name. Empty when `dir` has no common/ folder.
std::vector<std::string> CommonLexiconPaths(const std::string& dir);

// The story packs inside `dir`: every *.xml directly in it (karabakh.xml, georgia.xml,
// russia-ukraine.xml, …), sorted by name; {dir/karabakh.xml} when it holds none (so a missing
// folder still names the file a caller expects). Each pack declares its story through its
// places and actors; lexicon fit (framing/measures.h) keeps a pack to the articles of its story.
std::vector<std::string> StoryLexiconPaths(const std::string& dir);

// The default lexicon set inside `dir`: CommonLexiconPaths, then StoryLexiconPaths.
std::vector<std::string> DefaultLexiconPaths(const std::string& dir);

// For a cue with a gap ("what {X} insists are"): the fixed words before and after `{X}`
// ("what", "insists are"). The matcher knows no gaps, so the annotation stage matches the two
// parts and accepts them when at most LexiconEntry::max_gap words lie between. Returns false
// (and leaves the outputs alone) when `form` has no `{X}` word.
bool SplitAtGap(std::string_view form, std::string* before, std::string* after);

// The primary subtag of a BCP 47 tag, lower case: "en-GB" -> "en", "RU" -> "ru".
std::string PrimaryLanguage(std::string_view language);
// True when the two tags name the same language (their primary subtags are equal).
bool SameLanguage(std::string_view a, std::string_view b);
// The Snowball language an entry's words are stemmed with: the primary subtag of its language
// when it is stemmed ("ru-RU" -> "ru"), else "" (compare exact match forms). What every
// matcher built from a lexicon passes as MatchPatternOptions::stem_language.
std::string StemLanguage(const LexiconEntry& entry);

// True when libstemmer has a Snowball stemmer for `language` ("ru", "en", "hy", "fr", ...).
bool HasSnowballStemmer(std::string_view language);

// The key duplicate checks compare: NFKC, case-folded, default-ignorable characters (soft hyphen,
// zero-width joiners) dropped, typographic quotes and dashes folded to ASCII, runs of white space
// made one space, ends trimmed.
std::string NormalizeLexiconForm(std::string_view form);

}  // namespace parallax

#endif  // PARALLAX_ANNOTATE_LEXICON_H_
