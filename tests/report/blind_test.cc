// --blind: outlets become letters everywhere, consistently, with a separate key.
#include "report/blind.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <string>

#include "test_paths.h"

namespace parallax {
namespace {

using testing::ReadFileOrFail;
using testing::RunParallax;
using testing::TempDir;

OutletsFile TwoOutlets() {
  OutletsFile f;
  Outlet k;
  k.id = "kommersant";
  k.name = "Kommersant";
  k.self_references = {"Kommersant"};
  k.domains = {"kommersant.ru"};
  Outlet o;
  o.id = "oc-media";
  o.name = "OC Media";
  o.self_references = {"OC Media", "On.ge"};
  f.outlets = {k, o};
  return f;
}

std::vector<Article> TwoArticles() {
  Article a;
  a.id = "000_kommersant";
  a.outlet = "kommersant";
  a.author = "Kirill Krivosheev";
  Article b;
  b.id = "002_oc-media";
  b.outlet = "oc-media";
  return {a, b};
}

TEST(BlinderTest, ReplacesNamesSelfReferencesUrlsAndBylines) {
  const Blinder b("story", TwoArticles(), TwoOutlets());
  const std::string k = b.OutletLabel("kommersant");
  const std::string o = b.OutletLabel("oc-media");
  EXPECT_NE(k, o);
  EXPECT_EQ(b.Apply("Ilgar Velizade told Kommersant."), "Ilgar Velizade told " + k + ".");
  EXPECT_EQ(b.Apply("Become an OC Media member"), "Become an " + o + " member");
  EXPECT_EQ(b.Apply("KOMMERSANT’s view"), k + "’s view");
  EXPECT_EQ(b.Apply("see https://www.kommersant.ru/doc/1 now"), "see [link removed] now");
  EXPECT_EQ(b.Apply("by Kirill Krivosheev"), "by [byline]");
  EXPECT_EQ(b.Apply("Kommersants"), "Kommersants");  // not at a word boundary: another word
}

// Credits and bylines shorten an outlet's name to its initials ("Jane Doe / MT"): those go too,
// in capitals only ("Mt. Ararat" stays), for names of several words.
TEST(BlinderTest, InitialismsOfOutletNamesInCreditsAreReplaced) {
  OutletsFile outlets = TwoOutlets();
  Outlet mt;
  mt.id = "moscow-times";
  mt.name = "The Moscow Times";
  outlets.outlets.push_back(mt);
  std::vector<Article> articles = TwoArticles();
  Article c;
  c.id = "001_moscow-times";
  c.outlet = "moscow-times";
  articles.push_back(c);
  const Blinder b("story", articles, outlets);
  const std::string m = b.OutletLabel("moscow-times");
  const std::string o = b.OutletLabel("oc-media");
  EXPECT_EQ(b.Apply("Photo: Jane Doe / MT"), "Photo: Jane Doe / " + m);
  EXPECT_EQ(b.Apply("(TMT)"), "(" + m + ")");
  EXPECT_EQ(b.Apply("OCM reported"), o + " reported");
  EXPECT_EQ(b.Apply("Mt. Ararat and SMT"), "Mt. Ararat and SMT");
  // A name of one word has no initialism: "K" is not Kommersant.
  EXPECT_EQ(b.Apply("Plan K"), "Plan K");
}

TEST(BlinderTest, KeyGoesBesideTheReportFolder) {
  const std::filesystem::path here = std::filesystem::current_path();
  EXPECT_EQ(BlindKeyPath("/tmp/out/lachin-blind"), "/tmp/out/lachin-blind-key.md");
  EXPECT_EQ(BlindKeyPath("/tmp/out/lachin-blind/"), "/tmp/out/lachin-blind-key.md");
  EXPECT_EQ(BlindKeyPath("handout"), (here / "handout-key.md").string());
  EXPECT_EQ(BlindKeyPath("."),
            (here.parent_path() / (here.filename().string() + "-key.md")).string());
}

TEST(BlinderTest, LettersAreStableAndArticleLabelsFollowThem) {
  const Blinder a("story", TwoArticles(), TwoOutlets());
  const Blinder b("story", TwoArticles(), TwoOutlets());
  EXPECT_EQ(a.Letter("kommersant"), b.Letter("kommersant"));
  EXPECT_EQ(a.ArticleLabel("000_kommersant"), a.Letter("kommersant") + "1");
  const auto key = a.Key();
  ASSERT_EQ(key.size(), 2u);
  EXPECT_EQ(key[0].first, "A");
  EXPECT_EQ(key[1].first, "B");
}

TEST(BlinderTest, DisabledChangesNothing) {
  const Blinder b;
  EXPECT_EQ(b.Apply("told Kommersant"), "told Kommersant");
  EXPECT_EQ(b.OutletLabel("kommersant"), "kommersant");
}

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

TEST(BlindReportTest, NoOutletNameInAnyFormat) {
  TempDir out;
  const auto r = RunParallax({"report", "--blind", "-o", out.path()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const char* names[] = {"kommersant", "moscow times", "oc media",  "eurasia daily monitor",
                         "jamnews",    "jam news",     "jamestown", "коммерсант",
                         "oc-media",   "moscow-times"};
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(out.path())) {
    const std::string name = entry.path().filename().string();
    ++files;
    const std::string text = Lower(ReadFileOrFail(entry.path().string()));
    for (const char* n : names) EXPECT_EQ(text.find(n), std::string::npos) << n << " in " << name;
  }
  EXPECT_GE(files, 4);  // html, md, json and the csv tables
  EXPECT_TRUE(std::filesystem::exists(out.path() + "/report.html"));
  EXPECT_TRUE(std::filesystem::exists(out.path() + "/report.json"));
  EXPECT_TRUE(std::filesystem::exists(out.path() + "/naming.csv"));
  // The key is beside the folder, not in it: the folder can be handed out as it is.
  EXPECT_FALSE(std::filesystem::exists(out.path() + "/blind-key.md"));
  const std::string key = ReadFileOrFail(BlindKeyPath(out.path()));
  for (const char* n :
       {"Kommersant", "The Moscow Times", "OC Media", "Eurasia Daily Monitor", "JAMnews"}) {
    EXPECT_NE(key.find(n), std::string::npos) << n;
  }
}

TEST(BlindReportTest, LettersAreConsistentAcrossSections) {
  TempDir out;
  ASSERT_EQ(RunParallax({"report", "--blind", "-o", out.path(), "--format", "html,json"}).exit_code,
            0);
  const std::string json = ReadFileOrFail(out.path() + "/report.json");
  const std::string html = ReadFileOrFail(out.path() + "/report.html");
  for (const char* letter : {"A", "B", "C", "D", "E"}) {
    const std::string label = std::string("Outlet ") + letter;
    EXPECT_NE(json.find(label), std::string::npos) << label;
    EXPECT_NE(html.find(label), std::string::npos) << label;
  }
  // The self-reference in "told Kommersant" became the letter of the same outlet.
  EXPECT_NE(html.find("told Outlet "), std::string::npos);
}

// An event's label is one outlet's sentence and says whose: by name, or by letter when blind.
TEST(BlindReportTest, EventLabelsSayWhoseWordingTheyAre) {
  TempDir named, blind;
  ASSERT_EQ(RunParallax({"report", "-o", named.path(), "--format", "md"}).exit_code, 0);
  ASSERT_EQ(RunParallax({"report", "--blind", "-o", blind.path(), "--format", "html,md"}).exit_code,
            0);
  EXPECT_NE(ReadFileOrFail(named.path() + "/report.md").find("\u2014 wording of Eurasia Daily"),
            std::string::npos);
  EXPECT_NE(ReadFileOrFail(blind.path() + "/report.md").find("\u2014 wording of Outlet "),
            std::string::npos);
  EXPECT_NE(
      ReadFileOrFail(blind.path() + "/report.html").find("<span class=\"note\">wording of Outlet "),
      std::string::npos);
}

// Outlets with short names (RT, AP): the check for leaks reads whole words, as redaction does,
// so "report" and "map" are no leak; the outlets' names themselves are gone.
TEST(BlindReportTest, ShortOutletNamesWork) {
  testing::TempDir dir;
  const std::string story = dir.path() + "/story";
  std::filesystem::create_directories(story);
  const std::string root = testing::SourceDir() + "/corpus/lachin-2023/";
  std::string first = testing::ReadFileOrFail(root + "000_kommersant.txt");
  std::string second = testing::ReadFileOrFail(root + "001_moscow-times.txt");
  first.replace(first.find("outlet: kommersant"), 18, "outlet: rt");
  second.replace(second.find("outlet: moscow-times"), 20, "outlet: ap");
  first += "\nRT reported this, and AP confirmed it on the map in the report.\n";
  testing::WriteFileOrFail(story + "/000_rt.txt", first);
  testing::WriteFileOrFail(story + "/001_ap.txt", second);
  testing::WriteFileOrFail(
      dir.path() + "/outlets.xml",
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<outlets>\n"
      "  <outlet id=\"rt\" name=\"RT\" languages=\"en\" base=\"Moscow\">"
      "<description>A broadcaster.</description><domain>rt.com</domain></outlet>\n"
      "  <outlet id=\"ap\" name=\"AP\" languages=\"en\" base=\"New York\">"
      "<description>A news agency.</description><domain>apnews.com</domain></outlet>\n"
      "</outlets>\n");
  const auto r =
      testing::RunParallax({"report", "--blind", "--outlets", dir.path() + "/outlets.xml", "-o",
                            dir.path() + "/out", story});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string md = testing::ReadFileOrFail(dir.path() + "/out/report.md");
  EXPECT_EQ(md.find("RT reported"), std::string::npos);
  EXPECT_EQ(md.find("AP confirmed"), std::string::npos);
  EXPECT_NE(md.find("on the map in the report"), std::string::npos);
}

}  // namespace
}  // namespace parallax
