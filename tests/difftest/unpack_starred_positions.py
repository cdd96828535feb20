from typing import List


def main() -> List[int]:
    a, *b = [1, 2, 3]
    *c, d = [4, 5, 6]
    e, *f, g = [7, 8, 9, 10]
    h, *i, j = [11, 12]
    print(a, b, c, d, e, f, g, h, i, j)
    (k, l), *m = [(1, 2), (3, 4)]
    print(k, l, m)
    first, second, *others = "abcde"
    print(first, second, others)
    return b + c + f + i
