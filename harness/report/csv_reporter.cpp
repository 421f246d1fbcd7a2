// CSV rendering.
#include "report/csv_reporter.h"

#include <fmt/format.h>

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <utility>
#include <vector>

#include "stats/metric_registry.h"
#include "stats/summary.h"

namespace claimbench::report {

std::string CsvField(const std::string& text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

namespace {

// The shortest text that reads back to the same double, without an exponent for
// everyday magnitudes (fmt's default: 900, 1557520, 0.25; 1e+300 stays short).
std::string Number(double v) { return fmt::format("{}", v); }
std::string Number(const std::optional<double>& v) { return v ? Number(*v) : std::string(); }

struct RowKey {
  const std::string& run;
  const std::string& workload;
  const std::string& implementation;
  const std::string& language;
  const std::string& library;
};

// One figure: a build figure (exact, one value) or a summary.
void Row(std::string& out, const RowKey& key, const std::string& metric, const std::string& unit, double value,
         const results::Summary* s = nullptr) {
  out += CsvField(key.run) + "," + CsvField(key.workload) + "," + CsvField(key.implementation) + "," +
         CsvField(metric) + "," + CsvField(unit) + "," + Number(value) + "," +
         (s ? Number(s->ci_low) + "," + Number(s->ci_high) + "," + std::to_string(s->n) + "," + Number(s->min) + "," +
                  Number(s->max) + "," + (s->noisy ? "true" : "false")
            : std::string(",,1,") + Number(value) + "," + Number(value) + ",false") +
         "," + CsvField(key.language) + "," + CsvField(key.library) + "\n";
}

template <typename Implementation>
void SummaryRows(std::string& out, const std::string& run, const std::string& workload,
                 const std::vector<Implementation>& implementations) {
  for (const auto& impl : implementations) {
    for (const auto& [metric, s] : impl.summary) {
      Row(out, {run, workload, impl.id, impl.language, impl.library}, metric, s.unit, s.median, &s);
    }
  }
}

// Calls f(workload key, implementations) for every HTTP workload and batch task.
template <typename F>
void ForEachWorkload(const results::RunResults& results, F&& f) {
  for (const auto& w : results.workloads) {
    if (const results::HttpWorkload* http = w.http()) f(http->id, http->implementations, http->ratios);
    if (const results::BatchWorkload* batch = w.batch()) {
      for (const auto& task : batch->tasks) f(batch->id + "/" + task.id, task.implementations, task.ratios);
    }
  }
}

// Each implementation's language and library, from the workloads that ran it.
std::map<std::string, std::pair<std::string, std::string>> LanguagesAndLibraries(const results::RunResults& results) {
  std::map<std::string, std::pair<std::string, std::string>> out;
  ForEachWorkload(results, [&](const std::string&, const auto& implementations, const auto&) {
    for (const auto& i : implementations) out[i.id] = {i.language, i.library};
  });
  return out;
}

}  // namespace

std::string CsvReporter::Render(const results::RunResults& results) const {
  std::string out = "run_id,workload,implementation,metric,unit,value,ci_low,ci_high,n,min,max,noisy,language,library\n";
  const std::string& run = results.run_id;
  const stats::MetricRegistry registry = stats::MetricRegistry::ForResults(results);
  const auto languages = LanguagesAndLibraries(results);
  const std::string build = "build", none;
  for (const auto& [impl, b] : results.builds) {
    if (!b.record.ok) continue;  // a failed build has no figures (its sizes read 0)
    auto known = languages.find(impl);
    const std::string& language = known == languages.end() ? none : known->second.first;
    const std::string& library = known == languages.end() ? none : known->second.second;
    for (const stats::Metric* metric : registry.From(stats::Source::kBuild)) {
      auto v = metric->from_build(b.record);
      if (!v) continue;
      // A build time repeated (cold builds in the full suite) is a summary of its runs.
      const std::vector<double> runs = metric->build_samples ? metric->build_samples(b.record) : std::vector<double>{};
      if (runs.size() > 1) {
        results::Summary s = stats::SummaryOf(runs, metric->unit);
        Row(out, {run, build, impl, language, library}, metric->name, metric->unit, *v, &s);
      } else {
        Row(out, {run, build, impl, language, library}, metric->name, metric->unit, *v);
      }
    }
  }
  // A batch task is a workload of its own in the long format: "json-parse/tweets-typed".
  ForEachWorkload(results, [&](const std::string& workload, const auto& implementations, const auto&) {
    SummaryRows(out, run, workload, implementations);
  });
  return out;
}

std::string RatiosCsvReporter::Render(const results::RunResults& results) const {
  std::string out = "run_id,workload,metric,numerator,denominator,value,ci_low,ci_high,noisy\n";
  ForEachWorkload(results, [&](const std::string& workload, const auto&, const auto& ratios) {
    if (!ratios) return;
    for (const auto& r : *ratios) {
      out += CsvField(results.run_id) + "," + CsvField(workload) + "," + CsvField(r.metric) + "," +
             CsvField(r.numerator) + "," + CsvField(r.denominator) + "," + Number(r.value) + "," + Number(r.ci_low) +
             "," + Number(r.ci_high) + "," + (r.noisy ? "true" : "false") + "\n";
    }
  });
  return out;
}

std::string TrialsCsvReporter::Render(const results::RunResults& results) const {
  std::string out = "run_id,workload,implementation,metric,unit,sample,value,samples_of\n";
  ForEachWorkload(results, [&](const std::string& workload, const auto& implementations, const auto&) {
    for (const auto& impl : implementations) {
      for (const auto& [metric, s] : impl.summary) {
        for (size_t i = 0; i < s.samples.size(); ++i) {
          out += CsvField(results.run_id) + "," + CsvField(workload) + "," + CsvField(impl.id) + "," +
                 CsvField(metric) + "," + CsvField(s.unit) + "," + std::to_string(i + 1) + "," +
                 Number(s.samples[i]) + "," + CsvField(s.samples_of.value_or("trials")) + "\n";
        }
      }
    }
  });
  return out;
}

std::string BenchmarkActionReporter::Render(const results::RunResults& results) const {
  const stats::MetricRegistry registry = stats::MetricRegistry::ForResults(results);
  nlohmann::json out = nlohmann::json::array();
  ForEachWorkload(results, [&](const std::string& workload, const auto& implementations, const auto&) {
    for (const auto& impl : implementations) {
      for (const auto& [metric, s] : impl.summary) {
        const stats::Metric* m = registry.Find(metric);
        if (!m || m->HigherIsBetter() != bigger_) continue;
        nlohmann::json entry = {{"name", workload + " " + impl.id + " " + metric}, {"unit", s.unit}, {"value", s.median}};
        if (s.ci_low && s.ci_high) {
          entry["range"] = fmt::format("{} to {} (95% CI)", Number(*s.ci_low), Number(*s.ci_high));
        }
        entry["extra"] = fmt::format("n = {}; {}; run {}", s.n, s.samples_of.value_or("trials"), results.run_id);
        out.push_back(entry);
      }
    }
  });
  return out.dump(2) + "\n";
}

}  // namespace claimbench::report
