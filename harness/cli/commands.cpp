// The CLI commands.
#include "cli/commands.h"

#include <unistd.h>

#include <fmt/format.h>

#include <iostream>
#include <stdexcept>

#include "build/builder.h"
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
