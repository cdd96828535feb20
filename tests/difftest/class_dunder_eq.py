from typing import List


class Vec:
    x: float
    y: float

    def __init__(self, x: float, y: float) -> None:
        self.x = x
        self.y = y

    def __eq__(self, other: "Vec") -> bool:
        return self.x == other.x and self.y == other.y

    def __repr__(self) -> str:
        return f"Vec({self.x}, {self.y})"


def main() -> bool:
    a = Vec(1.0, 2.0)
    b = Vec(1.0, 2.0)
    c = Vec(2.0, 1.0)
    print(a == b, a == c, a != c, a is b)
    vs: List[Vec] = [a, c]
    print(b in vs, Vec(0.0, 0.0) in vs, vs.index(c), vs.count(b))
    return a == b
