#include "align/terms.h"

#include <libstemmer.h>

#include <algorithm>
#include <array>
#include <string>
#include <unordered_set>

#include "text/tokenizer.h"

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
constexpr std::array<std::array<std::string_view, 12>, 14> kSynonymGroups = {{
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
}};

// Lets the caches look up a string_view without building a string.
struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
using WordCache = std::unordered_map<std::string, int, StringHash, std::equal_to<>>;

class Stemmer {
 public:
  explicit Stemmer(const char* algorithm) : stemmer_(sb_stemmer_new(algorithm, "UTF_8")) {}
  ~Stemmer() {
    if (stemmer_ != nullptr) sb_stemmer_delete(stemmer_);
  }
  Stemmer(const Stemmer&) = delete;
  Stemmer& operator=(const Stemmer&) = delete;

  std::string Stem(std::string_view word) {
    if (stemmer_ == nullptr) return std::string(word);
    const sb_symbol* out = sb_stemmer_stem(
        stemmer_, reinterpret_cast<const sb_symbol*>(word.data()), static_cast<int>(word.size()));
    if (out == nullptr) return std::string(word);
    return std::string(reinterpret_cast<const char*>(out),
                       static_cast<std::size_t>(sb_stemmer_length(stemmer_)));
  }

 private:
  sb_stemmer* stemmer_;
};

bool IsRussian(const std::string& language) { return language.rfind("ru", 0) == 0; }

}  // namespace

bool IsAlignStopword(std::string_view norm) {
  static const std::unordered_set<std::string_view> kSet(std::begin(kStopwords),
                                                         std::end(kStopwords));
  return kSet.count(norm) > 0;
}

int TermVocabulary::Intern(TermKind kind, std::string_view key, std::string_view surface) {
  static constexpr char kPrefix[] = {'w', 'n', 'c', 'a', 'd'};
  std::string full;
  full.reserve(key.size() + 2);
  full.push_back(kPrefix[static_cast<int>(kind)]);
  full.push_back(':');
  full.append(key);
  auto [it, inserted] = ids_.try_emplace(std::move(full), static_cast<int>(keys_.size()));
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
    auto it = cache.find(norm);
    if (it != cache.end()) return it->second;
    int id = -1;
    if (!IsAlignStopword(norm) && norm.size() > 1) {
      std::string stem = (russian_text ? russian : english).Stem(norm);
      if (!russian_text) {
        auto syn = synonyms.find(stem);
        if (syn != synonyms.end()) stem = syn->second;
      }
      id = vocabulary->Intern(TermKind::kWord, stem, surface);
    }
    cache.emplace(std::string(norm), id);
    return id;
  }

  TermVocabulary* vocabulary;
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
  for (const Token& token : impl_->tokens) {
    while (next_special < specials.size() && specials[next_special].span.begin < token.end) {
      const Special& s = specials[next_special++];
      if (s.span.begin < covered_until) continue;  // overlaps an earlier special span
      out.body.push_back({s.term, s.span});
      covered_until = std::max(covered_until, s.span.end);
    }
    if (token.begin < covered_until) continue;
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
  }
  return out;
}

}  // namespace parallax
