// The limits that protect a run from hostile or broken input, with their defaults. Every command
// that reads untrusted input takes the same three flags, bound into the options of the library
// units below; when a limit is hit the message names the limit and the flag that raises it.
//
//   limit            default  flag            applies to
//   input size       64 MiB   --max-bytes     each input file, standard input, each gunzipped
//                                             input, and each JSON Lines line of `scan`
//   nesting depth    256      --max-depth     elements of an HTML page or feed item (deeper tags
//                                             are ignored, their text kept, with a warning);
//                                             elements of a feed and arrays/objects of JSON (an
//                                             error for that input: it is not read)
//   article count    10,000   --max-articles  articles one command reads (story folders, ingest,
//                                             annotate, match, align); the rest are not read,
//                                             with an error naming the limit
//
// `scan` streams, so it has no article limit: memory does not grow with the number of records.
#ifndef PARALLAX_CORE_LIMITS_H_
#define PARALLAX_CORE_LIMITS_H_

#include <cstddef>
#include <cstdint>

namespace parallax {

// Largest input accepted: far above any real article, page or feed, small enough to hold.
inline constexpr std::uint64_t kDefaultMaxInputBytes = 64ull << 20;  // 64 MiB

// Deepest nesting of elements (HTML, XML) or of arrays and objects (JSON). Real pages nest
// fewer than 60 levels; this is also libxml2's own default.
inline constexpr std::size_t kDefaultMaxDepth = 256;

// libxml2 stops a parse (and drops the rest of the document) when more elements than this are
// open, unless XML_PARSE_HUGE is given; readers pass it when --max-depth asks for this or more.
inline constexpr std::size_t kLibxmlMaxDepth = 256;

// Most articles one command reads: a workshop corpus holds tens, a research sample thousands.
inline constexpr std::size_t kDefaultMaxArticles = 10000;

}  // namespace parallax

#endif  // PARALLAX_CORE_LIMITS_H_
