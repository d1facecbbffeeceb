// A tiny HTTP/1.1 server on the loopback interface, started by a test: what the fetcher and
// `parallax ingest https://…` are tested against, so no test ever needs the outside network.
// It answers one connection at a time from a fixed table of routes (unknown paths get a 404),
// each response optionally delayed, sent without Content-Length, or with extra headers. A
// connection that does not speak HTTP (a TLS handshake) is closed at once.
#ifndef PARALLAX_TESTS_LOCAL_HTTP_SERVER_H_
#define PARALLAX_TESTS_LOCAL_HTTP_SERVER_H_

#include <atomic>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace parallax::testing {

struct HttpResponse {
  int status = 200;
  std::string content_type = "text/html; charset=utf-8";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  // e.g. {"Location", "/page"}
  int delay_ms = 0;                                          // wait this long before answering
  bool content_length = true;  // false: the end of the connection ends the body
};

class LocalHttpServer {
 public:
  // Listens on 127.0.0.1 at a free port; serves `routes` (path -> response) until destroyed.
  explicit LocalHttpServer(std::map<std::string, HttpResponse> routes);
  ~LocalHttpServer();
  LocalHttpServer(const LocalHttpServer&) = delete;
  LocalHttpServer& operator=(const LocalHttpServer&) = delete;

  // "http://127.0.0.1:PORT" + path.
  std::string Url(const std::string& path) const;
  // The request lines and headers received so far, one request per entry.
  std::vector<std::string> Requests() const;

 private:
  void Serve();
  void Answer(int fd);

  std::map<std::string, HttpResponse> routes_;
  int listen_fd_ = -1;
  int port_ = 0;
  std::atomic<bool> stop_{false};
  mutable std::mutex mutex_;
  std::vector<std::string> requests_;
  std::thread thread_;
};

}  // namespace parallax::testing

#endif  // PARALLAX_TESTS_LOCAL_HTTP_SERVER_H_
