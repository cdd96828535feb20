from typing import List


def prefix(xs: List[int]) -> List[int]:
    out = [0]
    for x in xs:
        out.append(out[-1] + x)
    return out


def max_window(xs: List[int], k: int) -> int:
    p = prefix(xs)
    return max(p[i + k] - p[i] for i in range(len(xs) - k + 1))


def main() -> List[int]:
    xs = [3, -1, 4, -1, 5, -9, 2, 6, -5, 3]
    p = prefix(xs)
    print(p)
    print([max_window(xs, k) for k in range(1, 5)])
    running = []
    best = xs[0]
    cur = 0
    for x in xs:
        cur = max(x, cur + x)
        best = max(best, cur)
        running.append(best)
    print(running)
    return p
