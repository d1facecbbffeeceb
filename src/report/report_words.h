// Words every rendering of the report shares, in the report's language (StoryReport::messages()):
// the title, the counts line, the blind-edition note, and the names of the report's fixed
// vocabularies (genres, loaded-term categories, cleaning rules), so the HTML, Markdown and
// terminal agree word for word.
//
// Vocabularies come from data (article files, lexicons, cleaning rules). Their known values are
// in the catalogue; an unknown value (a category a new lexicon invents) is shown as written.
#ifndef PARALLAX_REPORT_REPORT_WORDS_H_
#define PARALLAX_REPORT_REPORT_WORDS_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "i18n/messages.h"
#include "report/story_report.h"

namespace parallax {

// "Framing report: lachin-2023" (or "Blind framing report: …").
std::string ReportTitle(const StoryReport& report);
// "9 articles from 7 outlets", with the language's plural forms.
std::string ArticlesFromOutlets(const StoryReport& report);
// "1 file of the story folder is not in this report: it could not be read (bad.txt, line 3:
// bad date …)." with the first three files named (none in a blind report, whose file names may
// name outlets), "" when every file was read.
std::string LeftOutSentence(const StoryReport& report);
// What the naming section says instead of an empty table when no article uses a naming form of
// the lexicons read (no story lexicon fits, or none names this story's contested things); ""
// when one does.
std::string NoNamingSentence(const StoryReport& report);
// The paragraph that says what the blind edition hides.
std::string BlindEditionNote(const Messages& m);
// "news" -> "новость"; unknown genres as written.
std::string GenreName(const Messages& m, std::string_view genre);
// "accusation" -> "обвинение"; unknown categories as written.
std::string CategoryName(const Messages& m, std::string_view category);
// "donation-appeal" -> "призыв к пожертвованиям"; outlet rules ("outlet:…") as written.
std::string RuleName(const Messages& m, std::string_view rule);
// "2023-04-24", or "2023-04-23 to 2023-04-24" (FormatDate in the report's language).
std::string DateRange(const Messages& m, const Date& from, const Date& to);
// The method section's paragraphs: how the figures are made and what they do not say.
std::vector<std::string> MethodParagraphs(const Messages& m);
// The report's date (the newest article's) in the report's language, or "undated".
std::string ProvenanceDate(const StoryReport& report);
// `text` in the language's quotation marks: “text” in English, «text» in Russian.
std::string InQuotes(const Messages& m, std::string_view text);
// `text` with a full stop, unless it already ends with one ("… 2023 г." stays as it is).
std::string EndSentence(std::string text);
// Characters (code points) of UTF-8 text: what a chart label's width depends on.
std::size_t Utf8Length(std::string_view text);

}  // namespace parallax

#endif  // PARALLAX_REPORT_REPORT_WORDS_H_
