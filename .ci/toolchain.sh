#!/usr/bin/env bash
# Installs everything cti-outcome needs to build, serve and test, and skips what is already there.
# Only package registries are used (crates, npm, Debian): nothing downloads a browser or a release
# binary. Run from anywhere; `make demo` and `make test` call it.
#
#   1. rust target wasm32-unknown-unknown            rustup
#   2. chromium + chromium-driver                    Debian (versions always match each other)
#      tcpdump, tshark (editcap, mergecap)            Debian (the capture tests)
#   3. wasm-pack                                     cargo install --locked
#   4. wasm-bindgen-cli at Cargo.lock's wasm-bindgen  cargo install --locked (+ fallback below)
#   5. wasm-opt                                      npm `binaryen` (runs on node)
#   6. npm dev dependencies (playwright-core, typescript)  npm ci
#
# Traps this avoids (found on this machine kind, Debian 12):
#   - Debian's `binaryen` (wasm-opt 108) writes a broken module from wasm-bindgen output (the
#     externref table); the `wasm-opt` crate (binaryen 116) cannot parse `table.fill`. The npm
#     build of binaryen 132 works, so it goes first on PATH.
#   - wasm-bindgen-cli's packaged Cargo.lock may name a dependency version the registry no longer
#     serves; then only that package is re-resolved and the rest stays locked.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"

WASM_PACK_VERSION=0.15.1
BINARYEN_VERSION=132.0.0
CARGO_HOME="${CARGO_HOME:-$HOME/.cargo}"
BIN_DIR="$CARGO_HOME/bin"
TOOLS_DIR="${XDG_DATA_HOME:-$HOME/.local/share}/cti-outcome-tools"
WASM_BINDGEN_VERSION="$(awk '$0=="name = \"wasm-bindgen\"" {getline; gsub(/version = |"/, ""); print; exit}' "$root/Cargo.lock")"
[[ -n "$WASM_BINDGEN_VERSION" ]] || { echo "toolchain: no wasm-bindgen in Cargo.lock" >&2; exit 1; }
export PATH="$BIN_DIR:$PATH" DEBIAN_FRONTEND=noninteractive

say() { printf 'toolchain: %s\n' "$*"; }
# has CMD WORD: the first line of `CMD --version` contains WORD as a whole word.
has() {
  local out
  out="$("$1" --version 2>/dev/null | head -n1)" || return 1
  [[ " $out " == *" $2 "* ]]
}

if [[ "$(rustup target list --installed)" != *wasm32-unknown-unknown* ]]; then
  say "adding rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  say "installing Debian's chromium and chromium-driver"
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends chromium chromium-driver >/dev/null
fi

# The capture tests record real loopback sessions and edit them with Wireshark's tools.
if ! command -v tcpdump >/dev/null || ! command -v tshark >/dev/null || ! command -v editcap >/dev/null; then
  say "installing Debian's tcpdump and tshark (Wireshark's command-line tools)"
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends tcpdump tshark >/dev/null
fi

# The Parquet export's engine test reads the dataset with DuckDB (PyPI's embedded engine) and
# runs the Spark job in local mode (PyPI's pyspark, on Debian's OpenJDK).
if ! python3 -c 'import duckdb' 2>/dev/null; then
  say "installing PyPI's duckdb 2.0.1"
  python3 -m pip install --quiet --disable-pip-version-check duckdb==2.0.1
fi
if ! python3 -c 'import pyspark' 2>/dev/null; then
  say "installing PyPI's pyspark 4.3.0 (about 300 MB)"
  python3 -m pip install --quiet --disable-pip-version-check pyspark==4.3.0
fi
if ! command -v java >/dev/null; then
  say "installing Debian's OpenJDK 17 (for Spark)"
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends openjdk-17-jre-headless >/dev/null
fi

if ! has wasm-pack "$WASM_PACK_VERSION"; then
  say "building wasm-pack $WASM_PACK_VERSION (about 3 minutes)"
  cargo install wasm-pack --version "$WASM_PACK_VERSION" --locked --quiet
fi

install_wasm_bindgen_cli() {
  local v="$1" tmp src
  cargo install wasm-bindgen-cli --version "$v" --locked --quiet && return 0
  say "locked install failed; re-resolving only the locked packages the registry lacks"
  src="$(find "$CARGO_HOME"/registry/src -maxdepth 2 -type d -name "wasm-bindgen-cli-$v" | head -n1)"
  [[ -n "$src" ]] || { say "no downloaded source of wasm-bindgen-cli $v"; return 1; }
  tmp="$(mktemp -d)"
  cp -r "$src" "$tmp/cli"
  (
    cd "$tmp/cli"
    for _ in 1 2 3 4 5 6 7 8; do
      out="$(cargo metadata --locked --format-version 1 2>&1 >/dev/null)" && break
      pkg="$(sed -n 's/.*requirement `\([^ ]*\) = .*(locked to \([^)]*\)).*/\1@\2/p' <<<"$out" | head -n1)"
      [[ -n "$pkg" ]] || { printf '%s\n' "$out" >&2; exit 1; }
      say "  cargo update -p $pkg"
      cargo update --quiet -p "$pkg"
    done
    cargo install --path . --locked --quiet
  )
  local rc=$?
  rm -rf "$tmp"
  return $rc
}
if ! has wasm-bindgen "$WASM_BINDGEN_VERSION" || ! has wasm-bindgen-test-runner "$WASM_BINDGEN_VERSION"; then
  say "building wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 3 minutes)"
  install_wasm_bindgen_cli "$WASM_BINDGEN_VERSION"
fi

if ! has wasm-opt "${BINARYEN_VERSION%%.*}"; then
  say "installing wasm-opt from npm binaryen@$BINARYEN_VERSION"
  dir="$TOOLS_DIR/binaryen-$BINARYEN_VERSION"
  if [[ ! -x "$dir/node_modules/binaryen/bin/wasm-opt" ]]; then
    mkdir -p "$dir"
    npm install --prefix "$dir" --no-save --no-audit --no-fund --loglevel=error "binaryen@$BINARYEN_VERSION"
  fi
  ln -sfn "$dir/node_modules/binaryen/bin/wasm-opt" "$BIN_DIR/wasm-opt"
fi
has wasm-opt "${BINARYEN_VERSION%%.*}" || { say "wasm-opt first on PATH is not binaryen ${BINARYEN_VERSION%%.*}: $(command -v wasm-opt)"; exit 1; }

# npm dev dependencies of the browser tests; the stamp skips `npm ci` while the lockfile is unchanged.
e2e="$root/tests/e2e"
if [[ -f "$e2e/package-lock.json" ]] && ! cmp -s "$e2e/package-lock.json" "$e2e/node_modules/.cti-outcome-lock"; then
  say "installing npm dev dependencies (tests/e2e)"
  # npm ci refuses a lockfile without the optional platform packages of other systems (rollup's
  # native builds), which npm leaves out when the registry here does not describe them; then
  # the lockfile is still followed by npm install, which completes what is missing.
  (cd "$e2e" && { npm ci --no-audit --no-fund --loglevel=error 2>/dev/null ||
    npm install --no-audit --no-fund --loglevel=error; })
  cp "$e2e/package-lock.json" "$e2e/node_modules/.cti-outcome-lock"
fi
say "ready: wasm-pack $WASM_PACK_VERSION, wasm-bindgen $WASM_BINDGEN_VERSION, wasm-opt ${BINARYEN_VERSION%%.*}, $(chromium --version 2>/dev/null | head -n1)"
