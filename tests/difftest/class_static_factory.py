from typing import List


class Color:
    r: int
    g: int
    b: int

    def __init__(self, r: int, g: int, b: int) -> None:
        self.r = r
        self.g = g
        self.b = b

    @staticmethod
    def from_hex(s: str) -> "Color":
        s = s.lstrip("#")
        return Color(int(s[0:2], 16), int(s[2:4], 16), int(s[4:6], 16))

    def to_hex(self) -> str:
        return "#" + "".join(f"{v:02x}" for v in [self.r, self.g, self.b])

    @property
    def gray(self) -> float:
        return 0.299 * self.r + 0.587 * self.g + 0.114 * self.b


def main() -> List[str]:
    cs = [Color.from_hex(h) for h in ["#ff8000", "00FF7f", "#123456"]]
    for c in cs:
        print(c.r, c.g, c.b, c.to_hex(), round(c.gray, 3))
    return [c.to_hex() for c in cs]
