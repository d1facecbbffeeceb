#include "report/html_report.h"

#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>
#include <libxml/xmlIO.h>
#include <libxml/xmlsave.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <memory>
#include <queue>
#include <set>

#include "i18n/messages.h"
#include "report/html_layout.h"
#include "report/report_words.h"

namespace parallax {
namespace {

using Node = xmlNodePtr;

const xmlChar* X(const char* s) { return reinterpret_cast<const xmlChar*>(s); }
const xmlChar* X(const std::string& s) { return reinterpret_cast<const xmlChar*>(s.c_str()); }

// Element helpers. Text always goes through xmlNewText / xmlNewProp, which the serializer
// escapes; no corpus text is ever parsed as markup.
Node El(Node parent, const char* name) {
  Node n = xmlNewNode(nullptr, X(name));
  xmlAddChild(parent, n);
  return n;
}
void Text(Node parent, const std::string& text) {
  if (!text.empty()) xmlAddChild(parent, xmlNewText(X(text)));
}
Node El(Node parent, const char* name, const std::string& text) {
  Node n = El(parent, name);
  Text(n, text);
  return n;
}
Node Attr(Node n, const char* name, const std::string& value) {
  xmlNewProp(n, X(name), X(value));
  return n;
}
// A block element on its own line (newline text nodes between blocks keep the file diffable).
Node Block(Node parent, const char* name) {
  Text(parent, "\n");
  return El(parent, name);
}
Node Link(Node parent, const std::string& href, const std::string& text) {
  Node a = El(parent, "a", text);
  Attr(a, "href", "#" + href);
  return a;
}

std::string Num(double x, int decimals) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, x);
  return buf;
}

std::string CssId(const std::string& s) {
  std::string out;
  for (char c : s) {
    const bool ok =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
    out += ok ? c : '-';
  }
  return out.empty() ? "none" : out;
}

class HtmlBuilder {
 public:
  explicit HtmlBuilder(const StoryReport& r) : r_(r), m_(r.messages()) {}

  std::string Build() {
    doc_ = htmlNewDocNoDtD(nullptr, nullptr);
    xmlCreateIntSubset(doc_, X("html"), nullptr, nullptr);
    Node html = xmlNewNode(nullptr, X("html"));
    xmlDocSetRootElement(doc_, html);
    Attr(html, "lang", m_.language());
    Node head = Block(html, "head");
    Attr(El(head, "meta"), "charset", "utf-8");
    Node viewport = El(head, "meta");
    Attr(viewport, "name", "viewport");
    Attr(viewport, "content", "width=device-width, initial-scale=1");
    El(head, "title", Title());
    Node style = El(head, "style");
    Text(style, ReportCss() + PerspectiveCss());
    Node body = Block(html, "body");
    Header(body);
    AtAGlance(Section(body, "at-a-glance", m_.Tr("The story at a glance")));
    Naming(Section(body, "naming", m_.Tr("Naming choices")));
    Loaded(Section(body, "loaded-terms", m_.Tr("Loaded terms")));
    Voices(Section(body, "voices", m_.Tr("Voices: who is quoted")));
    Distancing(Section(body, "distancing", m_.Tr("Distancing")));
    EventsClaims(Section(body, "events-claims", m_.Tr("Events and claims side by side")));
    Articles(Section(body, "articles", m_.Tr("The articles, highlighted")));
    Boilerplate(Section(body, "boilerplate", m_.Tr("What cleaning removed")));
    Prompts(Section(body, "prompts", m_.Tr("Discussion prompts")));
    Method(Section(body, "method", m_.Tr("Method and provenance")));
    Text(body, "\n");
    Text(html, "\n");
    // Serialised as UTF-8 (not as character entities): the meta charset says so.
    xmlOutputBufferPtr buffer = xmlAllocOutputBuffer(nullptr);
    htmlDocContentDumpFormatOutput(buffer, doc_, "UTF-8", 0);
    std::string out(reinterpret_cast<const char*>(xmlOutputBufferGetContent(buffer)),
                    xmlOutputBufferGetSize(buffer));
    xmlOutputBufferClose(buffer);
    xmlFreeDoc(doc_);
    if (out.empty() || out.back() != '\n') out += '\n';
    return out;
  }

 private:
  std::string Title() const { return ReportTitle(r_); }

  std::string PerspectiveCss() const {
    std::string css;
    for (const Perspective& p : r_.lexicon().perspectives) {
      css += ".p-" + CssId(p.id) + "{--pc:" + p.colour + ";--pb:" + p.colour + "2e}\n";
    }
    return css;
  }

  Node Section(Node body, const char* id, const std::string& title) {
    Node s = Block(body, "section");
    Attr(s, "id", id);
    El(s, "h2", title);
    return s;
  }

  void Chip(Node parent, const std::string& perspective) {
    Node c = El(parent, "span");
    Attr(c, "class", "chip");
    Attr(c, "style", "background:" + r_.PerspectiveColour(perspective));
  }

  void EvidenceLink(Node parent, const Evidence& e, const std::string& text) {
    Link(parent, r_.Anchor(e.article, e.start), text);
  }

  // A table with key columns (header class, which fixes the width; header text) and then a
  // column per outlet of group [first, second) of `outlets` (their labels); its caption names
  // the group when the outlets are split (see OutletGroups). Returns the table's body.
  Node MatrixTable(Node s, const std::pair<std::size_t, std::size_t>& group,
                   const std::vector<std::string>& outlets,
                   const std::vector<std::pair<const char*, const char*>>& keys) {
    Node wrap = Block(s, "div");
    Attr(wrap, "class", "table-wrap");
    Node table = El(wrap, "table");
    Attr(table, "class", "matrix");
    if (group.second - group.first < outlets.size()) {
      El(table, "caption",
         Fill(m_.Tr("Outlets {first} to {last} of {count}"),
              {{"first", std::to_string(group.first + 1)},
               {"last", std::to_string(group.second)},
               {"count", std::to_string(outlets.size())}}));
    }
    Node tr = El(El(table, "thead"), "tr");
    for (const auto& [cls, text] : keys) Attr(El(tr, "th", m_.Tr(text)), "class", cls);
    for (std::size_t i = group.first; i < group.second; ++i) El(tr, "th", outlets[i]);
    return El(table, "tbody");
  }

  // Labels of the outlets, in the order of the measures' profiles.
  std::vector<std::string> ProfileLabels() const {
    std::vector<std::string> labels;
    for (const OutletProfile& p : r_.measures().outlets) labels.push_back(r_.OutletLabel(p.outlet));
    return labels;
  }

  // Labels of the outlets, in the order of their first article.
  std::vector<std::string> OutletLabels() const {
    std::vector<std::string> labels;
    for (const std::string& o : r_.outlet_ids()) labels.push_back(r_.OutletLabel(o));
    return labels;
  }

  void Header(Node body) {
    Node h = Block(body, "header");
    El(h, "h1", Title());
    std::set<std::string> languages;
    for (const Article& a : r_.articles()) languages.insert(a.language);
    std::string dates;
    std::optional<Date> first, last;
    for (const Article& a : r_.articles()) {
      if (!a.date) continue;
      if (!first || *a.date < *first) first = a.date;
      if (!last || *a.date > *last) last = a.date;
    }
    const std::string counts = ArticlesFromOutlets(r_);
    std::string line = counts;
    if (first && *last == *first) {
      line = Fill(m_.Tr("{articles_from_outlets}, published {date}"),
                  {{"articles_from_outlets", counts}, {"date", m_.FormatDate(*first)}});
    } else if (first) {
      line = Fill(m_.Tr("{articles_from_outlets}, published from {first} to {last}"),
                  {{"articles_from_outlets", counts},
                   {"first", m_.FormatDate(*first)},
                   {"last", m_.FormatDate(*last)}});
    }
    El(h, "p", EndSentence(line));
    if (const std::string left_out = LeftOutSentence(r_); !left_out.empty()) {
      Attr(El(h, "p", left_out), "class", "warning");
    }
    if (r_.options().blind) El(h, "p", BlindEditionNote(m_));
    Node nav = El(h, "nav");
    Attr(nav, "aria-label", m_.Tr("Sections"));
    Node ol = El(nav, "ol");
    const char* titles[] = {N_("At a glance"), N_("Naming"),     N_("Loaded terms"),
                            N_("Voices"),      N_("Distancing"), N_("Events and claims"),
                            N_("Articles"),    N_("Removed"),    N_("Prompts"),
                            N_("Method")};
    for (std::size_t i = 0; i < std::size(kReportSections); ++i) {
      Link(El(ol, "li"), kReportSections[i], m_.Tr(titles[i]));
    }
  }

  // The perspectives the report's colours can show: those of the words highlighted (a story
  // lexicon that does not fit highlights none outside its scope) and of the speakers heard in
  // these articles, not every perspective the loaded lexicons declare (a Karabakh story needs
  // no Georgian parties in its legend).
  void Legend(Node parent) {
    std::set<std::string> shown;
    for (std::size_t i = 0; i < r_.annotations().size(); ++i) {
      for (const Highlight& h : r_.highlights(i)) shown.insert(h.perspective);
    }
    for (const ArticleAnnotations& a : r_.annotations()) {
      // A match's speaker is one of the quotations' or relations' below.
      for (const Quote& q : a.quotes) shown.insert(q.perspective.str());
      for (const AttributionRelation& t : a.attributions) shown.insert(t.perspective.str());
    }
    Node ul = Block(parent, "ul");
    Attr(ul, "class", "legend");
    for (const Perspective& p : r_.lexicon().perspectives) {
      if (shown.count(p.id) == 0) continue;
      Node li = El(ul, "li");
      Chip(li, p.id);
      Text(li, r_.PerspectiveLabel(p.id));
    }
    Node li = El(ul, "li");
    Chip(li, "");
    Text(li, r_.PerspectiveLabel(""));
  }

  void AtAGlance(Node s) {
    El(s, "p",
       m_.Tr("Each article as published. Colours in the following sections mark whose usage a "
             "word reflects, as recorded in the lexicon; they do not say which usage is right."));
    Legend(s);
    Node wrap = Block(s, "div");
    Attr(wrap, "class", "table-wrap");
    Node table = El(wrap, "table");
    Node tr = El(El(table, "thead"), "tr");
    for (const char* h :
         {N_("Outlet"), N_("Date"), N_("Genre"), N_("Language"), N_("Headline"), N_("Words")})
      El(tr, "th", m_.Tr(h));
    Node tbody = El(table, "tbody");
    for (std::size_t i = 0; i < r_.articles().size(); ++i) {
      const Article& a = r_.articles()[i];
      Node row = Block(tbody, "tr");
      Node outlet = El(row, "td");
      Text(outlet, r_.OutletLabel(a.outlet));
      Attr(El(row, "td", a.date ? m_.FormatDate(*a.date) : m_.Tr("undated")), "class", "date");
      El(row, "td", GenreName(m_, a.genre));
      El(row, "td", a.language);
      Link(El(row, "td"), "article-" + r_.ArticleLabel(a.id), r_.Show(a.title));
      Attr(El(row, "td", m_.FormatInt(static_cast<long long>(r_.annotations()[i].words))), "class",
           "num");
    }
    if (r_.measures().thin_evidence) {
      El(s, "p",
         m_.Tr("Thin evidence: fewer than three articles per outlet. The figures describe these "
               "articles, not the outlets' coverage in general; counts are shown beside every "
               "share."));
    }
    const std::vector<LexiconFit>& fits = r_.measures().lexicon_fit;
    const std::vector<std::string> sentences = LexiconFitSentences(fits, r_.story(), m_);
    for (std::size_t i = 0; i < sentences.size(); ++i) {
      Node p = El(s, "p", sentences[i]);
      if (i >= fits.size() || !fits[i].fits) Attr(p, "class", "warning");
    }
    const std::string cues = ReportingCuesSentence(r_.languages_without_cues(), m_);
    if (!cues.empty()) Attr(El(s, "p", cues), "class", "warning");
  }

  // Naming: rows are concepts, columns outlets.
  // Hover text: the keys that joined an event or claim ("joined by: blocked (5), Lachin corridor
  // (4), 2022-12-12 (3)").
  std::string WhyAligned(const std::vector<JoiningKey>& keys) const {
    std::string list;
    std::set<std::string> shown;  // a word and its name key read the same
    for (const JoiningKey& k : keys) {
      const std::string as = r_.Show(k.as);
      if (!shown.insert(as).second) continue;
      list += (shown.size() > 1 ? ", " : "") + as + " (" + std::to_string(k.articles) + ")";
    }
    return Fill(m_.Tr("Joined by what its passages share: {keys}"), {{"keys", list}});
  }

  void Naming(Node s) {
    if (const std::string none = NoNamingSentence(r_); !none.empty()) {
      El(s, "p", none);
      return;
    }
    El(s, "p",
       m_.Tr("Which name each outlet uses for things that have competing names. Each cell lists "
             "the forms in the outlet's own voice, then those inside quotations, in reported "
             "speech and held at a distance (scare quotes, “so-called”: shown, not chosen); its "
             "colour is the perspective of most own-voice forms. Click a form to see it in the "
             "text."));
    NamingChart(s);
    std::vector<std::pair<std::string, std::string>> concepts;  // id, label
    std::map<std::string, int> outlets_using;
    for (const OutletProfile& p : r_.measures().outlets) {
      for (const ConceptUse& c : p.naming) {
        if (!outlets_using.count(c.concept_id)) concepts.push_back({c.concept_id, c.label});
        ++outlets_using[c.concept_id];
      }
    }
    std::stable_sort(concepts.begin(), concepts.end(), [&](const auto& a, const auto& b) {
      return outlets_using[a.first] > outlets_using[b.first];
    });
    const auto& outlets = r_.measures().outlets;
    for (const auto& group : OutletGroups(outlets.size())) {
      NamingTable(s, concepts, group);
    }
  }

  void NamingTable(Node s, const std::vector<std::pair<std::string, std::string>>& concepts,
                   const std::pair<std::size_t, std::size_t>& group) {
    const auto& outlets = r_.measures().outlets;
    Node tbody = MatrixTable(s, group, ProfileLabels(), {{"key", N_("Concept")}});
    for (const auto& [cid, label] : concepts) {
      Node row = Block(tbody, "tr");
      Node th = El(row, "th", r_.ConceptLabel(cid, label));
      if (const std::string note = r_.ConceptNote(cid); !note.empty())
        Attr(El(th, "div", r_.Show(note)), "class", "note");
      for (std::size_t i = group.first; i < group.second; ++i) {
        const OutletProfile& p = outlets[i];
        Node td = El(row, "td");
        const ConceptUse* use = nullptr;
        for (const ConceptUse& c : p.naming) {
          if (c.concept_id == cid) use = &c;
        }
        if (use == nullptr) {
          Attr(td, "class", "absent");
          Text(td, "—");
          continue;
        }
        std::string dominant;
        int best = 0;
        int own_total = 0;
        for (const auto& [per, n] : use->own_by_perspective) {
          own_total += n;
          if (n > best) {
            best = n;
            dominant = per;
          }
        }
        if (own_total > 0) {
          Attr(td, "class", "p-" + CssId(dominant));
          Attr(td, "style", "background:var(--pb);border-left:5px solid var(--pc)");
        }
        for (const VariantUse& v : use->variants) {
          Node line = El(td, "span");
          Attr(line, "class", "variant");
          Chip(line, v.perspective);
          if (!v.evidence.empty()) {
            EvidenceLink(line, v.evidence.front(), r_.Show(ShownForm(v.form, v.matched)));
          } else {
            Text(line, r_.Show(ShownForm(v.form, v.matched)));
          }
          std::string counts = " " + std::to_string(v.own);
          if (v.quoted > 0)
            counts += " + " + Fill(m_.Tr("{n} quoted"), {{"n", std::to_string(v.quoted)}});
          if (v.reported > 0)
            counts += " + " + Fill(m_.Tr("{n} reported"), {{"n", std::to_string(v.reported)}});
          if (v.distanced > 0) {
            counts +=
                " + " + Fill(m_.Tr("{n} held at a distance"), {{"n", std::to_string(v.distanced)}});
          }
          Text(line, counts);
          Attr(line, "title",
               Fill(m_.Tr("{perspective} usage"),
                    {{"perspective", r_.PerspectiveLabel(v.perspective)}}));
        }
        for (const auto& [first, second] : r_.Bracketed(p.outlet, cid)) {
          Attr(El(td, "span",
                  Fill(m_.Tr("written “{first} ({second})”"),
                       {{"first", r_.Show(first)}, {"second", r_.Show(second)}})),
               "class", "variant note");
        }
      }
    }
  }

  // Bar charts: a row per outlet, its name on a line of its own above a bar that may take the
  // whole width, so that neither a long outlet name nor a total after the bar is ever clipped.
  static constexpr int kChartWidth = 760, kChartLabelHeight = 20, kChartBarHeight = 24,
                       kChartRow = kChartLabelHeight + kChartBarHeight + 10;
  // An upper bound on the width of a character at font-size 14 to 15 (DejaVu Sans: 0.64 em).
  static constexpr double kChartDigitWidth = 9.6;

  void ChartLabel(Node svg, int y, const std::string& text) {
    Node label = El(svg, "text", text);
    Attr(label, "x", "0");
    Attr(label, "y", std::to_string(y + kChartLabelHeight - 5));
    Attr(label, "font-size", "15");
  }

  // One segment of a chart's bar.
  Node ChartBar(Node parent, double x, int y, double w, const std::string& fill) {
    Node rect = El(parent, "rect");
    Attr(rect, "x", Num(x, 1));
    Attr(rect, "y", std::to_string(y));
    Attr(rect, "width", Num(w, 1));
    Attr(rect, "height", std::to_string(kChartBarHeight));
    Attr(rect, "fill", fill);
    return rect;
  }

  // A stacked bar per outlet: own-voice naming forms by perspective, over all concepts.
  void NamingChart(Node s) {
    const auto& outlets = r_.measures().outlets;
    Node fig = Block(s, "figure");
    Node svg = El(fig, "svg");
    const int height = static_cast<int>(outlets.size()) * kChartRow + 4;
    Attr(svg, "viewBox", "0 0 " + std::to_string(kChartWidth) + " " + std::to_string(height));
    Attr(svg, "width", std::to_string(kChartWidth));
    Attr(svg, "height", std::to_string(height));
    Attr(svg, "role", "img");
    Attr(svg, "aria-label", m_.Tr("Own-voice naming forms by perspective, per outlet"));
    int y = 2;
    for (const OutletProfile& p : outlets) {
      std::map<std::string, int> by;
      std::map<std::string, const Evidence*> first;
      int total = 0;
      for (const ConceptUse& c : p.naming) {
        for (const VariantUse& v : c.variants) {
          for (const Evidence& e : v.evidence) {
            if (e.voice != "own") continue;  // quoted, reported and held at a distance
            ++by[v.perspective];
            ++total;
            if (!first.count(v.perspective)) first[v.perspective] = &e;
          }
        }
      }
      ChartLabel(svg, y, r_.OutletLabel(p.outlet));
      const int bar_y = y + kChartLabelHeight;
      double x = 0;
      const double scale = total > 0 ? (kChartWidth - 10.0) / total : 0;
      for (const Perspective& per : r_.lexicon().perspectives) {
        for (const std::string& id : {per.id}) {
          if (!by.count(id)) continue;
          Node a = El(svg, "a");
          Attr(a, "href", "#" + r_.Anchor(first[id]->article, first[id]->start));
          const double w = by[id] * scale;
          Node rect = ChartBar(a, x, bar_y, w, r_.PerspectiveColour(id));
          El(rect, "title",
             Fill(m_.Tr("{perspective}: {part} of {whole} ({percent})"),
                  {{"perspective", r_.PerspectiveLabel(id)},
                   {"part", std::to_string(by[id])},
                   {"whole", std::to_string(total)},
                   {"percent", Percent(by[id], total)}}));
          const std::string count = std::to_string(by[id]);
          if (w > 10 + kChartDigitWidth * static_cast<double>(count.size())) {
            Node t = El(a, "text", count);
            Attr(t, "x", Num(x + 5, 1));
            Attr(t, "y", std::to_string(bar_y + kChartBarHeight - 7));
            Attr(t, "font-size", "14");
            Attr(t, "fill", "#000");
          }
          x += w;
        }
      }
      if (by.count("")) {
        Node a = El(svg, "a");
        Attr(a, "href", "#" + r_.Anchor(first[""]->article, first[""]->start));
        const double w = by[""] * scale;
        Node rect = ChartBar(a, x, bar_y, w, r_.PerspectiveColour(""));
        El(rect, "title",
           Fill(m_.Tr("{perspective}: {part} of {whole}"),
                {{"perspective", r_.PerspectiveLabel("")},
                 {"part", std::to_string(by[""])},
                 {"whole", std::to_string(total)}}));
      }
      y += kChartRow;
    }
    El(fig, "figcaption",
       m_.Tr("Naming forms in each outlet's own voice, by the perspective whose usage they "
             "reflect (all concepts together; counts in the bars; click a bar for the first "
             "occurrence)."));
  }

  void Loaded(Node s) {
    El(s, "p",
       m_.Tr("Words the lexicon records as loaded, in the outlet's own voice, inside quotations "
             "and in reported speech (“X said that …”), with who said them. Rates "
             "are per 1,000 words of the outlet's articles."));
    const auto& outlets = r_.measures().outlets;
    std::vector<std::string> forms;
    std::map<std::string, const LoadedTermUse*> any;
    std::map<std::string, std::vector<std::string>> matched;  // over all outlets
    for (const OutletProfile& p : outlets) {
      for (const LoadedTermUse& t : p.loaded) {
        if (!any.count(t.form)) forms.push_back(t.form);
        any.emplace(t.form, &t);
        MergeMatched(t.matched, &matched[t.form]);
      }
    }
    std::sort(forms.begin(), forms.end());
    for (const auto& group : OutletGroups(outlets.size())) {
      LoadedTable(s, forms, any, matched, group);
    }
    if (forms.empty()) El(s, "p", m_.Tr("No loaded term of the lexicon occurs in these articles."));
  }

  void LoadedTable(Node s, const std::vector<std::string>& forms,
                   const std::map<std::string, const LoadedTermUse*>& any,
                   const std::map<std::string, std::vector<std::string>>& matched,
                   const std::pair<std::size_t, std::size_t>& group) {
    const auto& outlets = r_.measures().outlets;
    Node tbody = MatrixTable(s, group, ProfileLabels(), {{"key", N_("Term")}});
    for (const std::string& form : forms) {
      const LoadedTermUse* def = any.at(form);
      Node row = Block(tbody, "tr");
      Node th = El(row, "th");
      if (!def->perspective.empty()) Chip(th, def->perspective);
      Text(th, r_.Show(ShownForm(form, matched.at(form))));
      Node note = El(th, "div", CategoryName(m_, def->category) + ". " + r_.Show(r_.NoteOf(*def)));
      Attr(note, "class", "note");
      for (std::size_t i = group.first; i < group.second; ++i) {
        const OutletProfile& p = outlets[i];
        Node td = El(row, "td");
        const LoadedTermUse* t = nullptr;
        for (const LoadedTermUse& x : p.loaded) {
          if (x.form == form) t = &x;
        }
        if (t == nullptr) {
          Attr(td, "class", "absent");
          Text(td, "—");
          continue;
        }
        const Evidence* own = nullptr;
        const Evidence* quoted = nullptr;
        const Evidence* reported = nullptr;
        const Evidence* distanced = nullptr;  // own voice held at a distance
        for (const Evidence& e : t->evidence) {
          if (e.voice == "quoted" && quoted == nullptr) quoted = &e;
          if (e.voice == "reported" && reported == nullptr) reported = &e;
          if ((e.voice == "scare" || e.voice == "cited") && distanced == nullptr) distanced = &e;
          if (e.voice == "own" && own == nullptr) own = &e;
        }
        Node line = El(td, "span");
        Attr(line, "class", "variant");
        const std::string own_text =
            Fill(m_.Tr("own voice {n}"), {{"n", std::to_string(own ? t->own : 0)}});
        if (own != nullptr) {
          EvidenceLink(line, *own, own_text);
        } else {
          Text(line, own_text);
        }
        line = El(td, "span");
        Attr(line, "class", "variant");
        const std::string quoted_text =
            Fill(m_.Tr("quoted {n}"), {{"n", std::to_string(quoted ? t->quoted : 0)}});
        if (quoted != nullptr) {
          EvidenceLink(line, *quoted, quoted_text);
        } else {
          Text(line, quoted_text);
        }
        line = El(td, "span");
        Attr(line, "class", "variant");
        const std::string reported_text =
            Fill(m_.Tr("reported {n}"), {{"n", std::to_string(reported ? t->reported : 0)}});
        if (reported != nullptr) {
          EvidenceLink(line, *reported, reported_text);
        } else {
          Text(line, reported_text);
        }
        if (t->distanced > 0 && distanced != nullptr) {
          line = El(td, "span");
          Attr(line, "class", "variant");
          EvidenceLink(
              line, *distanced,
              Fill(m_.Tr("held at a distance {n}"), {{"n", std::to_string(t->distanced)}}));
        }
        if (!t->speakers.empty()) {
          std::string who;
          for (const std::string& sp : t->speakers)
            who += (who.empty() ? "" : ", ") + r_.ShowSpeaker(sp);
          Attr(El(td, "div", Fill(m_.Tr("said by {speakers}"), {{"speakers", who}})), "class",
               "note");
        }
      }
    }
    Node row = Block(tbody, "tr");
    El(row, "th", m_.Tr("All loaded terms per 1,000 words (own voice / quoted / reported)"));
    for (std::size_t i = group.first; i < group.second; ++i) {
      const OutletProfile& p = outlets[i];
      Attr(El(row, "td",
              m_.FormatDecimal(p.loaded_own_per_1000, 1) + " / " +
                  m_.FormatDecimal(p.loaded_quoted_per_1000, 1) + " / " +
                  m_.FormatDecimal(p.loaded_reported_per_1000, 1) + " (" +
                  std::to_string(p.loaded_own) + " / " + std::to_string(p.loaded_quoted) + " / " +
                  std::to_string(p.loaded_reported) + ")"),
           "class", "num");
    }
  }

  void Voices(Node s) {
    El(s, "p",
       m_.Tr("Who each outlet quotes or reports as saying something, counted in quoted words and "
             "in passages of reported speech, and grouped by the perspective of the speaker "
             "(from the lexicon's actors; experts and journalists by where they work)."));
    VoicesChart(s);
    for (const OutletProfile& p : r_.measures().outlets) {
      El(Block(s, "h3"), "span", r_.OutletLabel(p.outlet));
      if (p.voices.empty()) {
        El(s, "p", m_.Tr("No direct quotations and no reported speech."));
      } else {
        Node table = Block(s, "table");
        Node tr = El(El(table, "thead"), "tr");
        for (const char* h : {N_("Speaker"), N_("Perspective"), N_("Quotes"), N_("Quoted words"),
                              N_("Reported"), N_("First words")})
          El(tr, "th", m_.Tr(h));
        Node tbody = El(table, "tbody");
        for (const VoiceUse& v : p.voices) {
          Node row = Block(tbody, "tr");
          El(row, "td", r_.ShowSpeaker(v.speaker));
          Node per = El(row, "td");
          Chip(per, v.perspective);
          Text(per, r_.PerspectiveLabel(v.perspective));
          Attr(El(row, "td", std::to_string(v.quotes)), "class", "num");
          Attr(El(row, "td", std::to_string(v.words)), "class", "num");
          Attr(El(row, "td",
                  std::to_string(v.reported) + " (" +
                      Fill(m_.TrN("{n} word", "{n} words", v.reported_words),
                           {{"n", std::to_string(v.reported_words)}}) +
                      ")"),
               "class", "num");
          Node first = El(row, "td");
          if (!v.evidence.empty()) {
            const Evidence& e = v.evidence.front();
            EvidenceLink(first, e, InQuotes(m_, r_.Excerpt(e.article, e.start, e.end, 90)));
          }
        }
      }
      if (!p.mentioned_not_quoted.empty()) {
        std::string names;
        for (const std::string& n : p.mentioned_not_quoted)
          names += (names.empty() ? "" : ", ") + r_.Show(n);
        Attr(El(s, "p", Fill(m_.Tr("Mentioned but not quoted: {names}."), {{"names", names}})),
             "class", "note");
      }
    }
  }

  void VoicesChart(Node s) {
    const auto& outlets = r_.measures().outlets;
    int max_total = 1;
    for (const OutletProfile& p : outlets) {
      int t = 0;
      for (const auto& [per, n] : p.quoted_words_by_perspective) t += n;
      max_total = std::max(max_total, t);
    }
    Node fig = Block(s, "figure");
    Node svg = El(fig, "svg");
    const int height = static_cast<int>(outlets.size()) * kChartRow + 4;
    Attr(svg, "viewBox", "0 0 " + std::to_string(kChartWidth) + " " + std::to_string(height));
    Attr(svg, "width", std::to_string(kChartWidth));
    Attr(svg, "height", std::to_string(height));
    Attr(svg, "role", "img");
    Attr(svg, "aria-label", m_.Tr("Quoted words per perspective, per outlet"));
    auto words = [&](int n) {
      return Fill(m_.TrN("{n} word", "{n} words", static_cast<unsigned long>(n)),
                  {{"n", m_.FormatInt(n)}});
    };
    // Room after the longest bar for its total ("12345 words"), in characters.
    std::string widest;
    for (int n : {max_total, 1, 2, 5}) {
      if (Utf8Length(words(n)) > Utf8Length(widest)) widest = words(n);
    }
    const double scale =
        (kChartWidth - 10.0 - kChartDigitWidth * static_cast<double>(Utf8Length(widest))) /
        max_total;
    int y = 2;
    for (const OutletProfile& p : outlets) {
      ChartLabel(svg, y, r_.OutletLabel(p.outlet));
      const int bar_y = y + kChartLabelHeight;
      double x = 0;
      int total = 0;
      std::vector<std::string> order;
      for (const Perspective& per : r_.lexicon().perspectives) order.push_back(per.id);
      order.push_back("");
      for (const std::string& id : order) {
        auto it = p.quoted_words_by_perspective.find(id);
        if (it == p.quoted_words_by_perspective.end() || it->second == 0) continue;
        const Evidence* first = nullptr;
        for (const VoiceUse& v : p.voices) {
          if (v.perspective == id && !v.evidence.empty() && first == nullptr)
            first = &v.evidence.front();
        }
        Node parent = svg;
        if (first != nullptr) {
          parent = El(svg, "a");
          Attr(parent, "href", "#" + r_.Anchor(first->article, first->start));
        }
        const double w = it->second * scale;
        Node rect = ChartBar(parent, x, bar_y, w, r_.PerspectiveColour(id));
        El(rect, "title",
           Fill(m_.TrN("{perspective}: {n} quoted word", "{perspective}: {n} quoted words",
                       static_cast<unsigned long>(it->second)),
                {{"perspective", r_.PerspectiveLabel(id)}, {"n", std::to_string(it->second)}}));
        x += w;
        total += it->second;
      }
      Node t = El(svg, "text", words(total));
      Attr(t, "x", Num(x + 6, 1));
      Attr(t, "y", std::to_string(bar_y + kChartBarHeight - 7));
      Attr(t, "font-size", "14");
      y += kChartRow;
    }
    El(fig, "figcaption",
       m_.Tr("Quoted words by the speaker's perspective (click a bar for the first quotation of "
             "that perspective)."));
  }

  void Distancing(Node s) {
    El(s, "p",
       m_.Tr("Words an outlet holds at a distance: short quotations with no speaker (scare "
             "quotes) and distancing cues such as “so-called” or “what … "
             "insists are”."));
    Node table = Block(s, "table");
    Node tr = El(El(table, "thead"), "tr");
    for (const char* h :
         {N_("Outlet"), N_("Kind"), N_("Words held at a distance"), N_("Construction")})
      El(tr, "th", m_.Tr(h));
    Node tbody = El(table, "tbody");
    int rows = 0;
    for (const OutletProfile& p : r_.measures().outlets) {
      for (const DistancingUse& d : p.distancing) {
        Node row = Block(tbody, "tr");
        El(row, "td", r_.OutletLabel(p.outlet));
        El(row, "td", d.kind == "scare-quote" ? m_.Tr("scare quotes") : m_.Tr("distancing cue"));
        EvidenceLink(El(row, "td"), d.evidence,
                     r_.Excerpt(d.evidence.article, d.evidence.start, d.evidence.end, 120));
        El(row, "td", d.cue.empty() ? "—" : d.cue);
        ++rows;
      }
    }
    if (rows == 0) El(s, "p", m_.Tr("No scare quotes or distancing cues found."));
  }

  void EventsClaims(Node s) {
    const auto groups = OutletGroups(r_.outlet_ids().size());
    El(s, "h3", m_.Tr("Events told by more than one outlet"));
    for (const auto& group : groups) EventsTable(s, group);
    El(s, "h3", m_.Tr("Claims"));
    El(s, "p",
       m_.Tr("Sentences of different outlets that report the same thing. A striped cell marks an "
             "omission: the outlet covers the same story or event in one of the claim's languages "
             "but does not carry the claim. A dash means the claim lies outside what that outlet "
             "covered."));
    for (std::size_t g = 0; g < groups.size(); ++g) ClaimsTable(s, groups[g], g == 0);
    El(s, "p",
       Fill(m_.TrN("Showing {shown} of {n} claim: those carried by the most outlets, in the "
                   "order of their numbers. The JSON and CSV files hold the ones shown here.",
                   "Showing {shown} of {n} claims: those carried by the most outlets, in the "
                   "order of their numbers. The JSON and CSV files hold the ones shown here.",
                   r_.alignment().claims.size()),
            {{"shown", std::to_string(r_.claims().size())},
             {"n", std::to_string(r_.alignment().claims.size())}}));
  }

  void EventsTable(Node s, const std::pair<std::size_t, std::size_t>& group) {
    const std::vector<std::string>& outlets = r_.outlet_ids();
    Node tbody =
        MatrixTable(s, group, OutletLabels(),
                    {{"date", N_("Date")}, {"event", N_("Event (a sentence that tells it)")}});
    for (const AlignedEvent& e : r_.alignment().events) {
      if (e.outlets.size() < 2) continue;
      Node row = Block(tbody, "tr");
      El(row, "td", DateRange(m_, e.from, e.to));
      Node label = El(row, "td", r_.Show(e.label));
      if (!e.label_outlet.empty()) {
        // The label is one outlet's sentence: say whose.
        Text(label, " \u2014 ");
        Attr(El(label, "span",
                Fill(m_.Tr("wording of {outlet}"), {{"outlet", r_.OutletLabel(e.label_outlet)}})),
             "class", "note");
      }
      if (!e.keys.empty()) Attr(label, "title", WhyAligned(e.keys));
      for (std::size_t i = group.first; i < group.second; ++i) {
        const std::string& o = outlets[i];
        Node td = El(row, "td");
        int dated = 0, background = 0;
        const Passage* first = nullptr;
        for (const EventMention& m : e.mentions) {
          if (m.passage.outlet != o) continue;
          (m.dated ? dated : background) += 1;
          if (first == nullptr) first = &m.passage;
        }
        if (first == nullptr) {
          Attr(td, "class", "absent");
          Text(td, "—");
          continue;
        }
        Link(td, r_.Anchor(first->article_id, first->span.begin),
             Fill(m_.Tr("{dated} dated, {background} background"),
                  {{"dated", std::to_string(dated)}, {"background", std::to_string(background)}}));
      }
    }
  }

  // The claims table for one group of outlets; the first group's rows carry the claims' ids.
  void ClaimsTable(Node s, const std::pair<std::size_t, std::size_t>& group, bool anchors) {
    const std::vector<std::string>& outlets = r_.outlet_ids();
    Node tbody = MatrixTable(s, group, OutletLabels(), {{"key", N_("Claim")}});
    for (const Claim* c : r_.claims()) {
      Node row = Block(tbody, "tr");
      if (anchors) Attr(row, "id", "claim-" + c->id);
      Node head = El(row, "th", c->id);
      if (!c->label.empty()) Attr(El(head, "div", r_.Show(c->label)), "class", "note");
      if (!c->keys.empty()) Attr(head, "title", WhyAligned(c->keys));
      for (std::size_t i = group.first; i < group.second; ++i) {
        const std::string& o = outlets[i];
        Node td = El(row, "td");
        bool any = false;
        for (const Passage& p : c->passages) {
          if (p.outlet != o) continue;
          any = true;
          Node span = El(td, "span");
          Attr(span, "class", "passage");
          Link(span, r_.Anchor(p.article_id, p.span.begin),
               r_.Excerpt(p.article_id, p.span.begin, p.span.end, 260));
        }
        if (any) continue;
        if (std::find(c->missing_outlets.begin(), c->missing_outlets.end(), o) !=
            c->missing_outlets.end()) {
          Attr(td, "class", "omission");
          Text(td, m_.Tr("not carried"));
        } else {
          Attr(td, "class", "absent");
          Text(td, "—");
        }
      }
    }
  }

  // Emits text[a, b) into `parent`, applying blind redactions: a redaction's replacement is
  // written where it starts; its other bytes are never written.
  void EmitText(Node parent, const std::string& text, const std::vector<Redaction>& red,
                std::size_t a, std::size_t b) {
    std::size_t at = a;
    for (const Redaction& r : red) {
      if (r.end <= at || r.start >= b) continue;
      if (r.start > at) Text(parent, text.substr(at, r.start - at));
      if (r.start >= a) Text(parent, r.replacement);
      at = std::min(b, r.end);
    }
    if (at < b) Text(parent, text.substr(at, b - at));
  }

  void Articles(Node s) {
    El(s, "p",
       m_.Tr("Each article's cleaned text. Highlights: names (coloured underline by perspective), "
             "loaded terms (bold), quotations (italic, grey), scare quotes (dotted frame), "
             "distancing cues (dashed). Hover a highlight for its explanation; in print, the "
             "numbers refer to the notes below each article."));
    Node grid = Block(s, "div");
    Attr(grid, "class", "articles");
    for (std::size_t i = 0; i < r_.articles().size(); ++i) ArticleText(grid, i);
  }

  void ArticleText(Node grid, std::size_t index) {
    const Article& a = r_.articles()[index];
    const std::string label = r_.ArticleLabel(a.id);
    Node art = Block(grid, "article");
    Attr(art, "class", "text");
    Attr(art, "id", "article-" + label);
    El(art, "h3", r_.OutletLabel(a.outlet) + ": " + r_.Show(a.title));
    Attr(El(art, "p",
            (a.date ? m_.FormatDate(*a.date) : m_.Tr("undated")) + " · " + GenreName(m_, a.genre) +
                " · " + label),
         "class", "note");
    const std::string& text = a.text;
    const std::vector<Redaction> red = r_.blinder().Find(text);

    // Properly nested highlights: a highlight crossing the end of its enclosing one is split.
    struct Item {
      Highlight h;
      bool first_piece = true;
    };
    auto later = [](const Item& x, const Item& y) {
      return x.h.start != y.h.start ? x.h.start > y.h.start : x.h.end < y.h.end;
    };
    std::priority_queue<Item, std::vector<Item>, decltype(later)> queue(later);
    for (const Highlight& hl : r_.highlights(index)) {
      if (hl.end > hl.start && hl.end <= text.size()) queue.push(Item{hl, true});
    }
    std::vector<Item> nested;
    std::vector<std::size_t> ends;
    while (!queue.empty()) {
      Item it = queue.top();
      queue.pop();
      while (!ends.empty() && ends.back() <= it.h.start) ends.pop_back();
      if (!ends.empty() && it.h.end > ends.back()) {
        Item rest = it;
        rest.h.start = ends.back();
        rest.first_piece = false;
        it.h.end = ends.back();
        queue.push(rest);
        if (it.h.end <= it.h.start) continue;
      }
      ends.push_back(it.h.end);
      nested.push_back(std::move(it));
    }

    // Footnotes: one per distinct explanation.
    std::map<std::string, int> note_number;
    std::vector<std::string> notes;
    Node body = El(art, "div");
    Attr(body, "class", "body");
    std::vector<std::pair<Node, std::size_t>> stack;  // open element, its end
    std::set<std::size_t> anchored;
    Node current = body;
    std::size_t pos = 0;
    auto close_to = [&](std::size_t limit) {
      while (!stack.empty() && stack.back().second <= limit) {
        EmitText(current, text, red, pos, stack.back().second);
        pos = stack.back().second;
        Node closed = current;
        stack.pop_back();
        current = stack.empty() ? body : stack.back().first;
        const xmlChar* fn = xmlGetProp(closed, X("data-fn"));
        if (fn != nullptr) {
          Node sup = El(current, "sup", reinterpret_cast<const char*>(fn));
          Attr(sup, "class", "fn");
          xmlUnsetProp(closed, X("data-fn"));
          xmlFree(const_cast<xmlChar*>(fn));
        }
      }
    };
    for (const Item& it : nested) {
      close_to(it.h.start);
      EmitText(current, text, red, pos, it.h.start);
      pos = it.h.start;
      Node mark = El(current, "mark");
      std::string cls = it.h.kind;
      if (!it.h.perspective.empty()) cls += " p-" + CssId(it.h.perspective);
      if (!it.h.voice.empty()) cls += " v-" + it.h.voice;
      Attr(mark, "class", cls);
      if (it.first_piece && !anchored.count(it.h.start)) {
        anchored.insert(it.h.start);
        Attr(mark, "id", r_.Anchor(a.id, it.h.start));
      }
      std::string title = it.h.note;
      if (it.h.kind != "quote" && it.h.kind != "passage" && it.h.kind != "reported") {
        title += " ";
        if (it.h.voice == "reported") {
          title += it.h.speaker.empty() ? m_.Tr("Voice: reported speech.")
                                        : Fill(m_.Tr("Voice: reported speech ({speaker})."),
                                               {{"speaker", it.h.speaker}});
        } else if (it.h.voice == "quoted") {
          title += it.h.speaker.empty()
                       ? m_.Tr("Voice: quoted.")
                       : Fill(m_.Tr("Voice: quoted ({speaker})."), {{"speaker", it.h.speaker}});
        } else if (it.h.voice == "scare") {
          title += m_.Tr("Voice: the outlet's own, in scare quotes.");
        } else if (it.h.voice == "cited") {
          title += m_.Tr(
              "Voice: the outlet's own, citing an official title in quotation marks (not counted "
              "as its naming).");
        } else {
          title += m_.Tr("Voice: the outlet's own.");
        }
      }
      if (it.h.kind != "passage") Attr(mark, "title", title);
      if (it.first_piece && it.h.kind != "quote" && it.h.kind != "passage" &&
          it.h.kind != "reported") {
        auto [found, inserted] = note_number.emplace(title, static_cast<int>(notes.size()) + 1);
        if (inserted)
          notes.push_back(r_.Show(std::string(text, it.h.start, it.h.end - it.h.start)) + ": " +
                          title);
        Attr(mark, "data-fn", std::to_string(found->second));
      }
      stack.push_back({mark, it.h.end});
      current = mark;
    }
    close_to(text.size());
    EmitText(current, text, red, pos, text.size());
    if (!notes.empty()) {
      Node ol = El(art, "ol");
      Attr(ol, "class", "footnotes");
      for (const std::string& n : notes) El(ol, "li", n);
    }
  }

  void Boilerplate(Node s) {
    El(s, "p",
       m_.Tr("Lines removed before analysis (donation appeals, captions, related links, "
             "membership banners…), each with the rule that removed it. Nothing is dropped "
             "silently."));
    for (const Article& a : r_.articles()) {
      El(Block(s, "h3"), "span", r_.OutletLabel(a.outlet) + " (" + r_.ArticleLabel(a.id) + ")");
      if (a.removed.empty() && a.outlet_notes.empty()) {
        El(s, "p", m_.Tr("Nothing removed."));
        continue;
      }
      if (!a.removed.empty()) {
        Node table = Block(s, "table");
        Node tr = El(El(table, "thead"), "tr");
        for (const char* h : {N_("Line"), N_("Rule"), N_("Removed text")}) El(tr, "th", m_.Tr(h));
        Node tbody = El(table, "tbody");
        for (const RemovedLine& line : a.removed) {
          Node row = Block(tbody, "tr");
          Attr(El(row, "td", std::to_string(line.line)), "class", "num");
          El(row, "td", RuleName(m_, r_.Show(line.rule)));
          El(row, "td", r_.Show(line.text));
        }
      }
      for (const std::string& n : a.outlet_notes) {
        Attr(
            El(s, "p", Fill(m_.Tr("Kept apart as an outlet note: {note}"), {{"note", r_.Show(n)}})),
            "class", "note");
      }
    }
  }

  void Prompts(Node s) {
    El(s, "p",
       m_.Tr("Questions for discussion, drawn from the largest differences the measures found. "
             "Each cites the passages it rests on; the figures describe usage and take no side."));
    if (r_.prompts().empty()) {
      El(s, "p",
         m_.Tr("The articles differ too little on the measured dimensions to suggest prompts."));
      return;
    }
    Node ol = Block(s, "ol");
    Attr(ol, "class", "prompts");
    int n = 0;
    for (const DiscussionPrompt& p : r_.prompts()) {
      Node li = Block(ol, "li");
      Attr(li, "id", "prompt-" + std::to_string(++n));
      El(li, "p", p.text);
      Attr(El(li, "div", Fill(m_.Tr("Basis: {basis}"), {{"basis", p.basis}})), "class", "note");
      Node ul = El(li, "ul");
      Attr(ul, "class", "evidence");
      for (const Evidence& e : p.evidence) {
        Node item = El(ul, "li");
        const Article* art = r_.FindArticle(e.article);
        Text(item, (art != nullptr ? r_.OutletLabel(art->outlet) : std::string()) + ": ");
        EvidenceLink(item, e, InQuotes(m_, r_.Excerpt(e.article, e.start, e.end, 160)));
      }
    }
  }

  void Method(Node s) {
    for (const std::string& paragraph : MethodParagraphs(m_)) El(s, "p", paragraph);
    const Provenance& pv = r_.provenance();
    Node dl = Block(s, "dl");
    Attr(dl, "class", "provenance");
    auto item = [&](const std::string& k, const std::string& v) {
      El(dl, "dt", k);
      El(dl, "dd", v);
    };
    item(m_.Tr("Tool"), "parallax " + pv.tool_version);
    item(m_.Tr("Report date (newest article)"), ProvenanceDate(r_));
    item(m_.Tr("Corpus"), r_.story() + ", " +
                              Fill(m_.TrN("{n} article", "{n} articles", r_.articles().size()),
                                   {{"n", std::to_string(r_.articles().size())}}));
    item(m_.Tr("Corpus SHA-256 (sha256sum of the files, in name order, hashed again)"),
         pv.corpus_checksum);
    for (const ArticleChecksum& c : pv.articles) {
      const std::string fetch = FetchProvenance(c, r_.Show(c.url), m_);
      item(Fill(m_.Tr("Article {label}"), {{"label", r_.ArticleLabel(c.article)}}) +
               (r_.options().blind || c.file.empty() ? "" : " (" + c.file + ")"),
           c.sha256 + (fetch.empty() ? "" : "; " + fetch));
    }
    item(m_.Tr("Lexicon SHA-256"), pv.lexicon_checksum);
    for (const LexiconFile& f : pv.lexicon_files)
      item(Fill(m_.Tr("Lexicon file {file} ({id})"), {{"file", f.path}, {"id", f.id}}), f.sha256);
  }

  const StoryReport& r_;
  const Messages& m_;
  xmlDocPtr doc_ = nullptr;
};

}  // namespace

std::string ReportToHtml(const StoryReport& report) { return HtmlBuilder(report).Build(); }

}  // namespace parallax
