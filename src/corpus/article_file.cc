#include "corpus/article_file.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <utility>
#include <vector>

#include "core/file_io.h"
#include "corpus/outlets.h"
#include "corpus/page_outlet.h"
#include "text/edit_distance.h"
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

// White space as a pasted page carries it: ASCII white space, no-break and other Unicode spaces,
// zero-width spaces and byte-order marks.
bool IsSpaceChar(char32_t u) {
  return u == ' ' || (u >= 0x09 && u <= 0x0D) || u == 0x85 || u == 0xA0 || u == 0x1680 ||
         (u >= 0x2000 && u <= 0x200B) || u == 0x2028 || u == 0x2029 || u == 0x202F || u == 0x205F ||
         u == 0x3000 || u == 0xFEFF;
}

// True when `text` holds nothing but white space (IsSpaceChar).
bool IsBlank(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const DecodedChar c = DecodeUtf8Char(text, i);
    if (!c.valid || !IsSpaceChar(c.code_point)) return false;
    i += c.length;
  }
  return true;
}

// `text` without the white space (IsSpaceChar) at either end: a line copied from a page often
// starts or ends with a no-break space.
std::string_view TrimSpace(std::string_view text) {
  std::size_t start = 0;
  while (start < text.size()) {
    const DecodedChar c = DecodeUtf8Char(text, start);
    if (!c.valid || !IsSpaceChar(c.code_point)) break;
    start += c.length;
  }
  std::size_t end = start;
  for (std::size_t i = start; i < text.size();) {
    const DecodedChar c = DecodeUtf8Char(text, i);
    i += c.length;
    if (!c.valid || !IsSpaceChar(c.code_point)) end = i;
  }
  return text.substr(start, end - start);
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Splits into lines without their "\n", "\r\n" or lone "\r" ends (text pasted on an old Mac, or
// through a clipboard that keeps only carriage returns, has lines all the same).
std::vector<std::string_view> SplitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = text.find_first_of("\r\n", start);
    lines.push_back(
        text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (end == std::string_view::npos) break;
    start = end + 1;
    if (text[end] == '\r' && start < text.size() && text[start] == '\n') ++start;
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

// Language names a user may write for `language:` (in English, in the language itself, and in
// Russian and Romanian, the languages of the workshops), and ISO 639-2 codes BCP 47 writes with
// two letters, each with its tag: the languages Parallax has lexicons for first, then common
// ones. Names are matched in lower case.
constexpr std::pair<std::string_view, std::string_view> kLanguageNames[] = {
    {"english", "en"},      {"eng", "en"},
    {"английский", "en"},   {"engleză", "en"},
    {"engleza", "en"},      {"russian", "ru"},
    {"rus", "ru"},          {"русский", "ru"},
    {"русский язык", "ru"}, {"rusă", "ru"},
    {"rusa", "ru"},         {"romanian", "ro"},
    {"ron", "ro"},          {"rum", "ro"},
    {"română", "ro"},       {"romana", "ro"},
    {"limba română", "ro"}, {"moldovan", "ro"},
    {"moldavian", "ro"},    {"moldovenească", "ro"},
    {"румынский", "ro"},    {"молдавский", "ro"},
    {"georgian", "ka"},     {"kat", "ka"},
    {"geo", "ka"},          {"ქართული", "ka"},
    {"грузинский", "ka"},   {"armenian", "hy"},
    {"hye", "hy"},          {"arm", "hy"},
    {"հայերեն", "hy"},      {"армянский", "hy"},
    {"azerbaijani", "az"},  {"azeri", "az"},
    {"aze", "az"},          {"azərbaycan", "az"},
    {"azərbaycanca", "az"}, {"азербайджанский", "az"},
    {"ukrainian", "uk"},    {"ukr", "uk"},
    {"українська", "uk"},   {"украинский", "uk"},
    {"belarusian", "be"},   {"беларуская", "be"},
    {"turkish", "tr"},      {"türkçe", "tr"},
    {"french", "fr"},       {"français", "fr"},
    {"german", "de"},       {"deutsch", "de"},
    {"spanish", "es"},      {"español", "es"},
    {"italian", "it"},      {"italiano", "it"},
    {"portuguese", "pt"},   {"português", "pt"},
    {"polish", "pl"},       {"polski", "pl"},
    {"serbian", "sr"},      {"srpski", "sr"},
    {"српски", "sr"},       {"bulgarian", "bg"},
    {"български", "bg"},    {"greek", "el"},
    {"persian", "fa"},      {"farsi", "fa"},
    {"arabic", "ar"},       {"hebrew", "he"},
    {"chinese", "zh"},      {"kazakh", "kk"},
    {"hungarian", "hu"},    {"dutch", "nl"}};

bool IsAsciiLetter(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

// BCP 47 well-formedness, as far as a front matter needs it: a primary language subtag of 2-3
// ASCII letters, then subtags of 1-8 ASCII letters or digits, each after a '-'.
bool IsWellFormedTag(std::string_view tag) {
  std::size_t subtag = 0;
  for (std::size_t start = 0; start <= tag.size(); ++subtag) {
    const std::size_t dash = std::min(tag.find('-', start), tag.size());
    const std::string_view part = tag.substr(start, dash - start);
    if (subtag == 0 && (part.size() < 2 || part.size() > 3 ||
                        !std::all_of(part.begin(), part.end(), IsAsciiLetter))) {
      return false;
    }
    if (part.empty() || part.size() > 8 || !std::all_of(part.begin(), part.end(), [](char c) {
          return IsAsciiLetter(c) || (c >= '0' && c <= '9');
        })) {
      return false;
    }
    start = dash + 1;
  }
  return true;
}

constexpr std::string_view kKnownGenres[] = {"news", "analysis", "opinion", "interview"};

// Checks `language:` and `genre:` values: a language that is no BCP 47 tag, or a genre Parallax
// does not know, is warned about at `line`; a language name with a tag is read as that tag.
void CheckValue(Article& a, std::string_view key, const std::string& path, int line,
                Diagnostics& diags) {
  if (key == "language" && !a.language.empty()) {
    const LanguageTag tag = CheckLanguageTag(a.language);
    if (!tag.suggestion.empty()) {
      diags.push_back(MakeWarning(path, line, 1,
                                  "language '" + a.language +
                                      "' is not a BCP 47 tag: did you mean '" + tag.suggestion +
                                      "'? (read as '" + tag.suggestion + "')",
                                  "write language: " + tag.suggestion));
    } else if (!tag.well_formed) {
      diags.push_back(MakeWarning(
          path, line, 1, "language '" + a.language + "' is not a BCP 47 tag (kept as written)",
          "write a language code of 2-3 letters, then optional subtags: "
          "en, ru, ro-MD, ka, hy, az"));
    }
    a.language = tag.tag;
  } else if (key == "genre" && !a.genre.empty()) {
    std::string lower = a.genre;
    for (char& c : lower) c = internal::AsciiLower(c);
    if (std::find(std::begin(kKnownGenres), std::end(kKnownGenres), lower) !=
        std::end(kKnownGenres)) {
      a.genre = std::move(lower);
      return;
    }
    const std::string near = NearestWord(
        lower, std::vector<std::string>(std::begin(kKnownGenres), std::end(kKnownGenres)));
    diags.push_back(
        MakeWarning(path, line, 1,
                    "unknown genre '" + a.genre + "' (kept)" +
                        (near.empty() ? std::string() : ": did you mean '" + near + "'?"),
                    "known genres: news, analysis, opinion, interview"));
  }
}

// `guessed`: the line comes from a header read without `---` lines (a pasted page's "Date: March
// 5, 2024"): a date that does not parse is warned about and left unset, not an error that would
// leave the article out.
void SetKey(Article& a, std::string_view key, std::string value, const std::string& path, int line,
            Diagnostics& diags, bool guessed) {
  for (const auto& [name, member] : kTextKeys) {
    if (key == name) {
      a.*member = std::move(value);
      CheckValue(a, key, path, line, diags);
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

LanguageTag CheckLanguageTag(std::string_view value) {
  LanguageTag result;
  if (IsWellFormedTag(value)) {
    result.well_formed = true;
    result.tag = std::string(value);
    // Tags compare ignoring case (RFC 5646 2.1.1): the language subtag is written in lower case.
    const std::size_t primary = std::min(result.tag.find('-'), result.tag.size());
    for (std::size_t i = 0; i < primary; ++i) result.tag[i] = internal::AsciiLower(result.tag[i]);
  } else {
    result.tag = std::string(value);
  }
  const std::string lower = SimpleLowercase(TrimSpace(value));
  for (const auto& [name, tag] : kLanguageNames) {
    if (lower == name) {
      result.suggestion = std::string(tag);
      result.tag = std::string(tag);
      return result;
    }
  }
  // "en_US", written as a locale: the same tag with '-'.
  if (!result.well_formed && value.find('_') != std::string_view::npos) {
    std::string dashed(value);
    std::replace(dashed.begin(), dashed.end(), '_', '-');
    if (IsWellFormedTag(dashed)) {
      result = CheckLanguageTag(dashed);
      result.well_formed = false;
      result.suggestion = result.tag;
    }
  }
  return result;
}

std::string ArticleIdFromPath(const std::string& path) {
  if (path.empty() || path == "-") return "stdin";
  return std::filesystem::path(path).stem().string();
}

ArticleReadResult ParseArticle(std::string_view raw, const std::string& path,
                               const ArticleParseOptions& options) {
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
    // Lines of white space only, no-break spaces included, are blank: a page copied from a
    // browser often opens with one, which is no headline.
    std::size_t i = 0;
    while (i < lines.size() && IsBlank(lines[i])) ++i;
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
      while (i < lines.size() && IsBlank(lines[i])) ++i;
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
      while (next < lines.size() && IsBlank(lines[next])) ++next;
      if (i < lines.size() && next < lines.size() &&
          CharCount(TrimSpace(lines[i])) <= kMaxHeadlineChars) {
        a.title = std::string(TrimSpace(lines[i]));
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
  if (a.outlet.empty() && !options.outlet_given) {
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

bool IsStoryCompanion(const std::filesystem::path& path) {
  const std::string name = path.filename().string();
  if (name == "events.xml") return true;
  constexpr std::string_view kExt = ".html.gz";
  if (name.size() <= kExt.size() || !name.ends_with(kExt)) return false;
  std::error_code ec;
  return std::filesystem::is_regular_file(
      path.parent_path() / (name.substr(0, name.size() - kExt.size()) + ".txt"), ec);
}

void UnifyOutletIdCase(std::vector<Article>& articles) {
  std::vector<const std::string*> first;  // the first spelling of each outlet id
  for (Article& a : articles) {
    const auto same = std::find_if(first.begin(), first.end(), [&](const std::string* id) {
      return OutletIdsEqual(*id, a.outlet);
    });
    if (same == first.end()) {
      first.push_back(&a.outlet);
    } else if (**same != a.outlet) {
      a.outlet = **same;
    }
  }
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
