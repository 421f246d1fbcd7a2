// The closed-loop driver: every idle connection writes its next request at once. Everything else
// (connect phase, shared start, warmup, window, drain, recording) is the shared LoadWorker.
#include "load/closed_loop.h"

#include <memory>

#include "load/load_worker.h"

namespace claimbench::load {
namespace {

class ClosedLoopWorker final : public LoadWorker {
 public:
  ClosedLoopWorker(const ClosedLoopOptions& options, const WorkerSlot& slot)
      : LoadWorker(options, slot, /*record_send_lag=*/false) {}

 private:
  void OnStart(Clock::time_point /*start*/) override {}

  void OnReady(Connection& connection) override {
    const Clock::time_point now = Clock::now();
    if (now >= window_end()) {
      connection.Close();
      return;
    }
    Write(connection, now, /*intended=*/now, /*count_as_sent=*/true);
  }

  // The next request goes out on the new connection anyway: nothing to remember, but the lost
  // one's share of a request limit is given back.
  void OnUnanswered(const Exchange& exchange) override { RefundBudget(exchange); }
};

}  // namespace

LoadResult RunClosedLoop(const ClosedLoopOptions& options) {
  ValidateLoadOptions(options);
  LoadResult result = RunWorkers(options, [&options](const WorkerSlot& slot) -> std::unique_ptr<LoadWorker> {
    return std::make_unique<ClosedLoopWorker>(options, slot);
  });
  result.target_rate_per_s = 0;
  result.rate_shortfall = false;
  return result;
}

}  // namespace claimbench::load
