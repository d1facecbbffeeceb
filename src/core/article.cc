#include "core/article.h"

#include <algorithm>
#include <string>

namespace parallax {

std::size_t Article::BodyOffset(std::size_t text_offset) const {
  // Segments are sorted by clean_start; find the last one starting at or before the offset.
  auto it =
      std::upper_bound(segments.begin(), segments.end(), text_offset,
                       [](std::size_t off, const TextSegment& s) { return off < s.clean_start; });
  if (it == segments.begin()) return std::string::npos;
  --it;
  if (text_offset > it->clean_start + it->length) return std::string::npos;
  return it->body_start + (text_offset - it->clean_start);
}

int Article::SourceLine(std::size_t body_offset) const {
  const std::size_t end = std::min(body_offset, body.size());
  return body_line +
         static_cast<int>(std::count(body.begin(), body.begin() + static_cast<long>(end), '\n'));
}

}  // namespace parallax
