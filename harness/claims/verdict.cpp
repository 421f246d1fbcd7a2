// Judging claims against measurements.
#include "claims/verdict.h"

#include <fmt/format.h>

#include <cmath>
#include <map>
#include <optional>

#include "stats/bootstrap.h"
#include "stats/summary.h"

namespace claimbench::claims {
namespace {

using nlohmann::json;

constexpr double kOpen = 1e299;  // bounds at or above this are "no upper end"

// A measured value: its samples (for intervals) and median.
struct Measured {
  std::vector<double> samples;
  double median = 0;
  bool exact = false;  ///< a size or a line count: the same on every measurement, no noise to allow for
};

// The summary of `metric` for implementation `impl` in `check.workload`, or the reason
// there is none.
std::optional<Measured> Find(const json& results, const Check& check, const std::string& impl, std::string& why) {
  if (check.workload == "build") {
    const json& builds = results.value("builds", json::object());
    if (!builds.contains(impl)) {
      why = impl + " was not built in this run";
      return std::nullopt;
    }
    // The claims' metric names, the build record's field, and whether the figure is exact
    // (a size or a line count does not vary between builds; a build time does).
    struct BuildField {
      std::string field;
      bool exact;
    };
    static const std::map<std::string, BuildField> kField = {{"build_cold_s", {"cold_build_s", false}},
                                                             {"build_incremental_s", {"incremental_build_s", false}},
                                                             {"binary_bytes", {"binary_bytes", true}},
                                                             {"binary_stripped_bytes", {"binary_stripped_bytes", true}},
                                                             {"handler_lines", {"handler_lines", true}}};
    const json& b = builds[impl];
    auto field = kField.find(check.metric);
    if (field == kField.end() || !b.contains(field->second.field) || !b[field->second.field].is_number()) {
      why = check.metric + " of " + impl + " was not measured in this run" +
            (check.metric.rfind("build_", 0) == 0 ? " (run without --no-build-times)" : "");
      return std::nullopt;
    }
    double v = b[field->second.field].get<double>();
    return Measured{{v}, v, field->second.exact};
  }
  auto slash = check.workload.find('/');
  const std::string workload = check.workload.substr(0, slash);
  const std::string task = slash == std::string::npos ? "" : check.workload.substr(slash + 1);
  for (const auto& w : results.value("workloads", json::array())) {
    if (w.value("id", "") != workload) continue;
    json implementations = w.value("implementations", json::array());
    if (!task.empty()) {
      implementations = json::array();
      for (const auto& t : w.value("tasks", json::array())) {
        if (t.value("id", "") == task) implementations = t["implementations"];
      }
    }
    for (const auto& i : implementations) {
      if (i.value("id", "") != impl) continue;
      if (i.value("status", "") != "ok") {
        why = impl + " on " + check.workload + ": " + i.value("status", "") + " (" + i.value("error", "") + ")";
        return std::nullopt;
      }
      if (!i.contains("summary") || !i["summary"].contains(check.metric)) {
        why = check.metric + " of " + impl + " on " + check.workload + " was not measured in this run";
        return std::nullopt;
      }
      const json& s = i["summary"][check.metric];
      return Measured{stats::SamplesOf(s), s["median"].get<double>()};
    }
    why = impl + " did not run " + check.workload + " in this run";
    return std::nullopt;
  }
  why = "workload " + workload + " was not part of this run";
  return std::nullopt;
}

std::string Num(double v) {
  if (v >= kOpen) return "inf";
  return fmt::format("{:.4g}", v);
}

struct Judgement {
  std::string verdict;
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
  if (low >= lo && high <= hi) return {kConsistent, measured + " within " + bounds};
  if (high < lo) {
    return {kContradicted, measured + " is below " + bounds + fmt::format(", by a factor of {:.2f}", lo / high)};
  }
  if (low > hi) {
    return {kContradicted, measured + " is above " + bounds + fmt::format(", by a factor of {:.2f}", low / hi)};
  }
  return {kInconclusive, measured + " straddles " + bounds};
}

// The weaker of two judgements: contradicted > inconclusive > consistent.
int Rank(const std::string& verdict) {
  if (verdict == kContradicted) return 2;
  if (verdict == kInconclusive) return 1;
  return 0;
}

json EvaluateCheck(const Check& check, const json& results) {
  json out = {{"label", check.label}, {"workload", check.workload}, {"metric", check.metric},
              {"go", check.go},       {"rust", check.rust},         {"tolerance", check.tolerance}};
  std::string why;
  std::optional<Measured> go, rust;
  if (!check.go.empty() && !(go = Find(results, check, check.go, why))) {
    out["verdict"] = kNotMeasured;
    out["detail"] = why;
    return out;
  }
  if (!check.rust.empty() && !(rust = Find(results, check, check.rust, why))) {
    out["verdict"] = kNotMeasured;
    out["detail"] = why;
    return out;
  }
  std::vector<Judgement> judgements;
  std::vector<std::string> expected, judged;
  if (check.ratio) {
    if (go->median == 0) {
      out["verdict"] = kNotMeasured;
      out["detail"] = "the Go median is 0: no ratio";
      return out;
    }
    double ratio = rust->median / go->median;
    auto ci = stats::RatioInterval(rust->samples, go->samples);
    out["measured"] = ratio;
    out["ci_low"] = ci ? json(ci->low) : json(nullptr);
    out["ci_high"] = ci ? json(ci->high) : json(nullptr);
    out["n"] = {{"go", go->samples.size()}, {"rust", rust->samples.size()}};
    expected.push_back(fmt::format("rust/go in [{}, {}]", Num(check.ratio->first), Num(check.ratio->second)));
    judged.push_back("ratio");
    judgements.push_back(Judge(ratio, ci, *check.ratio, check.tolerance, "rust/go", go->exact && rust->exact));
  }
  auto absolute = [&](const std::optional<Range>& range, const std::optional<Measured>& m, const char* side) {
    if (!range) return;
    auto ci = stats::MedianInterval(m->samples);
    out[std::string(side) + "_measured"] = m->median;
    if (!check.ratio && !(check.go_range && check.rust_range)) {
      // One absolute bound: the check's measured figure is that side's median.
      out["measured"] = m->median;
      out["ci_low"] = ci ? json(ci->low) : json(nullptr);
      out["ci_high"] = ci ? json(ci->high) : json(nullptr);
      out["n"] = {{side, m->samples.size()}};
    }
    expected.push_back(fmt::format("{} in [{}, {}]", side, Num(range->first), Num(range->second)));
    judged.push_back("absolute, hardware-bound");
    judgements.push_back(Judge(m->median, ci, *range, check.tolerance, side, m->exact));
  };
  absolute(check.go_range, go, "go");
  absolute(check.rust_range, rust, "rust");
  Judgement worst = judgements.front();
  std::string detail;
  for (const auto& j : judgements) {
    if (Rank(j.verdict) > Rank(worst.verdict)) worst = j;
    detail += (detail.empty() ? "" : "; ") + j.detail;
  }
  std::string expected_text, judged_text;
  for (const auto& e : expected) expected_text += (expected_text.empty() ? "" : "; ") + e;
  for (const auto& j : judged) judged_text += (judged_text.empty() ? "" : "; ") + j;
  out["expected"] = fmt::format("{} (tolerance {:.0f}%)", expected_text, check.tolerance * 100);
  out["judged"] = judged_text;
  out["verdict"] = worst.verdict;
  out["detail"] = detail;
  return out;
}

}  // namespace

json Evaluate(const std::vector<Claim>& claims, const json& results) {
  json out = json::array();
  for (const auto& claim : claims) {
    json stated = json::object();
    for (const auto& [k, v] : claim.stated) stated[k] = v;
    json c = {{"id", claim.id},          {"document", claim.document}, {"paraphrase", claim.paraphrase},
              {"stated", stated},        {"conditions", claim.conditions}, {"checks", json::array()}};
    if (claim.checks.empty()) {
      c["verdict"] = kNotMeasured;
      c["detail"] = claim.not_measured;
      out.push_back(c);
      continue;
    }
    std::map<std::string, int> counts;
    for (const auto& check : claim.checks) {
      c["checks"].push_back(EvaluateCheck(check, results));
      counts[c["checks"].back()["verdict"].get<std::string>()]++;
    }
    // One verdict for the claim: the checks' common verdict, or what their mix allows.
    const int n = static_cast<int>(claim.checks.size());
    if (counts[kNotMeasured] == n) {
      c["verdict"] = kNotMeasured;
      c["detail"] = c["checks"][0]["detail"];
    } else if (counts[kConsistent] > 0 && counts[kContradicted] > 0) {
      c["verdict"] = kInconclusive;
      c["detail"] = fmt::format("the checks disagree: {} consistent, {} contradicted", counts[kConsistent],
                                counts[kContradicted]);
    } else if (counts[kContradicted] > 0) {
      c["verdict"] = kContradicted;
      c["detail"] = fmt::format("{} of {} checks contradict it", counts[kContradicted], n);
    } else if (counts[kInconclusive] > 0) {
      c["verdict"] = kInconclusive;
      c["detail"] = fmt::format("{} of {} checks straddle a bound", counts[kInconclusive], n);
    } else {
      c["verdict"] = kConsistent;
      c["detail"] = fmt::format("{} of {} checks consistent", counts[kConsistent], n);
    }
    out.push_back(c);
  }
  return out;
}

}  // namespace claimbench::claims
