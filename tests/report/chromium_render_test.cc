// Renders the HTML report in headless Chromium (Debian `chromium`): no console errors, no
// network requests from the page, every section in the DOM, hostile text stays text, and a
// 1280×800 screenshot and an A4 PDF are produced. Skipped when /usr/bin/chromium is absent.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "report/html_report.h"
#include "test_paths.h"

namespace parallax {
namespace {

using testing::ReadFileOrFail;
using testing::RunParallax;
using testing::TempDir;
using testing::TestDataDir;

constexpr const char* kChromium = "/usr/bin/chromium";

// Runs Chromium with a fresh profile under `work`; returns the exit status.
int Chromium(const std::string& work, const std::string& profile, const std::string& args,
             const std::string& url, const std::string& stdout_file) {
  const std::string cmd = std::string("timeout 50 ") + kChromium +
                          " --headless --no-sandbox --disable-gpu --no-first-run"
                          " --disable-background-networking --user-data-dir=" +
                          work + "/" + profile + " " + args + " '" + url + "' > '" + stdout_file +
                          "' 2> '" + work + "/" + profile + ".log'";
  return std::system(cmd.c_str());
}

// URLs the page itself requested, from a Chromium net log. Requests Chromium makes for itself
// (component updates, account checks) carry the initiator "not an origin" and are ignored.
std::vector<std::string> PageRequests(const std::string& netlog_path) {
  std::vector<std::string> urls;
  nlohmann::json log = nlohmann::json::parse(ReadFileOrFail(netlog_path), nullptr, false);
  if (log.is_discarded()) {
    // Chromium may stop before closing the JSON array; close it ourselves.
    std::string text = ReadFileOrFail(netlog_path);
    while (!text.empty() && (text.back() == '\n' || text.back() == ',')) text.pop_back();
    log = nlohmann::json::parse(text + "]}", nullptr, false);
  }
  EXPECT_FALSE(log.is_discarded()) << "unreadable net log " << netlog_path;
  if (log.is_discarded()) return urls;
  const int start_job = log["constants"]["logEventTypes"].value("URL_REQUEST_START_JOB", -1);
  for (const auto& e : log["events"]) {
    if (e.value("type", -2) != start_job || !e.contains("params")) continue;
    const auto& p = e["params"];
    if (!p.contains("url") || p.value("initiator", "") == "not an origin") continue;
    urls.push_back(p.value("url", ""));
  }
  return urls;
}

bool ConsoleErrors(const std::string& log_path, std::string* first) {
  const std::string log = ReadFileOrFail(log_path);
  for (const char* needle : {"CONSOLE", "Uncaught", "Refused to"}) {
    const std::size_t at = log.find(needle);
    if (at != std::string::npos) {
      *first = log.substr(at, 200);
      return true;
    }
  }
  return false;
}

class ChromiumRenderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!std::filesystem::exists(kChromium)) {
      GTEST_SKIP() << "headless Chromium is not installed (apt-get install chromium poppler-utils, "
                      "or scripts/setup --test)";
    }
  }
};

TEST_F(ChromiumRenderTest, ReportRendersWithoutErrorsOrNetwork) {
  TempDir work;
  const std::string out = work.path() + "/report";
  const auto r = RunParallax({"report", "-o", out, "--format", "html"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string url = "file://" + out + "/report.html";
  const std::string w = work.path();

  ASSERT_EQ(Chromium(w, "dom",
                     "--enable-logging=stderr --v=0 --log-net-log=" + w + "/net.json --dump-dom",
                     url, w + "/dom.html"),
            0);
  const std::string dom = ReadFileOrFail(w + "/dom.html");
  for (const char* id : kReportSections) {
    EXPECT_NE(dom.find(std::string("<section id=\"") + id + "\""), std::string::npos) << id;
  }
  EXPECT_NE(dom.find("<svg"), std::string::npos);
  EXPECT_NE(dom.find("<mark class=\"naming"), std::string::npos);
  std::string error;
  EXPECT_FALSE(ConsoleErrors(w + "/dom.log", &error)) << error;
  const auto requests = PageRequests(w + "/net.json");
  EXPECT_TRUE(requests.empty()) << "the page requested " << requests.front();

  ASSERT_EQ(Chromium(w, "shot",
                     "--hide-scrollbars --window-size=1280,800 --screenshot=" + w + "/shot.png",
                     url, w + "/shot.out"),
            0);
  const std::string png = ReadFileOrFail(w + "/shot.png");
  ASSERT_GT(png.size(), 24u);
  EXPECT_EQ(png.substr(1, 3), "PNG");
  auto be32 = [&](std::size_t at) {
    return (static_cast<unsigned char>(png[at]) << 24) |
           (static_cast<unsigned char>(png[at + 1]) << 16) |
           (static_cast<unsigned char>(png[at + 2]) << 8) | static_cast<unsigned char>(png[at + 3]);
  };
  EXPECT_EQ(be32(16), 1280);
  EXPECT_EQ(be32(20), 800);

  ASSERT_EQ(Chromium(w, "pdf", "--no-pdf-header-footer --print-to-pdf=" + w + "/report.pdf", url,
                     w + "/pdf.out"),
            0);
  const std::string pdf = ReadFileOrFail(w + "/report.pdf");
  EXPECT_EQ(pdf.rfind("%PDF", 0), 0u);
  EXPECT_NE(pdf.find("/MediaBox [0 0 594.95996 841.91998]"), std::string::npos) << "not A4";
  const char* keep = std::getenv("PARALLAX_KEEP_RENDER");
  if (keep != nullptr) {
    std::filesystem::copy_file(w + "/shot.png", std::string(keep) + "/shot.png",
                               std::filesystem::copy_options::overwrite_existing);
    std::filesystem::copy_file(w + "/report.pdf", std::string(keep) + "/report.pdf",
                               std::filesystem::copy_options::overwrite_existing);
  }
}

TEST_F(ChromiumRenderTest, HostileTextStaysText) {
  TempDir work;
  const std::string w = work.path();
  const auto r = RunParallax(
      {"report", TestDataDir() + "/report/hostile", "-o", w + "/r", "--format", "html"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  ASSERT_EQ(Chromium(w, "dom",
                     "--enable-logging=stderr --v=0 --log-net-log=" + w + "/net.json --dump-dom",
                     "file://" + w + "/r/report.html", w + "/dom.html"),
            0);
  const std::string dom = ReadFileOrFail(w + "/dom.html");
  EXPECT_EQ(dom.find("<script"), std::string::npos);
  EXPECT_EQ(dom.find("<img"), std::string::npos);
  EXPECT_EQ(dom.find("<b>"), std::string::npos);
  EXPECT_NE(dom.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  std::string error;
  EXPECT_FALSE(ConsoleErrors(w + "/dom.log", &error)) << error;
  EXPECT_TRUE(PageRequests(w + "/net.json").empty());
}

// The detector must see a request when a page makes one, or the test above proves nothing.
TEST_F(ChromiumRenderTest, NetLogDetectorSeesPageRequests) {
  TempDir work;
  const std::string w = work.path();
  std::FILE* f = std::fopen((w + "/probe.html").c_str(), "w");
  ASSERT_NE(f, nullptr);
  std::fputs("<!DOCTYPE html><title>probe</title><img src=\"http://127.0.0.1:9/probe.png\">", f);
  std::fclose(f);
  Chromium(w, "probe", "--log-net-log=" + w + "/net.json --dump-dom", "file://" + w + "/probe.html",
           w + "/dom.html");
  const auto requests = PageRequests(w + "/net.json");
  ASSERT_FALSE(requests.empty());
  EXPECT_NE(requests.front().find("127.0.0.1:9"), std::string::npos);
}

}  // namespace
}  // namespace parallax
