// The routes and workload logic of claimbench-beast (the handler source recorded in
// workloads/implementations.toml). JSON is read with simdjson's DOM parser.
#include "handlers.h"

#include <simdjson.h>

#include <charconv>
#include <string_view>
#include <system_error>

namespace claimbench::beast_server {
namespace {

constexpr std::string_view kJson = "application/json";
constexpr std::string_view kText = "text/plain; charset=utf-8";

Response Error(int status, std::string_view message) {
  return Response{.status = status, .content_type = kText, .body = std::string(message)};
}

Response MethodNotAllowed(std::string_view allow) {
  Response response = Error(405, "method not allowed\n");
  response.allow = allow;
  return response;
}

std::string_view PathOf(std::string_view target) { return target.substr(0, target.find('?')); }

std::string_view TrimOws(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

// One parser per thread: simdjson parsers reuse their buffers across documents and are
// not thread-safe.
simdjson::dom::parser& ThreadParser() {
  thread_local simdjson::dom::parser parser;
  return parser;
}

}  // namespace

bool IsJsonMediaType(std::string_view content_type) {
  std::string_view media_type = TrimOws(content_type.substr(0, content_type.find(';')));
  constexpr std::string_view kPrefix = "application/";
  constexpr std::string_view kSuffix = "+json";
  if (media_type.size() < kPrefix.size() || !EqualsIgnoreCase(media_type.substr(0, kPrefix.size()), kPrefix)) {
    return false;
  }
  std::string_view subtype = media_type.substr(kPrefix.size());
  // Matches Go's isJSON (go/internal/jsonapi/handler.go): "json" or any "...+json".
  return EqualsIgnoreCase(subtype, "json") ||
         (subtype.size() >= kSuffix.size() &&
          EqualsIgnoreCase(subtype.substr(subtype.size() - kSuffix.size()), kSuffix));
}

std::string CreatedBody(double price) {
  constexpr std::string_view kHead = R"({"status":"created","tax":)";
  // 24 characters hold the longest shortest-round-trip double, "-2.2250738585072014e-308".
  char number[32];
  auto [end, ec] = std::to_chars(number, number + sizeof number, price * 0.19);
  std::string body;
  body.reserve(kHead.size() + static_cast<std::size_t>(end - number) + 1);
  body.append(kHead);
  body.append(number, end);
  body.push_back('}');
  (void)ec;  // cannot fail: the buffer is larger than any double's shortest form
  return body;
}

Response HandleItems(const Request& request) {
  if (request.method != "POST") return MethodNotAllowed("POST");
  if (!request.content_type || !IsJsonMediaType(*request.content_type)) {
    return Error(415, "expected a JSON Content-Type\n");
  }
  if (request.body_over_limit || request.body.size() > kMaxBodyBytes) return Error(413, "body over 1 MiB\n");

  // The DOM parser validates the whole document (syntax, UTF-8 anywhere, nothing after the
  // value) before the shape is looked at, so two faults at once give 400, as in Go.
  simdjson::dom::element root;
  if (ThreadParser().parse(request.body.data(), request.body.size()).get(root) != simdjson::SUCCESS) {
    return Error(400, "malformed JSON\n");
  }
  simdjson::dom::object item;
  std::string_view name;
  double price = 0;
  if (root.get(item) != simdjson::SUCCESS) return Error(422, "expected a JSON object\n");
  // A missing field, null, or the wrong type all fail the typed get: 422.
  if (item["name"].get(name) != simdjson::SUCCESS) return Error(422, "name must be a string\n");
  if (item["price"].get(price) != simdjson::SUCCESS) return Error(422, "price must be a number\n");
  return Response{.status = 200, .content_type = kJson, .body = CreatedBody(price)};
}

Response HandlePlaintext(const Request& request) {
  if (request.method != "GET") return MethodNotAllowed("GET");
  return Response{.status = 200, .content_type = kText, .body = "Hello, World!"};
}

Response Handle(const Request& request) {
  std::string_view path = PathOf(request.target);
  if (path == "/items") return HandleItems(request);
  if (path == "/plaintext") return HandlePlaintext(request);
  return Error(404, "not found\n");
}

}  // namespace claimbench::beast_server
