// The shared report tables, built from a results document.
#include "report/tables.h"

#include <fmt/format.h>

#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace claimbench::report {
namespace {

using nlohmann::json;

// The headline ratios, in the order the lines show them.
const std::vector<std::pair<std::string, std::string>> kRatioMetrics = {
    {"requests_per_s", "req/s"},
    {"throughput_mb_per_s", "MB/s"},
    {"throughput_items_per_s", "items/s"},
    {"iteration_ns", "time"},
    {"latency_p50_ns", "p50"},
    {"latency_p99_ns", "p99"},
    {"rss_peak_bytes", "peak RSS"},
    {"server_cpu_us_per_request", "CPU/request"},
    {"process_cpu_s", "CPU"},
    {"bytes_per_task", "B/task"},
    {"startup_median_s", "startup"},
    {"knee_rate_per_s", "knee"},
};

std::string Seconds(const json& object, const std::string& key) {
  auto v = NumberAt(object, key);
  return v ? G4(*v) + " s" : "?";
}

// The median startup of the startup runs, or of the trials' first starts.
const json* StartupSummary(const json& impl) {
  const json* runs = SummaryOf(impl, "startup_median_s");
  return runs ? runs : SummaryOf(impl, "startup_s");
}

UnitScale ScaleOf(const json* summary, UnitScale (*make)(double)) {
  std::optional<double> median = summary ? NumberAt(*summary, "median") : std::nullopt;
  return make(median.value_or(0));
}

UnitScale MillisecondsOfSeconds(double median_s) { return {1e3, DecimalsFor(median_s * 1e3), "ms"}; }
UnitScale Plain(double median) { return PlainScale(median); }
UnitScale SecondsScale(double s) { return {1, DecimalsFor(s), "s"}; }
// GC pauses are stored in µs; shown in the duration unit that suits them.
UnitScale Microseconds(double median_us) {
  UnitScale scale = DurationScale(median_us * 1e3);
  scale.factor *= 1e3;
  return scale;
}

Cell Summary(const json& impl, const std::string& metric, UnitScale (*make)(double), bool with_ci = false) {
  const json* summary = SummaryOf(impl, metric);
  return SummaryCell(summary, ScaleOf(summary, make), with_ci);
}

Cell Value(const json& object, const std::string& key, UnitScale (*make)(double)) {
  auto v = NumberAt(object, key);
  return v ? Cell{Show(*v, make(*v))} : Cell{"-"};
}

// "ok", or the status with its error; notes a saturated load generator, which the
// figures of that trial cannot be read without.
Cell HttpStatus(const json& impl) {
  Cell cell = StatusCell(impl);
  const json& trials = ArrayAt(impl, "trials");
  int saturated = 0;
  for (const auto& t : trials) saturated += BoolAt(ObjectAt(ObjectAt(t, "load"), "client"), "saturated");
  if (saturated > 0) {
    cell.text += fmt::format(" (load generator saturated in {} of {} trials)", saturated, trials.size());
  }
  return cell;
}

std::string Joined(const std::vector<std::string>& parts, const std::string& separator) {
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : separator) + p;
  return out;
}

std::string ObjectText(const json& object, const std::string& between) {
  std::vector<std::string> parts;
  for (const auto& [key, value] : object.items()) parts.push_back(key + between + Text(value));
  return Joined(parts, "; ");
}

}  // namespace

std::vector<HeaderField> RunHeader(const json& results) {
  std::vector<HeaderField> out;
  const json& context = ObjectAt(results, "context");
  std::string run = StringAt(results, "run_id");
  if (!StringAt(results, "suite").empty()) run += ", suite " + StringAt(results, "suite");
  if (!StringAt(results, "started_at").empty()) {
    run += ", " + StringAt(results, "started_at") + " to " +
           (StringAt(results, "finished_at").empty() ? "?" : StringAt(results, "finished_at"));
  }
  if (BoolAt(results, "interrupted")) run += " (interrupted: the results are partial)";
  out.push_back({"Run", run.empty() ? "-" : run});

  std::vector<std::string> machine;
  if (!StringAt(context, "cpu_model").empty()) machine.push_back(StringAt(context, "cpu_model"));
  if (auto cores = NumberAt(context, "cores")) machine.push_back(fmt::format("{:.0f} cores", *cores));
  if (!StringAt(context, "arch").empty()) machine.push_back(StringAt(context, "arch"));
  if (auto memory = NumberAt(context, "memory_bytes")) {
    machine.push_back(fmt::format("{:.1f} GiB RAM", *memory / (1 << 30)));
  }
  if (!StringAt(context, "kernel").empty()) machine.push_back(StringAt(context, "kernel"));
  if (!StringAt(context, "governor").empty()) machine.push_back("governor " + StringAt(context, "governor"));
  if (!machine.empty()) out.push_back({"Machine", Joined(machine, ", ")});

  if (!StringAt(context, "git_sha").empty()) {
    const char* dirty = BoolAt(context, "git_dirty") ? " (with uncommitted changes)" : "";
    out.push_back({"Git", StringAt(context, "git_sha") + dirty});
  }
  std::vector<std::string> setup;
  if (context.contains("seed")) setup.push_back("seed " + StringAt(context, "seed"));
  const json& cpus = ObjectAt(context, "cpu_sets");
  if (!cpus.empty()) {
    setup.push_back("server CPUs " + StringAt(cpus, "server") + ", load generator CPUs " + StringAt(cpus, "client") +
                    (BoolAt(cpus, "shared") ? " (shared)" : ""));
  }
  if (!setup.empty()) out.push_back({"Setup", Joined(setup, "; ")});
  const json& toolchains = ObjectAt(context, "toolchains");
  if (!toolchains.empty()) out.push_back({"Toolchains", ObjectText(toolchains, ": ")});
  const json& tool = ObjectAt(results, "tool");
  if (!tool.empty()) {
    out.push_back({"Tool", StringAt(tool, "name") + " " + StringAt(tool, "version") + ", results schema " +
                               StringAt(results, "schema_version")});
  }
  return out;
}

std::string HttpLoadLine(const json& workload) {
  const json& load = ObjectAt(workload, "load");
  if (load.empty()) return "";
  std::string line = fmt::format("{} {} {}", StringAt(load, "mode"), StringAt(load, "method"), StringAt(load, "path"));
  if (auto c = NumberAt(load, "connections")) line += fmt::format(", {:.0f} connections", *c);
  if (auto t = NumberAt(load, "client_threads")) line += fmt::format(", {:.0f} client thread(s)", *t);
  line += ", " + Seconds(load, "warmup_s") + " warmup then a " + Seconds(load, "duration_s") + " window";
  if (auto r = NumberAt(load, "repeat")) line += fmt::format(", {:.0f} trial(s)", *r);
  return line + "; medians over the trials, with 95% bootstrap CIs.";
}

Table HttpTable(const json& workload) {
  Table table;
  table.columns = {{"implementation"}, {"library"},          {"req/s [95% CI]", true},     {"p50", true},
                   {"p99", true},      {"errors", true},     {"peak RSS", true},           {"CPU µs/request", true},
                   {"startup", true},  {"status"}};
  for (const auto& impl : ArrayAt(workload, "implementations")) {
    const json* startup = StartupSummary(impl);
    table.rows.push_back({Cell{StringAt(impl, "id")}, Cell{StringAt(impl, "library")},
                          Summary(impl, "requests_per_s", Plain, true),
                          DurationCell(SummaryOf(impl, "latency_p50_ns"), false),
                          DurationCell(SummaryOf(impl, "latency_p99_ns"), false), Summary(impl, "errors", Plain),
                          Summary(impl, "rss_peak_bytes", MibScale), Summary(impl, "server_cpu_us_per_request", Plain),
                          SummaryCell(startup, ScaleOf(startup, MillisecondsOfSeconds), false), HttpStatus(impl)});
  }
  table.notes.push_back(kNoisyLegend);
  return table;
}

Table LoadPointsTable(const json& workload) {
  Table table;
  const json& load = ObjectAt(workload, "load");
  std::vector<double> rates;
  for (const auto& r : ArrayAt(load, "fixed_rates")) {
    if (r.is_number()) rates.push_back(r.get<double>());
  }
  table.columns = {{"implementation"}, {"idle RSS", true}};
  for (double r : rates) table.columns.push_back({fmt::format("p99 at {:.0f} req/s", r), true});
  table.columns.insert(table.columns.end(),
                       {{"knee req/s", true}, {"GC cycles", true}, {"GC pause p99", true}, {"GC pause max", true}});
  bool any = false;
  for (const auto& impl : ArrayAt(workload, "implementations")) {
    if (!SummaryOf(impl, "rss_idle_bytes") && !SummaryOf(impl, "knee_rate_per_s") && !SummaryOf(impl, "gc_cycles")) {
      continue;
    }
    any = true;
    std::vector<Cell> row = {Cell{StringAt(impl, "id")}, Summary(impl, "rss_idle_bytes", MibScale)};
    const json& first = FirstAt(impl, "trials");
    for (double r : rates) {
      Cell cell = DurationCell(SummaryOf(impl, fmt::format("latency_p99_at_{:.0f}_rps_ns", r)), false);
      const json& point = ObjectAt(ObjectAt(ObjectAt(first, "load_points"), "fixed_rates"), fmt::format("{:.0f}", r));
      if (cell.text == "-" && point.contains("reached") && !BoolAt(point, "reached")) cell.text = "not reached";
      row.push_back(cell);
    }
    row.push_back(Summary(impl, "knee_rate_per_s", Plain));
    const bool go = StringAt(impl, "language") == "go";
    auto cycles = MedianOf(impl, "gc_cycles");
    row.push_back(go ? Summary(impl, "gc_cycles", Plain) : Cell{"-"});
    for (const char* metric : {"gc_pause_p99_us", "gc_pause_max_us"}) {
      Cell cell = Summary(impl, metric, Microseconds);
      if (go && cell.text == "-" && cycles && *cycles == 0) cell.text = "none";
      row.push_back(cell);
    }
    table.rows.push_back(row);
  }
  if (!any) table.rows.clear();
  std::string where = StringAt(load, "load_points_in");
  table.notes.push_back("p99 at a rate: open loop at that rate (\"not reached\": the machine could not sustain it); "
                        "knee: the highest rate reached whose P99 stays under 10x the lowest rate's" +
                        (where.empty() ? std::string() : "; load points measured in " + where) +
                        ". GC: Go stop-the-world pauses in the window (\"none\": no GC cycle).");
  return table;
}

std::string BatchLine(const json& workload) {
  const json& batch = ObjectAt(workload, "batch");
  if (batch.empty()) return "";
  return StringAt(batch, "warmup") + " warmup + " + StringAt(batch, "iterations") +
         " measured iterations per runner; medians over the iterations, with 95% bootstrap CIs. CPU and peak RSS "
         "are of the whole runner process. MB/s is decimal (10^6 bytes/s).";
}

Table BatchTaskTable(const json& task) {
  const json& impls = ArrayAt(task, "implementations");
  bool mb = false, items = false, per_task = false;
  for (const auto& impl : impls) {
    mb = mb || SummaryOf(impl, "throughput_mb_per_s");
    items = items || SummaryOf(impl, "throughput_items_per_s");
    per_task = per_task || SummaryOf(impl, "bytes_per_task");
  }
  Table table;
  table.columns = {{"implementation"}, {"library"}};
  if (mb) table.columns.push_back({"MB/s [95% CI]", true});
  if (items) table.columns.push_back({"items/s [95% CI]", true});
  table.columns.insert(table.columns.end(), {{"iteration [95% CI]", true}});
  if (per_task) table.columns.push_back({"bytes/task", true});
  table.columns.insert(table.columns.end(), {{"CPU s", true}, {"peak RSS", true}, {"status"}});
  for (const auto& impl : impls) {
    std::vector<Cell> row = {Cell{StringAt(impl, "id")}, Cell{StringAt(impl, "library")}};
    if (mb) row.push_back(Summary(impl, "throughput_mb_per_s", Plain, true));
    if (items) row.push_back(Summary(impl, "throughput_items_per_s", Plain, true));
    row.push_back(DurationCell(SummaryOf(impl, "iteration_ns"), true));
    if (per_task) row.push_back(Summary(impl, "bytes_per_task", Plain));
    row.push_back(Summary(impl, "process_cpu_s", Plain));
    row.push_back(Summary(impl, "rss_peak_bytes", MibScale));
    row.push_back(StatusCell(impl));
    table.rows.push_back(row);
  }
  table.notes.push_back(kNoisyLegend);
  return table;
}

std::vector<RatioLine> RatioLines(const json& ratios) {
  std::vector<std::string> pairs;  // in first-seen order
  std::map<std::string, std::map<std::string, const json*>> by_pair;
  for (const auto& r : ratios) {
    std::string pair = StringAt(r, "numerator") + " / " + StringAt(r, "denominator");
    if (!by_pair.count(pair)) pairs.push_back(pair);
    by_pair[pair][StringAt(r, "metric")] = &r;
  }
  std::vector<RatioLine> out;
  for (const auto& pair : pairs) {
    RatioLine line{pair, {}};
    for (const auto& [metric, label] : kRatioMetrics) {
      auto it = by_pair[pair].find(metric);
      if (it == by_pair[pair].end()) continue;
      const json& r = *it->second;
      auto value = NumberAt(r, "value");
      if (!value) continue;
      Cell cell{fmt::format("{} {:.3g}", label, *value), BoolAt(r, "noisy")};
      auto low = NumberAt(r, "ci_low"), high = NumberAt(r, "ci_high");
      if (low && high) cell.text += fmt::format(" [{:.3g}, {:.3g}]", *low, *high);
      line.items.push_back(cell);
    }
    if (!line.items.empty()) out.push_back(line);
  }
  return out;
}

Table BuildsTable(const json& builds) {
  Table table;
  table.columns = {{"implementation"},  {"cold build", true}, {"incremental", true}, {"binary", true},
                   {"stripped", true},  {"handler lines", true}, {"toolchain"},      {"libraries"},
                   {"flags"},           {"status"}};
  if (!builds.is_object()) return table;
  bool any_times = false;
  for (const auto& [id, b] : builds.items()) {
    any_times = any_times || NumberAt(b, "cold_build_s");
    std::vector<std::string> libraries;
    for (const auto& [name, version] : ObjectAt(b, "libraries").items()) {
      libraries.push_back(name + " " + Text(version));
    }
    Cell status{"ok"};
    if (!BoolAt(b, "ok")) {
      status = {"failed", false, true};
      if (!StringAt(b, "error").empty()) status.text += ": " + FirstLine(StringAt(b, "error"));
    }
    table.rows.push_back({Cell{id}, Value(b, "cold_build_s", SecondsScale),
                          Value(b, "incremental_build_s", SecondsScale), Value(b, "binary_bytes", DecimalBytesScale),
                          Value(b, "binary_stripped_bytes", DecimalBytesScale), Value(b, "handler_lines", Plain),
                          Cell{StringAt(b, "toolchain")}, Cell{Joined(libraries, ", ")}, Cell{StringAt(b, "flags")},
                          status});
  }
  if (!table.rows.empty() && !any_times) {
    table.notes.push_back("Cold and incremental build times were not measured in this run (--no-build-times).");
  }
  table.notes.push_back(
      "Build times in seconds of wall time; binary sizes as built and after strip, in decimal kB and MB (10^3, "
      "10^6 bytes).");
  return table;
}

std::vector<ClaimView> Claims(const json& results) {
  std::vector<ClaimView> out;
  for (const auto& c : ArrayAt(results, "claims")) {
    ClaimView view{StringAt(c, "id"),      StringAt(c, "document"),          StringAt(c, "paraphrase"),
                   StringAt(c, "conditions"), ObjectText(ObjectAt(c, "stated"), ": "),
                   {},                        StringAt(c, "verdict"),           StringAt(c, "detail"),
                   "",                        {}};
    for (const auto& [key, value] : ObjectAt(c, "stated").items()) view.stated_items.emplace_back(key, Text(value));
    std::vector<std::string> reasons;
    std::set<std::string> seen;
    for (const auto& k : ArrayAt(c, "checks")) {
      CheckView check{StringAt(k, "label"), "", StringAt(k, "verdict"), StringAt(k, "expected"), "",
                      StringAt(k, "judged"), StringAt(k, "detail")};
      std::vector<std::string> where = {StringAt(k, "workload"), StringAt(k, "metric")};
      std::string rust = StringAt(k, "rust"), go = StringAt(k, "go");
      where.push_back(!rust.empty() && !go.empty() ? rust + " vs " + go : rust + go);
      std::erase(where, "");
      check.where = Joined(where, ", ");
      std::vector<std::string> measured;
      if (auto m = NumberAt(k, "measured")) {
        auto low = NumberAt(k, "ci_low"), high = NumberAt(k, "ci_high");
        measured.push_back("rust/go " + G4(*m) + (low && high ? " [" + G4(*low) + ", " + G4(*high) + "]" : ""));
      }
      if (auto m = NumberAt(k, "go_measured")) measured.push_back("go " + G4(*m));
      if (auto m = NumberAt(k, "rust_measured")) measured.push_back("rust " + G4(*m));
      check.measured = Joined(measured, "; ");
      if (seen.insert(check.detail).second && !check.detail.empty()) reasons.push_back(check.detail);
      view.checks.push_back(check);
    }
    view.reason = view.checks.empty() || reasons.empty() ? view.detail : Joined(reasons, "; ");
    out.push_back(view);
  }
  return out;
}

std::string VerdictCounts(const std::vector<ClaimView>& claims) {
  std::map<std::string, int> counts;
  for (const auto& c : claims) counts[c.verdict]++;
  std::vector<std::string> parts;
  for (const char* verdict : kVerdicts) {
    parts.push_back(fmt::format("{} {}", counts[verdict], verdict));
    counts.erase(verdict);
  }
  for (const auto& [verdict, n] : counts) {
    parts.push_back(fmt::format("{} {}", n, verdict.empty() ? "without a verdict" : verdict));
  }
  return fmt::format("{} claim{}: {}", claims.size(), claims.size() == 1 ? "" : "s", Joined(parts, ", "));
}

}  // namespace claimbench::report
