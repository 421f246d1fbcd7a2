// claimbench: the thin command-line front of claimbench::core. Flags are parsed into
// typed options (CLI11) and handed to the commands in cli/commands.cpp.
#include <CLI/CLI.hpp>
#include <charconv>
#include <cstdint>
#include <iostream>

#include "cli/commands.h"
#include "process/interrupt.h"
#include "util/duration.h"

namespace cli = claimbench::cli;

namespace {

void AddCommon(CLI::App* app, cli::CommonOptions& common) {
  app->add_option("--root", common.root, "Repository root (default: found from the working directory)");
  app->add_option("--server-cpus", common.server_cpus, "CPUs for the server under test, e.g. 0 or 0-1");
  app->add_option("--client-cpus", common.client_cpus, "CPUs for the load generator, e.g. 1");
}

void AddSelection(CLI::App* app, claimbench::run::RunOptions& options) {
  app->add_option("--workload", options.workloads, "Workload id (repeatable; default: all)");
  app->add_option("--impl", options.implementations, "Implementation id (repeatable; default: all)");
}

// CLI11 wraps "-1" and saturates 2^64 into a uint64_t; a seed must be taken exactly or refused.
CLI::Validator Uint64() {
  return CLI::Validator(
      [](std::string& text) {
        uint64_t value = 0;
        auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
        bool exact = !text.empty() && ec == std::errc() && end == text.data() + text.size();
        return exact ? std::string() : std::string("must be a whole number from 0 to 18446744073709551615");
      },
      "UINT64");
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"claimbench: a reproducible Go/Rust/C++ benchmark harness that checks published claims"};
  app.set_version_flag("--version", std::string("claimbench ") + CLAIMBENCH_VERSION);
  app.require_subcommand(1);
  cli::CommonOptions common;

  auto* list = app.add_subcommand("list", "List workloads and implementations");
  AddCommon(list, common);

  cli::BuildCommand build;
  auto* build_cmd = app.add_subcommand("build", "Build implementations; record build times and binary sizes");
  AddCommon(build_cmd, common);
  build_cmd->add_option("--impl", build.implementations, "Implementation id (repeatable; default: all)");
  build_cmd->add_flag("!--no-build-times", build.build_times, "Skip the cold and incremental build measurements");

  claimbench::run::RunOptions verify;
  auto* verify_cmd = app.add_subcommand("verify", "Check every implementation against its workload's vectors");
  AddCommon(verify_cmd, common);
  AddSelection(verify_cmd, verify);

  claimbench::run::RunOptions run;
  std::string duration, warmup, point_duration;
  auto* run_cmd = app.add_subcommand("run", "Build if needed, verify, measure and report");
  AddCommon(run_cmd, common);
  AddSelection(run_cmd, run);
  run_cmd->add_option("--suite", run.suite, "quick (short windows) or full")->check(CLI::IsMember({"quick", "full"}));
  run_cmd->add_option("--repeat", run.repeat, "Trials per implementation")->check(CLI::Range(1, 1000));
  run_cmd->add_option("--out", run.out_dir, "Output directory (default: results/<run-id>)");
  run_cmd->add_option("--duration", duration, "Measured window per trial, e.g. 10s (overrides the suite)");
  run_cmd->add_option("--warmup", warmup, "Warmup per trial, e.g. 2s (overrides the suite)");
  run_cmd->add_option("--point-duration", point_duration, "Window of each further load point, e.g. 2s");
  auto* connections = run_cmd->add_option("--connections", "Connections (overrides the workload)");
  run_cmd->add_flag("!--no-build-times", run.build_times, "Skip the cold and incremental build measurements");
  run_cmd->add_option("--seed", run.seed, "Seed for generated inputs and orderings")->check(Uint64());
  run_cmd->add_flag("--no-load-points", run.no_load_points,
                    "Only the main closed-loop window: no connection sweep, fixed rates or knee");
  run_cmd->add_option("--startup-runs", run.startup_runs, "Starts whose median startup time is reported")
      ->check(CLI::Range(0, 1000));
  auto* iterations = run_cmd->add_option("--iterations", "Batch workloads: measured iterations per runner")
                         ->check(CLI::Range(1, 100000));

  cli::LoadCommand load;
  auto* load_cmd = app.add_subcommand("load", "Drive load against any HTTP/1.1 server (closed loop)");
  load_cmd->add_option("url", load.url, "http://host:port/path")->required();
  load_cmd->add_option("-c,--connections", load.connections, "Connections")->check(CLI::Range(1, 100000));
  load_cmd->add_option("-t,--threads", load.threads, "Client threads")->check(CLI::Range(1, 1024));
  load_cmd->add_option("-d,--duration", load.duration, "Measured duration, e.g. 10s");
  load_cmd->add_option("--warmup", load.warmup, "Warmup, not counted, e.g. 1s");
  load_cmd->add_option("--timeout", load.timeout, "Per-request timeout, e.g. 5s");
  load_cmd->add_option("-m,--method", load.method, "HTTP method");
  load_cmd->add_option("--body", load.body_file, "File whose bytes are the request body");
  load_cmd->add_option("-H,--header", load.headers, "Header 'Name: value' (repeatable)");
  load_cmd->add_option("-R,--rate", load.rate,
                       "Open loop at this many requests/s, e.g. 25k (latency from the intended send time, as wrk2)");
  auto* expect = load_cmd->add_option("--expect-body", load.expected_body,
                                      "Count a 2xx response with any other body as a body_mismatch error");
  load_cmd->add_option("--cpus", load.cpus, "Pin client threads to these CPUs, e.g. 1");
  load_cmd->add_flag("--json", load.json, "Print the result as JSON on stdout (schema: results/load.schema.json)");
  load_cmd->add_flag("--series", load.series, "Print the per-second series (requests, errors, p50, p99, max)");

  cli::ServeCommand serve;
  auto* serve_cmd = app.add_subcommand("serve", "Run one implementation in the foreground, as the harness would");
  AddCommon(serve_cmd, common);
  serve_cmd->add_option("implementation", serve.implementation, "Implementation id, e.g. go-nethttp")->required();
  serve_cmd->add_option("--workload", serve.workload, "Workload whose readiness request is probed");
  serve_cmd->add_option("--port", serve.port, "Port (default: a free one)")->check(CLI::Range(1, 65535));

  cli::CorpusCommand corpus;
  auto* corpus_cmd = app.add_subcommand("corpus", "Generate a batch workload's input file and print its SHA-256");
  corpus_cmd->add_option("name", corpus.name, "tweets | geo | catalog | haystack | events");
  corpus_cmd->add_option("--seed", corpus.seed, "SplitMix64 seed (default 42: the corpora pinned in workload.toml)")
      ->check(Uint64());
  corpus_cmd->add_option("--out", corpus.out, "Output file (default: the corpus's file name, e.g. tweets.json)");
  corpus_cmd->add_flag("--list", corpus.list, "List the corpora");

  std::string results_file, format = "table";
  auto* report_cmd = app.add_subcommand("report", "Render a results.json (table, csv, claims, claims-csv, md, html)");
  report_cmd->add_option("results", results_file, "results.json")->required()->check(CLI::ExistingFile);
  report_cmd->add_option("--format", format, "table | csv | claims | claims-csv | md | html");

  std::filesystem::path claims_results;
  auto* claims_cmd = app.add_subcommand("claims", "Judge the documents' claims against a results.json");
  AddCommon(claims_cmd, common);
  claims_cmd->add_option("results", claims_results, "results.json")->required()->check(CLI::ExistingFile);
  bool claims_update = false;
  claims_cmd->add_flag("--update", claims_update,
                       "Rewrite that results.json and the reports beside it (claims.csv, report.md, report.html) "
                       "with these verdicts");

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "error: " << e.what() << "\nRun 'claimbench --help' for usage.\n";
    return cli::kExitUsage;
  }

  claimbench::process::InstallInterruptHandler();
  try {
    if (*list) return cli::List(common);
    if (*claims_cmd) return cli::Claims(common, claims_results, claims_update);
    if (*build_cmd) return cli::Build(common, build);
    if (*verify_cmd) return cli::Verify(common, verify);
    if (*run_cmd) {
      if (!duration.empty()) run.duration = claimbench::ParseDuration(duration);
      if (!warmup.empty()) run.warmup = claimbench::ParseDuration(warmup);
      if (!point_duration.empty()) run.point_duration = claimbench::ParseDuration(point_duration);
      if (*connections) run.connections = connections->as<int>();
      if (*iterations) run.iterations = iterations->as<int>();
      run.load_points_every_trial = run.suite == "full";
      return cli::RunSuite(common, run);
    }
    if (*load_cmd) {
      load.has_expected_body = expect->count() > 0;
      return cli::Load(load);
    }
    if (*report_cmd) return cli::Report(results_file, format);
    if (*serve_cmd) return cli::Serve(common, serve);
    if (*corpus_cmd) return cli::Corpus(corpus);
  } catch (const std::invalid_argument& e) {
    std::cerr << "error: " << e.what() << "\n";
    return cli::kExitUsage;
  } catch (const std::exception& e) {
    std::cerr << "error: " << e.what() << "\n";
    return cli::kExitFailed;
  }
  return cli::kExitUsage;
}
