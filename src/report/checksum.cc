#include "report/checksum.h"

#include "core/sha256.h"

#include <array>
#include <cstdint>
#include <filesystem>

#include "core/file_io.h"

namespace parallax {

std::vector<ArticleChecksum> ChecksumArticles(const std::vector<Article>& articles) {
  std::vector<ArticleChecksum> out;
  out.reserve(articles.size());
  for (const Article& a : articles) {
    ArticleChecksum c;
    c.article = a.id;
    if (a.source_path.empty()) {
      c.sha256 = Sha256Hex(a.body);
    } else {
      c.file = std::filesystem::path(a.source_path).filename().string();
      c.sha256 = Sha256Hex(ReadFile(a.source_path));
    }
    out.push_back(std::move(c));
  }
  return out;
}

std::string CorpusChecksum(const std::vector<ArticleChecksum>& files) {
  std::string listing;
  for (const ArticleChecksum& f : files) {
    listing += f.sha256 + "  " + (f.file.empty() ? f.article : f.file) + "\n";
  }
  return Sha256Hex(listing);
}

}  // namespace parallax
