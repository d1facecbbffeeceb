// The story at a glance: per article its outlet, date, genre, headline, words kept after
// cleaning and what cleaning removed. The first section of every report, and the whole of the
// minimal report until the framing measures exist.
#ifndef PARALLAX_REPORT_STORY_SUMMARY_H_
#define PARALLAX_REPORT_STORY_SUMMARY_H_

#include <nlohmann/json.hpp>
#include <string>

#include "corpus/corpus.h"
#include "corpus/outlets.h"

namespace parallax {

// Words in `text`: maximal runs of characters that are not ASCII white space and hold at least
// one letter or digit (any script: bytes >= 0x80 count as letters).
std::size_t CountWords(std::string_view text);

// The summary as JSON (ordered keys: output is deterministic).
nlohmann::ordered_json StorySummaryJson(const Corpus& corpus, const OutletsFile& outlets);

// The summary as Markdown.
std::string StorySummaryMarkdown(const Corpus& corpus, const OutletsFile& outlets);

}  // namespace parallax

#endif  // PARALLAX_REPORT_STORY_SUMMARY_H_
