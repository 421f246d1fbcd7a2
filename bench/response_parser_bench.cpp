// ResponseParser::Feed on typical responses: one call per completed request on the hot path; and
// what keeping the body of every n-th response (the sampled response check) adds to it.
#include <benchmark/benchmark.h>

#include <string>
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

// A 1 KiB JSON response; the body of every n-th one is kept as the load generator does for
// ClosedLoopOptions::check_every = n (0: never, 1: always).
void BM_ParseJsonKeepingEveryNthBody(benchmark::State& state) {
  const std::string body = "{\"items\":[" + std::string(1000, '7') + "]}";
  const std::string response = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " +
                               std::to_string(body.size()) + "\r\n\r\n" + body;
  const auto every = static_cast<uint64_t>(state.range(0));
  ResponseParser parser;
  uint64_t n = 0;
  for (auto _ : state) {
    parser.set_keep_body(every > 0 && ++n % every == 0);
    const FeedResult r = parser.Feed(response);
    if (r.status != ParseStatus::kComplete) state.SkipWithError("parse failed");
    benchmark::DoNotOptimize(parser.body().data());
  }
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(response.size()));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ParseJsonKeepingEveryNthBody)->Arg(0)->Arg(100)->Arg(1);

}  // namespace
}  // namespace claimbench::load
