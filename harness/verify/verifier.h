// Verification of a running HTTP implementation against its workload's vectors: every
// vector is sent, every difference recorded. An implementation that fails any vector is
// not timed.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "spec/vectors.h"
#include "verify/compare.h"

namespace claimbench::verify {

struct VectorFailure {
  std::string vector;                   ///< the vector's name
  std::filesystem::path file;           ///< the vectors file
  int line = 0;                         ///< where the vector starts
  std::vector<Difference> differences;  ///< empty when `error` is set
  std::string error;                    ///< transport error (refused, timeout, bad HTTP)
  std::string Describe() const;         ///< one line per difference, naming the vector
};

struct VerifyReport {
  int vectors = 0;  ///< vectors sent
  int passed = 0;
  std::vector<VectorFailure> failures;
  bool Ok() const { return failures.empty() && vectors > 0; }
};

VerifyReport VerifyHttp(const std::string& host, uint16_t port, const std::filesystem::path& vectors_file,
                        const std::vector<spec::Vector>& vectors);

}  // namespace claimbench::verify
