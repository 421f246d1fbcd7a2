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

// The estimate starts from the plan, then scales by the pace of the steps done: the first
// step took twice its guess, so what is left is taken to as well.
TEST(Progress, EstimatesWhatIsLeftFromThePaceSoFar) {
  std::ostringstream out;
  auto now = std::chrono::steady_clock::time_point{};
  Progress progress(out, 3, 40, 0s, [&] { return now; });
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
            "claimbench: [2/3] 20s elapsed, ~1m00s left: b\n"
            "claimbench:   85,579 req/s\n"
            "claimbench: [3/3] 30s elapsed, ~30s left: c\n");
}

}  // namespace
}  // namespace claimbench::run
