// The `geo` corpus (json-parse): GeoJSON polygons shaped like canada.json, nearly all of
// it numbers with up to 17 significant digits, the input on which float parsing decides
// the speed. Shape: workloads/json-parse/README.md.
#include <array>
#include <cmath>
#include <string>

#include "batch/corpus_generators.h"
#include "batch/corpus_json_writer.h"
#include "batch/corpus_rng.h"
#include "batch/corpus_words.h"

namespace claimbench::batch {
namespace {

constexpr size_t kTargetBytes = size_t{4} << 20;

struct Point {
  double x, y;
};

/// A step of the coastline walk: a whole number of 10^-6 degrees. Adding such steps
/// accumulates binary rounding, which gives the long shortest forms of real data
/// (canada.json's -65.613616999999977) from exact IEEE additions only (no sin/cos, whose
/// last bits differ between libms).
double Step(Rng& rng) { return static_cast<double>(rng.Between(-20000, 20000)) * 1e-6; }

/// One closed ring (first point repeated last, as GeoJSON requires) of `points` points.
void Ring(JsonWriter& w, Point start, int64_t points, Rng& rng) {
  w.BeginArray();
  Point p = start;
  for (int64_t i = 0; i + 1 < points; ++i) {
    w.BeginArray();
    w.Double(p.x);
    w.Double(p.y);
    w.EndArray();
    p.x += Step(rng);
    p.y += Step(rng);
    // Now and then a surveyed point on whole degrees: the integral doubles ("-95.0")
    // that a writer must still mark as floats.
    if (rng.OneIn(400)) p.x = std::floor(p.x);
  }
  w.BeginArray();
  w.Double(start.x);
  w.Double(start.y);
  w.EndArray();
  w.EndArray();
}

std::string FeatureName(size_t index, Rng& rng) {
  static constexpr std::array<std::string_view, 10> kKinds = {
      "Région", "Province", "Territory", "Île", "Comté", "District", "Bay", "Lake", "Park", "Zone"};
  std::string name(rng.Pick(kKinds));
  name += ' ';
  if (rng.OneIn(3)) {
    name += PickWord(ForeignScript(rng), rng);
    name += ' ';
  }
  return name + std::to_string(index);
}

}  // namespace

std::string GenerateGeo(uint64_t seed) {
  Rng rng(seed);
  std::string out;
  out.reserve(kTargetBytes + (256 << 10));
  JsonWriter w(out);
  w.BeginObject();
  w.Key("type");
  w.String("FeatureCollection");
  w.Key("features");
  w.BeginArray();
  for (size_t feature = 0; out.size() < kTargetBytes; ++feature) {
    w.BeginObject();
    w.Key("type");
    w.String("Feature");
    w.Key("properties");
    w.BeginObject();
    w.Key("name");
    w.String(FeatureName(feature, rng));
    w.EndObject();
    w.Key("geometry");
    w.BeginObject();
    w.Key("type");
    w.String("Polygon");
    w.Key("coordinates");
    w.BeginArray();
    Point center{-170.0 + 340.0 * rng.Unit(), 0.0};
    center.y = -80.0 + 160.0 * rng.Unit();
    int64_t holes = rng.Between(0, 4);
    Ring(w, center, rng.Between(200, 2400), rng);  // the outline
    for (int64_t h = 0; h < holes; ++h) {          // lakes and islands cut out of it
      Point start{center.x + Step(rng), 0.0};
      start.y = center.y + Step(rng);
      Ring(w, start, rng.Between(4, 300), rng);
    }
    w.EndArray();
    w.EndObject();
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return out;
}

}  // namespace claimbench::batch
