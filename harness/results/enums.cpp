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
constexpr Table<Verdict, 5> kVerdictNames = {{{Verdict::kConsistent, "consistent"},
                                              {Verdict::kContradicted, "contradicted"},
                                              {Verdict::kMixed, "mixed"},
                                              {Verdict::kInconclusive, "inconclusive"},
                                              {Verdict::kNotMeasured, "not measured here"}}};
constexpr Table<WorkloadKind, 2> kKinds = {{{WorkloadKind::kHttp, "http"}, {WorkloadKind::kBatch, "batch"}}};
constexpr Table<Suite, 2> kSuites = {{{Suite::kQuick, "quick"}, {Suite::kFull, "full"}}};
constexpr Table<Direction, 3> kDirections = {{{Direction::kHolds, "holds"},
                                              {Direction::kReversed, "reversed"},
                                              {Direction::kNoDifference, "no difference detected"}}};
constexpr Table<Magnitude, 4> kMagnitudes = {{{Magnitude::kWithin, "within"},
                                              {Magnitude::kSmaller, "smaller than stated"},
                                              {Magnitude::kLarger, "larger than stated"},
                                              {Magnitude::kUndecided, "undecided"}}};
constexpr Table<Adjustment, 2> kAdjustments = {{{Adjustment::kNone, "none"}, {Adjustment::kBonferroni, "bonferroni"}}};
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

// The table of each enum.
template <typename E>
struct TableOf;
template <>
struct TableOf<Status> {
  static constexpr const auto& table = kStatuses;
};
template <>
struct TableOf<Verdict> {
  static constexpr const auto& table = kVerdictNames;
};
template <>
struct TableOf<WorkloadKind> {
  static constexpr const auto& table = kKinds;
};
template <>
struct TableOf<Suite> {
  static constexpr const auto& table = kSuites;
};
template <>
struct TableOf<Throughput> {
  static constexpr const auto& table = kThroughputs;
};
template <>
struct TableOf<Direction> {
  static constexpr const auto& table = kDirections;
};
template <>
struct TableOf<Magnitude> {
  static constexpr const auto& table = kMagnitudes;
};
template <>
struct TableOf<Adjustment> {
  static constexpr const auto& table = kAdjustments;
};

}  // namespace

std::string_view Name(Status v) { return NameIn(kStatuses, v); }
std::string_view Name(Verdict v) { return NameIn(kVerdictNames, v); }
std::string_view Name(WorkloadKind v) { return NameIn(kKinds, v); }
std::string_view Name(Suite v) { return NameIn(kSuites, v); }
std::string_view Name(Throughput v) { return NameIn(kThroughputs, v); }
std::string_view Name(Direction v) { return NameIn(kDirections, v); }
std::string_view Name(Magnitude v) { return NameIn(kMagnitudes, v); }
std::string_view Name(Adjustment v) { return NameIn(kAdjustments, v); }

std::optional<Status> ParseStatus(std::string_view t) { return ParseIn(kStatuses, t); }
std::optional<Verdict> ParseVerdict(std::string_view t) { return ParseIn(kVerdictNames, t); }
std::optional<WorkloadKind> ParseWorkloadKind(std::string_view t) { return ParseIn(kKinds, t); }
std::optional<Suite> ParseSuite(std::string_view t) { return ParseIn(kSuites, t); }
std::optional<Throughput> ParseThroughput(std::string_view t) { return ParseIn(kThroughputs, t); }
std::optional<Direction> ParseDirection(std::string_view t) { return ParseIn(kDirections, t); }
std::optional<Magnitude> ParseMagnitude(std::string_view t) { return ParseIn(kMagnitudes, t); }
std::optional<Adjustment> ParseAdjustment(std::string_view t) { return ParseIn(kAdjustments, t); }

template <typename E>
std::string_view Spellings() {
  static const std::string spellings = JoinedNames(TableOf<E>::table);
  return spellings;
}
template std::string_view Spellings<Status>();
template std::string_view Spellings<Verdict>();
template std::string_view Spellings<WorkloadKind>();
template std::string_view Spellings<Suite>();
template std::string_view Spellings<Throughput>();
template std::string_view Spellings<Direction>();
template std::string_view Spellings<Magnitude>();
template std::string_view Spellings<Adjustment>();

}  // namespace claimbench::results
