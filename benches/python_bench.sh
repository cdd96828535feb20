#!/usr/bin/env bash
# The Python-side benchmarks of issue 3 (Text2Ids on 1M words, and the call overhead of a
# compiled `f(x) = x + 1`): matx vs CPython vs a bare PyO3 function vs MATXScript 1.8.1.
# Sets everything up, then runs benches/python_bench.py once (all systems in the same run):
#   .venv-bench       maturin + release wheels (maturin build --release): matx, text2ids, callbench, bare_pyo3
#   .venv-matxscript  matxscript==1.8.1 (its package is also called `matx`, hence its own venv;
#                     it compiles with g++ at `matx.script` time)
# Neither touches the project's .venv (the tests'). Extra arguments go to python_bench.py
# (e.g. --runs 9, --json out.json). SKIP_MATXSCRIPT=1 leaves MATXScript out.
# With --pipelines first, it runs the pipeline benchmark of issue 4 instead
# (benches/pipeline_bench.py: a saved Text2Ids pipeline from Python and Rust hosts vs MATXScript).
# Usage: benches/python_bench.sh [--pipelines] [args...] (from anywhere).
set -euo pipefail
cd "$(dirname "$0")/.."
BENCH_SCRIPT=benches/python_bench.py
if [ "${1:-}" = "--pipelines" ]; then
  BENCH_SCRIPT=benches/pipeline_bench.py
  shift
fi
. scripts/setup.sh # checks cargo and python3; one CARGO_TARGET_DIR for every build

BENCH_VENV="${BENCH_VENV:-$PWD/.venv-bench}"
MATXSCRIPT_VENV="${MATXSCRIPT_VENV:-$PWD/.venv-matxscript}"
PY_PINS="maturin==1.16.0"
MATXSCRIPT_PINS="matxscript==1.8.1 numpy<2"

echo "== setup: $BENCH_VENV ($PY_PINS) and the release wheels"
[ -x "$BENCH_VENV/bin/python" ] || python3 -m venv "$BENCH_VENV"
if [ "$(cat "$BENCH_VENV/.matx-pins" 2>/dev/null)" != "$PY_PINS" ]; then
  # shellcheck disable=SC2086
  "$BENCH_VENV/bin/pip" install -q --disable-pip-version-check $PY_PINS
  echo "$PY_PINS" > "$BENCH_VENV/.matx-pins"
fi
# A release wheel of DIR (`maturin build --release`, shared target directory), installed into
# the bench venv; not `maturin develop`, which would put the matx package's native module into
# matx-py/python/, shared with the tests' .venv. One build at a time. The crates outside the
# workspace (benches/python/*) get a copy of the workspace's Cargo.lock, so the dependency
# versions, and with them the artifacts already in the target directory, are the same.
WHEELS="$CARGO_TARGET_DIR/python-bench-wheels"
build_install() {
  local target="$CARGO_TARGET_DIR"
  if [ "$1" != "${1#benches/python/}" ]; then
    cp Cargo.lock "$1/Cargo.lock"
    # Crates outside the workspace build `matx` as a plain path dependency: in the workspace's
    # target directory that leaves two different `libmatx` rlibs side by side, and a later build
    # links against the wrong one. They get a directory of their own.
    target="$CARGO_TARGET_DIR/bench-outside"
  fi
  rm -rf "$WHEELS" && mkdir -p "$WHEELS"
  (cd "$1" && CARGO_TARGET_DIR="$target" maturin build --release --quiet --interpreter "$BENCH_VENV/bin/python" --out "$WHEELS")
  "$BENCH_VENV/bin/pip" install -q --disable-pip-version-check --no-deps --force-reinstall "$WHEELS"/*.whl
}
export PATH="$BENCH_VENV/bin:$PATH"
for crate in matx-py examples/text2ids benches/python/callbench benches/python/bare_pyo3; do
  echo "-- maturin build --release $crate"
  build_install "$crate"
done

args=()
if [ "${SKIP_MATXSCRIPT:-0}" != 1 ]; then
  echo "== setup: $MATXSCRIPT_VENV ($MATXSCRIPT_PINS)"
  command -v g++ >/dev/null 2>&1 || echo "warning: no g++: matx.script will fail" >&2
  [ -x "$MATXSCRIPT_VENV/bin/python" ] || python3 -m venv "$MATXSCRIPT_VENV"
  if [ "$(cat "$MATXSCRIPT_VENV/.matx-pins" 2>/dev/null)" != "$MATXSCRIPT_PINS" ]; then
    # shellcheck disable=SC2086
    if "$MATXSCRIPT_VENV/bin/pip" install -q --disable-pip-version-check $MATXSCRIPT_PINS; then
      echo "$MATXSCRIPT_PINS" > "$MATXSCRIPT_VENV/.matx-pins"
    else
      echo "warning: pip install $MATXSCRIPT_PINS failed; MATXScript is left out" >&2
    fi
  fi
  [ -f "$MATXSCRIPT_VENV/.matx-pins" ] && args+=(--matxscript-python "$MATXSCRIPT_VENV/bin/python")
fi

if [ "$BENCH_SCRIPT" = benches/pipeline_bench.py ]; then
  # Its own target directory: a workspace build of `matx` beside the out-of-workspace builds
  # of the wheels (benches/python/*) in one directory leaves two different `libmatx` rlibs
  # there, and the next wheel build links against the wrong one.
  echo "-- cargo build --release -p text2ids --bin pipeline_bench (the Rust host)"
  CARGO_TARGET_DIR="$CARGO_TARGET_DIR/bench-host" cargo build --release --quiet -p text2ids --bin pipeline_bench
  args+=(--rust-host "$CARGO_TARGET_DIR/bench-host/release/pipeline_bench")
fi

echo "== machine"
echo "nproc:  $(nproc)"
echo "cpu:    $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
echo "python: $("$BENCH_VENV/bin/python" --version 2>&1)"
echo "rust:   $(rustc --version)"
echo "commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet 2>/dev/null || echo ' (+ working tree changes)')"
echo "load:   $(cut -d' ' -f1-3 /proc/loadavg)"

echo "== $BENCH_VENV/bin/python $BENCH_SCRIPT ${args[*]} $*"
"$BENCH_VENV/bin/python" "$BENCH_SCRIPT" "${args[@]}" "$@"
