// Throughput of the text stage and the lexicon matcher (Google Benchmark).
//
// Input: PARALLAX_BENCH_CORPUS names a file of English prose (e.g. 100+ MB built from
// /usr/share/doc) and PARALLAX_BENCH_LEXICON a file with one pattern per line (e.g. 20,000 word
// n-grams of a different text). Without them, the seed articles of ../shared/seeds are used as
// the corpus and a lexicon is made from their word bigrams, which is enough for a smoke run.
// The corpus is matched in ~8 KB documents, as articles would be. Bytes/s is the figure to read.
//
// Build and run (target `bench`, see bench/CMakeLists.txt):
//   cmake --preset release -DPARALLAX_BUILD_BENCH=ON
//   cmake --build --preset release --target matcher_bench
//   PARALLAX_BENCH_CORPUS=/tmp/corpus.txt PARALLAX_BENCH_LEXICON=/tmp/lex20k.txt
//   build/release/bench/matcher_bench --benchmark_min_time=2
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "annotate/matcher.h"
#include "text/normalizer.h"
#include "text/tokenizer.h"

namespace parallax {
namespace {

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

struct BenchInput {
  std::string corpus;
  std::vector<std::string_view> documents;
  std::vector<std::string> lexicon;
};

const BenchInput& Input() {
  static const BenchInput input = [] {
    BenchInput in;
    if (const char* path = std::getenv("PARALLAX_BENCH_CORPUS")) {
      in.corpus = ReadAll(path);
    } else {
      const std::string seeds = std::string(PARALLAX_SOURCE_DIR) + "/../shared/seeds";
      if (std::filesystem::exists(seeds)) {
        for (const auto& e : std::filesystem::directory_iterator(seeds)) {
          if (e.path().extension() == ".txt") in.corpus += ReadAll(e.path().string());
        }
      }
      if (in.corpus.empty()) in.corpus = "Azerbaijan closed the Lachin corridor.\n";
    }
    size_t pos = 0;
    while (pos < in.corpus.size()) {
      size_t end = std::min(in.corpus.size(), pos + 8192);
      const size_t newline = in.corpus.find('\n', end);
      end = newline == std::string::npos ? in.corpus.size() : newline + 1;
      in.documents.push_back(std::string_view(in.corpus).substr(pos, end - pos));
      pos = end;
    }
    if (const char* path = std::getenv("PARALLAX_BENCH_LEXICON")) {
      std::istringstream lines(ReadAll(path));
      for (std::string line; std::getline(lines, line);) {
        if (!line.empty()) in.lexicon.push_back(line);
      }
    } else {
      std::set<std::string> bigrams;
      std::vector<Token> tokens;
      std::string storage;
      Tokenize(in.corpus, {}, &tokens, &storage);
      for (size_t i = 0; i + 1 < tokens.size() && bigrams.size() < 20000; i += 7) {
        bigrams.insert(std::string(tokens[i].norm) + " " + std::string(tokens[i + 1].norm));
      }
      in.lexicon.assign(bigrams.begin(), bigrams.end());
    }
    return in;
  }();
  return input;
}

LexiconMatcher MakeMatcher(size_t forms) {
  LexiconMatcher matcher;
  const auto& lexicon = Input().lexicon;
  for (size_t i = 0; i < lexicon.size() && i < forms; ++i) matcher.Add(lexicon[i], {}, nullptr);
  matcher.Compile(nullptr);
  return matcher;
}

void BM_NormalizeMatchForm(benchmark::State& state) {
  internal::MatchFolder folder;
  std::string out;
  for (auto _ : state) {
    for (std::string_view doc : Input().documents) {
      out.clear();
      folder.AppendMatchForm(doc, &out);
      benchmark::DoNotOptimize(out.data());
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * Input().corpus.size()));
}
BENCHMARK(BM_NormalizeMatchForm);

void BM_Tokenize(benchmark::State& state) {
  Tokenizer tokenizer("", {.punctuation = true});
  Token token;
  for (auto _ : state) {
    size_t count = 0;
    for (std::string_view doc : Input().documents) {
      tokenizer.Reset(doc);
      while (tokenizer.Next(&token)) ++count;
    }
    benchmark::DoNotOptimize(count);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * Input().corpus.size()));
}
BENCHMARK(BM_Tokenize);

// Matches every document with each of `matchers` in turn, as often as the benchmark asks.
void MatchAll(benchmark::State& state, const std::vector<LexiconMatcher>& matchers) {
  std::vector<PatternMatch> matches;
  size_t found = 0;
  for (auto _ : state) {
    for (std::string_view doc : Input().documents) {
      for (const LexiconMatcher& m : matchers) {
        m.Match(doc, &matches);
        found += matches.size();
      }
    }
  }
  state.counters["matches/iter"] =
      static_cast<double>(found) / static_cast<double>(state.iterations());
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * Input().corpus.size()));
}

void BM_Match(benchmark::State& state) {
  std::vector<LexiconMatcher> matchers;
  matchers.push_back(MakeMatcher(static_cast<size_t>(state.range(0))));
  MatchAll(state, matchers);
}
BENCHMARK(BM_Match)->Arg(1000)->Arg(20000)->Unit(benchmark::kMillisecond);

// The lexicon's first 1,000 forms dealt into four groups (as the Annotator's four entry kinds):
// one matcher finding every group in one pass (Arg 1) against one matcher per group, four passes
// (Arg 0).
void BM_MatchFourGroups(benchmark::State& state) {
  constexpr int kGroups = 4;
  const bool one_pass = state.range(0) == 1;
  const auto& lexicon = Input().lexicon;
  std::vector<LexiconMatcher> matchers(one_pass ? 1 : kGroups);
  for (size_t i = 0; i < lexicon.size() && i < 1000; ++i) {
    MatchPatternOptions options;
    options.group = static_cast<int>(i % kGroups);
    if (one_pass) {
      matchers[0].Add(lexicon[i], options, nullptr);
    } else {
      matchers[static_cast<size_t>(options.group)].Add(lexicon[i], {}, nullptr);
    }
  }
  for (LexiconMatcher& m : matchers) m.Compile(nullptr);
  MatchAll(state, matchers);
}
BENCHMARK(BM_MatchFourGroups)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace parallax

BENCHMARK_MAIN();
