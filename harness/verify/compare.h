// Comparison of an actual HTTP response with a vector's expectation. Every difference is
// reported (not just the first), each saying what was expected and what came back.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "spec/vectors.h"
#include "verify/http_exchange.h"

namespace claimbench::verify {

struct Difference {
  std::string field;     ///< "status", "content-type", "header Allow", "body"
  std::string expected;
  std::string actual;
  std::string Describe() const;  ///< "status: expected 422, got 200"
};

std::vector<Difference> Compare(const spec::Expectation& expect, const HttpResponse& response);

/// JSON equality as the vectors define it: object keys in any order, numbers equal as
/// IEEE-754 doubles (19 == 19.0), strings and structure exact. Returns the JSON pointer of
/// the first difference ("" is the root; kNotJson when the actual text does not parse),
/// or nullopt when equal.
inline constexpr std::string_view kNotJson = "(not JSON)";
std::optional<std::string> JsonDifference(const std::string& expected_json, const std::string& actual_json);

/// The media type of a Content-Type value: lower-cased, parameters and spaces removed.
std::string MediaType(std::string_view content_type);

}  // namespace claimbench::verify
