// gctrace parsing against lines in the format Go prints.
#include <gtest/gtest.h>

#include "run/gc_trace.h"

namespace claimbench::run {
namespace {

constexpr const char* kLog =
    "2026/11/23 12:40:29 listening on 127.0.0.1:37929\n"
    "gc 1 @0.012s 1%: 0.010+0.52+0.003 ms clock, 0.010+0.10/0.20/0+0.003 ms cpu, 3->4->0 MB, 4 MB goal, 0 MB "
    "stacks, 0 MB globals, 1 P\n"
    "gc 2 @1.500s 3%: 0.020+1.1+0.080 ms clock, 0.020+0/0.3/0+0.080 ms cpu, 4->4->1 MB, 5 MB goal, 1 P\n"
    "gc 3 @2.250s 3%: 0.400+2.0+0.100 ms clock, 0.4+0/1/0+0.1 ms cpu, 4->5->1 MB, 5 MB goal, 1 P\n"
    "scvg: not a gc line\n";

TEST(GcTrace, ParsesEveryCycle) {
  auto cycles = ParseGcTrace(kLog);
  ASSERT_EQ(cycles.size(), 3u);
  EXPECT_EQ(cycles[1].number, 2);
  EXPECT_DOUBLE_EQ(cycles[1].at_s, 1.5);
  EXPECT_DOUBLE_EQ(cycles[1].sweep_termination_ms, 0.02);
  EXPECT_DOUBLE_EQ(cycles[1].concurrent_mark_ms, 1.1);
  EXPECT_DOUBLE_EQ(cycles[1].mark_termination_ms, 0.08);
}

TEST(GcTrace, SummaryCountsOnlyTheWindow) {
  auto s = GcPauseSummary(ParseGcTrace(kLog), 1.0, 3.0);
  EXPECT_EQ(s.cycles, 2);
  EXPECT_EQ(s.pauses, 4);
  EXPECT_DOUBLE_EQ(s.pause_max_us.value(), 400.0);
  EXPECT_DOUBLE_EQ(s.pause_p50_us.value(), 80.0);  // sorted 20, 80, 100, 400: rank 2
  EXPECT_DOUBLE_EQ(s.pause_total_us, 600.0);
  EXPECT_DOUBLE_EQ(s.cycles_per_s, 1.0);
}

TEST(GcTrace, ReadsHeapSizesAndSaysNothingOfTinyLiveHeaps) {
  auto cycles = ParseGcTrace(kLog);
  EXPECT_EQ(cycles[2].heap_start_mb, 4);
  EXPECT_EQ(cycles[2].heap_end_mb, 5);
  EXPECT_EQ(cycles[2].live_mb, 1);
  EXPECT_EQ(cycles[2].goal_mb, 5);
  auto s = GcPauseSummary(cycles, 0, 3);
  EXPECT_EQ(s.live_heap_max_mb, 1);
  EXPECT_FALSE(s.heap_over_live.has_value());  // live heaps of 0-1 MB: whole-MB rounding
}

TEST(GcTrace, HeapOverLiveIsTheMedianOverReadableCycles) {
  // Live 10 MB then heap 22 at the next cycle's end (2.2); live 20 then 38 (1.9); live 3
  // then 9 (not read: live under 4 MB); live 8 then 24 (3.0). Median of 2.2, 1.9, 3.0 = 2.2.
  const char* log =
      "gc 1 @0.1s 1%: 0.01+0.1+0.01 ms clock, 0+0/0/0+0 ms cpu, 12->12->10 MB, 20 MB goal, 1 P\n"
      "gc 2 @0.2s 1%: 0.01+0.1+0.01 ms clock, 0+0/0/0+0 ms cpu, 21->22->20 MB, 40 MB goal, 1 P\n"
      "gc 3 @0.3s 1%: 0.01+0.1+0.01 ms clock, 0+0/0/0+0 ms cpu, 38->38->3 MB, 6 MB goal, 1 P\n"
      "gc 4 @0.4s 1%: 0.01+0.1+0.01 ms clock, 0+0/0/0+0 ms cpu, 9->9->8 MB, 16 MB goal, 1 P\n"
      "gc 5 @0.5s 1%: 0.01+0.1+0.01 ms clock, 0+0/0/0+0 ms cpu, 24->24->8 MB, 16 MB goal, 1 P\n";
  auto s = GcPauseSummary(ParseGcTrace(log), 0, 1);
  ASSERT_TRUE(s.heap_over_live.has_value());
  EXPECT_DOUBLE_EQ(*s.heap_over_live, 2.2);
  EXPECT_EQ(s.live_heap_max_mb, 20);
}

TEST(GcTrace, NoCyclesHasNoPausePercentiles) {
  auto s = GcPauseSummary({}, 0, 1);
  EXPECT_EQ(s.cycles, 0);
  EXPECT_FALSE(s.pause_p99_us.has_value());
  EXPECT_FALSE(s.pause_max_us.has_value());
  EXPECT_EQ(s.pause_total_us, 0.0);
}

}  // namespace
}  // namespace claimbench::run
