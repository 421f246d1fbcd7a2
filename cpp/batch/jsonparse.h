// json-parse (workloads/json-parse/README.md) with simdjson: the typed reads of each corpus
// through On-Demand, and the walk of the whole DOM. Each function parses `json` afresh and
// returns the workload's checksum string; a document that does not parse throws
// simdjson::simdjson_error.
#pragma once

#include <simdjson.h>

#include <string>

namespace claimbench::batch {

std::string TweetsTyped(simdjson::ondemand::parser& parser, const simdjson::padded_string& json);
std::string GeoTyped(simdjson::ondemand::parser& parser, const simdjson::padded_string& json);
std::string CatalogTyped(simdjson::ondemand::parser& parser, const simdjson::padded_string& json);

/// The `objects=... null=N` walk of every value in the tree, for any corpus.
std::string DomWalk(simdjson::dom::parser& parser, const simdjson::padded_string& json);

}  // namespace claimbench::batch
