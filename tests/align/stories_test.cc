#include "align/stories.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "align/alignment.h"
#include "align/document_builder.h"

namespace parallax {
namespace {

AlignDocument Doc(const std::string& id, const std::string& outlet, const std::string& date,
                  const std::string& text) {
  AlignDocument d;
  d.id = id;
  d.outlet = outlet;
  d.date = ParseIsoDate(date);
  d.text = text;
  d.sentences = SplitAlignSentences(text);
  return d;
}

AlignOptions StoriesOnly() {
  AlignOptions options;
  options.events.enabled = false;
  options.claims.enabled = false;
  return options;
}

// Two stories told by three outlets each, in different words, plus an unrelated article.
std::vector<AlignDocument> TwoStories() {
  return {
      Doc("a1", "nyt", "2014-06-10",
          "Eric Cantor, the House majority leader, lost his Republican primary in Virginia to "
          "David Brat, an economics professor backed by the Tea Party. Cantor conceded defeat "
          "in Richmond on Tuesday night."),
      Doc("a2", "fox", "2014-06-11",
          "Tea Party challenger David Brat defeated House Majority Leader Eric Cantor in the "
          "Virginia Republican primary, a stunning upset for the economics professor."),
      Doc("a3", "hpo", "2014-06-10",
          "Economics professor Dave Brat beat Eric Cantor in Virginia's Republican primary; "
          "the majority leader's defeat stunned House Republicans."),
      Doc("b1", "nyt", "2014-06-12",
          "Flooding along the Danube forced thousands of residents of Serbia and Bosnia from "
          "their homes as rivers rose after record rainfall."),
      Doc("b2", "fox", "2014-06-12",
          "Record rainfall swelled rivers in Bosnia and Serbia, and flooding along the Danube "
          "drove thousands of residents out of their homes."),
      Doc("b3", "hpo", "2014-06-13",
          "Thousands of residents fled flooding in Serbia and Bosnia after record rainfall sent "
          "the Danube and other rivers over their banks."),
      Doc("c1", "nyt", "2014-06-12",
          "The orchestra opened its summer season with a Mahler symphony conducted by its new "
          "music director, to warm applause from a full hall."),
  };
}

std::vector<std::vector<std::string>> StoryMembers(const Alignment& a) {
  std::vector<std::vector<std::string>> out;
  for (const AlignedStory& s : a.stories) out.push_back(s.article_ids);
  std::sort(out.begin(), out.end());
  return out;
}

TEST(StoriesTest, GroupsArticlesAboutTheSameEvent) {
  const Alignment a = Align(TwoStories(), StoriesOnly());
  const std::vector<std::vector<std::string>> expected = {
      {"a1", "a2", "a3"}, {"b1", "b2", "b3"}, {"c1"}};
  EXPECT_EQ(StoryMembers(a), expected);
}

TEST(StoriesTest, CandidatesComeFromTheIndexNotAllPairs) {
  const Alignment a = Align(TwoStories(), StoriesOnly());
  // 7 documents have 21 pairs; the inverted index never proposes the unrelated concert review
  // together with the flood or primary stories (they share no signature term).
  for (const SimilarPair& p : a.candidate_pairs) {
    EXPECT_NE(a.article_ids[p.a], "c1");
    EXPECT_NE(a.article_ids[p.b], "c1");
  }
  EXPECT_LT(a.candidate_pairs.size(), 21u);
}

TEST(StoriesTest, PublicationDatesFarApartSplitAStory) {
  std::vector<AlignDocument> docs = TwoStories();
  docs[5].date = ParseIsoDate("2015-09-01");  // the same words a year later: another flood
  const Alignment a = Align(docs, StoriesOnly());
  const std::vector<std::vector<std::string>> expected = {
      {"a1", "a2", "a3"}, {"b1", "b2"}, {"b3"}, {"c1"}};
  EXPECT_EQ(StoryMembers(a), expected);
}

TEST(StoriesTest, SameOutputWhateverTheInputOrder) {
  const std::string first = AlignmentToJson(Align(TwoStories(), {})).dump();
  EXPECT_EQ(first, AlignmentToJson(Align(TwoStories(), {})).dump());
  std::vector<AlignDocument> shuffled = TwoStories();
  std::mt19937 random(7);
  for (int round = 0; round < 5; ++round) {
    std::shuffle(shuffled.begin(), shuffled.end(), random);
    EXPECT_EQ(first, AlignmentToJson(Align(shuffled, {})).dump());
  }
}

TEST(StoriesTest, PinnedArticlesFormOneStory) {
  std::vector<AlignDocument> docs = TwoStories();
  docs[0].pinned_story = "workshop";  // a primary article
  docs[6].pinned_story = "workshop";  // the concert review
  docs[3].pinned_story = "floods";
  const Alignment a = Align(docs, StoriesOnly());
  bool found = false;
  for (const AlignedStory& s : a.stories) {
    if (s.id != "workshop") continue;
    found = true;
    EXPECT_TRUE(s.pinned);
    EXPECT_TRUE(std::find(s.article_ids.begin(), s.article_ids.end(), "c1") != s.article_ids.end());
    EXPECT_TRUE(std::find(s.article_ids.begin(), s.article_ids.end(), "a1") != s.article_ids.end());
    // Pinned to different keys: never one story.
    EXPECT_TRUE(std::find(s.article_ids.begin(), s.article_ids.end(), "b1") == s.article_ids.end());
  }
  EXPECT_TRUE(found);
}

TEST(StoriesTest, NamingVariantsCountAsTheirConcept) {
  // Same report, one outlet says Khankendi, the other Stepanakert.
  AlignDocument a = Doc("x", "az", "2023-01-01", "Protesters marched in Khankendi on Monday.");
  AlignDocument b = Doc("y", "am", "2023-01-01", "Protesters marched in Stepanakert on Monday.");
  const Alignment without = Align({a, b}, StoriesOnly());
  double plain = 0;
  for (const SimilarPair& p : without.candidate_pairs) plain = p.cosine;
  a.concepts.push_back({{23, 32}, "stepanakert-khankendi"});
  b.concepts.push_back({{23, 34}, "stepanakert-khankendi"});
  const Alignment with = Align({a, b}, StoriesOnly());
  ASSERT_EQ(with.candidate_pairs.size(), 1u);
  EXPECT_GT(with.candidate_pairs[0].cosine, plain + 0.1);
}

TEST(StoriesTest, DateFactorKeepsTheNewsCycle) {
  const auto d = [](const char* s) { return ParseIsoDate(s); };
  EXPECT_DOUBLE_EQ(DateFactor(d("2020-01-01"), d("2020-01-04"), 3), 1.0);
  EXPECT_LT(DateFactor(d("2020-01-01"), d("2020-01-10"), 3), 0.2);
  EXPECT_DOUBLE_EQ(DateFactor(d("2020-01-01"), std::nullopt, 3), 1.0);
  // A month-only date covers its month.
  EXPECT_DOUBLE_EQ(DateFactor(d("2023-05"), d("2023-05-20"), 3), 1.0);
}

TEST(StoriesTest, SentencesRespectAbbreviations) {
  const std::string text = "Mr. Lavrov arrived on Dec. 26 in the U.S. capital. He spoke.\nNew line";
  const std::vector<TextSpan> s = SplitAlignSentences(text);
  ASSERT_EQ(s.size(), 3u);
  EXPECT_EQ(text.substr(s[0].begin, s[0].end - s[0].begin),
            "Mr. Lavrov arrived on Dec. 26 in the U.S. capital.");
  EXPECT_EQ(text.substr(s[1].begin, s[1].end - s[1].begin), "He spoke.");
}

// Reports of one day in three languages share almost no words, but names, places, dates and the
// kind of event: keys put them in one story, while a report of another day stays apart.
TEST(StoriesTest, KeysJoinOneEventAcrossLanguages) {
  std::vector<AlignDocument> docs = {
      Doc("en", "wire", "2020-11-10",
          "Armenia, Azerbaijan and Russia signed an agreement to end the war over "
          "Nagorno-Karabakh; "
          "Pashinyan called the ceasefire painful, Aliyev hailed it."),
      Doc("ru", "tass", "2020-11-10",
          "Пашинян, Алиев и Путин подписали заявление о прекращении огня в Карабахе; Пашинян "
          "назвал соглашение болезненным."),
      Doc("az", "apa", "2020-11-10",
          "Əliyev, Paşinyan və Putin Qarabağda atəşkəs barədə bəyanat imzaladılar; Əliyev "
          "razılaşmanı qələbə adlandırdı."),
      Doc("other", "wire", "2020-11-10",
          "The orchestra opened its winter season with a Mahler symphony to warm applause."),
  };
  docs[0].language = "en";
  docs[1].language = "ru";
  docs[2].language = "az";
  docs[3].language = "en";
  const Alignment a = Align(docs, StoriesOnly());
  std::vector<std::string> with_en;
  for (const AlignedStory& s : a.stories) {
    if (std::find(s.article_ids.begin(), s.article_ids.end(), "en") != s.article_ids.end()) {
      with_en = s.article_ids;
      bool name_key = false;
      for (const JoiningKey& k : s.keys) name_key |= k.kind == "name" && k.key == "pasin";
      EXPECT_TRUE(name_key) << "the story records the name key that joined it";
    }
  }
  EXPECT_EQ(with_en, (std::vector<std::string>{"az", "en", "ru"}));
}

// Across languages, articles compare the keys found in two or more languages: keys of one
// language only (any Georgian or Arabic word is a name key) would dilute the key vectors so much
// that two reports of one event stay apart. Within one language the full key vectors count.
TEST(StoriesTest, CrossLanguageKeysJoinArticlesOfDifferentLanguages) {
  auto input = [](int own_word, int own_key, const std::string& language) {
    StoryInput d;
    d.vector.entries = {{own_word, 1.0f}};
    // One shared key (10) beside a heavy key of the article's own (11 or 12).
    d.keys.entries = {{10, 0.2f}, {own_key, 0.98f}};
    d.cross_keys.entries = {{10, 1.0f}};
    d.language = language;
    return d;
  };
  StoryOptions options;
  options.threads = 1;
  const StoryClustering across = ClusterStories({input(1, 11, "ka"), input(2, 12, "ru")}, options);
  ASSERT_EQ(across.pairs.size(), 1u);
  EXPECT_NEAR(across.pairs[0].key_cosine, 1.0, 1e-6);
  EXPECT_EQ(across.stories.size(), 1u);

  const StoryClustering same = ClusterStories({input(1, 11, "ka"), input(2, 12, "ka")}, options);
  ASSERT_EQ(same.pairs.size(), 1u);
  EXPECT_NEAR(same.pairs[0].key_cosine, 0.04, 1e-6);
  EXPECT_EQ(same.stories.size(), 2u);
}

}  // namespace
}  // namespace parallax
