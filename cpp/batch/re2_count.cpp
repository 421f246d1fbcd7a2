// regex with RE2 (see re2_count.h).
#include "re2_count.h"

#include <cstdint>
#include <stdexcept>
#include <vector>

#include "checksum.h"

namespace claimbench::batch {

std::unique_ptr<re2::RE2> CompileRegex(std::string_view pattern) {
  // Quiet: RE2 would otherwise log a bad pattern to stderr itself; the runner reports it.
  auto regex = std::make_unique<re2::RE2>(re2::StringPiece(pattern.data(), pattern.size()), re2::RE2::Quiet);
  if (!regex->ok()) throw std::invalid_argument(regex->error());
  return regex;
}

std::string CountMatches(const re2::RE2& regex, std::string_view haystack, bool captures) {
  const re2::StringPiece text(haystack.data(), haystack.size());
  // Without captures only group 0 is asked for, so RE2 can find the bounds with its DFAs.
  const int groups = captures ? 1 + regex.NumberOfCapturingGroups() : 1;
  std::vector<re2::StringPiece> submatch(static_cast<std::size_t>(groups));
  std::uint64_t matches = 0, match_bytes = 0, group_bytes = 0;
  std::size_t start = 0;
  while (start <= text.size() &&
         regex.Match(text, start, text.size(), re2::RE2::UNANCHORED, submatch.data(), groups)) {
    if (submatch[0].empty()) {
      throw std::runtime_error("the pattern matched the empty string at byte " +
                               std::to_string(submatch[0].data() - text.data()));
    }
    ++matches;
    match_bytes += submatch[0].size();
    for (std::size_t g = 1; g < submatch.size(); ++g) {
      if (submatch[g].data() != nullptr) group_bytes += submatch[g].size();  // null: did not participate
    }
    start = static_cast<std::size_t>(submatch[0].data() - text.data()) + submatch[0].size();
  }
  ChecksumBuilder checksum;
  checksum.Add("matches", matches).Add("match_bytes", match_bytes);
  if (captures) checksum.Add("group_bytes", group_bytes);
  return checksum.str();
}

}  // namespace claimbench::batch
