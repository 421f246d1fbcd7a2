#!/usr/bin/env bash
# The second README command (and what CI runs): install what is missing, build, and run
# every test: ctest (unit, integration, e2e), go vet + go test, cargo fmt/clippy + cargo test.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
scripts/build.sh

status=0
step() { printf '\n== %s\n' "$*"; }

step "go vet + go test"
(cd go && test -z "$(gofmt -l .)" || { echo "gofmt: these files need formatting:"; gofmt -l .; exit 1; }) || status=1
(cd go && go vet ./... && go test -count=1 ./...) || status=1  # -count=1: tests read workloads/, which go test's cache does not track

step "cargo fmt + clippy + test"
(cd rust && cargo fmt --check) || status=1
(cd rust && cargo clippy --locked --all-targets -q -- -D warnings) || status=1
(cd rust && cargo test --locked) || status=1

step "ctest (unit, integration, e2e)"
# --repeat until-pass:3: the integration tests hold the load generator to timing bounds (a rate
# met within 2%, a stall's latency within 20 ms), which a neighbour taking this shared VM's CPU
# can break for a moment; a test that fails is run again, up to three times in all. A broken
# generator fails every time; a noisy moment does not last three runs.
(cd build && ctest --output-on-failure --timeout 900 --repeat until-pass:3) || status=1

exit $status
