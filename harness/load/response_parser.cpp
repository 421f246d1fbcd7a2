// The incremental HTTP/1.1 response parser: a phase machine over lines (status, fields, chunk
// sizes, trailers) and counted body bytes. Framing follows RFC 9112 section 6.3 for responses.
#include "load/response_parser.h"

#include <algorithm>
#include <array>
#include <cstring>

namespace claimbench::load {
namespace {

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool EqualsLower(std::string_view text, std::string_view lower) {
  if (text.size() != lower.size()) return false;
  for (size_t i = 0; i < text.size(); ++i) {
    if (Lower(text[i]) != lower[i]) return false;
  }
  return true;
}

// RFC 9110 5.6.2 tchar, as a table: header names are checked on every response.
constexpr std::array<bool, 256> kTokenChars = [] {
  std::array<bool, 256> table{};
  for (int c = '0'; c <= '9'; ++c) table[c] = true;
  for (int c = 'a'; c <= 'z'; ++c) table[c] = true;
  for (int c = 'A'; c <= 'Z'; ++c) table[c] = true;
  for (char c : std::string_view("!#$%&'*+-.^_`|~")) table[static_cast<unsigned char>(c)] = true;
  return table;
}();

bool IsTokenChar(char c) { return kTokenChars[static_cast<unsigned char>(c)]; }

bool HasCrOrNul(std::string_view value) {
  for (char c : value) {
    if (c == '\r' || c == '\0') return true;
  }
  return false;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

std::string_view TrimOws(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

// Calls f(token) for each comma-separated element of a field value, trimmed, skipping empties.
template <typename F>
void ForEachListElement(std::string_view value, F&& f) {
  while (!value.empty()) {
    const size_t comma = value.find(',');
    std::string_view element = TrimOws(value.substr(0, comma));
    if (!element.empty()) f(element);
    if (comma == std::string_view::npos) break;
    value.remove_prefix(comma + 1);
  }
}

constexpr std::string_view kVersionPrefix = "HTTP/1.";

}  // namespace

std::string_view ParseErrorName(ParseError error) {
  switch (error) {
    case ParseError::kNone: return "none";
    case ParseError::kBadStatusLine: return "bad_status_line";
    case ParseError::kBadHeader: return "bad_header";
    case ParseError::kHeaderTooLarge: return "header_too_large";
    case ParseError::kBadContentLength: return "bad_content_length";
    case ParseError::kBadChunk: return "bad_chunk";
    case ParseError::kBodyTooLarge: return "body_too_large";
    case ParseError::kTruncated: return "truncated";
  }
  return "unknown";
}

ResponseParser::ResponseParser(ResponseParserOptions options) : options_(options) { Reset(); }

void ResponseParser::Reset() {
  error_ = ParseError::kNone;
  error_text_.clear();
  interim_responses_ = 0;
  BeginResponse();
}

void ResponseParser::BeginResponse() {
  started_ = false;
  interim_responses_ = 0;
  body_.clear();
  BeginHead();
}

void ResponseParser::BeginHead() {
  phase_ = Phase::kStatusLine;
  line_kept_ = line_total_ = 0;
  line_budget_ = options_.max_header_bytes;
  status_ = 0;
  http_minor_ = 1;
  keep_alive_ = true;
  has_content_length_ = has_transfer_encoding_ = chunked_ = false;
  connection_close_ = connection_keep_alive_ = last_header_framing_ = false;
  content_length_ = remaining_ = body_bytes_ = 0;
}

void ResponseParser::Fail(ParseError error, std::string text) {
  phase_ = Phase::kError;
  error_ = error;
  error_text_ = std::move(text);
}

FeedResult ResponseParser::Feed(const char* data, size_t size) {
  if (phase_ == Phase::kComplete) BeginResponse();
  if (phase_ == Phase::kError) return {0, ParseStatus::kError};
  const char* p = data;
  const char* const end = data + size;
  if (size > 0) started_ = true;
  std::string_view line;
  bool truncated = false;
  while (p < end && phase_ != Phase::kComplete && phase_ != Phase::kError) {
    switch (phase_) {
      case Phase::kStatusLine:
        if (NextLine(p, end, line, truncated)) {
          OnStatusLine(line);
        } else if (phase_ != Phase::kError &&
                   std::string_view(line_.data(), std::min(line_kept_, kVersionPrefix.size())) !=
                       kVersionPrefix.substr(0, std::min(line_kept_, kVersionPrefix.size()))) {
          // Reject garbage as soon as it shows, not after max_header_bytes.
          Fail(ParseError::kBadStatusLine, "response does not start with HTTP/1.");
        }
        break;
      case Phase::kHeaderLine:
        if (NextLine(p, end, line, truncated)) OnHeaderLine(line, truncated);
        break;
      case Phase::kChunkSizeLine:
        if (NextLine(p, end, line, truncated)) OnChunkSizeLine(line);
        break;
      case Phase::kTrailerLine:
        if (NextLine(p, end, line, truncated)) {
          if (line.empty()) {
            phase_ = Phase::kComplete;
          } else if (line.find(':') == std::string_view::npos && !truncated) {
            Fail(ParseError::kBadHeader, "trailer line without ':'");
          }
        }
        break;
      case Phase::kBodyLength:
      case Phase::kChunkData:
        TakeBody(p, end, remaining_);
        if (phase_ == Phase::kError) break;
        if (remaining_ == 0) {
          phase_ = phase_ == Phase::kBodyLength ? Phase::kComplete : Phase::kChunkDataCr;
        }
        break;
      case Phase::kChunkDataCr:
        if (*p == '\r') {
          phase_ = Phase::kChunkDataLf;
        } else if (*p == '\n') {
          phase_ = Phase::kChunkSizeLine;
          line_budget_ = kMaxChunkLineBytes;
        } else {
          Fail(ParseError::kBadChunk, "chunk data not followed by CRLF");
        }
        ++p;
        break;
      case Phase::kChunkDataLf:
        if (*p != '\n') {
          Fail(ParseError::kBadChunk, "chunk data not followed by CRLF");
        } else {
          phase_ = Phase::kChunkSizeLine;
          line_budget_ = kMaxChunkLineBytes;
        }
        ++p;
        break;
      case Phase::kBodyUntilClose:
        TakeBody(p, end, UINT64_MAX);
        break;
      case Phase::kComplete:
      case Phase::kError:
        break;
    }
  }
  const auto consumed = static_cast<size_t>(p - data);
  if (phase_ == Phase::kComplete) return {consumed, ParseStatus::kComplete};
  if (phase_ == Phase::kError) return {consumed, ParseStatus::kError};
  return {consumed, ParseStatus::kNeedMore};
}

FeedResult ResponseParser::Finish() {
  if (phase_ == Phase::kComplete) BeginResponse();  // the close came after the last response
  if (phase_ == Phase::kBodyUntilClose) {
    phase_ = Phase::kComplete;
    return {0, ParseStatus::kComplete};
  }
  if (phase_ != Phase::kError) {
    Fail(ParseError::kTruncated, started_ ? "connection closed in the middle of a response"
                                          : "connection closed before any response byte");
  }
  return {0, ParseStatus::kError};
}

bool ResponseParser::NextLine(const char*& p, const char* end, std::string_view& line,
                              bool& truncated) {
  const auto* newline =
      static_cast<const char*>(std::memchr(p, '\n', static_cast<size_t>(end - p)));
  const char* stop = newline != nullptr ? newline : end;
  const auto length = static_cast<size_t>(stop - p);
  const size_t used = length + (newline != nullptr ? 1 : 0);
  if (used > line_budget_) {
    if (phase_ == Phase::kChunkSizeLine) {
      Fail(ParseError::kBadChunk, "chunk-size line longer than 4096 bytes");
    } else {
      Fail(ParseError::kHeaderTooLarge, "response head or trailers larger than " +
                                            std::to_string(options_.max_header_bytes) + " bytes");
    }
    return false;
  }
  line_budget_ -= used;
  if (newline != nullptr && line_total_ == 0) {  // the common case: the whole line is here
    line = std::string_view(p, length);
    truncated = false;
  } else {
    const size_t keep = std::min(length, kLinePrefixBytes - line_kept_);
    std::memcpy(line_.data() + line_kept_, p, keep);
    line_kept_ += keep;
    line_total_ += length;
    if (newline == nullptr) {
      p = end;
      return false;
    }
    line = std::string_view(line_.data(), line_kept_);
    truncated = line_total_ > line_kept_;
    line_kept_ = line_total_ = 0;
  }
  p = newline + 1;
  if (!line.empty() && line.back() == '\r' && !truncated) line.remove_suffix(1);
  return true;
}

void ResponseParser::OnStatusLine(std::string_view line) {
  // HTTP/1.D SP DDD [SP reason]; a reason may be empty or missing.
  const bool ok = line.size() >= 12 && line.substr(0, 7) == kVersionPrefix && IsDigit(line[7]) &&
                  line[8] == ' ' && IsDigit(line[9]) && IsDigit(line[10]) && IsDigit(line[11]) &&
                  (line.size() == 12 || line[12] == ' ');
  if (!ok) {
    Fail(ParseError::kBadStatusLine, "malformed status line");
    return;
  }
  http_minor_ = line[7] - '0';
  status_ = (line[9] - '0') * 100 + (line[10] - '0') * 10 + (line[11] - '0');
  if (status_ < 100 || status_ > 599) {
    Fail(ParseError::kBadStatusLine, "status code " + std::to_string(status_) + " out of range");
    return;
  }
  phase_ = Phase::kHeaderLine;
}

void ResponseParser::OnHeaderLine(std::string_view line, bool truncated) {
  if (line.empty()) {
    OnHeadEnd();
    return;
  }
  if (line.front() == ' ' || line.front() == '\t') {  // obs-fold continuation line
    if (last_header_framing_) Fail(ParseError::kBadHeader, "folded framing header");
    return;
  }
  const size_t colon = line.find(':');
  if (colon == std::string_view::npos || colon == 0) {
    Fail(ParseError::kBadHeader, truncated ? "header name too long" : "header line without ':'");
    return;
  }
  const std::string_view name = line.substr(0, colon);
  if (!std::all_of(name.begin(), name.end(), IsTokenChar)) {
    Fail(ParseError::kBadHeader, "invalid header name");
    return;
  }
  const std::string_view value = TrimOws(line.substr(colon + 1));
  if (HasCrOrNul(value)) {
    Fail(ParseError::kBadHeader, "CR or NUL in a header value");
    return;
  }
  last_header_framing_ = EqualsLower(name, "content-length") ||
                         EqualsLower(name, "transfer-encoding") || EqualsLower(name, "connection");
  if (!last_header_framing_) return;
  if (truncated) {
    Fail(ParseError::kBadHeader, "framing header longer than 1024 bytes");
    return;
  }
  if (EqualsLower(name, "content-length")) {
    if (value.empty() || value.size() > 18 || !std::all_of(value.begin(), value.end(), IsDigit)) {
      Fail(ParseError::kBadContentLength, "Content-Length is not a decimal number");
      return;
    }
    uint64_t length = 0;
    for (char c : value) length = length * 10 + static_cast<uint64_t>(c - '0');
    if (has_content_length_ && length != content_length_) {
      Fail(ParseError::kBadContentLength, "conflicting Content-Length values");
      return;
    }
    has_content_length_ = true;
    content_length_ = length;
  } else if (EqualsLower(name, "transfer-encoding")) {
    // The final coding decides the framing; later headers append to earlier ones.
    ForEachListElement(value, [&](std::string_view coding) {
      has_transfer_encoding_ = true;
      chunked_ = EqualsLower(coding, "chunked");
    });
  } else {
    ForEachListElement(value, [&](std::string_view option) {
      if (EqualsLower(option, "close")) connection_close_ = true;
      if (EqualsLower(option, "keep-alive")) connection_keep_alive_ = true;
    });
  }
}

void ResponseParser::OnHeadEnd() {
  if (status_ < 200 && status_ != 101) {  // interim response: the final one follows
    ++interim_responses_;
    BeginHead();
    return;
  }
  keep_alive_ = !connection_close_ && (http_minor_ >= 1 || connection_keep_alive_);
  if (status_ == 101 || status_ == 204 || status_ == 304) {
    if (status_ == 101) keep_alive_ = false;  // the connection no longer speaks HTTP/1.1
    phase_ = Phase::kComplete;
  } else if (has_transfer_encoding_) {
    if (chunked_) {
      phase_ = Phase::kChunkSizeLine;
      line_budget_ = kMaxChunkLineBytes;
    } else {
      phase_ = Phase::kBodyUntilClose;
      keep_alive_ = false;
    }
  } else if (has_content_length_) {
    remaining_ = content_length_;
    phase_ = remaining_ == 0 ? Phase::kComplete : Phase::kBodyLength;
  } else {
    phase_ = Phase::kBodyUntilClose;
    keep_alive_ = false;
  }
}

void ResponseParser::OnChunkSizeLine(std::string_view line) {
  size_t digits = 0;
  uint64_t size = 0;
  for (; digits < line.size(); ++digits) {
    const char c = Lower(line[digits]);
    int nibble = -1;
    if (IsDigit(c)) nibble = c - '0';
    if (c >= 'a' && c <= 'f') nibble = c - 'a' + 10;
    if (nibble < 0) break;
    if (digits == 15) {
      Fail(ParseError::kBadChunk, "chunk size too large");
      return;
    }
    size = size * 16 + static_cast<uint64_t>(nibble);
  }
  // After the size: optional whitespace, then nothing or ";extension" (RFC 9112 7.1.1).
  const std::string_view rest = TrimOws(line.substr(digits));
  if (digits == 0 || !(rest.empty() || rest.front() == ';')) {
    Fail(ParseError::kBadChunk, "invalid chunk-size line");
    return;
  }
  if (size == 0) {
    phase_ = Phase::kTrailerLine;
    line_budget_ = options_.max_header_bytes;
  } else {
    remaining_ = size;
    phase_ = Phase::kChunkData;
  }
}

void ResponseParser::TakeBody(const char*& p, const char* end, uint64_t limit) {
  const auto take = static_cast<size_t>(std::min<uint64_t>(limit, static_cast<uint64_t>(end - p)));
  if (options_.keep_body) {
    if (body_.size() + take > options_.max_body_bytes) {
      Fail(ParseError::kBodyTooLarge, "body larger than " +
                                          std::to_string(options_.max_body_bytes) + " bytes");
      return;
    }
    body_.append(p, take);
  }
  body_bytes_ += take;
  if (limit != UINT64_MAX) remaining_ -= take;
  p += take;
}

}  // namespace claimbench::load
