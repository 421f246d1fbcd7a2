// Pairing two runs for `claimbench compare`: every workload (or batch task) x implementation
// x metric present in both BASE and NEW becomes a cell holding both sides' samples; an
// implementation that ran in BASE and failed in NEW is a lost cell (a regression of its own:
// a build or a verification that broke has no figure to compare).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "results/model.h"
#include "stats/metric_registry.h"

namespace claimbench::compare {

/// Where a cell's figures come from: a workload's implementation, one batch task of it, or
/// its build ("build" as the workload).
struct CellKey {
  std::string workload;        ///< "http-json-api", "json-parse/parse-tweets" or "build"
  std::string implementation;  ///< "rust-axum"
  std::string metric;          ///< "requests_per_s"

  std::string Label() const { return workload + " / " + implementation + " / " + metric; }
  bool operator<(const CellKey& other) const;
};

/// One side of a cell.
struct CellSide {
  std::vector<double> samples;
  std::string samples_of;  ///< what one sample is ("trials", "runner processes, ...")
};

struct Cell {
  CellKey key;
  stats::Metric metric;  ///< a copy: registries differ between runs in their parameterised metrics
  CellSide base;
  CellSide fresh;        ///< NEW
};

/// An implementation that ran in BASE and did not in NEW (or the reverse).
struct StatusChange {
  std::string workload;
  std::string implementation;
  results::Status base = results::Status::kOk;
  results::Status fresh = results::Status::kOk;
  std::string error;  ///< NEW's (or BASE's, for one that now runs)
};

/// Which cells to compare. Empty lists: every workload and implementation, and the metrics
/// that have a gate floor (stats::Metric::gate_floor).
struct CellSelection {
  std::vector<std::string> metrics;
  std::vector<std::string> workloads;  ///< a batch workload's id selects all its tasks
  std::vector<std::string> implementations;
};

struct PairedCells {
  std::vector<Cell> cells;            ///< sorted by key
  std::vector<StatusChange> lost;     ///< ok in BASE, failed in NEW
  std::vector<StatusChange> regained; ///< failed in BASE, ok in NEW
  /// Cells left out because a value was zero or negative (no ratio exists), by label.
  std::vector<std::string> not_positive;
  /// Cells or implementations left out, each with why: a metric in BASE only, instructions
  /// counted differently, an implementation interrupted in NEW.
  std::vector<std::string> not_compared;
  /// Workloads x implementations in one run only ("http-json-api / go-fiber").
  std::vector<std::string> only_in_base;
  std::vector<std::string> only_in_new;
};

PairedCells PairCells(const results::RunResults& base, const results::RunResults& fresh, const CellSelection& selection);

/// BASE pooled from several runs (a baseline's newest runs, compare/baselines.h): a cell's
/// BASE samples are all of those runs' samples of it (a cell in some of them has fewer). An
/// implementation lost in NEW was ok in at least one of them; one only in BASE is in any of
/// them, one only in NEW in none.
PairedCells PairCellsPooled(const std::vector<results::RunResults>& bases, const results::RunResults& fresh,
                            const CellSelection& selection);

}  // namespace claimbench::compare
