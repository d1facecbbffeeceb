// Unicode normalisation with a byte map back to the original text.
//
// Two forms exist because display and matching want different things. A report quotes articles
// exactly as written, so the display form is plain NFC. Matching wants "Nagorno–Karabakh" (en
// dash), "NAGORNO-KARABAKH" and "Nagorno‑Karabakh" (non-breaking hyphen) to be the same string,
// so the match form goes much further (NFKC, case folding, folding of typographic punctuation,
// removal of invisible characters). Every normalised byte keeps the offset of the original bytes
// it came from, so anything found in normalised text can be quoted from the original.
//
// Match form, in order of application to each character:
//   U+00AD soft hyphen, U+200B..U+200D zero-width space/non-joiner/joiner,
//   U+2060 word joiner, U+FEFF zero-width no-break space,
//   Armenian ՛ ՜ ՞ (U+055B, U+055C, U+055E: emphasis,
//   exclamation and question marks written over a vowel
//   inside the word, Ստեփանակե՜րտ)                        -> removed
//   ‘ ’ ‚ ‛ ′ ʼ ‹ ›                                       -> '
//   “ ” „ ‟ « » ″                                         -> "
//   ‐ ‑ ‒ – — ― − ﹘                                       -> -
//   İ (U+0130, Turkish/Azerbaijani capital dotted I)      -> i  (full case folding would give
//                                                            "i" + U+0307; a lexicon writes "i")
//   everything else: NFKC + Unicode full case folding (utf8proc, UTF8PROC_STABLE), so ﬁ -> fi,
//   ß -> ss, Ə -> ə, Ş -> ş, Ğ -> ğ; ı (dotless i) stays ı.
//   Then ё -> е (so Ё, ё and е + U+0308 all become е): Russian prints ё or е for the same
//   letter, and освобождённые and освобожденные are one word.
// Invalid UTF-8 in the input becomes U+FFFD (sanitise with ToValidUtf8 first to get warnings).
//
// Speed: ASCII runs are copied (display) or lowercased through a table (match); in match form,
// common letters (U+0080..U+07FF: Latin with diacritics to Armenian; Georgian) followed by a
// starter take a table made once from utf8proc; utf8proc runs only on the other non-ASCII
// segments (a starter and the marks that follow it), so English prose normalises at well over
// 1 GB/s. The output is identical, byte for byte, to running utf8proc over the whole string
// (NormalizeReference, kept for tests).
#ifndef PARALLAX_TEXT_NORMALIZER_H_
#define PARALLAX_TEXT_NORMALIZER_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace parallax {

enum class NormalizationForm {
  kDisplay,  // NFC, nothing else
  kMatch,    // folding above + NFKC + case folding
};

// Normalised text plus its offset map.
//
// norm_to_orig has text.size() + 1 entries: entry i is the byte offset in the original of the
// start of the original character sequence that produced normalised byte i; the last entry is
// the original's size. It is non-decreasing. All bytes produced by one original segment (e.g.
// "fi" from ﬁ, or "é" from "e" + U+0301) map to that segment's start.
struct NormalizedText {
  std::string text;
  std::vector<size_t> norm_to_orig;

  // Original offset of normalised offset `norm_offset` (0..text.size()).
  size_t ToOriginal(size_t norm_offset) const { return norm_to_orig[norm_offset]; }
  // First normalised offset whose bytes come from original offset >= `orig_offset`; for the
  // start of an original character that produced output this is exactly where its output
  // begins (so ToOriginal(ToNormalized(o)) == o). Removed characters map to what follows.
  size_t ToNormalized(size_t orig_offset) const;
  // The original byte span [first, second) that produced normalised bytes [norm_begin,
  // norm_end), widened to whole original segments (a span ending inside "fi" from ﬁ ends after
  // the ligature).
  std::pair<size_t, size_t> OriginalSpan(size_t norm_begin, size_t norm_end) const;
};

// Normalises `input` into `*normalized` (replacing its contents). When `norm_to_orig` is not
// null it receives the map described above (normalized->size() + 1 entries).
void Normalize(std::string_view input, NormalizationForm form, std::string* normalized,
               std::vector<size_t>* norm_to_orig);

// Convenience wrapper returning text and map together.
NormalizedText Normalize(std::string_view input, NormalizationForm form);

// The slow, obviously-correct definition: the per-character folding above followed by one
// utf8proc_map call over the whole string. Exists so tests can prove the fast path identical.
std::string NormalizeReference(std::string_view input, NormalizationForm form);

namespace internal {

// Index of the character at s[k] (of s[0..n)) in the tables of common letters, and its byte
// length in *length: U+0080..U+07FF (Latin to Armenian and Hebrew, two bytes) and the Georgian
// blocks U+1080..U+10FF and U+1C80..U+1CBF (three bytes). -1 for other characters and for
// malformed UTF-8.
inline constexpr int kCommonChars = 0x780 + 0x80 + 0x40;
inline int CommonCharIndex(const unsigned char* s, size_t k, size_t n, size_t* length) {
  const unsigned b0 = s[k];
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    if (k + 1 >= n || (s[k + 1] & 0xC0) != 0x80) return -1;
    *length = 2;
    return static_cast<int>(((b0 & 0x1F) << 6 | (s[k + 1] & 0x3F)) - 0x80);
  }
  if (b0 != 0xE1 || k + 2 >= n || (s[k + 2] & 0xC0) != 0x80) return -1;
  const unsigned b1 = s[k + 1];
  *length = 3;
  if (b1 == 0x82 || b1 == 0x83)
    return static_cast<int>(0x780 + (b1 - 0x82) * 64 + (s[k + 2] & 0x3F));
  if (b1 == 0xB2) return static_cast<int>(0x800 + (s[k + 2] & 0x3F));
  return -1;
}

// The code point of table index `index` (the inverse of CommonCharIndex).
inline constexpr char32_t CommonCharAt(int index) {
  if (index < 0x780) return static_cast<char32_t>(0x80 + index);
  if (index < 0x800) return static_cast<char32_t>(0x1080 + (index - 0x780));
  return static_cast<char32_t>(0x1C80 + (index - 0x800));
}

// The match form of a common character that is its own normalisation segment whenever the
// next character starts one: not removed or replaced by the pre-folding, a starter, and folded
// by NFKC and case folding to at most 7 bytes. `length` 0: not such a character.
struct SimpleFold {
  uint8_t length = 0;
  char bytes[7] = {};
};

// The SimpleFold of every common character (CommonCharIndex), computed once.
const SimpleFold* SimpleFoldTable();

// Reusable scratch space so that hot loops (the tokenizer) normalise without allocating.
// Not thread-safe: one per thread or per object.
class MatchFolder {
 public:
  // With `tables` false, every non-ASCII character goes through utf8proc (the reference for the
  // tests of the table path); else common letters followed by a starter are folded by table.
  explicit MatchFolder(bool tables = true) : tables_(tables ? SimpleFoldTable() : nullptr) {}

  // Appends the match form of `input` to `*out` (no offset map).
  void AppendMatchForm(std::string_view input, std::string* out);
  // Full form with an optional map; offsets written are `base` + offset in `input`.
  void Append(std::string_view input, NormalizationForm form, size_t base, std::string* out,
              std::vector<size_t>* map);

 private:
  // Whether the character at s[k] (or the end, k == n) starts a segment by the tables: ASCII,
  // or a common letter with a SimpleFold.
  bool FollowedByStarter(const unsigned char* s, size_t k, size_t n) const;
  // Folds the run of common letters from s[k] (table index `index`, `length` bytes), each
  // followed by a starter, by table; returns where the run ends.
  size_t AppendSimpleRun(const unsigned char* s, size_t k, size_t n, int index, size_t length,
                         size_t base, std::string* out, std::vector<size_t>* map) const;
  void FlushSegment(NormalizationForm form, size_t seg_start, std::string* out,
                    std::vector<size_t>* map);

  const SimpleFold* tables_;      // null: no table path
  std::vector<int32_t> segment_;  // pre-folded code points of the current segment
  std::string utf8_;              // the segment re-encoded for utf8proc
  std::vector<int32_t> buffer_;   // utf8proc work buffer
};

// ASCII lower-casing (the match form of an ASCII byte); other bytes are returned unchanged.
inline constexpr char AsciiLower(char c) {
  return static_cast<unsigned char>(c - 'A') < 26 ? static_cast<char>(c + ('a' - 'A')) : c;
}

// Match-form pre-folding of one code point: returns the replacement, or -1 when the character
// is removed, or `c` itself when untouched.
int32_t PreFoldForMatch(int32_t c);

// True when `c` starts a normalisation segment: it cannot combine with what precedes it.
bool StartsSegment(int32_t c);

}  // namespace internal
}  // namespace parallax

#endif  // PARALLAX_TEXT_NORMALIZER_H_
