// Parsing of the target URL given to `claimbench load` and to HTTP workloads. The load generator
// speaks plain HTTP/1.1 only, so an https:// URL is rejected rather than silently downgraded.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace claimbench::load {

struct Url {
  std::string host;    ///< name or IP literal, without brackets for IPv6 ("::1")
  uint16_t port = 80;  ///< TCP port; 80 when the URL gives none
  std::string target;  ///< request target: path plus query, always starting with '/'

  /// The Host header value: host, bracketed if IPv6, plus ":port" unless the port is 80.
  std::string HostHeader() const;
};

/// Parses "http://host[:port][/path][?query][#fragment]" (scheme case-insensitive; the fragment
/// is dropped; an empty path becomes "/"). Throws std::invalid_argument with the URL in the
/// message on https://, another scheme, user info, an empty host or a bad port.
Url ParseUrl(std::string_view text);

}  // namespace claimbench::load
