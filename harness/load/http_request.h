// The request the load generator sends, serialised once before the run: every connection writes
// the same immutable bytes, so the hot path never formats anything.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace claimbench::load {

struct RequestSpec {
  std::string method = "GET";  ///< an HTTP token, sent as is
  std::string host{};          ///< Host header value, e.g. "127.0.0.1:8080" (Url::HostHeader)
  std::string target = "/";    ///< request target: path plus query, e.g. "/json?x=1"
  std::vector<std::pair<std::string, std::string>> headers{};  ///< extra headers, in order
  std::string body{};          ///< request content; may be empty
};

/// Serialises `spec` as an HTTP/1.1 request:
///   METHOD TARGET HTTP/1.1\r\n Host: HOST\r\n [headers\r\n] [Content-Length: N\r\n] \r\n BODY
/// Connections stay open (HTTP/1.1's default), so no Connection header is added. Content-Length
/// is sent when there is a body or the method is POST, PUT or PATCH. A Host given in `headers`
/// replaces the default one. Throws std::invalid_argument naming the field when the method or a
/// header name is not a token, a target or value holds CR/LF/NUL, the Host is missing, or
/// `headers` sets Content-Length or Transfer-Encoding (the body decides framing).
std::string SerializeRequest(const RequestSpec& spec);

}  // namespace claimbench::load
