// Connections, threads and signals of claimbench-beast. The handlers (handlers.h) decide
// every status; this file only reads requests, writes responses and closes connections.
#include "server.h"

#include <sched.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http.hpp>
#include <algorithm>
#include <chrono>
#include <csignal>
#include <iostream>
#include <memory>
#include <optional>
#include <thread>
#include <vector>

#include "handlers.h"
#include "http_date.h"

namespace claimbench::beast_server {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

// How long a closing connection keeps reading (and discarding) what the client still sends.
constexpr auto kLingerTimeout = std::chrono::seconds(2);

std::string_view ToStd(beast::string_view s) { return {s.data(), s.size()}; }
beast::string_view ToBeast(std::string_view s) { return {s.data(), s.size()}; }

// One thread's share of the server: its io_context and its Date cache.
struct Worker {
  DateCache dates;
  asio::io_context io{1};  // concurrency hint 1: run() is only ever called by one thread
};

// One keep-alive connection: read a request, write its response, repeat. Reads and
// writes alternate, so pipelined requests wait in buffer_ and are answered in order.
class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket socket, DateCache& dates)
      : socket_(std::move(socket)), dates_(dates), linger_timer_(socket_.get_executor()) {}

  void Start() { ReadRequest(); }

 private:
  void ReadRequest() {
    parser_.emplace();
    parser_->body_limit(kMaxBodyBytes);
    http::async_read(socket_, buffer_, *parser_,
                     [self = shared_from_this()](beast::error_code ec, std::size_t) { self->OnRead(ec); });
  }

  void OnRead(beast::error_code ec) {
    const auto& req = parser_->get();
    // Beast reports body_limit once every header field is parsed: at the end of the header
    // for a Content-Length over the limit, mid-body for chunked. The handler still applies
    // 404/405/415 first; the connection closes because the rest of the body is unread.
    if (ec == http::error::body_limit) return Send(Handle(ViewOf(req, /*body_over_limit=*/true)), req.version(), true);
    if (ec == http::error::end_of_stream || ec == http::error::partial_message) return Linger();
    if (ec && ec.category() == http::make_error_code(http::error::bad_method).category()) {
      return Send(Response{.status = 400, .content_type = "text/plain", .body = "bad request\n"}, 11,
                  true);
    }
    if (ec) return;  // reset or aborted: the socket closes with the session
    Send(Handle(ViewOf(req, /*body_over_limit=*/false)), req.version(), !req.keep_alive());
  }

  static Request ViewOf(const http::request<http::string_body>& req, bool body_over_limit) {
    Request request{.method = ToStd(req.method_string()),
                    .target = ToStd(req.target()),
                    .content_type = std::nullopt,
                    .body = body_over_limit ? std::string_view() : std::string_view(req.body()),
                    .body_over_limit = body_over_limit};
    if (auto it = req.find(http::field::content_type); it != req.end()) request.content_type = ToStd(it->value());
    return request;
  }

  void Send(Response out, unsigned version, bool close) {
    response_ = {};
    response_.version(version == 10 ? 10 : 11);
    response_.result(static_cast<unsigned>(out.status));
    response_.set(http::field::server, "beast");
    response_.set(http::field::date, ToBeast(dates_.Now()));
    response_.set(http::field::content_type, ToBeast(out.content_type));
    if (!out.allow.empty()) response_.set(http::field::allow, ToBeast(out.allow));
    response_.body() = std::move(out.body);
    response_.keep_alive(!close);
    response_.prepare_payload();
    http::async_write(socket_, response_, [self = shared_from_this(), close](beast::error_code ec, std::size_t) {
      if (ec) return;
      if (close) return self->Linger();
      self->ReadRequest();
    });
  }

  // Closing a socket with unread input sends RST, and a client still sending its body then
  // loses the response it has not read yet (a 413 especially). So: send FIN, read and drop
  // whatever still arrives until the client closes or kLingerTimeout passes, then close.
  void Linger() {
    beast::error_code ignored;
    socket_.shutdown(tcp::socket::shutdown_send, ignored);
    linger_timer_.expires_after(kLingerTimeout);
    linger_timer_.async_wait([self = shared_from_this()](beast::error_code ec) {
      if (ec == asio::error::operation_aborted) return;
      beast::error_code ignored;
      self->socket_.cancel(ignored);
    });
    Drain();
  }

  void Drain() {
    socket_.async_read_some(buffer_.prepare(16 * 1024), [self = shared_from_this()](beast::error_code ec, std::size_t) {
      if (!ec) return self->Drain();
      self->linger_timer_.cancel();
    });
  }

  tcp::socket socket_;
  DateCache& dates_;
  asio::steady_timer linger_timer_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  http::response<http::string_body> response_;
};

// The one acceptor. Round-robin rather than SO_REUSEPORT: the kernel spreads REUSEPORT
// connections by a hash of the 4-tuple, so a load of few connections can land on one
// thread while the others idle; round-robin puts connection i on thread i mod N exactly.
class Listener {
 public:
  Listener(tcp::acceptor& acceptor, std::vector<std::unique_ptr<Worker>>& workers)
      : acceptor_(acceptor), workers_(workers) {}

  void Accept() {
    Worker& worker = *workers_[next_];
    next_ = (next_ + 1) % workers_.size();
    // The new socket belongs to the chosen worker's io_context: all of its I/O runs there.
    acceptor_.async_accept(worker.io, [this, &worker](beast::error_code ec, tcp::socket socket) {
      if (ec == asio::error::operation_aborted) return;  // acceptor closed by a signal
      if (!ec) {
        beast::error_code ignored;
        socket.set_option(tcp::no_delay(true), ignored);
        auto session = std::make_shared<Session>(std::move(socket), worker.dates);
        asio::post(worker.io, [session] { session->Start(); });
      }
      Accept();
    });
  }

 private:
  tcp::acceptor& acceptor_;
  std::vector<std::unique_ptr<Worker>>& workers_;
  std::size_t next_ = 0;
};

}  // namespace

int AffinityCpuCount() {
  cpu_set_t set;
  CPU_ZERO(&set);
  if (::sched_getaffinity(0, sizeof set, &set) == 0 && CPU_COUNT(&set) > 0) return CPU_COUNT(&set);
  return std::max(1u, std::thread::hardware_concurrency());
}

int Run(const ServerOptions& options) {
  std::vector<std::unique_ptr<Worker>> workers;
  const int thread_count = AffinityCpuCount();
  for (int i = 0; i < thread_count; ++i) workers.push_back(std::make_unique<Worker>());
  asio::io_context& main_io = workers.front()->io;

  // Installed before listening, so a signal sent as soon as "listening on" appears is not lost.
  asio::signal_set signals(main_io, SIGINT, SIGTERM);
  tcp::acceptor acceptor(main_io);
  try {
    tcp::resolver resolver(main_io);
    const tcp::endpoint endpoint = resolver.resolve(options.host, std::to_string(options.port))->endpoint();
    acceptor.open(endpoint.protocol());
    acceptor.set_option(asio::socket_base::reuse_address(true));
    acceptor.bind(endpoint);
    acceptor.listen(asio::socket_base::max_listen_connections);
  } catch (const boost::system::system_error& e) {
    std::cerr << "error: listen on " << options.host << ":" << options.port << ": " << e.code().message() << "\n";
    return 1;
  }
  std::cerr << "threads: " << thread_count << " (CPUs in the affinity mask)\n";
  std::cerr << "listening on " << acceptor.local_endpoint() << std::endl;

  Listener listener(acceptor, workers);
  listener.Accept();
  signals.async_wait([&](beast::error_code ec, int) {
    if (ec) return;
    beast::error_code ignored;
    acceptor.close(ignored);
    // Open connections are dropped, not drained: benchmark requests take microseconds and
    // the harness only stops the server between runs.
    for (auto& worker : workers) worker->io.stop();
  });

  std::vector<asio::executor_work_guard<asio::io_context::executor_type>> guards;
  for (auto& worker : workers) guards.push_back(asio::make_work_guard(worker->io));
  std::vector<std::thread> threads;
  for (std::size_t i = 1; i < workers.size(); ++i) threads.emplace_back([&io = workers[i]->io] { io.run(); });
  main_io.run();
  for (auto& thread : threads) thread.join();
  return 0;
}

}  // namespace claimbench::beast_server
