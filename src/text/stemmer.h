// Snowball stems of single words, for the units that compare inflected words (alignment terms,
// lexicon drafts): "Лачинского" and "Лачинский" share the stem "лачинск".
//
// A thin owner of one libstemmer stemmer. Snowball stemmers keep state between calls, so a
// Stemmer is not thread-safe: use one per thread. Words are expected in match form (lower case,
// see text/normalizer.h); a language without a Snowball stemmer leaves words as they are.
#ifndef PARALLAX_TEXT_STEMMER_H_
#define PARALLAX_TEXT_STEMMER_H_

#include <string>
#include <string_view>

struct sb_stemmer;

namespace parallax {

class Stemmer {
 public:
  // `algorithm`: a Snowball algorithm name or ISO 639 code ("russian", "ru", "english").
  explicit Stemmer(const char* algorithm);
  ~Stemmer();
  Stemmer(const Stemmer&) = delete;
  Stemmer& operator=(const Stemmer&) = delete;

  // False when libstemmer knows no such algorithm (Stem then returns words unchanged).
  bool ok() const { return stemmer_ != nullptr; }
  // The stem of one word (UTF-8).
  std::string Stem(std::string_view word);

 private:
  sb_stemmer* stemmer_;
};

}  // namespace parallax

#endif  // PARALLAX_TEXT_STEMMER_H_
