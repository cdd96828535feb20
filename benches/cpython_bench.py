"""Times the kernels of scripts/bench.py under CPython on the inputs compiler.rs uses.

The inputs come from benches/bench_inputs.py, the same LCG as matx_bench (benches/src), so
every system sees identical data. Prints a CHECK line (compared by run.sh with the Rust
one) and one line per kernel; ``--json PATH`` also writes the medians.
"""
import json
import os
import statistics
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path[:0] = [HERE, os.path.join(HERE, "scripts")]
import bench  # noqa: E402
import bench_inputs as bi  # noqa: E402


def measure(f, min_time=1.0, max_runs=20):
    """Median seconds of one call of f, over at least 3 runs and about min_time seconds."""
    f()  # warm-up
    times = []
    start = time.perf_counter()
    while len(times) < max_runs and (len(times) < 3 or time.perf_counter() - start < min_time):
        t0 = time.perf_counter()
        f()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), len(times)


def main():
    if "--reps" in sys.argv:
        # For callgrind.sh: only call the chosen kernel MATX_BENCH_REPS times.
        only = os.environ.get("MATX_BENCH_ONLY", "")
        d = bi.load_all(t2i=only == "text2ids")
        ks = bi.calls(vars(bench), d, bench.Text2Ids(d["t2i_vocab"]))
        for name, f in ks:
            if name == only:
                for _ in range(int(os.environ.get("MATX_BENCH_REPS", "1"))):
                    f()
        return
    d = bi.load_all()
    t2i = bench.Text2Ids(d["t2i_vocab"])
    ks = bi.calls(vars(bench), d, t2i)
    only = [k for k in os.environ.get("MATX_BENCH_ONLY", "").split(",") if k]
    print("CHECK " + " ".join(f"{name}={bi.checksum(f())}" for name, f in ks))
    results = {}
    for name, f in ks:
        if only and name not in only:
            continue
        secs, runs = measure(f)
        results[name] = secs
        print(f"cpython {name:14} median {secs * 1e3:10.3f} ms over {runs} runs", flush=True)
    if len(sys.argv) == 3 and sys.argv[1] == "--json":
        with open(sys.argv[2], "w") as out:
            json.dump(results, out, indent=1)


if __name__ == "__main__":
    main()
