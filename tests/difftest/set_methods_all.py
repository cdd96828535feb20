from typing import List, Set


def main() -> List[str]:
    a: Set[str] = {"a", "b", "c", "d"}
    b: Set[str] = {"c", "d", "e"}
    print(sorted(a.union(b)), sorted(a.intersection(b)), sorted(a.difference(b)), sorted(a.symmetric_difference(b)))
    print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b))
    print(a.isdisjoint(b), a.isdisjoint({"z"}), {"a", "b"}.issubset(a), a.issuperset({"a"}), a.issubset(b))
    print({"a"} <= a, a < a, a <= a, a > {"a"}, a >= b)
    c = set(a)
    c.update(["x", "y"])
    c.difference_update({"a", "x"})
    print(sorted(c))
    c.intersection_update(["b", "c", "y", "q"])
    print(sorted(c))
    c.symmetric_difference_update({"c", "new"})
    print(sorted(c))
    print(sorted(a.union(["m"])), sorted(a.intersection(["a", "zz"])))
    return sorted(c)
