#include "corpus/gzip.h"

#include <gtest/gtest.h>

#include <string>

#include "core/diagnostic.h"
#include "test_paths.h"

namespace parallax {
namespace {

std::string ErrorMessage(const std::string& data, std::uint64_t max_bytes = 1 << 20) {
  try {
    Gunzip(data, "page.html.gz", max_bytes);
  } catch (const InputError& e) {
    EXPECT_EQ(e.diagnostic().path, "page.html.gz");
    EXPECT_FALSE(e.diagnostic().hint.empty());
    return e.diagnostic().message;
  }
  ADD_FAILURE() << "expected InputError";
  return "";
}

TEST(GzipTest, LooksGzipped) {
  EXPECT_TRUE(LooksGzipped(Gzip("hello")));
  EXPECT_FALSE(LooksGzipped("<html>"));
  EXPECT_FALSE(LooksGzipped("\x1f"));
  EXPECT_FALSE(LooksGzipped(""));
}

TEST(GzipTest, RoundTrip) {
  const std::string text = "Лачинский коридор — Lachin corridor\n" + std::string(100000, 'x');
  EXPECT_EQ(Gunzip(Gzip(text), "t.gz"), text);
  EXPECT_EQ(Gunzip(Gzip(""), "t.gz"), "");
}

TEST(GzipTest, ShippedFileMatchesPlainFile) {
  const std::string dir = testing::TestDataDir() + "/html/";
  EXPECT_EQ(Gunzip(testing::ReadFileOrFail(dir + "article_with_chrome.html.gz"), "x.gz"),
            testing::ReadFileOrFail(dir + "article_with_chrome.html"));
}

TEST(GzipTest, ConcatenatedMembers) {
  EXPECT_EQ(Gunzip(Gzip("first ") + Gzip("second"), "t.gz"), "first second");
}

TEST(GzipTest, TruncatedDataIsAnError) {
  const std::string gz = Gzip(std::string(5000, 'a') + "tail of the data");
  EXPECT_NE(ErrorMessage(gz.substr(0, gz.size() / 2)).find("truncated"), std::string::npos);
}

TEST(GzipTest, CorruptDataIsAnError) {
  std::string gz = Gzip("The quick brown fox jumps over the lazy dog, again and again.");
  for (std::size_t i = 12; i < gz.size() - 8; ++i) gz[i] = static_cast<char>(gz[i] ^ 0x5a);
  EXPECT_NE(ErrorMessage(gz).find("corrupt"), std::string::npos);
}

TEST(GzipTest, NotGzipIsAnError) {
  EXPECT_NE(ErrorMessage("<html></html>").find("not gzip"), std::string::npos);
}

TEST(GzipTest, TrailingGarbageIsAnError) {
  EXPECT_NE(ErrorMessage(Gzip("data") + "garbage!").find("after the end"), std::string::npos);
}

TEST(GzipTest, DecompressionBombIsRefused) {
  const std::string bomb = Gzip(std::string(16 << 20, '\0'));
  EXPECT_LT(bomb.size(), 64u * 1024);
  EXPECT_NE(ErrorMessage(bomb, 1 << 20).find("more than 1048576 bytes"), std::string::npos);
  // Exactly at the limit is fine.
  EXPECT_EQ(Gunzip(Gzip(std::string(1000, 'z')), "t.gz", 1000).size(), 1000u);
}

TEST(GzipTest, GzipRoundTripsAndIsTheSameEveryTime) {
  const std::string page = "<html><body><p>Ünïcode text, repeated. Ünïcode text.</p></body></html>";
  const std::string packed = Gzip(page);
  EXPECT_TRUE(LooksGzipped(packed));
  EXPECT_EQ(Gunzip(packed, "page.html.gz"), page);
  EXPECT_EQ(Gzip(page), packed);  // no time stamp, no name
  EXPECT_EQ(Gunzip(Gzip(""), "empty.gz"), "");
}

}  // namespace
}  // namespace parallax
