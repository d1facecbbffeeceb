#include "corpus/gzip.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <string>

#include "core/diagnostic.h"
#include "test_paths.h"

namespace parallax {
namespace {

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
  EXPECT_TRUE(LooksGzipped(GzipString("hello")));
  EXPECT_FALSE(LooksGzipped("<html>"));
  EXPECT_FALSE(LooksGzipped("\x1f"));
  EXPECT_FALSE(LooksGzipped(""));
}

TEST(GzipTest, RoundTrip) {
  const std::string text = "Лачинский коридор — Lachin corridor\n" + std::string(100000, 'x');
  EXPECT_EQ(Gunzip(GzipString(text), "t.gz"), text);
  EXPECT_EQ(Gunzip(GzipString(""), "t.gz"), "");
}

TEST(GzipTest, ShippedFileMatchesPlainFile) {
  const std::string dir = testing::TestDataDir() + "/html/";
  EXPECT_EQ(Gunzip(testing::ReadFileOrFail(dir + "article_with_chrome.html.gz"), "x.gz"),
            testing::ReadFileOrFail(dir + "article_with_chrome.html"));
}

TEST(GzipTest, ConcatenatedMembers) {
  EXPECT_EQ(Gunzip(GzipString("first ") + GzipString("second"), "t.gz"), "first second");
}

TEST(GzipTest, TruncatedDataIsAnError) {
  const std::string gz = GzipString(std::string(5000, 'a') + "tail of the data");
  EXPECT_NE(ErrorMessage(gz.substr(0, gz.size() / 2)).find("truncated"), std::string::npos);
}

TEST(GzipTest, CorruptDataIsAnError) {
  std::string gz = GzipString("The quick brown fox jumps over the lazy dog, again and again.");
  for (std::size_t i = 12; i < gz.size() - 8; ++i) gz[i] = static_cast<char>(gz[i] ^ 0x5a);
  EXPECT_NE(ErrorMessage(gz).find("corrupt"), std::string::npos);
}

TEST(GzipTest, NotGzipIsAnError) {
  EXPECT_NE(ErrorMessage("<html></html>").find("not gzip"), std::string::npos);
}

TEST(GzipTest, TrailingGarbageIsAnError) {
  EXPECT_NE(ErrorMessage(GzipString("data") + "garbage!").find("after the end"), std::string::npos);
}

TEST(GzipTest, DecompressionBombIsRefused) {
  const std::string bomb = GzipString(std::string(16 << 20, '\0'));
  EXPECT_LT(bomb.size(), 64u * 1024);
  EXPECT_NE(ErrorMessage(bomb, 1 << 20).find("more than 1048576 bytes"), std::string::npos);
  // Exactly at the limit is fine.
  EXPECT_EQ(Gunzip(GzipString(std::string(1000, 'z')), "t.gz", 1000).size(), 1000u);
}

}  // namespace
}  // namespace parallax
