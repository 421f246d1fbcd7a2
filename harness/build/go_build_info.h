// Reading `go version -m BINARY`: the Go toolchain's own record, embedded in the binary, of
// the version, dependencies and build settings it was built with. Parsed from text so the
// parser is tested on canned output.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "build/builder.h"

namespace claimbench::build {

/// What `go version -m` says about one binary.
struct GoBuildInfo {
  std::string go_version;  ///< "go1.26.8", from the first line "<file>: go1.26.8"
  /// The `build` lines in order, unquoted: "-trimpath" -> "true", "CGO_ENABLED" -> "0",
  /// "-ldflags" -> "-s -w".
  BuildSettings settings;
  std::map<std::string, std::string> dependencies;  ///< module path -> version (`dep` lines)
};

/// Parses the output of `go version -m` for one binary. Lines it does not know (path,
/// mod, replacements) are skipped; a quoted key or value (Go quotes those with spaces,
/// quotes or '=' in a key) is unquoted.
GoBuildInfo ParseGoVersionM(std::string_view text);

}  // namespace claimbench::build
