from typing import List


def bsearch(xs: List[int], target: int) -> int:
    lo, hi = 0, len(xs) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        if xs[mid] == target:
            return mid
        if xs[mid] < target:
            lo = mid + 1
        else:
            hi = mid - 1
    return -(lo + 1)


def main() -> List[int]:
    xs = [x * 3 for x in range(20)]
    out = [bsearch(xs, t) for t in [0, 3, 57, 58, -1, 100, 30]]
    print(out)
    return out
