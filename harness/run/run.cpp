// `claimbench run` and `claimbench verify`.
#include "run/run.h"

#include <sched.h>

#include <cstdlib>
#include <iostream>
#include <map>
#include <set>
#include <stdexcept>

#include "build/builder.h"
#include "claims/claim_spec.h"
#include "claims/verdict.h"
#include "process/interrupt.h"
#include "report/reporter.h"
#include "run/batch_workload.h"
#include "run/context.h"
#include "run/http_runner.h"
#include "run/ratios.h"
#include "run/result_json.h"
#include "spec/vectors.h"
#include "stats/metrics.h"
#include "stats/summary.h"
#include "util/duration.h"
#include "util/files.h"
#include "util/shuffle.h"

namespace claimbench::run {
namespace {

using nlohmann::json;

struct Selection {
  std::vector<const spec::Workload*> workloads;
  std::map<std::string, std::vector<std::string>> implementations;  ///< per workload id
  std::vector<std::string> to_build;                                ///< unique, in order
};

Selection Select(const spec::Catalog& catalog, const RunOptions& options) {
  Selection s;
  for (const auto& id : options.workloads) catalog.GetWorkload(id);  // throws on unknown ids
  for (const auto& id : options.implementations) catalog.GetImplementation(id);
  std::set<std::string> seen;
  for (const auto& w : catalog.workloads) {
    if (!options.workloads.empty() &&
        std::find(options.workloads.begin(), options.workloads.end(), w.id) == options.workloads.end()) {
      continue;
    }
    std::vector<std::string> impls;
    for (const auto& impl : w.implementations) {
      if (!options.implementations.empty() &&
          std::find(options.implementations.begin(), options.implementations.end(), impl) ==
              options.implementations.end()) {
        continue;
      }
      impls.push_back(impl);
      if (seen.insert(impl).second) s.to_build.push_back(impl);
    }
    if (impls.empty()) continue;
    s.workloads.push_back(&w);
    s.implementations[w.id] = impls;
  }
  if (s.workloads.empty()) {
    throw std::invalid_argument("nothing selected: no workload has the implementations asked for");
  }
  return s;
}

void PinThisThread(const std::vector<int>& cpus) {
  cpu_set_t set;
  CPU_ZERO(&set);
  for (int c : cpus) CPU_SET(c, &set);
  ::sched_setaffinity(0, sizeof set, &set);
}

// Medians over trials, per metric; startup from its own runs.
json Summarize(const json& impl) {
  const json& trials = impl["trials"];
  json summary = json::object();
  if (impl.contains("startup") && impl["startup"].value("runs", 0) > 0) {
    summary["startup_median_s"] = stats::SummaryOf(impl["startup"]["samples_s"].get<std::vector<double>>(), "s");
  }
  for (const auto& metric : stats::HttpMetrics()) {
    std::vector<double> values;
    for (const auto& t : trials) {
      if (auto v = stats::Extract(t, metric)) values.push_back(*v);
    }
    if (!values.empty()) summary[metric.name] = stats::SummaryOf(values, metric.unit);
  }
  return summary;
}

// Batch runners have the machine to themselves (no load generator runs beside them): every
// CPU of the server and client sets.
std::vector<int> BatchCpus(const process::CpuSplit& split) {
  std::set<int> cpus(split.server.begin(), split.server.end());
  cpus.insert(split.client.begin(), split.client.end());
  return {cpus.begin(), cpus.end()};
}

// Generated corpora are inputs, not results: kept beside the build, reused while their
// hash matches.
std::filesystem::path CorpusDir(const std::filesystem::path& root) {
  if (const char* dir = std::getenv("CLAIMBENCH_CORPUS_DIR")) return dir;
  return root / "build" / "corpora";
}


}  // namespace

void SaveResults(const json& results, const std::filesystem::path& out_dir) {
  if (out_dir.empty()) return;
  // One line: histograms and series are most of the file, and indenting puts each of their
  // numbers on a line of its own (a full run: 95 MB indented, 12.5 MB on one line).
  WriteFileAtomic(out_dir / "results.json", results.dump() + "\n");
  WriteFileAtomic(out_dir / "results.csv", report::Render("csv", results));
  if (results.contains("claims")) WriteFileAtomic(out_dir / "claims.csv", report::Render("claims-csv", results));
  WriteFileAtomic(out_dir / "report.md", report::Render("md", results));
  WriteFileAtomic(out_dir / "report.html", report::Render("html", results));
}

RunOutcome Run(const spec::Catalog& catalog, const RunOptions& options) {
  Selection selection = Select(catalog, options);
  RunOutcome outcome;
  std::string run_id = NewRunId();
  if (!options.verify_only) {
    outcome.out_dir = options.out_dir.empty() ? catalog.root / "results" / run_id : options.out_dir;
  }
  json& results = outcome.results;
  results["schema_version"] = kSchemaVersion;
  results["tool"] = {{"name", "claimbench"}, {"version", CLAIMBENCH_VERSION}};
  results["run_id"] = run_id;
  results["suite"] = options.suite;
  results["started_at"] = UtcNow();
  results["interrupted"] = false;
  std::cerr << "claimbench: collecting context\n";
  results["context"] = CollectContext(catalog.root, options.cpus, options.seed);
  results["builds"] = json::object();
  results["workloads"] = json::array();
  bool all_ok = true;

  std::map<std::string, build::BuildRecord> builds;
  const bool time_builds = options.build_times && !options.verify_only;
  for (const auto& id : selection.to_build) {
    if (process::Interrupted()) break;
    const auto& impl = catalog.GetImplementation(id);
    // Two implementations of one binary (a runner with `args`) are built and timed once.
    auto same = std::find_if(builds.begin(), builds.end(), [&](const auto& entry) {
      const auto& other = catalog.GetImplementation(entry.first);
      return other.language == impl.language && other.package == impl.package;
    });
    if (same != builds.end()) {
      build::BuildRecord record = same->second;
      record.implementation = id;
      results["builds"][id] = BuildRecordJson(record);
      results["builds"][id]["same_build_as"] = same->first;
      builds.emplace(id, std::move(record));
      continue;
    }
    // The quick suite times the servers' builds (what the documents' build-time claims are
    // about); the full suite times every build, batch runners included.
    build::BuildOptions build_options{time_builds && (options.suite == "full" || impl.kind == "http-server")};
    std::cerr << "claimbench: building " << id << (build_options.measure_build_times ? " (with cold and incremental builds)" : "")
              << "\n";
    auto record = build::Build(catalog.root, impl, build_options);
    if (!record.ok) {
      std::cerr << "claimbench: build of " << id << " failed: " << record.error << "\n";
    } else if (record.cold_build_s) {
      std::cerr << "claimbench:   cold " << *record.cold_build_s << " s, incremental "
                << record.incremental_build_s.value_or(0) << " s, binary " << record.binary_bytes << " bytes\n";
    }
    results["builds"][id] = BuildRecordJson(record);
    builds.emplace(id, std::move(record));
  }
  SaveResults(results, outcome.out_dir);

  // Everything the harness does from here runs on the client CPUs; each server process is
  // pinned to the server CPUs.
  PinThisThread(options.cpus.client);
  for (const spec::Workload* w : selection.workloads) {
    json wj;
    wj["id"] = w->id;
    wj["kind"] = w->kind;
    wj["description"] = w->description;
    wj["implementations"] = json::array();
    bool quick = options.suite == "quick";
    std::filesystem::path log_dir =
        (outcome.out_dir.empty() ? std::filesystem::temp_directory_path() / ("claimbench-" + run_id) : outcome.out_dir) /
        "logs";
    if (w->kind == "batch") {
      BatchWorkloadOptions batch;
      batch.runner.cpus = BatchCpus(options.cpus);
      batch.runner.warmup = options.verify_only ? 0 : (quick ? w->batch.quick_warmup : w->batch.warmup);
      batch.runner.iterations =
          options.verify_only ? 1 : options.iterations.value_or(quick ? w->batch.quick_iterations : w->batch.iterations);
      batch.runner.timeout = w->batch.timeout;
      batch.runner.log_dir = log_dir;
      batch.corpus_dir = CorpusDir(catalog.root);
      batch.seed = options.seed;
      results["workloads"].push_back(wj);
      all_ok = RunBatchWorkload(catalog, *w, selection.implementations.at(w->id), builds, batch,
                                results["workloads"].back(), [&] { SaveResults(results, outcome.out_dir); }) &&
               all_ok;
      continue;
    }
    HttpRunOptions http;
    http.server_cpus = options.cpus.server;
    http.client_cpus = options.cpus.client;
    http.connections = options.connections.value_or(w->load.connections);
    http.duration = options.duration.value_or(quick ? w->load.quick_duration : w->load.duration);
    http.warmup = options.warmup.value_or(quick ? w->load.quick_warmup : w->load.warmup);
    http.repeat = options.repeat.value_or(quick ? kQuickRepeat : kFullRepeat);
    http.seed = options.seed;
    http.point_duration =
        options.point_duration.value_or(quick ? w->load.quick_point_duration : w->load.point_duration);
    http.connection_sweep = w->load.connection_sweep;
    http.fixed_rates = w->load.fixed_rates;
    http.knee_fractions = w->load.knee_fractions;
    if (options.no_load_points) {
      http.connection_sweep.clear();
      http.fixed_rates.clear();
      http.knee_fractions.clear();
    }
    http.startup_runs = options.startup_runs;
    http.log_dir = log_dir;
    wj["load"] = {{"mode", "closed-loop"},
                  {"method", w->load.method},
                  {"path", w->load.path},
                  {"body_bytes", w->load.body.size()},
                  {"connections", http.connections},
                  {"client_threads", http.client_threads},
                  {"warmup_s", ToSeconds(http.warmup)},
                  {"duration_s", ToSeconds(http.duration)},
                  {"repeat", http.repeat},
                  {"load_points_in", options.load_points_every_trial ? "every trial" : "the first trial only"},
                  {"varied_bodies", w->load.vary_price},
                  {"point_duration_s", ToSeconds(http.point_duration)},
                  {"connection_sweep", http.connection_sweep},
                  {"fixed_rates", http.fixed_rates},
                  {"knee_fractions", http.knee_fractions},
                  {"startup_runs", http.startup_runs}};
    std::vector<spec::Vector> vectors = spec::LoadVectors(w->vectors_file);
    results["workloads"].push_back(wj);
    json& stored = results["workloads"].back();
    const auto& ids = selection.implementations.at(w->id);
    // Verification of every implementation first: none is timed unless it passed.
    for (const auto& id : ids) {
      const auto& impl = catalog.GetImplementation(id);
      const auto& record = builds.at(id);
      json ij;
      if (process::Interrupted()) {
        ij = {{"id", id}, {"status", "interrupted"}, {"trials", json::array()}};
      } else if (!record.ok) {
        ij = {{"id", id}, {"language", spec::LanguageName(impl.language)}, {"library", impl.library},
              {"status", "build_failed"}, {"error", record.error}, {"trials", json::array()}};
      } else {
        std::cerr << "claimbench: " << w->id << " / " << id << ": verifying\n";
        ij = PrepareHttpImplementation(*w, impl, record.binary, vectors, http);
      }
      stored["implementations"].push_back(ij);
    }
    SaveResults(results, outcome.out_dir);
    json& entries = stored["implementations"];
    if (!options.verify_only) {
      // Trials in rounds; each round visits the implementations in a seeded random order,
      // so drift on a shared machine does not favour whoever runs first.
      stored["trial_order"] = json::array();
      for (int round = 1; round <= http.repeat && !process::Interrupted(); ++round) {
        std::vector<size_t> order = ShuffledIndices(ids.size(), options.seed + static_cast<uint64_t>(round));
        json round_ids = json::array();
        for (size_t i : order) {
          if (entries[i]["status"] != "ok") continue;
          round_ids.push_back(ids[i]);
          std::cerr << "claimbench: " << w->id << " / " << ids[i] << ": trial " << round << " of " << http.repeat
                    << (round == 1 || options.load_points_every_trial ? "" : " (main window only)") << "\n";
          RunHttpTrial(entries[i], *w, catalog.GetImplementation(ids[i]), builds.at(ids[i]).binary, vectors, http,
                       round, round == 1 || options.load_points_every_trial);
          SaveResults(results, outcome.out_dir);
        }
        stored["trial_order"].push_back(round_ids);
      }
      for (size_t i = 0; i < ids.size(); ++i) {
        if (entries[i]["status"] == "ok") {
          FinishHttpImplementation(entries[i], *w, catalog.GetImplementation(ids[i]), builds.at(ids[i]).binary, vectors,
                                   http);
        }
        if (!entries[i]["trials"].empty()) entries[i]["summary"] = Summarize(entries[i]);
      }
      stored["ratios"] = Ratios(entries);
    }
    for (const auto& ij : entries) {
      if (ij["status"] != "ok") {
        all_ok = false;
        std::cerr << "claimbench: " << w->id << " / " << ij["id"].get<std::string>() << ": "
                  << ij["status"].get<std::string>() << ": " << ij.value("error", "") << "\n";
      }
    }
    SaveResults(results, outcome.out_dir);
  }
  if (!options.verify_only) {
    try {
      results["claims"] = claims::Evaluate(claims::LoadClaims(catalog.root), results);
    } catch (const std::exception& e) {
      results["claims_error"] = e.what();
      std::cerr << "claimbench: claims not evaluated: " << e.what() << "\n";
      all_ok = false;
    }
  }
  results["interrupted"] = process::Interrupted();
  results["finished_at"] = UtcNow();
  SaveResults(results, outcome.out_dir);
  outcome.ok = all_ok && !process::Interrupted();
  return outcome;
}

}  // namespace claimbench::run
