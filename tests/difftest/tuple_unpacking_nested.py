from typing import List, Tuple


def main() -> Tuple[int, int]:
    point = ((1, 2), (3, 4))
    (x1, y1), (x2, y2) = point
    print(x1, y1, x2, y2)
    data: List[Tuple[str, Tuple[int, int]]] = [("a", (1, 2)), ("b", (3, 4))]
    for name, (lo, hi) in data:
        print(name, lo, hi, hi - lo)
    first, *rest = [1, 2, 3, 4]
    print(first, rest)
    *init, last = "hello"
    print(init, last)
    a, *mid, z = (10, 20, 30, 40, 50)
    print(a, mid, z)
    h, *empty = [7]
    print(h, empty)
    return (x2 - x1, y2 - y1)
