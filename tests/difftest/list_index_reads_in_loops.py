from typing import List


def alias_writes(xs: List[int], ys: List[int]) -> int:
    t = 0
    for i in range(len(xs)):
        t += xs[i]
        ys[i] = 100 + i
        t += xs[i] * 1000
    return t


def grow(d: List[int]) -> List[int]:
    i = 0
    while i < len(d) and d[i] < 50:
        if d[i] % 2 == 1:
            d.append(d[i] * 3)
        i += 1
    return d


def reads(d: List[int], stride: int) -> List[int]:
    out: List[int] = []
    for k in range(len(d)):
        out.append(d[(k * stride) % len(d)] + d[-k - 1] + d[k // 2])
    return out


def out_of_range(d: List[int]) -> str:
    try:
        t = 0
        for k in range(10):
            t += d[-k - 1] + d[k * 7]
        return str(t)
    except IndexError as e:
        return "IndexError: " + str(e)


def rebound(xs: List[int], ys: List[int]) -> int:
    t = 0
    for i in range(3):
        t += xs[i]
        xs = ys
    for xs in [ys, [7, 8, 9]]:
        t += xs[0]
    return t


def main() -> int:
    a = list(range(1, 13))
    print(alias_writes(a, a), a)
    b = list(range(20))
    c = list(range(20))
    print(alias_writes(b, c), b, c)
    print(grow([1, 2, 3, 5]))
    print(reads(list(range(300)), 37)[:5], sum(reads(list(range(1000)), 7)))
    print(out_of_range([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]))
    print(out_of_range(list(range(100))))
    print(rebound([1, 2, 3], [10, 20, 30]))
    return 0
