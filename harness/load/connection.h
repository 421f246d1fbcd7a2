// One keep-alive client connection of the load generator: connect, write a pre-serialised
// request, read and parse the response in one reusable buffer (checking the body when one is
// expected, or when this response is one of the sampled ones), time it, and report the outcome to
// an observer that decides what happens next (the closed loop sends again at once; the open loop
// sends on its schedule). No allocation per request: the request bytes are shared and immutable,
// the receive buffer and parser (and a kept body's capacity) are reused, and the single
// outstanding connect, write or read takes its handler memory from the connection's own block
// (HandlerMemory).
#pragma once

#include <array>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string_view>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/system/error_code.hpp>

#include "load/closed_loop.h"
#include "load/handler_memory.h"
#include "load/load_result.h"
#include "load/response_parser.h"

namespace claimbench::load {

using Clock = std::chrono::steady_clock;

/// How one request ended. Exactly one of: a final response (status != 0, no error), a failure
/// (error set, status 0; a 2xx whose body differs from the expected one is the failure
/// kBodyMismatch), or a server close before any response byte on a connection that had
/// already served one (status 0, no error, server_closed): the request was not answered and the
/// observer may send it again on a new connection (RFC 9112 9.3.1, retrying idempotent requests).
struct Exchange {
  Clock::time_point start{};         ///< just before the request was written
  /// When the request was meant to be written: the open loop's scheduled send time, which may be
  /// earlier than `start` when the request waited for a free connection; equal to `start` in the
  /// closed loop.
  Clock::time_point intended{};
  Clock::time_point end{};           ///< response parsed, or failure noticed
  int status = 0;                    ///< final status code; 0 when there was none
  std::optional<ErrorKind> error{};  ///< set when the request failed
  bool server_closed = false;        ///< the server ended the connection with this exchange
  uint64_t bytes_written = 0;        ///< request bytes written (bytes)
  uint64_t bytes_read = 0;           ///< response bytes read (bytes)
  size_t request_index = 0;          ///< position of the request in the run's request list
  /// The response was passed to the response check (it passed when status != 0, else the error
  /// is kBodyMismatch).
  bool checked = false;
};

/// What a connection checks in its 2xx responses (see ClosedLoopOptions).
struct ResponseChecks {
  std::optional<std::string_view> expected_body{};  ///< every 2xx body must equal it
  uint32_t check_every = 0;                         ///< every n-th 2xx goes to response_check; 0: none
  const ResponseCheck* response_check = nullptr;    ///< required when check_every > 0
};

class Connection;

/// Receives a connection's events; implemented by each load driver.
class ConnectionObserver {
 public:
  virtual ~ConnectionObserver() = default;
  virtual void OnConnected(Connection& connection) = 0;
  /// The connect attempt failed or timed out; the connection is closed.
  virtual void OnConnectFailed(Connection& connection, Clock::time_point when) = 0;
  /// The request ended. Afterwards the connection is idle and open, or closed.
  virtual void OnExchangeDone(Connection& connection, const Exchange& exchange) = 0;
};

class Connection {
 public:
  static constexpr size_t kReceiveBufferBytes = 16 * 1024;

  /// `timeout` bounds a connect and each request. What `checks` points to must outlive the
  /// connection. With an expected body, the parser keeps each body and a 2xx response whose body
  /// differs fails with kBodyMismatch. With check_every n > 0, the parser keeps the body of every
  /// n-th 2xx response only (counted over the connection's life, across reconnects), which
  /// fails with kBodyMismatch when the response check returns false.
  Connection(boost::asio::io_context& io, const boost::asio::ip::tcp::endpoint& endpoint,
             Clock::duration timeout, ConnectionObserver& observer, ResponseChecks checks = {});
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  /// Starts a connect (the connection must be closed). Reports OnConnected or OnConnectFailed.
  void Connect();
  /// Connects after `delay` (a back-off after a failed connect).
  void ConnectAfter(Clock::duration delay);
  /// Writes `request` (whose bytes must stay valid until the exchange is done) on an idle open
  /// connection; `start` is now, just before the write, and the timeout counts from it.
  /// `request_index` and `intended` are handed back in the Exchange: the open loop passes the
  /// scheduled send time as `intended`, so that waiting for a free connection is measured rather
  /// than omitted; the closed loop passes `start`.
  void Send(std::string_view request, size_t request_index, Clock::time_point start, Clock::time_point intended);
  /// Fails the pending connect or request with a timeout when `now` is past its deadline.
  void CheckDeadline(Clock::time_point now);
  /// Closes without reporting anything; pending handlers are ignored.
  void Close();

  bool is_open() const { return state_ == State::kIdle || state_ == State::kBusy; }
  bool busy() const { return state_ == State::kBusy; }
  /// Whether the next 2xx response will be passed to the response check: the driver picks the
  /// request to send accordingly (RequestRotation).
  bool next_response_checked() const {
    return checks_.check_every > 0 && successes_since_check_ + 1 == checks_.check_every;
  }
  /// Successful connects so far; more than one means the last was a reconnect (count).
  uint64_t connects() const { return connects_; }

 private:
  enum class State { kClosed, kConnecting, kWaitingToConnect, kIdle, kBusy };

  void StartRead();
  void OnRead(const boost::system::error_code& error, size_t bytes);
  void OnTransportError(const boost::system::error_code& error, ErrorKind kind);
  void Finish(Exchange& exchange, bool close);
  // Turns a complete parsed response into the exchange's status, or kBodyMismatch, running the
  // sampled check when this 2xx is the check_every-th.
  void ClassifyResponse(Exchange& exchange);
  Exchange NewExchange() const;

  boost::asio::ip::tcp::socket socket_;
  boost::asio::steady_timer connect_timer_;
  boost::asio::ip::tcp::endpoint endpoint_;
  std::string_view request_;
  size_t request_index_ = 0;
  Clock::duration timeout_;
  ConnectionObserver& observer_;
  ResponseChecks checks_;
  uint32_t successes_since_check_ = 0;  // 2xx responses since the last sampled one
  ResponseParser parser_;
  std::array<char, kReceiveBufferBytes> receive_buffer_;
  HandlerMemory handler_memory_;

  State state_ = State::kClosed;
  uint64_t generation_ = 0;  // bumped by Close(), so handlers of a closed socket do nothing
  uint64_t connects_ = 0;
  uint64_t responses_on_socket_ = 0;
  Clock::time_point deadline_;
  Clock::time_point start_;
  Clock::time_point intended_;
  uint64_t bytes_read_ = 0;
};

}  // namespace claimbench::load
