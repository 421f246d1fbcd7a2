// Running a tool to completion.
#include "process/command.h"

#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <sstream>
#include <stdexcept>

#include "util/files.h"

namespace claimbench::process {

std::filesystem::path FindInPath(const std::string& program) {
  if (program.find('/') != std::string::npos) return program;
  const char* path = std::getenv("PATH");
  std::istringstream dirs(path ? path : "/usr/bin:/bin");
  std::string dir;
  while (std::getline(dirs, dir, ':')) {
    std::filesystem::path candidate = std::filesystem::path(dir.empty() ? "." : dir) / program;
    if (::access(candidate.c_str(), X_OK) == 0 && !std::filesystem::is_directory(candidate)) return candidate;
  }
  return {};
}

CommandResult RunCommand(const std::vector<std::string>& argv, const std::filesystem::path& cwd,
                         const std::vector<std::string>& env, std::chrono::seconds timeout) {
  if (argv.empty()) throw std::invalid_argument("RunCommand: empty argv");
  auto program = FindInPath(argv[0]);
  if (program.empty()) throw std::runtime_error("'" + argv[0] + "' was not found in PATH");
  static std::atomic<int> counter{0};
  auto tmp = std::filesystem::temp_directory_path();
  std::string stem = "claimbench-cmd-" + std::to_string(::getpid()) + "-" + std::to_string(counter.fetch_add(1));
  SpawnOptions options;
  options.argv = argv;
  options.argv[0] = program.string();
  options.env = env;
  options.cwd = cwd;
  options.stdout_file = tmp / (stem + ".out");
  options.stderr_file = tmp / (stem + ".err");
  CommandResult result;
  auto start = std::chrono::steady_clock::now();
  {
    Child child = Child::Spawn(options);
    auto status = child.Wait(std::chrono::duration_cast<std::chrono::milliseconds>(timeout));
    if (!status) {
      result.timed_out = true;
      status = child.Stop(std::chrono::seconds(2));
    }
    result.status = *status;
  }
  result.wall_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  result.out = ReadFile(options.stdout_file);
  result.err = ReadFile(options.stderr_file);
  std::filesystem::remove(options.stdout_file);
  std::filesystem::remove(options.stderr_file);
  return result;
}

}  // namespace claimbench::process
