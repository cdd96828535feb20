from typing import List, Tuple


def stats(xs: List[float]) -> Tuple[float, float, float]:
    lo = min(xs)
    hi = max(xs)
    mean = sum(xs) / len(xs)
    return lo, hi, mean


def divide(a: int, b: int) -> Tuple[int, int]:
    return a // b, a % b


def main() -> Tuple[float, float, float]:
    r = stats([2.0, 4.5, 1.25, 8.0])
    print(r)
    lo, hi, mean = r
    print(lo, hi, mean)
    q, rem = divide(17, 5)
    print(q, rem, divide(-17, 5))
    return r
