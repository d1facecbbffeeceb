// Which outlet published a page, read from the page itself.
//
// A facilitator saves or lists pages from several outlets and expects a report that compares
// them, without writing `outlet:` into every file. A page names its outlet in several ways;
// they are tried in this order, and the first that gives an answer wins:
//
//   how            where it comes from                          id                   name
//   outlets file   the page's address is on a <domain> of an     the file's id        the file's
//                  outlet in corpus/outlets.xml (or --outlets),  ("oc-media")         name
//                  or its site name is an outlet's <name>
//   site name      og:site_name, JSON-LD publisher, application-  slug of the name     the site
//                  name ("The Hollywood Reporter"), when it      ("the-hollywood-     name
//                  fits the domain (NameFitsDomain)              reporter")
//   domain         the host of the page's address, "www."        slug of the domain   the domain
//                  dropped ("hollywoodreporter.com")             ("hollywoodreporter-
//                                                                com")
//
// Pages sometimes put a section where the site name belongs (Reuters: og:site_name "U.S."), so
// a site name is only believed when it fits the page's domain: the domain's site label is in
// the name or the name in it ("Caucasus Ledger", caucasusledger.example; "Kommersant",
// kommersant.ru), the name's initials begin it ("The Wall Street Journal", wsj.com; "New York
// Post", nypost.com), or they share five letters in a row ("Кавказский вестник",
// vestnik-kavkaza.example). A page with no address is believed as it is.
//
// Ids are ASCII slugs (text/slug.h), stable across runs: the same page always gets the same
// outlet. The name goes into the article file as `outlet_name:`, so a report shows outlets the
// outlets file does not know under their own names.
#ifndef PARALLAX_CORPUS_PAGE_OUTLET_H_
#define PARALLAX_CORPUS_PAGE_OUTLET_H_

#include <string>
#include <string_view>
#include <vector>

#include "core/article.h"
#include "corpus/outlets.h"
#include "text/slug.h"

namespace parallax {

enum class OutletSource { kNone, kGiven, kOutletsFile, kSiteName, kDomain };
// "", "given", "outlets file", "site name", "domain": for the table ingest prints.
const char* OutletSourceName(OutletSource source);

struct PageOutlet {
  std::string id;    // "" when nothing names the outlet
  std::string name;  // display name
  OutletSource source = OutletSource::kNone;
};

// The outlet of a page at `url` (its canonical or final address; may be "") calling itself
// `site_name` (may be ""), as the table above says. `outlets` may be nullptr.
PageOutlet OutletOfPage(std::string_view url, std::string_view site_name,
                        const OutletsFile* outlets, Slugger& slugger);

// True when the site name (as its slug, "the-hollywood-reporter") fits `domain`
// ("hollywoodreporter.com") as described above; true when either is empty.
bool NameFitsDomain(std::string_view name_slug, std::string_view domain);

// The id of an outlet known only by its name or domain: its slug, at most 40 bytes.
std::string OutletIdFor(std::string_view name_or_domain, Slugger& slugger);

// `outlets` plus an entry for every outlet id of `articles` it lacks, named by the articles'
// `outlet_name` (else the id) and recognised by the domains of their addresses, in order of
// first appearance. Reports use it so outlets met on the web are shown (and blinded) by name.
OutletsFile WithArticleOutlets(const OutletsFile& outlets, const std::vector<Article>& articles);

}  // namespace parallax

#endif  // PARALLAX_CORPUS_PAGE_OUTLET_H_
