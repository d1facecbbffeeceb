// The report's tables as CSV files, one file per table (RFC 4180: fields separated by commas,
// records ended by CRLF, a field quoted with " when it holds a comma, a quote, CR or LF, quotes
// doubled inside). UTF-8 with a byte-order mark so LibreOffice and spreadsheet programs detect
// the encoding, and a header row.
//
// Files: articles.csv, naming.csv, loaded_terms.csv, voices.csv, distancing.csv, events.csv,
// claims.csv, prompts.csv, removed.csv, distinctive_terms.csv.
#ifndef PARALLAX_REPORT_CSV_REPORT_H_
#define PARALLAX_REPORT_CSV_REPORT_H_

#include <string>
#include <string_view>
#include <vector>

#include "report/story_report.h"

namespace parallax {

struct CsvTable {
  std::string name;  // file name, e.g. "naming.csv"
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;  // each as long as the header
};

// One field, quoted when RFC 4180 requires it.
std::string CsvField(std::string_view value);
// The whole file: BOM, header, rows, each record ended by CRLF.
std::string CsvTableText(const CsvTable& table);

std::vector<CsvTable> ReportToCsv(const StoryReport& report);

}  // namespace parallax

#endif  // PARALLAX_REPORT_CSV_REPORT_H_
