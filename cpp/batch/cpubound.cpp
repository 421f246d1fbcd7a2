// n-body and spectral-norm, following the Benchmarks Game's plain C programs (nbody.c and
// spectralnorm.c, "gcc #1"): same loops, same operation order. The target is compiled with
// -ffp-contract=off so that no a*b+c is fused into an FMA the Go and Rust code does not do.
#include "cpubound.h"

#include <array>
#include <cmath>
#include <cstdio>
#include <vector>

namespace claimbench::batch {
namespace {

constexpr double kPi = 3.141592653589793;
constexpr double kSolarMass = 4 * kPi * kPi;
constexpr double kDaysPerYear = 365.24;
constexpr double kDt = 0.01;

struct Body {
  double x, y, z;
  double vx, vy, vz;
  double mass;
};

using System = std::array<Body, 5>;

System InitialBodies() {
  return {{
      {0, 0, 0, 0, 0, 0, kSolarMass},  // Sun
      {4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01,
       1.66007664274403694e-03 * kDaysPerYear, 7.69901118419740425e-03 * kDaysPerYear,
       -6.90460016972063023e-05 * kDaysPerYear, 9.54791938424326609e-04 * kSolarMass},  // Jupiter
      {8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01,
       -2.76742510726862411e-03 * kDaysPerYear, 4.99852801234917238e-03 * kDaysPerYear,
       2.30417297573763929e-05 * kDaysPerYear, 2.85885980666130812e-04 * kSolarMass},  // Saturn
      {1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01,
       2.96460137564761618e-03 * kDaysPerYear, 2.37847173959480950e-03 * kDaysPerYear,
       -2.96589568540237556e-05 * kDaysPerYear, 4.36624404335156298e-05 * kSolarMass},  // Uranus
      {1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01,
       2.68067772490389322e-03 * kDaysPerYear, 1.62824170038242295e-03 * kDaysPerYear,
       -9.51592254519715870e-05 * kDaysPerYear, 5.15138902046599012e-05 * kSolarMass},  // Neptune
  }};
}

void OffsetMomentum(System& bodies) {
  double px = 0.0, py = 0.0, pz = 0.0;
  for (const Body& b : bodies) {
    px += b.vx * b.mass;
    py += b.vy * b.mass;
    pz += b.vz * b.mass;
  }
  bodies[0].vx = -px / kSolarMass;
  bodies[0].vy = -py / kSolarMass;
  bodies[0].vz = -pz / kSolarMass;
}

double Energy(const System& bodies) {
  double e = 0.0;
  for (std::size_t i = 0; i < bodies.size(); ++i) {
    const Body& b = bodies[i];
    e += 0.5 * b.mass * (b.vx * b.vx + b.vy * b.vy + b.vz * b.vz);
    for (std::size_t j = i + 1; j < bodies.size(); ++j) {
      const Body& b2 = bodies[j];
      const double dx = b.x - b2.x;
      const double dy = b.y - b2.y;
      const double dz = b.z - b2.z;
      const double distance = std::sqrt(dx * dx + dy * dy + dz * dz);
      e -= (b.mass * b2.mass) / distance;
    }
  }
  return e;
}

void Advance(System& bodies, double dt) {
  for (std::size_t i = 0; i < bodies.size(); ++i) {
    Body& b = bodies[i];
    for (std::size_t j = i + 1; j < bodies.size(); ++j) {
      Body& b2 = bodies[j];
      const double dx = b.x - b2.x;
      const double dy = b.y - b2.y;
      const double dz = b.z - b2.z;
      const double distance = std::sqrt(dx * dx + dy * dy + dz * dz);
      const double mag = dt / (distance * distance * distance);
      b.vx -= dx * b2.mass * mag;
      b.vy -= dy * b2.mass * mag;
      b.vz -= dz * b2.mass * mag;
      b2.vx += dx * b.mass * mag;
      b2.vy += dy * b.mass * mag;
      b2.vz += dz * b.mass * mag;
    }
  }
  for (Body& b : bodies) {
    b.x += dt * b.vx;
    b.y += dt * b.vy;
    b.z += dt * b.vz;
  }
}

// A(i, j) with the index arithmetic in integers, as the C program does it (64-bit here, so
// no n the runner accepts overflows).
double EvalA(std::uint64_t i, std::uint64_t j) { return 1.0 / static_cast<double>((i + j) * (i + j + 1) / 2 + i + 1); }

void MultiplyAv(const std::vector<double>& u, std::vector<double>& au) {
  const std::size_t n = u.size();
  for (std::size_t i = 0; i < n; ++i) {
    au[i] = 0;
    for (std::size_t j = 0; j < n; ++j) au[i] += EvalA(i, j) * u[j];
  }
}

void MultiplyAtv(const std::vector<double>& u, std::vector<double>& atu) {
  const std::size_t n = u.size();
  for (std::size_t i = 0; i < n; ++i) {
    atu[i] = 0;
    for (std::size_t j = 0; j < n; ++j) atu[i] += EvalA(j, i) * u[j];
  }
}

void MultiplyAtAv(const std::vector<double>& u, std::vector<double>& atau, std::vector<double>& scratch) {
  MultiplyAv(u, scratch);
  MultiplyAtv(scratch, atau);
}

}  // namespace

std::string NBody(std::uint64_t steps) {
  System bodies = InitialBodies();
  OffsetMomentum(bodies);
  const double before = Energy(bodies);
  for (std::uint64_t step = 0; step < steps; ++step) Advance(bodies, kDt);
  const double after = Energy(bodies);
  char text[96];
  std::snprintf(text, sizeof(text), "energy_before=%.9f energy_after=%.9f", before, after);
  return text;
}

std::string SpectralNorm(std::uint64_t n) {
  std::vector<double> u(n, 1.0), v(n), scratch(n);
  for (int round = 0; round < 10; ++round) {
    MultiplyAtAv(u, v, scratch);
    MultiplyAtAv(v, u, scratch);
  }
  double vbv = 0, vv = 0;
  for (std::size_t i = 0; i < n; ++i) {
    vbv += u[i] * v[i];
    vv += v[i] * v[i];
  }
  char text[64];
  std::snprintf(text, sizeof(text), "norm=%.9f", std::sqrt(vbv / vv));
  return text;
}

}  // namespace claimbench::batch
