// File input and output with the guarantees the project promises: reads that say which file
// failed and why, a size limit with a clear message, and atomic writes (a temporary file in
// the same directory, flushed, then renamed) so an interrupted run never leaves a half-written
// report or article in place of a good one.
#ifndef PARALLAX_CORE_FILE_IO_H_
#define PARALLAX_CORE_FILE_IO_H_

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "core/limits.h"

namespace parallax {

// Reads the whole file at `path` ("-" reads standard input). Throws InputError naming the path
// when it cannot be opened, is a directory, or is larger than `max_bytes`.
std::string ReadFile(const std::string& path, std::uint64_t max_bytes = kDefaultMaxInputBytes);

// Writes `content` to `path` atomically: to `path`.tmp-XXXXXX in the same directory, fsync,
// rename. On failure the previous file at `path` is untouched, the temporary file is removed,
// and InputError says what failed.
void WriteFileAtomic(const std::string& path, const std::string& content);

// Writes several files (path, content) as one: every content goes to a temporary file beside its
// path first (written, flushed, closed); only when all of them are on disk are they renamed into
// place. A failure while writing (a full disk, a read-only folder) removes the temporary files
// and replaces nothing, so a report is never left half old and half new.
void WriteFilesAtomic(const std::vector<std::pair<std::string, std::string>>& files);

}  // namespace parallax

#endif  // PARALLAX_CORE_FILE_IO_H_
