// Parsing of human durations ("10s", "500ms", "2m") and counts ("25k", "1.5M") as
// written on the command line and in workload specs.
#pragma once

#include <chrono>
#include <cstdint>
#include <string_view>

namespace claimbench {

/// Parses "250ms", "10s", "1.5s", "2m", "100us", "50ns". A bare number is seconds.
/// Throws std::invalid_argument naming the text on anything else or on a negative value.
std::chrono::nanoseconds ParseDuration(std::string_view text);

/// Parses "25000", "25k", "1.5M" (k = 10^3, M = 10^6). Throws std::invalid_argument.
double ParseCount(std::string_view text);

/// Seconds as a double, for reports.
inline double ToSeconds(std::chrono::nanoseconds d) {
  return std::chrono::duration<double>(d).count();
}

}  // namespace claimbench
