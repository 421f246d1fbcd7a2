// Batch workloads: corpora, then tasks x implementations.
#include "run/batch_workload_runner.h"

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <set>

#include "run/batch_runner.h"
#include "run/run_plan.h"
#include "stats/display.h"
#include "stats/ratios.h"
#include "stats/summary.h"
#include "util/shuffle.h"

namespace claimbench::run {
namespace {

using results::Status;

// Batch runners have the machine to themselves (no load generator runs beside them): every
// CPU of the server and client sets.
std::vector<int> BatchCpus(const process::CpuSplit& split) {
  std::set<int> cpus(split.server.begin(), split.server.end());
  cpus.insert(split.client.begin(), split.client.end());
  return {cpus.begin(), cpus.end()};
}

// Generated corpora are inputs, not results: kept beside the build, reused while their
// hash matches.
std::filesystem::path CorpusDir(const std::filesystem::path& root) {
  if (const char* dir = std::getenv("CLAIMBENCH_CORPUS_DIR")) return dir;
  return root / "build" / "corpora";
}


bool RunsTask(const spec::BatchTask& task, const std::string& id) {
  return task.implementations.empty() ||
         std::find(task.implementations.begin(), task.implementations.end(), id) != task.implementations.end();
}

stats::BatchInputSize InputSize(const spec::BatchTask& task, const PreparedCorpus* corpus) {
  stats::BatchInputSize size;
  if (corpus && corpus->input && task.throughput != "none") {
    size = {corpus->input->bytes, corpus->input->lines,
            results::ParseThroughput(task.throughput).value_or(results::Throughput::kNone)};
  }
  return size;
}

// One round of one implementation on one task (`runner` asks for one runner process, or
// for a fresh_process task one per iteration): why it cannot run, or its run, unsummarised.
results::BatchEntry RunEntry(const spec::Workload& w, const spec::BatchTask& task, const std::string& id,
                             const PreparedCorpus* corpus, const BatchRunOptions& runner, RunState& state,
                             const std::string& round) {
  const auto& impl = state.catalog.GetImplementation(id);
  results::BatchEntry entry;
  if (auto why = state.Unrunnable(id)) {
    entry.status = why->first;
    entry.error = why->second;
  } else if (corpus && !corpus->error.empty()) {
    entry.status = Status::kCorpusMismatch;
    entry.error = corpus->error;
  } else {
    state.Step(w.id + " / " + task.id + " / " + id + round, kBatchRoundEstimateSeconds);
    std::optional<BatchInput> input = corpus ? corpus->input : std::nullopt;
    entry = state.launcher.RunBatchTask(w, task, impl, state.builds.at(id).binary, input, runner);
  }
  entry.id = id;
  entry.language = std::string(spec::LanguageName(impl.language));
  entry.library = impl.library;
  return entry;
}

// Counts the instructions of every implementation that ran `task` to the end (kOk), into
// its entry, in the listed order (a count does not drift with the machine, so it needs no
// shuffling). A count that fails is recorded with its error and noted, and the run goes on:
// a machine without valgrind still measures everything else. The user's Ctrl-C stops the
// counting; the counts already taken stand.
void CountEntries(const spec::Workload& w, const spec::BatchTask& task, const std::vector<std::string>& ids,
                  const PreparedCorpus* corpus, const BatchRunOptions& runner, RunState& state,
                  std::vector<std::optional<results::BatchEntry>>& entries, std::set<std::string>& noted) {
  const int iterations = w.batch.instructions->iterations;
  for (size_t index = 0; index < ids.size(); ++index) {
    std::optional<results::BatchEntry>& entry = entries[index];
    if (!entry || entry->status != Status::kOk) continue;
    if (state.launcher.Interrupted()) return;
    const std::string& id = ids[index];
    state.Step(w.id + " / " + task.id + " / " + id + ": instructions under valgrind (1 and 1+" +
                   std::to_string(iterations) + " iterations)",
               kInstructionCountEstimateSeconds);
    std::optional<BatchInput> input = corpus ? corpus->input : std::nullopt;
    results::InstructionCount count = state.launcher.CountInstructions(
        w, task, state.catalog.GetImplementation(id), state.builds.at(id).binary, input, runner, iterations);
    if (state.launcher.Interrupted()) return;  // a count cut short by the user is no count
    if (count.per_iteration) {
      static const stats::MetricRegistry registry({}, {});
      state.Note(stats::ShowValue(*count.per_iteration, registry.Get(stats::metric::kInstructionsPerIteration)) +
                 " per iteration");
    } else if (noted.insert(count.error.value_or("")).second) {  // the same reason once, not per task
      state.Note("instructions not counted: " + count.error.value_or("no reason given"));
    }
    entry->instructions = std::move(count);
  }
}

}  // namespace

bool CountsInstructions(const spec::Workload& w, const spec::BatchTask& task, const RunState& state) {
  const std::optional<spec::InstructionSpec>& counting = w.batch.instructions;
  return counting && counting->Counted() && (!state.Quick() || counting->quick) && state.options.instruction_counts &&
         !state.options.verify_only && !task.fresh_process;
}

BatchRunOptions BatchOptionsFor(const spec::Workload& w, const RunState& state) {
  const RunOptions& options = state.options;
  const bool quick = state.Quick();
  BatchRunOptions runner;
  runner.cpus = BatchCpus(options.cpus);
  runner.processes = options.verify_only ? 1 : options.processes.value_or(quick ? w.batch.quick_processes : w.batch.processes);
  runner.warmup = options.verify_only ? 0 : (quick ? w.batch.quick_warmup : w.batch.warmup);
  runner.iterations =
      options.verify_only ? 1 : options.iterations.value_or(quick ? w.batch.quick_iterations : w.batch.iterations);
  runner.timeout = w.batch.timeout;
  runner.log_dir = state.log_dir;
  return runner;
}

bool BatchWorkloadRunner::Run(const spec::Workload& w, const std::vector<std::string>& ids, RunState& state) {
  const BatchRunOptions runner = BatchOptionsFor(w, state);
  results::BatchWorkload workload;
  workload.id = w.id;
  workload.description = w.description;
  workload.batch = {runner.processes, runner.warmup, runner.iterations, std::chrono::duration<double>(runner.timeout).count(),
                    std::vector<int64_t>(runner.cpus.begin(), runner.cpus.end())};
  state.results.workloads.push_back({std::move(workload)});
  results::BatchWorkload& stored = *state.results.workloads.back().batch();

  const std::optional<spec::InstructionSpec>& instructions = w.batch.instructions;
  if (instructions && !instructions->Counted()) stored.instructions_not_counted = instructions->not_counted;
  std::set<std::string> noted;  // reasons a count failed, said once each

  std::map<std::string, PreparedCorpus> corpora;
  for (const auto& ref : w.batch.corpora) {
    state.Step(w.id + ": corpus " + ref.name + " (generated once, then reused while its hash matches)",
               kCorpusEstimateSeconds);
    corpora[ref.name] = state.launcher.PrepareCorpus(ref, CorpusDir(state.catalog.root));
    stored.corpora.push_back(corpora[ref.name].record);
  }
  bool ok = true;
  for (const auto& task : w.batch.tasks) {
    results::BatchTaskResult result;
    result.id = task.id;
    result.task = task.runner_task;
    result.corpus = task.corpus;
    result.expect = task.expect;
    result.throughput = results::ParseThroughput(task.throughput).value_or(results::Throughput::kNone);
    result.fresh_process = task.fresh_process;
    stored.tasks.push_back(std::move(result));
    results::BatchTaskResult& stored_task = stored.tasks.back();
    const PreparedCorpus* corpus = task.corpus.empty() ? nullptr : &corpora.at(task.corpus);
    const stats::BatchInputSize size = InputSize(task, corpus);
    // The runner processes run in rounds, one process of each implementation per round, and
    // each round visits the implementations in a seeded random order: drift on a shared
    // machine (a neighbour taking the CPU for a minute) lands on every implementation's
    // samples alike, not on one implementation's block. The results keep the listed order;
    // run_order is the first round's.
    BatchRunOptions one = runner;
    one.processes = 1;
    std::vector<std::optional<results::BatchEntry>> entries(ids.size());
    // The task's entries as they stand, summarised, with their ratios, saved.
    auto publish = [&] {
      const stats::MetricRegistry registry({}, {});
      stored_task.implementations.clear();
      for (auto& e : entries) {
        if (!e) continue;
        if (e->status == Status::kOk) e->summary = stats::SummarizeBatch(*e, size, registry);
        stored_task.implementations.push_back(*e);
      }
      stored_task.ratios = stats::Ratios(stored_task.implementations);
      state.save();
    };
    for (int round = 0; round < runner.processes; ++round) {
      std::vector<size_t> order =
          ShuffledIndices(ids.size(), state.options.seed + stored.tasks.size() + 7919 * static_cast<uint64_t>(round));
      const std::string label =
          runner.processes > 1 ? " (round " + std::to_string(round + 1) + " of " + std::to_string(runner.processes) + ")"
                               : "";
      for (size_t index : order) {
        if (!RunsTask(task, ids[index])) continue;
        std::optional<results::BatchEntry>& entry = entries[index];
        if (entry && entry->status != Status::kOk) continue;  // failed in an earlier round: no more rounds
        results::BatchEntry run = RunEntry(w, task, ids[index], corpus, one, state, label);
        if (run.status == Status::kInterrupted && entry) {
          ok = false;  // stopped by the user: the rounds already measured stand, with fewer samples
        } else if (run.status != Status::kOk) {
          ok = false;
          RunState::ReportFailure(w.id + " / " + task.id + " / " + run.id, run.status, run.error);
          entry = std::move(run);  // a failure in any round is the entry's outcome: no figure from a failed set
        } else if (!entry) {
          entry = std::move(run);
        } else {
          AppendRunnerProcesses(*entry, run);
        }
        if (round == 0) {
          if (!stored_task.run_order) stored_task.run_order.emplace();
          stored_task.run_order->push_back(ids[index]);
        }
      }
      // Each round's figures are summarised and saved once the round is over: an interrupted
      // run keeps every round it finished.
      publish();
    }
    if (CountsInstructions(w, task, state)) {
      CountEntries(w, task, ids, corpus, one, state, entries, noted);
      publish();
    }
  }
  return ok;
}

}  // namespace claimbench::run
