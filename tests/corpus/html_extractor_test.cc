#include "corpus/html_extractor.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <string>
#include <thread>
#include <vector>

#include "core/diagnostic.h"
#include "test_paths.h"
#include "text/utf8.h"

namespace parallax {
namespace {

using ::parallax::testing::ReadFileOrFail;
using ::parallax::testing::TestDataDir;

std::string Page(const std::string& name) {
  return ReadFileOrFail(TestDataDir() + "/html/" + name);
}

ExtractedPage Extract(const std::string& html, bool fragment = false) {
  HtmlExtractOptions options;
  options.source_name = "test.html";
  options.fragment = fragment;
  return ExtractHtml(html, options);
}

std::string Joined(const ExtractedPage& page) {
  std::string out;
  for (const std::string& p : page.paragraphs) out += p + "\n";
  return out;
}

bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

std::string GzipString(const std::string& data) {
  z_stream zs{};
  EXPECT_EQ(deflateInit2(&zs, 9, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY), Z_OK);
  std::string out(deflateBound(&zs, data.size()) + 64, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(deflate(&zs, Z_FINISH), Z_STREAM_END);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

TEST(HtmlExtractorTest, MainTextBeatsNavigationSidebarCommentsAndRelatedLists) {
  const ExtractedPage page = Extract(Page("article_with_chrome.html"));
  const std::string text = Joined(page);
  EXPECT_TRUE(Contains(text, "Negotiators from both sides met again in Geneva")) << text;
  EXPECT_TRUE(Contains(text, "Observers from the regional security organisation")) << text;
  for (const char* chrome :
       {"Most read", "Celebrity chef", "Reader one", "Reader two", "Earlier talks collapsed",
        "Share on Facebook", "Copyright 2023", "Sport", "do not extract this script", "style text",
        "Photo: Example Agency"}) {
    EXPECT_FALSE(Contains(text, chrome)) << "leaked: " << chrome << "\n" << text;
  }
}

TEST(HtmlExtractorTest, KeepsParagraphStructureInDocumentOrder) {
  const ExtractedPage page = Extract(Page("article_with_chrome.html"));
  ASSERT_EQ(page.paragraphs.size(), 6u) << Joined(page);
  EXPECT_EQ(page.paragraphs[0].rfind("Negotiators", 0), 0u);
  EXPECT_EQ(page.paragraphs[1].rfind("The meeting", 0), 0u);
  EXPECT_EQ(page.paragraphs[2], "A fragile agenda");
  EXPECT_EQ(page.paragraphs[5].rfind("Observers", 0), 0u);
}

TEST(HtmlExtractorTest, TitleHeadingIsNotPartOfTheBody) {
  const ExtractedPage page = Extract(Page("article_with_chrome.html"));
  for (const std::string& p : page.paragraphs) EXPECT_NE(p, "Ceasefire talks resume in Geneva");
}

TEST(HtmlExtractorTest, MetadataFromMetaAndOpenGraph) {
  const ExtractedPage page = Extract(Page("article_with_chrome.html"));
  EXPECT_EQ(page.title, "Ceasefire talks resume in Geneva");
  EXPECT_EQ(page.date, "2023-04-24");
  EXPECT_EQ(page.author, "Ana Petrosyan");
  EXPECT_EQ(page.site_name, "The Daily Example");
  EXPECT_EQ(page.language, "en-GB");
  EXPECT_EQ(page.url, "https://example.org/world/ceasefire-talks-canonical");
  EXPECT_EQ(page.description, "Negotiators met again on Monday.");
  EXPECT_TRUE(page.warnings.empty());
}

TEST(HtmlExtractorTest, MetadataFromJsonLdGraphAndMalformedJsonLdIsAWarning) {
  const ExtractedPage page = Extract(Page("jsonld_graph.html"));
  EXPECT_EQ(page.title, "Road reopens after three months");
  EXPECT_EQ(page.date, "2022-12-12");
  EXPECT_EQ(page.author, "Lilit Hakobyan, John Smith");
  EXPECT_EQ(page.site_name, "Graph Gazette");
  EXPECT_EQ(page.language, "en");
  EXPECT_EQ(page.url, "https://graph.example/road-reopens");
  ASSERT_EQ(page.warnings.size(), 1u);
  EXPECT_EQ(page.warnings[0].severity, Severity::kWarning);
  EXPECT_TRUE(Contains(page.warnings[0].message, "JSON-LD"));
  EXPECT_EQ(page.paragraphs.size(), 3u);
}

TEST(HtmlExtractorTest, JsonLdListOfObjects) {
  const ExtractedPage page = Extract(
      R"(<html><head><script type="application/ld+json">[{"@type":"Organization","name":"x"},
         {"@type":"BlogPosting","headline":"List headline","datePublished":"2021-03-04",
          "author":{"@type":"Person","name":"A. Writer"}}]</script></head>
         <body><p>Body text that is long enough to be kept as a paragraph of the post.</p>
         </body></html>)");
  EXPECT_EQ(page.title, "List headline");
  EXPECT_EQ(page.date, "2021-03-04");
  EXPECT_EQ(page.author, "A. Writer");
}

TEST(HtmlExtractorTest, DateFromTimeElementAndTextualDates) {
  EXPECT_EQ(Extract(R"(<html><body><article><time datetime="2020-02-29T23:30:00-05:00">Feb 29
    </time><p>Leap day text that is long enough to count as an article paragraph.</p>
    </article></body></html>)")
                .date,
            "2020-02-29");
  EXPECT_EQ(Extract(Page("malformed.html")).date, "2019-11-19");  // "November 19, 2019"
  EXPECT_EQ(Extract(R"(<meta name="dc.date" content="19.11.2019"><p>x</p>)").date, "2019-11-19");
  EXPECT_EQ(Extract(R"(<meta name="date" content="Tue, 3 Dec 2019 10:00:00 GMT"><p>x</p>)").date,
            "2019-12-03");
  // Not a real calendar date: left empty rather than guessed.
  EXPECT_EQ(Extract(R"(<meta name="date" content="2019-02-30"><p>x</p>)").date, "");
}

TEST(HtmlExtractorTest, TitleFallsBackToTitleElementWithoutSiteSuffix) {
  const ExtractedPage page = Extract(
      R"(<html><head><title>Parliament passes the budget bill | Example News</title></head>
         <body><p>Text of the article about the budget bill, long enough to be kept.</p></body>
         </html>)");
  EXPECT_EQ(page.title, "Parliament passes the budget bill");
}

TEST(HtmlExtractorTest, OneParagraphPostIsNotPaddedWithTheChromeOfLenientPasses) {
  // Only the lenient passes keep the share, like and related boxes: more text, but short lines.
  const ExtractedPage page =
      Extract(ReadFileOrFail(TestDataDir() + "/html/rules/one_paragraph_post.html"));
  ASSERT_EQ(page.paragraphs.size(), 1u) << Joined(page);
  EXPECT_TRUE(Contains(page.paragraphs[0], "the bridge survey vote moved to Thursday"));
}

TEST(HtmlExtractorTest, RecoversMalformedHtmlAndDecodesEntities) {
  const ExtractedPage page = Extract(Page("malformed.html"));
  const std::string text = Joined(page);
  ASSERT_GE(page.paragraphs.size(), 3u) << text;
  EXPECT_TRUE(Contains(text, "an \xC3\xA9t\xC3\xA9 and an em dash \xE2\x80\x94 and R&D.")) << text;
  EXPECT_TRUE(Contains(text, "has mis-nested tags and a stray closing tag")) << text;
  EXPECT_TRUE(Contains(text, "Third paragraph sits after")) << text;
}

TEST(HtmlExtractorTest, NeverLoadsExternalEntities) {
  const ExtractedPage page = Extract(Page("external_entity.html"));
  const std::string text = Joined(page);
  EXPECT_TRUE(Contains(text, "Before the entity reference")) << text;
  EXPECT_FALSE(Contains(text, "root:")) << text;  // /etc/passwd content
}

TEST(HtmlExtractorTest, SplitsParagraphsAtDoubleLineBreaks) {
  const ExtractedPage page = Extract(Page("br_paragraphs.html"));
  ASSERT_EQ(page.paragraphs.size(), 3u) << Joined(page);
  EXPECT_EQ(page.paragraphs[0].rfind("Der erste Absatz", 0), 0u);
  EXPECT_TRUE(Contains(page.paragraphs[1], "lang genug. Diese Zeile folgt"));
  EXPECT_EQ(page.paragraphs[2].rfind("Der dritte Absatz", 0), 0u);
  EXPECT_EQ(page.language, "de");
}

TEST(HtmlExtractorTest, PreservesArmenianText) {
  const ExtractedPage page = Extract(Page("armenian.html"));
  ASSERT_EQ(page.paragraphs.size(), 2u);
  EXPECT_EQ(page.paragraphs[0].rfind("Ադրբեջանը կիրակի օրը", 0), 0u);
  EXPECT_EQ(page.title, "Լաչինի միջանցք");
  EXPECT_EQ(page.language, "hy");
  EXPECT_EQ(page.date, "2023-04-23");
}

TEST(HtmlExtractorTest, DecodesDeclaredWindows1251) {
  const ExtractedPage page = Extract(Page("cyrillic_windows1251.html"));
  ASSERT_EQ(page.paragraphs.size(), 2u) << Joined(page);
  EXPECT_EQ(page.paragraphs[0].rfind("Азербайджан в воскресенье", 0), 0u);
  EXPECT_TRUE(Contains(page.paragraphs[1], "трёхстороннего"));
  EXPECT_EQ(page.title, "Лачинский коридор");
}

TEST(HtmlExtractorTest, UndeclaredNonUtf8FallsBackToWindows1252) {
  const ExtractedPage page = Extract(
      "<html><body><p>Caf\xE9 au lait, na\xEFve r\xE9sum\xE9, long enough.</p></body></html>");
  ASSERT_EQ(page.paragraphs.size(), 1u);
  EXPECT_EQ(page.paragraphs[0],
            "Caf\xC3\xA9 au lait, na\xC3\xAFve r\xC3\xA9sum\xC3\xA9, long enough.");
}

std::string NestedDivs(int depth, const std::string& text) {
  std::string html = "<html><body>";
  html.reserve(depth * 11 + text.size() + 40);
  for (int i = 0; i < depth; ++i) html += "<div>";
  html += text;
  for (int i = 0; i < depth; ++i) html += "</div>";
  return html + "</body></html>";
}

TEST(HtmlExtractorTest, DeepNestingIsFlattenedWithAWarningAndKeepsTheText) {
  const std::string text = "Deep text at the bottom of many nested divisions, still readable.";
  // A hundred thousand levels: the tags past max_depth are ignored, their text is kept, and a
  // warning says so (libxml2 alone would stop at 256 and silently drop the rest of the page).
  for (const bool fragment : {false, true}) {
    const ExtractedPage deep = Extract(NestedDivs(100000, text), fragment);
    ASSERT_EQ(deep.paragraphs.size(), 1u) << fragment;
    EXPECT_EQ(deep.paragraphs[0], text);
    ASSERT_EQ(deep.warnings.size(), 1u);
    EXPECT_EQ(deep.warnings[0].line, 1);
    EXPECT_NE(deep.warnings[0].message.find("nested more than 256 levels"), std::string::npos);
    EXPECT_NE(deep.warnings[0].hint.find("--max-depth"), std::string::npos);
  }
  // Below the limit the text survives intact, without a warning.
  const ExtractedPage nested = Extract(NestedDivs(200, text));
  ASSERT_EQ(nested.paragraphs.size(), 1u);
  EXPECT_EQ(nested.paragraphs[0], text);
  EXPECT_TRUE(nested.warnings.empty());
}

TEST(HtmlExtractorTest, MaxDepthIsTheCallers) {
  const std::string text = "Text forty levels down, long enough to be a paragraph of the story.";
  HtmlExtractOptions options;
  options.max_depth = 10;
  ExtractedPage page = ExtractHtml(NestedDivs(40, text), options);
  ASSERT_EQ(page.paragraphs.size(), 1u);
  EXPECT_EQ(page.paragraphs[0], text);
  ASSERT_EQ(page.warnings.size(), 1u);
  EXPECT_NE(page.warnings[0].message.find("more than 10 levels"), std::string::npos);
  // Past libxml2's own limit of 256 when the caller allows it.
  options.max_depth = 5000;
  page = ExtractHtml(NestedDivs(3000, text), options);
  ASSERT_EQ(page.paragraphs.size(), 1u);
  EXPECT_EQ(page.paragraphs[0], text);
  EXPECT_TRUE(page.warnings.empty());
}

TEST(HtmlExtractorTest, BinaryInputIsAClearError) {
  static constexpr char kPngHeader[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0\0\0\x01\0\x08\x06";
  std::string png(kPngHeader, sizeof kPngHeader - 1);
  png += std::string(500, '\0');
  EXPECT_FALSE(LooksLikeHtml(png));
  try {
    Extract(png);
    FAIL() << "binary input must be rejected";
  } catch (const InputError& e) {
    EXPECT_TRUE(Contains(e.diagnostic().message, "binary")) << e.diagnostic().message;
    EXPECT_EQ(e.diagnostic().path, "test.html");
  }
}

TEST(HtmlExtractorTest, EmptyInputGivesEmptyPageWithoutThrowing) {
  const ExtractedPage page = Extract("");
  EXPECT_TRUE(page.paragraphs.empty());
  EXPECT_TRUE(page.title.empty());
}

TEST(HtmlExtractorTest, ReadsGzippedPages) {
  const ExtractedPage plain = Extract(Page("article_with_chrome.html"));
  const ExtractedPage shipped = Extract(Page("article_with_chrome.html.gz"));
  const ExtractedPage made = Extract(GzipString(Page("article_with_chrome.html")));
  EXPECT_EQ(shipped.paragraphs, plain.paragraphs);
  EXPECT_EQ(made.paragraphs, plain.paragraphs);
  EXPECT_EQ(shipped.title, plain.title);
}

TEST(HtmlExtractorTest, GzipBombIsRefused) {
  HtmlExtractOptions options;
  options.source_name = "bomb.html.gz";
  options.max_decompressed_bytes = 1 << 20;
  const std::string bomb = GzipString("<html><body><p>" + std::string(8 << 20, 'a'));
  EXPECT_LT(bomb.size(), 64u * 1024);
  EXPECT_THROW(ExtractHtml(bomb, options), InputError);
}

TEST(HtmlExtractorTest, FragmentKeepsEveryTextBlock) {
  const std::string snippet =
      "<p>Short lead.</p><ul><li><a href='/x'>A linked list item</a></li></ul>"
      "<p>Second &amp; last paragraph.</p><script>alert(1)</script>";
  const ExtractedPage page = Extract(snippet, /*fragment=*/true);
  ASSERT_EQ(page.paragraphs.size(), 3u) << Joined(page);
  EXPECT_EQ(page.paragraphs[0], "Short lead.");
  EXPECT_EQ(page.paragraphs[1], "A linked list item");
  EXPECT_EQ(page.paragraphs[2], "Second & last paragraph.");
}

TEST(HtmlExtractorTest, HiddenElementsAreDropped) {
  const ExtractedPage page = Extract(
      R"(<html><body><div class="entry-content">
         <p>Visible paragraph of the article with enough words to be kept in the output.</p>
         <p style="display: none">Hidden paragraph that a reader never sees on the page.</p>
         <p hidden>Another hidden paragraph that must not reach the extracted text either.</p>
         </div></body></html>)");
  ASSERT_EQ(page.paragraphs.size(), 1u) << Joined(page);
  EXPECT_TRUE(Contains(page.paragraphs[0], "Visible paragraph"));
}

TEST(HtmlExtractorTest, ClassNamesAreReadAsCompounds) {
  // "content-with-sidebar" describes a content wrapper; "post-author" is an author box even
  // though it contains the word "post"; "share-text" is a share label despite "text".
  const ExtractedPage page = Extract(
      R"(<html><body><div class="content-with-sidebar"><div class="entry">
         <p>First paragraph of the story, long enough to be scored as article text here.</p>
         <p class="share-text">Sharing is caring!</p>
         <p>Second paragraph of the story, which also has enough words to count, surely.</p>
         </div><div class="post-author"><p>The author is a writer who lives in a small town
         with two cats and a dog, and writes about hiking on weekends.</p></div></div>
         </body></html>)");
  const std::string text = Joined(page);
  EXPECT_TRUE(Contains(text, "First paragraph of the story")) << text;
  EXPECT_TRUE(Contains(text, "Second paragraph of the story")) << text;
  EXPECT_FALSE(Contains(text, "Sharing is caring")) << text;
  EXPECT_FALSE(Contains(text, "two cats")) << text;
}

TEST(HtmlExtractorTest, EmbeddedQuotationsAreKeptDespiteSocialClass) {
  const ExtractedPage page = Extract(
      R"(<html><body><div class="article-body">
         <p>Officials announced the measure on Monday, and reactions followed within hours.</p>
         <div class="social-embed"><blockquote class="twitter-tweet"><p>This decision is a
         disgrace and we will fight it in every court of the land.</p>&mdash; A Critic
         (@critic) November 18, 2019</blockquote></div>
         <p>The ministry did not respond to a request for comment on the criticism, however.</p>
         </div></body></html>)");
  EXPECT_TRUE(Contains(Joined(page), "This decision is a disgrace")) << Joined(page);
}

TEST(HtmlExtractorTest, Utf16WithByteOrderMark) {
  const std::string ascii =
      "<html><body><p>A page saved as UTF-16, with enough text to form a paragraph.</p>"
      "</body></html>";
  std::string utf16 = "\xFF\xFE";
  for (char c : ascii) {
    utf16 += c;
    utf16 += '\0';
  }
  const ExtractedPage page = Extract(utf16);
  ASSERT_EQ(page.paragraphs.size(), 1u);
  EXPECT_EQ(page.paragraphs[0], "A page saved as UTF-16, with enough text to form a paragraph.");
}

TEST(HtmlExtractorTest, SafeToCallFromSeveralThreads) {
  const std::string html = Page("article_with_chrome.html");
  const ExtractedPage expected = Extract(html);
  std::vector<int> matches(4, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 20; ++i) {
        const ExtractedPage page = Extract(html);
        if (page.paragraphs == expected.paragraphs && page.title == expected.title) {
          ++matches[t];
        }
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (int m : matches) EXPECT_EQ(m, 20);
}

TEST(HtmlExtractorTest, LooksLikeHtml) {
  EXPECT_TRUE(LooksLikeHtml("<!DOCTYPE html><html><body></body></html>"));
  EXPECT_TRUE(LooksLikeHtml("\xEF\xBB\xBF\n  <html lang=\"ru\">"));
  EXPECT_TRUE(LooksLikeHtml("<div><p>fragment</p></div>"));
  EXPECT_FALSE(LooksLikeHtml("---\ntitle: An article file\n---\nBody."));
  EXPECT_FALSE(LooksLikeHtml("Plain text that mentions <html> later."));
  EXPECT_FALSE(LooksLikeHtml(""));
  EXPECT_FALSE(LooksLikeHtml(GzipString("<html></html>")));
}

// The library never prints: libxml2's own error output is silenced during a parse, even for
// encoding errors that HTML_PARSE_NOERROR does not cover.
TEST(HtmlExtractorTest, LibxmlErrorsAreNotPrinted) {
  const std::string html =
      testing::ReadFileOrFail(testing::TestDataDir() + "/html/encoding_error_ucs4.html");
  ::testing::internal::CaptureStderr();
  try {
    HtmlExtractOptions options;
    options.source_name = "encoding_error_ucs4.html";
    (void)ExtractHtml(html, options);
  } catch (const InputError&) {
    // A refusal is fine; printing is not.
  }
  EXPECT_EQ(::testing::internal::GetCapturedStderr(), "");
}

TEST(HtmlExtractorTest, WhatTheDecoderCannotConvertBecomesReplacementCharacters) {
  // The page declares UCS-4 and is not: libxml2 leaves bytes in the tree that are not UTF-8.
  HtmlExtractOptions options;
  options.source_name = "encoding_error_ucs4.html";
  for (const bool fragment : {false, true}) {
    options.fragment = fragment;
    ExtractedPage page;
    try {
      page = ExtractHtml(
          testing::ReadFileOrFail(testing::TestDataDir() + "/html/encoding_error_ucs4.html"),
          options);
    } catch (const InputError&) {
      continue;
    }
    EXPECT_TRUE(IsValidUtf8(page.title)) << page.title;
    for (const std::string& p : page.paragraphs) EXPECT_TRUE(IsValidUtf8(p)) << p;
  }
  // Malformed UTF-8 in a page declared UTF-8: U+FFFD, with a warning at its line and column.
  const ExtractedPage page = Extract(
      "<html><head><meta charset=\"utf-8\"></head><body>\n<p>Before \xC0\xAF after, a paragraph "
      "long enough to be the text of the article.</p></body></html>");
  ASSERT_EQ(page.paragraphs.size(), 1u);
  EXPECT_EQ(page.paragraphs[0].substr(0, 10), "Before \xEF\xBF\xBD");
  ASSERT_FALSE(page.warnings.empty());
  EXPECT_EQ(page.warnings[0].line, 2);
  EXPECT_EQ(page.warnings[0].column, 11);
}

TEST(HtmlExtractorTest, PageOpeningWithALongStyleBlockIsHtml) {
  const std::string page = Page("rules/style_first.html");
  ASSERT_GT(page.find("<html>"), 4096u);  // beyond any short sniffing window
  EXPECT_TRUE(LooksLikeHtml(page));
  EXPECT_FALSE(LooksLikeHtml("<style>p { margin: 0 }</style> and then plain text, no page"));
  EXPECT_TRUE(Contains(Joined(Extract(page)), "The council met on Tuesday evening")) << page;
}

TEST(HtmlExtractorTest, ParagraphsAreNfc) {
  const std::string text = Joined(Extract(Page("rules/ruby_and_nfc.html")));
  EXPECT_TRUE(Contains(text, "The caf\xC3\xA9 on the corner")) << text;  // e + U+0301 composed
  // U+09DF is excluded from composition: NFC writes it as U+09AF U+09BC.
  const std::string bengali =
      Joined(Extract("<html><body><p>\xE0\xA6\x95\xE0\xA7\x81\xE0\xA6\xB7\xE0\xA7\x8D\xE0\xA6\x9F"
                     "\xE0\xA6\xBF\xE0\xA7\x9F\xE0\xA6\xBE</p></body></html>"));
  EXPECT_TRUE(Contains(bengali, "\xE0\xA6\xAF\xE0\xA6\xBC")) << bengali;
}

}  // namespace
}  // namespace parallax
