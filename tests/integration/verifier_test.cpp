// Verification against small servers written here: the real vectors against a server that
// answers correctly, and planted wrong answers that must fail with a message naming the
// vector and what differed.
#include <gtest/gtest.h>

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <functional>
#include <thread>

#include "spec/vectors.h"
#include "verify/verifier.h"

namespace claimbench::verify {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;

using Handler = std::function<void(const http::request<http::string_body>&, http::response<http::string_body>&)>;

// A one-connection-at-a-time Beast server on 127.0.0.1 with an ephemeral port.
class TestServer {
 public:
  explicit TestServer(Handler handler) : handler_(std::move(handler)), acceptor_(io_, {asio::ip::make_address("127.0.0.1"), 0}) {
    thread_ = std::thread([this] { Loop(); });
  }
  ~TestServer() {
    stop_ = true;
    beast::error_code ec;
    asio::ip::tcp::socket poke(io_);
    poke.connect(acceptor_.local_endpoint(), ec);
    thread_.join();
  }
  uint16_t port() const { return acceptor_.local_endpoint().port(); }

 private:
  void Loop() {
    while (!stop_) {
      asio::ip::tcp::socket socket(io_);
      beast::error_code ec;
      acceptor_.accept(socket, ec);
      if (ec || stop_) continue;
      beast::flat_buffer buffer;
      http::request_parser<http::string_body> parser;
      parser.body_limit(8 << 20);
      http::read(socket, buffer, parser, ec);
      if (ec) continue;
      http::response<http::string_body> res;
      res.version(11);
      handler_(parser.get(), res);
      res.prepare_payload();
      res.keep_alive(false);
      http::write(socket, res, ec);
      socket.shutdown(asio::ip::tcp::socket::shutdown_both, ec);
    }
  }
  Handler handler_;
  asio::io_context io_;
  asio::ip::tcp::acceptor acceptor_;
  std::atomic<bool> stop_{false};
  std::thread thread_;
};

const std::filesystem::path kVectors = std::filesystem::path(CLAIMBENCH_SOURCE_DIR) / "workloads/http-json-api/vectors.toml";

// Answers each vector with exactly what it expects, looked up by request body.
Handler Oracle(const std::vector<spec::Vector>& vectors) {
  return [&vectors](const auto& req, auto& res) {
    for (const auto& v : vectors) {
      std::string ct(req[http::field::content_type]);
      std::string vector_ct;
      for (const auto& [k, val] : v.headers) {
        if (beast::iequals(k, "Content-Type")) vector_ct = val;
      }
      bool same_ct = ct == vector_ct;
      if (req.method_string() == v.method && req.target() == v.path && req.body() == v.body && same_ct) {
        res.result(v.expect.status);
        if (v.expect.content_type) res.set(http::field::content_type, *v.expect.content_type);
        for (const auto& [k, val] : v.expect.headers) res.set(k, val);
        if (v.expect.body_json) res.body() = *v.expect.body_json;
        return;
      }
    }
    res.result(599);
  };
}

TEST(Verifier, AllRealVectorsPassAgainstAnOracle) {
  auto vectors = spec::LoadVectors(kVectors);
  TestServer server(Oracle(vectors));
  auto report = VerifyHttp("127.0.0.1", server.port(), kVectors, vectors);
  for (const auto& f : report.failures) ADD_FAILURE() << f.Describe();
  EXPECT_TRUE(report.Ok());
  EXPECT_EQ(report.passed, static_cast<int>(vectors.size()));
}

TEST(Verifier, PlantedWrongTaxFailsNamingVectorAndDifference) {
  auto vectors = spec::LoadVectors(kVectors);
  std::vector<spec::Vector> one = {vectors[0]};  // create-basic
  TestServer server([](const auto&, auto& res) {
    res.result(200);
    res.set(http::field::content_type, "application/json");
    res.body() = R"({"status":"created","tax":2.0})";
  });
  auto report = VerifyHttp("127.0.0.1", server.port(), kVectors, one);
  ASSERT_EQ(report.failures.size(), 1u);
  EXPECT_FALSE(report.Ok());
  EXPECT_EQ(report.failures[0].Describe(),
            "vector 'create-basic' (vectors.toml:" + std::to_string(vectors[0].line) +
                "): body at JSON pointer '/tax': expected '{\"status\":\"created\",\"tax\":1.995}', got "
                "'{\"status\":\"created\",\"tax\":2.0}'");
}

TEST(Verifier, PlantedWrongBadInputStatusAndHeader) {
  auto vectors = spec::LoadVectors(kVectors);
  std::vector<spec::Vector> picked;
  for (const auto& v : vectors) {
    if (v.name == "get-items" || v.name == "missing-price") picked.push_back(v);
  }
  ASSERT_EQ(picked.size(), 2u);
  // A server that answers every bad input with 400 and never sets Allow.
  TestServer server([](const auto&, auto& res) { res.result(400); });
  auto report = VerifyHttp("127.0.0.1", server.port(), kVectors, picked);
  ASSERT_EQ(report.failures.size(), 2u);
  std::string all = report.failures[0].Describe() + "\n" + report.failures[1].Describe();
  EXPECT_NE(all.find("vector 'missing-price'"), std::string::npos) << all;
  EXPECT_NE(all.find("status: expected 422, got 400"), std::string::npos) << all;
  EXPECT_NE(all.find("status: expected 405, got 400"), std::string::npos) << all;
  EXPECT_NE(all.find("header Allow: expected 'POST', got no such header"), std::string::npos) << all;
}

TEST(Verifier, RefusedPortIsATransportError) {
  auto vectors = spec::LoadVectors(kVectors);
  uint16_t port;
  {
    asio::io_context io;
    asio::ip::tcp::acceptor a(io, {asio::ip::make_address("127.0.0.1"), 0});
    port = a.local_endpoint().port();
  }
  auto report = VerifyHttp("127.0.0.1", port, kVectors, {vectors[0]});
  ASSERT_EQ(report.failures.size(), 1u);
  EXPECT_NE(report.failures[0].error.find("Connection refused"), std::string::npos) << report.failures[0].error;
}

const std::filesystem::path kPlaintext =
    std::filesystem::path(CLAIMBENCH_SOURCE_DIR) / "workloads/http-plaintext/vectors.toml";

TEST(Verifier, PlaintextWrongBodyMissingServerAndFrozenDateAreEachNamed) {
  auto vectors = spec::LoadVectors(kPlaintext);
  std::vector<spec::Vector> get = {vectors[0]};  // get-plaintext
  // Off by one byte, no Server header, and a Date that never changes.
  TestServer server([](const auto&, auto& res) {
    res.result(200);
    res.set(http::field::content_type, "text/plain");
    res.set(http::field::date, "Mon, 23 Nov 2026 12:00:00 GMT");
    res.body() = "Hello, World";
  });
  auto report = VerifyHttp("127.0.0.1", server.port(), kPlaintext, get);
  ASSERT_EQ(report.failures.size(), 2u);  // the vector itself, then the Date re-check
  std::string first = report.failures[0].Describe();
  EXPECT_NE(first.find("header Server: expected present, got no such header"), std::string::npos) << first;
  EXPECT_NE(first.find("body: expected 'Hello, World!', got 'Hello, World'"), std::string::npos) << first;
  EXPECT_EQ(report.failures[1].Describe(),
            "vector 'get-plaintext' (vectors.toml:" + std::to_string(get[0].line) +
                "): header Date: expected a new value 1.1 s later, got the same 'Mon, 23 Nov 2026 12:00:00 GMT'");
}

TEST(Verifier, PlaintextRightAnswerWithLiveDatePasses) {
  auto vectors = spec::LoadVectors(kPlaintext);
  TestServer server([](const auto& req, auto& res) {
    if (req.target() != "/plaintext" && req.target() != "/plaintext?x=1") {
      res.result(404);
      return;
    }
    if (req.method() != http::verb::get) {
      res.result(405);
      return;
    }
    res.result(200);
    res.set(http::field::content_type, "text/plain");
    res.set(http::field::server, "test");
    res.set(http::field::date, std::to_string(std::chrono::system_clock::now().time_since_epoch().count()));
    res.body() = "Hello, World!";
  });
  auto report = VerifyHttp("127.0.0.1", server.port(), kPlaintext, vectors);
  for (const auto& f : report.failures) ADD_FAILURE() << f.Describe();
  EXPECT_TRUE(report.Ok());
}

}  // namespace
}  // namespace claimbench::verify
