// Claims on the P99 at a fixed open-loop rate, judged on what each side did at that rate in
// every trial: kept up in all of them (sustained), in none (overloaded), or in some.
//  - One side sustained and the other was overloaded: censored evidence. The side that kept
//    up has the lower P99; the direction is judged, the magnitude is undecided.
//  - A side that kept up in only some trials: not measured, with the counts (its P99 would
//    come from the trials that coped).
//  - An overload claim (latency_p99_overloaded_at_*) where both kept up: not measured; where
//    the load generator saturated, not measured (the shortfall may be the client's).
#pragma once

#include <optional>
#include <string>

#include "claims/claim_spec.h"
#include "results/model.h"

namespace claimbench::claims {

/// What one implementation did at a check's fixed rate, over its trials with that point.
struct RateOutcome {
  std::string rate_key;  ///< "25000"
  int trials = 0;
  int reached = 0;
  int client_saturated = 0;
  bool Sustained() const { return trials > 0 && reached == trials; }
  bool Overloaded() const { return trials > 0 && reached == 0; }
};

/// `impl`'s outcome at the rate of `check.metric`; nullopt when the metric is no P99 at a
/// fixed rate, or no trial of `impl` has the point.
std::optional<RateOutcome> RateOutcomeOf(const results::RunResults& results, const Check& check,
                                         const std::string& impl);

/// The verdict the rate outcomes decide on their own (see above), `out` filled in; nullopt
/// when the ordinary judgement of the two P99s applies. `out.expected` is kept as given.
std::optional<results::CheckVerdict> JudgeByRateOutcome(const Check& check, const results::RunResults& results,
                                                        results::CheckVerdict out);

}  // namespace claimbench::claims
