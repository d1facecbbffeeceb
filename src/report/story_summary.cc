#include "report/story_summary.h"

#include <sstream>

namespace parallax {
namespace {

std::string OutletName(const OutletsFile& outlets, const std::string& id) {
  const Outlet* o = outlets.Find(id);
  return o != nullptr ? o->name : id;
}

// Markdown table cells: no pipes or line breaks.
std::string Cell(std::string s) {
  std::string out;
  for (char c : s) {
    if (c == '|') {
      out += "\\|";
    } else if (c == '\n') {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace

std::size_t CountWords(std::string_view text) {
  std::size_t words = 0;
  bool in_word = false;
  bool has_alnum = false;
  for (char ch : text) {
    const unsigned char c = static_cast<unsigned char>(ch);
    const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    if (space) {
      if (in_word && has_alnum) ++words;
      in_word = false;
      has_alnum = false;
      continue;
    }
    in_word = true;
    if (c >= 0x80 || (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')) {
      has_alnum = true;
    }
  }
  if (in_word && has_alnum) ++words;
  return words;
}

nlohmann::ordered_json StorySummaryJson(const Corpus& corpus, const OutletsFile& outlets) {
  nlohmann::ordered_json j;
  j["story"] = corpus.story;
  j["articles"] = nlohmann::ordered_json::array();
  for (const Article& a : corpus.articles) {
    nlohmann::ordered_json art;
    art["id"] = a.id;
    art["outlet"] = a.outlet;
    art["outlet_name"] = OutletName(outlets, a.outlet);
    art["date"] = a.date ? a.date->ToString() : "";
    art["genre"] = a.genre;
    art["language"] = a.language;
    art["title"] = a.title;
    art["url"] = a.url;
    art["words"] = CountWords(a.text);
    art["removed"] = nlohmann::ordered_json::array();
    for (const RemovedLine& r : a.removed) {
      art["removed"].push_back({{"line", r.line}, {"rule", r.rule}, {"text", r.text}});
    }
    art["outlet_notes"] = a.outlet_notes;
    j["articles"].push_back(std::move(art));
  }
  return j;
}

std::string StorySummaryMarkdown(const Corpus& corpus, const OutletsFile& outlets) {
  std::ostringstream md;
  md << "# " << corpus.story << ": the story at a glance\n\n";
  md << "| outlet | date | genre | headline | words |\n|---|---|---|---|---:|\n";
  for (const Article& a : corpus.articles) {
    md << "| " << Cell(OutletName(outlets, a.outlet)) << " | " << (a.date ? a.date->ToString() : "")
       << " | " << Cell(a.genre) << " | " << Cell(a.title) << " | " << CountWords(a.text) << " |\n";
  }
  md << "\n## What cleaning removed\n\n";
  for (const Article& a : corpus.articles) {
    md << "### " << OutletName(outlets, a.outlet) << " (" << a.id << ")\n\n";
    if (a.removed.empty()) md << "Nothing.\n";
    for (const RemovedLine& r : a.removed) {
      md << "- line " << r.line << ", `" << r.rule << "`: " << Cell(r.text) << "\n";
    }
    for (const std::string& note : a.outlet_notes) md << "\n> Outlet note: " << Cell(note) << "\n";
    md << "\n";
  }
  return md.str();
}

}  // namespace parallax
