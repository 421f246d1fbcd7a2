#!/usr/bin/env bash
# The CI regression gate, as docker/github-actions-regression-gate.yml runs it:
#   scripts/regression_gate.sh BASELINE_NAME [compare options...]
# Installs what is missing and builds (scripts/bootstrap.sh, scripts/build.sh), runs the
# quick suite into results/gate/, compares it with results/baselines/BASELINE_NAME.json and
# writes results/gate/compare.md (the job summary). Exit codes are compare's: 0 no
# regression, 1 a regression, 2 unusable input. With no such baseline yet (a first run, an
# expired cache) it saves this run as the baseline and exits 0, saying so.
set -euo pipefail
cd "$(dirname "$0")/.."
[[ $# -ge 1 ]] || { echo "usage: scripts/regression_gate.sh BASELINE_NAME [compare options]" >&2; exit 2; }
name=$1
shift
scripts/bootstrap.sh
scripts/build.sh claimbench
out=results/gate
rm -rf "$out"
if [[ ! -f results/baselines/$name.json ]]; then
  build/harness/claimbench run --suite quick --out "$out" --save-baseline "$name" >/dev/null
  printf 'No baseline %s yet: this run is saved as it (results/baselines/%s.json); nothing compared.\n' \
    "$name" "$name" | tee "$out/compare.md"
  exit 0
fi
build/harness/claimbench run --suite quick --out "$out" >/dev/null || true  # failures are the gate's to judge
exec build/harness/claimbench compare --baseline "$name" "$out/results.json" --format md --out "$out/compare.md" "$@"
