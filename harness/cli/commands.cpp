// The CLI commands.
#include "cli/commands.h"
#include "cli/compare_command.h"

#include <unistd.h>

#include <fmt/format.h>

#include <algorithm>
#include <iostream>
#include <map>
#include <stdexcept>

#include "batch/corpus.h"
#include "build/builder.h"
#include "claims/claim_spec.h"
#include "claims/verdict.h"
#include "compare/baselines.h"
#include "process/cpu_set.h"
#include "process/interrupt.h"
#include "run/http_runner.h"
#include "spec/vectors.h"
#include "report/console_colour.h"
#include "report/reporter.h"
#include "results/results_json.h"
#include "run/run.h"
#include "run/save_results.h"
#include "spec/workload.h"
#include "util/duration.h"
#include "util/files.h"
#include "util/terminal.h"

namespace claimbench::cli {
namespace {

// Text for stdout: verdicts and warnings in colour on a terminal (never with NO_COLOR).
std::string ForStdout(const std::string& text) {
  return ColourWanted(STDOUT_FILENO) ? report::ColourForTerminal(text) : text;
}

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

std::filesystem::path RepoRoot(const CommonOptions& common) { return Root(common); }
process::CpuSplit CpuSplitFor(const CommonOptions& common) { return Split(common); }

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
  auto claims = claims::LoadClaims(catalog.root);
  std::map<std::string, int> per_document;
  for (const auto& c : claims) per_document[c.document]++;
  std::cout << "claims (" << claims.size() << ")\n";
  for (const auto& [document, n] : per_document) std::cout << fmt::format("  {:<30} {} claims\n", document, n);
  return kExitOk;
}

int Build(const CommonOptions& common, const BuildCommand& command) {
  auto catalog = spec::LoadCatalog(Root(common));
  std::vector<std::string> ids = command.implementations;
  if (ids.empty()) {
    for (const auto& [id, impl] : catalog.implementations) ids.push_back(id);
  }
  results::RunResults builds;
  bool ok = true;
  for (const auto& id : ids) {
    const auto& impl = catalog.GetImplementation(id);
    std::cerr << "claimbench: building " << id << "\n";
    auto record = build::Build(catalog.root, impl, {command.build_times});
    if (!record.ok) {
      std::cerr << "error: build of " << id << " failed: " << record.error << "\n";
      ok = false;
    }
    builds.builds[id] = {record, std::nullopt};
  }
  std::cout << report::Render("table", builds);
  for (const auto& [id, b] : builds.builds) {
    const build::BuildRecord& r = b.record;
    std::string libraries;
    for (const auto& [name, version] : r.libraries) libraries += (libraries.empty() ? "" : ", ") + name + " " + version;
    std::cout << fmt::format("  {}: {}; {}; {}\n", id, r.toolchain.empty() ? "?" : r.toolchain,
                             r.flags.empty() ? "?" : r.flags, libraries.empty() ? "no libraries" : libraries);
    if (r.cold_build_s) std::cout << fmt::format("    cold build from: {}\n", r.cache_state);
    for (const auto& [key, value] : r.settings) std::cout << fmt::format("    {} = {}\n", key, value);
  }
  return ok ? kExitOk : kExitFailed;
}

namespace {

// `claimbench verify`'s lines for one workload: ok or FAIL per implementation (per task for
// batch workloads), with what differed.
void PrintVerification(const results::Workload& w) {
  if (const auto* batch = w.batch()) {
    for (const auto& task : batch->tasks) {
      for (const auto& impl : task.implementations) {
        std::string where = batch->id + " / " + task.id + " / " + impl.id;
        if (impl.status == results::Status::kOk) {
          std::cout << fmt::format("ok    {}: {}\n", where, impl.checksum.value_or(""));
        } else {
          std::cout << fmt::format("FAIL  {}: {}: {}\n", where, results::Name(impl.status), impl.error.value_or(""));
        }
      }
    }
    return;
  }
  const auto& http = *w.http();
  for (const auto& impl : http.implementations) {
    const results::Verification v = impl.verification.value_or(results::Verification{});
    if (impl.status == results::Status::kOk) {
      std::cout << fmt::format("ok    {} / {}: {} of {} vectors\n", http.id, impl.id, v.passed, v.vectors);
      continue;
    }
    std::cout << fmt::format("FAIL  {} / {}: {}\n", http.id, impl.id, impl.error.value_or(""));
    for (const auto& f : v.failures) {
      for (const auto& line : f.messages) std::cout << "      " << line << "\n";
    }
  }
}

}  // namespace

int Verify(const CommonOptions& common, run::RunOptions options) {
  auto catalog = spec::LoadCatalog(Root(common));
  options.cpus = Split(common);
  options.verify_only = true;
  auto outcome = run::Run(catalog, options);
  for (const auto& w : outcome.results.workloads) PrintVerification(w);
  return outcome.ok ? kExitOk : kExitFailed;
}

int RunSuite(const CommonOptions& common, run::RunOptions options, bool all_claims, const std::string& save_baseline,
             int baseline_runs) {
  // A bad name is refused before an hour of measuring, not after.
  if (!save_baseline.empty()) compare::CheckBaselineName(save_baseline);
  auto catalog = spec::LoadCatalog(Root(common));
  options.cpus = Split(common);
  auto outcome = run::Run(catalog, options);
  // The answer last on screen, where the eye lands when the run ends: the measurements, then
  // the judged claims, then the headline.
  std::cout << ForStdout(report::Render("table", outcome.results) +
                         report::Render(all_claims ? "claims-all" : "claims", outcome.results) +
                         report::Render("headline", outcome.results));
  std::cerr << "claimbench: results in " << outcome.out_dir.string() << "/ (" << run::kResultFiles << ")\n";
  if (!save_baseline.empty()) {
    // The same checks and message as `claimbench baseline NAME FILE` (an interrupted run is refused).
    if (AddToBaseline(common, save_baseline, outcome.out_dir / "results.json", baseline_runs) == kExitOk && !outcome.ok) {
      std::cerr << "claimbench: some implementations failed in this run: they are not compared against it\n";
    }
  }
  return outcome.ok ? kExitOk : kExitFailed;
}

int Claims(const CommonOptions& common, const std::filesystem::path& results_file, bool update,
           results::Adjustment adjustment, bool all_claims) {
  results::RunResults results = results::ReadResultsFile(results_file);
  // Judged afresh with the claims files of this checkout, so an edited claim is re-read.
  const std::vector<claims::Claim> all = claims::LoadClaims(Root(common));
  results.claims_family = claims::FamilyOf(all, results, adjustment);
  results.claims = claims::Evaluate(all, results, *results.claims_family);
  std::cout << ForStdout(report::Render(all_claims ? "claims-all" : "claims", results));
  if (update) {
    const auto dir = std::filesystem::absolute(results_file).parent_path();
    if (results.schema_version != results::kSchemaVersion) {
      std::cerr << "claimbench: " << results_file.string() << " was written with schema_version "
                << results.schema_version << "; it is rewritten as version " << results::kSchemaVersion << "\n";
    }
    run::SaveResults(results, dir);
    std::cerr << "claimbench: rewrote " << dir.string()
              << "/ (" << run::kResultFiles << ") with these verdicts\n";
  }
  return kExitOk;
}

int Report(const std::filesystem::path& results_file, const std::string& format) {
  auto reporter = report::MakeReporter(format);
  const std::string text = reporter->Render(results::ReadResultsFile(results_file));
  // Only the console formats are coloured: files in other formats are copied from stdout.
  const bool console = format == "table" || format == "headline" || format == "claims" || format == "claims-all";
  std::cout << (console ? ForStdout(text) : text);
  return kExitOk;
}

int Serve(const CommonOptions& common, const ServeCommand& command) {
  auto catalog = spec::LoadCatalog(Root(common));
  const auto& impl = catalog.GetImplementation(command.implementation);
  const spec::Workload* workload = nullptr;
  for (const auto& w : catalog.workloads) {
    bool serves = std::find(w.implementations.begin(), w.implementations.end(), impl.id) != w.implementations.end();
    if (serves && (command.workload.empty() || w.id == command.workload)) {
      workload = &w;
      break;
    }
  }
  if (!workload) {
    throw std::invalid_argument("implementation '" + impl.id + "' does not serve workload '" + command.workload + "'");
  }
  std::cerr << "claimbench: building " << impl.id << "\n";
  auto record = build::Build(catalog.root, impl, {false});
  if (!record.ok) throw std::runtime_error("build of " + impl.id + " failed: " + record.error);
  auto vectors = spec::LoadVectors(workload->vectors_file);
  run::HttpRunOptions options;
  options.server_cpus = Split(common).server;
  options.fixed_port = static_cast<uint16_t>(command.port);
  std::string error;
  auto server = run::StartServer(impl, record.binary, {}, run::ReadinessVector(vectors), options, error);
  if (!server) throw std::runtime_error("cannot start " + impl.id + ": " + error);
  std::cerr << fmt::format("claimbench: serving {} ({}) on http://127.0.0.1:{}{}, CPUs {}; ready after {:.1f} ms; "
                           "Ctrl-C stops it\n",
                           impl.id, impl.library, server->port, workload->load.path,
                           options.server_cpus.empty() ? "all" : process::FormatCpuList(options.server_cpus),
                           server->startup_s * 1e3);
  while (!process::Interrupted()) {
    if (auto status = server->child.Wait(std::chrono::milliseconds(200))) {
      std::cerr << "claimbench: " << impl.id << " exited (" << status->Describe() << ")\n";
      return status->Ok() ? kExitOk : kExitFailed;
    }
  }
  auto status = server->child.Stop(std::chrono::seconds(5));
  std::cerr << "claimbench: " << impl.id << " stopped (" << status.Describe() << ")\n";
  return kExitOk;
}

namespace {

std::string CorpusList() {
  std::string list;
  for (const auto& c : batch::Corpora()) list += fmt::format("  {:<9} {:<13} {}\n", c.name, c.file_name, c.description);
  return list;
}

}  // namespace

int Corpus(const CorpusCommand& command) {
  if (command.list) {
    std::cout << CorpusList();
    return kExitOk;
  }
  const batch::CorpusInfo* info = batch::FindCorpus(command.name);
  if (!info) {
    std::cerr << (command.name.empty() ? std::string("error: corpus: NAME is required")
                                       : "error: corpus: unknown corpus '" + command.name + "'")
              << "; the corpora are:\n"
              << CorpusList();
    return kExitUsage;
  }
  std::filesystem::path out = command.out.empty() ? std::filesystem::path(info->file_name) : command.out;
  std::string bytes = batch::GenerateCorpus(info->name, command.seed);
  WriteFileAtomic(out, bytes);
  std::cout << fmt::format("{} seed={} bytes={} sha256={} path={}\n", info->name, command.seed, bytes.size(),
                           batch::Sha256Hex(bytes), out.string());
  return kExitOk;
}

}  // namespace claimbench::cli
