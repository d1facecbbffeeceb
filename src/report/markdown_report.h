// The report in Markdown, for wikis and printed handouts: the same sections and figures as the
// HTML report, as headings, tables and lists. Evidence is quoted inline (Markdown cannot link to
// highlights inside the text), with the article label and byte offset of each passage.
#ifndef PARALLAX_REPORT_MARKDOWN_REPORT_H_
#define PARALLAX_REPORT_MARKDOWN_REPORT_H_

#include <string>

#include "report/story_report.h"

namespace parallax {

std::string ReportToMarkdown(const StoryReport& report);

// Makes `text` safe inside a Markdown table cell or list item: line breaks become spaces, and
// the characters Markdown would read as markup (| \ ` * _ [ ] < > #) are escaped with "\".
std::string MarkdownEscape(std::string_view text);

}  // namespace parallax

#endif  // PARALLAX_REPORT_MARKDOWN_REPORT_H_
