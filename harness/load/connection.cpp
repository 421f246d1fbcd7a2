// One keep-alive client connection: connect, write, read + parse, classify the outcome (status
// class, or a body that differs from the expected one or fails the sampled check).
#include "load/connection.h"

#include <boost/asio/error.hpp>
#include <boost/asio/write.hpp>

namespace claimbench::load {

namespace asio = boost::asio;

Connection::Connection(asio::io_context& io, const asio::ip::tcp::endpoint& endpoint, Clock::duration timeout,
                       ConnectionObserver& observer, ResponseChecks checks)
    : socket_(io),
      connect_timer_(io),
      endpoint_(endpoint),
      timeout_(timeout),
      observer_(observer),
      checks_(checks),
      parser_(ResponseParserOptions{.keep_body = checks.expected_body.has_value()}) {}

void Connection::Close() {
  ++generation_;
  boost::system::error_code ignored;
  socket_.close(ignored);
  connect_timer_.cancel();
  state_ = State::kClosed;
}

void Connection::ConnectAfter(Clock::duration delay) {
  Close();
  state_ = State::kWaitingToConnect;
  connect_timer_.expires_after(delay);
  connect_timer_.async_wait([this, generation = generation_](const boost::system::error_code& ec) {
    if (ec || generation != generation_) return;
    Connect();
  });
}

void Connection::Connect() {
  Close();
  state_ = State::kConnecting;
  deadline_ = Clock::now() + timeout_;
  parser_.Reset();
  responses_on_socket_ = 0;
  socket_.async_connect(endpoint_, WithMemory(handler_memory_, [this, generation = generation_](
                                                                    const boost::system::error_code& ec) {
    if (generation != generation_) return;
    if (ec) {
      Close();
      observer_.OnConnectFailed(*this, Clock::now());
      return;
    }
    boost::system::error_code ignored;
    socket_.set_option(asio::ip::tcp::no_delay(true), ignored);
    ++connects_;
    state_ = State::kIdle;
    observer_.OnConnected(*this);
  }));
}

void Connection::Send(std::string_view request, size_t request_index, Clock::time_point start,
                      Clock::time_point intended) {
  state_ = State::kBusy;
  request_ = request;
  request_index_ = request_index;
  start_ = start;
  intended_ = intended;
  deadline_ = start + timeout_;
  bytes_read_ = 0;
  // Only the bodies that will be compared are kept; the parser is between responses here.
  parser_.set_keep_body(checks_.expected_body.has_value() || next_response_checked());
  asio::async_write(socket_, asio::buffer(request_.data(), request_.size()),
                    WithMemory(handler_memory_, [this, generation = generation_](
                                                    const boost::system::error_code& ec, size_t) {
                      if (generation != generation_) return;
                      if (ec) {
                        OnTransportError(ec, ErrorKind::kWrite);
                        return;
                      }
                      StartRead();
                    }));
}

void Connection::StartRead() {
  socket_.async_read_some(
      asio::buffer(receive_buffer_),
      WithMemory(handler_memory_, [this, generation = generation_](const boost::system::error_code& ec, size_t bytes) {
        if (generation != generation_) return;
        OnRead(ec, bytes);
      }));
}

void Connection::OnRead(const boost::system::error_code& error, size_t bytes) {
  if (error) {
    if (error == asio::error::eof && parser_.Finish().status == ParseStatus::kComplete) {
      Exchange exchange = NewExchange();
      exchange.server_closed = true;
      ClassifyResponse(exchange);
      Finish(exchange, /*close=*/true);
      return;
    }
    OnTransportError(error, ErrorKind::kRead);
    return;
  }
  bytes_read_ += bytes;
  const FeedResult result = parser_.Feed(receive_buffer_.data(), bytes);
  if (result.status == ParseStatus::kNeedMore) {
    StartRead();
    return;
  }
  Exchange exchange = NewExchange();
  // Bytes after the response while no other request is outstanding break the protocol.
  if (result.status == ParseStatus::kError || result.consumed != bytes) {
    exchange.error = ErrorKind::kParse;
    Finish(exchange, /*close=*/true);
    return;
  }
  ++responses_on_socket_;
  ClassifyResponse(exchange);
  exchange.server_closed = !parser_.keep_alive();
  Finish(exchange, /*close=*/exchange.server_closed);
}

Exchange Connection::NewExchange() const {
  return Exchange{.start = start_, .intended = intended_, .request_index = request_index_};
}

void Connection::ClassifyResponse(Exchange& exchange) {
  const int status = parser_.status();
  if (status < 200 || status >= 300) {
    exchange.status = status;
    return;
  }
  const bool sampled = next_response_checked();  // decided at Send, when the body was kept
  if (checks_.check_every > 0) successes_since_check_ = sampled ? 0 : successes_since_check_ + 1;
  // A body that fails a check is never a success, whatever the status said.
  if (checks_.expected_body && parser_.body() != *checks_.expected_body) {
    exchange.error = ErrorKind::kBodyMismatch;
    return;
  }
  if (sampled) {
    exchange.checked = true;
    if (!(*checks_.response_check)(request_index_, status, parser_.body())) {
      exchange.error = ErrorKind::kBodyMismatch;
      return;
    }
  }
  exchange.status = status;
}

void Connection::OnTransportError(const boost::system::error_code& error, ErrorKind kind) {
  Exchange exchange = NewExchange();
  const bool peer_closed = error == asio::error::eof || error == asio::error::connection_reset ||
                           error == asio::error::broken_pipe;
  if (peer_closed && parser_.idle() && responses_on_socket_ > 0) {
    // A reused keep-alive connection the server had already closed: not an error of the request.
    exchange.server_closed = true;
  } else {
    exchange.error = kind;
  }
  Finish(exchange, /*close=*/true);
}

void Connection::Finish(Exchange& exchange, bool close) {
  exchange.end = Clock::now();
  exchange.bytes_written = request_.size();
  exchange.bytes_read = bytes_read_;
  if (close) {
    Close();
  } else {
    state_ = State::kIdle;
  }
  observer_.OnExchangeDone(*this, exchange);
}

void Connection::CheckDeadline(Clock::time_point now) {
  if (now < deadline_) return;
  if (state_ == State::kConnecting) {
    Close();
    observer_.OnConnectFailed(*this, now);
  } else if (state_ == State::kBusy) {
    Exchange exchange = NewExchange();
    exchange.error = ErrorKind::kTimeout;
    Finish(exchange, /*close=*/true);
  }
}

}  // namespace claimbench::load
