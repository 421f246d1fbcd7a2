// The metric table and the median.
#include "stats/metrics.h"

#include <algorithm>

namespace claimbench::stats {

const std::vector<Metric>& HttpMetrics() {
  static const std::vector<Metric> kMetrics = {
      {"requests_per_s", "req/s", "/load/requests_per_s", true},
      {"latency_p50_ns", "ns", "/load/latency_ns/p50", false},
      {"latency_p90_ns", "ns", "/load/latency_ns/p90", false},
      {"latency_p99_ns", "ns", "/load/latency_ns/p99", false},
      {"latency_p99_9_ns", "ns", "/load/latency_ns/p99_9", false},
      {"latency_max_ns", "ns", "/load/latency_ns/max", false},
      {"errors", "count", "/load/errors/total", false},
      {"server_cpu_s", "s", "/server/cpu_s", false},
      {"server_cpu_user_s", "s", "/server/cpu_user_s", false},
      {"server_cpu_system_s", "s", "/server/cpu_system_s", false},
      {"server_cpu_us_per_request", "us", "/server/cpu_us_per_request", false},
      {"rss_idle_bytes", "bytes", "/server/rss_idle_bytes", false},
      {"rss_peak_bytes", "bytes", "/server/rss_peak_bytes", false},
      {"startup_s", "s", "/startup_s", false},
      {"client_cpu_s", "s", "/load/client/cpu_s", false},
      {"gc_cycles", "count", "/server/gc/cycles", false},
      {"gc_pause_p50_us", "us", "/server/gc/pause_p50_us", false},
      {"gc_pause_p99_us", "us", "/server/gc/pause_p99_us", false},
      {"gc_pause_max_us", "us", "/server/gc/pause_max_us", false},
      {"latency_p99_at_5000_rps_ns", "ns", "/load_points/fixed_rates/5000/latency_p99_ns", false},
      {"latency_p99_at_15000_rps_ns", "ns", "/load_points/fixed_rates/15000/latency_p99_ns", false},
      {"latency_p99_at_25000_rps_ns", "ns", "/load_points/fixed_rates/25000/latency_p99_ns", false},
      {"knee_rate_per_s", "req/s", "/load_points/knee/knee_rate_per_s", true},
  };
  return kMetrics;
}

const std::vector<Metric>& BuildMetrics() {
  static const std::vector<Metric> kMetrics = {
      {"build_cold_s", "s", "/cold_build_s", false},
      {"build_incremental_s", "s", "/incremental_build_s", false},
      {"binary_bytes", "bytes", "/binary_bytes", false},
      {"binary_stripped_bytes", "bytes", "/binary_stripped_bytes", false},
      {"handler_lines", "lines", "/handler_lines", false},
  };
  return kMetrics;
}

std::optional<double> Extract(const nlohmann::json& object, const Metric& metric) {
  nlohmann::json::json_pointer ptr(metric.pointer);
  if (!object.contains(ptr)) return std::nullopt;
  const auto& v = object.at(ptr);
  if (!v.is_number()) return std::nullopt;
  return v.get<double>();
}

double Median(std::vector<double> values) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  size_t n = values.size();
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

}  // namespace claimbench::stats
