from typing import List


def main() -> List[int]:
    xs: List[int] = [5, -3, 8, 0, -1, 12]
    print(list(map(lambda x: x * 10, xs)))
    print(list(filter(lambda x: x > 0, xs)))
    print(list(map(lambda a, b: a + b, xs, [1, 2, 3])))
    print(sorted(xs, key=lambda x: abs(x)))
    print(any(x < 0 for x in xs), all(x < 100 for x in xs), any([]), all([]))
    words: List[str] = ["a", "", "b"]
    print(list(filter(lambda w: len(w) > 0, words)))
    return list(map(lambda x: x % 3, xs))
