// The smallest idiomatic Boost.Beast server: synchronous, one thread per connection, as
// Beast's own http_server_sync example. claimbench reports its lines of code, build
// times, binary size and startup (workload hello-world).
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <cstdlib>
#include <thread>

namespace beast = boost::beast;
namespace http = beast::http;
using tcp = boost::asio::ip::tcp;

void Session(tcp::socket socket) {
  beast::flat_buffer buffer;
  beast::error_code ec;
  for (;;) {
    http::request<http::string_body> request;
    http::read(socket, buffer, request, ec);
    if (ec) return;
    http::response<http::string_body> response{http::status::ok, request.version()};
    response.set(http::field::content_type, "text/plain");
    response.keep_alive(request.keep_alive());
    response.body() = "Hello, World!";
    response.prepare_payload();
    http::write(socket, response, ec);
    if (ec || !response.keep_alive()) return;
  }
}

int main() {
  const char* port = std::getenv("PORT");
  boost::asio::io_context io;
  tcp::acceptor acceptor{io, {boost::asio::ip::make_address("127.0.0.1"),
                              static_cast<unsigned short>(port ? std::atoi(port) : 8080)}};
  for (;;) std::thread{Session, acceptor.accept()}.detach();
}
