// Fixed-width text table.
#include "report/table_reporter.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <optional>
#include <utility>
#include <vector>

namespace claimbench::report {
namespace {

using nlohmann::json;

std::optional<double> Median(const json& impl, const std::string& metric) {
  if (!impl.contains("summary") || !impl["summary"].contains(metric)) return std::nullopt;
  return impl["summary"][metric]["median"].get<double>();
}

std::optional<double> Field(const json& object, const char* key) {
  if (!object.contains(key) || !object[key].is_number()) return std::nullopt;
  return object[key].get<double>();
}

// The median of the startup runs, or of the trials' first starts when there were none.
std::optional<double> Startup(const json& impl) {
  auto runs = Median(impl, "startup_median_s");
  return runs ? runs : Median(impl, "startup_s");
}

std::optional<double> Scaled(std::optional<double> v, double factor) {
  if (!v) return std::nullopt;
  return *v * factor;
}

std::string Latency(std::optional<double> ns) {
  if (!ns) return "-";
  if (*ns >= 1e9) return fmt::format("{:.2f}s", *ns / 1e9);
  if (*ns >= 1e6) return fmt::format("{:.2f}ms", *ns / 1e6);
  if (*ns >= 1e3) return fmt::format("{:.1f}us", *ns / 1e3);
  return fmt::format("{:.0f}ns", *ns);
}

std::string Or(std::optional<double> v, const char* format, double scale = 1) {
  return v ? fmt::format(fmt::runtime(format), *v * scale) : "-";
}

// "GC p99"/"GC max": "none" for a Go server that ran no GC cycle in the window, "-" for
// servers without a GC.
std::string GcPause(const json& impl, const std::string& metric) {
  auto pause = Median(impl, metric);
  if (!pause && Median(impl, "gc_cycles") == 0.0) return "none";
  return Latency(Scaled(pause, 1e3));
}

// The ratios the console shows, one line per pair of implementations.
const std::vector<std::pair<std::string, std::string>> kConsoleRatios = {{"requests_per_s", "req/s"},
                                                                       {"latency_p99_ns", "p99"},
                                                                       {"rss_peak_bytes", "peak RSS"},
                                                                       {"startup_median_s", "startup"},
                                                                       {"knee_rate_per_s", "knee"},
                                                                       {"throughput_mb_per_s", "MB/s"},
                                                                       {"throughput_items_per_s", "items/s"},
                                                                       {"iteration_ns", "time"},
                                                                       {"process_cpu_s", "CPU"},
                                                                       {"bytes_per_task", "B/task"}};

std::string RatioLines(const json& ratios, size_t width) {
  std::vector<std::pair<std::string, std::string>> pairs;  // in first-seen order
  std::map<std::pair<std::string, std::string>, std::map<std::string, double>> values;
  for (const auto& r : ratios) {
    auto key = std::make_pair(r.value("numerator", ""), r.value("denominator", ""));
    if (!values.count(key)) pairs.push_back(key);
    values[key][r.value("metric", "")] = r.value("value", 0.0);
  }
  std::string out;
  for (const auto& key : pairs) {
    std::string line;
    for (const auto& [metric, label] : kConsoleRatios) {
      auto it = values[key].find(metric);
      if (it != values[key].end()) line += fmt::format("  {} {:.2f}", label, it->second);
    }
    if (!line.empty()) out += fmt::format("  {:<{}}{}\n", key.first + " / " + key.second, 2 * width + 3, line);
  }
  return out.empty() ? out : "  ratios of medians (numerator / denominator):\n" + out;
}

size_t NameWidth(const json& results) {
  size_t width = 14;  // "implementation"
  for (const auto& w : results.value("workloads", json::array())) {
    for (const auto& impl : w.value("implementations", json::array())) width = std::max(width, impl.value("id", "").size());
    for (const auto& task : w.value("tasks", json::array())) {
      for (const auto& impl : task["implementations"]) width = std::max(width, impl.value("id", "").size());
    }
  }
  if (results.contains("builds")) {
    for (const auto& [id, b] : results["builds"].items()) width = std::max(width, id.size());
  }
  return width;
}

// A batch workload: one block per task, one row per implementation.
std::string BatchTable(const json& w, size_t n) {
  std::string out = fmt::format("{} ({} warmup + {} measured iterations per runner; medians)\n", w.value("id", ""),
                                w["batch"].value("warmup", 0), w["batch"].value("iterations", 0));
  for (const auto& task : w.value("tasks", json::array())) {
    out += fmt::format("  {}\n", task.value("id", ""));
    out += fmt::format("    {:<{}} {:>14} {:>11} {:>9} {:>10}  {}\n", "implementation", n, "throughput", "iteration",
                       "CPU s", "peak RSS", "status");
    for (const auto& impl : task.value("implementations", json::array())) {
      std::string throughput = "-";
      if (auto mb = Median(impl, "throughput_mb_per_s")) throughput = fmt::format("{:.1f} MB/s", *mb);
      if (auto items = Median(impl, "throughput_items_per_s")) throughput = fmt::format("{:.0f}/s", *items);
      if (auto per_task = Median(impl, "bytes_per_task")) throughput = fmt::format("{:.0f} B/task", *per_task);
      out += fmt::format("    {:<{}} {:>14} {:>11} {:>9} {:>10}  {}\n", impl.value("id", ""), n, throughput,
                         Latency(Median(impl, "iteration_ns")), Or(Median(impl, "process_cpu_s"), "{:.2f}"),
                         Or(Median(impl, "rss_peak_bytes"), "{:.1f}MiB", 1.0 / (1 << 20)),
                         impl.value("status", "") == "ok" ? "ok" : impl.value("status", "") + ": " + impl.value("error", ""));
    }
    std::string ratios = RatioLines(task.value("ratios", json::array()), n);
    // Indent the task's ratio lines under it.
    for (size_t at = 0; (at = ratios.find("\n  ", at)) != std::string::npos; at += 3) ratios.insert(at + 1, "  ");
    if (!ratios.empty()) out += "  " + ratios;
  }
  return out;
}

}  // namespace

std::string TableReporter::Render(const json& results) const {
  std::string out;
  const size_t n = NameWidth(results);
  for (const auto& w : results.value("workloads", json::array())) {
    if (w.value("kind", "") == "batch") {
      out += BatchTable(w, n);
      continue;
    }
    out += fmt::format("{} ({} connections, {} s, {} trial(s); medians)\n", w.value("id", ""),
                       w["load"].value("connections", 0), w["load"].value("duration_s", 0.0),
                       w["load"].value("repeat", 1));
    out += fmt::format("  {:<{}} {:>10} {:>9} {:>9} {:>9} {:>7} {:>10} {:>9} {:>9}  {}\n", "implementation", n, "req/s",
                       "p50", "p99", "p99.9", "errors", "peak RSS", "CPU s", "startup", "status");
    for (const auto& impl : w.value("implementations", json::array())) {
      out += fmt::format("  {:<{}} {:>10} {:>9} {:>9} {:>9} {:>7} {:>10} {:>9} {:>9}  {}\n", impl.value("id", ""), n,
                         Or(Median(impl, "requests_per_s"), "{:.0f}"), Latency(Median(impl, "latency_p50_ns")),
                         Latency(Median(impl, "latency_p99_ns")), Latency(Median(impl, "latency_p99_9_ns")),
                         Or(Median(impl, "errors"), "{:.0f}"), Or(Median(impl, "rss_peak_bytes"), "{:.1f}MiB", 1.0 / (1 << 20)),
                         Or(Median(impl, "server_cpu_s"), "{:.2f}"), Or(Startup(impl), "{:.1f}ms", 1e3),
                         impl.value("status", ""));
    }
    bool any_points = false;
    for (const auto& impl : w.value("implementations", json::array())) {
      any_points = any_points || Median(impl, "knee_rate_per_s") || Median(impl, "gc_pause_max_us");
    }
    if (any_points) {
      out += fmt::format("  {:<{}} {:>10} {:>10} {:>10} {:>10} {:>10} {:>9} {:>9}\n", "implementation", n, "idle RSS",
                         "p99@5k", "p99@15k", "p99@25k", "knee/s", "GC p99", "GC max");
      for (const auto& impl : w.value("implementations", json::array())) {
        out += fmt::format("  {:<{}} {:>10} {:>10} {:>10} {:>10} {:>10} {:>9} {:>9}\n", impl.value("id", ""), n,
                           Or(Median(impl, "rss_idle_bytes"), "{:.1f}MiB", 1.0 / (1 << 20)),
                           Latency(Median(impl, "latency_p99_at_5000_rps_ns")),
                           Latency(Median(impl, "latency_p99_at_15000_rps_ns")),
                           Latency(Median(impl, "latency_p99_at_25000_rps_ns")),
                           Or(Median(impl, "knee_rate_per_s"), "{:.0f}"),
                           GcPause(impl, "gc_pause_p99_us"), GcPause(impl, "gc_pause_max_us"));
      }
      out += "  (p99@rate: open loop at that rate, '-' where the machine could not reach it; GC: Go stop-the-world "
             "pauses; 'none': no GC cycle in the window)\n";
    }
    out += RatioLines(w.value("ratios", json::array()), n);
  }
  if (results.contains("builds") && !results["builds"].empty()) {
    out += "builds\n";
    out += fmt::format("  {:<{}} {:>9} {:>12} {:>12} {:>12} {:>8}\n", "implementation", n, "cold s", "incremental",
                       "binary", "stripped", "lines");
    for (const auto& [id, b] : results["builds"].items()) {
      out += fmt::format("  {:<{}} {:>9} {:>12} {:>12} {:>12} {:>8}\n", id, n, Or(Field(b, "cold_build_s"), "{:.1f}"),
                         Or(Field(b, "incremental_build_s"), "{:.1f}"), Or(Field(b, "binary_bytes"), "{:.1f}MB", 1e-6),
                         Or(Field(b, "binary_stripped_bytes"), "{:.1f}MB", 1e-6), Or(Field(b, "handler_lines"), "{:.0f}"));
    }
  }
  return out;
}

}  // namespace claimbench::report
