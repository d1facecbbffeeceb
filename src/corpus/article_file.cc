#include "corpus/article_file.h"

#include <algorithm>
#include <filesystem>
#include <utility>
#include <vector>

#include "core/file_io.h"
#include "corpus/page_outlet.h"
#include "text/utf8.h"

namespace parallax {
namespace {

// The longest first line a file without front matter has as its title, in characters: headlines
// are shorter; a longer first line is the body's first paragraph.
constexpr std::size_t kMaxHeadlineChars = 200;

std::size_t CharCount(std::string_view s) {
  std::size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

constexpr std::string_view kKnownKeys[] = {
    "title",  "outlet", "outlet_name", "site_name", "date",        "language", "genre",      "url",
    "author", "event",  "id",          "fetched",   "http_status", "page",     "page_sha256"};

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Splits into lines without their "\n" or "\r\n" ends.
std::vector<std::string_view> SplitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t nl = text.find('\n', start);
    std::string_view line =
        text.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
  return lines;
}

std::string Unquote(std::string_view v) {
  if (v.size() >= 2 &&
      ((v.front() == '"' && v.back() == '"') || (v.front() == '\'' && v.back() == '\''))) {
    v = v.substr(1, v.size() - 2);
  }
  return std::string(v);
}

std::string QuoteIfNeeded(const std::string& v) {
  const bool wrapped = v.size() >= 2 && ((v.front() == '"' && v.back() == '"') ||
                                         (v.front() == '\'' && v.back() == '\''));
  const bool padded = !v.empty() && (v.front() == ' ' || v.back() == ' ');
  return wrapped || padded ? '"' + v + '"' : v;
}

std::string OneLine(std::string v) {
  std::replace(v.begin(), v.end(), '\n', ' ');
  std::replace(v.begin(), v.end(), '\r', ' ');
  return v;
}

// Joins lines[from..] with "\n", keeping a final newline if the input had one.
std::string JoinBody(const std::vector<std::string_view>& lines, std::size_t from) {
  std::string body;
  for (std::size_t i = from; i < lines.size(); ++i) {
    body.append(lines[i]);
    if (i + 1 < lines.size()) body.push_back('\n');
  }
  return body;
}

// The keys whose value is stored as it is, and where.
constexpr std::pair<std::string_view, std::string Article::*> kTextKeys[] = {
    {"title", &Article::title},       {"outlet", &Article::outlet},
    {"language", &Article::language}, {"genre", &Article::genre},
    {"url", &Article::url},           {"author", &Article::author},
    {"event", &Article::event},       {"id", &Article::id},
    {"fetched", &Article::fetched},   {"http_status", &Article::http_status},
    {"page", &Article::page},         {"page_sha256", &Article::page_sha256}};

void SetKey(Article& a, std::string_view key, std::string value, const std::string& path, int line,
            Diagnostics& diags) {
  for (const auto& [name, member] : kTextKeys) {
    if (key == name) {
      a.*member = std::move(value);
      return;
    }
  }
  if (key == "outlet_name" || key == "site_name") {
    if (a.outlet_name.empty() || key == "outlet_name") a.outlet_name = std::move(value);
  } else if (key == "date" && !value.empty()) {
    if (auto d = ParseIsoDate(value)) {
      a.date = *d;
    } else {
      diags.push_back(MakeError(path, line, 7, "bad date '" + value + "'",
                                "write YYYY-MM-DD, or YYYY-MM when only the month is known"));
    }
  }
}

}  // namespace

std::string ArticleIdFromPath(const std::string& path) {
  if (path.empty() || path == "-") return "stdin";
  return std::filesystem::path(path).stem().string();
}

ArticleReadResult ParseArticle(std::string_view raw, const std::string& path) {
  ArticleReadResult result;
  Article& a = result.article;
  a.source_path = path;
  // Every reader of article files (story folders, clean, ingest) gets valid UTF-8: malformed
  // sequences and NULs become U+FFFD with a warning at their line and column; UTF-16 is decoded.
  const std::string decoded = DecodeTextFile(raw, path, &result.diagnostics);
  std::string_view content = decoded;
  if (Trim(content).empty()) {
    result.diagnostics.push_back(
        MakeError(path, 0, 0, "empty file", "an article file holds front matter and the text"));
    return result;
  }
  const std::vector<std::string_view> lines = SplitLines(content);

  std::size_t body_from = 0;
  if (!lines.empty() && Trim(lines[0]) == "---") {
    std::size_t i = 1;
    bool closed = false;
    for (; i < lines.size(); ++i) {
      const std::string_view raw = lines[i];
      const int line_no = static_cast<int>(i) + 1;
      if (Trim(raw) == "---") {
        closed = true;
        break;
      }
      const std::string_view stripped = Trim(raw);
      if (stripped.empty() || stripped.front() == '#') continue;
      const std::size_t colon = stripped.find(':');
      if (colon == std::string_view::npos || colon == 0) {
        result.diagnostics.push_back(MakeError(
            path, line_no, 1,
            "expected 'key: value' in front matter, found '" + std::string(stripped) + "'",
            "close the front matter with a line '---'"));
        continue;
      }
      const std::string key(Trim(stripped.substr(0, colon)));
      std::string value = Unquote(Trim(stripped.substr(colon + 1)));
      const bool known =
          std::find(std::begin(kKnownKeys), std::end(kKnownKeys), key) != std::end(kKnownKeys);
      if (known) {
        SetKey(a, key, std::move(value), path, line_no, result.diagnostics);
      } else {
        result.diagnostics.push_back(MakeWarning(
            path, line_no, 1, "unknown front-matter key '" + key + "' (kept)",
            "known keys: title, outlet, outlet_name, date, language, genre, url, author, event, "
            "id, fetched, http_status, page, page_sha256"));
        a.extra.emplace_back(key, std::move(value));
      }
    }
    if (!closed) {
      result.diagnostics.push_back(MakeError(path, 1, 1,
                                             "front matter opened with '---' is never closed",
                                             "add a line '---' after the last key"));
      body_from = lines.size();
    } else {
      body_from = i + 1;
    }
  } else {
    // No front matter: the first non-empty line is the title when it reads as a headline: text
    // follows it and it is no longer than a headline. A file of one paragraph, or one that opens
    // with a paragraph, is all body (and is warned about below for having no title).
    std::size_t i = 0;
    while (i < lines.size() && Trim(lines[i]).empty()) ++i;
    std::size_t next = i + 1;
    while (next < lines.size() && Trim(lines[next]).empty()) ++next;
    if (i < lines.size() && next < lines.size() && CharCount(Trim(lines[i])) <= kMaxHeadlineChars) {
      a.title = std::string(Trim(lines[i]));
      body_from = i + 1;
    } else {
      body_from = i;
    }
  }
  a.body_line = static_cast<int>(body_from) + 1;
  a.body = JoinBody(lines, body_from);
  if (a.id.empty()) a.id = ArticleIdFromPath(path);
  if (a.title.empty()) {
    result.diagnostics.push_back(
        MakeWarning(path, 1, 0, "article has no title", "add 'title: …' to the front matter"));
  }
  // A file that names its outlet only by name (as ingest wrote before ids came from pages) gets
  // the id ingest would give it now.
  if (a.outlet.empty() && !a.outlet_name.empty()) {
    Slugger slugger;
    a.outlet = OutletIdFor(a.outlet_name, slugger);
  }
  if (a.outlet.empty()) {
    result.diagnostics.push_back(MakeWarning(path, 1, 0, "article names no outlet",
                                             "add 'outlet: <id from the outlets file>'; "
                                             "--outlets FILE names your own"));
  }
  return result;
}

ArticleReadResult ReadArticleFile(const std::string& path, std::uint64_t max_bytes) {
  try {
    return ParseArticle(ReadFile(path, max_bytes), path);
  } catch (const InputError& e) {
    ArticleReadResult result;
    result.article.source_path = path;
    result.article.id = ArticleIdFromPath(path);
    result.diagnostics.push_back(e.diagnostic());
    return result;
  }
}

std::string WriteArticle(const Article& a) {
  std::string out = "---\n";
  auto put = [&out](std::string_view key, const std::string& value, bool always) {
    if (value.empty() && !always) return;
    out.append(key).append(": ").append(QuoteIfNeeded(OneLine(value))).push_back('\n');
  };
  put("title", a.title, true);
  put("outlet", a.outlet, true);
  put("outlet_name", a.outlet_name, false);
  put("date", a.date ? a.date->ToString() : "", true);
  put("language", a.language, true);
  put("genre", a.genre, false);
  put("url", a.url, false);
  put("author", a.author, false);
  put("event", a.event, false);
  put("fetched", a.fetched, false);
  put("http_status", a.http_status, false);
  put("page", a.page, false);
  put("page_sha256", a.page_sha256, false);
  if (!a.id.empty() && a.id != ArticleIdFromPath(a.source_path)) put("id", a.id, false);
  for (const auto& [key, value] : a.extra) put(key, value, true);
  out += "---\n";
  out += a.body;
  return out;
}

}  // namespace parallax
