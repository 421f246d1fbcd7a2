// Pairing two runs' figures cell by cell.
#include "compare/compare_cells.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

namespace claimbench::compare {
namespace {

using results::Status;

// One run's figures, flattened: each workload (or task) x implementation's status and
// summaries, and each build's figures as summaries.
struct Entry {
  Status status = Status::kOk;
  std::string error;
  std::map<std::string, CellSide> sides;  ///< by metric
  std::string instruction_tool;           ///< how its instructions were counted (batch entries)
};
using Flat = std::map<std::pair<std::string, std::string>, Entry>;  // (workload, implementation)

std::map<std::string, CellSide> Sides(const results::Summaries& summaries) {
  std::map<std::string, CellSide> out;
  for (const auto& [name, s] : summaries) out[name] = {s.SamplesOrMedian(), s.samples_of.value_or("")};
  return out;
}

Flat Flatten(const results::RunResults& run, const stats::MetricRegistry& registry) {
  Flat flat;
  for (const auto& w : run.workloads) {
    if (const auto* http = w.http()) {
      for (const auto& impl : http->implementations) {
        if (impl.summary.empty() && impl.status == Status::kOk) continue;  // verified, not measured
        flat[{http->id, impl.id}] = {impl.status, impl.error.value_or(""), Sides(impl.summary), ""};
      }
    } else if (const auto* batch = w.batch()) {
      for (const auto& task : batch->tasks) {
        for (const auto& entry : task.implementations) {
          flat[{batch->id + "/" + task.id, entry.id}] = {entry.status, entry.error.value_or(""), Sides(entry.summary),
                                                         entry.instructions ? entry.instructions->tool : ""};
        }
      }
    }
  }
  for (const auto& [id, b] : run.builds) {
    Entry e;
    e.status = b.record.ok ? Status::kOk : Status::kBuildFailed;
    e.error = b.record.error;
    if (b.record.ok) {
      for (const stats::Metric* m : registry.From(stats::Source::kBuild)) {
        std::vector<double> samples = m->build_samples ? m->build_samples(b.record) : std::vector<double>{};
        if (samples.empty()) {
          if (auto v = m->from_build(b.record)) samples = {*v};
        }
        if (!samples.empty()) e.sides[m->name] = {samples, samples.size() > 1 ? "builds" : ""};
      }
    }
    flat[{"build", id}] = std::move(e);
  }
  return flat;
}

bool Selected(const std::vector<std::string>& wanted, const std::string& value) {
  return wanted.empty() || std::find(wanted.begin(), wanted.end(), value) != wanted.end();
}

// "json-parse/parse-tweets" is selected by "json-parse" or by the whole name.
bool WorkloadSelected(const std::vector<std::string>& wanted, const std::string& workload) {
  return Selected(wanted, workload) || Selected(wanted, workload.substr(0, workload.find('/')));
}

std::optional<stats::Metric> Describe(const std::string& name, const stats::MetricRegistry& fresh,
                                      const stats::MetricRegistry& base) {
  if (const auto* m = fresh.Find(name)) return *m;
  if (const auto* m = base.Find(name)) return *m;
  return std::nullopt;
}

}  // namespace

bool CellKey::operator<(const CellKey& other) const {
  return std::tie(workload, implementation, metric) < std::tie(other.workload, other.implementation, other.metric);
}

PairedCells PairCells(const results::RunResults& base, const results::RunResults& fresh,
                      const CellSelection& selection) {
  const stats::MetricRegistry base_registry = stats::MetricRegistry::ForResults(base);
  const stats::MetricRegistry fresh_registry = stats::MetricRegistry::ForResults(fresh);
  const Flat before = Flatten(base, base_registry);
  const Flat after = Flatten(fresh, fresh_registry);
  PairedCells out;
  for (const auto& [where, b] : before) {
    const auto& [workload, impl] = where;
    if (!WorkloadSelected(selection.workloads, workload) || !Selected(selection.implementations, impl)) continue;
    auto it = after.find(where);
    if (it == after.end()) {
      out.only_in_base.push_back(workload + " / " + impl);
      continue;
    }
    const Entry& a = it->second;
    if (b.status == Status::kOk && a.status != Status::kOk) {
      // Stopped by the user is not broken: an interrupted run compares what it finished.
      if (a.status == Status::kInterrupted) out.not_compared.push_back(workload + " / " + impl + ": interrupted in NEW");
      else out.lost.push_back({workload, impl, b.status, a.status, a.error});
      continue;
    }
    if (b.status != Status::kOk) {
      if (a.status == Status::kOk) out.regained.push_back({workload, impl, b.status, a.status, b.error});
      continue;
    }
    for (const auto& [name, side] : b.sides) {
      std::optional<stats::Metric> metric = Describe(name, fresh_registry, base_registry);
      if (!metric) metric = stats::MetricRegistry::RunnerExtra(name);
      const bool wanted = selection.metrics.empty() ? metric->gate_floor.has_value() : Selected(selection.metrics, name);
      if (!wanted) continue;
      auto other = a.sides.find(name);
      if (other == a.sides.end()) {
        out.not_compared.push_back(workload + " / " + impl + " / " + name + ": in BASE, not in NEW");
        continue;
      }
      // Counts taken differently (another valgrind, or before counting moved to one CPU) are
      // not the same figure: an exact comparison of them would flag the method, not the code.
      if (name == stats::metric::kInstructionsPerIteration && b.instruction_tool != a.instruction_tool) {
        out.not_compared.push_back(workload + " / " + impl + " / " + name + ": counted differently (BASE '" +
                                   b.instruction_tool + "', NEW '" + a.instruction_tool + "')");
        continue;
      }
      Cell cell{{workload, impl, name}, *metric, side, other->second};
      auto positive = [](const std::vector<double>& v) {
        return !v.empty() && std::all_of(v.begin(), v.end(), [](double x) { return x > 0; });
      };
      if (!positive(cell.base.samples) || !positive(cell.fresh.samples)) {
        out.not_positive.push_back(cell.key.Label());
        continue;
      }
      out.cells.push_back(std::move(cell));
    }
  }
  for (const auto& [where, a] : after) {
    const auto& [workload, impl] = where;
    if (!WorkloadSelected(selection.workloads, workload) || !Selected(selection.implementations, impl)) continue;
    if (!before.count(where)) out.only_in_new.push_back(workload + " / " + impl);
  }
  std::sort(out.cells.begin(), out.cells.end(), [](const Cell& x, const Cell& y) { return x.key < y.key; });
  return out;
}

PairedCells PairCellsPooled(const std::vector<results::RunResults>& bases, const results::RunResults& fresh,
                            const CellSelection& selection) {
  if (bases.size() == 1) return PairCells(bases.front(), fresh, selection);
  PairedCells out;
  std::map<CellKey, Cell> cells;
  std::map<std::pair<std::string, std::string>, StatusChange> lost, regained;
  std::set<std::string> not_positive, not_compared, only_in_base;
  std::map<std::string, size_t> only_in_new;  // in how many base runs it is missing
  for (const results::RunResults& base : bases) {
    PairedCells one = PairCells(base, fresh, selection);
    for (Cell& cell : one.cells) {
      auto [it, added] = cells.try_emplace(cell.key, cell);
      if (!added) {
        auto& samples = it->second.base.samples;
        samples.insert(samples.end(), cell.base.samples.begin(), cell.base.samples.end());
      }
    }
    for (auto& s : one.lost) lost.try_emplace({s.workload, s.implementation}, s);
    for (auto& s : one.regained) regained.try_emplace({s.workload, s.implementation}, s);
    not_positive.insert(one.not_positive.begin(), one.not_positive.end());
    not_compared.insert(one.not_compared.begin(), one.not_compared.end());
    only_in_base.insert(one.only_in_base.begin(), one.only_in_base.end());
    for (const auto& s : one.only_in_new) ++only_in_new[s];
  }
  // Failed in one base run and ok in another: the ok one decides (it ran before).
  for (const auto& [where, s] : lost) regained.erase(where);
  for (const auto& [key, cell] : cells) regained.erase({key.workload, key.implementation});
  for (auto& [key, cell] : cells) {
    if (!not_positive.count(key.Label())) out.cells.push_back(std::move(cell));
  }
  for (auto& [where, s] : lost) out.lost.push_back(std::move(s));
  for (auto& [where, s] : regained) out.regained.push_back(std::move(s));
  out.not_positive.assign(not_positive.begin(), not_positive.end());
  out.not_compared.assign(not_compared.begin(), not_compared.end());
  out.only_in_base.assign(only_in_base.begin(), only_in_base.end());
  for (const auto& [s, missing] : only_in_new) {
    if (missing == bases.size()) out.only_in_new.push_back(s);
  }
  return out;
}

}  // namespace claimbench::compare
