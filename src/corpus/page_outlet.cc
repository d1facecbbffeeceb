#include "corpus/page_outlet.h"

#include <algorithm>

#include "text/normalizer.h"
#include "text/whitespace.h"

namespace parallax {
namespace {

bool SameNameIgnoringCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return internal::AsciiLower(x) == internal::AsciiLower(y);
         });
}

// The label of a domain that names the site: the longest but the top-level one, without
// hyphens ("news.mountainpost.example" -> "mountainpost", "jam-news.net" -> "jamnews").
std::string SiteLabel(std::string_view domain) {
  std::vector<std::string_view> labels;
  for (std::size_t start = 0; start <= domain.size();) {
    const std::size_t dot = std::min(domain.find('.', start), domain.size());
    labels.push_back(domain.substr(start, dot - start));
    start = dot + 1;
  }
  if (labels.size() > 1) labels.pop_back();
  std::string_view longest;
  for (std::string_view l : labels) {
    if (l.size() > longest.size()) longest = l;
  }
  std::string label;
  for (char c : longest) {
    if (c != '-') label.push_back(c);
  }
  return label;
}

// True when `s` and `t` share a run of at least `n` characters.
bool ShareRun(std::string_view s, std::string_view t, std::size_t n) {
  for (std::size_t i = 0; i + n <= s.size(); ++i) {
    if (t.find(s.substr(i, n)) != std::string_view::npos) return true;
  }
  return false;
}

}  // namespace

bool NameFitsDomain(std::string_view name_slug, std::string_view domain) {
  const std::string label = SiteLabel(domain);
  if (label.empty() || name_slug.empty()) return true;
  std::string joined;
  std::string initials;
  std::string initials_after_the;
  for (std::size_t i = 0; i < name_slug.size(); ++i) {
    if (name_slug[i] == '-') continue;
    joined.push_back(name_slug[i]);
    if (i == 0 || name_slug[i - 1] == '-') {
      initials.push_back(name_slug[i]);
      if (i > 0 || name_slug.substr(0, 4) != "the-") initials_after_the.push_back(name_slug[i]);
    }
  }
  auto starts = [&](const std::string& prefix) {
    return prefix.size() >= 2 && label.compare(0, prefix.size(), prefix) == 0;
  };
  return joined.find(label) != std::string::npos ||
         (joined.size() >= 4 && label.find(joined) != std::string::npos) || starts(initials) ||
         starts(initials_after_the) || ShareRun(joined, label, 5);
}

const char* OutletSourceName(OutletSource source) {
  switch (source) {
    case OutletSource::kGiven:
      return "given";
    case OutletSource::kOutletsFile:
      return "outlets file";
    case OutletSource::kSiteName:
      return "site name";
    case OutletSource::kDomain:
      return "domain";
    case OutletSource::kNone:
      break;
  }
  return "";
}

std::string OutletIdFor(std::string_view name_or_domain, Slugger& slugger) {
  return slugger.Slug(name_or_domain, 40);
}

PageOutlet OutletOfPage(std::string_view url, std::string_view site_name,
                        const OutletsFile* outlets, Slugger& slugger) {
  std::string name = CollapseSpace(site_name);
  // A site name that is an address ("https://www.newsnation.in") names a domain.
  if (name.find("://") != std::string::npos) name = DomainOfUrl(name);
  if (outlets != nullptr) {
    const Outlet* o = url.empty() ? nullptr : outlets->FindByUrl(url);
    for (std::size_t i = 0; o == nullptr && !name.empty() && i < outlets->outlets.size(); ++i) {
      if (SameNameIgnoringCase(outlets->outlets[i].name, name)) o = &outlets->outlets[i];
    }
    if (o != nullptr) return {o->id, o->name, OutletSource::kOutletsFile};
  }
  const std::string domain = DomainOfUrl(url);
  if (std::string id = OutletIdFor(name, slugger); !id.empty() && NameFitsDomain(id, domain)) {
    return {std::move(id), name, OutletSource::kSiteName};
  }
  if (std::string id = OutletIdFor(domain, slugger); !id.empty()) {
    return {std::move(id), domain, OutletSource::kDomain};
  }
  return {};
}

OutletsFile WithArticleOutlets(const OutletsFile& outlets, const std::vector<Article>& articles) {
  OutletsFile out = outlets;
  const std::size_t known = out.outlets.size();
  for (const Article& a : articles) {
    if (a.outlet.empty() || outlets.Find(a.outlet) != nullptr) continue;
    auto it = std::find_if(out.outlets.begin() + static_cast<std::ptrdiff_t>(known),
                           out.outlets.end(), [&](const Outlet& o) { return o.id == a.outlet; });
    if (it == out.outlets.end()) {
      Outlet o;
      o.id = a.outlet;
      it = out.outlets.insert(out.outlets.end(), std::move(o));
    }
    if (it->name.empty() && !a.outlet_name.empty()) it->name = a.outlet_name;
    if (const std::string domain = DomainOfUrl(a.url);
        !domain.empty() &&
        std::find(it->domains.begin(), it->domains.end(), domain) == it->domains.end()) {
      it->domains.push_back(domain);
    }
  }
  for (std::size_t i = known; i < out.outlets.size(); ++i) {
    if (out.outlets[i].name.empty()) out.outlets[i].name = out.outlets[i].id;
  }
  return out;
}

}  // namespace parallax
