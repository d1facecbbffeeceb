// Edit distance between two short strings, for "did you mean" suggestions (a mistyped command,
// option or lexicon element name).
#ifndef PARALLAX_TEXT_EDIT_DISTANCE_H_
#define PARALLAX_TEXT_EDIT_DISTANCE_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace parallax {

// Levenshtein distance over bytes: insertions, deletions and substitutions each cost 1.
std::size_t EditDistance(std::string_view a, std::string_view b);

// The candidate nearest to `word` at distance at most `max_distance` (the first of equals), or
// "" when none is that near.
std::string NearestWord(std::string_view word, const std::vector<std::string>& candidates,
                        std::size_t max_distance = 2);

}  // namespace parallax

#endif  // PARALLAX_TEXT_EDIT_DISTANCE_H_
