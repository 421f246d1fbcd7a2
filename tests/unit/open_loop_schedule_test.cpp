// SendSchedule: intended times, the exact due count at and around each boundary, the threads
// interleaving into one evenly spaced stream, and rejected rates by message.
#include "load/send_schedule.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

namespace claimbench::load {
namespace {

using namespace std::chrono_literals;
using TimePoint = SendSchedule::TimePoint;

const TimePoint kStart = TimePoint() + 1000s;

TEST(SendScheduleTest, OneThreadSendsAtTheRate) {
  const SendSchedule schedule(kStart, 1000, 0, 1);
  EXPECT_EQ(schedule.Intended(0), kStart);
  EXPECT_EQ(schedule.Intended(1), kStart + 1ms);
  EXPECT_EQ(schedule.Intended(1000), kStart + 1s);
  EXPECT_EQ(schedule.DueBy(kStart - 1ns), 0u);
  EXPECT_EQ(schedule.DueBy(kStart), 1u);  // request 0 is due at the start itself
  EXPECT_EQ(schedule.DueBy(kStart + 999us), 1u);
  EXPECT_EQ(schedule.DueBy(kStart + 1ms), 2u);
  EXPECT_EQ(schedule.DueBy(kStart + 1s - 1ns), 1000u);
}

TEST(SendScheduleTest, DueCountIsExactAtEveryBoundaryForAwkwardRates) {
  for (double rate : {3.0, 7.0, 999.9, 12345.678, 1e6 / 3}) {
    for (int threads : {1, 3, 4}) {
      for (int thread = 0; thread < threads; ++thread) {
        const SendSchedule schedule(kStart, rate, thread, threads);
        for (uint64_t i : {0ull, 1ull, 2ull, 17ull, 1000ull, 123457ull, 10000019ull}) {
          const TimePoint t = schedule.Intended(i);
          ASSERT_EQ(schedule.DueBy(t), i + 1) << rate << " " << thread << "/" << threads << " i=" << i;
          ASSERT_EQ(schedule.DueBy(t - 1ns), i) << rate << " " << thread << "/" << threads << " i=" << i;
        }
      }
    }
  }
}

TEST(SendScheduleTest, ThreadsInterleaveIntoOneEvenlySpacedStream) {
  constexpr int kThreads = 3;
  constexpr double kRate = 3000;  // 333333.33 ns apart
  std::vector<TimePoint> all;
  for (int thread = 0; thread < kThreads; ++thread) {
    const SendSchedule schedule(kStart, kRate, thread, kThreads);
    for (uint64_t i = 0; i < 1000; ++i) all.push_back(schedule.Intended(i));
  }
  std::sort(all.begin(), all.end());
  for (size_t j = 0; j < all.size(); ++j) {
    const auto expected = static_cast<int64_t>(static_cast<double>(j) * (1e9 / kRate));
    ASSERT_EQ((all[j] - kStart).count(), expected) << j;
  }
  // Together the threads owe exactly rate x elapsed requests at any time.
  int64_t due = 0;
  for (int thread = 0; thread < kThreads; ++thread) {
    due += static_cast<int64_t>(SendSchedule(kStart, kRate, thread, kThreads).DueBy(kStart + 1s - 1ns));
  }
  EXPECT_EQ(due, 3000);
}

std::string ErrorOf(double rate, int thread, int threads) {
  try {
    SendSchedule(kStart, rate, thread, threads);
  } catch (const std::invalid_argument& e) {
    return e.what();
  }
  return "no error";
}

TEST(SendScheduleTest, RejectsBadRatesAndThreads) {
  EXPECT_EQ(ErrorOf(0, 0, 1), "rate must be positive (got 0.000000)");
  EXPECT_EQ(ErrorOf(-5, 0, 1), "rate must be positive (got -5.000000)");
  EXPECT_NE(ErrorOf(std::nan(""), 0, 1), "no error");
  EXPECT_NE(ErrorOf(std::numeric_limits<double>::infinity(), 0, 1), "no error");
  EXPECT_EQ(ErrorOf(10, 2, 2), "send schedule: thread 2 of 2");
  EXPECT_EQ(ErrorOf(10, 0, 1), "no error");
}

}  // namespace
}  // namespace claimbench::load
