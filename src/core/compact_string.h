// A string that costs one pointer: nothing more when empty, one allocation holding its size and
// bytes when not. For the names annotations carry on every quotation, relation and match (a
// speaker, a reporting verb, an actor, a distancing cue), which are empty for most of them on
// dense text: a `std::string` costs 32 bytes even then, and quotation-dense text holds a
// quotation every few dozen bytes.
//
// It reads as a std::string_view (implicitly), compares with anything that converts to one, and
// `str()` makes a std::string.
#ifndef PARALLAX_CORE_COMPACT_STRING_H_
#define PARALLAX_CORE_COMPACT_STRING_H_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>

namespace parallax {

class CompactString {
 public:
  CompactString() = default;
  CompactString(std::string_view s) { Assign(s); }  // NOLINT: implicit, like std::string
  CompactString(const std::string& s) : CompactString(std::string_view(s)) {}  // NOLINT
  CompactString(const char* s) : CompactString(std::string_view(s)) {}         // NOLINT
  CompactString(const CompactString& other) : CompactString(other.view()) {}
  CompactString(CompactString&& other) noexcept : data_(std::exchange(other.data_, nullptr)) {}
  CompactString& operator=(const CompactString& other) {
    if (this != &other) CompactString(other).swap(*this);
    return *this;
  }
  CompactString& operator=(CompactString&& other) noexcept {
    CompactString(std::move(other)).swap(*this);
    return *this;
  }
  CompactString& operator=(std::string_view s) {
    CompactString(s).swap(*this);
    return *this;
  }
  CompactString& operator=(const std::string& s) { return *this = std::string_view(s); }
  CompactString& operator=(const char* s) { return *this = std::string_view(s); }
  ~CompactString() { delete[] data_; }

  void swap(CompactString& other) noexcept { std::swap(data_, other.data_); }

  bool empty() const { return data_ == nullptr; }
  std::size_t size() const {
    if (data_ == nullptr) return 0;
    std::uint32_t n = 0;
    std::memcpy(&n, data_, sizeof n);
    return n;
  }
  std::string_view view() const {
    return data_ == nullptr ? std::string_view() : std::string_view(data_ + kHeader, size());
  }
  operator std::string_view() const { return view(); }  // NOLINT: reads as a view
  std::string str() const { return std::string(view()); }

  // One comparison for all: another CompactString, a std::string or a literal converts to a view.
  friend bool operator==(const CompactString& a, std::string_view b) { return a.view() == b; }
  friend auto operator<=>(const CompactString& a, std::string_view b) { return a.view() <=> b; }
  friend std::ostream& operator<<(std::ostream& out, const CompactString& s) {
    return out << s.view();
  }
  friend std::string operator+(std::string a, const CompactString& b) { return a.append(b.view()); }
  friend std::string operator+(const CompactString& a, std::string_view b) {
    return a.str().append(b);
  }

 private:
  static constexpr std::size_t kHeader = sizeof(std::uint32_t);

  // Strings of 4 GiB or more are cut there; no name an annotation carries comes near that.
  void Assign(std::string_view s) {
    if (s.empty()) return;
    const auto n = static_cast<std::uint32_t>(std::min<std::size_t>(s.size(), UINT32_MAX));
    data_ = new char[kHeader + n];
    std::memcpy(data_, &n, sizeof n);
    std::memcpy(data_ + kHeader, s.data(), n);
  }

  char* data_ = nullptr;  // [size: uint32][bytes], or nullptr when empty
};

}  // namespace parallax

#endif  // PARALLAX_CORE_COMPACT_STRING_H_
