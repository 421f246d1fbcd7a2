// The orchestrator with a fake launcher: ordering, failure statuses and interruption,
// without building or starting anything. The fake records every call, so the tests can
// say what ran in which order.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "results/results_json.h"
#include "run/run.h"
#include "claims/claim_spec.h"
#include "spec/workload.h"
#include "stats/metric_registry.h"
#include "util/files.h"
#include "util/shuffle.h"

namespace claimbench::run {
namespace {

namespace fs = std::filesystem;
using results::Status;

class FakeLauncher : public Launcher {
 public:
  std::set<std::string> failing_builds;
  std::set<std::string> never_ready;
  std::set<std::string> crashing_runners;
  int interrupt_at_trial = 0;  ///< the n-th trial call (1-based) raises the interrupt flag
  std::vector<std::string> calls;
  std::vector<std::string> timed_builds;  ///< implementations whose builds were to be timed

  build::BuildRecord Build(const fs::path&, const spec::Implementation& impl, const build::BuildOptions& options) override {
    calls.push_back("build " + impl.id);
    if (options.measure_build_times) timed_builds.push_back(impl.id);
    build::BuildRecord r;
    r.implementation = impl.id;
    r.ok = !failing_builds.count(impl.id);
    if (!r.ok) r.error = "fake compile error in " + impl.id;
    r.binary = "/fake/" + impl.id;
    r.binary_bytes = 1000;
    r.binary_stripped_bytes = 800;
    return r;
  }

  results::HttpImplementation PrepareHttp(const spec::Workload& w, const spec::Implementation& impl, const fs::path&,
                                          const std::vector<spec::Vector>& vectors, const HttpRunOptions&) override {
    calls.push_back("verify " + w.id + " " + impl.id);
    results::HttpImplementation entry;
    entry.id = impl.id;
    entry.language = std::string(spec::LanguageName(impl.language));
    entry.library = impl.library;
    if (never_ready.count(impl.id)) {
      entry.status = Status::kStartFailed;
      entry.error = "not ready within 30 s (no valid response on port 1)";
      return entry;
    }
    int64_t n = static_cast<int64_t>(vectors.size());
    entry.verification = results::Verification{n, n, {}};
    return entry;
  }

  TrialOutcome RunHttpTrial(const spec::Workload& w, const spec::Implementation& impl, const fs::path&,
                            const std::vector<spec::Vector>&, const HttpRunOptions& options, int trial_number,
                            bool load_points) override {
    calls.push_back("trial " + w.id + " " + impl.id + " " + std::to_string(trial_number) + (load_points ? "+points" : ""));
    ++trials_;
    if (interrupt_at_trial > 0 && trials_ == interrupt_at_trial) {
      interrupted_ = true;
      return {std::nullopt, Status::kInterrupted, "interrupted by the user during trial " + std::to_string(trial_number)};
    }
    results::HttpTrial trial;
    trial.trial = trial_number;
    trial.startup_s = 0.01;
    trial.load.requests = 1000;
    trial.load.requests_per_s = impl.language == spec::Language::kRust ? 2000.0 + trials_ : 1000.0 + trials_;
    trial.server.rss_peak_bytes = 10'000'000;
    if (load_points) {
      results::LoadPoints points;
      for (double rate : options.fixed_rates) {
        results::LoadPoint p;
        p.target_rate_per_s = rate;
        p.reached = true;
        p.latency_p99_ns = static_cast<int64_t>(rate) * (impl.language == spec::Language::kRust ? 100 : 200);
        points.fixed_rates[stats::metric::RateKey(rate)] = p;
      }
      if (!points.Empty()) trial.load_points = points;
    }
    return {trial, Status::kOk, ""};
  }

  results::StartupRuns RunStartups(const spec::Workload&, const spec::Implementation& impl, const fs::path&,
                                   const std::vector<spec::Vector>&, const HttpRunOptions&) override {
    calls.push_back("startups " + impl.id);
    results::StartupRuns runs;
    runs.samples_s = {0.010, 0.011, 0.012};
    runs.median_s = 0.011;
    return runs;
  }

  PreparedCorpus PrepareCorpus(const spec::CorpusRef& ref, const fs::path&) override {
    PreparedCorpus c;
    c.record.name = ref.name;
    c.record.sha256_pinned = ref.sha256;
    c.input = BatchInput{"/fake/" + ref.name, 1'000'000, 1000};
    return c;
  }

  results::BatchEntry RunBatchTask(const spec::Workload& w, const spec::BatchTask& task,
                                   const spec::Implementation& impl, const fs::path&, const std::optional<BatchInput>&,
                                   const BatchRunOptions&) override {
    calls.push_back("batch " + w.id + "/" + task.id + " " + impl.id);
    results::BatchEntry e;
    e.id = impl.id;
    if (crashing_runners.count(impl.id)) {
      e.status = Status::kCrashed;
      e.error = "killed by signal 11 before 'done'";
      return e;
    }
    e.checksum = task.expect;
    e.measure_ns = {1e6, 1.1e6, 0.9e6};
    e.process = {results::RunnerProcess{3, 5'000'000, 0.1, 0.01, 0.11, 5'000'000, 5'000'000, "fake"}};
    return e;
  }

  results::RunContext CollectContext(const fs::path&, const process::CpuSplit&, uint64_t seed) override {
    results::RunContext c;
    c.cpu_model = "Fake CPU";
    c.cores = 2;
    c.seed = seed;
    return c;
  }

  std::chrono::system_clock::time_point Now() override {
    return std::chrono::system_clock::time_point(std::chrono::seconds(1'767'225'600));  // 2026-01-01
  }
  bool Interrupted() override { return interrupted_; }

 private:
  int trials_ = 0;
  bool interrupted_ = false;
};

class OrchestratorTest : public ::testing::Test {
 protected:
  void SetUp() override {
    catalog_ = spec::LoadCatalog(CLAIMBENCH_SOURCE_DIR);
    out_ = fs::temp_directory_path() / ("orchestrator-test-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(out_);
  }
  void TearDown() override { fs::remove_all(out_); }

  RunOptions Options(std::vector<std::string> workloads, std::vector<std::string> impls) {
    RunOptions o;
    o.workloads = std::move(workloads);
    o.implementations = std::move(impls);
    o.repeat = 3;
    o.startup_runs = 3;
    o.out_dir = out_;
    o.seed = 7;
    return o;
  }

  const results::HttpImplementation& Http(const RunOutcome& outcome, const std::string& id) {
    for (const auto& i : outcome.results.workloads.front().http()->implementations) {
      if (i.id == id) return i;
    }
    throw std::runtime_error("no " + id);
  }

  spec::Catalog catalog_;
  fs::path out_;
  FakeLauncher fake_;
};

TEST_F(OrchestratorTest, FailedBuildIsRecordedAndTheOthersAreMeasured) {
  fake_.failing_builds = {"rust-axum"};
  RunOutcome outcome = run::Run(catalog_, Options({"http-plaintext"}, {"go-nethttp", "rust-axum"}), fake_);
  EXPECT_FALSE(outcome.ok);
  const auto& rust = Http(outcome, "rust-axum");
  EXPECT_EQ(rust.status, Status::kBuildFailed);
  EXPECT_EQ(rust.error.value_or(""), "fake compile error in rust-axum");
  EXPECT_TRUE(rust.trials.empty());
  const auto& go = Http(outcome, "go-nethttp");
  EXPECT_EQ(go.status, Status::kOk);
  EXPECT_EQ(go.trials.size(), 3u);
  EXPECT_EQ(go.summary.at("requests_per_s").n, 3);
  EXPECT_EQ(go.summary.at("startup_median_s").median, 0.011);
  // The build failure reached the file on disk, and the claims were judged.
  results::RunResults saved = results::ReadResultsFile(out_ / "results.json");
  EXPECT_FALSE(saved.builds.at("rust-axum").record.ok);
  EXPECT_EQ(saved.workloads.front().http()->implementations.size(), 2u);
  ASSERT_TRUE(saved.claims.has_value());
  EXPECT_TRUE(fs::exists(out_ / "report.md"));
  EXPECT_TRUE(fs::exists(out_ / "report.html"));
}

TEST_F(OrchestratorTest, ServerThatNeverBecomesReadyIsStartFailedAndGetsNoTrial) {
  fake_.never_ready = {"go-nethttp"};
  RunOutcome outcome = run::Run(catalog_, Options({"http-plaintext"}, {"go-nethttp", "rust-axum"}), fake_);
  EXPECT_FALSE(outcome.ok);
  EXPECT_EQ(Http(outcome, "go-nethttp").status, Status::kStartFailed);
  EXPECT_NE(Http(outcome, "go-nethttp").error.value_or("").find("not ready"), std::string::npos);
  for (const auto& call : fake_.calls) EXPECT_EQ(call.find("trial http-plaintext go-nethttp"), std::string::npos) << call;
  EXPECT_EQ(Http(outcome, "rust-axum").trials.size(), 3u);
  // Nothing to divide by: the ratios are there, and empty.
  const auto& ratios = outcome.results.workloads.front().http()->ratios;
  ASSERT_TRUE(ratios.has_value());
  EXPECT_TRUE(ratios->empty());
}

TEST_F(OrchestratorTest, VerificationOfAllComesBeforeAnyTrialAndRoundsFollowTheSeed) {
  RunOutcome outcome = run::Run(catalog_, Options({"http-plaintext"}, {"go-nethttp", "rust-axum"}), fake_);
  ASSERT_TRUE(outcome.ok);
  std::vector<std::string> expected = {"build go-nethttp", "build rust-axum", "verify http-plaintext go-nethttp",
                                       "verify http-plaintext rust-axum"};
  const std::vector<std::string> ids = {"go-nethttp", "rust-axum"};
  std::vector<std::vector<std::string>> rounds;
  for (int round = 1; round <= 3; ++round) {
    std::vector<std::string> order;
    for (size_t i : ShuffledIndices(ids.size(), 7 + static_cast<uint64_t>(round))) {
      order.push_back(ids[i]);
      expected.push_back("trial http-plaintext " + ids[i] + " " + std::to_string(round) + (round == 1 ? "+points" : ""));
    }
    rounds.push_back(order);
  }
  expected.push_back("startups go-nethttp");
  expected.push_back("startups rust-axum");
  EXPECT_EQ(fake_.calls, expected);
  EXPECT_EQ(outcome.results.workloads.front().http()->trial_order, std::optional(rounds));
  // Rust/Go ratio of the fake's throughputs, one per common metric.
  const auto& ratios = outcome.results.workloads.front().http()->ratios.value();
  ASSERT_FALSE(ratios.empty());
  EXPECT_EQ(ratios.front().numerator, "rust-axum");
  EXPECT_EQ(ratios.front().denominator, "go-nethttp");
}

// What a CI job runs: the quick suite times no build and measures no further load point
// unless asked; the full suite does both.
TEST_F(OrchestratorTest, QuickSuiteTimesNoBuildAndMeasuresNoLoadPointUnlessAsked) {
  RunOutcome quick = run::Run(catalog_, Options({"http-plaintext"}, {"go-nethttp", "rust-axum"}), fake_);
  EXPECT_TRUE(fake_.timed_builds.empty());
  EXPECT_EQ(quick.results.workloads.front().http()->load->load_points_in, "no trial");
  for (const auto& impl : quick.results.workloads.front().http()->implementations) {
    for (const auto& trial : impl.trials) EXPECT_FALSE(trial.load_points) << impl.id;
  }

  RunOptions asked = Options({"http-plaintext"}, {"go-nethttp", "rust-axum"});
  asked.build_times = true;
  asked.load_points = true;
  FakeLauncher again;
  RunOutcome with = run::Run(catalog_, asked, again);
  EXPECT_EQ(again.timed_builds, (std::vector<std::string>{"go-nethttp", "rust-axum"}));
  EXPECT_EQ(with.results.workloads.front().http()->load->load_points_in, "the first trial only");

  RunOptions full = Options({"http-plaintext"}, {"go-nethttp"});
  full.suite = results::Suite::kFull;
  full.load_points_every_trial = true;
  FakeLauncher third;
  RunOutcome all = run::Run(catalog_, full, third);
  EXPECT_EQ(third.timed_builds, (std::vector<std::string>{"go-nethttp"}));
  EXPECT_EQ(all.results.workloads.front().http()->load->load_points_in, "every trial");
}

TEST_F(OrchestratorTest, RunnerThatCrashesIsRecordedAndTheOthersAreSummarised) {
  fake_.crashing_runners = {"rust-serde-json"};
  RunOutcome outcome =
      run::Run(catalog_, Options({"json-parse"}, {"go-encoding-json", "rust-serde-json", "cpp-simdjson"}), fake_);
  EXPECT_FALSE(outcome.ok);
  const results::BatchWorkload& batch = *outcome.results.workloads.front().batch();
  ASSERT_FALSE(batch.tasks.empty());
  for (const auto& task : batch.tasks) {
    ASSERT_EQ(task.implementations.size(), 3u) << task.id;
    for (const auto& e : task.implementations) {
      if (e.id == "rust-serde-json") {
        EXPECT_EQ(e.status, Status::kCrashed);
        EXPECT_TRUE(e.summary.empty());
      } else {
        EXPECT_EQ(e.status, Status::kOk) << e.id;
        EXPECT_EQ(e.summary.at("iteration_ns").median, 1e6);
        EXPECT_EQ(e.language, e.id.substr(0, e.id.find('-')));
      }
    }
  }
}

TEST_F(OrchestratorTest, InterruptionMidTrialKeepsWhatWasFinished) {
  fake_.interrupt_at_trial = 3;  // round 2's first trial
  RunOutcome outcome = run::Run(catalog_, Options({"http-plaintext"}, {"go-nethttp", "rust-axum"}), fake_);
  EXPECT_FALSE(outcome.ok);
  EXPECT_TRUE(outcome.results.interrupted);
  results::RunResults saved = results::ReadResultsFile(out_ / "results.json");
  EXPECT_TRUE(saved.interrupted);
  const auto& impls = saved.workloads.front().http()->implementations;
  int trials = 0;
  int interrupted = 0;
  for (const auto& i : impls) {
    trials += static_cast<int>(i.trials.size());
    interrupted += i.status == Status::kInterrupted;
  }
  EXPECT_EQ(trials, 2);       // round 1, both implementations
  EXPECT_EQ(interrupted, 2);  // the one stopped mid-trial, and the other before its next
  for (const auto& call : fake_.calls) EXPECT_EQ(call.find("startups"), std::string::npos) << call;
}

// A checkout whose http-plaintext workload has one more fixed rate, 7000 req/s, and a claim
// about the P99 there: with no code change, the rate is measured, summarised, reported and
// judged.
TEST_F(OrchestratorTest, AddingAFixedRateMakesItsP99AppearEverywhere) {
  const fs::path root = out_.string() + "-checkout";
  fs::remove_all(root);
  fs::create_directories(root);
  fs::copy(fs::path(CLAIMBENCH_SOURCE_DIR) / "workloads", root / "workloads", fs::copy_options::recursive);
  fs::copy(fs::path(CLAIMBENCH_SOURCE_DIR) / "claims", root / "claims", fs::copy_options::recursive);
  const fs::path toml = root / "workloads" / "http-plaintext" / "workload.toml";
  std::string text = ReadFile(toml);
  const std::string rates = "fixed_rates = [\"5k\", \"15k\", \"25k\"]";
  ASSERT_NE(text.find(rates), std::string::npos);
  text.replace(text.find(rates), rates.size(), "fixed_rates = [\"5k\", \"7k\", \"15k\", \"25k\"]");
  WriteFileAtomic(toml, text);
  WriteFileAtomic(root / "claims" / "900.toml", R"(document = "900.txt"
title = "a test claim about a rate no document names"

[[claim]]
id = "d900-p99-at-7k"
paraphrase = "At 7K req/s Rust's P99 is half of Go's."
stated = { ratio = "0.5x" }
conditions = "test"

  [[claim.check]]
  label = "P99 at 7K"
  workload = "http-plaintext"
  metric = "latency_p99_at_7000_rps_ns"
  go = "go-nethttp"
  rust = "rust-axum"
  ratio = [0.4, 0.6]
  tolerance = 0
)");
  spec::Catalog catalog = spec::LoadCatalog(root);
  EXPECT_EQ(claims::CheckAgainstCatalog(claims::LoadClaims(root), catalog), std::vector<std::string>{});

  RunOptions options = Options({"http-plaintext"}, {"go-nethttp", "rust-axum"});
  options.load_points = true;  // the quick suite measures none by default
  RunOutcome outcome = run::Run(catalog, options, fake_);
  ASSERT_TRUE(outcome.ok);
  const std::string metric = "latency_p99_at_7000_rps_ns";
  EXPECT_EQ(Http(outcome, "rust-axum").summary.at(metric).median, 700'000);
  EXPECT_NE(ReadFile(out_ / "results.csv").find(",rust-axum," + metric + ",ns,700000,"), std::string::npos);
  EXPECT_NE(ReadFile(out_ / "report.md").find("7000"), std::string::npos);
  EXPECT_NE(ReadFile(out_ / "report.html").find("7000"), std::string::npos);
  const results::ClaimVerdict* claim = nullptr;
  for (const auto& c : *outcome.results.claims) {
    if (c.id == "d900-p99-at-7k") claim = &c;
  }
  ASSERT_NE(claim, nullptr);
  EXPECT_EQ(claim->verdict, results::Verdict::kConsistent) << claim->detail;
  fs::remove_all(root);
}

// A launcher whose instruction counts are given: Rust's iteration executes half Go's.
class CountingLauncher : public FakeLauncher {
 public:
  results::InstructionCount CountInstructions(const spec::Workload& w, const spec::BatchTask& task,
                                              const spec::Implementation& impl, const fs::path&,
                                              const std::optional<BatchInput>&, const BatchRunOptions&,
                                              int iterations) override {
    calls.push_back("count " + w.id + "/" + task.id + " " + impl.id);
    results::InstructionCount count;
    count.iterations = iterations;
    count.base_instructions = 1'000'000;
    count.total_instructions = impl.language == spec::Language::kRust ? 3'000'000 : 5'000'000;
    count.per_iteration = static_cast<double>(*count.total_instructions - *count.base_instructions) / iterations;
    count.tool = "fake";
    return count;
  }
};

// Instruction counts (issue 14): after a task's rounds, one count per implementation that
// ran it, summarised as one exact count (no interval, not noisy, not a thin figure), with
// an exact ratio; and none at all with --no-instruction-counts.
TEST_F(OrchestratorTest, InstructionCountsComeAfterTheRoundsAsOneExactCount) {
  CountingLauncher counting;
  RunOutcome outcome = run::Run(catalog_, Options({"cpu-bound"}, {"go-cpu", "rust-cpu"}), counting);
  ASSERT_TRUE(outcome.ok);
  const results::BatchWorkload& batch = *outcome.results.workloads.front().batch();
  ASSERT_EQ(batch.tasks.size(), 2u);
  for (const auto& task : batch.tasks) {
    // Every round of the task, then its counts, then the next task.
    auto first_count = std::find_if(counting.calls.begin(), counting.calls.end(), [&](const std::string& call) {
      return call.rfind("count cpu-bound/" + task.id + " ", 0) == 0;
    });
    ASSERT_NE(first_count, counting.calls.end()) << task.id;
    EXPECT_EQ(std::count_if(counting.calls.begin(), counting.calls.end(),
                            [&](const std::string& call) { return call.rfind("count cpu-bound/" + task.id, 0) == 0; }),
              2);
    EXPECT_EQ(std::find_if(first_count, counting.calls.end(),
                           [&](const std::string& call) { return call.rfind("batch cpu-bound/" + task.id, 0) == 0; }),
              counting.calls.end())
        << task.id << ": a round after the counts";
    for (const auto& e : task.implementations) {
      ASSERT_TRUE(e.instructions.has_value()) << task.id << " " << e.id;
      const results::Summary& s = e.summary.at("instructions_per_iteration");
      EXPECT_EQ(s.median, e.id == "rust-cpu" ? 1e6 : 2e6);
      EXPECT_EQ(s.n, 1);
      EXPECT_FALSE(s.HasInterval());
      EXPECT_FALSE(s.noisy);
      EXPECT_EQ(s.samples_of, "one exact count");
    }
    bool ratio = false;
    for (const auto& r : task.ratios.value()) {
      if (r.metric != "instructions_per_iteration") continue;
      ratio = true;
      EXPECT_EQ(r.value, 0.5);
      EXPECT_FALSE(r.noisy);
    }
    EXPECT_TRUE(ratio) << task.id;
  }
  // Written and read back whole.
  results::RunResults saved = results::ReadResultsFile(out_ / "results.json");
  const results::BatchEntry& entry = saved.workloads.front().batch()->tasks.front().implementations.front();
  ASSERT_TRUE(entry.instructions.has_value());
  EXPECT_EQ(entry.instructions->tool, "fake");
  EXPECT_EQ(entry.instructions->iterations, 2);
  EXPECT_TRUE(entry.instructions->per_iteration.has_value());

  CountingLauncher off_launcher;
  RunOptions off = Options({"cpu-bound"}, {"go-cpu", "rust-cpu"});
  off.instruction_counts = false;
  RunOutcome none = run::Run(catalog_, off, off_launcher);
  for (const auto& call : off_launcher.calls) EXPECT_EQ(call.rfind("count ", 0), std::string::npos) << call;
  for (const auto& task : none.results.workloads.front().batch()->tasks) {
    for (const auto& e : task.implementations) {
      EXPECT_FALSE(e.instructions.has_value()) << task.id << " " << e.id;
      EXPECT_EQ(e.summary.count("instructions_per_iteration"), 0u);
    }
  }
}

// The worker pool is not counted, and its results say why; the tests' fake launcher, which
// starts nothing, records that it counted nothing.
TEST_F(OrchestratorTest, WorkerPoolSaysWhyItIsNotCounted) {
  RunOutcome outcome = run::Run(catalog_, Options({"worker-pool"}, {"go-goroutines"}), fake_);
  const results::BatchWorkload& pool = *outcome.results.workloads.front().batch();
  ASSERT_TRUE(pool.instructions_not_counted.has_value());
  EXPECT_NE(pool.instructions_not_counted->find("one thread at a time"), std::string::npos);
  for (const auto& task : pool.tasks) {
    for (const auto& e : task.implementations) EXPECT_FALSE(e.instructions.has_value()) << task.id;
  }
  fs::remove_all(out_);
  RunOutcome parse = run::Run(catalog_, Options({"json-parse"}, {"go-encoding-json"}), fake_);
  const results::BatchEntry& e = parse.results.workloads.front().batch()->tasks.front().implementations.front();
  ASSERT_TRUE(e.instructions.has_value());
  EXPECT_EQ(e.instructions->error, "not counted by this launcher");
}

}  // namespace
}  // namespace claimbench::run
