// The run's console progress.
#include "run/progress.h"

#include <fmt/format.h>

#include <algorithm>

namespace claimbench::run {

std::string ShortDuration(std::chrono::seconds d) {
  const long long s = d.count() < 0 ? 0 : d.count();
  if (s < 60) return fmt::format("{}s", s);
  if (s < 3600) return fmt::format("{}m{:02}s", s / 60, s % 60);
  return fmt::format("{}h{:02}m", s / 3600, (s % 3600) / 60);
}

// How many seconds of steps gone exactly to plan the pace starts from (see EstimatedLeftSeconds).
constexpr double kPlanTrustSeconds = 60;

Progress::Progress(std::ostream& out, size_t steps, PlannedSeconds planned, std::chrono::seconds heartbeat,
                   Clock clock)
    : out_(out), steps_(steps), heartbeat_(heartbeat), clock_(std::move(clock)), start_(clock_()),
      last_line_(start_), step_start_(start_) {
  AccountOf(StepKind::kBuild).planned_total_s = planned.build;
  AccountOf(StepKind::kMeasure).planned_total_s = planned.measure;
  if (heartbeat_.count() > 0) heartbeat_thread_ = std::thread([this] { Heartbeat(); });
}

Progress::~Progress() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  wake_.notify_all();
  if (heartbeat_thread_.joinable()) heartbeat_thread_.join();
}

double Progress::Elapsed() const { return std::chrono::duration<double>(clock_() - start_).count(); }

double Progress::EstimatedLeftSeconds() const {
  std::lock_guard lock(mutex_);
  return LeftLocked();
}

double Progress::LeftLocked() const {
  double left = 0;
  for (const KindAccount& account : accounts_) {
    const double planned_left = std::max(0.0, account.planned_total_s - account.planned_done_s);
    const double pace = (account.actual_done_s + kPlanTrustSeconds) / (account.planned_done_s + kPlanTrustSeconds);
    left += planned_left * pace;
  }
  return left;
}

void Progress::PrintPlan(const std::string& what) {
  std::lock_guard lock(mutex_);
  out_ << fmt::format("claimbench: plan: {}; {} steps, about {} (a guess from the windows and typical build times; "
                      "corrected as the run goes)\n",
                      what, steps_, ShortDuration(std::chrono::seconds(static_cast<long long>(LeftLocked()))));
  out_.flush();
  last_line_ = clock_();
}

void Progress::Step(const std::string& label, double planned_s, StepKind kind) {
  std::lock_guard lock(mutex_);
  const auto now = clock_();
  if (!current_.empty()) {
    ++done_;
    KindAccount& finished = AccountOf(current_kind_);
    finished.planned_done_s += planned_current_s_;
    finished.actual_done_s += std::chrono::duration<double>(now - step_start_).count();
  }
  current_ = label;
  planned_current_s_ = planned_s;
  current_kind_ = kind;
  step_start_ = now;
  const auto elapsed = std::chrono::seconds(static_cast<long long>(Elapsed()));
  const auto left = std::chrono::seconds(static_cast<long long>(LeftLocked()));
  out_ << fmt::format("claimbench: [{}/{}] {} elapsed, ~{} left: {}\n", done_ + 1, std::max(steps_, done_ + 1),
                      ShortDuration(elapsed), ShortDuration(left), label);
  out_.flush();
  last_line_ = clock_();
}

void Progress::Note(const std::string& line) {
  std::lock_guard lock(mutex_);
  out_ << "claimbench:   " << line << "\n";
  out_.flush();
  last_line_ = clock_();
}

void Progress::Heartbeat() {
  std::unique_lock lock(mutex_);
  while (!stop_) {
    wake_.wait_for(lock, heartbeat_);  // woken early only to stop
    if (stop_ || current_.empty()) continue;
    const auto silent = clock_() - last_line_;
    if (silent >= heartbeat_) {
      out_ << fmt::format("claimbench:   ... still running: {} ({} so far)\n", current_,
                          ShortDuration(std::chrono::duration_cast<std::chrono::seconds>(clock_() - step_start_)));
      out_.flush();
      last_line_ = clock_();
    }
  }
}

}  // namespace claimbench::run
