#include "align/terms.h"

#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <string>
#include <unordered_set>

#include "align/name_keys.h"
#include "text/stemmer.h"
#include "text/tokenizer.h"
#include "text/utf8.h"

namespace parallax {
namespace {

constexpr std::string_view kStopwords[] = {
    // English function words.
    "a", "about", "above", "after", "again", "against", "all", "almost", "already", "also",
    "although", "always", "am", "among", "an", "and", "another", "any", "are", "around", "as", "at",
    "be", "became", "because", "been", "before", "being", "below", "between", "both", "but", "by",
    "can", "cannot", "could", "did", "do", "does", "doing", "done", "down", "during", "each",
    "either", "else", "even", "ever", "every", "few", "for", "from", "further", "had", "has",
    "have", "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how",
    "however", "i", "if", "in", "into", "is", "it", "its", "itself", "just", "least", "less",
    "like", "many", "may", "me", "might", "more", "most", "much", "must", "my", "myself", "neither",
    "no", "nor", "not", "now", "of", "off", "often", "on", "once", "only", "or", "other", "others",
    "our", "ours", "ourselves", "out", "over", "own", "per", "perhaps", "quite", "rather", "same",
    "several", "she", "should", "since", "so", "some", "still", "such", "than", "that", "the",
    "their", "theirs", "them", "themselves", "then", "there", "therefore", "these", "they", "this",
    "those", "though", "through", "thus", "to", "too", "under", "until", "up", "upon", "us", "very",
    "via", "was", "we", "were", "what", "whatever", "when", "where", "whether", "which", "while",
    "who", "whom", "whose", "why", "will", "with", "within", "without", "would", "yet", "you",
    "your", "yours", "'s", "s", "t", "mr", "mrs", "ms", "dr",
    // Words of reporting that every article has: they do not tell one fact from another.
    "said", "says", "say", "saying", "told", "tell", "according", "stated", "noted", "added",
    "reported", "statement", "year", "years", "time", "new", "also",
    // Russian function words.
    "и", "в", "во", "не", "что", "он", "на", "я", "с", "со", "как", "а", "то", "все", "она", "так",
    "его", "но", "да", "ты", "к", "у", "же", "вы", "за", "бы", "по", "от", "из", "о", "об", "для",
    "это", "этот", "при", "или", "их", "ее", "её", "был", "была", "были", "было"};

// General news vocabulary: near-synonyms outlets use for the same thing when they paraphrase.
// Each group folds onto its first word's stem. Conflict-specific names belong in the lexicon.
constexpr std::array<std::array<std::string_view, 12>, 17> kSynonymGroups = {{
    {"weapon", "weapons", "arms", "munition", "munitions", "ammunition", "armament", "armaments"},
    {"troops", "troop", "soldier", "soldiers", "personnel", "manpower", "servicemen", "serviceman"},
    {"transfer", "transport", "transportation", "supply", "supplies", "delivery", "deliveries",
     "shipment", "shipments", "smuggling", "trafficking"},
    {"mine", "mines", "landmine", "landmines", "mining"},
    {"activist", "activists", "protester", "protesters", "demonstrator", "demonstrators"},
    {"prevent", "stop", "halt", "thwart"},
    {"concern", "concerned", "worry", "worried", "alarm", "alarmed"},
    {"establish", "establishment", "install", "installation", "erect", "build", "built"},
    {"close", "closure", "shut"},
    {"talks", "negotiation", "negotiations"},
    {"deplore", "deplores", "condemn", "condemns", "denounce", "denounces"},
    {"accuse", "accused", "accusation", "blame", "blamed"},
    {"ceasefire", "truce", "armistice"},
    {"kill", "killed", "killing", "slain"},
    {"block", "blocked", "blocking", "blockade", "blockaded", "blockage", "obstruct", "obstructed"},
    {"road", "roads", "route", "routes", "highway", "highways"},
    {"link", "linking", "connect", "connecting", "connection", "connects"},
}};

// Word -> term id, looked up once per token: an open-addressing table whose slots hold short
// words inline, so a lookup costs about one cache miss (an std::unordered_map of strings costs
// three or four, and this lookup dominated term extraction on large corpora).
class WordCache {
 public:
  WordCache() : slots_(1024) {}

  // The id stored for `word`, or nullptr.
  const int* Find(std::string_view word) const {
    const std::uint64_t hash = Hash(word);
    for (std::size_t i = hash & (slots_.size() - 1);; i = (i + 1) & (slots_.size() - 1)) {
      const Slot& slot = slots_[i];
      if (slot.length == kEmpty) return nullptr;
      if (slot.hash == hash && Text(slot) == word) return &slot.id;
    }
  }

  void Insert(std::string_view word, int id) {
    if ((count_ + 1) * 4 > slots_.size() * 3) Grow();
    Place(word, Hash(word), id);
    ++count_;
  }

 private:
  static constexpr std::uint8_t kEmpty = 0xFF;
  static constexpr std::uint8_t kLong = 0xFE;  // the word lives in the arena
  static constexpr std::size_t kInline = 19;
  struct Slot {
    std::uint64_t hash = 0;
    int id = 0;
    std::uint8_t length = kEmpty;
    char text[kInline] = {};  // inline word, or (kLong) its arena offset and length
  };

  static std::uint64_t Hash(std::string_view word) {
    std::uint64_t h = 1469598103934665603ull;  // FNV-1a
    for (unsigned char c : word) h = (h ^ c) * 1099511628211ull;
    return h ^ (h >> 29);
  }

  std::string_view Text(const Slot& slot) const {
    if (slot.length != kLong) return {slot.text, slot.length};
    std::uint32_t offset = 0;
    std::uint32_t length = 0;
    std::memcpy(&offset, slot.text, 4);
    std::memcpy(&length, slot.text + 4, 4);
    return std::string_view(arena_).substr(offset, length);
  }

  void Place(std::string_view word, std::uint64_t hash, int id) {
    std::size_t i = hash & (slots_.size() - 1);
    while (slots_[i].length != kEmpty) i = (i + 1) & (slots_.size() - 1);
    Slot& slot = slots_[i];
    slot.hash = hash;
    slot.id = id;
    if (word.size() <= kInline - 1) {
      slot.length = static_cast<std::uint8_t>(word.size());
      std::memcpy(slot.text, word.data(), word.size());
    } else {
      const auto offset = static_cast<std::uint32_t>(arena_.size());
      const auto length = static_cast<std::uint32_t>(word.size());
      arena_.append(word);
      slot.length = kLong;
      std::memcpy(slot.text, &offset, 4);
      std::memcpy(slot.text + 4, &length, 4);
    }
  }

  void Grow() {
    std::vector<Slot> old(slots_.size() * 2);
    old.swap(slots_);
    for (const Slot& slot : old) {
      if (slot.length == kEmpty) continue;
      std::size_t i = slot.hash & (slots_.size() - 1);
      while (slots_[i].length != kEmpty) i = (i + 1) & (slots_.size() - 1);
      slots_[i] = slot;
    }
  }

  std::vector<Slot> slots_;  // a power of two in size, at most 3/4 full
  std::string arena_;
  std::size_t count_ = 0;
};

bool IsRussian(const std::string& language) { return language.rfind("ru", 0) == 0; }

}  // namespace

bool IsAlignStopword(std::string_view norm) {
  static const std::unordered_set<std::string_view> kSet(std::begin(kStopwords),
                                                         std::end(kStopwords));
  return kSet.count(norm) > 0;
}

int TermVocabulary::Intern(TermKind kind, std::string_view key, std::string_view surface) {
  static constexpr char kPrefix[] = {'w', 'n', 'c', 'a', 'd', 'p'};
  std::string& full = scratch_;
  full.clear();
  full.push_back(kPrefix[static_cast<int>(kind)]);
  full.push_back(':');
  full.append(key);
  auto found = ids_.find(full);
  if (found != ids_.end()) return found->second;
  auto [it, inserted] = ids_.try_emplace(full, static_cast<int>(keys_.size()));
  if (inserted) {
    keys_.push_back(it->first);
    surfaces_.emplace_back(surface);
    kinds_.push_back(kind);
  }
  return it->second;
}

struct TermExtractor::Impl {
  explicit Impl(TermVocabulary* v) : vocabulary(v), english("english"), russian("russian") {
    for (const auto& group : kSynonymGroups) {
      const std::string head = english.Stem(group[0]);
      for (std::string_view word : group) {
        if (!word.empty()) synonyms.emplace(english.Stem(word), head);
      }
    }
  }

  // Term id of a word token (match form), or -1 for a stop word.
  int WordTerm(std::string_view norm, std::string_view surface, bool russian_text) {
    WordCache& cache = russian_text ? russian_cache : english_cache;
    if (const int* known = cache.Find(norm)) return *known;
    int id = -1;
    if (!IsAlignStopword(norm) && norm.size() > 1) {
      std::string stem = (russian_text ? russian : english).Stem(norm);
      if (!russian_text) {
        auto syn = synonyms.find(stem);
        if (syn != synonyms.end()) stem = syn->second;
      }
      id = vocabulary->Intern(TermKind::kWord, stem, surface);
    }
    cache.Insert(norm, id);
    return id;
  }

  // The word terms of a token inside a concept span: the whole word and, for a hyphenated
  // word, each of its parts ("eco-activists" gives "eco-activist", "eco" and "activist").
  void AddInnerWords(const Token& token, std::string_view text, bool russian_text,
                     std::vector<TermOccurrence>* out) {
    const std::string_view norm = token.norm;
    const std::string_view surface = text.substr(token.begin, token.end - token.begin);
    const TextSpan span{token.begin, token.end};
    const int whole = WordTerm(norm, surface, russian_text);
    if (whole >= 0) out->push_back({whole, span});
    if (norm.find('-') == std::string_view::npos) return;
    std::size_t start = 0;
    while (start <= norm.size()) {
      std::size_t end = norm.find('-', start);
      if (end == std::string_view::npos) end = norm.size();
      const int part = WordTerm(norm.substr(start, end - start), surface, russian_text);
      if (part >= 0 && part != whole) out->push_back({part, span});
      start = end + 1;
    }
  }

  // The name term of a word, or -1: a capitalised word, or a word of a script without case.
  int NameTerm(std::string_view surface, std::string_view norm, std::string_view language) {
    if (surface.empty() || IsAlignStopword(norm)) return -1;
    const DecodedChar first = DecodeUtf8Char(surface, 0);
    if (!first.valid) return -1;
    const auto category = utf8proc_category(static_cast<utf8proc_int32_t>(first.code_point));
    // Scripts without case whose words are spaced: Georgian, Hebrew, Arabic and Persian. Not
    // Chinese, Japanese, Korean or Thai, whose "words" here are whole runs of text.
    const char32_t cp = first.code_point;
    const bool caseless = (cp >= 0x10D0 && cp <= 0x10FF) ||
                          (category == UTF8PROC_CATEGORY_LO && cp >= 0x0590 && cp < 0x0900);
    if (category != UTF8PROC_CATEGORY_LU && !caseless) return -1;
    const std::string_view key = names.Key(norm, language);
    if (key.empty()) return -1;
    return vocabulary->Intern(TermKind::kName, key, surface);
  }

  TermVocabulary* vocabulary;
  NameKeyer names;
  Stemmer english;
  Stemmer russian;
  std::unordered_map<std::string, std::string> synonyms;
  WordCache english_cache;
  WordCache russian_cache;
  std::vector<Token> tokens;
  std::string norm_storage;
};

TermExtractor::TermExtractor(TermVocabulary* vocabulary)
    : impl_(std::make_unique<Impl>(vocabulary)) {}
TermExtractor::~TermExtractor() = default;

DocumentTerms TermExtractor::Extract(const AlignDocument& document) {
  DocumentTerms out;
  const bool russian = IsRussian(document.language);
  TermVocabulary& vocabulary = *impl_->vocabulary;

  // Spans that stand for one term each, in text order.
  struct Special {
    TextSpan span;
    int term;
  };
  std::vector<Special> specials;
  const std::string_view text = document.text;
  auto slice = [&](TextSpan s) {
    return s.end <= text.size() && s.begin <= s.end ? text.substr(s.begin, s.end - s.begin)
                                                    : std::string_view();
  };
  for (const ConceptMention& m : document.concepts) {
    specials.push_back(
        {m.span, vocabulary.Intern(TermKind::kConcept, m.concept_id, slice(m.span))});
  }
  for (const ActorMention& m : document.actors) {
    specials.push_back({m.span, vocabulary.Intern(TermKind::kActor, m.actor_id, slice(m.span))});
  }
  for (const DatedMention& m : document.dates) {
    std::string key;
    if (m.from == m.to) {
      key = m.from.ToString();
    } else if (m.from.year == m.to.year && m.from.month == m.to.month && m.from.day == 1 &&
               m.to.day == Date::DaysInMonth(m.to.year, m.to.month)) {
      key = Date{m.from.year, m.from.month, 0}.ToString();
    } else {
      // Longer or odd ranges (a year, a week) name no particular event: the words stay.
      continue;
    }
    specials.push_back({m.span, vocabulary.Intern(TermKind::kDate, key, slice(m.span))});
  }
  std::sort(specials.begin(), specials.end(), [](const Special& a, const Special& b) {
    return a.span.begin != b.span.begin ? a.span.begin < b.span.begin : a.span.end > b.span.end;
  });

  Tokenize(text, TokenizerOptions{}, &impl_->tokens, &impl_->norm_storage);
  std::size_t next_special = 0;
  std::size_t covered_until = 0;
  bool covered_by_concept = false;
  for (const Token& token : impl_->tokens) {
    while (next_special < specials.size() && specials[next_special].span.begin < token.end) {
      const Special& s = specials[next_special++];
      if (s.span.begin < covered_until) continue;  // overlaps an earlier special span
      out.body.push_back({s.term, s.span});
      covered_until = std::max(covered_until, s.span.end);
      covered_by_concept = vocabulary.kind(s.term) == TermKind::kConcept;
    }
    if (token.begin < covered_until) {
      if (covered_by_concept && token.kind == TokenKind::kWord) {
        impl_->AddInnerWords(token, text, russian, &out.inner);
      }
      continue;
    }
    const std::string_view surface = text.substr(token.begin, token.end - token.begin);
    if (token.kind == TokenKind::kNumber) {
      if (token.norm.size() >= 2) {
        out.body.push_back(
            {vocabulary.Intern(TermKind::kNumber, token.norm, surface), {token.begin, token.end}});
      }
      continue;
    }
    const int id = impl_->WordTerm(token.norm, surface, russian);
    if (id >= 0) out.body.push_back({id, {token.begin, token.end}});
    const int name = impl_->NameTerm(surface, token.norm, document.language);
    if (name >= 0) out.body.push_back({name, {token.begin, token.end}});
  }
  for (; next_special < specials.size(); ++next_special) {
    const Special& s = specials[next_special];
    if (s.span.begin >= covered_until) {
      out.body.push_back({s.term, s.span});
      covered_until = s.span.end;
    }
  }

  Tokenize(document.title, TokenizerOptions{}, &impl_->tokens, &impl_->norm_storage);
  for (const Token& token : impl_->tokens) {
    if (token.kind != TokenKind::kWord) continue;
    const int id = impl_->WordTerm(
        token.norm, std::string_view(document.title).substr(token.begin, token.end - token.begin),
        russian);
    if (id >= 0) out.title.push_back(id);
    const int name = impl_->NameTerm(
        std::string_view(document.title).substr(token.begin, token.end - token.begin), token.norm,
        document.language);
    if (name >= 0) out.title.push_back(name);
  }
  return out;
}

}  // namespace parallax
