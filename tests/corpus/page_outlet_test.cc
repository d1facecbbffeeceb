#include "corpus/page_outlet.h"

#include <gtest/gtest.h>

namespace parallax {
namespace {

OutletsFile Outlets() {
  const OutletsLoadResult r = ParseOutlets(
      "<outlets><outlet id=\"oc-media\"><name>OC Media</name><domain>oc-media.org</domain>"
      "</outlet></outlets>",
      "outlets.xml");
  EXPECT_TRUE(r.diagnostics.empty());
  return r.file;
}

TEST(PageOutletTest, ADomainOfTheOutletsFileWins) {
  const OutletsFile outlets = Outlets();
  Slugger slugger;
  const PageOutlet o =
      OutletOfPage("https://www.oc-media.org/features/x/", "Some Other Name", &outlets, slugger);
  EXPECT_EQ(o.id, "oc-media");
  EXPECT_EQ(o.name, "OC Media");
  EXPECT_EQ(o.source, OutletSource::kOutletsFile);
  EXPECT_STREQ(OutletSourceName(o.source), "outlets file");
}

TEST(PageOutletTest, ASiteNameOfTheOutletsFileIsThatOutlet) {
  const OutletsFile outlets = Outlets();
  Slugger slugger;
  const PageOutlet o = OutletOfPage("https://mirror.example/x", "oc media", &outlets, slugger);
  EXPECT_EQ(o.id, "oc-media");
  EXPECT_EQ(o.source, OutletSource::kOutletsFile);
}

TEST(PageOutletTest, AnUnknownSiteNameBecomesAnId) {
  const OutletsFile outlets = Outlets();
  Slugger slugger;
  const PageOutlet o = OutletOfPage("https://www.hollywoodreporter.com/news/x",
                                    " The  Hollywood Reporter ", &outlets, slugger);
  EXPECT_EQ(o.id, "the-hollywood-reporter");
  EXPECT_EQ(o.name, "The Hollywood Reporter");
  EXPECT_EQ(o.source, OutletSource::kSiteName);
  EXPECT_EQ(OutletOfPage("", "Коммерсантъ", nullptr, slugger).id, "kommersant");
}

TEST(PageOutletTest, ASectionInPlaceOfTheSiteNameGivesWayToTheDomain) {
  Slugger slugger;
  const PageOutlet o = OutletOfPage("https://www.reuters.com/article/us-global-markets-id", "U.S.",
                                    nullptr, slugger);
  EXPECT_EQ(o.id, "reuters-com");
  EXPECT_EQ(o.name, "reuters.com");
  EXPECT_EQ(o.source, OutletSource::kDomain);
}

TEST(PageOutletTest, ASiteNameThatIsAnAddressNamesItsDomain) {
  Slugger slugger;
  const PageOutlet o =
      OutletOfPage("https://www.newsnation.in/x", "https://www.newsnation.in", nullptr, slugger);
  EXPECT_EQ(o.id, "newsnation-in");
  EXPECT_EQ(o.name, "newsnation.in");
}

TEST(PageOutletTest, SiteNamesThatFitTheirDomains) {
  EXPECT_TRUE(NameFitsDomain("the-hollywood-reporter", "hollywoodreporter.com"));
  EXPECT_TRUE(NameFitsDomain("the-wall-street-journal", "wsj.com"));
  EXPECT_TRUE(NameFitsDomain("new-york-post", "nypost.com"));
  EXPECT_TRUE(NameFitsDomain("bbc-news", "bbc.com"));
  EXPECT_TRUE(NameFitsDomain("jamnews", "jam-news.net"));
  EXPECT_TRUE(NameFitsDomain("ria-novosti", "ria.ru"));
  EXPECT_TRUE(NameFitsDomain("kavkazskij-vestnik", "vestnik-kavkaza.example"));
  EXPECT_TRUE(NameFitsDomain("caucasus-ledger", "news.caucasusledger.example"));
  EXPECT_TRUE(NameFitsDomain("anything", ""));
  EXPECT_FALSE(NameFitsDomain("u-s", "reuters.com"));
  EXPECT_FALSE(NameFitsDomain("world", "bbc.co.uk"));
  EXPECT_FALSE(NameFitsDomain("us", "usatoday.com"));
}

TEST(PageOutletTest, ElseTheDomain) {
  Slugger slugger;
  const PageOutlet o = OutletOfPage("https://WWW.Example.co.uk:8080/a?b", "", nullptr, slugger);
  EXPECT_EQ(o.id, "example-co-uk");
  EXPECT_EQ(o.name, "example.co.uk");
  EXPECT_EQ(o.source, OutletSource::kDomain);
}

TEST(PageOutletTest, NothingNamesTheOutlet) {
  Slugger slugger;
  const PageOutlet o = OutletOfPage("", "", nullptr, slugger);
  EXPECT_EQ(o.id, "");
  EXPECT_EQ(o.source, OutletSource::kNone);
  EXPECT_STREQ(OutletSourceName(o.source), "");
}

TEST(PageOutletTest, ArticleOutletsJoinTheOutletsFile) {
  const OutletsFile outlets = Outlets();
  std::vector<Article> articles(4);
  articles[0].outlet = "oc-media";
  articles[1].outlet = "the-hollywood-reporter";
  articles[1].outlet_name = "The Hollywood Reporter";
  articles[1].url = "https://www.hollywoodreporter.com/a";
  articles[2].outlet = "example-com";
  articles[3].outlet = "the-hollywood-reporter";
  articles[3].url = "https://hollywoodreporter.com/b";
  const OutletsFile all = WithArticleOutlets(outlets, articles);
  ASSERT_EQ(all.outlets.size(), 3u);
  EXPECT_EQ(all.Find("oc-media")->name, "OC Media");
  const Outlet* thr = all.Find("the-hollywood-reporter");
  ASSERT_NE(thr, nullptr);
  EXPECT_EQ(thr->name, "The Hollywood Reporter");
  EXPECT_EQ(thr->domains, std::vector<std::string>{"hollywoodreporter.com"});
  EXPECT_EQ(all.Find("example-com")->name, "example-com");
  EXPECT_EQ(all.path, outlets.path);
}

}  // namespace
}  // namespace parallax
