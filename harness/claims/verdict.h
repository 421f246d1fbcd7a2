// Verdicts: each claim's checks judged against a results file. A ratio is judged by the
// 95% bootstrap interval of rust/go; an absolute range by the interval of that side's
// median (and said to be hardware-bound). consistent: the interval lies inside the
// (tolerance-widened) bounds; contradicted: it lies wholly outside, with direction and
// size; inconclusive: it straddles a bound; not measured here: with the reason.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "claims/claim_spec.h"

namespace claimbench::claims {

inline constexpr const char* kConsistent = "consistent";
inline constexpr const char* kContradicted = "contradicted";
inline constexpr const char* kInconclusive = "inconclusive";
inline constexpr const char* kNotMeasured = "not measured here";

/// One entry per claim: {id, document, paraphrase, stated{}, conditions, verdict, detail,
/// checks[{label, workload, metric, go, rust, expected, measured, ci_low, ci_high, n,
/// judged ("ratio" | "absolute, hardware-bound"), verdict, detail}]}.
nlohmann::json Evaluate(const std::vector<Claim>& claims, const nlohmann::json& results);

}  // namespace claimbench::claims
