// claimbench: the thin command-line front of claimbench::core. Flags are parsed into
// typed options (CLI11) and handed to the commands in cli/commands.cpp.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <charconv>
#include <cstdint>
#include <iostream>
#include <stdexcept>
#include <optional>

#include "cli/commands.h"
#include "cli/compare_command.h"
#include "compare/baselines.h"
#include "util/did_you_mean.h"
#include "report/reporter.h"
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
      /*validator_desc=*/"", /*validator_name=*/"UINT64");
}

// A range check that --help does not spell in CLI11's own syntax (":INT in [1 - 1000]"):
// the option's text says what it takes, and a value outside is refused naming the range.
CLI::Validator InRange(int low, int high) { return CLI::Range(low, high).description(""); }

// Every subcommand's options, as CLI11 fills them.
struct Commands {
  cli::CommonOptions common;
  CLI::App* list = nullptr;
  cli::BuildCommand build;
  CLI::App* build_cmd = nullptr;
  claimbench::run::RunOptions verify;
  CLI::App* verify_cmd = nullptr;
  claimbench::run::RunOptions run;
  std::string suite = "quick";
  std::string adjust = "none";  ///< run and claims: the claims' interval adjustment
  std::string duration, warmup, point_duration;
  CLI::Option* connections = nullptr;
  CLI::Option* iterations = nullptr;
  CLI::Option* processes = nullptr;
  CLI::App* run_cmd = nullptr;
  cli::LoadCommand load;
  CLI::Option* expect = nullptr;
  CLI::App* load_cmd = nullptr;
  cli::ServeCommand serve;
  CLI::App* serve_cmd = nullptr;
  cli::CorpusCommand corpus;
  CLI::App* corpus_cmd = nullptr;
  std::string results_file, format = "table";
  CLI::App* report_cmd = nullptr;
  std::filesystem::path claims_results;
  bool claims_update = false;
  bool claims_all = false;  ///< run and claims: list unmeasured claims too
  bool no_build_times = false;  ///< build and run
  bool build_times = false;     ///< run: time builds in the quick suite too
  bool load_points = false, no_load_points = false;  ///< run: override the suite's choice
  bool no_instruction_counts = false;                 ///< run
  std::string save_baseline;    ///< run
  int baseline_runs = claimbench::compare::kBaselineRunsKept;  ///< run
  cli::CompareCommand compare;
  std::optional<double> threshold;
  CLI::App* compare_cmd = nullptr;
  CLI::App* baseline_cmd = nullptr;
  std::string baseline_name;               ///< baseline
  std::filesystem::path baseline_results;  ///< baseline
  CLI::App* claims_cmd = nullptr;
};

void AddBuildAndVerify(CLI::App& app, Commands& c) {
  c.list = app.add_subcommand("list", "List workloads and implementations");
  AddCommon(c.list, c.common);
  c.build_cmd = app.add_subcommand("build", "Build implementations; record build times and binary sizes");
  AddCommon(c.build_cmd, c.common);
  c.build_cmd->add_option("--impl", c.build.implementations, "Implementation id (repeatable; default: all)");
  c.build_cmd->add_flag("--no-build-times", c.no_build_times, "Skip the cold and incremental build measurements");
  c.verify_cmd = app.add_subcommand("verify", "Check every implementation against its workload's vectors");
  AddCommon(c.verify_cmd, c.common);
  AddSelection(c.verify_cmd, c.verify);
}

void AddRun(CLI::App& app, Commands& c) {
  auto* run_cmd = c.run_cmd = app.add_subcommand("run", "Build if needed, verify, measure and report");
  run_cmd->footer(
      "Examples:\n"
      "  claimbench run                                   # the quick suite: every workload, reports in results/<run-id>/\n"
      "  claimbench run --suite full --out results/full   # the full suite (about 2 h on 2 cores)\n"
      "  claimbench run --workload http-json-api --impl go-nethttp --impl rust-axum --repeat 10");
  claimbench::run::RunOptions& run = c.run;
  AddCommon(run_cmd, c.common);
  AddSelection(run_cmd, run);
  run_cmd->add_option("--suite", c.suite, "quick (short windows) or full")->check(CLI::IsMember({"quick", "full"}));
  run_cmd->add_option("--repeat", run.repeat, "Trials per implementation")->check(InRange(1, 1000));
  run_cmd->add_option("--out", run.out_dir, "Output directory (default: results/<run-id>)");
  run_cmd->add_option("--duration", c.duration, "Measured window per trial, e.g. 10s (overrides the suite)");
  run_cmd->add_option("--warmup", c.warmup, "Warmup per trial, e.g. 2s (overrides the suite)");
  run_cmd->add_option("--point-duration", c.point_duration, "Window of each further load point, e.g. 2s");
  c.connections = run_cmd->add_option("--connections", "Connections (overrides the workload)")->type_name("INT");
  run_cmd->add_flag("--no-build-times", c.no_build_times,
                    "Skip the cold and incremental build measurements (the quick suite's default)");
  run_cmd->add_flag("--build-times", c.build_times, "Time cold and incremental builds in the quick suite too");
  run_cmd->add_flag("--no-instruction-counts", c.no_instruction_counts,
                    "Batch workloads: skip the instruction counts under valgrind");
  run_cmd->add_option("--seed", run.seed, "Seed for generated inputs and orderings")->check(Uint64());
  run_cmd->add_flag("--no-load-points", c.no_load_points,
                    "Only the main closed-loop window: no connection sweep, fixed rates or knee (the quick suite's "
                    "default)");
  run_cmd->add_flag("--load-points", c.load_points,
                    "Measure the further load points in the quick suite too (in its first trial)");
  run_cmd->add_option("--save-baseline", c.save_baseline,
                      "Also add this run to results/baselines/NAME/, whose newest runs `compare --baseline NAME` pools");
  run_cmd->add_option("--baseline-runs", c.baseline_runs, "Runs a baseline keeps (with --save-baseline)")
      ->check(InRange(1, 100));
  run_cmd->add_flag("--all", c.claims_all, "At the end, list every claim, the unmeasured ones with their reasons");
  run_cmd->add_option("--adjust", c.adjust,
                      "Claims' intervals: none (each at 95%) or bonferroni (all together at 95%)")
      ->check(CLI::IsMember({"none", "bonferroni"}));
  run_cmd->add_option("--startup-runs", run.startup_runs, "Starts whose median startup time is reported")
      ->check(InRange(0, 1000));
  c.iterations = run_cmd->add_option("--iterations", "Batch workloads: measured iterations per runner process")
                     ->type_name("INT")
                     ->check(InRange(1, 100000));
  c.processes = run_cmd
                    ->add_option("--processes",
                                 "Batch workloads: independent runner processes per implementation and task; each "
                                 "process's median is one sample (the suite's: 6)")
                    ->type_name("INT")
                    ->check(InRange(1, 1000));
}

void AddLoad(CLI::App& app, Commands& c) {
  cli::LoadCommand& load = c.load;
  auto* load_cmd = c.load_cmd = app.add_subcommand(
      "load", "Drive load against any HTTP/1.1 server: closed loop like wrk, or open loop at --rate like wrk2");
  load_cmd->footer("Examples:\n  claimbench load http://127.0.0.1:8080/ -c 64 -d 10s --latency\n"
                   "  claimbench load http://127.0.0.1:8080/ -c 16 -n 100000 --warmup 0s\n"
                   "  claimbench load http://127.0.0.1:8080/ -R 25k -d 30s --hgrm p99.hgrm --json-out load.json");
  load_cmd->add_option("url", load.url, "http://host:port/path")->required();
  load_cmd->add_option("-c,--connections", load.connections, "Connections")->check(InRange(1, 100000));
  load_cmd->add_option("-t,--threads", load.threads, "Client threads")->check(InRange(1, 1024));
  load_cmd->add_option("-d,--duration", load.duration,
                       "Measured duration, e.g. 30s (default 10s; with -n it is a cap, default 1h)");
  load_cmd->add_option("-n,--requests", load.requests,
                       "Stop after this many requests in the window, as oha -n; the window then ends at the last "
                       "response (default: the duration decides)")
      ->check(InRange(1, 1000000000))
      ->default_str("");
  load_cmd->add_option("--warmup", load.warmup, "Warmup, not counted, e.g. 1s");
  load_cmd->add_option("--timeout", load.timeout, "Per-request timeout, e.g. 5s");
  load_cmd->add_option("-m,--method", load.method, "HTTP method");
  load_cmd->add_option("--body", load.body_file, "File whose bytes are the request body")->check(CLI::ExistingFile);
  load_cmd->add_option("-H,--header", load.headers, "Header 'Name: value' (repeatable)");
  load_cmd->add_option("-R,--rate", load.rate,
                       "Open loop at this many requests/s, e.g. 25k (latency from the intended send time, as wrk2)");
  c.expect = load_cmd->add_option("--expect-body", load.expected_body,
                                  "Count a 2xx response with any other body as a body_mismatch error");
  load_cmd->add_option("--cpus", load.cpus, "Pin client threads to these CPUs, e.g. 1");
  load_cmd->add_flag("--json", load.json, "Print the result as JSON on stdout (schema: results/load.schema.json)");
  load_cmd->add_flag("--series", load.series, "Print the per-second series (requests, errors, p50, p99, max)");
  load_cmd->add_flag("--latency", load.latency,
                     "Print the latency distribution (50% to 100%) and its full percentile spectrum, as wrk2 does");
  load_cmd->add_option("--json-out", load.json_out,
                       "Also write the JSON result to this file; the human output is printed as usual");
  load_cmd->add_option("--hgrm", load.hgrm_out,
                       "Write the latency distribution to this file in HdrHistogram's .hgrm text format (values in "
                       "ms), which HdrHistogram's plotter reads");
}

void AddServeCorpusReportClaims(CLI::App& app, Commands& c) {
  c.serve_cmd = app.add_subcommand("serve", "Run one implementation in the foreground, as the harness would");
  AddCommon(c.serve_cmd, c.common);
  c.serve_cmd->add_option("implementation", c.serve.implementation, "Implementation id, e.g. go-nethttp")->required();
  c.serve_cmd->add_option("--workload", c.serve.workload, "Workload whose readiness request is probed");
  c.serve_cmd->add_option("--port", c.serve.port, "Port (default: a free one)")->check(InRange(1, 65535));

  c.corpus_cmd = app.add_subcommand("corpus", "Generate a batch workload's input file and print its SHA-256");
  c.corpus_cmd->add_option("name", c.corpus.name, "tweets | geo | catalog | haystack | events");
  c.corpus_cmd->add_option("--seed", c.corpus.seed, "SplitMix64 seed (default 42: the corpora pinned in workload.toml)")
      ->check(Uint64());
  c.corpus_cmd->add_option("--out", c.corpus.out, "Output file (default: the corpus's file name, e.g. tweets.json)");
  c.corpus_cmd->add_flag("--list", c.corpus.list, "List the corpora");

  c.report_cmd = app.add_subcommand(
      "report", "Render a results.json (table, headline, csv, claims, claims-all, claims-csv, md, html)");
  c.report_cmd->footer("Example:\n  claimbench report results/20261203T133754Z/results.json --format md > report.md");
  c.report_cmd->add_option("results", c.results_file, "results.json")->required()->check(CLI::ExistingFile);
  c.report_cmd->add_option("--format", c.format, "What to render")->check(CLI::IsMember(claimbench::report::Formats()));

  c.claims_cmd = app.add_subcommand("claims", "Judge the documents' claims against a results.json");
  c.claims_cmd->footer("Examples:\n  claimbench claims results/<run-id>/results.json --all\n"
                       "  claimbench claims results/<run-id>/results.json --adjust bonferroni --update");
  AddCommon(c.claims_cmd, c.common);
  c.claims_cmd->add_option("results", c.claims_results, "results.json")->required()->check(CLI::ExistingFile);
  c.claims_cmd->add_option("--adjust", c.adjust,
                           "Intervals: none (each check at 95%) or bonferroni (all checks together at 95%)")
      ->check(CLI::IsMember({"none", "bonferroni"}));
  c.claims_cmd->add_flag("--update", c.claims_update,
                         "Rewrite that results.json and the reports beside it (claims.csv, report.md, report.html) "
                         "with these verdicts");
  c.claims_cmd->add_flag("--all", c.claims_all, "List every claim, the unmeasured ones with their reasons");
}

void AddCompare(CLI::App& app, Commands& c) {
  cli::CompareCommand& compare = c.compare;
  auto* cmd = c.compare_cmd = app.add_subcommand(
      "compare", "Did NEW get slower than BASE? The regression gate: exit 0 no regression, 1 a regression, 2 unusable input");
  cmd->footer(
      "Each workload x implementation x metric in both runs: a two-sided Mann-Whitney test over the trials (Holm-"
      "corrected across the cells) and a Hodges-Lehmann interval on NEW/BASE, which must lie wholly beyond the "
      "metric's floor (3% req/s and iteration time, 10% P99 and memory, 1% sizes and instruction counts). "
      "Several BASE files (or a baseline's runs) are pooled: each cell's BASE samples are all of theirs.\n\n"
      "Examples:\n"
      "  claimbench compare results/base/results.json results/new/results.json\n"
      "  claimbench compare results/a/results.json results/b/results.json results/new/results.json\n"
      "  claimbench run --save-baseline main            # on the main branch: adds a run, keeps the newest 3\n"
      "  claimbench compare --baseline main results/<run-id>/results.json --format md --out summary.md --confirm");
  AddCommon(cmd, c.common);
  cmd->add_option("files", compare.files, "BASE.json [BASE.json...] NEW.json (or NEW.json alone with --baseline)")
      ->expected(1, 100)
      ->required();
  cmd->add_option("--baseline", compare.baseline, "Compare against the runs of results/baselines/NAME/, pooled");
  cmd->add_option("--alpha", compare.alpha, "Family-wise error rate of the test (Holm across the cells)");
  cmd->add_option("--threshold", c.threshold, "Floor in percent for every metric, e.g. 5 (default: each metric's own)")
      ->type_name("PCT");
  cmd->add_option("--metric", compare.selection.metrics,
                  "Metric to compare (repeatable; default: those with a floor: req/s, P99, peak RSS, iteration time, "
                  "bytes per task, cold build, binary sizes, instructions)");
  cmd->add_option("--workload", compare.selection.workloads, "Workload id, or build (repeatable; default: all)");
  cmd->add_option("--impl", compare.selection.implementations, "Implementation id (repeatable; default: all)");
  cmd->add_option("--format", compare.format, "text, md (a CI job summary) or json")
      ->check(CLI::IsMember({"text", "md", "json"}));
  cmd->add_option("--out", compare.out, "Write the chosen format to this file; stdout then shows text");
  cmd->add_flag("--confirm", compare.confirm,
                "Before failing, measure the regressed implementations again; a regression stands only if the rerun "
                "shows it too");
  cmd->add_flag("--all", compare.all, "List every cell, not only those that changed");
}

void AddBaseline(CLI::App& app, Commands& c) {
  auto* cmd = c.baseline_cmd = app.add_subcommand(
      "baseline", "Add a run's results.json to a named baseline (what `run --save-baseline` does after a run)");
  cmd->footer("Example (a main-branch job that compares before it adds):\n"
              "  claimbench compare --baseline main results/gate/results.json && claimbench baseline main "
              "results/gate/results.json");
  AddCommon(cmd, c.common);
  cmd->add_option("name", c.baseline_name, "Baseline name, e.g. main")->required();
  cmd->add_option("results", c.baseline_results, "The run's results.json")->required()->check(CLI::ExistingFile);
  cmd->add_option("--baseline-runs", c.baseline_runs, "Runs the baseline keeps, newest first")->check(InRange(1, 100));
}

// The chosen subcommand, run.
int Dispatch(Commands& c) {
  if (*c.list) return cli::List(c.common);
  if (*c.claims_cmd) {
    return cli::Claims(c.common, c.claims_results, c.claims_update,
                       claimbench::results::ParseAdjustment(c.adjust).value(),  // checked by IsMember
                       c.claims_all);
  }
  if (*c.build_cmd) {
    c.build.build_times = !c.no_build_times;
    return cli::Build(c.common, c.build);
  }
  if (*c.verify_cmd) return cli::Verify(c.common, c.verify);
  if (*c.run_cmd) {
    c.run.suite = claimbench::results::ParseSuite(c.suite).value();  // checked by IsMember
    if (c.build_times && c.no_build_times) throw std::invalid_argument("--build-times and --no-build-times exclude each other");
    if (c.load_points && c.no_load_points) throw std::invalid_argument("--load-points and --no-load-points exclude each other");
    c.run.instruction_counts = !c.no_instruction_counts;
    if (c.no_build_times) c.run.build_times = false;
    if (c.build_times) c.run.build_times = true;
    if (c.no_load_points) c.run.load_points = false;
    if (c.load_points) c.run.load_points = true;
    c.run.adjustment = claimbench::results::ParseAdjustment(c.adjust).value();
    if (!c.duration.empty()) c.run.duration = claimbench::ParseDuration(c.duration);
    if (!c.warmup.empty()) c.run.warmup = claimbench::ParseDuration(c.warmup);
    if (!c.point_duration.empty()) c.run.point_duration = claimbench::ParseDuration(c.point_duration);
    if (*c.connections) c.run.connections = c.connections->as<int>();
    if (*c.iterations) c.run.iterations = c.iterations->as<int>();
    if (*c.processes) c.run.processes = c.processes->as<int>();
    c.run.load_points_every_trial = c.run.suite == claimbench::results::Suite::kFull;
    return cli::RunSuite(c.common, c.run, c.claims_all, c.save_baseline, c.baseline_runs);
  }
  if (*c.load_cmd) {
    c.load.has_expected_body = c.expect->count() > 0;
    return cli::Load(c.load);
  }
  if (*c.report_cmd) return cli::Report(c.results_file, c.format);
  if (*c.compare_cmd) {
    if (c.threshold) c.compare.threshold_percent = *c.threshold;
    return cli::Compare(c.common, c.compare);
  }
  if (*c.baseline_cmd) return cli::AddToBaseline(c.common, c.baseline_name, c.baseline_results, c.baseline_runs);
  if (*c.serve_cmd) return cli::Serve(c.common, c.serve);
  if (*c.corpus_cmd) return cli::Corpus(c.corpus);
  return cli::kExitUsage;
}

// "did you mean '--repeat'?" for each argument that is no option or command of the command
// line's (sub)command, when a known one is close.
std::string DidYouMean(const CLI::App& app, int argc, char** argv) {
  const CLI::App* command = &app;
  for (const CLI::App* sub : app.get_subcommands()) command = sub;
  std::vector<std::string> known;
  for (const CLI::Option* o : command->get_options()) {
    for (const auto& name : o->get_lnames()) known.push_back("--" + name);
  }
  for (const CLI::App* sub : app.get_subcommands({})) known.push_back(sub->get_name());
  std::string out;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = std::string(argv[i]).substr(0, std::string(argv[i]).find('='));
    if (std::find(known.begin(), known.end(), arg) != known.end()) continue;
    const std::vector<std::string> close = claimbench::Suggestions(arg, known);
    if (!close.empty()) out += "did you mean '" + close.front() + "' for '" + arg + "'?\n";
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"claimbench: a reproducible Go/Rust/C++ benchmark harness that checks published claims"};
  app.set_version_flag("--version", std::string("claimbench ") + CLAIMBENCH_VERSION);
  app.require_subcommand(1);
  // Every option's default in --help ("[10s]"); subcommands copy this when they are made.
  app.option_defaults()->always_capture_default();
  Commands commands;
  AddBuildAndVerify(app, commands);
  AddRun(app, commands);
  AddLoad(app, commands);
  AddServeCorpusReportClaims(app, commands);
  AddCompare(app, commands);
  AddBaseline(app, commands);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "error: " << e.what() << "\n" << DidYouMean(app, argc, argv)
              << "Run 'claimbench --help' for usage.\n";
    return cli::kExitUsage;
  }

  claimbench::process::InstallInterruptHandler();
  try {
    return Dispatch(commands);
  } catch (const CLI::Error& e) {  // a value converted after parsing ("--connections abc")
    std::cerr << "error: " << e.what() << "\nRun 'claimbench --help' for usage.\n";
    return cli::kExitUsage;
  } catch (const std::invalid_argument& e) {
    std::cerr << "error: " << e.what() << "\n";
    return cli::kExitUsage;
  } catch (const std::exception& e) {
    std::cerr << "error: " << e.what() << "\n";
    return cli::kExitFailed;
  }
}
