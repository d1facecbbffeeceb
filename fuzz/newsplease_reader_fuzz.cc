// Fuzz target: crawler JSON (one object, an array, or JSON Lines) as news-please writes it.
#include "corpus/newsplease_reader.h"
#include "fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > parallax::fuzz::kMaxInputBytes) return -1;
  const std::string_view text = parallax::fuzz::AsText(data, size);
  (void)parallax::LooksLikeJson(text);
  for (const parallax::Article& a :
       parallax::ReadNewsPlease(text, "fuzz.jsonl", nullptr).articles) {
    parallax::fuzz::CheckText(a.title, "title");
    parallax::fuzz::CheckText(a.body, "body");
  }
  return 0;
}
