"""The MATXScript 1.8.1 side of benches/run.sh: each kernel of benches/scripts/bench.py
compiled by ``matx.script`` (where it compiles) and timed on the same inputs.

Run with the MATXScript venv's python (its package is also called ``matx``); prints one JSON
object on stdout: per kernel the median seconds and the result's checksum, or the reason it
did not compile or run. The inputs are converted to MATXScript's own containers once, before
timing (as compiler.rs builds matx values before timing), where MATXScript accepts them.
Usage: python matxscript_kernels.py [--only k1,k2]
"""
import json
import os
import statistics
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path[:0] = [HERE, os.path.join(HERE, ".."), os.path.join(HERE, "..", "scripts")]

import bench  # noqa: E402
import bench_inputs as bi  # noqa: E402


def measure(f, min_time=1.0, max_runs=20):
    f()
    times = []
    start = time.perf_counter()
    while len(times) < max_runs and (len(times) < 3 or time.perf_counter() - start < min_time):
        t0 = time.perf_counter()
        f()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def to_py(v):
    """A MATXScript result as plain Python values (for the checksum)."""
    name = type(v).__name__
    if name in ("List", "Tuple") or isinstance(v, (list, tuple)):
        return [to_py(x) for x in v]
    if name == "Dict" or isinstance(v, dict):
        return {to_py(k): to_py(x) for k, x in v.items()}
    return v


def main():
    only = []
    if len(sys.argv) == 3 and sys.argv[1] == "--only":
        only = [k for k in sys.argv[2].split(",") if k]
    stdout = sys.stdout
    sys.stdout = sys.stderr  # keep MATXScript's prints out of the JSON
    import matx  # MATXScript's package

    import matxscript_bench_variants as variants

    d = bi.load_all()
    native = dict(d)
    for key in ("t2i_words", "sentences", "words", "seqs", "xs", "records"):
        try:
            native[key] = matx.List(d[key])
        except Exception as e:  # noqa: BLE001 - keep the Python value, say why
            print(f"matx.List({key}) failed: {e}", file=sys.stderr)
    try:
        native["wp_vocab"] = matx.Dict(d["wp_vocab"])
    except Exception as e:  # noqa: BLE001
        print(f"matx.Dict(wp_vocab) failed: {e}", file=sys.stderr)

    out = {"version": matx.__version__, "kernels": {}, "variants": []}
    scripted = {}
    for name in bi.KERNELS:
        if only and name not in only:
            continue
        try:
            if name == "text2ids":
                cls = matx.script(variants.Text2Ids)
                scripted["t2i"] = cls(d["t2i_vocab"])
            else:
                scripted[name] = matx.script(getattr(variants, name, None) or getattr(bench, name))
                if hasattr(variants, name):
                    out["variants"].append(name)
        except Exception as e:  # noqa: BLE001 - a kernel MATXScript cannot compile
            msg = str(e).strip().splitlines()
            out["kernels"][name] = {"error": (msg[-1] if msg else type(e).__name__)[:300]}
    for name, f in bi.calls(scripted, native, scripted.get("t2i")):
        try:
            check = bi.checksum(to_py(f()))
            out["kernels"][name] = {"seconds": measure(f), "checksum": check}
        except Exception as e:  # noqa: BLE001 - compiled but failed at run time
            msg = str(e).strip().splitlines()
            out["kernels"][name] = {"error": "run: " + (msg[-1] if msg else type(e).__name__)[:300]}
    json.dump(out, stdout)
    stdout.write("\n")


if __name__ == "__main__":
    main()
