// The regression gate on seeded cells whose truth is known: an A/A family flags at most
// one cell and its raw rejections fall on both sides; a planted 30% regression (and
// improvement) is found and named; a bimodal set, too few samples, exact figures and a
// lost implementation are each reported as what they are.
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "compare/compare_report.h"
#include "compare/gate.h"
#include "stats/metric_registry.h"
#include "util/splitmix64.h"

namespace claimbench::compare {
namespace {

const stats::MetricRegistry& Registry() {
  static const stats::MetricRegistry registry({}, {});
  return registry;
}

// Log-normal samples around `median` with a 3% spread: trial-to-trial noise of a shared VM.
std::vector<double> Samples(uint64_t& seed, int n, double median, double spread = 0.03) {
  std::vector<double> out;
  for (int i = 0; i < n; ++i) {
    const double u1 = (static_cast<double>(SplitMix64(seed) >> 11) + 1) / 9007199254740993.0;
    const double u2 = static_cast<double>(SplitMix64(seed) >> 11) / 9007199254740992.0;
    out.push_back(median * std::exp(spread * std::sqrt(-2 * std::log(u1)) * std::cos(2 * M_PI * u2)));
  }
  return out;
}

Cell MakeCell(const std::string& impl, const std::string& metric, std::vector<double> base, std::vector<double> fresh) {
  return Cell{{"http-json-api", impl, metric}, Registry().Get(metric), {std::move(base), "trials"}, {std::move(fresh), "trials"}};
}

// 100 cells of requests_per_s, BASE and NEW from one distribution.
PairedCells AaFamily(uint64_t seed, int n) {
  PairedCells paired;
  for (int c = 0; c < 100; ++c) {
    auto base = Samples(seed, n, 40000);
    auto fresh = Samples(seed, n, 40000);
    paired.cells.push_back(MakeCell("impl-" + std::to_string(c), "requests_per_s", base, fresh));
  }
  return paired;
}

int Flags(const GateResult& g) { return g.Count(CellChange::kRegression) + g.Count(CellChange::kImprovement); }

TEST(Gate, AaFamilyOfFiveASideFlagsNothingAndSaysWhy) {
  const GateResult g = JudgeCells(AaFamily(7, 5), {});
  EXPECT_LE(Flags(g), 1);
  EXPECT_EQ(g.family, 100);
  // 5 + 5 gives p >= 0.0079, above 0.05 / 100: no cell of this family can be flagged.
  EXPECT_EQ(g.reachable, 0);
  EXPECT_EQ(g.samples_needed, 8);  // 2 / C(16, 8) = 1.6e-4 <= 5e-4
  EXPECT_FALSE(g.Regressed());
  EXPECT_NE(VerdictLine(g).find("no regression: 100 cells compared, 0 could be flagged"), std::string::npos);
}

TEST(Gate, AaFamiliesOfTenASideFlagAtMostOneAndRejectOnBothSides) {
  int raw_lower = 0, raw_higher = 0, raw_tests = 0;
  for (uint64_t seed = 1; seed <= 20; ++seed) {
    const GateResult g = JudgeCells(AaFamily(seed * 1000003, 10), {});
    // A normal sample is called bimodal 0.1% of the time: about one side in 500 leaves the family.
    EXPECT_GE(g.family, 98) << "seed " << seed;
    EXPECT_EQ(g.reachable, g.family) << "seed " << seed;
    EXPECT_LE(Flags(g), 1) << "seed " << seed;
    for (const auto& j : g.cells) {
      if (!j.p) continue;
      ++raw_tests;
      if (*j.p < 0.05) (j.ratio < 1 ? raw_lower : raw_higher)++;
    }
  }
  // Unadjusted, about 5% of 2000 tests reject, and on both sides: the test is two-sided.
  EXPECT_GT(raw_lower, 20);
  EXPECT_GT(raw_higher, 20);
  EXPECT_LT(raw_lower + raw_higher, raw_tests / 10);
}

TEST(Gate, APlantedRegressionIsFlaggedAndNamed) {
  PairedCells paired = AaFamily(99, 10);
  uint64_t seed = 5;
  paired.cells[42].fresh.samples = Samples(seed, 10, 40000 * 0.7);  // 30% fewer req/s
  paired.cells[7].fresh.samples = Samples(seed, 10, 40000 * 1.3);   // 30% more
  const GateResult g = JudgeCells(paired, {});
  EXPECT_EQ(g.cells[42].change, CellChange::kRegression);
  EXPECT_LT(*g.cells[42].ci_high, 0.97);
  EXPECT_EQ(g.cells[7].change, CellChange::kImprovement);
  EXPECT_EQ(g.Count(CellChange::kRegression), 1);
  EXPECT_TRUE(g.Regressed());
  const std::string line = VerdictLine(g);
  EXPECT_EQ(line.rfind("REGRESSION (1): http-json-api / impl-42 / requests_per_s -", 0), 0u) << line;
  EXPECT_NE(line.find("Holm p"), std::string::npos) << line;
}

TEST(Gate, ASignificantChangeInsideTheFloorIsNotARegression) {
  uint64_t seed = 3;
  PairedCells paired;
  paired.cells.push_back(MakeCell("a", "requests_per_s", Samples(seed, 10, 40000, 0.002), Samples(seed, 10, 39600, 0.002)));
  const GateResult g = JudgeCells(paired, {});
  EXPECT_EQ(g.cells[0].change, CellChange::kWithinFloor);  // -1%: real, under the 3% floor
  GateOptions strict;
  strict.threshold = 0.005;
  EXPECT_EQ(JudgeCells(paired, strict).cells[0].change, CellChange::kRegression);
}

TEST(Gate, ABimodalSetIsNeverARegression) {
  uint64_t seed = 11;
  std::vector<double> fresh = Samples(seed, 5, 40000, 0.005);
  for (double v : Samples(seed, 5, 28000, 0.005)) fresh.push_back(v);
  PairedCells paired;
  paired.cells.push_back(MakeCell("a", "requests_per_s", Samples(seed, 10, 40000, 0.005), fresh));
  const GateResult g = JudgeCells(paired, {});
  EXPECT_EQ(g.cells[0].change, CellChange::kBimodal);
  EXPECT_FALSE(g.Regressed());
  EXPECT_EQ(g.family, 0);
  EXPECT_NE(g.cells[0].reason.find("NEW's samples fall in two groups (5 up to"), std::string::npos) << g.cells[0].reason;
}

TEST(Gate, ThreeTrialsASideCanNeverReachSignificance) {
  PairedCells paired;
  paired.cells.push_back(MakeCell("a", "requests_per_s", {40000, 40100, 39900}, {20000, 20100, 19900}));
  const GateResult g = JudgeCells(paired, {});
  EXPECT_EQ(g.cells[0].change, CellChange::kTooFewSamples);
  EXPECT_NEAR(*g.cells[0].min_p, 0.1, 1e-12);
  EXPECT_FALSE(g.Regressed());
}

TEST(Gate, ExactFiguresCompareAgainstTheirFloor) {
  PairedCells paired;
  Cell size = MakeCell("a", "binary_stripped_bytes", {1000000}, {1020000});  // +2% > 1%
  size.key.workload = "build";
  Cell same = MakeCell("b", "binary_stripped_bytes", {1000000}, {1005000});  // +0.5%
  same.key.workload = "build";
  paired.cells = {size, same};
  const GateResult g = JudgeCells(paired, {});
  EXPECT_TRUE(g.cells[0].exact);
  EXPECT_EQ(g.cells[0].change, CellChange::kRegression);
  EXPECT_EQ(g.cells[1].change, CellChange::kNoChange);
  EXPECT_EQ(g.family, 0);
  EXPECT_EQ(VerdictLine(g), "REGRESSION (1): build / a / binary_stripped_bytes +2.0% (exact)");
}

TEST(Gate, AnImplementationThatStoppedWorkingIsARegression) {
  PairedCells paired;
  paired.lost.push_back({"http-json-api", "rust-axum", results::Status::kOk, results::Status::kVerifyFailed, "bad body"});
  const GateResult g = JudgeCells(paired, {});
  EXPECT_TRUE(g.Regressed());
  EXPECT_EQ(VerdictLine(g), "REGRESSION (1): http-json-api / rust-axum verify_failed in NEW");
}

TEST(Gate, ConfirmationKeepsOnlyRegressionsTheRerunShows) {
  PairedCells paired = AaFamily(99, 10);
  uint64_t seed = 5;
  paired.cells[42].fresh.samples = Samples(seed, 10, 28000);
  paired.cells[43].fresh.samples = Samples(seed, 10, 28000);
  GateResult first = JudgeCells(paired, {});
  ASSERT_EQ(first.Count(CellChange::kRegression), 2);
  PairedCells rerun;
  rerun.cells = {paired.cells[42], paired.cells[43]};
  rerun.cells[1].fresh.samples = Samples(seed, 10, 40000);  // the second was a bad moment
  ApplyConfirmation(first, JudgeCells(rerun, {}));
  EXPECT_EQ(first.cells[42].change, CellChange::kRegression);
  EXPECT_EQ(first.cells[43].change, CellChange::kUnconfirmed);
}

}  // namespace
}  // namespace claimbench::compare
