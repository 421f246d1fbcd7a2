// One client thread of a load run (connect phase, shared start, warmup, the window judged by the
// completion timestamp of each request, a short drain) and the pool that runs one per thread.
#include "load/load_worker.h"

#include <sys/resource.h>

#include <algorithm>
#include <barrier>
#include <cmath>
#include <exception>
#include <stdexcept>
#include <string>
#include <thread>

#include "load/cpu_affinity.h"

namespace claimbench::load {
namespace {

namespace asio = boost::asio;
using std::chrono::duration_cast;
using std::chrono::nanoseconds;

constexpr auto kConnectRetryDelay = std::chrono::milliseconds(10);

void ThreadCpuTime(nanoseconds& user, nanoseconds& system) {
  rusage usage{};
  getrusage(RUSAGE_THREAD, &usage);
  auto to_ns = [](const timeval& tv) {
    return nanoseconds(std::chrono::seconds(tv.tv_sec) + std::chrono::microseconds(tv.tv_usec));
  };
  user = to_ns(usage.ru_utime);
  system = to_ns(usage.ru_stime);
}

double Seconds(nanoseconds d) { return std::chrono::duration<double>(d).count(); }

asio::ip::tcp::endpoint Resolve(const std::string& host, uint16_t port) {
  asio::io_context io;
  asio::ip::tcp::resolver resolver(io);
  boost::system::error_code ec;
  auto results = resolver.resolve(host, std::to_string(port), ec);
  if (ec || results.empty()) {
    throw std::runtime_error("cannot resolve host '" + host + "': " +
                             (ec ? ec.message() : std::string("no address")));
  }
  // Prefer IPv4: workload servers bind 127.0.0.1, and "localhost" may list ::1 first.
  for (const auto& entry : results) {
    if (entry.endpoint().address().is_v4()) return entry.endpoint();
  }
  return results.begin()->endpoint();
}

}  // namespace

LoadWorker::LoadWorker(const ClosedLoopOptions& options, const WorkerSlot& slot, bool record_send_lag)
    : options_(options),
      record_send_lag_(record_send_lag),
      rotation_(options, slot.thread, slot.threads),
      budget_(slot.budget),
      tick_interval_(std::clamp<Clock::duration>(options.timeout / 10, std::chrono::milliseconds(1),
                                                 std::chrono::milliseconds(10))),
      tick_timer_(io_),
      intervals_(options.duration) {
  ResponseChecks checks;
  if (options.expected_body) checks.expected_body = *options.expected_body;
  if (options.check_every > 0) {
    checks.check_every = options.check_every;
    checks.response_check = &options.response_check;
  }
  for (int i = 0; i < slot.connections; ++i) {
    connections_.push_back(std::make_unique<Connection>(io_, slot.endpoint, options.timeout, *this, checks));
  }
}

void LoadWorker::Run(const std::function<Clock::time_point()>& sync) {
  pending_first_connects_ = connections_.size();
  for (auto& connection : connections_) connection->Connect();
  ScheduleTick();
  while (pending_first_connects_ > 0) io_.run_one();

  const Clock::time_point start = sync();
  window_start_ = start + options_.warmup;
  window_end_ = window_start_ + options_.duration;
  grace_end_ = window_end_ + options_.drain_grace;
  started_ = true;
  OnStart(start);
  for (auto& connection : connections_) {
    if (connection->is_open()) {
      OnReady(*connection);
    } else {
      connection->Connect();
    }
  }
  ScheduleTick();
  io_.run();
  intervals_.Flush();
}

void LoadWorker::MergeInto(LoadResult& total) const {
  total.requests += requests_;
  total.responses_checked += responses_checked_;
  total.latency.Merge(latency_);
  total.service_time.Merge(service_time_);
  total.send_lag.Merge(send_lag_);
  total.errors.Add(errors_);
  total.errors_outside_window.Add(errors_outside_);
  total.backlog_max += backlog_max_;
  total.backlog_at_end += backlog_at_end_;
  total.in_flight_at_end += in_flight_at_end_;
  total.connections_established += connections_established_;
  total.reconnects += reconnects_;
  total.server_closes += server_closes_;
  total.bytes_read += bytes_read_;
  total.bytes_written += bytes_written_;
  const nanoseconds user = cpu_user_end_ - cpu_user_begin_;
  const nanoseconds system = cpu_system_end_ - cpu_system_begin_;
  total.client_cpu_user_s += Seconds(user);
  total.client_cpu_system_s += Seconds(system);
  // Over the wall time the CPU time was measured across (a request limit may close a thread's
  // window early, even at once when it completed nothing in it).
  const double measured_s = Seconds(duration_cast<nanoseconds>(cpu_end_time_ - window_start_));
  if (measured_s > 0) {
    total.client_cpu_busiest_thread = std::max(total.client_cpu_busiest_thread, Seconds(user + system) / measured_s);
  }
}

bool LoadWorker::Write(Connection& connection, Clock::time_point now, Clock::time_point intended,
                       bool count_as_sent) {
  const bool in_window = now >= window_start_ && now < window_end_;
  // The warmup is never limited; inside the window each new request takes one of the budget.
  if (budget_ != nullptr && in_window) {
    int64_t left = budget_->load(std::memory_order_relaxed);
    do {
      if (left <= 0) return false;
    } while (!budget_->compare_exchange_weak(left, left - 1, std::memory_order_relaxed));
  }
  const size_t index = rotation_.Next(connection.next_response_checked());
  connection.Send(rotation_.At(index), index, now, intended);
  if (count_as_sent && in_window) ++sent_in_window_;
  return true;
}

void LoadWorker::Resend(Connection& connection, Clock::time_point now, Clock::time_point intended,
                        size_t request_index) {
  connection.Send(rotation_.At(request_index), request_index, now, intended);
}

void LoadWorker::RecordBacklog(Clock::time_point now, uint64_t backlog) {
  if (now >= window_start_ && now < window_end_) backlog_max_ = std::max(backlog_max_, backlog);
}

void LoadWorker::OnConnected(Connection& connection) {
  ++connections_established_;
  if (connection.connects() > 1) ++reconnects_;
  if (!started_) {
    --pending_first_connects_;
  } else if (draining_) {
    connection.Close();
  } else {
    OnReady(connection);
  }
}

void LoadWorker::OnConnectFailed(Connection& connection, Clock::time_point when) {
  if (!started_) {  // retried once every thread has made its first attempt
    --pending_first_connects_;
    ++errors_outside_.connect;
    return;
  }
  if (draining_ || when >= window_end_) return;
  CountError(ErrorKind::kConnect, when);
  connection.ConnectAfter(kConnectRetryDelay);
}

void LoadWorker::OnExchangeDone(Connection& connection, const Exchange& exchange) {
  if (exchange.end >= window_end_) {  // was in flight when the window closed
    ++in_flight_at_end_;
    connection.Close();
    return;
  }
  const bool in_window = exchange.end >= window_start_;
  // A warmup request answered inside the window counts there, so it takes its share of a
  // request limit too: -n N means N answered in the window.
  if (budget_ != nullptr && in_window && exchange.start < window_start_) budget_->fetch_sub(1, std::memory_order_relaxed);
  if (in_window) {
    last_completion_ = std::max(last_completion_, exchange.end);
    bytes_read_ += exchange.bytes_read;
    bytes_written_ += exchange.bytes_written;
    if (exchange.checked) ++responses_checked_;
  }
  if (exchange.error) {
    CountError(*exchange.error, exchange.end);
  } else if (exchange.status >= 200 && exchange.status < 300) {
    if (in_window) {
      ++requests_;
      const int64_t latency_ns = duration_cast<nanoseconds>(exchange.end - exchange.intended).count();
      latency_.Record(latency_ns);
      service_time_.Record(duration_cast<nanoseconds>(exchange.end - exchange.start).count());
      if (record_send_lag_) send_lag_.Record(duration_cast<nanoseconds>(exchange.start - exchange.intended).count());
      intervals_.RecordLatency(exchange.end - window_start_, latency_ns);
      if (options_.live_requests != nullptr) options_.live_requests->fetch_add(1, std::memory_order_relaxed);
    }
  } else if (exchange.status != 0) {
    CountError(StatusErrorKind(exchange.status), exchange.end);
  } else {
    OnUnanswered(exchange);
  }
  if (exchange.server_closed) ++server_closes_;
  if (connection.is_open()) {
    OnReady(connection);
  } else {
    connection.Connect();
  }
}

void LoadWorker::CountError(ErrorKind kind, Clock::time_point when) {
  if (when >= window_start_) {
    ++errors_.At(kind);
    intervals_.RecordError(when - window_start_);
  } else {
    ++errors_outside_.At(kind);
  }
}

void LoadWorker::ScheduleTick() {
  Clock::time_point next = Clock::now() + tick_interval_;
  if (started_) {
    if (!window_open_) {
      next = std::min(next, window_start_);
    } else if (!draining_) {
      next = std::min(next, window_end_);
    } else {
      next = std::min(next, grace_end_);
    }
  }
  tick_timer_.expires_at(next);
  tick_timer_.async_wait([this, generation = ++tick_generation_](const boost::system::error_code& ec) {
    if (!ec && generation == tick_generation_) Tick();
  });
}

// Checks deadlines and crosses the window boundaries; the base's only timer.
void LoadWorker::Tick() {
  const Clock::time_point now = Clock::now();
  if (started_ && !window_open_ && now >= window_start_) {
    window_open_ = true;
    ThreadCpuTime(cpu_user_begin_, cpu_system_begin_);
  }
  // A spent request limit closes the window once every request written is answered, at the last
  // completion (the tick itself may come up to a tick interval later).
  const bool limit_reached =
      window_open_ && !draining_ && BudgetSpent() &&
      std::none_of(connections_.begin(), connections_.end(), [](const auto& c) { return c->busy(); });
  if (limit_reached && now < window_end_) {
    window_end_ = std::max(window_start_ + Clock::duration(1), std::min(last_completion_ + Clock::duration(1), now));
    grace_end_ = window_end_ + options_.drain_grace;
  }
  if (window_open_ && !draining_ && now >= window_end_) {
    ThreadCpuTime(cpu_user_end_, cpu_system_end_);
    cpu_end_time_ = now;
    draining_ = true;
    OnWindowEnd();
    for (auto& connection : connections_) {
      if (!connection->busy()) connection->Close();
    }
  }
  if (draining_ && now >= grace_end_) {
    for (auto& connection : connections_) {
      if (connection->busy()) ++in_flight_at_end_;
      connection->Close();
    }
    return;  // no more work: io_.run() returns
  }
  for (auto& connection : connections_) connection->CheckDeadline(now);
  if (started_ && !draining_) OnTick(now);
  if (draining_ &&
      std::none_of(connections_.begin(), connections_.end(), [](const auto& c) { return c->busy(); })) {
    return;
  }
  ScheduleTick();
}

void ValidateLoadOptions(const ClosedLoopOptions& options) {
  auto fail = [](const std::string& message) { throw std::invalid_argument(message); };
  if (options.connections < 1) {
    fail("connections must be at least 1 (got " + std::to_string(options.connections) + ")");
  }
  if (options.threads < 1) fail("threads must be at least 1 (got " + std::to_string(options.threads) + ")");
  if (options.port == 0) fail("port must be 1..65535 (got 0)");
  if (options.requests.empty() && options.request.empty()) fail("request is empty");
  for (size_t i = 0; i < options.requests.size(); ++i) {
    if (options.requests[i].empty()) fail("requests[" + std::to_string(i) + "] is empty");
  }
  if (options.check_every > 0 && !options.response_check) {
    fail("check_every is " + std::to_string(options.check_every) + " but response_check is not set");
  }
  if (options.duration <= nanoseconds::zero()) fail("duration must be positive");
  if (options.warmup < nanoseconds::zero()) fail("warmup must not be negative");
  if (options.timeout <= nanoseconds::zero()) fail("timeout must be positive");
  if (options.drain_grace < nanoseconds::zero()) fail("drain grace must not be negative");
  CheckCpusAvailable(options.cpus);
}

LoadResult RunWorkers(const ClosedLoopOptions& options, const WorkerFactory& make_worker) {
  const asio::ip::tcp::endpoint endpoint = Resolve(options.host, options.port);
  const int threads = std::min(options.threads, options.connections);
  std::atomic<int64_t> budget(static_cast<int64_t>(options.request_limit));
  std::atomic<int64_t>* const budget_ptr = options.request_limit > 0 ? &budget : nullptr;

  std::vector<std::unique_ptr<LoadWorker>> workers;
  for (int t = 0; t < threads; ++t) {
    const int share = options.connections / threads + (t < options.connections % threads ? 1 : 0);
    workers.push_back(make_worker(
        {.endpoint = endpoint, .thread = t, .threads = threads, .connections = share, .budget = budget_ptr}));
  }

  Clock::time_point start;
  std::barrier sync(threads, [&start]() noexcept { start = Clock::now(); });
  std::vector<std::exception_ptr> failures(static_cast<size_t>(threads));
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t) {
    pool.emplace_back([&, t] {
      bool arrived = false;
      try {
        if (!options.cpus.empty()) PinCurrentThread(options.cpus[t % options.cpus.size()]);
        workers[t]->Run([&] {
          arrived = true;
          sync.arrive_and_wait();
          return start;
        });
      } catch (...) {
        failures[t] = std::current_exception();
        if (!arrived) sync.arrive_and_drop();
      }
    });
  }
  for (auto& thread : pool) thread.join();
  for (const auto& failure : failures) {
    if (failure) std::rethrow_exception(failure);
  }

  LoadResult result;
  result.connections = options.connections;
  result.threads = threads;
  uint64_t sent = 0;
  std::vector<const IntervalRecorder*> recorders;
  for (const auto& worker : workers) {
    worker->MergeInto(result);
    sent += worker->sent_in_window();
    recorders.push_back(&worker->intervals());
  }
  result.intervals = IntervalRecorder::Merge(recorders);
  // With a request limit each thread's window closed at its own last completion; the run's
  // window is the longest of them, and the series stops at its end.
  Clock::duration window{0};
  for (const auto& worker : workers) window = std::max(window, worker->window_length());
  result.duration_s = Seconds(duration_cast<nanoseconds>(window));
  if (budget_ptr != nullptr) {
    const auto seconds_covered = static_cast<size_t>(std::ceil(result.duration_s));
    if (result.intervals.size() > seconds_covered) {
      result.intervals.resize(std::max<size_t>(seconds_covered, 1));
      IntervalStats& last = result.intervals.back();  // the intervals cover the window exactly
      last.duration_s = result.duration_s - last.t_s;
    }
  }
  result.requests_per_s = static_cast<double>(result.requests) / result.duration_s;
  result.achieved_rate_per_s = static_cast<double>(sent) / result.duration_s;
  return result;
}

}  // namespace claimbench::load
