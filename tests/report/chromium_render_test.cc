// Renders the HTML report in headless Chromium (Debian `chromium`): no console errors, no
// network requests from the page, every section in the DOM, hostile text stays text, and a
// 1280×800 screenshot and an A4 PDF are produced; with 5 and with 12 outlets nothing scrolls
// sideways at 1280 px and no table is cut in the PDF. Skipped when /usr/bin/chromium is absent.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "i18n/messages.h"
#include "report/html_report.h"
#include "test_paths.h"

namespace parallax {
namespace {

using testing::ReadFileOrFail;
using testing::RunParallax;
using testing::TempDir;
using testing::TestDataDir;
using testing::WriteFileOrFail;

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

// Outlet names for the many-outlet story: one distinctive word each, so that the PDF text can be
// searched for it however a table cell wraps; the first is long, to stress the chart labels.
const char* const kOutletWords[] = {
    "Alderpost", "Birchwire", "Cedarline",  "Dunmorrow",  "Elmfield",  "Fernhill",  "Glenview",
    "Hollybank", "Ivydale",   "Juniperly",  "Kestrelby",  "Larchmont", "Marshgate", "Nettlebed",
    "Oakhurst",  "Pinecrest", "Quarrymoor", "Rowanleigh", "Sedgewick", "Thornbury"};

std::string OutletName(std::size_t i) {
  return i == 0 ? std::string("The Alderpost Evening Chronicle of the Southern Caucasus")
                : std::string(kOutletWords[i]) + " News";
}

// A story of `n` outlets under `dir`/story: the shipped articles copied round-robin under new
// outlet ids, and `dir`/outlets.xml naming them.
void WriteManyOutletStory(const std::string& dir, std::size_t n) {
  const std::string story = dir + "/story";
  std::filesystem::create_directories(story);
  std::vector<std::filesystem::path> sources;
  for (const auto& e :
       std::filesystem::directory_iterator(testing::SourceDir() + "/corpus/lachin-2023")) {
    if (e.path().extension() == ".txt") sources.push_back(e.path());
  }
  std::sort(sources.begin(), sources.end());
  ASSERT_FALSE(sources.empty());
  const std::regex outlet_line("\noutlet: [^\n]*\n");
  std::string xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<outlets>\n";
  for (std::size_t i = 0; i < n; ++i) {
    const std::string id = "outlet-" + std::to_string(i + 1);
    const std::string text =
        std::regex_replace(ReadFileOrFail(sources[i % sources.size()]), outlet_line,
                           "\noutlet: " + id + "\n", std::regex_constants::format_first_only);
    char name[32];
    std::snprintf(name, sizeof name, "/%03zu_%s.txt", i, id.c_str());
    WriteFileOrFail(story + name, text);
    xml += "  <outlet id=\"" + id + "\"><name>" + OutletName(i) +
           "</name><languages>en</languages><base>Nowhere</base>"
           "<description>A test outlet.</description></outlet>\n";
  }
  WriteFileOrFail(dir + "/outlets.xml", xml + "</outlets>\n");
}

// How often `word` occurs in `text`.
int Occurrences(const std::string& text, const std::string& word) {
  int n = 0;
  for (std::size_t at = text.find(word); at != std::string::npos; at = text.find(word, at + 1)) ++n;
  return n;
}

// The report at `url` laid out in a window `width` px wide: the document's scroll width and the
// text a reader sees, read by a script added to a copy of the page (the report itself has none).
struct Layout {
  int scroll_width = -1;
  int viewport_width = -1;
  std::string text;
};
Layout Measure(const std::string& w, const std::string& report, int width) {
  std::string html = ReadFileOrFail(report);
  const std::size_t end = html.rfind("</body>");
  EXPECT_NE(end, std::string::npos);
  if (end == std::string::npos) return {};
  html.insert(end,
              "<script>const p=document.createElement('pre');p.id='probe';"
              "p.textContent=document.scrollingElement.scrollWidth+' '+innerWidth+'\\n'+"
              "document.body.innerText;document.body.append(p);</script>");
  const std::string probe = w + "/probe-" + std::to_string(width) + ".html";
  WriteFileOrFail(probe, html);
  const std::string profile = "measure-" + std::to_string(width);
  const std::string dom_file = w + "/" + profile + ".html";
  EXPECT_EQ(Chromium(w, profile,
                     "--hide-scrollbars --window-size=" + std::to_string(width) + ",800 --dump-dom",
                     "file://" + probe, dom_file),
            0);
  const std::string dom = ReadFileOrFail(dom_file);
  const std::size_t at = dom.find("<pre id=\"probe\">");
  EXPECT_NE(at, std::string::npos) << "the probe script did not run";
  Layout out;
  if (at == std::string::npos) return out;
  std::istringstream in(dom.substr(at + 16));
  in >> out.scroll_width >> out.viewport_width;
  out.text = dom.substr(at + 16);
  return out;
}

// Words of the PDF at `pdf` whose right edge lies past the page's (pdftotext -bbox); the first
// goes to `first`.
int WordsBeyondRightEdge(const std::string& pdf, const std::string& w, std::string* first) {
  const std::string bbox_path = w + "/bbox-" + std::filesystem::path(pdf).stem().string() + ".html";
  EXPECT_EQ(std::system(("pdftotext -q -bbox '" + pdf + "' '" + bbox_path + "'").c_str()), 0)
      << "pdftotext (poppler-utils) is needed";
  const std::string bbox = ReadFileOrFail(bbox_path);
  const std::regex page_re("<page width=\"([0-9.]+)\"");
  std::smatch page;
  EXPECT_TRUE(std::regex_search(bbox, page, page_re));
  if (page.empty()) return -1;
  const double page_width = std::stod(page[1]);
  const std::regex word_re("xMax=\"([0-9.]+)\"[^>]*>([^<]*)<");
  int beyond = 0;
  for (auto it = std::sregex_iterator(bbox.begin(), bbox.end(), word_re);
       it != std::sregex_iterator(); ++it) {
    if (std::stod((*it)[1]) > page_width + 0.5) {
      if (beyond++ == 0) *first = (*it)[2];
    }
  }
  return beyond;
}

// Renders the shipped corpus' report in `language` (DOM, screenshot, PDF) and checks it.
void RenderShippedReport(const std::string& language) {
  TempDir work;
  const std::string out = work.path() + "/report";
  const auto r = RunParallax({"report", "-o", out, "--format", "html", "--language", language});
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
  // Longer words (Russian) must not push the page sideways or past the paper's edge.
  const Layout screen = Measure(w, out + "/report.html", 1280);
  EXPECT_LE(screen.scroll_width, 1280) << language << ": the report scrolls sideways at 1280 px";
  std::string first_beyond;
  EXPECT_EQ(WordsBeyondRightEdge(w + "/report.pdf", w, &first_beyond), 0)
      << language << ": words past the right edge of the page, the first: " << first_beyond;
  const char* keep = std::getenv("PARALLAX_KEEP_RENDER");
  if (keep != nullptr) {
    const std::string suffix = language == "en" ? "" : "-" + language;
    std::filesystem::copy_file(w + "/shot.png", std::string(keep) + "/shot" + suffix + ".png",
                               std::filesystem::copy_options::overwrite_existing);
    std::filesystem::copy_file(w + "/report.pdf", std::string(keep) + "/report" + suffix + ".pdf",
                               std::filesystem::copy_options::overwrite_existing);
  }
}

// Renders a report of `n` outlets at 1280×800 and to an A4 PDF and checks the layout.
void CheckManyOutletLayout(std::size_t n, const std::string& language = "en") {
  TempDir work;
  const std::string w = work.path();
  WriteManyOutletStory(w, n);
  const auto r = RunParallax({"report", w + "/story", "--outlets", w + "/outlets.xml", "-o",
                              w + "/r", "--format", "html", "--language", language});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string report = w + "/r/report.html";
  const std::string url = "file://" + report;

  // No sideways scrolling on a 1280 px projector.
  const Layout screen = Measure(w, report, 1280);
  EXPECT_EQ(screen.viewport_width, 1280);
  EXPECT_LE(screen.scroll_width, 1280) << n << " outlets scroll sideways at 1280 px";
  // Tables split into groups of at most six outlets.
  const std::string html = ReadFileOrFail(report);
  const std::size_t groups = (n + 5) / 6;
  const Messages messages = *Messages::ForLanguage(language);
  const std::string caption = "<caption>" + messages.Tr("Outlets {first} to {last} of {count}");
  EXPECT_EQ(Occurrences(html, caption.substr(0, caption.find('{'))), groups > 1 ? 4 * groups : 0);
  if (n == 7) {
    EXPECT_NE(
        html.find(Fill(caption + "</caption>", {{"first", "5"}, {"last", "7"}, {"count", "7"}})),
        std::string::npos);
  }

  // No table cut in print: every word of the page's text that names an outlet is in the PDF as
  // often as on the screen, and no word of the PDF lies beyond the page's right edge.
  ASSERT_EQ(Chromium(w, "pdf", "--no-pdf-header-footer --print-to-pdf=" + w + "/report.pdf", url,
                     w + "/pdf.out"),
            0);
  ASSERT_EQ(std::system(("pdftotext -q '" + w + "/report.pdf' '" + w + "/report.txt'").c_str()), 0)
      << "pdftotext (poppler-utils) is needed";
  const std::string pdf_text = ReadFileOrFail(w + "/report.txt");
  for (std::size_t i = 0; i < n; ++i) {
    const std::string word = kOutletWords[i];
    EXPECT_GE(Occurrences(screen.text, word), 8) << word;
    EXPECT_GE(Occurrences(pdf_text, word), Occurrences(screen.text, word)) << word;
  }
  std::string first_beyond;
  const int beyond = WordsBeyondRightEdge(w + "/report.pdf", w, &first_beyond);
  EXPECT_EQ(beyond, 0) << "words past the right edge of the page, the first: " << first_beyond;

  const char* keep = std::getenv("PARALLAX_KEEP_RENDER");
  if (keep != nullptr) {
    const std::string suffix =
        "-" + std::to_string(n) + "-outlets" + (language == "en" ? "" : "-" + language);
    ASSERT_EQ(Chromium(w, "shot",
                       "--hide-scrollbars --window-size=1280,800 --screenshot=" + w + "/shot.png",
                       url, w + "/shot.out"),
              0);
    for (const char* f : {"shot.png", "report.pdf", "r/report.html"}) {
      const std::filesystem::path from = w + "/" + f;
      std::filesystem::copy_file(
          from, std::string(keep) + "/" + from.stem().string() + suffix + from.extension().string(),
          std::filesystem::copy_options::overwrite_existing);
    }
  }
}

TEST_F(ChromiumRenderTest, ReportRendersWithoutErrorsOrNetwork) { RenderShippedReport("en"); }

TEST_F(ChromiumRenderTest, RussianReportRendersAndFitsTheScreenAndThePage) {
  RenderShippedReport("ru");
}

TEST_F(ChromiumRenderTest, RussianSevenOutletsFitTheScreenAndThePage) {
  CheckManyOutletLayout(7, "ru");
}

TEST_F(ChromiumRenderTest, TwelveOutletsFitTheScreenAndThePage) { CheckManyOutletLayout(12); }

TEST_F(ChromiumRenderTest, FiveOutletsFitTheScreenAndThePage) { CheckManyOutletLayout(5); }

// Seven outlets make two groups of four and three; twenty, four groups of five.
TEST_F(ChromiumRenderTest, SevenOutletsFitTheScreenAndThePage) { CheckManyOutletLayout(7); }

TEST_F(ChromiumRenderTest, TwentyOutletsFitTheScreenAndThePage) { CheckManyOutletLayout(20); }

}  // namespace
}  // namespace parallax
