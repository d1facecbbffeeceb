// `parallax ingest` on bad input: every case gives a clear message, the other inputs are still
// written, and the exit code says whether anything failed (0 all fine, 2 some rejected).
#include "corpus/ingest.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "core/file_io.h"
#include "core/sha256.h"
#include "corpus/gzip.h"
#include "local_http_server.h"
#include "test_paths.h"

namespace parallax {
namespace {

namespace fs = std::filesystem;
using testing::RunParallax;
using testing::TempDir;

using testing::WriteFileOrFail;

const char kGood[] =
    "---\ntitle: Good\noutlet: oc-media\ndate: 2023-04-24\nlanguage: en\n---\nA sentence.\n";
// The file ingest writes kGood to: DATE_OUTLET_TITLE.txt.
const char kGoodName[] = "/out/2023-04-24_oc-media_good.txt";

// Runs ingest on `bad` plus one good article; checks the good one survives.
testing::CommandResult IngestWithGood(const TempDir& dir, const std::string& bad,
                                      std::vector<std::string> extra = {}) {
  WriteFileOrFail(dir.path() + "/good.txt", kGood);
  std::vector<std::string> args = {"ingest", bad, dir.path() + "/good.txt", "--into",
                                   dir.path() + "/out"};
  args.insert(args.end(), extra.begin(), extra.end());
  const auto r = RunParallax(args);
  EXPECT_TRUE(fs::exists(dir.path() + kGoodName)) << r.out << r.err;
  return r;
}

TEST(IngestTest, EmptyFileIsRejectedOthersWritten) {
  TempDir dir;
  WriteFileOrFail(dir.path() + "/empty.txt", "");
  const auto r = IngestWithGood(dir, dir.path() + "/empty.txt");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("empty.txt: error: empty file"), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("1 article file(s) written"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("1 input(s) rejected"), std::string::npos) << r.out;
}

// A file of blank lines and spaces is rejected as an empty one is, naming the file.
TEST(IngestTest, WhitespaceOnlyFileIsRejectedOthersWritten) {
  TempDir dir;
  WriteFileOrFail(dir.path() + "/blank.txt", "\n\n  \n\t\n");
  const auto r = IngestWithGood(dir, dir.path() + "/blank.txt");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("blank.txt: error: the file holds only blank lines and spaces, no text"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.out.find("1 article file(s) written"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("1 input(s) rejected"), std::string::npos) << r.out;
}

// Pasted text whose first lines are a header ("Title: …", "Outlet: …", "Date: …", in any case)
// is written with that header as front matter, in lower case between `---` lines, and a
// warning names the lines; a header between `---` lines with capitalised keys is read the same.
TEST(IngestTest, PastedHeaderBecomesFrontMatter) {
  TempDir dir;
  WriteFileOrFail(dir.path() + "/paste.txt",
                  "Title: Vučić: Trojica Srba su stradala\nOutlet: kurir\nDate: 2023-09-24\n\n"
                  "Predsednik Srbije je rekao.\n");
  WriteFileOrFail(dir.path() + "/fenced.txt",
                  "---\nTitle: Test Banjska\nOutlet: kurir\nDate: 2023-09-25\n---\nTekst.\n");
  const auto r = RunParallax({"ingest", dir.path() + "/paste.txt", dir.path() + "/fenced.txt",
                              "--into", dir.path() + "/out"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("paste.txt:1:1: warning: lines 1-3 read as the front matter (title, "
                       "outlet, date)"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(r.err.find("fenced.txt"), std::string::npos) << r.err;
  EXPECT_EQ(ReadFile(dir.path() + "/out/2023-09-24_kurir_vucic-trojica-srba-su-stradala.txt"),
            "---\ntitle: Vučić: Trojica Srba su stradala\noutlet: kurir\ndate: 2023-09-24\n"
            "language: \n---\nPredsednik Srbije je rekao.\n");
  EXPECT_EQ(ReadFile(dir.path() + "/out/2023-09-25_kurir_test-banjska.txt"),
            "---\ntitle: Test Banjska\noutlet: kurir\ndate: 2023-09-25\nlanguage: \n---\nTekst.\n");
}

TEST(IngestTest, PngRenamedHtmlIsRecognisedAsAnImage) {
  TempDir dir;
  WriteFileOrFail(dir.path() + "/photo.html",
                  std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16) + std::string(200, '\0'));
  const auto r = IngestWithGood(dir, dir.path() + "/photo.html");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("looks like a PNG image"), std::string::npos) << r.err;
}

TEST(IngestTest, InvalidUtf8BecomesReplacementWithLineAndColumn) {
  TempDir dir;
  WriteFileOrFail(dir.path() + "/bad.txt",
                  "---\ntitle: T\noutlet: jamnews\n---\nfine line\nbad \xC0\xAF here\n");
  const auto r = RunParallax({"ingest", dir.path() + "/bad.txt", "--into", dir.path() + "/out"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("bad.txt:6:5"), std::string::npos) << r.err;
  const std::string written = ReadFile(dir.path() + "/out/undated_jamnews_t.txt");
  EXPECT_NE(written.find("bad \xEF\xBF\xBD"), std::string::npos);
}

TEST(IngestTest, Utf16WithBomIsReadCorrectly) {
  TempDir dir;
  const std::string text = "Заголовок\nТекст статьи.\n";
  std::string utf16 = "\xFF\xFE";
  // Cyrillic and ASCII only: each code point is below U+FFFF.
  for (std::size_t i = 0; i < text.size();) {
    unsigned cp = static_cast<unsigned char>(text[i]);
    std::size_t len = 1;
    if (cp >= 0xC0) {
      cp = ((cp & 0x1F) << 6) | (static_cast<unsigned char>(text[i + 1]) & 0x3F);
      len = 2;
    }
    utf16.push_back(static_cast<char>(cp & 0xFF));
    utf16.push_back(static_cast<char>(cp >> 8));
    i += len;
  }
  WriteFileOrFail(dir.path() + "/ru.txt", utf16);
  const auto r = RunParallax({"ingest", dir.path() + "/ru.txt", "--into", dir.path() + "/out",
                              "--outlet", "kommersant", "--language", "ru"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  const std::string written = ReadFile(dir.path() + "/out/undated_kommersant_zagolovok.txt");
  EXPECT_NE(written.find("title: Заголовок"), std::string::npos) << written;
  EXPECT_NE(written.find("Текст статьи."), std::string::npos);
}

TEST(IngestTest, HugeSingleLineIsBoundedByMaxBytes) {
  TempDir dir;
  WriteFileOrFail(dir.path() + "/huge.txt", std::string(50u << 20, 'a'));
  const auto r = IngestWithGood(dir, dir.path() + "/huge.txt", {"--max-bytes", "1000000"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("too large"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("--max-bytes"), std::string::npos) << r.err;
}

TEST(IngestTest, MalformedHtmlIsRecovered) {
  TempDir dir;
  WriteFileOrFail(
      dir.path() + "/broken.html",
      "<html><head><title>Broken page</title><body><article><p>First paragraph of the story, long "
      "enough to be article text and not navigation.<p>Second paragraph <b>never closed, still "
      "text "
      "that a reader would want to keep in the extraction.</article>");
  const auto r = IngestWithGood(dir, dir.path() + "/broken.html");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("broken.html: warning: nothing names the outlet"), std::string::npos)
      << r.err;
  const std::string written = ReadFile(dir.path() + "/out/undated_unknown-outlet_broken-page.txt");
  EXPECT_NE(written.find("Second paragraph never closed"), std::string::npos) << written;
}

TEST(IngestTest, FeedEntitiesAreNeverExpandedNorFilesRead) {
  TempDir dir;
  WriteFileOrFail(
      dir.path() + "/xxe.xml",
      "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
      "<rss version=\"2.0\"><channel><title>C</title><item><title>Item &x;</title>"
      "<description>Body text of the item &x; here.</description></item></channel></rss>\n");
  std::string laughs = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY a \"aaaaaaaaaa\">";
  for (char c = 'b'; c <= 'k'; ++c) {
    laughs += std::string("<!ENTITY ") + c + " \"";
    for (int i = 0; i < 10; ++i) laughs += std::string("&") + static_cast<char>(c - 1) + ";";
    laughs += "\">";
  }
  laughs +=
      "]>\n<rss "
      "version=\"2.0\"><channel><item><title>L</title><description>&k;</description></item></"
      "channel></rss>\n";
  WriteFileOrFail(dir.path() + "/laughs.xml", laughs);
  const auto r = RunParallax({"ingest", dir.path() + "/xxe.xml", dir.path() + "/laughs.xml",
                              "--into", dir.path() + "/out"});
  EXPECT_NE(r.err.find("entit"), std::string::npos) << r.err;
  for (const auto& e : fs::directory_iterator(dir.path() + "/out")) {
    const std::string content = ReadFile(e.path().string());
    EXPECT_EQ(content.find("root:"), std::string::npos) << e.path();
    EXPECT_LT(content.size(), 10000u) << e.path();
  }
}

TEST(IngestTest, UnreadableInputsAreReportedNotFatal) {
  TempDir dir;
  fs::create_symlink(dir.path() + "/loop-b", dir.path() + "/loop-a");
  fs::create_symlink(dir.path() + "/loop-a", dir.path() + "/loop-b");
  fs::create_symlink(dir.path() + "/missing", dir.path() + "/dangling.txt");
  WriteFileOrFail(dir.path() + "/good.txt", kGood);
  const auto r = RunParallax({"ingest", dir.path() + "/loop-a", dir.path() + "/dangling.txt",
                              dir.path() + "/good.txt", "--into", dir.path() + "/out"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("symbolic link loop"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("dangling.txt"), std::string::npos) << r.err;
  EXPECT_TRUE(fs::exists(dir.path() + kGoodName));
}

TEST(IngestTest, FolderWithThousandsOfFilesIsReadWhole) {
  TempDir dir;
  fs::create_directory(dir.path() + "/many");
  for (int i = 0; i < 2000; ++i) {
    WriteFileOrFail(dir.path() + "/many/a" + std::to_string(i) + ".txt",
                    "---\ntitle: Article " + std::to_string(i) + "\noutlet: jamnews\n---\nText.\n");
  }
  const auto r = RunParallax({"ingest", dir.path() + "/many", "--into", dir.path() + "/out"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("2000 article file(s) written"), std::string::npos);
}

TEST(IngestTest, ExistingFilesAreNeverOverwrittenWithoutForce) {
  TempDir dir;
  WriteFileOrFail(dir.path() + "/good.txt", kGood);
  fs::create_directory(dir.path() + "/out");
  WriteFileOrFail(dir.path() + kGoodName, "keep me");
  auto r = RunParallax({"ingest", dir.path() + "/good.txt", "--into", dir.path() + "/out"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.out.find("exists (use --force)"), std::string::npos) << r.out;
  EXPECT_EQ(ReadFile(dir.path() + kGoodName), "keep me");
  r = RunParallax({"ingest", dir.path() + "/good.txt", "--into", dir.path() + "/out", "--force"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(ReadFile(dir.path() + kGoodName), kGood);
}

TEST(IngestTest, FormatIsRecognisedFromContent) {
  const auto html = IngestBytes("<!DOCTYPE html><html><body><p>x</p></body></html>", "a.txt", {});
  EXPECT_EQ(html.format, InputFormat::kHtml);
  const auto json = IngestBytes("{\"title\":\"T\",\"maintext\":\"Body.\"}", "a.txt", {});
  EXPECT_EQ(json.format, InputFormat::kJson);
  ASSERT_EQ(json.articles.size(), 1u);
  const auto text = IngestBytes("Headline\nBody.\n", "a.html", {});
  EXPECT_EQ(text.format, InputFormat::kArticle);
  EXPECT_EQ(text.articles.at(0).title, "Headline");
}

// The files of `dir`, sorted by name.
std::vector<std::string> FileNames(const std::string& dir) {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

// Four saved pages of four sites, shaped like real ones: Open Graph site name, JSON-LD
// publisher (in Cyrillic), a bare domain, and a domain of corpus/outlets.xml.
TEST(IngestTest, FourPagesOfFourSitesGiveFourNamedOutlets) {
  TempDir dir;
  const std::string story = dir.path() + "/story";
  const auto r =
      RunParallax({"ingest", testing::TestDataDir() + "/html/four-outlets", "--into", story});
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_EQ(
      FileNames(story),
      (std::vector<std::string>{
          "2023-04-23_kavkazskij-vestnik_azerbajdzan-ustanovil-kpp-v-lacinskom-koridore.txt",
          "2023-04-24_caucasus-ledger_azerbaijan-sets-up-checkpoint-on-lachin-corridor.txt",
          "2023-04-24_news-mountainpost-example_checkpoint-on-the-only-road-into-karabakh.txt",
          "2023-04-24_oc-media_azerbaijan-closes-lachin-corridor-to-install-checkpoint.txt"}));
  // The table says how each outlet was found.
  EXPECT_NE(r.out.find("caucasus-ledger            site name"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("news-mountainpost-example  domain"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("oc-media                   outlets file"), std::string::npos) << r.out;
  const std::string vestnik = ReadFile(
      story + "/2023-04-23_kavkazskij-vestnik_azerbajdzan-ustanovil-kpp-v-lacinskom-koridore.txt");
  EXPECT_NE(vestnik.find("outlet: kavkazskij-vestnik\noutlet_name: Кавказский вестник\n"),
            std::string::npos)
      << vestnik;

  // The report reads them without a warning and compares four outlets under their names.
  const auto report =
      RunParallax({"report", story, "-o", dir.path() + "/report", "--format", "json", "--quiet"});
  ASSERT_EQ(report.exit_code, 0) << report.err;
  EXPECT_EQ(report.err, "");
  EXPECT_NE(report.out.find("4 articles from 4 outlets"), std::string::npos) << report.out;
  const std::string json = ReadFile(dir.path() + "/report/report.json");
  for (const char* name : {"\"Caucasus Ledger\"", "\"Кавказский вестник\"",
                           "\"news.mountainpost.example\"", "\"OC Media\""}) {
    EXPECT_NE(json.find(name), std::string::npos) << name;
  }

  // Blind: the names are in the key only.
  const auto blind = RunParallax(
      {"report", story, "-o", dir.path() + "/blind", "--format", "md", "--blind", "--quiet"});
  ASSERT_EQ(blind.exit_code, 0) << blind.err;
  const std::string md = ReadFile(dir.path() + "/blind/report.md");
  const std::string key = ReadFile(dir.path() + "/blind-key.md");  // beside the folder
  for (const char* name :
       {"Caucasus Ledger", "caucasusledger", "Кавказский вестник", "mountainpost", "OC Media"}) {
    EXPECT_EQ(md.find(name), std::string::npos) << name;
  }
  for (const char* name : {"Caucasus Ledger", "Кавказский вестник", "news.mountainpost.example"}) {
    EXPECT_NE(key.find(name), std::string::npos) << name;
  }
}

// Real saved pages of four sites (BBC News, the Guardian, Reuters, wday.ru) from the shared
// extraction set, when it is beside the checkout: four outlets, one of them (Reuters, whose
// og:site_name is the section "U.S.") named by its domain.
TEST(IngestTest, FourRealPagesOfFourSitesGiveFourOutlets) {
  const std::string html = "data/extraction-dev/html";
  if (!testing::SharedExists(html))
    GTEST_SKIP() << "shared/" << html << " is not beside the checkout";
  TempDir dir;
  fs::create_directory(dir.path() + "/pages");
  for (const char* hash : {"70cb2d5bca75ab5a8f6bb378a38a52f882f6bda508de93b12502e74936d86ff2",
                           "5fa3154ec031ab35411a457d78eb5aa92c0e803c5329bd05c001e6d64009e206",
                           "57d46c9d751e3fd3ffaf3ede7ac20cebd30eacb5ea78e1a6aa0a72059244e7ca",
                           "3c6d3381ef52ca26be2fbde19c1b0fe17d85682b726dfecf5e300c1ca34546b1"}) {
    const std::string name = std::string(hash) + ".html.gz";
    fs::copy_file(testing::SharedDir() + "/" + html + "/" + name, dir.path() + "/pages/" + name);
  }
  const std::string story = dir.path() + "/story";
  const auto r = RunParallax({"ingest", dir.path() + "/pages", "--into", story});
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  std::vector<std::string> outlets;
  for (const std::string& name : FileNames(story))
    outlets.push_back(name.substr(11, name.find('_', 11) - 11));
  std::sort(outlets.begin(), outlets.end());
  EXPECT_EQ(outlets,
            (std::vector<std::string>{"bbc-news", "reuters-com", "the-guardian", "wday-ru"}));
  const auto report =
      RunParallax({"report", story, "-o", dir.path() + "/report", "--format", "json", "--quiet"});
  ASSERT_EQ(report.exit_code, 0) << report.err;
  EXPECT_NE(report.out.find("4 articles from 4 outlets"), std::string::npos) << report.out;
  const std::string json = ReadFile(dir.path() + "/report/report.json");
  for (const char* name : {"\"BBC News\"", "\"the Guardian\"", "\"reuters.com\"", "\"wday.ru\""}) {
    EXPECT_NE(json.find(name), std::string::npos) << name;
  }
}

TEST(IngestTest, PagesFromAddressesAreFetchedAndKeptWithTheirProvenance) {
  setenv("no_proxy", "127.0.0.1,localhost", 1);
  const std::string ledger = ReadFile(testing::TestDataDir() + "/html/four-outlets/ledger.html");
  const std::string post =
      ReadFile(testing::TestDataDir() + "/html/four-outlets/mountainpost.html");
  std::map<std::string, testing::HttpResponse> routes;
  routes["/ledger"] = {301, "text/html", "", {{"Location", "/ledger-final"}}, 0, true};
  routes["/ledger-final"] = {200, "text/html", ledger, {}, 0, true};
  routes["/post"] = {200, "text/html", Gzip(post), {{"Content-Encoding", "gzip"}}, 0, true};
  routes["/photo"] = {200, "image/jpeg", "\xFF\xD8\xFF\xE0", {}, 0, true};
  testing::LocalHttpServer server(std::move(routes));
  TempDir dir;
  WriteFileOrFail(dir.path() + "/urls.txt",
                  "# the story\n" + server.Url("/post") + "\n\n  " + server.Url("/photo") + "\n");
  const std::string story = dir.path() + "/story";
  const auto r = RunParallax({"ingest", server.Url("/ledger"), server.Url("/gone"),
                              "ftp://127.0.0.1/x", "--urls", dir.path() + "/urls.txt", "--into",
                              story, "--wait", "0", "--timeout", "5"});
  EXPECT_EQ(r.exit_code, 2) << r.out << r.err;
  // Each failed address is named with its reason; the others are still ingested.
  EXPECT_NE(r.err.find(server.Url("/gone") + ": HTTP 404 (not found)"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("ftp://127.0.0.1/x: only http and https addresses are fetched"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find(server.Url("/photo") + ": not a web page: the server sent image/jpeg"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.out.find("5 input(s): 2 article file(s) written"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("3 input(s) rejected"), std::string::npos) << r.out;
  const std::string stem =
      story + "/2023-04-24_caucasus-ledger_azerbaijan-sets-up-checkpoint-on-lachin-corridor";
  const std::string article = ReadFile(stem + ".txt");
  // The final address, not the page's own og:url, is the article's url.
  EXPECT_NE(article.find("url: " + server.Url("/ledger-final") + "\n"), std::string::npos)
      << article;
  EXPECT_NE(article.find("http_status: 200\n"), std::string::npos) << article;
  EXPECT_NE(article.find("fetched: 20"), std::string::npos) << article;
  EXPECT_NE(article.find("page: 2023-04-24_caucasus-ledger_azerbaijan-sets-up-checkpoint-on-"
                         "lachin-corridor.html.gz\n"),
            std::string::npos)
      << article;
  EXPECT_NE(article.find("page_sha256: " + Sha256Hex(ledger) + "\n"), std::string::npos) << article;
  EXPECT_EQ(Gunzip(ReadFile(stem + ".html.gz"), "page"), ledger);
  EXPECT_TRUE(fs::exists(
      story +
      "/2023-04-24_news-mountainpost-example_checkpoint-on-the-only-road-into-karabakh.txt"));
  // The kept pages are not mistaken for stray files by the report.
  const auto report =
      RunParallax({"report", story, "-o", dir.path() + "/report", "--format", "md", "--quiet"});
  EXPECT_EQ(report.exit_code, 0) << report.err;
  EXPECT_EQ(report.err, "");
  // The report says where and when each text was fetched; the blind one hides the address.
  const std::string md = ReadFile(dir.path() + "/report/report.md");
  EXPECT_NE(md.find("fetched 20"), std::string::npos) << md;
  EXPECT_NE(md.find(" from " + server.Url("/ledger-final") + " (HTTP 200, page SHA-256 " +
                    Sha256Hex(ledger) + ")"),
            std::string::npos)
      << md;
  const auto blind = RunParallax(
      {"report", story, "-o", dir.path() + "/blind", "--format", "md", "--blind", "--quiet"});
  EXPECT_EQ(blind.exit_code, 0) << blind.err;
  const std::string blind_md = ReadFile(dir.path() + "/blind/report.md");
  EXPECT_NE(blind_md.find("fetched 20"), std::string::npos);
  EXPECT_EQ(blind_md.find("127.0.0.1"), std::string::npos);
}

// Runs ingest on pasted text with `flag value`; checks that it is refused with `message`
// before anything is written.
void ExpectIngestRefuses(const std::string& flag, const std::string& value,
                         const std::string& message) {
  TempDir dir;
  WriteFileOrFail(dir.path() + "/x.txt", "Talks stalled\n\nThe leader said talks stalled.\n");
  const auto r =
      RunParallax({"ingest", dir.path() + "/x.txt", "--into", dir.path() + "/out", flag, value});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find(message), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(dir.path() + "/out"));
}

// `--outlet outlets.xml`, meant as --outlets, is refused before anything is written: a value
// that names an existing file, or ends in .xml.
TEST(IngestTest, OutletFlagThatNamesAFileIsRefused) {
  TempDir dir;
  WriteFileOrFail(dir.path() + "/outlets.xml", "<outlets/>\n");
  ExpectIngestRefuses("--outlet", dir.path() + "/outlets.xml",
                      "--outlet takes an outlet id; '" + dir.path() +
                          "/outlets.xml' is a file (did you mean --outlets?)");
  ExpectIngestRefuses("--outlet", "Mine.XML",
                      "'Mine.XML' is a file name (did you mean --outlets?)");
}

// Pasted text given an outlet with --outlet: no warning that it names none, its headline is the
// title (a line of no-break spaces first), and an outlet id of the outlets file in another case
// is written as the outlets file writes it.
TEST(IngestTest, OutletFlagCountsForPastedText) {
  TempDir dir;
  WriteFileOrFail(dir.path() + "/myseldon.txt",
                  "\xC2\xA0\nTiraspol says talks stalled\n\nThe leader said talks stalled.\n");
  WriteFileOrFail(dir.path() + "/outlets.xml",
                  "<outlets><outlet id='myseldon'><name>Myseldon</name></outlet></outlets>\n");
  const auto r = RunParallax({"ingest", dir.path() + "/myseldon.txt", "--into", dir.path() + "/out",
                              "--outlet", "MySeldon", "--outlets", dir.path() + "/outlets.xml"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err.find("names no outlet"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("is not in"), std::string::npos) << r.err;
  EXPECT_EQ(ReadFile(dir.path() + "/out/undated_myseldon_tiraspol-says-talks-stalled.txt"),
            "---\ntitle: Tiraspol says talks stalled\noutlet: myseldon\ndate: \nlanguage: \n"
            "---\n\nThe leader said talks stalled.\n");
}

// `--language english` is refused with the tag it stands for; a tag is accepted.
TEST(IngestTest, LanguageFlagTakesABcp47Tag) {
  ExpectIngestRefuses("--language", "English",
                      "--language takes a BCP 47 tag; 'English' is none (did you mean 'en'?)");
  TempDir dir;
  WriteFileOrFail(dir.path() + "/x.txt", "Talks stalled\n\nThe leader said talks stalled.\n");
  const auto tag = RunParallax({"ingest", dir.path() + "/x.txt", "--into", dir.path() + "/out",
                                "--language", "ro-MD", "--outlet", "x"});
  EXPECT_EQ(tag.exit_code, 0) << tag.err;
}

// An article file's `outlet: CNN` is the outlets file's `cnn`: ingest writes it so and says the
// outlets file found it.
TEST(IngestTest, OutletIdsOfTheOutletsFileMatchInAnyCase) {
  OutletsLoadResult outlets =
      ParseOutlets("<outlets><outlet id='cnn'><name>CNN</name></outlet></outlets>", "o.xml");
  IngestOptions options;
  options.outlets = &outlets.file;
  const IngestedInput in =
      IngestBytes("---\ntitle: T\noutlet: CNN\n---\nText.\n", "a.txt", options);
  ASSERT_EQ(in.articles.size(), 1u);
  EXPECT_EQ(in.articles[0].outlet, "cnn");
  EXPECT_EQ(in.outlet_sources[0], OutletSource::kOutletsFile);
}

// A stray document in a folder (notes.docx) is skipped with a warning and fails nothing; given
// by name it is an error. A page ingest kept beside its article is not read a second time.
TEST(IngestTest, LoadArticlesSkipsAStrayDocumentInAFolder) {
  TempDir dir;
  fs::create_directories(dir.path() + "/story");
  WriteFileOrFail(dir.path() + "/story/a.txt", kGood);
  WriteFileOrFail(dir.path() + "/story/notes.docx", std::string("PK\x03\x04word/doc\0\0", 14));
  WriteFileOrFail(dir.path() + "/story/a.html.gz",
                  Gzip("<html><body><article><p>A sentence of the page.</p></article></body>"
                       "</html>"));
  const LoadedArticles folder = LoadArticles({dir.path() + "/story"}, IngestOptions());
  ASSERT_EQ(folder.articles.size(), 1u);
  EXPECT_EQ(folder.rejected_inputs, 0u);
  ASSERT_EQ(folder.diagnostics.size(), 1u);
  EXPECT_EQ(folder.diagnostics[0].ToString(),
            dir.path() +
                "/story/notes.docx: warning: not an article file (this looks like a ZIP archive "
                "(or an office document)); skipped (save it as plain text (.txt) to read it as an "
                "article)");
  const LoadedArticles named = LoadArticles({dir.path() + "/story/notes.docx"}, IngestOptions());
  EXPECT_EQ(named.rejected_inputs, 1u);
  EXPECT_TRUE(HasErrors(named.diagnostics));
}

}  // namespace
}  // namespace parallax
