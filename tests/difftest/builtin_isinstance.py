from typing import Any, List


class Base:
    pass


class Child(Base):
    pass


def main() -> List[bool]:
    c = Child()
    b = Base()
    out = [isinstance(c, Base), isinstance(c, Child), isinstance(b, Child), isinstance(3, int), isinstance(True, int), isinstance(3, float), isinstance("s", str), isinstance(b"s", bytes), isinstance([1], list), isinstance({"a": 1}, dict), isinstance((1,), tuple)]
    print(out)
    vals: List[Any] = [1, "x", 2.0, None, [1]]
    print([isinstance(v, (int, float)) for v in vals])
    return out
