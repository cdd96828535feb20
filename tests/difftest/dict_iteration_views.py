from typing import Dict


def main() -> int:
    d: Dict[str, int] = {"b": 2, "a": 1, "c": 3}
    total = 0
    for k, v in d.items():
        print(k, v)
        total += v
    print(sum(d.values()), max(d), min(d.values()), sorted(d, key=lambda k: d[k]))
    print([k for k in d.keys() if d[k] > 1])
    print(len(d.keys()), "a" in d.keys(), 3 in d.values())
    print(list(zip(d.keys(), d.values())))
    return total
