// Spellings of the results enums.
#include "results/enums.h"

#include <array>
#include <string>
#include <utility>

namespace claimbench::results {
namespace {

template <typename E, size_t N>
using Table = std::array<std::pair<E, std::string_view>, N>;

constexpr Table<Status, 10> kStatuses = {{{Status::kOk, "ok"},
                                          {Status::kBuildFailed, "build_failed"},
                                          {Status::kVerifyFailed, "verify_failed"},
                                          {Status::kStartFailed, "start_failed"},
                                          {Status::kCrashed, "crashed"},
                                          {Status::kInterrupted, "interrupted"},
                                          {Status::kChecksumMismatch, "checksum_mismatch"},
                                          {Status::kTimedOut, "timed_out"},
                                          {Status::kProtocolError, "protocol_error"},
                                          {Status::kCorpusMismatch, "corpus_mismatch"}}};
constexpr Table<Verdict, 4> kVerdictNames = {{{Verdict::kConsistent, "consistent"},
                                              {Verdict::kContradicted, "contradicted"},
                                              {Verdict::kInconclusive, "inconclusive"},
                                              {Verdict::kNotMeasured, "not measured here"}}};
constexpr Table<WorkloadKind, 2> kKinds = {{{WorkloadKind::kHttp, "http"}, {WorkloadKind::kBatch, "batch"}}};
constexpr Table<Suite, 2> kSuites = {{{Suite::kQuick, "quick"}, {Suite::kFull, "full"}}};
constexpr Table<Throughput, 3> kThroughputs = {
    {{Throughput::kBytes, "bytes"}, {Throughput::kLines, "lines"}, {Throughput::kNone, "none"}}};

template <typename E, size_t N>
std::string_view NameIn(const Table<E, N>& table, E value) {
  for (const auto& [e, name] : table) {
    if (e == value) return name;
  }
  return "?";
}

template <typename E, size_t N>
std::optional<E> ParseIn(const Table<E, N>& table, std::string_view text) {
  for (const auto& [e, name] : table) {
    if (name == text) return e;
  }
  return std::nullopt;
}

template <typename E, size_t N>
std::string JoinedNames(const Table<E, N>& table) {
  std::string out;
  for (const auto& [e, name] : table) out += (out.empty() ? "" : ", ") + std::string(name);
  return out;
}

}  // namespace

std::string_view Name(Status v) { return NameIn(kStatuses, v); }
std::string_view Name(Verdict v) { return NameIn(kVerdictNames, v); }
std::string_view Name(WorkloadKind v) { return NameIn(kKinds, v); }
std::string_view Name(Suite v) { return NameIn(kSuites, v); }
std::string_view Name(Throughput v) { return NameIn(kThroughputs, v); }

std::optional<Status> ParseStatus(std::string_view t) { return ParseIn(kStatuses, t); }
std::optional<Verdict> ParseVerdict(std::string_view t) { return ParseIn(kVerdictNames, t); }
std::optional<WorkloadKind> ParseWorkloadKind(std::string_view t) { return ParseIn(kKinds, t); }
std::optional<Suite> ParseSuite(std::string_view t) { return ParseIn(kSuites, t); }
std::optional<Throughput> ParseThroughput(std::string_view t) { return ParseIn(kThroughputs, t); }

template <>
std::string_view Spellings<Status>() {
  static const std::string s = JoinedNames(kStatuses);
  return s;
}
template <>
std::string_view Spellings<Verdict>() {
  static const std::string s = JoinedNames(kVerdictNames);
  return s;
}
template <>
std::string_view Spellings<WorkloadKind>() {
  static const std::string s = JoinedNames(kKinds);
  return s;
}
template <>
std::string_view Spellings<Suite>() {
  static const std::string s = JoinedNames(kSuites);
  return s;
}
template <>
std::string_view Spellings<Throughput>() {
  static const std::string s = JoinedNames(kThroughputs);
  return s;
}

}  // namespace claimbench::results
