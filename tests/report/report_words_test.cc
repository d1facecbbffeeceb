// The report in the workshop's language: the shared words (title, counts, vocabularies, quotation
// marks), and the Russian report of the shipped corpus — no word of the English catalogue left
// outside article text, outlet names and lexicon data; dates, notes and labels in Russian; CSV
// headers translated; JSON keys unchanged; the language chosen by flag, variable or locale.
#include "report/report_words.h"

#include <gtest/gtest.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "test_paths.h"

namespace parallax {
namespace {

namespace fs = std::filesystem;
using testing::ReadFileOrFail;
using testing::RunOptions;
using testing::RunParallax;
using testing::RunParallaxWith;
using testing::SourceDir;
using testing::TempDir;

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// ASCII words of three letters or more, lower case.
std::set<std::string> AsciiWords(const std::string& text) {
  std::set<std::string> words;
  static const std::regex word("[A-Za-z][A-Za-z0-9]{2,}");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), word); it != std::sregex_iterator();
       ++it) {
    words.insert(Lower(it->str()));
  }
  return words;
}

// ASCII words of the shipped corpus, outlets file and lexicons: data a report quotes.
std::set<std::string> DataWords() {
  std::string data = ReadFileOrFail(SourceDir() + "/corpus/outlets.xml");
  for (const auto& entry : fs::recursive_directory_iterator(SourceDir() + "/corpus/lachin-2023")) {
    if (entry.is_regular_file()) data += ReadFileOrFail(entry.path().string());
  }
  for (const auto& entry : fs::recursive_directory_iterator(SourceDir() + "/lexicons")) {
    if (entry.path().extension() == ".xml") data += ReadFileOrFail(entry.path().string());
  }
  return AsciiWords(data);
}

// Names that stay as they are in every language: formats, the tool, checksums, file names.
constexpr const char* kKeptNames[] = {"sha",      "sha256sum", "json", "csv",
                                      "parallax", "http",      "html", "txt"};

// Words that only the catalogue's English can bring into a report: the words of the template's
// msgids (placeholders left out) that occur nowhere in the data a report quotes.
std::set<std::string> CatalogueOnlyWords() {
  std::string msgids;
  std::istringstream pot(ReadFileOrFail(SourceDir() + "/po/parallax.pot"));
  for (std::string line; std::getline(pot, line);) {
    if (line.rfind("msgid", 0) == 0) {
      msgids += std::regex_replace(line, std::regex("\\{[a-z_0-9]+\\}"), " ") + "\n";
    }
  }
  std::set<std::string> words = AsciiWords(msgids);
  words.erase("msgid");
  for (const std::string& w : DataWords()) words.erase(w);
  for (const char* kept : kKeptNames) words.erase(kept);
  return words;
}

bool HasClass(xmlNodePtr n, const char* cls) {
  xmlChar* value = xmlGetProp(n, reinterpret_cast<const xmlChar*>("class"));
  if (value == nullptr) return false;
  const bool has = (" " + std::string(reinterpret_cast<char*>(value)) + " ")
                       .find(" " + std::string(cls) + " ") != std::string::npos;
  xmlFree(value);
  return has;
}

std::string Prop(xmlNodePtr n, const char* name) {
  xmlChar* value = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
  if (value == nullptr) return "";
  std::string out(reinterpret_cast<char*>(value));
  xmlFree(value);
  return out;
}

// The text a reader sees that the report itself wrote: text nodes and the title and aria-label
// attributes, leaving out the articles' own text (div.body) and quoted excerpts (links to a
// highlight, #m-…) and the stylesheet.
void ReportText(xmlNodePtr n, std::string* out) {
  for (; n != nullptr; n = n->next) {
    if (n->type == XML_TEXT_NODE) {
      *out += reinterpret_cast<const char*>(n->content);
      *out += "\n";
      continue;
    }
    if (n->type != XML_ELEMENT_NODE) continue;
    const std::string name = reinterpret_cast<const char*>(n->name);
    if (name == "style") continue;
    if (name == "div" && HasClass(n, "body")) continue;
    if (name == "a" && Prop(n, "href").rfind("#m-", 0) == 0) continue;
    *out += Prop(n, "title") + "\n" + Prop(n, "aria-label") + "\n";
    ReportText(n->children, out);
  }
}

// The catalogue words found in `text`, each with a little context.
std::vector<std::string> EnglishLeft(const std::string& text, const std::set<std::string>& words) {
  std::vector<std::string> found;
  static const std::regex word("[A-Za-z][A-Za-z0-9]{2,}");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), word); it != std::sregex_iterator();
       ++it) {
    if (!words.count(Lower(it->str()))) continue;
    const std::size_t at = static_cast<std::size_t>(it->position());
    found.push_back(it->str() + " in \"" + text.substr(at > 40 ? at - 40 : 0, 100) + "\"");
  }
  return found;
}

class RussianReportTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir;
    const auto r = RunParallax({"report", "--language", "ru", "-o", dir_->path()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }
  static std::string File(const std::string& name) {
    return ReadFileOrFail(dir_->path() + "/" + name);
  }
  static TempDir* dir_;
};
TempDir* RussianReportTest::dir_ = nullptr;

// What the report itself wrote in the HTML (ReportText of the parsed document).
std::string HtmlReportText(const std::string& html) {
  htmlDocPtr doc = htmlReadMemory(html.data(), static_cast<int>(html.size()), nullptr, "UTF-8",
                                  HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
  EXPECT_NE(doc, nullptr);
  std::string text;
  if (doc == nullptr) return text;
  ReportText(xmlDocGetRootElement(doc), &text);
  xmlFreeDoc(doc);
  return text;
}

TEST_F(RussianReportTest, NoEnglishOfTheCatalogueLeftInTheHtml) {
  const std::set<std::string> words = CatalogueOnlyWords();
  ASSERT_GT(words.size(), 100u) << "the template's words should be many";
  for (const char* w : {"provenance", "prompts", "omission", "highlights", "unattributed"}) {
    EXPECT_TRUE(words.count(w)) << w << " should be a catalogue-only word";
  }
  const std::string text = HtmlReportText(File("report.html"));
  ASSERT_GT(text.size(), 10000u);
  const std::vector<std::string> left = EnglishLeft(text, words);
  EXPECT_TRUE(left.empty()) << left.size()
                            << " English words of the catalogue left, the first: " << left.front();
}

// Stronger: an English string the code writes without the catalogue is caught too, since every
// ASCII word of the Russian report's own text must come from the data it quotes.
TEST_F(RussianReportTest, EveryAsciiWordOfTheHtmlComesFromTheData) {
  const std::set<std::string> data = DataWords();
  const std::set<std::string> kept(std::begin(kKeptNames), std::end(kKeptNames));
  static const std::regex hex("[0-9a-f]+");
  std::vector<std::string> foreign;
  for (const std::string& w : AsciiWords(HtmlReportText(File("report.html")))) {
    if (!data.count(w) && !kept.count(w) && !std::regex_match(w, hex)) foreign.push_back(w);
  }
  EXPECT_TRUE(foreign.empty()) << "words neither translated nor quoted from the data, the first: "
                               << foreign.front();
}

TEST_F(RussianReportTest, NoEnglishOfTheCatalogueLeftInTheMarkdown) {
  // Quoted excerpts and the articles' headlines are the articles' words: left out.
  std::string md = File("report.md");
  md = std::regex_replace(md, std::regex("«[^»\n]*»"), " ");
  const std::vector<std::string> left = EnglishLeft(md, CatalogueOnlyWords());
  EXPECT_TRUE(left.empty()) << left.size()
                            << " English words of the catalogue left, the first: " << left.front();
}

TEST_F(RussianReportTest, WordsDatesNotesAndLabelsInRussian) {
  const std::string html = File("report.html");
  EXPECT_NE(html.find("<html lang=\"ru\">"), std::string::npos);
  EXPECT_NE(html.find("Выбор названий"), std::string::npos);
  EXPECT_NE(html.find("12 декабря 2022 г."), std::string::npos);
  EXPECT_NE(html.find("май 2023 г."), std::string::npos);
  EXPECT_NE(html.find("Армянское название города"), std::string::npos) << "a Russian lexicon note";
  EXPECT_NE(html.find("азербайджанская сторона"), std::string::npos)
      << "a Russian perspective label";
  EXPECT_NE(html.find("Степанакерт / Ханкенди"), std::string::npos) << "a Russian concept label";
  EXPECT_NE(html.find("«"), std::string::npos);
  EXPECT_EQ(html.find("2022-12-12"), std::string::npos) << "ISO dates belong to JSON and CSV";
  const std::string md = File("report.md");
  EXPECT_NE(md.find("# Отчёт о подаче новостей: lachin-2023"), std::string::npos);
  EXPECT_NE(md.find("5 статей из 5 изданий"), std::string::npos);
}

TEST_F(RussianReportTest, CsvHeadersTranslatedValuesStayData) {
  const std::string articles = File("articles.csv");
  EXPECT_EQ(articles.rfind("\xEF\xBB\xBFстатья,издание,название_издания,дата", 0), 0u)
      << articles.substr(0, 80);
  EXPECT_NE(articles.find(",2022-12-12,"), std::string::npos) << "dates stay ISO in CSV";
  for (const auto& entry : fs::directory_iterator(dir_->path())) {
    if (entry.path().extension() != ".csv") continue;
    const std::string text = ReadFileOrFail(entry.path().string());
    const std::string header = text.substr(3, text.find("\r\n") - 3);
    for (const std::string& w : AsciiWords(header)) {
      EXPECT_TRUE(w == "sha256") << entry.path().filename() << ": English column name " << w;
    }
  }
}

// The keys of a JSON value, recursively, with their paths ("profiles[].naming[].form").
void Keys(const nlohmann::json& j, const std::string& path, std::set<std::string>* out) {
  if (j.is_object()) {
    for (const auto& [k, v] : j.items()) {
      out->insert(path + "." + k);
      Keys(v, path + "." + k, out);
    }
  } else if (j.is_array()) {
    for (const auto& v : j) Keys(v, path + "[]", out);
  }
}

TEST_F(RussianReportTest, JsonKeysStayEnglish) {
  TempDir en;
  ASSERT_EQ(RunParallax({"report", "-o", en.path(), "--format", "json"}).exit_code, 0);
  const auto ru_json = nlohmann::json::parse(File("report.json"));
  const auto en_json = nlohmann::json::parse(ReadFileOrFail(en.path() + "/report.json"));
  std::set<std::string> ru_keys, en_keys;
  Keys(ru_json, "", &ru_keys);
  Keys(en_json, "", &en_keys);
  EXPECT_EQ(ru_keys, en_keys);
  EXPECT_EQ(ru_json["language"], "ru");
  EXPECT_EQ(en_json["language"], "en");
  EXPECT_EQ(ru_json["articles"][4]["date"], "2022-12-12");
  EXPECT_EQ(ru_json["prompts"][0]["kind"], en_json["prompts"][0]["kind"]);
  EXPECT_NE(ru_json["prompts"][0]["text"], en_json["prompts"][0]["text"]);
}

TEST(ReportLanguageTest, VariableAndLocaleChooseTheLanguage) {
  for (const auto& [name, value] : std::vector<std::pair<std::string, std::string>>{
           {"PARALLAX_LANGUAGE", "ru"}, {"LANG", "ru_RU.UTF-8"}, {"LC_MESSAGES", "ru_RU"}}) {
    TempDir out;
    RunOptions options;
    options.environment = {{name, value}};
    const auto r = RunParallaxWith({"report", "-o", out.path(), "--format", "md"}, options);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(ReadFileOrFail(out.path() + "/report.md").find("Выбор названий"), std::string::npos)
        << name;
  }
  TempDir out;
  RunOptions options;
  options.environment = {{"PARALLAX_LANGUAGE", "ru"}, {"LANG", "de_DE.UTF-8"}};
  ASSERT_EQ(
      RunParallaxWith({"report", "-o", out.path(), "--format", "md", "--language", "en"}, options)
          .exit_code,
      0);
  EXPECT_NE(ReadFileOrFail(out.path() + "/report.md").find("Naming choices"), std::string::npos)
      << "--language wins over the variable";
  TempDir german;
  options.environment = {{"LANG", "de_DE.UTF-8"}};
  ASSERT_EQ(RunParallaxWith({"report", "-o", german.path(), "--format", "md"}, options).exit_code,
            0);
  EXPECT_NE(ReadFileOrFail(german.path() + "/report.md").find("Naming choices"), std::string::npos)
      << "a locale without a catalogue gives English";
}

TEST(ReportLanguageTest, UnknownLanguageIsUsageErrorListingTheAvailable) {
  TempDir out;
  const auto r = RunParallax({"report", "-o", out.path(), "--language", "de"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("'de'"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("az, en, hy, ka, ru"), std::string::npos) << r.err;
  RunOptions options;
  options.environment = {{"PARALLAX_LANGUAGE", "fr"}};
  const auto v = RunParallaxWith({"report", "-o", out.path()}, options);
  EXPECT_EQ(v.exit_code, 2);
  EXPECT_NE(v.err.find("PARALLAX_LANGUAGE"), std::string::npos) << v.err;
}

TEST(ReportLanguageTest, BlindRussianReportAndKey) {
  TempDir out;
  const std::string folder = out.path() + "/blind";
  const auto r = RunParallax({"report", "--blind", "--language", "ru", "-o", folder});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string html = ReadFileOrFail(folder + "/report.html");
  EXPECT_NE(html.find("Издание A"), std::string::npos);
  EXPECT_EQ(html.find("Outlet A"), std::string::npos);
  EXPECT_NE(html.find("Слепая версия"), std::string::npos);
  const std::string key = ReadFileOrFail(out.path() + "/blind-key.md");
  EXPECT_EQ(key.rfind("# Ключ к слепому отчёту: lachin-2023", 0), 0u) << key.substr(0, 80);
  EXPECT_NE(key.find("| буква | издание |"), std::string::npos);
}

TEST(ReportLanguageTest, TerminalSummaryInTheReportsLanguage) {
  TempDir out;
  const auto r = RunParallax({"report", "--language", "ru", "-o", out.path(), "--format", "md"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("lachin-2023: 5 статей из 5 изданий, 25 служебных строк удалено"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("1 файл записан в"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("отчёт: "), std::string::npos) << r.out;
}

TEST(ReportLanguageTest, HelpInTheReportsLanguage) {
  const auto ru = RunParallax({"report", "--help", "--language", "ru"});
  ASSERT_EQ(ru.exit_code, 0) << ru.err;
  EXPECT_EQ(ru.out.rfind("Запуск: parallax report", 0), 0u) << ru.out.substr(0, 80);
  EXPECT_NE(ru.out.find("Параметры:"), std::string::npos);
  EXPECT_NE(ru.out.find("показать эту справку и выйти"), std::string::npos);
  EXPECT_NE(ru.out.find("Примеры:"), std::string::npos);
  RunOptions options;
  options.environment = {{"LANG", "ru_RU.UTF-8"}};
  EXPECT_NE(RunParallaxWith({"report", "--help"}, options).out.find("Параметры:"),
            std::string::npos)
      << "the locale chooses the help's language too";
  const auto en = RunParallax({"report", "--help"});
  EXPECT_EQ(en.out.rfind("Usage: parallax report", 0), 0u);
  EXPECT_NE(en.out.find("show this help and exit"), std::string::npos);
  const auto unknown = RunParallax({"report", "--help", "--language", "xx"});
  EXPECT_EQ(unknown.exit_code, 0) << "help in English when the language is unknown";
  EXPECT_NE(unknown.out.find("Usage: parallax report"), std::string::npos);
}

TEST(ReportWordsTest, VocabulariesTranslateKnownValuesOnly) {
  const Messages ru = *Messages::ForLanguage("ru");
  const Messages en;
  EXPECT_EQ(GenreName(ru, "news"), "новость");
  EXPECT_EQ(GenreName(ru, "podcast"), "podcast");
  EXPECT_EQ(GenreName(en, "news"), "news");
  EXPECT_EQ(CategoryName(ru, "accusation"), "обвинение");
  EXPECT_EQ(CategoryName(ru, "invented-category"), "invented-category");
  EXPECT_EQ(RuleName(ru, "donation-appeal"), "призыв к пожертвованиям");
  EXPECT_EQ(RuleName(ru, "outlet:oc-media:naming-policy"), "outlet:oc-media:naming-policy");
  EXPECT_EQ(InQuotes(ru, "слово"), "«слово»");
  EXPECT_EQ(InQuotes(en, "word"), "\u201Cword\u201D");
  EXPECT_EQ(DateRange(ru, Date{2022, 12, 12}, Date{2023, 5, 0}),
            "с 12 декабря 2022 г. по май 2023 г.");
  EXPECT_EQ(DateRange(en, Date{2022, 12, 12}, Date{2022, 12, 12}), "2022-12-12");
  EXPECT_EQ(EndSentence("2023 г."), "2023 г.");
  EXPECT_EQ(EndSentence("five outlets"), "five outlets.");
  EXPECT_EQ(Utf8Length("слово"), 5u);
}

}  // namespace
}  // namespace parallax
