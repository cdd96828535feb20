#!/usr/bin/env bash
# Builds and runs the matx kernel benchmarks in one go: every kernel of scripts/bench.py
# compiled by matx_script! vs hand-written Rust (criterion), the same script under CPython,
# and under MATXScript 1.8.1 (its own venv, benches/.venv-matxscript, made on first use;
# SKIP_MATXSCRIPT=1 leaves it out); checks that every system computed the same results
# (the CHECK lines), then prints one table with the ratios and their geometric means.
# RUNS=N repeats the whole measurement N times (default 1) and reports per-cell medians.
# MATX_BENCH_ONLY=k1,k2 restricts the timing to some kernels.
# Usage: benches/run.sh (from anywhere).
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${RUNS:-1}"
MXS_VENV="benches/.venv-matxscript"
MXS_PINS="matxscript==1.8.1 numpy<2"

echo "== machine"
echo "nproc:  $(nproc)"
echo "cpu:    $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
echo "rust:   $(rustc --version)"
echo "python: $(python3 --version 2>&1)"
echo "commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet 2>/dev/null || echo ' (+ working tree changes)')"

target=$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json, sys; print(json.load(sys.stdin)["target_directory"])')
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

mxs=""
if [ "${SKIP_MATXSCRIPT:-0}" != 1 ]; then
  [ -x "$MXS_VENV/bin/python" ] || python3 -m venv "$MXS_VENV"
  if [ "$(cat "$MXS_VENV/.matx-pins" 2>/dev/null)" != "$MXS_PINS" ]; then
    # shellcheck disable=SC2086
    if "$MXS_VENV/bin/pip" install -q --disable-pip-version-check $MXS_PINS; then
      echo "$MXS_PINS" > "$MXS_VENV/.matx-pins"
    else
      echo "warning: pip install $MXS_PINS failed; MATXScript is left out" >&2
    fi
  fi
  [ -f "$MXS_VENV/.matx-pins" ] && mxs="$MXS_VENV/bin/python"
fi

echo "== cargo bench -p matx-bench --no-run"
cargo bench -p matx-bench --bench compiler --no-run 2>&1 | grep -E '^(error|warning)' || true
for run in $(seq 1 "$RUNS"); do
  echo "== run $run/$RUNS, load: $(cut -d' ' -f1-3 /proc/loadavg)"
  cargo bench -p matx-bench --bench compiler 2>&1 | tee "$work/rust.log" | grep -E '^(CHECK|[a-z_0-9]+/[a-z_]+ +time:)|^error|panicked' || true
  if ! grep -q '^CHECK' "$work/rust.log"; then
    echo "cargo bench failed:" >&2
    tail -40 "$work/rust.log" >&2
    exit 1
  fi
  mkdir -p "$work/run$run"
  for k in "$target"/criterion/*/; do
    name=$(basename "$k")
    for side in compiled hand_rust; do
      [ -f "$k/$side/new/estimates.json" ] && cp "$k/$side/new/estimates.json" "$work/run$run/$name.$side.json"
    done
  done
  grep -m1 '^CHECK' "$work/rust.log" > "$work/rust.check"
  echo "-- python3 benches/cpython_bench.py"
  python3 benches/cpython_bench.py --json "$work/run$run/cpython.json" | tee "$work/py.log"
  if [ -n "$mxs" ]; then
    echo "-- $mxs benches/python/matxscript_kernels.py"
    only=()
    [ -n "${MATX_BENCH_ONLY:-}" ] && only=(--only "$MATX_BENCH_ONLY")
    MATX_DSO_DIR="$target/matxscript-dso" "$mxs" benches/python/matxscript_kernels.py "${only[@]}" > "$work/run$run/matxscript.json" 2> "$work/mxs.log" || {
      echo "MATXScript worker failed:" >&2; tail -20 "$work/mxs.log" >&2; exit 1; }
  fi
  echo "   load after run $run: $(cut -d' ' -f1-3 /proc/loadavg)"
done

rust_check=$(cat "$work/rust.check")
py_check=$(grep -m1 '^CHECK' "$work/py.log")
if [ "$rust_check" != "$py_check" ]; then
  echo "results differ between Rust and CPython:" >&2
  echo "  rust:    $rust_check" >&2
  echo "  cpython: $py_check" >&2
  exit 1
fi
echo "results agree (compiled, hand-written, CPython): $rust_check"

echo "== summary (medians over $RUNS run(s); criterion medians for Rust)"
python3 benches/summarize.py "$work" "$RUNS" "$rust_check"
