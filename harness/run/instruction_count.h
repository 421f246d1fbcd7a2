// Instructions per iteration of a batch task, counted under valgrind (issue 14): a figure
// that does not move with the machine's load, frequency or neighbours, so the regression
// gate can compare it exactly where wall time needs a rank test and a 3% floor.
//
// The runner runs twice under `setarch ARCH -R valgrind --tool=cachegrind --cache-sim=no`,
// through the same protocol code as a timed run (batch_runner.h, with a command prefix):
// once with 1 measured iteration and once with 1+K, no warmup in either, every checksum
// checked. (total - base) / K is what one iteration executes: setup, input loading and the
// runtime's start and exit are in both runs and cancel out. ASLR is off so that no
// address-dependent path (hash seeds from addresses, allocator placement) differs between
// the two runs. Valgrind runs one thread at a time, so only single-threaded tasks are
// counted (workload.toml's [instructions]; worker-pool says why it is not).
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "results/model.h"
#include "run/batch_runner.h"
#include "spec/workload.h"

namespace claimbench::run {

/// Each valgrind run may take this many times the runner's own timeout: cachegrind without
/// its cache simulation runs a program 10 to 50 times slower (Go's regexp over the 12 MB
/// haystack: about 200 s), though it runs fewer iterations than a timed runner process.
inline constexpr int kValgrindTimeoutFactor = 10;

/// Counts the instructions of one iteration of `task` of `impl`: the runner under valgrind
/// with 1 and with 1 + `iterations` (K) measured iterations; `options` gives the CPU set,
/// the timeout (times kValgrindTimeoutFactor) and the workers' environment, as for a timed
/// run. Never throws: a missing valgrind or setarch, a runner that fails or prints a wrong
/// checksum under valgrind, or an unreadable count is the result's `error`. Its temporary
/// files (the runner's output, valgrind's log and count files) are removed.
results::InstructionCount CountTaskInstructions(const spec::Workload& workload, const spec::BatchTask& task,
                                                const spec::Implementation& impl, const std::filesystem::path& binary,
                                                const std::optional<BatchInput>& input, const BatchRunOptions& options,
                                                int iterations);

/// The total instruction count (Ir) of a cachegrind out file: its "summary:" line, read in
/// the order its "events:" line names the events. nullopt when the text has no summary
/// line, no Ir event or a number that does not parse.
std::optional<int64_t> ParseCachegrindTotal(std::string_view out_file_text);

}  // namespace claimbench::run
