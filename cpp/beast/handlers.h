// The routes of claimbench-beast and the logic of both HTTP workloads (http-json-api,
// http-plaintext) as pure functions from a request to a response: no sockets, no Beast
// types, so the unit tests build requests by hand and the server only translates.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace claimbench::beast_server {

/// The largest accepted request body: 1 MiB exactly is accepted, one byte more is 413
/// (workloads/http-json-api/README.md).
inline constexpr std::size_t kMaxBodyBytes = std::size_t{1} << 20;

/// What the handlers read from a request. Views into the server's parser. Every member has
/// a default so designated initializers may omit any (GCC 12 -Wmissing-field-initializers).
struct Request {
  /// The method as sent, e.g. "POST" (methods are case-sensitive, RFC 9110 section 9.1).
  std::string_view method{};
  /// The request target: the path plus an optional "?query".
  std::string_view target{};
  /// The Content-Type header value; nullopt when the header is absent.
  std::optional<std::string_view> content_type{};
  /// The whole body; empty when body_over_limit.
  std::string_view body{};
  /// True when the server stopped reading at kMaxBodyBytes (declared or chunked length).
  bool body_over_limit = false;
};

/// What the server writes back; it adds Server, Date, Content-Length and Connection.
struct Response {
  int status = 200;
  /// Static media type ("application/json", "text/plain; charset=utf-8").
  std::string_view content_type{};
  std::string body{};
  /// The Allow header of a 405 ("POST", "GET"); empty otherwise.
  std::string_view allow{};
};

/// Routes by path (query ignored): POST /items and GET /plaintext; anything else is 404.
Response Handle(const Request& request);

/// http-json-api. Checks in the order of the status table: 405, 415, 413, 400, 422.
Response HandleItems(const Request& request);

/// http-plaintext: GET answers "Hello, World!"; any other method is 405.
Response HandlePlaintext(const Request& request);

/// True for application/json and application/*+json, case-insensitive, parameters allowed.
bool IsJsonMediaType(std::string_view content_type);

/// The 200 body for a price: {"status":"created","tax":<price*0.19>} with the tax printed
/// as the shortest decimal that reads back as the same double.
std::string CreatedBody(double price);

}  // namespace claimbench::beast_server
