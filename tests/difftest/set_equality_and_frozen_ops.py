from typing import List, Set


def main() -> bool:
    a: Set[int] = {1, 2, 3}
    b: Set[int] = {3, 2, 1}
    print(a == b, a != {1, 2}, len(set([1, 1, 1])))
    print(sorted(set(range(5)) - {0, 4}))
    c = a
    c.add(4)
    print(sorted(a), a is c)
    words: List[str] = ["x", "y"]
    print(sorted(set(words) | {"z"}))
    print(sorted(set("ab") & set("bc")))
    return a == c
