// Direction, then magnitude.
#include "claims/judge.h"

#include <fmt/format.h>

#include <algorithm>

namespace claimbench::claims {
namespace {

using results::Direction;
using results::Magnitude;
using results::Verdict;

constexpr double kOpen = 1e299;  // bounds at or above this are "no upper end"

// A single sample of a noisy figure has no interval: it is taken to be uncertain by 10% either
// way (the spread at which the reports mark a figure noisy), whatever the claim's tolerance,
// which is about the claim's wording, not the measurement.
constexpr double kOneSampleSpread = 1.10;

std::string Num(double v) { return v >= kOpen ? "inf" : fmt::format("{:.4g}", v); }
std::string Percent(double level) { return fmt::format("{:.4g}", level * 100); }

// The figure as measured, and the range [low, high] it is judged as.
struct Measured {
  double low = 0;
  double high = 0;
  std::string text;
};

// A figure of `e` as text: with its unit when the evidence says how, else a plain number.
std::string Fig(const Evidence& e, double v) { return e.show && v < kOpen ? e.show(v) : Num(v); }

Measured Describe(const Evidence& e, const std::string& what) {
  switch (e.kind) {
    case Evidence::Kind::kInterval:
      return {e.interval->low, e.interval->high,
              fmt::format("{} {} ({}% CI {} to {}, n = {})", what, Fig(e, e.point), Percent(e.level),
                          Fig(e, e.interval->low), Fig(e, e.interval->high), e.samples)};
    case Evidence::Kind::kExact:
      return {e.point, e.point, fmt::format("{} {} (exact: no run-to-run noise)", what, Fig(e, e.point))};
    case Evidence::Kind::kOneSample: {
      // Judged as if it spread either way, so consistent and contradicted each need the same
      // margin from a bound.
      const double s = kOneSampleSpread;
      return {e.point / s, e.point * s,
              fmt::format("{} {} (one sample: no interval; judged as {} to {})", what, Fig(e, e.point),
                          Fig(e, e.point / s), Fig(e, e.point * s))};
    }
    case Evidence::Kind::kTooFew:
      break;
  }
  return {e.point, e.point, fmt::format("{} {} (n = {})", what, Fig(e, e.point), e.samples)};
}

// Where [low, high] lies against [lo, hi]: -1 wholly below, +1 wholly above, 0 inside, 2 across.
int Place(const Measured& m, double lo, double hi) {
  if (m.low >= lo && m.high <= hi) return 0;
  if (m.high < lo) return -1;
  if (m.low > hi) return 1;
  return 2;
}

std::string_view DirectionText(Direction d) {
  switch (d) {
    case Direction::kHolds: return "direction holds";
    case Direction::kReversed: return "direction reversed";
    case Direction::kNoDifference: return "no difference detected";
  }
  return "";
}

Judgement TooFew(const Evidence& e, const std::string& what, bool per_side) {
  Judgement j;
  j.detail = fmt::format("{} {} from n = {}: too few samples for a {}% interval; needs n >= {}{}", what,
                         Fig(e, e.point), e.samples, Percent(e.level), e.needed, per_side ? " a side" : "");
  return j;
}

// The verdict of a magnitude (and direction, where one was claimed).
Verdict VerdictOf(std::optional<Direction> direction, Magnitude magnitude) {
  if (direction == Direction::kReversed) return Verdict::kContradicted;
  if (magnitude == Magnitude::kSmaller || magnitude == Magnitude::kLarger) return Verdict::kContradicted;
  if (magnitude == Magnitude::kWithin && direction != Direction::kNoDifference) return Verdict::kConsistent;
  return Verdict::kInconclusive;
}

}  // namespace

int ClaimedSide(const Range& range) {
  if (range.first >= 1 && range.second > 1) return 1;
  if (range.second <= 1 && range.first < 1) return -1;
  return 0;
}

Judgement JudgeRatio(const Evidence& e, const Range& range, double tolerance) {
  if (e.kind == Evidence::Kind::kTooFew) return TooFew(e, "rust/go", true);
  // The side of parity the claim is on: +1 (Rust's figure higher: [1.15, 1.3], or "Rust faster"
  // with no size, [1, inf]), -1 (lower), 0 (either side: [0.8, 1.25], "within 2x").
  const int claimed = ClaimedSide(range);
  double lo = range.first / (1 + tolerance);
  double hi = range.second >= kOpen ? range.second : range.second * (1 + tolerance);
  if (claimed > 0) lo = std::max(lo, 1.0);  // the tolerance never moves a bound across parity
  if (claimed < 0) hi = std::min(hi, 1.0);
  const Measured m = Describe(e, "rust/go");
  Judgement j;
  std::string direction_text;
  if (claimed != 0) {
    const int measured = m.high < 1 ? -1 : m.low > 1 ? 1 : 0;
    j.direction = measured == 0 ? Direction::kNoDifference : measured == claimed ? Direction::kHolds : Direction::kReversed;
    direction_text = std::string(DirectionText(*j.direction)) + "; ";
  }
  const int place = Place(m, lo, hi);
  // The size of an effect is its distance from parity: below a claimed ratio under 1 is a
  // larger effect than stated.
  const int size = claimed < 0 ? -place : place;
  j.magnitude = place == 0 ? Magnitude::kWithin : place == 2 ? Magnitude::kUndecided
                : size < 0                     ? Magnitude::kSmaller
                                               : Magnitude::kLarger;
  j.verdict = VerdictOf(j.direction, j.magnitude);
  j.detail = fmt::format("{}: {}magnitude {} (bounds [{}, {}])", m.text, direction_text, results::Name(j.magnitude), Num(lo),
                         Num(hi));
  return j;
}

Judgement JudgeAbsolute(const Evidence& e, const Range& range, double tolerance, const std::string& side) {
  if (e.kind == Evidence::Kind::kTooFew) return TooFew(e, side, false);
  const double lo = range.first / (1 + tolerance);
  const double hi = range.second >= kOpen ? range.second : range.second * (1 + tolerance);
  const Measured m = Describe(e, side);
  const int place = Place(m, lo, hi);
  Judgement j;
  j.magnitude = place == 0 ? Magnitude::kWithin : place == 2 ? Magnitude::kUndecided
                : place < 0                    ? Magnitude::kSmaller
                                               : Magnitude::kLarger;
  j.verdict = VerdictOf(std::nullopt, j.magnitude);
  j.detail = fmt::format("{}: magnitude {} (bounds [{}, {}])", m.text, results::Name(j.magnitude), Fig(e, lo),
                         Fig(e, hi));
  return j;
}

}  // namespace claimbench::claims
