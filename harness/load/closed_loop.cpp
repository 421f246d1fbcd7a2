// The closed-loop load generator: one io_context per client thread, connections spread over the
// threads, a shared start after every connection's first connect attempt, then warmup, the
// measured window (judged by the completion timestamp of each request), and a short drain.
#include "load/closed_loop.h"

#include <sys/resource.h>

#include <algorithm>
#include <barrier>
#include <exception>
#include <functional>
#include <limits>
#include <memory>
#include <stdexcept>
#include <thread>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>

#include "load/connection.h"
#include "load/cpu_affinity.h"

namespace claimbench::load {
namespace {

namespace asio = boost::asio;
using std::chrono::duration_cast;
using std::chrono::nanoseconds;

constexpr auto kConnectRetryDelay = std::chrono::milliseconds(10);

struct CpuTime {
  nanoseconds user{0};
  nanoseconds system{0};
};

CpuTime ThreadCpuTime() {
  rusage usage{};
  getrusage(RUSAGE_THREAD, &usage);
  auto to_ns = [](const timeval& tv) {
    return std::chrono::seconds(tv.tv_sec) + std::chrono::microseconds(tv.tv_usec);
  };
  return {to_ns(usage.ru_utime), to_ns(usage.ru_stime)};
}

double Seconds(nanoseconds d) { return std::chrono::duration<double>(d).count(); }

// One client thread: its io_context, its share of the connections, and its own counters (merged
// after the run, so the hot path shares nothing between threads).
class Worker final : public ConnectionObserver {
 public:
  Worker(const ClosedLoopOptions& options, const asio::ip::tcp::endpoint& endpoint, int connections)
      : options_(options),
        tick_interval_(std::clamp<Clock::duration>(options.timeout / 10,
                                                   std::chrono::milliseconds(1),
                                                   std::chrono::milliseconds(10))),
        tick_timer_(io_) {
    for (int i = 0; i < connections; ++i) {
      connections_.push_back(
          std::make_unique<Connection>(io_, endpoint, options.request, options.timeout, *this));
    }
  }

  // `sync` waits for every thread and returns the shared start of the warmup.
  void Run(const std::function<Clock::time_point()>& sync) {
    pending_first_connects_ = connections_.size();
    for (auto& connection : connections_) connection->Connect();
    ScheduleTick();
    while (pending_first_connects_ > 0) io_.run_one();

    const Clock::time_point start = sync();
    window_start_ = start + options_.warmup;
    window_end_ = window_start_ + options_.duration;
    grace_end_ = window_end_ + options_.drain_grace;
    started_ = true;
    for (auto& connection : connections_) {
      if (connection->is_open()) {
        SendNext(*connection);
      } else {
        connection->Connect();
      }
    }
    ScheduleTick();
    io_.run();
  }

  // Moves this thread's figures into `total`.
  void MergeInto(LoadResult& total) {
    total.requests += requests_;
    total.latency.Merge(latency_);
    total.errors.Add(errors_);
    total.errors_outside_window.Add(errors_outside_);
    total.in_flight_at_end += in_flight_at_end_;
    total.connections_established += connections_established_;
    total.reconnects += reconnects_;
    total.server_closes += server_closes_;
    total.bytes_read += bytes_read_;
    total.bytes_written += bytes_written_;
    const nanoseconds user = cpu_end_.user - cpu_begin_.user;
    const nanoseconds system = cpu_end_.system - cpu_begin_.system;
    total.client_cpu_user_s += Seconds(user);
    total.client_cpu_system_s += Seconds(system);
    total.client_cpu_busiest_thread = std::max(
        total.client_cpu_busiest_thread, Seconds(user + system) / Seconds(options_.duration));
  }

 private:
  void OnConnected(Connection& connection) override {
    ++connections_established_;
    if (connection.connects() > 1) ++reconnects_;
    if (!started_) {
      --pending_first_connects_;
    } else if (draining_) {
      connection.Close();
    } else {
      SendNext(connection);
    }
  }

  void OnConnectFailed(Connection& connection, Clock::time_point when) override {
    if (!started_) {  // retried once every thread has made its first attempt
      --pending_first_connects_;
      ++errors_outside_.connect;
      return;
    }
    if (draining_ || when >= window_end_) return;
    ++(when >= window_start_ ? errors_ : errors_outside_).connect;
    connection.ConnectAfter(kConnectRetryDelay);
  }

  void OnExchangeDone(Connection& connection, const Exchange& exchange) override {
    if (exchange.end >= window_end_) {  // was in flight when the window closed
      ++in_flight_at_end_;
      connection.Close();
      return;
    }
    const bool in_window = exchange.end >= window_start_;
    ErrorCounts& errors = in_window ? errors_ : errors_outside_;
    if (in_window) {
      bytes_read_ += exchange.bytes_read;
      bytes_written_ += exchange.bytes_written;
    }
    if (exchange.error) {
      ++errors.At(*exchange.error);
    } else if (exchange.status >= 200 && exchange.status < 300) {
      if (in_window) {
        ++requests_;
        latency_.Record(duration_cast<nanoseconds>(exchange.end - exchange.start).count());
      }
    } else if (exchange.status != 0) {
      ++errors.At(StatusErrorKind(exchange.status));
    }
    if (exchange.server_closed) ++server_closes_;
    if (connection.is_open()) {
      SendNext(connection);
    } else {
      connection.Connect();
    }
  }

  void SendNext(Connection& connection) {
    const Clock::time_point now = Clock::now();
    if (now >= window_end_) {
      connection.Close();
      return;
    }
    connection.Send(now);
  }

  void ScheduleTick() {
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
    tick_timer_.async_wait([this, generation = ++tick_generation_](
                               const boost::system::error_code& ec) {
      if (!ec && generation == tick_generation_) OnTick();
    });
  }

  // Checks deadlines and crosses the window boundaries; the only timer a thread runs.
  void OnTick() {
    const Clock::time_point now = Clock::now();
    if (started_ && !window_open_ && now >= window_start_) {
      window_open_ = true;
      cpu_begin_ = ThreadCpuTime();
    }
    if (window_open_ && !draining_ && now >= window_end_) {
      cpu_end_ = ThreadCpuTime();
      draining_ = true;
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
    if (draining_ && std::none_of(connections_.begin(), connections_.end(),
                                  [](const auto& c) { return c->busy(); })) {
      return;
    }
    ScheduleTick();
  }

  const ClosedLoopOptions& options_;
  const Clock::duration tick_interval_;
  asio::io_context io_{1};
  asio::steady_timer tick_timer_;
  uint64_t tick_generation_ = 0;
  std::vector<std::unique_ptr<Connection>> connections_;
  size_t pending_first_connects_ = 0;

  bool started_ = false;
  bool window_open_ = false;
  bool draining_ = false;
  Clock::time_point window_start_ = Clock::time_point::max();
  Clock::time_point window_end_ = Clock::time_point::max();
  Clock::time_point grace_end_ = Clock::time_point::max();

  Histogram latency_;
  uint64_t requests_ = 0;
  ErrorCounts errors_;
  ErrorCounts errors_outside_;
  uint64_t in_flight_at_end_ = 0;
  uint64_t connections_established_ = 0;
  uint64_t reconnects_ = 0;
  uint64_t server_closes_ = 0;
  uint64_t bytes_read_ = 0;
  uint64_t bytes_written_ = 0;
  CpuTime cpu_begin_;
  CpuTime cpu_end_;
};

void Validate(const ClosedLoopOptions& options) {
  auto fail = [](const std::string& message) { throw std::invalid_argument(message); };
  if (options.connections < 1) {
    fail("connections must be at least 1 (got " + std::to_string(options.connections) + ")");
  }
  if (options.threads < 1) {
    fail("threads must be at least 1 (got " + std::to_string(options.threads) + ")");
  }
  if (options.port == 0) fail("port must be 1..65535 (got 0)");
  if (options.request.empty()) fail("request is empty");
  if (options.duration <= nanoseconds::zero()) fail("duration must be positive");
  if (options.warmup < nanoseconds::zero()) fail("warmup must not be negative");
  if (options.timeout <= nanoseconds::zero()) fail("timeout must be positive");
  if (options.drain_grace < nanoseconds::zero()) fail("drain grace must not be negative");
  CheckCpusAvailable(options.cpus);
}

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

LoadResult RunClosedLoop(const ClosedLoopOptions& options) {
  Validate(options);
  const asio::ip::tcp::endpoint endpoint = Resolve(options.host, options.port);
  const int threads = std::min(options.threads, options.connections);

  std::vector<std::unique_ptr<Worker>> workers;
  for (int t = 0; t < threads; ++t) {
    const int share = options.connections / threads + (t < options.connections % threads ? 1 : 0);
    workers.push_back(std::make_unique<Worker>(options, endpoint, share));
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
  for (auto& worker : workers) worker->MergeInto(result);
  result.duration_s = Seconds(options.duration);
  result.requests_per_s = static_cast<double>(result.requests) / result.duration_s;
  return result;
}

}  // namespace claimbench::load
