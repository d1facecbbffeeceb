#include "text/slug.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <algorithm>

namespace parallax {

struct AsciiTransliterator::Impl {
  std::unique_ptr<icu::Transliterator> latin;
  bool tried = false;

  // Built on first use: building it costs more than most English text ever needs.
  icu::Transliterator* Latin() {
    if (!tried) {
      tried = true;
      UErrorCode status = U_ZERO_ERROR;
      latin.reset(
          icu::Transliterator::createInstance("Any-Latin; Latin-ASCII", UTRANS_FORWARD, status));
      if (U_FAILURE(status)) latin.reset();
    }
    return latin.get();
  }
};

AsciiTransliterator::AsciiTransliterator() : impl_(std::make_unique<Impl>()) {}

AsciiTransliterator::~AsciiTransliterator() = default;

std::string AsciiTransliterator::ToAscii(std::string_view utf8) {
  const bool ascii = std::all_of(utf8.begin(), utf8.end(),
                                 [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  if (ascii || impl_->Latin() == nullptr) return std::string(utf8);
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  impl_->Latin()->transliterate(u);
  std::string out;
  u.toUTF8String(out);
  return out;
}

std::string Slugger::Slug(std::string_view text, std::size_t max_bytes) {
  std::string ascii = ascii_.ToAscii(text);
  // Left by Latin-ASCII: the schwa ("Azərbaycan", romanised Armenian) becomes e; apostrophes and
  // the modifier letters ʻ ʼ that mark aspiration ("Lačʻin") belong to their word.
  static constexpr std::pair<std::string_view, std::string_view> kLeft[] = {
      {"\u0259", "e"}, {"\u018F", "e"}, {"\u02BB", ""}, {"\u02BC", ""}, {"\u2019", ""}, {"'", ""}};
  for (const auto& [from, to] : kLeft) {
    for (std::size_t at = ascii.find(from); at != std::string::npos; at = ascii.find(from, at)) {
      ascii.replace(at, from.size(), to);
      at += to.size();
    }
  }
  std::string slug;
  bool gap = false;
  for (char ch : ascii) {
    const char c = (ch >= 'A' && ch <= 'Z') ? static_cast<char>(ch - 'A' + 'a') : ch;
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      if (gap && !slug.empty()) slug.push_back('-');
      slug.push_back(c);
      gap = false;
    } else {
      gap = true;
    }
  }
  if (max_bytes > 0 && slug.size() > max_bytes) {
    // Cut at the last '-' in the final third, else mid-word.
    const std::size_t dash = slug.rfind('-', max_bytes);
    slug.resize(dash != std::string::npos && dash >= max_bytes * 2 / 3 ? dash : max_bytes);
    while (!slug.empty() && slug.back() == '-') slug.pop_back();
  }
  return slug;
}

}  // namespace parallax
