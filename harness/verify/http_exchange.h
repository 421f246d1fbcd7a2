// One HTTP/1.1 request/response exchange on a fresh connection, for verification (not
// for load: the load generator has its own hot path).
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace claimbench::verify {

struct HttpRequest {
  std::string method;
  std::string path;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
};

struct HttpResponse {
  int status = 0;
  std::vector<std::pair<std::string, std::string>> headers;  ///< in order received
  std::string body;
  bool chunked = false;  ///< framed with Transfer-Encoding: chunked
  bool delimited = true; ///< framed by Content-Length or chunked (not by closing the connection)
  /// The value of header `name` (case-insensitive), if present.
  std::optional<std::string> Header(std::string_view name) const;
};

/// Sends `request` to host:port on a new connection and reads the response. The response is
/// read while the request is still being written, so a server that answers early (413
/// before reading a large body) and closes is seen as it answered. Throws
/// std::runtime_error with the cause (connect refused, timeout, malformed response).
HttpResponse Exchange(const std::string& host, uint16_t port, const HttpRequest& request,
                      std::chrono::milliseconds timeout = std::chrono::seconds(10));

}  // namespace claimbench::verify
