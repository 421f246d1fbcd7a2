// An incremental HTTP/1.1 response parser, written by hand rather than taken from Beast or
// llhttp because the load generator needs three things at once: it frames responses in place over
// one reusable receive buffer, with no allocation per response (Beast's parser owns and grows its
// own buffers); it handles pipelined responses back to back in one buffer; and it reports protocol
// errors by kind so the client can count them (design.md: errors by kind). It copies nothing but
// a short line prefix when a line spans two reads, and the body only when asked to keep it.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace claimbench::load {

enum class ParseStatus { kNeedMore, kComplete, kError };

enum class ParseError {
  kNone,
  kBadStatusLine,     ///< not "HTTP/1.x NNN reason"
  kBadHeader,         ///< malformed header or trailer field line
  kHeaderTooLarge,    ///< head (status line + fields) or trailers beyond max_header_bytes
  kBadContentLength,  ///< not a decimal number, or conflicting values
  kBadChunk,          ///< invalid chunk-size line or missing CRLF after chunk data
  kBodyTooLarge,      ///< a kept body beyond max_body_bytes
  kTruncated,         ///< the connection closed before the response was complete
};

/// Short stable name of an error kind ("bad_status_line", ...), for logs and JSON.
std::string_view ParseErrorName(ParseError error);

struct FeedResult {
  size_t consumed = 0;  ///< bytes of the input that belong to this response (bytes)
  ParseStatus status = ParseStatus::kNeedMore;
};

struct ResponseParserOptions {
  size_t max_header_bytes = 64 * 1024;  ///< cap on one head, and on the trailers (bytes)
  bool keep_body = false;               ///< keep the decoded body for body()
  size_t max_body_bytes = 16 * 1024 * 1024;  ///< cap on a kept body (bytes)
};

class ResponseParser {
 public:
  explicit ResponseParser(ResponseParserOptions options = {});

  /// Parses the next bytes of the stream. kNeedMore: all `size` bytes were consumed. kComplete:
  /// a final response ended after `consumed` bytes; the rest of the input (a pipelined response)
  /// is for the next call, which starts a new response. 1xx interim responses (100 Continue) are
  /// skipped; 101 completes with keep_alive() false. kError: see error(); further calls return
  /// kError until Reset().
  FeedResult Feed(const char* data, size_t size);
  FeedResult Feed(std::string_view data) { return Feed(data.data(), data.size()); }
  /// The peer closed the connection: completes a body read until close, else kError kTruncated
  /// (idle() tells a close between responses from one in the middle of a response).
  FeedResult Finish();
  /// Forgets the current response (e.g. after a reconnect). Keeps the body buffer's capacity.
  void Reset();
  /// Whether to keep the body of the responses that follow (options.keep_body, changed between
  /// responses): the load generator keeps only the bodies it will check. Call it before the first
  /// byte of a response, i.e. when idle() is true or after kComplete.
  void set_keep_body(bool keep) { options_.keep_body = keep; }

  /// True when no byte of a response has been consumed since the last completion or Reset.
  bool idle() const { return !started_; }
  int status() const { return status_; }
  int http_minor_version() const { return http_minor_; }
  /// Whether the connection may carry another request after this response.
  bool keep_alive() const { return keep_alive_; }
  /// The decoded body (chunked framing removed); empty unless the body was kept (keep_body).
  std::string_view body() const { return body_; }
  /// Decoded body length of the current response (bytes).
  uint64_t body_bytes() const { return body_bytes_; }
  /// 1xx interim responses skipped before the current one.
  int interim_responses() const { return interim_responses_; }
  ParseError error() const { return error_; }
  const std::string& error_text() const { return error_text_; }

 private:
  enum class Phase {
    kStatusLine,
    kHeaderLine,
    kBodyLength,
    kChunkSizeLine,
    kChunkData,
    kChunkDataCr,
    kChunkDataLf,
    kTrailerLine,
    kBodyUntilClose,
    kComplete,
    kError,
  };
  static constexpr size_t kLinePrefixBytes = 1024;
  static constexpr size_t kMaxChunkLineBytes = 4096;

  void BeginResponse();
  void BeginHead();
  bool NextLine(const char*& p, const char* end, std::string_view& line, bool& truncated);
  void OnStatusLine(std::string_view line);
  void OnHeaderLine(std::string_view line, bool truncated);
  void OnHeadEnd();
  void OnChunkSizeLine(std::string_view line);
  void TakeBody(const char*& p, const char* end, uint64_t limit);
  void Fail(ParseError error, std::string text);

  ResponseParserOptions options_;
  Phase phase_ = Phase::kStatusLine;
  bool started_ = false;
  // Line assembly across reads: the first kLinePrefixBytes are kept, the rest only counted.
  std::array<char, kLinePrefixBytes> line_{};
  size_t line_kept_ = 0;
  size_t line_total_ = 0;
  size_t line_budget_ = 0;  // bytes the current head / chunk line / trailers may still use

  int status_ = 0;
  int http_minor_ = 1;
  bool keep_alive_ = true;
  bool has_content_length_ = false;
  uint64_t content_length_ = 0;
  bool has_transfer_encoding_ = false;
  bool chunked_ = false;
  bool connection_close_ = false;
  bool connection_keep_alive_ = false;
  bool last_header_framing_ = false;  // an obs-fold after a framing header is an error
  uint64_t remaining_ = 0;
  uint64_t body_bytes_ = 0;
  int interim_responses_ = 0;
  std::string body_;
  ParseError error_ = ParseError::kNone;
  std::string error_text_;
};

}  // namespace claimbench::load
