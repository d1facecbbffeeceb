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
Alignment AlignByWindow(std::vector<AlignDocument> documents, const WindowOptions& window,
                        const AlignOptions& options = {},
                        const std::vector<CuratedEvent>& curated = {});

}  // namespace parallax

#endif  // PARALLAX_ALIGN_WINDOWS_H_
