from typing import List


def main() -> List[str]:
    words: List[str] = ["kiwi", "fig", "banana", "apple"]
    print(min(words), max(words), min(words, key=len), max(words, key=len))
    print(min(3, 1, 2), max(3.5, 1, 2), min("b", "a"), max([1, 5], [2]))
    print(max(words, key=lambda w: w[-1]), min([-3, 2, -1], key=abs))
    print(min([5]), max("hello"))
    print(max(0.5, -1.0, 0.25), min(True, False))
    return [min(words), max(words)]
