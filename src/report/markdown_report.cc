#include "report/markdown_report.h"

#include <cstdio>
#include <map>
#include <set>
#include <sstream>

namespace parallax {
namespace {

std::string Num(double x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", x);
  return buf;
}

}  // namespace

std::string MarkdownEscape(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '\n':
      case '\r':
        out += ' ';
        break;
      case '|':
      case '\\':
      case '`':
      case '*':
      case '_':
      case '[':
      case ']':
      case '<':
      case '>':
      case '#':
        out += '\\';
        out += c;
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string ReportToMarkdown(const StoryReport& r) {
  std::ostringstream md;
  auto E = [](std::string_view s) { return MarkdownEscape(s); };
  auto cite = [&](const Evidence& e, std::size_t max) {
    const Article* a = r.FindArticle(e.article);
    return std::string("\u201C") + E(r.Excerpt(e.article, e.start, e.end, max)) + "\u201D (" +
           (a ? E(r.OutletLabel(a->outlet)) + ", " : "") + r.ArticleLabel(e.article) + " @" +
           std::to_string(e.start) + ")";
  };
  const auto& outlets = r.measures().outlets;

  md << "# " << (r.options().blind ? "Blind framing report: " : "Framing report: ") << r.story()
     << "\n\n";
  md << r.articles().size() << " articles from " << r.outlet_ids().size() << " outlets. "
     << "Perspectives say whose usage a form reflects, not which form is right.\n\n";
  if (r.options().blind) {
    md << "Blind edition: outlet names, self-references, web addresses and bylines are replaced by "
          "letters; the key is in a separate file.\n\n";
  }

  md << "## The story at a glance\n\n| outlet | date | genre | language | headline | words |\n"
        "|---|---|---|---|---|---:|\n";
  for (std::size_t i = 0; i < r.articles().size(); ++i) {
    const Article& a = r.articles()[i];
    md << "| " << E(r.OutletLabel(a.outlet)) << " | " << (a.date ? a.date->ToString() : "undated")
       << " | " << E(a.genre) << " | " << E(a.language) << " | " << E(r.Show(a.title)) << " | "
       << r.annotations()[i].words << " |\n";
  }
  if (r.measures().thin_evidence) {
    md << "\n*Thin evidence:* fewer than three articles per outlet; the figures describe these "
          "articles, and counts are shown beside every share.\n";
  }
  for (const LexiconFit& fit : r.measures().lexicon_fit) {
    md << "\n"
       << (fit.fits ? "" : "**") << E(LexiconFitSentence(fit)) << (fit.fits ? "" : "**") << "\n";
  }

  md << "\n## Naming choices\n\nForms in each outlet's own voice (then \"+ N quoted\" inside "
        "quotations and \"+ N reported\" in reported speech), with the perspective whose usage "
        "each reflects.\n\n| concept |";
  for (const OutletProfile& p : outlets) md << " " << E(r.OutletLabel(p.outlet)) << " |";
  md << "\n|---|";
  for (std::size_t i = 0; i < outlets.size(); ++i) md << "---|";
  md << "\n";
  std::vector<std::pair<std::string, std::string>> concepts;
  std::set<std::string> seen;
  for (const OutletProfile& p : outlets) {
    for (const ConceptUse& c : p.naming) {
      if (seen.insert(c.concept_id).second) concepts.push_back({c.concept_id, c.label});
    }
  }
  for (const auto& [cid, label] : concepts) {
    md << "| " << E(label) << " |";
    for (const OutletProfile& p : outlets) {
      std::string cell;
      for (const ConceptUse& c : p.naming) {
        if (c.concept_id != cid) continue;
        for (const VariantUse& v : c.variants) {
          cell += (cell.empty() ? "" : "; ") + E(r.Show(ShownForm(v.form, v.matched))) + " (" +
                  E(r.PerspectiveLabel(v.perspective)) + ") " + std::to_string(v.own) +
                  (v.quoted ? " + " + std::to_string(v.quoted) + " quoted" : "") +
                  (v.reported ? " + " + std::to_string(v.reported) + " reported" : "");
        }
        for (const auto& [first, second] : r.Bracketed(p.outlet, cid)) {
          cell += "; written \u201C" + E(r.Show(first)) + " (" + E(r.Show(second)) + ")\u201D";
        }
      }
      md << " " << (cell.empty() ? "—" : cell) << " |";
    }
    md << "\n";
  }
  md << "\nOwn-voice naming forms by perspective (all concepts):\n\n";
  for (const OutletProfile& p : outlets) {
    std::map<std::string, int> by;
    int total = 0;
    for (const ConceptUse& c : p.naming) {
      for (const auto& [per, n] : c.own_by_perspective) {
        by[per] += n;
        total += n;
      }
    }
    md << "- **" << E(r.OutletLabel(p.outlet)) << "**:";
    bool first = true;
    for (const auto& [per, n] : by) {
      md << (first ? " " : ", ") << E(r.PerspectiveLabel(per)) << " " << n << " of " << total
         << " (" << Percent(n, total) << ")";
      first = false;
    }
    if (by.empty()) md << " none";
    md << "\n";
  }

  md << "\n## Loaded terms\n\n| outlet | term | category | own voice | quoted | reported | said "
        "by |\n|---|---|---|---:|---:|---:|---|\n";
  for (const OutletProfile& p : outlets) {
    for (const LoadedTermUse& t : p.loaded) {
      std::string who;
      for (const std::string& s : t.speakers) who += (who.empty() ? "" : ", ") + E(r.Show(s));
      md << "| " << E(r.OutletLabel(p.outlet)) << " | " << E(r.Show(ShownForm(t.form, t.matched)))
         << " | " << E(t.category) << " | " << t.own << " | " << t.quoted << " | " << t.reported
         << " | " << who << " |\n";
    }
  }
  md << "\nPer 1,000 words (own voice / quoted / reported):";
  for (const OutletProfile& p : outlets) {
    md << " " << E(r.OutletLabel(p.outlet)) << " " << Num(p.loaded_own_per_1000) << " / "
       << Num(p.loaded_quoted_per_1000) << " / " << Num(p.loaded_reported_per_1000) << ";";
  }
  md << "\n";

  md << "\n## Voices\n\n";
  for (const OutletProfile& p : outlets) {
    md << "### " << E(r.OutletLabel(p.outlet)) << "\n\n";
    int total = 0;
    for (const auto& [per, n] : p.quoted_words_by_perspective) total += n;
    md << "Quoted words by perspective:";
    for (const auto& [per, n] : p.quoted_words_by_perspective) {
      md << " " << E(r.PerspectiveLabel(per)) << " " << n << " (" << Percent(n, total) << ");";
    }
    if (p.quoted_words_by_perspective.empty()) md << " none";
    md << "\n\n";
    if (!p.voices.empty()) {
      md << "| speaker | perspective | quotes | quoted words | reported | reported words | first "
            "words |\n|---|---|---:|---:|---:|---:|---|\n";
      for (const VoiceUse& v : p.voices) {
        md << "| " << E(r.Show(v.speaker)) << " | " << E(r.PerspectiveLabel(v.perspective)) << " | "
           << v.quotes << " | " << v.words << " | " << v.reported << " | " << v.reported_words
           << " | " << (v.evidence.empty() ? "" : cite(v.evidence.front(), 100)) << " |\n";
      }
      md << "\n";
    }
    if (!p.mentioned_not_quoted.empty()) {
      md << "Mentioned but not quoted:";
      for (const std::string& n : p.mentioned_not_quoted) md << " " << E(r.Show(n)) << ";";
      md << "\n\n";
    }
  }

  md << "## Distancing\n\n";
  bool any_distancing = false;
  for (const OutletProfile& p : outlets) {
    for (const DistancingUse& d : p.distancing) {
      md << "- " << E(r.OutletLabel(p.outlet)) << ", "
         << (d.kind == "scare-quote" ? "scare quotes" : "distancing cue") << ": "
         << cite(d.evidence, 120) << (d.cue.empty() ? "" : " — " + E(d.cue)) << "\n";
      any_distancing = true;
    }
  }
  if (!any_distancing) md << "None found.\n";

  md << "\n## Events and claims side by side\n\n### Events told by more than one outlet\n\n";
  for (const AlignedEvent& e : r.alignment().events) {
    if (e.outlets.size() < 2) continue;
    md << "- " << e.from.ToString() << (e.to != e.from ? " to " + e.to.ToString() : "") << " ("
       << E(r.Show(e.label)) << "):";
    for (const std::string& o : e.outlets) md << " " << E(r.OutletLabel(o)) << ";";
    md << "\n";
  }
  md << "\n### Claims\n\nFor each claim: the outlets that carry it, with their sentence, and "
        "**omitted** where an outlet covers the same story or event but does not carry it.\n\n";
  for (const Claim* c : r.claims()) {
    md << "**" << c->id << "**\n\n";
    for (const Passage& p : c->passages) {
      md << "- " << E(r.OutletLabel(p.outlet)) << ": \u201C"
         << E(r.Excerpt(p.article_id, p.span.begin, p.span.end, 400)) << "\u201D\n";
    }
    for (const std::string& o : c->missing_outlets)
      md << "- " << E(r.OutletLabel(o)) << ": **omitted**\n";
    md << "\n";
  }
  md << "Showing " << r.claims().size() << " of " << r.alignment().claims.size() << " claims.\n";

  md << "\n## Discussion prompts\n\n";
  int n = 0;
  for (const DiscussionPrompt& p : r.prompts()) {
    md << ++n << ". " << E(p.text) << "\n   - Basis: " << E(p.basis) << "\n";
    for (const Evidence& e : p.evidence) md << "   - " << cite(e, 160) << "\n";
  }
  if (r.prompts().empty()) md << "The articles differ too little to suggest prompts.\n";

  md << "\n## What cleaning removed\n\n";
  for (const Article& a : r.articles()) {
    md << "### " << E(r.OutletLabel(a.outlet)) << " (" << r.ArticleLabel(a.id) << ")\n\n";
    if (a.removed.empty()) md << "Nothing removed.\n";
    for (const RemovedLine& line : a.removed) {
      md << "- line " << line.line << ", " << E(r.Show(line.rule)) << ": " << E(r.Show(line.text))
         << "\n";
    }
    for (const std::string& note : a.outlet_notes)
      md << "- kept apart as an outlet note: " << E(r.Show(note)) << "\n";
    md << "\n";
  }

  const Provenance& pv = r.provenance();
  md << "## Method and provenance\n\nLexicon matches are counted in the outlet's own voice or "
        "inside quotations (with the speaker); naming shares count own-voice forms only; claims "
        "are sentences of different outlets with similar content terms, and an omission is a claim "
        "an outlet does not carry although it covers the same story or event. The report is "
        "deterministic; its date is the newest article date, not the time it was generated.\n\n"
     << "- Tool: parallax " << pv.tool_version << "\n"
     << "- Report date (newest article): " << (pv.date.empty() ? "undated" : pv.date) << "\n"
     << "- Corpus SHA-256: `" << pv.corpus_checksum << "`\n";
  for (const ArticleChecksum& c : pv.articles) {
    const std::string fetch = FetchProvenance(c, r.Show(c.url));
    md << "  - " << r.ArticleLabel(c.article)
       << (r.options().blind || c.file.empty() ? "" : " (" + E(c.file) + ")") << ": `" << c.sha256
       << "`" << (fetch.empty() ? "" : "; " + E(fetch)) << "\n";
  }
  md << "- Lexicon SHA-256: `" << pv.lexicon_checksum << "`\n";
  for (const LexiconFile& f : pv.lexicon_files) {
    md << "  - " << E(f.path) << " (" << E(f.id) << "): `" << f.sha256 << "`\n";
  }
  return md.str();
}

}  // namespace parallax
