#include "corpus/gzip.h"

#include <zlib.h>

#include <climits>

#include "core/diagnostic.h"

namespace parallax {
namespace {

[[noreturn]] void Fail(const std::string& path, std::string message, std::string hint = "") {
  throw InputError(MakeError(path, 0, 0, std::move(message), std::move(hint)));
}

// Owns a z_stream for the duration of one Gunzip call.
class Inflater {
 public:
  explicit Inflater(const std::string& path) {
    // 16 + MAX_WBITS: expect a gzip header and trailer (CRC and length are checked by zlib).
    if (inflateInit2(&stream_, 16 + MAX_WBITS) != Z_OK) {
      Fail(path, "cannot initialise the gzip decoder (out of memory?)");
    }
  }
  ~Inflater() { inflateEnd(&stream_); }
  Inflater(const Inflater&) = delete;
  Inflater& operator=(const Inflater&) = delete;
  z_stream& stream() { return stream_; }

 private:
  z_stream stream_{};
};

}  // namespace

bool LooksGzipped(std::string_view data) {
  return data.size() >= 3 && static_cast<unsigned char>(data[0]) == 0x1f &&
         static_cast<unsigned char>(data[1]) == 0x8b && static_cast<unsigned char>(data[2]) == 8;
}

std::string Gunzip(std::string_view data, const std::string& path, std::uint64_t max_bytes) {
  if (!LooksGzipped(data)) {
    Fail(path, "not gzip data (missing the 1f 8b 08 signature)",
         "pass the file uncompressed, or check that it was saved completely");
  }
  std::string out;
  Inflater inflater(path);
  z_stream& zs = inflater.stream();
  const auto* next = reinterpret_cast<const Bytef*>(data.data());
  std::size_t remaining = data.size();
  char buffer[64 * 1024];
  for (;;) {
    // zlib counts input in uInt; feed very large inputs in slices.
    if (zs.avail_in == 0 && remaining > 0) {
      const std::size_t slice = remaining < UINT_MAX ? remaining : UINT_MAX;
      zs.next_in = const_cast<Bytef*>(next);
      zs.avail_in = static_cast<uInt>(slice);
      next += slice;
      remaining -= slice;
    }
    zs.next_out = reinterpret_cast<Bytef*>(buffer);
    zs.avail_out = sizeof buffer;
    const int rc = inflate(&zs, Z_NO_FLUSH);
    const std::size_t produced = sizeof buffer - zs.avail_out;
    if (out.size() + produced > max_bytes) {
      Fail(path,
           "gzip data expands to more than " + std::to_string(max_bytes) +
               " bytes; refusing to decompress further",
           "this looks like a decompression bomb; if the file is genuine, decompress it yourself");
    }
    out.append(buffer, produced);
    if (rc == Z_STREAM_END) {
      // Another gzip member may follow (concatenated .gz files); trailing zero padding is fine.
      const std::size_t unread = zs.avail_in + remaining;
      if (unread == 0) break;
      const std::string_view rest(reinterpret_cast<const char*>(zs.next_in), zs.avail_in);
      if (rest.find_first_not_of('\0') == std::string_view::npos && remaining == 0) break;
      if (!LooksGzipped(rest)) {
        Fail(path, "unexpected bytes after the end of the gzip data",
             "the file may be damaged; try `gzip -t` on it");
      }
      if (inflateReset(&zs) != Z_OK) Fail(path, "cannot reset the gzip decoder");
      continue;
    }
    if (rc == Z_BUF_ERROR && zs.avail_in == 0 && remaining == 0) {
      Fail(path, "gzip data is truncated (ends before the end of the compressed stream)",
           "the download or copy was probably cut short; fetch the file again");
    }
    if (rc != Z_OK && rc != Z_BUF_ERROR) {
      std::string detail = zs.msg != nullptr ? zs.msg : "error " + std::to_string(rc);
      Fail(path,
           "corrupt gzip data at compressed byte " + std::to_string(zs.total_in) + ": " + detail,
           "the file is damaged; try `gzip -t` on it");
    }
  }
  return out;
}

std::string_view GunzipIfNeeded(std::string_view data, const std::string& path,
                                std::string& storage, std::uint64_t max_bytes) {
  if (!LooksGzipped(data)) return data;
  storage = Gunzip(data, path, max_bytes);
  return storage;
}

std::string Gzip(std::string_view data) {
  z_stream stream{};
  // 16 + MAX_WBITS: write a gzip header and trailer; zlib's header has no name and time 0.
  if (deflateInit2(&stream, Z_BEST_COMPRESSION, Z_DEFLATED, 16 + MAX_WBITS, 8,
                   Z_DEFAULT_STRATEGY) != Z_OK) {
    Fail("-", "cannot initialise the gzip encoder (out of memory?)");
  }
  std::string out(deflateBound(&stream, static_cast<uLong>(data.size())), '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  stream.avail_in = static_cast<uInt>(data.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  const int rc = deflate(&stream, Z_FINISH);
  out.resize(stream.total_out);
  deflateEnd(&stream);
  if (rc != Z_STREAM_END) Fail("-", "gzip compression failed");
  return out;
}

}  // namespace parallax
