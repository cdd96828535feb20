from typing import List, Set


def main() -> List[int]:
    a = {5, 3, 17, 1, 33, -2, 64, 9}
    print(a)
    b = set([40, 8, 100, 3, 3, 72])
    print(b, a | b, a & b, a - b, b - a, a ^ b)
    c: Set[int] = set()
    for i in range(30):
        c.add(i * 7 % 23 - 5)
    c.discard(2)
    print(c, {x * x for x in range(-6, 7)})
    print({(1, 2), (3, 4), (0, 0)}, {True, 2, 0})
    d = {1, 2, 3}
    d.update([1024, 16, 8])
    print(d, d.pop(), d)
    return list(a.union(b))
