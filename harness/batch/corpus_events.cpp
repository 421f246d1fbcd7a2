// The `events` corpus (worker-pool): one JSON event per line, about 2% of the lines
// invalid in each of the ways workloads/worker-pool/README.md lists, so that every
// implementation's validation is on the measured path and is checked by the checksum.
#include <array>
#include <string>

#include "batch/corpus_generators.h"
#include "batch/corpus_rng.h"

namespace claimbench::batch {
namespace {

constexpr uint64_t kLines = 200'000;

enum class Defect { kNone, kMissingUser, kNegativeValue, kUnknownKind, kStringValue, kTruncated };

/// 2 lines in 100 are defective, the five defects equally often.
Defect PickDefect(Rng& rng) {
  uint64_t r = rng.Below(1000);
  return r < 20 ? static_cast<Defect>(1 + r % 5) : Defect::kNone;
}

/// "user-NNNNN": half the events from 1,000 busy users, half from 100,000, so that the
/// per-user maps hold both hot and cold keys.
std::string User(Rng& rng) {
  uint64_t n = rng.OneIn(2) ? rng.Below(1000) : rng.Below(100'000);
  std::string digits = std::to_string(n);
  return "user-" + std::string(5 - digits.size(), '0') + digits;
}

std::string_view Kind(Rng& rng) {
  uint64_t r = rng.Below(100);
  return r < 60 ? "view" : r < 85 ? "click" : r < 95 ? "cart" : "buy";
}

/// Values in [0, 10^9], the bounds included now and then.
int64_t Value(Rng& rng) {
  uint64_t r = rng.Below(1000);
  if (r == 0) return 0;
  if (r == 1) return 1'000'000'000;
  int64_t bound = 10;
  for (int64_t digits = rng.Between(1, 8); digits > 1; --digits) bound *= 10;
  return rng.Between(0, bound - 1);
}

std::string Line(uint64_t id, Rng& rng) {
  static constexpr std::array<std::string_view, 5> kUnknownKinds = {"refund", "share", "View", "purchase", ""};
  Defect defect = PickDefect(rng);
  std::string user = User(rng);
  std::string_view kind = defect == Defect::kUnknownKind ? rng.Pick(kUnknownKinds) : Kind(rng);
  int64_t value = Value(rng);
  int64_t ts = 1'700'000'000'000 + static_cast<int64_t>(id) * 40 + rng.Between(0, 39);

  std::string line = "{\"id\":" + std::to_string(id);
  if (defect != Defect::kMissingUser) line += ",\"user\":\"" + user + "\"";
  line += ",\"kind\":\"";
  line += kind;
  line += "\",\"value\":";
  if (defect == Defect::kStringValue) {
    line += "\"" + std::to_string(value) + "\"";
  } else if (defect == Defect::kNegativeValue) {
    line += std::to_string(-1 - value % 1000);
  } else {
    line += std::to_string(value);
  }
  line += ",\"ts\":" + std::to_string(ts) + "}";
  // Cut anywhere before the closing brace, never to nothing: a cut inside the last number
  // leaves fields that a lazy parser reads happily, so only a whole-line parse rejects it.
  if (defect == Defect::kTruncated) {
    line.resize(static_cast<size_t>(rng.Between(1, static_cast<int64_t>(line.size()) - 1)));
  }
  return line;
}

}  // namespace

std::string GenerateEvents(uint64_t seed) {
  Rng rng(seed);
  std::string out;
  out.reserve(kLines * 96);
  for (uint64_t id = 1; id <= kLines; ++id) {
    out += Line(id, rng);
    out += '\n';
  }
  return out;
}

}  // namespace claimbench::batch
