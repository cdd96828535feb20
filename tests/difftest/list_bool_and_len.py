from typing import List


def describe(xs: List[int]) -> str:
    if not xs:
        return "empty"
    if len(xs) == 1:
        return "one:" + str(xs[0])
    return "many:" + str(len(xs))


def main() -> List[str]:
    cases: List[List[int]] = [[], [5], [1, 2, 3], [0]]
    out = [describe(c) for c in cases]
    print(out)
    print(any(cases), all(cases), all(c for c in cases if c))
    return out
