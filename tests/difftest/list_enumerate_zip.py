from typing import List, Tuple


def main() -> List[Tuple[int, str, float]]:
    names: List[str] = ["a", "b", "c", "d"]
    scores: List[float] = [1.5, 2.0, 3.25]
    for i, n in enumerate(names):
        print(i, n)
    for i, n in enumerate(names, 10):
        print(i, n)
    for i, n in enumerate(names, start=-1):
        print(i, n)
    out: List[Tuple[int, str, float]] = []
    for i, (n, s) in enumerate(zip(names, scores)):
        out.append((i, n, s))
    print(out)
    print(list(zip(names, range(100), "xyz")))
    print(list(enumerate("ab")))
    return out
