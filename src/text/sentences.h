// Sentence boundaries as byte spans of the original text.
//
// Reports show evidence sentence by sentence ("who said what, in which sentence"), claims are
// aligned sentence to sentence, and every annotation names its sentence, so the split must be
// right on news prose: titles and initials ("Mr. Smith", "Gen. Mirzayev", "J. Smith"), dates
// ("Dec. 12"), "No. 5", "U.S.", decimals, ellipses, and quotations that end after the full stop
// ("…checkpoint.” He said"). The splitter is rule-based and works on the original text so spans
// can be quoted directly; it handles Latin, Cyrillic, Armenian (։) and Georgian text alike.
//
// Rules:
//   * A blank line (two line breaks with only white space between) always ends a sentence.
//   * A single line break ends a sentence when SentenceOptions::line_breaks_end_sentences is set
//     (the default: article bodies have one paragraph per line and headlines have no stop).
//   * Terminators: . ! ? … ։ and runs of them ("?!", "..."), followed by any closing quotes and
//     brackets (” ’ " ' » › ) ]), then white space. No white space after it: no boundary
//     ("3.5", "U.S.-led", "e.g.,").
//   * No boundary when the next word starts with a lower-case letter ("“Why?” he asked").
//   * After a single '.', the word before it decides:
//       - titles and other never-final abbreviations (Mr, Mrs, Ms, Dr, Prof, Gen, Lt, Col, Sgt,
//         Capt, Maj, Adm, Rev, St, Sen, Rep, Gov, Amb, Mt, vs, e.g., i.e., cf, approx, т.е., т.к.,
//         им, ул, ...) and single capital letters (initials): never a boundary;
//       - No, Nos, Art, Vol, Fig, p, pp, ст, № before a number: not a boundary;
//       - ambiguous abbreviations (months such as Jan, Dec, Sept; etc, Inc, Ltd, Corp, Co, Jr,
//         Sr; dotted acronyms such as U.S., U.K., a.m.): a boundary only when the next word is a
//         common sentence opener (The, He, It, But, In, According, Он, Это, ...).
// Sentence spans exclude the white space around them and are never empty.
#ifndef PARALLAX_TEXT_SENTENCES_H_
#define PARALLAX_TEXT_SENTENCES_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace parallax {

struct SentenceSpan {
  size_t begin = 0;  // byte offset of the first byte of the sentence
  size_t end = 0;    // byte offset one past its last byte

  bool operator==(const SentenceSpan&) const = default;
};

// Options; defaults in the comments.
struct SentenceOptions {
  // true: a single line break ends a sentence. Set false for hard-wrapped text.
  bool line_breaks_end_sentences = true;
  // More never-final abbreviations, written without the final dot, in any case ("Gov", "Sh").
  std::vector<std::string> extra_abbreviations;
};

// Splits `text` (valid UTF-8; see text/utf8.h) into sentences in text order.
std::vector<SentenceSpan> SplitSentences(std::string_view text,
                                         const SentenceOptions& options = {});

namespace internal {
// SplitSentences without its shortcuts for ASCII text: every character decoded, every word
// before a full stop in match form. The same spans; for tests.
std::vector<SentenceSpan> SplitSentencesReference(std::string_view text,
                                                  const SentenceOptions& options = {});
}  // namespace internal

// Longest sentence, in bytes, that quotation and attribution analysis read as one. News
// sentences stay far below it (a long one runs to 600 bytes); a run of text without a full stop
// (a list pasted as one line, a page's whole text on one line, generated junk) is read in pieces
// of at most this size, so that work per sentence stays bounded and the whole stays linear.
inline constexpr std::size_t kMaxSentenceBytes = 4096;

// Cuts every span of `spans` (byte spans of `text`, in order) longer than `max_bytes` into
// pieces of at most `max_bytes`: at the last white space before the limit, else at the last
// character boundary. Returns the start offsets of the spans that were cut.
std::vector<std::size_t> CapSpanLength(std::string_view text,
                                       std::vector<std::pair<std::size_t, std::size_t>>* spans,
                                       std::size_t max_bytes = kMaxSentenceBytes);

}  // namespace parallax

#endif  // PARALLAX_TEXT_SENTENCES_H_
