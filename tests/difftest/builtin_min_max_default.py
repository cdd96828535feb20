from typing import Any, List, Optional


def main() -> None:
    xs: List[int] = [3, 1, 2]
    empty: List[int] = []
    print(max(xs, default=7), min(xs, default=7), max(empty, default=7), min(empty, default=-1))
    print(max(xs, key=lambda v: -v, default=0), max(empty, key=lambda v: -v, default=0))
    # A default of another type: the result keeps whichever it is, as in CPython.
    print(max(empty, default=None), max(xs, default=None), repr(min(empty, default=1.5)))
    fs: List[float] = []
    print(max(fs, default=0), max([0.5], default=0))
    t: Any = ()
    u: Any = (1, "a", ())
    print(t, u, len(t), t == (), u[2] == t)
