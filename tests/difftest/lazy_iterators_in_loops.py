"""A for loop over enumerate, zip, reversed, map or filter runs CPython's lazy iterator: changes to the list are seen at the next step, and a map/filter function runs between the loop's steps."""
from typing import List


def changed_while_enumerated() -> List[str]:
    xs = [1, 2, 3]
    out: List[str] = []
    for i, x in enumerate(xs, 1):
        out.append(str(i) + ":" + str(x))
        if i == 1:
            xs[2] = 30
            xs.append(4)
    return out


def zipped_and_reversed() -> List[str]:
    a = [1, 2, 3]
    b = ["x", "y", "z", "w"]
    out: List[str] = []
    for n, s in zip(a, b):
        out.append(s + str(n))
        if n == 1:
            a.pop()
            b[1] = "Y"
    ys = [1, 2, 3, 4, 5]
    for y in reversed(ys):
        out.append(str(y))
        ys.pop()
        ys.pop()
    return out


def interleaved() -> List[str]:
    log: List[str] = []

    def double(x: int) -> int:
        log.append("f" + str(x))
        return x * 2

    def odd(x: int) -> bool:
        log.append("p" + str(x))
        return x % 2 == 1

    for y in map(double, [1, 2, 3]):
        log.append("body" + str(y))
    for z in filter(odd, [1, 2, 3]):
        log.append("kept" + str(z))
    squares = [x * x for x in map(double, [1, 2])]
    log.append(str(squares))
    log.append(str(sorted(map(double, [3, 1]))))
    return log


def nested() -> List[str]:
    xs = [1, 2, 3]
    ys = [10, 20, 30]
    out: List[str] = []
    for i, (a, b) in enumerate(zip(xs, ys)):
        out.append(str(i) + ":" + str(a + b))
        if i == 0:
            ys[1] = 200
    d = {"k": 1, "m": 2}
    for k, v in zip(d.keys(), d.values()):
        out.append(k + str(v))
        d["m"] = 5
    out.append(str(dict(zip(["p", "q"], map(len, ["ab", "c"])))))
    out.append(str(list(enumerate(reversed(xs)))))
    out.append(str(2 in reversed(xs)) + " " + str(any(x > 2 for x in xs)))
    return out


def over_dicts_sets_and_strings() -> List[str]:
    out: List[str] = []
    d = {"a": 1, "b": 2}
    try:
        for i, k in enumerate(d):
            out.append(str(i) + k)
            d[k + "x"] = 0
    except RuntimeError as e:
        out.append(str(e))
    s = {1, 2, 3}
    try:
        for x, c in zip(s, "xyz"):
            out.append(str(x) + c)
            s.discard(x)
    except RuntimeError as e:
        out.append(str(e))
    for i, ch in enumerate("héllo", 5):
        out.append(str(i) + ch)
    return out


def main() -> List[str]:
    return (
        changed_while_enumerated()
        + zipped_and_reversed()
        + interleaved()
        + nested()
        + over_dicts_sets_and_strings()
    )
