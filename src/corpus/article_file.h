// The article file: the format a facilitator writes or `parallax ingest` produces. A front-matter
// block between `---` lines (title, outlet, date, language, genre, url, optional author, event,
// id), then the body, paragraphs separated by blank lines. The reader is forgiving where a human
// would be (no front matter: a first line that reads as a headline is the title; keys in any
// case, `Title:` being `title:`; a header pasted without its `---` lines, two or more known
// `Key: value` lines first, read as the front matter with a warning naming its lines; CRLF line
// ends; a UTF-8 BOM) and precise where it must be (a bad date is an error naming file and line;
// a file empty or of blank space only is an error). Unknown keys are kept and warned about, so a
// round trip through ReadArticle/WriteArticle loses nothing.
#ifndef PARALLAX_CORPUS_ARTICLE_FILE_H_
#define PARALLAX_CORPUS_ARTICLE_FILE_H_

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/article.h"
#include "core/diagnostic.h"
#include "core/limits.h"

namespace parallax {

struct ArticleReadResult {
  Article article;
  Diagnostics diagnostics;  // warnings (unknown key, missing outlet) and errors (bad date)
  bool ok() const { return !HasErrors(diagnostics); }
};

struct ArticleParseOptions {
  // The caller sets the outlet itself (`ingest --outlet`): a file that names none is not warned
  // about. Default: warned about.
  bool outlet_given = false;
};

// Parses the article file `content`; `path` names it in diagnostics and gives the default id
// (the file name without its extension). The bytes are decoded as DecodeTextFile does (UTF-8
// with or without BOM, UTF-16 with BOM); malformed UTF-8 and NULs become U+FFFD, each with a
// warning at its line and column. Values are checked where a mistake would go unnoticed: a
// `language` that is no BCP 47 tag and a `genre` other than news, analysis, opinion and interview
// are warned about at their line, with a did-you-mean; a language name ("English", "русский")
// is read as its tag ("en", "ru").
ArticleReadResult ParseArticle(std::string_view content, const std::string& path,
                               const ArticleParseOptions& options = {});

// A `language` value checked as a BCP 47 tag (a language subtag of 2-3 ASCII letters, then
// subtags of 1-8 letters or digits after '-'):
//
//   value      well_formed  tag      suggestion
//   "en"       true         "en"     ""
//   "RU-md"    true         "ru-md"  ""      (the language subtag in lower case)
//   "English"  false        "en"     "en"    (a language name Parallax knows)
//   "rus"      true         "ru"     "ru"    (ISO 639-2: BCP 47 writes the two-letter code)
//   "ro_MD"    false        "ro-MD"  "ro-MD" (a locale written with '_')
//   "klingon"  false        "klingon" ""     (kept as written)
struct LanguageTag {
  std::string tag;  // the tag to use
  bool well_formed = false;
  std::string suggestion;  // the tag the value stands for, when it should be written so
};
LanguageTag CheckLanguageTag(std::string_view value);

// Reads and parses the file at `path`. A file that cannot be read, or is larger than
// `max_bytes`, gives an error diagnostic.
ArticleReadResult ReadArticleFile(const std::string& path,
                                  std::uint64_t max_bytes = kDefaultMaxInputBytes);

// Serialises `article` (metadata and `body`) in the article file format. Values are written on
// one line each (newlines become spaces); ParseArticle(WriteArticle(a)) gives back `a`.
std::string WriteArticle(const Article& article);

// The file-name stem used as default id: "corpus/x/001_tmt.txt" -> "001_tmt".
std::string ArticleIdFromPath(const std::string& path);

// An article that names no outlet stands for an outlet of its own when a story folder is loaded
// to be compared (corpus/corpus.h: report, align), so that several such articles are never
// merged into one nameless outlet: id "no-outlet-" and the slug of its file name
// ("no-outlet-pasted-3" for pasted-3.txt), name "no outlet (pasted-3.txt)", which reports show
// (and blind) like any outlet's. An article with an outlet is left as it is. The article file
// is never changed: the warning "article names no outlet" still asks for `outlet:`.
void GiveOwnOutlet(Article& article);

// Whether a file found by listing a folder is the folder's notes, not an article: README,
// README.md, readme.txt and the like (any case, any extension). Folder listings skip it with
// FolderNotesSkipped; a file given by name is always read.
bool IsFolderNotes(std::string_view file_name);

// Whether a file found by listing a story folder belongs to the story without being an article:
// its events.xml (read by align), or a page `parallax ingest` fetched and kept beside its article
// file ("X.html.gz" next to "X.txt", whose text is the article). Folder listings skip it.
bool IsStoryCompanion(const std::filesystem::path& path);

// The warning that a folder's notes file `path` was skipped.
Diagnostic FolderNotesSkipped(const std::string& path);

// True when `article`'s outlet was given by GiveOwnOutlet.
bool HasOwnOutlet(const Article& article);

// Gives two articles whose own outlets (GiveOwnOutlet) got the same id, because their file names
// have the same slug ("a b.txt", "a-b.txt") or are the same name in two folders, distinct ids
// ("no-outlet-a-b-2"), never one taken by a named outlet.
void MakeOwnOutletsDistinct(std::vector<Article>& articles);

// Outlet ids compare ignoring case: articles whose outlets differ only in case ("CNN", "cnn")
// all take the spelling of the first of them, so that a report never shows one outlet twice.
// (Ids the outlets file knows are written as it writes them when the article is read.)
void UnifyOutletIdCase(std::vector<Article>& articles);

// Makes article ids unique: a later article whose id (its file name, or an `id:` key) an earlier
// one already has ("pasted-1" in two folders given to align) is read as "pasted-1-2", with a
// warning naming both files. `*ids[i]` is the id of the file `paths[i]`.
void MakeArticleIdsDistinct(const std::vector<std::string*>& ids,
                            const std::vector<std::string>& paths, Diagnostics* diagnostics);

// The same over outlet ids kept apart from their articles (align keeps only documents):
// `*outlets[i]` is the outlet id of the file `paths[i]`, an own outlet when `own[i]`.
void MakeOwnOutletIdsDistinct(const std::vector<std::string*>& outlets,
                              const std::vector<std::string>& paths, const std::vector<bool>& own);

}  // namespace parallax

#endif  // PARALLAX_CORPUS_ARTICLE_FILE_H_
