#include "scan/json_line_reader.h"

#include <simdjson.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>

namespace parallax {
namespace {

// The top-level keys ArticleFromJson (and UnknownDomainOf) read; every other field is dropped.
constexpr std::array<std::string_view, 18> kArticleKeys = {
    "title",       "title_rss",    "title_page", "maintext", "body",          "text",
    "description", "date_publish", "date",       "url",      "authors",       "author",
    "language",    "genre",        "event",      "outlet",   "source_domain", "id"};

bool IsArticleKey(std::string_view key) {
  return std::find(kArticleKeys.begin(), kArticleKeys.end(), key) != kArticleKeys.end();
}

// The nlohmann value nlohmann::json::parse gives for the same JSON text.
nlohmann::json ToJson(simdjson::dom::element e) {
  switch (e.type()) {
    case simdjson::dom::element_type::OBJECT: {
      simdjson::dom::object fields;
      nlohmann::json object = nlohmann::json::object();
      if (e.get(fields) != simdjson::SUCCESS) return object;
      for (const auto field : fields) {
        object[std::string(field.key)] = ToJson(field.value);  // the last of equal keys wins
      }
      return object;
    }
    case simdjson::dom::element_type::ARRAY: {
      simdjson::dom::array items;
      nlohmann::json array = nlohmann::json::array();
      if (e.get(items) != simdjson::SUCCESS) return array;
      for (const simdjson::dom::element item : items) array.push_back(ToJson(item));
      return array;
    }
    case simdjson::dom::element_type::STRING: {
      std::string_view text;
      if (e.get(text) != simdjson::SUCCESS) return nullptr;
      return std::string(text);
    }
    case simdjson::dom::element_type::INT64: {
      // nlohmann holds a number without a minus sign as unsigned.
      std::int64_t v = 0;
      if (e.get(v) != simdjson::SUCCESS) return nullptr;
      if (v >= 0) return static_cast<std::uint64_t>(v);
      return v;
    }
    case simdjson::dom::element_type::UINT64: {
      std::uint64_t v = 0;
      if (e.get(v) != simdjson::SUCCESS) return nullptr;
      return v;
    }
    case simdjson::dom::element_type::DOUBLE: {
      double v = 0;
      if (e.get(v) != simdjson::SUCCESS) return nullptr;
      return v;
    }
    case simdjson::dom::element_type::BOOL: {
      bool v = false;
      if (e.get(v) != simdjson::SUCCESS) return nullptr;
      return v;
    }
    case simdjson::dom::element_type::NULL_VALUE:
      return nullptr;
  }
  return nullptr;
}

// A \u escape of a surrogate ("\ud83d"): nlohmann checks their pairing more strictly.
bool HasSurrogateEscape(std::string_view line) {
  for (std::size_t at = line.find("\\u"); at != std::string_view::npos;
       at = line.find("\\u", at + 1)) {
    if (at + 2 < line.size() && (line[at + 2] == 'd' || line[at + 2] == 'D')) return true;
  }
  return false;
}

}  // namespace

struct JsonLineReader::Impl {
  simdjson::dom::parser parser;
};

JsonLineReader::JsonLineReader() : impl_(std::make_unique<Impl>()) {}
JsonLineReader::~JsonLineReader() = default;

std::optional<nlohmann::json> JsonLineReader::Read(std::string_view line) {
  if (HasSurrogateEscape(line)) return std::nullopt;
  simdjson::dom::element root;
  if (impl_->parser.parse(line.data(), line.size()).get(root) != simdjson::SUCCESS) {
    return std::nullopt;
  }
  simdjson::dom::object object;
  if (root.get_object().get(object) != simdjson::SUCCESS) return std::nullopt;
  nlohmann::json record = nlohmann::json::object();
  for (const auto field : object) {
    if (IsArticleKey(field.key)) record[std::string(field.key)] = ToJson(field.value);
  }
  return record;
}

}  // namespace parallax
