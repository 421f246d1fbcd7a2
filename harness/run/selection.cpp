// Selecting workloads and implementations.
#include "run/selection.h"

#include <algorithm>
#include <set>
#include <stdexcept>

namespace claimbench::run {
namespace {

bool Wanted(const std::vector<std::string>& asked, const std::string& id) {
  return asked.empty() || std::find(asked.begin(), asked.end(), id) != asked.end();
}

}  // namespace

Selection Select(const spec::Catalog& catalog, const std::vector<std::string>& workloads,
                 const std::vector<std::string>& implementations) {
  Selection s;
  for (const auto& id : workloads) catalog.GetWorkload(id);  // throws on unknown ids
  for (const auto& id : implementations) catalog.GetImplementation(id);
  std::set<std::string> seen;
  for (const auto& w : catalog.workloads) {
    if (!Wanted(workloads, w.id)) continue;
    std::vector<std::string> impls;
    for (const auto& impl : w.implementations) {
      if (!Wanted(implementations, impl)) continue;
      impls.push_back(impl);
      if (seen.insert(impl).second) s.to_build.push_back(impl);
    }
    if (impls.empty()) continue;
    s.workloads.push_back(&w);
    s.implementations[w.id] = impls;
  }
  if (s.workloads.empty()) {
    throw std::invalid_argument("nothing selected: no workload has the implementations asked for");
  }
  return s;
}

}  // namespace claimbench::run
