// Parsing of http:// URLs into host, port and request target.
#include "load/url.h"

#include <algorithm>
#include <cctype>
#include <stdexcept>
#include <string>

namespace claimbench::load {
namespace {

bool StartsWithNoCase(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() &&
         std::equal(prefix.begin(), prefix.end(), text.begin(), [](char lower, char c) {
           return std::tolower(static_cast<unsigned char>(c)) == lower;
         });
}

[[noreturn]] void Fail(std::string_view url, std::string_view why) {
  throw std::invalid_argument("invalid URL '" + std::string(url) + "': " + std::string(why));
}

uint16_t ParsePort(std::string_view url, std::string_view digits) {
  if (digits.empty() || digits.size() > 5 ||
      !std::all_of(digits.begin(), digits.end(),
                   [](char c) { return std::isdigit(static_cast<unsigned char>(c)); })) {
    Fail(url, "port must be a number from 1 to 65535");
  }
  const int port = std::stoi(std::string(digits));
  if (port < 1 || port > 65535) Fail(url, "port must be a number from 1 to 65535");
  return static_cast<uint16_t>(port);
}

}  // namespace

std::string Url::HostHeader() const {
  // Built with append: GCC 12 warns falsely (-Wrestrict) on `":" + std::to_string(...)`.
  std::string header;
  const bool ipv6 = host.find(':') != std::string::npos;
  if (ipv6) header.push_back('[');
  header.append(host);
  if (ipv6) header.push_back(']');
  if (port != 80) header.append(":").append(std::to_string(port));
  return header;
}

Url ParseUrl(std::string_view text) {
  if (StartsWithNoCase(text, "https://")) {
    throw std::invalid_argument("https is not supported: '" + std::string(text) +
                                "' (claimbench load speaks plain HTTP/1.1; use an http:// URL)");
  }
  if (!StartsWithNoCase(text, "http://")) Fail(text, "expected http://host[:port]/path");
  std::string_view rest = text.substr(7);
  if (rest.find_first_of(" \t\r\n") != std::string_view::npos) Fail(text, "contains whitespace");
  const size_t fragment = rest.find('#');
  if (fragment != std::string_view::npos) rest = rest.substr(0, fragment);

  const size_t authority_end = rest.find_first_of("/?");
  std::string_view authority = rest.substr(0, authority_end);
  Url url;
  const std::string_view target =
      authority_end == std::string_view::npos ? std::string_view() : rest.substr(authority_end);
  if (target.empty() || target.front() == '?') url.target.push_back('/');
  url.target.append(target);

  if (authority.find('@') != std::string_view::npos) Fail(text, "user info is not supported");
  std::string_view port_text;
  bool has_port = false;
  if (!authority.empty() && authority.front() == '[') {
    const size_t close = authority.find(']');
    if (close == std::string_view::npos) Fail(text, "unterminated IPv6 address");
    url.host = std::string(authority.substr(1, close - 1));
    std::string_view after = authority.substr(close + 1);
    if (!after.empty()) {
      if (after.front() != ':') Fail(text, "unexpected text after the IPv6 address");
      has_port = true;
      port_text = after.substr(1);
    }
  } else {
    const size_t colon = authority.find(':');
    url.host = std::string(authority.substr(0, colon));
    if (colon != std::string_view::npos) {
      has_port = true;
      port_text = authority.substr(colon + 1);
    }
  }
  if (url.host.empty()) Fail(text, "missing host");
  if (has_port) url.port = ParsePort(text, port_text);
  return url;
}

}  // namespace claimbench::load
