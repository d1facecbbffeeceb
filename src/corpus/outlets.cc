#include "corpus/outlets.h"

#include <algorithm>
#include <sstream>

#include "core/file_io.h"
#include "corpus/xml_util.h"
#include "text/normalizer.h"
#include "text/utf8.h"

namespace parallax {
namespace {

using internal::Attr;
using internal::IsElement;
using internal::Line;
using internal::Text;

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string HostOf(std::string_view url) {
  const std::size_t scheme = url.find("://");
  if (scheme != std::string_view::npos) url.remove_prefix(scheme + 3);
  url = url.substr(0, url.find_first_of("/?#"));
  if (const std::size_t at = url.rfind('@'); at != std::string_view::npos)
    url.remove_prefix(at + 1);
  url = url.substr(0, url.find(':'));
  while (!url.empty() && url.back() == '.') url.remove_suffix(1);
  return Lower(url);
}

bool ParsePattern(const xmlNode* node, const std::string& path, OutletPattern& p,
                  Diagnostics& diags) {
  p.line = Line(node);
  p.rule = Attr(node, "rule");
  p.text = Text(node);
  const std::string match = Attr(node, "match");
  const std::string action = Attr(node, "action");
  if (match.empty() || match == "line") {
    p.match = OutletPattern::Match::kLine;
  } else if (match == "prefix") {
    p.match = OutletPattern::Match::kPrefix;
  } else if (match == "contains") {
    p.match = OutletPattern::Match::kContains;
  } else {
    diags.push_back(MakeError(path, p.line, 0, "unknown match='" + match + "'",
                              "use line, prefix or contains"));
    return false;
  }
  if (action.empty() || action == "remove") {
    p.action = OutletPattern::Action::kRemove;
  } else if (action == "remove-to-end") {
    p.action = OutletPattern::Action::kRemoveToEnd;
  } else if (action == "note") {
    p.action = OutletPattern::Action::kNote;
  } else if (action == "caption-next") {
    p.action = OutletPattern::Action::kCaptionNext;
  } else {
    diags.push_back(MakeError(path, p.line, 0, "unknown action='" + action + "'",
                              "use remove, remove-to-end, note or caption-next"));
    return false;
  }
  if (p.text.empty()) {
    diags.push_back(MakeError(path, p.line, 0, "empty boilerplate pattern",
                              "write the text to match between the tags"));
    return false;
  }
  if (p.rule.empty()) p.rule = "outlet-pattern";
  return true;
}

}  // namespace

bool OutletIdsEqual(std::string_view a, std::string_view b) {
  const auto ascii = [](std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return (c & 0x80) == 0; });
  };
  if (ascii(a) || ascii(b)) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
             return internal::AsciiLower(x) == internal::AsciiLower(y);
           });
  }
  return SimpleLowercase(a) == SimpleLowercase(b);
}

const Outlet* OutletsFile::Find(std::string_view id) const {
  for (const Outlet& o : outlets) {
    if (OutletIdsEqual(o.id, id)) return &o;
  }
  return nullptr;
}

const Outlet* OutletsFile::FindByDomain(std::string_view domain) const {
  std::string host = Lower(domain);
  while (!host.empty()) {
    for (const Outlet& o : outlets) {
      for (const std::string& d : o.domains) {
        if (Lower(d) == host) return &o;
      }
    }
    const std::size_t dot = host.find('.');
    if (dot == std::string::npos) break;
    host.erase(0, dot + 1);
  }
  return nullptr;
}

const Outlet* OutletsFile::FindByUrl(std::string_view url) const {
  const std::string host = HostOf(url);
  return host.empty() ? nullptr : FindByDomain(host);
}

std::string DomainOfUrl(std::string_view url) {
  if (url.find("://") == std::string_view::npos) return "";
  std::string host = HostOf(url);
  if (host.rfind("www.", 0) == 0) host.erase(0, 4);
  return host;
}

std::string UnknownOutletHint(const std::string& file, std::string_view domain) {
  const std::string entry =
      domain.empty() ? std::string("an <outlet> entry")
                     : "<domain>" + std::string(domain) + "</domain> to the outlet's entry";
  return "add " + entry + " to an outlets file of your own (" +
         (file.empty() ? std::string("start from corpus/outlets.xml")
                       : "start from a copy of " + file) +
         ") and pass it with --outlets FILE";
}

OutletsLoadResult ParseOutlets(std::string_view xml, const std::string& path) {
  OutletsLoadResult result;
  result.file.path = path;
  internal::XmlDocPtr doc = internal::ParseXmlSafely(xml, path, result.diagnostics);
  if (!doc) return result;
  const xmlNode* root = xmlDocGetRootElement(doc.get());
  if (!IsElement(root, "outlets")) {
    result.diagnostics.push_back(
        MakeError(path, root ? Line(root) : 1, 0, "the root element must be <outlets>"));
    return result;
  }
  for (const xmlNode* n = root->children; n != nullptr; n = n->next) {
    if (n->type != XML_ELEMENT_NODE) continue;
    if (!IsElement(n, "outlet")) {
      result.diagnostics.push_back(MakeWarning(
          path, Line(n), 0,
          "unexpected <" + std::string(reinterpret_cast<const char*>(n->name)) + "> ignored",
          "<outlets> holds <outlet> elements"));
      continue;
    }
    Outlet o;
    o.id = Attr(n, "id");
    if (o.id.empty()) {
      result.diagnostics.push_back(MakeError(path, Line(n), 0, "<outlet> without id",
                                             "add id=\"short-id\" as article files name it"));
      continue;
    }
    if (const Outlet* same = result.file.Find(o.id); same != nullptr) {
      result.diagnostics.push_back(
          MakeError(path, Line(n), 0,
                    "duplicate outlet id '" + o.id + "'" +
                        (same->id == o.id ? std::string()
                                          : " (ids compare ignoring case: '" + same->id + "')"),
                    "give each outlet its own id"));
      continue;
    }
    for (const xmlNode* c = n->children; c != nullptr; c = c->next) {
      if (c->type != XML_ELEMENT_NODE) continue;
      if (IsElement(c, "name")) {
        o.name = Text(c);
      } else if (IsElement(c, "languages")) {
        std::istringstream words(Text(c));
        for (std::string w; words >> w;) o.languages.push_back(w);
      } else if (IsElement(c, "base")) {
        o.base = Text(c);
      } else if (IsElement(c, "description")) {
        o.description = Text(c);
      } else if (IsElement(c, "domain")) {
        o.domains.push_back(Text(c));
      } else if (IsElement(c, "self-reference")) {
        o.self_references.push_back(Text(c));
      } else if (IsElement(c, "boilerplate")) {
        OutletPattern p;
        if (ParsePattern(c, path, p, result.diagnostics)) o.patterns.push_back(std::move(p));
      } else {
        result.diagnostics.push_back(MakeWarning(
            path, Line(c), 0,
            "unknown element <" + std::string(reinterpret_cast<const char*>(c->name)) + "> ignored",
            "known: name, languages, base, description, domain, self-reference, boilerplate"));
      }
    }
    if (o.name.empty()) o.name = o.id;
    result.file.outlets.push_back(std::move(o));
  }
  return result;
}

OutletsLoadResult LoadOutlets(const std::string& path) {
  try {
    return ParseOutlets(ReadFile(path), path);
  } catch (const InputError& e) {
    OutletsLoadResult result;
    result.file.path = path;
    result.diagnostics.push_back(e.diagnostic());
    return result;
  }
}

}  // namespace parallax
