"""Shared by python_bench.py and the MATXScript worker: deterministic inputs and timing.

Every process builds the same inputs from ``random.Random(42)``: a 30,000-word vocabulary of
distinct lowercase words, and 1,000,000 input words (split from one text) of which ~10% are
not in it.
"""
import random
import statistics
import time

SEED = 42
VOCAB_SIZE = 30_000
INPUT_WORDS = 1_000_000
CALLS = 1_000_000


def text2ids_inputs(vocab_size=VOCAB_SIZE, n_words=INPUT_WORDS, seed=SEED):
    """(vocab, words): the same lists in every process for the same arguments."""
    rng = random.Random(seed)
    letters = "abcdefghijklmnopqrstuvwxyz"
    vocab = ["".join(rng.choice(letters) for _ in range(rng.randint(3, 8))) + str(i) for i in range(vocab_size)]
    words = [
        "zz" + str(rng.randrange(1_000_000)) if rng.random() < 0.1 else vocab[rng.randrange(vocab_size)]
        for _ in range(n_words)
    ]
    # Fresh str objects, as `text.split()` gives them: not the vocabulary's own objects, which
    # CPython's dict would match by identity without comparing the text.
    return vocab, " ".join(words).split()


def checksum(ids):
    """A short fingerprint of an id list, to compare results across processes."""
    return {"len": len(ids), "sum": sum(ids), "xor": _xor(ids)}


def _xor(ids):
    acc = 0
    for i, x in enumerate(ids):
        acc ^= (x * 1_000_003 + i) & 0xFFFFFFFF
    return acc


def fmt(s):
    """Seconds (or None) for a table: s, ms or µs with three decimals, else ns."""
    if s is None:
        return "n/a"
    for unit, k in (("s", 1), ("ms", 1e3), ("µs", 1e6)):
        if s * k >= 1:
            return f"{s * k:.3f} {unit}"
    return f"{s * 1e9:.1f} ns"


def median_time(fn, runs):
    """Median and minimum seconds of ``fn()`` over ``runs`` runs, after one warm-up run."""
    fn()
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return {"median": statistics.median(times), "min": min(times), "runs": runs}


def call_loop(f, n=CALLS):
    """A function calling ``f(i)`` for i in range(n): the call-overhead benchmark."""

    def run():
        for i in range(n):
            f(i)

    return run


def empty_loop(n=CALLS):
    """The same loop without the call: the part of ``call_loop`` no binding can remove."""

    def run():
        for i in range(n):
            pass

    return run
