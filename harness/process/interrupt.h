// Ctrl-C handling: the first SIGINT/SIGTERM stops every child process group the harness
// started and raises a flag that the run checks between steps (so finished work is kept);
// a second one exits at once. No process is left behind either way.
#pragma once

#include <sys/types.h>

namespace claimbench::process {

/// Installs the SIGINT/SIGTERM handlers. Idempotent.
void InstallInterruptHandler();
/// True once the user asked to stop.
bool Interrupted();
/// Child process groups that the handler kills. Async-signal-safe bookkeeping.
void RegisterChildGroup(pid_t pgid);
void UnregisterChildGroup(pid_t pgid);

}  // namespace claimbench::process
