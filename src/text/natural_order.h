// Orders identifiers the way a person counts: "claim-2" before "claim-10".
//
// Generated ids carry a running number ("claim-7", "event-12", "story-3"). Compared byte by
// byte, "claim-10" sorts before "claim-2", and a reader looking for claim 5 finds claim 16 in
// its place. NaturalLess compares runs of ASCII digits by their value and everything else byte
// by byte:
//
//   "claim-2"   < "claim-10"     runs of digits compare as numbers
//   "claim-9"   < "claim-10a"    the number decides before the text after it
//   "claim-02"  < "claim-2"      equal values: fewer leading zeros last, so the order is total
//   "a"         < "a1"           a prefix comes first
//   "Zed"       < "abc"          other characters compare as bytes (no case folding)
//
// Digit runs of any length are compared without converting them to integers, so no id
// overflows. The order is a strict weak ordering, fit for std::sort.
#ifndef PARALLAX_TEXT_NATURAL_ORDER_H_
#define PARALLAX_TEXT_NATURAL_ORDER_H_

#include <string_view>

namespace parallax {

// True when `a` comes before `b` in natural order (see above).
bool NaturalLess(std::string_view a, std::string_view b);

}  // namespace parallax

#endif  // PARALLAX_TEXT_NATURAL_ORDER_H_
