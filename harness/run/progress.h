// The console's account of a run: the plan and an estimate first, then one line per step,
// "[k/N] 3m05s elapsed, ~14m left: http-json-api / go-nethttp: trial 2 of 6", result lines
// under a step, and a heartbeat when a step has printed nothing for a while (a cold build
// can take a minute and a half). The estimate of what is left scales the plan's guesses by
// how fast the steps done so far went against theirs, so it corrects itself as the run goes.
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

class Progress {
 public:
  using Clock = std::function<std::chrono::steady_clock::time_point()>;

  /// `steps` and `planned_s`: how many steps the run plans and their guessed seconds in all.
  /// `heartbeat`: how long a step may stay silent before a line says it is still running
  /// (0: never).
  Progress(std::ostream& out, size_t steps, double planned_s, std::chrono::seconds heartbeat = std::chrono::seconds(30),
           Clock clock = std::chrono::steady_clock::now);
  ~Progress();
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  /// The plan's one-line summary and the whole estimate.
  void PrintPlan(const std::string& what);
  /// Starts the next step, guessed to take `planned_s`: its line with the counts, elapsed
  /// time and what is left.
  void Step(const std::string& label, double planned_s);
  /// A line under the current step ("  85,579 req/s, p99 1.73 ms").
  void Note(const std::string& line);

  /// Seconds the steps not yet done should take, from the plan scaled by the pace so far.
  double EstimatedLeftSeconds() const;

 private:
  void Heartbeat();
  double Elapsed() const;
  double LeftLocked() const;  ///< EstimatedLeftSeconds, with mutex_ held

  std::ostream& out_;
  size_t steps_;
  double planned_total_s_;
  double planned_done_s_ = 0;     ///< guesses of the steps finished
  double planned_current_s_ = 0;  ///< guess of the step running
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
