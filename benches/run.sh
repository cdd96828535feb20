#!/usr/bin/env bash
# Builds and runs the matx benchmarks in one go: the criterion benches (scripts/bench.py
# compiled by matx_script! vs hand-written Rust), then the same script under CPython, then
# prints a summary table with the ratios. Usage: benches/run.sh (from anywhere).
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== machine"
echo "nproc: $(nproc)"
echo "cpu:   $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
echo "rust:  $(rustc --version)"
echo "python: $(python3 --version 2>&1)"

target=$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json, sys; print(json.load(sys.stdin)["target_directory"])')
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "== cargo bench -p matx-bench"
cargo bench -p matx-bench --bench compiler 2>&1 | tee "$work/rust.log" | grep -E '^(CHECK|[a-z_0-9]+/[a-z_]+ +time:)|^error' || true
if ! grep -q '^CHECK' "$work/rust.log"; then
    echo "cargo bench failed:" >&2
    tail -40 "$work/rust.log" >&2
    exit 1
fi

echo "== python3 benches/cpython_bench.py"
python3 benches/cpython_bench.py --json "$work/cpython.json" | tee "$work/py.log"

rust_check=$(grep -m1 '^CHECK' "$work/rust.log")
py_check=$(grep -m1 '^CHECK' "$work/py.log")
if [ "$rust_check" != "$py_check" ]; then
    echo "results differ between Rust and CPython:" >&2
    echo "  rust:    $rust_check" >&2
    echo "  cpython: $py_check" >&2
    exit 1
fi
echo "results agree: $rust_check"

echo "== summary (medians; criterion for Rust, $(python3 -c 'import sys; print(sys.implementation.name)') for Python)"
python3 - "$target/criterion" "$work/cpython.json" <<'PY'
import json, sys

crit, cpy = sys.argv[1], json.load(open(sys.argv[2]))

def median_s(group, fn):
    with open(f"{crit}/{group}/{fn}/new/estimates.json") as f:
        return json.load(f)["median"]["point_estimate"] * 1e-9

def fmt(s):
    for unit, k in (("s", 1), ("ms", 1e3), ("µs", 1e6)):
        if s * k >= 1:
            return f"{s * k:.3f} {unit}"
    return f"{s * 1e9:.1f} ns"

rows = []
print(f"| {'kernel':14} | {'hand-written Rust':>17} | {'compiled (matx)':>17} | {'CPython':>13} | {'compiled / hand':>15} | {'CPython / compiled':>18} |")
print(f"| {'-' * 14} | {'-' * 16}: | {'-' * 16}: | {'-' * 12}: | {'-' * 14}: | {'-' * 17}: |")
for k in ("fib", "edit_distance", "text2ids"):
    hand, comp, py = median_s(k, "hand_rust"), median_s(k, "compiled"), cpy[k]
    print(f"| {k:14} | {fmt(hand):>17} | {fmt(comp):>17} | {fmt(py):>13} | {comp / hand:>14.2f}x | {py / comp:>17.2f}x |")
PY
