#include "corpus/newsplease_reader.h"

#include <algorithm>
#include <initializer_list>
#include <map>
#include <set>
#include <utility>

#include "corpus/feed_reader.h"
#include "corpus/gzip.h"
#include "text/byte_set.h"
#include "text/whitespace.h"

namespace parallax {
namespace {

using nlohmann::json;

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

std::string_view StripBom(std::string_view s) {
  if (s.substr(0, 3) == "\xEF\xBB\xBF") s.remove_prefix(3);
  return s;
}

// Splits `text` into paragraphs: at every line end when `each_line` (news-please maintext),
// else at blank lines. Whitespace inside a paragraph is collapsed; empty paragraphs dropped.
std::string BodyFrom(std::string_view text, bool each_line) {
  std::string body;
  std::string current;
  // Appends a paragraph, collapsed straight into the body, after a blank line unless it is the
  // first; one that collapses to nothing leaves no trace.
  auto add = [&body](std::string_view paragraph) {
    const std::size_t mark = body.size();
    if (!body.empty()) body += "\n\n";
    const std::size_t at = body.size();
    AppendCollapsedSpace(paragraph, &body);
    if (body.size() == at) body.resize(mark);
  };
  auto flush = [&] {
    add(current);
    current.clear();
  };
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(start, end - start);
    if (each_line) {
      add(line);  // a paragraph per line: no need to gather it first
    } else if (Trim(line).empty()) {
      current.append(line);
      flush();
    } else {
      current.append(line);
      current += ' ';
    }
    start = end + 1;
  }
  flush();
  return body;
}

// 1-based line and column (in code points) of byte `offset` in `text`.
std::pair<int, int> LineColumn(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  int line = 1;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  }
  int column = 1;
  for (std::size_t i = line_start; i < offset; ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++column;
  }
  return {line, column};
}

// nlohmann's message without its "[json.exception...] parse error at line 1, column 2: " prefix.
std::string ParseMessage(const json::parse_error& e) {
  std::string m = e.what();
  const std::size_t at = m.find("column ");
  if (at != std::string::npos) {
    const std::size_t colon = m.find(": ", at);
    if (colon != std::string::npos) return m.substr(colon + 2);
  }
  const std::size_t bracket = m.find("] ");
  return bracket == std::string::npos ? m : m.substr(bracket + 2);
}

// nlohmann's message without its "[json.exception.x.n] " prefix.
std::string WhatOf(const json::exception& e) {
  const std::string m = e.what();
  const std::size_t bracket = m.find("] ");
  return bracket == std::string::npos ? m : m.substr(bracket + 2);
}

// The error for a parse failure of `text` (which starts at line `first_line` of the file).
Diagnostic ParseErrorAt(const json::parse_error& e, std::string_view text, const std::string& path,
                        int first_line) {
  // parse_error::byte is the 1-based index of the last character read.
  const std::size_t offset = e.byte > 0 ? e.byte - 1 : 0;
  auto [line, column] = LineColumn(text, offset);
  return MakeError(path, first_line + line - 1, column, "malformed JSON: " + ParseMessage(e),
                   "each record must be a JSON object; JSON Lines need one object per line");
}

}  // namespace

std::size_t JsonTooDeepAt(std::string_view text, std::size_t max_depth) {
  // Only these bytes matter, outside strings and inside them: the rest is passed over sixteen
  // bytes at a time.
  static constexpr ByteSet kOutside = {'"', '[', '{', ']', '}'};
  static constexpr ByteSet kInside = {'"', '\\'};
  std::size_t depth = 0;
  for (std::size_t i = kOutside.Find(text, 0, text.size()); i < text.size();
       i = kOutside.Find(text, i, text.size())) {
    const char c = text[i++];
    if (c == '"') {
      // A string: to its closing quote; an escape takes the byte after it along.
      for (i = kInside.Find(text, i, text.size()); i < text.size() && text[i] == '\\';
           i = kInside.Find(text, i + 2, text.size())) {
      }
      if (i >= text.size()) break;
      ++i;
    } else if (c == '[' || c == '{') {
      if (++depth > max_depth) return i - 1;
    } else if (depth > 0) {
      --depth;
    }
  }
  return std::string_view::npos;
}

namespace {

Diagnostic TooDeepAt(std::string_view text, std::size_t offset, std::size_t max_depth,
                     const std::string& path, int first_line) {
  auto [line, column] = LineColumn(text, offset);
  return MakeError(
      path, first_line + line - 1, column,
      "arrays and objects are nested more than " + std::to_string(max_depth) + " levels deep",
      "raise the limit with --max-depth if the JSON really nests that deep");
}

std::string TypeName(const json& v) { return v.type_name(); }

// The first of `keys` holding a non-empty string. A key holding another type is a warning.
std::string StringField(const json& record, std::initializer_list<const char*> keys,
                        const std::string& path, int line, Diagnostics& diagnostics) {
  for (const char* key : keys) {
    const auto it = record.find(key);
    if (it == record.end() || it->is_null()) continue;
    if (it->is_string()) {
      const std::string& s = it->get_ref<const std::string&>();
      if (!Trim(s).empty()) return s;
      continue;
    }
    diagnostics.push_back(
        MakeWarning(path, line, 0,
                    "\"" + std::string(key) + "\" is " + TypeName(*it) + ", not a string; ignored",
                    "write \"" + std::string(key) + "\": \"…\""));
  }
  return "";
}

std::string Authors(const json& record, const std::string& path, int line,
                    Diagnostics& diagnostics) {
  for (const char* key : {"authors", "author"}) {
    const auto it = record.find(key);
    if (it == record.end() || it->is_null()) continue;
    if (it->is_string()) {
      std::string s = CollapseSpace(it->get_ref<const std::string&>());
      if (!s.empty()) return s;
      continue;
    }
    if (it->is_array()) {
      std::string joined;
      for (const json& v : *it) {
        std::string name;
        if (v.is_string()) {
          name = CollapseSpace(v.get_ref<const std::string&>());
        } else if (v.is_object() && v.contains("name") && v["name"].is_string()) {
          name = CollapseSpace(v["name"].get_ref<const std::string&>());
        }
        if (name.empty()) continue;
        if (!joined.empty()) joined += ", ";
        joined += name;
      }
      if (!joined.empty()) return joined;
      continue;
    }
    diagnostics.push_back(MakeWarning(
        path, line, 0,
        "\"" + std::string(key) + "\" is " + TypeName(*it) + ", not a list of names; ignored",
        "write \"authors\": [\"First Author\", \"Second\"]"));
  }
  return "";
}

bool IsFileNameSafe(std::string_view id) {
  if (id.empty() || id.size() > 120 || id[0] == '.') return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_' || c == '.';
  });
}

std::string HostOf(std::string_view url) {
  url = Trim(url);
  const std::size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return "";
  url.remove_prefix(scheme + 3);
  const std::size_t end = url.find_first_of("/?#:");
  if (end != std::string_view::npos) url = url.substr(0, end);
  std::string out(url);
  for (char& c : out) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  return out;
}

// Byte offsets of the elements of the JSON array opening at text[open] (a '['), so each record
// of an array can be reported at its own line. Strings and nesting are skipped.
std::vector<std::size_t> ArrayElementOffsets(std::string_view text, std::size_t open) {
  std::vector<std::size_t> offsets;
  int depth = 0;
  bool in_string = false;
  bool escape = false;
  bool expect_value = true;
  for (std::size_t i = open; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (escape) {
        escape = false;
      } else if (c == '\\') {
        escape = true;
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    if (IsSpace(c)) continue;
    if (depth == 1 && expect_value && c != ']') {
      offsets.push_back(i);
      expect_value = false;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      ++depth;
    } else if (c == ']' || c == '}') {
      if (--depth == 0) break;
    } else if (c == ',' && depth == 1) {
      expect_value = true;
    }
  }
  return offsets;
}

// True when `body` (starting at its first non-space character) holds JSON Lines rather than
// one (malformed) JSON value: its first line is a record on its own, or the next non-blank line
// starts another record. A pretty-printed object opens with "{" alone and continues with keys.
bool LooksLikeJsonLines(std::string_view body) {
  if (body.empty() || body[0] != '{') return false;
  const std::size_t eol = body.find('\n');
  if (eol == std::string_view::npos) return false;
  const std::string_view line1 = Trim(body.substr(0, eol));
  if (line1.size() > 1 && line1.back() == '}') return true;
  std::size_t s = eol + 1;
  while (s < body.size()) {
    const std::size_t e = body.find('\n', s);
    const std::string_view line =
        Trim(body.substr(s, e == std::string_view::npos ? body.npos : e - s));
    if (!line.empty()) return line1.size() > 1 && line[0] == '{';
    if (e == std::string_view::npos) break;
    s = e + 1;
  }
  return false;
}

struct Reader {
  const std::string& path;
  const OutletsFile* outlets;
  NewsPleaseResult& result;
  std::map<std::string, int> seen_ids;
  std::set<std::string> unknown_domains;

  void Add(const json& record, int line) {
    std::optional<Article> a = ArticleFromJson(record, path, line, outlets, result.diagnostics);
    if (!a) return;
    if (a->outlet.empty() && outlets != nullptr) {
      const std::string domain = UnknownDomainOf(record);
      if (!domain.empty()) unknown_domains.insert(domain);
    }
    const int n = ++seen_ids[a->id];
    if (n > 1) a->id += "-" + std::to_string(n);
    result.articles.push_back(std::move(*a));
  }
};

}  // namespace

bool LooksLikeJson(std::string_view data) {
  const std::string_view t = Trim(StripBom(data));
  return !t.empty() && (t[0] == '{' || t[0] == '[');
}

std::string UnknownDomainOf(const nlohmann::json& record) {
  if (!record.is_object()) return "";
  const auto domain = record.find("source_domain");
  if (domain != record.end() && domain->is_string()) {
    std::string d(Trim(domain->get_ref<const std::string&>()));
    if (!d.empty()) return d;
  }
  const auto url = record.find("url");
  if (url != record.end() && url->is_string()) return HostOf(url->get_ref<const std::string&>());
  return "";
}

std::optional<Article> ArticleFromJson(const nlohmann::json& record, const std::string& path,
                                       int line, const OutletsFile* outlets,
                                       Diagnostics& diagnostics) {
  if (!record.is_object()) {
    diagnostics.push_back(
        MakeError(path, line, 0, "record is " + TypeName(record) + ", not a JSON object; skipped",
                  "each record must be {\"title\": …, \"maintext\": …}"));
    return std::nullopt;
  }
  Article a;
  a.source_path = path;
  a.body_line = line;
  a.title = CollapseSpace(
      StringField(record, {"title", "title_rss", "title_page"}, path, line, diagnostics));
  if (std::string maintext = StringField(record, {"maintext"}, path, line, diagnostics);
      !maintext.empty()) {
    a.body = BodyFrom(maintext, /*each_line=*/true);
  } else if (std::string body = StringField(record, {"body", "text"}, path, line, diagnostics);
             !body.empty()) {
    a.body = BodyFrom(body, /*each_line=*/false);
  } else if (std::string description =
                 StringField(record, {"description"}, path, line, diagnostics);
             !description.empty()) {
    a.body = BodyFrom(description, /*each_line=*/false);
    if (!a.body.empty()) {
      diagnostics.push_back(MakeWarning(path, line, 0,
                                        "record has no \"maintext\"; its description is used as "
                                        "the body (only the teaser will be analysed)"));
    }
  }
  if (a.title.empty() && a.body.empty()) {
    diagnostics.push_back(MakeWarning(path, line, 0,
                                      "record has neither a title nor any text; skipped",
                                      "a record needs \"title\" or \"maintext\""));
    return std::nullopt;
  }
  if (a.body.empty()) {
    diagnostics.push_back(MakeWarning(
        path, line, 0, "record '" + a.title.substr(0, 80) + "' has no text; only its title is kept",
        "news-please stores the text in \"maintext\""));
  }

  for (const char* key : {"date_publish", "date"}) {
    const std::string raw = StringField(record, {key}, path, line, diagnostics);
    if (raw.empty()) continue;
    a.date = ParseFeedDate(raw);
    if (!a.date) {
      diagnostics.push_back(
          MakeWarning(path, line, 0,
                      "cannot read the date \"" + raw.substr(0, 80) + "\" in \"" + key +
                          "\"; the record is kept without a date",
                      "write \"2023-04-23 10:15:00\", \"2023-04-23\" or \"2023-04-23T10:15:00Z\""));
    }
    break;
  }

  a.url = std::string(Trim(StringField(record, {"url"}, path, line, diagnostics)));
  a.author = Authors(record, path, line, diagnostics);
  const std::string language = StringField(record, {"language"}, path, line, diagnostics);
  a.language = NormalizeLanguageTag(language);
  if (a.language.empty() && !language.empty()) {
    diagnostics.push_back(MakeWarning(
        path, line, 0,
        "\"language\": \"" + language.substr(0, 40) + "\" is not a language tag; ignored",
        "write a BCP 47 tag such as \"en\", \"ru\" or \"hy\""));
  }
  a.genre = CollapseSpace(StringField(record, {"genre"}, path, line, diagnostics));
  a.event = CollapseSpace(StringField(record, {"event"}, path, line, diagnostics));

  a.outlet = CollapseSpace(StringField(record, {"outlet"}, path, line, diagnostics));
  if (!a.outlet.empty()) {
    if (outlets != nullptr && outlets->Find(a.outlet) == nullptr) {
      diagnostics.push_back(MakeWarning(
          path, line, 0, "unknown outlet '" + a.outlet + "'",
          UnknownOutletHint(outlets->path) + "; or use an outlet id from " + outlets->path));
    }
  } else if (outlets != nullptr) {
    const Outlet* outlet = nullptr;
    const std::string domain = StringField(record, {"source_domain"}, path, line, diagnostics);
    if (!domain.empty()) outlet = outlets->FindByDomain(Trim(domain));
    if (outlet == nullptr && !a.url.empty()) outlet = outlets->FindByUrl(a.url);
    if (outlet != nullptr) a.outlet = outlet->id;
  }

  std::string id;
  if (const auto it = record.find("id"); it != record.end()) {
    if (it->is_string()) id = std::string(Trim(it->get_ref<const std::string&>()));
    if (it->is_number_integer()) id = std::to_string(it->get<long long>());
  }
  if (!id.empty()) {
    a.id = IsFileNameSafe(id) ? id : SafeArticleId(id);
  } else if (!a.url.empty()) {
    a.id = SafeArticleId(a.url);
  } else {
    a.id = SafeArticleId((a.date ? a.date->ToString() + " " : std::string()) + a.title);
  }
  return a;
}

NewsPleaseResult ReadNewsPlease(std::string_view data, const std::string& path,
                                const OutletsFile* outlets, std::size_t max_depth) {
  NewsPleaseResult result;
  std::string decompressed;
  try {
    data = GunzipIfNeeded(data, path, decompressed);
  } catch (const InputError& e) {
    result.diagnostics.push_back(e.diagnostic());
    return result;
  }
  // The BOM is skipped, not removed, so lines and columns stay those of the file.
  const bool bom = data.substr(0, 3) == "\xEF\xBB\xBF";
  std::size_t first = bom ? 3 : 0;
  while (first < data.size() && IsSpace(data[first])) ++first;
  if (first >= data.size()) {
    result.diagnostics.push_back(MakeWarning(path, 1, 0, "the file is empty; no records"));
    return result;
  }
  Reader reader{path, outlets, result, {}, {}};
  const std::string_view text = data;
  const int first_line = LineColumn(text, first).first;
  const std::string_view body = text.substr(first);

  // One JSON value: an object or an array of objects.
  bool whole_failed = false;
  std::optional<Diagnostic> whole_error;
  json whole;
  try {
    if (const std::size_t deep = JsonTooDeepAt(body, max_depth); deep != std::string_view::npos) {
      whole_failed = true;
      whole_error = TooDeepAt(body, deep, max_depth, path, first_line);
    } else {
      whole = json::parse(body.begin(), body.end());
    }
  } catch (const json::parse_error& e) {
    whole_failed = true;
    whole_error = ParseErrorAt(e, body, path, first_line);
  } catch (const json::exception& e) {  // a number too large for a double ("1e999")
    whole_failed = true;
    whole_error = MakeError(path, first_line, 0, "unreadable JSON: " + WhatOf(e),
                            "numbers must fit in a double");
  }
  if (whole_failed && !LooksLikeJsonLines(body)) {
    result.diagnostics.push_back(std::move(*whole_error));
    return result;
  }
  if (!whole_failed) {
    if (whole.is_array()) {
      const std::vector<std::size_t> offsets = ArrayElementOffsets(body, 0);
      for (std::size_t i = 0; i < whole.size(); ++i) {
        const int line = offsets.size() == whole.size()
                             ? first_line + LineColumn(body, offsets[i]).first - 1
                             : first_line;
        reader.Add(whole[i], line);
      }
      if (whole.empty())
        result.diagnostics.push_back(MakeWarning(path, first_line, 0, "the array has no records"));
    } else if (whole.is_object()) {
      reader.Add(whole, first_line);
    } else {
      result.diagnostics.push_back(MakeError(
          path, first_line, 0,
          "the file holds a JSON " + TypeName(whole) + ", not an object or an array of objects"));
    }
  } else {
    int line_no = 0;
    std::size_t start = 0;
    while (start < text.size()) {
      std::size_t end = text.find('\n', start);
      if (end == std::string_view::npos) end = text.size();
      ++line_no;
      std::string_view line = text.substr(start, end - start);
      start = end + 1;
      if (line_no == 1 && bom) line.remove_prefix(3);
      if (Trim(line).empty()) continue;
      if (const std::size_t deep = JsonTooDeepAt(line, max_depth); deep != std::string_view::npos) {
        Diagnostic d = TooDeepAt(line, deep, max_depth, path, line_no);
        d.message += "; line skipped";
        result.diagnostics.push_back(std::move(d));
        continue;
      }
      json record;
      try {
        record = json::parse(line.begin(), line.end());
      } catch (const json::parse_error& e) {
        Diagnostic d = ParseErrorAt(e, line, path, line_no);
        if (line_no == 1 && bom) d.column += 1;
        d.message += "; line skipped";
        result.diagnostics.push_back(std::move(d));
        continue;
      } catch (const json::exception& e) {
        result.diagnostics.push_back(MakeError(path, line_no, 0,
                                               "unreadable JSON: " + WhatOf(e) + "; line skipped",
                                               "numbers must fit in a double"));
        continue;
      }
      reader.Add(record, line_no);
    }
  }
  for (const std::string& domain : reader.unknown_domains) {
    result.diagnostics.push_back(
        MakeWarning(path, 0, 0,
                    "no outlet in " + (outlets->path.empty() ? "the outlets file" : outlets->path) +
                        " has the domain " + domain + "; its records are named by the domain",
                    UnknownOutletHint(outlets->path, domain)));
  }
  return result;
}

}  // namespace parallax
