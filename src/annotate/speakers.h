// Who is speaking: the word-level pieces that quotations (quotes.h) and attribution
// (attribution.h) share.
//
// Both units ask the same questions of a stretch of text: where are its words, is this word a
// reporting verb ("said", "заявил") or a noun that looks like one ("the claims"), and which noun
// phrase is its subject or object. This unit answers them on a small token vector made for one
// sentence or tag:
//
//   SubjectBefore   "Bahruz Samadov, a political scientist …, said"   → "Bahruz Samadov"
//                   "The State Minister, Gurgen Nersisyan, also stated" → "Gurgen Nersisyan"
//                   "It said"                                        → "It" (a pronoun)
//   PhraseAfter     "said Mr. Steele", "according to the expert"      → "Mr. Steele", "the expert"
//   ChunkStart      the comma-free phrase ending before a token, keeping "Mr." and "George W."
//
// Everything here is a pure function of its arguments. Offsets are byte offsets into the text
// given to Tokenize.
#ifndef PARALLAX_ANNOTATE_SPEAKERS_H_
#define PARALLAX_ANNOTATE_SPEAKERS_H_

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "annotate/quotes.h"

namespace parallax {
namespace internal {

// One code point of UTF-8 text; len 0 past either end, U+FFFD (len 1) for a bad byte.
struct Char {
  char32_t cp = 0;
  std::size_t len = 0;
};
Char CharAt(std::string_view text, std::size_t pos);
Char CharBefore(std::string_view text, std::size_t pos);

bool IsSpace(char32_t c);
bool IsAlnum(char32_t c);  // letters of any script, digits, combining marks
bool IsUpper(char32_t c);
bool IsDash(char32_t c);
bool IsQuoteChar(char32_t c);

struct Token {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::string_view text;   // as written: a view of the text given to Tokenize
  std::string_view lower;  // lower-cased, ’ folded to ': a view of the text itself when that is
                           // already the lower-case form, else of the Tokens that hold the token
  bool word = false;
  bool capital = false;
};

// The tokens of one stretch of text, with the buffer that their `lower` forms view (only words
// that lower-casing changes are copied there, so most tokens cost no allocation). Move-only: a
// move keeps the views valid, a copy (or slicing into a plain std::vector<Token>) would not.
class Tokens : public std::vector<Token> {
 public:
  Tokens() = default;
  Tokens(Tokens&&) noexcept = default;
  Tokens& operator=(Tokens&&) noexcept = default;
  Tokens(const Tokens&) = delete;
  Tokens& operator=(const Tokens&) = delete;

 private:
  friend Tokens Tokenize(std::string_view text, std::size_t begin, std::size_t end);
  std::vector<char> lowered_;  // heap storage: a move does not move the bytes
};

// Words in text[begin, end): runs of letters and digits, inner apostrophes and hyphens included.
std::size_t CountWords(std::string_view text, std::size_t begin, std::size_t end);

// Lowercase, with ’ and ‘ folded to ' (so "Azerbaijan’s" and "Azerbaijan's" compare equal).
std::string Lower(std::string_view s);

// Words (with inner apostrophes and hyphens) and single punctuation characters of
// text[begin, end); white space is skipped. The tokens view `text`, which must outlive them.
Tokens Tokenize(std::string_view text, std::size_t begin, std::size_t end);

const std::unordered_set<std::string_view>& ReportingVerbs();
bool IsReportingVerbForm(const Token& t);
// Where to start tokenizing so that Tokenize(text, start, end) ends with the same last `n`
// tokens as Tokenize(text, floor, end) when it holds at least `n` (when it holds fewer, the
// caller needs the whole span): after the space that has n runs of other bytes after it (no
// token holds a space), or `floor`.
std::size_t TailStart(std::string_view text, std::size_t floor, std::size_t end, std::size_t n);

// Whether `span` may hold a token whose lower-case form is `word` (ASCII, lower case): its
// letters in any case, or a Turkish İ or a Kelvin sign anywhere (they lower-case to i and k).
bool MayHoldAsciiWord(std::string_view span, std::string_view word);

// False when no token of Tokenize(text, begin, end) can be a reporting verb form: a cheap test
// before tokenizing a sentence only to look for its verbs (it reads each character once and
// lower-cases only runs of letters as long as a verb).
// `more`: further verb forms (QuoteOptions::reporting_verbs), or null; `also`: a second list
// of further words (one scan for both), or null.
bool MayHoldReportingVerb(std::string_view text, std::size_t begin, std::size_t end,
                          const WordList* more = nullptr, const WordList* also = nullptr);
// A reporting verb in context: "claims" after "the" or "Baku's" is a noun.
// `more`: further verb forms (QuoteOptions::reporting_verbs), or null.
bool IsReportingVerbAt(const std::vector<Token>& tokens, std::size_t i,
                       const WordList* more = nullptr);
bool IsParticiple(const Token& t);
// What a personal pronoun that can stand as the subject of a reporting verb may refer to:
// a person ("he", "она", "він", "նա"), a thing ("it", "оно", "воно"), or either (the plural
// and first persons; Azerbaijani "o" and Georgian "ის", "მან", which are he, she and it).
// Lower-case words in; kNone for any other word.
enum class PronounKind { kNone, kPerson, kThing, kAny };
PronounKind PronounKindOf(std::string_view lower);
// A pronoun token (PronounKindOf), where the case tells it from a homograph: English "I" is a
// capital (a lower-case "i" is Albanian or Serbian), Azerbaijani "O" opens its sentence (a
// lower-case "o" is Portuguese "the" or Italian "or").
bool IsPronoun(const Token& t);
bool IsStopWord(const Token& t);  // words that end a subject when walking back from its verb
// Serbian, Croatian and Bosnian put the auxiliary of the past tense ("je", "su") and the
// reflexive "se" second in their clause: between a subject and its verb ("Vučić je (danas)
// rekao"), or after a verb that opens a tag ("„…“, rekao je Vučić", "navodi se u saopštenju").
// It belongs to the verb: SubjectBefore ends a subject before it, PhraseAfter steps over it.
bool IsCliticAuxiliary(const Token& t);
bool IsAdverb(const Token& t);
bool IsTitleAbbreviation(const Token& t);
bool IsTitleWord(const Token& t);
bool IsFunctionWord(const Token& t);
bool IsClauseOpener(const Token& t);  // "but", "when", "as", "однако", … in any case
bool IsOrganisationWord(std::string_view lower);

// A noun phrase: tokens [first, last] of a token vector.
struct Phrase {
  std::size_t first = 0;
  std::size_t last = 0;
  bool found = false;
};

// Names of days of the week and of months, lower case ("monday", "may", "sept").
bool IsDayOrMonth(std::string_view lower);

// Whether tokens[i] and tokens[i + 1] (both before `end`) say "about this", pointing back to
// what was said before a tag: Russian "об этом", Ukrainian "про це", Armenian "այս մասին" (the
// source follows the verb), Azerbaijani "bu barədə" and Georgian "ამის შესახებ" (the source
// stands before the verb: *source_before, when given).
bool AboutThisAt(const std::vector<Token>& tokens, std::size_t i, std::size_t end,
                 bool* source_before = nullptr);

// The Russian and Ukrainian prepositions of place that put a body or a platform, not a
// speaker, after a verb: "заявили в «Газпроме»", "сообщил в Facebook", "у заяві".
bool IsLocativePreposition(std::string_view lower);
// Whether tokens[first, last] names an institution: "the" and capitalised words after it ("The
// Georgian Orthodox Church", "the Washington Post"), none a title ("The President" is a
// person's). A person's name takes no article.
bool IsInstitutionName(const std::vector<Token>& tokens, std::size_t first, std::size_t last);
// The byte span [first, second) of the last personal name with a title in the 4 KB of `text`
// before `before`: a capitalised title ("President", "Mr.") with one to three capitalised words
// after it, none an organisation's, and the capitalised words just before the title ("Prime
// Minister Ana Brnabić", "Serbian President Aleksandar Vučić"; not a day, a month or an article).
// {npos, npos} when there is none. For "he" and "she" when no source named before fits.
std::pair<std::size_t, std::size_t> TitledNameBefore(std::string_view text, std::size_t before);

// A word in a script that writes no capitals in running text (Georgian, Arabic, Hebrew, …):
// whether it is a name cannot be told by its first letter.
bool IsCaselessWord(const Token& t);
// Whether tokens[first, last) can be a speaker: a name, or a common noun with a determiner, or
// (as nothing tells them apart) any phrase of caseless words.
bool PlausibleSubject(const std::vector<Token>& tokens, std::size_t first, std::size_t last);
// The start of the comma-free phrase that ends just before tokens[end] (walking back, not past
// `floor`), stopping at punctuation and at stop words; keeps "Mr." and initials ("George W.").
std::size_t ChunkStart(const std::vector<Token>& tokens, std::size_t end, std::size_t floor);
// The subject of the verb tokens[verb], not reaching before `floor`; found == false if none.
Phrase SubjectBefore(const std::vector<Token>& tokens, std::size_t verb, std::size_t floor);
// The phrase starting at tokens[from] ("said Mr. Steele"), not reaching `limit`.
Phrase PhraseAfter(const std::vector<Token>& tokens, std::size_t from, std::size_t limit);

// The bit of a word's shape (first byte, length) in MatchSpeaker's filter; 0 for "".
std::uint64_t SpeakerWordShape(std::string_view word);
// SpeakerWordShape of a pattern's first word (SplitSpeakerPattern), 0 when it ends in a
// wildcard or there is none: such a pattern is always tried.
std::uint64_t FirstWordShape(const std::vector<std::string>& words);

// The words of a speaker pattern as MatchSpeaker compares them: lower case, a trailing `*` kept.
std::vector<std::string> SplitSpeakerPattern(std::string_view pattern);
// One word of a split pattern against a lower-case word of the text: equal, or for a pattern
// word ending in `*`, a word it begins.
bool SpeakerWordMatches(std::string_view pattern_word, std::string_view word);

// The lexicon actor of a speaker: the longest SpeakerPattern found, as whole words, in any of
// `names` (the resolved name and the mention as written). Leaves the outputs alone if none.
void MatchSpeaker(const std::vector<SpeakerPattern>& patterns,
                  std::initializer_list<std::string_view> names, CompactString* actor_id,
                  CompactString* perspective);

// "the country's Foreign Ministry": the country (a place pattern, SpeakerPattern::place) named
// last in `before` speaks; sets its actor, perspective and name. False when `mention` does not
// say "the country" or no country was named.
bool ResolveCountry(std::string_view before, std::string_view mention,
                    const std::vector<SpeakerPattern>& patterns, CompactString* actor_id,
                    CompactString* perspective, std::string* country);

}  // namespace internal
}  // namespace parallax

#endif  // PARALLAX_ANNOTATE_SPEAKERS_H_
