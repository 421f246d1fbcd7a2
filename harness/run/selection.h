// Which workloads and implementations a run covers, from --workload and --impl.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "spec/workload.h"

namespace claimbench::run {

struct Selection {
  std::vector<const spec::Workload*> workloads;
  std::map<std::string, std::vector<std::string>> implementations;  ///< per workload id, in catalog order
  std::vector<std::string> to_build;                                ///< unique, in order
};

/// Throws std::out_of_range (from the catalog) for an unknown id, and
/// std::invalid_argument when nothing is left.
Selection Select(const spec::Catalog& catalog, const std::vector<std::string>& workloads,
                 const std::vector<std::string>& implementations);

}  // namespace claimbench::run
