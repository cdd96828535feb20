from typing import Any, List


def kind(x: Any) -> str:
    if isinstance(x, bool):
        return "bool"
    if isinstance(x, int):
        return "int"
    if isinstance(x, float):
        return "float"
    return "other"


def pick(c: bool, i: int, f: float) -> Any:
    # The branch taken keeps its own type: never an int widened to a float.
    return i if c else f


def main() -> None:
    print(max(1.5, 2), min(1, 2.5), max(2, 1.5), min(True, 2), max(False, 0))
    print(kind(max(1.5, 2)), kind(min(1, 2.5)), kind(max(0.5, True)))
    print(max(1, 2, 3.5), min(3, 2.0, 2), max(2.0, 2), max(2, 2.0))
    for c in [True, False]:
        x = 1 if c else 2.5
        y = True if c else 0
        z = "s" if c else 3
        print(x, y, z, kind(x), kind(y), repr(pick(c, 7, 7.0)))
    n = 0
    w = n or 0.5
    v = 3 or 0.5
    print(w, v, kind(w), kind(v))
    xs: List[Any] = [1, 2.0, True]
    print(max(xs), min(xs), sorted(xs))
