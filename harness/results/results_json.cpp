// results.json <-> RunResults.
#include "results/results_json.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>

#include "load/load_report_json.h"
#include "stats/recompute_intervals.h"
#include "util/files.h"

namespace claimbench::results {
namespace {

using nlohmann::json;

// ------------------------------------------------------------------ writing helpers

json OptJson(const std::optional<double>& v) { return v ? json(*v) : json(nullptr); }

template <typename T>
void PutIf(json& j, const char* key, const std::optional<T>& v) {
  if (v) j[key] = *v;
}

json SummaryJson(const Summary& s) {
  json j = {{"median", s.median}, {"min", s.min},   {"max", s.max},         {"n", s.n},
            {"unit", s.unit},     {"noisy", s.noisy}, {"samples", s.samples}};
  j["ci_low"] = OptJson(s.ci_low);
  j["ci_high"] = OptJson(s.ci_high);
  PutIf(j, "samples_of", s.samples_of);
  return j;
}

json SummariesJson(const Summaries& summaries) {
  json j = json::object();
  for (const auto& [name, s] : summaries) j[name] = SummaryJson(s);
  return j;
}

json RatiosJson(const std::vector<Ratio>& ratios) {
  json j = json::array();
  for (const auto& r : ratios) {
    j.push_back({{"metric", r.metric},
                 {"numerator", r.numerator},
                 {"denominator", r.denominator},
                 {"value", r.value},
                 {"ci_low", OptJson(r.ci_low)},
                 {"ci_high", OptJson(r.ci_high)},
                 {"noisy", r.noisy}});
  }
  return j;
}

json ContextJson(const RunContext& c) {
  json j = {{"cpu_model", c.cpu_model}, {"cores", c.cores},       {"kernel", c.kernel},
            {"arch", c.arch},           {"governor", c.governor}, {"toolchains", c.toolchains},
            {"git_sha", c.git_sha},     {"git_dirty", c.git_dirty}, {"seed", c.seed},
            {"cpu_sets", {{"server", c.cpu_sets.server}, {"client", c.cpu_sets.client}, {"shared", c.cpu_sets.shared}}}};
  PutIf(j, "memory_bytes", c.memory_bytes);
  return j;
}

json LoadPlanJson(const HttpLoadPlan& p) {
  return {{"mode", p.mode},
          {"method", p.method},
          {"path", p.path},
          {"body_bytes", p.body_bytes},
          {"connections", p.connections},
          {"client_threads", p.client_threads},
          {"warmup_s", p.warmup_s},
          {"duration_s", p.duration_s},
          {"repeat", p.repeat},
          {"load_points_in", p.load_points_in},
          {"varied_bodies", p.varied_bodies},
          {"point_duration_s", p.point_duration_s},
          {"connection_sweep", p.connection_sweep},
          {"fixed_rates", p.fixed_rates},
          {"knee_fractions", p.knee_fractions},
          {"startup_runs", p.startup_runs}};
}

json WorkersJson(const Workers& w) {
  if (!w.variable.empty()) return {{w.variable, w.count}};
  return {{"threads", w.count}, {"rule", w.rule}};
}

json StartupJson(const StartupRuns& s) {
  if (s.error) return {{"error", *s.error}, {"samples_s", s.samples_s}};
  json j = {{"runs", s.samples_s.size()}, {"samples_s", s.samples_s}, {"definition", s.definition}};
  j["median_s"] = s.median_s.value_or(0.0);
  return j;
}

json GcJson(const GcPauses& g) {
  json j = {{"cycles", g.cycles},
            {"cycles_per_s", g.cycles_per_s},
            {"pauses", g.pauses},
            {"pause_p50_us", OptJson(g.pause_p50_us)},
            {"pause_p99_us", OptJson(g.pause_p99_us)},
            {"pause_max_us", OptJson(g.pause_max_us)},
            {"pause_total_us", g.pause_total_us},
            {"source", g.source}};
  PutIf(j, "live_heap_max_mb", g.live_heap_max_mb);
  PutIf(j, "heap_over_live", g.heap_over_live);
  return j;
}

json ServerJson(const ServerFigures& s) {
  json j = json::object();
  PutIf(j, "rss_idle_bytes", s.rss_idle_bytes);
  PutIf(j, "cpu_user_s", s.cpu_user_s);
  PutIf(j, "cpu_system_s", s.cpu_system_s);
  PutIf(j, "cpu_s", s.cpu_s);
  PutIf(j, "cpu_us_per_request", s.cpu_us_per_request);
  json series = json::array();
  for (const auto& r : s.rss_series) series.push_back({r.t_s, r.rss_bytes});
  j["rss_series"] = series;
  j["rss_load_max_bytes"] = s.rss_load_max_bytes;
  PutIf(j, "vmhwm_bytes", s.vmhwm_bytes);
  PutIf(j, "rss_peak_bytes", s.rss_peak_bytes);
  j["rss_sample_hz"] = s.rss_sample_hz;
  PutIf(j, "threads", s.threads);
  if (s.gc) j["gc"] = GcJson(*s.gc);
  if (!s.exit.empty()) j["exit"] = s.exit;
  return j;
}

json LoadPointJson(const LoadPoint& p) {
  json j = {{"requests_per_s", p.requests_per_s},
            {"achieved_rate_per_s", p.achieved_rate_per_s},
            {"errors", p.errors},
            {"client_saturated", p.client_saturated}};
  PutIf(j, "latency_p50_ns", p.latency_p50_ns);
  PutIf(j, "latency_p99_ns", p.latency_p99_ns);
  PutIf(j, "latency_p99_9_ns", p.latency_p99_9_ns);
  PutIf(j, "latency_max_ns", p.latency_max_ns);
  PutIf(j, "service_time_p99_ns", p.service_time_p99_ns);
  PutIf(j, "target_rate_per_s", p.target_rate_per_s);
  PutIf(j, "rate_shortfall", p.rate_shortfall);
  PutIf(j, "backlog_max", p.backlog_max);
  PutIf(j, "reached", p.reached);
  PutIf(j, "note", p.note);
  PutIf(j, "connections", p.connections);
  PutIf(j, "fraction_of_closed_loop", p.fraction_of_closed_loop);
  return j;
}

json LoadPointsJson(const LoadPoints& lp) {
  json j = json::object();
  if (!lp.connections.empty()) {
    j["connections"] = json::array();
    for (const auto& p : lp.connections) j["connections"].push_back(LoadPointJson(p));
  }
  if (!lp.fixed_rates.empty()) {
    j["fixed_rates"] = json::object();
    for (const auto& [rate, p] : lp.fixed_rates) j["fixed_rates"][rate] = LoadPointJson(p);
  }
  if (lp.knee) {
    json points = json::array();
    for (const auto& p : lp.knee->points) points.push_back(LoadPointJson(p));
    j["knee"] = {{"points", points}, {"knee_rate_per_s", OptJson(lp.knee->knee_rate_per_s)}, {"rule", lp.knee->rule}};
  }
  return j;
}

json TrialJson(const HttpTrial& t) {
  json j = {{"trial", t.trial}, {"load", load::LoadReportJson(t.load)}, {"server", ServerJson(t.server)}};
  PutIf(j, "startup_s", t.startup_s);
  if (t.load_points && !t.load_points->Empty()) j["load_points"] = LoadPointsJson(*t.load_points);
  return j;
}

json HttpImplementationJson(const HttpImplementation& i) {
  json j = {{"id", i.id}, {"status", Name(i.status)}, {"trials", json::array()}};
  if (!i.language.empty()) j["language"] = i.language;
  if (!i.library.empty()) j["library"] = i.library;
  PutIf(j, "error", i.error);
  if (i.workers) j["workers"] = WorkersJson(*i.workers);
  if (i.verification) j["verification"] = VerificationJson(*i.verification);
  for (const auto& t : i.trials) j["trials"].push_back(TrialJson(t));
  if (i.startup) j["startup"] = StartupJson(*i.startup);
  if (!i.summary.empty()) j["summary"] = SummariesJson(i.summary);
  return j;
}

json HttpWorkloadJson(const HttpWorkload& w) {
  json j = {{"id", w.id}, {"kind", Name(WorkloadKind::kHttp)}, {"description", w.description},
            {"implementations", json::array()}};
  if (w.load) j["load"] = LoadPlanJson(*w.load);
  for (const auto& i : w.implementations) j["implementations"].push_back(HttpImplementationJson(i));
  PutIf(j, "trial_order", w.trial_order);
  if (w.ratios) j["ratios"] = RatiosJson(*w.ratios);
  return j;
}

// A runner's extra figures as it printed them: whole numbers stay integers in the file.
json ExtraJson(const std::map<std::string, std::vector<double>>& extra) {
  json j = json::object();
  for (const auto& [key, values] : extra) {
    json list = json::array();
    for (double v : values) {
      bool whole = std::abs(v) < 9007199254740992.0 && v == static_cast<double>(static_cast<int64_t>(v));
      list.push_back(whole ? json(static_cast<int64_t>(v)) : json(v));
    }
    j[key] = list;
  }
  return j;
}

json InstructionCountJson(const InstructionCount& c) {
  json j = {{"iterations", c.iterations}, {"tool", c.tool}};
  PutIf(j, "per_iteration", c.per_iteration);
  PutIf(j, "base_instructions", c.base_instructions);
  PutIf(j, "total_instructions", c.total_instructions);
  PutIf(j, "error", c.error);
  return j;
}

json BatchEntryJson(const BatchEntry& e) {
  json j = {{"id", e.id}, {"language", e.language}, {"library", e.library}, {"status", Name(e.status)}};
  PutIf(j, "error", e.error);
  if (!e.argv.empty()) j["argv"] = e.argv;
  PutIf(j, "checksum", e.checksum);
  if (e.status == Status::kOk) {
    j["setup_ns"] = e.setup_ns.value_or(0.0);
    j["input_bytes"] = e.input_bytes.value_or(0);
    j["compile_ns"] = e.compile_ns;
    j["warmup_ns"] = e.warmup_ns;
    j["measure_ns"] = e.measure_ns;
    j["extra"] = ExtraJson(e.extra);
    json processes = json::array();
    for (const auto& p : e.process) {
      json pj = {{"iterations", p.iterations}, {"rss_peak_sampled_bytes", p.rss_peak_sampled_bytes}, {"scope", p.scope}};
      PutIf(pj, "cpu_user_s", p.cpu_user_s);
      PutIf(pj, "cpu_system_s", p.cpu_system_s);
      PutIf(pj, "cpu_s", p.cpu_s);
      PutIf(pj, "vmhwm_bytes", p.vmhwm_bytes);
      PutIf(pj, "rss_peak_bytes", p.rss_peak_bytes);
      processes.push_back(pj);
    }
    j["process"] = processes;
  }
  if (e.fresh_process) j["fresh_process"] = true;
  if (e.instructions) j["instructions"] = InstructionCountJson(*e.instructions);
  if (!e.summary.empty()) j["summary"] = SummariesJson(e.summary);
  return j;
}

json BatchWorkloadJson(const BatchWorkload& w) {
  json j = {{"id", w.id},
            {"kind", Name(WorkloadKind::kBatch)},
            {"description", w.description},
            {"batch",
             {{"processes", w.batch.processes},
              {"warmup", w.batch.warmup},
              {"iterations", w.batch.iterations},
              {"timeout_s", w.batch.timeout_s},
              {"cpus", w.batch.cpus}}},
            {"corpora", json::array()},
            {"tasks", json::array()}};
  for (const auto& c : w.corpora) {
    json cj = {{"name", c.name}, {"seed", c.seed}, {"sha256_pinned", c.sha256_pinned}};
    PutIf(cj, "path", c.path);
    PutIf(cj, "bytes", c.bytes);
    PutIf(cj, "sha256", c.sha256);
    PutIf(cj, "lines", c.lines);
    PutIf(cj, "error", c.error);
    j["corpora"].push_back(cj);
  }
  PutIf(j, "instructions_not_counted", w.instructions_not_counted);
  for (const auto& t : w.tasks) {
    json tj = {{"id", t.id},
               {"task", t.task},
               {"corpus", t.corpus},
               {"expect", t.expect},
               {"throughput", Name(t.throughput)},
               {"fresh_process", t.fresh_process},
               {"implementations", json::array()}};
    PutIf(tj, "run_order", t.run_order);
    if (t.ratios) tj["ratios"] = RatiosJson(*t.ratios);
    for (const auto& e : t.implementations) tj["implementations"].push_back(BatchEntryJson(e));
    j["tasks"].push_back(tj);
  }
  return j;
}

json CheckJson(const CheckVerdict& c) {
  json j = {{"label", c.label}, {"workload", c.workload},       {"metric", c.metric},  {"go", c.go},
            {"rust", c.rust},   {"tolerance", c.tolerance},     {"verdict", Name(c.verdict)}, {"detail", c.detail}};
  if (c.measured) {
    j["measured"] = *c.measured;
    j["ci_low"] = OptJson(c.ci_low);
    j["ci_high"] = OptJson(c.ci_high);
  }
  if (!c.n.empty()) j["n"] = c.n;
  PutIf(j, "go_measured", c.go_measured);
  PutIf(j, "rust_measured", c.rust_measured);
  if (!c.expected.empty()) j["expected"] = c.expected;
  if (c.ratio_low) j["ratio_bounds"] = {*c.ratio_low, OptJson(c.ratio_high)};
  if (!c.judged.empty()) j["judged"] = c.judged;
  if (!c.tolerance_reason.empty()) j["tolerance_reason"] = c.tolerance_reason;
  if (c.direction) j["direction"] = Name(*c.direction);
  if (c.magnitude) j["magnitude"] = Name(*c.magnitude);
  return j;
}

json ClaimJson(const ClaimVerdict& c) {
  json j = {{"id", c.id},         {"document", c.document},     {"paraphrase", c.paraphrase},
            {"stated", c.stated}, {"conditions", c.conditions}, {"verdict", Name(c.verdict)},
            {"detail", c.detail}, {"checks", json::array()}};
  if (!c.title.empty()) j["title"] = c.title;
  for (const auto& check : c.checks) j["checks"].push_back(CheckJson(check));
  return j;
}

// ------------------------------------------------------------------ reading helpers

template <typename E>
E EnumAt(const JsonIn& in, std::optional<E> (*parse)(std::string_view)) {
  std::string text = in.String();
  if (auto e = parse(text)) return *e;
  in.Fail("one of " + std::string(Spellings<E>()));
}

std::string StringOr(const JsonIn& in, std::string_view key, const std::string& fallback = "") {
  return in.OptString(key).value_or(fallback);
}
double NumberOr(const JsonIn& in, std::string_view key, double fallback = 0) {
  return in.OptNumber(key).value_or(fallback);
}
int64_t IntegerOr(const JsonIn& in, std::string_view key, int64_t fallback = 0) {
  return in.OptInteger(key).value_or(fallback);
}
bool BoolOr(const JsonIn& in, std::string_view key, bool fallback = false) {
  return in.OptBool(key).value_or(fallback);
}
std::vector<double> NumbersOr(const JsonIn& in, std::string_view key) {
  auto v = in.Find(key);
  return v ? v->Numbers() : std::vector<double>{};
}
std::vector<std::string> StringsOr(const JsonIn& in, std::string_view key) {
  auto v = in.Find(key);
  return v ? v->Strings() : std::vector<std::string>{};
}
std::vector<int64_t> IntegersOr(const JsonIn& in, std::string_view key) {
  std::vector<int64_t> out;
  if (auto v = in.Find(key)) {
    for (const auto& e : v->Elements()) out.push_back(e.Integer());
  }
  return out;
}
std::map<std::string, std::string> StringMapOr(const JsonIn& in, std::string_view key) {
  std::map<std::string, std::string> out;
  if (auto v = in.Find(key)) {
    for (const auto& [k, value] : v->Members()) out[k] = value.String();
  }
  return out;
}

Summary ReadSummary(const JsonIn& in) {
  Summary s;
  s.median = in.Number("median");
  s.samples = NumbersOr(in, "samples");
  s.min = NumberOr(in, "min", s.median);
  s.max = NumberOr(in, "max", s.median);
  s.n = IntegerOr(in, "n", static_cast<int64_t>(std::max<size_t>(1, s.samples.size())));
  s.unit = StringOr(in, "unit");
  s.ci_low = in.OptNumber("ci_low");
  s.ci_high = in.OptNumber("ci_high");
  s.noisy = BoolOr(in, "noisy");
  s.samples_of = in.OptString("samples_of");
  return s;
}

Summaries ReadSummaries(const JsonIn& in, std::string_view key) {
  Summaries out;
  if (auto v = in.Find(key)) {
    for (const auto& [name, s] : v->Members()) out[name] = ReadSummary(s);
  }
  return out;
}

std::optional<std::vector<Ratio>> ReadRatios(const JsonIn& in) {
  auto v = in.Find("ratios");
  if (!v) return std::nullopt;
  std::vector<Ratio> out;
  for (const auto& r : v->Elements()) {
    out.push_back({r.String("metric"), r.String("numerator"), r.String("denominator"), r.Number("value"),
                   r.OptNumber("ci_low"), r.OptNumber("ci_high"), BoolOr(r, "noisy")});
  }
  return out;
}

RunContext ReadContext(const JsonIn& in) {
  RunContext c;
  c.cpu_model = StringOr(in, "cpu_model");
  c.cores = IntegerOr(in, "cores");
  c.memory_bytes = in.OptInteger("memory_bytes");
  c.kernel = StringOr(in, "kernel");
  c.arch = StringOr(in, "arch");
  c.governor = StringOr(in, "governor");
  c.toolchains = StringMapOr(in, "toolchains");
  c.git_sha = StringOr(in, "git_sha");
  c.git_dirty = BoolOr(in, "git_dirty");
  c.seed = static_cast<uint64_t>(IntegerOr(in, "seed"));
  if (auto sets = in.Find("cpu_sets")) {
    c.cpu_sets = {StringOr(*sets, "server"), StringOr(*sets, "client"), BoolOr(*sets, "shared")};
  }
  return c;
}

Build ReadBuild(const std::string& id, const JsonIn& in) {
  Build b;
  build::BuildRecord& r = b.record;
  r.implementation = id;
  r.ok = in.Bool("ok");
  r.error = StringOr(in, "error");
  r.binary = StringOr(in, "binary");
  r.command = StringOr(in, "command");
  r.flags = StringOr(in, "flags");
  r.toolchain = StringOr(in, "toolchain");
  r.libraries = StringMapOr(in, "libraries");
  r.build_s = NumberOr(in, "build_s");
  r.cold_build_s = in.OptNumber("cold_build_s");
  r.incremental_build_s = in.OptNumber("incremental_build_s");
  r.cold_build_runs_s = NumbersOr(in, "cold_build_runs_s");
  r.incremental_build_runs_s = NumbersOr(in, "incremental_build_runs_s");
  r.cache_state = StringOr(in, "cache_state");
  r.binary_bytes = IntegerOr(in, "binary_bytes");
  r.binary_stripped_bytes = IntegerOr(in, "binary_stripped_bytes");
  r.handler_lines = static_cast<int>(IntegerOr(in, "handler_lines"));
  r.listing_lines = static_cast<int>(IntegerOr(in, "listing_lines"));
  r.static_linked = in.OptBool("static_linked");
  r.static_binary_bytes = in.OptInteger("static_binary_bytes");
  r.static_binary_stripped_bytes = in.OptInteger("static_binary_stripped_bytes");
  r.static_command = StringOr(in, "static_command");
  r.static_error = StringOr(in, "static_error");
  if (auto settings = in.Find("settings")) {
    for (const auto& [key, value] : settings->Members()) r.settings.emplace_back(key, value.String());
  }
  b.same_build_as = in.OptString("same_build_as");
  return b;
}

HttpLoadPlan ReadLoadPlan(const JsonIn& in) {
  HttpLoadPlan p;
  p.mode = StringOr(in, "mode", p.mode);
  p.method = StringOr(in, "method");
  p.path = StringOr(in, "path");
  p.body_bytes = IntegerOr(in, "body_bytes");
  p.connections = in.Integer("connections");
  p.client_threads = IntegerOr(in, "client_threads", 1);
  p.warmup_s = in.Number("warmup_s");
  p.duration_s = in.Number("duration_s");
  p.repeat = in.Integer("repeat");
  p.load_points_in = StringOr(in, "load_points_in");
  p.varied_bodies = BoolOr(in, "varied_bodies");
  p.point_duration_s = NumberOr(in, "point_duration_s");
  p.connection_sweep = IntegersOr(in, "connection_sweep");
  p.fixed_rates = NumbersOr(in, "fixed_rates");
  p.knee_fractions = NumbersOr(in, "knee_fractions");
  p.startup_runs = IntegerOr(in, "startup_runs");
  return p;
}

Workers ReadWorkers(const JsonIn& in) {
  Workers w;
  if (auto threads = in.OptInteger("threads")) {
    w.count = *threads;
    w.rule = StringOr(in, "rule");
    return w;
  }
  auto members = in.Members();
  if (members.size() != 1) in.Fail("{\"<VARIABLE>\": count} or {\"threads\": count, \"rule\": text}");
  w.variable = members[0].first;
  w.count = members[0].second.Integer();
  return w;
}

Verification ReadVerification(const JsonIn& in) {
  Verification v;
  v.vectors = in.Integer("vectors");
  v.passed = in.Integer("passed");
  for (const auto& f : in.At("failures").Elements()) {
    v.failures.push_back({StringOr(f, "vector"), IntegerOr(f, "line"), StringsOr(f, "messages")});
  }
  return v;
}

StartupRuns ReadStartup(const JsonIn& in) {
  StartupRuns s;
  s.samples_s = NumbersOr(in, "samples_s");
  s.median_s = in.OptNumber("median_s");
  s.error = in.OptString("error");
  s.definition = StringOr(in, "definition");
  return s;
}

GcPauses ReadGc(const JsonIn& in) {
  GcPauses g;
  g.cycles = IntegerOr(in, "cycles");
  g.cycles_per_s = NumberOr(in, "cycles_per_s");
  g.pauses = IntegerOr(in, "pauses");
  g.pause_p50_us = in.OptNumber("pause_p50_us");
  g.pause_p99_us = in.OptNumber("pause_p99_us");
  g.pause_max_us = in.OptNumber("pause_max_us");
  g.pause_total_us = NumberOr(in, "pause_total_us");
  g.source = StringOr(in, "source");
  g.live_heap_max_mb = in.OptInteger("live_heap_max_mb");
  g.heap_over_live = in.OptNumber("heap_over_live");
  return g;
}

ServerFigures ReadServer(const JsonIn& in) {
  ServerFigures s;
  s.rss_idle_bytes = in.OptInteger("rss_idle_bytes");
  s.cpu_user_s = in.OptNumber("cpu_user_s");
  s.cpu_system_s = in.OptNumber("cpu_system_s");
  s.cpu_s = in.OptNumber("cpu_s");
  s.cpu_us_per_request = in.OptNumber("cpu_us_per_request");
  if (auto series = in.Find("rss_series")) {
    for (const auto& sample : series->Elements()) {
      auto pair = sample.Elements();
      if (pair.size() != 2) sample.Fail("[t_s, rss_bytes]");
      s.rss_series.push_back({pair[0].Number(), pair[1].Integer()});
    }
  }
  s.rss_load_max_bytes = IntegerOr(in, "rss_load_max_bytes");
  s.vmhwm_bytes = in.OptInteger("vmhwm_bytes");
  s.rss_peak_bytes = in.OptInteger("rss_peak_bytes");
  s.rss_sample_hz = IntegerOr(in, "rss_sample_hz");
  s.threads = in.OptInteger("threads");
  if (auto gc = in.Find("gc")) s.gc = ReadGc(*gc);
  s.exit = StringOr(in, "exit");
  return s;
}

LoadPoint ReadLoadPoint(const JsonIn& in) {
  LoadPoint p;
  p.requests_per_s = NumberOr(in, "requests_per_s");
  p.achieved_rate_per_s = NumberOr(in, "achieved_rate_per_s");
  p.errors = IntegerOr(in, "errors");
  p.latency_p50_ns = in.OptInteger("latency_p50_ns");
  p.latency_p99_ns = in.OptInteger("latency_p99_ns");
  p.latency_p99_9_ns = in.OptInteger("latency_p99_9_ns");
  p.latency_max_ns = in.OptInteger("latency_max_ns");
  p.service_time_p99_ns = in.OptInteger("service_time_p99_ns");
  p.client_saturated = BoolOr(in, "client_saturated");
  p.target_rate_per_s = in.OptNumber("target_rate_per_s");
  p.rate_shortfall = in.OptBool("rate_shortfall");
  p.backlog_max = in.OptInteger("backlog_max");
  p.reached = in.OptBool("reached");
  p.note = in.OptString("note");
  p.connections = in.OptInteger("connections");
  p.fraction_of_closed_loop = in.OptNumber("fraction_of_closed_loop");
  return p;
}

LoadPoints ReadLoadPoints(const JsonIn& in) {
  LoadPoints lp;
  if (auto sweep = in.Find("connections")) {
    for (const auto& p : sweep->Elements()) lp.connections.push_back(ReadLoadPoint(p));
  }
  if (auto rates = in.Find("fixed_rates")) {
    for (const auto& [rate, p] : rates->Members()) lp.fixed_rates[rate] = ReadLoadPoint(p);
  }
  if (auto knee = in.Find("knee")) {
    KneeSearch k;
    if (auto points = knee->Find("points")) {
      for (const auto& p : points->Elements()) k.points.push_back(ReadLoadPoint(p));
    }
    k.knee_rate_per_s = knee->OptNumber("knee_rate_per_s");
    k.rule = StringOr(*knee, "rule");
    lp.knee = k;
  }
  return lp;
}

HttpTrial ReadTrial(const JsonIn& in) {
  HttpTrial t;
  t.trial = in.Integer("trial");
  t.startup_s = in.OptNumber("startup_s");
  if (auto load = in.Find("load")) t.load = load::LoadReportFromJson(*load);
  if (auto server = in.Find("server")) t.server = ReadServer(*server);
  if (auto points = in.Find("load_points")) t.load_points = ReadLoadPoints(*points);
  return t;
}

HttpImplementation ReadHttpImplementation(const JsonIn& in) {
  HttpImplementation i;
  i.id = in.String("id");
  i.language = StringOr(in, "language");
  i.library = StringOr(in, "library");
  i.status = EnumAt(in.At("status"), &ParseStatus);
  i.error = in.OptString("error");
  if (auto w = in.Find("workers")) i.workers = ReadWorkers(*w);
  if (auto v = in.Find("verification")) i.verification = ReadVerification(*v);
  if (auto trials = in.Find("trials")) {
    for (const auto& t : trials->Elements()) i.trials.push_back(ReadTrial(t));
  }
  if (auto s = in.Find("startup")) i.startup = ReadStartup(*s);
  i.summary = ReadSummaries(in, "summary");
  return i;
}

HttpWorkload ReadHttpWorkload(const JsonIn& in) {
  HttpWorkload w;
  w.id = in.String("id");
  w.description = StringOr(in, "description");
  if (auto load = in.Find("load")) w.load = ReadLoadPlan(*load);
  for (const auto& i : in.At("implementations").Elements()) w.implementations.push_back(ReadHttpImplementation(i));
  if (auto order = in.Find("trial_order")) {
    w.trial_order.emplace();
    for (const auto& round : order->Elements()) w.trial_order->push_back(round.Strings());
  }
  w.ratios = ReadRatios(in);
  return w;
}

InstructionCount ReadInstructionCount(const JsonIn& in) {
  InstructionCount c;
  c.per_iteration = in.OptNumber("per_iteration");
  c.iterations = IntegerOr(in, "iterations");
  c.base_instructions = in.OptInteger("base_instructions");
  c.total_instructions = in.OptInteger("total_instructions");
  c.tool = StringOr(in, "tool");
  c.error = in.OptString("error");
  return c;
}

BatchEntry ReadBatchEntry(const JsonIn& in) {
  BatchEntry e;
  e.id = in.String("id");
  e.language = StringOr(in, "language");
  e.library = StringOr(in, "library");
  e.status = EnumAt(in.At("status"), &ParseStatus);
  e.error = in.OptString("error");
  e.argv = StringsOr(in, "argv");
  e.checksum = in.OptString("checksum");
  e.setup_ns = in.OptNumber("setup_ns");
  e.input_bytes = in.OptInteger("input_bytes");
  e.compile_ns = NumbersOr(in, "compile_ns");
  e.warmup_ns = NumbersOr(in, "warmup_ns");
  e.measure_ns = NumbersOr(in, "measure_ns");
  if (auto extra = in.Find("extra")) {
    for (const auto& [key, values] : extra->Members()) e.extra[key] = values.Numbers();
  }
  if (auto processes = in.Find("process")) {
    for (const auto& p : processes->Elements()) {
      e.process.push_back({IntegerOr(p, "iterations"), IntegerOr(p, "rss_peak_sampled_bytes"), p.OptNumber("cpu_user_s"),
                           p.OptNumber("cpu_system_s"), p.OptNumber("cpu_s"), p.OptInteger("vmhwm_bytes"),
                           p.OptInteger("rss_peak_bytes"), StringOr(p, "scope")});
    }
  }
  // Files from before processes were counted: one process ran every iteration, or (a
  // fresh_process task) each process ran one.
  bool counted = std::any_of(e.process.begin(), e.process.end(), [](const RunnerProcess& p) { return p.iterations > 0; });
  if (!counted && e.process.size() == 1) e.process[0].iterations = static_cast<int64_t>(e.measure_ns.size());
  if (!counted && e.process.size() > 1 && e.process.size() == e.measure_ns.size()) {
    for (auto& p : e.process) p.iterations = 1;
  }
  e.fresh_process = BoolOr(in, "fresh_process");
  if (auto count = in.Find("instructions")) e.instructions = ReadInstructionCount(*count);
  e.summary = ReadSummaries(in, "summary");
  return e;
}

BatchWorkload ReadBatchWorkload(const JsonIn& in) {
  BatchWorkload w;
  w.id = in.String("id");
  w.description = StringOr(in, "description");
  if (auto b = in.Find("batch")) {
    w.batch = {IntegerOr(*b, "processes", 1), IntegerOr(*b, "warmup"), IntegerOr(*b, "iterations"), NumberOr(*b, "timeout_s"), IntegersOr(*b, "cpus")};
  }
  w.instructions_not_counted = in.OptString("instructions_not_counted");
  if (auto corpora = in.Find("corpora")) {
    for (const auto& c : corpora->Elements()) {
      w.corpora.push_back({c.String("name"), static_cast<uint64_t>(IntegerOr(c, "seed")), StringOr(c, "sha256_pinned"),
                           c.OptString("path"), c.OptInteger("bytes"), c.OptString("sha256"), c.OptInteger("lines"),
                           c.OptString("error")});
    }
  }
  for (const auto& t : in.At("tasks").Elements()) {
    BatchTaskResult task;
    task.id = t.String("id");
    task.task = StringOr(t, "task");
    task.corpus = StringOr(t, "corpus");
    task.expect = StringOr(t, "expect");
    task.throughput = t.Has("throughput") ? EnumAt(t.At("throughput"), &ParseThroughput) : Throughput::kNone;
    task.fresh_process = BoolOr(t, "fresh_process");
    if (auto order = t.Find("run_order")) task.run_order = order->Strings();
    for (const auto& e : t.At("implementations").Elements()) task.implementations.push_back(ReadBatchEntry(e));
    task.ratios = ReadRatios(t);
    w.tasks.push_back(std::move(task));
  }
  return w;
}

CheckVerdict ReadCheck(const JsonIn& in) {
  CheckVerdict c;
  c.label = in.String("label");
  c.workload = in.String("workload");
  c.metric = in.String("metric");
  c.go = StringOr(in, "go");
  c.rust = StringOr(in, "rust");
  c.tolerance = NumberOr(in, "tolerance");
  c.tolerance_reason = StringOr(in, "tolerance_reason");
  c.measured = in.OptNumber("measured");
  c.ci_low = in.OptNumber("ci_low");
  c.ci_high = in.OptNumber("ci_high");
  if (auto n = in.Find("n")) {
    for (const auto& [side, count] : n->Members()) c.n[side] = count.Integer();
  }
  c.go_measured = in.OptNumber("go_measured");
  c.rust_measured = in.OptNumber("rust_measured");
  c.expected = StringOr(in, "expected");
  if (auto bounds = in.Find("ratio_bounds")) {
    std::vector<JsonIn> ends = bounds->Elements();
    if (ends.size() == 2) {
      c.ratio_low = ends[0].Number();
      if (!ends[1].IsNull()) c.ratio_high = ends[1].Number();
    }
  }
  c.judged = StringOr(in, "judged");
  c.verdict = EnumAt(in.At("verdict"), &ParseVerdict);
  if (auto d = in.Find("direction")) c.direction = EnumAt(*d, &ParseDirection);
  if (auto m = in.Find("magnitude")) c.magnitude = EnumAt(*m, &ParseMagnitude);
  c.detail = StringOr(in, "detail");
  return c;
}

ClaimVerdict ReadClaim(const JsonIn& in) {
  ClaimVerdict c;
  c.id = in.String("id");
  c.document = StringOr(in, "document");
  c.title = StringOr(in, "title");
  c.paraphrase = StringOr(in, "paraphrase");
  c.stated = StringMapOr(in, "stated");
  c.conditions = StringOr(in, "conditions");
  c.verdict = EnumAt(in.At("verdict"), &ParseVerdict);
  c.detail = StringOr(in, "detail");
  if (auto checks = in.Find("checks")) {
    for (const auto& check : checks->Elements()) c.checks.push_back(ReadCheck(check));
  }
  return c;
}

}  // namespace

json VerificationJson(const Verification& v) {
  json failures = json::array();
  for (const auto& f : v.failures) failures.push_back({{"vector", f.vector}, {"line", f.line}, {"messages", f.messages}});
  return {{"vectors", v.vectors}, {"passed", v.passed}, {"failures", failures}};
}

json BuildJson(const Build& b) {
  const build::BuildRecord& r = b.record;
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
  if (r.listing_lines > 0) j["listing_lines"] = r.listing_lines;
  PutIf(j, "static_linked", r.static_linked);
  PutIf(j, "static_binary_bytes", r.static_binary_bytes);
  PutIf(j, "static_binary_stripped_bytes", r.static_binary_stripped_bytes);
  if (!r.static_command.empty()) j["static_command"] = r.static_command;
  if (!r.static_error.empty()) j["static_error"] = r.static_error;
  if (!r.ok) j["error"] = r.error;
  if (r.cold_build_s) {
    j["cold_build_s"] = *r.cold_build_s;
    j["cold_build_runs_s"] = r.cold_build_runs_s;
    j["cache_state"] = r.cache_state;
  }
  if (r.incremental_build_s) {
    j["incremental_build_s"] = *r.incremental_build_s;
    j["incremental_build_runs_s"] = r.incremental_build_runs_s;
  }
  if (!r.settings.empty()) {
    j["settings"] = json::object();
    for (const auto& [key, value] : r.settings) j["settings"][key] = value;
  }
  PutIf(j, "same_build_as", b.same_build_as);
  return j;
}

json ResultsJson(const RunResults& r) {
  json j = {{"schema_version", kSchemaVersion},
            {"tool", {{"name", r.tool_name}, {"version", r.tool_version}}},
            {"run_id", r.run_id},
            {"suite", Name(r.suite)},
            {"started_at", r.started_at},
            {"interrupted", r.interrupted},
            {"context", ContextJson(r.context)},
            {"builds", json::object()},
            {"workloads", json::array()}};
  PutIf(j, "finished_at", r.finished_at);
  for (const auto& [id, b] : r.builds) j["builds"][id] = BuildJson(b);
  for (const auto& w : r.workloads) {
    j["workloads"].push_back(w.http() ? HttpWorkloadJson(*w.http()) : BatchWorkloadJson(*w.batch()));
  }
  if (r.claims) {
    j["claims"] = json::array();
    for (const auto& c : *r.claims) j["claims"].push_back(ClaimJson(c));
  }
  if (r.claims_family) {
    j["claims_family"] = {{"adjustment", Name(r.claims_family->adjustment)},
                          {"level", r.claims_family->level},
                          {"checks_judged", r.claims_family->checks_judged}};
  }
  PutIf(j, "claims_error", r.claims_error);
  return j;
}

RunResults ReadResults(const json& document) {
  JsonIn in(document);
  if (!document.is_object()) in.Fail("a results document (an object with schema_version)");
  const int64_t version = in.Integer("schema_version");
  if (version < 1 || version > kSchemaVersion) {
    throw SchemaVersionError(
        "results schema_version " + std::to_string(version) + " is not one this claimbench (" CLAIMBENCH_VERSION
        ") reads: it reads versions 1 to " + std::to_string(kSchemaVersion) +
        (version > kSchemaVersion ? "; read it with the newer claimbench that wrote it"
                                  : "; re-run the suite to write a current file"));
  }
  RunResults r;
  r.schema_version = static_cast<int>(version);
  if (auto tool = in.Find("tool")) {
    r.tool_name = StringOr(*tool, "name", r.tool_name);
    r.tool_version = StringOr(*tool, "version");
  }
  r.run_id = in.String("run_id");
  r.suite = EnumAt(in.At("suite"), &ParseSuite);
  r.started_at = StringOr(in, "started_at");
  r.finished_at = in.OptString("finished_at");
  r.interrupted = BoolOr(in, "interrupted");
  if (auto context = in.Find("context")) r.context = ReadContext(*context);
  if (auto builds = in.Find("builds")) {
    for (const auto& [id, b] : builds->Members()) r.builds[id] = ReadBuild(id, b);
  }
  for (const auto& w : in.At("workloads").Elements()) {
    WorkloadKind kind = EnumAt(w.At("kind"), &ParseWorkloadKind);
    r.workloads.push_back(kind == WorkloadKind::kHttp ? Workload{ReadHttpWorkload(w)} : Workload{ReadBatchWorkload(w)});
  }
  if (auto claims = in.Find("claims")) {
    r.claims.emplace();
    for (const auto& c : claims->Elements()) r.claims->push_back(ReadClaim(c));
  }
  if (auto family = in.Find("claims_family")) {
    r.claims_family = ClaimsFamily{EnumAt(family->At("adjustment"), &ParseAdjustment), family->Number("level"),
                                   family->Integer("checks_judged")};
  }
  r.claims_error = in.OptString("claims_error");
  // Older files carry bootstrap intervals: recomputed from the samples, so no old interval
  // is shown under this version's label.
  if (r.schema_version < 3) stats::RecomputeIntervals(r);
  return r;
}

RunResults ReadResultsFile(const std::filesystem::path& file) {
  json document;
  try {
    document = json::parse(ReadFile(file));
  } catch (const json::parse_error& e) {
    throw std::runtime_error(file.string() + " is not valid JSON: " + e.what());
  }
  try {
    return ReadResults(document);
  } catch (const JsonFormatError& e) {
    throw std::runtime_error(file.string() + ": " + e.what());
  } catch (const SchemaVersionError& e) {
    throw SchemaVersionError(file.string() + ": " + e.what());
  }
}

void WriteResultsFile(const RunResults& results, const std::filesystem::path& file) {
  WriteFileAtomic(file, ResultsJson(results).dump() + "\n");
}

const Workload* RunResults::FindWorkload(const std::string& id) const {
  for (const auto& w : workloads) {
    if (w.id() == id) return &w;
  }
  return nullptr;
}

}  // namespace claimbench::results
