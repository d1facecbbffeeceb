// Quotations, their speakers, and scare quotes.
//
// Whose words are these? A report that counts loaded terms must tell the outlet's own voice from
// the words it quotes, and must say who is quoted. QuoteFinder pairs quotation marks in a text
// (“…”, "…", «…», „…“, ‘…’, '…', ‹…›), tells a closing ’ from the apostrophe in Azerbaijan’s,
// follows quotations over sentences and paragraphs, nests them, and attributes each one to a
// speaker:
//
//   tag after        “…,” the peacekeepers added.   “…”, Vanyan told OC Media.   “…” – Name
//   tag before       Washington said it was “…”     the Foreign Ministry accused Baku of ‘…’
//   according to     according to expert X, “…”     “…”, according to X.
//   interruption     “… timing, – Ilgar Velizade told Kommersant. – This will …”
//   introduction     … political observer Agshin Kerimov believes:⏎“…”
//   pronoun          It said … “…”   (It/They/He/She → the last named speaker before it)
//   continuation     a quote with no tag right after a quote of a known speaker, in the same or
//                    the next paragraph (“…,” Mr. X said. “…”) → the same speaker
//
// Speakers are kept as written (`mention`) and resolved to a name (`speaker`): a pronoun to its
// antecedent, a bare surname or "Mr. Surname" to the full name the text introduced earlier
// ("Alexander Iskandaryan"), a descriptor dropped ("political scientist Ilgar Velizade" →
// "Ilgar Velizade"). When a caller-supplied SpeakerPattern matches the speaker, the quote also
// carries that actor id and perspective.
//
// Not every short quoted span is a scare quote. A quotation that fills its own line (a subhead
// such as ‘Gross violation’) quotes someone, as does one introduced as a slogan, chant or banner
// ("the chant “No to Russian law”"): both are direct. A name in quotation marks (in Russian the
// ordinary way to write parties, media and laws: «Грузинская мечта», «Медуза»; in English a
// title of several capitalised words) is a title: the outlet neither quotes nor distances it.
//
// A scare quote is a short quoted span (at most QuoteOptions::scare_max_words words, no sentence
// punctuation) with no speaker, or one inside a distancing construction ("what the Azerbaijani
// government insists are ‘eco-activists’", "the so-called “Miatsum road”"): the outlet holds
// the words at a distance rather than reporting speech. `distancing_cue` names the construction
// and `sentence_start` exposes the text before the mark so an annotator can look for other cues.
//
// Paragraphs are separated by line breaks (one or more). A quote left open at the end of a
// paragraph continues when the next paragraph re-opens it with an opening mark (the English
// convention for multi-paragraph quotations) or when the next quotation mark of its kind further
// on is a closing one; otherwise it ends, unclosed, with its paragraph.
//
// Quotations nest at most kMaxQuoteDepth levels deep (a quote in a quote in a quote is the
// most news prose holds); a mark that would open a level deeper is not read as an opening mark.
//
// A paragraph ending with a colon that announces speech ("… posted this status update:", "Read
// the full letter via Gawker:") followed by a paragraph that opens with no quotation mark makes
// that paragraph an unmarked block quotation (open_mark and close_mark empty, open == start).
//
// All offsets are byte offsets into the text given to FindQuotes. Finding is a pure function of
// its inputs: safe to call from several threads at once.
#ifndef PARALLAX_ANNOTATE_QUOTES_H_
#define PARALLAX_ANNOTATE_QUOTES_H_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "core/compact_string.h"
#include "text/word_filter.h"

namespace parallax {

inline constexpr std::size_t kMaxQuoteDepth = 4;

// A quotation mark as written: one character, at most four bytes of UTF-8, held inline (a text
// dense with quotation marks holds a quote for every few bytes).
class QuoteMark {
 public:
  QuoteMark() = default;
  explicit QuoteMark(std::string_view utf8) {
    size_ = static_cast<unsigned char>(std::min(utf8.size(), sizeof(bytes_)));
    std::copy_n(utf8.data(), size_, bytes_);
  }
  std::string_view view() const { return {bytes_, size_}; }
  std::string str() const { return std::string(view()); }
  bool empty() const { return size_ == 0; }
  bool operator==(std::string_view other) const { return view() == other; }

 private:
  char bytes_[4] = {};
  unsigned char size_ = 0;
};

enum class QuoteKind {
  kDirect,  // reported speech: the words of `speaker` (who may be unknown)
  kScare,   // a short span the outlet holds at a distance
  kTitle,  // a name or title in quotation marks: «Грузинская мечта», “Sunday Morning Futures”
  // A word or two of the source woven into the outlet's reported-speech sentence ('he said he
  // “respects” Grassley'): part of that reported speech, not a quotation of its own (set by
  // MarkQuotedFragments, attribution.h).
  kFragment,
};
const char* QuoteKindName(QuoteKind kind);  // "direct" | "scare" | "title" | "fragment"

// How the speaker was found (see the table at the top of this file).
enum class Attribution {
  kNone,
  kTagAfter,
  kTagBefore,
  kInterruption,
  kIntroduction,
  kContinuation,
  kEnclosing,  // a nested quote with no tag of its own: its parent's speaker
};
const char* AttributionName(Attribution attribution);  // "none", "tag-after", …

// Maps a speaker to a lexicon actor. `pattern` is a phrase matched case-insensitively at word
// boundaries anywhere in the resolved speaker or in the mention (typographic apostrophes fold to
// '); a word ending in `*` matches any word it begins. The longest matching pattern wins.
struct SpeakerPattern {
  std::string pattern;      // e.g. "Armenian foreign ministry", "Aliyev", "Azerbaijan*"
  std::string actor_id;     // e.g. "am-mfa"
  std::string perspective;  // e.g. "armenia"
  // A country or capital standing for its government ("Azerbaijan said"): also what "the
  // country's Foreign Ministry" refers to when it is the last one named.
  bool place = false;
  // The pattern's words, lower case ("azerbaijan*" keeps its `*`); filled by
  // internal::SplitSpeakerPattern, or on each use when empty.
  std::vector<std::string> words = {};
  // internal::FirstWordShape(words), set with them; 0 (unset, or a wildcard) has MatchSpeaker
  // work it out.
  std::uint64_t first_word_shape = 0;
};

// Options; defaults in brackets.
//   speaker_patterns   []    actor patterns (see SpeakerPattern)
//   scare_max_words    4     longest span (in words) that can be a scare quote
//   continuation_paragraphs 1  how many paragraphs back a continuation may reach
struct QuoteOptions {
  std::vector<SpeakerPattern> speaker_patterns;
  // Reporting verbs beside the built-in English and Russian ones (speakers.h), lower case: the
  // lexicons' reporting cues of one word ("повідомив", "განაცხადა", "ասաց") or two, joined by
  // one space ("ասել է"), so that a quotation tagged with one has its speaker.
  WordList reporting_verbs;
  std::size_t scare_max_words = 4;
  int continuation_paragraphs = 1;
};

struct Quote {
  static constexpr std::size_t kNone = static_cast<std::size_t>(-1);

  // Marks: text[open, start) is the opening mark, text[end, close) the closing one. For a quote
  // left unclosed at the end of its paragraph, end == close (the paragraph end).
  std::size_t open = 0;
  std::size_t start = 0;  // first byte of the content
  std::size_t end = 0;    // one past the last byte of the content
  std::size_t close = 0;  // one past the closing mark
  QuoteMark open_mark;    // e.g. "“"
  QuoteMark close_mark;   // "" when unclosed (both "" for an unmarked block quotation)
  bool closed = true;
  // Spans inside [start, end) that are not the speaker's words: re-opening marks of continued
  // paragraphs and interruptions such as "– Ilgar Velizade told Kommersant. –".
  std::vector<std::pair<std::size_t, std::size_t>> gaps;
  int depth = 0;    // 0 for outermost quotes
  int parent = -1;  // index of the enclosing quote in the result, -1 if none
  QuoteKind kind = QuoteKind::kDirect;

  // Speaker. `speaker` is the resolved name, found at text[speaker_start, speaker_end) (the
  // antecedent for a pronoun, the full name for a surname); `mention` is what stands next to the
  // quote ("It", "Mr. Iskandaryan"). Both empty, offsets kNone, when unknown.
  CompactString speaker;
  std::size_t speaker_start = kNone;
  std::size_t speaker_end = kNone;
  CompactString mention;
  std::size_t mention_start = kNone;
  std::size_t mention_end = kNone;
  CompactString verb;  // the reporting expression: "said", "told", "according to", "believes", …
  Attribution attribution = Attribution::kNone;
  CompactString actor_id;  // from the best matching SpeakerPattern, "" if none
  CompactString perspective;

  // Context for distancing cues: the sentence holding the opening mark starts here, so
  // text[sentence_start, open) is what precedes the quote in its sentence.
  std::size_t sentence_start = 0;
  CompactString distancing_cue;  // "so-called", "what … insists are", … ("" if none)

  std::size_t word_count = 0;  // words in the content
};

// Finds all quotations in `text`, in order of their opening marks (parents before the quotes
// they contain).
std::vector<Quote> FindQuotes(std::string_view text, const QuoteOptions& options = {});

// The languages (primary subtags) whose reporting verbs FindQuotes knows without a lexicon:
// English, Russian and Ukrainian ("said", "заявил", "заявив").
inline constexpr std::string_view kBuiltInReportingLanguages[] = {"en", "ru", "uk"};

// The innermost quote whose words cover byte `offset` (inside [start, end) and outside its
// gaps), or nullptr when the offset is in the outlet's own voice.
const Quote* QuoteAt(const std::vector<Quote>& quotes, std::size_t offset);

// The index of the last quote of `quotes` (FindQuotes' result: in order of their opening marks,
// properly nested, `parent` set) that opens at or before `offset`, or -1. Every quote holding
// `offset` is that quote or one of its ancestors, so a lookup walks that `parent` chain instead
// of every quote: the cost of QuoteAt and its like stays logarithmic in the number of quotes.
int LastQuoteOpenedAt(const std::vector<Quote>& quotes, std::size_t offset);

// True when all of [begin, end) lies in quoted words of one quote (QuoteAt of every byte is the
// same non-null quote or one nested in it). Spans of zero length use QuoteAt(begin).
bool IsQuoted(const std::vector<Quote>& quotes, std::size_t begin, std::size_t end);

// Leaves `q` naming nobody: its speaker, mention, actor and perspective are empty (offsets
// kNone); how it was tagged (verb, attribution) stays.
void ClearSpeaker(Quote* q);

}  // namespace parallax

#endif  // PARALLAX_ANNOTATE_QUOTES_H_
