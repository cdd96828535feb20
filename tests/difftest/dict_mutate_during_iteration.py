from typing import Dict


def main() -> int:
    d: Dict[str, int] = {"a": 1, "b": 2}
    for k in list(d):
        d[k + k] = d[k] * 2
    print(d)
    total = 0
    for k in d:
        total += d[k]
        if k == "a":
            d["zz"] = 0
    return total
