// Verification of a running HTTP implementation.
#include "verify/verifier.h"

#include <algorithm>
#include <chrono>
#include <stdexcept>
#include <thread>

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
  // The first vector that requires a Date header, its Date and when it came.
  const spec::Vector* dated = nullptr;
  std::string first_date;
  auto first_date_at = std::chrono::steady_clock::now();
  for (const auto& v : vectors) {
    ++report.vectors;
    VectorFailure failure{v.name, vectors_file, v.line, {}, {}};
    try {
      HttpResponse response = Exchange(host, port, {v.method, v.path, v.headers, v.body});
      failure.differences = Compare(v.expect, response);
      bool wants_date = std::find(v.expect.headers_present.begin(), v.expect.headers_present.end(), "Date") !=
                        v.expect.headers_present.end();
      if (wants_date && !dated && response.Header("Date")) {
        dated = &v;
        first_date = *response.Header("Date");
        first_date_at = std::chrono::steady_clock::now();
      }
    } catch (const std::runtime_error& e) {
      failure.error = e.what();
    }
    if (failure.differences.empty() && failure.error.empty()) {
      ++report.passed;
    } else {
      report.failures.push_back(std::move(failure));
    }
  }
  // TechEmpower's check that Date is live, not a constant: ask again over a second later.
  if (dated) {
    std::this_thread::sleep_until(first_date_at + std::chrono::milliseconds(1100));
    VectorFailure failure{dated->name, vectors_file, dated->line, {}, {}};
    try {
      HttpResponse again = Exchange(host, port, {dated->method, dated->path, dated->headers, dated->body});
      std::string second = again.Header("Date").value_or("");
      if (second == first_date) {
        failure.differences.push_back({"header Date", "a new value 1.1 s later", "the same '" + second + "'"});
      }
    } catch (const std::runtime_error& e) {
      failure.error = e.what();
    }
    if (!failure.differences.empty() || !failure.error.empty()) report.failures.push_back(std::move(failure));
  }
  return report;
}

}  // namespace claimbench::verify
