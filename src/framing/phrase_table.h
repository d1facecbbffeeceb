// Phrase table: every phrase of one to N words of a corpus, counted per outlet, with where each
// one occurs and how it is spelt. The counting half of `parallax lexicon draft`
// (framing/lexicon_draft.h), which ranks and groups what this table holds.
//
// What a phrase is:
//   words      word and number tokens (text/tokenizer.h), compared on their match form, or on
//              their Snowball stem for an article given a stemmer ("плотины" = "плотину")
//   boundaries a phrase never crosses a punctuation mark (quotation marks, brackets, commas,
//              a possessive 's) or a line break, so it never joins two sentences or a quote and
//              its frame
//   key        the words' match forms (or stems) joined by one space: "lachin corridor"
//   candidate  no number in it and no function word at either end ("the Lachin" is not), so it
//              can stand as a lexicon form
//
// Keeps every phrase in memory: meant for one story's corpus, not for a stream.
#ifndef PARALLAX_FRAMING_PHRASE_TABLE_H_
#define PARALLAX_FRAMING_PHRASE_TABLE_H_

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/article.h"
#include "text/stemmer.h"

namespace parallax {

// A word of a text: its span, match form, and whether a punctuation mark or a line break
// separates it from the word before.
struct PhraseWord {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::string norm;
  std::string key;  // what phrases compare: the Snowball stem, or `norm` when not stemming
  bool number = false;
  bool boundary_before = true;
};

// The words of `text`, stemmed with `stemmer` when it is not null.
std::vector<PhraseWord> PhraseWords(std::string_view text, Stemmer* stemmer = nullptr);

// The key of a form ("Lachin Corridor" -> "lachin corridor"); "" when the form holds
// punctuation between its words, which no phrase can match.
std::string PhraseKey(std::string_view form, Stemmer* stemmer = nullptr);

// The words of a key, and whether `inner` is `outer` or a run of its words.
std::vector<std::string> SplitPhraseKey(const std::string& key);
bool PhraseContains(const std::string& outer, const std::string& inner);

// A function word (English and Russian from align/terms.h; German, Ukrainian, French, Turkish,
// Azerbaijani, Armenian, Georgian, Polish, Albanian, Serbian / Croatian / Bosnian in both
// scripts, Macedonian and Bulgarian here) or a one-letter word: never at either end of a
// candidate phrase, never the slot of a variant group.
bool IsPhraseStopword(std::string_view norm);

struct PhraseOccurrence {
  std::size_t article = 0;
  std::size_t start = 0;  // byte span in Article::text
  std::size_t end = 0;
  std::size_t first_word = 0;  // index into the article's words
  std::size_t last_word = 0;   // one past
};

struct PhraseStats {
  std::size_t words = 0;
  std::vector<int> per_outlet;  // by outlet index
  int total = 0;
  std::vector<std::pair<std::string, int>> surfaces;  // spellings with counts, in order seen
  std::vector<PhraseOccurrence> occurrences;          // in corpus order
  bool candidate = false;                             // no number, no function word at either end
};

class PhraseTable {
 public:
  // Counts the phrases of `articles` (their Article::text). `outlet_of[i]` is the outlet index
  // (below `outlets`) of articles[i], `stemmers[i]` its stemmer or null. `articles` must
  // outlive the table.
  PhraseTable(const std::vector<Article>& articles, const std::vector<std::size_t>& outlet_of,
              const std::vector<Stemmer*>& stemmers, std::size_t outlets, std::size_t max_words);

  // Every phrase by key (a std::map: iteration is in key order, so results are deterministic).
  const std::map<std::string, PhraseStats>& phrases() const { return phrases_; }
  const PhraseStats* Find(const std::string& key) const;
  const std::vector<PhraseWord>& words(std::size_t article) const { return words_[article]; }
  bool stemmed(std::size_t article) const { return stemmed_[article]; }
  // Phrases of `n` words counted in outlet `o`, and in all outlets.
  long Total(std::size_t n, std::size_t o) const { return totals_[n - 1][o]; }
  long Total(std::size_t n) const;

  // The spelling most often written ("Lachin corridor" beside one "Lachin Corridor"); the first
  // seen of equally frequent ones.
  static std::string BestSurface(const PhraseStats& s);

 private:
  std::vector<bool> stemmed_;  // per article
  std::vector<std::vector<long>> totals_;
  std::vector<std::vector<PhraseWord>> words_;
  std::map<std::string, PhraseStats> phrases_;
};

}  // namespace parallax

#endif  // PARALLAX_FRAMING_PHRASE_TABLE_H_
