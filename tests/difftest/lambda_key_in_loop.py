from typing import List


def nearest(xs: List[int], targets: List[int]) -> List[int]:
    out: List[int] = []
    for t in targets:
        # The key function is used by min() before the loop moves on: late binding cannot show.
        out.append(min(xs, key=lambda x: abs(x - t)))
    return out


def main() -> List[List[int]]:
    xs = [1, 5, 9, 14]
    res = [nearest(xs, [0, 6, 13])]
    for k in range(3):
        res.append(sorted(xs, key=lambda x: (x % (k + 2), x)))
        res.append(list(map(lambda x: x * k, xs)))
        res.append(list(filter(lambda x: x > k * 5, xs)))
    print(res)
    return res
