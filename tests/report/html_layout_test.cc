// The grouping of outlet columns; the rendered layout is tested in chromium_render_test.cc.
#include "report/html_layout.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

namespace parallax {
namespace {

using Groups = std::vector<std::pair<std::size_t, std::size_t>>;

TEST(OutletGroupsTest, UpToSixOutletsMakeOneTable) {
  EXPECT_EQ(OutletGroups(0), (Groups{{0, 0}}));
  EXPECT_EQ(OutletGroups(1), (Groups{{0, 1}}));
  EXPECT_EQ(OutletGroups(5), (Groups{{0, 5}}));
  EXPECT_EQ(OutletGroups(6), (Groups{{0, 6}}));
}

TEST(OutletGroupsTest, MoreOutletsSplitIntoNearlyEqualGroups) {
  EXPECT_EQ(OutletGroups(7), (Groups{{0, 4}, {4, 7}}));
  EXPECT_EQ(OutletGroups(12), (Groups{{0, 6}, {6, 12}}));
  EXPECT_EQ(OutletGroups(13), (Groups{{0, 5}, {5, 9}, {9, 13}}));
  EXPECT_EQ(OutletGroups(20), (Groups{{0, 5}, {5, 10}, {10, 15}, {15, 20}}));
}

TEST(OutletGroupsTest, GroupsCoverEveryOutletOnceWithinTheLimit) {
  for (std::size_t n = 1; n <= 60; ++n) {
    const Groups groups = OutletGroups(n);
    std::size_t next = 0;
    for (const auto& [begin, end] : groups) {
      EXPECT_EQ(begin, next) << n;
      EXPECT_GT(end, begin) << n;
      EXPECT_LE(end - begin, kMaxOutletColumns) << n;
      next = end;
    }
    EXPECT_EQ(next, n);
    EXPECT_EQ(groups.size(), (n + kMaxOutletColumns - 1) / kMaxOutletColumns) << n;
  }
}

TEST(ReportCssTest, PrintRulesFitA4) {
  const std::string css = ReportCss();
  EXPECT_NE(css.find("@media print"), std::string::npos);
  EXPECT_NE(css.find("@page{size:A4"), std::string::npos);
  EXPECT_NE(css.find("table.matrix{table-layout:fixed}"), std::string::npos);
}

}  // namespace
}  // namespace parallax
