// A load run's report, and stored histograms rebuilt.
#include "load/load_report.h"

#include <algorithm>
#include <cstddef>

namespace claimbench::load {

LatencySummary SummaryOf(const Histogram& h) {
  LatencySummary s;
  s.count = h.Count();
  s.min = h.Min();
  s.mean = h.Mean();
  s.stddev = h.Stddev();
  s.p50 = h.ValueAtPercentile(50);
  s.p90 = h.ValueAtPercentile(90);
  s.p99 = h.ValueAtPercentile(99);
  s.p99_9 = h.ValueAtPercentile(99.9);
  s.p99_99 = h.ValueAtPercentile(99.99);
  s.max = h.Max();
  s.out_of_range = h.UnderflowCount() + h.OverflowCount();
  return s;
}

HistogramBuckets BucketsOf(const Histogram& h) {
  HistogramBuckets out;
  out.significant_digits = h.significant_digits();
  out.lowest_ns = h.lowest();
  out.highest_ns = h.highest();
  h.ForEachBucket([&](const HistogramBucket& b) { out.buckets.push_back({b.highest_ns, b.count}); });
  return out;
}

LoadReport ReportOf(const LoadResult& r, const std::vector<int>& client_cpus) {
  LoadReport out;
  out.requests = r.requests;
  out.duration_s = r.duration_s;
  out.requests_per_s = r.requests_per_s;
  out.latency = SummaryOf(r.latency);
  out.service_time = SummaryOf(r.service_time);
  if (r.target_rate_per_s > 0) out.send_lag = SummaryOf(r.send_lag);
  out.target_rate_per_s = r.target_rate_per_s;
  out.achieved_rate_per_s = r.achieved_rate_per_s;
  out.backlog_max = r.backlog_max;
  out.backlog_at_end = r.backlog_at_end;
  out.rate_shortfall = r.rate_shortfall;
  out.intervals = r.intervals;
  out.latency_histogram = BucketsOf(r.latency);
  out.errors = r.errors;
  out.errors_total = r.errors.Total();
  out.errors_outside_window = r.errors_outside_window.Total();
  out.in_flight_at_end = r.in_flight_at_end;
  out.connections = r.connections;
  out.connections_established = r.connections_established;
  out.reconnects = r.reconnects;
  out.server_closes = r.server_closes;
  out.bytes_read = r.bytes_read;
  out.bytes_written = r.bytes_written;

  ClientFigures& c = out.client;
  c.threads = r.threads;
  c.cpu_user_s = r.client_cpu_user_s;
  c.cpu_system_s = r.client_cpu_system_s;
  c.cpu_s = r.client_cpu_user_s + r.client_cpu_system_s;
  // The threads can use at most as many cores as they are pinned to, and no more than there are
  // threads.
  const size_t pinned = client_cpus.empty() ? static_cast<size_t>(r.threads) : client_cpus.size();
  const double cores = static_cast<double>(std::max<size_t>(1, std::min<size_t>(pinned, r.threads)));
  c.cpu_utilisation = r.duration_s > 0 ? c.cpu_s / (r.duration_s * cores) : 0.0;
  c.busiest_thread_utilisation = r.client_cpu_busiest_thread;
  // Total utilisation hides a single thread pinned at 100% among idle ones: the busiest thread
  // is what tells whether the client set the pace.
  c.saturated = r.client_cpu_busiest_thread > kClientSaturatedAbove;
  return out;
}

Histogram HistogramOf(const HistogramBuckets& stored) {
  Histogram h(stored.lowest_ns, stored.highest_ns, stored.significant_digits);
  for (const BucketCount& b : stored.buckets) h.RecordN(b.highest_equivalent_ns, b.count);
  return h;
}

Histogram HistogramOf(const HistogramBuckets& stored, int64_t min_ns, int64_t max_ns) {
  Histogram h(stored.lowest_ns, stored.highest_ns, stored.significant_digits);
  // An extreme replaces one value of its bucket only when it lies in that bucket (it does for
  // the figures of the same histogram, unless they were out of range), so counts stay exact.
  auto in_bucket = [&](int64_t value, const BucketCount& b) {
    return value >= stored.lowest_ns && value <= stored.highest_ns &&
           h.HighestEquivalentValue(value) == b.highest_equivalent_ns;
  };
  for (size_t i = 0; i < stored.buckets.size(); ++i) {
    const BucketCount& b = stored.buckets[i];
    int64_t rest = b.count;
    if (i == 0 && rest > 0 && in_bucket(min_ns, b)) {
      h.Record(min_ns);
      --rest;
    }
    if (i + 1 == stored.buckets.size() && rest > 0 && in_bucket(max_ns, b)) {
      h.Record(max_ns);
      --rest;
    }
    h.RecordN(b.highest_equivalent_ns, rest);
  }
  return h;
}

}  // namespace claimbench::load
