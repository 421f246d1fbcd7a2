// The headline rows, warnings and per-article verdict counts.
#include "report/headline.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "claims/geomean.h"
#include "stats/display.h"
#include "stats/exact_intervals.h"
#include "stats/metric_registry.h"
#include "stats/summary.h"

namespace claimbench::report {
namespace {

constexpr double kLevel = 0.95;

// "Rust 2.4x <better>" / "Go 1.3x <better>", or "no difference detected" when the interval
// holds 1. `rust_better` says which side the ratio favours.
std::string Reading(double factor, bool rust_better, const std::optional<stats::Interval>& interval,
                    const std::string& better) {
  if (interval && interval->low <= 1 && interval->high >= 1) return "no difference detected";
  if (factor == 1) return "level";
  // About three significant digits: 1.04x, 14.6x, 123x.
  return fmt::format("{} {:.{}f}x {}", rust_better ? "Rust" : "Go", factor, stats::DecimalsFor(factor), better);
}

// One HTTP workload: fastest Go against fastest Rust by req/s.
std::optional<HeadlineRow> HttpRow(const results::RunResults& results, const std::string& id) {
  claims::GeomeanEvidence g = claims::GeomeanTimeRatio(results, kLevel, {id}, claims::PairChoice::kFastest);
  if (g.parts.size() != 1) return std::nullopt;
  const claims::GeomeanPart& p = g.parts[0];
  HeadlineRow row{id, "req/s", p.go, p.rust, 1 / p.time_ratio, std::nullopt, false, ""};
  if (p.interval) row.interval = stats::Interval{1 / p.interval->high, 1 / p.interval->low};
  row.reading = Reading(row.ratio >= 1 ? row.ratio : 1 / row.ratio, row.ratio > 1, row.interval,
                        "more req/s");
  return row;
}

// One batch workload: the geometric mean of its tasks' time ratios, fastest against fastest.
std::optional<HeadlineRow> BatchRow(const results::RunResults& results, const results::BatchWorkload& w) {
  claims::GeomeanEvidence g = claims::GeomeanTimeRatio(results, kLevel, {w.id}, claims::PairChoice::kFastest);
  if (g.parts.empty()) return std::nullopt;
  std::vector<std::string> go, rust;
  for (const auto& p : g.parts) {
    if (std::find(go.begin(), go.end(), p.go) == go.end()) go.push_back(p.go);
    if (std::find(rust.begin(), rust.end(), p.rust) == rust.end()) rust.push_back(p.rust);
  }
  auto join = [](const std::vector<std::string>& ids) {
    std::string out;
    for (const auto& id : ids) out += (out.empty() ? "" : ", ") + id;
    return out;
  };
  HeadlineRow row{fmt::format("{} ({} task{})", w.id, g.parts.size(), g.parts.size() == 1 ? "" : "s"),
                  g.parts.size() == 1 ? "time" : "time, geometric mean",
                  join(go),
                  join(rust),
                  g.evidence.point,
                  g.evidence.interval,
                  false,
                  ""};
  const double t = row.ratio;
  row.reading = Reading(t <= 1 ? 1 / t : t, t < 1, row.interval, "faster");
  return row;
}

// Each implementation's language, as the workloads that ran it record it.
std::map<std::string, std::string> Languages(const results::RunResults& results) {
  std::map<std::string, std::string> out;
  for (const auto& w : results.workloads) {
    if (const auto* http = w.http()) {
      for (const auto& i : http->implementations) out[i.id] = i.language;
    }
    if (const auto* batch = w.batch()) {
      for (const auto& t : batch->tasks) {
        for (const auto& e : t.implementations) out[e.id] = e.language;
      }
    }
  }
  return out;
}

// The implementations of the JSON API workload, when the run has it: builds compare like
// with like (servers doing the same work), never a regex runner with a numeric kernel.
std::optional<std::vector<std::string>> JsonApiServers(const results::RunResults& results) {
  for (const auto& w : results.workloads) {
    const auto* http = w.http();
    if (!http || http->id != "http-json-api") continue;
    std::vector<std::string> ids;
    for (const auto& i : http->implementations) ids.push_back(i.id);
    return ids;
  }
  return std::nullopt;
}

// Builds: the quickest Go cold build against the quickest Rust one, and the smallest
// stripped binaries, among the JSON API servers (else every implementation) that have the
// figure.
std::vector<HeadlineRow> BuildRows(const results::RunResults& results) {
  const std::map<std::string, std::string> languages = Languages(results);
  const std::optional<std::vector<std::string>> servers = JsonApiServers(results);
  const std::string label = servers ? "builds (JSON API servers)" : "builds";
  struct Best {
    std::string id;
    double value = 0;
    std::vector<double> runs;
  };
  std::map<std::string, Best> cold, size;  // by language
  for (const auto& [id, b] : results.builds) {
    const build::BuildRecord& r = b.record;
    if (!r.ok || b.same_build_as) continue;
    if (servers && std::find(servers->begin(), servers->end(), id) == servers->end()) continue;
    auto known = languages.find(id);
    if (known == languages.end() || (known->second != "go" && known->second != "rust")) continue;
    const std::string& language = known->second;
    if (r.cold_build_s && (cold[language].id.empty() || *r.cold_build_s < cold[language].value)) {
      cold[language] = {id, *r.cold_build_s, r.cold_build_runs_s};
    }
    if (r.binary_stripped_bytes > 0 &&
        (size[language].id.empty() || static_cast<double>(r.binary_stripped_bytes) < size[language].value)) {
      size[language] = {id, static_cast<double>(r.binary_stripped_bytes), {}};
    }
  }
  std::vector<HeadlineRow> out;
  if (cold.count("go") && cold.count("rust")) {
    const Best& go = cold["go"];
    const Best& rust = cold["rust"];
    HeadlineRow row{label, "cold build time", go.id, rust.id, rust.value / go.value, std::nullopt, false, ""};
    row.interval = stats::RatioRankInterval(rust.runs, go.runs, kLevel);
    const double t = row.ratio;
    row.reading = Reading(t <= 1 ? 1 / t : t, t < 1, row.interval, "quicker to build");
    out.push_back(row);
  }
  if (size.count("go") && size.count("rust")) {
    const Best& go = size["go"];
    const Best& rust = size["rust"];
    HeadlineRow row{label, "stripped binary size", go.id, rust.id, rust.value / go.value, std::nullopt, true, ""};
    const double t = row.ratio;
    row.reading = Reading(t <= 1 ? 1 / t : t, t < 1, std::nullopt, "smaller");
    out.push_back(row);
  }
  return out;
}

template <typename Entry>
void CountSummaries(const Entry& e, int& figures, int& noisy, int& single) {
  for (const auto& [name, s] : e.summary) {
    ++figures;
    noisy += s.noisy;
    single += s.n == 1 && !stats::IsExactCount(s);  // one count is the whole figure, not a thin sample
  }
}

}  // namespace

std::vector<HeadlineRow> Headline(const results::RunResults& results) {
  std::vector<HeadlineRow> out;
  for (const auto& w : results.workloads) {
    std::optional<HeadlineRow> row;
    if (const auto* http = w.http()) row = HttpRow(results, http->id);
    if (const auto* batch = w.batch()) row = BatchRow(results, *batch);
    if (row) out.push_back(*row);
  }
  for (auto& row : BuildRows(results)) out.push_back(std::move(row));
  // A direction without an interval is a point estimate: say so beside it.
  for (auto& row : out) {
    if (!row.interval && !row.exact) row.reading += " (too few samples for a 95% interval)";
  }
  return out;
}

std::vector<std::string> HeadlineWarnings(const results::RunResults& results) {
  int figures = 0, noisy = 0, single = 0, saturated = 0, trials = 0;
  std::vector<std::string> failed;
  for (const auto& w : results.workloads) {
    if (const auto* http = w.http()) {
      for (const auto& i : http->implementations) {
        CountSummaries(i, figures, noisy, single);
        if (i.status != results::Status::kOk) failed.push_back(http->id + " / " + i.id);
        for (const auto& t : i.trials) {
          ++trials;
          saturated += t.load.client.saturated;
        }
      }
    }
    if (const auto* batch = w.batch()) {
      for (const auto& t : batch->tasks) {
        for (const auto& e : t.implementations) {
          CountSummaries(e, figures, noisy, single);
          if (e.status != results::Status::kOk) failed.push_back(batch->id + "/" + t.id + " / " + e.id);
        }
      }
    }
  }
  // What changes a reading first: failures, then a saturated client, then thin or noisy figures.
  std::vector<std::string> out;
  if (!failed.empty()) {
    std::string list;
    for (size_t i = 0; i < failed.size() && i < 5; ++i) list += (i ? ", " : "") + failed[i];
    out.push_back(fmt::format("{} implementation run(s) failed and have no figures: {}{}", failed.size(), list,
                              failed.size() > 5 ? ", ..." : ""));
  }
  if (saturated > 0) {
    out.push_back(fmt::format("the load generator saturated its CPU in {} of {} trials: their req/s may be the "
                              "client's limit, not the server's",
                              saturated, trials));
  }
  if (single > 0) out.push_back(fmt::format("{} figures come from a single sample", single));
  if (noisy > 0) {
    out.push_back(fmt::format("{} of {} figures are noisy (no 95% interval, or one wider than ±10% of the median)",
                              noisy, figures));
  }
  return out;
}

std::vector<ArticleCount> ArticleCounts(const results::RunResults& results) {
  std::vector<ArticleCount> out;
  if (!results.claims) return out;
  std::map<std::string, size_t> index;
  std::vector<std::map<results::Verdict, int>> counts;
  for (const auto& c : *results.claims) {
    auto [it, added] = index.emplace(c.document, out.size());
    if (added) {
      out.push_back({c.document, c.title.empty() ? c.document : c.title, ""});
      counts.emplace_back();
    }
    counts[it->second][c.verdict]++;
  }
  using results::Verdict;
  for (size_t i = 0; i < out.size(); ++i) {
    int total = 0;
    for (const auto& [v, n] : counts[i]) total += n;
    std::string text = fmt::format("{} claim{}:", total, total == 1 ? "" : "s");
    bool first = true;
    for (Verdict v : {Verdict::kConsistent, Verdict::kContradicted, Verdict::kMixed, Verdict::kInconclusive,
                      Verdict::kNotMeasured}) {
      text += fmt::format("{} {} {}", first ? "" : ",", counts[i][v], results::Name(v));
      first = false;
    }
    out[i].counts = text;
  }
  return out;
}

Table HeadlineTable(const results::RunResults& results) {
  Table table;
  table.columns = {{"workload"}, {"measure"}, {"Go"}, {"Rust"}, {"rust/go [95% CI]", true}, {"reading"}};
  for (const auto& row : Headline(results)) {
    std::string ratio = fmt::format("{:.3g}", row.ratio);
    if (row.interval) ratio += fmt::format(" [{:.3g}, {:.3g}]", row.interval->low, row.interval->high);
    if (row.exact) ratio += " (exact)";
    table.rows.push_back({{row.family}, {row.measure}, {row.go}, {row.rust}, {ratio, !row.interval && !row.exact},
                          {row.reading}});
  }
  table.notes.push_back(
      "Fastest Go against fastest Rust that ran. HTTP: req/s; a batch workload: the geometric mean of its tasks' "
      "time ratios, with a simultaneous 95% interval; builds: cold build time and stripped size of the quickest and "
      "smallest. \"No difference detected\": the interval holds 1.");
  return table;
}

Table ArticleTable(const results::RunResults& results) {
  Table table;
  table.columns = {{"article"}, {"claims"}};
  for (const auto& a : ArticleCounts(results)) table.rows.push_back({{a.title.substr(0, a.title.find(": "))}, {a.counts}});
  return table;
}

Table JudgedRatiosTable(const results::RunResults& results) {
  Table table;
  table.columns = {{"article"}, {"claim: check"}, {"claimed rust/go"}, {"measured [95% CI]", true}, {"verdict"}};
  if (!results.claims) return table;
  for (const auto& c : *results.claims) {
    for (const auto& k : c.checks) {
      if (!k.ratio_low || !k.measured || k.verdict == results::Verdict::kNotMeasured) continue;
      if (k.judged.rfind("ratio", 0) != 0) continue;
      const std::string& title = c.title.empty() ? c.document : c.title;
      std::string claimed = fmt::format("[{:.3g}, {}]", *k.ratio_low,
                                        k.ratio_high ? fmt::format("{:.3g}", *k.ratio_high) : std::string("inf"));
      std::string measured = fmt::format("{:.3g}", *k.measured);
      if (k.ci_low && k.ci_high) measured += fmt::format(" [{:.3g}, {:.3g}]", *k.ci_low, *k.ci_high);
      std::string verdict(results::Name(k.verdict));
      if (k.direction) verdict += std::string(", direction ") + std::string(results::Name(*k.direction));
      if (k.magnitude) verdict += std::string(", magnitude ") + std::string(results::Name(*k.magnitude));
      table.rows.push_back({{title.substr(0, title.find(": "))}, {c.id + ": " + k.label}, {claimed}, {measured},
                            {verdict}});
    }
  }
  return table;
}

}  // namespace claimbench::report
