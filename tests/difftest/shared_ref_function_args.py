from typing import Dict, List


def mutate(xs: List[int], d: Dict[str, int]) -> None:
    xs.append(len(xs))
    d["n"] = d.get("n", 0) + 1


def rebind(xs: List[int]) -> List[int]:
    xs = [100]
    return xs


def main() -> List[int]:
    xs: List[int] = []
    d: Dict[str, int] = {}
    for _ in range(3):
        mutate(xs, d)
    print(xs, d)
    ys = rebind(xs)
    print(xs, ys)
    return xs
