// Fuzz target: the article file reader (front matter and body) and boilerplate cleaning, which
// runs on every article read.
#include <string>

#include "corpus/article_file.h"
#include "corpus/boilerplate.h"
#include "fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > parallax::fuzz::kMaxInputBytes) return -1;
  parallax::ArticleReadResult r =
      parallax::ParseArticle(parallax::fuzz::AsText(data, size), "fuzz/001_outlet.txt");
  parallax::fuzz::CheckText(r.article.title, "title");
  parallax::fuzz::CheckText(r.article.body, "body");
  if (!r.ok()) return 0;
  // What ingest writes must read back.
  const std::string written = parallax::WriteArticle(r.article);
  (void)parallax::ParseArticle(written, "fuzz/001_outlet.txt");
  parallax::CleanArticle(r.article, nullptr);
  return 0;
}
