from typing import Dict, List, Tuple


def main() -> Dict[str, Tuple[int, int]]:
    rows: List[Tuple[str, int, int]] = [("a", 1, 2), ("b", 3, 4), ("c", 5, 6)]
    out: Dict[str, Tuple[int, int]] = {}
    for name, x, y in rows:
        out[name] = (y, x)
    for k, (p, q) in out.items():
        print(k, p, q)
    for i, (name, x, _) in enumerate(rows):
        print(i, name, x)
    pairs = [(1, (2, 3)), (4, (5, 6))]
    print([a + b + c for a, (b, c) in pairs])
    return out
