from typing import List, Tuple


def main() -> List[Tuple[float, float]]:
    out: List[Tuple[float, float]] = []
    for a, b in [(7.5, 2.0), (-7.5, 2.0), (7.5, -2.0), (-7.5, -2.0), (0.3, 0.1), (1e10, 3.0)]:
        q, r = divmod(a, b)
        out.append((q, r))
        print(a, b, q, r, a // b, a % b)
    return out
