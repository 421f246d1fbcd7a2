// The five corpus generators, one file each (corpus_<name>.cpp). Each is a pure function
// of the seed: the same seed gives the same bytes on every platform. Callers go through
// corpus.h, which names them and caches their output.
#pragma once

#include <cstdint>
#include <string>

namespace claimbench::batch {

/// json-parse `tweets`: compact JSON like twitter.json, ~4 MiB.
std::string GenerateTweets(uint64_t seed);
/// json-parse `geo`: compact GeoJSON polygons like canada.json, ~4 MiB.
std::string GenerateGeo(uint64_t seed);
/// json-parse `catalog`: JSON like citm_catalog.json, pretty-printed (2 spaces), ~4 MiB.
std::string GenerateCatalog(uint64_t seed);
/// regex `haystack`: ~12 MiB of UTF-8 prose lines.
std::string GenerateHaystack(uint64_t seed);
/// worker-pool `events`: 200,000 JSON lines, ~2% of them invalid.
std::string GenerateEvents(uint64_t seed);

}  // namespace claimbench::batch
