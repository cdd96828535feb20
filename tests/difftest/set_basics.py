from typing import List, Set


def main() -> List[int]:
    s: Set[int] = {3, 1, 4, 1, 5, 9, 2, 6, 5}
    print(sorted(s), len(s))
    s.add(7)
    s.add(3)
    s.discard(1)
    s.discard(100)
    s.remove(9)
    print(sorted(s), 4 in s, 1 in s, 8 not in s)
    t = s.copy()
    t.add(1000)
    print(len(s), len(t))
    s.clear()
    print(sorted(s), len(s), bool(s))
    return sorted(t)
