// Where in a text a date expression can be: the pre-filter of FindDates (dates.h).
//
// Why it exists: dates are sparse in prose, and tokenising every word of every article to find
// them cost a tenth of `scan`. Every expression FindDates accepts holds, within its first five
// tokens (the year of "25.09.2023" is the fifth), a year or one of a few anchor words (a month or
// weekday name, "yesterday", "week", "ago", "вчера", "году" …; dates.cc derives them from its own
// vocabulary). DateWindowFinder finds the anchors with a byte scan that builds no token (eight
// bytes at a time, each word hashed once and tried against a Bloom filter) and returns byte windows
// around them; FindDates runs its finder on each window alone, and grows a window (Grow) when a
// rule reads past its end, so that it reads exactly the tokens it would read in the whole text and
// finds exactly the same dates.
//
// Windows are cut at ASCII white space (space, tab, CR, LF): no date token holds one, and the date
// tokeniser (date_tokens.h) starts afresh after one, so a window's tokens are the whole text's
// tokens at the same places. A window reaches `runs_before` runs (stretches between white space)
// back from the run of an anchor, and `runs_after` runs past it; a run holds at least one token (a
// run of no-break spaces alone is not counted), so a window holds at least that many tokens on
// either side of its anchor. Windows that overlap are merged.
//
// What counts as an anchor (a superset: a false anchor only widens the work, never a result):
//   four ASCII digits, no more, from      a year: "in 2020", "the 1990s"; other numbers are
//   min_year to max_year                  dates only beside an anchor word ("12 December")
//   a word of `any_case`, in any case     "Yesterday", "ВЧЕРА", "вчера"
//   a word of `capitalised`, first letter a capital ASCII letter     "May", not "may"
//   U+0130 İ or U+212A K (Kelvin sign)    the only characters beyond ASCII and Cyrillic whose
//                                          lower case is an ASCII letter: a token "FRİDAY" is
//                                          "friday" to the finder
// A word is a run of ASCII letters, or of Cyrillic letters U+0400..U+047F (lower-cased as the
// date tokeniser does), looked up whole: a token equal to an anchor word is such a run with no
// letter of the same script on either side, or holds İ / K.
#ifndef PARALLAX_ANNOTATE_DATE_WINDOWS_H_
#define PARALLAX_ANNOTATE_DATE_WINDOWS_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace parallax::internal {

// A byte range [begin, end) of the text given to DateWindowFinder::Find.
struct ByteWindow {
  std::size_t begin = 0;
  std::size_t end = 0;
  bool operator==(const ByteWindow&) const = default;
};

class DateWindowFinder {
 public:
  // `any_case` and `capitalised` are lower-case words, all ASCII letters or all Cyrillic letters
  // (Searchable); a word of neither kind would never be found, so dates_test checks that every
  // anchor word dates.cc passes is searchable.
  DateWindowFinder(const std::vector<std::string_view>& any_case,
                   const std::vector<std::string_view>& capitalised, int min_year, int max_year,
                   std::size_t runs_before, std::size_t runs_after);

  // The windows of `text`, in text order, disjoint, each starting at the text's start or after
  // ASCII white space and ending at the text's end or at ASCII white space. False (and the
  // windows so far) when, past the first kDenseAfter bytes, they cover more than half of what
  // was read: in text so full of anchors, reading every token costs less.
  bool Find(std::string_view text, std::vector<ByteWindow>* windows) const;
  static constexpr std::size_t kDenseAfter = 4096;

  // Find as on a processor without SSE2 (eight bytes at a time), for tests.
  bool FindPortably(std::string_view text, std::vector<ByteWindow>* windows) const;

  // Where a window ending at `end` of `text` ends when it takes `runs` more counted runs (the end
  // of the text when none is left).
  static std::size_t Grow(std::string_view text, std::size_t end, std::size_t runs);

  // True when `word` is an anchor word as written in a text (for tests): "May", "вчера".
  bool IsAnchorWord(std::string_view word) const;

  // False for a word the scan cannot look up (not all ASCII or all Cyrillic letters).
  static bool Searchable(std::string_view lower_word);

 private:
  // Where the next anchor at or after `i` is (n if none); `i` is 0 or at white space. `Block`
  // reads a block of bytes into masks (SSE2 where there is, else eight bytes in a number).
  template <typename Block>
  std::size_t NextAnchorIn(const unsigned char* s, std::size_t n, std::size_t i) const;
  template <typename Block>
  bool FindWith(std::string_view text, std::vector<ByteWindow>* windows) const;
  // Reads the Cyrillic word at `i`: whether it is an anchor; returns where it ends.
  std::size_t CyrillicWord(const unsigned char* s, std::size_t n, std::size_t i,
                           bool* anchor) const;
  // Whether the ASCII word s[begin, begin + size) is an anchor.
  bool AsciiAnchor(const unsigned char* s, std::size_t n, std::size_t begin,
                   std::size_t size) const;
  // Whether the rare byte at *i (a digit, a byte past ASCII) starts an anchor; if not, moves *i
  // past what it read (a Cyrillic word, or the byte).
  bool RareAnchor(const unsigned char* s, std::size_t n, std::size_t* i) const;
  bool MayBeAsciiAnchor(unsigned char first, std::size_t size) const {
    return size <= kMaxAscii && ((ascii_shapes_[first & 0x7F] >> size) & 1u) != 0;
  }
  bool BloomHas(std::uint32_t hash) const {
    return (bloom_[(hash / 64) % bloom_.size()] >> (hash % 64)) & 1u;
  }
  // Where the window starts that takes `runs` counted runs before the run at `begin`; stops
  // early at `floor` or before it (the end of the previous window: the two merge).
  static std::size_t RunsBack(const unsigned char* s, std::size_t begin, std::size_t runs,
                              std::size_t floor);
  // Where the window ends that takes `runs` counted runs after the run ending at `end`.
  static std::size_t RunsForward(const unsigned char* s, std::size_t n, std::size_t end,
                                 std::size_t runs);
  // Whether the lower-cased word `lower` (hash `hash`) is an anchor, `capital` if written so.
  bool IsAnchor(std::uint32_t hash, std::string_view lower, bool capital) const;

  static constexpr std::size_t kMaxAscii = 16;     // bytes of the longest ASCII anchor word
  static constexpr std::size_t kMaxCyrillic = 30;  // bytes of the longest Cyrillic one
  struct Anchor {
    std::uint32_t hash = 0;  // of the lower-case bytes (Hash in the .cc)
    std::string word;
    bool capital = false;  // counts only with a capital first letter
  };
  // A bit per hash (modulo 16384) of the anchor words: one test passes nearly every word by.
  std::array<std::uint64_t, 256> bloom_{};
  // Per first byte of an ASCII word as written, a bit per length of the anchor words it may be:
  // "the" and "The" are passed by here, before any hash.
  std::array<std::uint32_t, 128> ascii_shapes_{};
  std::vector<Anchor> anchors_;  // by hash
  int min_year_;
  int max_year_;
  std::size_t runs_before_;
  std::size_t runs_after_;
};

}  // namespace parallax::internal

#endif  // PARALLAX_ANNOTATE_DATE_WINDOWS_H_
