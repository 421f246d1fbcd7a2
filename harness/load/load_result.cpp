// Error-kind names and arithmetic on error counts.
#include "load/load_result.h"

namespace claimbench::load {

std::string_view ErrorKindName(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::kConnect: return "connect";
    case ErrorKind::kRead: return "read";
    case ErrorKind::kWrite: return "write";
    case ErrorKind::kTimeout: return "timeout";
    case ErrorKind::kParse: return "parse";
    case ErrorKind::kStatus1xx: return "status_1xx";
    case ErrorKind::kStatus3xx: return "status_3xx";
    case ErrorKind::kStatus4xx: return "status_4xx";
    case ErrorKind::kStatus5xx: return "status_5xx";
    case ErrorKind::kBodyMismatch: return "body_mismatch";
  }
  return "unknown";
}

ErrorKind StatusErrorKind(int status) {
  if (status < 200) return ErrorKind::kStatus1xx;
  if (status < 400) return ErrorKind::kStatus3xx;
  if (status < 500) return ErrorKind::kStatus4xx;
  return ErrorKind::kStatus5xx;
}

uint64_t& ErrorCounts::At(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::kConnect: return connect;
    case ErrorKind::kRead: return read;
    case ErrorKind::kWrite: return write;
    case ErrorKind::kTimeout: return timeout;
    case ErrorKind::kParse: return parse;
    case ErrorKind::kStatus1xx: return status_1xx;
    case ErrorKind::kStatus3xx: return status_3xx;
    case ErrorKind::kStatus4xx: return status_4xx;
    case ErrorKind::kStatus5xx: return status_5xx;
    case ErrorKind::kBodyMismatch: return body_mismatch;
  }
  return parse;  // unreachable: every enumerator is handled above
}

uint64_t ErrorCounts::At(ErrorKind kind) const {
  return const_cast<ErrorCounts*>(this)->At(kind);
}

uint64_t ErrorCounts::Total() const {
  return connect + read + write + timeout + parse + status_1xx + status_3xx + status_4xx +
         status_5xx + body_mismatch;
}

void ErrorCounts::Add(const ErrorCounts& other) {
  for (int i = 0; i < kErrorKindCount; ++i) {
    const auto kind = static_cast<ErrorKind>(i);
    At(kind) += other.At(kind);
  }
}

}  // namespace claimbench::load
