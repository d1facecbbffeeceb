// Crawler JSON: articles as news-please (and similar crawlers) store them, and Parallax's own
// article fields in JSON, so `parallax ingest` and `parallax scan` share one reader.
//
// Why it exists: a facilitator who cannot save pages one by one runs a crawler. news-please
// writes one JSON object per article; collections come as one object per file, a JSON array of
// objects, or JSON Lines (one object per line). Each record becomes an Article.
//
// Fields (first present wins; `null` counts as absent):
//
//   Article field  JSON keys
//   title          title, title_rss, title_page
//   body           maintext (news-please: paragraphs separated by "\n", each kept as a
//                  paragraph), else body / text (paragraphs separated by blank lines), else
//                  description (with a warning: only the teaser)
//   date           date_publish ("2023-04-23 10:15:00"), date (ISO 8601 or RFC 822; the day as
//                  written)
//   outlet         outlet (an outlet id; a warning when the outlets file does not know it),
//                  else OutletsFile::FindByDomain(source_domain), else FindByUrl(url)
//   language       language (normalised: "en-us" -> "en-US")
//   url            url
//   author         authors (a list, joined ", ") or author (a string)
//   genre, event   genre, event
//   id             id (made file-name safe), else from url, else from date + title
//
// The body is joined with "\n\n". A record with neither title nor text is skipped with a
// warning; a field of the wrong type (a number where a string belongs) is a warning and is
// ignored; a date that cannot be read is a warning and the record is kept without a date.
// JSON that cannot be parsed is an error at path:line:column; in JSON Lines only the bad line is
// lost.
#ifndef PARALLAX_CORPUS_NEWSPLEASE_READER_H_
#define PARALLAX_CORPUS_NEWSPLEASE_READER_H_

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/article.h"
#include "core/diagnostic.h"
#include "core/limits.h"
#include "corpus/outlets.h"

namespace parallax {

struct NewsPleaseResult {
  std::vector<Article> articles;  // in file order; ids unique within the file
  Diagnostics diagnostics;
};

// Reads `data`: one JSON object, a JSON array of objects, or JSON Lines (blank lines allowed).
// A UTF-8 BOM is skipped; gzipped data is decompressed first. `path` names the file in
// diagnostics and becomes each article's source_path. `outlets` may be null (then only an
// explicit "outlet" key sets the outlet). JSON whose arrays and objects nest more than
// `max_depth` levels is an error (in JSON Lines, for that line only). Never throws for bad
// input. Thread-safe.
NewsPleaseResult ReadNewsPlease(std::string_view data, const std::string& path,
                                const OutletsFile* outlets,
                                std::size_t max_depth = kDefaultMaxDepth);

// The byte offset of the first '[' or '{' in the JSON `text` that opens a level deeper than
// `max_depth`, or npos when none does. Brackets inside strings do not count. Linear and cheap:
// callers refuse deep input before a parser builds a tree of that depth.
std::size_t JsonTooDeepAt(std::string_view text, std::size_t max_depth);

// Cheap sniff: after an optional BOM and whitespace, `data` starts with '{' or '['.
bool LooksLikeJson(std::string_view data);

// Makes an Article from one JSON record (see the table above). `line` is the record's 1-based
// line in `path` (used in diagnostics and as body_line). Appends warnings to `diagnostics`;
// returns nullopt (with a diagnostic) when `record` is not an object or has neither title nor
// text. If `outlets` is given and it knows no outlet for the record, the outlet stays empty
// without a warning (callers summarise unknown domains; see UnknownDomainOf).
std::optional<Article> ArticleFromJson(const nlohmann::json& record, const std::string& path,
                                       int line, const OutletsFile* outlets,
                                       Diagnostics& diagnostics);

// The domain ArticleFromJson looked up for `record` (source_domain, else the URL's host), for a
// caller's "no outlet has the domain X" summary. "" when the record names neither.
std::string UnknownDomainOf(const nlohmann::json& record);

}  // namespace parallax

#endif  // PARALLAX_CORPUS_NEWSPLEASE_READER_H_
