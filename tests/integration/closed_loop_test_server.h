// A tiny Asio HTTP/1.1 server for the load generator's tests (closed loop, open loop, stalls,
// misbehaving servers, request rotation and sampled checks): listens on 127.0.0.1 with an
// ephemeral port, reads each request head and answers one fixed response (or echoes the request
// target, or misbehaves as told), in one background thread. A release policy
// may hold each response back until a given time (a stall, a slow server).
#pragma once

#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/write.hpp>

namespace claimbench::load::test_support {

enum class ServerMode {
  kOk,              // 200 with a 5-byte body, keep-alive
  kServerError,     // 500, keep-alive
  kCloseAnnounced,  // 200 with "Connection: close", then closes
  kCloseSilently,   // 200 keep-alive as far as the headers say, then closes anyway
  kNeverAnswer,     // reads and never answers
  kGarbage,         // answers bytes that are not HTTP, then waits for the client to close
  kCloseMidResponse,  // sends the head and half the body, then closes
  kWrongBody,       // 200 keep-alive, framed correctly, but with the body "HELLO"
  kEchoTarget,      // 200 keep-alive whose body is the request target; "stale" if it holds "wrong"
};

/// When the response to a request that arrived at `arrival` may be written; called on the server
/// thread only. Empty: at once.
using ReleasePolicy =
    std::function<std::chrono::steady_clock::time_point(std::chrono::steady_clock::time_point arrival)>;

class TestServer {
 public:
  static constexpr std::string_view kOkResponse =
      "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n\r\nhello";

  /// `on_thread_start` runs first on the server thread (the allocation test marks it).
  explicit TestServer(ServerMode mode, std::function<void()> on_thread_start = {}, ReleasePolicy release = {})
      : mode_(mode),
        release_(std::move(release)),
        acceptor_(io_, {boost::asio::ip::make_address("127.0.0.1"), 0}) {
    Accept();
    thread_ = std::thread([this, on_thread_start] {
      if (on_thread_start) on_thread_start();
      io_.run();
    });
  }
  ~TestServer() {
    io_.stop();
    thread_.join();
  }

  uint16_t port() const { return acceptor_.local_endpoint().port(); }
  uint64_t requests_seen() const { return requests_seen_.load(); }
  /// kEchoTarget: how many requests arrived for each request target.
  std::map<std::string, uint64_t> targets_seen() const {
    std::lock_guard lock(targets_mutex_);
    return targets_seen_;
  }

 private:
  struct Session : std::enable_shared_from_this<Session> {
    Session(TestServer& server, boost::asio::ip::tcp::socket socket)
        : server(server), socket(std::move(socket)), timer(this->socket.get_executor()) {}

    void Read() {
      socket.async_read_some(boost::asio::buffer(buffer),
                             [self = shared_from_this()](boost::system::error_code ec, size_t n) {
                               if (ec) return;
                               self->pending.append(self->buffer.data(), n);
                               self->OnData();
                             });
    }

    void OnData() {
      const size_t end = pending.find("\r\n\r\n");
      if (end == std::string::npos) {
        Read();
        return;
      }
      if (server.mode_ == ServerMode::kEchoTarget) Echo(std::string_view(pending).substr(0, end));
      pending.erase(0, end + 4);
      server.requests_seen_.fetch_add(1);
      if (server.mode_ == ServerMode::kNeverAnswer) {
        Read();
        return;
      }
      if (server.release_) {
        const auto now = std::chrono::steady_clock::now();
        const auto release = server.release_(now);
        if (release > now) {
          timer.expires_at(release);
          timer.async_wait([self = shared_from_this()](boost::system::error_code ec) {
            if (!ec) self->Respond();
          });
          return;
        }
      }
      Respond();
    }

    // The body is the target of the request line "METHOD TARGET HTTP/1.1", or "stale" (a wrong
    // answer to plant) when the target holds "wrong".
    void Echo(std::string_view head) {
      const size_t from = head.find(' ') + 1;
      const std::string target(head.substr(from, head.find(' ', from) - from));
      {
        std::lock_guard lock(server.targets_mutex_);
        ++server.targets_seen_[target];
      }
      const std::string body = target.find("wrong") == std::string::npos ? target : "stale";
      echo = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " + std::to_string(body.size()) +
             "\r\n\r\n" + body;
    }

    void Respond() {
      const std::string_view response = server.mode_ == ServerMode::kEchoTarget ? echo : server.Response();
      boost::asio::async_write(socket, boost::asio::buffer(response),
                               [self = shared_from_this()](boost::system::error_code ec, size_t) {
                                 if (!ec) self->AfterResponse();
                               });
    }

    void AfterResponse() {
      if (server.mode_ == ServerMode::kGarbage) {
        Read();  // the client gives up on the connection; the read then ends
        return;
      }
      if (server.mode_ == ServerMode::kCloseAnnounced || server.mode_ == ServerMode::kCloseSilently ||
          server.mode_ == ServerMode::kCloseMidResponse) {
        boost::system::error_code ec;
        socket.shutdown(boost::asio::socket_base::shutdown_send, ec);
        socket.close(ec);
        return;
      }
      OnData();  // a pipelined request may already be pending
    }

    TestServer& server;
    boost::asio::ip::tcp::socket socket;
    boost::asio::steady_timer timer;
    std::array<char, 4096> buffer{};
    std::string pending;
    std::string echo;  // kEchoTarget: the response to the request being answered
  };

  std::string_view Response() const {
    switch (mode_) {
      case ServerMode::kServerError:
        return "HTTP/1.1 500 Internal Server Error\r\nContent-Length: 5\r\n\r\noops!";
      case ServerMode::kCloseAnnounced:
        return "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 5\r\n\r\nhello";
      case ServerMode::kGarbage:
        return "SMTP ready\r\n\r\n";
      case ServerMode::kCloseMidResponse:
        return "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhe";
      case ServerMode::kWrongBody:
        return "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n\r\nHELLO";
      default:
        return kOkResponse;
    }
  }

  void Accept() {
    acceptor_.async_accept([this](boost::system::error_code ec, boost::asio::ip::tcp::socket s) {
      if (ec) return;
      boost::asio::ip::tcp::no_delay no_delay(true);
      s.set_option(no_delay, ec);
      std::make_shared<Session>(*this, std::move(s))->Read();
      Accept();
    });
  }

  ServerMode mode_;
  ReleasePolicy release_;
  boost::asio::io_context io_{1};
  boost::asio::ip::tcp::acceptor acceptor_;
  std::atomic<uint64_t> requests_seen_{0};
  mutable std::mutex targets_mutex_;
  std::map<std::string, uint64_t> targets_seen_;
  std::thread thread_;
};

}  // namespace claimbench::load::test_support
