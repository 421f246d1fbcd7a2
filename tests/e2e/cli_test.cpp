// End-to-end tests of the built `claimbench` CLI with real flags, against the real Go and
// Rust servers (built by the CLI itself), for a few seconds of load.
#include <gtest/gtest.h>

#include <regex>

#include <unistd.h>

#include <nlohmann/json.hpp>

#include "process/command.h"
#include "process/cpu_set.h"
#include "spec/vectors.h"
#include "spec/workload.h"
#include "util/files.h"

namespace claimbench {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

process::CommandResult Cli(std::vector<std::string> args, const fs::path& cwd = CLAIMBENCH_SOURCE_DIR) {
  args.insert(args.begin(), CLAIMBENCH_BINARY);
  return process::RunCommand(args, cwd, {}, std::chrono::seconds(900));
}

// The number of vectors of http-json-api, as the spec file holds them.
int VectorCount() {
  return static_cast<int>(
      spec::LoadVectors(fs::path(CLAIMBENCH_SOURCE_DIR) / "workloads/http-json-api/vectors.toml").size());
}

fs::path TempDir(const std::string& name) {
  fs::path p = fs::temp_directory_path() / ("claimbench-e2e-" + name + "-" + std::to_string(::getpid()));
  fs::remove_all(p);
  fs::create_directories(p);
  return p;
}

// Validates `file` against results/schema.json with Debian's python3-jsonschema.
void ExpectValidResults(const fs::path& file) {
  auto r = process::RunCommand({"/usr/bin/python3", std::string(CLAIMBENCH_SOURCE_DIR) + "/tests/schema/validate.py",
                                std::string(CLAIMBENCH_SOURCE_DIR) + "/results/schema.json", file.string()});
  EXPECT_EQ(r.status.code, 0) << r.err;
}

TEST(Cli, HelpExitsZero) {
  auto r = Cli({"--help"});
  EXPECT_EQ(r.status.code, 0);
  EXPECT_NE(r.out.find("verify"), std::string::npos);
  EXPECT_EQ(Cli({"run", "--help"}).status.code, 0);
}

TEST(Cli, UnknownFlagExitsTwoAndNamesIt) {
  auto r = Cli({"run", "--bogus-flag"});
  EXPECT_EQ(r.status.code, 2);
  EXPECT_NE(r.err.find("--bogus-flag"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.rfind("error: ", 0), 0u) << r.err;
}

// A negative or oversized seed would wrap or saturate silently: the run would not be the
// one the user asked to reproduce.
TEST(Cli, SeedOutsideUint64IsAUsageError) {
  for (const char* seed : {"-1", "18446744073709551616", "4x"}) {
    auto r = Cli({"run", "--seed", seed, "--workload", "no-such-workload"});
    EXPECT_EQ(r.status.code, 2) << seed;
    EXPECT_NE(r.err.find("--seed"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("must be a whole number from 0 to 18446744073709551615"), std::string::npos) << r.err;
  }
}

// The exit-code contract (0 ok, 1 a run or check failed, 2 a usage error) for every kind of
// usage error, whichever command and whichever stage finds it. None of these starts a run.
TEST(Cli, EveryUsageErrorExitsTwo) {
  const std::vector<std::vector<std::string>> usage_errors = {
      {},                                                     // no command
      {"no-such-command"},
      {"run", "--bogus-flag"},
      {"run", "--connections", "abc", "--workload", "no-such-workload"},  // converted after parsing
      {"run", "--suite", "medium"},
      {"run", "--repeat", "0"},
      {"run", "--workload", "no-such-workload"},
      {"run", "--duration", "ten seconds", "--workload", "no-such-workload"},
      {"verify", "--impl", "no-such-impl"},
      {"load", "http://127.0.0.1:1/", "--body", "/no/such/file"},
      {"load", "http://127.0.0.1:1/", "--rate", "-5"},
      {"load", "https://127.0.0.1:1/"},
      {"load", "http://127.0.0.1:1/", "-n", "0"},
      {"load", "http://127.0.0.1:1/", "--requests", "many"},
      {"load"},
      {"report", "/no/such/results.json"},
      {"report", (fs::path(CLAIMBENCH_SOURCE_DIR) / "results" / "schema.json").string(), "--format", "pdf"},
      {"claims", "/no/such/results.json"},
      {"claims", (fs::path(CLAIMBENCH_SOURCE_DIR) / "results" / "schema.json").string(), "--adjust", "holm"},
      {"compare"},
      {"compare", "/no/such/base.json"},  // one file and no --baseline
      {"compare", "/no/such/base.json", "/no/such/new.json"},
      {"compare", "a.json", "b.json", "--format", "pdf"},
      {"compare", "a.json", "b.json", "--alpha", "1.5"},
      {"compare", "--baseline", "../escape", "new.json"},
      {"compare", "--baseline", "never-saved", "new.json"},
      {"run", "--save-baseline", "bad/name", "--workload", "no-such-workload"},
      {"run", "--baseline-runs", "0", "--workload", "no-such-workload"},
      {"baseline", "main"},
      {"baseline", "main", "/no/such/results.json"},
      {"baseline", "bad/name", (fs::path(CLAIMBENCH_SOURCE_DIR) / "tests/data/compare-run/results.json").string()},
      {"baseline", "main", (fs::path(CLAIMBENCH_SOURCE_DIR) / "results" / "schema.json").string()},
      {"run", "--build-times", "--no-build-times", "--workload", "no-such-workload"},
  };
  for (const auto& args : usage_errors) {
    auto r = Cli(args);
    std::string line;
    for (const auto& a : args) line += a + " ";
    EXPECT_EQ(r.status.code, 2) << line << "\n" << r.err;
    EXPECT_EQ(r.err.rfind("error: ", 0), 0u) << line << "\n" << r.err;
  }
}

// A typo gets the nearest known name.
// Every command's --help shows its defaults and examples, in words, without CLI11's own
// syntax leaking through.
TEST(Cli, EveryHelpHasDefaultsAndExamplesAndNoParserArtefacts) {
  for (const char* command : {"build", "verify", "run", "load", "serve", "corpus", "report", "claims", "list", "compare",
                              "baseline"}) {
    auto r = Cli({command, "--help"});
    ASSERT_EQ(r.status.code, 0) << command;
    for (const char* artefact : {"{false}", "{true}", ":INT in", ":UINT", "[-"}) {
      EXPECT_EQ(r.out.find(artefact), std::string::npos) << command << " --help shows '" << artefact << "':\n" << r.out;
    }
  }
  for (const char* command : {"run", "load", "report", "compare", "baseline"}) {
    EXPECT_NE(Cli({command, "--help"}).out.find("Example"), std::string::npos) << command;
  }
  const std::string load = Cli({"load", "--help"}).out;
  EXPECT_NE(load.find("INT=64"), std::string::npos) << load;   // -c
  EXPECT_NE(load.find("TEXT=1s"), std::string::npos) << load;  // --warmup
  EXPECT_NE(load.find("-n,--requests"), std::string::npos) << load;
}

TEST(Cli, ATypoGetsTheNearestName) {
  auto flag = Cli({"run", "--repat", "3"});
  EXPECT_EQ(flag.status.code, 2);
  EXPECT_NE(flag.err.find("did you mean '--repeat' for '--repat'?"), std::string::npos) << flag.err;
  auto command = Cli({"rum"});
  EXPECT_EQ(command.status.code, 2);
  EXPECT_NE(command.err.find("did you mean 'run' for 'rum'?"), std::string::npos) << command.err;
}

TEST(Cli, UnknownWorkloadIsAUsageError) {
  auto r = Cli({"verify", "--workload", "no-such-workload"});
  EXPECT_EQ(r.status.code, 2);
  // The message lists every workload of the checkout.
  std::string known;
  for (const auto& w : spec::LoadCatalog(CLAIMBENCH_SOURCE_DIR).workloads) known += (known.empty() ? "" : ", ") + w.id;
  EXPECT_NE(r.err.find("error: unknown workload 'no-such-workload' (known: " + known + ")"), std::string::npos) << r.err;
}

TEST(Cli, ListNamesWorkloadsAndImplementations) {
  auto r = Cli({"list"});
  ASSERT_EQ(r.status.code, 0) << r.err;
  EXPECT_NE(r.out.find("http-json-api"), std::string::npos);
  EXPECT_NE(r.out.find("go-nethttp"), std::string::npos);
  EXPECT_NE(r.out.find("rust-axum"), std::string::npos);
}

TEST(Cli, VerifyPassesForBothImplementations) {
  auto r = Cli({"verify", "--workload", "http-json-api"});
  ASSERT_EQ(r.status.code, 0) << r.out << r.err;
  const std::string n = std::to_string(VectorCount());
  EXPECT_NE(r.out.find("ok    http-json-api / go-nethttp: " + n + " of " + n + " vectors"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("ok    http-json-api / rust-axum: " + n + " of " + n + " vectors"), std::string::npos) << r.out;
}

// A copy of the checkout whose vectors expect a wrong tax: verify must fail and say where.
TEST(Cli, VerifyFailsOnAPlantedWrongExpectation) {
  fs::path root = TempDir("planted");
  fs::copy(fs::path(CLAIMBENCH_SOURCE_DIR) / "workloads", root / "workloads", fs::copy_options::recursive);
  for (const char* dir : {"harness", "go", "rust"}) fs::create_directory_symlink(fs::path(CLAIMBENCH_SOURCE_DIR) / dir, root / dir);
  fs::path vectors = root / "workloads/http-json-api/vectors.toml";
  std::string text = ReadFile(vectors);
  auto at = text.find("\"tax\":1.995");
  ASSERT_NE(at, std::string::npos);
  text.replace(at, 11, "\"tax\":1.996");
  WriteFileAtomic(vectors, text);
  auto r = Cli({"verify", "--root", root.string(), "--impl", "go-nethttp"});
  EXPECT_EQ(r.status.code, 1) << r.out << r.err;
  EXPECT_NE(r.out.find("FAIL  http-json-api / go-nethttp: 1 of " + std::to_string(VectorCount()) + " vectors failed"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("vector 'create-basic' (vectors.toml:"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("body at JSON pointer '/tax': expected '{\"status\":\"created\",\"tax\":1.996}'"),
            std::string::npos)
      << r.out;
  fs::remove_all(root);
}

TEST(Cli, RunMeasuresBothServersAndWritesResults) {
  fs::path out = TempDir("run");
  auto r = Cli({"run", "--workload", "http-json-api", "--impl", "go-nethttp", "--impl", "rust-axum", "--duration", "2s",
                "--warmup", "500ms", "--connections", "16", "--point-duration", "300ms", "--startup-runs", "3",
                "--repeat", "2", "--no-build-times", "--load-points", "--out", out.string()});
  ASSERT_EQ(r.status.code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("go-nethttp"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("rust-axum"), std::string::npos) << r.out;

  ExpectValidResults(out / "results.json");
  json results = json::parse(ReadFile(out / "results.json"));
  EXPECT_EQ(results["schema_version"], 3);
  for (const char* key : {"cpu_model", "cores", "kernel", "toolchains", "git_sha", "cpu_sets", "seed"}) {
    EXPECT_TRUE(results["context"].contains(key)) << key;
  }
  EXPECT_FALSE(results["interrupted"].get<bool>());
  ASSERT_EQ(results["workloads"].size(), 1u);
  const json& w = results["workloads"][0];
  EXPECT_EQ(w["id"], "http-json-api");
  ASSERT_EQ(w["implementations"].size(), 2u);
  const int server_cpus =
      static_cast<int>(process::ParseCpuList(results["context"]["cpu_sets"]["server"].get<std::string>()).size());
  const int client_cpus =
      static_cast<int>(process::ParseCpuList(results["context"]["cpu_sets"]["client"].get<std::string>()).size());
  EXPECT_EQ(w["load"]["client_threads"], client_cpus);  // one load generator thread per client CPU
  for (const json& impl : w["implementations"]) {
    SCOPED_TRACE(impl["id"].get<std::string>());
    EXPECT_EQ(impl["status"], "ok");
    EXPECT_EQ(impl["verification"]["passed"], VectorCount());
    ASSERT_EQ(impl["trials"].size(), 2u);
    EXPECT_EQ(impl["trials"][1]["trial"], 2);
    EXPECT_FALSE(impl["trials"][1].contains("load_points"));  // quick suite with --load-points: in trial 1 only
    const json& rps_summary = impl["summary"]["requests_per_s"];
    EXPECT_EQ(rps_summary["n"], 2);
    EXPECT_EQ(rps_summary["samples"].size(), 2u);
    // Two trials: no 95% interval of a median exists below six samples, so none is claimed.
    EXPECT_TRUE(rps_summary["ci_low"].is_null());
    EXPECT_TRUE(rps_summary["ci_high"].is_null());
    const json& t = impl["trials"][0];
    double rps = t["load"]["requests_per_s"];
    int64_t requests = t["load"]["requests"];
    EXPECT_GT(requests, 0);
    EXPECT_NEAR(rps, requests / t["load"]["duration_s"].get<double>(), rps * 1e-9);
    const json& lat = t["load"]["latency_ns"];
    EXPECT_LE(lat["p50"].get<int64_t>(), lat["p99"].get<int64_t>());
    EXPECT_LE(lat["p99"].get<int64_t>(), lat["p99_9"].get<int64_t>());
    EXPECT_LE(lat["p99_9"].get<int64_t>(), lat["max"].get<int64_t>());
    EXPECT_EQ(t["load"]["errors"]["total"], 0);
    EXPECT_GT(t["server"]["rss_peak_bytes"].get<int64_t>(), 1 << 20);
    EXPECT_GE(t["server"]["rss_peak_bytes"].get<int64_t>(), t["server"]["rss_load_max_bytes"].get<int64_t>());
    EXPECT_GT(t["server"]["cpu_s"].get<double>(), 0.0);
    EXPECT_GT(t["startup_s"].get<double>(), 0.0);
    EXPECT_LT(t["startup_s"].get<double>(), 30.0);
    EXPECT_GE(t["server"]["rss_series"].size(), 20u);  // >= 10 Hz over 2 s
    EXPECT_EQ(t["server"]["exit"], "exit 0");
    EXPECT_GT(t["load"]["responses_checked"].get<int64_t>(), 0);  // varied bodies, sampled checks
    EXPECT_EQ(impl["startup"]["runs"], 3);
    EXPECT_EQ(impl["summary"]["startup_median_s"]["n"], 3);
    const json& points = t["load_points"];
    ASSERT_EQ(points["connections"].size(), 2u);
    EXPECT_EQ(points["connections"][1]["connections"], 256);
    for (const char* rate : {"5000", "15000", "25000"}) {
      ASSERT_TRUE(points["fixed_rates"].contains(rate)) << rate;
      const json& p = points["fixed_rates"][rate];
      // A rate is either reached (and has its P99) or says it was not.
      EXPECT_EQ(p["reached"].get<bool>(), p.contains("latency_p99_ns")) << rate;
    }
    EXPECT_EQ(points["knee"]["points"].size(), 4u);
    if (impl["language"] == "go") {
      EXPECT_GT(t["server"]["gc"]["cycles"].get<int>(), 0);  // the JSON API allocates: Go collects
      EXPECT_EQ(impl["workers"]["GOMAXPROCS"], server_cpus);
    } else {
      EXPECT_FALSE(t["server"].contains("gc"));
      EXPECT_EQ(impl["workers"]["TOKIO_WORKER_THREADS"], server_cpus);
    }
  }
  EXPECT_FALSE(w["ratios"].empty());
  // Two rounds, each visiting both implementations (in a seeded order).
  ASSERT_EQ(w["trial_order"].size(), 2u);
  for (const auto& round : w["trial_order"]) EXPECT_EQ(round.size(), 2u);
  // Every claim is judged (most are not measured by this small run) and written to claims.csv.
  ASSERT_TRUE(results.contains("claims"));
  EXPECT_FALSE(results["claims"].empty());
  std::string claims_csv = ReadFile(out / "claims.csv");
  EXPECT_EQ(claims_csv.rfind("run_id,claim,document,check,", 0), 0u);
  EXPECT_NE(claims_csv.find("not measured here"), std::string::npos);

  std::string csv = ReadFile(out / "results.csv");
  EXPECT_EQ(csv.rfind("run_id,workload,implementation,metric,unit,value,ci_low,ci_high,n,min,max,noisy,language,"
                      "library\n",
                      0),
            0u);
  EXPECT_NE(csv.find(",http-json-api,go-nethttp,requests_per_s,req/s,"), std::string::npos) << csv;
  EXPECT_NE(csv.find(",http-json-api,rust-axum,rss_peak_bytes,bytes,"), std::string::npos) << csv;
  EXPECT_NE(csv.find(",build,rust-axum,binary_stripped_bytes,bytes,"), std::string::npos) << csv;

  auto report = Cli({"report", (out / "results.json").string(), "--format", "csv"});
  EXPECT_EQ(report.out, csv);
  fs::remove_all(out);
}

TEST(Cli, BuildRecordsColdAndIncrementalTimes) {
  auto r = Cli({"build", "--impl", "go-nethttp"});
  ASSERT_EQ(r.status.code, 0) << r.err;
  // builds table: implementation, cold s, incremental, binary, stripped
  auto row = r.out.find("go-nethttp");
  ASSERT_NE(row, std::string::npos) << r.out;
  std::string line = r.out.substr(row, r.out.find('\n', row) - row);
  EXPECT_EQ(line.find(" - "), std::string::npos) << "a build figure is missing: " << line;
  EXPECT_NE(line.find("MB"), std::string::npos) << line;
}

// Batch runners in all three languages agree with the pinned checksums.
TEST(Cli, VerifyChecksBatchRunnersInEveryLanguage) {
  auto r = Cli({"verify", "--workload", "cpu-bound"});
  ASSERT_EQ(r.status.code, 0) << r.out << r.err;
  for (const char* impl : {"go-cpu", "rust-cpu", "cpp-cpu"}) {
    EXPECT_NE(r.out.find(std::string("ok    cpu-bound / nbody / ") + impl + ": energy_before=-0.1690"), std::string::npos)
        << r.out;
    EXPECT_NE(r.out.find(std::string("ok    cpu-bound / spectral-norm / ") + impl + ": norm=1.2742"), std::string::npos)
        << r.out;
  }
}

// A copy of the checkout whose cpu-bound workload pins a wrong n-body checksum: the Go
// runner's real one must be reported as a mismatch, with both values.
TEST(Cli, VerifyCatchesAPlantedBatchChecksum) {
  fs::path root = TempDir("planted-batch");
  fs::copy(fs::path(CLAIMBENCH_SOURCE_DIR) / "workloads", root / "workloads", fs::copy_options::recursive);
  for (const char* dir : {"harness", "go", "rust", "cpp"}) {
    fs::create_directory_symlink(fs::path(CLAIMBENCH_SOURCE_DIR) / dir, root / dir);
  }
  fs::path spec = root / "workloads/cpu-bound/workload.toml";
  std::string text = ReadFile(spec);
  auto at = text.find("expect = \"energy_before=-");
  ASSERT_NE(at, std::string::npos);
  text.replace(at + std::string("expect = \"energy_before=").size(), 1, "+");
  WriteFileAtomic(spec, text);
  auto r = Cli({"verify", "--root", root.string(), "--workload", "cpu-bound", "--impl", "go-cpu"});
  EXPECT_EQ(r.status.code, 1) << r.out << r.err;
  EXPECT_NE(r.out.find("FAIL  cpu-bound / nbody / go-cpu: checksum_mismatch: measure 0: expected 'energy_before=+0.1690"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("', got 'energy_before=-0.1690"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("ok    cpu-bound / spectral-norm / go-cpu: norm="), std::string::npos) << r.out;
  fs::remove_all(root);
}

// A version-1 results file with builds only (Go static 8 MB, Rust stripped 1.5 MB): enough
// for the build claims to be judged.
json BuildsOnlyResults() {
  return {{"schema_version", 1},
          {"run_id", "20260101T000000Z"},
          {"suite", "quick"},
          {"workloads", json::array()},
          {"builds",
           {{"go-nethttp",
             {{"ok", true},
              {"binary_bytes", 8000000},
              {"binary_stripped_bytes", 6000000},
              {"static_linked", true},
              {"static_binary_bytes", 8000000}}},
            {"rust-axum", {{"ok", true}, {"binary_bytes", 2000000}, {"binary_stripped_bytes", 1500000}}}}},
          {"claims", json::array()}};
}

// `claims` judges a results file afresh; `--update` writes those verdicts into it and into
// every report beside it, and leaves the file alone without the flag.
TEST(Cli, ClaimsUpdateRewritesTheResultsAndReports) {
  fs::path dir = TempDir("claims-update");
  const json stale = BuildsOnlyResults();
  WriteFileAtomic(dir / "results.json", stale.dump());

  auto plain = Cli({"claims", (dir / "results.json").string()});
  ASSERT_EQ(plain.status.code, 0) << plain.err;
  EXPECT_NE(plain.out.find("d002-binary-size"), std::string::npos) << plain.out;
  EXPECT_EQ(json::parse(ReadFile(dir / "results.json")), stale);
  EXPECT_FALSE(fs::exists(dir / "claims.csv"));

  auto update = Cli({"claims", (dir / "results.json").string(), "--update"});
  ASSERT_EQ(update.status.code, 0) << update.err;
  EXPECT_EQ(update.out, plain.out);
  json results = json::parse(ReadFile(dir / "results.json"));
  ASSERT_FALSE(results["claims"].empty());
  std::string claims_csv = ReadFile(dir / "claims.csv");
  // Binary sizes are exact: the Rust/Go ratio (d002: Go static 8 MB, Rust stripped 1.5 MB)
  // is judged without any spread.
  EXPECT_NE(claims_csv.find("rust/go 0.1875 (exact: no run-to-run noise)"), std::string::npos) << claims_csv;
  EXPECT_NE(ReadFile(dir / "report.md").find("## Claims"), std::string::npos);
  EXPECT_EQ(results["claims_family"]["adjustment"], "none");
  // Bonferroni: every interval at 1 - 0.05/checks, recorded in the results.
  auto adjusted = Cli({"claims", (dir / "results.json").string(), "--adjust", "bonferroni", "--update"});
  ASSERT_EQ(adjusted.status.code, 0) << adjusted.err;
  json family = json::parse(ReadFile(dir / "results.json"))["claims_family"];
  EXPECT_EQ(family["adjustment"], "bonferroni");
  ASSERT_GT(family["checks_judged"].get<int>(), 1);
  EXPECT_DOUBLE_EQ(family["level"].get<double>(), 1 - 0.05 / family["checks_judged"].get<double>());
  EXPECT_EQ(Cli({"claims", (dir / "results.json").string(), "--adjust", "holm"}).status.code, 2);
  EXPECT_TRUE(fs::exists(dir / "report.html"));
  EXPECT_TRUE(fs::exists(dir / "results.csv"));
  fs::remove_all(dir);
}

// Colour only on a terminal (a pty from util-linux's script), and never with NO_COLOR.
TEST(Cli, VerdictColourOnlyOnATerminalAndNeverWithNoColor) {
  fs::path dir = TempDir("claims-colour");
  const json results = BuildsOnlyResults();
  WriteFileAtomic(dir / "results.json", results.dump());
  const std::string claims = std::string(CLAIMBENCH_BINARY) + " claims " + (dir / "results.json").string();
  auto on_tty = [&](const std::string& env) {
    return process::RunCommand({"/usr/bin/script", "-qec", "env " + env + " " + claims, "/dev/null"},
                               CLAIMBENCH_SOURCE_DIR, {}, std::chrono::seconds(60));
  };
  auto coloured = on_tty("-u NO_COLOR TERM=xterm");
  ASSERT_EQ(coloured.status.code, 0) << coloured.err;
  // Some verdict is painted: consistent green, contradicted red, the rest yellow or dim.
  EXPECT_TRUE(std::regex_search(coloured.out, std::regex("\033\\[(31|32|33|2)m(consistent|contradicted|mixed|"
                                                         "inconclusive|not measured here)\033\\[0m")))
      << coloured.out;
  auto no_color = on_tty("NO_COLOR=1 TERM=xterm");
  ASSERT_EQ(no_color.status.code, 0) << no_color.err;
  EXPECT_EQ(no_color.out.find("\033["), std::string::npos) << no_color.out;
  auto piped = Cli({"claims", (dir / "results.json").string()});
  ASSERT_EQ(piped.status.code, 0) << piped.err;
  EXPECT_EQ(piped.out.find("\033["), std::string::npos) << piped.out;
  fs::remove_all(dir);
}

TEST(Cli, RunBatchWorkloadReportsThroughputAndRatios) {
  fs::path out = TempDir("run-batch");
  auto r = Cli({"run", "--workload", "json-parse", "--processes", "3", "--iterations", "2", "--no-build-times", "--out",
                out.string()});
  ASSERT_EQ(r.status.code, 0) << r.out << r.err;
  ExpectValidResults(out / "results.json");
  json results = json::parse(ReadFile(out / "results.json"));
  const json& w = results["workloads"][0];
  EXPECT_EQ(w["kind"], "batch");
  ASSERT_EQ(w["tasks"].size(), 6u);
  for (const auto& task : w["tasks"]) {
    ASSERT_EQ(task["implementations"].size(), 3u) << task["id"];
    for (const auto& impl : task["implementations"]) {
      EXPECT_EQ(impl["status"], "ok") << task["id"] << " " << impl["id"] << ": " << impl.value("error", "");
      EXPECT_EQ(impl["checksum"], task["expect"]);
      EXPECT_EQ(impl["measure_ns"].size(), 6u);  // 3 processes x 2 iterations
      ASSERT_EQ(impl["process"].size(), 3u);
      EXPECT_EQ(impl["process"][0]["iterations"], 2);
      // One sample per runner process: the median of its two iterations.
      EXPECT_EQ(impl["summary"]["iteration_ns"]["samples"].size(), 3u);
      EXPECT_EQ(impl["summary"]["iteration_ns"]["samples_of"], "runner processes, each the median of its 2 iterations");
      EXPECT_GT(impl["summary"]["throughput_mb_per_s"]["median"].get<double>(), 0);
      EXPECT_GT(impl["summary"]["rss_peak_bytes"]["median"].get<double>(), 0);
      // Counted under valgrind beside the wall time: 1 and 1+2 iterations, the difference per iteration.
      ASSERT_TRUE(impl.contains("instructions")) << impl["id"];
      EXPECT_FALSE(impl["instructions"].contains("error")) << impl["instructions"].dump();
      EXPECT_EQ(impl["instructions"]["iterations"], 2);
      EXPECT_GT(impl["instructions"]["per_iteration"].get<double>(), 1e5);
      EXPECT_EQ(impl["summary"]["instructions_per_iteration"]["samples_of"], "one exact count");
    }
    bool rust_over_go = false;
    for (const auto& ratio : task["ratios"]) {
      rust_over_go = rust_over_go || (ratio["metric"] == "throughput_mb_per_s" &&
                                      ratio["numerator"] == "rust-serde-json" &&
                                      ratio["denominator"] == "go-encoding-json");
    }
    EXPECT_TRUE(rust_over_go) << task["ratios"].dump();
  }
  std::string csv = ReadFile(out / "results.csv");
  EXPECT_NE(csv.find(",json-parse/tweets-typed,go-encoding-json,throughput_mb_per_s,MB/s (10^6 bytes/s),"),
            std::string::npos)
      << csv;
  EXPECT_NE(r.out.find("json-parse: 3 runner process(es) per implementation, each 1 warmup + 2 measured iterations"),
            std::string::npos)
      << r.out;
  fs::remove_all(out);
}

}  // namespace
}  // namespace claimbench
