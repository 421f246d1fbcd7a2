// Whether two runs can be compared, and what differs between them that a reader of the
// comparison must know: another schema version, suite, machine, toolchain or load plan is
// a warning (the figures may move for that reason alone); a run that measured nothing (a
// `verify` run) cannot be compared at all.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "results/model.h"

namespace claimbench::compare {

struct Comparability {
  std::vector<std::string> warnings;
  std::optional<std::string> refusal;  ///< why the runs cannot be compared (exit 2)
};

Comparability CheckComparable(const results::RunResults& base, const results::RunResults& fresh);

}  // namespace claimbench::compare
