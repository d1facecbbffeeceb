// One pipeline stage on one input, for bench/pathological.py: reads the file, runs the stage,
// prints "STAGE BYTES SECONDS ITEMS". Peak memory is measured around the process by the driver.
//
//   stage_runner quotes FILE      FindQuotes (pairing, speakers, kinds)
//   stage_runner sentences FILE   SplitSentences and the cap on long runs
//   stage_runner dates FILE       FindDates (English and Russian)
//   stage_runner matcher FILE     the lexicon matcher with the shipped lexicons' forms
//   stage_runner annotate FILE    the whole annotator (every stage above, voices, attribution)
//   stage_runner claims FILE...   alignment (stories, events, claims) of the articles given
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "align/alignment.h"
#include "align/document_builder.h"
#include "annotate/annotator.h"
#include "annotate/dates.h"
#include "annotate/lexicon.h"
#include "annotate/matcher.h"
#include "annotate/quotes.h"
#include "core/date.h"
#include "core/file_io.h"
#include "text/sentences.h"

namespace parallax {
namespace {

Article ArticleOf(const std::string& path, int day) {
  Article a;
  a.id = path;
  a.outlet = day % 2 == 0 ? "kommersant" : "oc-media";
  a.language = "en";
  a.date = ParseIsoDate("2023-01-0" + std::to_string(day % 9 + 1));
  // The clean text only: one copy of the input in memory, as the pipeline holds after cleaning
  // (the body, which cleaning keeps beside it, is left out of the stage's figure).
  a.text = ReadFile(path, std::uint64_t{1} << 32);
  return a;
}

int Run(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: stage_runner quotes|sentences|dates|matcher|annotate|claims FILE...\n";
    return 2;
  }
  const std::string stage = argv[1];
  std::vector<Article> articles;
  std::size_t bytes = 0;
  for (int i = 2; i < argc; ++i) {
    articles.push_back(ArticleOf(argv[i], i));
    bytes += articles.back().text.size();
  }
  const std::string lexicon_dir = FindLexiconDir();
  const LexiconLoadResult lexicon = LoadLexicons(DefaultLexiconPaths(lexicon_dir));
  if (!lexicon.ok()) {
    std::cerr << "stage_runner: the shipped lexicons do not load from " << lexicon_dir << "\n";
    return 1;
  }
  const std::string& text = articles.front().text;
  std::size_t items = 0;
  const auto start = std::chrono::steady_clock::now();
  if (stage == "quotes") {
    items = FindQuotes(text).size();
  } else if (stage == "sentences") {
    std::vector<std::pair<std::size_t, std::size_t>> spans;
    for (const SentenceSpan& s : SplitSentences(text)) spans.emplace_back(s.begin, s.end);
    CapSpanLength(text, &spans);
    items = spans.size();
  } else if (stage == "dates") {
    items = FindDates(text, articles.front().date, "en").size() +
            FindDates(text, articles.front().date, "ru").size();
  } else if (stage == "matcher") {
    LexiconMatcher matcher;
    std::string error;
    for (const LexiconEntry& e : lexicon.lexicon.entries) {
      MatchPatternOptions options;
      if (e.stem) options.stem_language = e.language;
      matcher.Add(e.form, options, &error);
    }
    if (!matcher.Compile(&error)) {
      std::cerr << "stage_runner: " << error << "\n";
      return 1;
    }
    std::vector<PatternMatch> found;
    matcher.Match(text, &found);
    items = found.size();
  } else if (stage == "annotate") {
    const Annotator annotator(lexicon.lexicon);
    items = annotator.Annotate(articles.front()).matches.size();
  } else if (stage == "claims") {
    const AlignDocumentBuilder builder(&lexicon.lexicon);
    std::vector<AlignDocument> documents;
    for (const Article& a : articles) documents.push_back(builder.Build(a));
    items = Align(std::move(documents)).claims.size();
  } else {
    std::cerr << "stage_runner: unknown stage '" << stage << "'\n";
    return 2;
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("%s %zu %.3f %zu\n", stage.c_str(), bytes, seconds, items);
  return 0;
}

}  // namespace
}  // namespace parallax

int main(int argc, char** argv) { return parallax::Run(argc, argv); }
