// The CLI commands.
#include "cli/commands.h"

#include <unistd.h>

#include <fmt/format.h>

#include <iostream>
#include <stdexcept>

#include "build/builder.h"
#include "load/closed_loop.h"
#include "load/http_request.h"
#include "load/url.h"
#include "process/cpu_set.h"
#include "report/reporter.h"
#include "run/result_json.h"
#include "spec/workload.h"
#include "util/duration.h"
#include "util/files.h"

namespace claimbench::cli {
namespace {

using nlohmann::json;

std::filesystem::path Root(const CommonOptions& common) {
  if (!common.root.empty()) {
    if (!std::filesystem::is_directory(common.root / "workloads")) {
      throw std::invalid_argument("--root " + common.root.string() + " is not a claimbench checkout (no workloads/)");
    }
    return std::filesystem::absolute(common.root);
  }
  if (auto root = FindRepoRoot(std::filesystem::current_path()); !root.empty()) return root;
  std::error_code ec;
  auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    if (auto root = FindRepoRoot(exe.parent_path()); !root.empty()) return root;
  }
  throw std::invalid_argument(
      "cannot find the claimbench checkout (a folder holding workloads/ and harness/); run from inside it or pass "
      "--root DIR");
}

process::CpuSplit Split(const CommonOptions& common) {
  auto split = process::DefaultSplit(process::AvailableCpus());
  if (!common.server_cpus.empty()) split.server = process::ParseCpuList(common.server_cpus);
  if (!common.client_cpus.empty()) split.client = process::ParseCpuList(common.client_cpus);
  if (split.shared) {
    std::cerr << "warning: only one CPU is available: server and load generator share it, so figures are "
                 "lower bounds\n";
  }
  return split;
}

}  // namespace

int List(const CommonOptions& common) {
  auto catalog = spec::LoadCatalog(Root(common));
  std::cout << "workloads\n";
  for (const auto& w : catalog.workloads) {
    std::string impls;
    for (const auto& i : w.implementations) impls += (impls.empty() ? "" : ", ") + i;
    std::cout << fmt::format("  {:<16} {:<6} {}\n  {:<16} {:<6} implementations: {}\n", w.id, w.kind, w.description,
                             "", "", impls);
  }
  std::cout << "implementations\n";
  for (const auto& [id, impl] : catalog.implementations) {
    std::cout << fmt::format("  {:<16} {:<5} {}\n", id, spec::LanguageName(impl.language), impl.library);
  }
  return kExitOk;
}

int Build(const CommonOptions& common, const BuildCommand& command) {
  auto catalog = spec::LoadCatalog(Root(common));
  std::vector<std::string> ids = command.implementations;
  if (ids.empty()) {
    for (const auto& [id, impl] : catalog.implementations) ids.push_back(id);
  }
  json records = json::object();
  bool ok = true;
  for (const auto& id : ids) {
    const auto& impl = catalog.GetImplementation(id);
    std::cerr << "claimbench: building " << id << "\n";
    auto record = build::Build(catalog.root, impl, {command.build_times});
    if (!record.ok) {
      std::cerr << "error: build of " << id << " failed: " << record.error << "\n";
      ok = false;
    }
    records[id] = run::BuildRecordJson(record);
  }
  std::cout << report::Render("table", json{{"builds", records}});
  for (const auto& [id, r] : records.items()) {
    std::string libraries;
    for (const auto& [name, version] : r["libraries"].items()) {
      libraries += (libraries.empty() ? "" : ", ") + name + " " + version.get<std::string>();
    }
    std::cout << fmt::format("  {}: {}; {}; {}\n", id, r.value("toolchain", "?"), r.value("flags", "?"),
                             libraries.empty() ? "no libraries" : libraries);
    if (r.contains("cache_state")) std::cout << fmt::format("    cold build from: {}\n", r["cache_state"].get<std::string>());
  }
  return ok ? kExitOk : kExitFailed;
}

int Verify(const CommonOptions& common, run::RunOptions options) {
  auto catalog = spec::LoadCatalog(Root(common));
  options.root = catalog.root;
  options.cpus = Split(common);
  options.verify_only = true;
  auto outcome = run::Run(catalog, options);
  for (const auto& w : outcome.results["workloads"]) {
    for (const auto& impl : w["implementations"]) {
      const json& v = impl.value("verification", json::object());
      std::string id = impl.value("id", "");
      if (impl.value("status", "") == "ok") {
        std::cout << fmt::format("ok    {} / {}: {} of {} vectors\n", w["id"].get<std::string>(), id,
                                 v.value("passed", 0), v.value("vectors", 0));
        continue;
      }
      std::cout << fmt::format("FAIL  {} / {}: {}\n", w["id"].get<std::string>(), id, impl.value("error", ""));
      for (const auto& f : v.value("failures", json::array())) {
        for (const auto& line : f["messages"]) std::cout << "      " << line.get<std::string>() << "\n";
      }
    }
  }
  return outcome.ok ? kExitOk : kExitFailed;
}

int RunSuite(const CommonOptions& common, run::RunOptions options) {
  auto catalog = spec::LoadCatalog(Root(common));
  options.root = catalog.root;
  options.cpus = Split(common);
  auto outcome = run::Run(catalog, options);
  std::cout << report::Render("table", outcome.results);
  std::cerr << "claimbench: results in " << outcome.out_dir.string() << "/ (results.json, results.csv)\n";
  return outcome.ok ? kExitOk : kExitFailed;
}

int Report(const std::filesystem::path& results_file, const std::string& format) {
  auto reporter = report::MakeReporter(format);
  json results;
  try {
    results = json::parse(ReadFile(results_file));
  } catch (const json::parse_error& e) {
    throw std::runtime_error(results_file.string() + " is not valid JSON: " + e.what());
  }
  std::cout << reporter->Render(results);
  return kExitOk;
}

}  // namespace claimbench::cli

namespace claimbench::cli {
namespace {

std::string Ms(int64_t ns) { return fmt::format("{:.3f}ms", static_cast<double>(ns) / 1e6); }

}  // namespace

int Load(const LoadCommand& command) {
  load::Url url = load::ParseUrl(command.url);
  load::RequestSpec spec;
  spec.method = command.method;
  spec.host = url.HostHeader();
  spec.target = url.target;
  for (const auto& h : command.headers) {
    auto colon = h.find(':');
    if (colon == std::string::npos || colon == 0) {
      throw std::invalid_argument("--header '" + h + "' must look like 'Name: value'");
    }
    std::string value = h.substr(colon + 1);
    value.erase(0, value.find_first_not_of(' '));
    spec.headers.emplace_back(h.substr(0, colon), value);
  }
  if (!command.body_file.empty()) spec.body = ReadFile(command.body_file);

  load::ClosedLoopOptions options;
  options.host = url.host;
  options.port = url.port;
  options.request = load::SerializeRequest(spec);
  options.connections = command.connections;
  options.threads = command.threads;
  options.duration = ParseDuration(command.duration);
  options.warmup = ParseDuration(command.warmup);
  options.timeout = ParseDuration(command.timeout);
  if (!command.cpus.empty()) options.cpus = process::ParseCpuList(command.cpus);
  if (options.duration.count() <= 0) throw std::invalid_argument("--duration must be positive");

  std::cerr << fmt::format("claimbench load {}: {} connections, {} thread(s), {:.1f} s after {:.1f} s warmup\n",
                           command.url, options.connections, options.threads, ToSeconds(options.duration),
                           ToSeconds(options.warmup));
  load::LoadResult result = load::RunClosedLoop(options);
  json j = run::LoadResultJson(result, options.cpus);
  if (command.json) {
    j.erase("latency_histogram");
    j["latency_spectrum"] = json::array();
    for (const auto& p : result.latency.Spectrum()) {
      j["latency_spectrum"].push_back({{"percentile", p.percentile}, {"value_ns", p.value_ns}, {"count", p.cumulative_count}});
    }
    j["latency_histogram"] = run::LoadResultJson(result, options.cpus)["latency_histogram"];
    std::cout << j.dump(2) << "\n";
  } else {
    const auto& h = result.latency;
    std::cout << fmt::format("  requests   {} in {:.2f} s = {:.1f} req/s\n", result.requests, result.duration_s,
                             result.requests_per_s);
    std::cout << fmt::format("  latency    p50 {}  p90 {}  p99 {}  p99.9 {}  max {}\n", Ms(h.ValueAtPercentile(50)),
                             Ms(h.ValueAtPercentile(90)), Ms(h.ValueAtPercentile(99)), Ms(h.ValueAtPercentile(99.9)),
                             Ms(h.Max()));
    std::string kinds;
    for (const auto& [k, v] : j["errors"].items()) {
      if (k != "total" && v.get<uint64_t>() > 0) kinds += fmt::format(" {} {}", k, v.get<uint64_t>());
    }
    std::cout << fmt::format("  errors     {}{}\n", result.errors.Total(), kinds.empty() ? "" : " (" + kinds.substr(1) + ")");
    std::cout << fmt::format("  conns      {} open, {} established, {} reconnects, {} closed by server\n",
                             result.connections, result.connections_established, result.reconnects,
                             result.server_closes);
    std::cout << fmt::format("  client     {:.2f} s CPU, busiest thread {:.0f}% busy{}\n", j["client"]["cpu_s"].get<double>(),
                             100 * result.client_cpu_busiest_thread,
                             j["client"]["saturated"].get<bool>() ? " (SATURATED: the client, not the server, set the pace)" : "");
  }
  return result.errors.Total() > 0 && result.requests == 0 ? kExitFailed : kExitOk;
}

}  // namespace claimbench::cli
