// Fetching news pages from the web for `parallax ingest https://…`, politely and within limits.
//
// A facilitator often has addresses, not saved pages. Fetching them is the one place Parallax
// touches the network, so it is narrow and predictable:
//
//   rule                      how
//   http and https only       anything else ("file:", "ftp:", "javascript:") is refused
//                             before any connection; redirects may not leave http(s) either
//   at most 5 redirects       FetchOptions::max_redirects; the final address is reported
//   a timeout                 FetchOptions::timeout_seconds for the whole transfer
//   a size limit              FetchOptions::max_bytes, counted after gzip decoding: the
//                             transfer stops as soon as the page grows past it
//   gzip accepted             Accept-Encoding: gzip, deflate (libcurl decodes)
//   a clear user agent        "Parallax/VERSION (news framing analysis; one page at a time)"
//   one request at a time     Fetch is synchronous; a Fetcher waits host_interval_seconds
//   per host, politely        between two requests to the same host
//   web pages only            the response must be HTML, XHTML, an RSS/Atom feed or JSON by
//                             its Content-Type (a missing type is accepted)
//
// Each failure is one FetchResult with `error` saying what failed in words a facilitator can
// act on ("HTTP 404 (not found)", "timed out after 30 s", "not a web page: the server sent
// image/png", "DNS: no such host 'exmaple.com'"). Nothing is printed; nothing throws for a bad
// address. A Fetcher is not thread-safe: use one per thread.
#ifndef PARALLAX_CORPUS_HTTP_FETCHER_H_
#define PARALLAX_CORPUS_HTTP_FETCHER_H_

#include <chrono>
#include <cstdint>
#include <map>
#include <string>

#include "core/limits.h"

namespace parallax {

// Options for Fetcher.
//
//   field                  default                meaning
//   max_bytes              kDefaultMaxInputBytes  largest page accepted (after gzip decoding)
//   timeout_seconds        30                     whole transfer, redirects included
//   connect_timeout_seconds 10                    connecting to one server
//   max_redirects          5                      redirects followed before giving up
//   host_interval_seconds  1.0                    pause between two requests to one host
//   user_agent             "" (the default one)   User-Agent header
struct FetchOptions {
  std::uint64_t max_bytes = kDefaultMaxInputBytes;
  long timeout_seconds = 30;
  long connect_timeout_seconds = 10;
  long max_redirects = 5;
  double host_interval_seconds = 1.0;
  std::string user_agent;
};

// The user agent sent when FetchOptions::user_agent is empty.
std::string DefaultUserAgent();

struct FetchResult {
  std::string url;           // as asked
  std::string final_url;     // after redirects ("" when no response came)
  long http_status = 0;      // of the final response (0 when none came)
  std::string content_type;  // as the server sent it
  std::string body;          // decoded (gzip undone); empty on error
  std::string fetched_at;    // UTC, "2026-12-06T22:50:03Z"
  std::string error;         // "" on success: what failed
  bool ok() const { return error.empty(); }
};

class Fetcher {
 public:
  explicit Fetcher(FetchOptions options = {});
  ~Fetcher();
  Fetcher(const Fetcher&) = delete;
  Fetcher& operator=(const Fetcher&) = delete;

  // Fetches `url` with the rules above. Never throws for a bad address or a failed transfer.
  FetchResult Fetch(const std::string& url);

 private:
  FetchOptions options_;
  std::map<std::string, std::chrono::steady_clock::time_point> last_request_;  // by host
};

}  // namespace parallax

#endif  // PARALLAX_CORPUS_HTTP_FETCHER_H_
