#include "align/name_keys.h"

#include <cstdlib>
#include <unordered_map>

#include <utf8proc.h>

#include "text/slug.h"
#include "text/utf8.h"

namespace parallax {
namespace {

constexpr std::size_t kKeyLength = 5;
constexpr std::size_t kMinSkeleton = 4;

bool IsTurkic(std::string_view language) {
  return language.rfind("az", 0) == 0 || language.rfind("tr", 0) == 0;
}

// Step 1: the letters ICU would romanise unlike English news usage, written the English way.
const char* PreRomanised(char32_t c, bool turkic) {
  switch (c) {
    case U'ж':
      return "zh";
    case U'х':
      return "kh";
    case U'ц':
      return "ts";
    case U'ч':
      return "ch";
    case U'ш':
      return "sh";
    case U'щ':
      return "shch";
    case U'й':
      return "y";
    case U'я':
      return "ya";
    case U'ю':
      return "yu";
    case U'ё':
      return "yo";
    case U'ы':
      return "y";
    case U'э':
      return "e";
    case U'ь':
      return "";
    case U'ъ':
      return "";
    case U'є':
      return "ye";
    case U'ї':
      return "yi";
    case U'і':
      return "i";
    case U'ґ':
      return "g";
    case U'ç':
      return "ch";
    case U'ş':
      return "sh";
    case U'ğ':
      return "gh";
    case U'ı':
      return "i";
    case U'ə':
      return "e";
    case U'ղ':
      return "gh";
    case U'շ':
      return "sh";
    case U'չ':
      return "ch";
    case U'ճ':
      return "ch";
    case U'ժ':
      return "zh";
    case U'խ':
      return "kh";
    case U'ջ':
      return "j";
    default:
      break;
  }
  if (turkic) {
    if (c == U'c') return "j";
    if (c == U'x') return "kh";
  }
  return nullptr;
}

}  // namespace

struct NameKeyer::Impl {
  // Builds its ICU transliterator on the first word outside the Latin script: building it costs
  // more than most English corpora ever need, and alignment makes a keyer per worker and per
  // date window.
  AsciiTransliterator ascii;
  std::unordered_map<std::string, std::string> cache;
  std::string scratch;
};

NameKeyer::NameKeyer() : impl_(std::make_unique<Impl>()) {}

NameKeyer::~NameKeyer() = default;

std::string NameKeyer::Skeleton(std::string_view latin) {
  std::string s;
  s.reserve(latin.size());
  for (char ch : latin) {
    const char c = (ch >= 'A' && ch <= 'Z') ? static_cast<char>(ch - 'A' + 'a') : ch;
    if (c >= 'a' && c <= 'z') s.push_back(c);
  }
  static constexpr std::pair<std::string_view, std::string_view> kFolds[] = {
      {"shch", "s"}, {"dzh", "j"}, {"tch", "c"}, {"dz", "j"}, {"zh", "j"}, {"kh", "h"}, {"gh", "h"},
      {"ch", "c"},   {"sh", "s"},  {"ts", "c"},  {"ph", "f"}, {"th", "t"}, {"ou", "u"}, {"ck", "k"},
      {"q", "k"},    {"x", "h"},   {"w", "v"},   {"y", ""},   {"g", "h"}};
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    bool folded = false;
    for (const auto& [from, to] : kFolds) {
      if (s.compare(i, from.size(), from) == 0) {
        out.append(to);
        i += from.size();
        folded = true;
        break;
      }
    }
    if (!folded) out.push_back(s[i++]);
  }
  std::string once;
  once.reserve(out.size());
  for (char c : out) {
    if (once.empty() || once.back() != c) once.push_back(c);
  }
  return once;
}

std::string_view NameKeyer::Key(std::string_view any_case, std::string_view language) {
  const std::string word = SimpleLowercase(any_case);
  std::string& pre = impl_->scratch;
  pre.clear();
  const bool turkic = IsTurkic(language);
  for (std::size_t i = 0; i < word.size();) {
    const DecodedChar d = DecodeUtf8Char(word, i);
    const std::size_t len = d.valid && d.length > 0 ? d.length : 1;
    const char* mapped = d.valid ? PreRomanised(d.code_point, turkic) : nullptr;
    if (mapped != nullptr) {
      pre.append(mapped);
    } else {
      pre.append(word.substr(i, len));
    }
    i += len;
  }
  auto found = impl_->cache.find(pre);
  if (found != impl_->cache.end()) return found->second;
  std::string latin;
  bool ascii = true;
  bool latin_script = true;  // Latin letters with diacritics only (below U+0250)
  for (std::size_t i = 0; i < pre.size();) {
    const DecodedChar d = DecodeUtf8Char(pre, i);
    ascii &= d.valid && d.code_point < 0x80;
    latin_script &= d.valid && d.code_point < 0x250;
    i += d.valid && d.length > 0 ? d.length : 1;
  }
  if (ascii) {
    latin = pre;
  } else if (latin_script) {
    // "é" → "e" without ICU's script detection: decompose and drop the marks.
    utf8proc_uint8_t* out = nullptr;
    const utf8proc_ssize_t n =
        utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(pre.data()),
                     static_cast<utf8proc_ssize_t>(pre.size()), &out,
                     static_cast<utf8proc_option_t>(UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK));
    if (n >= 0 && out != nullptr) latin.assign(reinterpret_cast<const char*>(out), n);
    std::free(out);
  } else {
    latin = impl_->ascii.ToAscii(pre);
  }
  std::string skeleton = Skeleton(latin);
  if (skeleton.size() < kMinSkeleton) skeleton.clear();
  if (skeleton.size() > kKeyLength) skeleton.resize(kKeyLength);
  auto [it, inserted] = impl_->cache.emplace(pre, std::move(skeleton));
  return it->second;
}

}  // namespace parallax
