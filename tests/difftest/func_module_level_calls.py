from typing import List


def helper(x: int) -> int:
    return x * 3 + OFFSET


OFFSET = 7


class Counter:
    count: int

    def __init__(self) -> None:
        self.count = 0

    def bump(self) -> int:
        self.count += helper(1)
        return self.count


def make_counters(n: int) -> List[Counter]:
    return [Counter() for _ in range(n)]


def main() -> int:
    cs = make_counters(3)
    for i, c in enumerate(cs):
        for _ in range(i + 1):
            c.bump()
    print([c.count for c in cs])
    return sum(c.count for c in cs)
