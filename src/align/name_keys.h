// Proper names as one Latin key across scripts and spellings.
//
// Outlets in different languages name the same people and places in different scripts and
// spellings: Лачин, Laçın, Լաչին and Lachin; Пашинян, Paşinyan, Փաշինյան and Pashinyan;
// Гаджиев, Hacıyev and Hajiyev. Alignment needs one key for all of them, so a Russian and an
// Azerbaijani report of the same day share the names they mention. A key is made in four steps:
//
//   1. letters that ICU romanises differently from English news usage are written the English
//      way first: Cyrillic ж х ц ч ш щ й я ю (zh kh ts ch sh shch y ya yu), Azerbaijani and
//      Turkish c ç ş ğ x ə ı (j ch sh gh kh e i);
//   2. ICU `Any-Latin; Latin-ASCII` (text/slug.h) romanises every other script (Armenian, Georgian,
//      Greek, Arabic, …);
//   3. the result is folded to a skeleton that spellings share: dzh/dz/zh/j → j, kh/x → h,
//      gh → g, g → h, ch/tch → c, sh → s, ts → c, ph → f, th → t, ou → u, q → k, w → v; y and
//      apostrophes dropped; doubled letters once;
//   4. the key is the first five letters of the skeleton (inflection changes word endings:
//      Шуши, Шуше; Laçına, Laçından), and skeletons shorter than four letters give no key.
//
//   Пашинян, Paşinyan, Փաշինյան, Pashinyan   → pasin
//   Гаджиев, Hacıyev, Hajiyev                → hajie
//   Каховская, Каховська, Kakhovka           → kahov
//
// Keys are a heuristic: different names may share one ("Armenia", "Armenian"), and some
// spellings stay apart (Ղարաբաղ and Karabakh). Alignment uses them beside other evidence.
//
// A NameKeyer holds an ICU transliterator and a cache: not thread-safe, one per thread.
#ifndef PARALLAX_ALIGN_NAME_KEYS_H_
#define PARALLAX_ALIGN_NAME_KEYS_H_

#include <memory>
#include <string>
#include <string_view>

namespace parallax {

class NameKeyer {
 public:
  NameKeyer();
  ~NameKeyer();
  NameKeyer(const NameKeyer&) = delete;
  NameKeyer& operator=(const NameKeyer&) = delete;

  // The key of one word (any case, any script) written in `language` (BCP 47; selects the
  // pre-romanisation of step 1), or "" when it gives none. The view stays valid until the
  // keyer is destroyed.
  std::string_view Key(std::string_view word, std::string_view language);

  // The skeleton of step 3 for text already in Latin letters (exposed for tests).
  static std::string Skeleton(std::string_view latin);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace parallax

#endif  // PARALLAX_ALIGN_NAME_KEYS_H_
