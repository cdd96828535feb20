from typing import List


class Key:
    a: int
    b: str

    def __init__(self, a: int, b: str) -> None:
        self.a = a
        self.b = b

    def __eq__(self, other: "Key") -> bool:
        return self.a == other.a and self.b == other.b

    def __repr__(self) -> str:
        return f"Key({self.a}, {self.b!r})"


def main() -> List[Key]:
    ks: List[Key] = [Key(1, "x"), Key(2, "y"), Key(1, "x")]
    print(ks.count(Key(1, "x")), ks.index(Key(2, "y")), Key(3, "z") in ks)
    ks.remove(Key(1, "x"))
    print(ks)
    print(ks == [Key(2, "y"), Key(1, "x")], ks != [Key(2, "y")])
    return ks
