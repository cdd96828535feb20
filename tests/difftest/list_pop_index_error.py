from typing import List


def drain(xs: List[int]) -> int:
    total = 0
    for _ in range(len(xs) + 1):
        total += xs.pop()
    return total


def main() -> int:
    xs: List[int] = [1, 2, 3]
    print("draining", xs)
    return drain(xs)
