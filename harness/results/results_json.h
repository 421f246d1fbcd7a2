// The one reader and writer of results.json. The writer turns a RunResults into the
// document results/schema.json describes; the reader checks `schema_version` and refuses
// a malformed document with the JSON path of the first problem and what it expected.
//
// What the reader requires: the identity and shape of things (schema_version, run ids,
// workload kinds and ids, implementation ids and statuses, verdicts). A measurement a file
// lacks (an older or hand-written file) reads as absent or 0; a value of the wrong type is
// always an error.
#pragma once

#include <filesystem>
#include <stdexcept>
#include <string>

#include <nlohmann/json.hpp>

#include "results/model.h"
#include "util/json_in.h"

namespace claimbench::results {

/// A results document this release cannot read: an unknown schema_version.
class SchemaVersionError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// The document for `results` (schema_version kSchemaVersion).
nlohmann::json ResultsJson(const RunResults& results);

/// Reads a results document. Versions 1 and 2 are read (a version 1 file has no build
/// settings); others throw SchemaVersionError naming the version and what to do. A
/// malformed document throws JsonFormatError naming the path.
RunResults ReadResults(const nlohmann::json& document);

/// Reads and parses a results.json file; errors name the file.
RunResults ReadResultsFile(const std::filesystem::path& file);

/// Writes results.json atomically, on one line (histograms and series are most of the
/// file, and indenting puts each of their numbers on a line of its own).
void WriteResultsFile(const RunResults& results, const std::filesystem::path& file);

/// The pieces the orchestrator and verify print on their own.
nlohmann::json BuildJson(const Build& build);
nlohmann::json VerificationJson(const Verification& verification);

}  // namespace claimbench::results
