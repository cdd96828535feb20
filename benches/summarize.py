"""The table of benches/run.sh: per kernel the medians (over runs) of hand-written Rust,
compiled matx, CPython and MATXScript 1.8.1, their ratios, and the geometric means.

Usage: python3 summarize.py WORKDIR RUNS CHECKLINE (run.sh calls it).
"""
import json
import math
import os
import statistics
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench_inputs as bi  # noqa: E402


def fmt(s):
    for unit, k in (("s", 1), ("ms", 1e3), ("µs", 1e6)):
        if s * k >= 1:
            return f"{s * k:.3f} {unit}"
    return f"{s * 1e9:.1f} ns"


def geomean(xs):
    return math.exp(sum(math.log(x) for x in xs) / len(xs)) if xs else float("nan")


def main():
    work, runs, check = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    expected = dict(kv.split("=") for kv in check.split()[1:])
    cells = {}
    notes = {}
    for r in range(1, runs + 1):
        d = os.path.join(work, f"run{r}")
        cpy = json.load(open(os.path.join(d, "cpython.json")))
        mxs_path = os.path.join(d, "matxscript.json")
        mxs = json.load(open(mxs_path)) if os.path.exists(mxs_path) else None
        for k in bi.KERNELS:
            c = cells.setdefault(k, {"hand": [], "comp": [], "py": [], "mxs": []})
            for side, key in (("hand_rust", "hand"), ("compiled", "comp")):
                p = os.path.join(d, f"{k}.{side}.json")
                if os.path.exists(p):
                    c[key].append(json.load(open(p))["median"]["point_estimate"] * 1e-9)
            if k in cpy:
                c["py"].append(cpy[k])
            if mxs is not None:
                m = mxs["kernels"].get(k)
                if m is None:
                    continue
                if "seconds" in m:
                    if str(m["checksum"]) != expected.get(k):
                        notes[k] = f"MATXScript's result differs ({m['checksum']})"
                    else:
                        c["mxs"].append(m["seconds"])
                        if k in mxs.get("variants", []):
                            notes[k] = "MATXScript: dialect variant (matxscript_bench_variants.py)"
                else:
                    notes[k] = "MATXScript: " + m["error"]
    head = ["kernel", "hand Rust", "compiled", "CPython", "MATXScript 1.8.1", "compiled / hand", "CPython / compiled", "MATXScript / compiled"]
    print("| " + " | ".join(head) + " |")
    print("| --- |" + " ---: |" * (len(head) - 1))
    r_hand, r_py, r_mxs = [], [], []
    for k in bi.KERNELS:
        c = cells[k]
        if not (c["hand"] and c["comp"] and c["py"]):
            continue
        hand, comp, py = (statistics.median(c[x]) for x in ("hand", "comp", "py"))
        mxs = statistics.median(c["mxs"]) if c["mxs"] else None
        r_hand.append(comp / hand)
        r_py.append(py / comp)
        row = [k, fmt(hand), fmt(comp), fmt(py), fmt(mxs) if mxs else "—", f"{comp / hand:.2f}×", f"{py / comp:.2f}×"]
        if mxs:
            r_mxs.append(mxs / comp)
            row.append(f"{mxs / comp:.2f}×")
        else:
            row.append("—")
        print("| " + " | ".join(row) + " |")
    print(f"| **geometric mean** | | | | | **{geomean(r_hand):.2f}×** | **{geomean(r_py):.2f}×** | **{geomean(r_mxs):.2f}×** ({len(r_mxs)} kernels) |")
    for k, n in notes.items():
        print(f"- {k}: {n}")


if __name__ == "__main__":
    main()
