// Go builds, and Go build-time measurement in a scratch copy with its own GOCACHE.
#include "build/go_builder.h"

#include <cstdlib>
#include <optional>

#include "build/build_common.h"
#include "build/go_build_info.h"

namespace claimbench::build {
namespace {

namespace fs = std::filesystem;
using process::RunCommand;

const std::vector<std::string> kGoEnv = {"CGO_ENABLED=0"};

// Toolchain, dependencies and build settings from the binary itself: what Go embedded is
// what was used, whatever GOFLAGS or go.env said.
void ReadBuildInfo(BuildRecord& record) {
  auto v = RunCommand({"go", "version", "-m", record.binary.string()});
  if (!v.Ok()) {
    record.settings = {{"build settings", NotRead(FailureSummary("go version -m", v))}};
  } else {
    GoBuildInfo info = ParseGoVersionM(v.out);
    record.toolchain = info.go_version;
    record.libraries.insert(info.dependencies.begin(), info.dependencies.end());
    record.settings = info.settings;
    if (record.settings.empty()) {
      record.settings = {{"build settings", NotRead("go version -m printed no build lines")}};
    }
  }
  record.libraries["go standard library"] = record.toolchain;
}

// The standard library built once (untimed) into a GOCACHE of its own, which every timed
// cold build copies as its starting cache: the same std-only state each time, without
// paying for `go build std` before every repetition. Empty (and `error` set) on failure.
fs::path StdOnlyCache(const fs::path& go_dir, std::vector<std::string> env, std::string& error) {
  static std::optional<ScratchDir> cache;  // removed at exit
  static bool warmed = false;
  if (warmed) return cache->path() / "gocache";
  cache.emplace();
  env.push_back("GOCACHE=" + (cache->path() / "gocache").string());
  auto warm = RunCommand({"go", "build", "-trimpath", "std"}, go_dir, env);
  if (!warm.Ok()) {
    error = FailureSummary("go build std (warming the std-only cache)", warm);
    cache.reset();
    return {};
  }
  warmed = true;
  return cache->path() / "gocache";
}

bool BuildGo(const fs::path& root, const spec::Implementation& impl, const BuildOptions& options, BuildRecord& record) {
  fs::path go_dir = root / "go";
  std::vector<std::string> argv = {"go", "build", "-trimpath", "-o", record.binary.string(), impl.package};
  record.command = "cd go && CGO_ENABLED=0 " + JoinArgs(argv);
  record.flags = "CGO_ENABLED=0 go build -trimpath";
  if (const char* goflags = std::getenv("GOFLAGS")) record.flags += std::string(" GOFLAGS=") + goflags;
  auto r = RunCommand(argv, go_dir, kGoEnv);
  record.build_s = r.wall_s;
  if (!r.Ok()) {
    record.settings = {{"build settings", NotRead("go build failed, so there is no binary to ask")}};
    return Fail(record, "go build", r);
  }
  ReadBuildInfo(record);

  if (!options.measure_build_times) return true;
  return TimeBuilds(options.build_time_runs, record, [&](BuildRecord& record) {
  ScratchDir scratch;
  CopyTree(go_dir, scratch.path() / "go", {"bin"});
  std::vector<std::string> env = kGoEnv;
  env.push_back("GOPROXY=off");  // dependencies come from the warm module cache, never the network
  std::string error;
  const fs::path std_cache = StdOnlyCache(go_dir, env, error);
  if (std_cache.empty()) {
    record.ok = false;
    record.error = error;
    return false;
  }
  CopyTree(std_cache, scratch.path() / "gocache", {});
  env.push_back("GOCACHE=" + (scratch.path() / "gocache").string());
  fs::path out = scratch.path() / impl.binary;
  std::vector<std::string> build = {"go", "build", "-trimpath", "-o", out.string(), impl.package};
  record.cache_state =
      "GOCACHE holding only the standard library (built untimed once, copied in); modules already downloaded";
  return TimeColdAndIncremental(build, scratch.path(), "go", env, impl.source, record);
  });
}

}  // namespace

BuildRecord GoBuilder::Build(const fs::path& root, const spec::Implementation& impl,
                             const BuildOptions& options) const {
  return RunBuildSteps(root, impl, BinaryPath(root, impl),
                       [&](BuildRecord& record) { return BuildGo(root, impl, options, record); });
}

fs::path GoBuilder::BinaryPath(const fs::path& root, const spec::Implementation& impl) const {
  return root / "build" / "bin" / impl.binary;
}

}  // namespace claimbench::build
