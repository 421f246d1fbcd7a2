// The states a results file records, as enums: an implementation's status, a claim's
// verdict, a workload's kind, the suite, a batch task's throughput unit. Each has one
// spelling in results.json, given here and nowhere else.
#pragma once

#include <optional>
#include <string_view>

namespace claimbench::results {

/// How an implementation (or a batch runner) ended up in this run.
enum class Status {
  kOk,
  kBuildFailed,
  kVerifyFailed,
  kStartFailed,
  kCrashed,
  kInterrupted,
  kChecksumMismatch,
  kTimedOut,
  kProtocolError,
  kCorpusMismatch,
};

/// A claim's (or one check's) verdict. kMixed: some of a claim's checks are consistent and
/// some contradicted (a check is never mixed).
enum class Verdict { kConsistent, kContradicted, kMixed, kInconclusive, kNotMeasured };

/// Whether a comparative claim's direction (which side is faster, smaller, leaner) holds.
enum class Direction { kHolds, kReversed, kNoDifference };

/// Whether the measured size is the stated one: within the bounds, smaller (closer to
/// parity, for a ratio) or larger than stated, or undecided (the interval straddles a bound).
enum class Magnitude { kWithin, kSmaller, kLarger, kUndecided };

/// How the intervals of a run's claim checks are adjusted for their number: each at 95%, or
/// Bonferroni-adjusted so that all of them hold together at 95%.
enum class Adjustment { kNone, kBonferroni };

enum class WorkloadKind { kHttp, kBatch };

enum class Suite { kQuick, kFull };

/// What a batch task's throughput counts: input bytes (MB/s), input lines (items/s), or none.
enum class Throughput { kBytes, kLines, kNone };

std::string_view Name(Status status);
std::string_view Name(Verdict verdict);
std::string_view Name(WorkloadKind kind);
std::string_view Name(Suite suite);
std::string_view Name(Throughput throughput);
std::string_view Name(Direction direction);
std::string_view Name(Magnitude magnitude);
std::string_view Name(Adjustment adjustment);

/// The enum spelled `text`, or nullopt.
std::optional<Status> ParseStatus(std::string_view text);
std::optional<Verdict> ParseVerdict(std::string_view text);
std::optional<WorkloadKind> ParseWorkloadKind(std::string_view text);
std::optional<Suite> ParseSuite(std::string_view text);
std::optional<Throughput> ParseThroughput(std::string_view text);
std::optional<Direction> ParseDirection(std::string_view text);
std::optional<Magnitude> ParseMagnitude(std::string_view text);
std::optional<Adjustment> ParseAdjustment(std::string_view text);

/// Every spelling of an enum, comma-separated, for error messages.
template <typename E>
std::string_view Spellings();

/// Every verdict, in the order reports count them.
inline constexpr Verdict kAllVerdicts[] = {Verdict::kConsistent, Verdict::kContradicted, Verdict::kMixed,
                                           Verdict::kInconclusive, Verdict::kNotMeasured};

}  // namespace claimbench::results
