// Streaming scan: articles as JSON Lines in, one JSON record per article out, in input order,
// with memory that does not grow with the input and all cores busy. This is how a researcher
// runs the analysis over years of an archive, and how Parallax serves as the map step of an
// existing engine (Hadoop Streaming, Spark's RDD.pipe).
//
// Design: the calling thread reads lines in batches into a bounded window of in-flight batches;
// worker threads annotate batches; a writer emits finished batches strictly in order. At most
// `max_batches_in_flight` batches exist at once, so memory is bounded by
// max_batches_in_flight × batch_lines × (longest line), whatever the input size.
#ifndef PARALLAX_SCAN_SCANNER_H_
#define PARALLAX_SCAN_SCANNER_H_

#include <cstddef>
#include <functional>
#include <istream>
#include <ostream>
#include <string>

#include "annotate/annotator.h"
#include "core/diagnostic.h"
#include "core/limits.h"
#include "corpus/outlets.h"

namespace parallax {

struct ScanOptions {
  unsigned threads = 0;                   // workers; 0 = one per core
  std::size_t batch_lines = 64;           // lines per batch
  std::size_t max_batches_in_flight = 0;  // 0 = 2 × threads + 2
  // Longer lines are reported and skipped; at most this many bytes of a line are ever held.
  std::size_t max_line_bytes = kDefaultMaxInputBytes;
  std::size_t max_depth = kDefaultMaxDepth;  // deeper-nested lines are reported and skipped
  std::string source_name = "-";             // names the input in diagnostics
  const OutletsFile* outlets = nullptr;      // to recognise outlets by domain
  bool clean = true;                         // apply generic boilerplate removal before annotating
  bool with_text = false;                    // add "title" and "body" (the cleaned text) to records
  // Called from the reading thread with the bytes of each line read (for a progress display).
  std::function<void(std::size_t)> on_progress;
};

struct ScanStats {
  std::size_t lines = 0;      // non-empty input lines
  std::size_t records = 0;    // records written
  std::size_t malformed = 0;  // lines reported and skipped
  std::size_t bytes = 0;      // input bytes read
};

// Scans `in` to `out`. Each diagnostic (a malformed line, with its line number) is passed to
// `on_diagnostic` from the calling thread, in input order. Throws nothing for bad lines.
ScanStats Scan(std::istream& in, std::ostream& out, const Annotator& annotator,
               const ScanOptions& options,
               const std::function<void(const Diagnostic&)>& on_diagnostic);

// The record `scan` writes for one annotated article (also useful on its own). With
// `with_text`, it also carries "title" and "body" (the cleaned text the counts refer to), so
// `parallax align` can read the records as articles (the reduce step of a large scan).
nlohmann::ordered_json ScanRecord(const Article& article, const ArticleAnnotations& annotations,
                                  const Lexicon& lexicon, bool with_text = false);

// Appends ScanRecord(...).dump(-1, ' ', false, error_handler_t::replace) to `*out`, the same
// bytes, written straight from the counts without building the JSON value (what `scan` writes).
void AppendScanRecord(std::string* out, const Article& article,
                      const ArticleAnnotations& annotations, const Lexicon& lexicon,
                      bool with_text = false);

}  // namespace parallax

#endif  // PARALLAX_SCAN_SCANNER_H_
