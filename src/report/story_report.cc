#include "report/story_report.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <set>

#include "report/report_words.h"
#include "text/natural_order.h"

namespace parallax {
namespace {

using Kind = LexiconEntry::Kind;

constexpr std::size_t kNpos = static_cast<std::size_t>(-1);

std::size_t Utf8Boundary(std::string_view s, std::size_t at) {
  while (at > 0 && at < s.size() && (static_cast<unsigned char>(s[at]) & 0xC0) == 0x80) --at;
  return at;
}

std::string CollapseSpace(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

// Own-voice naming share of one perspective in one outlet's use of one concept.
struct NamingShare {
  std::size_t outlet = 0;
  int part = 0;
  int whole = 0;
  double share() const { return whole > 0 ? static_cast<double>(part) / whole : 0.0; }
};

// Claims carried by more outlets first, then those with more omissions.
bool CarriedByMore(const Claim* a, const Claim* b) {
  if (a->outlets.size() != b->outlets.size()) return a->outlets.size() > b->outlets.size();
  return a->missing_outlets.size() > b->missing_outlets.size();
}

}  // namespace

std::string Percent(int part, int whole) {
  if (whole <= 0) return "–";
  return std::to_string((part * 200 + whole) / (2 * whole)) + "%";
}

std::vector<LeftOutFile> LeftOutFiles(const Diagnostics& diagnostics) {
  std::vector<LeftOutFile> out;
  std::set<std::string> seen;
  for (const Diagnostic& d : diagnostics) {
    if (d.severity != Severity::kError || d.path.empty() || !seen.insert(d.path).second) continue;
    out.push_back({std::filesystem::path(d.path).filename().string(), d.line, d.message});
  }
  return out;
}

StoryReport::StoryReport(const ReportInputs& inputs, const ReportOptions& options)
    : inputs_(inputs), options_(options), story_(inputs.story) {
  const std::vector<Article>& arts = *inputs_.articles;
  if (options_.blind) blinder_ = Blinder(story_, arts, *inputs_.outlets, options_.messages);
  for (const Article& a : arts) {
    if (std::find(outlet_ids_.begin(), outlet_ids_.end(), a.outlet) == outlet_ids_.end()) {
      outlet_ids_.push_back(a.outlet);
    }
  }
  provenance_.tool_version = options_.tool_version;
  if (inputs_.left_out != nullptr) provenance_.left_out = *inputs_.left_out;
  provenance_.articles = ChecksumArticles(arts);
  provenance_.corpus_checksum = CorpusChecksum(provenance_.articles);
  std::optional<Date> newest;
  for (const Article& a : arts) {
    if (a.date && (!newest || *a.date > *newest)) newest = a.date;
  }
  provenance_.date = newest ? newest->ToString() : "";
  provenance_.lexicon_checksum = inputs_.lexicon->checksum;
  for (LexiconFile f : inputs_.lexicon->files) {
    const std::filesystem::path p(f.path);
    f.path = p.parent_path().filename().string() == "common" ? "common/" + p.filename().string()
                                                             : p.filename().string();
    provenance_.lexicon_files.push_back(std::move(f));
  }
  {
    // A cue matches in a text of any language: Romanian cues written without lang= in a file
    // whose lang is "en" do cover Romanian (languages_without_cues()).
    std::set<std::string> with_cues(std::begin(kBuiltInReportingLanguages),
                                    std::end(kBuiltInReportingLanguages));
    const auto reporting = [&](std::size_t entry) {
      const LexiconEntry& e = inputs_.lexicon->entries[entry];
      return e.kind == LexiconEntry::Kind::kCue && e.category == kCueReporting;
    };
    for (std::size_t i = 0; i < inputs_.lexicon->entries.size(); ++i) {
      if (reporting(i)) with_cues.insert(PrimaryLanguage(inputs_.lexicon->entries[i].language));
    }
    for (std::size_t ai = 0; ai < arts.size() && ai < inputs_.annotations->size(); ++ai) {
      const std::vector<LexiconMatch>& matches = (*inputs_.annotations)[ai].matches;
      if (std::any_of(matches.begin(), matches.end(),
                      [&](const LexiconMatch& m) { return reporting(m.entry); })) {
        with_cues.insert(PrimaryLanguage(arts[ai].language));
      }
    }
    std::map<std::string, std::size_t> without;
    for (const Article& a : arts) {
      const std::string language = PrimaryLanguage(a.language);
      if (!language.empty() && with_cues.count(language) == 0) ++without[language];
    }
    languages_without_cues_.assign(without.begin(), without.end());
  }
  SelectClaims();
  BuildHighlights();
  BuildPrompts();
}

std::vector<std::pair<std::string, std::string>> StoryReport::Bracketed(
    const std::string& outlet_id, const std::string& concept_id) const {
  std::vector<std::pair<std::string, std::string>> out;
  for (std::size_t ai = 0; ai < inputs_.articles->size(); ++ai) {
    const Article& a = (*inputs_.articles)[ai];
    if (a.outlet != outlet_id) continue;
    const ArticleAnnotations& ann = (*inputs_.annotations)[ai];
    for (const BracketedPair& bp : ann.bracketed_pairs) {
      if (bp.first >= ann.matches.size() || bp.second >= ann.matches.size()) continue;
      const LexiconMatch& f = ann.matches[bp.first];
      const LexiconMatch& g = ann.matches[bp.second];
      if (inputs_.lexicon->entries[f.entry].concept_id != concept_id) continue;
      out.push_back(
          {a.text.substr(f.start, f.end - f.start), a.text.substr(g.start, g.end - g.start)});
    }
  }
  return out;
}

std::string StoryReport::OutletLabel(const std::string& outlet_id) const {
  if (blinder_.enabled()) return blinder_.OutletLabel(outlet_id);
  const Outlet* o = inputs_.outlets->Find(outlet_id);
  return o != nullptr ? o->name : outlet_id;
}

std::string StoryReport::ArticleLabel(const std::string& article_id) const {
  return blinder_.ArticleLabel(article_id);
}

const Article* StoryReport::FindArticle(const std::string& article_id) const {
  const std::size_t i = ArticleIndex(article_id);
  return i == kNpos ? nullptr : &(*inputs_.articles)[i];
}

std::size_t StoryReport::ArticleIndex(const std::string& article_id) const {
  const std::vector<Article>& arts = *inputs_.articles;
  for (std::size_t i = 0; i < arts.size(); ++i) {
    if (arts[i].id == article_id) return i;
  }
  return kNpos;
}

std::string StoryReport::Anchor(const std::string& article_id, std::size_t start) const {
  return "m-" + ArticleLabel(article_id) + "-" + std::to_string(start);
}

std::string StoryReport::Excerpt(const std::string& article_id, std::size_t start, std::size_t end,
                                 std::size_t max_bytes) const {
  const Article* a = FindArticle(article_id);
  if (a == nullptr || start >= a->text.size()) return "";
  end = std::min(end, a->text.size());
  std::string s = CollapseSpace(Show(std::string_view(a->text).substr(start, end - start)));
  if (s.size() > max_bytes) {
    s.resize(Utf8Boundary(s, max_bytes));
    s += "…";
  }
  return s;
}

std::string StoryReport::PerspectiveLabel(const std::string& id) const {
  if (id.empty()) return options_.messages.Tr("no particular perspective");
  const Perspective* p = inputs_.lexicon->FindPerspective(id);
  return p != nullptr ? Localized(p->label, p->label_translations, options_.messages.language())
                      : id;
}

std::string StoryReport::ShowSpeaker(const std::string& speaker) const {
  return speaker == "unattributed" ? options_.messages.Tr("unattributed") : Show(speaker);
}

std::string StoryReport::ConceptLabel(const std::string& concept_id,
                                      const std::string& fallback) const {
  const Concept* c = inputs_.lexicon->FindConcept(concept_id);
  if (c == nullptr) return fallback;
  return Localized(fallback, c->label_translations, options_.messages.language());
}

std::string StoryReport::ConceptNote(const std::string& concept_id) const {
  const Concept* c = inputs_.lexicon->FindConcept(concept_id);
  if (c == nullptr) return "";
  return Localized(c->note, c->note_translations, options_.messages.language());
}

const std::string& StoryReport::NoteOf(const LexiconEntry& entry) const {
  return Localized(entry.note, entry.note_translations, options_.messages.language());
}

const std::string& StoryReport::NoteOf(const LoadedTermUse& use) const {
  for (const LexiconEntry& e : inputs_.lexicon->entries) {
    if (e.kind == Kind::kLoaded && e.form == use.form) return NoteOf(e);
  }
  return use.note;
}

std::string StoryReport::PerspectiveColour(const std::string& id) const {
  const Perspective* p = id.empty() ? nullptr : inputs_.lexicon->FindPerspective(id);
  return p != nullptr && !p->colour.empty() ? p->colour : "#BBBBBB";
}

void StoryReport::SelectClaims() {
  for (const Claim& c : inputs_.alignment->claims) claims_.push_back(&c);
  std::stable_sort(claims_.begin(), claims_.end(), CarriedByMore);
  if (claims_.size() > options_.max_claims) claims_.resize(options_.max_claims);
  // Chosen by reach, listed by number: a reader looks for claim 5 between 4 and 6.
  std::stable_sort(claims_.begin(), claims_.end(),
                   [](const Claim* a, const Claim* b) { return NaturalLess(a->id, b->id); });
}

void StoryReport::BuildHighlights() {
  const std::vector<Article>& arts = *inputs_.articles;
  const Lexicon& lex = *inputs_.lexicon;
  const Messages& tr = options_.messages;
  highlights_.assign(arts.size(), {});
  for (std::size_t ai = 0; ai < arts.size(); ++ai) {
    const ArticleAnnotations& ann = (*inputs_.annotations)[ai];
    std::vector<Highlight>& out = highlights_[ai];
    for (const Quote& q : ann.quotes) {
      Highlight h;
      h.start = q.start;
      h.end = q.end;
      if (h.end <= h.start) continue;
      if (q.kind == QuoteKind::kScare) {
        h.kind = "scare";
        h.voice = "scare";
        h.note = q.distancing_cue.empty()
                     ? tr.Tr(
                           "Scare quotes: the outlet puts these words in quotation marks "
                           "without a speaker, holding them at a distance.")
                     : Fill(tr.Tr("Scare quotes: the outlet puts these words in quotation marks "
                                  "without a speaker, holding them at a distance "
                                  "(“{cue}”)."),
                            {{"cue", q.distancing_cue}});
      } else if (q.kind == QuoteKind::kTitle || q.kind == QuoteKind::kFragment) {
        // A name in quotation marks: nobody's words, nothing held at a distance. A fragment is
        // highlighted with the reported speech that holds it.
        continue;
      } else {
        if (q.depth > 0) continue;
        h.kind = "quote";
        h.voice = "quoted";
        h.perspective = q.perspective.str();
        h.speaker = q.speaker.empty() ? tr.Tr("unattributed") : Show(q.speaker);
        h.note =
            Fill(tr.Tr("Quoted words of {speaker} ({perspective})."),
                 {{"speaker", h.speaker}, {"perspective", PerspectiveLabel(q.perspective.str())}});
      }
      out.push_back(std::move(h));
    }
    for (const AttributionRelation& a : ann.attributions) {
      if (a.kind == AttributionKind::kDirect || a.end <= a.start) continue;
      Highlight h;
      h.start = a.start;
      h.end = a.end;
      h.kind = "reported";
      h.voice = "reported";
      h.perspective = a.perspective.str();
      h.speaker = a.source.empty() ? tr.Tr("an unnamed source") : Show(a.source);
      h.note = Fill(tr.Tr("Reported speech of {speaker} ({perspective}), introduced by "
                          "“{cue}”: the outlet reports these words as the source's, "
                          "without quotation marks."),
                    {{"speaker", h.speaker},
                     {"perspective", PerspectiveLabel(a.perspective.str())},
                     {"cue", Show(a.cue)}});
      out.push_back(std::move(h));
    }
    const std::vector<std::size_t>* uncounted =
        inputs_.measures != nullptr && ai < inputs_.measures->uncounted.size()
            ? &inputs_.measures->uncounted[ai]
            : nullptr;
    for (std::size_t mi = 0; mi < ann.matches.size(); ++mi) {
      const LexiconMatch& m = ann.matches[mi];
      // A story lexicon that does not fit counts nothing here (see StoryMeasures::uncounted):
      // its words are not highlighted, so no side colours the article.
      if (uncounted != nullptr && std::binary_search(uncounted->begin(), uncounted->end(), mi))
        continue;
      const LexiconEntry& e = lex.entries[m.entry];
      Highlight h;
      h.start = m.start;
      h.end = m.end;
      h.entry_form = e.form;
      h.perspective = e.perspective;
      h.voice = m.distancing == kCitedTitle                    ? "cited"
                : m.voice == Voice::kOwn && m.scare_quote >= 0 ? "scare"
                                                               : VoiceName(m.voice);
      h.speaker = Show(std::string(SpeakerOf(ann, m).name));
      if (e.kind == Kind::kNaming) {
        h.kind = "naming";
        const Concept* c = lex.FindConcept(e.concept_id);
        h.note = Fill(tr.Tr("Name for {concept}, {perspective} usage."),
                      {{"concept", c != nullptr ? ConceptLabel(c->id, c->label) : e.concept_id},
                       {"perspective", PerspectiveLabel(e.perspective)}}) +
                 " " + Show(CollapseSpace(NoteOf(e)));
      } else if (e.kind == Kind::kLoaded) {
        h.kind = "loaded";
        h.note =
            (e.perspective.empty() ? Fill(tr.Tr("Loaded term ({category})."),
                                          {{"category", CategoryName(tr, e.category)}})
                                   : Fill(tr.Tr("Loaded term ({category}, {perspective})."),
                                          {{"category", CategoryName(tr, e.category)},
                                           {"perspective", PerspectiveLabel(e.perspective)}})) +
            " " + Show(CollapseSpace(NoteOf(e)));
      } else if (e.kind == Kind::kCue && e.category == kCueDistancing) {
        h.kind = "cue";
        h.note = Fill(tr.Tr("Distancing cue “{cue}”."), {{"cue", e.form}}) + " " +
                 Show(CollapseSpace(NoteOf(e)));
      } else {
        continue;
      }
      out.push_back(std::move(h));
    }
    std::set<std::pair<std::size_t, std::size_t>> passages;
    for (const Claim* c : claims_) {
      for (const Passage& p : c->passages) {
        if (p.article_id == arts[ai].id) passages.insert({p.span.begin, p.span.end});
      }
    }
    for (const AlignedEvent& ev : inputs_.alignment->events) {
      for (const EventMention& m : ev.mentions) {
        if (m.passage.article_id == arts[ai].id)
          passages.insert({m.passage.span.begin, m.passage.span.end});
      }
    }
    for (const auto& [b, e] : passages) {
      if (e <= b) continue;
      Highlight h;
      h.start = b;
      h.end = e;
      h.kind = "passage";
      h.note = tr.Tr("A passage the events and claims section compares across outlets.");
      out.push_back(std::move(h));
    }
    std::stable_sort(out.begin(), out.end(), [](const Highlight& a, const Highlight& b) {
      return a.start != b.start ? a.start < b.start : a.end > b.end;
    });
  }
}

void StoryReport::BuildPrompts() {
  const Messages& tr = options_.messages;
  const StoryMeasures& m = *inputs_.measures;
  const std::vector<OutletProfile>& outlets = m.outlets;
  if (outlets.size() < 2) return;

  // 1. Naming: the concept and perspective whose own-voice share differs most between outlets.
  struct NamingCandidate {
    double gap = 0;
    int total = 0;
    std::string concept_id;
    std::string perspective;
    NamingShare high;
    NamingShare low;
    NamingShare others;  // all outlets but `high`, pooled
  };
  std::vector<NamingCandidate> naming;
  std::set<std::string> concept_ids;
  // A name in brackets after another ("Khankendi (Stepanakert)") glosses it: the outlet's choice
  // is the name it puts first, so the bracketed own-voice form is not counted as a choice.
  std::map<std::pair<std::string, std::string>, std::map<std::string, int>> glosses;
  for (std::size_t ai = 0; ai < inputs_.articles->size(); ++ai) {
    const ArticleAnnotations& ann = (*inputs_.annotations)[ai];
    for (const BracketedPair& bp : ann.bracketed_pairs) {
      if (bp.second >= ann.matches.size()) continue;
      const LexiconMatch& second = ann.matches[bp.second];
      if (second.voice == Voice::kQuoted) continue;
      const LexiconEntry& e = inputs_.lexicon->entries[second.entry];
      ++glosses[{(*inputs_.articles)[ai].outlet, e.concept_id}][e.perspective];
    }
  }
  for (const OutletProfile& p : outlets) {
    for (const ConceptUse& c : p.naming) concept_ids.insert(c.concept_id);
  }
  for (const std::string& cid : concept_ids) {
    std::set<std::string> perspectives;
    std::vector<std::pair<std::size_t, const ConceptUse*>> uses;
    for (std::size_t oi = 0; oi < outlets.size(); ++oi) {
      for (const ConceptUse& c : outlets[oi].naming) {
        if (c.concept_id != cid) continue;
        int own = 0;
        for (const auto& [per, n] : c.own_by_perspective) {
          own += n;
          perspectives.insert(per);
        }
        if (own > 0) uses.push_back({oi, &c});
      }
    }
    auto chosen = [&](std::size_t oi, const ConceptUse& c) {
      std::map<std::string, int> counts = c.own_by_perspective;
      auto g = glosses.find({outlets[oi].outlet, c.concept_id});
      if (g != glosses.end()) {
        for (const auto& [per, n] : g->second) counts[per] = std::max(0, counts[per] - n);
      }
      return counts;
    };
    if (uses.size() < 2) continue;
    for (const std::string& per : perspectives) {
      if (per.empty()) continue;
      NamingCandidate best;
      best.concept_id = cid;
      best.perspective = per;
      bool first = true;
      std::vector<NamingShare> shares;
      for (const auto& [oi, c] : uses) {
        NamingShare s{oi, 0, 0};
        for (const auto& [p2, n] : chosen(oi, *c)) {
          s.whole += n;
          if (p2 == per) s.part += n;
        }
        if (s.whole == 0) continue;
        best.total += s.whole;
        shares.push_back(s);
      }
      if (shares.size() < 2) continue;
      // The outlet that stands furthest from the mean of the others, against the one furthest
      // from it: a contrast a room can see in the highlighted text.
      double sum = 0;
      for (const NamingShare& s : shares) sum += s.share();
      for (const NamingShare& s : shares) {
        const double others = (sum - s.share()) / static_cast<double>(shares.size() - 1);
        const double gap = std::abs(s.share() - others);
        if (first || gap > best.gap) {
          best.gap = gap;
          best.high = s;
        }
        first = false;
      }
      best.low = shares.front().outlet == best.high.outlet ? shares[1] : shares.front();
      for (const NamingShare& s : shares) {
        if (s.outlet == best.high.outlet) continue;
        if (std::abs(s.share() - best.high.share()) >
            std::abs(best.low.share() - best.high.share()))
          best.low = s;
      }
      best.gap += 0.01 * static_cast<double>(shares.size());
      if (best.high.share() > best.low.share()) best.gap += 0.001;  // say what the outlet does
      best.others = NamingShare{best.high.outlet, 0, 0};
      for (const NamingShare& s : shares) {
        if (s.outlet == best.high.outlet) continue;
        best.others.part += s.part;
        best.others.whole += s.whole;
      }
      if (best.gap >= 0.5) naming.push_back(best);
    }
  }
  std::stable_sort(naming.begin(), naming.end(),
                   [](const NamingCandidate& a, const NamingCandidate& b) {
                     return a.gap != b.gap ? a.gap > b.gap : a.total > b.total;
                   });
  std::set<std::string> used_concepts;
  for (const NamingCandidate& n : naming) {
    if (used_concepts.size() >= 2 || used_concepts.count(n.concept_id)) continue;
    used_concepts.insert(n.concept_id);
    DiscussionPrompt prompt;
    prompt.kind = "naming";
    std::string label = n.concept_id;
    const OutletProfile& hi = outlets[n.high.outlet];
    const OutletProfile& lo = outlets[n.low.outlet];
    auto evidence_of = [&](const OutletProfile& p, bool want_perspective) {
      for (const ConceptUse& c : p.naming) {
        if (c.concept_id != n.concept_id) continue;
        label = ConceptLabel(c.concept_id, c.label);
        for (const VariantUse& v : c.variants) {
          if ((v.perspective == n.perspective) != want_perspective || v.own == 0) continue;
          for (const Evidence& e : v.evidence) {
            if (e.voice == "own") return std::make_pair(Show(ShownForm(v.form, v.matched)), e);
          }
        }
      }
      return std::make_pair(std::string(), Evidence{});
    };
    const bool hi_has = n.high.share() >= n.low.share();
    const auto [hi_form, hi_ev] = evidence_of(hi, hi_has);
    const auto [lo_form, lo_ev] = evidence_of(lo, !hi_has);
    const std::string per_label = PerspectiveLabel(n.perspective);
    prompt.text =
        Fill(tr.TrN("Naming of {concept}: {outlet} uses {perspective} forms in {part} of {whole} "
                    "own-voice choice",
                    "Naming of {concept}: {outlet} uses {perspective} forms in {part} of {whole} "
                    "own-voice choices",
                    static_cast<unsigned long>(n.high.whole)),
             {{"concept", label},
              {"outlet", OutletLabel(hi.outlet)},
              {"perspective", per_label},
              {"part", std::to_string(n.high.part)},
              {"whole", std::to_string(n.high.whole)}}) +
        (hi_form.empty()
             ? ""
             : " " + Fill(tr.Tr("(it writes {form})"), {{"form", InQuotes(tr, hi_form)}})) +
        Fill(tr.Tr("; the other outlets in {part} of {whole}"),
             {{"part", std::to_string(n.others.part)}, {"whole", std::to_string(n.others.whole)}}) +
        (lo_form.empty()
             ? ""
             : " " + Fill(tr.Tr("({outlet} writes {form})"),
                          {{"outlet", OutletLabel(lo.outlet)}, {"form", InQuotes(tr, lo_form)}})) +
        ". " + tr.Tr("What does each choice of name signal to a reader, and to whom?");
    prompt.basis = Fill(tr.Tr("own-voice share of {perspective} forms for {concept}: {share} vs "
                              "{others} in the other outlets"),
                        {{"perspective", per_label},
                         {"concept", label},
                         {"share", Percent(n.high.part, n.high.whole)},
                         {"others", Percent(n.others.part, n.others.whole)}});
    if (!hi_form.empty()) prompt.evidence.push_back(hi_ev);
    if (!lo_form.empty()) prompt.evidence.push_back(lo_ev);
    prompts_.push_back(std::move(prompt));
  }

  // 2. Loaded terms used only in others' words (quotations or reported speech), across all
  // outlets.
  struct LoadedCandidate {
    std::string form;
    std::vector<std::string> matched;
    std::string perspective;
    int quoted = 0;
    std::vector<std::string> who;  // "speaker (outlet)"
    std::vector<Evidence> evidence;
  };
  std::map<std::string, LoadedCandidate> loaded;
  std::set<std::string> loaded_own;
  for (const OutletProfile& p : outlets) {
    for (const LoadedTermUse& t : p.loaded) {
      if (t.own > 0) loaded_own.insert(t.form);
      if (t.quoted + t.reported == 0) continue;
      LoadedCandidate& c = loaded[t.form];
      c.form = t.form;
      MergeMatched(t.matched, &c.matched);
      c.perspective = t.perspective;
      c.quoted += t.quoted + t.reported;
      for (const std::string& s : t.speakers) {
        c.who.push_back(Fill(tr.Tr("{speaker} in {outlet}"),
                             {{"speaker", ShowSpeaker(s)}, {"outlet", OutletLabel(p.outlet)}}));
      }
      if (t.speakers.empty()) {
        c.who.push_back(Fill(tr.Tr("an unattributed speaker in {outlet}"),
                             {{"outlet", OutletLabel(p.outlet)}}));
      }
      for (const Evidence& e : t.evidence) {
        if ((e.voice == "quoted" || e.voice == "reported") && c.evidence.size() < 4)
          c.evidence.push_back(e);
      }
    }
  }
  std::vector<LoadedCandidate> only_quoted;
  for (auto& [form, c] : loaded) {
    if (!loaded_own.count(form)) only_quoted.push_back(c);
  }
  std::stable_sort(
      only_quoted.begin(), only_quoted.end(),
      [](const LoadedCandidate& a, const LoadedCandidate& b) { return a.quoted > b.quoted; });
  for (std::size_t i = 0; i < only_quoted.size() && i < 2; ++i) {
    const LoadedCandidate& c = only_quoted[i];
    DiscussionPrompt prompt;
    prompt.kind = "loaded-quoted";
    std::string who;
    for (std::size_t k = 0; k < c.who.size(); ++k) who += (k ? "; " : "") + c.who[k];
    const std::string shown = Show(ShownForm(c.form, c.matched));
    prompt.text = Fill(tr.Tr("The loaded term {term} appears only in others' words, quoted or "
                             "reported ({who}), never in an outlet's own voice. Why might outlets "
                             "report the term but not use it themselves?"),
                       {{"term", InQuotes(tr, shown)}, {"who", who}});
    prompt.basis = Fill(tr.Tr("{term}: {n} quoted or reported, 0 own-voice uses"),
                        {{"term", InQuotes(tr, shown)}, {"n", std::to_string(c.quoted)}});
    prompt.evidence = c.evidence;
    prompts_.push_back(std::move(prompt));
  }

  // 3. Voices: the narrowest and the widest range of quoted perspectives.
  auto perspectives_quoted = [](const OutletProfile& p) {
    std::set<std::string> s;
    for (const VoiceUse& v : p.voices) s.insert(v.perspective);
    return s;
  };
  std::size_t widest = 0;
  std::size_t narrowest = 0;
  for (std::size_t oi = 1; oi < outlets.size(); ++oi) {
    const std::size_t v = outlets[oi].voices.size();
    const std::size_t best = outlets[widest].voices.size();
    if (v > best || (v == best && perspectives_quoted(outlets[oi]).size() >
                                      perspectives_quoted(outlets[widest]).size())) {
      widest = oi;
    }
  }
  narrowest = widest;
  for (std::size_t oi = 0; oi < outlets.size(); ++oi) {
    if (!outlets[oi].voices.empty() && outlets[oi].voices.size() < outlets[narrowest].voices.size())
      narrowest = oi;
  }
  if (widest != narrowest && outlets[widest].voices.size() > outlets[narrowest].voices.size()) {
    auto describe = [&](const OutletProfile& p) {
      std::string s;
      std::map<std::string, int> words;
      for (const VoiceUse& v : p.voices) {
        words[PerspectiveLabel(v.perspective)] += v.words + v.reported_words;
      }
      for (const auto& [label, n] : words) {
        s += (s.empty() ? "" : ", ") + label + " " +
             Fill(tr.TrN("{n} word", "{n} words", static_cast<unsigned long>(n)),
                  {{"n", std::to_string(n)}});
      }
      return s.empty() ? tr.Tr("no voices quoted or reported") : s;
    };
    DiscussionPrompt prompt;
    prompt.kind = "voices";
    const OutletProfile& w = outlets[widest];
    const OutletProfile& n = outlets[narrowest];
    std::string narrow_names;
    for (const VoiceUse& v : n.voices)
      narrow_names += (narrow_names.empty() ? "" : ", ") + ShowSpeaker(v.speaker);
    auto quotes = [&](const OutletProfile& p) {
      return Fill(tr.TrN("{outlet} quotes or reports {n} voice",
                         "{outlet} quotes or reports {n} voices", p.voices.size()),
                  {{"outlet", OutletLabel(p.outlet)}, {"n", std::to_string(p.voices.size())}});
    };
    prompt.text = quotes(w) + " (" + describe(w) + "); " + quotes(n) +
                  (narrow_names.empty() ? "" : " (" + narrow_names + ": " + describe(n) + ")") +
                  ".";
    std::string silent;
    std::size_t silent_count = 0;
    for (const OutletProfile& p : outlets) {
      if (!p.voices.empty()) continue;
      silent += (silent.empty() ? "" : ", ") + OutletLabel(p.outlet);
      ++silent_count;
    }
    if (!silent.empty()) {
      prompt.text += " " + Fill(tr.TrN("{outlets} quotes or reports no one.",
                                       "{outlets} quote or report no one.", silent_count),
                                {{"outlets", silent}});
    }
    prompt.text +=
        " " + tr.Tr("Whose account does a reader of each outlet hear, and whose is missing?");
    prompt.basis = Fill(tr.Tr("distinct voices quoted or reported: {widest} vs {narrowest}"),
                        {{"widest", std::to_string(w.voices.size())},
                         {"narrowest", std::to_string(n.voices.size())}});
    for (const OutletProfile* p : {&w, &n}) {
      for (const VoiceUse& v : p->voices) {
        if (!v.evidence.empty() && prompt.evidence.size() < 5)
          prompt.evidence.push_back(v.evidence.front());
      }
    }
    prompts_.push_back(std::move(prompt));
  }

  // 4. Claims with omissions: carried by the most outlets, missing from others.
  int claim_prompts = 0;
  std::vector<const Claim*> by_reach = claims_;
  std::stable_sort(by_reach.begin(), by_reach.end(), CarriedByMore);
  for (const Claim* c : by_reach) {
    if (claim_prompts >= 2) break;
    if (c->missing_outlets.empty() || c->passages.empty() || c->outlets.size() < 2) continue;
    bool short_passage = false;
    for (const Passage& p : c->passages) {
      std::size_t words = 0;
      bool in_word = false;
      for (char ch : p.text) {
        const bool space = ch == ' ' || ch == '\n' || ch == '\t';
        if (!space && !in_word) ++words;
        in_word = !space;
      }
      short_passage = short_passage || words < 8;
    }
    if (short_passage) continue;
    DiscussionPrompt prompt;
    prompt.kind = "claim";
    std::string carried;
    for (const std::string& o : c->outlets)
      carried += (carried.empty() ? "" : ", ") + OutletLabel(o);
    std::string missing;
    for (const std::string& o : c->missing_outlets)
      missing += (missing.empty() ? "" : ", ") + OutletLabel(o);
    const Passage& first = c->passages.front();
    prompt.text =
        Fill(tr.TrN("{outlets} reports this:", "{outlets} report this:", c->outlets.size()),
             {{"outlets", carried}}) +
        " " + InQuotes(tr, Excerpt(first.article_id, first.span.begin, first.span.end, 200)) +
        " — " +
        Fill(tr.TrN("{outlets} does not.", "{outlets} do not.", c->missing_outlets.size()),
             {{"outlets", missing}}) +
        " " + tr.Tr("How does the story change without it?");
    prompt.basis = Fill(tr.Tr("claim {id}: carried by {carried}, not by {missing}"),
                        {{"id", c->id},
                         {"carried", std::to_string(c->outlets.size())},
                         {"missing", std::to_string(c->missing_outlets.size())}});
    for (const Passage& p : c->passages) {
      if (prompt.evidence.size() < 5)
        prompt.evidence.push_back(Evidence{p.article_id, p.span.begin, p.span.end, "own", ""});
    }
    prompts_.push_back(std::move(prompt));
    ++claim_prompts;
  }

  // 5. Distancing: scare quotes inside a distancing construction first.
  const DistancingUse* scare = nullptr;
  const OutletProfile* scare_outlet = nullptr;
  for (const OutletProfile& p : outlets) {
    for (const DistancingUse& d : p.distancing) {
      if (d.kind != "scare-quote") continue;
      if (scare == nullptr || (scare->cue.empty() && !d.cue.empty())) {
        scare = &d;
        scare_outlet = &p;
      }
    }
  }
  if (scare != nullptr) {
    int others = 0;
    for (const OutletProfile& p : outlets) {
      for (const DistancingUse& d : p.distancing)
        others += (&p != scare_outlet && d.kind == "scare-quote");
    }
    DiscussionPrompt prompt;
    prompt.kind = "distancing";
    prompt.text = Fill(tr.Tr("{outlet} puts ‘{words}’ in quotation marks with no speaker"),
                       {{"outlet", OutletLabel(scare_outlet->outlet)},
                        {"words", Show(CollapseSpace(scare->text))}}) +
                  (scare->cue.empty() ? "" : " (" + InQuotes(tr, scare->cue) + ")") + ". " +
                  tr.Tr("Whose word is it, and what do the quotation marks tell the reader?");
    prompt.basis =
        Fill(tr.Tr("scare quotes: {n} in the other outlets"), {{"n", std::to_string(others)}});
    prompt.evidence.push_back(scare->evidence);
    prompts_.push_back(std::move(prompt));
  }
}

std::string ReportingCuesSentence(
    const std::vector<std::pair<std::string, std::size_t>>& languages_without_cues,
    const Messages& m) {
  if (languages_without_cues.empty()) return "";
  std::string languages;
  std::size_t articles = 0;
  for (const auto& [language, n] : languages_without_cues) {
    languages += (languages.empty() ? "" : ", ") + language;
    articles += n;
  }
  return Fill(m.TrN("No reporting cues for {languages} ({n} article): quotations there stay "
                    "unattributed and reported speech is not found. Add the reporting verbs "
                    "of {languages} as cues to a lexicon of your own (lexicons/README.md) and "
                    "pass it with --lexicon.",
                    "No reporting cues for {languages} ({n} articles): quotations there stay "
                    "unattributed and reported speech is not found. Add the reporting verbs "
                    "of {languages} as cues to a lexicon of your own (lexicons/README.md) and "
                    "pass it with --lexicon.",
                    static_cast<unsigned long>(articles)),
              {{"languages", languages}, {"n", std::to_string(articles)}});
}

std::string LexiconFitSentence(const LexiconFit& fit, const Messages& m) {
  if (fit.everywhere) {
    return Fill(m.Tr("Lexicon {lexicon} applies to every article: it names no place, region, "
                     "polity, route, law, conflict, population or actor, so nothing keeps it to "
                     "its story and its words "
                     "colour every outlet whatever the story. Give the concepts that name its "
                     "places a category (place, region, polity, route, law, conflict or "
                     "population), or add its actors, to keep it to its story."),
                {{"lexicon", fit.lexicon}});
  }
  const std::string counts =
      Fill(m.TrN("{n} of {articles} article names its places, regions, routes, laws or actors",
                 "{n} of {articles} articles name its places, regions, routes, laws or actors",
                 static_cast<unsigned long>(fit.articles)),
           {{"n", std::to_string(fit.in_scope)}, {"articles", std::to_string(fit.articles)}});
  if (fit.fits) {
    return Fill(m.Tr("Lexicon {lexicon} fits this story: {counts}."),
                {{"lexicon", fit.lexicon}, {"counts", counts}});
  }
  if (fit.chosen) {
    return Fill(m.Tr("Lexicon {lexicon}, given with --lexicon, fits this story poorly: {counts}. "
                     "It counts in every article all the same. Its scope is the variants of its "
                     "concepts of category place, region, polity, route, law, conflict or "
                     "population, and its actors: add the names of this story's places and "
                     "actors there to widen it."),
                {{"lexicon", fit.lexicon}, {"counts", counts}});
  }
  return Fill(m.Tr("Lexicon {lexicon} does not fit this story: {counts}, so its words colour no "
                   "outlet outside them."),
              {{"lexicon", fit.lexicon}, {"counts", counts}});
}

std::vector<std::string> LexiconFitSentences(const std::vector<LexiconFit>& fits,
                                             const std::string& story, const Messages& m) {
  std::vector<std::string> out;
  bool none_fits = !fits.empty();
  bool unfit = false;
  for (const LexiconFit& fit : fits) {
    out.push_back(LexiconFitSentence(fit, m));
    none_fits &= !fit.fits;
    unfit |= !fit.fits && !fit.chosen && !fit.everywhere;
  }
  if (unfit) {
    out.push_back(Fill(none_fits ? m.Tr("No story lexicon fits these articles. Draft one from them "
                                        "with 'parallax lexicon draft {folder} -o draft.xml', "
                                        "review it and pass it with --lexicon.")
                                 : m.Tr("For a story a lexicon does not fit, draft one from its "
                                        "articles with 'parallax lexicon draft {folder} -o "
                                        "draft.xml', review it and pass it with --lexicon."),
                       {{"folder", story.empty() ? "FOLDER" : story}}));
  }
  return out;
}

}  // namespace parallax
