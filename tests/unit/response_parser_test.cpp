// ResponseParser: framing by Content-Length, chunked (extensions, trailers) and close; pipelining,
// byte-by-byte feeding, keep-alive rules, interim responses, and errors by kind.
#include "load/response_parser.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

namespace claimbench::load {
namespace {

ResponseParser KeepingBody() { return ResponseParser(ResponseParserOptions{.keep_body = true}); }

// Feeds the whole text at once; expects one complete response that uses all of it.
void ExpectCompleteAtOnce(ResponseParser& parser, std::string_view text) {
  const FeedResult r = parser.Feed(text);
  ASSERT_EQ(r.status, ParseStatus::kComplete) << parser.error_text();
  EXPECT_EQ(r.consumed, text.size());
}

constexpr std::string_view kChunked =
    "HTTP/1.1 200 OK\r\n"
    "Transfer-Encoding: chunked\r\n"
    "\r\n"
    "5;name=value;quoted=\"a b\"\r\nhello\r\n"
    "1A\r\nabcdefghijklmnopqrstuvwxyz\r\n"
    "0\r\n"
    "X-Checksum: 1234\r\n"
    "X-Other: yes\r\n"
    "\r\n";

TEST(ResponseParserTest, ContentLengthBody) {
  ResponseParser parser = KeepingBody();
  ExpectCompleteAtOnce(parser, "HTTP/1.1 200 OK\r\ncontent-LENGTH: 5\r\nServer: x\r\n\r\nhello");
  EXPECT_EQ(parser.status(), 200);
  EXPECT_TRUE(parser.keep_alive());
  EXPECT_EQ(parser.body(), "hello");
  EXPECT_EQ(parser.body_bytes(), 5u);
}

TEST(ResponseParserTest, BodyIsNotKeptUnlessAsked) {
  ResponseParser parser;
  ExpectCompleteAtOnce(parser, "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello");
  EXPECT_TRUE(parser.body().empty());
  EXPECT_EQ(parser.body_bytes(), 5u);
}

// The load generator keeps only the bodies it samples for a check, switching between responses
// on one connection: a kept body must not leak into the next, unkept response, nor the reverse.
TEST(ResponseParserTest, KeepBodyCanChangeBetweenResponses) {
  ResponseParser parser;
  parser.set_keep_body(true);
  ExpectCompleteAtOnce(parser, "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nfirst");
  EXPECT_EQ(parser.body(), "first");
  parser.set_keep_body(false);
  ExpectCompleteAtOnce(parser, "HTTP/1.1 200 OK\r\nContent-Length: 6\r\n\r\nsecond");
  EXPECT_TRUE(parser.body().empty());
  EXPECT_EQ(parser.body_bytes(), 6u);
  parser.set_keep_body(true);
  ExpectCompleteAtOnce(parser, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nth\r\n3\r\nird\r\n0\r\n\r\n");
  EXPECT_EQ(parser.body(), "third");
}

TEST(ResponseParserTest, ChunkedWithExtensionsAndTrailers) {
  ResponseParser parser = KeepingBody();
  ExpectCompleteAtOnce(parser, kChunked);
  EXPECT_EQ(parser.body(), "helloabcdefghijklmnopqrstuvwxyz");
  EXPECT_TRUE(parser.keep_alive());
}

TEST(ResponseParserTest, ByteByByteFeedingGivesTheSameResult) {
  for (std::string_view text :
       {std::string_view("HTTP/1.1 201 Created\r\nContent-Length: 3\r\n\r\nabc"), kChunked}) {
    ResponseParser parser = KeepingBody();
    for (size_t i = 0; i < text.size(); ++i) {
      const FeedResult r = parser.Feed(text.data() + i, 1);
      ASSERT_EQ(r.consumed, 1u);
      ASSERT_EQ(r.status, i + 1 == text.size() ? ParseStatus::kComplete : ParseStatus::kNeedMore)
          << "byte " << i << ": " << parser.error_text();
    }
    EXPECT_FALSE(parser.body().empty());
  }
}

TEST(ResponseParserTest, PipelinedResponsesInOneBuffer) {
  const std::string first = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";
  const std::string second(kChunked);
  const std::string third = "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n";
  const std::string buffer = first + second + third;
  ResponseParser parser = KeepingBody();
  std::string_view rest = buffer;
  FeedResult r = parser.Feed(rest);
  ASSERT_EQ(r.status, ParseStatus::kComplete);
  EXPECT_EQ(r.consumed, first.size());
  EXPECT_EQ(parser.body(), "ok");
  rest.remove_prefix(r.consumed);
  r = parser.Feed(rest);
  ASSERT_EQ(r.status, ParseStatus::kComplete);
  EXPECT_EQ(r.consumed, second.size());
  EXPECT_EQ(parser.body(), "helloabcdefghijklmnopqrstuvwxyz");
  rest.remove_prefix(r.consumed);
  r = parser.Feed(rest);
  ASSERT_EQ(r.status, ParseStatus::kComplete);
  EXPECT_EQ(r.consumed, third.size());
  EXPECT_EQ(parser.status(), 404);
  EXPECT_TRUE(parser.body().empty());
}

TEST(ResponseParserTest, ConnectionCloseIsNotKeepAlive) {
  ResponseParser parser;
  ExpectCompleteAtOnce(
      parser, "HTTP/1.1 200 OK\r\nConnection: Upgrade, CLOSE\r\nContent-Length: 0\r\n\r\n");
  EXPECT_FALSE(parser.keep_alive());
}

TEST(ResponseParserTest, Http10IsKeepAliveOnlyWhenAsked) {
  ResponseParser parser;
  ExpectCompleteAtOnce(parser, "HTTP/1.0 200 OK\r\nContent-Length: 1\r\n\r\nx");
  EXPECT_EQ(parser.http_minor_version(), 0);
  EXPECT_FALSE(parser.keep_alive());
  ExpectCompleteAtOnce(parser,
                       "HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nContent-Length: 1\r\n\r\nx");
  EXPECT_TRUE(parser.keep_alive());
}

TEST(ResponseParserTest, BodyWithoutLengthIsReadUntilClose) {
  ResponseParser parser = KeepingBody();
  const FeedResult r = parser.Feed("HTTP/1.0 200 OK\r\n\r\nuntil the end");
  EXPECT_EQ(r.status, ParseStatus::kNeedMore);
  EXPECT_EQ(r.consumed, 32u);
  EXPECT_EQ(parser.Finish().status, ParseStatus::kComplete);
  EXPECT_EQ(parser.body(), "until the end");
  EXPECT_FALSE(parser.keep_alive());
}

TEST(ResponseParserTest, InterimContinueIsSkipped) {
  ResponseParser parser = KeepingBody();
  ExpectCompleteAtOnce(parser,
                       "HTTP/1.1 100 Continue\r\n\r\n"
                       "HTTP/1.1 102 Processing\r\nX: y\r\n\r\n"
                       "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhi");
  EXPECT_EQ(parser.status(), 200);
  EXPECT_EQ(parser.interim_responses(), 2);
  EXPECT_EQ(parser.body(), "hi");
}

TEST(ResponseParserTest, NoBodyFor204And304AndReasonMayBeEmpty) {
  ResponseParser parser;
  ExpectCompleteAtOnce(parser, "HTTP/1.1 204\r\nContent-Length: 10\r\n\r\n");
  EXPECT_EQ(parser.status(), 204);
  ExpectCompleteAtOnce(parser, "HTTP/1.1 304 \r\n\r\n");
  EXPECT_EQ(parser.status(), 304);
}

TEST(ResponseParserTest, BareLineFeedsAreAccepted) {
  ResponseParser parser = KeepingBody();
  ExpectCompleteAtOnce(parser, "HTTP/1.1 200 OK\nContent-Length: 2\n\nhi");
  EXPECT_EQ(parser.body(), "hi");
}

void ExpectError(std::string_view text, ParseError error, ResponseParserOptions options = {}) {
  ResponseParser parser(options);
  const FeedResult r = parser.Feed(text);
  EXPECT_EQ(r.status, ParseStatus::kError) << text;
  EXPECT_EQ(parser.error(), error) << ParseErrorName(parser.error()) << ": " << parser.error_text();
  EXPECT_FALSE(parser.error_text().empty());
  EXPECT_EQ(parser.Feed(text).status, ParseStatus::kError);  // stays failed until Reset
}

TEST(ResponseParserTest, GarbageFailsAtTheFirstWrongByte) {
  ResponseParser parser;
  const FeedResult r = parser.Feed("GARBAGE WITHOUT ANY NEWLINE AT ALL");
  EXPECT_EQ(r.status, ParseStatus::kError);
  EXPECT_EQ(parser.error(), ParseError::kBadStatusLine);
  ExpectError("HTTP/2 200 OK\r\n\r\n", ParseError::kBadStatusLine);
  ExpectError("HTTP/1.1 2x0 OK\r\n\r\n", ParseError::kBadStatusLine);
  ExpectError("HTTP/1.1 099 Low\r\n\r\n", ParseError::kBadStatusLine);
  ExpectError(std::string_view("\0\1\2\3", 4), ParseError::kBadStatusLine);
}

TEST(ResponseParserTest, MalformedHeadersFail) {
  ExpectError("HTTP/1.1 200 OK\r\nNo colon here\r\n\r\n", ParseError::kBadHeader);
  ExpectError("HTTP/1.1 200 OK\r\nBad Name: x\r\n\r\n", ParseError::kBadHeader);
  ExpectError("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n  folded\r\n\r\n", ParseError::kBadHeader);
  ExpectError("HTTP/1.1 200 OK\r\nContent-Length: 5x\r\n\r\n", ParseError::kBadContentLength);
  ExpectError("HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\n",
              ParseError::kBadContentLength);
}

TEST(ResponseParserTest, OversizedHeadersFailWithoutUnboundedBuffering) {
  std::string head = "HTTP/1.1 200 OK\r\nX-Big: " + std::string(70 * 1024, 'a');
  ExpectError(head, ParseError::kHeaderTooLarge);
  ExpectError("HTTP/1.1 200 OK\r\nX: 1\r\nY: 2\r\n\r\n", ParseError::kHeaderTooLarge,
              ResponseParserOptions{.max_header_bytes = 24});
  // Fed in small pieces, the cap holds too.
  ResponseParser parser;
  FeedResult r;
  for (size_t i = 0; i < head.size() && r.status == ParseStatus::kNeedMore; i += 100) {
    r = parser.Feed(std::string_view(head).substr(i, 100));
  }
  EXPECT_EQ(r.status, ParseStatus::kError);
  EXPECT_EQ(parser.error(), ParseError::kHeaderTooLarge);
}

TEST(ResponseParserTest, InvalidChunksFail) {
  constexpr std::string_view kHead = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n";
  ExpectError(std::string(kHead) + "xyz\r\n", ParseError::kBadChunk);
  ExpectError(std::string(kHead) + "5 junk\r\nhello\r\n", ParseError::kBadChunk);
  ExpectError(std::string(kHead) + "5\r\nhelloXX", ParseError::kBadChunk);
  ExpectError(std::string(kHead) + "ffffffffffffffff\r\n", ParseError::kBadChunk);
  ExpectError(std::string(kHead) + "0\r\nnot a trailer\r\n\r\n", ParseError::kBadHeader);
}

TEST(ResponseParserTest, KeptBodyIsCapped) {
  ExpectError("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n0123456789",
              ParseError::kBodyTooLarge,
              ResponseParserOptions{.keep_body = true, .max_body_bytes = 4});
}

TEST(ResponseParserTest, CloseInTheMiddleIsTruncatedAndResetRecovers) {
  ResponseParser parser;
  EXPECT_TRUE(parser.idle());
  EXPECT_EQ(parser.Feed("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc").status,
            ParseStatus::kNeedMore);
  EXPECT_FALSE(parser.idle());
  EXPECT_EQ(parser.Finish().status, ParseStatus::kError);
  EXPECT_EQ(parser.error(), ParseError::kTruncated);
  parser.Reset();
  EXPECT_TRUE(parser.idle());
  ExpectCompleteAtOnce(parser, "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
}

// Regression: a close right after a complete response was reported as that response again,
// so a server closing idle keep-alive connections had every response counted twice.
TEST(ResponseParserTest, CloseAfterACompleteResponseIsNotAnotherResponse) {
  ResponseParser parser;
  ExpectCompleteAtOnce(parser, "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
  EXPECT_EQ(parser.Finish().status, ParseStatus::kError);
  EXPECT_EQ(parser.error(), ParseError::kTruncated);
  EXPECT_TRUE(parser.idle());
  EXPECT_EQ(parser.error_text(), "connection closed before any response byte");
}

TEST(ResponseParserTest, SwitchingProtocolsEndsHttp) {
  ResponseParser parser;
  ExpectCompleteAtOnce(parser, "HTTP/1.1 101 Switching Protocols\r\nUpgrade: x\r\n\r\n");
  EXPECT_EQ(parser.status(), 101);
  EXPECT_FALSE(parser.keep_alive());
}

}  // namespace
}  // namespace claimbench::load
