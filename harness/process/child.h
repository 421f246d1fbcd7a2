// A child process started the way the harness starts every workload: in its own process
// group, optionally pinned to a CPU set, output to files, killed with the harness.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace claimbench::process {

struct SpawnOptions {
  std::vector<std::string> argv;                 ///< argv[0] is the program path
  std::vector<std::string> env;                  ///< extra "NAME=value" entries
  std::filesystem::path cwd;                     ///< empty: inherit
  std::filesystem::path stdout_file;             ///< empty: /dev/null
  std::filesystem::path stderr_file;             ///< empty: /dev/null
  std::vector<int> cpus;                         ///< empty: no pinning
  bool inherit_output = false;                   ///< keep the harness's stdout/stderr (files ignored)
  bool stdin_pipe = false;                       ///< stdin is a pipe the harness closes (CloseStdin); else /dev/null
};

/// How a child ended.
struct ExitStatus {
  int code = -1;    ///< exit code, or -1 when killed by a signal
  int signal = 0;   ///< the terminating signal, 0 when it exited
  std::string Describe() const;  ///< "exit 0", "killed by SIGKILL"
  bool Ok() const { return code == 0; }
};

class Child {
 public:
  /// Forks and execs; throws std::runtime_error when the program cannot be started
  /// (the exec error is reported back through a pipe, so a missing binary is an error
  /// here, not a silent exit 127 later).
  static Child Spawn(const SpawnOptions& options);

  Child(Child&& other) noexcept;
  Child& operator=(Child&& other) noexcept;
  Child(const Child&) = delete;
  Child& operator=(const Child&) = delete;
  ~Child();  ///< kills the process group if still running

  pid_t pid() const { return pid_; }
  /// When the child began: its own CLOCK_MONOTONIC reading just after fork, so the time fork
  /// takes to copy a large harness is not counted in anyone's startup.
  std::chrono::steady_clock::time_point started() const { return started_; }

  /// Non-blocking: the exit status once the child has ended.
  std::optional<ExitStatus> Poll();
  /// Waits up to `timeout` for the child to end by itself.
  std::optional<ExitStatus> Wait(std::chrono::milliseconds timeout);
  /// SIGTERM to the process group, then SIGKILL after `grace`. Returns how it ended and
  /// whether it needed the SIGKILL.
  ExitStatus Stop(std::chrono::milliseconds grace, bool* needed_kill = nullptr);

  /// With SpawnOptions::stdin_pipe: closes the write end, so the child reads end of file.
  void CloseStdin();

 private:
  Child(pid_t pid, std::chrono::steady_clock::time_point started, int stdin_fd)
      : pid_(pid), started_(started), stdin_fd_(stdin_fd) {}
  pid_t pid_ = -1;
  std::chrono::steady_clock::time_point started_;
  std::optional<ExitStatus> status_;
  int stdin_fd_ = -1;  ///< write end of the child's stdin pipe, or -1
};

}  // namespace claimbench::process
