// How the HTML report fits a 1280×800 projector and an A4 page, whatever the number of outlets.
//
// A workshop compares 2 to 20 outlets. Tables with a column per outlet (naming, loaded terms,
// events, claims) would scroll sideways past six outlets and be cut on paper, with cells one
// word wide. So:
//
//   outlets   tables with a column per outlet
//   1 to 6    one table
//   7         two tables: outlets 1 to 4, 5 to 7 (each captioned "Outlets 1 to 4 of 7")
//   12        two tables of 6
//   20        four tables of 5
//
// Those tables use a fixed layout: their key columns (concept, term, claim; date and event) have
// set widths, narrower in print (but wide enough in print for a long Russian word such as
// "Оккупированные" in reports in other languages than English, since Chromium does not hyphenate
// them), and the outlet columns share the rest equally, so no cell is
// narrower than a short phrase (about 10 em on screen, 7.5 in print) and no table is wider than the
// page. Bar charts put each outlet's name on a line of its own above its bar and scale to the
// page width. In print (@media print): A4 with 14/12 mm margins, each section on a new page,
// table rows and figures never split across pages, table headers repeated on every page.
#ifndef PARALLAX_REPORT_HTML_LAYOUT_H_
#define PARALLAX_REPORT_HTML_LAYOUT_H_

#include <cstddef>
#include <utility>
#include <vector>

namespace parallax {

// The most outlet columns a table holds.
inline constexpr std::size_t kMaxOutletColumns = 6;

// [begin, end) ranges over `outlets` outlets: one range when outlets <= kMaxOutletColumns,
// otherwise ceil(outlets / kMaxOutletColumns) consecutive ranges whose sizes differ by at most
// one (see the table above). Zero outlets give one empty range.
std::vector<std::pair<std::size_t, std::size_t>> OutletGroups(std::size_t outlets);

// The report's stylesheet for screen and print, without the lexicon's perspective colours.
const char* ReportCss();

}  // namespace parallax

#endif  // PARALLAX_REPORT_HTML_LAYOUT_H_
