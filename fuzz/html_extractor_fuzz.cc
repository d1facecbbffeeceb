// Fuzz target: main-text and metadata extraction from saved web pages, and (when the first byte
// is odd) the fragment mode feeds use for content:encoded.
#include <string>

#include "core/diagnostic.h"
#include "corpus/html_extractor.h"
#include "fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > parallax::fuzz::kMaxInputBytes) return -1;
  parallax::HtmlExtractOptions options;
  options.source_name = "fuzz.html";
  options.fragment = size > 0 && (data[0] & 1) != 0;
  options.max_decompressed_bytes = 4 * parallax::fuzz::kMaxInputBytes;
  try {
    const parallax::ExtractedPage page =
        parallax::ExtractHtml(parallax::fuzz::AsText(data, size), options);
    parallax::fuzz::CheckText(page.title, "title");
    for (const std::string& p : page.paragraphs) parallax::fuzz::CheckText(p, "paragraph");
  } catch (const parallax::InputError&) {
    // Binary or corrupt gzip input: a documented, clean refusal.
  }
  (void)parallax::LooksLikeHtml(parallax::fuzz::AsText(data, size));
  return 0;
}
