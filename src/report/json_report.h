// The report as JSON, for researchers and other programs. The schema is documented in
// docs/report-schema.md (schema "parallax-report", version 1). Keys are ordered and every list
// has a deterministic order, so two runs on the same input give identical bytes.
#ifndef PARALLAX_REPORT_JSON_REPORT_H_
#define PARALLAX_REPORT_JSON_REPORT_H_

#include <nlohmann/json.hpp>

#include "report/story_report.h"

namespace parallax {

inline constexpr int kReportSchemaVersion = 1;

nlohmann::ordered_json ReportToJson(const StoryReport& report);

}  // namespace parallax

#endif  // PARALLAX_REPORT_JSON_REPORT_H_
