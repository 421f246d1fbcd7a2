#!/usr/bin/env bash
# Configures and builds the C++ harness, reference workloads, tests and microbenchmarks
# into build/ (Release). Idempotent and incremental. Targets given as arguments are built
# alone (scripts/run.sh builds only `claimbench`: it builds the C++ workloads it runs itself).
set -euo pipefail
cd "$(dirname "$0")/.."
generator=()
command -v ninja >/dev/null && generator=(-G Ninja)
if [[ ! -f build/CMakeCache.txt ]]; then
  cmake -S . -B build "${generator[@]}" -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
cmake --build build --parallel "$(nproc)" ${1:+--target "$@"}
