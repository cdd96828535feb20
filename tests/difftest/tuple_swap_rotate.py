from typing import List


def main() -> List[int]:
    a = 1
    b = 2
    a, b = b, a
    print(a, b)
    x, y, z = 1, 2, 3
    x, y, z = z, x, y
    print(x, y, z)
    xs: List[int] = [5, 6, 7, 8]
    xs[0], xs[3] = xs[3], xs[0]
    print(xs)
    i = 1
    i, xs[i] = 2, 99
    print(i, xs)
    p = q = 5
    p += 1
    print(p, q)
    return xs
