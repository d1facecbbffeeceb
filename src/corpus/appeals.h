// Donation, membership and subscription appeals of any outlet, told apart from news about
// donations and members. Boilerplate cleaning (corpus/boilerplate.h) asks these questions of each
// folded line (lower-case ASCII and Russian, typographic quotes and dashes folded).
//
// An appeal is recognised by its structure, never by one word:
//
//   construction                                example
//   imperative addressed to the reader/outlet   "Please support us monthly."
//   strong imperative, short sentence           "Donate now", "Подпишитесь на наш канал"
//   imperative naming what it asks, short       "Become an OC Media Member"
//   short exclamation                           "Support The Moscow Times!"
//   a phrase only an outlet says of itself      "Your support makes a difference."
//
// and these stay article text:
//
//   quoted or reported speech                      "'I wanted to make a donation,' he said"
//   the verb used as a noun or a past tense        "Support for the bill grew", "Help arrived"
//   a longer word sharing the opener               "Supporters rallied", "Subscribers lost access"
//   the words in a statement, not an imperative    "Members of parliament voted to support it"
//
// An appeal names membership when it asks to become a member or join, subscription when it asks
// to subscribe or sign up, and donation otherwise; a line holding several takes membership over
// subscription over donation.
#ifndef PARALLAX_CORPUS_APPEALS_H_
#define PARALLAX_CORPUS_APPEALS_H_

#include <optional>
#include <string>
#include <string_view>

namespace parallax::internal {

// What one pass over a folded line tells AppealRule and StartsAppealTail, so that a caller that
// asks both reads the line once.
struct AppealScan {
  bool may_hold_appeal = false;  // MayHoldAppeal
  bool tail_phrase = false;      // a phrase that starts a tail occurs
};
AppealScan ScanForAppeals(std::string_view folded_line);

// The rule id ("donation-appeal", "membership-appeal", "subscription-appeal") of a folded line
// of at most 50 words that holds an appeal, or nullopt. `scan` is ScanForAppeals(folded_line).
std::optional<std::string> AppealRule(std::string_view folded_line);
std::optional<std::string> AppealRule(std::string_view folded_line, const AppealScan& scan);

// The fast rejection AppealRule starts with: false when no sentence of the line opens with an
// appeal's imperative (after its lead-ins) and no outlet phrase occurs in it, so AppealRule is
// nullopt. Most lines of prose are told apart here, with no allocation and no word counting.
bool MayHoldAppeal(std::string_view folded_line);

// AppealRule without MayHoldAppeal: every question asked of every line (tests compare the two).
std::optional<std::string> AppealRuleUnfiltered(std::string_view folded_line);

// True for a strong appeal ("we have a small favor to ask", "before you go") that, late in a
// text, starts a block of appeals running to its end. Never for quoted or reported speech.
// Its phrases are looked for by rare anchors a block of bytes at a time.
bool StartsAppealTail(std::string_view folded_line);
bool StartsAppealTail(std::string_view folded_line, const AppealScan& scan);

// StartsAppealTail with each phrase looked for on its own (tests compare the two).
bool StartsAppealTailUnfiltered(std::string_view folded_line);

// True when a folded line opens with a quotation mark or holds a reporting verb ("said",
// "told", "according", "заявил"): it reports speech, whatever words it quotes.
bool IsReportedSpeech(std::string_view folded_line);

}  // namespace parallax::internal

#endif  // PARALLAX_CORPUS_APPEALS_H_
