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
    if (!a.fetched.empty()) {
      c.fetched = a.fetched;
      c.url = a.url;
      c.http_status = a.http_status;
      c.page_sha256 = a.page_sha256;
    }
    out.push_back(std::move(c));
  }
  return out;
}

std::string FetchProvenance(const ArticleChecksum& c, const std::string& shown_url,
                            const Messages& m) {
  if (c.fetched.empty()) return "";
  std::string out = shown_url.empty() ? Fill(m.Tr("fetched {time}"), {{"time", c.fetched}})
                                      : Fill(m.Tr("fetched {time} from {url}"),
                                             {{"time", c.fetched}, {"url", shown_url}});
  std::string details;
  if (!c.http_status.empty()) details = "HTTP " + c.http_status;
  if (!c.page_sha256.empty()) {
    details += (details.empty() ? "" : ", ") +
               Fill(m.Tr("page SHA-256 {sha256}"), {{"sha256", c.page_sha256}});
  }
  return details.empty() ? out : out + " (" + details + ")";
}

std::string CorpusChecksum(const std::vector<ArticleChecksum>& files) {
  std::string listing;
  for (const ArticleChecksum& f : files) {
    listing += f.sha256 + "  " + (f.file.empty() ? f.article : f.file) + "\n";
  }
  return Sha256Hex(listing);
}

}  // namespace parallax
