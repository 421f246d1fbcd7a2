// What cargo builds a release with: the [profile.release] settings and the rustflags,
// merged the way cargo merges them (Cargo.toml, then .cargo/config.toml files, then the
// environment), each value saying where it came from. Results state the exact Rust build
// settings; a default that cargo changes one day shows up as "(cargo default)", not as a
// choice someone made.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "build/builder.h"

namespace claimbench::build {

/// Everything cargo reads release settings from, gathered up front so that the merge is a
/// pure function (tests give it a temporary Cargo.toml, no config files and a fake env).
struct CargoSettingSources {
  std::filesystem::path manifest;                   ///< the workspace's Cargo.toml
  std::vector<std::filesystem::path> config_files;  ///< existing .cargo/config files, lowest precedence first
  /// The variables that are set among CARGO_PROFILE_RELEASE_*, RUSTFLAGS,
  /// CARGO_ENCODED_RUSTFLAGS and CARGO_BUILD_RUSTFLAGS.
  std::map<std::string, std::string> env;
};

/// The sources cargo reads for a build run in `workspace_dir`: its Cargo.toml; the config
/// files in `.cargo/` of that folder and each parent, then $CARGO_HOME (cargo's lookup);
/// and this process's environment, which the build inherits.
CargoSettingSources FindCargoSettingSources(const std::filesystem::path& workspace_dir);

/// Every key of the release profile as "profile.release.<key>" -> "<value> (<origin>)":
/// origin is "set" (Cargo.toml), "set in <config file>", "set by <VARIABLE>" or "cargo
/// default". Cargo's defaults (opt-level, debug, lto, ...) come first, in a fixed order,
/// then other keys in name order; nested tables (build-override, package overrides) are
/// flattened ("profile.release.build-override.opt-level"). Values are TOML text
/// (`"fat"`, `3`, `false`); values from the environment are as written.
BuildSettings ReleaseProfileSettings(const CargoSettingSources& sources);

/// "RUSTFLAGS" -> the extra rustc flags cargo passes and where they came from, by cargo's
/// precedence (CARGO_ENCODED_RUSTFLAGS, RUSTFLAGS, CARGO_BUILD_RUSTFLAGS, build.rustflags
/// in config files), or "none (...)". Any [target.*] rustflags in config files follow as
/// keys of their own ("target.<triple or cfg>.rustflags").
BuildSettings RustflagsSettings(const CargoSettingSources& sources);

}  // namespace claimbench::build
