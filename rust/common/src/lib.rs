//! Code shared by every claimbench Rust implementation.

#[cfg(feature = "vectors")]
pub mod json;
pub mod serve;
#[cfg(feature = "vectors")]
pub mod vectors;
#[cfg(feature = "vectors")]
pub mod wire;
