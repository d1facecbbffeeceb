// The article: the unit every stage passes on. Ingestion fills the metadata and the body;
// cleaning records what boilerplate it removed (never silently) and keeps a map from the clean
// text back to the body, so every later offset can be traced to the words of the source file.
#ifndef PARALLAX_CORE_ARTICLE_H_
#define PARALLAX_CORE_ARTICLE_H_

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/date.h"

namespace parallax {

// A line that cleaning removed, and the rule that removed it.
struct RemovedLine {
  int line = 0;      // 1-based line in the source file
  std::string text;  // the line as it was (without its line end)
  std::string rule;  // rule id, e.g. "donation-appeal" or "outlet:oc-media:membership"
};

// A piece of the clean text copied unchanged from the body: clean[clean_start, +length) equals
// body[body_start, +length).
struct TextSegment {
  std::size_t clean_start = 0;
  std::size_t body_start = 0;
  std::size_t length = 0;
};

struct Article {
  // Metadata (front matter keys of an article file).
  std::string id;  // stable id: `id:` key, else the file name without extension
  std::string title;
  std::string outlet;  // an outlet id: from corpus/outlets.xml, or one ingest made from the page
  // The outlet's display name as the source gives it (`outlet_name:`; `site_name:` is read as
  // the same key), for outlets the outlets file does not describe; the file's name wins.
  std::string outlet_name;
  std::optional<Date> date;
  std::string language;  // BCP 47
  std::string genre;     // news, analysis, opinion, interview
  std::string url;
  std::string author;
  std::string event;  // story/event key a facilitator pins the article to
  // Provenance of a page `parallax ingest` fetched from the web (empty otherwise).
  std::string fetched;      // `fetched:` UTC time of the fetch, "2026-12-06T22:50:03Z"
  std::string http_status;  // `http_status:` of the final response, "200"
  std::string page;         // `page:` the fetched page kept beside the article file (.html.gz)
  std::string page_sha256;  // `page_sha256:` SHA-256 of the page as received (decoded bytes)
  // Keys the reader did not know, in file order; kept so a round trip loses nothing.
  std::vector<std::pair<std::string, std::string>> extra;

  // Where it came from.
  std::string source_path;  // file the article was read from ("" if built in memory)
  int body_line = 1;        // 1-based line of the source file where `body` starts

  // The body as written in the source (after front matter), line ends normalised to "\n".
  std::string body;

  // Filled by cleaning (corpus/boilerplate.h). Until then `text` is empty.
  std::string text;                       // clean text: paragraphs separated by one blank line
  std::vector<TextSegment> segments;      // map from `text` back to `body`
  std::vector<RemovedLine> removed;       // every removed line with its rule
  std::vector<std::string> outlet_notes;  // outlet statements kept apart (e.g. naming policy)

  // Maps an offset into `text` to the offset into `body`; npos if out of range.
  std::size_t BodyOffset(std::size_t text_offset) const;
  // 1-based line in the source file of an offset into `body`.
  int SourceLine(std::size_t body_offset) const;
};

}  // namespace parallax

#endif  // PARALLAX_CORE_ARTICLE_H_
