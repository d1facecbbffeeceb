// Shared by the fuzz targets: the size cap every target applies, so one slow input cannot stall
// a fuzzing run, and the declaration libFuzzer (or replay_main.cc) calls.
#ifndef PARALLAX_FUZZ_FUZZ_COMMON_H_
#define PARALLAX_FUZZ_FUZZ_COMMON_H_

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "text/utf8.h"

namespace parallax::fuzz {

// Inputs larger than this are ignored: the parsers' cost grows with size, and what a fuzzer
// finds in 1 MB it finds in 256 KB. The size limits themselves are tested by the hostile-input
// tests (tests/cli/hostile_input_test.cc).
inline constexpr std::size_t kMaxInputBytes = 256 << 10;

inline std::string_view AsText(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// The readers promise valid UTF-8 without NULs in every string they return, whatever the input:
// a breach aborts, so the fuzzer reports it like a crash.
inline void CheckText(std::string_view text, const char* what) {
  if (!IsValidUtf8(text) || text.find('\0') != std::string_view::npos) {
    std::fprintf(stderr, "%s is not valid UTF-8 text\n", what);
    std::abort();
  }
}

}  // namespace parallax::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

#endif  // PARALLAX_FUZZ_FUZZ_COMMON_H_
