from typing import List


def main() -> List[str]:
    xs: List[str] = ["a", "b"]
    xs.remove("a")
    print(xs)
    xs.remove("a")
    return xs
