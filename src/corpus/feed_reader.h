// Feed reading: RSS 2.0, RSS 1.0 (RDF) and Atom feeds, each item or entry an Article.
//
// Why it exists: outlets publish what they write as feeds, and a facilitator who follows a
// story across outlets can collect a week of coverage by saving the feeds. Each item carries the
// headline, the link, the date and often the whole text (content:encoded, Atom <content>), so a
// feed is a small corpus in one file.
//
// Feeds are untrusted XML. The reader never reads a file or the network on the feed's behalf
// and never expands an entity the feed declares: a <!DOCTYPE> that declares entities (external
// "XXE" entities, nested "billion laughs" entities, or harmless HTML names) gives a warning, the
// declarations are replaced by empty ones before the parser sees a reference, and references
// stay unexpanded in the result (text keeps them as the literal "&name;"). libxml2's own limits
// on depth and sizes stay on.
//
// What an item becomes (first field found wins):
//
//   Article field  RSS 2.0 / RSS 1.0                         Atom
//   title          <title>                                   <title> (html/xhtml: tags dropped)
//   url            <link>, <guid isPermaLink> if a URL       <link rel="alternate" href>, first
//   date           <pubDate> (RFC 822), <dc:date> (ISO 8601)  <published>, <updated>
//   author         <dc:creator> (all, joined ", "), <author>  <author><name> (entry, else feed)
//                  ("x@y.org (Name)" gives "Name")
//   language       item xml:lang/<dc:language>, channel        xml:lang of the entry or feed
//                  <language>, <rss xml:lang>
//   body           <content:encoded>, else <description>       <content>, else <summary>
//   id             <guid>, else link, else title + date         <id>, else link, else title + date
//   outlet         OutletsFile::FindByUrl(url), else the feed's own <link>
//
// Dates: both formats are accepted in every date element. The date is the calendar day as
// written (no conversion to UTC: the day the outlet showed its readers). A date that cannot be
// read gives a warning at its line; the item is kept without a date.
//
// Bodies: HTML (content:encoded, Atom type="html"/"xhtml", a description containing tags or
// entities) is cut into paragraphs with ExtractHtml(fragment = true); plain text is split at blank
// lines, whitespace inside a paragraph collapsed. Paragraphs are joined with "\n\n".
//
// Problems name the file and the line of the item. An item with neither title nor text is
// skipped with a warning; an item with a title and no text is kept with a warning. A feed that
// is not well-formed XML gives an error with line and column; items that ended before the
// error are still returned (a truncated download loses only its last item).
#ifndef PARALLAX_CORPUS_FEED_READER_H_
#define PARALLAX_CORPUS_FEED_READER_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/article.h"
#include "core/date.h"
#include "core/diagnostic.h"
#include "core/limits.h"
#include "corpus/outlets.h"

namespace parallax {

struct FeedReadResult {
  std::vector<Article> articles;  // in feed order; ids unique within the feed
  Diagnostics diagnostics;        // warnings per item, errors for malformed XML
};

// Reads the feed `xml` (UTF-8 or the encoding its XML declaration names; a UTF-8 BOM is fine;
// gzipped data is decompressed first). `path` names the feed in diagnostics and becomes each
// article's source_path. `outlets` may be null: then no outlet is set. An element nested more
// than `max_depth` levels deep is an error that ends the parse there (items closed before it are
// kept); HTML item bodies are flattened below `max_depth` as ExtractHtml does. Never throws for
// bad input: every problem is a diagnostic. Safe to call from several threads at once.
FeedReadResult ReadFeed(std::string_view xml, const std::string& path, const OutletsFile* outlets,
                        std::size_t max_depth = kDefaultMaxDepth);

// Cheap sniff: true when the first element of `data` (after an optional BOM, XML declaration,
// comments and DOCTYPE) is <rss>, an Atom <feed> (the Atom namespace in its start tag) or
// <rdf:RDF>. Gzipped data is not a feed to this function; check LooksGzipped first.
bool LooksLikeFeed(std::string_view data);

// Parses a date as feeds and crawlers write it: RFC 822 / RFC 2822 ("Sun, 23 Apr 2023 10:15:00
// +0000", weekday and seconds optional, two-digit years read as 19xx/20xx) or ISO 8601
// ("2023-04-23", "2023-04-23T10:15:00Z", "2023-04-23 10:15:00", "2023-04-23T10:15:00.5+04:00").
// Returns the calendar day as written, or nullopt when `text` is neither. A weekday that does
// not match the date is ignored (the numbers win).
std::optional<Date> ParseFeedDate(std::string_view text);

// A stable, file-name-safe article id made from `key` (a guid, an URL, a title): ASCII letters
// and digits lower-cased, every other run of characters one '-', a leading "http(s)://" and
// "www." dropped. Keys that give an empty or over-long slug (non-Latin titles, long URLs) get a
// short hash of the whole key appended, so different keys give different ids. Never empty for
// a non-empty key; at most 80 bytes.
std::string SafeArticleId(std::string_view key);

// "en-us" -> "en-US", "RU" -> "ru", "hy_AM" -> "hy-AM"; "" when `raw` is not a language tag.
std::string NormalizeLanguageTag(std::string_view raw);

}  // namespace parallax

#endif  // PARALLAX_CORPUS_FEED_READER_H_
