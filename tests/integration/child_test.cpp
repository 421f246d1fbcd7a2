// Child processes: spawn errors, exit status, process-group stop, CPU pinning, /proc readings.
#include <gtest/gtest.h>

#include <signal.h>

#include <fstream>

#include "process/child.h"
#include "process/command.h"
#include "process/cpu_set.h"
#include "process/proc_stats.h"
#include "util/files.h"

namespace claimbench::process {
namespace {

using namespace std::chrono_literals;

TEST(Child, MissingProgramIsAnErrorAtSpawn) {
  SpawnOptions o;
  o.argv = {"/nonexistent/claimbench-binary"};
  try {
    Child::Spawn(o);
    FAIL();
  } catch (const std::runtime_error& e) {
    EXPECT_STREQ(e.what(), "cannot start /nonexistent/claimbench-binary: exec: No such file or directory");
  }
}

// The start time is the child's own clock reading after fork (fork's copy of a large
// harness is not the program's startup): it lies within the Spawn call.
TEST(Child, StartTimeIsTheChildsOwnWithinTheSpawnCall) {
  SpawnOptions o;
  o.argv = {"/bin/true"};
  auto before = std::chrono::steady_clock::now();
  Child c = Child::Spawn(o);
  auto after = std::chrono::steady_clock::now();
  EXPECT_GT(c.started(), before);
  EXPECT_LT(c.started(), after);
  ASSERT_TRUE(c.Wait(5s));
}

TEST(Child, ExitCodeAndSignal) {
  SpawnOptions o;
  o.argv = {"/bin/sh", "-c", "exit 3"};
  Child c = Child::Spawn(o);
  auto s = c.Wait(5s);
  ASSERT_TRUE(s);
  EXPECT_EQ(s->Describe(), "exit 3");
  o.argv = {"/bin/sh", "-c", "kill -SEGV $$"};
  Child d = Child::Spawn(o);
  s = d.Wait(5s);
  ASSERT_TRUE(s);
  EXPECT_EQ(s->Describe(), "killed by SIGSEGV");
}

TEST(Child, StopKillsTheWholeGroupAndEscalates) {
  auto dir = std::filesystem::temp_directory_path() / ("claimbench-child-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  auto pidfile = dir / "grandchild.pid";
  SpawnOptions o;
  // A shell that ignores SIGTERM and leaves a grandchild behind.
  o.argv = {"/bin/sh", "-c", "trap '' TERM; sleep 300 & echo $! > " + pidfile.string() + "; wait"};
  Child c = Child::Spawn(o);
  for (int i = 0; i < 500 && !std::filesystem::exists(pidfile); ++i) std::this_thread::sleep_for(10ms);
  std::this_thread::sleep_for(50ms);
  pid_t grandchild = std::stoi(ReadFile(pidfile));
  bool killed = false;
  auto s = c.Stop(300ms, &killed);
  EXPECT_TRUE(killed);
  EXPECT_EQ(s.Describe(), "killed by SIGKILL");
  std::this_thread::sleep_for(100ms);
  // The grandchild was in the group and is gone too (or a zombie reaped by init).
  std::ifstream stat("/proc/" + std::to_string(grandchild) + "/stat");
  std::string line;
  if (std::getline(stat, line)) {
    EXPECT_NE(line.find(") Z"), std::string::npos) << line;
  }
  std::filesystem::remove_all(dir);
}

TEST(Child, PinnedToTheCpusAsked) {
  auto cpus = AvailableCpus();
  SpawnOptions o;
  o.argv = {"/bin/sh", "-c", "grep Cpus_allowed_list /proc/self/status"};
  o.cpus = {cpus.back()};
  auto out = std::filesystem::temp_directory_path() / ("claimbench-pin-" + std::to_string(::getpid()));
  o.stdout_file = out;
  Child c = Child::Spawn(o);
  ASSERT_TRUE(c.Wait(5s));
  EXPECT_EQ(ReadFile(out), "Cpus_allowed_list:\t" + std::to_string(cpus.back()) + "\n");
  std::filesystem::remove(out);
}

TEST(ProcStats, ReadsALiveProcessAndSamples) {
  SpawnOptions o;
  o.argv = {"/bin/sh", "-c", "i=0; while [ $i -lt 200000 ]; do i=$((i+1)); done; sleep 5"};
  Child c = Child::Spawn(o);
  RssSampler sampler(c.pid(), 20ms);
  std::this_thread::sleep_for(300ms);
  auto samples = sampler.Stop();
  EXPECT_GE(samples.size(), 5u);
  auto m = ReadMemoryStatus(c.pid());
  ASSERT_TRUE(m);
  EXPECT_GT(m->rss_bytes, 0);
  EXPECT_GE(m->rss_peak_bytes, m->rss_bytes);
  auto t = ReadCpuTimes(c.pid());
  ASSERT_TRUE(t);
  EXPECT_GE(t->user_s + t->system_s, 0.0);
  c.Stop(1s);
  EXPECT_FALSE(ReadMemoryStatus(c.pid()));
}

TEST(Command, CapturesOutputAndTimesOut) {
  auto r = RunCommand({"sh", "-c", "echo out; echo err >&2; exit 4"});
  EXPECT_EQ(r.out, "out\n");
  EXPECT_EQ(r.err, "err\n");
  EXPECT_EQ(r.status.code, 4);
  EXPECT_FALSE(r.Ok());
  auto slow = RunCommand({"sleep", "30"}, {}, {}, std::chrono::seconds(1));
  EXPECT_TRUE(slow.timed_out);
  EXPECT_THROW(RunCommand({"claimbench-no-such-tool"}), std::runtime_error);
}

}  // namespace
}  // namespace claimbench::process
