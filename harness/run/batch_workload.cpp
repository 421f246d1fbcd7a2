// Batch workloads: corpora, then tasks x implementations.
#include "run/batch_workload.h"

#include <fstream>
#include <iostream>
#include <optional>

#include "batch/corpus.h"
#include "process/interrupt.h"
#include "run/ratios.h"
#include "util/shuffle.h"

namespace claimbench::run {
namespace {

using nlohmann::json;

int64_t CountLines(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  int64_t lines = 0;
  char buffer[1 << 16];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    lines += std::count(buffer, buffer + in.gcount(), '\n');
  }
  return lines;
}

struct PreparedCorpus {
  std::optional<BatchInput> input;
  std::string error;  ///< why the corpus cannot be used
};

PreparedCorpus Prepare(const spec::CorpusRef& ref, const std::filesystem::path& dir, json& record) {
  PreparedCorpus out;
  record = {{"name", ref.name}, {"seed", ref.seed}, {"sha256_pinned", ref.sha256}};
  try {
    batch::CorpusFile file = batch::EnsureCorpus(ref.name, ref.seed, dir);
    record["path"] = file.path.string();
    record["bytes"] = file.bytes;
    record["sha256"] = file.sha256;
    if (file.sha256 != ref.sha256) {
      out.error = "corpus '" + ref.name + "' (seed " + std::to_string(ref.seed) + ") was generated with SHA-256 " +
                  file.sha256 + " but workload.toml pins " + ref.sha256 +
                  ": the generator's output changed; if that was intended, pin the new hash";
      return out;
    }
    out.input = BatchInput{file.path, static_cast<int64_t>(file.bytes), CountLines(file.path)};
    record["lines"] = out.input->lines;
  } catch (const std::exception& e) {
    out.error = "cannot generate corpus '" + ref.name + "': " + e.what();
  }
  if (!out.error.empty()) record["error"] = out.error;
  return out;
}

// A fresh_process task: `iterations` runner processes of one measured iteration each,
// merged into one entry (the first failure ends it).
json RunFreshProcesses(const spec::Workload& workload, const spec::BatchTask& task, const spec::Implementation& impl,
                       const std::filesystem::path& binary, const std::optional<BatchInput>& input,
                       const BatchRunOptions& options) {
  BatchRunOptions one = options;
  one.warmup = 0;
  one.iterations = 1;
  json merged;
  for (int i = 0; i < options.iterations; ++i) {
    json r = RunBatchTask(workload, task, impl, binary, input, one);
    if (r["status"] != "ok") return r;
    if (merged.is_null()) {
      merged = r;
      merged["fresh_process"] = true;
      continue;
    }
    merged["measure_ns"].push_back(r["measure_ns"][0]);
    for (const auto& p : r["process"]) merged["process"].push_back(p);
    for (const auto& [key, values] : r["extra"].items()) {
      for (const auto& v : values) merged["extra"][key].push_back(v);
    }
    for (const auto& c : r["compile_ns"]) merged["compile_ns"].push_back(c);
  }
  return merged;
}

}  // namespace

bool RunBatchWorkload(const spec::Catalog& catalog, const spec::Workload& workload,
                      const std::vector<std::string>& implementations,
                      const std::map<std::string, build::BuildRecord>& builds, const BatchWorkloadOptions& options,
                      json& stored, const std::function<void()>& save) {
  bool ok = true;
  stored["batch"] = {{"warmup", options.runner.warmup},
                     {"iterations", options.runner.iterations},
                     {"timeout_s", std::chrono::duration<double>(options.runner.timeout).count()},
                     {"cpus", options.runner.cpus}};
  stored["corpora"] = json::array();
  std::map<std::string, PreparedCorpus> corpora;
  for (const auto& ref : workload.batch.corpora) {
    std::cerr << "claimbench: " << workload.id << ": corpus " << ref.name << "\n";
    json record;
    corpora[ref.name] = Prepare(ref, options.corpus_dir, record);
    stored["corpora"].push_back(record);
  }
  stored["tasks"] = json::array();
  for (const auto& task : workload.batch.tasks) {
    json tj = {{"id", task.id},
               {"task", task.runner_task},
               {"corpus", task.corpus},
               {"expect", task.expect},
               {"throughput", task.throughput},
               {"fresh_process", task.fresh_process},
               {"implementations", json::array()}};
    stored["tasks"].push_back(tj);
    json& stored_task = stored["tasks"].back();
    std::optional<BatchInput> input;
    std::string corpus_error;
    if (!task.corpus.empty()) {
      input = corpora.at(task.corpus).input;
      corpus_error = corpora.at(task.corpus).error;
    }
    // Each task visits the implementations in a seeded random order, so drift on a shared
    // machine does not favour whoever runs first; the results keep the listed order.
    std::vector<size_t> order = ShuffledIndices(implementations.size(), options.seed + stored["tasks"].size());
    std::vector<json> entries(implementations.size());
    json run_order = json::array();
    for (size_t index : order) {
      const auto& id = implementations[index];
      if (!task.implementations.empty() &&
          std::find(task.implementations.begin(), task.implementations.end(), id) == task.implementations.end()) {
        continue;
      }
      const auto& impl = catalog.GetImplementation(id);
      const auto& record = builds.at(id);
      json ij = {{"id", id}, {"language", spec::LanguageName(impl.language)}, {"library", impl.library}};
      if (process::Interrupted()) {
        ij["status"] = "interrupted";
      } else if (!record.ok) {
        ij["status"] = "build_failed";
        ij["error"] = record.error;
      } else if (!corpus_error.empty()) {
        ij["status"] = "corpus_mismatch";
        ij["error"] = corpus_error;
      } else {
        std::cerr << "claimbench: " << workload.id << " / " << task.id << " / " << id << "\n";
        ij = task.fresh_process ? RunFreshProcesses(workload, task, impl, record.binary, input, options.runner)
                                : RunBatchTask(workload, task, impl, record.binary, input, options.runner);
        json summary = SummarizeBatch(ij, task, input);
        if (!summary.empty()) ij["summary"] = summary;
      }
      if (ij["status"] != "ok") {
        ok = false;
        std::cerr << "claimbench: " << workload.id << " / " << task.id << " / " << id << ": "
                  << ij["status"].get<std::string>() << ": " << ij.value("error", "") << "\n";
      }
      run_order.push_back(id);
      entries[index] = std::move(ij);
      stored_task["implementations"] = json::array();
      for (const auto& e : entries) {
        if (!e.is_null()) stored_task["implementations"].push_back(e);
      }
      stored_task["run_order"] = run_order;
      stored_task["ratios"] = Ratios(stored_task["implementations"]);
      save();
    }
  }
  return ok;
}

}  // namespace claimbench::run
