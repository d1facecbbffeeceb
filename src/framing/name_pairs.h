// Name pairs: places where a text itself gives two names for one thing, side by side.
//
// A new story's contested names are hard to guess from word counts alone, but outlets often
// print both names at once, to be understood by readers on either side or to correct one of
// them. Each such construction is evidence that the two names compete, so `parallax lexicon
// draft` proposes them as the variants of one concept. The finder reads word tokens (text/
// tokenizer.h), so it works in any script with capital letters (Latin, Cyrillic, Armenian,
// Greek); a name is a run of one to three capitalised words, and leading function words ("In
// Khankendi") are dropped.
//
//   construction                       example                                      who
//   bracketed                          Khankendi (Stepanakert)  Artsakh [Nagorno-Karabakh]   -
//   bracketed, language named          Stepanakert (Khankendi in Azerbaijani)       Azerbaijani
//   bracketed gloss                    Artsakh (the Armenian name for Nagorno-Karabakh)  Armenian
//   which … call                       Khankendi, which Armenians call Stepanakert  Armenians
//                                      Ханкенди, который армяне называют Степанакертом
//   known … as                         Stepanakert, known in Azerbaijan as Khankendi  Azerbaijan
//                                      Степанакерт, известный в Азербайджане как Ханкенди
//   called … by                        Shusha, called Shushi by Armenians           Armenians
//
// `first` is the name the outlet writes first (its own choice), `second` the other one; `who`
// is whoever the text says uses the second name (the first, for a bracketed gloss), when it
// says so. Not pairs: an abbreviation in
// brackets ("Nagorno-Karabakh Republic (NKR)"), anything with digits ("(Reuters, 2022)"), a
// bracket that holds more than a name, and two names that are the same word.
//
// A pure function of its input: safe to call from several threads at once.
#ifndef PARALLAX_FRAMING_NAME_PAIRS_H_
#define PARALLAX_FRAMING_NAME_PAIRS_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace parallax {

struct NamePair {
  std::string first;            // as written, white space made single: "Khankendi"
  std::string second;           // "Stepanakert"
  std::string construction;     // "bracketed", "which-call", "known-as" or "called-by"
  std::string who;              // who the text says uses `second` ("Armenians"); "" if unsaid
  bool who_uses_first = false;  // a gloss on the first name: `who` uses `first` instead
  std::size_t start = 0;        // byte span of the whole construction in the text
  std::size_t end = 0;
};

// The name pairs of `text` (valid UTF-8), in text order.
std::vector<NamePair> FindNamePairs(std::string_view text);

}  // namespace parallax

#endif  // PARALLAX_FRAMING_NAME_PAIRS_H_
