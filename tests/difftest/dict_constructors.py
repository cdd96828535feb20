from typing import Dict, List, Tuple


def main() -> Dict[str, int]:
    pairs: List[Tuple[str, int]] = [("a", 1), ("b", 2), ("a", 3)]
    d = dict(pairs)
    print(d)
    z = dict(zip(["x", "y", "z"], [1, 2, 3]))
    print(z)
    e: Dict[str, int] = dict()
    e["k"] = 1
    print(e, dict(z), dict(z) is z)
    f = dict.fromkeys("abc", 0)
    print(f)
    return d
