from typing import List


def main() -> List[int]:
    xs: List[int] = list(range(10))
    xs[2:5] = [20, 30]
    print(xs)
    xs[:0] = [-1, -2]
    print(xs)
    xs[len(xs):] = [100]
    print(xs)
    xs[::2] = [0] * len(xs[::2])
    print(xs)
    xs[1:3] = []
    print(xs)
    xs[:] = [7, 8, 9]
    print(xs)
    ys: List[int] = [1, 2, 3, 4, 5, 6]
    ys[::-2] = [60, 40, 20]
    print(ys)
    return xs + ys
