// The run's progress lines, on a clock the test moves.
#include <gtest/gtest.h>

#include <sstream>

#include "run/progress.h"

namespace claimbench::run {
namespace {

using namespace std::chrono_literals;

TEST(ShortDuration, ReadsLikeAStopwatch) {
  EXPECT_EQ(ShortDuration(45s), "45s");
  EXPECT_EQ(ShortDuration(185s), "3m05s");
  EXPECT_EQ(ShortDuration(3720s), "1h02m");
}

// The estimate starts from the plan, then scales by the pace of the steps done, trusting the plan
// as if 60 s had gone to it: the first step took 20 s against a guess of 10, so the pace is
// (20 + 60) / (10 + 60) and the 30 s left are taken to need 34 s.
TEST(Progress, EstimatesWhatIsLeftFromThePaceSoFar) {
  std::ostringstream out;
  auto now = std::chrono::steady_clock::time_point{};
  Progress progress(out, 3, {.build = 0, .measure = 40}, 0s, [&] { return now; });
  progress.PrintPlan("3 trials");
  progress.Step("a", 10);
  now += 20s;
  progress.Step("b", 10);
  progress.Note("85,579 req/s");
  now += 10s;
  progress.Step("c", 20);
  EXPECT_EQ(out.str(),
            "claimbench: plan: 3 trials; 3 steps, about 40s (a guess from the windows and typical build times; "
            "corrected as the run goes)\n"
            "claimbench: [1/3] 0s elapsed, ~40s left: a\n"
            "claimbench: [2/3] 20s elapsed, ~34s left: b\n"
            "claimbench:   85,579 req/s\n"
            "claimbench: [3/3] 30s elapsed, ~22s left: c\n");  // (30 + 60) / (20 + 60) x 20 s
}

// Cached builds finish in no time against guesses of 90 s each: the builds still to come are
// taken to be quick too, and the trials keep their own pace. (One pace for all steps put this at
// "~1m28s left" before the first trial of a run that took half an hour.)
TEST(Progress, CachedBuildsDoNotShortenTheTrials) {
  std::ostringstream out;
  auto now = std::chrono::steady_clock::time_point{};
  Progress progress(out, 5, {.build = 4 * 90, .measure = 600}, 0s, [&] { return now; });
  progress.Step("build", 90, StepKind::kBuild);
  EXPECT_NEAR(progress.EstimatedLeftSeconds(), 4 * 90 + 600, 1e-9);  // the plan, before any step ends
  for (int i = 0; i < 3; ++i) progress.Step("build", 90, StepKind::kBuild);
  // Three builds took 0 s against 270 s: the fourth is taken to need 90 x 60 / 330 s.
  EXPECT_NEAR(progress.EstimatedLeftSeconds(), 90.0 * 60 / 330 + 600, 1e-9);
  progress.Step("trial", 600);
  EXPECT_NEAR(progress.EstimatedLeftSeconds(), 600, 1e-9);  // the trials' pace is their own
  now += 300s;
  EXPECT_NEAR(progress.EstimatedLeftSeconds(), 600, 1e-9);  // a step is counted when it ends
}

}  // namespace
}  // namespace claimbench::run
