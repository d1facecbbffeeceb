#include "annotate/speakers.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace parallax::internal {
namespace {

bool AnyVerbToken(std::string_view text) {
  for (const Token& t : Tokenize(text, 0, text.size())) {
    if (IsReportingVerbForm(t)) return true;
  }
  return false;
}

TEST(SpeakersTest, MayHoldReportingVerbNeverMissesAVerbToken) {
  const std::vector<std::string> texts = {
      "The minister said on Sunday.",
      "“We will not retreat,” said Ana.",
      "He SAID nothing; she Says more.",
      "Officials (said-to-be) left.",
      "The state-said report",
      "Azerbaijan’s foreign ministry told reporters",
      "«Мы не отступим», — заявил министр.",
      "Политолог считает: всё хорошо",
      "said",
      "«сказал»",
      "x9said said9 claims, claims.",
      "No verbs at all in this one.",
      "",
      "caf\xe9 said",
      "the claims of the report",
  };
  for (const std::string& text : texts) {
    if (AnyVerbToken(text)) {
      EXPECT_TRUE(MayHoldReportingVerb(text, 0, text.size())) << text;
    }
  }
  EXPECT_FALSE(MayHoldReportingVerb("No verbs at all in this one.", 0, 28));
  EXPECT_FALSE(MayHoldReportingVerb("The state-said report", 0, 4));
  // Only the given range is read.
  const std::string text = "He said it. Nothing here.";
  EXPECT_TRUE(MayHoldReportingVerb(text, 0, 11));
  EXPECT_FALSE(MayHoldReportingVerb(text, 12, text.size()));
}

}  // namespace
}  // namespace parallax::internal
