from typing import List


class Shape:
    label: str

    def __init__(self, label: str) -> None:
        self.label = label

    def area(self) -> float:
        return 0.0

    def describe(self) -> str:
        return f"{self.label}: {self.area():.2f}"


class Rect(Shape):
    w: float
    h: float

    def __init__(self, w: float, h: float) -> None:
        super().__init__("rect")
        self.w = w
        self.h = h

    def area(self) -> float:
        return self.w * self.h


class Square(Rect):
    def __init__(self, side: float) -> None:
        super().__init__(side, side)
        self.label = "square"


def main() -> float:
    shapes: List[Shape] = [Shape("blob"), Rect(2.0, 3.5), Square(1.5)]
    for s in shapes:
        print(s.describe())
    print(isinstance(shapes[2], Rect), isinstance(shapes[1], Square), isinstance(shapes[0], Shape))
    return sum(s.area() for s in shapes)
