class Point:
    x: int
    y: int

    def __init__(self, x: int, y: int) -> None:
        self.x = x
        self.y = y

    def norm1(self) -> int:
        return abs(self.x) + abs(self.y)

    def moved(self, dx: int, dy: int) -> "Point":
        return Point(self.x + dx, self.y + dy)


def main() -> int:
    p = Point(3, -4)
    print(p.x, p.y, p.norm1())
    q = p.moved(1, 1)
    print(q.x, q.y, p.x)
    p.x = 10
    print(p.norm1())
    return q.norm1()
