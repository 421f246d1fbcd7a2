// cpu-bound: the printed digits of both kernels (nbody steps=1000 and spectral-norm n=100
// are the Benchmarks Game's published outputs; the others come from data/expected.py).
#include <gtest/gtest.h>

#include "cpubound.h"

namespace claimbench::batch {
namespace {

TEST(NBodyTest, EnergiesBeforeAndAfter) {
  EXPECT_EQ(NBody(1000), "energy_before=-0.169075164 energy_after=-0.169087605");
  EXPECT_EQ(NBody(1), "energy_before=-0.169075164 energy_after=-0.169074954");
  EXPECT_EQ(NBody(0), "energy_before=-0.169075164 energy_after=-0.169075164");
}

TEST(SpectralNormTest, Norms) {
  EXPECT_EQ(SpectralNorm(100), "norm=1.274219991");
  EXPECT_EQ(SpectralNorm(10), "norm=1.271844019");
  EXPECT_EQ(SpectralNorm(1), "norm=1.000000000");
}

}  // namespace
}  // namespace claimbench::batch
