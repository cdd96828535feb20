from typing import List


def main() -> int:
    xs: List[int] = [1, 2]
    it = iter(xs)
    print(next(it), next(it))
    print(next(it, -1))
    return next(it)
