// "Did you mean": the known names closest to a mistyped option or command, by edit
// distance. Hand-written: CLI11 has no suggestions, and a Levenshtein distance over a few
// dozen short names needs no library.
#pragma once

#include <string>
#include <vector>

namespace claimbench {

/// The names among `known` within edit distance 2 of `typed` (and closer than half its
/// length), nearest first; empty when none is close.
std::vector<std::string> Suggestions(const std::string& typed, const std::vector<std::string>& known);

}  // namespace claimbench
