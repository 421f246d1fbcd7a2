// Running a tool to completion (compilers, `go version`, strip) and capturing its output.
#pragma once

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

#include "process/child.h"

namespace claimbench::process {

struct CommandResult {
  ExitStatus status;
  std::string out;          ///< stdout
  std::string err;          ///< stderr
  double wall_s = 0;        ///< wall-clock seconds, spawn to exit
  bool timed_out = false;
  bool Ok() const { return !timed_out && status.Ok(); }
};

/// Runs argv (argv[0] looked up in PATH when it has no '/'). Never throws for a failing
/// command; throws std::runtime_error only when the program cannot be started at all.
CommandResult RunCommand(const std::vector<std::string>& argv, const std::filesystem::path& cwd = {},
                         const std::vector<std::string>& env = {},
                         std::chrono::seconds timeout = std::chrono::seconds(1800));

/// The absolute path of `program` found in PATH; empty when absent.
std::filesystem::path FindInPath(const std::string& program);

}  // namespace claimbench::process
