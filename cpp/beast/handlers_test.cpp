// Unit tests of claimbench-beast's handlers: representative vectors of http-json-api and
// http-plaintext (the full sets run against the binary in `claimbench verify`), plus the
// IMF-fixdate formatting of the Date header.
#include "handlers.h"

#include <gtest/gtest.h>

#include <array>
#include <string>

#include "http_date.h"

namespace claimbench::beast_server {
namespace {

Request PostItems(std::string_view body, std::string_view content_type = "application/json") {
  return Request{.method = "POST", .target = "/items", .content_type = content_type, .body = body};
}

int StatusOf(const Request& request) { return Handle(request).status; }

TEST(HandleItemsTest, CreatesWithExactBody) {
  Response response = Handle(PostItems(R"({"name":"widget","price":10.5})"));
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.content_type, "application/json");
  EXPECT_EQ(response.body, R"({"status":"created","tax":1.995})");
}

TEST(HandleItemsTest, PrintsShortestRoundTripTax) {
  EXPECT_EQ(Handle(PostItems(R"({"name":"dime","price":0.1})")).body,
            R"({"status":"created","tax":0.019000000000000003})");
  EXPECT_EQ(Handle(PostItems(R"({"name":"gadget","price":100})")).body, R"({"status":"created","tax":19})");
  // create-price-17-digits: an incorrectly rounded parser reads the price one ulp off.
  EXPECT_EQ(Handle(PostItems(R"({"name":"grain","price":1.8999999999999998e-08})")).body,
            R"({"status":"created","tax":3.6099999999999997e-09})");
}

TEST(HandleItemsTest, AcceptsExtraFieldsAndJsonSuffixMediaTypes) {
  EXPECT_EQ(StatusOf(PostItems(R"({"name":"w","price":19.99,"tags":[1,{"a":null}]})")), 200);
  EXPECT_EQ(StatusOf(PostItems(R"({"name":"w","price":1})", "Application/JSON; charset=utf-8")), 200);
  EXPECT_EQ(StatusOf(PostItems(R"({"name":"w","price":1})", "application/vnd.claimbench+json")), 200);
}

TEST(HandleItemsTest, RoutesUnknownPathsTo404) {
  Request request = PostItems(R"({"name":"w","price":1})");
  request.target = "/items/extra";
  EXPECT_EQ(StatusOf(request), 404);
  request.target = "/nope";
  EXPECT_EQ(StatusOf(request), 404);
}

TEST(HandleItemsTest, AnswersOtherMethodsWith405AndAllow) {
  Response response = Handle(Request{.method = "GET", .target = "/items"});
  EXPECT_EQ(response.status, 405);
  EXPECT_EQ(response.allow, "POST");
}

TEST(HandleItemsTest, RejectsMissingOrNonJsonContentTypeWith415) {
  Request request = PostItems(R"({"name":"w","price":1})");
  request.content_type = std::nullopt;
  EXPECT_EQ(StatusOf(request), 415);
  EXPECT_EQ(StatusOf(PostItems(R"({"name":"w","price":1})", "text/plain")), 415);
  EXPECT_EQ(StatusOf(PostItems(R"({"name":"w","price":1})", "application/x-www-form-urlencoded")), 415);
}

TEST(HandleItemsTest, AcceptsExactly1MiBAndRejectsOneByteMoreWith413) {
  const std::string prefix = R"({"name":")", suffix = R"(","price":100})";
  std::string body = prefix + std::string(kMaxBodyBytes - prefix.size() - suffix.size(), 'a') + suffix;
  ASSERT_EQ(body.size(), 1048576u);
  EXPECT_EQ(StatusOf(PostItems(body)), 200);
  body.insert(prefix.size(), "a");
  EXPECT_EQ(StatusOf(PostItems(body)), 413);
  // The server's parser stopped at the limit: the flag alone decides.
  Request over = PostItems("");
  over.body_over_limit = true;
  EXPECT_EQ(StatusOf(over), 413);
}

TEST(HandleItemsTest, ChecksMediaTypeBeforeBodySize) {
  Request over = PostItems("", "text/plain");
  over.body_over_limit = true;
  EXPECT_EQ(StatusOf(over), 415);
}

TEST(HandleItemsTest, RejectsMalformedJsonWith400) {
  for (std::string_view body : {"", "{\"name\":\"widget\",\"price\":10", "name=widget&price=10",
                                "{\"name\":\"widget\",\"price\":10} x", "{\"name\":\"a\",\"price\":1}{\"name\":\"b\"}",
                                "{\"name\":\"\xff\xfe\",\"price\":1}", "{\"name\":\"\xc3\",\"price\":1}",
                                "{'name':'widget','price':10}", "{\"name\":42} x"}) {
    EXPECT_EQ(StatusOf(PostItems(body)), 400) << body;
  }
}

TEST(HandleItemsTest, RejectsWrongShapeWith422) {
  for (std::string_view body : {R"({"name":"widget"})", R"({"price":10})", "{}", R"({"name":"w","price":"10"})",
                                R"({"name":42,"price":10})", R"({"name":"w","price":null})",
                                R"([{"name":"w","price":10}])", "null", "42"}) {
    EXPECT_EQ(StatusOf(PostItems(body)), 422) << body;
  }
}

TEST(HandlePlaintextTest, AnswersHelloWorldIgnoringTheQuery) {
  for (std::string_view target : {"/plaintext", "/plaintext?x=1"}) {
    Response response = Handle(Request{.method = "GET", .target = target});
    EXPECT_EQ(response.status, 200);
    EXPECT_EQ(response.body, "Hello, World!");
    EXPECT_TRUE(response.content_type.starts_with("text/plain"));
  }
}

TEST(HandlePlaintextTest, AnswersOtherMethodsWith405AndOtherPathsWith404) {
  Response response = Handle(Request{.method = "POST", .target = "/plaintext", .content_type = "text/plain"});
  EXPECT_EQ(response.status, 405);
  EXPECT_EQ(response.allow, "GET");
  EXPECT_EQ(StatusOf(Request{.method = "GET", .target = "/plaintext/extra"}), 404);
}

TEST(HttpDateTest, FormatsImfFixdate) {
  std::array<char, 29> out{};
  EXPECT_EQ(FormatImfFixdate(784111777, out), "Sun, 06 Nov 1994 08:49:37 GMT");  // RFC 9110's example
  EXPECT_EQ(FormatImfFixdate(0, out), "Thu, 01 Jan 1970 00:00:00 GMT");
  EXPECT_EQ(FormatImfFixdate(1709208000, out), "Thu, 29 Feb 2024 12:00:00 GMT");
}

TEST(HttpDateTest, CacheReturnsAFullDate) {
  DateCache cache;
  std::string_view now = cache.Now();
  EXPECT_EQ(now.size(), 29u);
  EXPECT_TRUE(now.ends_with(" GMT"));
}

}  // namespace
}  // namespace claimbench::beast_server
