// The catalogue reader: placeholders, plural expressions, the shipped catalogues (English as the
// msgids, Russian complete with three plural forms, Georgian, Armenian and Azerbaijani falling
// back to English), dates and numbers per language, and how a report's language is chosen.
#include "i18n/messages.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

namespace parallax {
namespace {

const Messages& Russian() {
  static const Messages m = *Messages::ForLanguage("ru");
  return m;
}

TEST(FillTest, ReplacesNamedPlaceholdersInAnyOrder) {
  EXPECT_EQ(Fill("{b} then {a}", {{"a", "1"}, {"b", "2"}}), "2 then 1");
  EXPECT_EQ(Fill("{a}{a}", {{"a", "x"}}), "xx");
  EXPECT_EQ(Fill("{unknown} stays", {{"a", "x"}}), "{unknown} stays");
  EXPECT_EQ(Fill("no braces", {}), "no braces");
  EXPECT_EQ(Fill("open { only", {{"a", "x"}}), "open { only");
  EXPECT_EQ(Fill("{a}", {{"a", "{b}"}, {"b", "no"}}), "{b}") << "values are not re-read";
}

TEST(PluralTest, EvaluatesGettextExpressions) {
  const char* russian =
      "(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2)";
  const std::vector<std::pair<unsigned long, unsigned long>> cases = {
      {0, 2},  {1, 0},  {2, 1},  {4, 1},  {5, 2},   {11, 2},  {12, 2},
      {14, 2}, {21, 0}, {22, 1}, {25, 2}, {101, 0}, {111, 2}, {1000, 2}};
  for (const auto& [n, form] : cases) {
    EXPECT_EQ(internal::EvaluatePlural(russian, n), form) << n;
  }
  EXPECT_EQ(internal::EvaluatePlural("n != 1", 1), 0u);
  EXPECT_EQ(internal::EvaluatePlural("n != 1", 0), 1u);
  EXPECT_EQ(internal::EvaluatePlural("(n > 1)", 0), 0u);
  EXPECT_EQ(internal::EvaluatePlural("0", 7), 0u);
  EXPECT_EQ(internal::EvaluatePlural("!(n <= 1)", 2), 1u);
  EXPECT_FALSE(internal::EvaluatePlural("n %", 1));
  EXPECT_FALSE(internal::EvaluatePlural("n % 0", 1));
  EXPECT_FALSE(internal::EvaluatePlural("n ? 1", 1));
  EXPECT_FALSE(internal::EvaluatePlural("m", 1));
}

TEST(MessagesTest, EnglishIsTheMsgids) {
  const Messages en;
  EXPECT_EQ(en.language(), "en");
  EXPECT_EQ(en.Tr("Naming choices"), "Naming choices");
  EXPECT_EQ(en.TrN("{n} article", "{n} articles", 1), "{n} article");
  EXPECT_EQ(en.TrN("{n} article", "{n} articles", 2), "{n} articles");
  EXPECT_EQ(en.FormatDate(Date{2022, 12, 12}), "2022-12-12");
  EXPECT_EQ(en.FormatDate(Date{2023, 5, 0}), "2023-05");
  EXPECT_EQ(en.FormatInt(1234), "1234");
  EXPECT_EQ(en.FormatInt(12345), "12,345");
  EXPECT_EQ(en.FormatInt(-1234567), "-1,234,567");
  EXPECT_EQ(en.FormatDecimal(3.25, 1), "3.2");
  const std::optional<Messages> shipped = Messages::ForLanguage("en");
  ASSERT_TRUE(shipped);
  EXPECT_EQ(shipped->Tr("Naming choices"), "Naming choices");
  EXPECT_EQ(shipped->FormatDate(Date{2022, 12, 12}), "2022-12-12");
}

TEST(MessagesTest, RussianHasThreePluralForms) {
  const Messages& ru = Russian();
  EXPECT_EQ(ru.language(), "ru");
  EXPECT_EQ(ru.Tr("Naming choices"), "Выбор названий");
  EXPECT_EQ(ru.TrN("{n} article", "{n} articles", 1), "{n} статья");
  EXPECT_EQ(ru.TrN("{n} article", "{n} articles", 3), "{n} статьи");
  EXPECT_EQ(ru.TrN("{n} article", "{n} articles", 5), "{n} статей");
  EXPECT_EQ(ru.TrN("{n} article", "{n} articles", 21), "{n} статья");
  EXPECT_EQ(ru.TrN("{n} article", "{n} articles", 11), "{n} статей");
  EXPECT_EQ(ru.TrC("csv column", "outlet"), "издание");
  EXPECT_EQ(ru.TrC("markdown column", "outlet"), "издание");
  EXPECT_EQ(ru.Tr("not in the catalogue"), "not in the catalogue");
}

TEST(MessagesTest, RussianDatesAndNumbers) {
  const Messages& ru = Russian();
  EXPECT_EQ(ru.FormatDate(Date{2022, 12, 12}), "12 декабря 2022 г.");
  EXPECT_EQ(ru.FormatDate(Date{2023, 4, 24}), "24 апреля 2023 г.");
  EXPECT_EQ(ru.FormatDate(Date{2023, 5, 0}), "май 2023 г.");
  EXPECT_EQ(ru.FormatDate(Date{2023, 3, 1}), "1 марта 2023 г.");
  EXPECT_EQ(ru.FormatInt(1063), "1063");
  EXPECT_EQ(ru.FormatInt(12345), "12\u00A0345");
  EXPECT_EQ(ru.FormatInt(1234567), "1\u00A0234\u00A0567");
  EXPECT_EQ(ru.FormatDecimal(3.25, 1), "3,2");
  EXPECT_EQ(ru.FormatDecimal(12.0, 1), "12,0");
}

TEST(MessagesTest, CataloguesInProgressFallBackToEnglish) {
  for (const char* lang : {"ka", "hy", "az"}) {
    const std::optional<Messages> m = Messages::ForLanguage(lang);
    ASSERT_TRUE(m) << lang;
    EXPECT_EQ(m->language(), lang);
    EXPECT_EQ(m->Tr("Naming choices"), "Naming choices") << lang;
    EXPECT_EQ(m->TrN("{n} article", "{n} articles", 1), "{n} article") << lang;
    EXPECT_EQ(m->TrN("{n} article", "{n} articles", 7), "{n} articles") << lang;
    EXPECT_EQ(m->FormatDate(Date{2022, 12, 12}), "2022-12-12") << lang;
  }
  EXPECT_EQ(Messages::ForLanguage("hy")->PluralIndex(0), 0u) << "Armenian: 0 and 1 are 'one'";
  EXPECT_EQ(Messages::ForLanguage("hy")->PluralIndex(2), 1u);
  EXPECT_EQ(Messages::ForLanguage("ka")->PluralIndex(0), 1u);
}

TEST(MessagesTest, AvailableLanguagesAndTags) {
  EXPECT_EQ(Messages::AvailableLanguages(),
            (std::vector<std::string>{"az", "en", "hy", "ka", "ru"}));
  EXPECT_EQ(Messages::LanguageOf("ru_RU.UTF-8"), "ru");
  EXPECT_EQ(Messages::LanguageOf("RU-ru"), "ru");
  EXPECT_EQ(Messages::LanguageOf("hy_AM@latin"), "hy");
  EXPECT_EQ(Messages::LanguageOf("C"), "");
  EXPECT_EQ(Messages::LanguageOf("POSIX"), "");
  EXPECT_EQ(Messages::LanguageOf("C.UTF-8"), "");
  EXPECT_TRUE(Messages::ForLanguage("ru_RU.UTF-8"));
  EXPECT_FALSE(Messages::ForLanguage("de"));
  EXPECT_FALSE(Messages::ForLanguage(""));
}

TEST(MessagesTest, FromMoRejectsWhatIsNotACatalogue) {
  std::string error;
  EXPECT_FALSE(Messages::FromMo("", &error));
  EXPECT_NE(error.find("too short"), std::string::npos);
  EXPECT_FALSE(Messages::FromMo(std::string(40, 'x'), &error));
  EXPECT_NE(error.find("magic"), std::string::npos);
  // A header claiming one string whose table points past the end of the data.
  std::string mo(28, '\0');
  const std::uint32_t words[] = {0x950412de, 0, 1, 28, 36, 0, 0};
  for (int i = 0; i < 7; ++i) {
    for (int b = 0; b < 4; ++b) mo[4 * i + b] = static_cast<char>((words[i] >> (8 * b)) & 0xFF);
  }
  EXPECT_FALSE(Messages::FromMo(mo, &error));
  EXPECT_NE(error.find("outside"), std::string::npos) << error;
}

TEST(ChooseMessagesTest, FlagThenVariableThenLocale) {
  std::string error;
  EXPECT_EQ(ChooseMessages({"ru", "en", "", "", "en_US.UTF-8"}, &error)->language(), "ru");
  EXPECT_EQ(ChooseMessages({"", "ru", "", "", "en_US.UTF-8"}, &error)->language(), "ru");
  EXPECT_EQ(ChooseMessages({"", "", "", "", "ru_RU.UTF-8"}, &error)->language(), "ru");
  EXPECT_EQ(ChooseMessages({"", "", "en_GB.UTF-8", "", "ru_RU.UTF-8"}, &error)->language(), "en");
  EXPECT_EQ(ChooseMessages({"", "", "", "ru_RU.UTF-8", "en_US"}, &error)->language(), "ru");
  EXPECT_EQ(ChooseMessages({"", "", "", "", ""}, &error)->language(), "en");
  EXPECT_EQ(ChooseMessages({"", "", "", "", "C.UTF-8"}, &error)->language(), "en");
  EXPECT_EQ(ChooseMessages({"", "", "", "", "de_DE.UTF-8"}, &error)->language(), "en")
      << "a locale without a catalogue gives English, not an error";
}

TEST(ChooseMessagesTest, UnknownLanguageNamesTheAvailableOnes) {
  std::string error;
  EXPECT_FALSE(ChooseMessages({"de", "", "", "", ""}, &error));
  EXPECT_NE(error.find("'de'"), std::string::npos) << error;
  EXPECT_NE(error.find("--language"), std::string::npos) << error;
  EXPECT_NE(error.find("az, en, hy, ka, ru"), std::string::npos) << error;
  EXPECT_FALSE(ChooseMessages({"", "xx", "", "", "ru_RU"}, &error));
  EXPECT_NE(error.find("PARALLAX_LANGUAGE"), std::string::npos) << error;
}

}  // namespace
}  // namespace parallax
