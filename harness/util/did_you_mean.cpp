// Edit-distance suggestions for mistyped names.
#include "util/did_you_mean.h"

#include <algorithm>
#include <utility>

namespace claimbench {
namespace {

size_t EditDistance(const std::string& a, const std::string& b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

}  // namespace

std::vector<std::string> Suggestions(const std::string& typed, const std::vector<std::string>& known) {
  std::vector<std::pair<size_t, std::string>> close;
  for (const auto& name : known) {
    const size_t d = EditDistance(typed, name);
    if (d > 0 && d <= 2 && 2 * d < typed.size()) close.emplace_back(d, name);
  }
  std::sort(close.begin(), close.end());
  std::vector<std::string> out;
  for (const auto& [d, name] : close) out.push_back(name);
  return out;
}

}  // namespace claimbench
