"""The MATXScript 1.8.1 side of benches/pipeline_bench.py, run with the MATXScript venv's python: the same Text2Ids pipeline (tokenize, then Text2Ids over a 30,000-word vocabulary) traced, saved, loaded with ``matx.load`` and run. Prints one JSON object.

Usage: python matxscript_pipeline_worker.py DIR LONG_TEXT_FILE RUNS
"""
import json
import os
import sys
import time
from typing import List

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import bench_common  # noqa: E402


def tokenize(text: str) -> List[str]:
    return text.split()


def main():
    directory, long_file, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
    stdout = sys.stdout
    sys.stdout = sys.stderr  # keep MATXScript's prints out of the JSON
    import matx  # MATXScript's package

    import matxscript_text2ids

    vocab, _ = bench_common.text2ids_inputs()
    Text2Ids = matx.script(matxscript_text2ids.Text2Ids)
    tok = matx.script(tokenize)
    t = Text2Ids(vocab)
    mod = matx.trace(lambda texts: t(tok(texts)), "hello world")
    mod.save(directory)
    t0 = time.perf_counter()
    loaded = matx.load(directory, "cpu")
    out = {"version": matx.__version__, "load_s": time.perf_counter() - t0}
    long_text = open(long_file, encoding="utf-8").read()
    feed_short = {"texts": "hello world unknown"}
    feed_long = {"texts": long_text}
    ids = loaded.run(feed_long)
    out["checksum"] = bench_common.checksum(list(ids))
    batch = 20_000

    def short_batch():
        for _ in range(batch):
            loaded.run(feed_short)

    out["run_3_words_s"] = bench_common.median_time(short_batch, runs)["median"] / batch
    out["run_long_s"] = bench_common.median_time(lambda: loaded.run(feed_long), runs)["median"]
    json.dump(out, stdout)
    stdout.write("\n")


if __name__ == "__main__":
    main()
