// Verdicts: each claim's checks judged against a results file. A ratio is judged by the
// 95% bootstrap interval of rust/go; an absolute range by the interval of that side's
// median (and said to be hardware-bound). consistent: the interval lies inside the
// (tolerance-widened) bounds; contradicted: it lies wholly outside, with direction and
// size; inconclusive: it straddles a bound; not measured here: with the reason.
#pragma once

#include <string>
#include <vector>

#include "claims/claim_spec.h"
#include "results/model.h"

namespace claimbench::claims {

/// One verdict per claim, each check judged against `results`.
std::vector<results::ClaimVerdict> Evaluate(const std::vector<Claim>& claims, const results::RunResults& results);

}  // namespace claimbench::claims
