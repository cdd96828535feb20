"""The MATXScript 1.8.1 side of benches/python_bench.py, run with the MATXScript venv's python.

MATXScript's package is also called ``matx``, so it runs in its own process; it prints one JSON
object on stdout (its own messages go to stderr). ``matx.script`` compiles with g++ on first use
(cached under ~/.matxscript afterwards): the first compile time is reported too.
Usage: python matxscript_worker.py RUNS
"""
import json
import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "callbench"))

import bench_common  # noqa: E402


def main():
    runs = int(sys.argv[1])
    stdout = sys.stdout
    sys.stdout = sys.stderr  # keep MATXScript's prints out of the JSON
    import matx  # MATXScript's package

    import callbench  # the plain module: callbench.py
    import matxscript_text2ids

    out = {"version": matx.__version__}
    t0 = time.perf_counter()
    Text2Ids = matx.script(matxscript_text2ids.Text2Ids)
    f = matx.script(callbench.f)
    out["script_seconds"] = time.perf_counter() - t0

    vocab, words = bench_common.text2ids_inputs()
    t = Text2Ids(vocab)
    ids = t(words)
    out["result_type"] = type(ids).__module__ + "." + type(ids).__qualname__
    out["checksum"] = bench_common.checksum(list(ids))
    del ids
    # As matx and CPython return it: a Python list.
    out["text2ids"] = bench_common.median_time(lambda: list(t(words)), runs)
    # Its own result type, matx.List (the ids stay native).
    out["text2ids_native_result"] = bench_common.median_time(lambda: t(words), runs)
    assert f(41) == 42
    out["call"] = bench_common.median_time(bench_common.call_loop(f), runs)
    out["empty_loop"] = bench_common.median_time(bench_common.empty_loop(), runs)
    json.dump(out, stdout)
    stdout.write("\n")


if __name__ == "__main__":
    main()
