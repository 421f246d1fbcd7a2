// The claims at a glance: a forest plot of every judged Rust/Go ratio check, grouped by
// article. Each row shows the claimed range as a band and the measurement as a dot with its
// 95% interval, on one log rust/go axis, coloured by verdict and labelled with the
// direction found. Absolute (hardware-bound) checks and unmeasured ones are not plotted;
// the caption says how many of each there are.
#pragma once

#include "report/charts.h"
#include "results/model.h"

namespace claimbench::report {

/// The forest plot of `results`' claims; an empty svg (and a caption saying why) when no
/// ratio check was measured.
Chart ClaimsForestPlot(const results::RunResults& results);

/// The colour the reports give a verdict (the HTML badges' colours).
std::string VerdictColour(results::Verdict verdict);

}  // namespace claimbench::report
