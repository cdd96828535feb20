from typing import List, Optional


def window(xs: List[int], start: Optional[int], stop: Optional[int]) -> List[int]:
    return xs[start:stop]


def main() -> List[int]:
    xs: List[int] = list(range(8))
    print(window(xs, None, 3), window(xs, 5, None), window(xs, None, None), window(xs, -2, None))
    s = "abcdef"
    n: Optional[int] = None
    print(s[n:2], s[2:n], s[n:n:-1])
    return window(xs, 2, -2)
