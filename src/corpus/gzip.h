// Gzip: saved web pages and crawls often come gzipped (".html.gz", or a body stored as fetched
// with Content-Encoding: gzip). Readers call LooksGzipped on the raw bytes and Gunzip when it is
// true, so a user never has to pipe files through zcat first.
//
// Gunzip is bounded: a small file may expand to gigabytes (a "zip bomb"), so the caller states
// how many decompressed bytes it is prepared to hold and gets an error, not an exhausted
// machine, when the data would pass that.
#ifndef PARALLAX_CORPUS_GZIP_H_
#define PARALLAX_CORPUS_GZIP_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace parallax {

// Default ceiling for decompressed input: far above any real web page or article file.
inline constexpr std::uint64_t kDefaultMaxGunzipBytes = 256ull << 20;  // 256 MiB

// True when `data` starts with the gzip magic bytes (1f 8b) followed by the deflate method (08).
bool LooksGzipped(std::string_view data);

// Decompresses gzip `data` (one member or several concatenated, as `cat a.gz b.gz` makes).
// `path` is only used in messages. Throws InputError naming the path when the data is not gzip,
// is corrupt or truncated, or when the decompressed size would pass `max_bytes`.
std::string Gunzip(std::string_view data, const std::string& path,
                   std::uint64_t max_bytes = kDefaultMaxGunzipBytes);

// `data` itself when it is not gzipped; otherwise its decompressed bytes, kept in `storage` (the
// returned view points into it). Throws InputError as Gunzip does.
std::string_view GunzipIfNeeded(std::string_view data, const std::string& path,
                                std::string& storage,
                                std::uint64_t max_bytes = kDefaultMaxGunzipBytes);

// `data` compressed as one gzip member (no file name, no time stamp: the same bytes always give
// the same file). Throws InputError when zlib fails (out of memory).
std::string Gzip(std::string_view data);

}  // namespace parallax

#endif  // PARALLAX_CORPUS_GZIP_H_
