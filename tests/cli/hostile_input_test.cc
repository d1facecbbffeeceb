// Hostile input and hostile environments, through the real `parallax` binary: each case ends in
// a clear error or a correct result, never a crash, a hang or a leak of what it must not read.
// (More ingest cases, with the other inputs still written: tests/corpus/ingest_test.cc.)
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "core/file_io.h"
#include "test_paths.h"
#include "text/utf8.h"

namespace parallax {
namespace {

namespace fs = std::filesystem;
using testing::CommandResult;
using testing::RunParallax;
using testing::RunParallaxWith;
using testing::TempDir;

using testing::WriteFileOrFail;

// Every file under `dir`, by path relative to it, with its bytes.
std::map<std::string, std::string> Snapshot(const std::string& dir) {
  std::map<std::string, std::string> files;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (e.is_regular_file()) files[fs::relative(e.path(), dir).string()] = ReadFile(e.path());
  }
  return files;
}

// The first line of /etc/passwd ("root:x:0:0:…"), which no output may ever contain.
std::string PasswdLine() {
  const std::string passwd = ReadFile("/etc/passwd");
  return passwd.substr(0, passwd.find('\n'));
}

std::string Seconds(std::chrono::steady_clock::time_point since) {
  return std::to_string(
             std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count()) +
         " s";
}

// Sanitizer builds run several times slower: the time limits stretch with them.
#if defined(__SANITIZE_ADDRESS__)
constexpr double kSlowdown = 5;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr double kSlowdown = 5;
#else
constexpr double kSlowdown = 1;
#endif
#else
constexpr double kSlowdown = 1;
#endif

double ElapsedSeconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

const char kArticle[] =
    "---\ntitle: Good\noutlet: oc-media\ndate: 2023-04-24\nlanguage: en\n---\n"
    "Azerbaijan has closed the entrance of the Lachin corridor, officials said on Sunday.\n";

// ---------------------------------------------------------------------------------------------
// XML external entities and entity expansion.

TEST(HostileInputTest, XmlExternalEntityToEtcPasswdIsNeverRead) {
  const std::string passwd = PasswdLine();
  ASSERT_FALSE(passwd.empty());
  TempDir dir;
  WriteFileOrFail(
      dir.path() + "/xxe.xml",
      "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">\n"
      "<!ENTITY % p SYSTEM \"file:///etc/passwd\"> %p;]>\n"
      "<rss version=\"2.0\"><channel><title>C &x;</title><item><title>Item &x;</title>"
      "<description>Body text of the item &x; here.</description></item></channel></rss>\n");
  const std::string data = testing::TestDataDir();
  std::vector<CommandResult> runs = {
      RunParallax({"extract", "--format", "json", dir.path() + "/xxe.xml"}),
      RunParallax({"extract", "--format", "json", data + "/html/external_entity.html"}),
      RunParallax({"annotate", "--format", "json", dir.path() + "/xxe.xml",
                   data + "/html/external_entity.html", data + "/feeds/xxe.xml",
                   data + "/feeds/xxe_parameter.xml"}),
      RunParallax({"lexicon", "check", data + "/lexicon/xxe.xml"}),
      RunParallax({"ingest", dir.path() + "/xxe.xml", data + "/html/external_entity.html", "--into",
                   dir.path() + "/out"}),
  };
  for (const CommandResult& r : runs) {
    EXPECT_EQ(r.out.find(passwd), std::string::npos) << r.out;
    EXPECT_EQ(r.err.find(passwd), std::string::npos) << r.err;
    EXPECT_LT(r.exit_code, 3) << r.err;
  }
  EXPECT_NE(runs[0].err.find("entit"), std::string::npos) << runs[0].err;
  EXPECT_NE(runs[0].out.find("Body text of the item"), std::string::npos) << runs[0].out;
  EXPECT_EQ(runs[3].exit_code, 2);
  EXPECT_NE(runs[3].err.find("DOCTYPE"), std::string::npos) << runs[3].err;
  for (const auto& [name, content] : Snapshot(dir.path() + "/out")) {
    EXPECT_EQ(content.find(passwd), std::string::npos) << name;
  }
}

TEST(HostileInputTest, BillionLaughsIsNeverExpanded) {
  TempDir dir;
  std::string laughs = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY a \"aaaaaaaaaa\">";
  for (char c = 'b'; c <= 'k'; ++c) {
    laughs += std::string("<!ENTITY ") + c + " \"";
    for (int i = 0; i < 10; ++i) laughs += std::string("&") + static_cast<char>(c - 1) + ";";
    laughs += "\">";
  }
  laughs +=
      "]>\n<rss version=\"2.0\"><channel><item><title>L &k;</title><description>Laughs &k; "
      "here.</description></item></channel></rss>\n";
  WriteFileOrFail(dir.path() + "/laughs.xml", laughs);
  const auto start = std::chrono::steady_clock::now();
  const auto feed = RunParallax({"extract", "--format", "json", dir.path() + "/laughs.xml"});
  const auto lexicon =
      RunParallax({"lexicon", "check", testing::TestDataDir() + "/lexicon/billion_laughs.xml"});
  EXPECT_LT(ElapsedSeconds(start), kSlowdown * 20.0) << Seconds(start);
  EXPECT_EQ(feed.exit_code, 0) << feed.err;
  EXPECT_NE(feed.err.find("declares XML entities"), std::string::npos) << feed.err;
  EXPECT_LT(feed.out.size(), 2000u);
  EXPECT_NE(feed.out.find("Laughs &k; here."), std::string::npos) << feed.out;
  EXPECT_EQ(lexicon.exit_code, 2);
  EXPECT_NE(lexicon.err.find("DOCTYPE"), std::string::npos) << lexicon.err;
  EXPECT_LT(lexicon.out.size() + lexicon.err.size(), 4000u);
}

// ---------------------------------------------------------------------------------------------
// Deep nesting.

std::string Nested(const std::string& open, const std::string& close, int depth,
                   const std::string& inside) {
  std::string s;
  s.reserve((open.size() + close.size()) * depth + inside.size());
  for (int i = 0; i < depth; ++i) s += open;
  s += inside;
  for (int i = 0; i < depth; ++i) s += close;
  return s;
}

TEST(HostileInputTest, HtmlNested100000LevelsDeepWarnsAndKeepsItsText) {
  TempDir dir;
  const std::string page =
      "<html><head><title>Deep page</title></head><body>" +
      Nested("<div>", "</div>", 100000,
             "<p>The deep paragraph of the story, long enough to be article text that a reader "
             "wants, with a comma, and more words after it.</p>") +
      "<p>After the deep part, a closing paragraph that is long enough to count as text.</p>"
      "</body></html>";
  WriteFileOrFail(dir.path() + "/deep.html", page);
  const auto start = std::chrono::steady_clock::now();
  const auto r = RunParallax({"extract", dir.path() + "/deep.html"});
  EXPECT_LT(ElapsedSeconds(start), kSlowdown * 30.0) << Seconds(start);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("deep.html:1: warning: elements are nested more than 256 levels deep"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("--max-depth"), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("The deep paragraph of the story"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("After the deep part"), std::string::npos) << r.out;
}

TEST(HostileInputTest, HtmlDepthLimitIsTheUsers) {
  TempDir dir;
  WriteFileOrFail(
      dir.path() + "/page.html",
      "<html><body>" +
          Nested("<div>", "</div>", 40,
                 "<p>A paragraph at depth forty, long enough to be the article's own text, "
                 "with a comma, and more words.</p>") +
          "</body></html>");
  auto r = RunParallax({"extract", dir.path() + "/page.html"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err.find("nested"), std::string::npos) << r.err;
  r = RunParallax({"extract", "--max-depth", "20", dir.path() + "/page.html"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("nested more than 20 levels"), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("A paragraph at depth forty"), std::string::npos) << r.out;
  // Raised past libxml2's own limit of 256, the whole depth is kept without a warning.
  WriteFileOrFail(
      dir.path() + "/deeper.html",
      "<html><body>" +
          Nested("<div>", "</div>", 1000,
                 "<p>A paragraph at depth one thousand, long enough to be the article's own "
                 "text, with a comma, and more.</p>") +
          "</body></html>");
  r = RunParallax({"extract", "--max-depth", "2000", dir.path() + "/deeper.html"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err.find("nested"), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("A paragraph at depth one thousand"), std::string::npos) << r.out;
}

TEST(HostileInputTest, FeedAndJsonNested100000LevelsDeepAreClearErrors) {
  TempDir dir;
  WriteFileOrFail(
      dir.path() + "/deep.xml",
      "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><item><title>Kept</title>"
      "<description>Item before the deep part.</description></item>\n<item><title>Deep" +
          Nested("<x>", "</x>", 100000, "text") + "</title></item></channel></rss>\n");
  WriteFileOrFail(dir.path() + "/deep.json", "{\"title\": \"T\", \"maintext\": \"Body.\", \"x\": " +
                                                 Nested("[", "]", 100000, "1") + "}\n");
  WriteFileOrFail(dir.path() + "/deep.jsonl", "{\"title\": \"Kept\", \"maintext\": \"Body.\"}\n" +
                                                  Nested("{\"a\":", "}", 100000, "1") + "\n");
  const auto start = std::chrono::steady_clock::now();
  const auto feed = RunParallax({"extract", dir.path() + "/deep.xml"});
  const auto json = RunParallax({"extract", dir.path() + "/deep.json"});
  const auto jsonl = RunParallax({"extract", dir.path() + "/deep.jsonl"});
  const auto scan = RunParallax({"scan", dir.path() + "/deep.jsonl"});
  EXPECT_LT(ElapsedSeconds(start), kSlowdown * 30.0) << Seconds(start);
  EXPECT_NE(feed.err.find("deep.xml:3: error: elements are nested more than 256 levels deep"),
            std::string::npos)
      << feed.err;
  EXPECT_NE(feed.out.find("Item before the deep part."), std::string::npos) << feed.out;
  EXPECT_EQ(json.exit_code, 2);
  EXPECT_NE(json.err.find("deep.json:1:"), std::string::npos) << json.err;
  EXPECT_NE(json.err.find("nested more than 256 levels deep"), std::string::npos) << json.err;
  EXPECT_NE(json.err.find("--max-depth"), std::string::npos) << json.err;
  EXPECT_NE(jsonl.err.find("deep.jsonl:2:"), std::string::npos) << jsonl.err;
  EXPECT_NE(jsonl.out.find("Body."), std::string::npos) << jsonl.out;
  EXPECT_EQ(scan.exit_code, 2);
  EXPECT_NE(scan.err.find("nested more than 256 levels deep"), std::string::npos) << scan.err;
  EXPECT_NE(scan.err.find("1 records"), std::string::npos) << scan.err;
}

// ---------------------------------------------------------------------------------------------
// Size.

TEST(HostileInputTest, FiftyMegabyteSingleLineIsReadOrRefusedClearly) {
  TempDir dir;
  std::string line;
  line.reserve(50u << 20);
  const std::string words = "Azerbaijan closed the Lachin corridor on Sunday, officials said. ";
  while (line.size() + words.size() < (50u << 20)) line += words;
  WriteFileOrFail(dir.path() + "/huge.txt",
                  "---\ntitle: Huge\noutlet: oc-media\n---\n" + line + "\n");
  const auto start = std::chrono::steady_clock::now();
  // Under the default limit of 64 MiB it is read whole.
  const auto read = RunParallax({"extract", dir.path() + "/huge.txt"});
  EXPECT_EQ(read.exit_code, 0) << read.err;
  EXPECT_GT(read.out.size(), 50u << 19);
  EXPECT_LT(ElapsedSeconds(start), kSlowdown * 60.0) << Seconds(start);
  // Under a lower limit every command refuses it with the limit and the flag in the message.
  for (const std::string command : {"extract", "annotate", "match"}) {
    const auto r = RunParallax({command, "--max-bytes", "1000000", dir.path() + "/huge.txt"});
    EXPECT_EQ(r.exit_code, 2) << command;
    EXPECT_NE(r.err.find("huge.txt: error: file is too large"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("the limit is 1000000 bytes; raise it with --max-bytes"),
              std::string::npos)
        << r.err;
  }
  fs::create_directory(dir.path() + "/story");
  fs::rename(dir.path() + "/huge.txt", dir.path() + "/story/huge.txt");
  const auto report = RunParallax(
      {"report", "--max-bytes", "1000000", dir.path() + "/story", "-o", dir.path() + "/out"});
  EXPECT_EQ(report.exit_code, 2);
  EXPECT_NE(report.err.find("file is too large"), std::string::npos) << report.err;
  // scan reads JSON Lines: a line past the limit is reported and skipped.
  WriteFileOrFail(dir.path() + "/huge.jsonl", "{\"title\": \"Huge\", \"maintext\": \"" + line +
                                                  "\"}\n{\"title\": \"Small\", "
                                                  "\"maintext\": \"Body.\"}\n");
  const auto scan = RunParallax({"scan", "--max-bytes", "1000000", dir.path() + "/huge.jsonl"});
  EXPECT_EQ(scan.exit_code, 2);
  EXPECT_NE(scan.err.find("huge.jsonl:1: error: line longer than 1000000 bytes"), std::string::npos)
      << scan.err;
  EXPECT_NE(scan.err.find("1 records from 2 lines"), std::string::npos) << scan.err;
  EXPECT_NE(scan.err.find("1 malformed line(s) skipped"), std::string::npos) << scan.err;
}

// ---------------------------------------------------------------------------------------------
// Bytes.

TEST(HostileInputTest, NulBytesInTextBecomeReplacementCharactersWithAWarning) {
  TempDir dir;
  WriteFileOrFail(dir.path() + "/nul.txt",
                  std::string("---\ntitle: Nul\noutlet: oc-media\n---\nA sentence with a nul") +
                      std::string(1, '\0') + " byte inside it, and another" + std::string(3, '\0') +
                      " here.\n");
  WriteFileOrFail(dir.path() + "/nul.jsonl",
                  std::string("{\"title\": \"Nul\", \"maintext\": \"Escaped \\u0000 nul.\"}\n"));
  WriteFileOrFail(dir.path() + "/nul.html",
                  std::string("<html><body><p>A page paragraph with a nul") + std::string(1, '\0') +
                      " byte, long enough to be article text that a reader would want to keep.</p>"
                      "</body></html>");
  for (const std::string file : {"nul.txt", "nul.jsonl", "nul.html"}) {
    const auto r = RunParallax({"extract", "--format", "json", dir.path() + "/" + file});
    EXPECT_LT(r.exit_code, 3) << file << r.err;
    EXPECT_EQ(r.out.find('\0'), std::string::npos) << file;
    EXPECT_TRUE(IsValidUtf8(r.out)) << file;
  }
  const auto text = RunParallax({"extract", dir.path() + "/nul.txt"});
  EXPECT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find("A sentence with a nul"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find(" here."), std::string::npos) << text.out;
  EXPECT_NE(text.err.find("nul.txt:5:"), std::string::npos) << text.err;
  // A lexicon with a NUL byte is an error that says so.
  WriteFileOrFail(dir.path() + "/lexicon.xml",
                  std::string("<?xml version=\"1.0\"?>\n<lexicon id=\"n\" lang=\"en\">") +
                      std::string(1, '\0') + "</lexicon>\n");
  const auto lexicon = RunParallax({"lexicon", "check", dir.path() + "/lexicon.xml"});
  EXPECT_EQ(lexicon.exit_code, 2);
  EXPECT_NE(lexicon.err.find("NUL"), std::string::npos) << lexicon.err;
}

TEST(HostileInputTest, EveryClassOfInvalidUtf8BecomesReplacementCharacters) {
  const std::vector<std::pair<std::string, std::string>> classes = {
      {"overlong 2-byte", "\xC0\xAF"},
      {"overlong 3-byte", "\xE0\x80\xAF"},
      {"overlong 4-byte", "\xF0\x80\x80\xAF"},
      {"overlong NUL", "\xC0\x80"},
      {"high surrogate", "\xED\xA0\x80"},
      {"low surrogate", "\xED\xBF\xBF"},
      {"surrogate pair (CESU-8)", "\xED\xA0\xBD\xED\xB8\x80"},
      {"truncated 2-byte", "\xC3"},
      {"truncated 3-byte", "\xE2\x82"},
      {"truncated 4-byte", "\xF0\x9F\x98"},
      {"stray continuation", "\x80"},
      {"stray continuations", "\xBF\xBF\xBF"},
      {"above U+10FFFF", "\xF4\x90\x80\x80"},
      {"invalid lead F5", "\xF5\x80\x80\x80"},
      {"invalid bytes FE FF", "\xFE\xFF"},
  };
  TempDir dir;
  for (const auto& [name, bytes] : classes) {
    SCOPED_TRACE(name);
    WriteFileOrFail(dir.path() + "/bad.txt",
                    "---\ntitle: T\noutlet: jamnews\n---\nbefore " + bytes + " after\nnext line\n");
    WriteFileOrFail(dir.path() + "/bad.jsonl",
                    "{\"title\": \"T\", \"maintext\": \"before " + bytes +
                        " after\"}\n{\"title\": \"U\", \"maintext\": \"ok\"}\n");
    WriteFileOrFail(
        dir.path() + "/bad.html",
        "<html><head><meta charset=\"utf-8\"></head><body><p>before " + bytes +
            " after, a paragraph long enough to be the article text itself.</p></body></html>");
    const auto text = RunParallax({"extract", dir.path() + "/bad.txt"});
    EXPECT_EQ(text.exit_code, 0) << text.err;
    EXPECT_TRUE(IsValidUtf8(text.out)) << text.out;
    EXPECT_NE(text.out.find("before \xEF\xBF\xBD"), std::string::npos) << text.out;
    EXPECT_NE(text.out.find(" after"), std::string::npos) << text.out;
    EXPECT_NE(text.err.find("bad.txt:5:8"), std::string::npos) << text.err;
    const auto json = RunParallax({"extract", "--format", "json", dir.path() + "/bad.jsonl"});
    EXPECT_LT(json.exit_code, 3) << json.err;
    EXPECT_TRUE(IsValidUtf8(json.out)) << json.out;
    EXPECT_NE(json.out.find("\"ok\""), std::string::npos) << json.out;
    const auto html = RunParallax({"extract", dir.path() + "/bad.html"});
    EXPECT_EQ(html.exit_code, 0) << html.err;
    EXPECT_TRUE(IsValidUtf8(html.out)) << html.out;
    EXPECT_NE(html.out.find(" after, a paragraph"), std::string::npos) << html.out;
    const auto scan = RunParallax({"scan", dir.path() + "/bad.jsonl"});
    EXPECT_TRUE(IsValidUtf8(scan.out)) << scan.out;
  }
  // A story folder: the report and the alignment are written, with the warning (both stopped
  // with an internal JSON error before).
  fs::create_directory(dir.path() + "/story");
  std::string all;
  for (const auto& [name, bytes] : classes) all += "before " + bytes + " after.\n\n";
  WriteFileOrFail(dir.path() + "/story/bad.txt",
                  "---\ntitle: T \xC0\xAF\noutlet: jamnews\ndate: 2023-04-24\n---\n" + all);
  const auto report = RunParallax({"report", dir.path() + "/story", "-o", dir.path() + "/out"});
  EXPECT_EQ(report.exit_code, 0) << report.err;
  EXPECT_NE(report.err.find("bad.txt:2:10: warning: invalid UTF-8: overlong encoding"),
            std::string::npos)
      << report.err;
  for (const auto& [name, content] : Snapshot(dir.path() + "/out")) {
    EXPECT_TRUE(IsValidUtf8(content)) << name;
  }
  const auto align = RunParallax({"align", "--format", "json", dir.path() + "/story"});
  EXPECT_EQ(align.exit_code, 0) << align.err;
  EXPECT_TRUE(IsValidUtf8(align.out));
  const auto clean = RunParallax({"clean", dir.path() + "/story/bad.txt"});
  EXPECT_EQ(clean.exit_code, 0) << clean.err;
}

// ---------------------------------------------------------------------------------------------
// The file system.

TEST(HostileInputTest, SymlinkLoopIsReportedByEveryCommand) {
  TempDir dir;
  fs::create_directory(dir.path() + "/story");
  WriteFileOrFail(dir.path() + "/story/good.txt", kArticle);
  fs::create_symlink(dir.path() + "/story/b.txt", dir.path() + "/story/a.txt");
  fs::create_symlink(dir.path() + "/story/a.txt", dir.path() + "/story/b.txt");
  fs::create_symlink(dir.path() + "/loop", dir.path() + "/loop");
  const auto report = RunParallax({"report", dir.path() + "/story", "-o", dir.path() + "/out"});
  EXPECT_EQ(report.exit_code, 2);
  EXPECT_NE(report.err.find("a.txt: error: cannot open: Too many levels of symbolic links"),
            std::string::npos)
      << report.err;
  EXPECT_TRUE(fs::exists(dir.path() + "/out/report.html")) << report.err;
  const auto annotate = RunParallax({"annotate", dir.path() + "/story/a.txt", dir.path() + "/loop",
                                     dir.path() + "/story/good.txt"});
  EXPECT_EQ(annotate.exit_code, 2);
  EXPECT_NE(annotate.err.find("a symbolic link loop"), std::string::npos) << annotate.err;
  EXPECT_NE(annotate.out.find("== good"), std::string::npos) << annotate.out;
  const auto extract = RunParallax({"extract", dir.path() + "/loop"});
  EXPECT_EQ(extract.exit_code, 2);
  EXPECT_NE(extract.err.find("loop: error: cannot open: Too many levels of symbolic links"),
            std::string::npos)
      << extract.err;
  const auto align = RunParallax({"align", dir.path() + "/loop"});
  EXPECT_EQ(align.exit_code, 2);
  EXPECT_NE(align.err.find("loop"), std::string::npos) << align.err;
}

TEST(HostileInputTest, OutputFolderThatIsNotWritableIsAClearError) {
  TempDir dir;
  fs::create_directory(dir.path() + "/story");
  WriteFileOrFail(dir.path() + "/story/good.txt", kArticle);
  fs::create_directory(dir.path() + "/readonly");
  WriteFileOrFail(dir.path() + "/readonly/report.html", "previous report");
  chmod((dir.path() + "/readonly").c_str(), 0555);
  testing::RunOptions options;
  options.drop_file_powers = true;  // CI runs as root, which writes anywhere
  const auto report =
      RunParallaxWith({"report", dir.path() + "/story", "-o", dir.path() + "/readonly"}, options);
  EXPECT_EQ(report.exit_code, 2);
  EXPECT_NE(report.err.find("readonly/report.html: error: cannot create a temporary file beside "
                            "it: Permission denied"),
            std::string::npos)
      << report.err;
  EXPECT_NE(report.err.find("nothing was replaced"), std::string::npos) << report.err;
  EXPECT_EQ(ReadFile(dir.path() + "/readonly/report.html"), "previous report");
  const auto ingest = RunParallaxWith(
      {"ingest", dir.path() + "/story/good.txt", "--into", dir.path() + "/readonly"}, options);
  EXPECT_EQ(ingest.exit_code, 2);
  EXPECT_NE(ingest.err.find("Permission denied"), std::string::npos) << ingest.err;
  const auto nested = RunParallaxWith(
      {"report", dir.path() + "/story", "-o", dir.path() + "/readonly/new"}, options);
  EXPECT_EQ(nested.exit_code, 2);
  EXPECT_NE(nested.err.find("cannot create the report folder: Permission denied"),
            std::string::npos)
      << nested.err;
  EXPECT_EQ(Snapshot(dir.path() + "/readonly").size(), 1u);
}

TEST(HostileInputTest, FullDiskKeepsThePreviousReportIntact) {
  TempDir dir;
  const std::string out = dir.path() + "/out";
  const std::string corpus = testing::SourceDir() + "/corpus/lachin-2023";
  // The previous report: the blind one, so every file differs from what the next run writes.
  auto r = RunParallax({"report", "--blind", corpus, "-o", out});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto previous = Snapshot(out);
  std::uint64_t smallest = UINT64_MAX;
  std::uint64_t largest = 0;
  for (const auto& [name, content] : previous) {
    smallest = std::min<std::uint64_t>(smallest, content.size());
    largest = std::max<std::uint64_t>(largest, content.size());
  }
  // A disk that fills up part way: some files of the new report fit, the largest does not.
  testing::RunOptions options;
  options.max_file_bytes = (smallest + largest) / 2;
  r = RunParallaxWith({"report", corpus, "-o", out}, options);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("write failed: File too large"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("nothing was replaced"), std::string::npos) << r.err;
  EXPECT_EQ(Snapshot(out), previous);  // not one file replaced, no temporary file left
  // Standard output on a full disk: an error, never a silent success.
  for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
           {"extract", corpus + "/002_oc-media.txt"},
           {"annotate", corpus},
           {"match", corpus},
           {"scan", testing::TestDataDir() + "/newsplease/records.jsonl"}}) {
    testing::RunOptions full;
    full.stdout_path = "/dev/full";
    const auto run = RunParallaxWith(args, full);
    EXPECT_NE(run.exit_code, 0) << args[0];
    EXPECT_NE(run.err.find("No space left on device"), std::string::npos)
        << args[0] << ": " << run.err;
  }
}

TEST(HostileInputTest, CorpusFolderOfTenThousandEmptyFiles) {
  TempDir dir;
  fs::create_directory(dir.path() + "/story");
  for (int i = 0; i < 10000; ++i)
    WriteFileOrFail(dir.path() + "/story/" + std::to_string(i) + ".txt", "");
  WriteFileOrFail(dir.path() + "/story/good.txt", kArticle);
  const auto start = std::chrono::steady_clock::now();
  const auto report = RunParallax({"report", dir.path() + "/story", "-o", dir.path() + "/out"});
  EXPECT_LT(ElapsedSeconds(start), kSlowdown * 30.0) << Seconds(start);
  EXPECT_EQ(report.exit_code, 2);
  EXPECT_NE(report.err.find("story/0.txt: error: empty file"), std::string::npos)
      << report.err.substr(0, 2000);
  EXPECT_NE(report.err.find("story/9999.txt: error: empty file"), std::string::npos);
  EXPECT_NE(report.out.find("1 article from 1 outlet"), std::string::npos) << report.out;
  EXPECT_NE(report.out.find("10000 files rejected"), std::string::npos) << report.out;
  const auto annotate = RunParallax({"annotate", "--format", "json", dir.path() + "/story"});
  EXPECT_EQ(annotate.exit_code, 2);
  EXPECT_NE(annotate.out.find("\"id\":\"good\""), std::string::npos) << annotate.out;
  EXPECT_LT(ElapsedSeconds(start), kSlowdown * 60.0) << Seconds(start);
}

// ---------------------------------------------------------------------------------------------
// A large lexicon.

TEST(HostileInputTest, LexiconWithHundredThousandEntriesLoadsInSeconds) {
  TempDir dir;
  std::string xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<lexicon id=\"big\" lang=\"en\">\n"
      "  <perspectives><perspective id=\"p\" label=\"P\" colour=\"#0072B2\"/></perspectives>\n"
      "  <loaded-terms>\n";
  for (int i = 0; i < 100000; ++i) {
    const std::string n = std::to_string(i);
    xml += "    <term form=\"term" + n + " word" + n +
           "\" category=\"c\" perspective=\"p\" source=\"generated\"><note>Note " + n +
           ".</note></term>\n";
  }
  xml += "  </loaded-terms>\n</lexicon>\n";
  WriteFileOrFail(dir.path() + "/big.xml", xml);
  WriteFileOrFail(dir.path() + "/a.txt", std::string(kArticle) +
                                             "It said term77 word77 and term99999 "
                                             "word99999 twice.\n");
  const auto start = std::chrono::steady_clock::now();
  const auto check = RunParallax({"lexicon", "check", dir.path() + "/big.xml"});
  const double check_seconds = ElapsedSeconds(start);
  EXPECT_EQ(check.exit_code, 0) << check.err.substr(0, 2000);
  EXPECT_NE(check.out.find("100000 loaded terms"), std::string::npos) << check.out;
  EXPECT_LT(check_seconds, kSlowdown * 20.0) << check_seconds << " s";
  const auto match = RunParallax(
      {"match", "--lexicon", dir.path() + "/big.xml", "--kind", "loaded", dir.path() + "/a.txt"});
  EXPECT_EQ(match.exit_code, 0) << match.err.substr(0, 2000);
  EXPECT_NE(match.out.find("[term77 word77]"), std::string::npos) << match.out;
  EXPECT_NE(match.out.find("[term99999 word99999]"), std::string::npos) << match.out;
  EXPECT_LT(ElapsedSeconds(start), kSlowdown * 40.0) << Seconds(start);
}

// A story folder or a folder of pages holding a FIFO: the FIFO is skipped with a message and
// never opened (opening it would wait for a writer forever); the other articles are read.
TEST(HostileInputTest, FifoInAFolderIsSkippedNotWaitedFor) {
  testing::TempDir dir;
  const std::string story = dir.path() + "/story";
  std::filesystem::create_directories(story);
  for (const char* name : {"000_kommersant.txt", "001_moscow-times.txt"}) {
    std::filesystem::copy_file(testing::SourceDir() + "/corpus/lachin-2023/" + name,
                               story + "/" + name);
  }
  ASSERT_EQ(mkfifo((story + "/pipe.txt").c_str(), 0600), 0);
  const auto start = std::chrono::steady_clock::now();
  const auto report = testing::RunParallax({"report", "-o", dir.path() + "/out", story});
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(60));
  EXPECT_NE(report.err.find("pipe.txt"), std::string::npos) << report.err;
  EXPECT_NE(report.err.find("not a regular file"), std::string::npos) << report.err;
  EXPECT_TRUE(std::filesystem::exists(dir.path() + "/out/report.html")) << report.err;

  const auto ingest = testing::RunParallax({"ingest", story, "--into", dir.path() + "/ingested"});
  EXPECT_NE(ingest.err.find("not a regular file"), std::string::npos) << ingest.err;
}

}  // namespace
}  // namespace parallax
