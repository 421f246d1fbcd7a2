// SerializeRequest: the exact bytes on the wire, and the fields it refuses.
#include "load/http_request.h"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

namespace claimbench::load {
namespace {

std::string ErrorOf(const RequestSpec& spec) {
  try {
    SerializeRequest(spec);
  } catch (const std::invalid_argument& e) {
    return e.what();
  }
  return "no error";
}

TEST(HttpRequestTest, GetWithoutBody) {
  RequestSpec spec{.host = "127.0.0.1:8080", .target = "/plaintext?x=1"};
  EXPECT_EQ(SerializeRequest(spec),
            "GET /plaintext?x=1 HTTP/1.1\r\n"
            "Host: 127.0.0.1:8080\r\n"
            "\r\n");
}

TEST(HttpRequestTest, PostWithBodyAndHeadersInOrder) {
  RequestSpec spec{.method = "POST",
                   .host = "localhost",
                   .target = "/json",
                   .headers = {{"Content-Type", "application/json"}, {"X-Trace", "1"}},
                   .body = "{\"a\":1}"};
  EXPECT_EQ(SerializeRequest(spec),
            "POST /json HTTP/1.1\r\n"
            "Host: localhost\r\n"
            "Content-Type: application/json\r\n"
            "X-Trace: 1\r\n"
            "Content-Length: 7\r\n"
            "\r\n"
            "{\"a\":1}");
}

TEST(HttpRequestTest, EmptyPostStillSendsContentLength) {
  RequestSpec spec{.method = "PUT", .host = "h", .target = "/x"};
  EXPECT_EQ(SerializeRequest(spec), "PUT /x HTTP/1.1\r\nHost: h\r\nContent-Length: 0\r\n\r\n");
}

TEST(HttpRequestTest, GetWithBodySendsContentLength) {
  RequestSpec spec{.host = "h", .body = "ab"};
  EXPECT_EQ(SerializeRequest(spec), "GET / HTTP/1.1\r\nHost: h\r\nContent-Length: 2\r\n\r\nab");
}

TEST(HttpRequestTest, HostFromHeadersReplacesTheDefault) {
  RequestSpec spec{.host = "ignored", .headers = {{"host", "example.test"}}};
  EXPECT_EQ(SerializeRequest(spec), "GET / HTTP/1.1\r\nhost: example.test\r\n\r\n");
}

TEST(HttpRequestTest, RejectsWhatWouldBreakTheFraming) {
  EXPECT_EQ(ErrorOf({.method = "G ET", .host = "h"}),
            "invalid request: method 'G ET' is not an HTTP token");
  EXPECT_EQ(ErrorOf({.host = "h", .target = "/a b"}),
            "invalid request: target '/a b' must be non-empty without spaces or line breaks");
  EXPECT_EQ(ErrorOf({.host = ""}),
            "invalid request: Host header value '' must be non-empty without line breaks");
  EXPECT_EQ(ErrorOf({.host = "h", .headers = {{"X", "a\r\nInjected: 1"}}}),
            "invalid request: header 'X' value holds a line break or NUL");
  EXPECT_EQ(ErrorOf({.host = "h", .headers = {{"Bad Name", "1"}}}),
            "invalid request: header name 'Bad Name' is not an HTTP token");
  EXPECT_EQ(ErrorOf({.host = "h", .headers = {{"content-length", "3"}}}),
            "invalid request: header 'content-length' is set from the body; do not give it");
}

}  // namespace
}  // namespace claimbench::load
