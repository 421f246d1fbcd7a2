// Files written before version 3 carry percentile-bootstrap intervals (which cover less
// than their label at five or ten samples). Reading one recomputes every summary's
// interval and noisy flag from its stored samples, and every ratio's, with the exact
// intervals this version uses, so a report or a verdict never shows an old interval under
// a new label. A file that did not keep its samples cannot be recomputed and keeps what it has.
#pragma once

#include "results/model.h"

namespace claimbench::stats {

void RecomputeIntervals(results::RunResults& results);

}  // namespace claimbench::stats
