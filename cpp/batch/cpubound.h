// cpu-bound (workloads/cpu-bound/README.md): the Benchmarks Game's n-body and spectral-norm,
// in the plain scalar form of their C programs, with the same floating-point operations in
// the same order, so Go, Rust and C++ print the same digits.
#pragma once

#include <cstdint>
#include <string>

namespace claimbench::batch {

/// Sets up the five bodies, offsets the momentum, and advances `steps` steps of dt = 0.01.
/// Returns `energy_before=%.9f energy_after=%.9f`.
std::string NBody(std::uint64_t steps);

/// The spectral norm of the n×n matrix A by 10 rounds of the power method. Returns `norm=%.9f`.
std::string SpectralNorm(std::uint64_t n);

}  // namespace claimbench::batch
