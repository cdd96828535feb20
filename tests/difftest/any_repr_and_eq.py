from typing import Any, List


def main() -> bool:
    a: List[Any] = [1, "x", [2, 3], (4, "y"), {"k": 5}, None, 2.0, False]
    b: List[Any] = [1, "x", [2, 3], (4, "y"), {"k": 5}, None, 2, 0]
    print(a)
    print(repr(a[3]), str(a[1]), a[4])
    print(a == b)
    print([x == y for x, y in zip(a, b)])
    return a == b
