#include "report/json_report.h"

#include <cmath>

namespace parallax {
namespace {

using Json = nlohmann::ordered_json;

double Round(double x, int digits) {
  const double f = std::pow(10.0, digits);
  return std::round(x * f) / f;
}

Json EvidenceJson(const StoryReport& r, const Evidence& e) {
  Json j;
  j["article"] = r.ArticleLabel(e.article);
  j["start"] = e.start;
  j["end"] = e.end;
  j["voice"] = e.voice;
  j["speaker"] = r.Show(e.speaker);
  j["anchor"] = r.Anchor(e.article, e.start);
  j["text"] = r.Excerpt(e.article, e.start, e.end);
  return j;
}

Json EvidenceList(const StoryReport& r, const std::vector<Evidence>& list) {
  Json j = Json::array();
  for (const Evidence& e : list) j.push_back(EvidenceJson(r, e));
  return j;
}

Json Strings(const StoryReport& r, const std::vector<std::string>& list) {
  Json j = Json::array();
  for (const std::string& s : list) j.push_back(r.Show(s));
  return j;
}

Json PassageJson(const StoryReport& r, const Passage& p) {
  Json j;
  j["article"] = r.ArticleLabel(p.article_id);
  j["outlet"] = r.blinder().Letter(p.outlet);
  j["start"] = p.span.begin;
  j["end"] = p.span.end;
  j["anchor"] = r.Anchor(p.article_id, p.span.begin);
  j["text"] = r.Excerpt(p.article_id, p.span.begin, p.span.end, 100000);
  return j;
}

Json ProfileJson(const StoryReport& r, const OutletProfile& p) {
  Json j;
  j["outlet"] = r.blinder().Letter(p.outlet);
  j["name"] = r.OutletLabel(p.outlet);
  Json arts = Json::array();
  for (const std::string& a : p.articles) arts.push_back(r.ArticleLabel(a));
  j["articles"] = arts;
  j["words"] = p.words;
  Json naming = Json::array();
  for (const ConceptUse& c : p.naming) {
    Json cj;
    cj["concept"] = c.concept_id;
    cj["label"] = c.label;
    Json own = Json::object();
    for (const auto& [per, n] : c.own_by_perspective) own[per.empty() ? "none" : per] = n;
    cj["own_by_perspective"] = own;
    Json variants = Json::array();
    for (const VariantUse& v : c.variants) {
      variants.push_back({{"form", v.form},
                          {"matched", Strings(r, v.matched)},
                          {"perspective", v.perspective},
                          {"own", v.own},
                          {"quoted", v.quoted},
                          {"reported", v.reported},
                          {"distanced", v.distanced},
                          {"evidence", EvidenceList(r, v.evidence)}});
    }
    cj["variants"] = variants;
    Json bracketed = Json::array();
    for (const auto& [first, second] : r.Bracketed(p.outlet, c.concept_id)) {
      bracketed.push_back({r.Show(first), r.Show(second)});
    }
    cj["bracketed"] = bracketed;
    naming.push_back(cj);
  }
  j["naming"] = naming;
  Json loaded = Json::array();
  for (const LoadedTermUse& t : p.loaded) {
    loaded.push_back({{"form", t.form},
                      {"matched", Strings(r, t.matched)},
                      {"category", t.category},
                      {"perspective", t.perspective},
                      {"own", t.own},
                      {"quoted", t.quoted},
                      {"reported", t.reported},
                      {"distanced", t.distanced},
                      {"speakers", Strings(r, t.speakers)},
                      {"note", r.Show(t.note)},
                      {"evidence", EvidenceList(r, t.evidence)}});
  }
  j["loaded_terms"] = {{"own", p.loaded_own},
                       {"quoted", p.loaded_quoted},
                       {"reported", p.loaded_reported},
                       {"own_per_1000_words", Round(p.loaded_own_per_1000, 2)},
                       {"quoted_per_1000_words", Round(p.loaded_quoted_per_1000, 2)},
                       {"reported_per_1000_words", Round(p.loaded_reported_per_1000, 2)},
                       {"terms", loaded}};
  Json voices = Json::array();
  for (const VoiceUse& v : p.voices) {
    voices.push_back({{"speaker", r.Show(v.speaker)},
                      {"actor", v.actor_id},
                      {"perspective", v.perspective},
                      {"quotes", v.quotes},
                      {"words", v.words},
                      {"reported", v.reported},
                      {"reported_words", v.reported_words},
                      {"evidence", EvidenceList(r, v.evidence)}});
  }
  Json by_perspective = Json::object();
  for (const auto& [per, n] : p.quoted_words_by_perspective)
    by_perspective[per.empty() ? "none" : per] = n;
  Json reported_by_perspective = Json::object();
  for (const auto& [per, n] : p.reported_words_by_perspective)
    reported_by_perspective[per.empty() ? "none" : per] = n;
  j["voices"] = {{"quoted_words_by_perspective", by_perspective},
                 {"reported_words_by_perspective", reported_by_perspective},
                 {"speakers", voices},
                 {"mentioned_not_quoted", Strings(r, p.mentioned_not_quoted)}};
  Json distancing = Json::array();
  for (const DistancingUse& d : p.distancing) {
    distancing.push_back({{"kind", d.kind},
                          {"text", r.Show(d.text)},
                          {"cue", d.cue},
                          {"evidence", EvidenceJson(r, d.evidence)}});
  }
  j["distancing"] = distancing;
  Json distinctive = Json::array();
  for (const DistinctiveTerm& t : p.distinctive) {
    distinctive.push_back({{"term", r.Show(t.term)},
                           {"count", t.count},
                           {"log_odds", Round(t.delta, 3)},
                           {"z", Round(t.z, 3)}});
  }
  j["distinctive_terms"] = distinctive;
  return j;
}

}  // namespace

nlohmann::ordered_json ReportToJson(const StoryReport& r) {
  Json j;
  j["schema"] = "parallax-report";
  j["schema_version"] = kReportSchemaVersion;
  j["story"] = r.story();
  j["blind"] = r.blinder().enabled();
  j["language"] = r.messages().language();
  j["thin_evidence"] = r.measures().thin_evidence;
  Json fits = Json::array();
  for (const LexiconFit& fit : r.measures().lexicon_fit) {
    fits.push_back({{"lexicon", fit.lexicon},
                    {"articles", fit.articles},
                    {"in_scope", fit.in_scope},
                    {"fits", fit.fits},
                    {"chosen", fit.chosen},
                    {"concepts", fit.concepts},
                    {"perspectives", fit.perspectives}});
    // Only where true, so that the reports of lexicons with a scope keep their shape.
    if (fit.everywhere) fits.back()["everywhere"] = true;
  }
  j["lexicon_fit"] = fits;

  Json perspectives = Json::array();
  for (const Perspective& p : r.lexicon().perspectives) {
    perspectives.push_back({{"id", p.id}, {"label", p.label}, {"colour", p.colour}});
  }
  j["perspectives"] = perspectives;

  Json outlets = Json::array();
  for (const std::string& id : r.outlet_ids()) {
    outlets.push_back({{"outlet", r.blinder().Letter(id)}, {"name", r.OutletLabel(id)}});
  }
  j["outlets"] = outlets;

  Json articles = Json::array();
  for (std::size_t i = 0; i < r.articles().size(); ++i) {
    const Article& a = r.articles()[i];
    Json aj;
    aj["id"] = r.ArticleLabel(a.id);
    aj["outlet"] = r.blinder().Letter(a.outlet);
    aj["outlet_name"] = r.OutletLabel(a.outlet);
    aj["date"] = a.date ? a.date->ToString() : "";
    aj["genre"] = a.genre;
    aj["language"] = a.language;
    aj["title"] = r.Show(a.title);
    aj["url"] = r.Show(a.url);
    aj["author"] = r.Show(a.author);
    aj["words"] = r.annotations()[i].words;
    Json removed = Json::array();
    for (const RemovedLine& line : a.removed) {
      removed.push_back(
          {{"line", line.line}, {"rule", r.Show(line.rule)}, {"text", r.Show(line.text)}});
    }
    aj["removed"] = removed;
    aj["outlet_notes"] = Strings(r, a.outlet_notes);
    aj["text"] = r.Show(a.text);
    articles.push_back(aj);
  }
  j["articles"] = articles;

  Json profiles = Json::array();
  for (const OutletProfile& p : r.measures().outlets) profiles.push_back(ProfileJson(r, p));
  j["profiles"] = profiles;

  Json events = Json::array();
  for (const AlignedEvent& e : r.alignment().events) {
    Json ej;
    ej["id"] = e.id;
    ej["from"] = e.from.ToString();
    ej["to"] = e.to.ToString();
    ej["label"] = r.Show(e.label);
    if (!e.label_outlet.empty()) ej["label_outlet"] = r.blinder().Letter(e.label_outlet);
    ej["curated"] = e.curated;
    Json outs = Json::array();
    for (const std::string& o : e.outlets) outs.push_back(r.blinder().Letter(o));
    ej["outlets"] = outs;
    Json mentions = Json::array();
    for (const EventMention& m : e.mentions) {
      Json mj = PassageJson(r, m.passage);
      mj["dated"] = m.dated;
      mentions.push_back(mj);
    }
    ej["mentions"] = mentions;
    events.push_back(ej);
  }
  Json claims = Json::array();
  for (const Claim* c : r.claims()) {
    Json cj;
    cj["id"] = c->id;
    cj["event"] = c->event;
    Json outs = Json::array();
    for (const std::string& o : c->outlets) outs.push_back(r.blinder().Letter(o));
    cj["outlets"] = outs;
    Json missing = Json::array();
    for (const std::string& o : c->missing_outlets) missing.push_back(r.blinder().Letter(o));
    cj["missing_outlets"] = missing;
    Json passages = Json::array();
    for (const Passage& p : c->passages) passages.push_back(PassageJson(r, p));
    cj["passages"] = passages;
    claims.push_back(cj);
  }
  j["alignment"] = {
      {"events", events}, {"claims", claims}, {"claims_total", r.alignment().claims.size()}};

  Json prompts = Json::array();
  for (const DiscussionPrompt& p : r.prompts()) {
    prompts.push_back({{"kind", p.kind},
                       {"text", p.text},
                       {"basis", p.basis},
                       {"evidence", EvidenceList(r, p.evidence)}});
  }
  j["prompts"] = prompts;

  const Provenance& pv = r.provenance();
  Json files = Json::array();
  for (const ArticleChecksum& c : pv.articles) {
    Json file = {{"article", r.ArticleLabel(c.article)},
                 {"file", r.blinder().enabled() ? r.ArticleLabel(c.article) : c.file},
                 {"sha256", c.sha256}};
    if (!c.fetched.empty()) {
      file["fetched"] = c.fetched;
      file["url"] = r.Show(c.url);
      file["http_status"] = c.http_status;
      file["page_sha256"] = c.page_sha256;
    }
    files.push_back(std::move(file));
  }
  Json lexicons = Json::array();
  for (const LexiconFile& f : pv.lexicon_files) {
    lexicons.push_back({{"file", f.path}, {"id", f.id}, {"sha256", f.sha256}});
  }
  j["provenance"] = {{"tool", "parallax"},
                     {"tool_version", pv.tool_version},
                     {"date", pv.date},
                     {"date_rule", "newest article date (not the time of the run)"},
                     {"corpus_sha256", pv.corpus_checksum},
                     {"corpus_files", files},
                     {"lexicon_sha256", pv.lexicon_checksum},
                     {"lexicon_files", lexicons}};
  // Files of the story folder that could not be read: their names and errors (a blind report
  // gives only their number: a file name may name its outlet).
  Json left_out = Json::array();
  if (!r.blinder().enabled()) {
    for (const LeftOutFile& f : pv.left_out) {
      left_out.push_back({{"file", f.file}, {"line", f.line}, {"error", f.error}});
    }
  }
  j["provenance"]["left_out_files"] = pv.left_out.size();
  j["provenance"]["left_out"] = left_out;
  return j;
}

}  // namespace parallax
