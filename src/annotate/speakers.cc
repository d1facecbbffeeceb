#include "annotate/speakers.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <functional>
#include <unordered_set>
#include <utility>

#include <utf8proc.h>

#include "annotate/matcher.h"
#include "text/byte_set.h"
#include "text/utf8.h"
#include "text/word_count.h"
#include "text/word_filter.h"

namespace parallax {
namespace internal {

// ---------------------------------------------------------------------------------------------
// Characters.

Char CharAt(std::string_view text, std::size_t pos) {
  if (pos >= text.size()) return {};
  const auto b = static_cast<unsigned char>(text[pos]);
  if (b < 0x80) return {b, 1};
  const DecodedChar d = DecodeUtf8Char(text, pos);
  if (!d.valid) return {0xFFFD, 1};
  return {d.code_point, d.length};
}

Char CharBefore(std::string_view text, std::size_t pos) {
  if (pos == 0 || pos > text.size()) return {};
  std::size_t begin = pos - 1;
  while (begin > 0 && pos - begin < 4 && (static_cast<unsigned char>(text[begin]) & 0xC0) == 0x80) {
    --begin;
  }
  Char c = CharAt(text, begin);
  if (begin + c.len != pos) return {0xFFFD, pos - begin};
  return c;
}

bool IsSpace(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0 || c == 0x202F ||
         c == 0x3000 || (c >= 0x2000 && c <= 0x200B);
}

bool IsAlnum(char32_t c) {
  if (c < 0x80) return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
  const utf8proc_category_t cat = utf8proc_category(static_cast<utf8proc_int32_t>(c));
  return (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) ||
         (cat >= UTF8PROC_CATEGORY_ND && cat <= UTF8PROC_CATEGORY_NO) ||
         cat == UTF8PROC_CATEGORY_MN || cat == UTF8PROC_CATEGORY_MC;
}

bool IsUpper(char32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  return utf8proc_category(static_cast<utf8proc_int32_t>(c)) == UTF8PROC_CATEGORY_LU;
}

bool IsDash(char32_t c) { return c == '-' || c == 0x2013 || c == 0x2014 || c == 0x2212; }

bool IsQuoteChar(char32_t c) {
  switch (c) {
    case '"':
    case '\'':
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x2018:
    case 0x2019:
    case 0x201A:
    case 0xAB:
    case 0xBB:
    case 0x2039:
    case 0x203A:
      return true;
    default:
      return false;
  }
}

// ---------------------------------------------------------------------------------------------
// Tokens and noun phrases.

namespace {

constexpr bool IsAsciiAlnum(unsigned char b) {
  return (b >= '0' && b <= '9') || ((b | 0x20) >= 'a' && (b | 0x20) <= 'z');
}

// The tokenizer's byte classes: ASCII letters and digits, and of those the capitals.
enum : unsigned char { kAlnumByte = 1, kCapitalByte = 2 };
constexpr std::array<unsigned char, 256> kTokenBytes = [] {
  std::array<unsigned char, 256> table{};
  for (std::size_t b = 0; b < table.size(); ++b) {
    if (IsAsciiAlnum(static_cast<unsigned char>(b))) table[b] = kAlnumByte;
    if (b >= 'A' && b <= 'Z') table[b] |= kCapitalByte;
  }
  return table;
}();

}  // namespace

std::size_t CountWords(std::string_view text, std::size_t begin, std::size_t end) {
  // Without bytes past ASCII the rule is that of the article's count (text/word_count), which
  // reads sixty-four bytes at a time.
  static constexpr ByteSet kPastAscii({}, /*non_ascii=*/true);
  if (kPastAscii.Find(text, begin, end) == end) {
    return CountWordRuns(text.substr(begin, end - begin));
  }
  std::size_t words = 0;
  bool in_word = false;
  for (std::size_t i = begin; i < end;) {
    if (const auto b = static_cast<unsigned char>(text[i]); b < 0x80) {
      // ASCII: a table look-up, no decoding.
      const bool alnum = (kTokenBytes[b] & kAlnumByte) != 0 || (in_word && (b == '\'' || b == '-'));
      if (alnum && !in_word) ++words;
      in_word = alnum;
      ++i;
      continue;
    }
    const Char c = CharAt(text, i);
    const bool alnum =
        IsAlnum(c.cp) || (in_word && (c.cp == '\'' || c.cp == 0x2019 || c.cp == '-'));
    if (alnum && !in_word) ++words;
    in_word = alnum;
    i += c.len == 0 ? 1 : c.len;
  }
  return words;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  bool ascii = true;
  for (char& c : out) {
    ascii = ascii && static_cast<unsigned char>(c) < 0x80;
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + ('a' - 'A'));
  }
  if (ascii) return out;
  out = SimpleLowercase(s);
  for (const std::string_view quote : {std::string_view("\u2019"), std::string_view("\u2018")}) {
    for (std::size_t at = out.find(quote); at != std::string::npos; at = out.find(quote, at + 1)) {
      out.replace(at, quote.size(), "'");
    }
  }
  return out;
}

namespace {

// Where the word that goes on at `j` ends (before `end`): letters, digits and marks of any
// script, apostrophes and hyphens between them.
std::size_t WordEnd(std::string_view text, std::size_t j, std::size_t end) {
  while (j < end) {
    const Char d = CharAt(text, j);
    if (IsAlnum(d.cp)) {
      j += d.len;
      continue;
    }
    // Inner apostrophes and hyphens: Azerbaijan’s, Nagorno-Karabakh.
    if ((d.cp == '\'' || d.cp == 0x2019 || d.cp == '-') && j + d.len < end &&
        IsAlnum(CharAt(text, j + d.len).cp)) {
      j += d.len;
      continue;
    }
    break;
  }
  return j;
}

}  // namespace

Tokens Tokenize(std::string_view text, std::size_t begin, std::size_t end) {
  Tokens out;
  // About a token per four bytes of prose; bounded, so a long span does not reserve much.
  out.reserve((end > begin ? std::min<std::size_t>((end - begin) / 4, 1024) : 0) + 4);
  // Lower-case forms that differ from the text go to out.lowered_, reserved on the first one for
  // the rest of the span (lower-casing at most lengthens a character from two bytes to three).
  // Should it still fill up, the views already made are moved to the larger buffer.
  static constexpr std::array<char, 128> kLowerAscii = [] {
    std::array<char, 128> table{};
    for (std::size_t c = 0; c < table.size(); ++c) {
      table[c] = static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
    }
    return table;
  }();
  std::vector<char>& buffer = out.lowered_;
  // Makes room for `bytes` more in the buffer, so that appending them moves nothing.
  const auto make_room = [&](std::size_t bytes, std::size_t from) {
    if (buffer.capacity() - buffer.size() < bytes) {
      const std::less<const char*> before;
      const char* old_begin = buffer.data();
      const char* old_end = old_begin + buffer.size();
      std::vector<std::pair<std::size_t, std::size_t>> moved;  // (token, offset)
      for (std::size_t k = 0; k < out.size() && !buffer.empty(); ++k) {
        const char* at = out[k].lower.data();
        if (!before(at, old_begin) && before(at, old_end)) {
          moved.emplace_back(k, static_cast<std::size_t>(at - old_begin));
        }
      }
      buffer.reserve(buffer.size() + std::max(bytes, (end - from) * 3 / 2 + 16));
      for (const auto& [k, offset] : moved) {
        out[k].lower = std::string_view(buffer.data() + offset, out[k].lower.size());
      }
    }
  };
  // Appends the ASCII word `word` lower-cased and returns its view.
  const auto store_ascii = [&](std::string_view word, std::size_t from) -> std::string_view {
    make_room(word.size(), from);
    const std::size_t at = buffer.size();
    for (const char ch : word) buffer.push_back(kLowerAscii[static_cast<unsigned char>(ch)]);
    return std::string_view(buffer.data() + at, word.size());
  };
  // Lower(word) for a token with bytes past ASCII, written straight into the buffer (a
  // character at a time, as SimpleLowercase does, ’ and ‘ folded to '); the text's own view when
  // lower-casing changes nothing.
  const auto store_lower = [&](std::string_view word, std::size_t from) -> std::string_view {
    // The characters lower-casing leaves as they are (most, past ASCII) are looked at first:
    // a word made only of them costs no writing.
    std::size_t same = 0;
    while (same < word.size()) {
      const DecodedChar d = DecodeUtf8Char(word, same);
      if (!d.valid) break;
      const auto c =
          static_cast<char32_t>(utf8proc_tolower(static_cast<utf8proc_int32_t>(d.code_point)));
      if (c != d.code_point || c == 0x2019 || c == 0x2018) break;
      same += d.length;
    }
    if (same == word.size()) return word;
    make_room(3 * word.size(), from);  // a byte grows to three at most (an invalid one: U+FFFD)
    const std::size_t at = buffer.size();
    buffer.insert(buffer.end(), word.begin(), word.begin() + static_cast<std::ptrdiff_t>(same));
    for (std::size_t k = same; k < word.size();) {
      const DecodedChar d = DecodeUtf8Char(word, k);
      char32_t c = static_cast<char32_t>(
          utf8proc_tolower(static_cast<utf8proc_int32_t>(d.valid ? d.code_point : 0xFFFD)));
      if (c == 0x2019 || c == 0x2018) c = '\'';
      AppendUtf8(c, &buffer);
      k += d.valid ? d.length : 1;
    }
    const std::string_view lower(buffer.data() + at, buffer.size() - at);
    if (lower == word) {
      buffer.resize(at);
      return word;
    }
    return lower;
  };
  std::size_t i = begin;
  while (i < end) {
    const auto b0 = static_cast<unsigned char>(text[i]);
    if (b0 == ' ') {
      ++i;
      continue;
    }
    Token t;
    t.begin = i;
    bool ascii = false;
    bool upper = false;  // an ASCII capital after the first byte
    if (const unsigned first = kTokenBytes[b0]; first != 0) {
      // The common case, a table look-up a byte: ASCII letters and digits, inner ' and -.
      ascii = true;
      std::size_t j = i + 1;
      unsigned classes = 0;
      while (j < end) {
        const auto b = static_cast<unsigned char>(text[j]);
        if (const unsigned k = kTokenBytes[b]; k != 0) {
          classes |= k;
          ++j;
        } else if (b >= 0x80) {
          j = WordEnd(text, j, end);
          ascii = false;
          break;
        } else if ((b == '\'' || b == '-') && j + 1 < end && IsAlnum(CharAt(text, j + 1).cp)) {
          ++j;
        } else {
          break;
        }
      }
      upper = (classes & kCapitalByte) != 0;
      t.end = j;
      t.word = true;
      t.capital = (first & kCapitalByte) != 0;
    } else if (b0 < 0x80) {
      // ASCII white space or a punctuation mark (IsSpace and IsAlnum, for ASCII).
      if (b0 == '\t' || b0 == '\n' || b0 == '\r') {
        ++i;
        continue;
      }
      t.end = i + 1;
      ascii = true;
    } else {
      const Char c = CharAt(text, i);
      if (IsSpace(c.cp)) {
        i += c.len;
        continue;
      }
      if (IsAlnum(c.cp)) {
        t.end = WordEnd(text, i, end);
        t.word = true;
        t.capital = IsUpper(c.cp);
      } else {
        t.end = i + c.len;
        ascii = c.cp < 0x80;
      }
    }
    t.text = std::string_view(text.data() + t.begin, t.end - t.begin);
    if (ascii && !t.capital && !upper) {
      t.lower = t.text;  // already lower case
    } else if (ascii && t.text.size() == 1) {
      t.lower = std::string_view(&kLowerAscii[b0], 1);  // "A", "I"
    } else {
      t.lower = ascii ? store_ascii(t.text, t.begin) : store_lower(t.text, t.begin);
    }
    out.push_back(t);
    i = t.end;
  }
  return out;
}

std::size_t TailStart(std::string_view text, std::size_t floor, std::size_t end, std::size_t n) {
  std::size_t i = end;
  for (; i > floor && n > 0; --n) {
    while (i > floor && text[i - 1] == ' ') --i;
    while (i > floor && text[i - 1] != ' ') --i;
  }
  return i;
}

bool MayHoldAsciiWord(std::string_view span, std::string_view word) {
  if (span.find("\xC4\xB0") != std::string_view::npos ||
      span.find("\xE2\x84\xAA") != std::string_view::npos) {
    return true;
  }
  if (word.empty()) return true;
  const auto matches_at = [&](std::size_t at) {
    std::size_t k = 0;
    while (k < word.size() && (span[at + k] | 0x20) == word[k]) ++k;
    return k == word.size();
  };
  std::size_t at = 0;
#if defined(__SSE2__)
  // Sixteen bytes at a time: only where the first letter is (in either case) is the word tried.
  const __m128i first = _mm_set1_epi8(word[0]);
  const __m128i fold = _mm_set1_epi8(0x20);
  for (; at + 16 <= span.size(); at += 16) {
    const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(span.data() + at));
    auto mask =
        static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_or_si128(block, fold), first)));
    for (; mask != 0; mask &= mask - 1) {
      const std::size_t candidate = at + static_cast<std::size_t>(__builtin_ctz(mask));
      if (candidate + word.size() <= span.size() && matches_at(candidate)) return true;
    }
  }
#endif
  for (; at + word.size() <= span.size(); ++at) {
    if (matches_at(at)) return true;
  }
  return false;
}

const std::unordered_set<std::string_view>& ReportingVerbs() {
  static const std::unordered_set<std::string_view> kVerbs = {
      "said", "say", "says", "told", "tells", "added", "adds", "stated", "states", "noted", "notes",
      "wrote", "writes", "believes", "believe", "believed", "thinks", "thought", "argued", "argues",
      "claimed", "claims", "insisted", "insists", "accused", "accuses", "warned", "warns",
      "explained", "explains", "declared", "declares", "announced", "announces", "asked", "asks",
      "replied", "replies", "responded", "cited", "cites", "urged", "urges", "stressed", "stresses",
      "emphasized", "emphasised", "emphasizes", "emphasises", "concluded", "concludes",
      "acknowledged", "admitted", "admits", "suggested", "suggests", "speculated", "recalled",
      "recalls", "reported", "reports", "tweeted", "chanted", "chanting", "shouted", "posted",
      "described", "describes", "deplored", "deplores", "mentioned", "listed", "called", "calls",
      "vowed", "vows", "promised", "predicted", "complained", "charged", "conceded", "countered",
      "demanded", "demands", "denounced", "condemned", "condemns", "criticized", "criticised",
      "labeled", "labelled", "dubbed", "branded", "termed", "blasted", "slammed", "quipped",
      "joked", "observed", "remarked", "commented", "maintained", "maintains", "contended",
      "testified", "affirmed", "assured", "alleged", "alleges", "questioned", "expressed", "hopes",
      "hoped", "fears", "feared", "agreed", "appealed", "insisting", "writing", "stating", "adding",
      "saying", "telling",
      // Russian
      "сказал", "сказала", "сказали", "заявил", "заявила", "заявили", "отметил", "отметила",
      "отметили", "считает", "считают", "написал", "написала", "подчеркнул", "подчеркнула",
      "добавил", "добавила", "сообщил", "сообщила", "сообщили", "говорит", "уверен",
      "говорится",  // "«…», — говорится в заявлении МИД"
      "добавили", "подчеркнули", "написали", "пояснил", "пояснили", "уточнил", "уточнила",
      "уточнили", "рассказал", "рассказала", "рассказали",
      // "«Перестаньте нас бить!» – скандировали они": a crowd's words; "«…?» — спросил он"
      "скандировали", "скандировал", "скандировала", "кричали", "кричал", "кричала", "спросил",
      "спросила", "спросили",
      // Ukrainian forms the Russian cue stems find in text and a quotation's tag needs as they
      // are (lexicons/reference/reporting-cues.md, RC1-RC2; заявила, сказала, … are above)
      "заявив", "сказав", "пояснив", "пояснила", "написав"};
  return kVerbs;
}

// Rejects most words that are no reporting verb before they are hashed.
const WordShapeFilter& ReportingVerbShapes() {
  static const WordShapeFilter kShapes(ReportingVerbs());
  return kShapes;
}

bool IsReportingVerbForm(const Token& t) {
  return t.word && !t.capital && ReportingVerbShapes().MayContain(t.lower) &&
         ReportingVerbs().count(t.lower) > 0;
}

bool MayHoldReportingVerb(std::string_view text, std::size_t begin, std::size_t end,
                          const WordList* more, const WordList* also) {
  if (more == nullptr || more->empty()) std::swap(more, also);
  if (also != nullptr && also->empty()) also = nullptr;
  const bool more_words = more != nullptr && !more->empty();
  // A verb form holds no joiner (' ’ -), so its token is a whole run of letters and digits.
  static const auto [shortest, longest] = [] {
    std::size_t lo = SIZE_MAX;
    std::size_t hi = 0;
    for (const std::string_view v : ReportingVerbs()) {
      lo = std::min(lo, v.size());
      hi = std::max(hi, v.size());
    }
    return std::pair<std::size_t, std::size_t>{lo, hi};
  }();
  const WordShapeFilter& shapes = ReportingVerbShapes();
  std::size_t run = begin;  // start of the current run of letters and digits
  bool ascii = true;
  for (std::size_t i = begin; i <= end;) {
    // ASCII letters and digits, a table look-up each.
    while (i < end && (kTokenBytes[static_cast<unsigned char>(text[i])] & kAlnumByte) != 0) ++i;
    Char c{0, 1};
    if (i < end) {
      const auto b = static_cast<unsigned char>(text[i]);
      if (b < 0x80) {
        c = Char{b, 1};
      } else {
        c = CharAt(text, i);
        if (IsAlnum(c.cp)) {
          ascii = false;
          i += c.len;
          continue;
        }
      }
    }
    const std::size_t size = i - run;
    const bool builtin = size >= shortest && size <= longest;
    if ((builtin || more_words) && size > 0 && size <= 64) {
      const std::string_view word = text.substr(run, size);
      const auto known = [&](std::string_view folded) {
        return (builtin && shapes.MayContain(folded) && ReportingVerbs().count(folded) > 0) ||
               (more_words && more->Contains(folded)) ||
               (also != nullptr && also->Contains(folded));
      };
      if (ascii) {
        // The shape (length, first and last letter) first: most words fail it.
        const auto low = [](char ch) {
          return static_cast<unsigned char>(ch >= 'A' && ch <= 'Z' ? ch + ('a' - 'A') : ch);
        };
        const unsigned char first = low(word.front());
        const unsigned char last = low(word.back());
        if (!(builtin && shapes.MayContainShape(first, last, size)) &&
            !(more_words && more->MayContainShape(first, last, size)) &&
            !(also != nullptr && also->MayContainShape(first, last, size))) {
          if (i == end) break;
          i += c.len == 0 ? 1 : c.len;
          run = i;
          ascii = true;
          continue;
        }
        char lower[64];
        for (std::size_t k = 0; k < size; ++k) {
          const char ch = word[k];
          lower[k] = ch >= 'A' && ch <= 'Z' ? static_cast<char>(ch + ('a' - 'A')) : ch;
        }
        if (known(std::string_view(lower, size))) return true;
      } else if (known(Lower(word))) {
        return true;
      }
    }
    if (i == end) break;
    i += c.len == 0 ? 1 : c.len;
    run = i;
    ascii = true;
  }
  return false;
}

// A reporting verb in context: "claims" after "the" or "Baku's" is a noun.
bool IsReportingVerbAt(const std::vector<Token>& tokens, std::size_t i, const WordList* more) {
  const Token& t = tokens[i];
  const bool more_verb = more != nullptr && t.word && !t.capital && more->Contains(t.lower);
  if (!more_verb && !IsReportingVerbForm(t)) return false;
  if (i == 0) return true;
  static const WordList kDeterminers = {
      "the",  "a",    "an",    "its", "their", "his", "her",    "our",     "these", "those", "such",
      "this", "that", "whose", "any", "no",    "new", "recent", "earlier", "many",  "some"};
  const Token& prev = tokens[i - 1];
  if (kDeterminers.Contains(prev.lower)) return false;
  const std::string_view l = prev.lower;
  if (l.size() > 2 && l.compare(l.size() - 2, 2, "'s") == 0) return false;
  return true;
}

bool IsParticiple(const Token& t) {
  // Russian and Ukrainian adverbial participles of reporting verbs ("…, сообщив, что …",
  // "…, зазначивши, що …"): those that are no finite verb in the other language ("заявив",
  // "пояснив", "назвав", "обвинив" are Ukrainian past tenses, so they are not here).
  static const WordList kGerunds = {
      "сообщив",    "отметив",     "добавив",     "подчеркнув",   "указав",     "напомнив",
      "признав",    "выразив",     "пообещав",    "предупредив",  "потребовав", "сообщая",
      "отмечая",    "подчеркивая", "подчёркивая", "добавляя",     "заявляя",    "указывая",
      "напоминая",  "говоря",      "утверждая",   "объясняя",     "заявивши",   "повідомивши",
      "зазначивши", "додавши",     "наголосивши", "підкресливши", "зазначаючи", "наголошуючи",
      "заявляючи",  "кажучи",      "повідомляючи"};
  if (t.lower.size() > 4 && t.lower.compare(t.lower.size() - 3, 3, "ing") == 0) return true;
  return t.word && t.lower.size() > 8 && kGerunds.Contains(t.lower);
}

PronounKind PronounKindOf(std::string_view lower) {
  // (Belarusian "яна", 'she', is left out: "Яна" is also a Russian first name.)
  static const WordList kPerson = {"he", "she", "он", "она", "він", "вона", "ён", "նա"};
  static const WordList kThing = {"it", "оно", "воно", "яно"};
  static const WordList kAny = {"they",  "we",    "i",   // English
                                "они",   "мы",    "я",   // Russian
                                "вони",  "ми",           // Ukrainian ("я" as in Russian)
                                "яны",                   // Belarusian ("мы", "я" as in Russian)
                                "նրանք", "մենք",  "ես",  // Armenian
                                "o",     "onlar", "biz",   "mən", "ben",  // Azerbaijani and Turkish
                                "ის",    "მან",   "ისინი", "მათ", "ჩვენ"};  // Georgian
  if (kPerson.Contains(lower)) return PronounKind::kPerson;
  if (kThing.Contains(lower)) return PronounKind::kThing;
  return kAny.Contains(lower) ? PronounKind::kAny : PronounKind::kNone;
}

bool IsPronoun(const Token& t) {
  // English "I" is written as a capital; a lower-case "i" is Albanian ("Ministri i Brendshëm",
  // the article that links a noun to what follows) or Serbian ("and"). Azerbaijani "O" as a
  // subject opens its sentence; a lower-case "o" is Portuguese "the" or Italian "or".
  if (t.lower == "i" && t.text != "I") return false;
  if (t.lower == "o" && t.text != "O") return false;
  return t.word && PronounKindOf(t.lower) != PronounKind::kNone;
}

// Words that end a subject when walking back from its verb.
bool IsStopWord(const Token& t) {
  static const WordList kStops = {
      "that", "which", "who", "whom", "whose", "and", "but", "or", "because", "while", "when", "if",
      "as", "after", "before", "since", "where", "so", "what", "than", "though", "although",
      "whether", "until", "once", "then", "to", "is", "was", "are", "were", "has", "have", "had",
      "be", "been", "will", "would", "could", "should", "may", "might", "can", "in", "on", "at",
      "by", "with", "from", "into", "about", "over", "under", "for", "not", "also", "yet", "nor",
      "и", "что", "как", "но", "а", "однако", "хотя", "поскольку", "если", "чтобы",
      // Ukrainian, Azerbaijani and Turkish "and", "that"; Serbian, Croatian and Bosnian "that"
      "і", "та", "що", "як", "хоча", "якщо", "щоб", "və", "ve", "ki", "da", "да"};
  return t.word && !t.capital && kStops.Contains(t.lower);
}

bool IsCliticAuxiliary(const Token& t) {
  static const WordList kClitics = {"je", "su", "se", "је", "су", "се"};
  return t.word && !t.capital && kClitics.Contains(t.lower);
}

namespace {

// Albanian short object pronouns stand between a subject and its verb ("Kurti i tha
// gazetarëve", "Kurti told the journalists"): right before the verb they are the verb's.
bool IsAlbanianObjectClitic(const Token& t) {
  static const WordList kClitics = {"i", "e", "ia", "ua", "iu"};
  return t.word && !t.capital && kClitics.Contains(t.lower);
}

// The end of a subject that spans tokens[first, end): the first clitic auxiliary after its first
// word ("Vučić je danas rekao": the clitic stands right after the subject), else `end`.
std::size_t BeforeClitic(const std::vector<Token>& tokens, std::size_t first, std::size_t end) {
  for (std::size_t k = first + 1; k < end; ++k) {
    if (IsCliticAuxiliary(tokens[k])) return k;
  }
  return end;
}

}  // namespace

bool IsAdverb(const Token& t) {
  static const WordList kAdverbs = {
      "also", "however", "too", "then", "later", "again", "once", "further", "only", "meanwhile",
      "instead", "repeatedly", "publicly", "privately", "reportedly", "previously", "earlier",
      "still", "even", "often", "has", "have", "had", "separately", "in", "turn", "therefore",
      "thus", "never", "already", "just", "now", "recently", "first", "finally", "rightly",
      // "also", "later", "earlier", "again", "already", "then" in Russian, Ukrainian, Armenian,
      // Azerbaijani and Georgian: "Він також заявив", "Նա նաև հայտարարել է", "მან ასევე განაცხადა"
      "также", "тоже", "ранее", "позже", "затем", "вновь", "снова", "уже", "також", "теж", "раніше",
      "пізніше", "згодом", "знову", "вже", "նաև", "կրկին", "արդեն", "həmçinin", "yenidən", "artıq",
      "ასევე", "მოგვიანებით", "ადრე", "კვლავ", "უკვე"};
  if (!t.word || t.capital) return false;
  if (kAdverbs.Contains(t.lower)) return true;
  return t.lower.size() > 3 && t.lower.compare(t.lower.size() - 2, 2, "ly") == 0;
}

bool IsTitleAbbreviation(const Token& t) {
  static const WordList kTitles = {"mr", "mrs", "ms",  "dr",   "prof", "sen", "rep", "gov", "gen",
                                   "lt", "col", "sgt", "capt", "adm",  "rev", "st",  "pres"};
  return t.word && t.capital && kTitles.Contains(t.lower);
}

bool IsTitleWord(const Token& t) {
  static const WordList kTitles = {"president",
                                   "minister",
                                   "secretary",
                                   "chairman",
                                   "chairwoman",
                                   "chair",
                                   "spokesperson",
                                   "spokesman",
                                   "spokeswoman",
                                   "senator",
                                   "governor",
                                   "mayor",
                                   "director",
                                   "ambassador",
                                   "general",
                                   "representative",
                                   "leader",
                                   "speaker",
                                   "chief",
                                   "judge",
                                   "justice",
                                   "commander",
                                   "premier",
                                   "chancellor",
                                   "king",
                                   "queen",
                                   "prince",
                                   "pope",
                                   "sheikh",
                                   "congressman",
                                   "congresswoman",
                                   "sen",
                                   "rep",
                                   "gov",
                                   "gen",
                                   "mr",
                                   "mrs",
                                   "ms",
                                   "dr",
                                   "prof",
                                   "lt",
                                   "col",
                                   "adm",
                                   "sgt",
                                   "capt",
                                   "rev",
                                   "pres",
                                   "deputy",
                                   "vice",
                                   "candidate",
                                   "attorney",
                                   "officer"};
  return t.word && kTitles.Contains(t.lower);
}

bool IsFunctionWord(const Token& t) {
  static const WordList kFunction = {"of", "the", "a",  "an",   "and", "for", "in",
                                     "on", "at",  "to", "from", "'s",  "by",  "de"};
  return kFunction.Contains(t.lower);
}

bool IsOrganisationWord(std::string_view lower) {
  static const WordList kOrg = {
      "ministry",    "service",        "department",   "council",      "government", "office",
      "committee",   "party",          "kremlin",      "union",        "house",      "institute",
      "agency",      "commission",     "bank",         "court",        "times",      "media",
      "news",        "forces",         "army",         "police",       "group",      "republic",
      "federation",  "association",    "organization", "organisation", "center",     "centre",
      "authorities", "administration", "parliament",   "ministries",   "military",   "embassy",
      "mission",     "campaign",       "company",      "corporation",  "network",    "board",
      "staff",       "peacekeepers",   "bulletin",     "statement",    "country",    "state",
      "states",      "nations",        "un",           "nato",         "eu",         "pentagon",
      "congress",    "senate",         "assembly",     "coalition",    "alliance",   "fund",
      "university",  "post",           "journal",      "press",        "guard",      "guards"};
  return kOrg.Contains(lower);
}

bool AboutThisAt(const std::vector<Token>& tokens, std::size_t i, std::size_t end,
                 bool* source_before) {
  struct Opener {
    std::string_view first;
    std::string_view second;
    bool source_before;
  };
  static constexpr Opener kOpeners[] = {{"об", "этом", false},    {"про", "це", false},
                                        {"аб", "гэтым", false},   {"пра", "гэта", false},
                                        {"այս", "մասին", false},  {"bu", "barədə", true},
                                        {"ამის", "შესახებ", true}};
  if (i + 1 >= end || i + 1 >= tokens.size() || !tokens[i].word || !tokens[i + 1].word) {
    return false;
  }
  for (const Opener& o : kOpeners) {
    if (tokens[i].lower == o.first && tokens[i + 1].lower == o.second) {
      if (source_before != nullptr) *source_before = o.source_before;
      return true;
    }
  }
  return false;
}

bool IsLocativePreposition(std::string_view lower) {
  return lower == "в" || lower == "во" || lower == "у" || lower == "на";
}

bool IsDayOrMonth(std::string_view lower) {
  static const WordList kWords = {
      "monday",   "tuesday",  "wednesday", "thursday", "friday", "saturday", "sunday", "january",
      "february", "march",    "april",     "may",      "june",   "july",     "august", "september",
      "october",  "november", "december",  "jan",      "feb",    "mar",      "apr",    "jun",
      "jul",      "aug",      "sep",       "sept",     "oct",    "nov",      "dec"};
  return kWords.Contains(lower);
}

bool IsInstitutionName(const std::vector<Token>& tokens, std::size_t first, std::size_t last) {
  if (first >= last || last >= tokens.size() || tokens[first].lower != "the") return false;
  for (std::size_t k = first + 1; k <= last; ++k) {
    const Token& t = tokens[k];
    if (!t.word) continue;
    if (IsTitleWord(t) || IsTitleAbbreviation(t)) return false;
    if (!t.capital && !IsFunctionWord(t)) return false;
  }
  return tokens[last].capital;
}

std::pair<std::size_t, std::size_t> TitledNameBefore(std::string_view text, std::size_t before) {
  constexpr std::size_t kNone = std::string_view::npos;
  before = std::min(before, text.size());
  // From a space on, so that no word (nor a character) is cut.
  std::size_t floor = before > 4096 ? before - 4096 : 0;
  while (floor > 0 && floor < before && text[floor - 1] != ' ' && text[floor - 1] != '\n') {
    ++floor;
  }
  const Tokens tokens = Tokenize(text, floor, before);
  for (std::size_t t = tokens.size(); t-- > 0;) {
    const Token& title = tokens[t];
    if (!title.capital || !(IsTitleWord(title) || IsTitleAbbreviation(title))) continue;
    std::size_t last = t + 1;
    if (last < tokens.size() && tokens[last].text == ".") ++last;  // "Mr."
    const std::size_t first_name = last;
    while (last < tokens.size() && last < first_name + 3 && tokens[last].word &&
           tokens[last].capital && !IsOrganisationWord(tokens[last].lower) &&
           !IsTitleWord(tokens[last])) {
      ++last;
    }
    if (last == first_name) continue;
    std::size_t first = t;
    while (first > 0 && tokens[first - 1].word && tokens[first - 1].capital &&
           !IsOrganisationWord(tokens[first - 1].lower) && !IsFunctionWord(tokens[first - 1]) &&
           !IsDayOrMonth(tokens[first - 1].lower) && !IsClauseOpener(tokens[first - 1])) {
      --first;
    }
    // Another person named without a title in the same sentence or after it makes the pronoun
    // ambiguous ("Maria Petrova met President Ivan Petrov. She said …"): no guess then. (A
    // titled name or an institution, "The Georgian Orthodox Church", is no such person.)
    std::size_t from = first;
    while (from > 0 && tokens[from - 1].text != "." && tokens[from - 1].text != "!" &&
           tokens[from - 1].text != "?") {
      --from;
    }
    for (std::size_t k = from; k + 1 < tokens.size(); ++k) {
      if (k >= first && k < last) continue;
      const bool run_start = k == 0 || !(tokens[k - 1].capital || tokens[k - 1].lower == "the" ||
                                         tokens[k - 1].text == "." || IsTitleWord(tokens[k - 1]) ||
                                         IsTitleAbbreviation(tokens[k - 1]));
      if (run_start && tokens[k].word && tokens[k].capital && tokens[k + 1].word &&
          tokens[k + 1].capital && (k + 1 < first || k >= last) &&
          !IsOrganisationWord(tokens[k].lower) && !IsOrganisationWord(tokens[k + 1].lower) &&
          !IsTitleWord(tokens[k]) && !IsTitleAbbreviation(tokens[k]) &&
          !IsFunctionWord(tokens[k]) && !IsClauseOpener(tokens[k])) {
        std::size_t end = k + 1;
        while (end < tokens.size() && tokens[end].word && tokens[end].capital) ++end;
        bool titled_or_institution = false;
        for (std::size_t x = k; x < end; ++x) {
          titled_or_institution |= IsOrganisationWord(tokens[x].lower) || IsTitleWord(tokens[x]);
        }
        if (!titled_or_institution) return {kNone, kNone};
      }
    }
    return {tokens[first].begin, tokens[last - 1].end};
  }
  return {kNone, kNone};
}

bool IsCaselessWord(const Token& t) { return t.word && IsCaselessLetter(CharAt(t.text, 0).cp); }

// Georgian postpositions written as suffixes (-ში 'in', -ზე 'on', -თან 'at', -დან 'from', -ით
// 'with, by', -კენ 'towards', -მდე 'until'): a phrase ending in one is a place or a means, never
// the subject ("ერთობლივ პრესკონფერენციაზე განაცხადეს", 'they said at a joint press conference').
bool EndsInGeorgianPostposition(const Token& t) {
  if (!IsCaselessWord(t)) return false;
  for (const std::string_view suffix : {"ში", "ზე", "თან", "დან", "ით", "კენ", "მდე"}) {
    if (t.lower.size() > suffix.size() &&
        t.lower.compare(t.lower.size() - suffix.size(), suffix.size(), suffix) == 0) {
      return true;
    }
  }
  return false;
}

// Whether tokens[first, last) can be a speaker: a name, or a common noun with a determiner.
bool PlausibleSubject(const std::vector<Token>& tokens, std::size_t first, std::size_t last) {
  if (first >= last || last - first > 10) return false;
  if (EndsInGeorgianPostposition(tokens[last - 1])) return false;
  static const WordList kHeads = {
      "the",       "a",       "an",       "his",     "her",       "their",      "its",
      "officials", "experts", "analysts", "critics", "residents", "protesters", "activists",
      "witnesses", "sources", "some",     "many",    "others",    "this",       "these",
      "those",     "one",     "both",     "several", "most",      "all"};
  for (std::size_t k = first; k < last; ++k) {
    if (tokens[k].capital || IsCaselessWord(tokens[k])) return true;
  }
  return kHeads.Contains(tokens[first].lower);
}

// Collects the comma-free phrase that ends just before tokens[end] (walking back), stopping at
// punctuation and at stop words; keeps title periods ("Mr.") and initials ("George W.").
bool IsClauseOpener(const Token& t) {
  static const WordList kOpeners = {
      "but", "and", "or", "if", "when", "while", "as", "after", "before", "since", "because",
      "although", "though", "so", "yet", "then", "once", "where", "whether", "until", "now",
      "still", "however", "meanwhile", "но", "и", "а", "когда", "если", "как", "однако",
      // Ukrainian and Belarusian "as", "when", "if" ("Як піша X, …")
      "як", "коли", "калі", "якщо"};
  return t.word && kOpeners.Contains(t.lower);
}

std::size_t ChunkStart(const std::vector<Token>& tokens, std::size_t end, std::size_t floor) {
  std::size_t j = end;
  while (j > floor) {
    const Token& t = tokens[j - 1];
    if (!t.word) {
      if (t.text == "." && j - 1 > floor &&
          (IsTitleAbbreviation(tokens[j - 2]) ||
           (tokens[j - 2].text.size() == 1 && tokens[j - 2].capital))) {
        --j;
        continue;
      }
      break;
    }
    if (IsPronoun(t) || IsStopWord(t) || IsReportingVerbForm(t)) break;
    // A conjunction opening the sentence ("But Bryant said", "When Nega said") is no part of
    // the name.
    if (t.capital && IsClauseOpener(t) && (j - 1 == floor || !tokens[j - 2].word)) break;
    --j;
  }
  return j;
}

// Walks back from `verb` and returns its subject, or nothing. Handles adverbs ("also said"),
// parentheticals (", however, said"), appositives ("Bahruz Samadov, a political scientist …,
// said") and names in apposition ("The State Minister, Gurgen Nersisyan, also stated").
Phrase SubjectBefore(const std::vector<Token>& tokens, std::size_t verb, std::size_t floor) {
  std::size_t i = verb;
  while (i > floor && (IsAdverb(tokens[i - 1]) || IsCliticAuxiliary(tokens[i - 1]) ||
                       (i == verb && IsAlbanianObjectClitic(tokens[i - 1])))) {
    --i;
  }
  if (i == floor) return {};
  if (IsPronoun(tokens[i - 1])) return {i - 1, i - 1, true};
  if (tokens[i - 1].word) {
    const std::size_t j = ChunkStart(tokens, i, floor);
    const std::size_t end = BeforeClitic(tokens, j, i);
    if (!PlausibleSubject(tokens, j, end)) return {};
    // "Kyrgyzstan and Tajikistan accused each other", "Армения и Азербайджан обвинили": two
    // names joined by "and" are one subject.
    static const WordList kAnd = {"and", "и", "і", "та", "və", "ve"};
    bool name = true;  // the words after "and" are a name: capitalised, all of them
    for (std::size_t k = j; k < end; ++k) name &= !tokens[k].word || tokens[k].capital;
    if (name && j >= floor + 2 && kAnd.Contains(tokens[j - 1].lower) && tokens[j - 2].word &&
        tokens[j - 2].capital && !IsPronoun(tokens[j - 2])) {
      const std::size_t k = ChunkStart(tokens, j - 1, floor);
      if (k < j - 1 && PlausibleSubject(tokens, k, j - 1)) return {k, end - 1, true};
    }
    return {j, end - 1, true};
  }
  if (tokens[i - 1].text != ",") return {};
  // ", X, said": X is either the subject (a name) or an aside (appositive, adverb).
  const std::size_t c1 = i - 1;
  std::size_t c2 = c1;
  while (c2 > floor && tokens[c2 - 1].text != "," && c1 - c2 < 25) --c2;
  if (c2 == c1) return {};
  const Token& head = tokens[c2];
  bool all_adverbs = true;
  for (std::size_t k = c2; k < c1; ++k) all_adverbs &= IsAdverb(tokens[k]);
  if (head.capital && !all_adverbs) {
    const std::size_t j = ChunkStart(tokens, c1, c2);
    if (j == c2 && PlausibleSubject(tokens, j, c1)) return {j, c1 - 1, true};
    return {};
  }
  if (c2 == floor || tokens[c2 - 1].text != ",") return {};
  if (c2 - 1 > floor && IsPronoun(tokens[c2 - 2])) return {c2 - 2, c2 - 2, true};
  const std::size_t j = ChunkStart(tokens, c2 - 1, floor);
  const std::size_t end = BeforeClitic(tokens, j, c2 - 1);
  if (!PlausibleSubject(tokens, j, end)) return {};
  return {j, end - 1, true};
}

// The phrase after a verb ("said Mr. Steele", "according to the expert").
Phrase PhraseAfter(const std::vector<Token>& tokens, std::size_t from, std::size_t limit) {
  // "rekao je Vučić", "navodi se u saopštenju": the clitic belongs to the verb.
  if (from + 1 < limit && IsCliticAuxiliary(tokens[from]) && tokens[from + 1].word) ++from;
  std::size_t j = from;
  while (j < limit && j - from < 10) {
    const Token& t = tokens[j];
    if (!t.word) {
      // "Mr. Steele", "Dennis B. Ross": a title or an initial keeps its period.
      if (t.text == "." && j > from && j + 1 < limit && tokens[j + 1].word &&
          (IsTitleAbbreviation(tokens[j - 1]) ||
           (tokens[j - 1].capital && tokens[j - 1].text.size() == 1))) {
        ++j;
        continue;
      }
      break;
    }
    if (j > from && (IsStopWord(t) || IsReportingVerbForm(t))) break;
    ++j;
  }
  if (j == from) return {};
  if (IsStopWord(tokens[from]) && !IsPronoun(tokens[from])) return {};
  return {from, j - 1, true};
}

std::uint64_t SpeakerWordShape(std::string_view word) {
  if (word.empty()) return 0;
  return std::uint64_t{1} << ((static_cast<unsigned char>(word.front()) * 31u + word.size()) & 63u);
}

std::uint64_t FirstWordShape(const std::vector<std::string>& words) {
  if (words.empty() || words.front().empty() || words.front().back() == '*') return 0;
  return SpeakerWordShape(words.front());
}

std::vector<std::string> SplitSpeakerPattern(std::string_view pattern) {
  std::vector<std::string> pw;
  for (const Token& t : Tokenize(pattern, 0, pattern.size())) {
    if (t.word) {
      pw.emplace_back(t.lower);
    } else if (t.text == "*" && !pw.empty()) {
      pw.back() += '*';
    }
  }
  return pw;
}

bool SpeakerWordMatches(std::string_view pattern_word, std::string_view word) {
  if (!pattern_word.empty() && pattern_word.back() == '*') {
    pattern_word.remove_suffix(1);
    return word.substr(0, pattern_word.size()) == pattern_word;
  }
  return word == pattern_word;
}

void MatchSpeaker(const std::vector<SpeakerPattern>& patterns,
                  std::initializer_list<std::string_view> names, CompactString* actor_id,
                  CompactString* perspective) {
  if (patterns.empty()) return;
  // The names' words, lower-cased: views of `tokens`, which hold them.
  std::vector<Tokens> tokens;
  tokens.reserve(names.size());
  std::vector<std::vector<std::string_view>> targets;
  std::vector<std::vector<std::string_view>> written;  // the same words as written
  targets.reserve(names.size());
  written.reserve(names.size());
  for (std::string_view name : names) {
    tokens.push_back(Tokenize(name, 0, name.size()));
    std::vector<std::string_view>& words = targets.emplace_back();
    std::vector<std::string_view>& as_written = written.emplace_back();
    for (const Token& t : tokens.back()) {
      if (!t.word) continue;
      words.push_back(t.lower);
      as_written.push_back(t.text);
    }
  }
  // A bit per (first byte, length) of the names' words: a pattern whose first word (without a
  // wildcard) has no bit here cannot match, and most patterns are passed by with one test.
  std::uint64_t shapes = 0;
  for (const auto& target : targets) {
    for (const std::string_view w : target) shapes |= SpeakerWordShape(w);
  }
  std::size_t best_words = 0;
  std::size_t best_chars = 0;
  std::vector<std::string> split;
  for (const SpeakerPattern& pattern : patterns) {
    const std::uint64_t first_shape =
        pattern.first_word_shape != 0 ? pattern.first_word_shape : FirstWordShape(pattern.words);
    if (first_shape != 0 && (shapes & first_shape) == 0) continue;
    if (pattern.words.empty()) split = SplitSpeakerPattern(pattern.pattern);
    const std::vector<std::string>& pw = pattern.words.empty() ? split : pattern.words;
    if (pw.empty()) continue;
    // An acronym of the pattern ("UN", "ОДКБ") matches only a word written in capitals, as in
    // the lexicon matcher (matcher.h, IsAcronymWord): the Romanian article "un" is no UN. The
    // pattern's words as written are looked at only once its lower-case words match.
    std::vector<bool> acronym;
    const auto matches = [&](bool with_case) {
      for (std::size_t n = 0; n < targets.size(); ++n) {
        const auto& target = targets[n];
        for (std::size_t s = 0; s + pw.size() <= target.size(); ++s) {
          bool ok = true;
          for (std::size_t k = 0; k < pw.size() && ok; ++k) {
            ok = SpeakerWordMatches(pw[k], target[s + k]) &&
                 !(with_case && k < acronym.size() && acronym[k] &&
                   !WrittenInCapitals(written[n][s + k]));
          }
          if (ok) return true;
        }
      }
      return false;
    };
    bool matched = matches(false);
    if (matched) {
      for (const Token& t : Tokenize(pattern.pattern, 0, pattern.pattern.size())) {
        if (t.word) acronym.push_back(IsAcronymWord(t.text));
      }
      if (std::find(acronym.begin(), acronym.end(), true) != acronym.end()) {
        matched = matches(true);
      }
    }
    if (!matched) continue;
    if (pw.size() > best_words ||
        (pw.size() == best_words && pattern.pattern.size() > best_chars)) {
      best_words = pw.size();
      best_chars = pattern.pattern.size();
      *actor_id = pattern.actor_id;
      *perspective = pattern.perspective;
    }
  }
}

bool ResolveCountry(std::string_view before, std::string_view mention,
                    const std::vector<SpeakerPattern>& patterns, CompactString* actor_id,
                    CompactString* perspective, std::string* country) {
  const std::string lower = Lower(mention);
  if (lower.find("the country") == std::string::npos) return false;
  std::size_t best = std::string_view::npos;
  const SpeakerPattern* found = nullptr;
  for (const SpeakerPattern& p : patterns) {
    if (!p.place || p.pattern.empty() || p.pattern.back() == '*') continue;
    // The last occurrence as a whole word ("Armenia", not the start of "Armenian").
    std::size_t at = before.rfind(p.pattern);
    while (at != std::string_view::npos && (IsAlnum(CharBefore(before, at).cp) ||
                                            IsAlnum(CharAt(before, at + p.pattern.size()).cp))) {
      at = at == 0 ? std::string_view::npos : before.rfind(p.pattern, at - 1);
    }
    if (at == std::string_view::npos || (best != std::string_view::npos && at <= best)) continue;
    best = at;
    found = &p;
  }
  if (found == nullptr) return false;
  *actor_id = found->actor_id;
  *perspective = found->perspective;
  *country = found->pattern;
  return true;
}
}  // namespace internal
}  // namespace parallax
