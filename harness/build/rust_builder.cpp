// Rust builds, and Rust build-time measurement in a scratch copy with its own target
// directory.
#include "build/rust_builder.h"

#include <cstdlib>
#include <sstream>

#include <toml++/toml.h>

#include "build/build_common.h"
#include "build/cargo_settings.h"
#include "build/elf_linking.h"

namespace claimbench::build {
namespace {

namespace fs = std::filesystem;
using process::RunCommand;

// The one-line summary kept in `flags` (the full, merged profile is in `settings`).
std::string ReleaseProfile(const fs::path& cargo_toml) {
  std::string out;
  try {
    toml::table t = toml::parse_file(cargo_toml.string());
    if (const toml::table* p = t["profile"]["release"].as_table()) {
      for (const auto& [k, v] : *p) {
        std::ostringstream value;
        v.visit([&](const auto& leaf) { value << leaf; });
        out += (out.empty() ? "" : " ") + std::string(k.str()) + "=" + value.str();
      }
    }
  } catch (const toml::parse_error&) {
  }
  return "cargo build --release [profile.release] " + (out.empty() ? "(cargo defaults)" : out);
}

// The triple rustc builds for: the host's, since the harness passes no --target.
std::string TargetTriple() {
  try {
    auto r = RunCommand({"rustc", "-vV"});
    if (!r.Ok()) return NotRead(FailureSummary("rustc -vV", r));
    std::istringstream lines(r.out);
    std::string line;
    while (std::getline(lines, line)) {
      if (line.rfind("host: ", 0) == 0) return line.substr(6);
    }
    return NotRead("rustc -vV printed no host line");
  } catch (const std::exception& e) {
    return NotRead(e.what());
  }
}

BuildSettings RustSettings(const fs::path& rust_dir) {
  CargoSettingSources sources = FindCargoSettingSources(rust_dir);
  BuildSettings settings = ReleaseProfileSettings(sources);
  for (auto& setting : RustflagsSettings(sources)) settings.push_back(std::move(setting));
  settings.emplace_back("target", TargetTriple());
  return settings;
}

// The same package linked statically (glibc's static libraries, `+crt-static`), built for
// the host triple named explicitly so the flag does not reach build scripts and proc
// macros, in a scratch target directory; its sizes go beside the release build's. A
// failure is recorded in static_error and leaves the release build usable.
void BuildStaticVariant(const fs::path& rust_dir, const spec::Implementation& impl, BuildRecord& record) {
  const std::string target = TargetTriple();
  if (target.rfind("not read", 0) == 0) {
    record.static_error = "no static variant: the target triple was " + target;
    return;
  }
  ScratchDir scratch;
  std::string rustflags = "-C target-feature=+crt-static";
  if (const char* rf = std::getenv("RUSTFLAGS")) rustflags = std::string(rf) + " " + rustflags;
  std::vector<std::string> env = {"CARGO_TARGET_DIR=" + (scratch.path() / "target").string(), "RUSTFLAGS=" + rustflags};
  std::vector<std::string> argv = {"cargo", "build",  "--release", "--locked",    "--offline",
                                   "-p",    impl.package, "--target", target};
  record.static_command = "cd rust && RUSTFLAGS=\"" + rustflags + "\" " + JoinArgs(argv);
  auto r = RunCommand(argv, rust_dir, env);
  if (!r.Ok()) {
    record.static_error = FailureSummary("the crt-static cargo build", r);
    return;
  }
  fs::path binary = scratch.path() / "target" / target / "release" / impl.binary;
  const std::optional<bool> is_static = IsStaticallyLinked(binary);
  if (!is_static) {
    record.static_error = "could not read the ELF header of the crt-static build (" + binary.string() + ")";
    return;
  }
  if (!*is_static) {
    record.static_error = "the crt-static build still names an ELF interpreter";
    return;
  }
  record.static_binary_bytes = static_cast<int64_t>(fs::file_size(binary));
  record.static_binary_stripped_bytes = StrippedSize(binary);
}

bool BuildRust(const fs::path& root, const spec::Implementation& impl, const BuildOptions& options,
               BuildRecord& record) {
  fs::path rust_dir = root / "rust";
  std::vector<std::string> argv = {"cargo", "build", "--release", "--locked", "-p", impl.package};
  record.command = "cd rust && " + JoinArgs(argv);
  record.flags = ReleaseProfile(rust_dir / "Cargo.toml");
  if (const char* rf = std::getenv("RUSTFLAGS")) record.flags += std::string(" RUSTFLAGS=") + rf;
  // Read before building: they say what a failed build was attempted with, too.
  record.settings = RustSettings(rust_dir);
  auto r = RunCommand(argv, rust_dir);
  record.build_s = r.wall_s;
  if (!r.Ok()) return Fail(record, "cargo build", r);

  auto rustc = RunCommand({"rustc", "--version"});
  if (rustc.Ok()) record.toolchain = FirstLine(rustc.out);
  auto tree = RunCommand({"cargo", "tree", "--offline", "--locked", "-p", impl.package, "-e", "normal", "--depth", "1",
                          "--prefix", "none"},
                         rust_dir);
  if (tree.Ok()) {
    std::istringstream lines(tree.out);
    std::string line;
    std::getline(lines, line);  // the crate itself
    while (std::getline(lines, line)) {
      std::istringstream fields(line);
      std::string name, version;
      fields >> name >> version;
      if (!name.empty() && name.rfind("claimbench", 0) != 0) record.libraries[name] = version;
    }
  }

  if (options.static_variant) BuildStaticVariant(rust_dir, impl, record);
  if (!options.measure_build_times) return true;
  return TimeBuilds(options.build_time_runs, record, [&](BuildRecord& record) {
  ScratchDir scratch;
  CopyTree(rust_dir, scratch.path() / "rust", {"target"});
  std::vector<std::string> env = {"CARGO_TARGET_DIR=" + (scratch.path() / "target").string()};
  std::vector<std::string> build = {"cargo", "build", "--release", "--locked", "--offline", "-p", impl.package};
  record.cache_state = "empty target directory; crates already downloaded; Rust standard library precompiled by rustup";
  return TimeColdAndIncremental(build, scratch.path(), "rust", env, impl.source, record);
  });
}

}  // namespace

BuildRecord RustBuilder::Build(const fs::path& root, const spec::Implementation& impl,
                               const BuildOptions& options) const {
  return RunBuildSteps(root, impl, BinaryPath(root, impl),
                       [&](BuildRecord& record) { return BuildRust(root, impl, options, record); });
}

fs::path RustBuilder::BinaryPath(const fs::path& root, const spec::Implementation& impl) const {
  return root / "rust" / "target" / "release" / impl.binary;
}

}  // namespace claimbench::build
