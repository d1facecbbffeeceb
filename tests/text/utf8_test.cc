#include "text/utf8.h"

#include <gtest/gtest.h>

#include <string>

namespace parallax {
namespace {

const std::string kFffd = "\xEF\xBF\xBD";

TEST(Utf8Test, DecodesEveryLength) {
  const std::string text = "a\xC3\xA9\xE2\x80\x99\xF0\x9F\x98\x80";  // a é ’ 😀
  DecodedChar d = DecodeUtf8Char(text, 0);
  EXPECT_EQ(d.code_point, U'a');
  EXPECT_EQ(d.length, 1);
  d = DecodeUtf8Char(text, 1);
  EXPECT_EQ(d.code_point, U'\u00E9');
  EXPECT_EQ(d.length, 2);
  d = DecodeUtf8Char(text, 3);
  EXPECT_EQ(d.code_point, U'\u2019');
  EXPECT_EQ(d.length, 3);
  d = DecodeUtf8Char(text, 6);
  EXPECT_EQ(d.code_point, U'\U0001F600');
  EXPECT_EQ(d.length, 4);
  EXPECT_TRUE(d.valid);
  EXPECT_EQ(DecodeUtf8Char(text, 10).length, 0);
}

TEST(Utf8Test, CaselessLetters) {
  EXPECT_TRUE(IsCaselessLetter(U'\u10D0'));  // Georgian ა (Unicode: lower case)
  EXPECT_TRUE(IsCaselessLetter(U'\u10FA'));
  EXPECT_FALSE(IsCaselessLetter(U'\u10FB'));  // Georgian paragraph separator
  EXPECT_FALSE(IsCaselessLetter(U'\u1C90'));  // Mtavruli Ა: a capital
  EXPECT_TRUE(IsCaselessLetter(U'\u0642'));   // Arabic ق
  EXPECT_TRUE(IsCaselessLetter(U'\u05D0'));   // Hebrew א
  EXPECT_FALSE(IsCaselessLetter(U'a'));
  EXPECT_FALSE(IsCaselessLetter(U'\u0434'));  // Cyrillic д
  EXPECT_FALSE(IsCaselessLetter(U'\u0561'));  // Armenian ա
  EXPECT_FALSE(IsCaselessLetter(U'7'));
}

TEST(Utf8Test, AppendRoundTrips) {
  std::string out;
  for (char32_t c : {U'a', U'\u0259', U'\u10D0', U'\U0001F600'}) AppendUtf8(c, &out);
  EXPECT_EQ(out, "a\xC9\x99\xE1\x83\x90\xF0\x9F\x98\x80");
  out.clear();
  AppendUtf8(0xD800, &out);
  EXPECT_EQ(out, kFffd);
}

struct InvalidCase {
  const char* name;
  std::string bytes;
  std::string expected;
  std::string message_part;
};

TEST(Utf8Test, EachInvalidClassBecomesReplacementWithWarning) {
  const InvalidCase cases[] = {
      {"overlong 2-byte", "a\xC0\xAFz", "a" + kFffd + kFffd + "z", "overlong"},
      {"overlong 3-byte", "a\xE0\x80\xAFz", "a" + kFffd + kFffd + kFffd + "z", "overlong"},
      {"surrogate", "a\xED\xA0\x80z", "a" + kFffd + kFffd + kFffd + "z", "surrogate"},
      {"truncated", "a\xE2\x80z", "a" + kFffd + "z", "truncated"},
      {"truncated at end", "a\xF0\x9F\x98", "a" + kFffd, "truncated"},
      {"stray continuation", "a\x80z", "a" + kFffd + "z", "stray continuation"},
      {"beyond U+10FFFF", "a\xF4\x90\x80\x80z", "a" + kFffd + kFffd + kFffd + kFffd + "z",
       "beyond U+10FFFF"},
      {"F5 lead", "a\xF5z", "a" + kFffd + "z", "beyond U+10FFFF"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_FALSE(IsValidUtf8(c.bytes));
    Diagnostics diags;
    const std::string out = ToValidUtf8(c.bytes, "in.txt", &diags);
    EXPECT_EQ(out, c.expected);
    EXPECT_TRUE(IsValidUtf8(out));
    ASSERT_FALSE(diags.empty());
    EXPECT_EQ(diags[0].severity, Severity::kWarning);
    EXPECT_EQ(diags[0].path, "in.txt");
    EXPECT_EQ(diags[0].line, 1);
    EXPECT_EQ(diags[0].column, 2);
    EXPECT_NE(diags[0].message.find(c.message_part), std::string::npos) << diags[0].message;
  }
}

TEST(Utf8Test, WarningNamesLineAndColumnInCharacters) {
  Diagnostics diags;
  const std::string out = ToValidUtf8("first line\nÉé\xFFx\n", "a.txt", &diags);
  EXPECT_EQ(out, "first line\nÉé" + kFffd + "x\n");
  ASSERT_EQ(diags.size(), 1u);
  EXPECT_EQ(diags[0].line, 2);
  EXPECT_EQ(diags[0].column, 3);
  EXPECT_EQ(diags[0].ToString().rfind("a.txt:2:3: warning:", 0), 0u) << diags[0].ToString();
}

TEST(Utf8Test, ValidTextIsUntouchedAndSilent) {
  const std::string text = "Ağdam, Xankəndi, Ստեփանակերտ, სტეფანაკერტი, Степанакерт";
  Diagnostics diags;
  EXPECT_TRUE(IsValidUtf8(text));
  EXPECT_EQ(ToValidUtf8(text, "x", &diags), text);
  EXPECT_TRUE(diags.empty());
}

TEST(Utf8Test, FloodOfErrorsIsCapped) {
  Diagnostics diags;
  const std::string out = ToValidUtf8(std::string(1000, '\x80'), "bin", &diags);
  EXPECT_EQ(out.size(), 3000u);
  ASSERT_EQ(diags.size(), static_cast<size_t>(kMaxUtf8Warnings) + 1);
  EXPECT_NE(diags.back().message.find("980 more"), std::string::npos);
}

TEST(Utf8Test, NullDiagnosticsIsAllowed) { EXPECT_EQ(ToValidUtf8("\xC1", "", nullptr), kFffd); }

TEST(Utf8Test, StripsUtf8Bom) {
  EXPECT_EQ(StripUtf8Bom("\xEF\xBB\xBFhello"), "hello");
  EXPECT_EQ(StripUtf8Bom("hello"), "hello");
  EXPECT_EQ(DetectEncoding("\xEF\xBB\xBFx"), TextEncoding::kUtf8Bom);
  EXPECT_EQ(DecodeTextFile("\xEF\xBB\xBFhi", "f", nullptr), "hi");
}

TEST(Utf8Test, DecodesUtf16LittleAndBigEndian) {
  // "Aə😀\n" in UTF-16.
  const std::string le(
      "\xFF\xFE"
      "A\0"
      "\x59\x02"
      "\x3D\xD8\x00\xDE"
      "\n\0",
      12);
  const std::string be(
      "\xFE\xFF"
      "\0A"
      "\x02\x59"
      "\xD8\x3D\xDE\x00"
      "\0\n",
      12);
  EXPECT_EQ(DetectEncoding(le), TextEncoding::kUtf16Le);
  EXPECT_EQ(DetectEncoding(be), TextEncoding::kUtf16Be);
  Diagnostics diags;
  EXPECT_EQ(DecodeTextFile(le, "le.txt", &diags), "A\xC9\x99\xF0\x9F\x98\x80\n");
  EXPECT_EQ(DecodeTextFile(be, "be.txt", &diags), "A\xC9\x99\xF0\x9F\x98\x80\n");
  EXPECT_TRUE(diags.empty());
}

TEST(Utf8Test, Utf16UnpairedSurrogateAndOddByte) {
  const std::string le(
      "\xFF\xFE"
      "a\0"
      "\x00\xD8"
      "b\0"
      "c",
      9);
  Diagnostics diags;
  EXPECT_EQ(DecodeTextFile(le, "u16.txt", &diags), "a" + kFffd + "b" + kFffd);
  ASSERT_EQ(diags.size(), 2u);
  EXPECT_EQ(diags[0].column, 2);
  EXPECT_NE(diags[0].message.find("surrogate"), std::string::npos);
  EXPECT_NE(diags[1].message.find("odd number"), std::string::npos);
}

TEST(Utf8Test, SimpleLowercaseKeepsOneCharacterPerCharacter) {
  EXPECT_EQ(SimpleLowercase("Lachin CORRIDOR 12"), "lachin corridor 12");
  EXPECT_EQ(SimpleLowercase("Лачинский КОРИДОР"), "лачинский коридор");
  EXPECT_EQ(SimpleLowercase("ՍՏԵՓԱՆԱԿԵՐՏ"), "ստեփանակերտ");
  EXPECT_EQ(SimpleLowercase("Azerbaijan’s"), "azerbaijan’s");  // quotes are not folded here
  EXPECT_EQ(SimpleLowercase("A\xFF"
                            "B"),
            "a\uFFFD"
            "b");  // each bad byte is U+FFFD
  EXPECT_EQ(SimpleLowercase(""), "");
}

TEST(Utf8Test, NulBecomesReplacementWithWarning) {
  Diagnostics diags;
  EXPECT_EQ(ToValidUtf8(std::string("a\0b\n\0", 5), "nul.txt", &diags),
            "a" + kFffd + "b\n" + kFffd);
  ASSERT_EQ(diags.size(), 2u);
  EXPECT_EQ(diags[0].column, 2);
  EXPECT_EQ(diags[1].line, 2);
  EXPECT_NE(diags[0].message.find("NUL"), std::string::npos);
  const std::string le(
      "\xFF\xFE"
      "a\0"
      "\0\0",
      6);
  EXPECT_EQ(DecodeTextFile(le, "u16.txt", &diags), "a" + kFffd);
}

}  // namespace
}  // namespace parallax
