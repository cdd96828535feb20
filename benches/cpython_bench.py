"""Times the kernels of scripts/bench.py under CPython on the inputs compiler.rs uses.

The inputs come from the same 64-bit LCG as matx_bench (benches/src/lib.rs), so both
languages see identical strings and word lists. Prints a CHECK line (compared by run.sh
with the Rust one) and one line per kernel; ``--json PATH`` also writes the medians.
"""
import json
import os
import statistics
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "scripts"))
import bench  # noqa: E402

MASK = (1 << 64) - 1
STRING_SEED = 42
WORDS_SEED = 7
STRING_LEN = 100
VOCAB_SIZE = 30_000
INPUT_WORDS = 1_000_000
FIB_N = 30
ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789 \u00e9\u00fc\u00df\u00e7\u00f1\u4e2d\u6587\u03b1"


class Lcg:
    """Knuth's MMIX LCG; each draw is the top 31 bits of the 64-bit state."""

    def __init__(self, seed):
        self.state = seed

    def next_u31(self):
        self.state = (self.state * 6364136223846793005 + 1442695040888963407) & MASK
        return self.state >> 33

    def below(self, n):
        return self.next_u31() % n


def edit_strings():
    rng = Lcg(STRING_SEED)
    n = len(ALPHABET)
    a = [ALPHABET[rng.below(n)] for _ in range(STRING_LEN)]
    b = [ALPHABET[rng.below(n)] if rng.below(10) < 3 else c for c in a]
    return "".join(a), "".join(b)


def text2ids_words():
    rng = Lcg(WORDS_SEED)
    vocab = []
    for i in range(VOCAB_SIZE):
        length = 3 + rng.below(6)
        vocab.append("".join(chr(ord("a") + rng.below(26)) for _ in range(length)) + str(i))
    words = []
    for _ in range(INPUT_WORDS):
        if rng.below(10) == 0:
            words.append("zz" + str(rng.below(1_000_000)))
        else:
            words.append(vocab[rng.below(VOCAB_SIZE)])
    return vocab, words


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
    a, b = edit_strings()
    vocab, words = text2ids_words()
    t = bench.Text2Ids(vocab)
    ids = t(words)
    fib = bench.fib(FIB_N)
    ed = bench.edit_distance(a, b)
    unk = len(vocab)
    print(
        f"CHECK fib={fib} edit_distance={ed} ids_len={len(ids)} ids_sum={sum(ids)} "
        f"unknown={sum(1 for x in ids if x == unk)}"
    )
    results = {}
    for name, f in [
        ("fib", lambda: bench.fib(FIB_N)),
        ("edit_distance", lambda: bench.edit_distance(a, b)),
        ("text2ids", lambda: t(words)),
    ]:
        secs, runs = measure(f)
        results[name] = secs
        print(f"cpython {name:14} median {secs * 1e3:10.3f} ms over {runs} runs")
    if len(sys.argv) == 3 and sys.argv[1] == "--json":
        with open(sys.argv[2], "w") as out:
            json.dump(results, out, indent=1)


if __name__ == "__main__":
    main()
