// Alignment of a large archive by date windows.
//
// News about one event is published within days of it, so an archive of years need not be
// aligned as one piece: AlignByWindow groups articles into windows by publication date, aligns
// each window on its own (Align, alignment.h) and merges the results.
//
// Windows are tumbling and anchored on 1970-01-01: window k holds the publication days
// [k * days, (k + 1) * days), so its bounds do not depend on which articles the archive holds,
// and neither do its ids. Each window is aligned on its own articles plus, as context, those
// published up to `overlap` days before and after it. A story, event or claim is kept by the
// window that holds its earliest article (publication date, then id): a story whose articles
// lie within `overlap` days of its earliest is seen whole by the window that keeps it, and is
// never split at a window edge. A claim of a story goes with its story. An article belongs to
// one story: should two windows' alignments disagree, the earlier window's story keeps it, and
// articles left over form a story of their own. Articles without a date are aligned together
// as one more window, "undated". A month-only date ("2023-05") counts as the first day of its
// month for the window that holds it and reaches to the month's end for context.
//
// Ids are prefixed by the window's first day: "2023-04-17/story-3", "2023-04-17/event-2",
// "2023-04-17/claim-1" ("undated/..."); pinned story keys stay as they are (a key pinned in
// several windows is one story). The output is deterministic and does not depend on the order of
// the input or on thread timing.
//
// A distributed run does the same in two steps: AlignWindowParts aligns each window where its
// articles and their context were sent (a reduce task), and MergeWindowParts merges the parts
// of all windows in one task. AlignByWindow is those two steps on one machine, so both give the
// same output byte for byte.
//
// Options (defaults):
//   days     7   window length in days (at least 1)
//   overlap  7   days of context on each side (at least 0)
//   threads  0   windows aligned at once (0: one per core); each window is aligned on one thread
#ifndef PARALLAX_ALIGN_WINDOWS_H_
#define PARALLAX_ALIGN_WINDOWS_H_

#include <optional>
#include <string>
#include <vector>

#include "align/alignment.h"

namespace parallax {

struct WindowOptions {
  int days = 7;
  int overlap = 7;
  int threads = 0;
};

// The window (its first day) holding a publication date; nullopt for no date.
std::optional<Date> WindowStart(const std::optional<Date>& date, int days);

// Throws std::invalid_argument when `window.days` < 1 or `window.overlap` < 0.
// The same as MergeWindowParts(AlignWindowParts(...)).
Alignment AlignByWindow(std::vector<AlignDocument> documents, const WindowOptions& window,
                        const AlignOptions& options = {},
                        const std::vector<CuratedEvent>& curated = {});

// An article published in a window: what merging needs to know of it.
struct WindowArticle {
  std::string id;
  std::string outlet;
  std::optional<Date> date;  // nullopt in the window "undated"
};

// One window aligned on its own, before the merge: the unit of work of a distributed run, in
// which each reduce task aligns one window (`parallax align --part`) and one task merges them
// (`parallax align --merge`). Merging the parts of every window gives what AlignByWindow gives.
struct WindowPart {
  int days = 7;
  int overlap = 7;
  std::string id;                       // the window's first day "YYYY-MM-DD", or "undated"
  std::vector<WindowArticle> articles;  // published in it, sorted by (id, outlet)
  std::size_t aligned = 0;              // articles aligned with it: its own and its context
  Alignment alignment;                  // Align() over those, with Align's ids
};

// The windows holding at least one of `documents`, each aligned with its context, in date order
// ("undated" last). With `only` (a window id), that window alone; none if it holds no article.
// Throws std::invalid_argument as AlignByWindow does.
std::vector<WindowPart> AlignWindowParts(std::vector<AlignDocument> documents,
                                         const WindowOptions& window,
                                         const AlignOptions& options = {},
                                         const std::vector<CuratedEvent>& curated = {},
                                         const std::string& only = "");

// Merges the parts of every window of an archive, in any order. Throws std::invalid_argument
// when the parts disagree on days or overlap, when a window is given twice, or when an article
// aligned as context is published in no window given (a part is missing).
Alignment MergeWindowParts(std::vector<WindowPart> parts);

// A part as one JSON object, and back; WindowPartFromJson throws std::invalid_argument naming
// what is missing or malformed.
nlohmann::json WindowPartToJson(const WindowPart& part);
WindowPart WindowPartFromJson(const nlohmann::json& json);

}  // namespace parallax

#endif  // PARALLAX_ALIGN_WINDOWS_H_
