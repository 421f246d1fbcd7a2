// Parsing of human durations and counts.
#include "util/duration.h"

#include <charconv>
#include <cmath>
#include <stdexcept>
#include <string>

namespace claimbench {
namespace {

// Splits "1.5ms" into 1.5 and "ms"; throws when there is no leading number.
std::pair<double, std::string_view> SplitNumber(std::string_view text, std::string_view what) {
  double value = 0;
  const char* begin = text.data();
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(begin, end, value);
  if (ec != std::errc() || !std::isfinite(value) || value < 0) {
    throw std::invalid_argument("invalid " + std::string(what) + " '" + std::string(text) + "'");
  }
  return {value, std::string_view(ptr, static_cast<size_t>(end - ptr))};
}

}  // namespace

std::chrono::nanoseconds ParseDuration(std::string_view text) {
  auto [value, unit] = SplitNumber(text, "duration");
  double scale = 0;
  if (unit.empty() || unit == "s") {
    scale = 1e9;
  } else if (unit == "ms") {
    scale = 1e6;
  } else if (unit == "us") {
    scale = 1e3;
  } else if (unit == "ns") {
    scale = 1;
  } else if (unit == "m") {
    scale = 60e9;
  } else if (unit == "h") {
    scale = 3600e9;
  } else {
    throw std::invalid_argument("invalid duration '" + std::string(text) +
                                "' (use a unit of ns, us, ms, s, m or h, e.g. 10s)");
  }
  return std::chrono::nanoseconds(static_cast<int64_t>(std::llround(value * scale)));
}

double ParseCount(std::string_view text) {
  auto [value, unit] = SplitNumber(text, "count");
  if (unit.empty()) return value;
  if (unit == "k" || unit == "K") return value * 1e3;
  if (unit == "M") return value * 1e6;
  throw std::invalid_argument("invalid count '" + std::string(text) + "' (e.g. 25000, 25k, 1.5M)");
}

}  // namespace claimbench
