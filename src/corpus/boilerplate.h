// Boilerplate removal for article text pasted from a browser. A page's text arrives with the
// site's furniture: donation and membership appeals, photo captions and credits, related-article
// lists, "Read more" / "Continue" / "Share" lines, kickers repeated above and below the text,
// datelines that repeat the metadata. Cleaning removes these by line, with generic rules that
// apply to every outlet plus the outlet's own patterns from corpus/outlets.xml, and never
// silently: every removed line is recorded with the rule that removed it, and outlet statements
// that are not article text but matter (a standing naming policy) are kept as outlet notes.
//
// A headline repeated at the top of the pasted text is kept: it is the outlet's own framing.
//
// Rule ids (shown to users by `parallax clean`):
//   repeated-kicker      a short heading-like line that occurs more than once
//   duplicate-line       a line of three or more words repeated verbatim right below itself
//                        (blank lines between): a photo caption shown twice, a gallery's title;
//                        the first copy is kept
//   dateline             a line that is only a date (and time)
//   photo-caption        "(Source: DW)", "(Photo: …)", "Photo: …", "Photo by …", "Фото: …",
//                        "Image credit …", "Name Surname/AGENCY" credits, a caption ending in its
//                        credit ("Police at the border. Photo: Name / Agency"), a credit in
//                        parentheses ending a paragraph (only the credit goes), the one-sentence
//                        line right after a dateline, "Footage from …"
//   donation-appeal      an appeal for money: "Support The Moscow Times!", "Donate now", "Please
//                        support us monthly", "Поддержите нас"; a strong appeal late in the text
//                        ("we have a small favor to ask") removes everything from there to the end
//   membership-appeal    "Become a member", "Join today", "Consider becoming a member"
//   subscription-appeal  "Subscribe to our newsletter", "Подпишитесь на наш канал"
//   comment-form         a blog comment form and its links: "Leave a Reply", "Your email address
//                        will not be published", "Required fields are marked *", "Post Comment",
//                        "Save my name, email, and website …", "3 Comments", "Reply", "Log in to
//                        Reply"
//   comment-section      a comment heading late in the text with a "Reply" link or a form notice
//                        after it: from the heading to the end (the readers' comments)
//   source-link          an aggregator's trailer: "Source link", "Source: Agency", "This article
//                        was originally published on …"
//   related-link         "[Read more: …]", "Read also: …", "See also: …"
//   related-articles     a run of two or more "- Headline" lines without sentence punctuation
//   ui-line              "Read more", "Continue", "Share", "Advertisement" and similar
//   translation-link     "Read in Georgian on On.ge."
//   (ui-line also takes a short line ending in a temperature, a site's header with its
//   weather: "Пятница, 19 апреля 2024 Минск +7°C")
//   script-code          a line of program code copied with the page (an ad script:
//                        "(function(w, n) { w[n] = w[n] || []; … })(window, 'adfox…');"), and a
//                        site's subscription widget ("Хочу получать новости:", "Введите код с
//                        картинки:") is a ui-line
//   outlet:<id>:<rule>   a pattern of the outlet's own
//
// Appeals are recognised by their structure, not by a word (corpus/appeals.h): quoted or
// reported speech is never an appeal, so "'I wanted to make a donation,' he said" stays.
#ifndef PARALLAX_CORPUS_BOILERPLATE_H_
#define PARALLAX_CORPUS_BOILERPLATE_H_

#include <optional>
#include <string>
#include <string_view>

#include "core/article.h"
#include "corpus/outlets.h"

namespace parallax {

struct CleanOptions {
  bool generic_rules = true;  // false: only the outlet's own patterns apply
};

// Fills article.text, article.segments, article.removed and article.outlet_notes from
// article.body. `outlet` may be null (generic rules only). Paragraphs of the clean text are
// separated by one blank line; a paragraph is a non-empty line, or a block of hard-wrapped lines
// (joined with spaces) when most of its lines do not end a sentence. Each entry of
// article.removed is a whole line, except a photo credit in parentheses that ends a kept
// paragraph: that entry holds the credit alone, on the paragraph's line.
void CleanArticle(Article& article, const Outlet* outlet, const CleanOptions& options = {});

namespace internal {

struct AppealScan;

// Whether `line` (as written) ends in a temperature ("Минск +7°C"): a site's weather widget,
// which a short line ending so is (a ui-line) when every word of it opens with a capital, a
// digit or a sign (AllWordsCapitalised; a weather story's "Ночью до -15°C" is text).
bool EndsInTemperature(std::string_view line);
bool AllWordsCapitalised(std::string_view line);

// Whether `line` (as written) is program code: braces with statements (";", "function", "=>")
// and code signs making up at least one in eight of its letters and signs.
bool IsScriptCode(std::string_view line);

// A line as the rules read it: lower-case ASCII and Russian, typographic quotes, dashes, ellipses
// and no-break spaces folded to ASCII. Never longer than `line`.
std::string FoldLine(std::string_view line);

// The rule id of the generic rules (other than datelines, kickers, duplicates, lists and tails)
// that removes a line, given folded (`key`) and as written (`original`), or nullopt. With
// `filtered`, cheap tests on how the line starts and on what it holds reject most lines of
// prose before any rule reads them; without, every rule reads every line (tests compare the two).
// `appeal_scan`, when given, is ScanForAppeals(key) (corpus/appeals.h), read once for this rule
// and the tail.
std::optional<std::string> GenericLineRule(std::string_view key, std::string_view original,
                                           bool filtered = true,
                                           const AppealScan* appeal_scan = nullptr);

// Words separated by white space (other than line breaks) in `s`, counted up to `limit` + 1:
// every rule compares the count with a small bound, and a paragraph need not be read to its end
// to exceed it.
int WordCount(std::string_view s, int limit);

// Whether a folded line is only a date (and time). With `filtered`, a line without four digits in
// a row (every date's year) is told without the expression (tests compare the two).
bool IsDateline(std::string_view key, bool filtered = true);

}  // namespace internal

}  // namespace parallax

#endif  // PARALLAX_CORPUS_BOILERPLATE_H_
