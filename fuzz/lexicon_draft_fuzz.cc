// Fuzz target: lexicon draft on any text (the name-pair finder, phrases, quotes, the XML
// writer). The text is split into two articles of two outlets; whatever it holds, the draft it
// gives must load as a lexicon without errors: nothing from an article may break the file.
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "annotate/annotator.h"
#include "framing/draft_xml.h"
#include "framing/lexicon_draft.h"
#include "fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > parallax::fuzz::kMaxInputBytes) return -1;
  const std::string text = parallax::ToValidUtf8(parallax::fuzz::AsText(data, size), "", nullptr);
  std::size_t half = text.size() / 2;
  while (half < text.size() && (static_cast<unsigned char>(text[half]) & 0xC0) == 0x80) ++half;
  std::vector<parallax::Article> articles(2);
  for (int i = 0; i < 2; ++i) {
    parallax::Article& a = articles[static_cast<std::size_t>(i)];
    a.id = i == 0 ? "a" : "b";
    a.outlet = i == 0 ? "north" : "south";
    a.language = "en";
    a.text = i == 0 ? text.substr(0, half) : text.substr(half);
    a.body = a.text;
  }
  const parallax::Lexicon lexicon;
  const parallax::Annotator annotator(lexicon);
  std::vector<parallax::ArticleAnnotations> annotations;
  for (const parallax::Article& a : articles) annotations.push_back(annotator.Annotate(a));
  parallax::DraftOptions options;
  options.min_count = 1;
  const parallax::LexiconDraft draft =
      parallax::DraftLexicon(articles, annotations, lexicon, nullptr, options);
  const std::string xml = parallax::DraftToXml(draft);
  const parallax::LexiconLoadResult r = parallax::LoadLexiconSources({{"draft.xml", xml}});
  if (!r.ok()) {
    for (const parallax::Diagnostic& d : r.diagnostics) {
      std::fprintf(stderr, "%s\n", d.ToString().c_str());
    }
    std::abort();
  }
  return 0;
}
