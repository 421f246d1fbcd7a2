// Builders: choosing one per language, where binaries go, and the build settings each
// records (Go's `go version -m` lines, cargo's merged release profile). Nothing here needs
// the network; the one real build fails in well under a second.
#include <gtest/gtest.h>

#include <cstdlib>
#include <optional>
#include <string>
#include <typeinfo>

#include "build/build_common.h"
#include "build/builder.h"
#include "build/cargo_settings.h"
#include "build/cpp_builder.h"
#include "build/go_build_info.h"
#include "build/go_builder.h"
#include "build/rust_builder.h"
#include "process/command.h"
#include "util/files.h"

namespace claimbench::build {
namespace {

namespace fs = std::filesystem;

spec::Implementation Impl(spec::Language language) {
  spec::Implementation impl;
  impl.id = "test-impl";
  impl.language = language;
  impl.package = "./cmd/missing";
  impl.binary = "server";
  return impl;
}

// Sets an environment variable for one scope and restores what was there.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, std::optional<std::string> value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    Set(value);
  }
  ~ScopedEnv() { Set(old_); }

 private:
  void Set(const std::optional<std::string>& value) {
    if (value) {
      ::setenv(name_, value->c_str(), 1);
    } else {
      ::unsetenv(name_);
    }
  }
  const char* name_;
  std::optional<std::string> old_;
};

// ---- BuilderFor and binary paths ---------------------------------------------------

TEST(BuilderFor, PicksTheBuilderOfTheImplementationsLanguage) {
  EXPECT_EQ(typeid(BuilderFor(Impl(spec::Language::kGo))), typeid(GoBuilder));
  EXPECT_EQ(typeid(BuilderFor(Impl(spec::Language::kRust))), typeid(RustBuilder));
  EXPECT_EQ(typeid(BuilderFor(Impl(spec::Language::kCpp))), typeid(CppBuilder));
  // Builders are stateless: one instance per language serves every implementation.
  EXPECT_EQ(&BuilderFor(Impl(spec::Language::kGo)), &BuilderFor(Impl(spec::Language::kGo)));
}

TEST(BinaryPath, IsWhereEachToolchainPutsTheReleaseBinary) {
  const fs::path root = "/repo";
  EXPECT_EQ(BinaryPath(root, Impl(spec::Language::kGo)), fs::path("/repo/build/bin/server"));
  EXPECT_EQ(BinaryPath(root, Impl(spec::Language::kRust)), fs::path("/repo/rust/target/release/server"));
  // C++ binaries live in the harness's own CMake build directory, not under root.
  fs::path cpp = BinaryPath(root, Impl(spec::Language::kCpp));
  EXPECT_EQ(cpp.filename(), "server");
  EXPECT_EQ(cpp.parent_path().filename(), "cpp");
  EXPECT_TRUE(fs::exists(cpp.parent_path().parent_path() / "CMakeCache.txt")) << cpp;
}

TEST(GoBuilder, FailedBuildSaysWhyAndListsSettingsAsNotRead) {
  if (process::FindInPath("go").empty()) GTEST_SKIP() << "go not installed";
  ScratchDir root;
  WriteFileAtomic(root.path() / "go" / "go.mod", "module claimbench\n\ngo 1.22\n");
  ScopedEnv no_toolchain_switch("GOTOOLCHAIN", "local");  // never download a toolchain
  BuildRecord record = Build(root.path(), Impl(spec::Language::kGo), {false});
  EXPECT_FALSE(record.ok);
  EXPECT_EQ(record.implementation, "test-impl");
  EXPECT_EQ(record.binary, root.path() / "build" / "bin" / "server");
  EXPECT_EQ(record.error.rfind("go build failed (exit ", 0), 0u) << record.error;
  ASSERT_EQ(record.settings.size(), 1u);
  EXPECT_EQ(record.settings[0].first, "build settings");
  EXPECT_EQ(record.settings[0].second, "not read: go build failed, so there is no binary to ask");
}

// ---- Go: go version -m ---------------------------------------------------------------

TEST(ParseGoVersionM, ReadsVersionBuildSettingsInOrderAndDependencies) {
  const std::string text =
      "build/bin/nethttp: go1.26.8\n"
      "\tpath\tclaimbench/cmd/nethttp\n"
      "\tmod\tclaimbench\t(devel)\t\n"
      "\tdep\tgithub.com/gofiber/fiber/v2\tv2.52.5\th1:abc=\n"
      "\tdep\tgithub.com/old/mod\tv1.0.0\n"
      "\t=>\tgithub.com/new/mod\tv1.1.0\th1:def=\n"
      "\tbuild\t-buildmode=exe\n"
      "\tbuild\t-compiler=gc\n"
      "\tbuild\t-ldflags=\"-s -w -X 'main.v=a\\\"b'\"\n"
      "\tbuild\t-trimpath=true\n"
      "\tbuild\tDefaultGODEBUG=asynctimerchan=1,tls3des=1\n"
      "\tbuild\tCGO_ENABLED=0\n"
      "\tbuild\tGOARCH=amd64\n"
      "\tbuild\tGOOS=linux\n"
      "\tbuild\tGOAMD64=v1\n"
      "\tbuild\t\"odd=key\"=\"x y\"\n";
  GoBuildInfo info = ParseGoVersionM(text);
  EXPECT_EQ(info.go_version, "go1.26.8");
  const BuildSettings expected = {
      {"-buildmode", "exe"},
      {"-compiler", "gc"},
      {"-ldflags", "-s -w -X 'main.v=a\"b'"},
      {"-trimpath", "true"},
      {"DefaultGODEBUG", "asynctimerchan=1,tls3des=1"},
      {"CGO_ENABLED", "0"},
      {"GOARCH", "amd64"},
      {"GOOS", "linux"},
      {"GOAMD64", "v1"},
      {"odd=key", "x y"},
  };
  EXPECT_EQ(info.settings, expected);
  const std::map<std::string, std::string> deps = {{"github.com/gofiber/fiber/v2", "v2.52.5"},
                                                   {"github.com/old/mod", "v1.0.0"}};
  EXPECT_EQ(info.dependencies, deps);
}

TEST(ParseGoVersionM, EmptyOutputHasNoSettings) {
  GoBuildInfo info = ParseGoVersionM("");
  EXPECT_EQ(info.go_version, "");
  EXPECT_TRUE(info.settings.empty());
}

// ---- Rust: the merged release profile ------------------------------------------------

TEST(ReleaseProfileSettings, MarksExplicitKeysAsSetAndFillsCargoDefaults) {
  ScratchDir dir;
  WriteFileAtomic(dir.path() / "Cargo.toml",
                  "[workspace]\nmembers = []\n\n"
                  "[profile.release]\nlto = \"fat\"\ncodegen-units = 1\npanic = \"abort\"\n"
                  "split-debuginfo = \"packed\"\n\n"
                  "[profile.release.build-override]\nopt-level = 0\n");
  CargoSettingSources sources{dir.path() / "Cargo.toml", {}, {}};
  const BuildSettings expected = {
      {"profile.release.opt-level", "3 (cargo default)"},
      {"profile.release.debug", "false (cargo default)"},
      {"profile.release.strip", "\"none\" (cargo default)"},
      {"profile.release.debug-assertions", "false (cargo default)"},
      {"profile.release.overflow-checks", "false (cargo default)"},
      {"profile.release.lto", "\"fat\" (set)"},
      {"profile.release.panic", "\"abort\" (set)"},
      {"profile.release.incremental", "false (cargo default)"},
      {"profile.release.codegen-units", "1 (set)"},
      {"profile.release.rpath", "false (cargo default)"},
      {"profile.release.build-override.opt-level", "0 (set)"},
      {"profile.release.split-debuginfo", "\"packed\" (set)"},
  };
  EXPECT_EQ(ReleaseProfileSettings(sources), expected);
}

TEST(ReleaseProfileSettings, ConfigFilesOverrideTheManifestAndTheEnvironmentOverridesBoth) {
  ScratchDir dir;
  WriteFileAtomic(dir.path() / "Cargo.toml", "[profile.release]\nlto = false\nopt-level = 2\ndebug = 1\n");
  fs::path home_config = dir.path() / "home" / "config.toml";
  fs::path work_config = dir.path() / ".cargo" / "config.toml";
  WriteFileAtomic(home_config, "[profile.release]\nopt-level = 1\nlto = \"thin\"\n");
  WriteFileAtomic(work_config, "[profile.release]\nopt-level = \"s\"\n");
  CargoSettingSources sources{dir.path() / "Cargo.toml",
                              {home_config, work_config},
                              {{"CARGO_PROFILE_RELEASE_LTO", "fat"}, {"CARGO_PROFILE_RELEASE_RPATH_X", "1"}}};
  BuildSettings settings = ReleaseProfileSettings(sources);
  auto value = [&](const std::string& key) {
    for (const auto& [k, v] : settings)
      if (k == key) return v;
    return std::string("<absent>");
  };
  EXPECT_EQ(value("profile.release.opt-level"), "\"s\" (set in " + work_config.string() + ")");
  EXPECT_EQ(value("profile.release.lto"), "fat (set by CARGO_PROFILE_RELEASE_LTO)");
  EXPECT_EQ(value("profile.release.debug"), "1 (set)");
  EXPECT_EQ(value("profile.release.panic"), "\"unwind\" (cargo default)");
  // A variable that matches no key is still listed, under its own name.
  EXPECT_EQ(value("CARGO_PROFILE_RELEASE_RPATH_X"), "1 (set by CARGO_PROFILE_RELEASE_RPATH_X)");
}

TEST(ReleaseProfileSettings, UnreadableManifestListsEveryKeyWithTheReason) {
  ScratchDir dir;
  WriteFileAtomic(dir.path() / "Cargo.toml", "[profile.release\nlto = true\n");
  fs::path broken_config = dir.path() / "config.toml";
  WriteFileAtomic(broken_config, "= nonsense\n");
  BuildSettings settings = ReleaseProfileSettings({dir.path() / "Cargo.toml", {broken_config}, {}});
  ASSERT_EQ(settings.size(), 11u);  // the 10 known keys and the broken config file
  EXPECT_EQ(settings[0].first, "profile.release.opt-level");
  EXPECT_EQ(settings[0].second.rfind("not read: " + (dir.path() / "Cargo.toml").string() + ":1: ", 0), 0u)
      << settings[0].second;
  EXPECT_NE(settings[0].second.find("(cargo default: 3)"), std::string::npos) << settings[0].second;
  EXPECT_EQ(settings[10].first, "cargo config " + broken_config.string());
  EXPECT_EQ(settings[10].second.rfind("not read: ", 0), 0u);

  BuildSettings missing = ReleaseProfileSettings({dir.path() / "absent.toml", {}, {}});
  EXPECT_EQ(missing[5].first, "profile.release.lto");
  EXPECT_EQ(missing[5].second.rfind("not read: ", 0), 0u) << missing[5].second;
}

TEST(RustflagsSettings, FollowsCargosPrecedence) {
  ScratchDir dir;
  fs::path config = dir.path() / "config.toml";
  WriteFileAtomic(config,
                  "[build]\nrustflags = [\"-C\", \"target-cpu=native\"]\n"
                  "[target.x86_64-unknown-linux-gnu]\nrustflags = [\"-C\", \"link-arg=-s\"]\n");
  CargoSettingSources sources{dir.path() / "Cargo.toml", {}, {}};
  EXPECT_EQ(RustflagsSettings(sources),
            (BuildSettings{{"RUSTFLAGS", "none (RUSTFLAGS, CARGO_ENCODED_RUSTFLAGS and build.rustflags unset)"}}));

  sources.config_files = {config};
  BuildSettings from_config = RustflagsSettings(sources);
  ASSERT_EQ(from_config.size(), 2u);
  EXPECT_EQ(from_config[0].second, "[ \"-C\", \"target-cpu=native\" ] (set in " + config.string() + ")");
  EXPECT_EQ(from_config[1].first, "target.x86_64-unknown-linux-gnu.rustflags");

  sources.env = {{"RUSTFLAGS", "-C opt-level=2"}};
  EXPECT_EQ(RustflagsSettings(sources)[0].second, "-C opt-level=2 (set by RUSTFLAGS)");
  sources.env["CARGO_ENCODED_RUSTFLAGS"] = "-C\x1fpanic=abort";
  EXPECT_EQ(RustflagsSettings(sources)[0].second, "-C panic=abort (set by CARGO_ENCODED_RUSTFLAGS)");
}

TEST(FindCargoSettingSources, ListsConfigFilesLowestPrecedenceFirst) {
  ScratchDir dir;
  fs::path workspace = dir.path() / "repo" / "rust";
  fs::path home_config = dir.path() / "cargo-home" / "config.toml";
  fs::path repo_config = dir.path() / "repo" / ".cargo" / "config.toml";
  fs::path workspace_config = workspace / ".cargo" / "config";
  for (const auto& file : {home_config, repo_config, workspace_config}) WriteFileAtomic(file, "");
  ScopedEnv home("CARGO_HOME", (dir.path() / "cargo-home").string());
  ScopedEnv flags("RUSTFLAGS", "-C debuginfo=1");
  ScopedEnv lto("CARGO_PROFILE_RELEASE_LTO", "thin");

  CargoSettingSources sources = FindCargoSettingSources(workspace);
  EXPECT_EQ(sources.manifest, workspace / "Cargo.toml");
  ASSERT_GE(sources.config_files.size(), 3u);
  EXPECT_EQ(sources.config_files.front(), home_config);
  EXPECT_EQ(sources.config_files[sources.config_files.size() - 2], repo_config);
  EXPECT_EQ(sources.config_files.back(), workspace_config);
  EXPECT_EQ(sources.env.at("RUSTFLAGS"), "-C debuginfo=1");
  EXPECT_EQ(sources.env.at("CARGO_PROFILE_RELEASE_LTO"), "thin");
  EXPECT_EQ(sources.env.count("HOME"), 0u);
}

// ---- lines of code ---------------------------------------------------------------------

TEST(CountCodeLines, SkipsBlanksCommentsAndShebangs) {
  ScratchDir dir;
  fs::path file = dir.path() / "main.rs";
  WriteFileAtomic(file,
                  "#!/usr/bin/env run-cargo-script\n"
                  "/*\n * Block comment\n */\n"
                  "fn main() {\n\n    // comment\n    println!(\"hi\"); /* trailing */\n}\n");
  EXPECT_EQ(CountCodeLines(file), 3);
  EXPECT_EQ(CountCodeLines(dir.path() / "absent.rs"), 0);
  // As an article lists it: the blank line inside main counts, the comments do not.
  EXPECT_EQ(CountListingLines(file), 4);
}

}  // namespace
}  // namespace claimbench::build
