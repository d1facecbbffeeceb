#include "annotate/annotator.h"

#include <algorithm>
#include <array>
#include <span>
#include <string_view>
#include <tuple>
#include <utility>

#include "annotate/matcher.h"
#include "annotate/speakers.h"
#include "text/sentences.h"
#include "text/word_count.h"

namespace parallax {
namespace {

using Kind = LexiconEntry::Kind;

// The letters and digits of a name, lower-cased, in any script: "1news.az", "1news-az",
// "1NEWS.AZ" all give "1newsaz", "БЕЛТА" gives "белта". A reporter of the outlet is the outlet
// ("корреспондент БЕЛТА", "the Interfax correspondent"): those words, and articles, are
// left out.
std::string NameKey(std::string_view name) {
  static const WordList kReporters = {"correspondent",
                                      "reporter",
                                      "корреспондент",
                                      "корреспондента",
                                      "корреспонденту",
                                      "кореспондент",
                                      "карэспандэнт",
                                      "журналист",
                                      "журналіст",
                                      "the",
                                      "a",
                                      "an"};
  std::string key;
  const std::string lower = internal::Lower(name);
  for (const internal::Token& t : internal::Tokenize(lower, 0, lower.size())) {
    if (!t.word || kReporters.Contains(t.lower)) continue;
    for (std::size_t i = 0; i < t.text.size();) {
      const internal::Char c = internal::CharAt(t.text, i);
      if (c.len == 0) break;
      if (internal::IsAlnum(c.cp)) key += t.text.substr(i, c.len);
      i += c.len;
    }
  }
  return key;
}

// The name keys (NameKey) an article's outlet goes by: its id, its name, and the host of its
// address, each with and without the domain ending. A source with one of them ("Как сообщает
// 1news.az, …", "…, Trend reports" in an article of that outlet) is the outlet's own voice.
std::vector<std::string> OwnOutletKeys(const Article& article) {
  std::vector<std::string> own = {NameKey(article.outlet)};
  // A name and a host count with and without their domain ending ("1news.az" is read as "1news"
  // by the word that ends at its dot).
  const auto add = [&own](std::string_view name) {
    own.push_back(NameKey(name));
    if (const std::size_t dot = name.rfind('.'); dot != std::string_view::npos) {
      own.push_back(NameKey(name.substr(0, dot)));
    }
  };
  add(article.outlet_name);
  std::string_view host = article.url;
  if (const std::size_t scheme = host.find("://"); scheme != std::string_view::npos) {
    host.remove_prefix(scheme + 3);
    host = host.substr(0, host.find_first_of("/?#:"));
    if (host.substr(0, 4) == "www.") host.remove_prefix(4);
    add(host);
  }
  return own;
}

constexpr std::array<Kind, 4> kKinds = {Kind::kNaming, Kind::kLoaded, Kind::kCue, Kind::kActor};

const char* KindName(Kind kind) {
  switch (kind) {
    case Kind::kNaming:
      return "naming";
    case Kind::kLoaded:
      return "loaded";
    case Kind::kActor:
      return "actor";
    case Kind::kCue:
      return "cue";
    case Kind::kEvent:
      return "event";
    case Kind::kPlace:
      return "place";
  }
  return "?";
}

// What a compiled pattern stands for: a whole entry, or one side of a cue with a `{X}` gap.
struct PatternRole {
  std::size_t entry = 0;
  enum class Part { kWhole, kBeforeGap, kAfterGap } part = Part::kWhole;
};

// Words: runs of word bytes, with joiners inside a run (text/word_count.h).
std::size_t CountWordsIn(std::string_view text) { return CountWordRuns(text); }

std::string Trimmed(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return std::string(s);
}

}  // namespace

const char* VoiceName(Voice voice) {
  switch (voice) {
    case Voice::kOwn:
      return "own";
    case Voice::kQuoted:
      return "quoted";
    case Voice::kReported:
      return "reported";
  }
  return "own";
}

struct Annotator::Impl {
  // One matcher, one pattern group per kind (the group is the index in kKinds), so that a loaded
  // phrase ("separatist authorities of Nagorno-Karabakh") does not hide the naming choice inside
  // it; within a kind matching is leftmost-longest. One pass finds the matches of every kind.
  LexiconMatcher matcher;
  std::vector<PatternRole> roles;  // by pattern index
  QuoteOptions quote_options;
  AttributionOptions attribution_options;
};

Annotator::Annotator(const Lexicon& lexicon) : lexicon_(lexicon), impl_(std::make_unique<Impl>()) {
  for (std::size_t i = 0; i < lexicon.entries.size(); ++i) {
    const LexiconEntry& e = lexicon.entries[i];
    if (e.kind == Kind::kEvent || e.kind == Kind::kPlace) continue;  // alignment only
    const std::size_t k =
        static_cast<std::size_t>(std::find(kKinds.begin(), kKinds.end(), e.kind) - kKinds.begin());
    MatchPatternOptions options;
    options.stem_language = StemLanguage(e);
    options.group = static_cast<int>(k);
    auto add = [&](std::string_view form, PatternRole::Part part) {
      std::string error;
      const int index = impl_->matcher.Add(form, options, &error);
      if (index < 0) {
        diagnostics_.push_back(
            MakeError(e.file, e.line, 0, "form '" + std::string(form) + "': " + error));
        return;
      }
      auto& roles = impl_->roles;
      if (roles.size() <= static_cast<std::size_t>(index))
        roles.resize(static_cast<std::size_t>(index) + 1);
      roles[static_cast<std::size_t>(index)] = PatternRole{i, part};
    };
    const std::size_t gap = e.form.find(kGapToken);
    if (e.speaker_only) {
      // Matched in speaker phrases only (below), never counted as a mention in the text.
    } else if (gap != std::string::npos) {
      add(Trimmed(std::string_view(e.form).substr(0, gap)), PatternRole::Part::kBeforeGap);
      add(Trimmed(std::string_view(e.form).substr(gap + kGapToken.size())),
          PatternRole::Part::kAfterGap);
    } else {
      add(e.form, PatternRole::Part::kWhole);
    }
    if (e.kind == Kind::kActor) {
      const Actor* actor = lexicon.FindActor(e.actor_id);
      // Places: metonyms ("Azerbaijan") and one-word names of governments ("Baku", "Yerevan");
      // a surname a lexicon gives as speaker="only" ("Volkov") is no place.
      const bool one_word = e.form.find(' ') == std::string::npos;
      const bool place =
          (e.speaker_only || one_word) && actor != nullptr && actor->kind == "government";
      impl_->quote_options.speaker_patterns.push_back(SpeakerPattern{
          e.form, e.actor_id, actor != nullptr ? actor->perspective : e.perspective, place});
    }
  }
  // In the languages the built-in verbs (speakers.h) do not cover, the lexicons' reporting cues
  // of one or two words tag quotations: "«…», – повідомив мер", "„…“, - განაცხადა კობახიძემ",
  // "«…», - ասաց Փաշինյանը", "«…», - ասել է Փաշինյանը". English and Russian keep the built-in
  // lists, whose forms were chosen for quotation tags (English cues such as "showed" or
  // "revealed" seldom tag one). A word with a joiner (' ’ -) or longer than 64 bytes is left
  // out: the tag pre-filter (MayHoldReportingVerb) reads runs of letters up to that length.
  for (const LexiconEntry& e : lexicon.entries) {
    if (e.kind != Kind::kCue || e.category != kCueReporting || e.syntax == "source-follows" ||
        e.language == "en" || e.language == "ru" ||
        e.form.find_first_of("*{") != std::string::npos ||
        std::count(e.form.begin(), e.form.end(), ' ') > 1 || e.form.size() > 64 ||
        e.form.find_first_of("'-") != std::string::npos ||
        e.form.find("\u2019") != std::string::npos) {
      continue;
    }
    impl_->quote_options.reporting_verbs.Add(internal::Lower(e.form));
  }
  for (SpeakerPattern& pattern : impl_->quote_options.speaker_patterns) {
    pattern.words = internal::SplitSpeakerPattern(pattern.pattern);
    pattern.first_word_shape = internal::FirstWordShape(pattern.words);
  }
  impl_->attribution_options.speaker_patterns = impl_->quote_options.speaker_patterns;
  std::string error;
  if (!impl_->matcher.Compile(&error))
    diagnostics_.push_back(MakeError("", 0, 0, "lexicon does not compile: " + error));
}

Annotator::~Annotator() = default;

SpeakerNames SpeakerOf(const ArticleAnnotations& annotations, const LexiconMatch& match) {
  if (match.speaker_quote >= 0) {
    const Quote& q = annotations.quotes[static_cast<std::size_t>(match.speaker_quote)];
    return {q.speaker, q.actor_id, q.perspective};
  }
  if (match.attribution >= 0) {
    const AttributionRelation& r =
        annotations.attributions[static_cast<std::size_t>(match.attribution)];
    return {r.source, r.actor_id, r.perspective};
  }
  return {};
}

Diagnostics LongSentenceWarnings(const Article& article, const ArticleAnnotations& annotations,
                                 int line) {
  Diagnostics out;
  for (std::size_t start : annotations.long_sentences) {
    const std::size_t body = article.BodyOffset(start);
    const int at = line > 0 ? line : (body == std::string::npos ? 0 : article.SourceLine(body));
    out.push_back(MakeWarning(
        article.source_path.empty() ? article.id : article.source_path, at, 0,
        "a run of more than " + std::to_string(kMaxSentenceBytes) +
            " bytes without a sentence end; quotations and attribution read it in pieces",
        "a list or a whole page pasted as one line? Give it line breaks or full stops"));
  }
  return out;
}

ArticleAnnotations Annotator::Annotate(const Article& article) const {
  ArticleAnnotations out;
  const std::string_view text = article.text;
  out.words = CountWordsIn(text);
  for (const SentenceSpan& s : SplitSentences(text)) out.sentences.emplace_back(s.begin, s.end);
  out.long_sentences = CapSpanLength(text, &out.sentences);
  out.quotes = FindQuotes(text, impl_->quote_options);
  out.dates = FindDates(text, article.date, article.language);

  // Every kind's matches in one pass, reported kind by kind (group k is kKinds[k]).
  std::vector<PatternMatch> all_found;
  impl_->matcher.Match(text, &all_found);
  // Grown once, not by doubling: on dense text the matches are most of the memory.
  out.matches.reserve(all_found.size());
  const auto& roles = impl_->roles;
  for (auto kind_begin = all_found.begin(); kind_begin != all_found.end();) {
    const int group = impl_->matcher.group(kind_begin->pattern);
    const auto kind_end = std::find_if(kind_begin, all_found.end(), [&](const PatternMatch& m) {
      return impl_->matcher.group(m.pattern) != group;
    });
    const std::span<const PatternMatch> found(kind_begin, kind_end);
    kind_begin = kind_end;
    // A cue with a gap matches when its two sides follow each other within max_gap words.
    std::vector<const PatternMatch*> open_before;
    for (const PatternMatch& m : found) {
      const PatternRole& role = roles[static_cast<std::size_t>(m.pattern)];
      if (role.part == PatternRole::Part::kBeforeGap) {
        open_before.push_back(&m);
        continue;
      }
      std::size_t start = m.begin;
      if (role.part == PatternRole::Part::kAfterGap) {
        const LexiconEntry& e = lexicon_.entries[role.entry];
        const PatternMatch* partner = nullptr;
        for (auto it = open_before.rbegin(); it != open_before.rend(); ++it) {
          const PatternRole& r = roles[static_cast<std::size_t>((*it)->pattern)];
          if (r.entry != role.entry) continue;
          const std::size_t gap_words = CountWordsIn(text.substr((*it)->end, m.begin - (*it)->end));
          if (gap_words >= 1 && gap_words <= static_cast<std::size_t>(std::max(e.max_gap, 1)))
            partner = *it;
          break;
        }
        if (partner == nullptr) continue;
        start = partner->begin;
      }
      LexiconMatch lm;
      lm.start = start;
      lm.end = m.end;
      lm.entry = role.entry;
      out.matches.push_back(std::move(lm));
    }
  }
  std::sort(out.matches.begin(), out.matches.end(),
            [this](const LexiconMatch& a, const LexiconMatch& b) {
              if (a.start != b.start) return a.start < b.start;
              if (a.end != b.end) return a.end > b.end;
              return lexicon_.entries[a.entry].kind < lexicon_.entries[b.entry].kind;
            });
  // Entries of one kind that match the very same words (forms that stem alike, "на Украине" and
  // "на Украину"; one spelling in two languages, "Odessa" in English and in German) are one use
  // of the words: keep the entry in the article's language, then the one written as the text
  // writes it, then the first, so a use is never counted twice.
  {
    const auto same_use = [this](const LexiconMatch& a, const LexiconMatch& b) {
      return a.start == b.start && a.end == b.end &&
             lexicon_.entries[a.entry].kind == lexicon_.entries[b.entry].kind;
    };
    std::size_t kept = 0;
    for (std::size_t i = 0; i < out.matches.size();) {
      std::size_t j = i + 1;
      while (j < out.matches.size() && same_use(out.matches[i], out.matches[j])) ++j;
      std::size_t best = i;
      if (j - i > 1) {
        const std::string surface = NormalizeLexiconForm(
            text.substr(out.matches[i].start, out.matches[i].end - out.matches[i].start));
        const auto rank = [&](std::size_t k) {
          const std::size_t entry = out.matches[k].entry;
          const LexiconEntry& e = lexicon_.entries[entry];
          return std::tuple(!SameLanguage(e.language, article.language),
                            NormalizeLexiconForm(e.form) != surface, entry);
        };
        auto best_rank = rank(i);
        for (std::size_t k = i + 1; k < j; ++k) {
          if (auto r = rank(k); r < best_rank) {
            best = k;
            best_rank = std::move(r);
          }
        }
      }
      out.matches[kept++] = std::move(out.matches[best]);
      i = j;
    }
    out.matches.resize(kept);
  }

  // Attribution relations, from the reporting cues among the matches (the cues are freed once
  // read: on quote-dense text they are many).
  {
    const auto reporting = [this](const LexiconMatch& m) {
      const LexiconEntry& e = lexicon_.entries[m.entry];
      return e.kind == Kind::kCue && e.category == kCueReporting;
    };
    std::vector<CueSpan> cues;
    cues.reserve(
        static_cast<std::size_t>(std::count_if(out.matches.begin(), out.matches.end(), reporting)));
    for (const LexiconMatch& m : out.matches) {
      if (!reporting(m)) continue;
      const LexiconEntry& e = lexicon_.entries[m.entry];
      cues.push_back(
          CueSpan{m.start, m.end,
                  e.syntax == "source-follows" ? CueSyntax::kSourceFollows : CueSyntax::kVerb,
                  e.stance, e.max_gap > 0});
    }
    out.attributions =
        FindAttributions(text, out.sentences, out.quotes, cues, impl_->attribution_options);
    // The outlet reporting its own story ("Как сообщает 1news.az" in 1news.az) speaks in its
    // own voice.
    const std::vector<std::string> own = OwnOutletKeys(article);
    const auto own_source = [&](const AttributionRelation& a) {
      const std::string key = NameKey(a.mention);
      return key.size() >= 3 && std::find(own.begin(), own.end(), key) != own.end();
    };
    std::erase_if(out.attributions, [&](const AttributionRelation& a) {
      return a.kind == AttributionKind::kReported && a.quote < 0 && own_source(a);
    });
    // A quotation credited to the outlet ("…", передает корреспондент БЕЛТА) names no
    // speaker: the outlet relays someone's words without saying whose.
    for (AttributionRelation& a : out.attributions) {
      if (a.kind != AttributionKind::kDirect || !own_source(a)) continue;
      a.source = a.mention = a.actor_id = a.perspective = "";
      a.source_start = a.source_end = a.mention_start = a.mention_end = AttributionRelation::kNone;
      if (a.quote >= 0 && static_cast<std::size_t>(a.quote) < out.quotes.size()) {
        ClearSpeaker(&out.quotes[static_cast<std::size_t>(a.quote)]);
      }
    }
  }
  MarkQuotedFragments(text, out.attributions, impl_->attribution_options.fragment_max_words,
                      &out.quotes);

  // Sentence, voice and speaker of each match.
  const std::vector<int> relation_of_quote =
      DirectRelationsOfQuotes(out.attributions, out.quotes.size());
  for (LexiconMatch& m : out.matches) {
    auto it = std::upper_bound(out.sentences.begin(), out.sentences.end(), m.start,
                               [](std::size_t off, const auto& s) { return off < s.first; });
    m.sentence =
        it == out.sentences.begin() ? 0 : static_cast<std::size_t>(it - out.sentences.begin() - 1);
    // Words in a fragment (MarkQuotedFragments) are the reported speech's, like those around it.
    const Quote* inner = QuoteAt(out.quotes, m.start);
    if (!IsQuoted(out.quotes, m.start, m.end) ||
        (inner != nullptr && inner->kind == QuoteKind::kFragment)) {
      if (const AttributionRelation* a = ReportedAt(out.attributions, m.start);
          a != nullptr && m.end <= a->end) {
        m.voice = Voice::kReported;
        m.attribution = static_cast<int>(a - out.attributions.data());
      }
      continue;
    }
    const Quote* q = inner;
    bool in_title = false;
    while (q != nullptr) {
      const int index = static_cast<int>(q - out.quotes.data());
      if (q->kind == QuoteKind::kScare) {
        if (m.scare_quote < 0) m.scare_quote = index;
      } else if (q->kind == QuoteKind::kTitle) {
        // A name in quotation marks: neither someone's words nor held at a distance, unless the
        // form is an official title the text cites.
        in_title = true;
      } else if (m.quote < 0) {
        m.quote = index;
        m.voice = Voice::kQuoted;
      }
      if (m.quote >= 0 && !q->speaker.empty()) {
        m.speaker_quote = index;
        break;
      }
      q = q->parent >= 0 ? &out.quotes[static_cast<std::size_t>(q->parent)] : nullptr;
    }
    if (in_title && m.voice == Voice::kOwn && m.scare_quote < 0) {
      // A title inside reported speech ("Kobakhidze said the «…» law …") is the reported
      // speech's, like the words around it; in the outlet's own words an official title is cited.
      if (const AttributionRelation* a = ReportedAt(out.attributions, m.start);
          a != nullptr && m.end <= a->end) {
        m.voice = Voice::kReported;
        m.attribution = static_cast<int>(a - out.attributions.data());
      } else if (lexicon_.entries[m.entry].official_title) {
        m.distancing = kCitedTitle;
      }
    }
    // A quotation whose source attribution found beside it (a quote that goes on from reported
    // speech): the relation names the speaker.
    if (m.voice == Voice::kQuoted && m.speaker_quote < 0) {
      int top = m.quote;
      while (top >= 0 && out.quotes[static_cast<std::size_t>(top)].parent >= 0) {
        top = out.quotes[static_cast<std::size_t>(top)].parent;
      }
      const int r = top >= 0 ? relation_of_quote[static_cast<std::size_t>(top)] : -1;
      if (r >= 0 && !out.attributions[static_cast<std::size_t>(r)].source.empty()) {
        m.attribution = r;
      }
    }
  }

  // Distancing of own-voice uses: a scare quote, or a distancing cue just before the match
  // ("so-called Russian law", "the self-proclaimed “republic”").
  for (std::size_t i = 0; i < out.matches.size(); ++i) {
    LexiconMatch& m = out.matches[i];
    const LexiconEntry& e = lexicon_.entries[m.entry];
    if (m.voice != Voice::kOwn || e.kind == Kind::kCue || e.kind == Kind::kActor) continue;
    if (m.distancing == kCitedTitle) continue;
    if (m.scare_quote >= 0) {
      const Quote& q = out.quotes[static_cast<std::size_t>(m.scare_quote)];
      m.distancing = q.distancing_cue.empty() ? "scare quotes" : q.distancing_cue;
      continue;
    }
    for (std::size_t j = i; j-- > 0;) {
      const LexiconMatch& c = out.matches[j];
      if (c.end > m.start) continue;
      if (m.start - c.end > 16) break;
      const LexiconEntry& ce = lexicon_.entries[c.entry];
      if (ce.kind != Kind::kCue || ce.category != kCueDistancing) continue;
      bool adjacent = true;
      for (std::size_t k = c.end; k < m.start && adjacent;) {
        const internal::Char ch = internal::CharAt(text, k);
        adjacent = internal::IsSpace(ch.cp) || internal::IsQuoteChar(ch.cp);
        k += ch.len == 0 ? 1 : ch.len;
      }
      if (adjacent) m.distancing = text.substr(c.start, c.end - c.start);
      break;
    }
  }

  // Bracketed pairs: "A (B)" where A and B name the same concept. A lexicon may list the pair
  // itself as a form (it documents who writes it so); the pair is then split into its two names
  // so each is counted and the order is kept.
  const std::size_t naming = 0;  // kKinds[0]
  const auto bracket_in = [&](const LexiconMatch& m) {
    return lexicon_.entries[m.entry].kind == Kind::kNaming
               ? text.substr(m.start, m.end - m.start).find_first_of("([")
               : std::string_view::npos;
  };
  // Rewritten only when some form holds a bracket: a copy of every match is the largest thing
  // annotation allocates on dense text.
  const std::size_t bracketed = static_cast<std::size_t>(std::count_if(
      out.matches.begin(), out.matches.end(),
      [&](const LexiconMatch& m) { return bracket_in(m) != std::string_view::npos; }));
  if (bracketed > 0) {
    std::vector<LexiconMatch> split;
    split.reserve(out.matches.size() + bracketed);
    std::vector<PatternMatch> inner;
    std::vector<PatternMatch> second;
    for (const LexiconMatch& m : out.matches) {
      const std::size_t open = bracket_in(m);
      if (open == std::string_view::npos) {
        split.push_back(m);
        continue;
      }
      const std::string_view surface = text.substr(m.start, m.end - m.start);
      inner.clear();
      impl_->matcher.Match(surface.substr(0, open), &inner, naming);
      second.clear();
      impl_->matcher.Match(surface.substr(open + 1), &second, naming);
      if (inner.size() == 1 && second.size() == 1) {
        for (PatternMatch* pm : {&inner[0], &second[0]}) {
          LexiconMatch part = m;
          const std::size_t base = m.start + (pm == &inner[0] ? 0 : open + 1);
          part.start = base + pm->begin;
          part.end = base + pm->end;
          part.entry = impl_->roles[static_cast<std::size_t>(pm->pattern)].entry;
          split.push_back(part);
        }
      } else {
        split.push_back(m);
      }
    }
    out.matches = std::move(split);
  }
  for (std::size_t i = 0; i + 1 < out.matches.size(); ++i) {
    const LexiconEntry& a = lexicon_.entries[out.matches[i].entry];
    if (a.kind != Kind::kNaming) continue;
    for (std::size_t j = i + 1;
         j < out.matches.size() && out.matches[j].start <= out.matches[i].end + 3; ++j) {
      const LexiconEntry& b = lexicon_.entries[out.matches[j].entry];
      if (b.kind != Kind::kNaming || b.concept_id != a.concept_id) continue;
      const std::string_view between =
          text.substr(out.matches[i].end, out.matches[j].start - out.matches[i].end);
      const std::size_t close = out.matches[j].end;
      if ((between == " (" || between == "(" || between == " [" || between == "[") &&
          close < text.size() && (text[close] == ')' || text[close] == ']')) {
        out.bracketed_pairs.push_back(BracketedPair{i, j});
      }
    }
  }
  return out;
}

nlohmann::ordered_json AnnotationsToJson(const Article& article, const ArticleAnnotations& ann,
                                         const Lexicon& lexicon) {
  using json = nlohmann::ordered_json;
  json j;
  j["id"] = article.id;
  j["outlet"] = article.outlet;
  j["date"] = article.date ? article.date->ToString() : "";
  j["language"] = article.language;
  j["words"] = ann.words;
  j["body"] = article.text;
  j["sentences"] = json::array();
  for (const auto& [s, e] : ann.sentences) j["sentences"].push_back({s, e});
  j["quotes"] = json::array();
  for (const Quote& q : ann.quotes) {
    json jq;
    jq["start"] = q.start;
    jq["end"] = q.end;
    jq["open"] = q.open;
    jq["close"] = q.close;
    jq["kind"] = QuoteKindName(q.kind);
    jq["speaker"] = q.speaker;
    jq["actor"] = q.actor_id;
    jq["perspective"] = q.perspective;
    jq["verb"] = q.verb;
    jq["distancing_cue"] = q.distancing_cue;
    jq["words"] = q.word_count;
    jq["text"] = article.text.substr(q.start, q.end - q.start);
    j["quotes"].push_back(std::move(jq));
  }
  j["attributions"] = json::array();
  for (const AttributionRelation& a : ann.attributions) {
    json ja;
    ja["start"] = a.start;
    ja["end"] = a.end;
    ja["kind"] = AttributionKindName(a.kind);
    ja["source"] = a.source;
    ja["source_start"] =
        a.source_start == AttributionRelation::kNone ? json(nullptr) : json(a.source_start);
    ja["source_end"] =
        a.source_end == AttributionRelation::kNone ? json(nullptr) : json(a.source_end);
    ja["mention"] = a.mention;
    ja["cue"] = a.cue;
    ja["stance"] = a.stance;
    ja["actor"] = a.actor_id;
    ja["perspective"] = a.perspective;
    ja["quote"] = a.quote;
    ja["text"] = article.text.substr(a.start, a.end - a.start);
    j["attributions"].push_back(std::move(ja));
  }
  j["matches"] = json::array();
  for (const LexiconMatch& m : ann.matches) {
    const LexiconEntry& e = lexicon.entries[m.entry];
    json jm;
    jm["start"] = m.start;
    jm["end"] = m.end;
    jm["text"] = article.text.substr(m.start, m.end - m.start);
    jm["kind"] = KindName(e.kind);
    jm["entry"] = e.form;
    jm["concept"] = e.concept_id;
    jm["variant"] = e.kind == Kind::kNaming ? e.form : "";
    jm["perspective"] = e.perspective;
    jm["category"] = e.category;
    jm["actor"] = e.actor_id;
    jm["voice"] = VoiceName(m.voice);
    const SpeakerNames who = SpeakerOf(ann, m);
    jm["speaker"] = who.name;
    jm["speaker_actor"] = who.actor_id;
    jm["scare_quoted"] = m.scare_quote >= 0;
    jm["distancing"] = m.distancing;
    jm["attribution"] = m.attribution;
    jm["sentence"] = m.sentence;
    j["matches"].push_back(std::move(jm));
  }
  j["dates"] = json::array();
  for (const DateMention& d : ann.dates) {
    json jd;
    jd["start"] = d.start;
    jd["end"] = d.end;
    jd["text"] = d.text;
    if (d.resolved) {
      jd["resolved"] = d.is_range ? d.from.ToString() + "/" + d.to.ToString() : d.from.ToString();
    } else {
      jd["resolved"] = nullptr;
    }
    j["dates"].push_back(std::move(jd));
  }
  j["bracketed_pairs"] = json::array();
  for (const BracketedPair& p : ann.bracketed_pairs) {
    j["bracketed_pairs"].push_back(
        {{"first", lexicon.entries[ann.matches[p.first].entry].form},
         {"second", lexicon.entries[ann.matches[p.second].entry].form},
         {"concept", lexicon.entries[ann.matches[p.first].entry].concept_id}});
  }
  return j;
}

}  // namespace parallax
