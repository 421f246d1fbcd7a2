// The response comparison, including planted mismatches: a checker that never fails is a
// defect.
#include <gtest/gtest.h>

#include "verify/compare.h"

namespace claimbench::verify {
namespace {

spec::Expectation Created(double tax) {
  spec::Expectation e;
  e.status = 200;
  e.content_type = "application/json";
  e.body_json = "{\"status\":\"created\",\"tax\":" + std::to_string(tax) + "}";
  return e;
}

HttpResponse Response(int status, std::string content_type, std::string body) {
  HttpResponse r;
  r.status = status;
  r.headers = {{"Content-Type", std::move(content_type)}};
  r.body = std::move(body);
  return r;
}

TEST(Compare, EqualResponseHasNoDifference) {
  spec::Expectation e;
  e.status = 200;
  e.content_type = "application/json";
  e.body_json = R"({"status":"created","tax":19.0})";
  // Integer vs float spelling, key order, charset parameter and a trailing newline are all equal.
  EXPECT_TRUE(Compare(e, Response(200, "application/json; charset=utf-8", "{\"tax\":19,\"status\":\"created\"}\n")).empty());
}

TEST(Compare, PlantedWrongStatusAndTaxAreBothReported) {
  spec::Expectation e;
  e.status = 422;
  e.content_type = "application/json";
  e.body_json = R"({"status":"created","tax":1.995})";
  auto d = Compare(e, Response(200, "application/json", R"({"status":"created","tax":1.9950000000000003})"));
  ASSERT_EQ(d.size(), 1u + 1u);
  EXPECT_EQ(d[0].Describe(), "status: expected 422, got 200");
  // 1.9950000000000003 is the next double after 1.995: a one-ulp error is caught.
  EXPECT_EQ(d[1].Describe(),
            "body at JSON pointer '/tax': expected '{\"status\":\"created\",\"tax\":1.995}', got "
            "'{\"status\":\"created\",\"tax\":1.9950000000000003}'");
}

TEST(Compare, ContentTypeAndHeaders) {
  spec::Expectation e;
  e.status = 405;
  e.content_type = "application/json";
  e.headers = {{"Allow", "POST"}};
  HttpResponse r = Response(405, "text/plain; charset=utf-8", "");
  r.headers.push_back({"allow", "GET, POST"});
  auto d = Compare(e, r);
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[0].Describe(), "content-type: expected 'application/json', got 'text/plain; charset=utf-8'");
  EXPECT_EQ(d[1].Describe(), "header Allow: expected 'POST', got 'GET, POST'");
  r.headers.clear();
  d = Compare(e, r);
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[0].Describe(), "content-type: expected 'application/json', got no Content-Type header");
  EXPECT_EQ(d[1].Describe(), "header Allow: expected 'POST', got no such header");
}

TEST(Compare, BodyThatIsNotJsonIsShownEscaped) {
  auto d = Compare(Created(19), Response(200, "application/json", "bad\xff"));
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].field, "body (not JSON)");
  EXPECT_EQ(d[0].actual, "'bad\\xff'");
}

TEST(JsonDifference, PointsAtTheFirstDifference) {
  EXPECT_EQ(JsonDifference(R"({"a":[1,2,{"b":true}]})", R"({"a":[1,2,{"b":false}]})"), "/a/2/b");
  EXPECT_EQ(JsonDifference(R"({"a":1})", R"({"a":1,"b":2})"), "");
  EXPECT_EQ(JsonDifference(R"({"a":1})", R"({"b":1})"), "/a");
  EXPECT_EQ(JsonDifference(R"([1])", R"({"0":1})"), "");
  EXPECT_EQ(JsonDifference(R"("x")", R"("x")"), std::nullopt);
  EXPECT_EQ(JsonDifference(R"(1e2)", R"(100)"), std::nullopt);
  EXPECT_EQ(JsonDifference(R"(-0.6175)", R"(-0.6175)"), std::nullopt);
  EXPECT_EQ(JsonDifference(R"(1)", R"(1 2)"), std::string(kNotJson));
}

TEST(MediaType, IgnoresParametersCaseAndSpaces) {
  EXPECT_EQ(MediaType("Application/JSON ; charset=UTF-8"), "application/json");
  EXPECT_EQ(MediaType(""), "");
}

}  // namespace
}  // namespace claimbench::verify
