// Building implementations: one Builder per toolchain behind one interface, so the
// harness builds, times and describes a Go, Rust or C++ implementation the same way. Each
// builder runs the release build the harness measures and the build-time figures (cold
// and incremental) in a scratch copy, so the work tree is never touched. Binary sizes are
// taken as built and after `strip`.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "build/code_lines.h"
#include "spec/workload.h"

namespace claimbench::build {

struct BuildOptions {
  bool measure_build_times = true;  ///< cold + incremental builds in a scratch copy
};

/// Ordered setting name -> value, as the toolchain states it (see BuildRecord::settings).
using BuildSettings = std::vector<std::pair<std::string, std::string>>;

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
  /// The complete build settings, in order: Go's `build` lines of `go version -m`, Rust's
  /// merged [profile.release] (each value says whether it was set or is cargo's default),
  /// rustflags and target, the C++ compiler, build type and flags. A setting that could
  /// not be read is still listed, with a value saying why ("not read: ...").
  std::vector<std::pair<std::string, std::string>> settings;
  double build_s = 0;                        ///< wall seconds of the build just run (often cached)
  std::optional<double> cold_build_s;        ///< from an empty build cache (see cache_state)
  std::optional<double> incremental_build_s; ///< after one handler source file changed
  std::string cache_state;                   ///< what "cold" started from
  int64_t binary_bytes = 0;                  ///< as built
  int64_t binary_stripped_bytes = 0;         ///< after strip --strip-all
  int handler_lines = 0;                     ///< lines of code of the handler source (no blanks, no comments)
};

/// Builds one kind of implementation. Builders hold no state: everything they need comes
/// from the repository root and the implementation, so one instance serves every build.
///
/// A fourth builder that runs a user-given command (a later issue) fits without changing
/// this interface: the command line and the artifact path become fields of
/// spec::Implementation (say `build_command` and `artifact`), `CommandBuilder::BinaryPath`
/// returns `root / impl.artifact`, and `CommandBuilder::Build` runs the command through
/// RunBuildSteps (build_common.h) like the others, timing cold and incremental builds with
/// TimeColdAndIncremental and recording settings such as {"command", ...}, {"cwd", ...}.
/// BuilderFor would return it whenever `impl.build_command` is set, before it looks at
/// the language.
class Builder {
 public:
  virtual ~Builder() = default;

  /// Builds `impl` under the repository `root`. Never throws for a compile error: the
  /// record says what failed.
  virtual BuildRecord Build(const std::filesystem::path& root, const spec::Implementation& impl,
                            const BuildOptions& options) const = 0;

  /// Where the release binary of `impl` is (whether or not it exists yet).
  virtual std::filesystem::path BinaryPath(const std::filesystem::path& root,
                                           const spec::Implementation& impl) const = 0;
};

/// The builder for `impl`'s toolchain (by its language).
const Builder& BuilderFor(const spec::Implementation& impl);

/// BuilderFor(impl).Build(root, impl, options).
BuildRecord Build(const std::filesystem::path& root, const spec::Implementation& impl, const BuildOptions& options);

/// BuilderFor(impl).BinaryPath(root, impl).
std::filesystem::path BinaryPath(const std::filesystem::path& root, const spec::Implementation& impl);

}  // namespace claimbench::build
