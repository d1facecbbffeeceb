#include "framing/phrase_table.h"

#include <algorithm>
#include <iterator>
#include <unordered_set>

#include "align/terms.h"
#include "text/tokenizer.h"
#include "text/whitespace.h"

namespace parallax {

std::vector<PhraseWord> PhraseWords(std::string_view text, Stemmer* stemmer) {
  TokenizerOptions options;
  options.punctuation = true;
  Tokenizer tokenizer(text, options);
  std::vector<PhraseWord> out;
  Token t;
  bool boundary = true;
  while (tokenizer.Next(&t)) {
    if (t.kind == TokenKind::kPunct || t.kind == TokenKind::kClitic) {
      boundary = true;
      continue;
    }
    if (!out.empty() && text.substr(out.back().end, t.begin - out.back().end).find('\n') !=
                            std::string_view::npos) {
      boundary = true;
    }
    std::string norm(t.norm);
    std::string key = stemmer != nullptr && t.kind == TokenKind::kWord ? stemmer->Stem(norm) : norm;
    out.push_back(
        {t.begin, t.end, std::move(norm), std::move(key), t.kind == TokenKind::kNumber, boundary});
    boundary = false;
  }
  return out;
}

std::string PhraseKey(std::string_view form, Stemmer* stemmer) {
  const std::vector<PhraseWord> words = PhraseWords(form, stemmer);
  std::string key;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (i > 0 && words[i].boundary_before) return "";
    key += (i > 0 ? " " : "") + words[i].key;
  }
  return key;
}

std::vector<std::string> SplitPhraseKey(const std::string& key) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= key.size()) {
    const std::size_t end = std::min(key.find(' ', start), key.size());
    out.push_back(key.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

bool PhraseContains(const std::string& outer, const std::string& inner) {
  return (" " + outer + " ").find(" " + inner + " ") != std::string::npos;
}

namespace {

// Function words of the other languages of the region's press (alignment's own list,
// align/terms.h, has English and Russian): articles, prepositions, conjunctions, pronouns, forms
// of "to be", and the reporting verbs every article has. In match form (lower case, NFKC: the
// Armenian ligature և is եւ). The list is used whatever a text's language, so words that English
// names are made of are left out: German war, den, hat, bis; French de (de facto), son, plus;
// Polish ten. German die stays: it begins no English name.
constexpr std::string_view kMoreFunctionWords[] = {
    // German
    "der", "die", "das", "des", "ein", "eine", "einen", "einem", "einer", "eines", "und", "oder",
    "aber", "in", "im", "ins", "an", "am", "auf", "aus", "bei", "beim", "mit", "nach", "von", "vom",
    "zu", "zum", "zur", "für", "über", "unter", "um", "durch", "gegen", "ohne", "vor", "seit",
    "als", "wie", "dass", "ob", "wenn", "weil", "auch", "nicht", "nur", "noch", "schon", "sich",
    "sie", "er", "es", "wir", "ihr", "ist", "sind", "waren", "wird", "werden", "wurde", "wurden",
    "haben", "hatte", "sein", "seine", "seiner", "ihre", "ihren", "ihrer", "dieser", "diese",
    "dieses", "diesem", "diesen", "sowie", "laut", "sagte", "meldete", "teilte",
    // Ukrainian
    "і", "й", "та", "в", "у", "на", "з", "із", "зі", "до", "від", "про", "за", "по", "для", "що",
    "як", "це", "не", "але", "або", "його", "її", "їх", "він", "вона", "вони", "ми", "ви", "був",
    "була", "було", "були", "є", "також", "вже", "ще", "при", "під", "над", "між", "через", "після",
    "який", "яка", "яке", "які", "цей", "ця", "ці", "заявив", "повідомив",
    // French
    "le", "la", "les", "un", "une", "du", "et", "ou", "mais", "en", "dans", "sur", "sous", "par",
    "pour", "avec", "sans", "au", "aux", "à", "ce", "cette", "ces", "qui", "que", "dont", "il",
    "elle", "ils", "elles", "est", "sont", "était", "ont", "été", "se", "sa", "ses", "leur",
    "leurs", "ne", "pas", "aussi", "comme", "selon",
    // Turkish and Azerbaijani
    "ve", "və", "ile", "ilə", "bir", "bu", "şu", "o", "da", "də", "için", "üçün", "gibi", "kimi",
    "daha", "çok", "çox", "ən", "ama", "amma", "ancak", "ancaq", "lakin", "veya", "ki", "olan",
    "olarak", "olaraq", "sonra", "önce", "əvvəl", "kadar", "qədər", "her", "hər", "ne", "nə", "isə",
    "diye", "deyə", "həm",
    // Armenian
    "եւ", "ու", "է", "են", "էր", "էին", "որ", "այն", "այս", "իր", "մեր", "նրա", "նրանք", "մենք",
    "համար", "հետ", "մասին", "վրա", "մեջ", "կողմից", "ինչպես", "բայց", "կամ", "նաև", "դեռ", "արդեն",
    "չի", "չեն",
    // Georgian
    "და", "რომ", "ეს", "ის", "არ", "არის", "იყო", "ამ", "იმ", "მისი", "მათი", "ან", "მაგრამ",
    "ასევე", "კიდევ", "უკვე", "როგორც", "შემდეგ", "მიერ", "შესახებ", "თუ", "ვერ",
    // Polish
    "i", "w", "we", "z", "ze", "na", "do", "od", "że", "to", "nie", "się", "jest", "są", "był",
    "była", "było", "jak", "ale", "lub", "oraz", "po", "przez", "dla", "przy", "za", "pod", "nad",
    "ta", "te", "tego", "jego", "jej", "ich", "także", "już"};

// Characters, not bytes: "і" and "և" are one letter in two bytes.
std::size_t Letters(std::string_view norm) {
  return static_cast<std::size_t>(std::count_if(norm.begin(), norm.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

}  // namespace

bool IsPhraseStopword(std::string_view norm) {
  static const std::unordered_set<std::string_view> kMore(std::begin(kMoreFunctionWords),
                                                          std::end(kMoreFunctionWords));
  return IsAlignStopword(norm) || Letters(norm) < 2 || kMore.count(norm) > 0;
}

PhraseTable::PhraseTable(const std::vector<Article>& articles,
                         const std::vector<std::size_t>& outlet_of,
                         const std::vector<Stemmer*>& stemmers, std::size_t outlets,
                         std::size_t max_words)
    : stemmed_(stemmers.size()), totals_(max_words, std::vector<long>(outlets)) {
  for (std::size_t ai = 0; ai < articles.size(); ++ai) {
    stemmed_[ai] = stemmers[ai] != nullptr;
    words_.push_back(PhraseWords(articles[ai].text, stemmers[ai]));
    const std::vector<PhraseWord>& w = words_.back();
    for (std::size_t i = 0; i < w.size(); ++i) {
      std::string key;
      bool has_number = false;
      for (std::size_t n = 1; n <= max_words && i + n <= w.size(); ++n) {
        const PhraseWord& last = w[i + n - 1];
        if (n > 1 && last.boundary_before) break;
        key += (n > 1 ? " " : "") + last.key;
        has_number = has_number || last.number;
        ++totals_[n - 1][outlet_of[ai]];
        PhraseStats& s = phrases_[key];
        if (s.per_outlet.empty()) {
          s.per_outlet.resize(outlets);
          s.words = n;
          s.candidate = !has_number && !IsPhraseStopword(w[i].norm) && !IsPhraseStopword(last.norm);
        }
        ++s.per_outlet[outlet_of[ai]];
        ++s.total;
        const std::string surface = CollapseSpace(
            std::string_view(articles[ai].text).substr(w[i].begin, last.end - w[i].begin));
        auto it = std::find_if(s.surfaces.begin(), s.surfaces.end(),
                               [&](const auto& p) { return p.first == surface; });
        if (it == s.surfaces.end()) {
          s.surfaces.emplace_back(surface, 1);
        } else {
          ++it->second;
        }
        s.occurrences.push_back({ai, w[i].begin, last.end, i, i + n});
      }
    }
  }
}

const PhraseStats* PhraseTable::Find(const std::string& key) const {
  const auto it = phrases_.find(key);
  return it == phrases_.end() ? nullptr : &it->second;
}

long PhraseTable::Total(std::size_t n) const {
  long sum = 0;
  for (long t : totals_[n - 1]) sum += t;
  return sum;
}

std::string PhraseTable::BestSurface(const PhraseStats& s) {
  std::string best;
  int n = 0;
  for (const auto& [surface, count] : s.surfaces) {
    if (count > n) {
      n = count;
      best = surface;
    }
  }
  return best;
}

}  // namespace parallax
