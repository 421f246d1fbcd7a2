// Requests for http-json-api whose prices vary (seeded, portable generator), with the
// expected tax of each, so that no server can answer from a cache and a sample of the
// responses under load can be checked (TechEmpower varies and checks its requests too).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "spec/workload.h"

namespace claimbench::run {

class VariedJsonApiRequests {
 public:
  /// `n` requests to spec.path with spec.headers, names "item-<i>" and prices of whole
  /// cents in [0.01, 10000.00] drawn with SplitMix64 from `seed`.
  VariedJsonApiRequests(const spec::LoadSpec& spec, const std::string& host_header, uint64_t seed, size_t n = 1024);

  const std::vector<std::string>& requests() const { return requests_; }
  /// A 2xx body is right when it is a JSON object with status "created" and tax equal
  /// (as a double) to price*0.19 of request `index`.
  bool Check(size_t index, int status, std::string_view body) const;

 private:
  std::vector<std::string> requests_;
  std::vector<double> expected_tax_;
};

}  // namespace claimbench::run
