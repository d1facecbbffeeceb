// White space as readers of markup and JSON meet it: runs of ASCII white space and no-break
// spaces (U+00A0) collapse to one space.
#ifndef PARALLAX_TEXT_WHITESPACE_H_
#define PARALLAX_TEXT_WHITESPACE_H_

#include <string>
#include <string_view>

namespace parallax {

// Runs of white space (ASCII and U+00A0) become one space; the result is trimmed.
std::string CollapseSpace(std::string_view s);

// Appends CollapseSpace(s) to `*out` (without the temporary string).
void AppendCollapsedSpace(std::string_view s, std::string* out);

}  // namespace parallax

#endif  // PARALLAX_TEXT_WHITESPACE_H_
