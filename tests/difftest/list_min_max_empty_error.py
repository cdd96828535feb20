from typing import List


def smallest(xs: List[int]) -> int:
    return min(xs)


def main() -> int:
    print(smallest([4, 2, 8]))
    empty: List[int] = []
    print("calling min on empty list")
    return smallest(empty)
