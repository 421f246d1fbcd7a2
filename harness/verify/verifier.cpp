// Verification of a running HTTP implementation.
#include "verify/verifier.h"

#include <stdexcept>

namespace claimbench::verify {

std::string VectorFailure::Describe() const {
  std::string where = "vector '" + vector + "' (" + file.filename().string() + ":" + std::to_string(line) + ")";
  if (!error.empty()) return where + ": " + error;
  std::string out;
  for (const auto& d : differences) {
    if (!out.empty()) out += '\n';
    out += where + ": " + d.Describe();
  }
  return out;
}

VerifyReport VerifyHttp(const std::string& host, uint16_t port, const std::filesystem::path& vectors_file,
                        const std::vector<spec::Vector>& vectors) {
  VerifyReport report;
  for (const auto& v : vectors) {
    ++report.vectors;
    VectorFailure failure{v.name, vectors_file, v.line, {}, {}};
    try {
      HttpResponse response = Exchange(host, port, {v.method, v.path, v.headers, v.body});
      failure.differences = Compare(v.expect, response);
    } catch (const std::runtime_error& e) {
      failure.error = e.what();
    }
    if (failure.differences.empty() && failure.error.empty()) {
      ++report.passed;
    } else {
      report.failures.push_back(std::move(failure));
    }
  }
  return report;
}

}  // namespace claimbench::verify
