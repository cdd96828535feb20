#!/usr/bin/env bash
# Instruction counts of each kernel, compiled vs hand-written Rust (valgrind's callgrind:
# independent of the machine's load, unlike wall time), and of CPython running the same
# script (the difference between a process calling the kernel 3 times and once, halved).
# Usage: benches/callgrind.sh [kernel ...] (default: every kernel but text2ids).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v valgrind >/dev/null || { echo "callgrind.sh needs valgrind (apt-get install valgrind)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
kernels=("$@")
[ ${#kernels[@]} -gt 0 ] || kernels=(fib edit_distance normalize basic_tokenize char_ngrams pad_truncate wordpiece json_walk sort_key histogram moving_average)
bin=$(cargo bench -p matx-bench --bench compiler --no-run --message-format=json 2>/dev/null \
  | python3 -c 'import json,sys
for l in sys.stdin:
    m = json.loads(l)
    if m.get("reason") == "compiler-artifact" and m["target"]["name"] == "compiler" and m.get("executable"):
        print(m["executable"])')
py_bin=$(python3 -c 'import sys; print(sys.executable)')
echo "commit: $(git rev-parse --short HEAD)$(git diff --quiet || echo ' (+ working tree changes)')"
printf '| %s | %s | %s | %s | %s | %s |\n' kernel "hand Rust (Ir)" "compiled (Ir)" "CPython (Ir)" "compiled / hand" "CPython / compiled"
printf '| --- | ---: | ---: | ---: | ---: | ---: |\n'
for k in "${kernels[@]}"; do
  (cd benches && MATX_BENCH_CALLGRIND="$k" valgrind --tool=callgrind --callgrind-out-file="$work/$k.out" \
     --toggle-collect='*measured_compiled*' --toggle-collect='*measured_hand*' "$bin" --bench >/dev/null 2>"$work/$k.log")
  counts=$(callgrind_annotate --inclusive=yes "$work/$k.out" 2>/dev/null | grep -E 'measured_(compiled|hand)' )
  comp=$(echo "$counts" | grep measured_compiled | head -1 | awk '{gsub(",","",$1); print $1}')
  hand=$(echo "$counts" | grep measured_hand | head -1 | awk '{gsub(",","",$1); print $1}')
  py=""
  if [ "${SKIP_CPYTHON:-0}" != 1 ]; then
    for reps in 1 3; do
      MATX_BENCH_ONLY="$k" MATX_BENCH_REPS=$reps valgrind --tool=callgrind --callgrind-out-file="$work/py$reps.out" \
        "$py_bin" benches/cpython_bench.py --reps >/dev/null 2>"$work/py.log"
    done
    t1=$(grep -m1 -E '^(summary|totals):' "$work/py1.out" | awk '{print $2}')
    t3=$(grep -m1 -E '^(summary|totals):' "$work/py3.out" | awk '{print $2}')
    py=$(( (t3 - t1) / 2 ))
  fi
  python3 - "$k" "$hand" "$comp" "$py" <<'PY'
import sys
k, hand, comp, py = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
f = lambda n: f"{n / 1e6:.2f} M"
row = [k, f(hand), f(comp), f(int(py)) if py else "—", f"{comp / hand:.2f}×", f"{int(py) / comp:.2f}×" if py else "—"]
print("| " + " | ".join(row) + " |", flush=True)
PY
done
