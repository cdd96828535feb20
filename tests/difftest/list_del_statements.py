from typing import List


def main() -> List[str]:
    xs: List[str] = ["a", "b", "c", "d", "e", "f", "g"]
    del xs[0]
    print(xs)
    del xs[-1]
    print(xs)
    del xs[1:3]
    print(xs)
    del xs[::2]
    print(xs)
    ys = [1, 2, 3]
    del ys[:]
    print(ys, len(ys))
    return xs
