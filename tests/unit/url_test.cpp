// ParseUrl: host, port, target; the Host header; https and malformed URLs rejected by message.
#include "load/url.h"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

namespace claimbench::load {
namespace {

std::string ErrorOf(std::string_view text) {
  try {
    ParseUrl(text);
  } catch (const std::invalid_argument& e) {
    return e.what();
  }
  return "no error";
}

TEST(UrlTest, HostPortAndTarget) {
  const Url url = ParseUrl("http://127.0.0.1:8080/path?q");
  EXPECT_EQ(url.host, "127.0.0.1");
  EXPECT_EQ(url.port, 8080);
  EXPECT_EQ(url.target, "/path?q");
  EXPECT_EQ(url.HostHeader(), "127.0.0.1:8080");
}

TEST(UrlTest, DefaultsToPort80AndRootTarget) {
  const Url url = ParseUrl("HTTP://localhost");
  EXPECT_EQ(url.host, "localhost");
  EXPECT_EQ(url.port, 80);
  EXPECT_EQ(url.target, "/");
  EXPECT_EQ(url.HostHeader(), "localhost");
}

TEST(UrlTest, QueryWithoutPathAndFragmentDropped) {
  EXPECT_EQ(ParseUrl("http://h:81?x=1#frag").target, "/?x=1");
  EXPECT_EQ(ParseUrl("http://h/a/b#frag").target, "/a/b");
}

TEST(UrlTest, Ipv6Literal) {
  const Url url = ParseUrl("http://[::1]:9000/x");
  EXPECT_EQ(url.host, "::1");
  EXPECT_EQ(url.port, 9000);
  EXPECT_EQ(url.HostHeader(), "[::1]:9000");
}

TEST(UrlTest, HttpsIsRejectedWithAClearMessage) {
  EXPECT_EQ(ErrorOf("https://example.com/"),
            "https is not supported: 'https://example.com/' (claimbench load speaks plain "
            "HTTP/1.1; use an http:// URL)");
}

TEST(UrlTest, MalformedUrlsAreRejectedByMessage) {
  EXPECT_EQ(ErrorOf("ftp://h/"), "invalid URL 'ftp://h/': expected http://host[:port]/path");
  EXPECT_EQ(ErrorOf("127.0.0.1:8080"),
            "invalid URL '127.0.0.1:8080': expected http://host[:port]/path");
  EXPECT_EQ(ErrorOf("http://:80/"), "invalid URL 'http://:80/': missing host");
  EXPECT_EQ(ErrorOf("http://h:0/"),
            "invalid URL 'http://h:0/': port must be a number from 1 to 65535");
  EXPECT_EQ(ErrorOf("http://h:65536/"),
            "invalid URL 'http://h:65536/': port must be a number from 1 to 65535");
  EXPECT_EQ(ErrorOf("http://h:/"),
            "invalid URL 'http://h:/': port must be a number from 1 to 65535");
  EXPECT_EQ(ErrorOf("http://u:p@h/"), "invalid URL 'http://u:p@h/': user info is not supported");
  EXPECT_EQ(ErrorOf("http://[::1/"), "invalid URL 'http://[::1/': unterminated IPv6 address");
  EXPECT_EQ(ErrorOf("http://h/a b"), "invalid URL 'http://h/a b': contains whitespace");
}

}  // namespace
}  // namespace claimbench::load
