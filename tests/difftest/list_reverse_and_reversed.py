from typing import List


def main() -> List[int]:
    xs: List[int] = [1, 2, 3, 4]
    ys = list(reversed(xs))
    print(xs, ys)
    xs.reverse()
    print(xs)
    for v in reversed(ys):
        print(v, end=" ")
    print()
    print(list(reversed("abc")), list(reversed(range(3))), list(reversed((1, 2))))
    return ys
