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
  int build_time_runs = 1;          ///< how many times, each from a fresh scratch copy (medians recorded)
  /// Also build a statically linked variant where the release build is not one (Rust:
  /// `-C target-feature=+crt-static`), in a scratch target directory, for its sizes.
  bool static_variant = false;
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
  std::optional<double> cold_build_s;        ///< median, from an empty build cache (see cache_state)
  std::optional<double> incremental_build_s; ///< median, after one handler source file changed
  std::vector<double> cold_build_runs_s;        ///< each cold build, in order
  std::vector<double> incremental_build_runs_s; ///< each incremental build, in order
  std::string cache_state;                   ///< what "cold" started from
  int64_t binary_bytes = 0;                  ///< as built
  int64_t binary_stripped_bytes = 0;         ///< after strip --strip-all
  int handler_lines = 0;                     ///< lines of code of the handler source (no blanks, no comments)
  int listing_lines = 0;                     ///< the same file as an article lists it: blanks kept, comments not
  std::optional<bool> static_linked;         ///< the release binary names no ELF interpreter
  /// Sizes of a statically linked build: the release binary's own when it is static, else
  /// the static variant's (BuildOptions::static_variant), with the command that built it.
  std::optional<int64_t> static_binary_bytes;
  std::optional<int64_t> static_binary_stripped_bytes;
  std::string static_command;
  std::string static_error;  ///< why the static variant has no sizes (empty when it has, or was not asked for)
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
