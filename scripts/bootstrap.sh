#!/usr/bin/env bash
# Installs what claimbench needs and is missing, idempotently: Debian packages for the
# C++ build (libssl-dev: SHA-256 of the generated corpora), then checks Go and Rust, then
# downloads Go modules and Rust crates so that builds (and the cold-build measurements,
# which run offline) need no network later.
# Says exactly what is missing when it cannot install it itself.
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf 'bootstrap: %s\n' "$*" >&2; }
die() { printf 'bootstrap: error: %s\n' "$*" >&2; exit 1; }

# Debian packages: compiler and build tools, the libraries found with find_package, then
# what tests and benchmarks use (python3-jsonschema validates results against the committed
# schemas; wrk is the reference scripts/bench-load.py compares the load generator with;
# headless chromium renders report.html in a test; cmark-gfm renders report.md as GitHub does;
# valgrind counts the batch tasks' instructions per iteration, an exact figure the regression
# gate compares, with util-linux's setarch turning ASLR off for it).
packages=(
  g++ cmake ninja-build pkg-config git binutils ca-certificates util-linux
  libboost-dev nlohmann-json3-dev libtomlplusplus-dev libcli11-dev libfmt-dev
  libsimdjson-dev libre2-dev libssl-dev libbenchmark-dev libgtest-dev libgmock-dev
  python3 python3-jsonschema wrk chromium cmark-gfm bsdutils valgrind
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  log "installing Debian packages: ${missing[*]}"
  if [[ $(id -u) -eq 0 ]]; then sudo=(); elif command -v sudo >/dev/null; then sudo=(sudo); else
    die "not root and no sudo: install these packages: ${missing[*]}"
  fi
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  log "Debian packages: all present"
fi

# Go >= 1.22 (method patterns in net/http's ServeMux) and a Rust toolchain with cargo.
# Debian's golang is older than 1.22, so these are checked, not installed.
version_ge() { [[ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -n1)" == "$2" ]]; }
problems=()
if ! command -v go >/dev/null; then
  problems+=("go not found in PATH: install Go >= 1.22 (https://go.dev/doc/install) and put its bin/ on PATH")
else
  gov=$(go env GOVERSION | sed 's/^go//')
  version_ge "$gov" 1.22 || problems+=("go $gov is too old: install Go >= 1.22")
fi
if ! command -v cargo >/dev/null; then
  problems+=("cargo not found in PATH: install Rust with rustup (https://rustup.rs) and put ~/.cargo/bin on PATH")
else
  rv=$(rustc --version | awk '{print $2}')
  version_ge "$rv" 1.80 || problems+=("rustc $rv is too old: run 'rustup update stable' (need >= 1.80)")
fi
if ((${#problems[@]})); then
  for p in "${problems[@]}"; do printf 'bootstrap: missing: %s\n' "$p" >&2; done
  exit 1
fi
log "go $(go env GOVERSION | sed 's/^go//'), $(rustc --version | awk '{print $1, $2}')"

# Dependencies of the Go module and the Rust workspace, fetched once.
log "fetching Go modules"
(cd go && go mod download)
log "fetching Rust crates"
(cd rust && cargo fetch --locked -q)
log "done"
