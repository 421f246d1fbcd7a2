// Judging claims against measurements.
#include "claims/verdict.h"

#include <fmt/format.h>

#include <cmath>
#include <map>
#include <optional>

#include "stats/bootstrap.h"
#include "stats/metric_registry.h"

namespace claimbench::claims {
namespace {

constexpr double kOpen = 1e299;  // bounds at or above this are "no upper end"

// A measured value: its samples (for intervals) and median.
struct Measured {
  std::vector<double> samples;
  double median = 0;
  bool exact = false;  ///< a size or a line count: the same on every measurement, no noise to allow for
};

// The entry of `impl` on `check.workload` ("<workload>" or "<batch workload>/<task>"): its
// status, error and summaries, or the reason there is none.
struct Entry {
  results::Status status;
  std::optional<std::string> error;
  const results::Summaries* summary;
};

std::optional<Entry> FindEntry(const results::RunResults& results, const Check& check, const std::string& impl,
                               std::string& why) {
  auto slash = check.workload.find('/');
  const std::string workload = check.workload.substr(0, slash);
  const std::string task = slash == std::string::npos ? "" : check.workload.substr(slash + 1);
  const results::Workload* w = results.FindWorkload(workload);
  if (!w) {
    why = "workload " + workload + " was not part of this run";
    return std::nullopt;
  }
  if (const auto* http = w->http(); http && task.empty()) {
    for (const auto& i : http->implementations) {
      if (i.id == impl) return Entry{i.status, i.error, &i.summary};
    }
  }
  if (const auto* batch = w->batch()) {
    for (const auto& t : batch->tasks) {
      if (t.id != task) continue;
      for (const auto& i : t.implementations) {
        if (i.id == impl) return Entry{i.status, i.error, &i.summary};
      }
    }
  }
  why = impl + " did not run " + check.workload + " in this run";
  return std::nullopt;
}

// The measured value of `check.metric` for implementation `impl`, or the reason there is none.
std::optional<Measured> Find(const results::RunResults& results, const Check& check, const std::string& impl,
                             std::string& why) {
  const stats::MetricRegistry registry = stats::MetricRegistry::ForResults(results);
  const stats::Metric* metric = registry.Find(check.metric);
  if (check.workload == "build") {
    auto b = results.builds.find(impl);
    if (b == results.builds.end()) {
      why = impl + " was not built in this run";
      return std::nullopt;
    }
    std::optional<double> v = metric && metric->from_build ? metric->from_build(b->second.record) : std::nullopt;
    if (!v) {
      why = check.metric + " of " + impl + " was not measured in this run" +
            (metric && !metric->exact ? " (run without --no-build-times)" : "");
      return std::nullopt;
    }
    return Measured{{*v}, *v, metric->exact};
  }
  std::optional<Entry> entry = FindEntry(results, check, impl, why);
  if (!entry) return std::nullopt;
  if (entry->status != results::Status::kOk) {
    why = impl + " on " + check.workload + ": " + std::string(results::Name(entry->status)) + " (" +
          entry->error.value_or("") + ")";
    return std::nullopt;
  }
  auto s = entry->summary->find(check.metric);
  if (s == entry->summary->end()) {
    why = check.metric + " of " + impl + " on " + check.workload + " was not measured in this run";
    return std::nullopt;
  }
  return Measured{s->second.SamplesOrMedian(), s->second.median, metric && metric->exact};
}

std::string Num(double v) {
  if (v >= kOpen) return "inf";
  return fmt::format("{:.4g}", v);
}

struct Judgement {
  results::Verdict verdict;
  std::string detail;
};

// Judges [low, high] (with no interval: the point) against `range` widened by `tolerance`.
Judgement Judge(double median, const std::optional<stats::Interval>& ci, const Range& range, double tolerance,
                const std::string& what, bool exact) {
  const double lo = range.first / (1 + tolerance);
  const double hi = range.second >= kOpen ? range.second : range.second * (1 + tolerance);
  // With no interval (one sample, as for a build time) the point alone would give a verdict
  // that noise could overturn: it is judged as if it spread by the tolerance either way, so
  // only a figure clear of the bound by that much more is called consistent or contradicted.
  // A size or a line count has no noise: its point is the measurement.
  const double spread = ci || exact ? 1 : 1 + tolerance;
  const double low = ci ? ci->low : median / spread;
  const double high = ci ? ci->high : median * spread;
  const std::string bounds = fmt::format("[{}, {}]", Num(lo), Num(hi));
  std::string measured = fmt::format("{} {} (95% CI {} to {})", what, Num(median), Num(low), Num(high));
  if (!ci) {
    measured = exact ? fmt::format("{} {} (exact: no run-to-run noise)", what, Num(median))
                     : fmt::format("{} {} (one sample: no interval; judged as {} to {})", what, Num(median),
                                   Num(low), Num(high));
  }
  if (low >= lo && high <= hi) return {results::Verdict::kConsistent, measured + " within " + bounds};
  if (high < lo) {
    return {results::Verdict::kContradicted, measured + " is below " + bounds + fmt::format(", by a factor of {:.2f}", lo / high)};
  }
  if (low > hi) {
    return {results::Verdict::kContradicted, measured + " is above " + bounds + fmt::format(", by a factor of {:.2f}", low / hi)};
  }
  return {results::Verdict::kInconclusive, measured + " straddles " + bounds};
}

// The weaker of two judgements: contradicted > inconclusive > consistent.
int Rank(results::Verdict verdict) {
  if (verdict == results::Verdict::kContradicted) return 2;
  if (verdict == results::Verdict::kInconclusive) return 1;
  return 0;
}

results::CheckVerdict NotMeasured(results::CheckVerdict out, std::string why) {
  out.verdict = results::Verdict::kNotMeasured;
  out.detail = std::move(why);
  return out;
}

results::CheckVerdict EvaluateCheck(const Check& check, const results::RunResults& results) {
  results::CheckVerdict out;
  out.label = check.label;
  out.workload = check.workload;
  out.metric = check.metric;
  out.go = check.go;
  out.rust = check.rust;
  out.tolerance = check.tolerance;
  std::string why;
  std::optional<Measured> go, rust;
  if (!check.go.empty() && !(go = Find(results, check, check.go, why))) return NotMeasured(out, why);
  if (!check.rust.empty() && !(rust = Find(results, check, check.rust, why))) return NotMeasured(out, why);
  std::vector<Judgement> judgements;
  std::vector<std::string> expected, judged;
  auto record_interval = [&](const std::optional<stats::Interval>& ci) {
    out.ci_low = ci ? std::optional(ci->low) : std::nullopt;
    out.ci_high = ci ? std::optional(ci->high) : std::nullopt;
  };
  if (check.ratio) {
    if (go->median == 0) return NotMeasured(out, "the Go median is 0: no ratio");
    double ratio = rust->median / go->median;
    auto ci = stats::RatioInterval(rust->samples, go->samples);
    out.measured = ratio;
    record_interval(ci);
    out.n = {{"go", static_cast<int64_t>(go->samples.size())}, {"rust", static_cast<int64_t>(rust->samples.size())}};
    expected.push_back(fmt::format("rust/go in [{}, {}]", Num(check.ratio->first), Num(check.ratio->second)));
    judged.push_back("ratio");
    judgements.push_back(Judge(ratio, ci, *check.ratio, check.tolerance, "rust/go", go->exact && rust->exact));
  }
  auto absolute = [&](const std::optional<Range>& range, const std::optional<Measured>& m, const char* side,
                      std::optional<double>& side_measured) {
    if (!range) return;
    auto ci = stats::MedianInterval(m->samples);
    side_measured = m->median;
    if (!check.ratio && !(check.go_range && check.rust_range)) {
      // One absolute bound: the check's measured figure is that side's median.
      out.measured = m->median;
      record_interval(ci);
      out.n = {{side, static_cast<int64_t>(m->samples.size())}};
    }
    expected.push_back(fmt::format("{} in [{}, {}]", side, Num(range->first), Num(range->second)));
    judged.push_back("absolute, hardware-bound");
    judgements.push_back(Judge(m->median, ci, *range, check.tolerance, side, m->exact));
  };
  absolute(check.go_range, go, "go", out.go_measured);
  absolute(check.rust_range, rust, "rust", out.rust_measured);
  Judgement worst = judgements.front();
  std::string detail;
  for (const auto& j : judgements) {
    if (Rank(j.verdict) > Rank(worst.verdict)) worst = j;
    detail += (detail.empty() ? "" : "; ") + j.detail;
  }
  std::string expected_text, judged_text;
  for (const auto& e : expected) expected_text += (expected_text.empty() ? "" : "; ") + e;
  for (const auto& j : judged) judged_text += (judged_text.empty() ? "" : "; ") + j;
  out.expected = fmt::format("{} (tolerance {:.0f}%)", expected_text, check.tolerance * 100);
  out.judged = judged_text;
  out.verdict = worst.verdict;
  out.detail = detail;
  return out;
}

// One verdict for the claim: the checks' common verdict, or what their mix allows.
void Summarize(results::ClaimVerdict& c) {
  std::map<results::Verdict, int> counts;
  for (const auto& check : c.checks) counts[check.verdict]++;
  const int n = static_cast<int>(c.checks.size());
  using results::Verdict;
  if (counts[Verdict::kNotMeasured] == n) {
    c.verdict = Verdict::kNotMeasured;
    c.detail = c.checks[0].detail;
  } else if (counts[Verdict::kConsistent] > 0 && counts[Verdict::kContradicted] > 0) {
    c.verdict = Verdict::kInconclusive;
    c.detail = fmt::format("the checks disagree: {} consistent, {} contradicted", counts[Verdict::kConsistent],
                           counts[Verdict::kContradicted]);
  } else if (counts[Verdict::kContradicted] > 0) {
    c.verdict = Verdict::kContradicted;
    c.detail = fmt::format("{} of {} checks contradict it", counts[Verdict::kContradicted], n);
  } else if (counts[Verdict::kInconclusive] > 0) {
    c.verdict = Verdict::kInconclusive;
    c.detail = fmt::format("{} of {} checks straddle a bound", counts[Verdict::kInconclusive], n);
  } else {
    c.verdict = Verdict::kConsistent;
    c.detail = fmt::format("{} of {} checks consistent", counts[Verdict::kConsistent], n);
  }
}

}  // namespace

std::vector<results::ClaimVerdict> Evaluate(const std::vector<Claim>& claims, const results::RunResults& results) {
  std::vector<results::ClaimVerdict> out;
  for (const auto& claim : claims) {
    results::ClaimVerdict c{claim.id,
                            claim.document,
                            claim.paraphrase,
                            {claim.stated.begin(), claim.stated.end()},
                            claim.conditions,
                            results::Verdict::kNotMeasured,
                            "",
                            {}};
    if (claim.checks.empty()) {
      c.verdict = results::Verdict::kNotMeasured;
      c.detail = claim.not_measured;
    } else {
      for (const auto& check : claim.checks) c.checks.push_back(EvaluateCheck(check, results));
      Summarize(c);
    }
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace claimbench::claims
