// File input and output with the guarantees the project promises: reads that say which file
// failed and why, a size limit with a clear message, and atomic writes (a temporary file in
// the same directory, flushed, then renamed) so an interrupted run never leaves a half-written
// report or article in place of a good one.
#ifndef PARALLAX_CORE_FILE_IO_H_
#define PARALLAX_CORE_FILE_IO_H_

#include <cstdint>
#include <string>

namespace parallax {

// Default maximum input size: 64 MiB. Larger inputs are refused with a message naming the limit.
inline constexpr std::uint64_t kDefaultMaxInputBytes = 64ull << 20;

// Reads the whole file at `path` ("-" reads standard input). Throws InputError naming the path
// when it cannot be opened, is a directory, or is larger than `max_bytes`.
std::string ReadFile(const std::string& path, std::uint64_t max_bytes = kDefaultMaxInputBytes);

// Writes `content` to `path` atomically: to `path`.tmp-XXXXXX in the same directory, fsync,
// rename. On failure the previous file at `path` is untouched, the temporary file is removed,
// and InputError says what failed.
void WriteFileAtomic(const std::string& path, const std::string& content);

}  // namespace parallax

#endif  // PARALLAX_CORE_FILE_IO_H_
