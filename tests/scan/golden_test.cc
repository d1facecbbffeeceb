// Golden outputs of `scan` and `annotate --format json`, recorded before the one-pass rewrite of
// the annotation (issue 18), and recorded again with the code just before that rewrite was
// merged (which had meanwhile gained quoted fragments and new lexicons): every change to how the
// text is read must leave them byte for byte as they were. The inputs are the shipped corpus (as
// article files and as JSON Lines) and a sample written for this test
// (tests/data/scan/sample.jsonl: quotations of every kind, dates, cues, Russian, JSON escapes,
// malformed and hostile lines).
//
// To record new goldens after an intended change of output, run the commands below from the
// repository root (D=tests/data/scan) and review the difference:
//   parallax scan --threads 1 < $D/sample.jsonl > $D/sample.scan.jsonl 2> $D/sample.scan.stderr
//   parallax scan --threads 1 < $D/lachin-2023.jsonl > $D/lachin-2023.scan.jsonl
//   parallax annotate --format json $D/sample.jsonl > $D/sample.annotate.jsonl
//   parallax annotate --format json corpus/lachin-2023 > $D/lachin-2023.annotate.jsonl
#include <gtest/gtest.h>

#include <string>

#include "test_paths.h"

namespace parallax {
namespace {

using testing::ReadFileOrFail;
using testing::RunParallax;
using testing::SourceDir;
using testing::TestDataDir;

std::string Golden(const std::string& name) {
  return ReadFileOrFail(TestDataDir() + "/scan/" + name);
}

TEST(ScanGoldenTest, SampleRecordsAndDiagnosticsAreUnchangedOnOneThreadAndTwo) {
  const std::string input = Golden("sample.jsonl");
  for (const char* threads : {"1", "2"}) {
    const auto r = RunParallax({"scan", "--threads", threads}, input);
    EXPECT_EQ(r.exit_code, 2) << "malformed lines make the exit code 2";
    EXPECT_EQ(r.out, Golden("sample.scan.jsonl")) << "--threads " << threads;
    EXPECT_EQ(r.err, Golden("sample.scan.stderr")) << "--threads " << threads;
  }
}

TEST(ScanGoldenTest, ShippedCorpusRecordsAreUnchanged) {
  const auto r = RunParallax({"scan", "--threads", "2"}, Golden("lachin-2023.jsonl"));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, Golden("lachin-2023.scan.jsonl"));
}

TEST(AnnotateGoldenTest, SampleAnnotationsAreUnchanged) {
  const auto r =
      RunParallax({"annotate", "--format", "json", TestDataDir() + "/scan/sample.jsonl"});
  EXPECT_EQ(r.out, Golden("sample.annotate.jsonl"));
}

TEST(AnnotateGoldenTest, ShippedCorpusAnnotationsAreUnchanged) {
  const auto r = RunParallax({"annotate", "--format", "json", SourceDir() + "/corpus/lachin-2023"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, Golden("lachin-2023.annotate.jsonl"));
}

}  // namespace
}  // namespace parallax
