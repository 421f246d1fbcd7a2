// The figures of one load run as they are reported and stored: a plain, typed summary of a
// LoadResult (percentiles read once, the latency histogram as buckets, errors by kind, the
// client's CPU and whether it set the pace). It is what `claimbench load --json` prints and what
// a results file keeps per trial; load_report_json.h is its one JSON writer and reader.
// A stored histogram is rebuilt into a load::Histogram (HistogramOf), so percentiles of stored or
// merged trials are read by the same code that reads them during a run.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "load/histogram.h"
#include "load/load_result.h"

namespace claimbench::load {

/// The client set the pace when its busiest thread was on a CPU more than this fraction of the
/// window: the server's figures then say more about the load generator than about the server.
inline constexpr double kClientSaturatedAbove = 0.9;

/// The figures of one histogram, read once (all in the histogram's unit, ns for latency).
struct LatencySummary {
  int64_t count = 0;         ///< values recorded, out-of-range ones included (count)
  int64_t min = 0;           ///< exact smallest value (ns); 0 when empty
  double mean = 0;           ///< exact mean (ns); 0 when empty
  double stddev = 0;         ///< population standard deviation (ns); 0 when empty
  int64_t p50 = 0;           ///< Histogram::ValueAtPercentile(50) (ns)
  int64_t p90 = 0;           ///< ValueAtPercentile(90) (ns)
  int64_t p99 = 0;           ///< ValueAtPercentile(99) (ns)
  int64_t p99_9 = 0;         ///< ValueAtPercentile(99.9) (ns)
  int64_t p99_99 = 0;        ///< ValueAtPercentile(99.99) (ns)
  int64_t max = 0;           ///< exact largest value (ns); 0 when empty
  int64_t out_of_range = 0;  ///< values below `lowest` or above `highest` (count), not in the buckets
};

/// One stored bucket: `count` values equivalent to `highest_equivalent_ns`.
struct BucketCount {
  int64_t highest_equivalent_ns = 0;  ///< highest value of the bucket (ns)
  int64_t count = 0;                  ///< values in the bucket (count)
};

/// A histogram as stored: its configuration and its non-empty in-range buckets, ascending.
/// Out-of-range values are not kept (LatencySummary::out_of_range counts them).
struct HistogramBuckets {
  int significant_digits = Histogram::kDefaultSignificantDigits;
  int64_t lowest_ns = Histogram::kDefaultLowestNs;    ///< lowest trackable value (ns)
  int64_t highest_ns = Histogram::kDefaultHighestNs;  ///< highest trackable value (ns)
  std::vector<BucketCount> buckets;
};

/// The load client's own CPU use over the window, to tell when it was the bottleneck.
struct ClientFigures {
  int threads = 0;                        ///< client threads (count)
  double cpu_user_s = 0;                  ///< user CPU time, summed over threads (s)
  double cpu_system_s = 0;                ///< system CPU time, summed over threads (s)
  double cpu_s = 0;                       ///< cpu_user_s + cpu_system_s (s)
  double cpu_utilisation = 0;             ///< cpu_s / (window * cores the threads could use) (fraction)
  double busiest_thread_utilisation = 0;  ///< CPU time of the busiest thread / window (fraction, 0..1)
  bool saturated = false;                 ///< busiest_thread_utilisation > kClientSaturatedAbove
};

/// One load run as reported. The meaning of each figure is that of the LoadResult field of the
/// same name (load_result.h).
struct LoadReport {
  uint64_t requests = 0;        ///< 2xx responses completed inside the window (count)
  double duration_s = 0;        ///< measured window (s)
  double requests_per_s = 0;    ///< requests / duration_s (1/s)
  LatencySummary latency;       ///< latency (ns); from intended send time in the open loop
  LatencySummary service_time;  ///< write start to end of response (ns)
  /// Open loop only: actual write start minus intended send time (ns); absent in the closed loop
  /// and in files written before it existed.
  std::optional<LatencySummary> send_lag;
  double target_rate_per_s = 0;    ///< open loop: requested rate (1/s); 0 in the closed loop
  double achieved_rate_per_s = 0;  ///< requests written per second in the window (1/s)
  uint64_t backlog_max = 0;        ///< open loop: largest backlog of due requests (count)
  uint64_t backlog_at_end = 0;     ///< open loop: due but never written (count)
  bool rate_shortfall = false;     ///< open loop: achieved under 95% of target
  /// The window second by second; empty in files written before it existed.
  std::vector<IntervalStats> intervals;
  HistogramBuckets latency_histogram;    ///< the full latency distribution (ns)
  ErrorCounts errors;                    ///< failures inside the window, by kind (count)
  uint64_t errors_total = 0;             ///< errors.Total() (count)
  uint64_t errors_outside_window = 0;    ///< failures before the window, all kinds (count)
  uint64_t in_flight_at_end = 0;         ///< outstanding when the window closed (count)
  int connections = 0;                   ///< connections kept open (count)
  uint64_t connections_established = 0;  ///< successful connects, first ones included (count)
  uint64_t reconnects = 0;               ///< connects that replaced a lost connection (count)
  uint64_t server_closes = 0;            ///< connections the server ended (count)
  uint64_t bytes_read = 0;               ///< response bytes inside the window (bytes)
  uint64_t bytes_written = 0;            ///< request bytes inside the window (bytes)
  ClientFigures client;
  /// Responses passed to the sampled body check (count); set by the caller when it asked for
  /// checks (LoadResult::responses_checked), absent otherwise and in older files.
  std::optional<int64_t> responses_checked;
};

/// The figures of `histogram`.
LatencySummary SummaryOf(const Histogram& histogram);

/// The configuration and non-empty in-range buckets of `histogram`.
HistogramBuckets BucketsOf(const Histogram& histogram);

/// The report of `result`. `client_cpus` are the CPUs the client threads were pinned to (empty:
/// not pinned), for cpu_utilisation. responses_checked is left unset.
LoadReport ReportOf(const LoadResult& result, const std::vector<int>& client_cpus);

/// Rebuilds a histogram from stored buckets: each bucket's highest equivalent value recorded
/// `count` times lands in that same bucket, so the bucket counts, and every percentile HdrHistogram
/// defines from them, are the original's, and rebuilt histograms merge exactly. Lost are the exact
/// Min/Max (ValueAtPercentile caps at them, so p0 and levels in the top bucket may read higher),
/// Mean/Stddev and out-of-range values. Throws std::invalid_argument on a configuration that
/// Histogram refuses.
Histogram HistogramOf(const HistogramBuckets& stored);

/// The same, with the exact extremes of the original (LatencySummary::min/max): one value of the
/// lowest bucket is recorded as `min_ns` and one of the top bucket as `max_ns` (when they fall in
/// those buckets), so ValueAtPercentile agrees with the original at every level, 0 and 100 too.
Histogram HistogramOf(const HistogramBuckets& stored, int64_t min_ns, int64_t max_ns);

}  // namespace claimbench::load
