//! The cpu-bound kernels (workloads/cpu-bound/README.md): the Benchmarks Game's plain C
//! algorithms in safe scalar Rust, with every floating-point operation in the C order so
//! that Go, Rust and C++ print the same digits.

pub mod nbody;
pub mod spectral_norm;
