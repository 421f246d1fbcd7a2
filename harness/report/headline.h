// The answer first: one row per workload family saying who was faster here and by how
// much, between the fastest Go and the fastest Rust implementation that ran, with the 95%
// interval of the ratio and a plain reading ("Rust 2.4x more req/s", "no difference
// detected"). HTTP workloads compare req/s; a batch workload the geometric mean of its
// tasks' time ratios (claims/geomean.h, simultaneous interval); builds the cold build time
// and the stripped binary size. The reports put it above everything else.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "report/tables.h"
#include "results/model.h"
#include "stats/bootstrap.h"

namespace claimbench::report {

struct HeadlineRow {
  std::string family;   ///< "http-json-api", "json-parse (6 tasks)", "builds: cold build"
  std::string measure;  ///< "req/s", "time, geometric mean", "cold build time", "stripped size"
  std::string go;       ///< the Go side ("go-fiber"; several ids for a batch family)
  std::string rust;
  double ratio = 0;     ///< rust/go of `measure`
  std::optional<stats::Interval> interval;  ///< 95%; none with too few samples or for exact figures
  bool exact = false;   ///< a size: no noise, no interval needed
  std::string reading;  ///< "Rust 2.4x more req/s", "Go 66x faster", "no difference detected"
};

/// The headline rows of `results`, in the order of its workloads, builds last.
std::vector<HeadlineRow> Headline(const results::RunResults& results);

/// Warnings a reader needs before trusting the headline: noisy figures, figures from one
/// sample, trials whose load generator saturated, implementations that failed.
std::vector<std::string> HeadlineWarnings(const results::RunResults& results);

/// Per document: its title and how many of its claims got each verdict ("12 claims: 2
/// consistent, 3 contradicted, 1 mixed, 6 not measured here").
struct ArticleCount {
  std::string document;
  std::string title;
  std::string counts;
};
std::vector<ArticleCount> ArticleCounts(const results::RunResults& results);

/// The headline as a table every report lays out: workload, measure, Go, Rust,
/// rust/go [95% CI], reading.
Table HeadlineTable(const results::RunResults& results);
/// The articles' verdict counts as a table: article, claims' verdicts.
Table ArticleTable(const results::RunResults& results);
/// The judged Rust/Go ratio checks as rows, grouped by article: the text form of the
/// forest plot (article, claim: check, claimed, measured [95% CI], verdict and direction).
Table JudgedRatiosTable(const results::RunResults& results);

}  // namespace claimbench::report
