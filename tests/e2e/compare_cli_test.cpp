// `claimbench compare` on a recorded run (tests/data/compare-run/results.json: the quick
// suite's http-plaintext and cpu-bound workloads, trials slimmed to their summaries): the
// exit-code contract of the regression gate and what each output format says.
#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <functional>

#include <nlohmann/json.hpp>

#include "process/command.h"
#include "util/files.h"

namespace claimbench {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

const fs::path kRecorded = fs::path(CLAIMBENCH_SOURCE_DIR) / "tests/data/compare-run/results.json";

process::CommandResult Cli(std::vector<std::string> args, const fs::path& cwd = CLAIMBENCH_SOURCE_DIR) {
  args.insert(args.begin(), CLAIMBENCH_BINARY);
  return process::RunCommand(args, cwd, {}, std::chrono::seconds(60));
}

fs::path TempDir(const std::string& name) {
  fs::path p = fs::temp_directory_path() / ("claimbench-compare-" + name + "-" + std::to_string(::getpid()));
  fs::remove_all(p);
  fs::create_directories(p);
  return p;
}

json Recorded() { return json::parse(ReadFile(kRecorded)); }

fs::path Write(const fs::path& dir, const std::string& name, const json& document) {
  WriteFileAtomic(dir / name, document.dump());
  return dir / name;
}

// The recorded run with one implementation's req/s `factor` times what it was, in every trial.
json WithThroughputScaled(json document, const std::string& workload, const std::string& impl, double factor) {
  for (auto& w : document["workloads"]) {
    if (w["id"] != workload) continue;
    for (auto& i : w["implementations"]) {
      if (i["id"] != impl) continue;
      auto& s = i["summary"]["requests_per_s"];
      for (auto& v : s["samples"]) v = v.get<double>() * factor;
      for (const char* key : {"median", "min", "max", "ci_low", "ci_high"}) {
        if (s[key].is_number()) s[key] = s[key].get<double>() * factor;
      }
      return document;
    }
  }
  ADD_FAILURE() << workload << " / " << impl << " is not in the recorded run";
  return document;
}

TEST(CompareCli, ARunComparedWithItselfHasNoRegression) {
  auto r = Cli({"compare", kRecorded.string(), kRecorded.string()});
  EXPECT_EQ(r.status.code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("no regression: "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("cells: "), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("warning:"), std::string::npos) << r.out;
}

TEST(CompareCli, AnImplementationThirtyPercentSlowerFailsTheGateByName) {
  const fs::path dir = TempDir("slower");
  const fs::path slower = Write(dir, "new.json", WithThroughputScaled(Recorded(), "http-plaintext", "rust-axum", 0.7));
  auto r = Cli({"compare", kRecorded.string(), slower.string()});
  EXPECT_EQ(r.status.code, 1) << r.out << r.err;
  EXPECT_NE(r.out.find("REGRESSION (1): http-plaintext / rust-axum / requests_per_s -30.0%"), std::string::npos) << r.out;
  // Faster is an improvement, never a failure.
  const fs::path faster = Write(dir, "faster.json", WithThroughputScaled(Recorded(), "http-plaintext", "rust-axum", 1.3));
  auto better = Cli({"compare", kRecorded.string(), faster.string()});
  EXPECT_EQ(better.status.code, 0) << better.out;
  EXPECT_NE(better.out.find("improvement (+30.0%)"), std::string::npos) << better.out;
}

TEST(CompareCli, MarkdownAndJsonSayTheSame) {
  const fs::path dir = TempDir("formats");
  const fs::path slower = Write(dir, "new.json", WithThroughputScaled(Recorded(), "http-plaintext", "rust-axum", 0.7));
  auto md = Cli({"compare", kRecorded.string(), slower.string(), "--format", "md", "--out", (dir / "summary.md").string()});
  EXPECT_EQ(md.status.code, 1);
  const std::string summary = ReadFile(dir / "summary.md");
  EXPECT_EQ(summary.rfind("## claimbench compare\n\n**REGRESSION (1): http-plaintext / rust-axum", 0), 0u) << summary;
  EXPECT_NE(summary.find("| http-plaintext | rust-axum | requests_per_s |"), std::string::npos) << summary;
  EXPECT_NE(summary.find("<details>"), std::string::npos);
  EXPECT_NE(md.out.find("REGRESSION (1)"), std::string::npos) << "stdout shows text when --out takes the format";

  auto js = Cli({"compare", kRecorded.string(), slower.string(), "--format", "json"});
  EXPECT_EQ(js.status.code, 1);
  const json out = json::parse(js.out);
  EXPECT_TRUE(out["regressed"].get<bool>());
  int regressions = 0;
  for (const auto& cell : out["cells"]) {
    if (cell["change"] == "regression") {
      ++regressions;
      EXPECT_EQ(cell["implementation"], "rust-axum");
      EXPECT_EQ(cell["metric"], "requests_per_s");
      EXPECT_NEAR(cell["ratio"].get<double>(), 0.7, 1e-9);
      EXPECT_LE(cell["p_adjusted"].get<double>(), 0.05);
      EXPECT_TRUE(cell["reachable"].get<bool>());
    }
  }
  EXPECT_EQ(regressions, 1);
}

TEST(CompareCli, UnusableInputExitsTwoAndSaysWhy) {
  const fs::path dir = TempDir("unusable");
  const fs::path foreign = Write(dir, "foreign.json", json{{"hello", "world"}});
  auto r = Cli({"compare", kRecorded.string(), foreign.string()});
  EXPECT_EQ(r.status.code, 2);
  EXPECT_NE(r.err.find("NEW " + foreign.string() + " is not a claimbench results file"), std::string::npos) << r.err;

  json future = Recorded();
  future["schema_version"] = 99;
  auto v = Cli({"compare", Write(dir, "future.json", future).string(), kRecorded.string()});
  EXPECT_EQ(v.status.code, 2);
  EXPECT_NE(v.err.find("BASE"), std::string::npos) << v.err;

  // Runs with no workload in common.
  json only_http = Recorded(), only_batch = Recorded();
  auto keep = [](json& d, const std::string& kind) {
    json kept = json::array();
    for (auto& w : d["workloads"]) {
      if (w["kind"] == kind) kept.push_back(w);
    }
    d["workloads"] = kept;
    d["builds"] = json::object();
  };
  keep(only_http, "http");
  keep(only_batch, "batch");
  auto disjoint = Cli({"compare", Write(dir, "http.json", only_http).string(), Write(dir, "batch.json", only_batch).string()});
  EXPECT_EQ(disjoint.status.code, 2);
  EXPECT_NE(disjoint.err.find("nothing to compare"), std::string::npos) << disjoint.err;
}

// NEW's rust-axum on http-plaintext, changed by `change`.
json WithImplementation(json document, const std::function<void(json&)>& change) {
  for (auto& w : document["workloads"]) {
    if (w["id"] != "http-plaintext") continue;
    for (auto& i : w["implementations"]) {
      if (i["id"] == "rust-axum") change(i);
    }
  }
  return document;
}

TEST(CompareCli, AnImplementationThatBrokeFailsTheGateAndOneInterruptedDoesNot) {
  const fs::path dir = TempDir("status");
  auto broke = Cli({"compare", kRecorded.string(),
                    Write(dir, "broke.json", WithImplementation(Recorded(), [](json& i) {
                            i["status"] = "verify_failed";
                            i["error"] = "vector 3: wrong body";
                            i["summary"] = json::object();
                          })).string()});
  EXPECT_EQ(broke.status.code, 1) << broke.out << broke.err;
  EXPECT_NE(broke.out.find("REGRESSION (1): http-plaintext / rust-axum verify_failed in NEW"), std::string::npos)
      << broke.out;
  auto stopped = Cli({"compare", kRecorded.string(),
                      Write(dir, "stopped.json", WithImplementation(Recorded(), [](json& i) {
                              i["status"] = "interrupted";
                              i["error"] = "interrupted by the user";
                              i["summary"] = json::object();
                            })).string()});
  EXPECT_EQ(stopped.status.code, 0) << stopped.out << stopped.err;
  EXPECT_NE(stopped.out.find("not compared: http-plaintext / rust-axum: interrupted in NEW"), std::string::npos)
      << stopped.out;
}

TEST(CompareCli, AMetricMissingFromNewIsNamedNotDropped) {
  const fs::path dir = TempDir("missing");
  auto r = Cli({"compare", kRecorded.string(),
                Write(dir, "new.json", WithImplementation(Recorded(), [](json& i) {
                        i["summary"].erase("latency_p99_ns");
                      })).string()});
  EXPECT_EQ(r.status.code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("not compared: http-plaintext / rust-axum / latency_p99_ns: in BASE, not in NEW"),
            std::string::npos)
      << r.out;
}

TEST(CompareCli, DifferentMachinesAreWarnedAbout) {
  const fs::path dir = TempDir("machine");
  json other = Recorded();
  other["context"]["cpu_model"] = "Another CPU";
  auto r = Cli({"compare", kRecorded.string(), Write(dir, "other.json", other).string()});
  EXPECT_EQ(r.status.code, 0) << r.err;
  EXPECT_NE(r.out.find("warning: machine: CPU differs: BASE "), std::string::npos) << r.out;
}

TEST(CompareCli, BaselinesByName) {
  const fs::path root = TempDir("baselines");
  fs::create_directories(root / "workloads");
  fs::create_directories(root / "results" / "baselines");
  fs::copy_file(kRecorded, root / "results" / "baselines" / "main.json");
  auto r = Cli({"compare", "--root", root.string(), "--baseline", "main", kRecorded.string()});
  EXPECT_EQ(r.status.code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("results/baselines/main.json"), std::string::npos) << r.out;
  auto missing = Cli({"compare", "--root", root.string(), "--baseline", "release", kRecorded.string()});
  EXPECT_EQ(missing.status.code, 2);
  EXPECT_NE(missing.err.find("no baseline 'release'"), std::string::npos) << missing.err;
  EXPECT_NE(missing.err.find("claimbench run --save-baseline release"), std::string::npos) << missing.err;
}

// The recorded run as another run: its own id, every HTTP req/s sample `factor` times.
json AsRun(const std::string& run_id, double factor) {
  json run = Recorded();
  run["run_id"] = run_id;
  std::vector<std::pair<std::string, std::string>> servers;
  for (const auto& w : run["workloads"]) {
    if (w["kind"] != "http") continue;
    for (const auto& i : w["implementations"]) servers.emplace_back(w["id"], i["id"]);
  }
  for (const auto& [workload, impl] : servers) run = WithThroughputScaled(run, workload, impl, factor);
  return run;
}

TEST(CompareCli, ABaselineKeepsItsNewestRunsAndPoolsThem) {
  const fs::path root = TempDir("pooled");
  fs::create_directories(root / "workloads");
  const std::vector<std::pair<std::string, double>> runs = {
      {"20261201T000000Z", 1.0}, {"20261202T000000Z", 0.99}, {"20261203T000000Z", 1.01}, {"20261204T000000Z", 1.0}};
  for (const auto& [id, factor] : runs) {
    auto added = Cli({"baseline", "--root", root.string(), "main", Write(root, id + ".json", AsRun(id, factor)).string()});
    EXPECT_EQ(added.status.code, 0) << added.out << added.err;
  }
  std::vector<std::string> kept;
  for (const auto& e : fs::directory_iterator(root / "results" / "baselines" / "main")) {
    kept.push_back(e.path().filename().string());
  }
  std::sort(kept.begin(), kept.end());
  EXPECT_EQ(kept, (std::vector<std::string>{"20261202T000000Z.json", "20261203T000000Z.json", "20261204T000000Z.json"}));

  auto r = Cli({"compare", "--root", root.string(), "--baseline", "main", kRecorded.string(), "--format", "json"});
  EXPECT_EQ(r.status.code, 0) << r.out << r.err;
  const json out = json::parse(r.out);
  EXPECT_EQ(out["base_runs"].size(), 3u);
  EXPECT_TRUE(out["base"].is_null());
  for (const auto& cell : out["cells"]) {
    if (cell["exact"].get<bool>()) continue;
    EXPECT_EQ(cell["base_samples"].size(), 3 * cell["new_samples"].size()) << cell["workload"] << cell["metric"];
  }
  auto text = Cli({"compare", "--root", root.string(), "--baseline", "main", kRecorded.string()});
  EXPECT_NE(text.out.find("BASE  3 runs pooled"), std::string::npos) << text.out;

  // An interrupted run, a foreign file or a bad name is refused and changes nothing.
  json interrupted = AsRun("20261205T000000Z", 1.0);
  interrupted["interrupted"] = true;
  auto refused = Cli({"baseline", "--root", root.string(), "main", Write(root, "stopped.json", interrupted).string()});
  EXPECT_EQ(refused.status.code, 2);
  EXPECT_NE(refused.err.find("was interrupted"), std::string::npos) << refused.err;
  EXPECT_EQ(Cli({"baseline", "--root", root.string(), "main", Write(root, "x.json", json{{"a", 1}}).string()}).status.code, 2);
  EXPECT_EQ(Cli({"baseline", "--root", root.string(), "../up", kRecorded.string()}).status.code, 2);
  EXPECT_EQ(std::distance(fs::directory_iterator(root / "results" / "baselines" / "main"), fs::directory_iterator{}), 3);
}

TEST(CompareCli, PooledBaseRunsFlagWhatOneRunCannot) {
  // At alpha 0.001, 6 + 6 trials cannot reach significance (smallest p 0.0022); 18 + 6 can.
  const fs::path dir = TempDir("power");
  const fs::path slower = Write(dir, "new.json", WithThroughputScaled(Recorded(), "http-plaintext", "rust-axum", 0.7));
  auto one = Cli({"compare", kRecorded.string(), slower.string(), "--alpha", "0.001"});
  EXPECT_EQ(one.status.code, 0) << one.out;
  EXPECT_NE(one.out.find("too few samples"), std::string::npos) << one.out;
  auto pooled = Cli({"compare", Write(dir, "a.json", AsRun("20261201T000000Z", 0.99)).string(),
                     Write(dir, "b.json", AsRun("20261202T000000Z", 1.0)).string(),
                     Write(dir, "c.json", AsRun("20261203T000000Z", 1.01)).string(), slower.string(), "--alpha", "0.001"});
  EXPECT_EQ(pooled.status.code, 1) << pooled.out << pooled.err;
  EXPECT_NE(pooled.out.find("REGRESSION (1): http-plaintext / rust-axum / requests_per_s -"), std::string::npos)
      << pooled.out;
}

TEST(CompareCli, SelectionNarrowsTheFamily) {
  auto all = json::parse(Cli({"compare", kRecorded.string(), kRecorded.string(), "--format", "json"}).out);
  auto one = json::parse(Cli({"compare", kRecorded.string(), kRecorded.string(), "--format", "json", "--workload",
                              "http-plaintext", "--metric", "requests_per_s"})
                             .out);
  EXPECT_LT(one["cells"].size(), all["cells"].size());
  for (const auto& cell : one["cells"]) {
    EXPECT_EQ(cell["workload"], "http-plaintext");
    EXPECT_EQ(cell["metric"], "requests_per_s");
  }
}

}  // namespace
}  // namespace claimbench
