// What differs between two runs.
#include "compare/comparability.h"

#include <fmt/format.h>

namespace claimbench::compare {
namespace {

bool MeasuredAnything(const results::RunResults& run) {
  for (const auto& w : run.workloads) {
    if (const auto* http = w.http()) {
      for (const auto& impl : http->implementations) {
        if (!impl.summary.empty()) return true;
      }
    } else if (const auto* batch = w.batch()) {
      for (const auto& task : batch->tasks) {
        for (const auto& e : task.implementations) {
          if (!e.summary.empty()) return true;
        }
      }
    }
  }
  return false;  // builds alone are no measurement: a run that stopped after them has nothing to gate
}

template <typename T>
void Differs(std::vector<std::string>& warnings, const std::string& what, const T& base, const T& fresh) {
  if (base != fresh) warnings.push_back(fmt::format("{} differs: BASE {}, NEW {}", what, base, fresh));
}

void CompareLoadPlans(std::vector<std::string>& warnings, const results::RunResults& base,
                      const results::RunResults& fresh) {
  for (const auto& w : base.workloads) {
    const results::Workload* other = fresh.FindWorkload(w.id());
    if (!other) continue;
    if (w.http() && other->http() && w.http()->load && other->http()->load) {
      const auto& b = *w.http()->load;
      const auto& f = *other->http()->load;
      Differs(warnings, w.id() + ": connections", b.connections, f.connections);
      Differs(warnings, w.id() + ": window (s)", b.duration_s, f.duration_s);
      Differs(warnings, w.id() + ": warmup (s)", b.warmup_s, f.warmup_s);
      Differs(warnings, w.id() + ": load mode", b.mode, f.mode);
    } else if (w.batch() && other->batch()) {
      const auto& b = w.batch()->batch;
      const auto& f = other->batch()->batch;
      Differs(warnings, w.id() + ": iterations per runner process", b.iterations, f.iterations);
      Differs(warnings, w.id() + ": warmup iterations", b.warmup, f.warmup);
    } else if (w.kind() != other->kind()) {
      warnings.push_back(w.id() + " is an HTTP workload in one run and a batch workload in the other: not compared");
    }
  }
}

}  // namespace

Comparability CheckComparable(const results::RunResults& base, const results::RunResults& fresh) {
  Comparability out;
  if (!MeasuredAnything(base)) out.refusal = "BASE measured nothing (a `claimbench verify` run, or one that failed early)";
  else if (!MeasuredAnything(fresh)) out.refusal = "NEW measured nothing (a `claimbench verify` run, or one that failed early)";
  auto& w = out.warnings;
  Differs(w, "schema_version", base.schema_version, fresh.schema_version);
  Differs(w, "suite", std::string(results::Name(base.suite)), std::string(results::Name(fresh.suite)));
  Differs(w, "machine: CPU", base.context.cpu_model, fresh.context.cpu_model);
  Differs(w, "machine: cores", base.context.cores, fresh.context.cores);
  Differs(w, "machine: kernel", base.context.kernel, fresh.context.kernel);
  Differs(w, "server CPUs", base.context.cpu_sets.server, fresh.context.cpu_sets.server);
  for (const auto& [tool, version] : base.context.toolchains) {
    auto it = fresh.context.toolchains.find(tool);
    if (it != fresh.context.toolchains.end()) Differs(w, "toolchain " + tool, version, it->second);
  }
  if (base.interrupted) w.push_back("BASE was interrupted: it compares only what it finished");
  if (fresh.interrupted) w.push_back("NEW was interrupted: it compares only what it finished");
  CompareLoadPlans(w, base, fresh);
  return out;
}

}  // namespace claimbench::compare
