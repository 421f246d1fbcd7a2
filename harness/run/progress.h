// The console's account of a run: the plan and an estimate first, then one line per step,
// "[k/N] 3m05s elapsed, ~14m left: http-json-api / go-nethttp: trial 2 of 6", result lines
// under a step, and a heartbeat when a step has printed nothing for a while (a cold build
// can take a minute and a half). The estimate of what is left scales the plan's guesses by
// how fast the steps done so far went against theirs, so it corrects itself as the run goes.
// Builds and measurements keep separate paces: a cached build is done in no time against a
// guess of a minute, which says nothing about how long a trial's window takes.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <ostream>
#include <string>
#include <thread>

namespace claimbench::run {

/// "45s", "3m05s", "1h02m".
std::string ShortDuration(std::chrono::seconds d);

/// What a step does, for the pace: builds are guessed far less well than measurement windows.
enum class StepKind { kBuild, kMeasure };

/// The plan's guessed seconds, by kind of step.
struct PlannedSeconds {
  double build = 0;
  double measure = 0;
  double Total() const { return build + measure; }
};

class Progress {
 public:
  using Clock = std::function<std::chrono::steady_clock::time_point()>;

  /// `steps` and `planned`: how many steps the run plans and their guessed seconds by kind.
  /// `heartbeat`: how long a step may stay silent before a line says it is still running
  /// (0: never).
  Progress(std::ostream& out, size_t steps, PlannedSeconds planned,
           std::chrono::seconds heartbeat = std::chrono::seconds(30),
           Clock clock = std::chrono::steady_clock::now);
  ~Progress();
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  /// The plan's one-line summary and the whole estimate.
  void PrintPlan(const std::string& what);
  /// Starts the next step, guessed to take `planned_s`: its line with the counts, elapsed
  /// time and what is left.
  void Step(const std::string& label, double planned_s, StepKind kind = StepKind::kMeasure);
  /// A line under the current step ("  85,579 req/s, p99 1.73 ms").
  void Note(const std::string& line);

  /// Seconds the steps not yet done should take: for each kind, the plan's guesses scaled by
  /// the pace of that kind's finished steps, (actual + 60 s) / (guessed + 60 s). The 60 s
  /// trust the plan as if a minute of steps had gone exactly to it, so the first few quick
  /// or slow steps do not swing the estimate by a factor of ten.
  double EstimatedLeftSeconds() const;

 private:
  void Heartbeat();
  double Elapsed() const;
  double LeftLocked() const;  ///< EstimatedLeftSeconds, with mutex_ held

  std::ostream& out_;
  size_t steps_;
  struct KindAccount {
    double planned_total_s = 0;
    double planned_done_s = 0;  ///< guesses of the steps finished
    double actual_done_s = 0;   ///< what those steps took
  };
  KindAccount& AccountOf(StepKind kind) { return accounts_[static_cast<size_t>(kind)]; }

  KindAccount accounts_[2];
  double planned_current_s_ = 0;  ///< guess of the step running
  StepKind current_kind_ = StepKind::kMeasure;
  std::chrono::seconds heartbeat_;
  Clock clock_;
  std::chrono::steady_clock::time_point start_;
  size_t done_ = 0;  ///< steps started before the current one
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::chrono::steady_clock::time_point last_line_;
  std::chrono::steady_clock::time_point step_start_;
  std::string current_;
  bool stop_ = false;
  std::thread heartbeat_thread_;
};

}  // namespace claimbench::run
