#include "align/document_builder.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "annotate/dates.h"
#include "annotate/month_dates.h"

namespace parallax {
namespace {

constexpr std::array<std::string_view, 40> kAbbreviations = {
    "mr",  "mrs", "ms",  "dr",  "st",   "jr",   "sr",   "gen", "sen", "rep",
    "gov", "col", "lt",  "sgt", "prof", "no",   "vs",   "jan", "feb", "mar",
    "apr", "jun", "jul", "aug", "sep",  "sept", "oct",  "nov", "dec", "u.s",
    "u.k", "u.n", "e.g", "i.e", "etc",  "inc",  "corp", "co",  "ltd", "approx"};

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// True when the word ending right before `dot` is an abbreviation or a one-letter initial.
bool AbbreviationBefore(std::string_view text, std::size_t dot) {
  std::size_t start = dot;
  while (start > 0 && !IsSpace(text[start - 1]) && text[start - 1] != '(' &&
         text[start - 1] != '"') {
    --start;
  }
  std::string word;
  for (std::size_t i = start; i < dot; ++i) {
    word.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(text[i]))));
  }
  if (word.size() == 1 && std::isalpha(static_cast<unsigned char>(word[0]))) return true;
  return std::find(kAbbreviations.begin(), kAbbreviations.end(), word) != kAbbreviations.end();
}

// True when a sentence may start at `pos` (after white space).
bool CanStartSentence(std::string_view text, std::size_t pos) {
  if (pos >= text.size()) return true;
  const unsigned char c = static_cast<unsigned char>(text[pos]);
  if (c >= 0x80) return true;  // a capital of another script, or a typographic quote
  return std::isupper(c) || std::isdigit(c) || c == '"' || c == '\'' || c == '(' || c == '[';
}

}  // namespace

std::vector<TextSpan> SplitAlignSentences(std::string_view text) {
  std::vector<TextSpan> out;
  std::size_t start = 0;
  auto emit = [&](std::size_t begin, std::size_t end) {
    while (begin < end && IsSpace(text[begin])) ++begin;
    while (end > begin && IsSpace(text[end - 1])) --end;
    if (end > begin) out.push_back({begin, end});
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n') {
      emit(start, i);
      start = i + 1;
      continue;
    }
    if (c != '.' && c != '!' && c != '?') continue;
    std::size_t end = i + 1;
    // Closing quotes and brackets stay with the sentence they close.
    while (end < text.size()) {
      if (text[end] == '"' || text[end] == '\'' || text[end] == ')') {
        ++end;
      } else if (text.compare(end, 3, "\xE2\x80\x9D") == 0 ||
                 text.compare(end, 3, "\xE2\x80\x99") == 0 ||
                 text.compare(end, 2, "\xC2\xBB") == 0) {
        end += text[end] == '\xC2' ? 2 : 3;
      } else {
        break;
      }
    }
    if (end >= text.size() || text[end] != ' ') continue;
    std::size_t next = end;
    while (next < text.size() && text[next] == ' ') ++next;
    if (!CanStartSentence(text, next)) continue;
    if (c == '.' && AbbreviationBefore(text, i)) continue;
    emit(start, end);
    start = end;
    i = end - 1;
  }
  emit(start, text.size());
  return out;
}

AlignDocumentBuilder::AlignDocumentBuilder(const Lexicon* lexicon) {
  if (lexicon != nullptr) {
    for (const LexiconEntry& e : lexicon->entries) {
      const bool actor = e.kind == LexiconEntry::Kind::kActor;
      const bool event = e.kind == LexiconEntry::Kind::kEvent;
      const bool place = e.kind == LexiconEntry::Kind::kPlace;
      if (e.kind != LexiconEntry::Kind::kNaming && !actor && !event && !place) continue;
      if (e.speaker_only) continue;  // "Azerbaijan said": a speaker, not an actor mention
      MatchPatternOptions options;
      options.stem_language = StemLanguage(e);
      std::string error;
      if (matcher_.Add(e.form, options, &error) < 0) {
        errors_.push_back(e.file + ":" + std::to_string(e.line) + ": " + error);
        continue;
      }
      // Event types and places are concepts of their own kinds: "event:ceasefire",
      // "place:georgia".
      const char* space = event ? "event:" : (place ? "place:" : "");
      Target target{actor, actor ? e.actor_id : space + e.concept_id, e.perspective};
      if (actor) {
        if (const Actor* a = lexicon->FindActor(e.actor_id)) target.perspective = a->perspective;
      }
      targets_.push_back(std::move(target));
    }
  }
  std::string error;
  if (!matcher_.Compile(&error)) errors_.push_back(error);
}

AlignDocument AlignDocumentBuilder::Build(const Article& article) const {
  AlignDocument doc;
  doc.id = article.id;
  doc.outlet = article.outlet;
  doc.title = article.title;
  doc.date = article.date;
  doc.language = article.language;
  doc.pinned_story = article.event;
  doc.text = article.text.empty() ? article.body : article.text;
  doc.sentences = SplitAlignSentences(doc.text);

  std::vector<PatternMatch> matches;
  matcher_.Match(doc.text, &matches);
  std::size_t last_begin = static_cast<std::size_t>(-1);
  for (const PatternMatch& m : matches) {
    if (m.pattern < 0 || static_cast<std::size_t>(m.pattern) >= targets_.size()) continue;
    if (m.begin == last_begin) continue;  // several patterns on one span: the first wins
    last_begin = m.begin;
    const Target& t = targets_[m.pattern];
    if (t.actor) {
      doc.actors.push_back({{m.begin, m.end}, t.id, t.perspective});
    } else {
      doc.concepts.push_back({{m.begin, m.end}, t.id});
    }
  }
  for (const DateMention& d : FindDates(doc.text, article.date, article.language)) {
    if (!d.resolved) continue;
    doc.dates.push_back({{d.start, d.end}, d.from, d.to});
  }
  // Other languages' "19 sentyabr", "19 вересня", "სექტემბრის 19" (FindDates reads English and
  // Russian); a span FindDates already covers is not counted twice.
  const std::string primary = article.language.substr(0, article.language.find('-'));
  if (primary != "en" && primary != "ru") {
    const std::size_t known = doc.dates.size();
    for (const DateMention& d : FindMonthDates(doc.text, article.date)) {
      if (!d.resolved) continue;
      bool overlaps = false;
      for (std::size_t k = 0; k < known; ++k) {
        overlaps |= doc.dates[k].span.begin < d.end && d.start < doc.dates[k].span.end;
      }
      if (!overlaps) doc.dates.push_back({{d.start, d.end}, d.from, d.to});
    }
    std::sort(doc.dates.begin(), doc.dates.end(), [](const DatedMention& a, const DatedMention& b) {
      return a.span.begin < b.span.begin;
    });
  }
  return doc;
}

}  // namespace parallax
