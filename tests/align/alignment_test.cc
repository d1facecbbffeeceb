#include "align/alignment.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "align/alignment_internal.h"
#include "align/document_builder.h"
#include "annotate/dates.h"
#include "annotate/lexicon.h"
#include "corpus/corpus.h"
#include "corpus/outlets.h"
#include "test_paths.h"

namespace parallax {
namespace {

using parallax::testing::SourceDir;
using Outlets = std::set<std::string>;

// The shipped corpus, annotated with the shipped lexicons, aligned with default options.
const Alignment& Shipped() {
  static const Alignment* alignment = [] {
    const OutletsLoadResult outlets = LoadOutlets(SourceDir() + "/corpus/outlets.xml");
    const Corpus corpus = LoadCorpus(SourceDir() + "/corpus/lachin-2023", outlets.file);
    const LexiconLoadResult lexicon = LoadLexicons(DefaultLexiconPaths(SourceDir() + "/lexicons"));
    EXPECT_TRUE(lexicon.ok());
    const AlignDocumentBuilder builder(&lexicon.lexicon);
    std::vector<AlignDocument> docs;
    for (const Article& a : corpus.articles) docs.push_back(builder.Build(a));
    EXPECT_EQ(docs.size(), 5u);
    return new Alignment(Align(std::move(docs)));
  }();
  return *alignment;
}

const AlignedEvent* EventOn(const std::string& day) {
  for (const AlignedEvent& e : Shipped().events) {
    if (e.from.ToString() == day && e.to.ToString() == day) return &e;
  }
  return nullptr;
}

// The claim holding the passage of `outlet` that contains `words`.
const Claim* ClaimWith(const std::string& outlet, const std::string& words) {
  for (const Claim& c : Shipped().claims) {
    for (const Passage& p : c.passages) {
      if (p.outlet == outlet && p.text.find(words) != std::string::npos) return &c;
    }
  }
  return nullptr;
}

Outlets OutletsOf(const Claim* c) { return Outlets(c->outlets.begin(), c->outlets.end()); }

const Outlets kAllFive = {"kommersant", "moscow-times", "oc-media", "eurasia-daily-monitor",
                          "jamnews"};

TEST(AlignmentTest, BlockadeOfTwelveDecemberIsOneEventToldByAllFive) {
  const AlignedEvent* e = EventOn("2022-12-12");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(Outlets(e->outlets.begin(), e->outlets.end()), kAllFive);
  // Kommersant never names the day: its mention is background, joined by content.
  bool kommersant_background = false;
  for (const EventMention& m : e->mentions) {
    kommersant_background |= m.passage.outlet == "kommersant" && !m.dated;
  }
  EXPECT_TRUE(kommersant_background);
}

TEST(AlignmentTest, CheckpointOfTwentyThirdAprilIsOneEvent) {
  const AlignedEvent* e = EventOn("2023-04-23");
  ASSERT_NE(e, nullptr);
  // Articles published before the checkpoint (Kommersant, JAMnews) cannot mention it.
  EXPECT_EQ(Outlets(e->outlets.begin(), e->outlets.end()),
            Outlets({"moscow-times", "oc-media", "eurasia-daily-monitor"}));
}

// Four outlets state it in different words: "illegal transportation of manpower, weapons, mines",
// "the transfer of weapons and soldiers", "the transfer of landmines, military personnel and
// munitions" inside a longer sentence, and Kommersant's quote of the Foreign Ministry.
// One event at a time: the reason Azerbaijan gave for the checkpoint on Sunday 23 April is
// carried by The Moscow Times and OC Media; Kommersant's sentence on the same charge ("in recent
// days", a Foreign Ministry statement of late March) tells of an earlier event, so it is not the
// same claim although it shares the words.
TEST(AlignmentTest, AzerbaijansStatedReasonIsOneClaimOfOneDay) {
  const Claim* c = ClaimWith("moscow-times", "illegal transportation of manpower");
  ASSERT_NE(c, nullptr);
  EXPECT_TRUE(OutletsOf(c).count("oc-media"));
  EXPECT_FALSE(OutletsOf(c).count("kommersant"));
}

// No claim joins sentences whose own dates lie more than a few days apart.
TEST(AlignmentTest, NoClaimJoinsSentencesOfDaysFarApart) {
  const OutletsLoadResult outlets = LoadOutlets(SourceDir() + "/corpus/outlets.xml");
  const Corpus corpus = LoadCorpus(SourceDir() + "/corpus/lachin-2023", outlets.file);
  auto days_of = [&](const Passage& p) {
    std::vector<std::pair<long, long>> days;
    for (const Article& a : corpus.articles) {
      if (a.id != p.article_id) continue;
      for (const DateMention& d : FindDates(p.text, a.date, a.language)) {
        const long from = d.from.DaysSinceEpoch();
        const long to = d.to.DaysSinceEpoch();
        if (d.resolved && to - from <= 31) days.emplace_back(from, to);
      }
    }
    return days;
  };
  int checked = 0;
  for (const Claim& c : Shipped().claims) {
    for (const Passage& a : c.passages) {
      for (const Passage& b : c.passages) {
        if (a.outlet >= b.outlet) continue;
        const auto da = days_of(a);
        const auto db = days_of(b);
        if (da.empty() || db.empty()) continue;
        ++checked;
        long nearest = 1L << 30;
        for (const auto& [a0, a1] : da) {
          for (const auto& [b0, b1] : db)
            nearest = std::min(nearest, std::max({0L, b0 - a1, a0 - b1}));
        }
        EXPECT_LE(nearest, 3) << c.id << ": \"" << a.text << "\" / \"" << b.text << "\"";
      }
    }
  }
  EXPECT_GT(checked, 0);
}

// Every story, event and claim has a label a facilitator can read aloud: a headline or a
// sentence of the text, never a bag of words or a bare id.
TEST(AlignmentTest, LabelsAreReadable) {
  for (const AlignedStory& s : Shipped().stories) {
    EXPECT_NE(s.label.find(' '), std::string::npos) << s.id << ": " << s.label;
  }
  for (const AlignedEvent& e : Shipped().events) {
    EXPECT_EQ(e.label.find(" \u00B7 "), std::string::npos) << e.id << ": " << e.label;
    EXPECT_NE(e.label.find(' '), std::string::npos) << e.id << ": " << e.label;
  }
  for (const Claim& c : Shipped().claims) {
    EXPECT_NE(c.label.find(' '), std::string::npos) << c.id << ": " << c.label;
    EXPECT_LE(c.label.size(), 124u) << c.id;
  }
}

// An event is labelled by a sentence that describes it, not by somebody's quoted words, when the
// outlets give one: the 10 November 2020 statement is quoted by one outlet and described by
// another.
TEST(AlignmentTest, EventLabelsAreNotQuotationsWhenADescriptionExists) {
  const AlignedEvent* e = EventOn("2020-11-10");
  ASSERT_NE(e, nullptr);
  bool described = false;
  for (const EventMention& m : e->mentions) {
    const std::string text = m.passage.text.substr(m.passage.text.find_first_not_of(' '));
    described |= m.dated && text.rfind("\u201C", 0) != 0 && text.rfind("\"", 0) != 0;
  }
  ASSERT_TRUE(described) << "the shipped corpus describes the day outside quotation marks";
  EXPECT_NE(e->label.rfind("\u201C", 0), 0u) << e->label;
  EXPECT_NE(e->label.rfind("\"", 0), 0u) << e->label;
  // The label is one outlet's sentence, and says whose.
  bool from_outlet = false;
  for (const EventMention& m : e->mentions) {
    from_outlet |= m.passage.outlet == e->label_outlet &&
                   internal::SentenceLabel(m.passage.text).rfind(e->label.substr(0, 40), 0) == 0;
  }
  EXPECT_TRUE(from_outlet) << e->label_outlet << ": " << e->label;
}

// Why aligned: stories, events and claims of several outlets record the keys that joined them.
TEST(AlignmentTest, AlignmentsRecordTheirKeys) {
  bool story_keys = false;
  for (const AlignedStory& s : Shipped().stories) {
    if (s.article_ids.size() >= 2) story_keys |= !s.keys.empty();
  }
  EXPECT_TRUE(story_keys);
  const AlignedEvent* blockade = EventOn("2022-12-12");
  ASSERT_NE(blockade, nullptr);
  EXPECT_FALSE(blockade->keys.empty());
  for (const Claim& c : Shipped().claims) {
    if (c.outlets.size() >= 2) {
      EXPECT_FALSE(c.keys.empty()) << c.id;
    }
  }
}

// An article of 7 March 2023 whose outlet is its id.
Article ShortArticle(const std::string& id, const std::string& language, const std::string& text) {
  Article a;
  a.id = id;
  a.outlet = id;
  a.language = language;
  a.date = ParseIsoDate("2023-03-07");
  a.body = text;
  return a;
}

// Places under names transliteration cannot join (Грузия, Georgia, საქართველო) are one key
// with the shipped lexicons: three reports of one vote in three languages are one story, and
// the story says that the place joined it.
TEST(AlignmentTest, PlacesJoinReportsInScriptsTransliterationCannotJoin) {
  const LexiconLoadResult lexicon = LoadLexicons(DefaultLexiconPaths(SourceDir() + "/lexicons"));
  ASSERT_TRUE(lexicon.ok());
  const AlignDocumentBuilder builder(&lexicon.lexicon);
  std::vector<AlignDocument> docs = {
      builder.Build(ShortArticle("en", "en",
                                 "Georgia's parliament passed the foreign agents bill in its first "
                                 "reading in Tbilisi as thousands protested outside.")),
      builder.Build(
          ShortArticle("ru", "ru",
                       "Парламент Грузии принял в первом чтении законопроект об иноагентах; "
                       "в Тбилиси у здания собрались тысячи протестующих.")),
      builder.Build(ShortArticle("ka", "ka",
                                 "საქართველოს პარლამენტმა კანონპროექტი პირველი მოსმენით მიიღო; "
                                 "თბილისში ათასობით ადამიანი შეიკრიბა.")),
      builder.Build(ShortArticle("other", "en",
                                 "The orchestra opened its winter season with a Mahler symphony to "
                                 "warm applause.")),
  };
  AlignOptions options;
  options.events.enabled = false;
  options.claims.enabled = false;
  const Alignment a = Align(std::move(docs), options);
  bool found = false;
  for (const AlignedStory& s : a.stories) {
    if (std::find(s.article_ids.begin(), s.article_ids.end(), "en") == s.article_ids.end()) {
      continue;
    }
    found = true;
    EXPECT_EQ(s.article_ids, (std::vector<std::string>{"en", "ka", "ru"}));
    bool place = false;
    for (const JoiningKey& k : s.keys) place |= k.kind == "place" && k.key == "georgia";
    EXPECT_TRUE(place) << "the story records the place that joined it";
  }
  EXPECT_TRUE(found);
}

// An outlet leaves a claim out only where it could be read: an article in another language
// of the same story is not listed as missing it (claims meet on shared words, so the Russian
// report of the water cannon goes unmatched), an article in the claim's language is.
TEST(AlignmentTest, OmissionsAreJudgedInTheClaimsLanguagesOnly) {
  const LexiconLoadResult lexicon = LoadLexicons(DefaultLexiconPaths(SourceDir() + "/lexicons"));
  ASSERT_TRUE(lexicon.ok());
  const AlignDocumentBuilder builder(&lexicon.lexicon);
  // Two outlets report the water cannon; en3 (in `en3_language`) reports the vote only.
  auto english = [&builder](const std::string& en3_language) {
    return std::vector<AlignDocument>{
        builder.Build(
            ShortArticle("en1", "en",
                         "Georgia's parliament passed the foreign agents bill in its first "
                         "reading in Tbilisi. Police used water cannon and tear gas against "
                         "protesters outside parliament.")),
        builder.Build(ShortArticle("en2", "en",
                                   "Lawmakers in Tbilisi approved the foreign agents bill in a "
                                   "first reading. Police fired water cannon and tear gas at "
                                   "protesters outside parliament.")),
        builder.Build(ShortArticle("en3", en3_language,
                                   "Georgia's parliament passed the foreign agents bill in a "
                                   "first reading in Tbilisi, by 76 votes to 13.")),
    };
  };
  // The claims holding the water cannon sentence.
  auto water_claims = [](const Alignment& a) {
    std::vector<const Claim*> out;
    for (const Claim& c : a.claims) {
      const bool water = std::any_of(c.passages.begin(), c.passages.end(), [](const Passage& p) {
        return p.text.find("water cannon") != std::string::npos;
      });
      if (water) out.push_back(&c);
    }
    return out;
  };
  std::vector<AlignDocument> docs = english("en");
  docs.push_back(
      builder.Build(ShortArticle("ru", "ru-RU",
                                 "Парламент Грузии принял в первом чтении законопроект об "
                                 "иноагентах в Тбилиси. Полиция применила водометы и "
                                 "слезоточивый газ против протестующих у здания парламента.")));
  const Alignment a = Align(std::move(docs));
  const std::vector<const Claim*> water = water_claims(a);
  ASSERT_FALSE(water.empty());
  EXPECT_EQ(OutletsOf(water.back()), Outlets({"en1", "en2"}));
  EXPECT_EQ(water.back()->missing_outlets, (std::vector<std::string>{"en3"}));

  // Language tags are compared by their primary subtag whatever their case or separator, and
  // an article of no stated language is judged against the claim.
  for (const char* language : {"EN", "en_GB", "en-US", ""}) {
    const Alignment b = Align(english(language));
    bool seen = false;
    for (const Claim* c : water_claims(b)) {
      if (OutletsOf(c) != Outlets({"en1", "en2"})) continue;
      seen = true;
      EXPECT_EQ(c->missing_outlets, (std::vector<std::string>{"en3"})) << "'" << language << "'";
    }
    EXPECT_TRUE(seen) << "'" << language << "'";
  }
}

// An article does not leave out what happened after it was published: a report of 8 March is
// not listed as missing the dispersal of 9 March that two later reports carry; the same report
// dated 10 March is.
TEST(AlignmentTest, AnArticleOmitsNothingThatHappenedAfterIt) {
  const LexiconLoadResult lexicon = LoadLexicons(DefaultLexiconPaths(SourceDir() + "/lexicons"));
  ASSERT_TRUE(lexicon.ok());
  const AlignDocumentBuilder builder(&lexicon.lexicon);
  auto align = [&builder](const char* en3_date) {
    auto dated = [](Article a, const char* date) {
      a.date = ParseIsoDate(date);
      return a;
    };
    return Align({
        builder.Build(dated(ShortArticle("en1", "en",
                                         "On 9 March police used water cannon and tear gas "
                                         "against protesters outside parliament in Tbilisi over "
                                         "the foreign agents bill."),
                            "2023-03-10")),
        builder.Build(dated(ShortArticle("en2", "en",
                                         "Police fired water cannon and tear gas at protesters "
                                         "outside parliament in Tbilisi on 9 March over the "
                                         "foreign agents bill."),
                            "2023-03-10")),
        builder.Build(dated(ShortArticle("en3", "en",
                                         "Protesters gathered outside parliament in Tbilisi "
                                         "against the foreign agents bill."),
                            en3_date)),
    });
  };
  auto missing = [](const Alignment& a) {
    for (const Claim& c : a.claims) {
      for (const Passage& p : c.passages) {
        if (p.text.find("water cannon") != std::string::npos) return c.missing_outlets;
      }
    }
    ADD_FAILURE() << "no claim holds the water cannon";
    return std::vector<std::string>{};
  };
  EXPECT_EQ(missing(align("2023-03-10")), (std::vector<std::string>{"en3"}));
  EXPECT_TRUE(missing(align("2023-03-08")).empty());
}

TEST(AlignmentTest, StateDepartmentConcernOnlyInTheMoscowTimes) {
  const Claim* c = ClaimWith("moscow-times", "deeply concerned");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(OutletsOf(c), Outlets({"moscow-times"}));
  EXPECT_FALSE(c->missing_outlets.empty());
}

TEST(AlignmentTest, FranceDeploresOnlyInTheMoscowTimes) {
  const Claim* c = ClaimWith("moscow-times", "deplores");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(OutletsOf(c), Outlets({"moscow-times"}));
}

TEST(AlignmentTest, LavrovsNoCheckpointOnlyInOcMedia) {
  const Claim* c = ClaimWith("oc-media", "not envisaged");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(OutletsOf(c), Outlets({"oc-media"}));
}

// Each outlet names the activists differently (eco-activists, environmental activists,
// Azerbaijani activists) and OC Media tells it as a blockade of "the corridor".
TEST(AlignmentTest, ActivistsBlockedTheRoadInAllFive) {
  const Claim* c = ClaimWith("jamnews", "environmental activists blocked the Lachin corridor");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(OutletsOf(c), kAllFive);
  EXPECT_EQ(c, ClaimWith("moscow-times", "Azerbaijani activists blocked"));
}

// JAMnews' gold mines share "mines", "transported" and "Armenia" with the stated reason.
TEST(AlignmentTest, GoldMinesAreNotLandmines) {
  const Claim* reason = ClaimWith("moscow-times", "illegal transportation of manpower");
  ASSERT_NE(reason, nullptr);
  for (const Passage& p : reason->passages) EXPECT_NE(p.outlet, "jamnews") << p.text;
}

TEST(AlignmentTest, CommandPrintsJsonAndText) {
  const auto json = parallax::testing::RunParallax(
      {"align", "--format", "json", SourceDir() + "/corpus/lachin-2023"});
  ASSERT_EQ(json.exit_code, 0) << json.err;
  const nlohmann::json j = nlohmann::json::parse(json.out);
  EXPECT_EQ(j["articles"], 5);
  EXPECT_TRUE(j["stories"].is_array());
  EXPECT_FALSE(j["events"].empty());
  EXPECT_FALSE(j["claims"].empty());
  const auto text = parallax::testing::RunParallax({"align", SourceDir() + "/corpus/lachin-2023"});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find("STORIES"), std::string::npos);
  EXPECT_NE(text.out.find("The Moscow Times"), std::string::npos);
  const auto bad = parallax::testing::RunParallax({"align", "--format", "xml", "x"});
  EXPECT_EQ(bad.exit_code, 2);
}

TEST(SentenceLabelTest, LabelsReadAsWordsWithoutListMarkersOrRaggedSpace) {
  EXPECT_EQ(internal::SentenceLabel("- At about 2:00 a.m. the dam\n  broke."),
            "At about 2:00 a.m. the dam broke.");
  EXPECT_EQ(internal::SentenceLabel("\u2022 The road was closed."), "The road was closed.");
  EXPECT_EQ(internal::SentenceLabel("-5 degrees at night."), "-5 degrees at night.");
  EXPECT_EQ(internal::SentenceLabel("one two three four five", 12), "one two\u2026");
}

}  // namespace
}  // namespace parallax
