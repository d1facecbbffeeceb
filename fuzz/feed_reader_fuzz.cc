// Fuzz target: RSS 2.0, RSS 1.0 and Atom feeds (untrusted XML with entities, encodings, HTML
// item bodies), and the feed date parser on its own.
#include "corpus/feed_reader.h"
#include "fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > parallax::fuzz::kMaxInputBytes) return -1;
  const std::string_view text = parallax::fuzz::AsText(data, size);
  (void)parallax::LooksLikeFeed(text);
  for (const parallax::Article& a : parallax::ReadFeed(text, "fuzz.xml", nullptr).articles) {
    parallax::fuzz::CheckText(a.title, "title");
    parallax::fuzz::CheckText(a.body, "body");
  }
  (void)parallax::ParseFeedDate(text.substr(0, 64));
  (void)parallax::SafeArticleId(text.substr(0, 256));
  (void)parallax::NormalizeLanguageTag(text.substr(0, 32));
  return 0;
}
