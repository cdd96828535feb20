"""A for loop over d.keys(), d.values() or d.items() iterates the dict itself, as CPython's live views: changed values are seen, a change of size raises RuntimeError."""
from typing import Dict, List


def walk(d: Dict[str, int]) -> List[str]:
    out: List[str] = []
    for k, v in d.items():
        out.append(k + "=" + str(v))
        if k == "a":
            d["c"] = 30
    for v in d.values():
        out.append(str(v))
    for k in d.keys():
        d[k] = d[k] + 1
    out.append(str(sorted(d.keys())) + " " + str(sorted(d.values())))
    try:
        for k in d.keys():
            d[k + "x"] = 0
    except RuntimeError as e:
        out.append("keys: " + str(e))
    try:
        for k, v in d.items():
            del d[k]
    except RuntimeError as e:
        out.append("items: " + str(e))
    try:
        for v in d.values():
            d.clear()
    except RuntimeError as e:
        out.append("values: " + str(e))
    out.append(str(len(d)))
    return out


def kept() -> List[str]:
    d = {"x": 1, "y": 2, "z": 3}
    big = [k for k, v in d.items() if v > 1]
    total = 0
    for v in d.values():
        total += v
        d["z"] = 100
    out = [str(big), str(total)]
    try:
        for k in d.keys():
            d.pop(k)
    except RuntimeError as e:
        out.append(str(e))
    return out


def main() -> List[str]:
    shared = {"a": 1, "b": 2, "c": 3}
    out = walk(shared)
    out.append(str(shared))
    out.extend(kept())
    return out
