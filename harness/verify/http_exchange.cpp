// Verification exchanges with Boost.Beast.
#include "verify/http_exchange.h"

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <stdexcept>
#include <strings.h>

namespace claimbench::verify {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;

std::optional<std::string> HttpResponse::Header(std::string_view name) const {
  for (const auto& [k, v] : headers) {
    if (k.size() == name.size() && ::strncasecmp(k.data(), name.data(), k.size()) == 0) return v;
  }
  return std::nullopt;
}

HttpResponse Exchange(const std::string& host, uint16_t port, const HttpRequest& request,
                      std::chrono::milliseconds timeout) {
  asio::io_context io;
  asio::ip::tcp::socket socket(io);
  beast::error_code ec;
  auto address = asio::ip::make_address(host, ec);
  if (ec) throw std::runtime_error("invalid address '" + host + "': " + ec.message());
  socket.connect({address, port}, ec);
  if (ec) throw std::runtime_error("connect to " + host + ":" + std::to_string(port) + ": " + ec.message());

  http::request<http::string_body> req;
  req.method_string(request.method);
  req.target(request.path);
  req.version(11);
  req.set(http::field::host, host + ":" + std::to_string(port));
  for (const auto& [name, value] : request.headers) req.set(name, value);
  req.body() = request.body;
  if (!request.body.empty() || request.method == "POST" || request.method == "PUT") {
    req.content_length(request.body.size());
  }
  req.keep_alive(false);

  beast::flat_buffer buffer;
  http::response_parser<http::string_body> parser;
  parser.body_limit(64 << 20);
  parser.header_limit(64 << 10);
  beast::error_code read_ec, write_ec;
  bool read_done = false;
  http::async_write(socket, req, [&](beast::error_code e, size_t) { write_ec = e; });
  http::async_read(socket, buffer, parser, [&](beast::error_code e, size_t) {
    read_ec = e;
    read_done = true;
    // The answer is in: stop writing whatever is left of the request.
    beast::error_code ignored;
    socket.shutdown(asio::ip::tcp::socket::shutdown_send, ignored);
    socket.cancel(ignored);
  });
  io.run_for(timeout);
  if (!read_done) {
    throw std::runtime_error("no complete response within " + std::to_string(timeout.count()) + " ms" +
                             (write_ec ? " (write failed: " + write_ec.message() + ")" : ""));
  }
  if (read_ec) throw std::runtime_error("reading the response: " + read_ec.message());

  const auto& res = parser.get();
  HttpResponse out;
  out.status = static_cast<int>(res.result_int());
  for (const auto& field : res) {
    out.headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
  }
  out.body = res.body();
  out.chunked = parser.chunked();
  out.delimited = parser.chunked() || parser.content_length().has_value();
  return out;
}

}  // namespace claimbench::verify
