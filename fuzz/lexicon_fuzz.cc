// Fuzz target: lexicon XML, through RELAX NG validation and the semantic checks, as
// `parallax lexicon check` runs them on a user's file.
#include <vector>

#include "annotate/lexicon.h"
#include "fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > parallax::fuzz::kMaxInputBytes) return -1;
  const std::vector<parallax::LexiconSource> sources = {
      {"fuzz.xml", std::string(parallax::fuzz::AsText(data, size))}};
  (void)parallax::LoadLexiconSources(sources);
  return 0;
}
