// Building implementations: the release build the harness runs, and the build-time
// figures (cold and incremental) measured in a scratch copy so the work tree is never
// touched. Binary sizes are taken as built and after `strip`.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>

#include "spec/workload.h"

namespace claimbench::build {

struct BuildOptions {
  bool measure_build_times = true;  ///< cold + incremental builds in a scratch copy
};

/// Everything the results file says about how one implementation was built.
struct BuildRecord {
  std::string implementation;
  bool ok = false;
  std::string error;                         ///< the tail of the compiler's output on failure
  std::filesystem::path binary;              ///< the release binary the harness runs
  std::string command;                       ///< the exact build command
  std::string flags;                         ///< build flags / release profile, as text
  std::string toolchain;                     ///< compiler version line
  std::map<std::string, std::string> libraries;  ///< dependency -> version
  double build_s = 0;                        ///< wall seconds of the build just run (often cached)
  std::optional<double> cold_build_s;        ///< from an empty build cache (see cache_state)
  std::optional<double> incremental_build_s; ///< after one handler source file changed
  std::string cache_state;                   ///< what "cold" started from
  int64_t binary_bytes = 0;                  ///< as built
  int64_t binary_stripped_bytes = 0;         ///< after strip --strip-all
  int handler_lines = 0;                     ///< lines of code of the handler source (no blanks, no comments)
};

/// Lines of code of a source file: lines that are neither blank nor only a comment
/// (//, #, /* ... */ on their own lines). 0 when the file cannot be read.
int CountCodeLines(const std::filesystem::path& file);

/// Builds `impl` under the repository `root`. Never throws for a compile error: the
/// record says what failed.
BuildRecord Build(const std::filesystem::path& root, const spec::Implementation& impl, const BuildOptions& options);

/// Where the release binary of `impl` is (whether or not it exists yet).
std::filesystem::path BinaryPath(const std::filesystem::path& root, const spec::Implementation& impl);

}  // namespace claimbench::build
