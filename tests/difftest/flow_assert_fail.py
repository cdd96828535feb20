from typing import List


def check_sorted(xs: List[int]) -> None:
    for i in range(1, len(xs)):
        assert xs[i - 1] <= xs[i], f"not sorted at {i}: {xs[i - 1]} > {xs[i]}"


def main() -> None:
    check_sorted([1, 2, 3])
    print("first ok")
    check_sorted([1, 3, 2, 4])
    print("unreachable")
