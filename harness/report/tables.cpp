// The shared report tables, built from the typed results.
#include "report/tables.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "claims/claim_spec.h"
#include "report/comparison.h"

namespace claimbench::report {
namespace {

namespace metric = stats::metric;
using results::Summaries;

std::string Seconds(double s) { return G4(s) + " s"; }

// The median startup of the startup runs, or of the trials' first starts.
Cell StartupCell(const Summaries& summary, const stats::MetricRegistry& registry) {
  const std::string_view name = SummaryOf(summary, metric::kStartupMedian) ? metric::kStartupMedian : metric::kStartup;
  return MetricCell(summary, registry.Get(name));
}

// "ok", or the status with its error; notes a saturated load generator, which the
// figures of that trial cannot be read without.
Cell HttpStatus(const results::HttpImplementation& impl) {
  Cell cell = StatusCell(impl.status, impl.error);
  int saturated = 0;
  for (const auto& t : impl.trials) saturated += t.load.client.saturated;
  if (saturated > 0) {
    cell.text += fmt::format(" (load generator saturated in {} of {} trials)", saturated, impl.trials.size());
  }
  return cell;
}

std::string Joined(const std::vector<std::string>& parts, const std::string& separator) {
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : separator) + p;
  return out;
}

std::string MapText(const std::map<std::string, std::string>& map, const std::string& between) {
  std::vector<std::string> parts;
  for (const auto& [key, value] : map) parts.push_back(key + between + value);
  return Joined(parts, "; ");
}

std::string RunLine(const results::RunResults& r) {
  std::string run = r.run_id + ", suite " + std::string(results::Name(r.suite));
  if (!r.started_at.empty()) run += ", " + r.started_at + " to " + r.finished_at.value_or("?");
  if (r.interrupted) run += " (interrupted: the results are partial)";
  return run;
}

std::string MachineLine(const results::RunContext& c) {
  std::vector<std::string> machine;
  if (!c.cpu_model.empty()) machine.push_back(c.cpu_model);
  if (c.cores > 0) machine.push_back(fmt::format("{} cores", c.cores));
  if (!c.arch.empty()) machine.push_back(c.arch);
  if (c.memory_bytes) {
    machine.push_back(fmt::format("{:.1f} GiB RAM", static_cast<double>(*c.memory_bytes) / (1 << 30)));
  }
  if (!c.kernel.empty()) machine.push_back(c.kernel);
  if (!c.governor.empty()) machine.push_back("governor " + c.governor);
  return Joined(machine, ", ");
}

std::string SetupLine(const results::RunContext& c) {
  std::vector<std::string> setup = {fmt::format("seed {}", c.seed)};
  const results::CpuSets& cpus = c.cpu_sets;
  if (!cpus.server.empty() || !cpus.client.empty()) {
    setup.push_back("server CPUs " + cpus.server + ", load generator CPUs " + cpus.client +
                    (cpus.shared ? " (shared)" : ""));
  }
  return Joined(setup, "; ");
}

// True when an implementation has any figure of the load points table.
bool HasLoadPoints(const Summaries& summary, const std::vector<const stats::Metric*>& metrics) {
  for (const stats::Metric* m : metrics) {
    if (SummaryOf(summary, m->name)) return true;
  }
  return false;
}

// The P99 at `rate`, or "not reached" where the first trial's point at that rate was not.
Cell RateCell(const results::HttpImplementation& impl, double rate, const stats::MetricRegistry& registry) {
  Cell cell = MetricCell(impl.summary, registry.Get(metric::LatencyP99AtRate(rate)));
  if (cell.text != "-" || impl.trials.empty() || !impl.trials.front().load_points) return cell;
  const auto& points = impl.trials.front().load_points->fixed_rates;
  auto point = points.find(metric::RateKey(rate));
  if (point != points.end() && point->second.reached == false) cell.text = "not reached";
  return cell;
}

std::vector<Cell> LoadPointsRow(const results::HttpImplementation& impl, const std::vector<double>& rates,
                                const stats::MetricRegistry& registry) {
  std::vector<Cell> row = {Cell{impl.id}, MetricCell(impl.summary, registry.Get(metric::kRssIdle))};
  for (double r : rates) row.push_back(RateCell(impl, r, registry));
  row.push_back(MetricCell(impl.summary, registry.Get(metric::kKneeRate)));
  const bool go = impl.language == "go";
  const results::Summary* cycles = SummaryOf(impl.summary, metric::kGcCycles);
  row.push_back(go ? MetricCell(impl.summary, registry.Get(metric::kGcCycles)) : Cell{"-"});
  for (std::string_view name : {metric::kGcPauseP99, metric::kGcPauseMax}) {
    Cell cell = MetricCell(impl.summary, registry.Get(name));
    if (go && cell.text == "-" && cycles && cycles->median == 0) cell.text = "none";
    row.push_back(cell);
  }
  return row;
}

// A check's measurement as reported: a ratio as a ratio and in words, an absolute with its unit.
CheckView Check(const results::CheckVerdict& k, const stats::MetricRegistry& registry) {
  CheckView check{k.label, "", k.verdict, k.expected, "", k.judged, k.detail};
  std::vector<std::string> where = {k.workload, k.metric};
  where.push_back(!k.rust.empty() && !k.go.empty() ? k.rust + " vs " + k.go : k.rust + k.go);
  std::erase(where, "");
  check.where = Joined(where, ", ");
  std::vector<std::string> measured;
  // A geomean check's "time" reads like any time metric (lower is better).
  const stats::Metric* metric =
      registry.Find(k.workload == claims::Check::kGeomean ? std::string(stats::metric::kIterationTime) : k.metric);
  const bool ratio = k.judged.rfind("ratio", 0) == 0 || (k.measured && !k.go_measured && !k.rust_measured);
  if (k.measured && ratio) {
    const bool ci = k.ci_low && k.ci_high;
    std::string phrase = ComparisonPhrase(metric, *k.measured, k.direction);
    measured.push_back("rust/go " + G4(*k.measured) + (ci ? " [" + G4(*k.ci_low) + ", " + G4(*k.ci_high) + "]" : "") +
                       (phrase.empty() ? "" : ": " + phrase));
  }
  auto absolute = [&](const char* side, double value) {
    measured.push_back(std::string(side) + " " + (metric ? stats::ShowValue(value, *metric) : G4(value)));
  };
  if (k.go_measured) absolute("go", *k.go_measured);
  if (k.rust_measured) absolute("rust", *k.rust_measured);
  check.measured = Joined(measured, "; ");
  return check;
}

}  // namespace

std::vector<HeaderField> RunHeader(const results::RunResults& r) {
  std::vector<HeaderField> out;
  out.push_back({"Run", RunLine(r)});
  const results::RunContext& c = r.context;
  if (std::string machine = MachineLine(c); !machine.empty()) out.push_back({"Machine", machine});
  if (!c.git_sha.empty()) out.push_back({"Git", c.git_sha + (c.git_dirty ? " (with uncommitted changes)" : "")});
  out.push_back({"Setup", SetupLine(c)});
  if (!c.toolchains.empty()) out.push_back({"Toolchains", MapText(c.toolchains, ": ")});
  std::string tool = r.tool_name + (r.tool_version.empty() ? "" : " " + r.tool_version);
  out.push_back({"Tool", tool + ", results schema " + std::to_string(r.schema_version)});
  return out;
}

std::string HttpLoadLine(const results::HttpWorkload& workload) {
  if (!workload.load) return "";
  const results::HttpLoadPlan& load = *workload.load;
  std::string line = fmt::format("{} {} {}, {} connections, {} client thread(s)", load.mode, load.method, load.path,
                                 load.connections, load.client_threads);
  line += ", " + Seconds(load.warmup_s) + " warmup then a " + Seconds(load.duration_s) + " window";
  line += fmt::format(", {} trial(s)", load.repeat);
  return line + "; medians over the trials, with 95% order-statistic CIs (none below 6 trials).";
}

Table HttpTable(const results::HttpWorkload& workload, const stats::MetricRegistry& registry) {
  Table table;
  table.columns = {{"implementation"}, {"library"},          {"req/s [95% CI]", true},     {"p50", true},
                   {"p99", true},      {"errors", true},     {"peak RSS", true},           {"CPU µs/request", true},
                   {"startup", true},  {"status"}};
  auto cell = [&](const results::HttpImplementation& impl, std::string_view name, bool with_ci = false) {
    return MetricCell(impl.summary, registry.Get(name), with_ci);
  };
  for (const auto& impl : workload.implementations) {
    table.rows.push_back({Cell{impl.id}, Cell{impl.library}, cell(impl, metric::kRequestsPerS, true),
                          cell(impl, metric::kLatencyP50), cell(impl, metric::kLatencyP99), cell(impl, metric::kErrors),
                          cell(impl, metric::kRssPeak), cell(impl, metric::kServerCpuPerRequest),
                          StartupCell(impl.summary, registry), HttpStatus(impl)});
  }
  // Two different p99s are in the reports: say which this is.
  table.notes.push_back(
      "p50, p99: medians of per-trial percentiles (each trial's percentile read from its own latency histogram, "
      "then the median over the trials); the HTML report's latency-by-percentile chart reads percentiles of the "
      "trials' histograms pooled.");
  table.notes.push_back(kNoisyLegend);
  return table;
}

Table LoadPointsTable(const results::HttpWorkload& workload, const stats::MetricRegistry& registry) {
  Table table;
  // The rates of the recorded plan: a rate added to workload.toml shows with no code change.
  const std::vector<double> rates = workload.load ? workload.load->fixed_rates : std::vector<double>{};
  std::vector<const stats::Metric*> shown = {&registry.Get(metric::kRssIdle), &registry.Get(metric::kKneeRate),
                                             &registry.Get(metric::kGcCycles)};
  table.columns = {{"implementation"}, {"idle RSS", true}};
  for (double r : rates) {
    table.columns.push_back({fmt::format("p99 at {} req/s", metric::RateKey(r)), true});
    shown.push_back(&registry.Get(metric::LatencyP99AtRate(r)));
  }
  table.columns.insert(table.columns.end(),
                       {{"knee req/s", true}, {"GC cycles", true}, {"GC pause p99", true}, {"GC pause max", true}});
  for (const auto& impl : workload.implementations) {
    if (HasLoadPoints(impl.summary, shown)) table.rows.push_back(LoadPointsRow(impl, rates, registry));
  }
  const std::string& where = workload.load ? workload.load->load_points_in : std::string();
  table.notes.push_back("p99 at a rate: open loop at that rate (\"not reached\": the machine could not sustain it); "
                        "knee: the highest rate reached whose P99 stays under 10x the lowest rate's" +
                        (where.empty() ? std::string() : "; load points measured in " + where) +
                        ". GC: Go stop-the-world pauses in the window (\"none\": no GC cycle).");
  return table;
}

std::string BatchLine(const results::BatchWorkload& workload) {
  std::string line =
      fmt::format("{} runner process(es) per implementation, each {} warmup + {} measured iterations; one sample per "
                  "process (the median of its iterations), medians over the processes with 95% order-statistic CIs "
                  "(none below 6 samples). CPU and peak RSS are of the whole runner process. MB/s is decimal "
                  "(10^6 bytes/s).",
                  workload.batch.processes, workload.batch.warmup, workload.batch.iterations);
  // Instruction counts (issue 14): said only where the run has them, or says why not.
  int64_t k = 0;
  for (const auto& task : workload.tasks) {
    for (const auto& e : task.implementations) {
      if (e.instructions && e.instructions->per_iteration) k = e.instructions->iterations;
    }
  }
  if (k > 0) {
    line += fmt::format(" Instructions per iteration: one exact count under valgrind (cachegrind, ASLR off), the "
                        "runner with 1 + {} iterations less the runner with 1, over {}.",
                        k, k);
  }
  if (workload.instructions_not_counted) {
    line += " Instructions are not counted: " + *workload.instructions_not_counted + ".";
  }
  return line;
}

Table BatchTaskTable(const results::BatchTaskResult& task, const stats::MetricRegistry& registry) {
  struct Figure {
    std::string_view metric;
    const char* column;
    bool with_ci;
    bool always;  ///< shown even when no runner has it
  };
  // Throughput columns and bytes/task only where some runner has the figure.
  std::vector<Figure> figures;
  for (const Figure& f : {Figure{metric::kThroughputMb, "MB/s [95% CI]", true, false},
                          Figure{metric::kThroughputItems, "items/s [95% CI]", true, false},
                          Figure{metric::kIterationTime, "iteration [95% CI]", true, true},
                          Figure{metric::kInstructionsPerIteration, "instructions/iteration", false, false},
                          Figure{metric::kBytesPerTask, "bytes/task", false, false},
                          Figure{metric::kProcessCpu, "CPU s", false, true},
                          Figure{metric::kRssPeak, "peak RSS", false, true}}) {
    bool any = f.always;
    for (const auto& impl : task.implementations) any = any || SummaryOf(impl.summary, f.metric);
    if (any) figures.push_back(f);
  }
  Table table;
  table.columns = {{"implementation"}, {"library"}};
  for (const Figure& f : figures) table.columns.push_back({f.column, true});
  table.columns.push_back({"status"});
  for (const auto& impl : task.implementations) {
    std::vector<Cell> row = {Cell{impl.id}, Cell{impl.library}};
    for (const Figure& f : figures) row.push_back(MetricCell(impl.summary, registry.Get(f.metric), f.with_ci));
    row.push_back(StatusCell(impl.status, impl.error));
    table.rows.push_back(row);
  }
  if (task.fresh_process) {
    table.notes.push_back("Every measured iteration of this task ran in a fresh runner process of its own, with no "
                          "warmup: one sample per process.");
  }
  for (const auto& impl : task.implementations) {
    if (impl.instructions && impl.instructions->error) {
      table.notes.push_back("Instructions of " + impl.id + " not counted: " + FirstLine(*impl.instructions->error));
    }
  }
  table.notes.push_back(kNoisyLegend);
  return table;
}

std::vector<RatioLine> RatioLines(const std::vector<results::Ratio>& ratios, const stats::MetricRegistry& registry) {
  std::vector<std::string> pairs;  // in first-seen order
  std::map<std::string, std::map<std::string, const results::Ratio*>> by_pair;
  for (const auto& r : ratios) {
    std::string pair = r.numerator + " / " + r.denominator;
    if (!by_pair.count(pair)) pairs.push_back(pair);
    by_pair[pair][r.metric] = &r;
  }
  std::vector<RatioLine> out;
  for (const auto& pair : pairs) {
    RatioLine line{pair, {}};
    for (const stats::Metric& m : registry.all()) {
      if (m.ratio_label.empty()) continue;
      auto it = by_pair[pair].find(m.name);
      if (it == by_pair[pair].end()) continue;
      const results::Ratio& r = *it->second;
      Cell cell{fmt::format("{} {:.3g}", m.ratio_label, r.value), r.noisy};
      if (r.ci_low && r.ci_high) cell.text += fmt::format(" [{:.3g}, {:.3g}]", *r.ci_low, *r.ci_high);
      line.items.push_back(cell);
    }
    if (!line.items.empty()) out.push_back(line);
  }
  return out;
}

Table BuildsTable(const std::map<std::string, results::Build>& builds, const stats::MetricRegistry& registry) {
  std::vector<std::pair<std::string_view, const char*>> figures = {{metric::kBuildCold, "cold build"},
                                                                    {metric::kBuildIncremental, "incremental"},
                                                                    {metric::kBinaryBytes, "binary"},
                                                                    {metric::kBinaryStrippedBytes, "stripped"},
                                                                    {metric::kHandlerLines, "handler lines"}};
  // Static sizes get columns when some release binary is not static and a static variant
  // was built for it (Rust +crt-static, full suite): both linkings' sizes side by side.
  const bool static_variants = std::any_of(builds.begin(), builds.end(), [](const auto& entry) {
    const build::BuildRecord& r = entry.second.record;
    return r.static_binary_bytes && !r.static_linked.value_or(false);
  });
  if (static_variants) {
    figures.insert(figures.begin() + 4, {{metric::kStaticBinaryBytes, "static"},
                                           {metric::kStaticBinaryStrippedBytes, "static stripped"}});
  }
  Table table;
  table.columns = {{"implementation"}};
  for (const auto& [name, column] : figures) table.columns.push_back({column, true});
  table.columns.insert(table.columns.end(), {{"toolchain"}, {"libraries"}, {"flags"}, {"status"}});
  bool any_times = false;
  for (const auto& [id, b] : builds) {
    const build::BuildRecord& r = b.record;
    any_times = any_times || r.cold_build_s;
    std::vector<std::string> libraries;
    for (const auto& [name, version] : r.libraries) libraries.push_back(name + " " + version);
    std::vector<Cell> row = {Cell{id}};
    // A failed build has no figures (its sizes read 0).
    for (const auto& [name, column] : figures) {
      const stats::Metric& m = registry.Get(name);
      row.push_back(r.ok ? ValueCell(m.from_build(r), m) : Cell{"-"});
    }
    Cell status{"ok"};
    if (!r.ok) status = {r.error.empty() ? "failed" : "failed: " + FirstLine(r.error), false, true};
    row.insert(row.end(), {Cell{r.toolchain}, Cell{Joined(libraries, ", ")}, Cell{r.flags}, status});
    table.rows.push_back(row);
  }
  if (!table.rows.empty() && !any_times) {
    table.notes.push_back("Cold and incremental build times were not measured in this run (the full suite times them; the quick suite only with --build-times).");
  }
  table.notes.push_back(
      "Build times in seconds of wall time (medians where cold builds ran several times); binary sizes as built "
      "and after strip, in decimal kB and MB (10^3, 10^6 bytes)." +
      std::string(static_variants ? " static: a statically linked build (the release binary itself where it is "
                                    "static; Rust: +crt-static)."
                                  : ""));
  return table;
}

std::vector<ClaimView> Claims(const results::RunResults& results) {
  std::vector<ClaimView> out;
  if (!results.claims) return out;
  const stats::MetricRegistry registry = stats::MetricRegistry::ForResults(results);
  for (const auto& c : *results.claims) {
    ClaimView view{c.id, c.document, c.paraphrase, c.conditions, MapText(c.stated, ": "), {}, c.verdict, c.detail,
                   "",   {}};
    for (const auto& [key, value] : c.stated) view.stated_items.emplace_back(key, value);
    std::vector<std::string> reasons;
    std::set<std::string> seen;
    for (const auto& k : c.checks) {
      view.checks.push_back(Check(k, registry));
      if (seen.insert(k.detail).second && !k.detail.empty()) reasons.push_back(k.detail);
    }
    view.reason = view.checks.empty() || reasons.empty() ? view.detail : Joined(reasons, "; ");
    out.push_back(view);
  }
  return out;
}

std::string FamilyNote(const results::RunResults& results) {
  if (!results.claims_family) return "";
  const results::ClaimsFamily& f = *results.claims_family;
  if (f.adjustment == results::Adjustment::kBonferroni) {
    return fmt::format(
        "{} checks had a measurement and were judged with Bonferroni-adjusted intervals (each at {:.4g}%), so that "
        "all of them hold together at 95%.",
        f.checks_judged, f.level * 100);
  }
  return fmt::format(
      "{} checks had a measurement, each judged with its own {:.4g}% interval: if every claim were true, about {:.1f} "
      "of them could still come out contradicted by chance (claims --adjust bonferroni judges them all together at "
      "95%).",
      f.checks_judged, f.level * 100, static_cast<double>(f.checks_judged) * (1 - f.level));
}

std::string VerdictCounts(const std::vector<ClaimView>& claims) {
  std::vector<std::string> parts;
  for (results::Verdict verdict : results::kAllVerdicts) {
    auto n = std::count_if(claims.begin(), claims.end(), [&](const ClaimView& c) { return c.verdict == verdict; });
    parts.push_back(fmt::format("{} {}", n, results::Name(verdict)));
  }
  return fmt::format("{} claim{}: {}", claims.size(), claims.size() == 1 ? "" : "s", Joined(parts, ", "));
}

}  // namespace claimbench::report
