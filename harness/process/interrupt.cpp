// Ctrl-C handling with a fixed, lock-free table of child groups (signal handlers may not
// allocate or lock).
#include "process/interrupt.h"

#include <signal.h>
#include <unistd.h>

#include <array>
#include <atomic>

namespace claimbench::process {
namespace {

constexpr size_t kMaxChildren = 256;
std::array<std::atomic<pid_t>, kMaxChildren> g_groups{};
std::atomic<int> g_interrupts{0};

void KillAll(int sig) {
  for (auto& g : g_groups) {
    pid_t p = g.load();
    if (p > 0) ::kill(-p, sig);
  }
}

void OnSignal(int) {
  int n = g_interrupts.fetch_add(1) + 1;
  if (n == 1) {
    constexpr char kMsg[] = "\nclaimbench: interrupted; stopping workloads (press Ctrl-C again to quit now)\n";
    ssize_t ignored = ::write(2, kMsg, sizeof kMsg - 1);
    (void)ignored;
    KillAll(SIGTERM);
  } else {
    KillAll(SIGKILL);
    ::_exit(130);
  }
}

}  // namespace

void InstallInterruptHandler() {
  struct sigaction sa {};
  sa.sa_handler = OnSignal;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = SA_RESTART;
  ::sigaction(SIGINT, &sa, nullptr);
  ::sigaction(SIGTERM, &sa, nullptr);
  ::signal(SIGPIPE, SIG_IGN);
}

bool Interrupted() { return g_interrupts.load() > 0; }

void RegisterChildGroup(pid_t pgid) {
  for (auto& g : g_groups) {
    pid_t expected = 0;
    if (g.compare_exchange_strong(expected, pgid)) return;
  }
}

void UnregisterChildGroup(pid_t pgid) {
  for (auto& g : g_groups) {
    pid_t expected = pgid;
    if (g.compare_exchange_strong(expected, 0)) return;
  }
}

}  // namespace claimbench::process
