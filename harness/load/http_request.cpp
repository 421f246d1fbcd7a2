// Serialisation of the load generator's request.
#include "load/http_request.h"

#include <algorithm>
#include <cctype>
#include <stdexcept>
#include <string_view>

namespace claimbench::load {
namespace {

// RFC 9110 5.6.2 tchar.
bool IsToken(std::string_view text) {
  static constexpr std::string_view kExtra = "!#$%&'*+-.^_`|~";
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || kExtra.find(c) != std::string_view::npos;
  });
}

bool HasLineBreakOrNul(std::string_view text) {
  return text.find_first_of(std::string_view("\r\n\0", 3)) != std::string_view::npos;
}

bool EqualsNoCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

[[noreturn]] void Fail(const std::string& message) {
  throw std::invalid_argument("invalid request: " + message);
}

}  // namespace

std::string SerializeRequest(const RequestSpec& spec) {
  if (!IsToken(spec.method)) Fail("method '" + spec.method + "' is not an HTTP token");
  if (spec.target.empty() || spec.target.find(' ') != std::string::npos ||
      HasLineBreakOrNul(spec.target)) {
    Fail("target '" + spec.target + "' must be non-empty without spaces or line breaks");
  }
  bool host_in_headers = false;
  for (const auto& [name, value] : spec.headers) {
    if (!IsToken(name)) Fail("header name '" + name + "' is not an HTTP token");
    if (HasLineBreakOrNul(value)) Fail("header '" + name + "' value holds a line break or NUL");
    if (EqualsNoCase(name, "Content-Length") || EqualsNoCase(name, "Transfer-Encoding")) {
      Fail("header '" + name + "' is set from the body; do not give it");
    }
    host_in_headers = host_in_headers || EqualsNoCase(name, "Host");
  }
  if (!host_in_headers && (spec.host.empty() || HasLineBreakOrNul(spec.host))) {
    Fail("Host header value '" + spec.host + "' must be non-empty without line breaks");
  }

  const bool send_length = !spec.body.empty() || spec.method == "POST" || spec.method == "PUT" ||
                           spec.method == "PATCH";
  std::string out;
  out.reserve(64 + spec.method.size() + spec.target.size() + spec.host.size() + spec.body.size());
  out.append(spec.method).append(" ").append(spec.target).append(" HTTP/1.1\r\n");
  if (!host_in_headers) out.append("Host: ").append(spec.host).append("\r\n");
  for (const auto& [name, value] : spec.headers) {
    out.append(name).append(": ").append(value).append("\r\n");
  }
  if (send_length) {
    out.append("Content-Length: ").append(std::to_string(spec.body.size())).append("\r\n");
  }
  out.append("\r\n").append(spec.body);
  return out;
}

}  // namespace claimbench::load
