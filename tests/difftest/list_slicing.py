from typing import List


def main() -> List[int]:
    xs: List[int] = list(range(10))
    print(xs[2:5], xs[:3], xs[7:], xs[-3:], xs[:-7])
    print(xs[::2], xs[1::3], xs[::-1], xs[8:2:-2], xs[-1:-5:-1])
    print(xs[100:], xs[-100:2], xs[5:5], xs[6:2])
    ys = xs[:]
    ys[0] = 42
    print(xs[0], ys[0])
    return xs[::-3]
