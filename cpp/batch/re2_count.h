// regex (workloads/regex/README.md) with RE2: compiling a pattern, and counting its
// non-overlapping leftmost-first matches in a haystack.
#pragma once

#include <re2/re2.h>

#include <memory>
#include <string>
#include <string_view>

namespace claimbench::batch {

/// Compiles `pattern` with the options every run uses (UTF-8, leftmost-first, no logging).
/// Throws std::invalid_argument with RE2's message when the pattern does not compile.
std::unique_ptr<re2::RE2> CompileRegex(std::string_view pattern);

/// `matches=M match_bytes=B`, plus ` group_bytes=G` with `captures`. Each search starts where
/// the previous match ended, on the whole haystack, so `\b` still sees the byte before it.
/// Throws std::runtime_error if the pattern matches the empty string, which no pattern of
/// the workload does.
std::string CountMatches(const re2::RE2& regex, std::string_view haystack, bool captures);

}  // namespace claimbench::batch
