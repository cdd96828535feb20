#!/usr/bin/env python3
"""Generate matx/tests/stdlib_data/<module>.json: standard-library calls with CPython's results.

Each file holds cases the Rust tests (matx/tests/stdlib_*.rs) replay on matx::stdlib; a result
is recorded as its repr(), an exception as [class name, str(e)].  Run with CPython 3.11:

    python3 tools/gen_stdlib_cases.py            # writes every module's file
    python3 tools/gen_stdlib_cases.py random     # one module
"""

import json
import os
import random as _random
import sys

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "matx", "tests", "stdlib_data")


def outcome(f):
    try:
        return {"ok": repr(f())}
    except Exception as e:  # noqa: BLE001 - every exception is data here
        return {"err": [type(e).__name__, str(e)]}


# ---------------------------------------------------------------- random

RANDOM_SEEDS = [
    ("int", 0), ("int", 1), ("int", 42), ("int", -7), ("int", 2**32), ("int", 2**40 + 5),
    ("int", 2**63 - 1), ("int", -2**63), ("int", 123456789),
    ("str", "hello"), ("str", ""), ("str", "ünïcode ✓"), ("str", "x" * 300),
    ("bytes", [97, 98, 99]), ("bytes", []),
    ("float", 1.5), ("float", -2.25), ("float", 0.0), ("float", 1e300),
]

# (method, args): args are JSON values; lists stand for list arguments.
RANDOM_CALLS = [
    ("random", []), ("random", []), ("random", []),
    ("getrandbits", [0]), ("getrandbits", [1]), ("getrandbits", [5]), ("getrandbits", [31]),
    ("getrandbits", [32]), ("getrandbits", [33]), ("getrandbits", [63]), ("getrandbits", [-1]),
    ("randrange", [10]), ("randrange", [3, 100]), ("randrange", [0, 100, 7]),
    ("randrange", [100, 0, -3]), ("randrange", [-50, -10]), ("randrange", [1]),
    ("randrange", [0]), ("randrange", [5, 5]), ("randrange", [0, 10, 0]), ("randrange", [10, 0, 2]),
    ("randrange", [-2**62, 2**62]),
    ("randint", [1, 6]), ("randint", [-5, 5]), ("randint", [5, 1]), ("randint", [7, 7]),
    ("choice", [[10, 20, 30, 40, 50, 60, 70]]), ("choice", [[]]), ("choice_str", ["héllo"]),
    ("shuffle", [list(range(20))]), ("shuffle", [[1]]), ("shuffle", [[]]),
    ("sample", [[3, 1, 4, 1, 5, 9, 2, 6], 3]),
    ("sample_range", [50, 10]), ("sample_range", [1000, 30]),
    ("sample_range", [10, 0]), ("sample_range", [5, 6]), ("sample_range", [5, -1]),
    ("sample_range", [400, 200]),
    ("sample_counts", [["a", "b", "c"], [3, 1, 2], 4]),
    ("sample_counts", [["a", "b"], [0, 0], 1]), ("sample_counts", [["a", "b"], [1], 1]),
    ("uniform", [1.0, 10.0]), ("uniform", [-3.5, 2.0]), ("uniform", [5.0, 5.0]),
    ("triangular", [0.0, 1.0, None]), ("triangular", [1.0, 5.0, 2.0]), ("triangular", [2.0, 2.0, 2.0]),
    ("gauss", [0.0, 1.0]), ("gauss", [0.0, 1.0]), ("gauss", [10.0, 2.5]),
    ("normalvariate", [0.0, 1.0]), ("lognormvariate", [0.0, 0.5]),
    ("expovariate", [1.5]), ("expovariate", [0.0]),
    ("vonmisesvariate", [0.0, 4.0]), ("vonmisesvariate", [1.0, 0.0]),
    ("gammavariate", [0.5, 1.0]), ("gammavariate", [1.0, 2.0]), ("gammavariate", [2.5, 1.0]),
    ("gammavariate", [0.0, 1.0]),
    ("betavariate", [2.0, 3.0]), ("paretovariate", [3.0]), ("weibullvariate", [1.0, 1.5]),
    ("choices", [["a", "b", "c", "d"], None, None, 6]),
    ("choices", [["a", "b", "c"], [10.0, 1.0, 1.0], None, 5]),
    ("choices", [["a", "b", "c"], None, [1.0, 5.0, 6.0], 5]),
    ("choices", [["a", "b", "c"], [1.0, 1.0], None, 1]),
    ("choices", [["a", "b"], [0.0, 0.0], None, 1]),
    ("choices", [["a", "b"], [1.0, 1.0], [1.0, 2.0], 1]),
    ("randbytes", [5]), ("randbytes", [0]), ("randbytes", [9]),
    ("random", []),
]


def random_call(r, name, args):
    if name == "choice_str":
        return r.choice(args[0])
    if name == "shuffle":
        x = list(args[0])
        r.shuffle(x)
        return x
    if name == "sample_range":
        return r.sample(range(args[0]), args[1])
    if name == "sample_counts":
        return r.sample(args[0], args[2], counts=args[1])
    if name == "triangular":
        return r.triangular(*args)
    if name == "choices":
        pop, w, cw, k = args
        return r.choices(pop, w, cum_weights=cw, k=k)
    return getattr(r, name)(*args)


def gen_random():
    scenarios = []
    for kind, value in RANDOM_SEEDS:
        seed = bytes(value) if kind == "bytes" else value
        r = _random.Random(seed)
        calls = []
        for name, args in RANDOM_CALLS:
            res = outcome(lambda: random_call(r, name, args))
            calls.append({"call": name, "args": args, **res})
        scenarios.append({"seed": [kind, value], "calls": calls})
    # A module-level sequence: seed() resets gauss's spare value.
    r = _random.Random(5)
    r.gauss(0.0, 1.0)
    r.seed(5)
    scenarios.append({"seed": ["int", 5], "calls": [{"call": "gauss", "args": [0.0, 1.0], "ok": repr(r.gauss(0.0, 1.0))}]})
    return scenarios


# ---------------------------------------------------------------- heapq, bisect

KEYS = {
    None: None,
    "abs": abs,
    "neg": lambda x: -x,
    "len": len,
    "first": lambda x: x[0],
    "mod3": lambda x: x % 3,
}


def heap_values(seed):
    r = _random.Random(seed)
    kind = seed % 5
    n = r.randrange(0, 30)
    if kind == 0:
        return [r.randrange(-20, 20) for _ in range(n)]
    if kind == 1:
        return [r.choice([0.5, -1.25, 3.0, 2.5, 1e9, -0.0, 0.0]) for _ in range(n)]
    if kind == 2:
        return [r.choice(["b", "a", "ab", "", "zz", "é", "B"]) for _ in range(n)]
    if kind == 3:
        return [[r.randrange(3), r.choice("xyz")] for _ in range(n)]
    return [r.choice([1, 2.0, 3, 1.0, -2, 2]) for _ in range(n)]


def gen_heapq():
    import heapq
    cases = []
    for seed in range(40):
        r = _random.Random(1000 + seed)
        xs = heap_values(seed)
        pool = heap_values(seed + 5) or heap_values(seed)
        heap = list(xs)
        ops = []
        ops.append(("heapify", None, outcome(lambda: heapq.heapify(heap)), repr(heap)))
        for _ in range(25):
            op = r.choice(["heappush", "heappop", "heapreplace", "heappushpop", "heappush"])
            x = r.choice(pool) if pool else 0
            f = getattr(heapq, op)
            res = outcome(lambda: f(heap) if op == "heappop" else f(heap, x))
            ops.append((op, x, res, repr(heap)))
        cases.append({"kind": "heap", "start": xs, "ops": [list(o) for o in ops]})
        keys = {0: [None, "neg", "mod3"], 1: [None, "abs"], 2: [None, "len"], 3: [None, "first"], 4: [None, "mod3"]}[seed % 5]
        for key in keys:
            kf = KEYS[key]
            res = []
            for n in [-1, 0, 1, 2, 5, 40]:
                for fn in ("nsmallest", "nlargest"):
                    res.append([fn, n, outcome(lambda: getattr(heapq, fn)(n, xs, key=kf))])
            cases.append({"kind": "nsmallest", "xs": xs, "key": key, "calls": res})
    # merge of sorted inputs, forward and reverse, with and without a key.
    for seed in range(30):
        r = _random.Random(5000 + seed)
        ins = [sorted(r.randrange(-5, 6) for _ in range(r.randrange(0, 6))) for _ in range(r.randrange(0, 5))]
        for rev in (False, True):
            for key in (None, "abs"):
                srt = [sorted(i, key=KEYS[key], reverse=rev) for i in ins]
                res = outcome(lambda: list(heapq.merge(*srt, key=KEYS[key], reverse=rev)))
                cases.append({"kind": "merge", "ins": srt, "key": key, "reverse": rev, **res})
    # Errors: comparing unorderable items, popping an empty heap.
    for xs, op, x in [([1, 2], "heappush", "a"), ([], "heappop", None), ([], "heapreplace", 1),
                      ([], "heappushpop", 5), ([3], "heappushpop", "a"), (["a", 1], "heapify", None)]:
        heap = list(xs)
        f = getattr(heapq, op)
        res = outcome(lambda: f(heap) if x is None else f(heap, x))
        cases.append({"kind": "heap", "start": xs, "ops": [[op, x, res, repr(heap)]]})
    return cases


def gen_bisect():
    import bisect
    cases = []
    for seed in range(15):
        r = _random.Random(7000 + seed)
        kind = seed % 3
        if kind == 0:
            a = sorted(r.randrange(-10, 10) for _ in range(r.randrange(0, 15)))
            probes = [-11, -2, 0, 5, a[0] if a else 0]
            key = None
        elif kind == 1:
            a = sorted(r.choice(["a", "b", "bb", "c", "é"]) for _ in range(r.randrange(0, 10)))
            probes = ["", "a", "b", "ba", "z"]
            key = None
        else:
            a = sorted((r.randrange(-6, 6) for _ in range(r.randrange(0, 12))), key=abs)
            probes = [0, 1, 3, 5, 9]
            key = "abs"
        calls = []
        for x in probes:
            for lo, hi in [(0, None), (1, None), (0, 2), (2, 1), (-1, None), (0, -1), (3, 100)]:
                for fn in ("bisect_left", "bisect_right", "insort_left", "insort_right"):
                    b = list(a)
                    kf = KEYS[key]
                    def go():
                        if fn.startswith("bisect"):
                            return getattr(bisect, fn)(b, kf(x) if kf else x, lo, hi, key=kf)
                        getattr(bisect, fn)(b, x, lo, hi, key=kf)
                        return b
                    calls.append([fn, x, lo, hi, outcome(go)])
        cases.append({"a": a, "key": key, "calls": calls})
    cases.append({"a": [1, "a"], "key": None,
                  "calls": [["bisect_left", 2, 0, None, outcome(lambda: bisect.bisect_left([1, "a"], 2))]]})
    return cases


# ---------------------------------------------------------------- itertools

FUNCS2 = {
    "add": lambda a, b: a + b,
    "mul": lambda a, b: a * b,
    "max": max,
    "sub": lambda a, b: a - b,
}
PREDS = {
    "lt5": lambda x: x < 5,
    "odd": lambda x: x % 2 == 1,
    "pos": lambda x: x > 0,
}


def itertools_case(name, args):
    import itertools as it
    a = args
    if name == "count":
        return list(it.islice(it.count(a[0], a[1]), a[2]))
    if name == "cycle":
        return list(it.islice(it.cycle(a[0]), a[1]))
    if name == "repeat":
        return list(it.islice(it.repeat(a[0], a[1]) if a[1] is not None else it.repeat(a[0]), 6))
    if name == "accumulate":
        return list(it.accumulate(a[0], FUNCS2[a[1]] if a[1] else None, initial=a[2]))
    if name == "chain":
        return list(it.chain(*a[0]))
    if name == "compress":
        return list(it.compress(a[0], a[1]))
    if name in ("dropwhile", "takewhile", "filterfalse"):
        return list(getattr(it, name)(PREDS[a[0]], a[1]))
    if name == "islice":
        return list(it.islice(a[0], *a[1:]))
    if name == "pairwise":
        return list(it.pairwise(a[0]))
    if name == "zip_longest2":
        return list(it.zip_longest(a[0], a[1]))
    if name == "zip_longest":
        return list(it.zip_longest(*a[0], fillvalue=a[1]))
    if name == "product":
        return list(it.product(*a[0], repeat=a[1]))
    if name == "product2":
        return list(it.product(a[0], a[1]))
    if name == "permutations":
        return list(it.permutations(a[0], a[1]))
    if name == "combinations":
        return list(it.combinations(a[0], a[1]))
    if name == "cwr":
        return list(it.combinations_with_replacement(a[0], a[1]))
    if name == "groupby_lists":
        return [(k, list(g)) for k, g in it.groupby(a[0], key=(lambda x: x % 3) if a[1] else None)]
    if name == "groupby_keys":
        return [k for k, g in it.groupby(a[0])]
    if name == "groupby_stale":
        return [(k, list(g)) for k, g in list(it.groupby(a[0]))]
    if name == "groupby_partial":
        out = []
        for k, g in it.groupby(a[0]):
            out.append((k, next(g)))
        return out
    if name == "tee":
        x, y = it.tee(a[0], 2)
        first = list(it.islice(x, 2))
        return [first, list(y), list(x)]
    raise ValueError(name)


def gen_itertools():
    xs = [1, 4, 6, 4, 1, 7, 2]
    cases = [
        ("count", [3, 2, 5]), ("count", [-2, -3, 4]), ("count", [0, 0, 3]),
        ("cycle", [[1, 2, 3], 8]), ("cycle", [[], 5]), ("cycle", [["a"], 3]),
        ("repeat", ["a", 3]), ("repeat", [1, -1]), ("repeat", [2, None]), ("repeat", [[1], 0]),
        ("accumulate", [[1, 2, 3, 4], None, None]), ("accumulate", [[1, 2, 3, 4], "mul", None]),
        ("accumulate", [[3, 1, 5, 2], "max", None]), ("accumulate", [[1, 2, 3], "sub", 100]),
        ("accumulate", [[], None, 7]), ("accumulate", [[], None, None]), ("accumulate", [["a", "b"], None, None]),
        ("accumulate", [[1.5, 2, 3], None, None]),
        ("chain", [[[1, 2], [], [3], [4, 5]]]), ("chain", [[]]), ("chain", [[[], []]]),
        ("compress", [["A", "B", "C", "D", "E", "F"], [1, 0, 1, 0, 1, 1]]),
        ("compress", [["A", "B", "C"], [0, 1]]), ("compress", [["A"], [1, 1, 1]]),
        ("dropwhile", ["lt5", xs]), ("takewhile", ["lt5", xs]), ("filterfalse", ["odd", xs]),
        ("dropwhile", ["pos", []]), ("takewhile", ["pos", [1, 2]]), ("filterfalse", ["pos", [-1, 0, 2]]),
        ("islice", [list(range(10)), 2, 8, 2]), ("islice", [list(range(10)), 3]),
        ("islice", [list(range(10)), None]), ("islice", [list(range(10)), 5, None]),
        ("islice", [list(range(10)), 8, 3]), ("islice", [list(range(4)), 1, 100, 3]),
        ("islice", [list(range(4)), -1]), ("islice", [list(range(4)), -1, 3]),
        ("islice", [list(range(4)), 1, 3, 0]), ("islice", [list(range(4)), 0, 3, -1]),
        ("islice", [list(range(4)), 0, 0]),
        ("pairwise", [xs]), ("pairwise", [[1]]), ("pairwise", [[]]),
        ("zip_longest2", [[1, 2, 3], ["a"]]), ("zip_longest2", [[], [1]]),
        ("zip_longest", [[[1, 2, 3], [4], [5, 6]], 0]), ("zip_longest", [[], 0]),
        ("product", [[[1, 2], [3, 4]], 1]), ("product", [[[1, 2]], 3]), ("product", [[], 1]),
        ("product", [[[1, 2], []], 1]), ("product", [[[1]], 0]), ("product", [[[1]], -1]),
        ("product2", [[1, 2, 3], ["a", "b"]]),
        ("permutations", [[0, 1, 2, 3], 2]), ("permutations", [["a", "b", "c"], None]),
        ("permutations", [[1, 2], 5]), ("permutations", [[1, 2], 0]), ("permutations", [[1, 2], -1]),
        ("permutations", [[], None]),
        ("combinations", [[0, 1, 2, 3, 4], 3]), ("combinations", [[1, 2], 0]),
        ("combinations", [[1, 2], 7]), ("combinations", [[], 0]), ("combinations", [[1], -2]),
        ("cwr", [["A", "B", "C"], 2]), ("cwr", [[], 0]), ("cwr", [[], 2]), ("cwr", [[1, 2], 3]),
        ("groupby_lists", [[1, 1, 2, 2, 2, 1, 3, 3], False]), ("groupby_lists", [[1, 4, 7, 2, 5, 3, 3], True]),
        ("groupby_lists", [[], False]), ("groupby_keys", [[1, 1, 2, 3, 3, 3, 1]]),
        ("groupby_stale", [[1, 1, 2, 3, 3]]), ("groupby_partial", [[1, 1, 2, 3, 3, 3, 4]]),
        ("tee", [[1, 2, 3, 4]]), ("tee", [[]]),
    ]
    return [{"fn": n, "args": a, **outcome(lambda: itertools_case(n, a))} for n, a in cases]


# ---------------------------------------------------------------- collections

def gen_collections():
    from collections import Counter, OrderedDict, defaultdict, deque
    cases = []
    # deque: random operation sequences, the outcome and the deque after each.
    for seed in range(40):
        r = _random.Random(9000 + seed)
        maxlen = r.choice([None, None, 0, 1, 3, 5])
        start = [r.randrange(5) for _ in range(r.randrange(0, 6))]
        d = deque(start, maxlen)
        ops = []
        for _ in range(30):
            op = r.choice(["append", "appendleft", "pop", "popleft", "extend", "extendleft", "rotate",
                           "getitem", "setitem", "delitem", "insert", "remove", "index", "count",
                           "contains", "reverse", "clear", "len", "copy_append", "concat", "repeat",
                           "lt", "eq", "index_range"])
            x = r.randrange(-1, 6)
            xs = [r.randrange(5) for _ in range(r.randrange(0, 4))]
            i = r.randrange(-7, 7)
            def go():
                if op in ("append", "appendleft", "count", "remove"):
                    return getattr(d, op)(x)
                if op in ("pop", "popleft", "reverse", "clear"):
                    return getattr(d, op)()
                if op in ("extend", "extendleft"):
                    return getattr(d, op)(xs)
                if op == "rotate":
                    return d.rotate(i)
                if op == "getitem":
                    return d[i]
                if op == "setitem":
                    d[i] = x
                    return None
                if op == "delitem":
                    del d[i]
                    return None
                if op == "insert":
                    return d.insert(i, x)
                if op == "index":
                    return d.index(x)
                if op == "index_range":
                    return d.index(x, i, i + 4)
                if op == "contains":
                    return x in d
                if op == "len":
                    return len(d)
                if op == "copy_append":
                    c = d.copy()
                    c.append(x)
                    return c
                if op == "concat":
                    return d + deque(xs)
                if op == "repeat":
                    return d * (i % 3)
                if op == "lt":
                    return d < deque(xs)
                if op == "eq":
                    return d == deque(xs)
                raise ValueError(op)
            ops.append([op, x, xs, i, outcome(go), repr(d)])
        cases.append({"kind": "deque", "start": start, "maxlen": maxlen, "ops": ops})
    # Counter: counting, most_common ties, arithmetic, repr.
    for seed in range(40):
        r = _random.Random(9500 + seed)
        words = [r.choice(["a", "b", "c", "d", "e", "ab"]) for _ in range(r.randrange(0, 15))]
        other = [r.choice(["a", "b", "c", "z"]) for _ in range(r.randrange(0, 8))]
        c = Counter(words)
        o = Counter(other)
        if seed % 4 == 0:
            o["b"] = -2
        res = []
        for name in ["repr", "most_common", "most_common2", "most_common0", "elements", "total",
                     "add", "sub", "or", "and", "pos", "neg", "eq", "le", "lt", "iadd", "isub",
                     "ior", "iand", "update", "subtract", "getmissing", "delmissing", "update_dict"]:
            cc = Counter(words)
            if seed % 3 == 0:
                cc["a"] = 0
            def go():
                if name == "repr": return repr(cc)
                if name == "most_common": return cc.most_common()
                if name == "most_common2": return cc.most_common(2)
                if name == "most_common0": return cc.most_common(-1)
                if name == "elements": return list(cc.elements())
                if name == "total": return cc.total()
                if name == "add": return cc + o
                if name == "sub": return cc - o
                if name == "or": return cc | o
                if name == "and": return cc & o
                if name == "pos": return +cc
                if name == "neg": return -cc
                if name == "eq": return cc == o
                if name == "le": return cc <= o
                if name == "lt": return cc < o
                if name == "iadd":
                    cc2 = cc; cc2 += o; return cc2
                if name == "isub":
                    cc2 = cc; cc2 -= o; return cc2
                if name == "ior":
                    cc2 = cc; cc2 |= o; return cc2
                if name == "iand":
                    cc2 = cc; cc2 &= o; return cc2
                if name == "update":
                    cc.update(other); return cc
                if name == "subtract":
                    cc.subtract(other); return cc
                if name == "getmissing": return (cc["zz"], "zz" in cc)
                if name == "delmissing":
                    del cc["zz"]; return cc
                if name == "update_dict":
                    cc.update(dict(o)); return cc
            res.append([name, outcome(go)])
        cases.append({"kind": "counter", "words": words, "other": other, "neg_b": seed % 4 == 0,
                      "zero_a": seed % 3 == 0, "calls": res})
    # defaultdict and OrderedDict.
    dd = defaultdict(list)
    trace = []
    for k, v in [("a", 1), ("b", 2), ("a", 3)]:
        dd[k].append(v)
    trace.append(repr(dd))
    trace.append(repr(dd["zz"]))
    trace.append(repr(dd))
    trace.append(repr(dd.get("yy")))
    trace.append(repr("yy" in dd))
    di = defaultdict(int)
    for ch in "mississippi":
        di[ch] += 1
    trace.append(repr(di))
    dn = defaultdict(None, {"x": 1})
    trace.append(repr(dn))
    trace.append(outcome(lambda: dn["q"]))
    cases.append({"kind": "defaultdict", "trace": trace})
    od = OrderedDict()
    trace = []
    for k in ["b", "a", "c", "d"]:
        od[k] = len(k) + ord(k)
    trace.append(repr(od))
    od.move_to_end("b")
    trace.append(repr(od))
    od.move_to_end("c", last=False)
    trace.append(repr(od))
    trace.append(outcome(lambda: od.move_to_end("zz")))
    trace.append(repr(od.popitem()))
    trace.append(repr(od.popitem(last=False)))
    trace.append(repr(od))
    trace.append(repr(OrderedDict([("x", 1), ("y", 2)]) == OrderedDict([("y", 2), ("x", 1)])))
    trace.append(repr(OrderedDict([("x", 1), ("y", 2)]) == OrderedDict([("x", 1), ("y", 2)])))
    od.clear()
    trace.append(repr(od))
    trace.append(outcome(lambda: od.popitem()))
    trace.append(outcome(lambda: od.popitem(last=False)))
    cases.append({"kind": "ordereddict", "trace": trace})
    return cases


# ---------------------------------------------------------------- base64

def gen_base64():
    import base64
    cases = []
    r = _random.Random(31337)
    for n in list(range(0, 12)) + [56, 57, 58, 120]:
        for _ in range(3):
            data = bytes(r.randrange(256) for _ in range(n))
            for fn in ["b64encode", "urlsafe_b64encode", "encodebytes", "b32encode", "b32hexencode", "b16encode"]:
                cases.append({"fn": fn, "args": [list(data)], **outcome(lambda: getattr(base64, fn)(data))})
            cases.append({"fn": "b64encode_alt", "args": [list(data), "*!"],
                          **outcome(lambda: base64.b64encode(data, b"*!"))})
    cases.append({"fn": "b64encode_alt", "args": [[1, 2, 3], "*"], **outcome(lambda: base64.b64encode(b"\1\2\3", b"*"))})
    alphabet = "ABCabcxyz019+/=-_ \n!\x80"
    texts = ["", "QQ==", "QUJD", "QUI=", "QQ", "Q", "QQ=", "QQ===", "=QQ", "QQ==QQ", "Q=Q=", "YW Jj\nZA==",
             "YWJj=ZGVm", "a", "ab", "abc", "abcd", "abcde", "====", "A===", "AB=C", "ABC=D", "-_-_", "+/+/",
             "YWJj\x80", "ab!cd", "QUJDRA==\n", "QUJD RA=="]
    for _ in range(150):
        texts.append("".join(r.choice(alphabet) for _ in range(r.randrange(0, 14))))
    for t in texts:
        b = t.encode("latin-1")
        for fn, f in [("b64decode", lambda: base64.b64decode(b)),
                      ("b64decode_validate", lambda: base64.b64decode(b, validate=True)),
                      ("b64decode_alt", lambda: base64.b64decode(b, altchars=b"-_")),
                      ("urlsafe_b64decode", lambda: base64.urlsafe_b64decode(b)),
                      ("decodebytes", lambda: base64.decodebytes(b)),
                      ("b16decode", lambda: base64.b16decode(b)),
                      ("b16decode_fold", lambda: base64.b16decode(b, casefold=True))]:
            cases.append({"fn": fn, "args": [list(b)], **outcome(f)})
    b32 = ["", "ME======", "MFRA====", "MFRGG===", "MFRGGZA=", "MFRGGZDF", "mfrggzdf", "MFRGGZD", "MFRGGZD=",
           "M=======", "MF=RGGZA", "01234567", "ME=====", "MFRGGZDFMY======", "MFRGGZDFMZTWQ2LK", "GEZDGNBV",
           "O1======", "MFRGG==="]
    for _ in range(60):
        b32.append("".join(r.choice("ABCDEFGHMZ234567=abc01") for _ in range(r.choice([0, 8, 8, 16, 7]))))
    for t in b32:
        b = t.encode()
        for fn, f in [("b32decode", lambda: base64.b32decode(b)),
                      ("b32decode_fold", lambda: base64.b32decode(b, casefold=True)),
                      ("b32decode_map01", lambda: base64.b32decode(b, map01=b"L")),
                      ("b32hexdecode", lambda: base64.b32hexdecode(b))]:
            cases.append({"fn": fn, "args": [list(b)], **outcome(f)})
    for t in ["héllo", "QQ=="]:
        cases.append({"fn": "b64decode_str", "args": [t], **outcome(lambda: base64.b64decode(t))})
    return cases


# ---------------------------------------------------------------- json

def tag(v):
    """A Python value as tagged JSON the Rust test rebuilds exactly."""
    if v is None or isinstance(v, bool):
        return v
    if isinstance(v, int):
        return {"i": str(v)}
    if isinstance(v, float):
        return {"f": repr(v)}
    if isinstance(v, str):
        return {"s": v}
    if isinstance(v, bytes):
        return {"b": list(v)}
    if isinstance(v, list):
        return [tag(x) for x in v]
    if isinstance(v, tuple):
        return {"t": [tag(x) for x in v]}
    if isinstance(v, set):
        return {"set": [tag(x) for x in v]}
    if isinstance(v, dict):
        return {"d": [[tag(k), tag(x)] for k, x in v.items()]}
    raise TypeError(type(v))


JSON_VALUES = [
    None, True, False, 0, -7, 2**63 - 1, 1.5, -0.0, 1e16, 1e-7, 0.1 + 0.2, 1e300 * 10, -1e300 * 10,
    float("nan"), "", "plain", "quote\" back\\slash", "ctl\n\t\r\b\f\x00\x1f\x7f", "é ünï ✓ 😀",
    "\u2028\u2029", [], {}, [1, [2, [3, []]]], (1, "a"), (), {"a": 1, "b": [1, 2, {"c": None}]},
    {"z": 1, "a": 2, "m": {"y": [], "b": {}}}, {1: "int", 2.5: "float", True: "bool", None: "none"},
    {float("nan"): 1}, {float("inf"): 1}, {(1, 2): "tuple"}, {"k": {1, 2}}, b"bytes", {1, 2},
    [float("inf"), float("-inf")], {"b": 1, 2: 3}, {"x": [{}], "y": [[]]}, [1.0, 2, "3", None, True],
    {"é": "ü", "😀": ["😀"]}, {False: 0, "": ""},
]

JSON_OPTIONS = [
    {}, {"indent": 2}, {"indent": 0}, {"indent": "\t"}, {"indent": -1}, {"indent": "ab"},
    {"separators": [",", ":"]}, {"indent": 2, "separators": [", ", ": "]}, {"sort_keys": True},
    {"sort_keys": True, "indent": 1}, {"ensure_ascii": False}, {"allow_nan": False},
    {"allow_nan": False, "indent": 2}, {"skipkeys": True}, {"skipkeys": True, "indent": 3},
]


def gen_json():
    import json
    cases = []
    for v in JSON_VALUES:
        for opts in JSON_OPTIONS:
            kw = dict(opts)
            if "separators" in kw:
                kw["separators"] = tuple(kw["separators"])
            cases.append({"kind": "dumps", "value": tag(v), "opts": opts,
                          **outcome(lambda: json.dumps(v, **kw))})
    texts = [
        "", " ", "null", "true", "false", "NaN", "Infinity", "-Infinity", "nul", "tru", "-", "-x", "--1",
        "0", "-0", "00", "01", "1.", "1.5", "-1.5e3", "1e5", "1E+2", "1e-2", "1e", "1e+", "1.e3", ".5",
        "123456789012345678", "-9223372036854775808", "1.7976931348623157e308", "1e400", "-0.0",
        '"a"', '"\\u00e9"', '"\\ud83d\\ude00"', '"\\n\\t\\/\\b\\f\\r\\\"\\\\"', '"\\x"',
        '"\\u12"', '"\\u12g4"', '"\\u1234', '"abc', '"a\nb"', '"a\tb"', '"é😀"', "[]", "[ ]", "[1,2,3]", "[1,]", "[,1]", "[1 2]", "[", "[1",
        "[1,", '[1, "a", [2, {"b": null}]]', "{}", "{ }", '{"a":1}', '{"a" 1}', '{"a":}', '{a:1}',
        '{"a":1,}', '{"a":1 "b":2}', '{"a":1,"a":2,"b":3}', '{"b":1,"a":2}', "{", '{"a"', '{"a":',
        '{"a":1', "1 2", "[1] x", "  [1]  ", "\n\n  [1,\n 2,\n x]", "\ufeff[1]", "[NaN, Infinity]",
        "[-Infinity, -Infinityx]", '{"x": [1, 2, {"y": "z"}], "n": -0.5e-3}', "\t\r\n 7 \t",
        "[1.5e308, 2e308]", "true false", '"\x01"', "[1]]", "{}}", "nulll", "[01]", "[-]",
        '["a" , "b" ]', '{"a" : 1 , "b" : [ ] }', "[1e-400]", "\u00a0[1]", "[1]\u00a0",
    ]
    for t in texts:
        cases.append({"kind": "loads", "text": t, **outcome(lambda: json.loads(t))})
    for b in [b'[1, 2]', b'\xef\xbb\xbf{"a": 1}', '["é"]'.encode("utf-16"), '[1]'.encode("utf-16-le"),
              '[2]'.encode("utf-16-be"), '[3]'.encode("utf-32"), '{"b": 4}'.encode("utf-32-le"),
              b'"\xc3\xa9"', b'[1', b'']:
        cases.append({"kind": "loads_bytes", "bytes": list(b), **outcome(lambda: json.loads(b))})
    return cases


# ---------------------------------------------------------------- unicodedata

UNICODEDATA_EXHAUSTIVE = ["category", "east_asian_width", "bidirectional", "mirrored", "combining",
                          "decomposition", "decimal", "digit", "numeric", "NFC", "NFD", "NFKC", "NFKD"]


def unicodedata_apply(name, ch):
    import unicodedata as u
    if name in ("NFC", "NFD", "NFKC", "NFKD"):
        return u.normalize(name, ch)
    try:
        return repr(getattr(u, name)(ch))
    except ValueError as e:
        return "ValueError: " + str(e)


def gen_unicodedata():
    import unicodedata as u
    import zlib
    cases = []
    for name in UNICODEDATA_EXHAUSTIVE:
        crcs = []
        for plane in range(17):
            buf = bytearray()
            for c in range(plane << 16, (plane + 1) << 16):
                if 0xD800 <= c <= 0xDFFF:
                    continue
                buf += unicodedata_apply(name, chr(c)).encode() + b"\xff"
            crcs.append(zlib.crc32(bytes(buf)))
        cases.append({"kind": "digest", "name": name, "crcs": crcs})
    pool = ("aeiouAEIOU\u0300\u0301\u0302\u0308\u0323\u0327\u0328\u031b\u0345\u05b0\u05bc"
            "\u0f71\u0f72\u0f80\u1100\u1161\u11a8\u11a7\uac00\uac01\u0b47\u0b3e\u0b57"
            "\u1e9b\u212b\u2126\u00c5\u00e9\u0344\u0958\uff76\uff9e\u3099\u304b\ufb2c"
            "\U0001d15e\U0001d165\U0001d16e\u0f73\u0f75\u00bd\u2460\ufdfa\u1fc1\u0387 ")
    r = _random.Random(4242)
    strs = ["", "caf\u00e9", "cafe\u0301", "\u1e9b\u0323", "\ud55c\uad6d\uc5b4", "\u1112\u1161\u11ab",
            "\ufb01", "\u2460\u2461", "A\u030a\u0301", "\u0041\u0328\u0301\u0323", "\u00c5\u0301"]
    for _ in range(400):
        strs.append("".join(r.choice(pool) for _ in range(r.randrange(1, 9))))
    for st in strs:
        cases.append({"kind": "normalize", "s": st,
                      "out": [u.normalize(f, st) for f in ("NFC", "NFD", "NFKC", "NFKD")],
                      "is": [u.is_normalized(f, st) for f in ("NFC", "NFD", "NFKC", "NFKD")]})
    for f, a in [("normalize", ["NFX", "a"]), ("category", ["ab"]), ("category", [""]),
                 ("decimal", ["x"]), ("digit", ["\u00bd"]), ("numeric", ["x"]), ("combining", ["\u0301"]),
                 ("east_asian_width", ["\u4e00"]), ("decomposition", ["\u00bd"]), ("numeric", ["\u00bd"]),
                 ("mirrored", ["("]), ("bidirectional", ["\u05d0"])]:
        cases.append({"kind": "call", "fn": f, "args": a, **outcome(lambda: getattr(u, f)(*a))})
    return cases


# ---------------------------------------------------------------- re

RE_PATTERNS = [
    (r"\w+", 0), (r"\W+", 0), (r"\s+", 0), (r"\S+", 0), (r"\d+", 0), (r"\D", 0), (r"[a-z]+", 0),
    (r"[^a-z]+", 0), (r"\bfoo\b", 0), (r"\Bo\B", 0), (r"^abc", 0), (r"abc$", 0), (r"^\w+$", 8),
    (r"a.c", 0), (r"a.c", 16), (r"(a)(b)?", 0), (r"(a|b)*c", 0), (r"(a*)*", 0), (r"(a*)+", 0),
    (r"(a|)*", 0), (r"(?:(a)|(b))*", 0), (r"(a)|b", 0), (r"(?P<x>\d+)-(?P<y>\d+)", 0), (r"(\w)\1", 0),
    (r"(?P<q>[\"']).*?(?P=q)", 0), (r"straße", 2), (r"[a-z]+", 2), (r"ſ", 2), (r"K", 2), (r"[k]", 2),
    (r"(?=abc)a", 0), (r"(?!abc)a\w", 0), (r"(?<=a)b", 0), (r"(?<!a)b", 0), (r"(?>a+)b", 0),
    (r"a++b", 0), (r"a*+", 0), (r"(?:ab)++", 0), (r"a{2,3}", 0), (r"a{2,}?", 0), (r"a{,2}", 0),
    (r"x{", 0), (r"x{1,", 0), (r"(a)?(?(1)b|c)", 0), (r" a b # comment", 64), (r"[\w-]+", 0),
    (r"[\d.]+", 0), (r"\$\d+(?:\.\d\d)?", 0), (r"[A-Z][a-z]+(?:\s[A-Z][a-z]+)*", 0),
    (r"(\d{3})-(\d{4})", 0), (r"\\", 0), (r"[]]", 0), (r"[^]]+", 0), (r"[\]]", 0), (r"a|b|c", 0),
    (r"(a|ab)(c|bcd)(d*)", 0), (r"(?i:A)b", 0), (r"(?-i:a)B", 2), (r"\u00e9", 0), (r"\x41", 0),
    (r"\101", 0), (r"\0", 0), (r".*?", 0), (r"", 0), (r"\A\w", 0), (r"\w\Z", 0), (r"$", 0), (r"^", 8),
    (r"\b", 0), (r"(?a)\w+", 0), (r"\w+", 256), (r"[\s\S]", 0), (r"[^\W\d]+", 0), (r"(?i)[^a-c]+", 0),
    (r"(?i)\w+", 0), (r"(?i)[\u00c0-\u00ff]+", 0), (r"(?i)[Σσς]", 0), (r"(?i)σ+", 0), (r"(?i)ß", 0),
    (r"(?i)i", 0), (r"(?i)İ", 0), (r"(?i)ı", 0), (r"(?i)[\U00010400-\U0001044f]+", 0),
    (r"(?i)\U00010400", 0), (r"(?i)[\U00010400]", 0), (r"(.)(?=(.))", 0), (r"(?<=(a))b", 0),
    (r"((a)|b)+", 0), (r"(a)|(b)|(c)", 0), (r"(?:a(b)?)+", 0), (r"(a(b)?)+", 0), (r"(?:(a)|b)(?(1)x|y)", 0),
    (r"x*", 0), (r"x*?y", 0), (r"\s*,\s*", 0), (r"[,;]", 0), (r"(\s)", 0), (r"(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)(k)\11", 0),
    (r"[\u0600-\u06ff]+", 0), (r"[\u4e00-\u9fff]", 0), (r"\d", 256), (r"[\d]", 0), (r"\s", 256),
    (r"(?m)$", 0), (r"(?m)^", 0), (r"\n$", 0), (r"(?s).+", 0), (r".+", 0), (r"a\Z", 0), (r"a$", 0),
    (r"(?x)[ ]a", 0), (r"(?x)a\ b", 0), (r"(?#comment)a", 0), (r"(ab)*?c", 0), (r"(a+?)(a*)", 0),
    (r"(?:a|b)*?b", 0), (r"\W*", 0), (r"[-a]", 0), (r"[a-]", 0), (r"[\-]", 0), (r"\.", 0),
]

RE_ERRORS = [
    (r"(", 0), (r")", 0), (r"[a", 0), (r"a**", 0), (r"*a", 0), (r"a{3,2}", 0), (r"(?P<1a>x)", 0),
    (r"(?P<a>x)(?P<a>y)", 0), (r"\1", 0), (r"(a)\2", 0), (r"(?<=a+)b", 0), (r"[z-a]", 0), (r"\q", 0),
    ("\\", 0), (r"(?i", 0), (r"(?z)", 0), (r"a(?i)", 0), (r"(?P=x)", 0), (r"(?P<x", 0), (r"[\w-z]", 0),
    (r"\x4", 0), (r"\u12", 0), (r"\U00110000", 0), (r"\400", 0), (r"(?(2)a|b)", 0), (r"(?(a)b)", 0),
    (r"(a)(?(1)b|c|d)", 0), (r"a\nb(", 0), (r"(?L)a", 0), (r"(?au)a", 0), (r"(?-a:x)", 0), (r"a{4294967295}", 0),
    (r"(?<!a*)b", 0), (r"[", 0), (r"(?P)", 0), (r"(?<x>a)", 0), (r"(?'", 0),
    (r"a", 4), (r"a", 288), (r"(a)(?P=a)", 0), (r"(?i-i:a)", 0), (r"(?x:(?-x:a)", 0), (r"a{,", 0),
]

RE_SUBJECTS = [
    "", "abc", "foo bar baz", "a1 b2 c3\n", "éclair café naïve", "hello\nworld\n", "aaa", "ab",
    "AbC aBc", "STRASSE straße ẞ", "kelvin K k", "e\u0301t\u0301 \u0660\u0661 \u0967\u0968",
    "\x1c\x1d \x85 1²½", "हिन्दी भाषा", "ſs S İi ıI Σσς", "\U00010400\U00010428 x", "a,b ; c,,d $3.50",
    "John Smith met Mary 555-1234", "'quoted' \"double\"", "ba ab aab abab", "foo_bar foo foobar 日本語",
]


def re_summary(m, groups):
    if m is None:
        return None
    return (m.span(), m.groups(), m.lastindex, m.lastgroup, [m.span(i) for i in range(groups + 1)])


def re_case(pat, flags, subjects, full=True):
    import re
    try:
        p = re.compile(pat, flags)
    except Exception as e:  # noqa: BLE001
        return {"pattern": pat, "flags": flags, "err": [type(e).__name__, str(e)]}
    out = {"pattern": pat, "flags": flags, "repr": repr(p), "pflags": p.flags, "groups": p.groups,
           "groupindex": sorted(p.groupindex.items()), "subjects": []}
    for k, s in enumerate(subjects):
        r = {"s": s}
        r["match"] = outcome(lambda: re_summary(p.match(s), p.groups))
        r["search"] = outcome(lambda: re_summary(p.search(s), p.groups))
        if full:
            r["fullmatch"] = outcome(lambda: re_summary(p.fullmatch(s), p.groups))
            r["split"] = outcome(lambda: p.split(s))
            if k < 8:
                r["search_pos"] = outcome(lambda: re_summary(p.search(s, 2, 7), p.groups))
                r["split1"] = outcome(lambda: p.split(s, 1))
            r["finditer"] = outcome(lambda: [m.span() for m in p.finditer(s)])
        r["findall"] = outcome(lambda: p.findall(s))
        r["sub"] = outcome(lambda: p.sub("<\\g<0>>", s))
        if p.groups:
            r["sub1"] = outcome(lambda: p.subn(r"[\1|\g<1>]", s, 2))
        out["subjects"].append(r)
    return out


def random_pattern(r, depth=0):
    atoms = ["a", "b", "c", ".", "\\w", "\\W", "\\d", "\\s", "[ab]", "[^a]", "[a-c]", "é", "\\b",
             "\\B", "^", "$", "x", "\\n", "[\\w\\s]", "(?i:A)", "\\.", "[é-ë]"]
    n = r.randrange(1, 4)
    parts = []
    groups = 0
    for _ in range(n):
        k = r.random()
        if depth < 3 and k < 0.25:
            inner, g = random_pattern(r, depth + 1)
            kind = r.choice(["(", "(?:", "(?=", "(?!", "(?>", "(?<=", "(?P<n%d>" % r.randrange(100)])
            if kind == "(?<=":
                inner = r.choice(["a", "ab", "[ab]", "\\w"])
                g = 0
            parts.append(kind + inner + ")")
            groups += g + (1 if kind in ("(",) or kind.startswith("(?P<") else 0)
        elif depth < 3 and k < 0.35:
            a, g1 = random_pattern(r, depth + 1)
            b, g2 = random_pattern(r, depth + 1)
            parts.append("(?:%s|%s)" % (a, b))
            groups += g1 + g2
        elif k < 0.4 and groups:
            parts.append("\\%d" % r.randrange(1, groups + 1))
        else:
            parts.append(r.choice(atoms))
        if r.random() < 0.4 and parts[-1] not in ("^", "$", "\\b", "\\B"):
            parts[-1] += r.choice(["*", "+", "?", "*?", "+?", "??", "{1,2}", "{0,2}?", "*+", "++", "{2}"])
    return "".join(parts), groups


def gen_re():
    import re
    cases = []
    for pat, flags in RE_PATTERNS:
        cases.append(re_case(pat, flags, RE_SUBJECTS))
    for pat, flags in RE_ERRORS:
        cases.append(re_case(pat, flags, []))
    r = _random.Random(int(os.environ.get("RE_FUZZ_SEED", "777")))
    alphabet = os.environ.get("RE_FUZZ_ALPHABET", "abcx é\nA.1")
    for _ in range(int(os.environ.get("RE_FUZZ_COUNT", "500"))):
        pat, _g = random_pattern(r)
        flags = r.choice([0, 0, 0, 2, 8, 16, 256])
        subs = ["".join(r.choice(alphabet) for _ in range(r.randrange(0, 9))) for _ in range(3)]
        cases.append(re_case(pat, flags, subs, full=False))
    # Module-level helpers.
    extra = []
    for s in ["a.b*c", "héllo wörld", "tab\tnew\nline", "", "[x]{y}(z)", "a-b_c#d ~&"]:
        extra.append({"fn": "escape", "s": s, **outcome(lambda: re.escape(s))})
    for repl in [r"\1\2", r"\g<0>\g<0>", r"\n\t\\", r"\0x", r"\101", r"\g<2>", r"\3", r"\g<x>",
                 r"\g<-1>", r"\q", "x\\", r"\g<1", r"\g", r"\g<>", "\\1\\a", r"\8", r"\18", r"\g<name>"]:
        extra.append({"fn": "sub", "pattern": r"(a)(?P<name>b)?", "repl": repl, "s": "xabyaz",
                      **outcome(lambda: re.sub(r"(a)(?P<name>b)?", repl, "xabyaz"))})
    for count in [-1, 0, 1, 5]:
        extra.append({"fn": "subn_count", "count": count, **outcome(lambda: re.subn("a", "b", "aaa", count))})
    for maxsplit in [-1, 0, 1, 2]:
        extra.append({"fn": "split_max", "maxsplit": maxsplit, **outcome(lambda: re.split(",", "a,b,c", maxsplit))})
    cases.append({"extra": extra})
    return cases


MODULES = {
    "re": gen_re,
    "unicodedata": gen_unicodedata,
    "json": gen_json,
    "base64": gen_base64,
    "collections": gen_collections,
    "itertools": gen_itertools,
    "random": gen_random,
    "heapq": gen_heapq,
    "bisect": gen_bisect,
}


def main():
    names = sys.argv[1:] or list(MODULES)
    for name in names:
        data = MODULES[name]()
        path = os.path.join(OUT, name + ".json")
        with open(path, "w", encoding="utf-8") as f:
            f.write("// @generated by tools/gen_stdlib_cases.py from CPython %s; do not edit.\n" % sys.version.split()[0])
            f.write("[\n")
            f.write(",\n".join(json.dumps(x, ensure_ascii=True, separators=(",", ":")) for x in data))
            f.write("\n]\n")


if __name__ == "__main__":
    main()
