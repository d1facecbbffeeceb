// A conservative filter for "is this word one of a fixed set?", answered without hashing the
// word for nearly every word that is not.
//
// Why it exists: annotators look each token up in small vocabularies (reporting verbs, the words
// a date expression starts with); a hash look-up per token hashes the whole token. The filter
// keeps, for each pair of first and last byte (folded into 1,024 slots), a bit per length the set
// has words of, so one load and a mask reject almost every word. MayContain is never false for
// a member (no false negatives); a true answer is confirmed by the caller's exact look-up.
//
// Lengths are in bytes; words longer than 63 bytes share the bit of 63.
#ifndef PARALLAX_TEXT_WORD_FILTER_H_
#define PARALLAX_TEXT_WORD_FILTER_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <string>
#include <string_view>
#include <unordered_set>

namespace parallax {

class WordShapeFilter {
 public:
  WordShapeFilter() = default;
  // Adds every word of `words` (any range of things convertible to std::string_view).
  template <typename Range>
  explicit WordShapeFilter(const Range& words) {
    for (const auto& w : words) Add(w);
  }
  WordShapeFilter(std::initializer_list<std::string_view> words) {
    for (std::string_view w : words) Add(w);
  }

  void Add(std::string_view word) {
    if (!word.empty()) slots_[Slot(word)] |= Bit(word.size());
  }

  // False when `word` is certainly not in the set.
  bool MayContain(std::string_view word) const {
    return !word.empty() && (slots_[Slot(word)] & Bit(word.size())) != 0;
  }
  // MayContain for a word of `size` bytes (at least one) that begins with `first` and ends with
  // `last`, asked before the word is built (lower-cased, say).
  bool MayContainShape(unsigned char first, unsigned char last, std::size_t size) const {
    return (slots_[Slot(first, last)] & Bit(size)) != 0;
  }

 private:
  static std::size_t Slot(std::string_view w) {
    return Slot(static_cast<unsigned char>(w.front()), static_cast<unsigned char>(w.back()));
  }
  static std::size_t Slot(unsigned char first, unsigned char last) {
    return (first * 33u + last * 7u) & 1023u;
  }
  static std::uint64_t Bit(std::size_t size) { return std::uint64_t{1} << (size < 63 ? size : 63); }

  std::array<std::uint64_t, 1024> slots_{};
};

// A set of words searched by string view, with a shape filter in front of the hash (most words
// asked about are not in it).
class WordList {
 public:
  WordList() = default;
  WordList(std::initializer_list<std::string_view> words) : WordList(words.begin(), words.end()) {}
  template <typename It>
  WordList(It first, It last) {
    for (; first != last; ++first) Add(*first);
  }
  void Add(std::string_view word) {
    shapes_.Add(word);
    words_.emplace(word);
  }
  bool Contains(std::string_view word) const {
    return shapes_.MayContain(word) && words_.count(word) > 0;
  }
  bool MayContainShape(unsigned char first, unsigned char last, std::size_t size) const {
    return shapes_.MayContainShape(first, last, size);
  }
  bool empty() const { return words_.empty(); }

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_set<std::string, Hash, std::equal_to<>> words_;
  WordShapeFilter shapes_;
};

}  // namespace parallax

#endif  // PARALLAX_TEXT_WORD_FILTER_H_
