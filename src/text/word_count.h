// Counting words as runs of word bytes (text/word_bytes.h): letters, digits and every byte past
// ASCII, with ' and - inside a run keeping it going. What `annotate` reports as an article's
// words, and what lexicon cues with a gap count between their two sides.
#ifndef PARALLAX_TEXT_WORD_COUNT_H_
#define PARALLAX_TEXT_WORD_COUNT_H_

#include <cstddef>
#include <string_view>

namespace parallax {

// The number of word runs in `text`: sixty-four bytes at a time where SSE2 is available.
std::size_t CountWordRuns(std::string_view text);

namespace internal {
// The same count a byte at a time (the reference the tests compare with).
std::size_t CountWordRunsByByte(std::string_view text);
}  // namespace internal

}  // namespace parallax

#endif  // PARALLAX_TEXT_WORD_COUNT_H_
