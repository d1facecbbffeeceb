// File names for the article files `parallax ingest` writes, readable in a folder listing:
//
//   DATE_OUTLET_TITLE-SLUG.txt
//   2023-04-24_oc-media_azerbaijan-closes-lachin-corridor-to-install.txt
//   2023-04-23_kommersant_lacinskij-koridor-zakryt.txt        (title romanised, text/slug.h)
//   undated_hollywoodreporter-com_oscars-2024-the-nominees.txt  (no date on the page)
//
// Sorted by name, a story folder reads in date order. Every part is an ASCII slug: DATE is
// YYYY-MM-DD (or YYYY-MM) or "undated", OUTLET the outlet id ("unknown-outlet" when none), the
// title slug is cut at a word boundary near 60 bytes (the article id when there is no title).
//
// ArticleNamer keeps names unique within one run: a second article with the same name gets
// "-2", "-3"… before ".txt". Whether a name may replace a file already in the folder is the
// caller's decision (`--force`).
#ifndef PARALLAX_CORPUS_ARTICLE_NAMES_H_
#define PARALLAX_CORPUS_ARTICLE_NAMES_H_

#include <set>
#include <string>

#include "core/article.h"
#include "text/slug.h"

namespace parallax {

class ArticleNamer {
 public:
  // The stem (no extension) for `article`, as described above, not yet made unique.
  std::string Stem(const Article& article);

  // A file name "STEM.txt" for `article`, unique among the names this namer has given.
  std::string UniqueName(const Article& article);

 private:
  Slugger slugger_;
  std::set<std::string> taken_;
};

}  // namespace parallax

#endif  // PARALLAX_CORPUS_ARTICLE_NAMES_H_
