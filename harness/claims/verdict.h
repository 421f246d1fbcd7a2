// Verdicts: each claim's checks judged against a results file. A ratio is judged by the
// 95% Hodges-Lehmann interval of rust/go; an absolute range by the order-statistic interval
// of that side's median (and said to be hardware-bound). Direction first, then magnitude
// (claims/judge.h); not measured here: with the reason.
#pragma once

#include <string>
#include <vector>

#include "claims/claim_spec.h"
#include "results/model.h"

namespace claimbench::claims {

/// The family of checks `claims` makes of `results`: how many have a measurement, and the
/// level each interval is taken at under `adjustment` (Bonferroni: 1 - 0.05 / checks).
results::ClaimsFamily FamilyOf(const std::vector<Claim>& claims, const results::RunResults& results,
                               results::Adjustment adjustment);

/// One verdict per claim, each check judged against `results` with intervals at the
/// family's level.
std::vector<results::ClaimVerdict> Evaluate(const std::vector<Claim>& claims, const results::RunResults& results,
                                            const results::ClaimsFamily& family = {});

}  // namespace claimbench::claims
