// The open-loop driver: a per-thread send schedule, a ring of idle connections, a backlog of due
// requests, and a steady timer armed for exactly the next due time while a connection is free.
#include "load/open_loop.h"

#include <memory>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <vector>

#include <boost/asio/steady_timer.hpp>

#include "load/handler_memory.h"
#include "load/load_worker.h"
#include "load/send_schedule.h"

namespace claimbench::load {
namespace {

// Below this share of the target rate the run is flagged (LoadResult::rate_shortfall).
constexpr double kShortfallFraction = 0.95;

class OpenLoopWorker final : public LoadWorker {
 public:
  OpenLoopWorker(const OpenLoopOptions& options, const WorkerSlot& slot)
      : LoadWorker(options, slot, /*record_send_lag=*/true),
        rate_per_s_(options.rate_per_s),
        slot_(slot),
        send_timer_(io()),
        idle_(static_cast<size_t>(slot.connections), nullptr) {
    retries_.reserve(static_cast<size_t>(slot.connections));
  }
  ~OpenLoopWorker() override { ShutdownIo(); }

 private:
  void OnStart(Clock::time_point start) override {
    schedule_.emplace(start, rate_per_s_, slot_.thread, slot_.threads);
  }

  void OnReady(Connection& connection) override {
    PushIdle(connection);
    Dispatch(Clock::now());
  }

  // Sent again before any scheduled request (its intended time is the oldest), on another idle
  // connection if there is one.
  void OnUnanswered(const Exchange& exchange) override {
    retries_.push_back({exchange.intended, exchange.request_index});
    Dispatch(Clock::now());
  }

  void OnTick(Clock::time_point /*now*/) override { Dispatch(Clock::now()); }

  void OnWindowEnd() override {
    const uint64_t due = BudgetSpent() ? next_ : schedule_->DueBy(window_end() - Clock::duration(1));
    RecordBacklogAtEnd((due > next_ ? due - next_ : 0) + retries_.size());
    idle_count_ = 0;  // the base closes them
    send_timer_.cancel();
  }

  // Writes every due request on a free connection, oldest first; then notes the backlog and, if a
  // connection is still free, wakes up when the next request is due.
  void Dispatch(Clock::time_point now) {
    if (draining() || now >= window_end()) return;
    const uint64_t due = schedule_->DueBy(now);
    while (idle_count_ > 0 && (!retries_.empty() || (next_ < due && !BudgetSpent()))) {
      Connection& connection = PopIdle();
      if (!connection.is_open() || connection.busy()) continue;
      const Clock::time_point write_start = Clock::now();
      if (!retries_.empty()) {
        const Retry retry = retries_.front();
        retries_.erase(retries_.begin());
        Resend(connection, write_start, retry.intended, retry.request_index);
      } else {
        if (!Write(connection, write_start, schedule_->Intended(next_), /*count_as_sent=*/true)) {
          PushIdle(connection);  // the request limit is spent
          break;
        }
        ++next_;
      }
    }
    if (BudgetSpent()) return;  // -n reached: nothing more is due, so nothing is behind
    RecordBacklog(now, (due > next_ ? due - next_ : 0) + retries_.size());
    if (idle_count_ > 0 && next_ >= due) ArmSendTimer(schedule_->Intended(next_));
  }

  // The next due time only moves later (next_ grows; resends need no timer), so a wake-up
  // already armed is never too late: it is left alone, and if it comes early it re-arms. Never
  // cancelling keeps one wait outstanding, in its own handler memory.
  void ArmSendTimer(Clock::time_point when) {
    if (timer_armed_ || when >= window_end()) return;
    timer_armed_ = true;
    send_timer_.expires_at(when);
    send_timer_.async_wait(WithMemory(send_timer_memory_, [this](const boost::system::error_code& ec) {
      timer_armed_ = false;
      if (!ec) Dispatch(Clock::now());
    }));
  }

  // Idle connections in a fixed ring, first in first out, so that every connection carries its
  // share of the requests even at rates one connection could sustain.
  void PushIdle(Connection& connection) {
    if (idle_count_ == idle_.size()) return;  // cannot happen: each connection is in it at most once
    idle_[(idle_head_ + idle_count_) % idle_.size()] = &connection;
    ++idle_count_;
  }
  Connection& PopIdle() {
    Connection& connection = *idle_[idle_head_];
    idle_head_ = (idle_head_ + 1) % idle_.size();
    --idle_count_;
    return connection;
  }

  const double rate_per_s_;
  const WorkerSlot slot_;
  std::optional<SendSchedule> schedule_;
  uint64_t next_ = 0;  // index of the next scheduled request to write
  // A request the server closed on without answering: the same bytes go out again.
  struct Retry {
    Clock::time_point intended;
    size_t request_index;
  };
  std::vector<Retry> retries_;
  boost::asio::steady_timer send_timer_;
  HandlerMemory send_timer_memory_;
  bool timer_armed_ = false;
  std::vector<Connection*> idle_;
  size_t idle_head_ = 0;
  size_t idle_count_ = 0;
};

void ValidateRate(double rate_per_s) {
  if (!(rate_per_s > 0) || !std::isfinite(rate_per_s)) {
    std::ostringstream message;
    message << "rate must be positive (got " << rate_per_s << ")";
    throw std::invalid_argument(message.str());
  }
}

}  // namespace

LoadResult RunOpenLoop(const OpenLoopOptions& options) {
  ValidateLoadOptions(options);
  ValidateRate(options.rate_per_s);
  LoadResult result = RunWorkers(options, [&options](const WorkerSlot& slot) -> std::unique_ptr<LoadWorker> {
    return std::make_unique<OpenLoopWorker>(options, slot);
  });
  result.target_rate_per_s = options.rate_per_s;
  result.rate_shortfall = result.achieved_rate_per_s < kShortfallFraction * options.rate_per_s;
  return result;
}

}  // namespace claimbench::load
