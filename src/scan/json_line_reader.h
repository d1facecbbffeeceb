// Reads one line of JSON Lines for `scan` without building a document of the whole line.
//
// Why it exists: `scan` reads archives of hundreds of megabytes; nlohmann's parser reads a line a
// character at a time and builds a tree of every field, where an article needs a dozen of them.
// simdjson validates a line at gigabytes a second into a tape the parser keeps and reuses; the
// reader then copies out only the fields ArticleFromJson reads (the table in
// corpus/newsplease_reader.h), so what reaches it is the same value nlohmann would have given.
//
// Contract: Read returns the record, or nullopt when the caller must parse the line with
// nlohmann::json::parse as before. That happens for every line simdjson refuses (so malformed
// lines get the same diagnostics, with the same byte positions, as ever), for a line whose root
// is not an object (ArticleFromJson names its type), and for lines simdjson might accept where
// nlohmann does not (a \u escape of a surrogate, which nlohmann checks more strictly). Duplicate
// keys keep the last value, as nlohmann does.
//
// One reader per thread: Read reuses the parser's buffers and is not thread-safe.
#ifndef PARALLAX_SCAN_JSON_LINE_READER_H_
#define PARALLAX_SCAN_JSON_LINE_READER_H_

#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>

namespace parallax {

class JsonLineReader {
 public:
  JsonLineReader();
  ~JsonLineReader();
  JsonLineReader(const JsonLineReader&) = delete;
  JsonLineReader& operator=(const JsonLineReader&) = delete;

  // The record of `line` (its fields that ArticleFromJson reads), or nullopt: parse the line
  // with nlohmann::json::parse instead (see above).
  std::optional<nlohmann::json> Read(std::string_view line);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace parallax

#endif  // PARALLAX_SCAN_JSON_LINE_READER_H_
