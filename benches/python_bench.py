"""The Python-side benchmarks of issue 3, all systems in one run (medians of several runs).

1. Text2Ids: a 30,000-word vocabulary, one call on a 1,000,000-word Python list, conversion in
   and out included (the result is a Python list): matx (the ``text2ids`` wheel built from
   examples/text2ids), CPython running the same class (examples/text2ids/text2ids.py imported
   as a plain module), and MATXScript 1.8.1 (``matx.script`` of the same class, in its own
   venv and process: benches/python/matxscript_worker.py, with the class's field annotations
   moved into ``__init__`` as its dialect requires); for reference, Text2Ids written by hand
   in PyO3 (benches/python/bare_pyo3), the floor for a binding that converts.
2. Call overhead: ``def f(x: int) -> int: return x + 1`` called 1,000,000 times from a Python
   loop: matx (the ``callbench`` wheel, benches/python/callbench), CPython (callbench.py as a
   plain module), a bare PyO3 function (the ``bare_pyo3`` wheel) and MATXScript.

Run it through benches/python_bench.sh, which builds the wheels into .venv-bench and installs
MATXScript into .venv-matxscript. Options: --runs N (default 7), --matxscript-python PATH
(without it MATXScript is left out), --json PATH (writes every figure).
"""
import argparse
import importlib.util
import json
import os
import platform
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, os.path.join(HERE, "python"))

import bench_common  # noqa: E402
from bench_common import fmt, median_time  # noqa: E402


def load_plain(name, path):
    """The Python file at path, imported as the plain (CPython) module `name`."""
    spec = importlib.util.spec_from_file_location(name, path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def run_matxscript(python, runs):
    """MATXScript's figures (a dict), or a string saying why there are none."""
    worker = os.path.join(HERE, "python", "matxscript_worker.py")
    try:
        # MATXScript writes its generated C++ and .so files into $MATX_DSO_DIR (default ./dso):
        # keep them under target/, out of the working tree.
        dso = os.environ.get("MATX_DSO_DIR") or os.path.join(ROOT, "target", "matxscript-dso")
        os.makedirs(dso, exist_ok=True)
        env = dict(os.environ, MATX_DSO_DIR=dso)
        proc = subprocess.run([python, worker, str(runs)], capture_output=True, text=True, timeout=1800,
                              cwd=dso, env=env)
    except (OSError, subprocess.TimeoutExpired) as e:
        return f"could not run {python}: {e}"
    if proc.returncode != 0:
        return f"worker failed (exit {proc.returncode}): " + proc.stderr.strip()[-2000:]
    return json.loads(proc.stdout.strip().splitlines()[-1])


def ratio(a, b):
    return "n/a" if a is None or b is None else f"{a / b:.2f}×"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--matxscript-python")
    ap.add_argument("--json")
    args = ap.parse_args()

    import bare_pyo3
    import callbench
    import text2ids

    py_t2i = load_plain("text2ids_cpython", os.path.join(ROOT, "examples", "text2ids", "text2ids.py"))
    py_cb = load_plain("callbench_cpython", os.path.join(HERE, "python", "callbench", "callbench.py"))
    res = {
        "python": platform.python_version(),
        "runs": args.runs,
        "words": bench_common.INPUT_WORDS,
        "vocab": bench_common.VOCAB_SIZE,
        "calls": bench_common.CALLS,
    }

    # MATXScript first (its own process), so its g++ compile does not overlap our timings.
    if args.matxscript_python:
        print(f"-- MATXScript ({args.matxscript_python}) ...", flush=True)
        mtx = run_matxscript(args.matxscript_python, args.runs)
    else:
        mtx = "not requested (no --matxscript-python)"
    if isinstance(mtx, str):
        print(f"MATXScript left out: {mtx}")
        res["matxscript_error"] = mtx
        mtx = None
    else:
        res["matxscript"] = mtx

    # Text2Ids.
    vocab, words = bench_common.text2ids_inputs()
    t_matx, t_py = text2ids.Text2Ids(vocab), py_t2i.Text2Ids(vocab)
    expect = t_py(words)
    got = t_matx(words)
    assert type(got) is list and got == expect, "matx and CPython disagree on Text2Ids"
    t_pyo3 = bare_pyo3.Text2Ids(vocab)
    assert t_pyo3(words) == expect and t_pyo3.call_borrowed(words) == expect, "bare PyO3 Text2Ids disagrees"
    check = bench_common.checksum(expect)
    if mtx is not None and mtx["checksum"] != check:
        raise SystemExit(f"MATXScript disagrees on Text2Ids: {mtx['checksum']} != {check}")
    print(f"-- Text2Ids: same ids from every system ({check}); timing ...", flush=True)
    tm = {
        "matx": median_time(lambda: t_matx(words), args.runs),
        "cpython": median_time(lambda: t_py(words), args.runs),
        "bare_pyo3": median_time(lambda: t_pyo3(words), args.runs),
        "bare_pyo3_borrowed": median_time(lambda: t_pyo3.call_borrowed(words), args.runs),
        "matxscript": mtx and mtx["text2ids"],
        "matxscript_native_result": mtx and mtx["text2ids_native_result"],
        # Where matx's time goes: the List[str] argument alone (callbench.count_words returns
        # len(words)), the List[int] result alone (callbench.make_ids(n) builds 1M ids natively,
        # a few ms, and converts them); the rest is the compiled body (the dict lookups).
        "matx_in_list_str": median_time(lambda: callbench.count_words(words), args.runs),
        "matx_out_list_int": median_time(lambda: callbench.make_ids(len(words)), args.runs),
    }
    res["text2ids"] = tm

    # Raw text to ids (issue 17): the same words as one str and as 10,000 sentences, split and
    # looked up inside the call; ids out as a list and as an NDArray.
    sentences = [" ".join(words[i:i + len(words) // 10_000]) for i in range(0, len(words), len(words) // 10_000)]
    text = " ".join(sentences)
    x_matx, x_py = callbench.TextIds(vocab), py_cb.TextIds(vocab)
    for name in ("text", "sentences"):
        arg = text if name == "text" else sentences
        got, want = getattr(x_matx, name)(arg), getattr(x_py, name)(arg)
        assert type(got) is list and got == want and len(got) == len(expect), f"TextIds.{name}: matx and CPython disagree"
        got_a, want_a = getattr(x_matx, name + "_array")(arg), getattr(x_py, name + "_array")(arg)
        assert got_a.tolist() == want_a.tolist() == want, f"TextIds.{name}_array: matx and CPython disagree"
    print(f"-- raw text to ids: same ids from matx and CPython ({len(sentences):,} sentences); timing ...", flush=True)
    tx = {}
    for name in ("text", "sentences", "text_array", "sentences_array"):
        arg = sentences if name.startswith("sentences") else text
        tx["matx_" + name] = median_time(lambda: getattr(x_matx, name)(arg), args.runs)
        tx["cpython_" + name] = median_time(lambda: getattr(x_py, name)(arg), args.runs)
    res["text_ids"] = tx

    # Call overhead.
    assert callbench.f(41) == py_cb.f(41) == bare_pyo3.f(41) == 42
    print("-- call overhead: timing ...", flush=True)
    co = {
        "matx": median_time(bench_common.call_loop(callbench.f), args.runs),
        "cpython": median_time(bench_common.call_loop(py_cb.f), args.runs),
        "bare_pyo3": median_time(bench_common.call_loop(bare_pyo3.f), args.runs),
        "matxscript": mtx and mtx["call"],
        "empty_loop": median_time(bench_common.empty_loop(), args.runs),
    }
    res["call"] = co

    med = {k: (v["median"] if v else None) for k, v in tm.items()}
    print()
    print(f"Text2Ids: {res['vocab']:,}-word vocabulary, one call on a {res['words']:,}-word list, "
          f"conversion in and out included (median of {args.runs})")
    print()
    print("| system | time | per word | matx speed-up |")
    print("| --- | ---: | ---: | ---: |")
    rows = [("matx (compiled wheel)", "matx"), ("CPython (same class)", "cpython"),
            ("bare PyO3 by hand, `to_cow` per word (abi3-py39, as matx-py)", "bare_pyo3"),
            ("bare PyO3 by hand, borrowed UTF-8 (`PyUnicode_AsUTF8AndSize`)", "bare_pyo3_borrowed"),
            ("MATXScript 1.8.1, result as a Python list", "matxscript"),
            ("MATXScript 1.8.1, result as its matx.List", "matxscript_native_result")]
    for label, k in rows:
        s = med[k]
        per = "n/a" if s is None else fmt(s / res["words"])
        print(f"| {label} | {fmt(s)} | {per} | {ratio(s, med['matx'])} |")
    print()
    conv_in, conv_out = med["matx_in_list_str"], med["matx_out_list_int"]
    body = med["matx"] - conv_in - conv_out
    print(f"matx's {fmt(med['matx'])}: List[str] argument in {fmt(conv_in)} ({conv_in / med['matx']:.0%}), "
          f"List[int] result out {fmt(conv_out)} ({conv_out / med['matx']:.0%}), "
          f"the rest (compiled body) {fmt(body)} ({body / med['matx']:.0%})")

    print()
    print(f"Raw text to ids: the same {res['words']:,} words as one str and as {len(sentences):,} sentences, "
          f"split and looked up inside the call (median of {args.runs})")
    print()
    print("| input → output | matx | CPython (same class) | per word, matx | CPython / matx |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for name, label in [("text", "one str → list"), ("sentences", "10,000 sentences → list"),
                        ("text_array", "one str → NDArray"), ("sentences_array", "10,000 sentences → NDArray")]:
        m, p = tx["matx_" + name]["median"], tx["cpython_" + name]["median"]
        print(f"| {label} | {fmt(m)} | {fmt(p)} | {fmt(m / res['words'])} | {ratio(p, m)} |")

    cm = {k: (v["median"] if v else None) for k, v in co.items()}
    loop = cm["empty_loop"]
    print()
    print(f"Call overhead: f(x) = x + 1 called {res['calls']:,} times from a Python for loop "
          f"(median of {args.runs}); net = minus the empty loop ({fmt(loop)})")
    print()
    print("| system | loop time | per call | net per call | matx / system (per call) | matx / system (net) |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for label, k in [("matx (compiled wheel)", "matx"), ("bare PyO3 #[pyfunction]", "bare_pyo3"),
                     ("CPython", "cpython"), ("MATXScript 1.8.1", "matxscript")]:
        s = cm[k]
        net = None if s is None else s - loop
        mnet = cm["matx"] - loop
        print(f"| {label} | {fmt(s)} | {fmt(s and s / res['calls'])} | {fmt(net and net / res['calls'])} "
              f"| {ratio(cm['matx'], s)} | {ratio(mnet, net)} |")

    print()
    print("Targets (issue 3):")
    print(f"  Text2Ids >= 10x CPython: CPython / matx = {ratio(med['cpython'], med['matx'])} -> "
          f"{'met' if med['cpython'] / med['matx'] >= 10 else 'NOT met'}")
    worst = min(tx["cpython_" + n]["median"] / tx["matx_" + n]["median"] for n in ("text", "sentences", "text_array", "sentences_array"))
    print(f"  raw text to ids >= 5x CPython (issue 17): worst CPython / matx = {worst:.2f}× -> {'met' if worst >= 5 else 'NOT met'}")
    net_ratio = (cm["matx"] - loop) / (cm["bare_pyo3"] - loop)
    print(f"  call within 1.5x of bare PyO3: matx / PyO3 = {ratio(cm['matx'], cm['bare_pyo3'])} per call, "
          f"{net_ratio:.2f}× net of the loop -> {'met' if net_ratio <= 1.5 else 'NOT met'}")
    if args.json:
        with open(args.json, "w") as out:
            json.dump(res, out, indent=1)


if __name__ == "__main__":
    main()
