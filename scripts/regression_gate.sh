#!/usr/bin/env bash
# The CI regression gate, as docker/github-actions-regression-gate.yml runs it:
#   scripts/regression_gate.sh [--save] BASELINE_NAME [compare options...]
# Installs what is missing and builds (scripts/bootstrap.sh, scripts/build.sh), runs the
# quick suite into results/gate/, compares it with the runs of baseline BASELINE_NAME
# (results/baselines/BASELINE_NAME/, pooled) and writes results/gate/compare.md (the job
# summary). Exit codes are compare's: 0 no regression, 1 a regression, 2 unusable input.
#   --save  (the main branch) also adds this run to the baseline, which keeps its newest 3
#           runs; a regression still exits 1, so a change that slipped through is seen.
# With no such baseline yet (a first run, an expired cache) it saves this run as the
# baseline's first and exits 0, saying so.
set -euo pipefail
cd "$(dirname "$0")/.."
save=0
if [[ ${1:-} == --save ]]; then save=1; shift; fi
[[ $# -ge 1 ]] || { echo "usage: scripts/regression_gate.sh [--save] BASELINE_NAME [compare options]" >&2; exit 2; }
name=$1
shift
scripts/bootstrap.sh
scripts/build.sh claimbench
out=results/gate
rm -rf "$out"
if ! compgen -G "results/baselines/$name/*.json" >/dev/null && [[ ! -f results/baselines/$name.json ]]; then
  build/harness/claimbench run --suite quick --out "$out" --save-baseline "$name" >/dev/null
  printf 'No baseline %s yet: this run is saved as its first (results/baselines/%s/); nothing compared.\n' \
    "$name" "$name" | tee "$out/compare.md"
  exit 0
fi
build/harness/claimbench run --suite quick --out "$out" >/dev/null || true  # failures are the gate's to judge
status=0
build/harness/claimbench compare --baseline "$name" "$out/results.json" --format md --out "$out/compare.md" "$@" ||
  status=$?
if [[ $save == 1 && $status != 2 ]]; then
  build/harness/claimbench baseline "$name" "$out/results.json"
fi
exit "$status"
