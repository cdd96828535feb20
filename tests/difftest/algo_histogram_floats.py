from typing import List


def normalize(xs: List[float]) -> List[float]:
    lo, hi = min(xs), max(xs)
    return [(x - lo) / (hi - lo) for x in xs]


def main() -> List[int]:
    xs: List[float] = [0.5, 2.25, 1.0, 3.75, 2.0, 0.0, 3.0, 1.5]
    n = normalize(xs)
    print([round(v, 3) for v in n])
    bins = [0] * 4
    for v in n:
        idx = min(int(v * 4), 3)
        bins[idx] += 1
    print(bins)
    for i, b in enumerate(bins):
        print(f"{i / 4:.2f}-{(i + 1) / 4:.2f} {'*' * b}")
    return bins
