// claimbench-cpp-cpubound (implementation cpp-cpu): the cpu-bound runner. No input; each
// iteration computes its kernel from scratch.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "cpubound.h"
#include "runner.h"

namespace {

using claimbench::batch::Options;
using claimbench::batch::Task;

class KernelTask : public Task {
 public:
  KernelTask(std::string (*kernel)(std::uint64_t), std::uint64_t size) : kernel_(kernel), size_(size) {}

  std::string RunIteration() override { return kernel_(size_); }

 private:
  std::string (*kernel_)(std::uint64_t);
  std::uint64_t size_;
};

std::unique_ptr<Task> MakeTask(const Options& options) {
  if (options.task == "nbody") {
    return std::make_unique<KernelTask>(claimbench::batch::NBody,
                                        claimbench::batch::UnsignedParam(options, "steps", std::nullopt));
  }
  // n = 0 has no norm (0/0); a million already needs 10^12 steps per product.
  return std::make_unique<KernelTask>(claimbench::batch::SpectralNorm,
                                      claimbench::batch::UnsignedParam(options, "n", std::nullopt, 1, 1'000'000));
}

}  // namespace

int main(int argc, char** argv) {
  return claimbench::batch::RunMain(
      argc, argv,
      {.program = "claimbench-cpp-cpubound", .tasks = {{"nbody", {"steps"}}, {"spectral-norm", {"n"}}},
       .make_task = MakeTask});
}
