"""The pipeline benchmark of issue 4, all systems in one run: the per-run time of the loaded Text2Ids pipeline (tokenize a text, then Text2Ids over a 30,000-word vocabulary) on a 3-word text and on a 1,000,000-word text, from a Python host and a Rust host, against MATXScript 1.8.1's ``matx.load`` of the same pipeline.

Run it through ``benches/python_bench.sh --pipelines``, which builds the release wheels and the
Rust host (``pipeline_bench`` of examples/text2ids). Options: --runs N, --matxscript-python PATH,
--rust-host PATH, --json PATH.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, os.path.join(HERE, "python"))

import bench_common  # noqa: E402
from bench_common import fmt, median_time  # noqa: E402


def run_json(cmd, what):
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=1800)
    except (OSError, subprocess.TimeoutExpired) as e:
        return f"{what}: {e}"
    if proc.returncode != 0:
        return f"{what} failed (exit {proc.returncode}): " + proc.stderr.strip()[-2000:]
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--matxscript-python")
    ap.add_argument("--rust-host")
    ap.add_argument("--json")
    args = ap.parse_args()

    import matx
    import text2ids

    vocab, words = bench_common.text2ids_inputs()
    long_text = " ".join(words)
    work = tempfile.mkdtemp(prefix="matx-pipeline-bench-")
    long_file = os.path.join(work, "long.txt")
    with open(long_file, "w", encoding="utf-8") as f:
        f.write(long_text)

    t = text2ids.Text2Ids(vocab)
    mod = matx.trace(lambda texts: t(text2ids.tokenize(texts)), "hello world")
    saved = os.path.join(work, "matx")
    mod.save(saved)
    loaded = matx.load(saved)
    ids = loaded.run({"texts": long_text})
    results = {"checksum": bench_common.checksum(ids)}
    batch = 20_000
    feed_short = {"texts": "hello world unknown"}
    feed_long = {"texts": long_text}

    def short_batch():
        for _ in range(batch):
            loaded.run(feed_short)

    results["python"] = {
        "run_3_words_s": median_time(short_batch, args.runs)["median"] / batch,
        "run_long_s": median_time(lambda: loaded.run(feed_long), args.runs)["median"],
    }
    if args.rust_host:
        results["rust"] = run_json([args.rust_host, saved, long_file, str(args.runs)], "rust host")
    if args.matxscript_python:
        worker = os.path.join(HERE, "python", "matxscript_pipeline_worker.py")
        dso = os.environ.get("MATX_DSO_DIR") or os.path.join(ROOT, "target", "matxscript-dso")
        os.makedirs(dso, exist_ok=True)
        os.environ["MATX_DSO_DIR"] = dso
        results["matxscript"] = run_json(
            [args.matxscript_python, worker, os.path.join(work, "matxscript"), long_file, str(args.runs)],
            "MATXScript worker",
        )
        m = results["matxscript"]
        if isinstance(m, dict) and m.get("checksum") != results["checksum"]:
            results["matxscript_mismatch"] = True

    print(f"\nText2Ids pipeline, loaded from a directory (median of {args.runs}):\n")
    print("| host | 3-word run | 1M-word run |")
    print("| --- | ---: | ---: |")
    for key, label in (("python", "matx, Python host (`matx.load`)"), ("rust", "matx, Rust host (`Session::load`)"),
                       ("matxscript", "MATXScript 1.8.1, Python host (`matx.load`)")):
        r = results.get(key)
        if isinstance(r, dict):
            print(f"| {label} | {fmt(r['run_3_words_s'])} | {fmt(r['run_long_s'])} |")
        elif r is not None:
            print(f"| {label} | {r} | |")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(results, f, indent=1)


if __name__ == "__main__":
    main()
