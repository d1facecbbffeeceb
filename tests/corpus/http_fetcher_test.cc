#include "corpus/http_fetcher.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>

#include "corpus/gzip.h"
#include "local_http_server.h"

namespace parallax {
namespace {

using testing::HttpResponse;
using testing::LocalHttpServer;

const char kPage[] =
    "<!doctype html><html><head><title>A page</title></head><body><p>Text.</p></body></html>";

// Fast limits for tests; no proxy for the loopback server even when the environment sets one.
FetchOptions TestOptions() {
  setenv("no_proxy", "127.0.0.1,localhost", 1);
  FetchOptions o;
  o.timeout_seconds = 2;
  o.host_interval_seconds = 0;
  return o;
}

LocalHttpServer Server() {
  std::map<std::string, HttpResponse> routes;
  routes["/page"] = {200, "text/html; charset=utf-8", kPage, {}, 0, true};
  routes["/moved"] = {301, "text/html", "", {{"Location", "/page"}}, 0, true};
  routes["/hop1"] = {302, "text/html", "", {{"Location", "/moved"}}, 0, true};
  routes["/loop"] = {302, "text/html", "", {{"Location", "/loop"}}, 0, true};
  routes["/slow"] = {200, "text/html", kPage, {}, 4000, true};
  routes["/big"] = {200, "text/html", std::string(300000, 'x'), {}, 0, true};
  routes["/big-unannounced"] = {200, "text/html", std::string(300000, 'x'), {}, 0, false};
  routes["/image"] = {200, "image/png", "\x89PNG\r\n\x1a\n....", {}, 0, true};
  routes["/gzipped"] = {200, "text/html", Gzip(kPage), {{"Content-Encoding", "gzip"}}, 0, true};
  routes["/to-ftp"] = {302, "text/html", "", {{"Location", "ftp://127.0.0.1/x"}}, 0, true};
  return LocalHttpServer(std::move(routes));
}

TEST(FetcherTest, FetchesAPage) {
  LocalHttpServer server = Server();
  Fetcher fetcher(TestOptions());
  const FetchResult r = fetcher.Fetch(server.Url("/page"));
  ASSERT_TRUE(r.ok()) << r.error;
  EXPECT_EQ(r.body, kPage);
  EXPECT_EQ(r.http_status, 200);
  EXPECT_EQ(r.final_url, server.Url("/page"));
  EXPECT_EQ(r.content_type, "text/html; charset=utf-8");
  EXPECT_EQ(r.fetched_at.size(), 20u);  // 2026-12-06T22:50:03Z
  EXPECT_EQ(r.fetched_at.back(), 'Z');
}

TEST(FetcherTest, SendsAClearUserAgentAndAcceptsGzip) {
  LocalHttpServer server = Server();
  Fetcher fetcher(TestOptions());
  ASSERT_TRUE(fetcher.Fetch(server.Url("/page")).ok());
  const std::vector<std::string> requests = server.Requests();
  ASSERT_EQ(requests.size(), 1u);
  EXPECT_NE(requests[0].find("User-Agent: Parallax/"), std::string::npos) << requests[0];
  EXPECT_NE(requests[0].find("Accept-Encoding: gzip"), std::string::npos) << requests[0];
}

TEST(FetcherTest, FollowsRedirectsAndReportsTheFinalAddress) {
  LocalHttpServer server = Server();
  Fetcher fetcher(TestOptions());
  const FetchResult r = fetcher.Fetch(server.Url("/hop1"));
  ASSERT_TRUE(r.ok()) << r.error;
  EXPECT_EQ(r.url, server.Url("/hop1"));
  EXPECT_EQ(r.final_url, server.Url("/page"));
  EXPECT_EQ(r.body, kPage);
}

TEST(FetcherTest, GivesUpAfterFiveRedirects) {
  LocalHttpServer server = Server();
  Fetcher fetcher(TestOptions());
  const FetchResult r = fetcher.Fetch(server.Url("/loop"));
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.error, "more than 5 redirects");
  EXPECT_TRUE(r.body.empty());
  EXPECT_EQ(server.Requests().size(), 6u);  // the first request and five redirects
}

TEST(FetcherTest, ReportsA404) {
  LocalHttpServer server = Server();
  Fetcher fetcher(TestOptions());
  const FetchResult r = fetcher.Fetch(server.Url("/no-such-page"));
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.http_status, 404);
  EXPECT_EQ(r.error, "HTTP 404 (not found)");
  EXPECT_TRUE(r.body.empty());
}

TEST(FetcherTest, ASlowServerHitsTheTimeout) {
  LocalHttpServer server = Server();
  FetchOptions options = TestOptions();
  options.timeout_seconds = 1;
  Fetcher fetcher(options);
  const auto start = std::chrono::steady_clock::now();
  const FetchResult r = fetcher.Fetch(server.Url("/slow"));
  EXPECT_EQ(r.error, "timed out after 1 s");
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(3));
}

TEST(FetcherTest, RefusesAPageLargerThanTheLimit) {
  LocalHttpServer server = Server();
  FetchOptions options = TestOptions();
  options.max_bytes = 100000;
  Fetcher fetcher(options);
  for (const char* path : {"/big", "/big-unannounced"}) {
    const FetchResult r = fetcher.Fetch(server.Url(path));
    EXPECT_EQ(r.error, "too large: more than 100000 bytes (raise --max-bytes)") << path;
    EXPECT_TRUE(r.body.empty());
  }
}

TEST(FetcherTest, RefusesWhatIsNotAWebPage) {
  LocalHttpServer server = Server();
  Fetcher fetcher(TestOptions());
  const FetchResult r = fetcher.Fetch(server.Url("/image"));
  EXPECT_EQ(r.error, "not a web page: the server sent image/png");
  EXPECT_TRUE(r.body.empty());
}

TEST(FetcherTest, DecodesAGzipResponse) {
  LocalHttpServer server = Server();
  Fetcher fetcher(TestOptions());
  const FetchResult r = fetcher.Fetch(server.Url("/gzipped"));
  ASSERT_TRUE(r.ok()) << r.error;
  EXPECT_EQ(r.body, kPage);
}

TEST(FetcherTest, RefusesSchemesOtherThanHttpAndHttps) {
  Fetcher fetcher(TestOptions());
  EXPECT_EQ(fetcher.Fetch("file:///etc/passwd").error,
            "only http and https addresses are fetched, not file:");
  EXPECT_EQ(fetcher.Fetch("ftp://127.0.0.1/x").error,
            "only http and https addresses are fetched, not ftp:");
  EXPECT_EQ(fetcher.Fetch("example.com/page").error,
            "not a web address: give it as http://… or https://…");
}

TEST(FetcherTest, ARedirectMayNotLeaveHttp) {
  LocalHttpServer server = Server();
  Fetcher fetcher(TestOptions());
  const FetchResult r = fetcher.Fetch(server.Url("/to-ftp"));
  EXPECT_FALSE(r.ok());
  EXPECT_NE(r.error.find("only http and https"), std::string::npos) << r.error;
}

TEST(FetcherTest, ATlsFailureIsNamed) {
  LocalHttpServer server = Server();  // plain HTTP: a TLS handshake with it fails
  FetchOptions options = TestOptions();
  options.timeout_seconds = 5;
  Fetcher fetcher(options);
  std::string url = server.Url("/page");
  url.replace(0, 4, "https");
  const FetchResult r = fetcher.Fetch(url);
  EXPECT_EQ(r.error.rfind("TLS: ", 0), 0u) << r.error;
}

TEST(FetcherTest, WaitsBetweenRequestsToOneHost) {
  LocalHttpServer server = Server();
  FetchOptions options = TestOptions();
  options.host_interval_seconds = 0.3;
  Fetcher fetcher(options);
  const auto start = std::chrono::steady_clock::now();
  ASSERT_TRUE(fetcher.Fetch(server.Url("/page")).ok());
  ASSERT_TRUE(fetcher.Fetch(server.Url("/page")).ok());
  EXPECT_GE(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(300));
}

}  // namespace
}  // namespace parallax
