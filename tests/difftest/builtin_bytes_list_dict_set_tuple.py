from typing import Dict, List, Set, Tuple


def main() -> int:
    b = bytes([97, 98, 99])
    print(b, bytes(2), bytes(b"x"), bytes("é", "utf-8"))
    xs = list((3, 1, 2))
    print(xs, list("ab"), list(range(2)))
    d = dict([("a", 1), ("b", 2)])
    print(d, dict(d))
    s = set([3, 1, 3])
    print(sorted(s), sorted(set("aba")))
    t = tuple([1, 2, 3])
    print(t, tuple("xy"), tuple())
    e: Set[int] = set()
    f: Dict[str, int] = dict()
    g: List[int] = list()
    print(len(e), len(f), len(g))
    return len(t) + sum(t)
