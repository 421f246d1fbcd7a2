// ResponseParser::Feed on typical responses: one call per completed request on the hot path.
#include <benchmark/benchmark.h>

#include <string_view>

#include "load/response_parser.h"

namespace claimbench::load {
namespace {

// A TechEmpower-plaintext-like response, as Go net/http and Rust hyper send it.
constexpr std::string_view kPlaintext =
    "HTTP/1.1 200 OK\r\n"
    "Content-Length: 13\r\n"
    "Content-Type: text/plain; charset=utf-8\r\n"
    "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
    "Server: claimbench\r\n"
    "\r\n"
    "Hello, World!";

constexpr std::string_view kChunkedJson =
    "HTTP/1.1 200 OK\r\n"
    "Content-Type: application/json\r\n"
    "Transfer-Encoding: chunked\r\n"
    "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
    "\r\n"
    "1b\r\n{\"message\":\"Hello, World!\"}\r\n"
    "0\r\n\r\n";

void FeedWhole(benchmark::State& state, std::string_view response) {
  ResponseParser parser;
  for (auto _ : state) {
    const FeedResult r = parser.Feed(response);
    if (r.status != ParseStatus::kComplete) state.SkipWithError("parse failed");
    benchmark::DoNotOptimize(r);
  }
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(response.size()));
  state.SetItemsProcessed(state.iterations());
}

void BM_ParsePlaintextResponse(benchmark::State& state) { FeedWhole(state, kPlaintext); }
BENCHMARK(BM_ParsePlaintextResponse);

void BM_ParseChunkedJsonResponse(benchmark::State& state) { FeedWhole(state, kChunkedJson); }
BENCHMARK(BM_ParseChunkedJsonResponse);

}  // namespace
}  // namespace claimbench::load
