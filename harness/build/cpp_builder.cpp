// C++ builds in the harness's CMake build directory, and C++ build-time measurement in a
// fresh standalone configure of cpp/.
#include "build/cpp_builder.h"

#include <cctype>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "build/build_common.h"

namespace claimbench::build {
namespace {

namespace fs = std::filesystem;
using process::RunCommand;

// The CMake build directory this claimbench binary was built in: C++ implementations are
// targets of the same configure.
const fs::path kBuildDir = CLAIMBENCH_BUILD_DIR;

// The recorded standard mirrors CMAKE_CXX_STANDARD in the top-level CMakeLists.txt, which
// compiles this file too: if the standard changes, this fails until the text follows.
static_assert(__cplusplus == 202002L, "update kCxxStandard to the new CMAKE_CXX_STANDARD");
constexpr std::string_view kCxxStandard = "20 (-std=c++20, no GNU extensions)";

// A variable of the build directory's CMakeCache.txt ("NAME:TYPE=value").
std::string CMakeCacheValue(const std::string& name) {
  fs::path cache = kBuildDir / "CMakeCache.txt";
  std::ifstream in(cache);
  if (!in) return NotRead("cannot open " + cache.string());
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind(name + ":", 0) != 0) continue;
    size_t eq = line.find('=');
    if (eq != std::string::npos) return line.substr(eq + 1);
  }
  return NotRead("no " + name + " in " + cache.string());
}

std::string CompilerVersion(const std::string& compiler) {
  try {
    auto r = RunCommand({compiler, "--version"});
    return r.Ok() ? FirstLine(r.out) : NotRead(FailureSummary(compiler + " --version", r));
  } catch (const std::exception& e) {
    return NotRead(e.what());
  }
}

BuildSettings CppSettings() {
  std::string compiler = CMakeCacheValue("CMAKE_CXX_COMPILER");
  bool compiler_known = compiler.rfind("not read", 0) != 0;
  std::string build_type = CLAIMBENCH_BUILD_TYPE;
  std::string flags = CLAIMBENCH_CXX_FLAGS;
  flags.erase(0, flags.find_first_not_of(' '));  // CMAKE_CXX_FLAGS is often empty
  std::string upper_type;
  for (char c : build_type) upper_type += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return {
      {"CMAKE_CXX_COMPILER", compiler},
      {"compiler version", compiler_known ? CompilerVersion(compiler) : NotRead("the compiler is unknown")},
      {"CMAKE_BUILD_TYPE", build_type.empty() ? "(empty: CMake adds no optimisation flags)" : build_type},
      {"CMAKE_CXX_STANDARD", std::string(kCxxStandard)},
      {fmt::format("CMAKE_CXX_FLAGS + CMAKE_CXX_FLAGS_{}", upper_type.empty() ? "<none>" : upper_type),
       flags.empty() ? "(empty)" : flags},
  };
}

bool BuildCpp(const fs::path& root, const spec::Implementation& impl, const BuildOptions& options,
              BuildRecord& record) {
  std::vector<std::string> argv = {"cmake", "--build", kBuildDir.string(), "--target", impl.package};
  record.command = JoinArgs(argv);
  record.flags = std::string("cmake --build, CMAKE_BUILD_TYPE=") + CLAIMBENCH_BUILD_TYPE + ", -std=c++20 " +
                 CLAIMBENCH_CXX_FLAGS;
  record.settings = CppSettings();
  auto r = RunCommand(argv, root);
  record.build_s = r.wall_s;
  if (!r.Ok()) return Fail(record, "cmake --build", r);
  auto cxx = RunCommand({"c++", "--version"});
  if (cxx.Ok()) record.toolchain = FirstLine(cxx.out);
  auto versions = RunCommand({"dpkg-query", "-W", "-f", "${Package} ${Version}\n", "libboost-dev", "libsimdjson-dev"});
  if (versions.Ok()) {
    std::istringstream lines(versions.out);
    std::string name, version;
    while (lines >> name >> version) record.libraries[name] = version;
  }

  if (!options.measure_build_times) return true;
  return TimeBuilds(options.build_time_runs, record, [&](BuildRecord& record) {
  ScratchDir scratch;
  CopyTree(root / "cpp", scratch.path() / "cpp", {});
  std::vector<std::string> configure = {"cmake", "-S", (scratch.path() / "cpp").string(), "-B",
                                        (scratch.path() / "cpp" / "build").string(), "-DCMAKE_BUILD_TYPE=Release"};
  if (!process::FindInPath("ninja").empty()) configure.insert(configure.begin() + 1, {"-G", "Ninja"});
  auto conf = RunCommand(configure, scratch.path());
  if (!conf.Ok()) return Fail(record, "cmake configure (scratch)", conf);
  record.cache_state = "fresh CMake build directory, configured untimed; system libraries from Debian packages";
  return TimeColdAndIncremental({"cmake", "--build", "build", "--target", impl.package}, scratch.path(), "cpp", {},
                                impl.source, record);
  });
}

}  // namespace

BuildRecord CppBuilder::Build(const fs::path& root, const spec::Implementation& impl,
                              const BuildOptions& options) const {
  return RunBuildSteps(root, impl, BinaryPath(root, impl),
                       [&](BuildRecord& record) { return BuildCpp(root, impl, options, record); });
}

fs::path CppBuilder::BinaryPath([[maybe_unused]] const fs::path& root, const spec::Implementation& impl) const {
  return kBuildDir / "cpp" / impl.binary;
}

}  // namespace claimbench::build
