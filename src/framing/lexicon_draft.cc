#include "framing/lexicon_draft.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <memory>
#include <set>
#include <string_view>
#include <utility>

#include "annotate/matcher.h"
#include "framing/log_odds.h"
#include "framing/name_pairs.h"
#include "framing/phrase_table.h"
#include "text/stemmer.h"
#include "text/utf8.h"

namespace parallax {
namespace {

using Kind = DraftCandidate::Kind;

// Two phrases whose use over the outlets overlaps more than this are not variants (see
// PairScore), and a slot with more fillers than kMaxVariants is a generic head ("Azerbaijani
// military / authorities / activists / ..."), not a naming choice.
constexpr double kMaxVariantOverlap = 0.5;
constexpr std::size_t kMaxVariants = 4;
// Prefix of a name-pair key taken as written (two names that stem alike): no phrase key has it.
constexpr std::string_view kExact = "=";
// Pattern groups of the draft's matcher: the lexicon's naming variants, loaded terms and cues,
// and its one-word reporting cues.
constexpr int kCoveredGroup = 0;
constexpr int kReportingGroup = 1;

// Runs of white space made one space (the ends kept, unlike CollapseSpace).
std::string OneLine(std::string_view s) {
  std::string out;
  for (char c : s) {
    const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    if (space && !out.empty() && out.back() == ' ') continue;
    out.push_back(space ? ' ' : c);
  }
  return out;
}

bool IsContinuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// "article: …left [match] right…", within the paragraph of the match.
std::string Kwic(const Article& a, std::size_t start, std::size_t end, std::size_t width) {
  const std::string& t = a.text;
  const std::size_t line_start = start == 0 ? 0 : t.rfind('\n', start - 1) + 1;
  const std::size_t line_end = std::min(t.find('\n', end), t.size());
  std::size_t left = start > line_start + width ? start - width : line_start;
  if (left > line_start) {  // start at a word
    const std::size_t space = t.find(' ', left);
    left = space < start ? space + 1 : left;
  }
  while (left < start && IsContinuation(t[left])) ++left;
  std::size_t right = std::min(line_end, end + width);
  if (right < line_end) {  // end after a word
    const std::size_t space = t.rfind(' ', right);
    right = space != std::string::npos && space > end ? space : right;
  }
  while (right > end && right < t.size() && IsContinuation(t[right])) --right;
  return a.id + ": " + (left > line_start ? "…" : "") +
         OneLine(std::string_view(t).substr(left, start - left)) + "[" +
         OneLine(std::string_view(t).substr(start, end - start)) + "]" +
         OneLine(std::string_view(t).substr(end, right - end)) + (right < line_end ? "…" : "");
}

// A naming candidate before concepts sharing a form are merged.
struct NamingSet {
  Kind kind = Kind::kNamePair;
  std::vector<std::string> keys;
  std::vector<std::string> surfaces;  // fallback spelling of each key
  std::vector<std::string> findings;
  std::map<std::string, int> evidence_per_outlet;
  std::vector<std::string> kwic;
  double score = 0;
};

class Drafter {
 public:
  Drafter(const std::vector<Article>& articles, const std::vector<ArticleAnnotations>& annotations,
          const Lexicon& lexicon, const OutletsFile* outlets, const DraftOptions& options)
      : articles_(articles),
        annotations_(annotations),
        lexicon_(lexicon),
        outlets_file_(outlets),
        options_(options) {
    for (const Article& a : articles) {
      const std::string id = a.outlet.empty() ? "(no outlet)" : a.outlet;
      auto it = std::find(outlet_ids_.begin(), outlet_ids_.end(), id);
      if (it == outlet_ids_.end()) it = outlet_ids_.insert(outlet_ids_.end(), id);
      outlet_of_.push_back(static_cast<std::size_t>(it - outlet_ids_.begin()));
    }
    for (const LexiconEntry& e : lexicon.entries) {
      if (e.kind == LexiconEntry::Kind::kNaming || e.kind == LexiconEntry::Kind::kLoaded) {
        known_.insert(PhraseKey(e.form, StemmerFor(e.language)));
        known_as_written_.insert(PhraseKey(e.form));
      }
      if (e.kind == LexiconEntry::Kind::kPlace) {
        place_forms_.emplace_back(NormalizeLexiconForm(e.form), e.concept_id);
      }
      // The lexicon's own matcher, as the annotator builds it (wildcards, stems, exact forms):
      // naming variants, loaded terms, actor patterns (an actor the lexicon names, "Газпром",
      // is no candidate of any kind) and cues (without a gap) in one group, one-word reporting
      // cues also in another.
      const bool whole = e.form.find(kGapToken) == std::string::npos;
      const bool known =
          (e.kind == LexiconEntry::Kind::kNaming || e.kind == LexiconEntry::Kind::kLoaded ||
           e.kind == LexiconEntry::Kind::kActor || e.kind == LexiconEntry::Kind::kCue) &&
          whole;
      const bool reporting = e.kind == LexiconEntry::Kind::kCue && e.category == kCueReporting &&
                             whole && PhraseWords(e.form).size() == 1;
      MatchPatternOptions match_options;
      match_options.stem_language = StemLanguage(e);
      // A form the matcher refuses is left out here: the annotator reports it.
      if (known) {
        match_options.group = kCoveredGroup;
        matcher_.Add(e.form, match_options, nullptr);
      }
      if (reporting) {
        match_options.group = kReportingGroup;
        matcher_.Add(e.form, match_options, nullptr);
      }
    }
    matcher_.Compile(nullptr);
    for (const Article& a : articles) article_stemmers_.push_back(StemmerFor(a.language));
    table_ =
        std::make_unique<PhraseTable>(articles, outlet_of_, article_stemmers_, outlet_ids_.size(),
                                      std::max<std::size_t>(options.max_words, 1));
  }

  LexiconDraft Run() {
    LexiconDraft draft;
    draft.outlets = outlet_ids_;
    draft.articles = articles_.size();
    draft.language = MainLanguage();
    std::vector<NamingSet> naming = NamePairs();
    std::vector<NamingSet> groups = VariantGroups();
    naming.insert(naming.end(), groups.begin(), groups.end());
    for (NamingSet& set : Merge(std::move(naming))) {
      DraftCandidate c;
      c.kind = set.kind;
      for (std::size_t i = 0; i < set.keys.size(); ++i) {
        c.forms.push_back(Form(set.keys[i], set.surfaces[i]));
        if (c.forms.back().language.empty()) c.forms.back().language = draft.language;
        taken_.insert(set.keys[i]);
        // A spelling of a stem (NamePairs) also takes the stem: no other candidate drafts it.
        if (set.keys[i].starts_with(kExact)) taken_.insert(std::string(StemOfExact(set.keys[i])));
      }
      c.findings = std::move(set.findings);
      c.evidence_per_outlet = std::move(set.evidence_per_outlet);
      c.kwic = std::move(set.kwic);
      c.score = set.score;
      draft.candidates.push_back(std::move(c));
    }
    for (DraftCandidate& c : Distanced()) draft.candidates.push_back(std::move(c));
    for (DraftCandidate& c : Distinctive()) draft.candidates.push_back(std::move(c));
    draft.covered = covered_;
    return draft;
  }

 private:
  // True when the lexicon already matches `form` (a phrase as written): every word of it that is
  // not a function word lies inside a match of a naming variant, loaded term or cue, whatever
  // kind of entry matched it (wildcard "Kosov*" matches "Kosovës", a stemmed entry an inflected
  // form, an exact one itself). Nothing new is left to draft in such a phrase.
  bool Covered(const std::string& form) const {
    const auto memo = covered_memo_.find(form);
    if (memo != covered_memo_.end()) return memo->second;
    std::vector<PatternMatch> matches;
    matcher_.Match(form, &matches, kCoveredGroup);
    bool content = false;
    bool covered = !matches.empty();
    for (const PhraseWord& w : PhraseWords(form)) {
      if (!covered) break;
      if (IsPhraseStopword(w.norm)) continue;
      content = true;
      covered = std::any_of(matches.begin(), matches.end(), [&w](const PatternMatch& m) {
        return m.begin <= w.begin && w.end <= m.end;
      });
    }
    return covered_memo_[form] = covered && content;
  }

  // Covered, for a phrase of the table: its key is a known form's, or its usual spelling is
  // covered.
  bool CoveredKey(const std::string& key) const {
    if (known_.count(key) > 0) return true;
    const PhraseStats* s = table_->Find(key);
    return s != nullptr && Covered(PhraseTable::BestSurface(*s));
  }

  // Notes a candidate left out because the lexicon already covers it ("Kosovo", "A / B").
  void LeftOut(const std::string& what) const {
    if (std::find(covered_.begin(), covered_.end(), what) == covered_.end()) {
      covered_.push_back(what);
    }
  }

  // LeftOut for a name pair, once per unordered pair of keys.
  void LeftOutPair(const std::string& a, const std::string& b, const std::string& what) {
    if (left_out_pairs_.insert(a < b ? std::make_pair(a, b) : std::make_pair(b, a)).second) {
      LeftOut(what);
    }
  }

  // True when `word` (one word, as written) is a reporting cue of the lexicon ("said",
  // "заявил", and with stems "заявила").
  bool IsReportingWord(const std::string& word) const {
    std::vector<PatternMatch> matches;
    matcher_.Match(word, &matches, kReportingGroup);
    return !matches.empty();
  }

  // True when the phrase, as most often written, begins or ends with a one-word reporting cue of
  // the lexicon ("Ministar je kazao", "rekao Vučić", "заявил Пашинян", "tha Kurti"): like a
  // function word at either end (IsPhraseStopword), it makes a way of writing, not a naming
  // choice. The cue lexicons (common/*.xml) decide it, in every language they cover.
  bool EdgeIsReportingWord(const PhraseStats& s) const {
    const std::vector<PhraseWord> w = PhraseWords(PhraseTable::BestSurface(s));
    if (w.empty()) return false;
    const auto reporting = [this](const std::string& norm) {
      const auto memo = reporting_memo_.find(norm);
      if (memo != reporting_memo_.end()) return memo->second;
      return reporting_memo_[norm] = IsReportingWord(norm);
    };
    return reporting(w.front().norm) || (w.size() > 1 && reporting(w.back().norm));
  }

  // The form as most often written, its per-outlet counts and articles.
  DraftForm Form(const std::string& key, const std::string& fallback) const {
    DraftForm f;
    f.form = fallback;
    // A spelling of a stem (see NamePairs): its own occurrences, matched as written.
    std::string_view exact;
    std::string_view stem_key = key;
    if (key.starts_with(kExact)) {
      stem_key = StemOfExact(key);
      exact = std::string_view(key).substr(2 * kExact.size() + stem_key.size());
    }
    const PhraseStats* s = table_->Find(std::string(stem_key));
    if (s == nullptr) return f;
    if (exact.empty()) f.form = PhraseTable::BestSurface(*s);
    f.stem = exact.empty() && table_->stemmed(s->occurrences.front().article);
    std::map<std::size_t, int> per_outlet;
    for (const PhraseOccurrence& occ : s->occurrences) {
      const Article& a = articles_[occ.article];
      if (!exact.empty() &&
          PhraseKey(std::string_view(a.text).substr(occ.start, occ.end - occ.start)) != exact) {
        continue;
      }
      if (f.language.empty()) f.language = a.language;
      ++per_outlet[outlet_of_[occ.article]];
      if (std::find(f.articles.begin(), f.articles.end(), a.id) == f.articles.end()) {
        f.articles.push_back(a.id);
      }
    }
    for (const auto& [o, n] : per_outlet) f.per_outlet[outlet_ids_[o]] = n;
    return f;
  }

  // The stemmer of a language in options.stem_languages ("ru-RU" counts as "ru"), else null.
  Stemmer* StemmerFor(const std::string& language) {
    const std::string primary = PrimaryLanguage(language);
    if (std::find(options_.stem_languages.begin(), options_.stem_languages.end(), primary) ==
        options_.stem_languages.end()) {
      return nullptr;
    }
    std::unique_ptr<Stemmer>& s = stemmers_[primary];
    if (s == nullptr) s = std::make_unique<Stemmer>(primary.c_str());
    return s->ok() ? s.get() : nullptr;
  }

  std::string MainLanguage() const {
    std::map<std::string, int> count;
    for (const Article& a : articles_) {
      if (!a.language.empty()) ++count[a.language];
    }
    std::string best = "und";
    int n = 0;
    for (const auto& [language, c] : count) {
      if (c > n) {
        n = c;
        best = language;
      }
    }
    return best;
  }

  void AddKwic(std::vector<std::string>* kwic, std::size_t article, std::size_t start,
               std::size_t end) const {
    if (kwic->size() < options_.kwic_lines) {
      kwic->push_back(Kwic(articles_[article], start, end, options_.kwic_width));
    }
  }

  // The stem of a key kExact + stem + kExact + spelling (see NamePairs).
  static std::string_view StemOfExact(std::string_view key) {
    const std::size_t mid = key.find(kExact, kExact.size());
    return key.substr(kExact.size(), mid - kExact.size());
  }

  // The place (common/places.xml) a name is, or "": the name is one of its forms, or a one-word
  // name begins with the prefix of a form ending in * (at least three letters).
  std::string_view PlaceOf(std::string_view name) const {
    const std::string n = NormalizeLexiconForm(name);
    for (const auto& [form, place] : place_forms_) {
      const bool wildcard = !form.empty() && form.back() == '*';
      const std::string_view prefix = std::string_view(form).substr(0, form.size() - 1);
      if (wildcard ? prefix.size() >= 3 && n.starts_with(prefix) &&
                         n.find(' ', prefix.size()) == std::string::npos
                   : n == form) {
        return place;
      }
    }
    return "";
  }

  // Pairs the texts give ("Khankendi (Stepanakert)"), one set per unordered pair of names.
  std::vector<NamingSet> NamePairs() {
    std::map<std::pair<std::string, std::string>, NamingSet> by_pair;
    std::vector<std::pair<std::string, std::string>> order;
    for (std::size_t ai = 0; ai < articles_.size(); ++ai) {
      for (const NamePair& p : FindNamePairs(articles_[ai].text)) {
        // "Voskepar (Armenia)", "Kirants (Tavush)": the bracket says where the place is, not
        // what else it is called.
        const std::string_view where = PlaceOf(p.second);
        if (p.construction == "bracketed" && !where.empty() && PlaceOf(p.first) != where) continue;
        std::string a = PhraseKey(p.first, article_stemmers_[ai]);
        std::string b = PhraseKey(p.second, article_stemmers_[ai]);
        if (a == b) {
          // Names that stem alike (Шуши, Шуша) are told apart as written: the key says the stem
          // and the spelling (kExact, stem, kExact, spelling), and Form counts that spelling.
          const std::string stem_key = a;
          a = PhraseKey(p.first);
          b = PhraseKey(p.second);
          if (a == b) continue;  // one name twice: no pair
          if (known_as_written_.count(a) > 0 && known_as_written_.count(b) > 0) {
            LeftOutPair(a, b, p.first + " / " + p.second);
            continue;
          }
          a = std::string(kExact) + stem_key + std::string(kExact) + a;
          b = std::string(kExact) + stem_key + std::string(kExact) + b;
        }
        if (a.empty() || b.empty()) continue;
        // Names that stem alike were weighed as written above: a stemmed entry would match both.
        if (!a.starts_with(kExact) && (known_.count(a) > 0 || Covered(p.first)) &&
            (known_.count(b) > 0 || Covered(p.second))) {
          LeftOutPair(a, b, p.first + " / " + p.second);
          continue;
        }
        const auto id = a < b ? std::make_pair(a, b) : std::make_pair(b, a);
        auto [it, inserted] = by_pair.try_emplace(id);
        NamingSet& set = it->second;
        if (inserted) {
          order.push_back(id);
          set.keys = {a, b};
          set.surfaces = {p.first, p.second};
        }
        set.score += 1;
        ++set.evidence_per_outlet[outlet_ids_[outlet_of_[ai]]];
        std::string finding =
            "\"" + OneLine(std::string_view(articles_[ai].text).substr(p.start, p.end - p.start)) +
            "\" (" + p.construction + ") in " + articles_[ai].id;
        if (!p.who.empty()) {
          finding += p.who_uses_first ? ": " + p.first + " glossed as the " + p.who + " name"
                                      : ": " + p.second + " attributed to " + p.who;
        }
        if (std::find(set.findings.begin(), set.findings.end(), finding) == set.findings.end()) {
          set.findings.push_back(finding);
        }
        AddKwic(&set.kwic, ai, p.start, p.end);
      }
    }
    std::vector<NamingSet> out;
    for (const auto& id : order) out.push_back(std::move(by_pair[id]));
    std::stable_sort(out.begin(), out.end(),
                     [](const NamingSet& x, const NamingSet& y) { return x.score > y.score; });
    return out;
  }

  static std::size_t CommonPrefix(std::string_view a, std::string_view b) {
    std::size_t n = 0;
    while (n < a.size() && n < b.size() && a[n] == b[n]) ++n;
    return n;
  }

  // The words just before and after each occurrence of a phrase, tagged by side.
  std::set<std::string> Context(const PhraseStats& s) const {
    std::set<std::string> out;
    for (const PhraseOccurrence& occ : s.occurrences) {
      const std::vector<PhraseWord>& w = table_->words(occ.article);
      if (occ.first_word > 0 && !w[occ.first_word].boundary_before) {
        out.insert("<" + w[occ.first_word - 1].key);
      }
      if (occ.last_word < w.size() && !w[occ.last_word].boundary_before) {
        out.insert(">" + w[occ.last_word].key);
      }
    }
    return out;
  }

  // Phrases of two or three words that differ in one word, where outlets split their
  // preference: one outlet uses A clearly more than B and another B more than A, the outlets'
  // uses of the two overlap little, and (unless they do not overlap at all) the two share a
  // context word.
  std::vector<NamingSet> VariantGroups() const {
    std::map<std::string, std::vector<std::string>> slots;  // pattern -> phrase keys
    for (const auto& [key, s] : table_->phrases()) {
      if (!s.candidate || s.words < 2 || s.words > 3 || s.total < options_.min_count) continue;
      if (CoveredKey(key) || EdgeIsReportingWord(s)) continue;
      const std::vector<std::string> words = SplitPhraseKey(key);
      const std::vector<PhraseWord> written = PhraseWords(PhraseTable::BestSurface(s));
      for (std::size_t slot = 0; slot < words.size(); ++slot) {
        // A slot filled by a function word or by a reporting verb ("kazao Vučić" / "rekao
        // Vučić", "заявил Пашинян" / "сообщил Пашинян") is a way of writing, not a naming choice.
        if (IsPhraseStopword(words[slot])) continue;
        if (slot < written.size() && IsReportingWord(written[slot].norm)) continue;
        std::string pattern;
        for (std::size_t i = 0; i < words.size(); ++i) {
          pattern += (i > 0 ? " " : "") + (i == slot ? std::string("_") : words[i]);
        }
        slots[pattern].push_back(key);
      }
    }
    std::vector<NamingSet> out;
    for (const auto& [pattern, keys] : slots) {
      if (keys.size() < 2) continue;
      const std::vector<std::string> pattern_words = SplitPhraseKey(pattern);
      const std::size_t slot = static_cast<std::size_t>(
          std::find(pattern_words.begin(), pattern_words.end(), "_") - pattern_words.begin());
      // Components of the accepted pairs.
      std::vector<std::size_t> parent(keys.size());
      for (std::size_t i = 0; i < keys.size(); ++i) parent[i] = i;
      const auto root = [&parent](std::size_t i) {
        while (parent[i] != i) i = parent[i] = parent[parent[i]];
        return i;
      };
      std::vector<double> score(keys.size(), 0);
      for (std::size_t i = 0; i < keys.size(); ++i) {
        for (std::size_t j = i + 1; j < keys.size(); ++j) {
          const double s = PairScore(keys[i], keys[j], slot);
          if (s <= 0) continue;
          parent[root(i)] = root(j);
          score[i] = std::max(score[i], s);
          score[j] = std::max(score[j], s);
        }
      }
      std::map<std::size_t, NamingSet> components;
      for (std::size_t i = 0; i < keys.size(); ++i) {
        if (score[i] <= 0) continue;
        NamingSet& set = components[root(i)];
        set.kind = Kind::kVariantGroup;
        set.keys.push_back(keys[i]);
        set.surfaces.push_back(keys[i]);
        set.score = std::max(set.score, score[i]);
      }
      for (auto& [r, set] : components) {
        if (set.keys.size() > kMaxVariants) continue;
        std::string forms;
        for (const std::string& k : set.keys) {
          const PhraseStats* s = table_->Find(k);
          forms += (forms.empty() ? "" : " / ") + Form(k, k).form;
          const PhraseOccurrence& occ = s->occurrences.front();
          AddKwic(&set.kwic, occ.article, occ.start, occ.end);
        }
        set.findings.push_back(forms + ": the same slot (\"" + pattern +
                               "\"), different outlets prefer different words");
        out.push_back(std::move(set));
      }
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const NamingSet& x, const NamingSet& y) { return x.score > y.score; });
    // A group whose every form lies inside (or around) a form of a stronger group repeats it
    // ("peacekeeping force / mission" beside "Russian peacekeeping force / mission").
    std::vector<NamingSet> kept;
    for (NamingSet& set : out) {
      const bool repeats = std::any_of(kept.begin(), kept.end(), [&set](const NamingSet& k) {
        return std::all_of(set.keys.begin(), set.keys.end(), [&k](const std::string& key) {
          return std::any_of(k.keys.begin(), k.keys.end(), [&key](const std::string& other) {
            return PhraseContains(other, key) || PhraseContains(key, other);
          });
        });
      });
      if (!repeats) kept.push_back(std::move(set));
      if (kept.size() >= options_.max_groups) break;
    }
    return kept;
  }

  // > 0 when A and B fill one slot with split preferences; larger for more evidence.
  double PairScore(const std::string& a, const std::string& b, std::size_t slot) const {
    const std::string wa = SplitPhraseKey(a)[slot];
    const std::string wb = SplitPhraseKey(b)[slot];
    // Forms of one word ("peacekeepers" / "peacekeeping") are not a naming choice.
    if (CommonPrefix(wa, wb) * 2 >= std::min(wa.size(), wb.size())) return 0;
    const PhraseStats& sa = *table_->Find(a);
    const PhraseStats& sb = *table_->Find(b);
    // A proper name and a common word in one slot ("Border Service" / "border checkpoints")
    // name different things.
    if (SlotCapitalised(a, slot) != SlotCapitalised(b, slot)) return 0;
    // Each is some outlet's choice: used by it at least min_count times more than the other.
    bool a_over = false;
    bool b_over = false;
    for (std::size_t o = 0; o < sa.per_outlet.size(); ++o) {
      a_over = a_over || sa.per_outlet[o] - sb.per_outlet[o] >= options_.min_count;
      b_over = b_over || sb.per_outlet[o] - sa.per_outlet[o] >= options_.min_count;
    }
    if (!a_over || !b_over) return 0;
    // Variants of a name divide the outlets: where one is used, the other mostly is not. The
    // overlap of the two distributions over outlets is 1 when every outlet uses both alike.
    double overlap = 0;
    for (std::size_t o = 0; o < sa.per_outlet.size(); ++o) {
      overlap += std::min(static_cast<double>(sa.per_outlet[o]) / sa.total,
                          static_cast<double>(sb.per_outlet[o]) / sb.total);
    }
    if (overlap > kMaxVariantOverlap) return 0;
    const std::set<std::string> ca = Context(sa);
    const std::set<std::string> cb = Context(sb);
    std::size_t shared = 0;
    for (const std::string& c : ca) shared += cb.count(c);
    // Where the outlets' uses are disjoint, that alone is the evidence (a small corpus seldom
    // repeats a context); otherwise the two must be seen in one context at least once.
    if (shared == 0 && overlap > 0) return 0;
    const double jaccard =
        static_cast<double>(shared) / static_cast<double>(ca.size() + cb.size() - shared);
    return static_cast<double>(std::min(sa.total, sb.total)) * (1.0 - overlap) * (1.0 + jaccard);
  }

  // True when the slot word of the phrase, as most often written, starts with a capital.
  bool SlotCapitalised(const std::string& key, std::size_t slot) const {
    const std::string form = Form(key, key).form;
    std::size_t start = 0;
    for (std::size_t i = 0; i < slot; ++i) start = form.find(' ', start) + 1;
    if (start == 0 && slot > 0) return false;
    const std::string first = form.substr(start, DecodeUtf8Char(form, start).length);
    return SimpleLowercase(first) != first;
  }

  // Merges sets that share a form, so that no form is a variant of two concepts.
  static std::vector<NamingSet> Merge(std::vector<NamingSet> sets) {
    std::vector<NamingSet> out;
    for (NamingSet& set : sets) {
      NamingSet* into = nullptr;
      for (NamingSet& o : out) {
        for (const std::string& k : set.keys) {
          if (std::find(o.keys.begin(), o.keys.end(), k) != o.keys.end()) into = &o;
        }
        if (into != nullptr) break;
      }
      if (into == nullptr) {
        out.push_back(std::move(set));
        continue;
      }
      for (std::size_t i = 0; i < set.keys.size(); ++i) {
        if (std::find(into->keys.begin(), into->keys.end(), set.keys[i]) == into->keys.end()) {
          into->keys.push_back(set.keys[i]);
          into->surfaces.push_back(set.surfaces[i]);
        }
      }
      into->findings.insert(into->findings.end(), set.findings.begin(), set.findings.end());
      for (const auto& [o, n] : set.evidence_per_outlet) into->evidence_per_outlet[o] += n;
    }
    return out;
  }

  // Scare quotes and words right after a distancing cue ("so-called", «так называемый»).
  std::vector<DraftCandidate> Distanced() {
    struct Use {
      std::string surface;
      std::string cue;
      std::size_t article = 0;
      std::size_t start = 0;
      std::size_t end = 0;
    };
    std::map<std::string, std::vector<Use>> by_key;
    std::vector<std::string> order;
    const auto add = [&](const std::string& key, Use use) {
      if (key.empty() || taken_.count(key) > 0) return;
      const std::vector<std::string> words = SplitPhraseKey(key);
      if (words.size() > options_.max_words) return;
      if (std::all_of(words.begin(), words.end(),
                      [](const std::string& w) { return IsPhraseStopword(w); })) {
        return;
      }
      for (const PhraseWord& w : PhraseWords(use.surface)) {
        if (w.number) return;
      }
      if (known_.count(key) > 0 || Covered(use.surface)) {
        LeftOut(use.surface);
        return;
      }
      auto [it, inserted] = by_key.try_emplace(key);
      if (inserted) order.push_back(key);
      it->second.push_back(std::move(use));
    };
    for (std::size_t ai = 0; ai < articles_.size() && ai < annotations_.size(); ++ai) {
      const std::string& text = articles_[ai].text;
      const ArticleAnnotations& ann = annotations_[ai];
      for (const Quote& q : ann.quotes) {
        const bool distanced = q.kind == QuoteKind::kScare ||
                               (!q.distancing_cue.empty() && q.word_count <= options_.max_words);
        if (!distanced || !q.closed || q.end <= q.start) continue;
        // The quoted words without function words at either end ("a corridor" -> "corridor").
        const std::vector<PhraseWord>& w = table_->words(ai);
        std::size_t first =
            static_cast<std::size_t>(std::lower_bound(w.begin(), w.end(), q.start,
                                                      [](const PhraseWord& x, std::size_t offset) {
                                                        return x.begin < offset;
                                                      }) -
                                     w.begin());
        std::size_t last = first;
        while (last < w.size() && w[last].end <= q.end) ++last;
        while (first < last && IsPhraseStopword(w[first].norm)) ++first;
        while (last > first && IsPhraseStopword(w[last - 1].norm)) --last;
        if (first == last) continue;
        const std::string content = OneLine(
            std::string_view(text).substr(w[first].begin, w[last - 1].end - w[first].begin));
        add(PhraseKey(content, article_stemmers_[ai]),
            {content, q.distancing_cue.empty() ? "scare quotes" : q.distancing_cue.str(), ai,
             q.open, q.close});
      }
      const std::vector<PhraseWord>& words = table_->words(ai);
      for (const LexiconMatch& m : ann.matches) {
        const LexiconEntry& e = lexicon_.entries[m.entry];
        if (e.kind != LexiconEntry::Kind::kCue || e.category != kCueDistancing || e.max_gap > 0) {
          continue;
        }
        const auto next = std::lower_bound(
            words.begin(), words.end(), m.end,
            [](const PhraseWord& w, std::size_t offset) { return w.begin < offset; });
        if (next == words.end() || next->boundary_before || IsPhraseStopword(next->norm)) continue;
        const std::size_t first = static_cast<std::size_t>(next - words.begin());
        const std::size_t last = PhraseAfterCue(words, first);
        const std::string surface = OneLine(std::string_view(text).substr(
            words[first].begin, words[last - 1].end - words[first].begin));
        add(PhraseKey(surface, article_stemmers_[ai]),
            {surface, OneLine(std::string_view(text).substr(m.start, m.end - m.start)), ai, m.start,
             words[last - 1].end});
      }
    }
    std::vector<DraftCandidate> out;
    for (const std::string& key : order) {
      const std::vector<Use>& uses = by_key[key];
      DraftCandidate c;
      c.kind = Kind::kDistanced;
      c.forms.push_back(Form(key, uses.front().surface));
      if (c.forms.back().language.empty())
        c.forms.back().language = articles_[uses.front().article].language;
      std::set<std::string> cues;
      for (const Use& u : uses) {
        ++c.evidence_per_outlet[outlet_ids_[outlet_of_[u.article]]];
        cues.insert(u.cue);
        AddKwic(&c.kwic, u.article, u.start, u.end);
      }
      std::string cue_list;
      for (const std::string& cue : cues) cue_list += (cue_list.empty() ? "" : ", ") + cue;
      c.findings.push_back("\"" + c.forms.back().form + "\" held at a distance " +
                           std::to_string(uses.size()) + "× (" + cue_list +
                           "): " + CountsPerOutlet(c.evidence_per_outlet));
      c.score = static_cast<double>(uses.size());
      taken_.insert(key);
      out.push_back(std::move(c));
    }
    std::stable_sort(out.begin(), out.end(), [](const DraftCandidate& x, const DraftCandidate& y) {
      return x.score > y.score;
    });
    return out;
  }

  // One past the last word of what a cue holds at a distance, starting at words[first]: the
  // longest run (up to max_words, ending in a content word, within one segment) that the
  // corpus uses at least min_count times as a phrase, else the one word. "so-called water
  // defenders blocked the road" gives "water defenders" when the corpus repeats it.
  std::size_t PhraseAfterCue(const std::vector<PhraseWord>& words, std::size_t first) const {
    std::size_t best = first + 1;
    std::string key = words[first].key;
    for (std::size_t last = first + 1; last < words.size() && last - first < options_.max_words;
         ++last) {
      if (words[last].boundary_before) break;
      key += " " + words[last].key;
      const PhraseStats* s = table_->Find(key);
      if (s == nullptr || s->total < options_.min_count) break;
      if (s->candidate) best = last + 1;
    }
    return best;
  }

  // Groups of outlets: those sharing a base (from the outlets file), when two or more but not
  // all of the corpus's outlets do.
  std::vector<std::pair<std::string, std::vector<std::size_t>>> OutletGroups() const {
    std::map<std::string, std::vector<std::size_t>> by_base;
    if (outlets_file_ == nullptr) return {};
    for (std::size_t o = 0; o < outlet_ids_.size(); ++o) {
      const Outlet* outlet = outlets_file_->Find(outlet_ids_[o]);
      if (outlet != nullptr && !outlet->base.empty()) by_base[outlet->base].push_back(o);
    }
    std::vector<std::pair<std::string, std::vector<std::size_t>>> out;
    for (auto& [base, members] : by_base) {
      if (members.size() < 2 || members.size() == outlet_ids_.size()) continue;
      std::string name;
      for (std::size_t o : members) name += (name.empty() ? "" : "+") + outlet_ids_[o];
      out.emplace_back(name + " (" + base + ")", members);
    }
    return out;
  }

  // Phrases an outlet or group uses more than the rest, by the z-score of the log-odds ratio.
  std::vector<DraftCandidate> Distinctive() const {
    struct Scored {
      std::string key;
      std::size_t group = 0;  // index into groups
      double z = 0;
      bool covered = false;  // the lexicon already matches it: left out, counted
    };
    std::vector<std::pair<std::string, std::vector<std::size_t>>> groups;
    for (std::size_t o = 0; o < outlet_ids_.size(); ++o) groups.push_back({outlet_ids_[o], {o}});
    if (outlet_ids_.size() < 2) return {};
    for (auto& g : OutletGroups()) groups.push_back(std::move(g));
    std::vector<Scored> scored;
    for (const auto& [key, s] : table_->phrases()) {
      if (!s.candidate || s.total < options_.min_count || taken_.count(key) > 0) continue;
      Scored best{key, 0, 0};
      for (std::size_t g = 0; g < groups.size(); ++g) {
        const std::vector<std::size_t>& members = groups[g].second;
        double y_i = 0;
        double n_i = 0;
        for (std::size_t o : members) {
          y_i += s.per_outlet[o];
          n_i += static_cast<double>(table_->Total(s.words, o));
        }
        if (y_i < options_.min_count) continue;
        const LogOdds lo = LogOddsWithPrior(y_i, n_i, s.total - y_i,
                                            static_cast<double>(table_->Total(s.words)) - n_i,
                                            options_.prior_scale);
        if (lo.z > best.z) best = {key, g, lo.z};
      }
      if (best.z < options_.min_z || EdgeIsReportingWord(s)) continue;
      best.covered = CoveredKey(key);
      scored.push_back(best);
    }
    std::sort(scored.begin(), scored.end(), [](const Scored& a, const Scored& b) {
      return a.z != b.z ? a.z > b.z : a.key < b.key;
    });
    // A phrase inside a longer one with the same counts says less: keep the longer.
    std::vector<Scored> kept;
    for (const Scored& s : scored) {
      const PhraseStats& ps = *table_->Find(s.key);
      const bool subsumed = std::any_of(scored.begin(), scored.end(), [&](const Scored& o) {
        if (o.key.size() <= s.key.size() || !PhraseContains(o.key, s.key)) return false;
        return table_->Find(o.key)->per_outlet == ps.per_outlet;
      });
      if (subsumed) continue;
      if (s.covered) {
        LeftOut(PhraseTable::BestSurface(ps));
        continue;
      }
      kept.push_back(s);
      if (kept.size() >= options_.max_distinctive) break;
    }
    std::vector<DraftCandidate> out;
    for (const Scored& s : kept) {
      DraftCandidate c;
      c.kind = Kind::kDistinctive;
      c.forms.push_back(Form(s.key, s.key));
      const std::vector<std::size_t>& members = groups[s.group].second;
      c.favoured_by = groups[s.group].first;
      c.score = s.z;
      char z[32];
      std::snprintf(z, sizeof z, "%.2f", s.z);
      c.findings.push_back("\"" + c.forms[0].form + "\" distinctive of " + c.favoured_by +
                           ": z = " + z + ", used " + CountsPerOutlet(c.forms[0].per_outlet));
      // One line from the favoured outlet, then one from elsewhere when there is one.
      const PhraseStats& ps = *table_->Find(s.key);
      for (int pass = 0; pass < 2; ++pass) {
        for (const PhraseOccurrence& occ : ps.occurrences) {
          const bool in_group =
              std::find(members.begin(), members.end(), outlet_of_[occ.article]) != members.end();
          if (in_group == (pass == 0)) {
            AddKwic(&c.kwic, occ.article, occ.start, occ.end);
            break;
          }
        }
      }
      out.push_back(std::move(c));
    }
    return out;
  }

  const std::vector<Article>& articles_;
  const std::vector<ArticleAnnotations>& annotations_;
  const Lexicon& lexicon_;
  const OutletsFile* outlets_file_;
  const DraftOptions& options_;
  std::vector<std::string> outlet_ids_;
  std::vector<std::size_t> outlet_of_;
  std::set<std::string> known_;  // keys of the lexicon's naming variants and loaded terms
  std::set<std::string> known_as_written_;  // the same, unstemmed
  // The normalised forms of the lexicon's places, with each place's id.
  std::vector<std::pair<std::string, std::string>> place_forms_;
  std::set<std::string> taken_;  // keys already in a candidate
  // The lexicon's forms (kCoveredGroup) and one-word reporting cues (kReportingGroup).
  LexiconMatcher matcher_;
  mutable std::map<std::string, bool> covered_memo_;              // Covered, by form
  mutable std::map<std::string, bool> reporting_memo_;            // IsReportingWord, by word
  mutable std::vector<std::string> covered_;                      // candidates left out as covered
  std::set<std::pair<std::string, std::string>> left_out_pairs_;  // name pairs among them
  std::map<std::string, std::unique_ptr<Stemmer>> stemmers_;      // by primary language
  std::vector<Stemmer*> article_stemmers_;                        // per article, null: none
  std::unique_ptr<PhraseTable> table_;
};

}  // namespace

int DraftForm::total() const {
  int n = 0;
  for (const auto& [outlet, c] : per_outlet) n += c;
  return n;
}

std::string CountsPerOutlet(const std::map<std::string, int>& counts) {
  std::string out;
  for (const auto& [outlet, n] : counts) {
    out += (out.empty() ? "" : ", ") + outlet + " " + std::to_string(n);
  }
  return out.empty() ? "none counted" : out;
}

const char* DraftKindName(DraftCandidate::Kind kind) {
  switch (kind) {
    case Kind::kNamePair:
      return "name pair";
    case Kind::kVariantGroup:
      return "variant group";
    case Kind::kDistanced:
      return "distanced";
    case Kind::kDistinctive:
      return "distinctive";
  }
  return "";
}

LexiconDraft DraftLexicon(const std::vector<Article>& articles,
                          const std::vector<ArticleAnnotations>& annotations,
                          const Lexicon& lexicon, const OutletsFile* outlets,
                          const DraftOptions& options) {
  return Drafter(articles, annotations, lexicon, outlets, options).Run();
}

}  // namespace parallax
