// Go and Rust builds, and build-time measurement in a scratch copy.
#include "build/builder.h"

#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>
#include <stdexcept>

#include <toml++/toml.h>

#include "process/command.h"
#include "util/files.h"

namespace claimbench::build {
namespace {

namespace fs = std::filesystem;
using process::CommandResult;
using process::RunCommand;

std::string Tail(const std::string& text, size_t lines = 30) {
  size_t pos = text.size();
  for (size_t n = 0; n <= lines && pos > 0; ++n) pos = text.rfind('\n', pos - 1);
  return pos == std::string::npos || pos == 0 ? text : text.substr(pos + 1);
}

std::string Join(const std::vector<std::string>& argv) {
  std::string out;
  for (const auto& a : argv) out += (out.empty() ? "" : " ") + a;
  return out;
}

// A scratch directory removed on scope exit.
struct ScratchDir {
  fs::path path;
  ScratchDir() {
    std::string tmpl = (fs::temp_directory_path() / "claimbench-build-XXXXXX").string();
    if (!::mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed");
    path = tmpl;
  }
  ~ScratchDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

void CopyTree(const fs::path& from, const fs::path& to, const std::set<std::string>& skip) {
  fs::create_directories(to);
  for (const auto& entry : fs::directory_iterator(from)) {
    const auto name = entry.path().filename().string();
    if (skip.count(name)) continue;
    if (entry.is_directory()) {
      CopyTree(entry.path(), to / name, skip);
    } else {
      fs::copy_file(entry.path(), to / name, fs::copy_options::overwrite_existing);
    }
  }
}

// Appends a comment line so the compiler sees a changed file (Go's cache is keyed by
// content, so touching the mtime would not be a rebuild).
void ChangeSource(const fs::path& file) {
  std::ofstream out(file, std::ios::app);
  if (!out) throw std::runtime_error("cannot modify scratch copy of " + file.string());
  out << "\n// claimbench: incremental build probe\n";
}

int64_t StrippedSize(const fs::path& binary) {
  ScratchDir tmp;
  fs::path copy = tmp.path / binary.filename();
  fs::copy_file(binary, copy);
  auto r = RunCommand({"strip", "--strip-all", copy.string()});
  if (!r.Ok()) return 0;
  return static_cast<int64_t>(fs::file_size(copy));
}

bool Fail(BuildRecord& record, const std::string& what, const CommandResult& r) {
  record.ok = false;
  record.error = what + " failed (" + (r.timed_out ? std::string("timed out") : r.status.Describe()) + "):\n" +
                 Tail(r.err.empty() ? r.out : r.err);
  return false;
}

// Times `build` in the scratch copy (the cold build), then again after the handler
// source changed (the incremental build). `source` is relative to the repository root,
// like the scratch copy's layout; `dir` is "go" or "rust".
bool TimeColdAndIncremental(const std::vector<std::string>& build, const fs::path& scratch, const std::string& dir,
                            const std::vector<std::string>& env, const std::string& source, BuildRecord& record) {
  auto cold = RunCommand(build, scratch / dir, env);
  if (!cold.Ok()) return Fail(record, "cold " + dir + " build", cold);
  record.cold_build_s = cold.wall_s;
  if (source.empty()) return true;
  ChangeSource(scratch / source);
  auto inc = RunCommand(build, scratch / dir, env);
  if (!inc.Ok()) return Fail(record, "incremental " + dir + " build", inc);
  record.incremental_build_s = inc.wall_s;
  return true;
}

// ---- Go ----------------------------------------------------------------------------

const std::vector<std::string> kGoEnv = {"CGO_ENABLED=0"};

bool BuildGo(const fs::path& root, const spec::Implementation& impl, const BuildOptions& options, BuildRecord& record) {
  fs::path go_dir = root / "go";
  std::vector<std::string> argv = {"go", "build", "-trimpath", "-o", record.binary.string(), impl.package};
  record.command = "cd go && CGO_ENABLED=0 " + Join(argv);
  record.flags = "CGO_ENABLED=0 go build -trimpath";
  if (const char* goflags = std::getenv("GOFLAGS")) record.flags += std::string(" GOFLAGS=") + goflags;
  auto r = RunCommand(argv, go_dir, kGoEnv);
  record.build_s = r.wall_s;
  if (!r.Ok()) return Fail(record, "go build", r);

  auto v = RunCommand({"go", "version", "-m", record.binary.string()});
  if (v.Ok()) {
    std::istringstream lines(v.out);
    std::string line;
    std::getline(lines, line);
    record.toolchain = line.substr(line.find(':') + 2);
    while (std::getline(lines, line)) {
      std::istringstream fields(line);
      std::string kind, path, version;
      fields >> kind >> path >> version;
      if (kind == "dep") record.libraries[path] = version;
    }
  }
  record.libraries["go standard library"] = record.toolchain;

  if (!options.measure_build_times) return true;
  ScratchDir scratch;
  CopyTree(go_dir, scratch.path / "go", {"bin"});
  std::vector<std::string> env = kGoEnv;
  env.push_back("GOCACHE=" + (scratch.path / "gocache").string());
  env.push_back("GOPROXY=off");  // dependencies come from the warm module cache, never the network
  auto warm = RunCommand({"go", "build", "-trimpath", "std"}, scratch.path / "go", env);
  if (!warm.Ok()) return Fail(record, "go build std (warming the scratch cache)", warm);
  fs::path out = scratch.path / impl.binary;
  std::vector<std::string> build = {"go", "build", "-trimpath", "-o", out.string(), impl.package};
  record.cache_state =
      "empty GOCACHE holding only the standard library (built untimed first); modules already downloaded";
  return TimeColdAndIncremental(build, scratch.path, "go", env, impl.source, record);
}

// ---- Rust --------------------------------------------------------------------------

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

bool BuildRust(const fs::path& root, const spec::Implementation& impl, const BuildOptions& options,
               BuildRecord& record) {
  fs::path rust_dir = root / "rust";
  std::vector<std::string> argv = {"cargo", "build", "--release", "--locked", "-p", impl.package};
  record.command = "cd rust && " + Join(argv);
  record.flags = ReleaseProfile(rust_dir / "Cargo.toml");
  if (const char* rf = std::getenv("RUSTFLAGS")) record.flags += std::string(" RUSTFLAGS=") + rf;
  auto r = RunCommand(argv, rust_dir);
  record.build_s = r.wall_s;
  if (!r.Ok()) return Fail(record, "cargo build", r);

  auto rustc = RunCommand({"rustc", "--version"});
  if (rustc.Ok()) record.toolchain = rustc.out.substr(0, rustc.out.find('\n'));
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

  if (!options.measure_build_times) return true;
  ScratchDir scratch;
  CopyTree(rust_dir, scratch.path / "rust", {"target"});
  std::vector<std::string> env = {"CARGO_TARGET_DIR=" + (scratch.path / "target").string()};
  std::vector<std::string> build = {"cargo", "build", "--release", "--locked", "--offline", "-p", impl.package};
  record.cache_state = "empty target directory; crates already downloaded; Rust standard library precompiled by rustup";
  return TimeColdAndIncremental(build, scratch.path, "rust", env, impl.source, record);
}

// ---- C++ ---------------------------------------------------------------------------

// The CMake build directory this claimbench binary was built in: C++ implementations are
// targets of the same configure.
const fs::path kBuildDir = CLAIMBENCH_BUILD_DIR;

bool BuildCpp(const fs::path& root, const spec::Implementation& impl, const BuildOptions& options,
              BuildRecord& record) {
  std::vector<std::string> argv = {"cmake", "--build", kBuildDir.string(), "--target", impl.package};
  record.command = Join(argv);
  record.flags = std::string("cmake --build, CMAKE_BUILD_TYPE=") + CLAIMBENCH_BUILD_TYPE + ", -std=c++20 " +
                 CLAIMBENCH_CXX_FLAGS;
  auto r = RunCommand(argv, root);
  record.build_s = r.wall_s;
  if (!r.Ok()) return Fail(record, "cmake --build", r);
  auto cxx = RunCommand({"c++", "--version"});
  if (cxx.Ok()) record.toolchain = cxx.out.substr(0, cxx.out.find('\n'));
  auto versions = RunCommand({"dpkg-query", "-W", "-f", "${Package} ${Version}\n", "libboost-dev", "libsimdjson-dev"});
  if (versions.Ok()) {
    std::istringstream lines(versions.out);
    std::string name, version;
    while (lines >> name >> version) record.libraries[name] = version;
  }

  if (!options.measure_build_times) return true;
  ScratchDir scratch;
  CopyTree(root / "cpp", scratch.path / "cpp", {});
  std::vector<std::string> configure = {"cmake", "-S", (scratch.path / "cpp").string(), "-B",
                                        (scratch.path / "cpp" / "build").string(), "-DCMAKE_BUILD_TYPE=Release"};
  if (!process::FindInPath("ninja").empty()) configure.insert(configure.begin() + 1, {"-G", "Ninja"});
  auto conf = RunCommand(configure, scratch.path);
  if (!conf.Ok()) return Fail(record, "cmake configure (scratch)", conf);
  record.cache_state = "fresh CMake build directory, configured untimed; system libraries from Debian packages";
  return TimeColdAndIncremental({"cmake", "--build", "build", "--target", impl.package}, scratch.path, "cpp", {},
                                impl.source, record);
}

}  // namespace

int CountCodeLines(const fs::path& file) {
  std::ifstream in(file);
  if (!in) return 0;
  int lines = 0;
  bool in_block = false;
  std::string line;
  while (std::getline(in, line)) {
    auto first = line.find_first_not_of(" \t\r");
    if (first == std::string::npos) continue;
    std::string_view text = std::string_view(line).substr(first);
    if (in_block) {
      if (text.find("*/") != std::string_view::npos) in_block = false;
      continue;
    }
    if (text.rfind("//", 0) == 0 || text.rfind("#!", 0) == 0) continue;
    if (text.rfind("/*", 0) == 0) {
      in_block = text.find("*/") == std::string_view::npos;
      continue;
    }
    ++lines;
  }
  return lines;
}

fs::path BinaryPath([[maybe_unused]] const fs::path& root, const spec::Implementation& impl) {
  switch (impl.language) {
    case spec::Language::kGo: return root / "build" / "bin" / impl.binary;
    case spec::Language::kRust: return root / "rust" / "target" / "release" / impl.binary;
    case spec::Language::kCpp: return kBuildDir / "cpp" / impl.binary;
  }
  return {};
}

BuildRecord Build(const fs::path& root, const spec::Implementation& impl, const BuildOptions& options) {
  BuildRecord record;
  record.implementation = impl.id;
  record.binary = BinaryPath(root, impl);
  fs::create_directories(record.binary.parent_path());
  try {
    bool ok = false;
    switch (impl.language) {
      case spec::Language::kGo:
        ok = BuildGo(root, impl, options, record);
        break;
      case spec::Language::kRust:
        ok = BuildRust(root, impl, options, record);
        break;
      case spec::Language::kCpp:
        ok = BuildCpp(root, impl, options, record);
        break;
    }
    if (!ok) return record;
    record.binary_bytes = static_cast<int64_t>(fs::file_size(record.binary));
    record.binary_stripped_bytes = StrippedSize(record.binary);
    if (!impl.source.empty()) record.handler_lines = CountCodeLines(root / impl.source);
    record.ok = true;
  } catch (const std::exception& e) {
    record.ok = false;
    record.error = e.what();
  }
  return record;
}

}  // namespace claimbench::build
