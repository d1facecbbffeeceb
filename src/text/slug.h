// ASCII for names a person reads in a folder listing: file names and outlet ids.
//
// Ingest names article files `DATE_OUTLET_TITLE-SLUG.txt` and gives outlets it meets on the
// web a stable id made from their name or domain. Both must be plain ASCII — safe in every file
// system, shell and URL — yet still readable, so titles in other scripts are romanised with ICU
// `Any-Latin; Latin-ASCII` rather than dropped:
//
//   "Azerbaijan closes Lachin Corridor"   → azerbaijan-closes-lachin-corridor
//   "Лачинский коридор закрыт"            → lacinskij-koridor-zakryt
//   "Լաչինի միջանցքը"                      → lacini-mijancke
//   "The Hollywood Reporter"              → the-hollywood-reporter
//   "www.oc-media.org"                    → www-oc-media-org
//   "Çə ş — «quotes» & 2023"              → ce-s-quotes-2023
//
// What Latin-ASCII leaves is mended: ə becomes e; apostrophes and the modifier letters ʻ ʼ
// (aspiration in romanised Armenian) are dropped inside their word. Letters and digits are kept
// (lower-cased), every other run of characters becomes one '-', and no slug starts or ends with
// '-'. A slug longer than the limit is cut at a word boundary when one is near. Text with
// nothing to keep gives "".
//
// A Slugger holds an ICU transliterator built on the first non-ASCII text: not thread-safe, one
// per thread.
#ifndef PARALLAX_TEXT_SLUG_H_
#define PARALLAX_TEXT_SLUG_H_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

namespace parallax {

class AsciiTransliterator {
 public:
  AsciiTransliterator();
  ~AsciiTransliterator();
  AsciiTransliterator(const AsciiTransliterator&) = delete;
  AsciiTransliterator& operator=(const AsciiTransliterator&) = delete;

  // `utf8` romanised with ICU `Any-Latin; Latin-ASCII`. ASCII input is returned unchanged
  // without touching ICU; characters ICU cannot romanise stay as they are.
  std::string ToAscii(std::string_view utf8);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

class Slugger {
 public:
  // The slug of `text` (see above), at most `max_bytes` long (0: no limit).
  std::string Slug(std::string_view text, std::size_t max_bytes = 0);

 private:
  AsciiTransliterator ascii_;
};

}  // namespace parallax

#endif  // PARALLAX_TEXT_SLUG_H_
