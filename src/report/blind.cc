#include "report/blind.h"

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <set>
#include <sstream>
#include <vector>

namespace parallax {
namespace {

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool IsWordByte(char c) {
  const unsigned char u = static_cast<unsigned char>(c);
  return (u >= '0' && u <= '9') || ((u | 0x20) >= 'a' && (u | 0x20) <= 'z');
}

bool MatchesAt(std::string_view text, std::size_t at, std::string_view pattern) {
  if (pattern.empty() || at + pattern.size() > text.size()) return false;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (Lower(text[at + i]) != Lower(pattern[i])) return false;
  }
  return true;
}

bool MatchesExactlyAt(std::string_view text, std::size_t at, std::string_view pattern) {
  return !pattern.empty() && text.substr(at, pattern.size()) == pattern;
}

bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }

// The initialisms a Latin outlet name is shortened to in credits and bylines ("Jane Doe / MT"):
// the initials of its words, a word in capitals counting whole ("OC Media": OCM), with and
// without a leading "The" ("The Moscow Times": TMT, MT). None for a name of one word.
std::vector<std::string> Initialisms(const std::string& name) {
  std::vector<std::string> words;
  std::istringstream in(name);
  for (std::string w; in >> w;) words.push_back(w);
  if (words.size() < 2) return {};
  std::string all;
  std::string without_the;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::string& w = words[i];
    const char first = static_cast<char>(w[0] >= 'a' && w[0] <= 'z' ? w[0] - 'a' + 'A' : w[0]);
    if (!IsUpper(first)) return {};  // not a Latin name: no initialism
    const bool capitals = std::all_of(w.begin(), w.end(), IsUpper);
    const std::string part = capitals ? w : std::string(1, first);
    all += part;
    if (!(i == 0 && w == "The")) without_the += part;
  }
  std::vector<std::string> out;
  for (const std::string& s : {all, without_the}) {
    if (s.size() >= 2 && s != name && std::find(out.begin(), out.end(), s) == out.end()) {
      out.push_back(s);
    }
  }
  return out;
}

std::uint64_t Fnv1a(std::string_view s) {
  std::uint64_t h = 1469598103934665603ull;
  for (char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ull;
  }
  return h;
}

// Length of a URL starting at `at` ("http://", "https://" or "www."), or 0.
std::size_t UrlLength(std::string_view text, std::size_t at) {
  if (!MatchesAt(text, at, "http://") && !MatchesAt(text, at, "https://") &&
      !MatchesAt(text, at, "www.")) {
    return 0;
  }
  if (at > 0 && IsWordByte(text[at - 1])) return 0;
  std::size_t end = at;
  while (end < text.size()) {
    const char c = text[end];
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '"' || c == '<' || c == '>' ||
        c == ')' || c == ']') {
      break;
    }
    ++end;
  }
  while (end > at && (text[end - 1] == '.' || text[end - 1] == ',' || text[end - 1] == ';')) --end;
  return end - at;
}

}  // namespace

Blinder::Blinder(const std::string& story, const std::vector<Article>& articles,
                 const OutletsFile& outlets, const Messages& messages)
    : enabled_(true), messages_(messages) {
  std::vector<std::string> ids;
  for (const Article& a : articles) {
    if (std::find(ids.begin(), ids.end(), a.outlet) == ids.end()) ids.push_back(a.outlet);
  }
  std::vector<std::string> shuffled = ids;
  std::stable_sort(shuffled.begin(), shuffled.end(),
                   [&](const std::string& x, const std::string& y) {
                     return Fnv1a(story + "/" + x) < Fnv1a(story + "/" + y);
                   });
  for (std::size_t i = 0; i < shuffled.size(); ++i) {
    std::string letter;
    std::size_t n = i;
    do {
      letter.insert(letter.begin(), static_cast<char>('A' + n % 26));
      n = n / 26;
    } while (n-- > 0);
    letters_[shuffled[i]] = letter;
  }
  std::map<std::string, int> per_outlet;
  for (const Article& a : articles) {
    const std::string& letter = letters_[a.outlet];
    article_labels_[a.id] = letter + std::to_string(++per_outlet[a.outlet]);
  }
  for (const std::string& id : ids) {
    const std::string label = OutletLabel(id);
    const Outlet* o = outlets.Find(id);
    names_[id] = o != nullptr ? o->name : id;
    patterns_.push_back({id, label, true});
    if (o == nullptr) continue;
    patterns_.push_back({o->name, label, true});
    for (const std::string& s : o->self_references) patterns_.push_back({s, label, true});
    // Initialisms in capitals only: "MT" in a credit, not "Mt." of a mountain.
    for (const std::string& s : Initialisms(o->name)) patterns_.push_back({s, label, true, true});
    for (const std::string& d : o->domains) {
      patterns_.push_back(
          {d, Fill(messages_.Tr("[web address of {outlet}]"), {{"outlet", label}}), false});
    }
  }
  std::set<std::string> authors;
  for (const Article& a : articles) {
    if (!a.author.empty()) authors.insert(a.author);
  }
  for (const std::string& author : authors) {
    patterns_.push_back({author, messages_.Tr("[byline]"), true});
  }
  std::erase_if(patterns_, [](const Pattern& p) { return p.text.empty(); });
  std::stable_sort(patterns_.begin(), patterns_.end(), [](const Pattern& a, const Pattern& b) {
    return a.text.size() > b.text.size();
  });
}

std::string Blinder::Letter(const std::string& outlet_id) const {
  if (!enabled_) return outlet_id;
  auto it = letters_.find(outlet_id);
  return it != letters_.end() ? it->second : "?";
}

std::string Blinder::OutletLabel(const std::string& outlet_id) const {
  if (!enabled_) return outlet_id;
  return Fill(messages_.Tr("Outlet {letter}"), {{"letter", Letter(outlet_id)}});
}

std::string Blinder::ArticleLabel(const std::string& article_id) const {
  if (!enabled_) return article_id;
  auto it = article_labels_.find(article_id);
  return it != article_labels_.end() ? it->second : "?";
}

std::vector<Redaction> Blinder::Find(std::string_view text) const {
  std::vector<Redaction> out;
  if (!enabled_) return out;
  std::size_t i = 0;
  while (i < text.size()) {
    if (const std::size_t url = UrlLength(text, i); url > 0) {
      out.push_back({i, i + url, "[link removed]"});
      i += url;
      continue;
    }
    const bool boundary_before = i == 0 || !IsWordByte(text[i - 1]);
    bool found = false;
    for (const Pattern& p : patterns_) {
      if (!(p.exact_case ? MatchesExactlyAt(text, i, p.text) : MatchesAt(text, i, p.text))) {
        continue;
      }
      const std::size_t end = i + p.text.size();
      if (p.word) {
        if (IsWordByte(p.text.front()) && !boundary_before) continue;
        if (IsWordByte(p.text.back()) && end < text.size() && IsWordByte(text[end])) continue;
      }
      out.push_back({i, end, p.replacement});
      i = end;
      found = true;
      break;
    }
    if (!found) ++i;
  }
  return out;
}

std::string Blinder::Apply(std::string_view text) const {
  if (!enabled_) return std::string(text);
  std::string out;
  std::size_t at = 0;
  for (const Redaction& r : Find(text)) {
    out.append(text.substr(at, r.start - at));
    out += r.replacement;
    at = r.end;
  }
  out.append(text.substr(at));
  return out;
}

std::vector<std::pair<std::string, std::string>> Blinder::Key() const {
  std::vector<std::pair<std::string, std::string>> key;
  for (const auto& [id, letter] : letters_) key.emplace_back(letter, names_.at(id));
  std::sort(key.begin(), key.end(), [](const auto& a, const auto& b) {
    return a.first.size() != b.first.size() ? a.first.size() < b.first.size() : a.first < b.first;
  });
  return key;
}

std::string Blinder::KeyMarkdown(const std::string& story) const {
  std::ostringstream md;
  md << "# " << Fill(messages_.Tr("Key to the blind report: {story}"), {{"story", story}}) << "\n\n"
     << messages_.Tr(
            "Hand this out after the exercise. The letters are the same in every section "
            "and every file of the blind report.")
     << "\n\n| " << messages_.TrC("markdown column", "letter") << " | "
     << messages_.TrC("markdown column", "outlet") << " |\n|---|---|\n";
  for (const auto& [letter, name] : Key()) md << "| " << letter << " | " << name << " |\n";
  return md.str();
}

std::string BlindKeyPath(const std::string& report_folder) {
  std::filesystem::path folder = std::filesystem::absolute(report_folder).lexically_normal();
  if (folder.filename().empty()) folder = folder.parent_path();  // "out/" or "."
  return (folder.parent_path() / (folder.filename().string() + "-key.md")).string();
}

std::vector<std::string> FindOutletNames(std::string_view text,
                                         const std::vector<Article>& articles,
                                         const OutletsFile& outlets) {
  std::set<std::string> ids;
  for (const Article& a : articles) ids.insert(a.outlet);
  std::vector<std::string> found;
  for (const std::string& id : ids) {
    const Outlet* o = outlets.Find(id);
    if (o == nullptr) continue;
    std::vector<std::string> names = o->self_references;
    names.push_back(o->name);
    for (const std::string& name : names) {
      // As whole words, as Find redacts them: "RT" is not the "rt" of "report".
      for (std::size_t i = 0; i + name.size() <= text.size(); ++i) {
        if (!MatchesAt(text, i, name)) continue;
        const std::size_t end = i + name.size();
        if (IsWordByte(name.front()) && i > 0 && IsWordByte(text[i - 1])) continue;
        if (IsWordByte(name.back()) && end < text.size() && IsWordByte(text[end])) continue;
        found.push_back(name);
        break;
      }
    }
  }
  return found;
}

}  // namespace parallax
