// The live one-line progress of `claimbench load`.
#include "cli/live_load_line.h"

#include <fmt/format.h>

#include "stats/display.h"

namespace claimbench::cli {
namespace {

// "345,120": a count with the reports' thousands separators.
std::string Count(uint64_t n) {
  const auto v = static_cast<double>(n);
  return stats::Show(v, stats::PlainScale(v));
}

}  // namespace

std::string LiveLoadText(double elapsed_s, double warmup_s, double window_s, uint64_t done, uint64_t last_second,
                         uint64_t limit) {
  if (elapsed_s < warmup_s) return fmt::format("  warmup {:.0f}s/{:.0f}s", elapsed_s, warmup_s);
  if (limit > 0) {
    return fmt::format("  window {:.0f}s  {}/{} done  {} req/s", elapsed_s - warmup_s, Count(done), Count(limit),
                       Count(last_second));
  }
  return fmt::format("  window {:.0f}s/{:.0f}s  {} done  {} req/s", elapsed_s - warmup_s, window_s, Count(done),
                     Count(last_second));
}

LiveLoadLine::LiveLoadLine(std::ostream& out, const std::atomic<uint64_t>& completed, std::chrono::nanoseconds warmup,
                           std::chrono::nanoseconds window, uint64_t limit)
    : out_(out),
      completed_(completed),
      warmup_s_(std::chrono::duration<double>(warmup).count()),
      window_s_(std::chrono::duration<double>(window).count()),
      limit_(limit),
      thread_([this] { Loop(); }) {}

LiveLoadLine::~LiveLoadLine() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  wake_.notify_all();
  thread_.join();
  out_ << "\r\033[K" << std::flush;  // clear the line
}

void LiveLoadLine::Loop() {
  const auto start = std::chrono::steady_clock::now();
  uint64_t before = completed_.load(std::memory_order_relaxed);
  std::unique_lock lock(mutex_);
  while (!wake_.wait_for(lock, std::chrono::seconds(1), [this] { return stop_; })) {
    const uint64_t now_done = completed_.load(std::memory_order_relaxed);
    const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    out_ << "\r\033[K" << LiveLoadText(elapsed, warmup_s_, window_s_, now_done, now_done - before, limit_) << std::flush;
    before = now_done;
  }
}

}  // namespace claimbench::cli
