#include "report/csv_report.h"

#include <cstdio>

#include "i18n/messages.h"

namespace parallax {
namespace {

std::string Num(double x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f", x);
  return buf;
}

std::string Int(long long n) { return std::to_string(n); }

// A list in one cell, separated by "; ", each item as the report shows it (blind mode).
std::string Joined(const StoryReport& r, const std::vector<std::string>& list) {
  std::string out;
  for (const std::string& s : list) out += (out.empty() ? "" : "; ") + r.Show(s);
  return out;
}

}  // namespace

std::string CsvField(std::string_view value) {
  if (value.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(value);
  std::string out = "\"";
  for (char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

std::string CsvTableText(const CsvTable& table) {
  std::string out = "\xEF\xBB\xBF";
  auto record = [&](const std::vector<std::string>& fields) {
    for (std::size_t i = 0; i < fields.size(); ++i) {
      if (i > 0) out += ',';
      out += CsvField(fields[i]);
    }
    out += "\r\n";
  };
  record(table.header);
  for (const auto& row : table.rows) record(row);
  return out;
}

std::vector<CsvTable> ReportToCsv(const StoryReport& r) {
  std::vector<CsvTable> tables;
  const Blinder& b = r.blinder();

  CsvTable articles{
      "articles.csv",
      {NC_("csv column", "article"), NC_("csv column", "outlet"), NC_("csv column", "outlet_name"),
       NC_("csv column", "date"), NC_("csv column", "genre"), NC_("csv column", "language"),
       NC_("csv column", "title"), NC_("csv column", "url"), NC_("csv column", "words"),
       NC_("csv column", "removed_lines"), NC_("csv column", "sha256")},
      {}};
  for (std::size_t i = 0; i < r.articles().size(); ++i) {
    const Article& a = r.articles()[i];
    articles.rows.push_back({r.ArticleLabel(a.id), b.Letter(a.outlet), r.OutletLabel(a.outlet),
                             a.date ? a.date->ToString() : "", a.genre, a.language, r.Show(a.title),
                             r.Show(a.url), Int(static_cast<long long>(r.annotations()[i].words)),
                             Int(static_cast<long long>(a.removed.size())),
                             r.provenance().articles[i].sha256});
  }
  tables.push_back(std::move(articles));

  CsvTable naming{
      "naming.csv",
      {NC_("csv column", "outlet"), NC_("csv column", "concept"),
       NC_("csv column", "concept_label"), NC_("csv column", "form"), NC_("csv column", "matched"),
       NC_("csv column", "perspective"), NC_("csv column", "own"), NC_("csv column", "quoted"),
       NC_("csv column", "reported"), NC_("csv column", "distanced"),
       NC_("csv column", "first_article"), NC_("csv column", "first_start")},
      {}};
  CsvTable loaded{
      "loaded_terms.csv",
      {NC_("csv column", "outlet"), NC_("csv column", "form"), NC_("csv column", "matched"),
       NC_("csv column", "category"), NC_("csv column", "perspective"), NC_("csv column", "own"),
       NC_("csv column", "quoted"), NC_("csv column", "reported"), NC_("csv column", "distanced"),
       NC_("csv column", "own_per_1000_words"), NC_("csv column", "quoted_per_1000_words"),
       NC_("csv column", "reported_per_1000_words"), NC_("csv column", "speakers")},
      {}};
  CsvTable voices{
      "voices.csv",
      {NC_("csv column", "outlet"), NC_("csv column", "speaker"), NC_("csv column", "actor"),
       NC_("csv column", "perspective"), NC_("csv column", "quotes"), NC_("csv column", "words"),
       NC_("csv column", "reported"), NC_("csv column", "reported_words"),
       NC_("csv column", "first_article"), NC_("csv column", "first_start")},
      {}};
  CsvTable distancing{
      "distancing.csv",
      {NC_("csv column", "outlet"), NC_("csv column", "kind"), NC_("csv column", "text"),
       NC_("csv column", "cue"), NC_("csv column", "article"), NC_("csv column", "start"),
       NC_("csv column", "end")},
      {}};
  CsvTable distinctive{
      "distinctive_terms.csv",
      {NC_("csv column", "outlet"), NC_("csv column", "term"), NC_("csv column", "count"),
       NC_("csv column", "log_odds"), NC_("csv column", "z")},
      {}};
  for (const OutletProfile& p : r.measures().outlets) {
    const std::string o = b.Letter(p.outlet);
    const double per = p.words > 0 ? 1000.0 / static_cast<double>(p.words) : 0.0;
    for (const ConceptUse& c : p.naming) {
      for (const VariantUse& v : c.variants) {
        const Evidence* e = v.evidence.empty() ? nullptr : &v.evidence.front();
        naming.rows.push_back({o, c.concept_id, c.label, v.form, Joined(r, v.matched),
                               v.perspective, Int(v.own), Int(v.quoted), Int(v.reported),
                               Int(v.distanced), e ? r.ArticleLabel(e->article) : "",
                               e ? Int(static_cast<long long>(e->start)) : ""});
      }
    }
    for (const LoadedTermUse& t : p.loaded) {
      loaded.rows.push_back({o, t.form, Joined(r, t.matched), t.category, t.perspective, Int(t.own),
                             Int(t.quoted), Int(t.reported), Int(t.distanced), Num(t.own * per),
                             Num(t.quoted * per), Num(t.reported * per), Joined(r, t.speakers)});
    }
    for (const VoiceUse& v : p.voices) {
      const Evidence* e = v.evidence.empty() ? nullptr : &v.evidence.front();
      voices.rows.push_back({o, r.Show(v.speaker), v.actor_id, v.perspective, Int(v.quotes),
                             Int(v.words), Int(v.reported), Int(v.reported_words),
                             e ? r.ArticleLabel(e->article) : "",
                             e ? Int(static_cast<long long>(e->start)) : ""});
    }
    for (const DistancingUse& d : p.distancing) {
      distancing.rows.push_back({o, d.kind, r.Show(d.text), d.cue,
                                 r.ArticleLabel(d.evidence.article),
                                 Int(static_cast<long long>(d.evidence.start)),
                                 Int(static_cast<long long>(d.evidence.end))});
    }
    for (const DistinctiveTerm& t : p.distinctive) {
      distinctive.rows.push_back({o, r.Show(t.term), Int(t.count), Num(t.delta), Num(t.z)});
    }
  }
  tables.push_back(std::move(naming));
  tables.push_back(std::move(loaded));
  tables.push_back(std::move(voices));
  tables.push_back(std::move(distancing));

  CsvTable events{"events.csv",
                  {NC_("csv column", "event"), NC_("csv column", "from"), NC_("csv column", "to"),
                   NC_("csv column", "label"), NC_("csv column", "outlets"),
                   NC_("csv column", "article"), NC_("csv column", "start"),
                   NC_("csv column", "end"), NC_("csv column", "dated"), NC_("csv column", "text")},
                  {}};
  for (const AlignedEvent& e : r.alignment().events) {
    std::string outs;
    for (const std::string& o : e.outlets) outs += (outs.empty() ? "" : " ") + b.Letter(o);
    for (const EventMention& m : e.mentions) {
      events.rows.push_back(
          {e.id, e.from.ToString(), e.to.ToString(), r.Show(e.label), outs,
           r.ArticleLabel(m.passage.article_id), Int(static_cast<long long>(m.passage.span.begin)),
           Int(static_cast<long long>(m.passage.span.end)), m.dated ? "yes" : "no",
           r.Excerpt(m.passage.article_id, m.passage.span.begin, m.passage.span.end, 100000)});
    }
  }
  tables.push_back(std::move(events));

  CsvTable claims{
      "claims.csv",
      {NC_("csv column", "claim"), NC_("csv column", "event"), NC_("csv column", "outlet"),
       NC_("csv column", "status"), NC_("csv column", "article"), NC_("csv column", "start"),
       NC_("csv column", "end"), NC_("csv column", "text")},
      {}};
  for (const Claim* c : r.claims()) {
    for (const Passage& p : c->passages) {
      claims.rows.push_back(
          {c->id, c->event, b.Letter(p.outlet), "carried", r.ArticleLabel(p.article_id),
           Int(static_cast<long long>(p.span.begin)), Int(static_cast<long long>(p.span.end)),
           r.Excerpt(p.article_id, p.span.begin, p.span.end, 100000)});
    }
    for (const std::string& o : c->missing_outlets) {
      claims.rows.push_back({c->id, c->event, b.Letter(o), "omitted", "", "", "", ""});
    }
  }
  tables.push_back(std::move(claims));

  CsvTable prompts{
      "prompts.csv",
      {NC_("csv column", "prompt"), NC_("csv column", "kind"), NC_("csv column", "text"),
       NC_("csv column", "basis"), NC_("csv column", "evidence")},
      {}};
  int n = 0;
  for (const DiscussionPrompt& p : r.prompts()) {
    std::string ev;
    for (const Evidence& e : p.evidence) {
      ev += (ev.empty() ? "" : "; ") + r.ArticleLabel(e.article) + "@" +
            Int(static_cast<long long>(e.start));
    }
    prompts.rows.push_back({Int(++n), p.kind, p.text, p.basis, ev});
  }
  tables.push_back(std::move(prompts));

  CsvTable removed{
      "removed.csv",
      {NC_("csv column", "article"), NC_("csv column", "outlet"), NC_("csv column", "line"),
       NC_("csv column", "rule"), NC_("csv column", "text")},
      {}};
  for (const Article& a : r.articles()) {
    for (const RemovedLine& line : a.removed) {
      removed.rows.push_back({r.ArticleLabel(a.id), b.Letter(a.outlet), Int(line.line),
                              r.Show(line.rule), r.Show(line.text)});
    }
  }
  tables.push_back(std::move(removed));
  tables.push_back(std::move(distinctive));
  // Column names in the report's language; the values stay as data (ISO dates, plain numbers,
  // the codes of the JSON report), for programs that read the files.
  for (CsvTable& table : tables) {
    for (std::string& column : table.header) column = r.messages().TrC("csv column", column);
  }
  return tables;
}

}  // namespace parallax
