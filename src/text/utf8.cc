#include "text/utf8.h"

#include <utf8proc.h>

#include <algorithm>
#include <cstring>

namespace parallax {
namespace {

enum class Utf8Error { kNone, kStray, kOverlong, kSurrogate, kTooLarge, kTruncated };

struct RawDecode {
  DecodedChar ch;
  Utf8Error error = Utf8Error::kNone;
};

inline bool IsCont(unsigned char b) { return (b & 0xC0) == 0x80; }

RawDecode Decode(std::string_view text, size_t pos) {
  RawDecode r;
  if (pos >= text.size()) return r;
  const auto* s = reinterpret_cast<const unsigned char*>(text.data()) + pos;
  const size_t avail = text.size() - pos;
  const unsigned char b0 = s[0];
  auto fail = [&r](uint8_t length, Utf8Error error) {
    r.ch = DecodedChar{kReplacementChar, length, false};
    r.error = error;
    return r;
  };
  if (b0 < 0x80) {
    r.ch = DecodedChar{b0, 1, true};
    return r;
  }
  if (b0 < 0xC0) return fail(1, Utf8Error::kStray);
  if (b0 < 0xC2) return fail(1, Utf8Error::kOverlong);
  if (b0 >= 0xF5) return fail(1, Utf8Error::kTooLarge);
  int need;
  unsigned char lo = 0x80, hi = 0xBF;
  char32_t cp;
  if (b0 < 0xE0) {
    need = 1;
    cp = b0 & 0x1F;
  } else if (b0 < 0xF0) {
    need = 2;
    cp = b0 & 0x0F;
    if (b0 == 0xE0) lo = 0xA0;
    if (b0 == 0xED) hi = 0x9F;
  } else {
    need = 3;
    cp = b0 & 0x07;
    if (b0 == 0xF0) lo = 0x90;
    if (b0 == 0xF4) hi = 0x8F;
  }
  // The second byte decides the special classes (overlong, surrogate, too large).
  if (avail < 2 || !IsCont(s[1])) return fail(1, Utf8Error::kTruncated);
  if (s[1] < lo) return fail(1, Utf8Error::kOverlong);
  if (s[1] > hi) return fail(1, b0 == 0xED ? Utf8Error::kSurrogate : Utf8Error::kTooLarge);
  cp = (cp << 6) | (s[1] & 0x3F);
  for (int i = 2; i <= need; ++i) {
    if (static_cast<size_t>(i) >= avail || !IsCont(s[i])) {
      return fail(static_cast<uint8_t>(i), Utf8Error::kTruncated);
    }
    cp = (cp << 6) | (s[i] & 0x3F);
  }
  r.ch = DecodedChar{cp, static_cast<uint8_t>(need + 1), true};
  return r;
}

const char* ErrorMessage(Utf8Error error) {
  switch (error) {
    case Utf8Error::kStray:
      return "invalid UTF-8: stray continuation byte";
    case Utf8Error::kOverlong:
      return "invalid UTF-8: overlong encoding";
    case Utf8Error::kSurrogate:
      return "invalid UTF-8: encoded surrogate code point (U+D800..U+DFFF)";
    case Utf8Error::kTooLarge:
      return "invalid UTF-8: code point beyond U+10FFFF";
    case Utf8Error::kTruncated:
      return "invalid UTF-8: truncated multi-byte sequence";
    case Utf8Error::kNone:
      break;
  }
  return "invalid UTF-8";
}

constexpr const char* kNulMessage = "NUL byte in text";

constexpr const char* kUtf8Hint =
    "replaced by U+FFFD; re-save the file as UTF-8 or convert it, e.g. with iconv";

// Counts problems and reports the first kMaxUtf8Warnings of them.
class WarningSink {
 public:
  WarningSink(std::string_view path, Diagnostics* diagnostics)
      : path_(path), diagnostics_(diagnostics) {}
  ~WarningSink() {
    if (diagnostics_ != nullptr && count_ > kMaxUtf8Warnings) {
      diagnostics_->push_back(MakeWarning(
          std::string(path_), 0, 0,
          std::to_string(count_ - kMaxUtf8Warnings) + " more invalid character sequences",
          kUtf8Hint));
    }
  }
  void Add(int line, int column, const char* message) {
    ++count_;
    if (diagnostics_ != nullptr && count_ <= kMaxUtf8Warnings) {
      diagnostics_->push_back(MakeWarning(std::string(path_), line, column, message, kUtf8Hint));
    }
  }

 private:
  std::string_view path_;
  Diagnostics* diagnostics_;
  int count_ = 0;
};

// Tracks 1-based line and column (in characters) of the decoded output.
struct Position {
  int line = 1;
  int column = 1;
  void Advance(char32_t c) {
    if (c == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
};

std::string Utf16ToUtf8(std::string_view bytes, bool big_endian, WarningSink* sink) {
  std::string out;
  out.reserve(bytes.size() * 3 / 2);
  const auto* s = reinterpret_cast<const unsigned char*>(bytes.data());
  const size_t n = bytes.size();
  auto unit = [&](size_t i) -> char32_t {
    return big_endian ? (char32_t{s[i]} << 8) | s[i + 1] : (char32_t{s[i + 1]} << 8) | s[i];
  };
  Position pos;
  size_t i = 0;
  while (i + 1 < n) {
    char32_t u = unit(i);
    i += 2;
    char32_t cp = u;
    if (u >= 0xD800 && u <= 0xDBFF) {
      if (i + 1 < n && unit(i) >= 0xDC00 && unit(i) <= 0xDFFF) {
        cp = 0x10000 + ((u - 0xD800) << 10) + (unit(i) - 0xDC00);
        i += 2;
      } else {
        sink->Add(pos.line, pos.column, "invalid UTF-16: unpaired high surrogate");
        cp = kReplacementChar;
      }
    } else if (u >= 0xDC00 && u <= 0xDFFF) {
      sink->Add(pos.line, pos.column, "invalid UTF-16: unpaired low surrogate");
      cp = kReplacementChar;
    } else if (u == 0) {
      sink->Add(pos.line, pos.column, kNulMessage);
      cp = kReplacementChar;
    }
    AppendUtf8(cp, &out);
    pos.Advance(cp);
  }
  if (i < n) {
    sink->Add(pos.line, pos.column, "invalid UTF-16: odd number of bytes, last byte dropped");
    AppendUtf8(kReplacementChar, &out);
  }
  return out;
}

}  // namespace

DecodedChar DecodeUtf8Char(std::string_view text, size_t pos) { return Decode(text, pos).ch; }

bool IsCaselessLetter(char32_t code_point) {
  if (code_point < 0x80) return false;
  if ((code_point >= 0x10D0 && code_point <= 0x10FA) ||
      (code_point >= 0x10FD && code_point <= 0x10FF)) {
    return true;  // Mkhedruli
  }
  return utf8proc_category(static_cast<utf8proc_int32_t>(code_point)) == UTF8PROC_CATEGORY_LO;
}

std::string SimpleLowercase(std::string_view text) {
  std::string out;
  if (std::all_of(text.begin(), text.end(),
                  [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
    out.resize(text.size());
    std::transform(text.begin(), text.end(), out.begin(), [](char c) {
      return c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c;
    });
    return out;
  }
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    const DecodedChar d = DecodeUtf8Char(text, i);
    const char32_t c = d.valid ? d.code_point : kReplacementChar;
    AppendUtf8(static_cast<char32_t>(utf8proc_tolower(static_cast<utf8proc_int32_t>(c))), &out);
    i += d.valid ? d.length : 1;
  }
  return out;
}

bool IsValidUtf8(std::string_view text) {
  size_t i = 0;
  const size_t n = text.size();
  while (i < n) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      ++i;
      continue;
    }
    RawDecode d = Decode(text, i);
    if (!d.ch.valid) return false;
    i += d.ch.length;
  }
  return true;
}

std::string ToValidUtf8(std::string_view text, std::string_view path, Diagnostics* diagnostics) {
  if (IsValidUtf8(text) && text.find('\0') == std::string_view::npos) return std::string(text);
  WarningSink sink(path, diagnostics);
  std::string out;
  out.reserve(text.size() + 16);
  Position pos;
  size_t i = 0;
  while (i < text.size()) {
    RawDecode d = Decode(text, i);
    if (d.ch.valid && d.ch.code_point == 0) {
      sink.Add(pos.line, pos.column, kNulMessage);
      AppendUtf8(kReplacementChar, &out);
    } else if (d.ch.valid) {
      out.append(text.data() + i, d.ch.length);
    } else {
      sink.Add(pos.line, pos.column, ErrorMessage(d.error));
      AppendUtf8(kReplacementChar, &out);
    }
    pos.Advance(d.ch.code_point);
    i += d.ch.length;
  }
  return out;
}

std::string_view StripUtf8Bom(std::string_view text) {
  if (text.size() >= 3 && std::memcmp(text.data(), "\xEF\xBB\xBF", 3) == 0) {
    text.remove_prefix(3);
  }
  return text;
}

TextEncoding DetectEncoding(std::string_view bytes) {
  if (bytes.size() >= 3 && std::memcmp(bytes.data(), "\xEF\xBB\xBF", 3) == 0) {
    return TextEncoding::kUtf8Bom;
  }
  if (bytes.size() >= 2) {
    if (std::memcmp(bytes.data(), "\xFF\xFE", 2) == 0) return TextEncoding::kUtf16Le;
    if (std::memcmp(bytes.data(), "\xFE\xFF", 2) == 0) return TextEncoding::kUtf16Be;
  }
  return TextEncoding::kUtf8;
}

std::string DecodeTextFile(std::string_view bytes, std::string_view path,
                           Diagnostics* diagnostics) {
  switch (DetectEncoding(bytes)) {
    case TextEncoding::kUtf16Le:
    case TextEncoding::kUtf16Be: {
      WarningSink sink(path, diagnostics);
      const bool big_endian = DetectEncoding(bytes) == TextEncoding::kUtf16Be;
      return Utf16ToUtf8(bytes.substr(2), big_endian, &sink);
    }
    case TextEncoding::kUtf8Bom:
    case TextEncoding::kUtf8:
      break;
  }
  return ToValidUtf8(StripUtf8Bom(bytes), path, diagnostics);
}

}  // namespace parallax
