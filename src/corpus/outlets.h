// The outlets file (corpus/outlets.xml): who published what. Each outlet has an id that article
// files name, a display name, languages, base, a one-line neutral description, web domains (to
// recognise saved pages and feeds), the ways it refers to itself (for --blind), and boilerplate
// patterns that only this outlet uses. Parsed with libxml2, network and entity expansion off.
#ifndef PARALLAX_CORPUS_OUTLETS_H_
#define PARALLAX_CORPUS_OUTLETS_H_

#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"

namespace parallax {

// A per-outlet boilerplate pattern. Matching is on the trimmed line, ASCII case-insensitive,
// with typographic quotes and dashes folded.
struct OutletPattern {
  enum class Match { kLine, kPrefix, kContains };
  enum class Action {
    kRemove,       // remove the matching line
    kRemoveToEnd,  // remove the matching line and everything after it
    kNote,         // remove from the text but keep as an outlet note (e.g. a naming policy)
    kCaptionNext,  // the matching line is kept; the line right after it is a caption
  };
  std::string rule;  // rule id shown to the user, e.g. "publication-line"
  Match match = Match::kLine;
  Action action = Action::kRemove;
  std::string text;
  int line = 0;  // where it is declared in the outlets file
};

struct Outlet {
  std::string id;
  std::string name;
  std::vector<std::string> languages;
  std::string base;
  std::string description;
  std::vector<std::string> domains;
  std::vector<std::string> self_references;  // names it uses for itself in text
  std::vector<OutletPattern> patterns;
};

struct OutletsFile {
  std::vector<Outlet> outlets;
  std::string path;

  // The outlet with `id` (OutletIdsEqual: ignoring case), or nullptr.
  const Outlet* Find(std::string_view id) const;
  // The outlet whose domain matches the host of `url` (also subdomains), or nullptr.
  const Outlet* FindByUrl(std::string_view url) const;
  // The outlet whose domain equals `domain` or is its parent domain ("www.x.com" -> "x.com").
  const Outlet* FindByDomain(std::string_view domain) const;
};

// Whether two outlet ids are the same outlet: ids compare ignoring case ("CNN" is "cnn"; Unicode
// simple case folding beyond ASCII). Ids are kept as written; an article takes the outlets file's.
bool OutletIdsEqual(std::string_view a, std::string_view b);

// The host of `url` in lower case without "www." ("https://www.X.com/a" -> "x.com"); "" when
// `url` has no scheme and host.
std::string DomainOfUrl(std::string_view url);

struct OutletsLoadResult {
  OutletsFile file;
  Diagnostics diagnostics;
};

// What to do about an outlet the outlets file lacks (by id, or by a web domain when `domain` is
// set): describe it in an outlets file of one's own, passed with --outlets, never an edit of the
// shipped corpus/outlets.xml. `file` is the outlets file in use ("" when none).
std::string UnknownOutletHint(const std::string& file, std::string_view domain = {});

// Parses outlets XML from memory; `path` names it in diagnostics.
OutletsLoadResult ParseOutlets(std::string_view xml, const std::string& path);
// Reads and parses the outlets file at `path`.
OutletsLoadResult LoadOutlets(const std::string& path);

}  // namespace parallax

#endif  // PARALLAX_CORPUS_OUTLETS_H_
