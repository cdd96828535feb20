from typing import Dict, List


class UnionFind:
    parent: List[int]
    size: List[int]

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))
        self.size = [1] * n

    def find(self, x: int) -> int:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: int, b: int) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        if self.size[ra] < self.size[rb]:
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.size[ra] += self.size[rb]
        return True


def main() -> List[List[int]]:
    uf = UnionFind(10)
    for a, b in [(0, 1), (2, 3), (1, 3), (5, 6), (7, 7), (8, 9), (9, 5)]:
        print(a, b, uf.union(a, b))
    groups: Dict[int, List[int]] = {}
    for i in range(10):
        groups.setdefault(uf.find(i), []).append(i)
    out = sorted(groups.values())
    print(out)
    return out
