// Claims on small hand-made documents: the general matching mechanism, independent of any
// lexicon (concept and date mentions are given directly).
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "align/alignment.h"
#include "align/document_builder.h"

namespace parallax {
namespace {

AlignDocument Doc(const std::string& id, const std::string& outlet, const std::string& text) {
  AlignDocument d;
  d.id = id;
  d.outlet = outlet;
  d.date = ParseIsoDate("2022-12-14");
  d.text = text;
  d.sentences = SplitAlignSentences(text);
  d.pinned_story = "bridge";  // one story, so every pair is compared
  return d;
}

// Marks every occurrence of `form` in `d` as a mention of `concept_id`.
void Concept(AlignDocument& d, const std::string& form, const std::string& concept_id) {
  for (std::size_t at = d.text.find(form); at != std::string::npos;
       at = d.text.find(form, at + 1)) {
    d.concepts.push_back({{at, at + form.size()}, concept_id});
  }
}

void Day(AlignDocument& d, const std::string& form, const std::string& from,
         const std::string& to) {
  const std::size_t at = d.text.find(form);
  ASSERT_NE(at, std::string::npos);
  d.dates.push_back({{at, at + form.size()}, *ParseIsoDate(from), *ParseIsoDate(to)});
}

const Claim* ClaimWith(const Alignment& a, const std::string& words) {
  for (const Claim& c : a.claims) {
    for (const Passage& p : c.passages) {
      if (p.text.find(words) != std::string::npos) return &c;
    }
  }
  return nullptr;
}

// Three outlets tell that activists blocked a bridge: one by the day, one by the month, one in
// the middle of a long sentence about something else; each names the activists differently.
std::vector<AlignDocument> Bridge() {
  AlignDocument a =
      Doc("a", "north",
          "The mayor opened a new school on Monday. On December 12, eco-activists "
          "blocked the Varna bridge into the old town. Teachers welcomed the pupils.");
  AlignDocument b = Doc("b", "south",
                        "Fishermen reported a record catch. In December, environmental activists "
                        "blocked the Varna bridge. The harbour will be dredged next spring.");
  AlignDocument c =
      Doc("c", "east",
          "The council met for hours and argued over taxes, parking fees and the "
          "budget of the museum, while environmental activists blocked the Varna "
          "bridge, and at the end the council voted to raise the fees. A choir sang.");
  Concept(a, "eco-activists", "protesters");
  Concept(b, "environmental activists", "protesters");
  Concept(c, "environmental activists", "protesters");
  Concept(a, "Varna bridge", "varna-bridge");
  Concept(b, "Varna bridge", "varna-bridge");
  Concept(c, "Varna bridge", "varna-bridge");
  Day(a, "December 12", "2022-12-12", "2022-12-12");
  Day(b, "December", "2022-12-01", "2022-12-31");
  return {a, b, c};
}

TEST(ClaimsTest, OneFactToldThreeWaysIsOneClaim) {
  const Alignment a = Align(Bridge());
  const Claim* claim = ClaimWith(a, "eco-activists blocked");
  ASSERT_NE(claim, nullptr);
  EXPECT_EQ(std::set<std::string>(claim->outlets.begin(), claim->outlets.end()),
            std::set<std::string>({"east", "north", "south"}));
  // The other sentences are not part of it.
  for (const Passage& p : claim->passages) {
    EXPECT_EQ(p.text.find("school"), std::string::npos) << p.text;
    EXPECT_EQ(p.text.find("harbour"), std::string::npos) << p.text;
  }
}

TEST(ClaimsTest, UnrelatedSentencesSharingCommonWordsAreNoClaim) {
  const Alignment a = Align(Bridge());
  const Claim* school = ClaimWith(a, "opened a new school");
  EXPECT_TRUE(school == nullptr || school->outlets.size() == 1);
  const Claim* catch_ = ClaimWith(a, "record catch");
  EXPECT_TRUE(catch_ == nullptr || catch_->outlets.size() == 1);
}

TEST(ClaimsTest, SameClaimsWhateverTheInputOrder) {
  std::vector<AlignDocument> docs = Bridge();
  const std::string first = AlignmentToJson(Align(docs)).dump();
  std::swap(docs[0], docs[2]);
  EXPECT_EQ(first, AlignmentToJson(Align(docs)).dump());
}

}  // namespace
}  // namespace parallax
