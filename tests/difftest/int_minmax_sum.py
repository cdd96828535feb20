from typing import List


def main() -> int:
    xs: List[int] = [5, -3, 12, 0, 7, 12, -8]
    print(min(xs), max(xs), sum(xs))
    print(min(4, 2, 9), max(4, 2, 9))
    print(sum(xs, 100))
    print(max(xs, key=lambda v: -v))
    print(min(["pear", "fig", "banana"], key=len))
    return sum(x * x for x in xs)
