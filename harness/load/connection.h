// One keep-alive client connection of the load generator: connect, write the pre-serialised
// request, read and parse the response in one reusable buffer, time it, and report the outcome
// to an observer that decides what happens next (the closed loop sends again at once; an
// open-loop driver will send on its schedule). No allocation per request: the request bytes are
// shared and immutable, the receive buffer and parser are reused, and Asio recycles the handler
// memory of the single outstanding read or write.
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

#include "load/load_result.h"
#include "load/response_parser.h"

namespace claimbench::load {

using Clock = std::chrono::steady_clock;

/// How one request ended. Exactly one of: a final response (status != 0, no error), a failure
/// (error set, status 0), or a server close before any response byte on a connection that had
/// already served one (status 0, no error, server_closed): the request was not answered and the
/// observer may send it again on a new connection (RFC 9112 9.3.1, retrying idempotent requests).
struct Exchange {
  Clock::time_point start{};         ///< just before the request was written
  Clock::time_point end{};           ///< response parsed, or failure noticed
  int status = 0;                    ///< final status code; 0 when there was none
  std::optional<ErrorKind> error{};  ///< set when the request failed
  bool server_closed = false;        ///< the server ended the connection with this exchange
  uint64_t bytes_written = 0;        ///< request bytes written (bytes)
  uint64_t bytes_read = 0;           ///< response bytes read (bytes)
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

  /// `request` must outlive the connection. `timeout` bounds a connect and each request.
  Connection(boost::asio::io_context& io, const boost::asio::ip::tcp::endpoint& endpoint,
             std::string_view request, Clock::duration timeout, ConnectionObserver& observer);
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  /// Starts a connect (the connection must be closed). Reports OnConnected or OnConnectFailed.
  void Connect();
  /// Connects after `delay` (a back-off after a failed connect).
  void ConnectAfter(Clock::duration delay);
  /// Writes the request on an idle open connection. Latency and the timeout count from `start`
  /// (now, in the closed loop; an open-loop driver will pass the intended send time, so that
  /// queueing behind a slow response is measured rather than omitted).
  void Send(Clock::time_point start);
  /// Fails the pending connect or request with a timeout when `now` is past its deadline.
  void CheckDeadline(Clock::time_point now);
  /// Closes without reporting anything; pending handlers are ignored.
  void Close();

  bool is_open() const { return state_ == State::kIdle || state_ == State::kBusy; }
  bool busy() const { return state_ == State::kBusy; }
  /// Successful connects so far; more than one means the last was a reconnect (count).
  uint64_t connects() const { return connects_; }

 private:
  enum class State { kClosed, kConnecting, kWaitingToConnect, kIdle, kBusy };

  void StartRead();
  void OnRead(const boost::system::error_code& error, size_t bytes);
  void OnTransportError(const boost::system::error_code& error, ErrorKind kind);
  void Finish(Exchange& exchange, bool close);

  boost::asio::ip::tcp::socket socket_;
  boost::asio::steady_timer connect_timer_;
  boost::asio::ip::tcp::endpoint endpoint_;
  std::string_view request_;
  Clock::duration timeout_;
  ConnectionObserver& observer_;
  ResponseParser parser_;
  std::array<char, kReceiveBufferBytes> receive_buffer_;

  State state_ = State::kClosed;
  uint64_t generation_ = 0;  // bumped by Close(), so handlers of a closed socket do nothing
  uint64_t connects_ = 0;
  uint64_t responses_on_socket_ = 0;
  Clock::time_point deadline_;
  Clock::time_point start_;
  uint64_t bytes_read_ = 0;
};

}  // namespace claimbench::load
