from typing import List


class Multiplier:
    factor: int
    calls: int

    def __init__(self, factor: int) -> None:
        self.factor = factor
        self.calls = 0

    def __call__(self, x: int) -> int:
        self.calls += 1
        return x * self.factor


def main() -> List[int]:
    triple = Multiplier(3)
    print(triple(4), triple(-2))
    out = [triple(i) for i in range(4)]
    print(out, triple.calls)
    return out
