from typing import List


def main() -> List[int]:
    xs: List[int] = [1, 2]
    xs.extend(xs)
    print(xs)
    xs += xs
    print(xs, len(xs))
    ys = xs
    ys += [9]
    print(xs is ys, xs[-1])
    zs = xs + [10]
    print(len(zs), len(xs))
    xs *= 2
    print(len(xs), xs[:3])
    return xs[:4]
