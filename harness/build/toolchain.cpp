// Toolchain detection.
#include "build/toolchain.h"

#include <vector>

#include "process/command.h"

namespace claimbench::build {

std::map<std::string, std::string> DetectToolchains() {
  const std::vector<std::pair<std::string, std::vector<std::string>>> probes = {
      {"go", {"go", "version"}},          {"rustc", {"rustc", "--version"}}, {"cargo", {"cargo", "--version"}},
      {"cxx", {"c++", "--version"}},      {"cmake", {"cmake", "--version"}},
  };
  std::map<std::string, std::string> out;
  for (const auto& [name, argv] : probes) {
    std::string version = "not found";
    try {
      auto r = process::RunCommand(argv, {}, {}, std::chrono::seconds(30));
      if (r.Ok()) version = r.out.substr(0, r.out.find('\n'));
    } catch (const std::exception&) {
    }
    out[name] = version;
  }
  return out;
}

}  // namespace claimbench::build
