// The documents' claims as data (claims/*.toml, format in claims/README.md): what each
// document states, under what conditions, and how it is measured here.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "spec/workload.h"

namespace claimbench::claims {

using Range = std::pair<double, double>;  ///< [low, high]; 1e300 stands for no upper end

/// One way a claim is measured here.
struct Check {
  std::string label;
  std::string workload;  ///< "build", an http workload id, or "<batch workload>/<task>"
  std::string metric;
  /// A side measured on another metric of the same unit, where the document pairs unlike
  /// builds (Go's default binary against Rust's stripped one); empty: `metric`.
  std::string go_metric;
  std::string rust_metric;
  std::string go;        ///< implementation ids; one may be empty
  std::string rust;
  std::optional<Range> ratio;  ///< rust/go of the metric's medians
  std::optional<Range> go_range;
  std::optional<Range> rust_range;
  /// Relative widening of every bound (never across parity), from the claim's wording: an
  /// approximate figure ("~", "about", "nearly") or a point stated as rounded gets one, with
  /// its reason; a range or a one-sided bound gets none: noise is the interval's job.
  double tolerance = 0;
  std::string tolerance_reason;  ///< required when tolerance > 0
  /// Set: the check is listed with what it would compare but not judged, for this reason
  /// (the document's conditions cannot be met here, or the part of a claim that names a
  /// workload this project does not have).
  std::string not_measured;
  /// Geomean checks only: the workloads (ids, or "<batch workload>" for all its tasks) the
  /// mean runs over; empty: every comparable workload of the run.
  std::vector<std::string> within;
  int line = 0;                ///< in the claims file, for messages

  /// `workload = "geomean"`, `metric = "time"`: the geometric mean of Rust/Go time ratios
  /// over every comparable workload of the run (claims/geomean.h).
  bool IsGeomean() const { return workload == kGeomean; }
  const std::string& GoMetric() const { return go_metric.empty() ? metric : go_metric; }
  const std::string& RustMetric() const { return rust_metric.empty() ? metric : rust_metric; }
  static constexpr const char* kGeomean = "geomean";
};

struct Claim {
  std::string id;
  std::string document;  ///< file name in shared/documents/
  std::string title;     ///< the document's title, in our words (the file's `title`)
  std::string paraphrase;
  std::vector<std::pair<std::string, std::string>> stated;  ///< as the document gives them
  std::string conditions;
  std::string not_measured;  ///< the reason, when there are no checks
  std::vector<Check> checks;
  std::filesystem::path file;
  int line = 0;
};

/// Parses one claims file; throws spec::SpecError (file:line) on any problem.
std::vector<Claim> LoadClaimsFile(const std::filesystem::path& file);

/// Every claims/*.toml under `root`, in file order; ids must be unique across files.
std::vector<Claim> LoadClaims(const std::filesystem::path& root);

/// Problems of the claims against the catalog: unknown workloads, tasks, metrics or
/// implementations, an implementation that does not run the workload. Empty when sound.
/// Each message starts with "file:line: ".
std::vector<std::string> CheckAgainstCatalog(const std::vector<Claim>& claims, const spec::Catalog& catalog);


}  // namespace claimbench::claims
