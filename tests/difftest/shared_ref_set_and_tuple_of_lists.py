from typing import List, Set, Tuple


def main() -> Tuple[List[int], List[int]]:
    a: List[int] = [1]
    b: List[int] = [2]
    t = (a, b)
    a.append(10)
    t[1].append(20)
    print(t)
    s: Set[int] = {1}
    alias = s
    alias.add(2)
    print(sorted(s), len(s))
    return t
