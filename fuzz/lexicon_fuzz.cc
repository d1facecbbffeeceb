// Fuzz target: lexicon XML, through RELAX NG validation and the semantic checks, as
// `parallax lexicon check` runs them on a user's file.
#include <vector>

#include "annotate/lexicon.h"
#include "fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > parallax::fuzz::kMaxInputBytes) return -1;
  const std::vector<parallax::LexiconSource> sources = {
      {"fuzz.xml", std::string(parallax::fuzz::AsText(data, size))}};
  const parallax::LexiconLoadResult r = parallax::LoadLexiconSources(sources);
  if (!r.ok()) return 0;
  for (const parallax::LexiconEntry& e : r.lexicon.entries) {
    parallax::fuzz::CheckText(e.form, "form");
    parallax::fuzz::CheckText(e.note, "note");
  }
  for (const parallax::Concept& c : r.lexicon.concepts) parallax::fuzz::CheckText(c.label, "label");
  return 0;
}
