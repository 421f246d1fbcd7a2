// What the closed and the open loop share: one client thread (LoadWorker) with its io_context,
// its share of the connections, its walk over the request list (RequestRotation), the connect
// phase, the window boundaries, deadline checks, the recording of every outcome (histograms,
// errors by kind, responses checked, the per-second series) and its CPU time; and RunWorkers, which starts one worker per thread behind a common start and merges
// their figures. A driver only decides when to write: the closed loop on every idle connection at
// once, the open loop on its schedule.
#pragma once

#include <algorithm>
#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <vector>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>

#include "load/closed_loop.h"
#include "load/connection.h"
#include "load/interval_series.h"
#include "load/load_result.h"
#include "load/request_rotation.h"

namespace claimbench::load {

/// Where one worker sits in the run.
struct WorkerSlot {
  boost::asio::ip::tcp::endpoint endpoint{};
  int thread = 0;       ///< index of this client thread, 0 .. threads - 1
  int threads = 1;      ///< client threads in the run (count)
  int connections = 1;  ///< connections this thread keeps open (count)
  /// Requests the run may still write inside the window (ClosedLoopOptions::request_limit),
  /// shared by every thread; null when there is no limit.
  std::atomic<int64_t>* budget = nullptr;
};

class LoadWorker : public ConnectionObserver {
 public:
  /// `options` must outlive the worker. `record_send_lag`: an open-loop worker, whose exchanges
  /// carry an intended time distinct from the write start.
  LoadWorker(const ClosedLoopOptions& options, const WorkerSlot& slot, bool record_send_lag);
  ~LoadWorker() override { ShutdownIo(); }

  /// Connects every connection, then calls `sync`, which waits for every thread and returns the
  /// shared start of the warmup, runs the warmup, the window and the drain, and returns.
  void Run(const std::function<Clock::time_point()>& sync);

  /// Adds this thread's figures to `total` (everything but the per-second series).
  void MergeInto(LoadResult& total) const;
  const IntervalRecorder& intervals() const { return intervals_; }
  /// Requests written inside the window (count); see LoadResult::achieved_rate_per_s.
  uint64_t sent_in_window() const { return sent_in_window_; }
  /// The window this thread measured: `duration`, or less when a request limit closed it at
  /// its last completion.
  Clock::duration window_length() const { return window_end_ - window_start_; }

 protected:
  /// The shared start is known; every connection is still closed or idle. Sending may begin
  /// (the warmup starts now). The base then offers each open connection to OnReady.
  virtual void OnStart(Clock::time_point start) = 0;
  /// An open, idle connection may carry a request (after a connect or a response), before the
  /// window closed.
  virtual void OnReady(Connection& connection) = 0;
  /// The server closed a reused keep-alive connection without answering this request: the driver
  /// may send it again (RFC 9112 9.3.1).
  virtual void OnUnanswered(const Exchange& exchange) = 0;
  /// Called on each tick, after the deadline checks, while the window is not closed.
  virtual void OnTick(Clock::time_point /*now*/) {}
  /// The window has just closed (before idle connections are closed): stop sending.
  virtual void OnWindowEnd() {}

  /// Writes the next request of the rotation on an idle connection; `now` is the write start
  /// (Clock::now()). Counts the write toward achieved_rate_per_s when it starts inside the window
  /// and `count_as_sent`. Returns false, writing nothing, when the run's request limit is spent.
  bool Write(Connection& connection, Clock::time_point now, Clock::time_point intended, bool count_as_sent);
  /// Gives back the budget an unanswered request took (it will be sent again as a new one).
  void RefundBudget(const Exchange& exchange) {
    if (budget_ != nullptr && exchange.start >= window_start_ && exchange.start < window_end_) {
      budget_->fetch_add(1, std::memory_order_relaxed);
    }
  }
  /// The run's request limit is spent: the driver writes no more new requests.
  bool BudgetSpent() const { return budget_ != nullptr && budget_->load(std::memory_order_relaxed) <= 0; }
  /// Writes the request at `request_index` again (an unanswered one, see OnUnanswered); not
  /// counted toward achieved_rate_per_s.
  void Resend(Connection& connection, Clock::time_point now, Clock::time_point intended, size_t request_index);
  /// Open loop: requests due but not written at `now`; the largest seen inside the window is
  /// LoadResult::backlog_max.
  void RecordBacklog(Clock::time_point now, uint64_t backlog);
  /// Open loop: requests due before the window closed but never written (also a backlog seen in
  /// the window, so backlog_max is never below it).
  void RecordBacklogAtEnd(uint64_t backlog) {
    backlog_at_end_ = backlog;
    backlog_max_ = std::max(backlog_max_, backlog);
  }

  /// Destroys every operation still pending (only after an exception left io_context::run), so
  /// that none outlives the handler memory of a connection or timer. Derived destructors call it
  /// first; it may be called again.
  void ShutdownIo() { io_.shutdown(); }

  const ClosedLoopOptions& options() const { return options_; }
  boost::asio::io_context& io() { return io_; }
  std::vector<std::unique_ptr<Connection>>& connections() { return connections_; }
  bool draining() const { return draining_; }
  Clock::time_point window_start() const { return window_start_; }
  Clock::time_point window_end() const { return window_end_; }

 private:
  void OnConnected(Connection& connection) final;
  void OnConnectFailed(Connection& connection, Clock::time_point when) final;
  void OnExchangeDone(Connection& connection, const Exchange& exchange) final;
  void CountError(ErrorKind kind, Clock::time_point when);
  void ScheduleTick();
  void Tick();

  const ClosedLoopOptions& options_;
  const bool record_send_lag_;
  RequestRotation rotation_;
  std::atomic<int64_t>* const budget_;
  // An io_context whose first destruction phase (shutdown: pending operations are destroyed) can
  // be run ahead of the members that own handler memory.
  class IoContext : public boost::asio::io_context {
   public:
    IoContext() : boost::asio::io_context(1) {}
    using boost::asio::io_context::shutdown;
  };

  const Clock::duration tick_interval_;
  IoContext io_;
  boost::asio::steady_timer tick_timer_;
  uint64_t tick_generation_ = 0;
  std::vector<std::unique_ptr<Connection>> connections_;
  size_t pending_first_connects_ = 0;

  bool started_ = false;
  bool window_open_ = false;
  bool draining_ = false;
  Clock::time_point window_start_ = Clock::time_point::max();
  Clock::time_point window_end_ = Clock::time_point::max();
  Clock::time_point grace_end_ = Clock::time_point::max();
  Clock::time_point last_completion_ = Clock::time_point::min();  ///< latest exchange end in the window

  Histogram latency_;
  Histogram service_time_;
  Histogram send_lag_;
  IntervalRecorder intervals_;
  uint64_t requests_ = 0;
  uint64_t responses_checked_ = 0;
  uint64_t sent_in_window_ = 0;
  uint64_t backlog_max_ = 0;
  uint64_t backlog_at_end_ = 0;
  ErrorCounts errors_;
  ErrorCounts errors_outside_;
  uint64_t in_flight_at_end_ = 0;
  uint64_t connections_established_ = 0;
  uint64_t reconnects_ = 0;
  uint64_t server_closes_ = 0;
  uint64_t bytes_read_ = 0;
  uint64_t bytes_written_ = 0;
  std::chrono::nanoseconds cpu_user_begin_{0};
  std::chrono::nanoseconds cpu_system_begin_{0};
  std::chrono::nanoseconds cpu_user_end_{0};
  std::chrono::nanoseconds cpu_system_end_{0};
  Clock::time_point cpu_end_time_{};  ///< when cpu_*_end_ were read
};

/// Throws std::invalid_argument on bad options shared by both loops (exact messages in
/// closed_loop_test.cpp).
void ValidateLoadOptions(const ClosedLoopOptions& options);

/// Creates the worker of one slot.
using WorkerFactory = std::function<std::unique_ptr<LoadWorker>(const WorkerSlot& slot)>;

/// Resolves the host (std::runtime_error when it cannot), spreads the connections over
/// min(threads, connections) workers, runs each on its own thread (pinned to options.cpus), and
/// merges their figures: counts, histograms, the per-second series, duration_s, requests_per_s
/// and achieved_rate_per_s. Rethrows the first exception a worker thread threw.
LoadResult RunWorkers(const ClosedLoopOptions& options, const WorkerFactory& make_worker);

}  // namespace claimbench::load
