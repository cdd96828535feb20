from typing import Optional


def find(xs: str, c: str) -> Optional[int]:
    i = xs.find(c)
    if i < 0:
        return None
    return i


def main() -> Optional[int]:
    print(find("hello", "l"), find("hello", "z"))
    r = find("abc", "q")
    print(r is None, r is not None, r == None)
    print(repr(None), str(None))
    n: Optional[int] = None
    print(n)
    v = find("xyz", "z")
    if v is not None:
        print("found at", v + 1)
    return find("matx", "t")
