from typing import List, Set


def main() -> None:
    s = {1, 2, 3}
    a: List[int] = [3, 4]
    b = (5, 6)
    s.update(a, b)
    print(sorted(s))
    s.update()
    print(sorted(s.union()), sorted(s.union([7], {8}, (9,))))
    print(sorted(s.intersection([1, 2, 3, 4], [2, 3, 4], {3, 4, 5})))
    print(sorted(s.difference([1], (2,), {3})))
    t: Set[int] = {1, 2, 3, 4, 5}
    t.intersection_update([1, 2, 3], [2, 3])
    print(sorted(t))
    t.difference_update([2], [3])
    print(sorted(t))
    print(sorted({1, 2}.intersection()))
