#include "annotate/attribution.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <unordered_set>
#include <utility>

#include "annotate/speakers.h"

namespace parallax {
namespace {

using internal::CharAt;
using internal::IsAlnum;
using internal::IsDash;
using internal::IsQuoteChar;
using internal::Phrase;
using internal::Token;

// Words that make a phrase a time rather than a speaker ("Sunday", "last week"); trailing ones
// are trimmed from a source ("a report published Wednesday").
bool IsTime(std::string_view lower) {
  static const WordList kWords = {
      "monday",  "tuesday",   "wednesday", "thursday", "friday",    "saturday",   "sunday",
      "today",   "yesterday", "tonight",   "tomorrow", "week",      "weekend",    "month",
      "year",    "morning",   "evening",   "night",    "afternoon", "time",       "понедельник",
      "вторник", "среду",     "четверг",   "пятницу",  "субботу",   "воскресенье"};
  return kWords.Contains(lower);
}

// Heads that make a phrase a document or a headline rather than a speaker ("this bill",
// "international law").
bool IsDocument(std::string_view lower) {
  static const WordList kWords = {"bill",         "law",        "laws",     "legislation",
                                  "amendment",    "amendments", "headline", "title",
                                  "законопроект", "закон",      "закона",   "законом"};
  return kWords.Contains(lower);
}

bool IsNeverSource(std::string_view lower) { return IsTime(lower) || IsDocument(lower); }

// A word opening a sentence before a reporting verb with no subject: an adverb ("Ранее
// сообщалось", "Earlier reported") or a modal word of the outlet's own remark ("Стоит
// отметить", "Варто зазначити", "Следует напомнить").
bool IsImpersonalOpener(const Token& t) {
  static const WordList kWords = {
      "стоит",    "следует",   "нужно",   "надо",       "необходимо", "можно",   "важно",
      "варто",    "слід",      "треба",   "потрібно",   "необхідно",  "можна",   "важливо",
      "напомним", "нагадаємо", "ранее",   "раніше",     "позже",      "пізніше", "затем",
      "также",    "також",     "earlier", "previously", "later"};
  // A listed word only: a name ending in -ly ("Italy said", "Kelly said") is a subject.
  return t.word && kWords.Contains(t.lower);
}

// Negations before a verb: English, Russian, Ukrainian, Georgian.
bool IsNegation(std::string_view lower) {
  static const WordList kWords = {"not",      "never",  "n't",     "didn't", "doesn't",
                                  "don't",    "hasn't", "haven't", "hadn't", "won't",
                                  "wouldn't", "не",     "ні",      "არ",     "ვერ"};
  return kWords.Contains(lower);
}

bool IsPersonPronoun(std::string_view lower) {
  return internal::PronounKindOf(lower) == internal::PronounKind::kPerson;
}

bool IsAnyPronoun(std::string_view lower) {
  return internal::PronounKindOf(lower) != internal::PronounKind::kNone;
}

// Relative pronouns and adverbs that open a clause, not a subject.
bool IsRelativeWord(std::string_view lower) {
  static const WordList kWords = {"which",   "who",     "whom",    "where", "when", "который",
                                  "которая", "которое", "которые", "где",   "куда", "який",
                                  "яка",     "яке",     "які",     "де",    "որ",   "որը",
                                  "որին",    "որոնք",   "որտեղ",   "որից",  "որով"};
  return kWords.Contains(lower);
}

// Personal pronouns that can speak in the languages of back-references (BackReferenceAt):
// "Про це він заявив", "Об этом она сообщила", "Այս մասին նա ասել է".
bool IsSpeakingPronoun(std::string_view lower) {
  static const WordList kWords = {"он",   "она", "они", "він", "вона",
                                  "вони", "ён",  "яны", "նա",  "նրանք"};
  return kWords.Contains(lower);
}

// Verbs whose object comes before the reported clause: "told reporters (that) …".
bool TakesObject(std::string_view lower) {
  static const WordList kWords = {"told",   "tells", "tell",     "assured", "assures",
                                  "warned", "warns", "informed", "urged",   "urges",
                                  "asked",  "asks",  "reminded", "accused", "accuses",
                                  "called", "calls", "sent",     "briefed"};
  return kWords.Contains(lower);
}

// Words of a time phrase between a verb and its clause: "on Sunday", "last week", "earlier".
bool IsTimeWord(const Token& t) {
  static const WordList kWords = {
      "on",      "in",       "at",        "during",    "last",  "this",  "earlier",
      "later",   "today",    "yesterday", "tonight",   "week",  "month", "year",
      "morning", "evening",  "night",     "afternoon", "again", "в",     "во",
      "на",      "накануне", "вчера",     "сегодня",   "ранее"};
  return t.capital || kWords.Contains(t.lower);
}

// What follows a tag's verb when no clause does: "said on Thursday during a speech",
// "said Sunday", "said, including …".
bool IsCircumstance(const Token& t) {
  static const WordList kWords = {
      "on",        "in",     "at",      "during",    "of",       "to",        "about",
      "while",     "before", "after",   "from",      "with",     "when",      "as",
      "last",      "this",   "earlier", "later",     "today",    "yesterday", "tonight",
      "including", "monday", "tuesday", "wednesday", "thursday", "friday",    "saturday",
      "sunday",    "на",     "в",       "во",        "после",    "перед",     "накануне"};
  return !t.word || kWords.Contains(t.lower);
}

bool CallTakesSpeech(std::string_view next) {
  static const WordList kWords = {"it", "them", "him", "her", "this", "that", "for",
                                  "on", "the",  "a",   "an",  "such", "these"};
  return kWords.Contains(next);
}

// Forms of "show": its object is a clause (a finding) or a thing shown (a depiction).
bool IsShowing(std::string_view lower) {
  return lower == "show" || lower == "shows" || lower == "showed" || lower == "shown" ||
         lower == "showing";
}

// Heads of a picture or a recording of one: it shows what was there, it does not speak.
bool IsPicture(std::string_view lower) {
  static const WordList kWords = {"video",      "videos",      "footage", "photo",  "photos",
                                  "photograph", "photographs", "image",   "images", "picture",
                                  "pictures",   "clip",        "clips",   "map",    "maps",
                                  "screenshot", "screenshots", "frame",   "frames"};
  return kWords.Contains(lower);
}

bool IsThat(std::string_view lower) {
  return lower == "that" || lower == "что" || lower == "чтобы";
}

bool IsDeterminer(std::string_view lower) {
  static const WordList kWords = {"the",   "a",    "an",    "its",   "their",  "his",
                                  "her",   "our",  "these", "those", "such",   "this",
                                  "whose", "any",  "no",    "new",   "recent", "earlier",
                                  "many",  "some", "these", "your",  "my"};
  return kWords.Contains(lower);
}

bool IsAuxiliary(std::string_view lower) {
  static const WordList kWords = {"is", "are", "was", "were", "be", "been", "being", "'s"};
  return kWords.Contains(lower);
}

// Whether tokens[p] is a date: numbers and names of months only ("2016", "May 5").
bool IsDate(const std::vector<Token>& tokens, Phrase p) {
  if (!p.found) return false;
  for (std::size_t k = p.first; k <= p.last; ++k) {
    const Token& t = tokens[k];
    if (!t.word) continue;
    const bool number = t.lower[0] >= '0' && t.lower[0] <= '9';
    if (!number && !(t.capital && internal::IsDayOrMonth(t.lower))) return false;
  }
  return true;
}

// "As X said, …", "Как заявил X, …", "Як повідомили в …, …".
bool IsAs(std::string_view lower) { return lower == "as" || lower == "как" || lower == "як"; }

// Irregular past tenses of verbs of action ("Serbian police shot two protesters, claiming …"):
// with the regular "-ed", they tell a subject's verb from a noun.
bool IsIrregularPast(std::string_view lower) {
  static const WordList kWords = {
      "shot",  "fled",   "hit",     "led",    "cut",   "took",   "made",   "gave",   "went",
      "came",  "saw",    "held",    "left",   "kept",  "sent",   "struck", "fought", "began",
      "ran",   "won",    "lost",    "met",    "set",   "put",    "fell",   "broke",  "drove",
      "threw", "caught", "brought", "seized", "stole", "burned", "burnt"};
  return kWords.Contains(lower);
}

// Whether a lower-case word is a verb by its form: a reporting verb, an auxiliary or modal, or
// a regular past tense ("stormed"). Used only to tell a noun from the verb after it.
bool LooksLikeVerb(const Token& t) {
  static const WordList kWords = {"is",    "are",  "was",    "were",  "has",   "have",
                                  "had",   "will", "would",  "can",   "could", "may",
                                  "might", "must", "should", "shall", "did",   "does"};
  if (!t.word || t.capital) return false;
  if (kWords.Contains(t.lower) || internal::IsReportingVerbForm(t) || IsIrregularPast(t.lower)) {
    return true;
  }
  return t.lower.size() > 4 && t.lower.compare(t.lower.size() - 2, 2, "ed") == 0;
}

bool IsClauseEnd(const Token& t) {
  return !t.word &&
         (t.text == "." || t.text == "!" || t.text == "?" || t.text == ";" || t.text == "\u2026");
}

bool IsSeparator(const Token& t) {
  if (t.word) return false;
  if (t.text == "," || t.text == ":" || t.text == ";" || t.text == "(" || t.text == ")")
    return true;
  const char32_t c = CharAt(t.text, 0).cp;
  return IsDash(c);
}

enum class SourceType { kUnknown, kPerson, kOrganisation };

struct KnownSource {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::string text;
  SourceType type = SourceType::kUnknown;
};

// How many earlier quotations a cue looks back at for the quotation it tags.
constexpr int kLookBack = 64;

class Finder {
 public:
  Finder(std::string_view text, const std::vector<std::pair<std::size_t, std::size_t>>& sentences,
         const std::vector<Quote>& quotes, const std::vector<CueSpan>& cues,
         const AttributionOptions& options)
      : text_(text), sentences_(sentences), quotes_(quotes), cues_(cues), options_(options) {}

  std::vector<AttributionRelation> Run() {
    AddDirect();
    std::size_t c = 0;
    std::pair<std::size_t, std::size_t> previous{0, 0};  // the sentence before, if any
    for (const auto& [sb, se] : sentences_) {
      while (c < cues_.size() && cues_[c].begin < sb) ++c;
      std::size_t first = c;
      while (c < cues_.size() && cues_[c].begin < se) ++c;
      if (Headline(sb, se)) continue;
      if (first != c) Sentence(sb, se, first, c, previous);
      previous = {sb, se};
    }
    ResolveStatements();
    std::sort(out_.begin(), out_.end(),
              [](const AttributionRelation& a, const AttributionRelation& b) {
                return a.start != b.start ? a.start < b.start : a.end > b.end;
              });
    // Contents do not overlap: an attribution inside an earlier one's content is nested speech
    // ("X said Y claimed …") and the outer one speaks for all of it. Kept relations are moved
    // down in place (a second vector would double the largest allocation on quote-dense text).
    std::size_t kept_size = 0;
    const auto keep = [&](AttributionRelation& a) {
      if (&a != &out_[kept_size]) out_[kept_size] = std::move(a);
      ++kept_size;
    };
    for (AttributionRelation& a : out_) {
      if (kept_size > 0 && a.start < out_[kept_size - 1].end) {
        AttributionRelation& prev = out_[kept_size - 1];
        if (prev.kind == AttributionKind::kDirect) {
          // Reported content starting inside a quotation: it begins where the quotation ends.
          if (a.kind == AttributionKind::kDirect || a.end <= prev.end) continue;
          a.start = prev.end;
          keep(a);
          continue;
        }
        if (a.kind == AttributionKind::kDirect) prev.kind = AttributionKind::kMixed;
        if (a.end > prev.end) prev.end = a.end;
        continue;
      }
      keep(a);
    }
    out_.resize(kept_size);
    std::vector<AttributionRelation> kept = std::move(out_);
    // A quotation nobody is named for, right after reported speech of a source (in the same or
    // the next paragraph): the source goes on speaking ("X said the talks failed. “We tried,”").
    for (std::size_t k = 1; k < kept.size(); ++k) {
      AttributionRelation& a = kept[k];
      const AttributionRelation& prev = kept[k - 1];
      if (a.kind != AttributionKind::kDirect || !a.source.empty() || prev.source.empty()) continue;
      int breaks = 0;
      for (std::size_t i = prev.end; i < a.start && breaks < 3; ++i) {
        if (text_[i] == '\n' && (i == 0 || text_[i - 1] != '\n')) ++breaks;
      }
      if (breaks > 1 || a.start - prev.end > 400 || InHeading(a.start)) continue;
      CopySource(prev, &a);
    }
    // Words of the content; a mixed content's quoted words are the quotation's, not counted here.
    for (AttributionRelation& a : kept) {
      a.words = internal::CountWords(text_, a.start, a.end);
      if (a.kind != AttributionKind::kMixed) continue;
      for (std::size_t k = FirstQuoteFrom(a.start); k < quotes_.size(); ++k) {
        const Quote& q = quotes_[k];
        if (q.open >= a.end) break;
        if (q.kind != QuoteKind::kDirect || q.parent >= 0 || q.end <= a.start) continue;
        const std::size_t inside =
            internal::CountWords(text_, std::max(a.start, q.start), std::min(a.end, q.end));
        a.words -= std::min(a.words, inside);
      }
    }
    return kept;
  }

 private:
  // The speaker of `from`, as resolved and as written, with its actor.
  static void CopySource(const AttributionRelation& from, AttributionRelation* to) {
    to->source = from.source;
    to->source_start = from.source_start;
    to->source_end = from.source_end;
    to->mention = from.mention;
    to->mention_start = from.mention_start;
    to->mention_end = from.mention_end;
    to->actor_id = from.actor_id;
    to->perspective = from.perspective;
  }

  // Whether `pos` lies in a short line without closing punctuation: a subhead, which quotes
  // words the article reports further on, not the speaker before it.
  bool InHeading(std::size_t pos) const {
    // A heading is a short line: look no further than that (a long line costs nothing).
    constexpr std::size_t kReach = 128;
    std::size_t b = pos;
    while (b > 0 && text_[b - 1] != '\n' && pos - b <= kReach) --b;
    std::size_t e = pos;
    while (e < text_.size() && text_[e] != '\n' && e - pos <= kReach) ++e;
    if (pos - b > kReach || e - pos > kReach) return false;
    while (e > b && (text_[e - 1] == ' ' || text_[e - 1] == '\r')) --e;
    if (e - b > 120 || e == b) return false;
    const std::string_view line = text_.substr(b, e - b);
    for (std::string_view end : {".", "!", "?", "\u2026", "\u0589", ".\u201D", ".\u2019", ".\"",
                                 ".\u00BB", "\u0589\u00BB", ",\u201D", ",\u2019"}) {
      if (line.size() >= end.size() && line.compare(line.size() - end.size(), end.size(), end) == 0)
        return false;
    }
    return true;
  }

  // --- direct quotations

  void AddDirect() {
    for (std::size_t q = 0; q < quotes_.size(); ++q) {
      const Quote& quote = quotes_[q];
      if (quote.kind != QuoteKind::kDirect || quote.parent >= 0) continue;
      AttributionRelation a;
      a.start = quote.start;
      a.end = quote.end;
      a.kind = AttributionKind::kDirect;
      a.quote = static_cast<int>(q);
      a.source = quote.speaker;
      a.source_start = quote.speaker_start;
      a.source_end = quote.speaker_end;
      a.mention = quote.mention;
      a.mention_start = quote.mention_start;
      a.mention_end = quote.mention_end;
      a.cue = quote.verb;
      a.actor_id = quote.actor_id;
      a.perspective = quote.perspective;
      if (!quote.speaker.empty() && quote.speaker_start != Quote::kNone &&
          !InTheStatementAt(quote.speaker_start, quote.speaker_end)) {
        Remember(quote.speaker_start, quote.speaker_end, quote.speaker.str());
      }
      out_.push_back(std::move(a));
    }
  }

  // The direct quotation whose words hold `pos`, or nullptr.
  const Quote* DirectAt(std::size_t pos) const {
    const Quote* q = QuoteAt(quotes_, pos);
    while (q != nullptr && q->kind != QuoteKind::kDirect) {
      q = q->parent >= 0 ? &quotes_[static_cast<std::size_t>(q->parent)] : nullptr;
    }
    return q;
  }

  // The cue of a quotation's own tag ("“…,” Clinton said on Thursday"): the quotation's
  // relation already holds it.
  bool IsQuoteTag(const CueSpan& cue) const {
    // The quotations opened before the cue, nearest first, at most kLookBack of them.
    const int last = LastQuoteOpenedAt(quotes_, cue.begin);
    for (int k = last; k >= 0 && last - k < kLookBack; --k) {
      const Quote& q = quotes_[static_cast<std::size_t>(k)];
      if (q.kind != QuoteKind::kDirect || q.mention_start == Quote::kNone) continue;
      // The tag follows in the same paragraph (not a like cue of the next one).
      if (q.close <= cue.begin && cue.begin - q.close < 120 && q.mention_start >= q.close &&
          q.mention_start <= cue.end + 60 &&
          text_.substr(q.close, cue.begin - q.close).find('\n') == std::string_view::npos &&
          internal::Lower(text_.substr(cue.begin, cue.end - cue.begin)) == q.verb) {
        return true;
      }
    }
    return false;
  }

  bool InsideQuoteMarks(std::size_t pos) const {
    for (int k = LastQuoteOpenedAt(quotes_, pos); k >= 0;
         k = quotes_[static_cast<std::size_t>(k)].parent) {
      const Quote& q = quotes_[static_cast<std::size_t>(k)];
      if (q.kind == QuoteKind::kDirect && q.open <= pos && pos < q.close) return true;
    }
    return false;
  }

  // The first quote that may reach `begin` or beyond: the outermost quote holding `begin`, else
  // the first quote opened after it (quotes are in order of their opening marks).
  std::size_t FirstQuoteFrom(std::size_t begin) const {
    int k = LastQuoteOpenedAt(quotes_, begin);
    if (k < 0) return 0;
    int outer = k;
    for (int a = k; a >= 0; a = quotes_[static_cast<std::size_t>(a)].parent) {
      if (quotes_[static_cast<std::size_t>(a)].close > begin) outer = a;
    }
    return quotes_[static_cast<std::size_t>(outer)].close > begin ? static_cast<std::size_t>(outer)
                                                                  : static_cast<std::size_t>(k) + 1;
  }

  // --- known sources, for pronouns and definite descriptions

  static SourceType TypeOf(const std::vector<Token>& tokens, Phrase p) {
    bool org = false;
    std::size_t capitals = 0;
    std::size_t words = 0;
    for (std::size_t k = p.first; k <= p.last; ++k) {
      if (!tokens[k].word) continue;
      ++words;
      org |= internal::IsOrganisationWord(tokens[k].lower);
      if (tokens[k].capital) ++capitals;
    }
    if (org) return SourceType::kOrganisation;
    if (internal::IsTitleAbbreviation(tokens[p.first]) || internal::IsTitleWord(tokens[p.last]))
      return SourceType::kPerson;
    if (internal::IsInstitutionName(tokens, p.first, p.last)) return SourceType::kOrganisation;
    if (capitals >= 2 && capitals == words) return SourceType::kPerson;
    return SourceType::kUnknown;
  }

  void Remember(std::size_t begin, std::size_t end, std::string text) {
    const internal::Tokens tokens = internal::Tokenize(text_, begin, end);
    if (tokens.empty()) return;
    KnownSource k{begin, end, std::move(text), TypeOf(tokens, {0, tokens.size() - 1, true})};
    known_.emplace(end, std::move(k));
  }

  // The known source ending last at or before `pos` (the first remembered among those ending
  // at the same place) that `fits`; at most kLookBack sources are looked at.
  template <typename Fits>
  const KnownSource* NearestKnown(std::size_t pos, Fits fits) const {
    const KnownSource* nearest = nullptr;
    int looked = 0;
    for (auto it = known_.upper_bound(pos); it != known_.begin() && looked < kLookBack;) {
      --it;
      ++looked;
      if (nearest != nullptr && it->first < nearest->end) break;
      if (fits(it->second)) nearest = &it->second;  // equal ends: the earlier remembered wins
    }
    return nearest;
  }

  // The capitalised name that holds `head` (an ASCII word, lower case) as a word, last before
  // `before`: "Azerbaijani Foreign Ministry" for "ministry". Empty span when there is none.
  std::optional<KnownSource> NameHolding(std::string_view head, std::size_t before) const {
    if (head.empty()) return std::nullopt;
    for (char ch : head) {
      if (static_cast<unsigned char>(ch) >= 0x80) return std::nullopt;
    }
    auto is_word = [](char ch) {
      const unsigned char b = static_cast<unsigned char>(ch);
      return b >= 0x80 || std::isalnum(b) || ch == '-' || ch == '\'';
    };
    // Names are looked for in the 4 KB before the description: its antecedent is near.
    const std::size_t floor = before > 4096 ? before - 4096 : 0;
    for (std::size_t at = before; at-- > floor;) {
      if (at + head.size() > before) continue;
      if ((text_[at] | 0x20) != head[0] || (text_[at] & 0x20) != 0) continue;  // capitalised
      bool same = true;
      for (std::size_t k = 1; k < head.size() && same; ++k) {
        same = (text_[at + k] | 0x20) == head[k];
      }
      if (!same || (at > 0 && is_word(text_[at - 1]))) continue;
      const std::size_t after = at + head.size();
      if (after < text_.size() && std::isalpha(static_cast<unsigned char>(text_[after]))) continue;
      // Widen to the capitalised words around it.
      std::size_t b = at;
      while (b >= 2 && text_[b - 1] == ' ' &&
             std::isupper(static_cast<unsigned char>(text_[b - 2])) == 0) {
        std::size_t w = b - 1;
        while (w > 0 && is_word(text_[w - 1])) --w;
        if (w == b - 1 || !std::isupper(static_cast<unsigned char>(text_[w]))) break;
        b = w;
      }
      std::size_t e = after;
      while (e + 1 < text_.size() && text_[e] == ' ' &&
             std::isupper(static_cast<unsigned char>(text_[e + 1]))) {
        std::size_t w = e + 1;
        while (w < text_.size() && is_word(text_[w])) ++w;
        e = w;
      }
      if (b == at && e == after) continue;  // a word alone is no name
      return KnownSource{b, e, std::string(text_.substr(b, e - b)), SourceType::kOrganisation};
    }
    return std::nullopt;
  }

  // Resolves a pronoun or a definite description to an earlier source.
  std::optional<KnownSource> Resolve(const std::vector<Token>& tokens, Phrase p) const {
    const Token& head = tokens[p.last];
    if (p.first == p.last && IsAnyPronoun(head.lower)) {
      const bool person = IsPersonPronoun(head.lower);
      const bool thing = internal::PronounKindOf(head.lower) == internal::PronounKind::kThing;
      // The nearest fitting source before the pronoun.
      const KnownSource* nearest = NearestKnown(head.begin, [&](const KnownSource& s) {
        if (s.text.empty()) return false;
        if (person && s.type == SourceType::kOrganisation) return false;
        return !(thing && s.type == SourceType::kPerson);
      });
      if (nearest != nullptr) return *nearest;
      // No source fits: he or she is the person named last before the sentence with a title.
      if (!person) return std::nullopt;
      const auto [b, e] = internal::TitledNameBefore(text_, tokens.front().begin);
      if (b == std::string_view::npos) return std::nullopt;
      return KnownSource{b, e, std::string(text_.substr(b, e - b)), SourceType::kPerson};
    }
    // "the ministry", "the publication", "the spokesman": no capital, a determiner first.
    for (std::size_t k = p.first; k <= p.last; ++k) {
      if (tokens[k].capital) return std::nullopt;
    }
    if (tokens[p.first].lower != "the" && tokens[p.first].lower != "this") return std::nullopt;
    // The nearest earlier source holding the head as a whole word, else a name in the text.
    const KnownSource* nearest = NearestKnown(tokens[p.first].begin, [&](const KnownSource& s) {
      for (const Token& t : internal::Tokenize(text_, s.begin, s.end)) {
        if (t.word && t.lower == head.lower) return true;
      }
      return false;
    });
    if (nearest != nullptr) return *nearest;
    return NameHolding(head.lower, tokens[p.first].begin);
  }

  bool InTheStatementAt(std::size_t begin, std::size_t end) const {
    const internal::Tokens t = internal::Tokenize(text_, begin, end);
    return !t.empty() && IsInTheStatement(t, {0, t.size() - 1, true});
  }

  // "«…», — говорится в сообщении", "…, - məlumatda bildirilib" ('it is said in the
  // statement') name the statement, not who made it: its issuer is the source named last before
  // it, known once every sentence is read (a quotation's tag is read before the sentences).
  void ResolveStatements() {
    for (AttributionRelation& a : out_) {
      if (a.mention_start == AttributionRelation::kNone || a.source.str() != a.mention.str() ||
          !InTheStatementAt(a.mention_start, a.mention_end))
        continue;
      const KnownSource* issuer =
          NearestKnown(a.mention_start, [](const KnownSource& k) { return !k.text.empty(); });
      if (issuer == nullptr) continue;
      a.source = issuer->text;
      a.source_start = issuer->begin;
      a.source_end = issuer->end;
      internal::MatchSpeaker(options_.speaker_patterns, {a.source, a.mention}, &a.actor_id,
                             &a.perspective);
    }
  }

  // Whether tokens[p] is "in the statement": a locative preposition and a noun of a statement
  // (Russian, Ukrainian), or one Azerbaijani noun in the locative ("məlumatda", "bəyanatda").
  static bool IsInTheStatement(const std::vector<Token>& tokens, Phrase p) {
    static const WordList kNouns = {"сообщении",    "заявлении", "документе",
                                    "пресс-релизе", "обращении", "повідомленні",
                                    "заяві",        "документі", "зверненні"};
    static const WordList kLocatives = {"məlumatda", "açıqlamada", "bəyanatda", "sənəddə",
                                        "müraciətdə"};
    if (!p.found || p.last >= tokens.size()) return false;
    if (p.first == p.last) return kLocatives.Contains(tokens[p.first].lower);
    return p.last == p.first + 1 && internal::IsLocativePreposition(tokens[p.first].lower) &&
           kNouns.Contains(tokens[p.last].lower);
  }

  // --- "Name: what they said" (headlines, subheads, transcripts)

  static bool IsLabel(std::string_view lower) {
    static const WordList kLabels = {"update",      "updated",  "note",         "editor",
                                     "editors",     "photo",    "photos",       "video",
                                     "watch",       "read",     "related",      "source",
                                     "sources",     "see",      "also",         "correction",
                                     "disclaimer",  "warning",  "breaking",     "exclusive",
                                     "opinion",     "analysis", "live",         "advertisement",
                                     "share",       "tags",     "topics",       "follow",
                                     "subscribe",   "listen",   "image",        "caption",
                                     "credit",      "credits",  "more",         "question",
                                     "answer",      "why",      "what",         "how",
                                     "when",        "where",    "who",          "here",
                                     "fact",        "facts",    "background",   "context",
                                     "summary",     "example",  "day",          "part",
                                     "chapter",     "step",     "tip",          "q",
                                     "a",           "by",       "from",         "to",
                                     "subject",     "date",     "time",         "location",
                                     "title",       "author",   "contact",      "email",
                                     "phone",       "address",  "фото",         "видео",
                                     "источник",    "читайте",  "смотрите",     "обновлено",
                                     "предыстория", "контекст", "справка",      "подробнее",
                                     "напомним",    "важно",    "відео",        "джерело",
                                     "дивіться",    "оновлено", "передісторія", "довідка",
                                     "докладніше",  "нагадаємо"};
    return kLabels.Contains(lower);
  }

  bool Headline(std::size_t sb, std::size_t se) {
    const std::size_t colon = text_.substr(0, std::min(se, sb + 61)).find(':', sb);
    if (colon == std::string_view::npos) return false;
    if (DirectAt(colon) != nullptr || InsideQuoteMarks(colon)) return false;
    const internal::Tokens head = internal::Tokenize(text_, sb, colon);
    if (head.empty() || head.size() > 6) return false;
    std::size_t capitals = 0;
    for (const Token& t : head) {
      if (!t.word) {
        if (t.text != "'" && t.text != "\u2019" && t.text != ".") return false;
        continue;
      }
      if (IsLabel(t.lower)) return false;
      if (t.capital) {
        ++capitals;
      } else if (!internal::IsFunctionWord(t)) {
        return false;
      }
    }
    if (capitals == 0) return false;
    const internal::Tokens rest = internal::Tokenize(text_, colon + 1, se);
    std::size_t words = 0;
    for (const Token& t : rest) words += t.word;
    if (words < 3) return false;
    std::size_t k = 0;
    const std::size_t last = LastContentToken(rest);
    const std::size_t begin = rest[k].begin;
    const std::size_t end = rest[last].end;
    if (begin >= end || CoveredByDirect(begin, end)) return false;
    AttributionRelation a;
    a.start = begin;
    a.end = end;
    a.kind = HoldsQuote(begin, end) ? AttributionKind::kMixed : AttributionKind::kReported;
    a.cue = ":";
    a.cue_start = colon;
    a.cue_end = colon + 1;
    SetSource(head, {0, head.size() - 1, true}, &a);
    out_.push_back(std::move(a));
    return true;
  }

  // --- one sentence

  static std::size_t TokenAt(const std::vector<Token>& tokens, std::size_t offset) {
    return static_cast<std::size_t>(
        std::upper_bound(tokens.begin(), tokens.end(), offset,
                         [](std::size_t off, const Token& t) { return off < t.end; }) -
        tokens.begin());
  }

  // Drops trailing time words ("A news report published Wednesday" → "A news report
  // published"), then refuses a phrase whose head is a time or a document ("Sunday", "this
  // bill").
  static bool ValidSource(const std::vector<Token>& tokens, Phrase* p) {
    if (!p->found) return false;
    // "Ранее сообщалось, что …", "Стоит отметить, что …": an adverb or a modal word opening
    // the sentence is no one speaking (the report is impersonal, or the outlet's own remark).
    if (p->first == p->last && p->first == 0 && IsImpersonalOpener(tokens[0])) return false;
    // A preposition alone ("Во вторник стало известно, …, хотя ранее уверяла") is no one.
    if (p->first == p->last && internal::IsLocativePreposition(tokens[p->first].lower)) {
      return false;
    }
    while (p->last > p->first && (IsTime(tokens[p->last].lower) ||
                                  internal::IsAdverb(tokens[p->last]) || !tokens[p->last].word)) {
      --p->last;
    }
    if (!tokens[p->last].word || IsNeverSource(tokens[p->last].lower)) return false;
    return !(p->first == p->last && IsDeterminer(tokens[p->first].lower));
  }

  // The first noun phrase of the sentence: the subject of "…, adding that …". Its verb is the
  // first lower-case word after it, unless that word is no verb and the next one is ("Serbian
  // police stormed", "The Russian army has shelled"): then the word is the phrase's noun.
  Phrase SentenceSubject(const std::vector<Token>& tokens, std::size_t before) const {
    for (std::size_t v = 0; v < before; ++v) {
      if (!tokens[v].word || tokens[v].capital) continue;
      if (internal::IsFunctionWord(tokens[v]) || internal::IsAdverb(tokens[v])) continue;
      if (v > 0 && v + 1 < before && tokens[v - 1].word && !LooksLikeVerb(tokens[v]) &&
          LooksLikeVerb(tokens[v + 1])) {
        ++v;
      }
      const Phrase p = internal::SubjectBefore(tokens, v, 0);
      if (p.found && p.first <= 1) return p;
      break;
    }
    return {};
  }

  // Subjects SubjectBefore does not take: "47 percent said", "new filings show", a verb
  // coordinated with an earlier one ("… survived … and says"), a relative clause ("Barkley, who
  // said …, said").
  Phrase OtherSubject(const std::vector<Token>& tokens, std::size_t verb,
                      Phrase last_source) const {
    std::size_t i = verb;
    while (i > 0 && tokens[i - 1].word && internal::IsAdverb(tokens[i - 1])) --i;
    if (i == 0) return {};
    const std::string_view before = tokens[i - 1].lower;
    // A verb coordinated with an earlier one, or after "although", has the sentence's subject.
    static const WordList kJoiners = {"and", "but", "then", "и", "но", "хотя", "хоча"};
    if (kJoiners.Contains(before)) {
      if (last_source.found && last_source.last < i) return last_source;
      return SentenceSubject(tokens, i - 1);
    }
    if ((before == "who" || before == "which" || before == "который" || before == "которая") &&
        i >= 3 && tokens[i - 2].text == ",") {
      const std::size_t end = i - 2;
      const std::size_t start = internal::ChunkStart(tokens, end, 0);
      if (start < end && internal::PlausibleSubject(tokens, start, end))
        return {start, end - 1, true};
      return {};
    }
    if (!tokens[i - 1].word) return {};
    std::size_t start = internal::ChunkStart(tokens, i, 0);
    if (start >= i || i - start > 5) return {};
    // "Some advocates for stem cell research said": across of/for/at to the head noun.
    bool plural_head = false;
    while (start > 1 && tokens[start - 1].word &&
           (tokens[start - 1].lower == "of" || tokens[start - 1].lower == "for" ||
            tokens[start - 1].lower == "at" || tokens[start - 1].lower == "from" ||
            tokens[start - 1].lower == "with") &&
           tokens[start - 2].word) {
      const std::size_t before_start = internal::ChunkStart(tokens, start - 1, 0);
      if (before_start >= start - 1 || start - before_start > 8) break;
      const std::string_view h = tokens[start - 2].lower;
      plural_head |= h.size() > 3 && h.back() == 's';
      if (internal::PlausibleSubject(tokens, before_start, start - 1) || plural_head) {
        start = before_start;
      } else {
        break;
      }
    }
    if (plural_head || internal::PlausibleSubject(tokens, start, i)) return {start, i - 1, true};
    bool quantity = false;
    for (std::size_t k = start; k < i; ++k) {
      const std::string_view w = tokens[k].lower;
      quantity |= (w[0] >= '0' && w[0] <= '9') || w == "percent" || w == "half" ||
                  w == "majority" || w == "most" || w == "third" || w == "quarter" ||
                  w == "plurality" || w == "процентов" || w == "большинство";
    }
    const std::string_view head = tokens[i - 1].lower;
    const bool plural = head.size() > 3 && head.back() == 's' && !internal::IsAdverb(tokens[i - 1]);
    // Numbers and bare plurals speak only through verbs of saying and opinion ("47 percent
    // said", "new filings show"); "271 pledged delegates" is no speech.
    static const WordList kOpinionVerbs = {
        "said",     "say",      "says",    "told",     "believe",   "believes",  "think",
        "thinks",   "want",     "wants",   "support",  "supports",  "prefer",    "prefers",
        "expect",   "expects",  "feel",    "feels",    "agree",     "agreed",    "oppose",
        "opposed",  "show",     "shows",   "showed",   "found",     "find",      "finds",
        "reported", "report",   "reports", "estimate", "estimates", "estimated", "считают",
        "заявили",  "сообщили", "показал", "показали"};
    if ((quantity && kOpinionVerbs.Contains(tokens[verb].lower)) || plural) {
      return {start, i - 1, true};
    }
    return {};
  }

  // "officials in Nagorno-Karabakh", "a spokesman for the ministry", "the head of the agency":
  // the subject reaches back over of/for/in/at to the noun it belongs to.
  // A word that reads as a plural noun by its ending ("protesters", "officials").
  static bool LooksPlural(const Token& t) { return t.lower.size() > 3 && t.lower.back() == 's'; }

  static void ExtendBack(const std::vector<Token>& tokens, Phrase* p) {
    const auto extends = [&](std::size_t first) {
      const Token& before = tokens[first - 2];
      const std::string_view prep = tokens[first - 1].lower;
      if (!tokens[first - 1].word || !before.word ||
          (prep != "of" && prep != "for" && prep != "in" && prep != "at" && prep != "from")) {
        return false;
      }
      if (!before.capital) return true;
      // A name that holds "of" or "for" ("the State Committee for National Security", "the
      // Committee for the Protection of Journalists"), not a name and a place ("Zelensky in
      // Kyiv").
      const bool name_after =
          tokens[first].capital || (first + 1 < tokens.size() &&
                                    IsDeterminer(tokens[first].lower) && tokens[first + 1].capital);
      if (name_after && (prep == "of" || prep == "for")) return true;
      // A plural noun opening the sentence is capitalised only for that ("Protesters in
      // Tbilisi said").
      return first == 2 && LooksPlural(before);
    };
    while (p->first > 1 && extends(p->first)) {
      const std::size_t start = internal::ChunkStart(tokens, p->first - 1, 0);
      if (start >= p->first - 1 || p->first - start > 6) break;
      if (!internal::PlausibleSubject(tokens, start, p->first - 1) &&
          !LooksPlural(tokens[p->first - 2])) {
        break;
      }
      p->first = start;
    }
  }

  // ", police said," / ", staff said.": a tag standing alone between separators (or closing
  // the sentence) has for its subject the few words between the separator and the verb, even a
  // bare noun that PlausibleSubject does not take ("police", "staff"). A verb going on to an
  // object or a clause ("…, police said nothing") is no such tag.
  static Phrase TagSubject(const std::vector<Token>& tokens, std::size_t verb, std::size_t after) {
    if (verb == 0 || !tokens[verb - 1].word) return {};
    // Only a time may follow: "…, police said.", "…, police said Monday", "…, police said on
    // Monday".
    const bool time_after = after < tokens.size() && tokens[after].word &&
                            (IsTime(tokens[after].lower) ||
                             (after + 1 < tokens.size() && IsTimeWord(tokens[after]) &&
                              tokens[after + 1].word && IsTime(tokens[after + 1].lower)));
    if (after < tokens.size() && tokens[after].word && !time_after) return {};
    const std::size_t start = internal::ChunkStart(tokens, verb, 0);
    if (start == 0 || start >= verb || verb - start > 3 || !IsSeparator(tokens[start - 1])) {
      return {};
    }
    for (std::size_t k = start; k < verb; ++k) {
      if (!tokens[k].word || IsDeterminer(tokens[k].lower) || IsNeverSource(tokens[k].lower))
        return {};
    }
    // A relative clause is no subject: "…, որին կից գրել է" ('alongside which he wrote'),
    // "…, which said", "…, где сообщили".
    if (IsRelativeWord(tokens[start].lower)) return {};
    return {start, verb - 1, true};
  }

  // "Marley Anderson, 21, a junior from Las Vegas, said": the name that opens the sentence,
  // followed by a comma.
  static Phrase AppositiveSubject(const std::vector<Token>& tokens, std::size_t verb) {
    if (verb < 3 || tokens[verb - 1].text != ",") return {};
    std::size_t j = 0;
    while (j < verb && j < 6 && (tokens[j].capital || tokens[j].text == ".")) ++j;
    if (j == 0 || j >= verb || tokens[j].text != "," || !tokens[0].capital) return {};
    if (internal::IsClauseOpener(tokens[0])) return {};
    return {0, j - 1, true};
  }

  // Reported (or mixed, when it holds a quotation) content [begin, end) of `cue`.
  AttributionRelation Reported(std::size_t begin, std::size_t end, const CueSpan& cue) const {
    AttributionRelation a;
    a.start = begin;
    a.end = end;
    a.kind = HoldsQuote(begin, end) ? AttributionKind::kMixed : AttributionKind::kReported;
    a.cue = std::string(text_.substr(cue.begin, cue.end - cue.begin));
    a.cue_start = cue.begin;
    a.cue_end = cue.end;
    a.stance = cue.stance;
    return a;
  }

  // A back-reference to the sentence before: the words of the tag say "about this" and the tag
  // has no content of its own (lexicons/reference/reporting-cues.md, RC4, RC7, RC13).
  //   - the source follows the verb: "Об этом 7 июня сообщил мэр …", "Про це повідомив голова …",
  //     "Այս մասին ֆեյսբուքյան իր էջում գրել է վարչապետ …": the words before the verb are
  //     lower-case words of time or place, numbers, or a personal pronoun (then the source:
  //     "Про це він заявив в Facebook");
  //   - the source stands before the verb: "Bunu XİN rəhbəri Ceyhun Bayramov bildirib",
  //     "Bu barədə Müdafiə Nazirliyi bildirib", also after "… xəbər verir ki, bunu …".
  struct BackReference {
    bool found = false;
    bool source_before = false;  // the source stands between the opener and the verb
    std::size_t after_opener = 0;
  };
  static BackReference BackReferenceAt(const std::vector<Token>& tokens, std::size_t verb) {
    BackReference r;
    bool source_before = false;
    if (internal::AboutThisAt(tokens, 0, verb, &source_before) && !source_before) {
      r.after_opener = 2;
    } else {
      // Azerbaijani: "Bunu …", "Bu barədə …", at the start or after "… ki,".
      for (std::size_t k = 0; k < verb; ++k) {
        const bool start = k == 0 || (k >= 2 && tokens[k - 1].text == "," && tokens[k - 2].word &&
                                      tokens[k - 2].lower == "ki");
        if (!start) continue;
        if (tokens[k].word && tokens[k].lower == "bunu") {
          r.after_opener = k + 1;
        } else if (internal::AboutThisAt(tokens, k, verb, &source_before) && source_before) {
          r.after_opener = k + 2;
        }
        if (r.after_opener == 0) continue;
        r.source_before = true;
        break;
      }
      if (!r.source_before) return r;
      // The source: at least one capitalised word before the verb.
      for (std::size_t k = r.after_opener; k < verb; ++k) r.found |= tokens[k].capital;
      return r;
    }
    if (verb - r.after_opener > 6) return r;
    // (Numbers are word tokens: "Про це 6 червня повідомляє …" passes.)
    for (std::size_t k = r.after_opener; k < verb; ++k) {
      if (!tokens[k].word || (tokens[k].capital && !IsSpeakingPronoun(tokens[k].lower))) return r;
    }
    r.found = true;
    return r;
  }

  // The source after the verb of a back-reference: where it was said may stand between them
  // ("сообщил в Facebook пресс-секретарь …", "в своём Telegram-канале мэр …"); in "говорится в
  // сообщении МЧС" the document is the source's, named by the capitalised word after it.
  static Phrase SourceAfterVerb(const std::vector<Token>& tokens, std::size_t cl) {
    std::size_t from = cl + 1;
    if (from + 1 < tokens.size() && tokens[from].word &&
        internal::IsLocativePreposition(tokens[from].lower)) {
      std::size_t k = from + 1;
      const std::string_view own = tokens[k].lower;
      if (own == "своем" || own == "своём" || own == "своєму" || own == "своей" || own == "своїй") {
        ++k;
      }
      // A platform is followed by the source's lower-case head ("в Facebook пресс-секретарь");
      // a capitalised word after it goes on with the name ("в МЧС России").
      if (k + 1 < tokens.size() && tokens[k].word && tokens[k + 1].word && !tokens[k + 1].capital &&
          (tokens[k].capital || k > from + 1)) {
        from = k + 1;  // the platform, then the source
      } else {
        std::size_t name = from + 1;
        while (name < tokens.size() && name < from + 4 && tokens[name].word &&
               !tokens[name].capital) {
          ++name;
        }
        from = name < tokens.size() && tokens[name].word && tokens[name].capital ? name : from + 1;
      }
    }
    Phrase source = internal::PhraseAfter(tokens, from, tokens.size());
    if (!ValidSource(tokens, &source)) return {};
    return source;
  }

  // The content of a back-reference: the sentence before, when it is in the same paragraph or
  // ends the paragraph before ("…\n\nПро це повідомив …"), and is not a quotation already. When
  // there is none the sentence reports nothing: its only words beside the verb are the source.
  void PointBack(const std::vector<Token>& tokens, std::size_t cf, std::size_t cl,
                 const BackReference& ref, std::pair<std::size_t, std::size_t> previous,
                 const CueSpan& cue) {
    Phrase source;
    for (std::size_t k = ref.after_opener; !ref.source_before && k < cf; ++k) {
      if (tokens[k].word && IsSpeakingPronoun(tokens[k].lower)) {
        source = {k, k, true};  // "Про це він заявив"
      }
    }
    if (ref.source_before) {
      // From the first capitalised word after the opener to the verb: "bunu sentyabrın 27-də
      // keçirilən brifinqdə Prezidentin köməkçisi Hikmət Hacıyev bildirib" names the aide.
      std::size_t first = ref.after_opener;
      while (first < cf && !tokens[first].capital) ++first;
      std::size_t last = cf;
      while (last > first && !tokens[last - 1].word) --last;
      if (last > first && last - first <= 10) source = {first, last - 1, true};
      if (source.found && !ValidSource(tokens, &source)) source = {};
      // The source ends at its last capitalised word: what follows says where or to whom
      // ("… İlham Əliyev xalqa müraciətində bildirib", 'in his address to the people'). A place
      // is no source: "bunu Bakıda keçirilən görüşdə deyib" ('at the meeting held in Baku')
      // leaves one word in the locative -da/-də/-ta/-tə.
      while (source.found && source.last > source.first && !tokens[source.last].capital) {
        --source.last;
      }
      if (source.found && source.first == source.last) {
        const std::string_view w = tokens[source.last].lower;
        for (const std::string_view locative : {"da", "də", "ta", "tə"}) {
          if (w.size() > locative.size() + 2 && w.ends_with(locative)) source = {};
        }
      }
      if (source.found && !tokens[source.last].capital) source = {};
    } else if (!source.found) {
      source = SourceAfterVerb(tokens, cl);
    }
    if (!source.found) return;
    const auto [pb, pe] = previous;
    if (pe <= pb || pe > tokens.front().begin) return;
    const std::string_view gap = text_.substr(pe, tokens.front().begin - pe);
    if (std::count(gap.begin(), gap.end(), '\n') > 2) return;
    // A sentence that names a source is a tag, not content ("X. Об этом сообщил Y.\n\nОб этом
    // заявил Z.").
    for (const AttributionRelation& r : out_) {
      if (!r.mention.empty() && r.mention_start >= pb && r.mention_start < pe) return;
    }
    const internal::Tokens before = internal::Tokenize(text_, pb, pe);
    if (before.empty()) return;
    const std::size_t last = LastContentToken(before);
    const std::size_t begin = before.front().begin;
    const std::size_t end = before[last].end;
    if (begin >= end || CountWords(before, 0, last) < options_.min_content_words ||
        CoveredByDirect(begin, end) || InHeading(begin)) {
      return;
    }
    AttributionRelation a = Reported(begin, end, cue);
    SetSource(tokens, source, &a);
    out_.push_back(std::move(a));
  }

  void Sentence(std::size_t sb, std::size_t se, std::size_t first_cue, std::size_t last_cue,
                std::pair<std::size_t, std::size_t> previous) {
    // The sentence is cut into tokens once a cue outside quotations needs them (often none does).
    internal::Tokens tokens;
    bool tokenized = false;
    std::size_t covered_until = sb;  // content found so far in this sentence ends here
    Phrase last_source;
    for (std::size_t c = first_cue; c < last_cue; ++c) {
      const CueSpan& cue = cues_[c];
      if (cue.begin < covered_until || DirectAt(cue.begin) != nullptr) continue;
      if (InsideQuoteMarks(cue.begin)) continue;
      if (!std::exchange(tokenized, true)) tokens = internal::Tokenize(text_, sb, se);
      if (tokens.empty()) return;
      const bool tag = IsQuoteTag(cue);
      const std::size_t cf = TokenAt(tokens, cue.begin);
      std::size_t cl = TokenAt(tokens, cue.end > 0 ? cue.end - 1 : 0);
      if (cf >= tokens.size() || cl >= tokens.size()) continue;
      if (cue.syntax != CueSyntax::kSourceFollows) {
        if (const BackReference ref = BackReferenceAt(tokens, cf); ref.found) {
          // The tag's words are no content; later cues of the sentence are read as usual ("Об
          // этом сообщил Песков, а Лавров заявил, что …").
          PointBack(tokens, cf, cl, ref, previous, cue);
          covered_until = std::max(covered_until, cue.end);
          continue;
        }
      }
      if (CitingAside(tokens, cf, cl, c + 1 < last_cue ? &cues_[c + 1] : nullptr)) continue;
      Candidate found = cue.syntax == CueSyntax::kSourceFollows
                            ? SourceFollows(tokens, cf, cl, cue.gap)
                            : Verb(tokens, cf, cl, last_source);
      if (!found.ok) continue;
      // After a quotation's own tag only a new clause is content ("“…,” he said, adding that
      // …"), not the tag's circumstances ("“…,” Clinton said on Thursday during a speech").
      if (tag && (found.content_first < cf || found.content_first >= tokens.size() ||
                  IsCircumstance(tokens[found.content_first]) ||
                  (cl + 1 < tokens.size() && IsCircumstance(tokens[cl + 1])))) {
        // The tag's source is the one "…, adding that …" goes on with, not the quotation's
        // first words.
        if (found.source.found) last_source = found.source;
        continue;
      }
      const std::size_t begin =
          found.content_first < tokens.size() ? tokens[found.content_first].begin : se;
      const std::size_t end =
          found.content_last < tokens.size() ? tokens[found.content_last].end : se;
      if (begin >= end || CountWords(tokens, found.content_first, found.content_last) <
                              options_.min_content_words) {
        continue;
      }
      if (CoveredByDirect(begin, end)) continue;
      AttributionRelation a = Reported(begin, end, cue);
      if (found.pronoun.empty()) {
        SetSource(tokens, found.source, &a);
      } else {
        // Resolved as the personal pronoun; the views of the copy are the sentence's tokens'.
        std::vector<Token> as_pronoun(tokens.begin(), tokens.end());
        as_pronoun[found.source.first].lower = found.pronoun;
        SetSource(as_pronoun, found.source, &a);
      }
      if (found.source.found && found.pronoun.empty()) last_source = found.source;
      out_.push_back(std::move(a));
      if (end > covered_until) covered_until = end;
    }
  }

  // "A government news portal, citing its border guard service, said …": the aside names
  // where the words come from; the verb after it reports them, with the subject before it.
  static bool CitingAside(const std::vector<Token>& tokens, std::size_t cf, std::size_t cl,
                          const CueSpan* next) {
    static const WordList kCiting = {"citing", "quoting"};
    if (next == nullptr || cf == 0 || tokens[cf - 1].text != "," ||
        !kCiting.Contains(tokens[cf].lower)) {
      return false;
    }
    const std::size_t nf = TokenAt(tokens, next->begin);
    if (nf >= tokens.size() || nf <= cl + 1 || tokens[nf - 1].text != ",") return false;
    for (std::size_t k = cl + 1; k + 1 < nf; ++k) {
      if (!tokens[k].word && tokens[k].text != "'" && tokens[k].text != "’") return false;
    }
    return true;
  }

  struct Candidate {
    bool ok = false;
    Phrase source;
    std::size_t content_first = 0;
    std::size_t content_last = 0;  // inclusive
    // A possessive pronoun inside the cue that is the source ("По ее словам"): the personal
    // pronoun it stands for ("она"), resolved as that pronoun would be.
    std::string_view pronoun;
  };

  // The personal pronoun a possessive inside a source-follows cue stands for ("По его словам",
  // "за її словами"), or "".
  static std::string_view PossessiveSpeaker(std::string_view lower) {
    static const std::pair<std::string_view, std::string_view> kPossessives[] = {
        {"его", "он"},   {"ее", "она"},  {"её", "она"},      {"их", "они"},
        {"його", "він"}, {"її", "вона"}, {"їхніми", "вони"}, {"їх", "вони"}};
    for (const auto& [possessive, personal] : kPossessives) {
      if (lower == possessive) return personal;
    }
    return {};
  }

  static std::size_t CountWords(const std::vector<Token>& tokens, std::size_t first,
                                std::size_t last) {
    std::size_t n = 0;
    for (std::size_t k = first; k <= last && k < tokens.size(); ++k) n += tokens[k].word;
    return n;
  }

  // The last token of the sentence that belongs to a content (closing punctuation dropped).
  static std::size_t LastContentToken(const std::vector<Token>& tokens) {
    std::size_t last = tokens.size() - 1;
    while (last > 0 && !tokens[last].word && !IsQuoteChar(CharAt(tokens[last].text, 0).cp)) --last;
    return last;
  }

  // "according to X, CONTENT" / "CONTENT, according to X" / "по словам X, CONTENT".
  Candidate SourceFollows(const std::vector<Token>& tokens, std::size_t cf, std::size_t cl,
                          bool gap) const {
    Candidate out;
    // "По ее словам, …", "За його словами, …" (a cue with a gap for the possessive): the
    // possessive is the source; any other word in the gap makes it no cue.
    for (std::size_t k = cf + 1; gap && k < cl; ++k) {
      if (!tokens[k].word) continue;
      out.pronoun = PossessiveSpeaker(tokens[k].lower);
      if (out.pronoun.empty() || k + 1 != cl) return {};
      out.source = {k, k, true};
    }
    // "как заявили в «Газпроме», …", "согласно «Известиям», …": the body named in quotation
    // marks (after the preposition) is the source.
    const std::size_t from = out.pronoun.empty() ? QuotedBodyStart(tokens, cl + 1) : cl + 1;
    if (out.pronoun.empty()) out.source = internal::PhraseAfter(tokens, from, tokens.size());
    // "как сообщили в Минобороны", "согласно сообщению Минобороны": the source is the
    // institution, not the preposition of the place the words came from nor the report's noun.
    static const WordList kReportNouns = {
        "сообщению",    "заявлению", "данным", "информации", "сведениям", "оценкам",  "версии",
        "повідомленню", "заяві",     "версії", "версіі",     "дадзеных",  "звестках", "словах"};
    while (out.source.found && out.source.first < out.source.last &&
           (internal::IsLocativePreposition(tokens[out.source.first].lower) ||
            kReportNouns.Contains(tokens[out.source.first].lower))) {
      ++out.source.first;
    }
    if (out.pronoun.empty() && !ValidSource(tokens, &out.source)) return {};
    // Extend the source over "of"/"for" complements: "a spokesman for the ministry".
    std::size_t after = out.pronoun.empty() ? out.source.last + 1 : cl + 1;
    while (out.pronoun.empty() && after + 1 < tokens.size() &&
           (tokens[after].lower == "of" || tokens[after].lower == "for" ||
            tokens[after].lower == "at") &&
           tokens[after + 1].word) {
      const Phrase more = internal::PhraseAfter(tokens, after + 1, tokens.size());
      if (!more.found) break;
      out.source.last = more.last;
      after = more.last + 1;
    }
    // "праваабарончы цэнтар «Вясна»", "правозащитный центр «Весна»": the body's name in
    // quotation marks after its noun is part of the source.
    if (out.pronoun.empty() && after + 2 < tokens.size() && !tokens[after].word &&
        IsQuoteChar(CharAt(tokens[after].text, 0).cp) && tokens[after + 1].word &&
        tokens[after + 1].capital) {
      for (std::size_t k = after + 2; k < tokens.size() && k < after + 8; ++k) {
        if (tokens[k].word) continue;
        if (IsQuoteChar(CharAt(tokens[k].text, 0).cp)) {
          out.source.last = k;
          after = k + 1;
        }
        break;
      }
    }
    // The closing mark of a source in quotation marks («Газпроме») is no part of the content.
    while (from > cl + 1 && after < tokens.size() && !tokens[after].word &&
           IsQuoteChar(CharAt(tokens[after].text, 0).cp)) {
      ++after;
    }
    bool only_before = true;  // nothing but punctuation and "as"/"как" before the cue
    for (std::size_t k = 0; k < cf; ++k) {
      if (tokens[k].word) only_before = false;
    }
    // "…, where, according to X, CONTENT": the clause after the source is the content.
    bool clause_after = false;
    if (!only_before && cf >= 2 && tokens[cf - 1].text == ",") {
      const Token& w = tokens[cf - 2];
      clause_after =
          w.word && (internal::IsClauseOpener(w) || w.lower == "that" || w.lower == "which" ||
                     w.lower == "where" || w.lower == "что" || w.lower == "где");
    }
    if (only_before || clause_after) {
      std::size_t k = after;
      while (k < tokens.size() && IsSeparator(tokens[k])) ++k;
      if (k >= tokens.size()) return {};
      out.content_first = k;
      out.content_last = LastContentToken(tokens);
    } else {
      std::size_t end = cf;
      while (end > 0 && IsSeparator(tokens[end - 1])) --end;
      if (end == 0) return {};
      out.content_first = 0;
      out.content_last = end - 1;
      // "X, according to Y, did Z": the clause goes on after the source.
      if (after < tokens.size() && tokens[after].text == "," &&
          LastContentToken(tokens) > after + 1) {
        out.content_last = LastContentToken(tokens);
      }
    }
    out.ok = out.content_first <= out.content_last;
    return out;
  }

  // "the trial of alleged war criminals", "two alleged smugglers", "40 reported cases": a past
  // participle used as an adjective, not a finite verb. A subject never ends in a preposition;
  // a number right before the word, with a bare noun right after it, counts that noun (while
  // "Three said the …" and "In 2016 said he …" keep their verb). -ing forms are read elsewhere.
  static bool Attributive(const std::vector<Token>& tokens, std::size_t cf, std::size_t cl) {
    static const WordList kPrepositions = {
        "of",   "for",     "with",   "without", "about",   "against", "among", "amid",
        "over", "into",    "from",   "in",      "on",      "at",      "under", "upon",
        "onto", "between", "toward", "towards", "despite", "than",    "like"};
    static const WordList kNumbers = {
        "two",      "three",     "four",    "five",     "six",     "seven",   "eight",   "nine",
        "ten",      "eleven",    "twelve",  "twenty",   "dozen",   "dozens",  "hundred", "hundreds",
        "thousand", "thousands", "million", "millions", "several", "numerous"};
    if (cf == 0 || internal::IsParticiple(tokens[cf])) return false;
    const Token& prev = tokens[cf - 1];
    if (!prev.word) return false;
    if (!prev.capital && kPrepositions.Contains(prev.lower)) return true;
    bool number = kNumbers.Contains(prev.lower);
    if (!number && prev.lower[0] >= '0' && prev.lower[0] <= '9') {
      // Digits after a preposition or a capital are a date or a year ("on May 5", "in 2016").
      number = cf < 2 || !(tokens[cf - 2].capital || kPrepositions.Contains(tokens[cf - 2].lower));
    }
    // After a number, only the participles that serve as adjectives ("three alleged smugglers",
    // "40 reported cases") count what follows; "Several claimed victory" and "Two reported
    // hearing explosions" are a subject and its verb.
    static const WordList kAdjectival = {"alleged", "reported", "suspected", "purported"};
    if (!number || !kAdjectival.Contains(tokens[cf].lower) || cl + 1 >= tokens.size()) {
      return false;
    }
    const Token& next = tokens[cl + 1];
    return next.word && !next.capital && !IsDeterminer(next.lower) && !IsAnyPronoun(next.lower) &&
           !IsThat(next.lower) && !internal::IsStopWord(next) && !internal::IsAdverb(next) &&
           !IsCircumstance(next) && !internal::IsParticiple(next);
  }

  // The source of "…, said Mr. Smith." / "…, сообщает «Интерфакс».", from tokens[after] (past
  // the verb): a phrase, perhaps in quotation marks, that closes its clause ("…, said she went"
  // has none).
  // Where the name of a source starting at tokens[from] begins: "Как заявили в «Газпроме», …",
  // "…, повідомили в "Енергоатомі"": the body named in quotation marks (after the preposition)
  // is the source.
  static std::size_t QuotedBodyStart(const std::vector<Token>& tokens, std::size_t from) {
    if (from + 1 < tokens.size() && tokens[from].word &&
        internal::IsLocativePreposition(tokens[from].lower) && !tokens[from + 1].word &&
        IsQuoteChar(CharAt(tokens[from + 1].text, 0).cp)) {
      ++from;
    }
    while (from < tokens.size() && !tokens[from].word &&
           IsQuoteChar(CharAt(tokens[from].text, 0).cp)) {
      ++from;
    }
    return from;
  }

  static Phrase InvertedSource(const std::vector<Token>& tokens, std::size_t after) {
    Phrase subject = internal::PhraseAfter(tokens, QuotedBodyStart(tokens, after), tokens.size());
    if (!ValidSource(tokens, &subject)) return {};
    if (subject.last + 1 < tokens.size() && tokens[subject.last + 1].word) return {};
    return subject;
  }

  Candidate Verb(const std::vector<Token>& tokens, std::size_t cf, std::size_t cl,
                 Phrase last_source) const {
    const Token& verb = tokens[cf];
    if (!verb.word) return {};
    if (cf > 0 && (IsDeterminer(tokens[cf - 1].lower) ||
                   (tokens[cf - 1].lower.size() > 2 &&
                    tokens[cf - 1].lower.compare(tokens[cf - 1].lower.size() - 2, 2, "'s") == 0))) {
      return {};  // "the claims", "Baku's statement"
    }
    // "is said to", "was reported": a hedge or a passive, not a source speaking.
    if (cf > 0 && IsAuxiliary(tokens[cf - 1].lower)) return {};
    // "пока не сообщают о потерях", "did not say whether", "არ განაცხადა": a negated verb
    // reports no words (an adverb may stand between: "ещё не заявил", "has not yet said").
    static const WordList kNotYet = {"пока", "ещё", "еще", "поки", "ще", "yet"};
    for (std::size_t k = cf, looked = 0; k-- > 0 && looked < 3; ++looked) {
      if (!tokens[k].word) break;
      if (IsNegation(tokens[k].lower)) return {};
      if (!internal::IsAdverb(tokens[k]) && !IsAuxiliary(tokens[k].lower) &&
          !kNotYet.Contains(tokens[k].lower))
        break;
    }
    if (Attributive(tokens, cf, cl)) return {};
    Candidate out;
    // Azerbaijani and Turkish quotatives: "CONTENT, - deyə SOURCE bildirib." The source stands
    // between the quotative and the verb, the content before them. A quotative follows a dash,
    // a comma or a closing quotation mark; elsewhere "deyə" means "so that" ("sülh gəlsin deyə
    // prezident çalışıb").
    for (std::size_t q = cf; q-- > 0 && cf - q <= 8;) {
      if (!tokens[q].word || tokens[q].lower == "və" || tokens[q].lower == "ve") break;
      if (tokens[q].lower != "deyə" && tokens[q].lower != "diye") continue;
      if (q == 0 || tokens[q - 1].word ||
          !(IsSeparator(tokens[q - 1]) || IsQuoteChar(CharAt(tokens[q - 1].text, 0).cp))) {
        break;
      }
      std::size_t end = q;
      while (end > 0 && IsSeparator(tokens[end - 1])) --end;
      Phrase source{q + 1, cf - 1, q + 1 < cf};
      if (end == 0 || !ValidSource(tokens, &source)) break;
      out.source = source;
      out.content_first = 0;
      out.content_last = end - 1;
      out.ok = true;
      return out;
    }
    // "At the time of writing", "a statement saying": an -ing form speaks only as a participle
    // clause after a comma ("…, saying that …").
    const bool after_preposition =
        cf > 0 && (tokens[cf - 1].lower == "while" || tokens[cf - 1].lower == "after" ||
                   tokens[cf - 1].lower == "before" || tokens[cf - 1].lower == "by" ||
                   tokens[cf - 1].lower == "when" || tokens[cf - 1].lower == "without");
    if (internal::IsParticiple(verb) &&
        (cf == 0 || (tokens[cf - 1].text != "," && !after_preposition)))
      return {};
    // "called his counterpart" is a telephone call; "called it a provocation", "called for"
    // and "called on" report speech.
    if ((verb.lower == "called" || verb.lower == "calls" || verb.lower == "call") &&
        (cf + 1 >= tokens.size() || !CallTakesSpeech(tokens[cf + 1].lower))) {
      return {};
    }
    // "One alternative suggested by Russia": a passive participle, not a source speaking.
    if (cl + 1 < tokens.size() && (tokens[cl + 1].lower == "by" || tokens[cl + 1].lower == "as"))
      return {};
    // A capitalised verb is a name ("United States", "Says Who") or opens a headline.
    if (verb.capital) return {};
    const bool participle =
        internal::IsParticiple(verb) && cf > 0 && (tokens[cf - 1].text == "," || after_preposition);
    std::size_t after = cl + 1;
    // The source.
    Phrase subject;
    bool inverted = false;
    if (participle) {
      subject = last_source.found ? last_source : SentenceSubject(tokens, cf);
      if (!subject.found) return {};
    } else {
      const bool as_clause = cf > 0 && IsAs(tokens[cf - 1].lower);
      // "Sen. Bernie Sanders (I-Vt.) said": the subject stands before the parenthesis.
      std::size_t anchor = cf;
      if (anchor > 0 && tokens[anchor - 1].text == ")") {
        std::size_t open = anchor - 1;
        while (open > 0 && tokens[open].text != "(" && anchor - open < 12) --open;
        if (tokens[open].text == "(") anchor = open;
      }
      if (!as_clause) subject = internal::SubjectBefore(tokens, anchor, 0);
      // "Hillary Clinton on Tuesday said", "Trump in 2016 said", "The ministry on May 5
      // said": step over the time phrase to the subject.
      const auto step_over_time = [&] {
        if (subject.found && subject.first >= 2 &&
            (IsTime(tokens[subject.last].lower) || IsDate(tokens, subject)) &&
            (tokens[subject.first - 1].lower == "on" || tokens[subject.first - 1].lower == "last" ||
             tokens[subject.first - 1].lower == "this" ||
             tokens[subject.first - 1].lower == "in")) {
          const Phrase before = internal::SubjectBefore(tokens, subject.first - 1, 0);
          if (before.found) subject = before;
        }
      };
      step_over_time();
      if (!as_clause && !subject.found) {
        subject = OtherSubject(tokens, anchor, last_source);
        step_over_time();
      }
      if (!as_clause && !subject.found) subject = AppositiveSubject(tokens, anchor);
      if (!as_clause && !subject.found && anchor == cf) subject = TagSubject(tokens, cf, after);
      if (subject.found) ExtendBack(tokens, &subject);
      // "В МВД заявили", "У Міністэрстве ўнутраных спраў заявілі": the institution speaks, not
      // the preposition of the place (`written_first` keeps where the phrase opens).
      const std::size_t written_first = subject.first;
      if (subject.found && subject.first < subject.last &&
          internal::IsLocativePreposition(tokens[subject.first].lower)) {
        ++subject.first;
      }
      if (subject.found && !ValidSource(tokens, &subject)) subject = {};
      // "В Новой Каховке объявлена эвакуация, ситуация контролируется, заявил глава округа
      // Леонтьев.": a clause opening the sentence is not the subject of a verb after a comma
      // when a source after the verb closes the sentence; that is the inverted "…, said X."
      // (read below): a name after the verb and nothing but punctuation after it. A verb with an
      // object ("…, told Reuters") keeps its subject.
      // The same holds for a subject found between commas ("В результате прорыва ГЭС, где
      // дамбу разрушило ударами ВСУ, город уходит под воду, сообщил глава округа Леонтьев."):
      // the clause is an aside of the content, and the name after the verb its source.
      if (subject.found && (written_first == 0 || IsSeparator(tokens[written_first - 1])) &&
          IsSeparator(tokens[cf - 1]) && !TakesObject(verb.lower)) {
        const Phrase source = InvertedSource(tokens, after);
        const char32_t first = source.found ? CharAt(tokens[source.first].text, 0).cp : 0;
        // A name: it ends in a capital ("… Леонтьев"), an organisation ("the ministry") or a
        // caseless word, so that "X, who …, said Ivanka Trump's statement didn't clarify the
        // matter." and "The minister, when asked, said nothing." keep X.
        const Token& last = tokens[source.found ? source.last : 0];
        bool ends = source.found && IsAlnum(first) && !(first >= '0' && first <= '9') &&
                    (last.capital || internal::IsOrganisationWord(last.lower) ||
                     internal::IsTitleWord(last) || internal::IsCaselessWord(last));
        for (std::size_t k = source.last + 1; ends && k < tokens.size(); ++k) {
          ends = !tokens[k].word;
        }
        if (ends) subject = {};
      }
      // "As Trump said, …": the subject does not include "As".
      if (subject.found && subject.first < subject.last && IsAs(tokens[subject.first].lower)) {
        ++subject.first;
      }
      if (!subject.found) {
        // "…, said X." / "…, — заявил X." / "Как заявил X, …" / "…, сообщает ТАСС."
        const bool after_separator =
            cf > 0 && (IsSeparator(tokens[cf - 1]) || IsAs(tokens[cf - 1].lower));
        if (!after_separator) return {};
        subject = InvertedSource(tokens, after);
        if (!subject.found) return {};
        inverted = true;
        after = subject.last + 1;
      }
    }
    // "what X insists are ‘…’" is a distancing construction, not speech reported.
    if (!inverted && subject.first > 0 &&
        (tokens[subject.first - 1].lower == "what" || tokens[subject.first - 1].lower == "как")) {
      if (tokens[subject.first - 1].lower == "what") return {};
    }
    // The content: after the verb, or before the source.
    std::size_t k = after;
    if (inverted) {
      std::size_t content_end = cf;
      if (content_end > 0 && IsAs(tokens[content_end - 1].lower)) {
        // "Как заявил X, CONTENT" / "As X said, CONTENT" (X may close a quotation mark:
        // "Как заявили в «Газпроме», …").
        while (k < tokens.size() &&
               (IsSeparator(tokens[k]) ||
                (!tokens[k].word && IsQuoteChar(CharAt(tokens[k].text, 0).cp)))) {
          ++k;
        }
        if (k >= tokens.size()) return {};
        out.content_first = k;
        out.content_last = LastContentToken(tokens);
      } else {
        while (content_end > 0 && IsSeparator(tokens[content_end - 1])) --content_end;
        if (content_end == 0) return {};
        out.content_first = 0;
        out.content_last = content_end - 1;
      }
      out.source = subject;
      out.ok = true;
      return out;
    }
    // "izjavio je da …": the clitic auxiliary after the verb is the verb's, not the content's.
    while (k < tokens.size() && internal::IsCliticAuxiliary(tokens[k])) ++k;
    // "said on Sunday that", "told reporters that": the content starts at "that". Other
    // words before a "that" are the content's ("rejected the idea that …").
    // So does "said in a statement that", "said on its Telegram channel that": after a
    // preposition the words up to "that" are where it was said.
    static const WordList kWhere = {
        "a",         "an",         "the",       "its",      "his",      "her",     "their",
        "statement", "interview",  "briefing",  "post",     "message",  "channel", "address",
        "speech",    "conference", "remarks",   "letter",   "report",   "tweet",   "video",
        "broadcast", "press",      "televised", "telegram", "facebook", "website"};
    std::size_t that = tokens.size();
    bool where = false;
    for (std::size_t j = k; j < tokens.size() && j < k + 8; ++j) {
      if (IsThat(tokens[j].lower)) {
        that = j;
        break;
      }
      if (!tokens[j].word) break;
      where = where || tokens[j].lower == "in" || tokens[j].lower == "on";
      if (!(TakesObject(verb.lower) || IsTimeWord(tokens[j]) || internal::IsAdverb(tokens[j]) ||
            (where && kWhere.Contains(tokens[j].lower)))) {
        break;
      }
    }
    while (k < tokens.size() && tokens[k].word && internal::IsAdverb(tokens[k])) ++k;
    if (that < tokens.size()) {
      k = that;
    } else if (k < tokens.size() && (tokens[k].text == "," || tokens[k].text == ":")) {
      // "X said, …" / "X заявил: …" / "X said:" before a quote.
      ++k;
    } else if (TakesObject(verb.lower) && k < tokens.size() && tokens[k].word) {
      // "told reporters the …": the object stays out of the content when a clause follows.
      std::size_t j = k;
      while (j < tokens.size() && tokens[j].word && j < k + 4 &&
             (tokens[j].capital || IsDeterminer(tokens[j].lower) || j == k)) {
        ++j;
      }
      if (verb.lower != "accused" && verb.lower != "accuses" && verb.lower != "called" &&
          verb.lower != "calls")
        k = j;
    }
    // "…, the Times said, including …" / "…, X said on Sunday.": the content is before.
    const bool comma_before_subject =
        subject.first > 2 && tokens[subject.first - 1].text == "," && !participle;
    if (k >= tokens.size() || IsClauseEnd(tokens[k]) ||
        (comma_before_subject &&
         ((after + 1 < tokens.size() && tokens[after].text == "," &&
           internal::IsParticiple(tokens[after + 1])) ||
          (after < tokens.size() && tokens[after].word &&
           (IsTime(tokens[after].lower) || IsCircumstance(tokens[after])) &&
           CountWords(tokens, 0, subject.first) >= 3) ||
          (k < tokens.size() && !IsAnyPronoun(tokens[k].lower) && !IsThat(tokens[k].lower) &&
           CountWords(tokens, k, LastContentToken(tokens)) <= 4)))) {
      // "…, X said." — the content comes before the subject.
      std::size_t end = subject.first;
      if (end == 0 || !IsSeparator(tokens[end - 1])) return {};
      while (end > 0 && IsSeparator(tokens[end - 1])) --end;
      if (end == 0) return {};
      out.content_first = 0;
      out.content_last = end - 1;
    } else {
      // "The footage shows soldiers at the gate": a picture showing a thing depicts it; only
      // with a clause ("the video shows that …", "shows: …") does it report a finding. What
      // else shows a thing ("polls show Clinton leading", "filings show a loss") reports one.
      if (IsShowing(verb.lower) && IsPicture(tokens[subject.last].lower) &&
          !(k < tokens.size() &&
            (IsThat(tokens[k].lower) || (k > 0 && tokens[k - 1].text == ":")))) {
        return {};
      }
      // "X said (that) …": to the end of the sentence, unless a tag closes it first.
      out.content_first = k;
      out.content_last = LastContentToken(tokens);
      if (out.content_last < k) return {};
    }
    out.source = subject;
    out.ok = true;
    return out;
  }

  std::size_t AlnumIn(std::size_t begin, std::size_t end) const {
    std::size_t n = 0;
    for (std::size_t i = begin; i < end;) {
      const unsigned char b = static_cast<unsigned char>(text_[i]);
      if (b < 0x80) {
        n += (b >= '0' && b <= '9') || ((b | 0x20) >= 'a' && (b | 0x20) <= 'z');
        ++i;
        continue;
      }
      const internal::Char ch = CharAt(text_, i);
      n += IsAlnum(ch.cp);
      i += ch.len == 0 ? 1 : ch.len;
    }
    return n;
  }

  // Whether at least 80 % of the letters and digits of [begin, end) are a direct quotation's.
  bool CoveredByDirect(std::size_t begin, std::size_t end) const {
    const std::size_t total = AlnumIn(begin, end);
    if (total == 0) return true;
    std::size_t quoted = 0;
    for (std::size_t k = FirstQuoteFrom(begin); k < quotes_.size(); ++k) {
      const Quote& q = quotes_[k];
      if (q.open >= end) break;
      if (q.kind != QuoteKind::kDirect || q.parent >= 0 || q.end <= begin) continue;
      quoted += AlnumIn(std::max(begin, q.start), std::min(end, q.end));
    }
    return quoted * 10 >= total * 8;
  }

  bool HoldsQuote(std::size_t begin, std::size_t end) const {
    for (std::size_t k = FirstQuoteFrom(begin); k < quotes_.size(); ++k) {
      const Quote& q = quotes_[k];
      if (q.open >= end) break;
      if (q.kind == QuoteKind::kDirect && q.start >= begin && q.start < end) return true;
    }
    return false;
  }

  void SetSource(const std::vector<Token>& tokens, Phrase p, AttributionRelation* a) {
    if (!p.found) return;
    a->mention_start = tokens[p.first].begin;
    a->mention_end = tokens[p.last].end;
    a->mention = std::string(text_.substr(a->mention_start, a->mention_end - a->mention_start));
    a->source = a->mention;
    a->source_start = a->mention_start;
    a->source_end = a->mention_end;
    if (auto r = Resolve(tokens, p)) {
      a->source = r->text;
      a->source_start = r->begin;
      a->source_end = r->end;
    } else if (!(p.first == p.last && IsAnyPronoun(tokens[p.first].lower)) &&
               !IsInTheStatement(tokens, p)) {
      Remember(a->source_start, a->source_end, a->source.str());
    }
    internal::MatchSpeaker(options_.speaker_patterns, {a->source, a->mention}, &a->actor_id,
                           &a->perspective);
    if (a->actor_id.empty()) CountryOf(a);
  }

  void CountryOf(AttributionRelation* a) const {
    std::string country;
    if (internal::ResolveCountry(text_.substr(0, std::min(a->start, a->mention_start)), a->mention,
                                 options_.speaker_patterns, &a->actor_id, &a->perspective,
                                 &country)) {
      a->source = a->mention + " (" + country + ")";
    }
  }

  std::string_view text_;
  const std::vector<std::pair<std::size_t, std::size_t>>& sentences_;
  const std::vector<Quote>& quotes_;
  const std::vector<CueSpan>& cues_;
  const AttributionOptions& options_;
  std::multimap<std::size_t, KnownSource> known_;  // by end; equal ends in remembering order
  std::vector<AttributionRelation> out_;
};

}  // namespace

const char* AttributionKindName(AttributionKind kind) {
  switch (kind) {
    case AttributionKind::kDirect:
      return "direct";
    case AttributionKind::kReported:
      return "reported";
    case AttributionKind::kMixed:
      return "mixed";
  }
  return "reported";
}

std::vector<AttributionRelation> FindAttributions(
    std::string_view text, const std::vector<std::pair<std::size_t, std::size_t>>& sentences,
    const std::vector<Quote>& quotes, const std::vector<CueSpan>& cues,
    const AttributionOptions& options) {
  return Finder(text, sentences, quotes, cues, options).Run();
}

namespace {

// Whether a connector ("and", "or", "и", "или") joins a quotation to another one: read forward
// from `pos` (just after a closing mark and its spaces), or backward from `pos` (an opening mark).
bool ListsQuotations(std::string_view text, std::size_t pos, bool forward) {
  auto skip_spaces = [&](std::size_t p) {
    if (forward) {
      while (p < text.size() && text[p] == ' ') ++p;
    } else {
      while (p > 0 && text[p - 1] == ' ') --p;
    }
    return p;
  };
  std::size_t begin = skip_spaces(pos);
  std::size_t end = begin;
  if (forward) {
    for (internal::Char c = internal::CharAt(text, end); c.len > 0 && internal::IsAlnum(c.cp);
         c = internal::CharAt(text, end)) {
      end += c.len;
    }
  } else {
    for (internal::Char c = internal::CharBefore(text, begin); c.len > 0 && internal::IsAlnum(c.cp);
         c = internal::CharBefore(text, begin)) {
      begin -= c.len;
    }
  }
  if (begin == end) return false;
  const std::string word = internal::Lower(text.substr(begin, end - begin));
  if (word != "and" && word != "or" && word != "\u0438" && word != "\u0438\u043B\u0438")
    return false;
  const std::size_t mark = skip_spaces(forward ? end : begin);
  const internal::Char c =
      forward ? internal::CharAt(text, mark) : internal::CharBefore(text, mark);
  return c.len > 0 && internal::IsQuoteChar(c.cp);
}

}  // namespace

void MarkQuotedFragments(std::string_view text,
                         const std::vector<AttributionRelation>& attributions,
                         std::size_t max_words, std::vector<Quote>* quotes) {
  for (Quote& q : *quotes) {
    // Words in quotation marks with no speaker inside someone's reported speech, told with a
    // plain verb of saying ("По ее словам, она приняла решение "абсолютно самостоятельно"")
    // are that speech's, not the outlet's scare quotes. After a verb that is no plain saying
    // ("Armenia has rejected this approach, … interpreting the “corridor” as …") they may be
    // the outlet's own distance: they stay scare quotes.
    if (q.kind == QuoteKind::kScare && q.parent < 0 && q.closed) {
      const AttributionRelation* a = ReportedAt(attributions, q.open);
      if (a != nullptr && q.close <= a->end && a->stance == "neutral") {
        q.kind = QuoteKind::kFragment;
      }
      continue;
    }
    if (q.kind != QuoteKind::kDirect || q.parent >= 0 || !q.closed || q.word_count > max_words)
      continue;
    const AttributionRelation* a = ReportedAt(attributions, q.open);
    if (a == nullptr || a->kind != AttributionKind::kMixed || q.close > a->end) continue;
    // The quoted words end their clause (a stop, or a comma inside the marks as American style
    // writes '“reckless,” adding'): the source's own predication.
    const internal::Char last = internal::CharBefore(text, q.end);
    if (last.cp == '.' || last.cp == '!' || last.cp == '?' || last.cp == U'\u2026' ||
        last.cp == ',' || last.cp == ';' || last.cp == ':')
      continue;
    // The outlet's sentence goes on, on the same line, in its own words.
    std::size_t pos = q.close;
    while (pos < text.size() && text[pos] == ' ') ++pos;
    const internal::Char next = internal::CharAt(text, pos);
    if (next.len == 0 || !(internal::IsAlnum(next.cp) || next.cp == '(')) continue;
    // "“standardless” and “recordless”": a list of quoted words, on either side.
    if (ListsQuotations(text, pos, /*forward=*/true) ||
        ListsQuotations(text, q.open, /*forward=*/false))
      continue;
    q.kind = QuoteKind::kFragment;
  }
}

const AttributionRelation* ReportedAt(const std::vector<AttributionRelation>& attributions,
                                      std::size_t offset) {
  auto it =
      std::upper_bound(attributions.begin(), attributions.end(), offset,
                       [](std::size_t off, const AttributionRelation& a) { return off < a.start; });
  if (it == attributions.begin()) return nullptr;
  --it;
  if (offset >= it->end || it->kind == AttributionKind::kDirect) return nullptr;
  return &*it;
}

std::vector<int> DirectRelationsOfQuotes(const std::vector<AttributionRelation>& attributions,
                                         std::size_t quote_count) {
  std::vector<int> out(quote_count, -1);
  for (std::size_t i = 0; i < attributions.size(); ++i) {
    const AttributionRelation& a = attributions[i];
    if (a.kind != AttributionKind::kDirect || a.quote < 0) continue;
    const auto q = static_cast<std::size_t>(a.quote);
    if (q < quote_count && out[q] < 0) out[q] = static_cast<int>(i);  // the first, as before
  }
  return out;
}

}  // namespace parallax
