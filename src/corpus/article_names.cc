#include "corpus/article_names.h"

namespace parallax {
namespace {

constexpr std::size_t kTitleSlugBytes = 60;
constexpr std::size_t kOutletSlugBytes = 40;

}  // namespace

std::string ArticleNamer::Stem(const Article& article) {
  std::string outlet = slugger_.Slug(article.outlet, kOutletSlugBytes);
  if (outlet.empty()) outlet = "unknown-outlet";
  std::string title = slugger_.Slug(article.title, kTitleSlugBytes);
  if (title.empty()) title = slugger_.Slug(article.id, kTitleSlugBytes);
  if (title.empty()) title = "article";
  return (article.date ? article.date->ToString() : std::string("undated")) + "_" + outlet + "_" +
         title;
}

std::string ArticleNamer::UniqueName(const Article& article) {
  const std::string stem = Stem(article);
  std::string name = stem + ".txt";
  for (int n = 2; taken_.count(name) > 0; ++n) name = stem + "-" + std::to_string(n) + ".txt";
  taken_.insert(name);
  return name;
}

}  // namespace parallax
