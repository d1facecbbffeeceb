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
//
// Albanian, Serbian / Croatian / Bosnian (Latin and Cyrillic), Macedonian and Bulgarian: the
// common function words of the stop word lists of spaCy (spacy/lang/{sq,sr,hr,mk,bg}/
// stop_words.py; the Albanian one from github.com/andrixh/index-albanian, written there without
// diacritics: të, së, në are written here as texts write them; the Serbian one in Cyrillic, its
// Latin forms here too), with each language's auxiliaries, and for Macedonian and Bulgarian the
// reporting verbs an article has (изјави, рече, каза), since the common lexicons carry no
// reporting cues in those languages. Albanian and Serbian / Croatian / Bosnian reporting verbs
// (tha, rekao, изјавио) are the cues of common/sq.xml and common/sr.xml: the draft keeps them
// from the ends of a candidate through the lexicon (lexicon_draft.cc, EdgeIsReportingWord), in
// all their forms. Left out by the English rule above: Albanian ai (AI), duke, para, pa; Serbian
// ali (Ali), li (Li), su (Su), sam, tom, taj, toga, tome, bio, bile, one, ova (pod is listed
// above, as Polish); and, by the same rule for Russian, Cyrillic код (code), око, кон, низ,
// след.
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
    "ta", "te", "tego", "jego", "jej", "ich", "także", "już",
    // Albanian
    "të", "së", "në", "për", "nga", "që", "dhe", "edhe", "ose", "apo", "por", "nuk", "si", "sa",
    "ka", "kanë", "kam", "kemi", "ishte", "ishin", "është", "janë", "jemi", "do", "mund", "pas",
    "mbi", "nën", "ndaj", "prej", "pranë", "rreth", "sipas", "deri", "gjatë", "tek", "te", "ku",
    "kur", "ky", "kjo", "këto", "këta", "këtë", "këtij", "kësaj", "këtyre", "ajo", "ata", "ato",
    "atë", "atij", "asaj", "atyre", "tij", "saj", "tyre", "ia", "iu", "ua", "më", "pse", "nëse",
    "sepse", "pasi", "ndërsa", "ende", "vetëm", "gjithë", "një",
    // Serbian, Croatian and Bosnian, Latin script
    "je", "da", "se", "na", "za", "od", "do", "iz", "sa", "po", "pri", "kod", "prema", "nakon",
    "posle", "poslije", "prije", "pre", "tokom", "tijekom", "zbog", "bez", "kroz", "između",
    "izmedju", "među", "uz", "oko", "kao", "kako", "što", "šta", "koji", "koja", "koje", "kojeg",
    "kojega", "kojem", "kojoj", "kojih", "kojima", "koju", "ili", "ni", "niti", "već", "jer", "ako",
    "kada", "kad", "dok", "gde", "gdje", "nije", "nisu", "bila", "bilo", "bili", "biti", "bi", "će",
    "smo", "ste", "jesu", "ima", "imaju", "nema", "ovaj", "ovo", "ovi", "ove", "tog", "ovog",
    "ovoga", "ovom", "ovim", "ona", "ono", "oni", "njegov", "njegova", "njegovo", "njihov",
    "njihova", "njih", "njima", "njega", "njemu", "ga", "mu", "im", "ih", "joj", "još", "samo",
    "takođe", "također",
    // Serbian, Cyrillic script
    "је", "су", "да", "се", "на", "за", "од", "до", "из", "са", "по", "при", "према", "након",
    "после", "пре", "прије", "током", "због", "без", "кроз", "између", "под", "над", "међу", "уз",
    "као", "како", "што", "шта", "који", "која", "које", "којег", "којем", "којој", "којих",
    "којима", "коју", "или", "ни", "нити", "већ", "али", "те", "па", "јер", "ако", "када", "кад",
    "док", "где", "гдје", "није", "нису", "био", "била", "било", "били", "биле", "бити", "би", "ће",
    "смо", "сте", "сам", "јесу", "има", "имају", "нема", "то", "тај", "та", "овај", "ова", "ово",
    "ови", "ове", "тог", "тога", "томе", "том", "овог", "овом", "овим", "он", "она", "оно", "они",
    "оне", "његов", "његова", "њихов", "њихова", "њих", "њима", "њега", "њему", "га", "му", "им",
    "их", "јој", "ли", "још", "само", "такође",
    // Macedonian
    "во", "со", "не", "кој", "кое", "кои", "ги", "го", "ја", "преку", "меѓу", "но", "ќе", "бил",
    "биле", "беше", "биде", "имаат", "тоа", "тој", "таа", "тие", "овој", "оваа", "овие", "кога",
    "каде", "дека", "исто", "уште", "изјави", "рече",
    // Bulgarian
    "във", "от", "със", "са", "че", "който", "която", "което", "които", "преди", "през", "между",
    "към", "ще", "бяха", "няма", "това", "този", "тази", "тези", "той", "тя", "как", "когато",
    "където", "също", "още", "каза", "заяви",
    // Romanian (spaCy's spacy/lang/ro/stop_words.py, the common ones; de is left out by the
    // English rule, as for French; "şi" with a cedilla too, as older texts write it), with the
    // reporting verbs an article has, since no cue lexicon covers Romanian yet
    "și", "şi", "în", "că", "din", "cu", "pe", "pentru", "care", "este", "sunt", "să", "nu", "va",
    "această", "acest", "aceste", "acesta", "aceasta", "fost", "mai", "prin", "după", "despre",
    "iar", "sau", "dar", "lui", "fi", "spre", "între", "până", "asupra", "către", "declarat",
    "spus", "afirmat",
    // Tajik and Kyrgyz, in Cyrillic ("дар" is also Russian "gift", rare in news beside them)
    "дар", "аз", "ба", "ва", "ки", "бо", "барои", "ин", "аст", "буд", "шуд", "ду", "ё", "ҳам",
    "мебошад", "гуфт", "жана", "менен", "үчүн", "деп", "бул", "дагы", "боюнча", "болуп", "эле"};

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
          s.candidate = !has_number;
        }
        // Any use with a function word at an end keeps the key out, whichever use came first:
        // Tajik "дар" ('in') shares its Russian stem with "Дарья".
        if (IsPhraseStopword(w[i].norm) || IsPhraseStopword(last.norm)) s.candidate = false;
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
