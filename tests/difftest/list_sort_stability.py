from typing import List, Tuple


def main() -> List[Tuple[int, str]]:
    recs: List[Tuple[int, str]] = [(3, "c1"), (1, "a1"), (3, "c2"), (2, "b1"), (1, "a2"), (3, "c3"), (2, "b2")]
    by_key = sorted(recs, key=lambda r: r[0])
    print(by_key)
    rev = sorted(recs, key=lambda r: r[0], reverse=True)
    print(rev)
    floats: List[float] = [2.5, -1.0, 3.25, 0.0, -0.0, 1e-9]
    print(sorted(floats))
    strs: List[str] = sorted(["b", "B", "a", "A", "_", "1"])
    print(strs)
    return rev
