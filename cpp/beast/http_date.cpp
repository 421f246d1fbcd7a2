// IMF-fixdate formatting and the per-thread Date cache.
#include "http_date.h"

#include <ctime>

namespace claimbench::beast_server {
namespace {

void PutTwoDigits(int value, char* out) {
  out[0] = static_cast<char>('0' + value / 10);
  out[1] = static_cast<char>('0' + value % 10);
}

}  // namespace

std::string_view FormatImfFixdate(std::time_t unix_seconds, std::array<char, 29>& out) {
  static constexpr char kDays[7][4] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static constexpr char kMonths[12][4] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  std::tm tm{};
  ::gmtime_r(&unix_seconds, &tm);
  // Fixed layout "Www, DD Mmm YYYY hh:mm:ss GMT"; strftime's %a and %b follow the locale.
  char* p = out.data();
  for (int i = 0; i < 3; ++i) *p++ = kDays[tm.tm_wday][i];
  *p++ = ',';
  *p++ = ' ';
  PutTwoDigits(tm.tm_mday, p);
  p += 2;
  *p++ = ' ';
  for (int i = 0; i < 3; ++i) *p++ = kMonths[tm.tm_mon][i];
  *p++ = ' ';
  const int year = tm.tm_year + 1900;
  PutTwoDigits(year / 100, p);
  PutTwoDigits(year % 100, p + 2);
  p += 4;
  *p++ = ' ';
  PutTwoDigits(tm.tm_hour, p);
  p[2] = ':';
  PutTwoDigits(tm.tm_min, p + 3);
  p[5] = ':';
  PutTwoDigits(tm.tm_sec, p + 6);
  p += 8;
  *p++ = ' ';
  *p++ = 'G';
  *p++ = 'M';
  *p++ = 'T';
  return std::string_view(out.data(), static_cast<std::size_t>(p - out.data()));
}

std::string_view DateCache::Now() {
  // time() is a vDSO read of the coarse clock: cheaper than a timer per io_context, and the
  // header is never a second stale while a thread is busy.
  const std::time_t now = std::time(nullptr);
  if (now != second_) {
    FormatImfFixdate(now, text_);
    second_ = now;
  }
  return std::string_view(text_.data(), text_.size());
}

}  // namespace claimbench::beast_server
