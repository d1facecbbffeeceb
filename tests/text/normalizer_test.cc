#include "text/normalizer.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "text/utf8.h"

namespace parallax {
namespace {

std::string Match(std::string_view s) { return Normalize(s, NormalizationForm::kMatch).text; }
std::string Display(std::string_view s) { return Normalize(s, NormalizationForm::kDisplay).text; }

// Checks the structural promises of the map on any input: size, monotonicity, both directions
// on every original character boundary that produced output.
void ExpectMapConsistent(std::string_view input, const NormalizedText& n) {
  ASSERT_EQ(n.norm_to_orig.size(), n.text.size() + 1);
  EXPECT_EQ(n.norm_to_orig.back(), input.size());
  for (size_t i = 1; i < n.norm_to_orig.size(); ++i) {
    ASSERT_LE(n.norm_to_orig[i - 1], n.norm_to_orig[i]) << "at " << i;
  }
  for (size_t i = 0; i < n.text.size(); ++i) {
    const size_t o = n.ToOriginal(i);
    // Every mapped offset is a character boundary of the original.
    EXPECT_NE(static_cast<unsigned char>(input[o]) & 0xC0, 0x80u) << "at " << i;
    // And maps back to the first byte it produced.
    const size_t back = n.ToNormalized(o);
    EXPECT_LE(back, i);
    EXPECT_EQ(n.ToOriginal(back), o);
  }
}

// Finds `needle` in the normalised text and returns the original span it came from.
std::string OriginalOf(std::string_view input, const NormalizedText& n, std::string_view needle) {
  const size_t at = n.text.find(needle);
  if (at == std::string::npos) return "<not found>";
  auto [b, e] = n.OriginalSpan(at, at + needle.size());
  return std::string(input.substr(b, e - b));
}

TEST(NormalizerTest, AsciiMatchFormLowercases) {
  const std::string in = "Nagorno-Karabakh, LACHIN corridor.";
  NormalizedText n = Normalize(in, NormalizationForm::kMatch);
  EXPECT_EQ(n.text, "nagorno-karabakh, lachin corridor.");
  ExpectMapConsistent(in, n);
  for (size_t i = 0; i <= in.size(); ++i) EXPECT_EQ(n.ToOriginal(i), i);
  EXPECT_EQ(Display(in), in);
}

TEST(NormalizerTest, LatinCombiningMarksComposeAndMapBack) {
  const std::string in = "Cafe\xCC\x81 CAF\xC3\x89";  // "Café" decomposed, "CAFÉ" precomposed
  NormalizedText n = Normalize(in, NormalizationForm::kMatch);
  EXPECT_EQ(n.text, "caf\xC3\xA9 caf\xC3\xA9");
  ExpectMapConsistent(in, n);
  // "é" (normalised bytes 3..5) comes from "e" + U+0301 at original bytes 3..6.
  EXPECT_EQ(n.ToOriginal(3), 3u);
  EXPECT_EQ(n.ToOriginal(4), 3u);
  EXPECT_EQ(n.ToOriginal(5), 6u);  // the space
  EXPECT_EQ(n.ToNormalized(3), 3u);
  EXPECT_EQ(n.ToNormalized(6), 5u);
  EXPECT_EQ(OriginalOf(in, n, "caf\xC3\xA9 "), "Cafe\xCC\x81 ");
  EXPECT_EQ(OriginalOf(in, n, " caf\xC3\xA9"), " CAF\xC3\x89");
  EXPECT_EQ(Display("Cafe\xCC\x81"), "Caf\xC3\xA9");
}

TEST(NormalizerTest, CyrillicCaseFoldsWithMap) {
  const std::string in = "Лачинский КОРИДОР";
  NormalizedText n = Normalize(in, NormalizationForm::kMatch);
  EXPECT_EQ(n.text, "лачинский коридор");
  ExpectMapConsistent(in, n);
  EXPECT_EQ(OriginalOf(in, n, "коридор"), "КОРИДОР");
  EXPECT_EQ(n.ToNormalized(in.find("КОР")), n.text.find("кор"));
}

TEST(NormalizerTest, ArmenianCaseFoldsWithMap) {
  // "Ստեփանակերտ" capital Ս folds to ս; "ԱՐՑԱԽ" folds to "արցախ".
  const std::string in = "Ստեփանակերտ ԱՐՑԱԽ";
  NormalizedText n = Normalize(in, NormalizationForm::kMatch);
  EXPECT_EQ(n.text, "ստեփանակերտ արցախ");
  ExpectMapConsistent(in, n);
  EXPECT_EQ(OriginalOf(in, n, "արցախ"), "ԱՐՑԱԽ");
  // Armenian ligature և (U+0587) is a compatibility character: NFKC gives "եւ".
  EXPECT_EQ(Match("և"), "եւ");
}

TEST(NormalizerTest, ArmenianIntonationMarksInsideWordsFoldAway) {
  // ՛ ՜ ՞ are written over a vowel inside the word they stress, exclaim or question.
  const std::string in = "Արցա՞խը Ստեփանակե՜րտ մե՛րն";
  NormalizedText n = Normalize(in, NormalizationForm::kMatch);
  EXPECT_EQ(n.text, "արցախը ստեփանակերտ մերն");
  ExpectMapConsistent(in, n);
  EXPECT_EQ(OriginalOf(in, n, "ստեփանակերտ"), "Ստեփանակե՜րտ");
  EXPECT_EQ(NormalizeReference(in, NormalizationForm::kMatch), n.text);
  EXPECT_EQ(Display(in), in);
}

TEST(NormalizerTest, GeorgianMapsBothWays) {
  // Mkhedruli has no case (Mtavruli capitals fold to it).
  const std::string in =
      "სტეფანაკერტი ᲡᲢᲔᲤᲐᲜᲐᲙᲔᲠᲢᲘ";
  NormalizedText n = Normalize(in, NormalizationForm::kMatch);
  EXPECT_EQ(n.text, "სტეფანაკერტი სტეფანაკერტი");
  ExpectMapConsistent(in, n);
  EXPECT_EQ(OriginalOf(in, n, " სტეფანაკერტი"), " ᲡᲢᲔᲤᲐᲜᲐᲙᲔᲠᲢᲘ");
}

TEST(NormalizerTest, AzerbaijaniLetters) {
  const std::string in = "İlham Əliyev, ŞUŞA, Dağlıq Qarabağ, XANKƏNDİ";
  NormalizedText n = Normalize(in, NormalizationForm::kMatch);
  EXPECT_EQ(n.text, "ilham əliyev, şuşa, dağlıq qarabağ, xankəndi");
  ExpectMapConsistent(in, n);
  EXPECT_EQ(OriginalOf(in, n, "ilham"), "İlham");
  EXPECT_EQ(OriginalOf(in, n, "xankəndi"), "XANKƏNDİ");
  EXPECT_EQ(OriginalOf(in, n, "dağlıq"), "Dağlıq");
  // Dotless ı stays a different letter from i.
  EXPECT_NE(Match("Bakı"), Match("Baki"));
  EXPECT_EQ(Display(in), in);
}

TEST(NormalizerTest, RussianYoFoldsToYeForMatchingOnly) {
  // Russian prints ё or е for one letter; decomposed е + U+0308 is the same letter too.
  const std::string in = "Освобождённые ЁЛКИ, самопровозглаше\xCC\x88нной";
  NormalizedText n = Normalize(in, NormalizationForm::kMatch);
  EXPECT_EQ(n.text, "освобожденные елки, самопровозглашенной");
  ExpectMapConsistent(in, n);
  EXPECT_EQ(OriginalOf(in, n, "освобожденные"), "Освобождённые");
  EXPECT_EQ(OriginalOf(in, n, "елки"), "ЁЛКИ");
  EXPECT_EQ(Match("договорённость"), Match("договоренность"));
  EXPECT_EQ(NormalizeReference(in, NormalizationForm::kMatch), n.text);
  // Display form keeps ё.
  EXPECT_EQ(Display("Освобождённые"), "Освобождённые");
}

TEST(NormalizerTest, LigaturesExpandAndMapToTheLigature) {
  const std::string in =
      "the \xEF\xAC\x81nal o\xEF\xAC\x83"
      "ce";  // "the ﬁnal oﬃce"
  NormalizedText n = Normalize(in, NormalizationForm::kMatch);
  EXPECT_EQ(n.text, "the final office");
  ExpectMapConsistent(in, n);
  // Both bytes "f", "i" map to the ligature's first byte (4).
  EXPECT_EQ(n.ToOriginal(4), 4u);
  EXPECT_EQ(n.ToOriginal(5), 4u);
  EXPECT_EQ(n.ToOriginal(6), 7u);  // "n" follows the 3-byte ligature
  EXPECT_EQ(n.ToNormalized(7), 6u);
  // A span ending inside the expansion widens to the whole ligature.
  auto [b, e] = n.OriginalSpan(4, 5);
  EXPECT_EQ(b, 4u);
  EXPECT_EQ(e, 7u);
  EXPECT_EQ(OriginalOf(in, n, "office"),
            "o\xEF\xAC\x83"
            "ce");
  // Display form keeps the ligature (NFC is not a compatibility form).
  EXPECT_EQ(Display(in), in);
}

TEST(NormalizerTest, QuotesDashesAndInvisiblesFoldForMatchingOnly) {
  const std::string in =
      "\xE2\x80\x9CNagorno\xE2\x80\x93Karabakh\xE2\x80\x9D \xC2\xABX\xC2\xBB \xE2\x80\x9E"
      "y\xE2\x80\x9A Azerbaijan\xE2\x80\x99s 5\xE2\x80\xB2 a\xE2\x80\x94"
      "b\xE2\x88\x92"
      "c\xE2\x80\x90"
      "d\xE2\x80\x91"
      "e\xE2\x80\x92"
      "f\xE2\x80\x95g "
      "Kara\xC2\xAD"
      "bakh Ar\xE2\x80\x8Bts\xE2\x80\x8C"
      "a\xE2\x80\x8Dk\xE2\x81\xA0h\xEF\xBB\xBF";
  NormalizedText n = Normalize(in, NormalizationForm::kMatch);
  EXPECT_EQ(n.text,
            "\"nagorno-karabakh\" \"x\" \"y' azerbaijan's 5' a-b-c-d-e-f-g karabakh artsakh");
  ExpectMapConsistent(in, n);
  EXPECT_EQ(OriginalOf(in, n, "karabakh\""), "Karabakh\xE2\x80\x9D");
  // The soft hyphen is gone but the word maps back over it.
  EXPECT_EQ(OriginalOf(in, n, "karabakh "),
            "Kara\xC2\xAD"
            "bakh ");
  // Display form leaves all of them alone.
  EXPECT_EQ(Display(in), in);
}

TEST(NormalizerTest, RemovedCharacterMapsToWhatFollows) {
  const std::string in =
      "a\xE2\x80\x8B"
      "b";
  NormalizedText n = Normalize(in, NormalizationForm::kMatch);
  EXPECT_EQ(n.text, "ab");
  EXPECT_EQ(n.ToNormalized(1), 1u);  // the zero-width space -> "b"
  EXPECT_EQ(n.ToOriginal(1), 4u);
}

TEST(NormalizerTest, InvalidUtf8BecomesReplacement) {
  EXPECT_EQ(Match("A\xFF"
                  "B"),
            "a\xEF\xBF\xBD"
            "b");
  NormalizedText n = Normalize(
      "A\xFF"
      "B",
      NormalizationForm::kMatch);
  ExpectMapConsistent(
      "A\xFF"
      "B",
      n);
}

TEST(NormalizerTest, FastPathEqualsReferenceOnScripts) {
  const std::vector<std::string> samples = {
      "Plain ASCII only, with CAPS and digits 12345.",
      "Cafe\xCC\x81 e\xCC\x81\xCC\xA3 \xE1\xBA\xB9\xCC\x81",  // marks in both orders
      "Лачинский коридор, Ё ё, Й й",
      "Ստեփանակերտ, Արցախ, և",
      "სტეფანაკერტი ᲡᲢᲔᲤᲐᲜᲐᲙᲔᲠᲢᲘ",
      "İlham Əliyev, ŞUŞA, Dağlıq Qarabağ, ı I i İ",
      "\xEF\xAC\x81 \xEF\xAC\x83 \xE2\x84\x96 \xE2\x91\xB4 \xC2\xBD \xEF\xBC\xA1 Stra\xC3\x9F"
      "e",
      "\xE2\x80\x9Cq\xE2\x80\x9D \xE2\x80\x98q\xE2\x80\x99 q\xE2\x80\x94q \xC2\xAD\xE2\x80\x8B",
      "\xE1\x84\x80\xE1\x85\xA1\xE1\x86\xA8 \xE3\x84\xB1\xE3\x85\x8F",  // Hangul jamo
      "a\xE2\x80\x8B\xCC\x81 \xCC\x81 start mark",
  };
  for (const auto& s : samples) {
    for (auto form : {NormalizationForm::kMatch, NormalizationForm::kDisplay}) {
      SCOPED_TRACE(s);
      NormalizedText n = Normalize(s, form);
      EXPECT_EQ(n.text, NormalizeReference(s, form));
      ExpectMapConsistent(s, n);
    }
  }
}

TEST(NormalizerTest, FastPathEqualsReferenceOnRandomMixtures) {
  const std::vector<std::string> pieces = {"a",
                                           "E",
                                           " ",
                                           "-",
                                           "'",
                                           "\xCC\x81",
                                           "\xCC\xA3",
                                           "\xCC\x88",
                                           "\xC3\xA9",
                                           "\xD0\x99",
                                           "\xD0\xB8",
                                           "\xCC\x86",
                                           "\xD4\xB1",
                                           "\xE1\x83\x90",
                                           "\xC4\xB0",
                                           "\xC6\x8F",
                                           "\xC4\xB1",
                                           "\xEF\xAC\x81",
                                           "\xE2\x80\x99",
                                           "\xE2\x80\x93",
                                           "\xC2\xAD",
                                           "\xE2\x80\x8B",
                                           "\xC3\x9F",
                                           "\xE1\x84\x80",
                                           "\xE1\x85\xA1",
                                           "\xE1\x86\xA8",
                                           "\xE0\xAD\x87",
                                           "\xE0\xAC\xBE",
                                           "\n",
                                           "\xFF"};
  std::mt19937 rng(42);
  std::uniform_int_distribution<size_t> pick(0, pieces.size() - 1);
  for (int round = 0; round < 2000; ++round) {
    std::string s;
    const int len = 1 + static_cast<int>(rng() % 12);
    for (int i = 0; i < len; ++i) s += pieces[pick(rng)];
    for (auto form : {NormalizationForm::kMatch, NormalizationForm::kDisplay}) {
      NormalizedText n = Normalize(s, form);
      ASSERT_EQ(n.text, NormalizeReference(s, form)) << "input bytes: " << s;
      ExpectMapConsistent(s, n);
    }
  }
}

std::string Utf8(char32_t c) {
  std::string out;
  AppendUtf8(c, &out);
  return out;
}

int CommonIndexOf(std::string_view utf8, size_t* length) {
  return internal::CommonCharIndex(reinterpret_cast<const unsigned char*>(utf8.data()), 0,
                                   utf8.size(), length);
}

// The table of common letters holds exactly what utf8proc makes of each letter alone.
TEST(NormalizerTest, SimpleFoldTableEqualsReference) {
  const internal::SimpleFold* table = internal::SimpleFoldTable();
  int simple = 0;
  for (int i = 0; i < internal::kCommonChars; ++i) {
    const char32_t c = internal::CommonCharAt(i);
    const std::string utf8 = Utf8(c);
    size_t length = 0;
    ASSERT_EQ(CommonIndexOf(utf8, &length), i);
    EXPECT_EQ(length, utf8.size());
    if (table[i].length == 0) continue;
    ++simple;
    EXPECT_EQ(std::string(table[i].bytes, table[i].length),
              NormalizeReference(utf8, NormalizationForm::kMatch))
        << "U+" << std::hex << static_cast<uint32_t>(c);
  }
  EXPECT_GT(simple, 1000);
  // Cyrillic, Armenian and Georgian letters are in; marks and pre-folded characters are not.
  auto in_table = [&](char32_t c) {
    size_t length = 0;
    const int i = CommonIndexOf(Utf8(c), &length);
    return i >= 0 && table[i].length != 0;
  };
  for (const char32_t c :
       {0x0416, 0x0436, 0x0401, 0x0451, 0x0531, 0x0587, 0x10D0, 0x1C90, 0x10A0}) {
    EXPECT_TRUE(in_table(c)) << "U+" << std::hex << static_cast<uint32_t>(c);
  }
  for (const char32_t c : {0x0301, 0x0308, 0x00AD, 0x00AB, 0x0130, 0x055B, 0x02BC}) {
    size_t length = 0;
    EXPECT_GE(CommonIndexOf(Utf8(c), &length), 0);
    EXPECT_FALSE(in_table(c)) << "U+" << std::hex << static_cast<uint32_t>(c);
  }
  // Malformed and other sequences are not common characters.
  for (const std::string& bad :
       {std::string("\xD0"), std::string("\xD0\x41"), std::string("\xE1\x83"),
        std::string("\xE1\x84\x80"), std::string("\xC1\xBF"), std::string("\xE2\x80\x93")}) {
    size_t length = 0;
    EXPECT_EQ(CommonIndexOf(bad, &length), -1);
  }
}

// The table path of MatchFolder gives the same text and map as utf8proc on every character, on
// random mixtures of letters (both cases), marks that compose with them, removed and pre-folded
// characters, ASCII and malformed bytes.
TEST(NormalizerTest, TablePathEqualsUtf8procPath) {
  const std::vector<std::string> pieces = {"a",
                                           "Z",
                                           " ",
                                           "-",
                                           "'",
                                           "1",
                                           "\n",
                                           "\xD0\x90",
                                           "\xD0\xB0",
                                           "\xD0\xAF",
                                           "\xD1\x8F",
                                           "\xD0\x81",
                                           "\xD1\x91",  // А а Я я Ё ё
                                           "\xD0\x95",
                                           "\xD0\xB5",
                                           "\xD0\x99",
                                           "\xD0\xB8",
                                           "\xD1\x96",
                                           "\xD2\x90",  // Е е Й и і Ґ
                                           "\xCC\x88",
                                           "\xCC\x86",
                                           "\xCC\x81",
                                           "\xCC\xA3",
                                           "\xD2\x83",  // marks
                                           "\xD4\xB1",
                                           "\xD5\xA1",
                                           "\xD6\x87",
                                           "\xD5\x9B",
                                           "\xD5\x9E",  // Ա ա և ՛ ՞
                                           "\xE1\x83\x90",
                                           "\xE1\xB2\x90",
                                           "\xE1\x82\xA0",
                                           "\xE1\x83\xBC",  // ა Ა Ⴀ ჼ
                                           "\xC3\x89",
                                           "\xC3\x9F",
                                           "\xC4\xB0",
                                           "\xC4\xB1",
                                           "\xC6\x8F",
                                           "\xC7\x85",
                                           "\xC2\xAD",
                                           "\xC2\xAB",
                                           "\xCA\xBC",
                                           "\xE2\x80\x8B",
                                           "\xE2\x80\x93",
                                           "\xEF\xAC\x81",
                                           "\xE1\x84\x80",
                                           "\xE1\x85\xA1",
                                           "\xD0",
                                           "\xE1\x83",
                                           "\xFF",
                                           "\x80"};
  std::mt19937 rng(7);
  std::uniform_int_distribution<size_t> pick(0, pieces.size() - 1);
  internal::MatchFolder tables;
  internal::MatchFolder plain(false);
  for (int round = 0; round < 20000; ++round) {
    std::string s;
    const int len = 1 + static_cast<int>(rng() % 16);
    for (int i = 0; i < len; ++i) s += pieces[pick(rng)];
    for (auto form : {NormalizationForm::kMatch, NormalizationForm::kDisplay}) {
      std::string got = "x";
      std::string want = "x";
      std::vector<size_t> got_map{0};
      std::vector<size_t> want_map{0};
      tables.Append(s, form, 5, &got, &got_map);
      plain.Append(s, form, 5, &want, &want_map);
      ASSERT_EQ(got, want) << "input bytes: " << s;
      ASSERT_EQ(got_map, want_map) << "input bytes: " << s;
      std::string folded;
      tables.AppendMatchForm(s, &folded);
      if (form == NormalizationForm::kMatch) {
        ASSERT_EQ("x" + folded, want);
      }
    }
  }
  // Long runs of letters cross the table path's buffer.
  std::string word;
  for (int i = 0; i < 200; ++i) word += pieces[7 + i % 6];
  std::string got;
  std::string want;
  tables.AppendMatchForm(word, &got);
  plain.AppendMatchForm(word, &want);
  EXPECT_EQ(got, want);
  EXPECT_EQ(got, NormalizeReference(word, NormalizationForm::kMatch));
}

TEST(NormalizerTest, EmptyInput) {
  NormalizedText n = Normalize("", NormalizationForm::kMatch);
  EXPECT_EQ(n.text, "");
  ASSERT_EQ(n.norm_to_orig.size(), 1u);
  EXPECT_EQ(n.norm_to_orig[0], 0u);
  EXPECT_EQ(n.ToNormalized(0), 0u);
}

TEST(NormalizerTest, MatchFolderAppendsWithoutMap) {
  internal::MatchFolder folder;
  std::string out = "x:";
  folder.AppendMatchForm("Ə\xE2\x80\x99S", &out);
  EXPECT_EQ(out, "x:ə's");
}

}  // namespace
}  // namespace parallax
