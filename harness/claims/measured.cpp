// Finding one implementation's measured figure of one metric in a results file.
#include "claims/measured.h"

#include "stats/metric_registry.h"

namespace claimbench::claims {
namespace {

// The entry of `impl` on `key` ("<workload>" or "<batch workload>/<task>"): its
// status, error and summaries, or the reason there is none.
struct Entry {
  results::Status status;
  std::optional<std::string> error;
  const results::Summaries* summary;
  const results::BatchEntry* batch = nullptr;  ///< for a batch task
};

std::optional<Entry> FindEntry(const results::RunResults& results, const std::string& key, const std::string& impl,
                               std::string& why) {
  auto slash = key.find('/');
  const std::string workload = key.substr(0, slash);
  const std::string task = slash == std::string::npos ? "" : key.substr(slash + 1);
  const results::Workload* w = results.FindWorkload(workload);
  if (!w) {
    why = "workload " + workload + " was not part of this run";
    return std::nullopt;
  }
  if (const auto* http = w->http(); http && task.empty()) {
    for (const auto& i : http->implementations) {
      if (i.id == impl) return Entry{i.status, i.error, &i.summary, nullptr};
    }
  }
  if (const auto* batch = w->batch()) {
    for (const auto& t : batch->tasks) {
      if (t.id != task) continue;
      for (const auto& i : t.implementations) {
        if (i.id == impl) return Entry{i.status, i.error, &i.summary, &i};
      }
    }
  }
  why = impl + " did not run " + key + " in this run";
  return std::nullopt;
}

// The measured value of `metric_name` for implementation `impl`, or the reason there is none.
}  // namespace

std::optional<Measured> FindMeasured(const results::RunResults& results, const std::string& key,
                                     const std::string& metric_name, const std::string& impl, std::string& why) {
  const stats::MetricRegistry registry = stats::MetricRegistry::ForResults(results);
  const stats::Metric* metric = registry.Find(metric_name);
  if (key == "build") {
    auto b = results.builds.find(impl);
    if (b == results.builds.end()) {
      why = impl + " was not built in this run";
      return std::nullopt;
    }
    const build::BuildRecord& record = b->second.record;
    if (!record.ok) {  // a failed build is no figure (its sizes read 0)
      why = "the build of " + impl + " failed: " + record.error.substr(0, record.error.find('\n'));
      return std::nullopt;
    }
    std::optional<double> v = metric && metric->from_build ? metric->from_build(record) : std::nullopt;
    if (v && *v <= 0 && metric->exact) {
      why = metric_name + " of " + impl + " was not measured (the build or strip gave no figure)";
      return std::nullopt;
    }
    if (!v && metric &&
        (metric->name == stats::metric::kStaticBinaryBytes || metric->name == stats::metric::kStaticBinaryStrippedBytes)) {
      if (!record.static_error.empty()) {
        why = "no static build of " + impl + ": " + record.static_error;
      } else if (!record.static_linked) {
        why = "this results file does not say whether " + impl + "'s binary is static (it was written before static "
              "linking was recorded)";
      } else {
        why = "no static build of " + impl + " in this run: its release binary is not static, and a static variant "
              "is built for HTTP servers in the full suite only";
      }
      return std::nullopt;
    }
    if (!v) {
      why = metric_name + " of " + impl + " was not measured in this run" +
            (metric && !metric->exact ? " (the full suite times builds; the quick suite only with --build-times)" : "");
      return std::nullopt;
    }
    std::vector<double> runs = metric->build_samples ? metric->build_samples(record) : std::vector<double>{};
    return Measured{runs.empty() ? std::vector<double>{*v} : runs, *v, metric->exact};
  }
  std::optional<Entry> entry = FindEntry(results, key, impl, why);
  if (!entry) return std::nullopt;
  if (entry->status != results::Status::kOk) {
    why = impl + " on " + key + ": " + std::string(results::Name(entry->status)) + " (" +
          entry->error.value_or("") + ")";
    return std::nullopt;
  }
  auto s = entry->summary->find(metric_name);
  if (s == entry->summary->end() && metric_name == stats::metric::kGoHeapOverLive) {
    why = "no GC cycle of " + impl + " on " + key + " in the measured windows had a live heap of at least 4 MB, and "
          "gctrace rounds heaps to whole MB, so heap over live cannot be read";
    return std::nullopt;
  }
  if (s == entry->summary->end()) {
    why = metric_name + " of " + impl + " on " + key + " was not measured in this run";
    return std::nullopt;
  }
  const bool one_process = entry->batch && entry->batch->process.size() == 1 && !entry->batch->fresh_process;
  // One process's iterations are one sample of the figure: its median.
  return Measured{one_process ? std::vector<double>{s->second.median} : s->second.SamplesOrMedian(), s->second.median,
                  metric && metric->exact, one_process};
}

}  // namespace claimbench::claims
