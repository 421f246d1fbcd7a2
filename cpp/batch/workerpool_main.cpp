// claimbench-cpp-workerpool (implementation cpp-threads): the worker-pool runner. Only the
// pipeline task; idle-tasks is rejected (see MakeTask).
#include <sched.h>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "runner.h"
#include "workerpool.h"

namespace {

using claimbench::batch::EventDecoder;
using claimbench::batch::Options;
using claimbench::batch::Task;
using claimbench::batch::UsageError;

// The CPUs of our affinity mask, as GOMAXPROCS counts them, when the harness passes no workers.
std::uint64_t AffinityCpus() {
  cpu_set_t set;
  CPU_ZERO(&set);
  if (sched_getaffinity(0, sizeof(set), &set) != 0) return 1;
  return static_cast<std::uint64_t>(std::max(CPU_COUNT(&set), 1));
}

class PipelineTask : public Task {
 public:
  PipelineTask(std::string input, std::size_t workers, std::size_t capacity)
      : input_(std::move(input)), decoders_(workers), capacity_(capacity) {}

  std::uint64_t InputBytes() const override { return input_.size(); }

  std::string RunIteration() override { return claimbench::batch::RunPipeline(input_, decoders_, capacity_); }

 private:
  std::string input_;
  std::vector<EventDecoder> decoders_;
  std::size_t capacity_;
};

std::unique_ptr<Task> MakeTask(const Options& options) {
  if (options.task == "idle-tasks") {
    throw UsageError(
        "task idle-tasks is not measured for C++ (cpp-threads): the standard library has no green threads, and "
        "100 000 parked OS threads would measure the kernel's thread stacks, not a runtime's tasks "
        "(workloads/worker-pool/README.md)");
  }
  const std::uint64_t workers = claimbench::batch::UnsignedParam(options, "workers", AffinityCpus(), 1, 4096);
  const std::uint64_t capacity = claimbench::batch::UnsignedParam(options, "capacity", 1024, 1, 1u << 24);
  return std::make_unique<PipelineTask>(claimbench::batch::ReadInput(options), workers, capacity);
}

}  // namespace

int main(int argc, char** argv) {
  return claimbench::batch::RunMain(argc, argv,
                                    {.program = "claimbench-cpp-workerpool",
                                     .tasks = {{"pipeline", {"workers", "capacity"}}, {"idle-tasks", {"count"}}},
                                     .make_task = MakeTask});
}
