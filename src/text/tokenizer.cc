#include "text/tokenizer.h"

#include <utf8proc.h>

#include <cstring>

#include "text/utf8.h"

namespace parallax {
namespace {

enum CharClass : uint8_t {
  kSpace,
  kLetter,
  kDigit,
  kMark,
  kHyphen,       // inner joiner
  kApostrophe,   // inner joiner, possessive splitter
  kDigitJoiner,  // . and , between digits
  kTransparent,  // soft hyphen, zero-width characters
  kOther,        // punctuation and symbols
};

struct AsciiClasses {
  CharClass c[128];
  constexpr AsciiClasses() : c() {
    for (int i = 0; i < 128; ++i) {
      if (i <= ' ' || i == 0x7F) {
        c[i] = kSpace;
      } else if ((i >= 'a' && i <= 'z') || (i >= 'A' && i <= 'Z')) {
        c[i] = kLetter;
      } else if (i >= '0' && i <= '9') {
        c[i] = kDigit;
      } else if (i == '-') {
        c[i] = kHyphen;
      } else if (i == '\'') {
        c[i] = kApostrophe;
      } else if (i == '.' || i == ',') {
        c[i] = kDigitJoiner;
      } else {
        c[i] = kOther;
      }
    }
  }
};
constexpr AsciiClasses kAscii;

// Byte flags for the ASCII fast path.
enum : uint8_t { kFlagAlnum = 1, kFlagUpper = 2, kFlagLetter = 4 };
struct ByteFlags {
  uint8_t f[256];
  constexpr ByteFlags() : f() {
    for (int i = 0; i < 128; ++i) {
      if (i >= 'a' && i <= 'z') f[i] = kFlagAlnum | kFlagLetter;
      if (i >= 'A' && i <= 'Z') f[i] = kFlagAlnum | kFlagLetter | kFlagUpper;
      if (i >= '0' && i <= '9') f[i] = kFlagAlnum;
    }
  }
};
constexpr ByteFlags kFlags;

inline bool IsWordClass(CharClass c) { return c == kLetter || c == kDigit || c == kMark; }
inline bool IsAsciiAlnum(unsigned char b) { return b < 0x80 && IsWordClass(kAscii.c[b]); }

CharClass ClassifyCodePoint(char32_t c) {
  if (c < 0x80) return kAscii.c[c];
  switch (c) {
    case 0x00AD:
    case 0x200B:
    case 0x200C:
    case 0x200D:
    case 0x2060:
    case 0xFEFF:
    case 0x055B:  // Armenian emphasis mark, written over a vowel inside the word (մե՛րն)
    case 0x055C:  // Armenian exclamation mark, likewise (Ստեփանակե՜րտ)
    case 0x055E:  // Armenian question mark, likewise (Արցա՞խը)
      return kTransparent;
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
      return kHyphen;
    case 0x2019:
    case 0x02BC:
      return kApostrophe;
    case kReplacementChar:
      return kOther;
    default:
      break;
  }
  switch (utf8proc_category(static_cast<utf8proc_int32_t>(c))) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
      return kLetter;
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
      return kMark;
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
      return kDigit;
    case UTF8PROC_CATEGORY_ZS:
    case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP:
    case UTF8PROC_CATEGORY_CC:
      return kSpace;
    default:
      return kOther;
  }
}

// ClassifyCodePoint of every common character (internal::CommonCharIndex), computed once.
const uint8_t* CommonClasses() {
  struct Table {
    uint8_t c[internal::kCommonChars];
    Table() {
      for (int i = 0; i < internal::kCommonChars; ++i) {
        c[i] = ClassifyCodePoint(internal::CommonCharAt(i));
      }
    }
  };
  static const Table table;
  return table.c;
}

struct Classified {
  CharClass cls = kSpace;
  uint8_t length = 0;   // 0 at end of text
  int16_t common = -1;  // internal::CommonCharIndex of a common character
};

// The class of the character at `pos`; `common` is CommonClasses().
inline Classified ClassifyAt(std::string_view text, size_t pos, const uint8_t* common) {
  if (pos >= text.size()) return {};
  const auto b = static_cast<unsigned char>(text[pos]);
  if (b < 0x80) return {kAscii.c[b], 1};
  size_t length = 0;
  const int index = internal::CommonCharIndex(reinterpret_cast<const unsigned char*>(text.data()),
                                              pos, text.size(), &length);
  if (index >= 0) {
    return {static_cast<CharClass>(common[index]), static_cast<uint8_t>(length),
            static_cast<int16_t>(index)};
  }
  DecodedChar d = DecodeUtf8Char(text, pos);
  return {ClassifyCodePoint(d.code_point), d.length};
}

// True when the apostrophe at `pos` (of `length` bytes) starts a possessive or contracted "'s"
// that ends the word: it is followed by s or S and then by a non-word character or the end.
inline bool IsPossessiveAt(std::string_view text, size_t pos, size_t length,
                           const uint8_t* common) {
  const size_t s = pos + length;
  if (s >= text.size() || (text[s] != 's' && text[s] != 'S')) return false;
  Classified after = ClassifyAt(text, s + 1, common);
  return after.length == 0 || !IsWordClass(after.cls);
}

}  // namespace

Tokenizer::Tokenizer(std::string_view text, TokenizerOptions options)
    : text_(text),
      options_(options),
      simple_folds_(internal::SimpleFoldTable()),
      common_classes_(CommonClasses()) {}

void Tokenizer::Reset(std::string_view text) {
  text_ = text;
  pos_ = 0;
  pending_clitic_ = false;
}

bool Tokenizer::SlowWord(size_t start, Token* token) {
  size_t j = start;
  bool has_letter = false;
  CharClass last = kSpace;  // class of the last word character consumed
  // While every character so far is ASCII or a common letter with a SimpleFold, each is its own
  // normalisation segment: the match form is their forms one after the other, in fold_.
  bool by_table = true;
  size_t used = 0;
  auto fold = [&](size_t at, const Classified& c) {
    if (fold_.size() < used + sizeof(internal::SimpleFold::bytes)) fold_.resize(2 * used + 16);
    if (static_cast<unsigned char>(text_[at]) < 0x80) {
      fold_[used++] = internal::AsciiLower(text_[at]);
      return true;
    }
    if (c.common < 0 || simple_folds_[c.common].length == 0) return false;
    const internal::SimpleFold& f = simple_folds_[c.common];
    std::memcpy(fold_.data() + used, f.bytes, sizeof(f.bytes));
    used += f.length;
    return true;
  };
  while (j < text_.size()) {
    Classified c = ClassifyAt(text_, j, common_classes_);
    if (IsWordClass(c.cls)) {
      has_letter |= c.cls != kDigit;
      last = c.cls;
      by_table = by_table && fold(j, c);
      j += c.length;
      continue;
    }
    if (c.cls == kTransparent) {
      size_t k = j + c.length;
      Classified next = ClassifyAt(text_, k, common_classes_);
      while (next.cls == kTransparent && next.length != 0) {
        k += next.length;
        next = ClassifyAt(text_, k, common_classes_);
      }
      if (next.length != 0 && IsWordClass(next.cls)) {
        by_table = false;
        j = k;
        continue;
      }
      break;
    }
    if (c.cls == kHyphen || c.cls == kApostrophe || c.cls == kDigitJoiner) {
      Classified next = ClassifyAt(text_, j + c.length, common_classes_);
      if (next.length == 0 || !IsWordClass(next.cls)) break;
      if (c.cls == kDigitJoiner && (last != kDigit || next.cls != kDigit)) break;
      if (c.cls == kApostrophe && IsPossessiveAt(text_, j, c.length, common_classes_)) {
        pending_clitic_ = true;
        clitic_begin_ = j;
        clitic_end_ = j + c.length + 1;
        break;
      }
      by_table = by_table && fold(j, c);
      j += c.length;
      continue;
    }
    break;
  }
  if (by_table) {
    token->norm = std::string_view(fold_.data(), used);
  } else {
    norm_.clear();
    folder_.AppendMatchForm(text_.substr(start, j - start), &norm_);
    token->norm = norm_;
  }
  token->begin = start;
  token->end = j;
  token->kind = has_letter ? TokenKind::kWord : TokenKind::kNumber;
  pos_ = pending_clitic_ ? clitic_end_ : j;
  if (pending_clitic_ && !options_.punctuation) pending_clitic_ = false;
  return true;
}

void Tokenizer::EmitAscii(size_t begin, size_t end, unsigned flags, Token* token) {
  token->begin = begin;
  token->end = end;
  token->kind = (flags & kFlagLetter) != 0 ? TokenKind::kWord : TokenKind::kNumber;
  if ((flags & kFlagUpper) == 0) {
    token->norm = text_.substr(begin, end - begin);  // already in match form
    return;
  }
  norm_.resize(end - begin);
  for (size_t i = 0; i < end - begin; ++i) norm_[i] = internal::AsciiLower(text_[begin + i]);
  token->norm = norm_;
}

bool Tokenizer::Next(Token* token) {
  if (pending_clitic_) {
    pending_clitic_ = false;
    token->begin = clitic_begin_;
    token->end = clitic_end_;
    token->norm = "'s";
    token->kind = TokenKind::kClitic;
    return true;
  }
  const size_t n = text_.size();
  const auto* s = reinterpret_cast<const unsigned char*>(text_.data());
  while (pos_ < n) {
    const unsigned char b = s[pos_];
    if (b < 0x80) {
      const CharClass cls = kAscii.c[b];
      if (cls == kSpace) {
        ++pos_;
        continue;
      }
      if (cls == kLetter || cls == kDigit) {
        // ASCII fast path: a word of ASCII letters, digits and joiners only.
        const size_t start = pos_;
        size_t j = pos_;
        unsigned flags = 0;
        for (;;) {
          unsigned f;
          while (j < n && ((f = kFlags.f[s[j]]) & kFlagAlnum) != 0) {
            flags |= f;
            ++j;
          }
          if (j >= n) break;
          const unsigned char c = s[j];
          if (c >= 0x80) return SlowWord(start, token);
          const CharClass jc = kAscii.c[c];
          if (jc != kHyphen && jc != kApostrophe && jc != kDigitJoiner) break;
          if (j + 1 >= n) break;
          if (s[j + 1] >= 0x80) return SlowWord(start, token);
          if (!IsAsciiAlnum(s[j + 1])) break;
          if (jc == kDigitJoiner &&
              (kAscii.c[s[j - 1]] != kDigit || kAscii.c[s[j + 1]] != kDigit)) {
            break;
          }
          if (jc == kApostrophe && IsPossessiveAt(text_, j, 1, common_classes_)) {
            if (options_.punctuation) {
              pending_clitic_ = true;
              clitic_begin_ = j;
              clitic_end_ = j + 2;
            }
            EmitAscii(start, j, flags, token);
            pos_ = j + 2;
            return true;
          }
          ++j;
        }
        EmitAscii(start, j, flags, token);
        pos_ = j;
        return true;
      }
      // ASCII punctuation.
      if (!options_.punctuation) {
        ++pos_;
        continue;
      }
      token->begin = pos_;
      token->end = pos_ + 1;
      token->norm = text_.substr(pos_, 1);
      token->kind = TokenKind::kPunct;
      ++pos_;
      return true;
    }
    Classified c = ClassifyAt(text_, pos_, common_classes_);
    if (IsWordClass(c.cls)) return SlowWord(pos_, token);
    if (c.cls == kSpace || c.cls == kTransparent || !options_.punctuation) {
      pos_ += c.length;
      continue;
    }
    norm_.clear();
    folder_.AppendMatchForm(text_.substr(pos_, c.length), &norm_);
    token->begin = pos_;
    token->end = pos_ + c.length;
    token->norm = norm_;
    token->kind = TokenKind::kPunct;
    pos_ += c.length;
    return true;
  }
  return false;
}

void Tokenize(std::string_view text, const TokenizerOptions& options, std::vector<Token>* tokens,
              std::string* norm_storage) {
  tokens->clear();
  norm_storage->clear();
  std::vector<size_t> offsets;
  Tokenizer tokenizer(text, options);
  Token token;
  while (tokenizer.Next(&token)) {
    offsets.push_back(norm_storage->size());
    norm_storage->append(token.norm);
    tokens->push_back(token);
  }
  offsets.push_back(norm_storage->size());
  for (size_t i = 0; i < tokens->size(); ++i) {
    (*tokens)[i].norm =
        std::string_view(*norm_storage).substr(offsets[i], offsets[i + 1] - offsets[i]);
  }
}

}  // namespace parallax
