"""Dicts a function makes and keeps to itself (lowered without locks) against dicts that leave it: the same entries, order and errors either way."""
from typing import Any, Dict, List


def count(words: List[str]) -> Dict[str, int]:
    counts: Dict[str, int] = {}
    for w in words:
        counts[w] = counts.get(w, 0) + 1
    return counts


def group(words: List[str]) -> List[str]:
    by_len: Dict[int, List[str]] = {}
    for w in words:
        by_len.setdefault(len(w), []).append(w)
    out: List[str] = []
    for k in by_len:
        out.append(str(k) + ":" + ",".join(by_len[k]))
    return out


def errors() -> List[str]:
    out: List[str] = []
    d = {"a": 1, "b": 2}
    try:
        out.append(str(d["zz"]))
    except KeyError as e:
        out.append("KeyError " + str(e))
    del d["a"]
    try:
        del d["a"]
    except KeyError as e:
        out.append("del " + str(e))
    out.append(str(d.pop("b")))
    try:
        d.pop("b")
    except KeyError as e:
        out.append("pop " + str(e))
    out.append(str(d.pop("b", 9)))
    try:
        d.popitem()
    except KeyError as e:
        out.append("popitem " + str(e))
    e2 = {1: 2}
    try:
        for k in e2:
            e2[k + 1] = 0
    except RuntimeError as e:
        out.append(str(e))
    anys: Dict[Any, int] = {}
    try:
        anys[[1]] = 2
    except TypeError as e:
        out.append(str(e))
    return out


def methods() -> List[str]:
    d = {"x": 1, "y": 2}
    d.update({"y": 20, "z": 30})
    d["w"] = 4
    c = d.copy()
    c["x"] = 100
    keys = list(d.keys())
    vals = list(d.values())
    items = list(d.items())
    last = d.popitem()
    n = len(d)
    has = "y" in d
    d.clear()
    return [str(keys), str(vals), str(items), str(last), str(n), str(has), str(len(d)), str(c)]


def swapped() -> Dict[str, int]:
    a = {"a": 1}
    b = {"b": 2}
    a, b = b, a
    a["c"] = 3
    return a


def escapes(other: Dict[str, int]) -> List[str]:
    d = {"k": 1}
    holder = [d]
    d["k"] = 2
    e = {"k": 1}
    same = e == other
    f = {"q": 1}
    g = f
    g["q"] = 5
    return [str(holder), str(same), str(f)]


def main() -> List[str]:
    out = [str(count("a b a c b a".split())), str(count([]))]
    out.extend(group("one two three four five six".split()))
    out.extend(errors())
    out.extend(methods())
    out.append(str(swapped()))
    out.extend(escapes({"k": 1}))
    return out
