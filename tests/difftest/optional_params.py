from typing import List, Optional


def total(xs: List[int], start: Optional[int] = None) -> int:
    s = 0 if start is None else start
    for x in xs:
        s += x
    return s


def label(name: Optional[str]) -> str:
    if name is None:
        return "<anonymous>"
    return name.title()


def main() -> Optional[str]:
    print(total([1, 2, 3]), total([1, 2, 3], 10), total([], None))
    print(label(None), label("ada lovelace"))
    names: List[Optional[str]] = ["x", None, "y"]
    print(names)
    print([label(n) for n in names])
    out: Optional[str] = None
    for n in names:
        if n is not None:
            out = n
    return out
