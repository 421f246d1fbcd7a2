// Child process spawning with fork/exec: posix_spawn cannot set the parent-death signal
// or the CPU affinity of the child, which the harness needs.
#include "process/child.h"

#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <thread>

#include "process/interrupt.h"

extern char** environ;

namespace claimbench::process {

std::string ExitStatus::Describe() const {
  if (signal != 0) {
    const char* name = sigabbrev_np(signal);
    return std::string("killed by SIG") + (name ? name : std::to_string(signal).c_str());
  }
  return "exit " + std::to_string(code);
}

namespace {

ExitStatus Decode(int wstatus) {
  ExitStatus s;
  if (WIFEXITED(wstatus)) s.code = WEXITSTATUS(wstatus);
  if (WIFSIGNALED(wstatus)) s.signal = WTERMSIG(wstatus);
  return s;
}

[[noreturn]] void ChildFail(int fd, const char* what) {
  // Only async-signal-safe calls here: we are between fork and exec.
  int err = errno;
  ssize_t ignored = ::write(fd, &err, sizeof err);
  (void)ignored;
  ssize_t ignored2 = ::write(fd, what, std::strlen(what));
  (void)ignored2;
  ::_exit(127);
}

}  // namespace

namespace {

// Everything the child needs, prepared before fork: the harness is multi-threaded and only
// async-signal-safe calls are allowed after fork.
struct PreparedExec {
  std::vector<char*> argv;
  std::vector<std::string> env_storage;
  std::vector<char*> envp;
  cpu_set_t set;
  std::string out, err, cwd;

  explicit PreparedExec(const SpawnOptions& options) {
    for (const auto& a : options.argv) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    for (char** e = environ; *e; ++e) env_storage.emplace_back(*e);
    for (const auto& e : options.env) {
      auto name = e.substr(0, e.find('=') + 1);
      std::erase_if(env_storage, [&](const std::string& s) { return s.rfind(name, 0) == 0; });
      env_storage.push_back(e);
    }
    for (auto& e : env_storage) envp.push_back(e.data());
    envp.push_back(nullptr);
    CPU_ZERO(&set);
    for (int cpu : options.cpus) CPU_SET(cpu, &set);
    out = options.stdout_file.empty() ? "/dev/null" : options.stdout_file.string();
    err = options.stderr_file.empty() ? "/dev/null" : options.stderr_file.string();
    cwd = options.cwd.string();
  }
};

// The child's side of Spawn, after fork: async-signal-safe calls only.
[[noreturn]] void ExecInChild(PreparedExec& exec, const SpawnOptions& options, pid_t parent, int report_fd,
                              int stdin_fd) {
  // The child's own clock reading opens its life: fork copies the harness's page tables
  // first, which grows with everything the harness holds (a full run's results: 10 ms
  // and more), and is no part of the program's startup. steady_clock is CLOCK_MONOTONIC.
  struct timespec now;
  ::clock_gettime(CLOCK_MONOTONIC, &now);
  const int64_t started_ns = static_cast<int64_t>(now.tv_sec) * 1000000000 + now.tv_nsec;
  ssize_t sent = ::write(report_fd, &started_ns, sizeof started_ns);
  (void)sent;
  ::setpgid(0, 0);
  // Dies with the harness, even when the harness is killed with SIGKILL.
  ::prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (::getppid() != parent) ::_exit(127);
  sigset_t none;
  sigemptyset(&none);
  ::sigprocmask(SIG_SETMASK, &none, nullptr);
  ::signal(SIGINT, SIG_DFL);
  ::signal(SIGTERM, SIG_DFL);
  ::signal(SIGPIPE, SIG_DFL);
  if (!options.cpus.empty() && ::sched_setaffinity(0, sizeof exec.set, &exec.set) != 0) {
    ChildFail(report_fd, "sched_setaffinity");
  }
  if (!options.inherit_output) {
    int fd_out = ::open(exec.out.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_APPEND, 0644);
    if (fd_out < 0) ChildFail(report_fd, "open stdout file");
    int fd_err = ::open(exec.err.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_APPEND, 0644);
    if (fd_err < 0) ChildFail(report_fd, "open stderr file");
    ::dup2(fd_out, 1);
    ::dup2(fd_err, 2);
  }
  int fd_in = options.stdin_pipe ? stdin_fd : ::open("/dev/null", O_RDONLY);
  ::dup2(fd_in, 0);  // dup2 clears O_CLOEXEC on the new descriptor
  if (!exec.cwd.empty() && ::chdir(exec.cwd.c_str()) != 0) ChildFail(report_fd, "chdir");
  ::execve(exec.argv[0], exec.argv.data(), exec.envp.data());
  ChildFail(report_fd, "exec");
}

}  // namespace

Child Child::Spawn(const SpawnOptions& options) {
  if (options.argv.empty()) throw std::invalid_argument("Spawn: empty argv");
  PreparedExec exec(options);
  int pipe_fds[2];
  if (::pipe2(pipe_fds, O_CLOEXEC) != 0) throw std::runtime_error(std::string("pipe: ") + std::strerror(errno));
  int stdin_fds[2] = {-1, -1};
  if (options.stdin_pipe && ::pipe2(stdin_fds, O_CLOEXEC) != 0) {
    int e = errno;
    ::close(pipe_fds[0]);
    ::close(pipe_fds[1]);
    throw std::runtime_error(std::string("pipe: ") + std::strerror(e));
  }
  pid_t parent = ::getpid();
  auto started = std::chrono::steady_clock::now();
  pid_t pid = ::fork();
  if (pid < 0) throw std::runtime_error(std::string("fork: ") + std::strerror(errno));
  if (pid == 0) {
    ::close(pipe_fds[0]);
    ExecInChild(exec, options, parent, pipe_fds[1], stdin_fds[0]);
  }
  ::setpgid(pid, pid);  // also from the parent, so the group exists before we signal it
  ::close(pipe_fds[1]);
  if (options.stdin_pipe) ::close(stdin_fds[0]);
  // The child's start time first; then, only if it failed before exec, errno and what failed.
  int64_t started_ns = 0;
  if (::read(pipe_fds[0], &started_ns, sizeof started_ns) == sizeof started_ns) {
    started = std::chrono::steady_clock::time_point(std::chrono::nanoseconds(started_ns));
  }
  int child_errno = 0;
  char what[64] = {};
  ssize_t n = ::read(pipe_fds[0], &child_errno, sizeof child_errno);
  if (n > 0) {
    ssize_t m = ::read(pipe_fds[0], what, sizeof what - 1);
    (void)m;
  }
  ::close(pipe_fds[0]);
  if (n > 0) {
    int wstatus = 0;
    ::waitpid(pid, &wstatus, 0);
    if (options.stdin_pipe) ::close(stdin_fds[1]);
    throw std::runtime_error("cannot start " + options.argv[0] + ": " + what + ": " + std::strerror(child_errno));
  }
  RegisterChildGroup(pid);
  return Child(pid, started, stdin_fds[1]);
}

Child::Child(Child&& other) noexcept
    : pid_(other.pid_), started_(other.started_), status_(other.status_), stdin_fd_(other.stdin_fd_) {
  other.pid_ = -1;
  other.stdin_fd_ = -1;
}

Child& Child::operator=(Child&& other) noexcept {
  if (this != &other) {
    if (pid_ > 0 && !status_) Stop(std::chrono::milliseconds(0));
    pid_ = other.pid_;
    started_ = other.started_;
    status_ = other.status_;
    CloseStdin();
    stdin_fd_ = other.stdin_fd_;
    other.pid_ = -1;
    other.stdin_fd_ = -1;
  }
  return *this;
}

Child::~Child() {
  if (pid_ > 0 && !status_) Stop(std::chrono::milliseconds(0));
  CloseStdin();
}

void Child::CloseStdin() {
  if (stdin_fd_ >= 0) ::close(stdin_fd_);
  stdin_fd_ = -1;
}

std::optional<ExitStatus> Child::Poll() {
  if (status_ || pid_ <= 0) return status_;
  int wstatus = 0;
  pid_t r = ::waitpid(pid_, &wstatus, WNOHANG);
  if (r == pid_) {
    status_ = Decode(wstatus);
    // Anything else left in the group (a grandchild) goes with it.
    ::kill(-pid_, SIGKILL);
    UnregisterChildGroup(pid_);
  }
  return status_;
}

std::optional<ExitStatus> Child::Wait(std::chrono::milliseconds timeout) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (!Poll()) {
    if (std::chrono::steady_clock::now() >= deadline) return std::nullopt;
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  return status_;
}

ExitStatus Child::Stop(std::chrono::milliseconds grace, bool* needed_kill) {
  if (needed_kill) *needed_kill = false;
  if (Poll()) return *status_;
  if (grace.count() > 0) {
    ::kill(-pid_, SIGTERM);
    if (Wait(grace)) return *status_;
  }
  if (needed_kill) *needed_kill = true;
  ::kill(-pid_, SIGKILL);
  int wstatus = 0;
  while (::waitpid(pid_, &wstatus, 0) < 0 && errno == EINTR) {
  }
  status_ = Decode(wstatus);
  UnregisterChildGroup(pid_);
  return *status_;
}

}  // namespace claimbench::process
