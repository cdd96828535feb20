from typing import List


def get(xs: List[str], i: int) -> str:
    return xs[i]


def main() -> str:
    names: List[str] = ["ada", "grace", "linus"]
    for i in range(3):
        print(get(names, i))
    print(get(names, -3))
    return get(names, 3)
