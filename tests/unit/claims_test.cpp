// Claims files: the real ones parse and map to measurements that exist; broken ones name
// file and line; verdicts on a hand-built results object are exact.
#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>
#include <regex>

#include "claims/claim_spec.h"
#include "claims/verdict.h"
#include "report/reporter.h"
#include "spec/spec_error.h"

namespace claimbench::claims {
namespace {

namespace fs = std::filesystem;
using results::Verdict;

TEST(Claims, EveryRealClaimParsesAndMapsToAMeasurementThatExists) {
  auto claims = LoadClaims(CLAIMBENCH_SOURCE_DIR);
  ASSERT_FALSE(claims.empty());
  auto catalog = spec::LoadCatalog(CLAIMBENCH_SOURCE_DIR);
  auto problems = CheckAgainstCatalog(claims, catalog);
  std::string all;
  for (const auto& p : problems) all += p + "\n";
  EXPECT_TRUE(problems.empty()) << all;
  // Every document has a claims file.
  std::set<std::string> documents;
  for (const auto& c : claims) documents.insert(c.document);
  const fs::path documents_dir = fs::path(CLAIMBENCH_SOURCE_DIR) / ".." / "shared" / "documents";
  ASSERT_TRUE(fs::is_directory(documents_dir)) << documents_dir << " not found: the documents live in ../shared beside the "
                                                           "checkout (as CI places them)";
  for (const auto& entry : fs::directory_iterator(documents_dir)) {
    EXPECT_TRUE(documents.count(entry.path().filename().string())) << entry.path().filename() << " has no claims";
  }
}

class ClaimFiles : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("claimbench-claims-test-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path Write(const std::string& text) {
    fs::path p = dir_ / "x.toml";
    std::ofstream(p) << text;
    return p;
  }
  std::string ErrorOf(const fs::path& p) {
    try {
      LoadClaimsFile(p);
    } catch (const spec::SpecError& e) {
      return e.what();
    }
    return "no error";
  }
  fs::path dir_;
};

constexpr const char* kHead = "document = \"d.txt\"\n[[claim]]\nid = \"c\"\nparaphrase = \"p\"\nstated = { go = \"1\" }\n";

TEST_F(ClaimFiles, AToleranceComesWithTheWordingItComesFrom) {
  const std::string check = "[[claim.check]]\nlabel = \"l\"\nworkload = \"build\"\nmetric = \"m\"\ngo = \"g\"\n"
                            "go_range = [1, 1]\n";
  auto bare = Write(std::string(kHead) + check + "tolerance = 0.25\n");
  EXPECT_EQ(ErrorOf(bare), bare.string() +
                               ":12: a 'tolerance' needs 'tolerance_reason': the wording that makes the figure approximate");
  auto orphan = Write(std::string(kHead) + check + "tolerance_reason = 'about'\n");
  EXPECT_EQ(ErrorOf(orphan), orphan.string() + ":12: 'tolerance_reason' without a 'tolerance' above 0");
  auto good = Write(std::string(kHead) + check + "tolerance = 0.25\ntolerance_reason = 'approximate: \"~1\"'\n");
  std::vector<Claim> claims = LoadClaimsFile(good);
  EXPECT_EQ(claims[0].checks[0].tolerance, 0.25);
  EXPECT_EQ(claims[0].checks[0].tolerance_reason, "approximate: \"~1\"");
  auto none = Write(std::string(kHead) + check);
  EXPECT_EQ(LoadClaimsFile(none)[0].checks[0].tolerance, 0);  // a range or bound: no tolerance
}

TEST_F(ClaimFiles, ErrorsNameFileAndLine) {
  auto both = Write(std::string(kHead) + "not_measured = \"why\"\n[[claim.check]]\nlabel = \"l\"\nworkload = \"build\"\n"
                                         "metric = \"build_cold_s\"\ngo = \"g\"\ngo_range = [0, 1]\n");
  EXPECT_EQ(ErrorOf(both), both.string() + ":2: claim 'c' needs either checks or 'not_measured' (with the reason), not both");
  auto none = Write(std::string(kHead) + "[[claim.check]]\nlabel = \"l\"\nworkload = \"build\"\nmetric = \"m\"\ngo = \"g\"\n");
  EXPECT_EQ(ErrorOf(none), none.string() + ":6: a check needs 'ratio', 'go_range' or 'rust_range'");
  auto half = Write(std::string(kHead) + "[[claim.check]]\nlabel = \"l\"\nworkload = \"build\"\nmetric = \"m\"\n"
                                         "go = \"g\"\nratio = [1, 2]\n");
  EXPECT_EQ(ErrorOf(half), half.string() + ":6: a 'ratio' check names both 'go' and 'rust'");
  auto backwards = Write(std::string(kHead) + "[[claim.check]]\nlabel = \"l\"\nworkload = \"build\"\nmetric = \"m\"\n"
                                              "go = \"g\"\nrust = \"r\"\nratio = [2, 1]\n");
  EXPECT_EQ(ErrorOf(backwards), backwards.string() + ":12: 'ratio' must have 0 <= low <= high");
  auto unstated = Write("document = \"d.txt\"\n[[claim]]\nid = \"c\"\nparaphrase = \"p\"\nnot_measured = \"w\"\n");
  EXPECT_EQ(ErrorOf(unstated),
            unstated.string() + ":2: claim 'c' needs 'stated', the figures as the document gives them");
}

TEST_F(ClaimFiles, CatalogCheckNamesWhatDoesNotExist) {
  auto p = Write(std::string(kHead) +
                 "[[claim.check]]\nlabel = \"l\"\nworkload = \"json-parse/nope\"\nmetric = \"throughput_mb_per_s\"\n"
                 "go = \"go-encoding-json\"\nrust = \"rust-serde-json\"\nratio = [1, 2]\n"
                 "[[claim.check]]\nlabel = \"m\"\nworkload = \"http-json-api\"\nmetric = \"req_per_s\"\n"
                 "go = \"rust-axum\"\ngo_range = [1, 2]\n");
  auto problems = CheckAgainstCatalog(LoadClaimsFile(p), spec::LoadCatalog(CLAIMBENCH_SOURCE_DIR));
  ASSERT_EQ(problems.size(), 3u);
  EXPECT_NE(problems[0].find(":6: claim 'c', check 'l': workload 'json-parse' has no task 'nope'"), std::string::npos)
      << problems[0];
  EXPECT_NE(problems[1].find("check 'm': unknown http metric 'req_per_s'"), std::string::npos) << problems[1];
  EXPECT_NE(problems[2].find("'go' names 'rust-axum', which is not a Go implementation"), std::string::npos)
      << problems[2];
}

// A results model with one HTTP workload (5 trials each) and one build.
results::RunResults Results() {
  auto summary = [](std::vector<double> samples) {
    results::Summary s;
    s.median = samples[2];
    s.samples = samples;
    s.n = static_cast<int64_t>(samples.size());
    return s;
  };
  auto build = [](double cold_s, int64_t bytes) {
    results::Build b;
    b.record.ok = true;
    b.record.cold_build_s = cold_s;
    b.record.binary_bytes = bytes;
    return b;
  };
  results::RunResults r;
  r.builds["go-nethttp"] = build(0.5, 8000000);
  r.builds["rust-axum"] = build(30.0, 2000000);
  results::HttpWorkload w;
  w.id = "http-json-api";
  results::HttpImplementation go;
  go.id = "go-nethttp";
  go.summary = {{"requests_per_s", summary({100, 100, 100, 100, 100})},
                {"gc_pause_max_us", summary({80, 90, 100, 110, 120})}};
  results::HttpImplementation rust;
  rust.id = "rust-axum";
  rust.summary = {{"requests_per_s", summary({150, 150, 150, 150, 150})}};
  w.implementations = {go, rust};
  r.workloads.push_back({w});
  return r;
}

Check RatioCheck(Range range, double tolerance = 0.0) {
  Check c;
  c.label = "l";
  c.workload = "http-json-api";
  c.metric = "requests_per_s";
  c.go = "go-nethttp";
  c.rust = "rust-axum";
  c.ratio = range;
  c.tolerance = tolerance;
  return c;
}

// A rust-axum / go-nethttp ratio check on a build figure.
Check BuildRatioCheck(const std::string& metric, Range range) {
  Check c = RatioCheck(range, 0.25);
  c.label = metric;
  c.workload = "build";
  c.metric = metric;
  return c;
}

results::ClaimVerdict OneOn(const Check& check, const results::RunResults& results) {
  Claim claim;
  claim.id = "c";
  claim.stated = {{"ratio", "x"}};
  claim.checks = {check};
  return Evaluate({claim}, results)[0];
}

results::ClaimVerdict One(const Check& check) { return OneOn(check, Results()); }

TEST(Verdicts, RatioInsideOutsideAndStraddling) {
  results::ClaimVerdict inside = One(RatioCheck({1.4, 1.6}));
  EXPECT_EQ(inside.verdict, Verdict::kConsistent);
  EXPECT_DOUBLE_EQ(inside.checks[0].measured.value(), 1.5);
  EXPECT_EQ(inside.checks[0].judged, "ratio");

  results::ClaimVerdict above = One(RatioCheck({1.0, 1.2}));
  EXPECT_EQ(above.verdict, Verdict::kContradicted);
  EXPECT_EQ(above.checks[0].detail,
            "rust/go 1.5 (95% CI 1.5 to 1.5, n = 5): direction holds; magnitude larger than stated (bounds [1, 1.2])");
  EXPECT_EQ(above.checks[0].direction, results::Direction::kHolds);  // [1, 1.2]: Rust not lower, by up to 20%

  results::ClaimVerdict below = One(RatioCheck({2.7, 2.7}, 0.25));  // [2.16, 3.375]
  EXPECT_EQ(below.verdict, Verdict::kContradicted);
  EXPECT_EQ(below.checks[0].direction, results::Direction::kHolds);
  EXPECT_NE(below.checks[0].detail.find("direction holds; magnitude smaller than stated (bounds [2.16, 3.375])"),
            std::string::npos)
      << below.checks[0].detail;
}

TEST(Verdicts, AbsoluteRangeIsHardwareBoundAndCanStraddle) {
  Check c;
  c.label = "gc";
  c.workload = "http-json-api";
  c.metric = "gc_pause_max_us";
  c.go = "go-nethttp";
  c.go_range = Range{0, 100};
  c.tolerance = 0;
  results::ClaimVerdict r = One(c);
  EXPECT_EQ(r.checks[0].judged, "absolute, hardware-bound");
  // Five samples: no 95% order-statistic interval of a median exists below six.
  EXPECT_EQ(r.verdict, Verdict::kInconclusive) << r.detail;
  EXPECT_NE(r.checks[0].detail.find("needs n >= 6"), std::string::npos) << r.checks[0].detail;
}

// An absolute figure reads with its unit in the verdict, in the console's claims table and
// in report.md, and is never labelled as a Rust/Go ratio.
TEST(Verdicts, AnAbsoluteFigureReadsWithItsUnitAndNeverAsARatio) {
  Check c;
  c.label = "go req/s";
  c.workload = "http-json-api";
  c.metric = "requests_per_s";
  c.go = "go-nethttp";
  c.go_range = Range{1000, 1e4};
  results::ClaimVerdict v = One(c);
  const results::CheckVerdict& k = v.checks[0];
  EXPECT_EQ(k.expected, "go in [1000 req/s, 10,000 req/s] (no tolerance)");
  EXPECT_EQ(k.detail.rfind("go 100 req/s from n = 5", 0), 0u) << k.detail;
  // Every number in what is compared carries the unit.
  const std::string compared = k.expected.substr(0, k.expected.find(" ("));
  static const std::regex kFigure(R"(\d[\d,.]*( req/s)?)");
  for (auto it = std::sregex_iterator(compared.begin(), compared.end(), kFigure); it != std::sregex_iterator(); ++it) {
    EXPECT_TRUE((*it)[1].matched) << it->str() << " has no unit in " << compared;
  }
  results::RunResults r = Results();
  r.claims = std::vector<results::ClaimVerdict>{v};
  for (const char* format : {"claims-all", "md", "claims-csv"}) {
    std::string text = report::Render(format, r);
    // report.md's headline compares the workload's pairs as rust/go: only its claims matter here.
    if (std::string(format) == "md") text = text.substr(std::min(text.find("## Claims"), text.size()));
    EXPECT_EQ(text.find("rust/go"), std::string::npos) << format << ":\n" << text;
    EXPECT_NE(text.find("go 100 req/s"), std::string::npos) << format << ":\n" << text;
  }
}

TEST(Verdicts, MissingMeasurementIsNotMeasuredWithTheReason) {
  Check c = RatioCheck({1, 2});
  c.workload = "http-plaintext";
  results::ClaimVerdict r = One(c);
  EXPECT_EQ(r.verdict, Verdict::kNotMeasured);
  EXPECT_EQ(r.checks[0].detail, "workload http-plaintext was not part of this run");

  Check build = BuildRatioCheck("build_cold_s", {30, 1e300});
  results::ClaimVerdict b = One(build);
  EXPECT_EQ(b.verdict, Verdict::kConsistent) << b.detail;
  EXPECT_NE(b.checks[0].detail.find("one sample: no interval; judged as 54.55 to 66"),
            std::string::npos)
      << b.checks[0].detail;
  // One sample is judged as if it spread by 10% either way: 60 lies inside [70/1.25, inf) = [56,
  // inf) but 60/1.1 = 54.5 does not, so the point alone does not decide.
  build.ratio = Range{70, 1e300};
  EXPECT_EQ(One(build).verdict, Verdict::kInconclusive);
  build.ratio = Range{1, 2};
  EXPECT_EQ(One(build).verdict, Verdict::kContradicted);
  // A binary size does not vary between builds: its one sample is judged as it is.
  build.metric = "binary_bytes";
  build.ratio = Range{0.2, 0.25};
  build.tolerance = 0;
  results::ClaimVerdict size = One(build);
  EXPECT_EQ(size.verdict, Verdict::kConsistent) << size.detail;
  EXPECT_EQ(size.checks[0].detail,
            "rust/go 0.25 (exact: no run-to-run noise): direction holds; magnitude within (bounds [0.2, 0.25])");

  Claim unmeasurable;
  unmeasurable.id = "w";
  unmeasurable.stated = {{"ratio", "10x"}};
  unmeasurable.not_measured = "no wasm targets";
  results::ClaimVerdict u = Evaluate({unmeasurable}, Results())[0];
  EXPECT_EQ(u.verdict, Verdict::kNotMeasured);
  EXPECT_EQ(u.detail, "no wasm targets");
}

TEST(Verdicts, FailedBuildIsNotMeasuredNotAZero) {
  Claim claim;
  claim.id = "c";
  claim.stated = {{"ratio", "x"}};
  claim.checks = {BuildRatioCheck("binary_bytes", {0.2, 0.5})};
  results::RunResults r = Results();
  r.builds["rust-axum"].record.ok = false;
  r.builds["rust-axum"].record.error = "error[E0308]: mismatched types\nmore";
  results::ClaimVerdict v = Evaluate({claim}, r)[0];
  EXPECT_EQ(v.verdict, Verdict::kNotMeasured);
  EXPECT_EQ(v.checks[0].detail, "the build of rust-axum failed: error[E0308]: mismatched types");
}

TEST(Verdicts, BonferroniWidensEveryIntervalForTheNumberOfChecksJudged) {
  Claim claim;
  claim.id = "two";
  claim.stated = {{"ratio", "x"}};
  Check a = RatioCheck({1.4, 1.6});
  Check b = RatioCheck({1.4, 1.6});
  b.label = "again";
  Check missing = RatioCheck({1, 2});
  missing.label = "missing";
  missing.workload = "http-plaintext";  // not in the results: not part of the family
  claim.checks = {a, b, missing};
  results::ClaimsFamily none = FamilyOf({claim}, Results(), results::Adjustment::kNone);
  EXPECT_EQ(none.checks_judged, 2);
  EXPECT_DOUBLE_EQ(none.level, 0.95);
  results::ClaimsFamily bonferroni = FamilyOf({claim}, Results(), results::Adjustment::kBonferroni);
  EXPECT_EQ(bonferroni.checks_judged, 2);
  EXPECT_DOUBLE_EQ(bonferroni.level, 0.975);
  results::ClaimVerdict v = Evaluate({claim}, Results(), bonferroni)[0];
  EXPECT_NE(v.checks[0].detail.find("(97.5% CI 1.5 to 1.5, n = 5)"), std::string::npos) << v.checks[0].detail;
}

// Results where one implementation sustained 25K req/s (P99 310 ms) and the other did not.
results::RunResults CensoredAt25k(bool rust_kept_up) {
  results::RunResults r = Results();
  results::HttpWorkload& w = *r.workloads[0].http();
  w.load = results::HttpLoadPlan{};
  w.load->fixed_rates = {25000};
  auto trial = [](bool reached) {
    results::LoadPoint p;
    p.reached = reached;
    if (reached) p.latency_p99_ns = 310'000'000;
    results::HttpTrial t;
    t.load_points = results::LoadPoints{{}, {{"25000", p}}, std::nullopt};
    return t;
  };
  w.implementations[0].trials = {trial(!rust_kept_up)};  // go-nethttp
  w.implementations[1].trials = {trial(rust_kept_up)};   // rust-axum
  return r;
}

TEST(Verdicts, ARateOnlyOneSideSustainedIsCensoredEvidence) {
  Claim claim;
  claim.id = "p99-25k";
  claim.stated = {{"ratio", "5x better tail"}};
  Check c = RatioCheck({0.2, 0.2}, 0.25);  // rust/go P99: Rust's tail lower
  c.metric = "latency_p99_at_25000_rps_ns";
  claim.checks = {c};
  results::ClaimVerdict held = Evaluate({claim}, CensoredAt25k(true))[0];
  EXPECT_EQ(held.verdict, Verdict::kInconclusive);
  EXPECT_EQ(held.checks[0].direction, results::Direction::kHolds);
  EXPECT_EQ(held.checks[0].magnitude, results::Magnitude::kUndecided);
  EXPECT_EQ(held.checks[0].detail.rfind("censored: rust-axum sustained 25000 req/s in every trial and go-nethttp in none",
                                         0),
            0u)
      << held.checks[0].detail;
  results::ClaimVerdict reversed = Evaluate({claim}, CensoredAt25k(false))[0];
  EXPECT_EQ(reversed.verdict, Verdict::kContradicted) << reversed.checks[0].detail;
  EXPECT_EQ(reversed.checks[0].direction, results::Direction::kReversed);
  EXPECT_EQ(FamilyOf({claim}, CensoredAt25k(true), results::Adjustment::kNone).checks_judged, 1);
}

TEST(Verdicts, DisagreeingChecksAreMixedWithTheirCounts) {
  Claim claim;
  claim.id = "mixed";
  claim.stated = {{"ratio", "x"}};
  Check a = RatioCheck({1.4, 1.6});
  Check b = RatioCheck({3, 4});
  b.label = "other";
  claim.checks = {a, b};
  results::ClaimVerdict r = Evaluate({claim}, Results())[0];
  EXPECT_EQ(r.verdict, Verdict::kMixed);
  EXPECT_EQ(r.detail, "mixed: 1 of 2 checks contradicted, 1 consistent");
}

// Two batch tasks with `n` runner processes a side: on "a" Rust takes half Go's time, on
// "b" twice: the geometric mean of the time ratios is exactly 1.
results::RunResults TwoTasks(int n) {
  auto side = [&](const char* id, const char* language, double scale) {
    results::BatchEntry e;
    e.id = id;
    e.language = language;
    std::vector<double> samples;
    for (int i = 0; i < n; ++i) samples.push_back(scale * (10 + i));
    results::Summary s;
    s.samples = samples;
    s.n = n;
    s.median = n % 2 ? samples[n / 2] : (samples[n / 2 - 1] + samples[n / 2]) / 2;
    e.summary = {{"iteration_ns", s}};
    return e;
  };
  results::BatchWorkload w;
  w.id = "cpu-bound";
  for (auto [task, rust_scale] : {std::pair{"a", 0.5}, std::pair{"b", 2.0}}) {
    results::BatchTaskResult t;
    t.id = task;
    t.implementations = {side("go-cpu", "go", 1.0), side("rust-cpu", "rust", rust_scale)};
    w.tasks.push_back(t);
  }
  results::RunResults r;
  r.workloads.push_back({w});
  return r;
}

Check GeomeanCheck(Range range) {
  Check c;
  c.label = "benchmarks";
  c.workload = Check::kGeomean;
  c.metric = "time";
  c.ratio = range;
  return c;
}

TEST(Verdicts, GeneralBenchmarkClaimsAreJudgedOnTheGeometricMeanOfEveryWorkload) {
  // "Rust 2-5x faster in benchmarks": one task alone (a, 2x) would agree; the geometric
  // mean over both is parity, and its simultaneous interval (each task at 97.5%) holds 1.
  results::ClaimVerdict v = OneOn(GeomeanCheck({0.2, 0.5}), TwoTasks(6));
  const results::CheckVerdict& c = v.checks[0];
  ASSERT_TRUE(c.measured.has_value());
  EXPECT_DOUBLE_EQ(*c.measured, 1.0);
  ASSERT_TRUE(c.ci_low && c.ci_high);
  EXPECT_LT(*c.ci_low, 1.0);
  EXPECT_GT(*c.ci_high, 1.0);
  EXPECT_GT(*c.ci_low, 0.5);  // so Rust is not 2x faster overall: contradicted, no direction detected
  EXPECT_EQ(c.verdict, Verdict::kContradicted);
  EXPECT_EQ(c.direction, results::Direction::kNoDifference);
  EXPECT_NE(c.detail.find("cpu-bound/a 0.5 ["), std::string::npos) << c.detail;
  EXPECT_NE(c.detail.find("cpu-bound/b 2 ["), std::string::npos) << c.detail;
  EXPECT_NE(c.detail.find("intervals at 97.50% each"), std::string::npos) << c.detail;
}

TEST(Verdicts, AGeometricMeanNeedsEnoughSamplesForItsStricterPerWorkloadLevel) {
  // 4 a side gives a 95% interval for one ratio, but not the 97.5% each of two needs.
  results::ClaimVerdict v = OneOn(GeomeanCheck({0.2, 0.5}), TwoTasks(4));
  EXPECT_EQ(v.checks[0].verdict, Verdict::kInconclusive);
  EXPECT_NE(v.checks[0].detail.find("needs n >= 5 a side"), std::string::npos) << v.checks[0].detail;
}

TEST(Verdicts, ACheckWhoseConditionsCannotBeMetIsListedNotJudged) {
  Check c = RatioCheck({1.4, 1.6});
  c.not_measured = "stated for 2 server cores; this machine's server has 1";
  results::ClaimVerdict v = One(c);
  EXPECT_EQ(v.verdict, Verdict::kNotMeasured);
  EXPECT_EQ(v.checks[0].detail, "stated for 2 server cores; this machine's server has 1");
  EXPECT_EQ(v.checks[0].metric, "requests_per_s");
}

// Rates reached in some trials only, overload claims where both kept up, and overloads the
// load generator may have caused: none of them is a figure.
TEST(Verdicts, ARateReachedInSomeTrialsOnlyOrByBothIsNotAnOverloadFigure) {
  Check c = RatioCheck({0.2, 0.2}, 0.1);
  c.metric = "latency_p99_at_25000_rps_ns";
  results::RunResults partial = CensoredAt25k(true);
  results::HttpImplementation& go = partial.workloads[0].http()->implementations[0];
  go.trials.push_back(partial.workloads[0].http()->implementations[1].trials[0]);  // go: reached in 1 of 2
  results::ClaimVerdict v = OneOn(c, partial);
  EXPECT_EQ(v.verdict, Verdict::kNotMeasured);
  EXPECT_EQ(v.checks[0].detail.rfind("go-nethttp reached 25000 req/s in 1 of 2 trials", 0), 0u) << v.checks[0].detail;
  Claim claim;
  claim.id = "x";
  claim.checks = {c};
  EXPECT_EQ(FamilyOf({claim}, partial, results::Adjustment::kNone).checks_judged, 0);

  Check overload = c;
  overload.metric = "latency_p99_overloaded_at_25000_rps_ns";
  results::RunResults both_kept_up = CensoredAt25k(true);
  both_kept_up.workloads[0].http()->implementations[0].trials = both_kept_up.workloads[0].http()->implementations[1].trials;
  EXPECT_EQ(OneOn(overload, both_kept_up).checks[0].detail.rfind("neither go-nethttp nor rust-axum was overloaded", 0), 0u);

  results::RunResults both_fell_behind = CensoredAt25k(true);
  auto& impls = both_fell_behind.workloads[0].http()->implementations;
  impls[1].trials = impls[0].trials;  // go fell behind; now rust too
  for (auto& i : impls) i.trials[0].load_points->fixed_rates["25000"].client_saturated = true;
  const results::CheckVerdict saturated = OneOn(overload, both_fell_behind).checks[0];
  EXPECT_EQ(saturated.verdict, Verdict::kNotMeasured);
  EXPECT_NE(saturated.detail.find("the load generator saturated"), std::string::npos) << saturated.detail;
}

// A part whose pair failed is listed, and the mean is shown but not decided.
TEST(Verdicts, AGeometricMeanMissingAPartIsNotDecided) {
  results::RunResults r = TwoTasks(6);
  results::BatchEntry& rust_b = r.workloads[0].batch()->tasks[1].implementations[1];
  rust_b.status = results::Status::kCrashed;
  rust_b.error = "killed by signal 11";
  rust_b.summary.clear();
  const results::CheckVerdict c = OneOn(GeomeanCheck({0.2, 0.5}), r).checks[0];
  EXPECT_EQ(c.verdict, Verdict::kInconclusive) << c.detail;
  EXPECT_EQ(c.detail.rfind("1 comparable part(s) have no figure for their pair", 0), 0u) << c.detail;
  EXPECT_NE(c.detail.find("excluded cpu-bound/b: rust-cpu on cpu-bound/b: crashed"), std::string::npos) << c.detail;
}

// Iterations of one runner process are one sample to a verdict, however many there are, and
// one sample of a process-level figure gives no interval: too few, not a +-10% guess.
TEST(Verdicts, IterationsOfOneRunnerProcessAreOneSample) {
  results::RunResults r = TwoTasks(6);
  for (auto& e : r.workloads[0].batch()->tasks[0].implementations) {
    e.measure_ns = e.summary.at("iteration_ns").samples;
    e.process = {results::RunnerProcess{6, 0, std::nullopt, std::nullopt, std::nullopt, std::nullopt, std::nullopt, ""}};
  }
  Check c = RatioCheck({0.4, 0.6});
  c.workload = "cpu-bound/a";
  c.metric = "iteration_ns";
  c.go = "go-cpu";
  c.rust = "rust-cpu";
  const results::CheckVerdict v = OneOn(c, r).checks[0];
  EXPECT_EQ(v.n.at("go"), 1);
  EXPECT_EQ(v.verdict, Verdict::kInconclusive) << v.detail;
  EXPECT_NE(v.detail.find("from n = 1: too few samples for a 95% interval; needs n >= 4 a side"), std::string::npos)
      << v.detail;
}

// A geomean check listed as not measured (a task the project lacks) is not judged.
TEST(Verdicts, AGeometricMeanListedAsNotMeasuredIsNotJudged) {
  Check c = GeomeanCheck({0.2, 0.5});
  c.not_measured = "no compression workload in this project";
  const results::CheckVerdict v = OneOn(c, TwoTasks(6)).checks[0];
  EXPECT_EQ(v.verdict, Verdict::kNotMeasured);
  EXPECT_EQ(v.detail, "no compression workload in this project");
  EXPECT_EQ(v.expected, "rust/go in [0.2, 0.5] (no tolerance)");
}

}  // namespace
}  // namespace claimbench::claims
