#include "text/normalizer.h"

#include <utf8proc.h>

#include <algorithm>
#include <cstring>

#include "text/utf8.h"

namespace parallax {
namespace internal {
namespace {

constexpr utf8proc_option_t kDisplayOptions =
    static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE);
constexpr utf8proc_option_t kMatchOptions = static_cast<utf8proc_option_t>(
    UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD);

utf8proc_option_t OptionsFor(NormalizationForm form) {
  return form == NormalizationForm::kMatch ? kMatchOptions : kDisplayOptions;
}

// ё -> е in match form, after case folding and composition so that Ё, ё and е + U+0308 all
// fold (both letters are two bytes in UTF-8, so the offset map is unchanged).
void FoldYo(std::string* s, size_t from) {
  for (size_t i = from; i + 1 < s->size(); ++i) {
    if ((*s)[i] == '\xD1' && (*s)[i + 1] == '\x91') {
      (*s)[i] = '\xD0';
      (*s)[i + 1] = '\xB5';
      ++i;
    }
  }
}

void AppendAscii(std::string_view run, NormalizationForm form, size_t base, std::string* out,
                 std::vector<size_t>* map) {
  const size_t old = out->size();
  out->resize(old + run.size());
  char* dst = out->data() + old;
  if (form == NormalizationForm::kMatch) {
    for (size_t i = 0; i < run.size(); ++i) {
      dst[i] = AsciiLower(run[i]);
    }
  } else {
    std::copy(run.begin(), run.end(), dst);
  }
  if (map != nullptr) {
    for (size_t i = 0; i < run.size(); ++i) map->push_back(base + i);
  }
}

}  // namespace

int32_t PreFoldForMatch(int32_t c) {
  switch (c) {
    case 0x00AD:  // soft hyphen
    case 0x200B:  // zero-width space
    case 0x200C:  // zero-width non-joiner
    case 0x200D:  // zero-width joiner
    case 0x2060:  // word joiner
    case 0xFEFF:  // zero-width no-break space / BOM
    case 0x055B:  // Armenian emphasis mark
    case 0x055C:  // Armenian exclamation mark
    case 0x055E:  // Armenian question mark
      return -1;
    case 0x2018:
    case 0x2019:
    case 0x201A:
    case 0x201B:
    case 0x2032:
    case 0x02BC:
    case 0x2039:
    case 0x203A:
      return '\'';
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x201F:
    case 0x00AB:
    case 0x00BB:
    case 0x2033:
      return '"';
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2015:
    case 0x2212:
    case 0xFE58:
      return '-';
    case 0x0130:
      return 'i';
    default:
      return c;
  }
}

bool StartsSegment(int32_t c) {
  if (c < 0x80) return true;
  if ((c >= 0x1160 && c <= 0x11FF) || (c >= 0xD7B0 && c <= 0xD7FF) ||
      (c >= 0x3131 && c <= 0x318E) || c == 0xFF9E || c == 0xFF9F) {
    return false;  // Hangul jamo that compose with what precedes; halfwidth sound marks
  }
  const utf8proc_property_t* p = utf8proc_get_property(c);
  if (p->combining_class != 0) return false;
  return p->category != UTF8PROC_CATEGORY_MN && p->category != UTF8PROC_CATEGORY_MC &&
         p->category != UTF8PROC_CATEGORY_ME;
}

const SimpleFold* SimpleFoldTable() {
  struct Table {
    SimpleFold entries[kCommonChars];
    Table() {
      std::string utf8;
      for (int i = 0; i < kCommonChars; ++i) {
        const auto c = static_cast<int32_t>(CommonCharAt(i));
        if (PreFoldForMatch(c) != c || !StartsSegment(c)) continue;
        utf8.clear();
        AppendUtf8(static_cast<char32_t>(c), &utf8);
        const std::string folded = NormalizeReference(utf8, NormalizationForm::kMatch);
        if (folded.empty() || folded.size() > sizeof(entries[i].bytes)) continue;
        entries[i].length = static_cast<uint8_t>(folded.size());
        std::copy(folded.begin(), folded.end(), entries[i].bytes);
      }
    }
  };
  static const Table table;
  return table.entries;
}

void MatchFolder::AppendMatchForm(std::string_view input, std::string* out) {
  Append(input, NormalizationForm::kMatch, 0, out, nullptr);
}

void MatchFolder::FlushSegment(NormalizationForm form, size_t seg_start, std::string* out,
                               std::vector<size_t>* map) {
  if (segment_.empty()) return;
  if (segment_.size() == 1 && segment_[0] < 0x80) {
    char c = static_cast<char>(segment_[0]);
    if (form == NormalizationForm::kMatch) c = AsciiLower(c);
    out->push_back(c);
    if (map != nullptr) map->push_back(seg_start);
    segment_.clear();
    return;
  }
  utf8_.clear();
  for (int32_t c : segment_) AppendUtf8(static_cast<char32_t>(c), &utf8_);
  segment_.clear();
  const auto options = OptionsFor(form);
  const auto* src = reinterpret_cast<const utf8proc_uint8_t*>(utf8_.data());
  const auto len = static_cast<utf8proc_ssize_t>(utf8_.size());
  if (buffer_.size() < 16) buffer_.resize(16);
  utf8proc_ssize_t n = utf8proc_decompose(src, len, buffer_.data(),
                                          static_cast<utf8proc_ssize_t>(buffer_.size()), options);
  if (n > static_cast<utf8proc_ssize_t>(buffer_.size())) {
    buffer_.resize(static_cast<size_t>(n));
    n = utf8proc_decompose(src, len, buffer_.data(), n, options);
  }
  if (n < 0) {  // cannot happen on valid UTF-8; keep the text rather than lose it
    out->append(utf8_);
    if (map != nullptr) map->insert(map->end(), utf8_.size(), seg_start);
    return;
  }
  const utf8proc_ssize_t bytes = utf8proc_reencode(buffer_.data(), n, options);
  const char* encoded = reinterpret_cast<const char*>(buffer_.data());
  const size_t old_size = out->size();
  out->append(encoded, static_cast<size_t>(bytes));
  if (form == NormalizationForm::kMatch) FoldYo(out, old_size);
  if (map != nullptr) map->insert(map->end(), static_cast<size_t>(bytes), seg_start);
}

bool MatchFolder::FollowedByStarter(const unsigned char* s, size_t k, size_t n) const {
  if (k >= n || s[k] < 0x80) return true;
  size_t length = 0;
  const int index = CommonCharIndex(s, k, n, &length);
  return index >= 0 && tables_[index].length != 0;
}

size_t MatchFolder::AppendSimpleRun(const unsigned char* s, size_t k, size_t n, int index,
                                    size_t length, size_t base, std::string* out,
                                    std::vector<size_t>* map) const {
  // Folded through a small buffer: each entry's bytes are copied whole and the end advanced by
  // its length.
  constexpr size_t kEntryBytes = sizeof(SimpleFold::bytes);
  char buffer[64 + kEntryBytes];
  size_t used = 0;
  for (;;) {
    const SimpleFold& f = tables_[index];
    std::memcpy(buffer + used, f.bytes, kEntryBytes);
    used += f.length;
    if (map != nullptr) map->insert(map->end(), f.length, base + k);
    k += length;
    if (used > 64) {
      out->append(buffer, used);
      used = 0;
    }
    if (k >= n || s[k] < 0x80) break;
    size_t next_length = 0;
    const int next = CommonCharIndex(s, k, n, &next_length);
    if (next < 0 || tables_[next].length == 0 || !FollowedByStarter(s, k + next_length, n)) break;
    index = next;
    length = next_length;
  }
  out->append(buffer, used);
  return k;
}

void MatchFolder::Append(std::string_view input, NormalizationForm form, size_t base,
                         std::string* out, std::vector<size_t>* map) {
  const size_t n = input.size();
  const auto* s = reinterpret_cast<const unsigned char*>(input.data());
  size_t pos = 0;
  while (pos < n) {
    size_t j = pos;
    while (j < n && s[j] < 0x80) ++j;
    if (j == n) {
      AppendAscii(input.substr(pos), form, base + pos, out, map);
      break;
    }
    // Hold back the last ASCII character: combining marks may follow it.
    const size_t slow_start = j > pos ? j - 1 : j;
    AppendAscii(input.substr(pos, slow_start - pos), form, base + pos, out, map);
    size_t k = slow_start;
    size_t seg_start = k;
    segment_.clear();
    while (k < n) {
      if (s[k] < 0x80 && k != slow_start) break;  // back to the fast loop
      size_t length = 0;
      const int index = tables_ != nullptr && form == NormalizationForm::kMatch
                            ? CommonCharIndex(s, k, n, &length)
                            : -1;
      if (index >= 0 && tables_[index].length != 0 && FollowedByStarter(s, k + length, n)) {
        FlushSegment(form, base + seg_start, out, map);
        k = AppendSimpleRun(s, k, n, index, length, base, out, map);
        seg_start = k;
        continue;
      }
      DecodedChar d = DecodeUtf8Char(input, k);
      int32_t c = static_cast<int32_t>(d.code_point);
      if (form == NormalizationForm::kMatch) c = PreFoldForMatch(c);
      if (c >= 0) {
        if (StartsSegment(c)) {
          FlushSegment(form, base + seg_start, out, map);
          seg_start = k;
        } else if (segment_.empty()) {
          seg_start = k;  // a mark with nothing before it: its own segment
        }
        segment_.push_back(c);
      }
      k += d.length;
    }
    FlushSegment(form, base + seg_start, out, map);
    pos = k;
  }
}

}  // namespace internal

size_t NormalizedText::ToNormalized(size_t orig_offset) const {
  return static_cast<size_t>(
      std::lower_bound(norm_to_orig.begin(), norm_to_orig.end(), orig_offset) -
      norm_to_orig.begin());
}

std::pair<size_t, size_t> NormalizedText::OriginalSpan(size_t norm_begin, size_t norm_end) const {
  const size_t begin = norm_to_orig[norm_begin];
  if (norm_end <= norm_begin) return {begin, begin};
  auto it = std::upper_bound(norm_to_orig.begin(), norm_to_orig.end(), norm_to_orig[norm_end - 1]);
  const size_t end = it == norm_to_orig.end() ? norm_to_orig.back() : *it;
  return {begin, end};
}

void Normalize(std::string_view input, NormalizationForm form, std::string* normalized,
               std::vector<size_t>* norm_to_orig) {
  normalized->clear();
  normalized->reserve(input.size() + input.size() / 8);
  if (norm_to_orig != nullptr) {
    norm_to_orig->clear();
    norm_to_orig->reserve(input.size() + input.size() / 8 + 1);
  }
  internal::MatchFolder folder;
  folder.Append(input, form, 0, normalized, norm_to_orig);
  if (norm_to_orig != nullptr) norm_to_orig->push_back(input.size());
}

NormalizedText Normalize(std::string_view input, NormalizationForm form) {
  NormalizedText result;
  Normalize(input, form, &result.text, &result.norm_to_orig);
  return result;
}

std::string NormalizeReference(std::string_view input, NormalizationForm form) {
  std::string prefolded;
  size_t i = 0;
  while (i < input.size()) {
    DecodedChar d = DecodeUtf8Char(input, i);
    int32_t c = static_cast<int32_t>(d.code_point);
    if (form == NormalizationForm::kMatch) c = internal::PreFoldForMatch(c);
    if (c >= 0) AppendUtf8(static_cast<char32_t>(c), &prefolded);
    i += d.length;
  }
  if (prefolded.empty()) return prefolded;
  utf8proc_uint8_t* result = nullptr;
  const utf8proc_ssize_t n = utf8proc_map(
      reinterpret_cast<const utf8proc_uint8_t*>(prefolded.data()),
      static_cast<utf8proc_ssize_t>(prefolded.size()), &result,
      form == NormalizationForm::kMatch ? internal::kMatchOptions : internal::kDisplayOptions);
  if (n < 0) return prefolded;
  std::string out(reinterpret_cast<const char*>(result), static_cast<size_t>(n));
  free(result);
  if (form == NormalizationForm::kMatch) internal::FoldYo(&out, 0);
  return out;
}

}  // namespace parallax
