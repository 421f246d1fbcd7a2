// Varied http-json-api requests.
#include "run/varied_requests.h"

#include <charconv>

#include <nlohmann/json.hpp>

#include "load/http_request.h"
#include "util/splitmix64.h"

namespace claimbench::run {

VariedJsonApiRequests::VariedJsonApiRequests(const spec::LoadSpec& spec, const std::string& host_header,
                                             uint64_t seed, size_t n) {
  uint64_t state = seed;
  requests_.reserve(n);
  expected_tax_.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    double price = static_cast<double>(SplitMix64(state) % 1'000'000 + 1) / 100.0;
    char text[32];
    auto [end, ec] = std::to_chars(text, text + sizeof text, price);  // shortest round trip
    std::string body = "{\"name\":\"item-" + std::to_string(i) + "\",\"price\":" + std::string(text, end) + "}";
    requests_.push_back(load::SerializeRequest({spec.method, host_header, spec.path, spec.headers, body}));
    expected_tax_.push_back(price * 0.19);
  }
}

bool VariedJsonApiRequests::Check(size_t index, int status, std::string_view body) const {
  if (status != 200 || index >= expected_tax_.size()) return false;
  auto j = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object() || j.size() != 2) return false;
  auto s = j.find("status");
  auto t = j.find("tax");
  return s != j.end() && *s == "created" && t != j.end() && t->is_number() &&
         t->get<double>() == expected_tax_[index];
}

}  // namespace claimbench::run
