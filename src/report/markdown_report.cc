#include "report/markdown_report.h"

#include <map>
#include <set>
#include <sstream>

#include "i18n/messages.h"
#include "report/report_words.h"

namespace parallax {

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
  const Messages& m = r.messages();
  std::ostringstream md;
  auto E = [](std::string_view s) { return MarkdownEscape(s); };
  auto cite = [&](const Evidence& e, std::size_t max) {
    const Article* a = r.FindArticle(e.article);
    return InQuotes(m, E(r.Excerpt(e.article, e.start, e.end, max))) + " (" +
           (a ? E(r.OutletLabel(a->outlet)) + ", " : "") + r.ArticleLabel(e.article) + " @" +
           std::to_string(e.start) + ")";
  };
  // A table head: the columns' names (translated) and their alignment ("---" or "---:").
  auto head = [&](std::initializer_list<std::pair<const char*, const char*>> columns) {
    std::string names = "|", rule = "|";
    for (const auto& [name, align] : columns) {
      names += " " + m.TrC("markdown column", name) + " |";
      rule += std::string(align) + "|";
    }
    return names + "\n" + rule + "\n";
  };
  const auto& outlets = r.measures().outlets;

  md << "# " << ReportTitle(r) << "\n\n";
  md << ArticlesFromOutlets(r) << ". "
     << m.Tr("Perspectives say whose usage a form reflects, not which form is right.") << "\n\n";
  if (const std::string left_out = LeftOutSentence(r); !left_out.empty()) {
    md << "**" << E(left_out) << "**\n\n";
  }
  if (r.options().blind) md << BlindEditionNote(m) << "\n\n";

  md << "## " << m.Tr("The story at a glance") << "\n\n"
     << head({{NC_("markdown column", "outlet"), "---"},
              {NC_("markdown column", "date"), "---"},
              {NC_("markdown column", "genre"), "---"},
              {NC_("markdown column", "language"), "---"},
              {NC_("markdown column", "headline"), "---"},
              {NC_("markdown column", "words"), "---:"}});
  for (std::size_t i = 0; i < r.articles().size(); ++i) {
    const Article& a = r.articles()[i];
    md << "| " << E(r.OutletLabel(a.outlet)) << " | "
       << (a.date ? m.FormatDate(*a.date) : m.Tr("undated")) << " | " << E(GenreName(m, a.genre))
       << " | " << E(a.language) << " | " << E(r.Show(a.title)) << " | "
       << m.FormatInt(static_cast<long long>(r.annotations()[i].words)) << " |\n";
  }
  if (r.measures().thin_evidence) {
    md << "\n*"
       << m.Tr(
              "Thin evidence: fewer than three articles per outlet. The figures describe these "
              "articles, not the outlets' coverage in general; counts are shown beside every "
              "share.")
       << "*\n";
  }
  {
    const std::vector<LexiconFit>& fits = r.measures().lexicon_fit;
    const std::vector<std::string> sentences = LexiconFitSentences(fits, r.story(), m);
    for (std::size_t i = 0; i < sentences.size(); ++i) {
      const bool warn = i >= fits.size() || !fits[i].fits;
      md << "\n" << (warn ? "**" : "") << E(sentences[i]) << (warn ? "**" : "") << "\n";
    }
  }
  const std::string cues = ReportingCuesSentence(r.languages_without_cues(), m);
  if (!cues.empty()) md << "\n**" << E(cues) << "**\n";

  md << "\n## " << m.Tr("Naming choices") << "\n\n";
  if (const std::string none = NoNamingSentence(r); !none.empty()) {
    md << none << "\n";
  } else {
    md << m.Tr(
              "Forms in each outlet's own voice (then \"+ N quoted\" inside quotations, \"+ N "
              "reported\" in reported speech and \"+ N held at a distance\" in scare quotes or "
              "after \"so-called\", which are no choice of the outlet's), with the perspective "
              "whose usage each reflects.")
       << "\n\n| " << m.TrC("markdown column", "concept") << " |";
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
      md << "| " << E(r.ConceptLabel(cid, label)) << " |";
      for (const OutletProfile& p : outlets) {
        std::string cell;
        for (const ConceptUse& c : p.naming) {
          if (c.concept_id != cid) continue;
          for (const VariantUse& v : c.variants) {
            cell += (cell.empty() ? "" : "; ") + E(r.Show(ShownForm(v.form, v.matched))) + " (" +
                    E(r.PerspectiveLabel(v.perspective)) + ") " + std::to_string(v.own);
            if (v.quoted)
              cell += " + " + Fill(m.Tr("{n} quoted"), {{"n", std::to_string(v.quoted)}});
            if (v.reported)
              cell += " + " + Fill(m.Tr("{n} reported"), {{"n", std::to_string(v.reported)}});
            if (v.distanced) {
              cell += " + " +
                      Fill(m.Tr("{n} held at a distance"), {{"n", std::to_string(v.distanced)}});
            }
          }
          for (const auto& [first, second] : r.Bracketed(p.outlet, cid)) {
            cell += "; " + Fill(m.Tr("written “{first} ({second})”"),
                                {{"first", E(r.Show(first))}, {"second", E(r.Show(second))}});
          }
        }
        md << " " << (cell.empty() ? "—" : cell) << " |";
      }
      md << "\n";
    }
    md << "\n" << m.Tr("Own-voice naming forms by perspective (all concepts):") << "\n\n";
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
        md << (first ? " " : ", ")
           << Fill(m.Tr("{perspective}: {part} of {whole} ({percent})"),
                   {{"perspective", E(r.PerspectiveLabel(per))},
                    {"part", std::to_string(n)},
                    {"whole", std::to_string(total)},
                    {"percent", Percent(n, total)}});
        first = false;
      }
      if (by.empty()) md << " " << m.Tr("none");
      md << "\n";
    }
  }

  md << "\n## " << m.Tr("Loaded terms") << "\n\n"
     << head({{NC_("markdown column", "outlet"), "---"},
              {NC_("markdown column", "term"), "---"},
              {NC_("markdown column", "category"), "---"},
              {NC_("markdown column", "own voice"), "---:"},
              {NC_("markdown column", "quoted"), "---:"},
              {NC_("markdown column", "reported"), "---:"},
              {NC_("markdown column", "said by"), "---"}});
  for (const OutletProfile& p : outlets) {
    for (const LoadedTermUse& t : p.loaded) {
      std::string who;
      for (const std::string& s : t.speakers)
        who += (who.empty() ? "" : ", ") + E(r.ShowSpeaker(s));
      md << "| " << E(r.OutletLabel(p.outlet)) << " | " << E(r.Show(ShownForm(t.form, t.matched)))
         << " | " << E(CategoryName(m, t.category)) << " | " << t.own;
      if (t.distanced) {
        md << " + " << Fill(m.Tr("{n} held at a distance"), {{"n", std::to_string(t.distanced)}});
      }
      md << " | " << t.quoted << " | " << t.reported << " | " << who << " |\n";
    }
  }
  md << "\n" << m.Tr("Per 1,000 words (own voice / quoted / reported):");
  for (const OutletProfile& p : outlets) {
    md << " " << E(r.OutletLabel(p.outlet)) << " " << m.FormatDecimal(p.loaded_own_per_1000, 1)
       << " / " << m.FormatDecimal(p.loaded_quoted_per_1000, 1) << " / "
       << m.FormatDecimal(p.loaded_reported_per_1000, 1) << ";";
  }
  md << "\n";

  md << "\n## " << m.Tr("Voices: who is quoted") << "\n\n";
  for (const OutletProfile& p : outlets) {
    md << "### " << E(r.OutletLabel(p.outlet)) << "\n\n";
    int total = 0;
    for (const auto& [per, n] : p.quoted_words_by_perspective) total += n;
    md << m.Tr("Quoted words by perspective:");
    for (const auto& [per, n] : p.quoted_words_by_perspective) {
      md << " " << E(r.PerspectiveLabel(per)) << " " << n << " (" << Percent(n, total) << ");";
    }
    if (p.quoted_words_by_perspective.empty()) md << " " << m.Tr("none");
    md << "\n\n";
    if (!p.voices.empty()) {
      md << head({{NC_("markdown column", "speaker"), "---"},
                  {NC_("markdown column", "perspective"), "---"},
                  {NC_("markdown column", "quotes"), "---:"},
                  {NC_("markdown column", "quoted words"), "---:"},
                  {NC_("markdown column", "reported"), "---:"},
                  {NC_("markdown column", "reported words"), "---:"},
                  {NC_("markdown column", "first words"), "---"}});
      for (const VoiceUse& v : p.voices) {
        md << "| " << E(r.ShowSpeaker(v.speaker)) << " | " << E(r.PerspectiveLabel(v.perspective))
           << " | " << v.quotes << " | " << v.words << " | " << v.reported << " | "
           << v.reported_words << " | " << (v.evidence.empty() ? "" : cite(v.evidence.front(), 100))
           << " |\n";
      }
      md << "\n";
    }
    if (!p.mentioned_not_quoted.empty()) {
      std::string names;
      for (const std::string& n : p.mentioned_not_quoted)
        names += (names.empty() ? "" : ", ") + E(r.Show(n));
      md << Fill(m.Tr("Mentioned but not quoted: {names}."), {{"names", names}}) << "\n\n";
    }
  }

  md << "## " << m.Tr("Distancing") << "\n\n";
  bool any_distancing = false;
  for (const OutletProfile& p : outlets) {
    for (const DistancingUse& d : p.distancing) {
      md << "- " << E(r.OutletLabel(p.outlet)) << ", "
         << (d.kind == "scare-quote" ? m.Tr("scare quotes") : m.Tr("distancing cue")) << ": "
         << cite(d.evidence, 120) << (d.cue.empty() ? "" : " — " + E(d.cue)) << "\n";
      any_distancing = true;
    }
  }
  if (!any_distancing) md << m.Tr("No scare quotes or distancing cues found.") << "\n";

  md << "\n## " << m.Tr("Events and claims side by side") << "\n\n### "
     << m.Tr("Events told by more than one outlet") << "\n\n";
  for (const AlignedEvent& e : r.alignment().events) {
    if (e.outlets.size() < 2) continue;
    md << "- " << DateRange(m, e.from, e.to) << " (" << E(r.Show(e.label));
    if (!e.label_outlet.empty()) {
      md << " \u2014 "
         << E(Fill(m.Tr("wording of {outlet}"), {{"outlet", r.OutletLabel(e.label_outlet)}}));
    }
    md << "):";
    for (const std::string& o : e.outlets) md << " " << E(r.OutletLabel(o)) << ";";
    md << "\n";
  }
  md << "\n### " << m.Tr("Claims") << "\n\n"
     << m.Tr(
            "For each claim: the outlets that carry it, with their sentence, and **omitted** "
            "where an outlet covers the same story or event in one of the claim's languages but "
            "does not carry it.")
     << "\n\n";
  for (const Claim* c : r.claims()) {
    md << "**" << c->id << "**\n\n";
    for (const Passage& p : c->passages) {
      md << "- " << E(r.OutletLabel(p.outlet)) << ": "
         << InQuotes(m, E(r.Excerpt(p.article_id, p.span.begin, p.span.end, 400))) << "\n";
    }
    for (const std::string& o : c->missing_outlets)
      md << "- " << E(r.OutletLabel(o)) << ": **" << m.Tr("omitted") << "**\n";
    md << "\n";
  }
  md << Fill(m.TrN("Showing {shown} of {n} claim.", "Showing {shown} of {n} claims.",
                   r.alignment().claims.size()),
             {{"shown", std::to_string(r.claims().size())},
              {"n", std::to_string(r.alignment().claims.size())}})
     << "\n";

  md << "\n## " << m.Tr("Discussion prompts") << "\n\n";
  int n = 0;
  for (const DiscussionPrompt& p : r.prompts()) {
    md << ++n << ". " << E(p.text) << "\n   - "
       << Fill(m.Tr("Basis: {basis}"), {{"basis", E(p.basis)}}) << "\n";
    for (const Evidence& e : p.evidence) md << "   - " << cite(e, 160) << "\n";
  }
  if (r.prompts().empty()) {
    md << m.Tr("The articles differ too little on the measured dimensions to suggest prompts.")
       << "\n";
  }

  md << "\n## " << m.Tr("What cleaning removed") << "\n\n";
  for (const Article& a : r.articles()) {
    md << "### " << E(r.OutletLabel(a.outlet)) << " (" << r.ArticleLabel(a.id) << ")\n\n";
    if (a.removed.empty()) md << m.Tr("Nothing removed.") << "\n";
    for (const RemovedLine& line : a.removed) {
      md << "- "
         << Fill(m.Tr("line {line}, {rule}: {text}"), {{"line", std::to_string(line.line)},
                                                       {"rule", E(RuleName(m, r.Show(line.rule)))},
                                                       {"text", E(r.Show(line.text))}})
         << "\n";
    }
    for (const std::string& note : a.outlet_notes) {
      md << "- " << Fill(m.Tr("Kept apart as an outlet note: {note}"), {{"note", E(r.Show(note))}})
         << "\n";
    }
    md << "\n";
  }

  const Provenance& pv = r.provenance();
  md << "## " << m.Tr("Method and provenance") << "\n\n";
  for (const std::string& paragraph : MethodParagraphs(m)) md << paragraph << "\n\n";
  md << "- " << m.Tr("Tool") << ": parallax " << pv.tool_version << "\n"
     << "- " << m.Tr("Report date (newest article)") << ": " << ProvenanceDate(r) << "\n"
     << "- " << m.Tr("Corpus SHA-256") << ": `" << pv.corpus_checksum << "`\n";
  for (const ArticleChecksum& c : pv.articles) {
    const std::string fetch = FetchProvenance(c, r.Show(c.url), m);
    md << "  - " << r.ArticleLabel(c.article)
       << (r.options().blind || c.file.empty() ? "" : " (" + E(c.file) + ")") << ": `" << c.sha256
       << "`" << (fetch.empty() ? "" : "; " + E(fetch)) << "\n";
  }
  md << "- " << m.Tr("Lexicon SHA-256") << ": `" << pv.lexicon_checksum << "`\n";
  for (const LexiconFile& f : pv.lexicon_files) {
    md << "  - " << E(f.path) << " (" << E(f.id) << "): `" << f.sha256 << "`\n";
  }
  return md.str();
}

}  // namespace parallax
