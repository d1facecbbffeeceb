#include "corpus/http_fetcher.h"

#include <curl/curl.h>

#include <ctime>
#include <string_view>
#include <thread>

#include "corpus/outlets.h"

namespace parallax {
namespace {

struct Sink {
  std::string* body;
  std::uint64_t max_bytes;
  bool too_large = false;
};

std::size_t Write(char* data, std::size_t size, std::size_t count, void* user) {
  Sink* sink = static_cast<Sink*>(user);
  const std::size_t n = size * count;
  if (sink->body->size() + n > sink->max_bytes) {
    sink->too_large = true;
    return 0;  // makes libcurl stop with CURLE_WRITE_ERROR
  }
  sink->body->append(data, n);
  return n;
}

std::string UtcNow() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::string Scheme(std::string_view url) {
  const std::size_t colon = url.find(':');
  std::string scheme(url.substr(0, colon == std::string_view::npos ? 0 : colon));
  for (char& c : scheme) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return scheme;
}

// True for the content types a page, feed or JSON export comes as.
bool IsPageType(std::string_view type) {
  const std::string_view media = type.substr(0, type.find(';'));
  for (std::string_view ok :
       {"text/html", "application/xhtml+xml", "text/xml", "application/xml", "application/rss+xml",
        "application/atom+xml", "application/json", "text/plain"}) {
    if (media.size() >= ok.size() && media.substr(0, ok.size()) == ok) return true;
  }
  return media.empty();
}

std::string StatusWords(long status) {
  switch (status) {
    case 401:
      return " (login required)";
    case 403:
      return " (forbidden: the site refuses this request)";
    case 404:
      return " (not found)";
    case 410:
      return " (gone)";
    case 429:
      return " (too many requests: try again later)";
    default:
      return status >= 500 ? " (the server failed)" : "";
  }
}

std::string Describe(CURLcode code, const char* detail, const FetchOptions& options,
                     const std::string& host) {
  const std::string why = detail[0] != '\0' ? detail : curl_easy_strerror(code);
  switch (code) {
    case CURLE_UNSUPPORTED_PROTOCOL:
      return "only http and https addresses are fetched (" + why + ")";
    case CURLE_URL_MALFORMAT:
      return "not a valid address (" + why + ")";
    case CURLE_COULDNT_RESOLVE_HOST:
      return "DNS: no such host '" + host + "'";
    case CURLE_COULDNT_RESOLVE_PROXY:
      return "DNS: cannot find the proxy (" + why + ")";
    case CURLE_COULDNT_CONNECT:
      return "could not connect (" + why + ")";
    case CURLE_OPERATION_TIMEDOUT:
      return "timed out after " + std::to_string(options.timeout_seconds) + " s";
    case CURLE_TOO_MANY_REDIRECTS:
      return "more than " + std::to_string(options.max_redirects) + " redirects";
    case CURLE_FILESIZE_EXCEEDED:
      return "too large: more than " + std::to_string(options.max_bytes) +
             " bytes (raise --max-bytes)";
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_CACERT_BADFILE:
      return "TLS: " + why;
    case CURLE_BAD_CONTENT_ENCODING:
      return "the page's gzip data is corrupt (" + why + ")";
    default:
      return why;
  }
}

}  // namespace

std::string DefaultUserAgent() {
  return std::string("Parallax/") + PARALLAX_VERSION +
         " (news framing analysis; fetches one page at a time)";
}

Fetcher::Fetcher(FetchOptions options) : options_(std::move(options)) {
  curl_global_init(CURL_GLOBAL_DEFAULT);
}

Fetcher::~Fetcher() { curl_global_cleanup(); }

FetchResult Fetcher::Fetch(const std::string& url) {
  FetchResult r;
  r.url = url;
  const std::string scheme = Scheme(url);
  if (scheme != "http" && scheme != "https") {
    r.error = scheme.empty() ? "not a web address: give it as http://… or https://…"
                             : "only http and https addresses are fetched, not " + scheme + ":";
    return r;
  }
  const std::string host = DomainOfUrl(url);
  if (auto last = last_request_.find(host); last != last_request_.end()) {
    const auto next =
        last->second + std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                           std::chrono::duration<double>(options_.host_interval_seconds));
    std::this_thread::sleep_until(next);
  }

  CURL* curl = curl_easy_init();
  if (curl == nullptr) {
    r.error = "libcurl could not start";
    return r;
  }
  char detail[CURL_ERROR_SIZE] = "";
  Sink sink{&r.body, options_.max_bytes};
  const std::string agent = options_.user_agent.empty() ? DefaultUserAgent() : options_.user_agent;
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, detail);
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(curl, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(curl, CURLOPT_MAXREDIRS, options_.max_redirects);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT, options_.timeout_seconds);
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, options_.connect_timeout_seconds);
  curl_easy_setopt(curl, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(options_.max_bytes));
  curl_easy_setopt(curl, CURLOPT_ACCEPT_ENCODING, "gzip, deflate");
  curl_easy_setopt(curl, CURLOPT_USERAGENT, agent.c_str());
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, Write);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &sink);
  r.fetched_at = UtcNow();
  const CURLcode code = curl_easy_perform(curl);
  last_request_[host] = std::chrono::steady_clock::now();

  char* final_url = nullptr;
  if (curl_easy_getinfo(curl, CURLINFO_EFFECTIVE_URL, &final_url) == CURLE_OK && final_url)
    r.final_url = final_url;
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &r.http_status);
  char* type = nullptr;
  if (curl_easy_getinfo(curl, CURLINFO_CONTENT_TYPE, &type) == CURLE_OK && type)
    r.content_type = type;
  curl_easy_cleanup(curl);

  if (sink.too_large) {
    r.error = Describe(CURLE_FILESIZE_EXCEEDED, "", options_, host);
  } else if (code != CURLE_OK) {
    r.error = Describe(code, detail, options_, host);
  } else if (r.http_status >= 400) {
    r.error = "HTTP " + std::to_string(r.http_status) + StatusWords(r.http_status);
  } else if (r.http_status >= 300) {
    r.error = "HTTP " + std::to_string(r.http_status) + " redirect without a usable address";
  } else if (!IsPageType(r.content_type)) {
    r.error = "not a web page: the server sent " + r.content_type;
  } else if (r.body.empty()) {
    r.error = "the server sent an empty page";
  }
  if (!r.ok()) r.body.clear();
  return r;
}

}  // namespace parallax
