// The report as one self-contained HTML file: a libxml2 document tree (so escaping corpus text
// is the library's job, never string concatenation), inline CSS and SVG charts, no scripts, no
// network. Readable on a projector at 1280×800 and printable on A4 (a print stylesheet keeps
// tables whole and starts each section on a new page).
//
// Sections (ids): at-a-glance, naming, loaded-terms, voices, distancing, events-claims,
// articles, boilerplate, prompts, method. Every figure links to the highlighted passages it
// counts (#m-<article>-<start>); every highlight explains itself in a tooltip (title) and, in
// print, in a numbered footnote below its article.
#ifndef PARALLAX_REPORT_HTML_REPORT_H_
#define PARALLAX_REPORT_HTML_REPORT_H_

#include <string>

#include "report/story_report.h"

namespace parallax {

// The section ids, in document order.
inline constexpr const char* kReportSections[] = {
    "at-a-glance",   "naming",   "loaded-terms", "voices",  "distancing",
    "events-claims", "articles", "boilerplate",  "prompts", "method"};

// The complete document, UTF-8, starting with <!DOCTYPE html>.
std::string ReportToHtml(const StoryReport& report);

}  // namespace parallax

#endif  // PARALLAX_REPORT_HTML_REPORT_H_
