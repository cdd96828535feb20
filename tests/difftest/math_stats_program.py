import math
from typing import List


def mean(xs: List[float]) -> float:
    return sum(xs) / len(xs)


def stdev(xs: List[float]) -> float:
    m = mean(xs)
    return math.sqrt(sum((x - m) ** 2 for x in xs) / (len(xs) - 1))


def median(xs: List[float]) -> float:
    s = sorted(xs)
    n = len(s)
    mid = n // 2
    return s[mid] if n % 2 else (s[mid - 1] + s[mid]) / 2


def main() -> float:
    data: List[float] = [2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0]
    print(mean(data), stdev(data), median(data), median(data[:-1]))
    print(f"{stdev(data):.6f}")
    return stdev(data)
