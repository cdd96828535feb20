"""The MATXScript 1.8.1 side of benches/script_bench.py, run with the MATXScript venv's python: times ``matx.script`` of the same Text2Ids class once, in this process, with the generated code going to ``$MATX_DSO_DIR``. Prints one JSON object.

Usage: python matxscript_script_worker.py   (cold: an empty MATX_DSO_DIR; cached: one already filled)
"""
import json
import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)


def main():
    stdout = sys.stdout
    sys.stdout = sys.stderr  # keep MATXScript's prints out of the JSON
    t0 = time.perf_counter()
    import matx  # MATXScript's package

    import matxscript_text2ids

    t1 = time.perf_counter()
    cls = matx.script(matxscript_text2ids.Text2Ids)
    t2 = time.perf_counter()
    t = cls(["hello", "world", "[UNK]"])
    assert list(t(["hello", "world", "unknown"])) == [0, 1, 2]
    json.dump({"call": t2 - t1, "import": t1 - t0}, stdout)
    stdout.write("\n")


if __name__ == "__main__":
    main()
