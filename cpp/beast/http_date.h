// The Date header of claimbench-beast: RFC 9110 IMF-fixdate, formatted at most once per
// second per thread, as TechEmpower servers cache it rather than format it per response.
#pragma once

#include <array>
#include <ctime>
#include <string_view>

namespace claimbench::beast_server {

/// Formats `unix_seconds` as IMF-fixdate, e.g. "Sun, 06 Nov 1994 08:49:37 GMT"
/// (RFC 9110 section 5.6.7). Locale-independent.
std::string_view FormatImfFixdate(std::time_t unix_seconds, std::array<char, 29>& out);

/// The current IMF-fixdate, reformatted only when the wall-clock second changes. One per
/// thread (not thread-safe): each io_context thread owns its own.
class DateCache {
 public:
  /// Valid until the next call.
  std::string_view Now();

 private:
  std::time_t second_ = -1;
  std::array<char, 29> text_{};
};

}  // namespace claimbench::beast_server
