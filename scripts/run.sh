#!/usr/bin/env bash
# The first README command: install what is missing, build, and run the default suite.
# Reports are written under results/<run-id>/. Extra arguments go to `claimbench run`.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
scripts/build.sh claimbench  # the harness alone: tests and microbenchmarks are not needed to run
exec build/harness/claimbench run --suite quick "$@"
