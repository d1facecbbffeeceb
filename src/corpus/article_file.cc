#include "corpus/article_file.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <utility>
#include <vector>

#include "core/file_io.h"
#include "corpus/page_outlet.h"
#include "text/normalizer.h"
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

// The canonical (lower-case) spelling of a known key written in any case ("Title", "DATE"), or
// "" for a key Parallax does not know.
std::string_view KnownKey(std::string_view key) {
  for (std::string_view known : kKnownKeys) {
    if (known.size() == key.size() &&
        std::equal(known.begin(), known.end(), key.begin(),
                   [](char k, char c) { return k == internal::AsciiLower(c); })) {
      return known;
    }
  }
  return {};
}

// The key of a line `Key: value` of a header pasted without `---` lines: a word of ASCII
// letters, digits, '_' and '-' that starts with a letter, at most 20 bytes (a headline such as
// "Vučić: …" or "The minister's answer: …" is no key). "" when the line has no such key.
std::string_view HeaderKeyOf(std::string_view line) {
  const std::size_t colon = line.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon > 20) return {};
  const std::string_view key = line.substr(0, colon);
  const auto letter = [](char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); };
  if (!letter(key.front())) return {};
  for (char c : key) {
    if (!letter(c) && !(c >= '0' && c <= '9') && c != '_' && c != '-') return {};
  }
  return key;
}

// True when `text` holds nothing but white space: ASCII white space, no-break and other
// Unicode spaces, zero-width spaces and byte-order marks.
bool IsBlank(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const DecodedChar c = DecodeUtf8Char(text, i);
    const char32_t u = c.code_point;
    const bool space = u == ' ' || (u >= 0x09 && u <= 0x0D) || u == 0x85 || u == 0xA0 ||
                       u == 0x1680 || (u >= 0x2000 && u <= 0x200B) || u == 0x2028 || u == 0x2029 ||
                       u == 0x202F || u == 0x205F || u == 0x3000 || u == 0xFEFF;
    if (!c.valid || !space) return false;
    i += c.length;
  }
  return true;
}

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

// `guessed`: the line comes from a header read without `---` lines (a pasted page's "Date: March
// 5, 2024"): a date that does not parse is warned about and left unset, not an error that would
// leave the article out.
void SetKey(Article& a, std::string_view key, std::string value, const std::string& path, int line,
            Diagnostics& diags, bool guessed) {
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
    } else if (guessed) {
      diags.push_back(MakeWarning(path, line, 1,
                                  "bad date '" + value + "': the article is read without a date",
                                  "write YYYY-MM-DD, or YYYY-MM when only the month is known"));
    } else {
      diags.push_back(MakeError(path, line, 7, "bad date '" + value + "'",
                                "write YYYY-MM-DD, or YYYY-MM when only the month is known"));
    }
  }
}

// One `key: value` line of the front matter at `line`: a known key, in any case, is stored under
// its canonical name; another is kept as written and warned about.
void ReadKeyLine(Article& a, std::string_view raw_key, std::string_view raw_value,
                 const std::string& path, int line, Diagnostics& diags, bool guessed = false) {
  const std::string key(Trim(raw_key));
  std::string value = Unquote(Trim(raw_value));
  if (const std::string_view known = KnownKey(key); !known.empty()) {
    SetKey(a, known, std::move(value), path, line, diags, guessed);
    return;
  }
  diags.push_back(MakeWarning(
      path, line, 1, "unknown front-matter key '" + key + "' (kept)",
      "known keys: title, outlet, outlet_name, date, language, genre, url, author, event, id, "
      "fetched, http_status, page, page_sha256"));
  a.extra.emplace_back(key, std::move(value));
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
  if (IsBlank(content)) {
    // A file of blank lines and spaces is as empty as one of no bytes: never a 0-word article.
    result.diagnostics.push_back(
        content.empty()
            ? MakeError(path, 0, 0, "empty file", "an article file holds front matter and the text")
            : MakeError(path, 0, 0, "the file holds only blank lines and spaces, no text",
                        "paste the article into it, or remove the file"));
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
      ReadKeyLine(a, stripped.substr(0, colon), stripped.substr(colon + 1), path, line_no,
                  result.diagnostics);
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
    std::size_t i = 0;
    while (i < lines.size() && Trim(lines[i]).empty()) ++i;
    // A header pasted without its `---` lines ("Title: …", "Outlet: kurir", "Date: …" as the
    // first lines) is read as the front matter, never as text where "Outlet" would become a
    // speaker: the first lines up to a blank line or a line of another kind that are
    // `Key: value` lines, when two or more of their keys are known ones (in any case). Lines
    // after the last known key stay text. A warning says which lines were read so.
    std::size_t end = i;
    std::size_t header_end = i;
    std::size_t known = 0;
    std::string keys;
    for (; end < lines.size(); ++end) {
      const std::string_view header_key = HeaderKeyOf(Trim(lines[end]));
      if (header_key.empty()) break;
      const std::string_view key = KnownKey(header_key);
      if (!key.empty()) {
        ++known;
        header_end = end + 1;
        keys += std::string(keys.empty() ? "" : ", ") + std::string(key);
      }
    }
    bool titled_by_header = false;
    if (known >= 2) {
      result.diagnostics.push_back(
          MakeWarning(path, static_cast<int>(i) + 1, 1,
                      "lines " + std::to_string(i + 1) + "-" + std::to_string(header_end) +
                          " read as the front matter (" + keys + ")",
                      "write a line '---' before and after them to make this explicit; if "
                      "they are the article's text, give the file a '---' front matter first"));
      for (std::size_t k = i; k < header_end; ++k) {
        const std::string_view stripped = Trim(lines[k]);
        const std::size_t colon = stripped.find(':');
        ReadKeyLine(a, stripped.substr(0, colon), stripped.substr(colon + 1), path,
                    static_cast<int>(k) + 1, result.diagnostics, true);
      }
      i = header_end;
      while (i < lines.size() && Trim(lines[i]).empty()) ++i;
      // A header without a title is followed by the article as pasted: its headline first.
      titled_by_header = !a.title.empty();
    }
    if (titled_by_header) {
      body_from = i;
    } else {
      // No front matter: the first non-empty line is the title when it reads as a headline:
      // text follows it and it is no longer than a headline. A file of one paragraph, or one
      // that opens with a paragraph, is all body (and is warned about below for having no
      // title).
      std::size_t next = i + 1;
      while (next < lines.size() && Trim(lines[next]).empty()) ++next;
      if (i < lines.size() && next < lines.size() &&
          CharCount(Trim(lines[i])) <= kMaxHeadlineChars) {
        a.title = std::string(Trim(lines[i]));
        body_from = i + 1;
      } else {
        body_from = i;
      }
    }
  }
  a.body_line = static_cast<int>(body_from) + 1;
  a.body = JoinBody(lines, body_from);
  if (a.id.empty()) a.id = ArticleIdFromPath(path);
  if (a.title.empty()) {
    result.diagnostics.push_back(
        MakeWarning(path, 1, 0, "article has no title", "add 'title: …' to the front matter"));
  }
  if (IsBlank(a.body)) {
    result.diagnostics.push_back(MakeWarning(path, a.body_line, 0,
                                             "article has no text, only its front matter",
                                             "paste the article's text after the front matter"));
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

namespace {
constexpr std::string_view kOwnOutletId = "no-outlet";
constexpr std::string_view kOwnOutletName = "no outlet (";
}  // namespace

void GiveOwnOutlet(Article& a) {
  if (!a.outlet.empty()) return;
  const bool no_file = a.source_path.empty() || a.source_path == "-";
  const std::string file =
      no_file ? std::string("stdin") : std::filesystem::path(a.source_path).filename().string();
  Slugger slugger;
  const std::string slug = slugger.Slug(ArticleIdFromPath(a.source_path), 60);
  a.outlet = std::string(kOwnOutletId) + (slug.empty() ? "" : "-" + slug);
  a.outlet_name = std::string(kOwnOutletName) + file + ")";
}

bool IsFolderNotes(std::string_view file_name) {
  const std::string_view stem = file_name.substr(0, file_name.find('.'));
  constexpr std::string_view kReadme = "readme";
  return std::equal(stem.begin(), stem.end(), kReadme.begin(), kReadme.end(),
                    [](char c, char k) { return internal::AsciiLower(c) == k; });
}

Diagnostic FolderNotesSkipped(const std::string& path) {
  return MakeWarning(path, 0, 0, "a folder's README is read as notes, not as an article; skipped",
                     "give the file by name to read it as an article");
}

bool HasOwnOutlet(const Article& a) {
  return a.outlet.starts_with(kOwnOutletId) && a.outlet_name.starts_with(kOwnOutletName);
}

void MakeOwnOutletIdsDistinct(const std::vector<std::string*>& outlets,
                              const std::vector<std::string>& paths, const std::vector<bool>& own) {
  std::set<std::string> named;
  for (std::size_t i = 0; i < outlets.size(); ++i) {
    if (!own[i]) named.insert(*outlets[i]);
  }
  std::map<std::string, std::string> holder;  // own outlet id -> the file it stands for
  for (std::size_t i = 0; i < outlets.size(); ++i) {
    if (!own[i]) continue;
    std::string id = *outlets[i];
    for (int n = 2; named.count(id) > 0 || (holder.count(id) > 0 && holder[id] != paths[i]); ++n) {
      id = *outlets[i] + "-" + std::to_string(n);
    }
    holder[id] = paths[i];
    *outlets[i] = std::move(id);
  }
}

void MakeArticleIdsDistinct(const std::vector<std::string*>& ids,
                            const std::vector<std::string>& paths, Diagnostics* diagnostics) {
  std::set<std::string> taken;
  for (const std::string* id : ids) taken.insert(*id);
  std::map<std::string, std::string> first;  // id -> the file that has it
  for (std::size_t i = 0; i < ids.size(); ++i) {
    auto [it, is_new] = first.emplace(*ids[i], paths[i]);
    if (is_new) continue;
    std::string id;
    for (int n = 2; id.empty() || taken.count(id) > 0; ++n) id = *ids[i] + "-" + std::to_string(n);
    diagnostics->push_back(MakeWarning(
        paths[i], 1, 0,
        "article id '" + *ids[i] + "' is also the id of " + it->second + "; read as '" + id + "'",
        "give one of them its own id: rename the file, or set 'id:' in its front matter"));
    taken.insert(id);
    first.emplace(id, paths[i]);
    *ids[i] = std::move(id);
  }
}

void MakeOwnOutletsDistinct(std::vector<Article>& articles) {
  std::vector<std::string*> outlets;
  std::vector<std::string> paths;
  std::vector<bool> own;
  for (Article& a : articles) {
    outlets.push_back(&a.outlet);
    paths.push_back(a.source_path);
    own.push_back(HasOwnOutlet(a));
  }
  MakeOwnOutletIdsDistinct(outlets, paths, own);
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
