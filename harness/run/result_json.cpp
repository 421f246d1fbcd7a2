// JSON of the runtime model.
#include "run/result_json.h"

namespace claimbench::run {

using nlohmann::json;

json BuildRecordJson(const build::BuildRecord& r) {
  json j = {{"ok", r.ok},
            {"binary", r.binary.string()},
            {"command", r.command},
            {"flags", r.flags},
            {"toolchain", r.toolchain},
            {"libraries", r.libraries},
            {"build_s", r.build_s},
            {"binary_bytes", r.binary_bytes},
            {"binary_stripped_bytes", r.binary_stripped_bytes},
            {"handler_lines", r.handler_lines}};
  if (!r.ok) j["error"] = r.error;
  if (r.cold_build_s) {
    j["cold_build_s"] = *r.cold_build_s;
    j["cache_state"] = r.cache_state;
  }
  if (r.incremental_build_s) j["incremental_build_s"] = *r.incremental_build_s;
  return j;
}

json VerifyReportJson(const verify::VerifyReport& report) {
  json failures = json::array();
  for (const auto& f : report.failures) {
    json messages = json::array();
    std::string text = f.Describe();
    for (size_t start = 0; start <= text.size();) {
      size_t end = text.find('\n', start);
      if (end == std::string::npos) end = text.size();
      messages.push_back(text.substr(start, end - start));
      start = end + 1;
    }
    failures.push_back({{"vector", f.vector}, {"line", f.line}, {"messages", messages}});
  }
  return {{"vectors", report.vectors}, {"passed", report.passed}, {"failures", failures}};
}

json LatencyJson(const load::Histogram& h) {
  return {{"count", h.Count()},
          {"min", h.Min()},
          {"mean", h.Mean()},
          {"stddev", h.Stddev()},
          {"p50", h.ValueAtPercentile(50)},
          {"p90", h.ValueAtPercentile(90)},
          {"p99", h.ValueAtPercentile(99)},
          {"p99_9", h.ValueAtPercentile(99.9)},
          {"p99_99", h.ValueAtPercentile(99.99)},
          {"max", h.Max()},
          {"out_of_range", h.UnderflowCount() + h.OverflowCount()}};
}

json LoadResultJson(const load::LoadResult& r, const std::vector<int>& client_cpus) {
  json errors = json::object();
  for (int k = 0; k < load::kErrorKindCount; ++k) {
    auto kind = static_cast<load::ErrorKind>(k);
    errors[std::string(load::ErrorKindName(kind))] = r.errors.At(kind);
  }
  errors["total"] = r.errors.Total();
  json histogram = json::array();
  r.latency.ForEachBucket([&](const load::HistogramBucket& b) { histogram.push_back({b.highest_ns, b.count}); });
  double cpu = r.client_cpu_user_s + r.client_cpu_system_s;
  double cores = static_cast<double>(std::max<size_t>(1, std::min<size_t>(client_cpus.empty() ? r.threads : client_cpus.size(), r.threads)));
  // The client set the pace when its busiest thread was nearly always on a CPU.
  bool saturated = r.client_cpu_busiest_thread > 0.9;
  json intervals = json::array();
  for (const auto& i : r.intervals) {
    intervals.push_back({{"t_s", i.t_s},
                         {"duration_s", i.duration_s},
                         {"requests", i.requests},
                         {"errors", i.errors},
                         {"p50_ns", i.p50_ns},
                         {"p99_ns", i.p99_ns},
                         {"max_ns", i.max_ns}});
  }
  json out = {{"requests", r.requests},
          {"duration_s", r.duration_s},
          {"requests_per_s", r.requests_per_s},
          {"latency_ns", LatencyJson(r.latency)},
          {"service_time_ns", LatencyJson(r.service_time)},
          {"target_rate_per_s", r.target_rate_per_s},
          {"achieved_rate_per_s", r.achieved_rate_per_s},
          {"backlog_max", r.backlog_max},
          {"backlog_at_end", r.backlog_at_end},
          {"rate_shortfall", r.rate_shortfall},
          {"intervals", intervals},
          {"latency_histogram", {{"significant_digits", r.latency.significant_digits()},
                                 {"lowest_ns", r.latency.lowest()},
                                 {"highest_ns", r.latency.highest()},
                                 {"buckets", histogram},
                                 {"bucket_format", "[highest equivalent value ns, count]"}}},
          {"errors", errors},
          {"errors_outside_window", r.errors_outside_window.Total()},
          {"in_flight_at_end", r.in_flight_at_end},
          {"connections", r.connections},
          {"connections_established", r.connections_established},
          {"reconnects", r.reconnects},
          {"server_closes", r.server_closes},
          {"bytes_read", r.bytes_read},
          {"bytes_written", r.bytes_written},
          {"client", {{"threads", r.threads},
                      {"cpu_user_s", r.client_cpu_user_s},
                      {"cpu_system_s", r.client_cpu_system_s},
                      {"cpu_s", cpu},
                      {"cpu_utilisation", r.duration_s > 0 ? cpu / (r.duration_s * cores) : 0.0},
                      {"busiest_thread_utilisation", r.client_cpu_busiest_thread},
                      {"saturated", saturated}}}};
  if (r.target_rate_per_s > 0) out["send_lag_ns"] = LatencyJson(r.send_lag);
  return out;
}

}  // namespace claimbench::run
