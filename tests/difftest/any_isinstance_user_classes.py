from typing import Any, Dict, List


class Shape:
    def area(self) -> float:
        return 0.0


class Square(Shape):
    s: float

    def __init__(self, s: float) -> None:
        self.s = s

    def area(self) -> float:
        return self.s * self.s


class Unit(Square):
    def __init__(self) -> None:
        self.s = 1.0


class Other:
    pass


def describe(x: Any) -> str:
    parts: List[str] = []
    if isinstance(x, Shape):
        parts.append("shape")
    if isinstance(x, Square):
        parts.append("square")
    if isinstance(x, (Unit, Other)):
        parts.append("unit-or-other")
    if isinstance(x, (int, Other)):
        parts.append("int-or-other")
    if isinstance(x, object):
        parts.append("object")
    return ",".join(parts)


def main() -> None:
    xs: List[Any] = [Shape(), Square(2.0), Unit(), Other(), 3, "s", None]
    for x in xs:
        print(describe(x))
    d: Dict[str, Any] = {"a": Unit()}
    print(isinstance(d["a"], Square), isinstance(d["a"], Other))
