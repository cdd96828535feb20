from typing import List


def main() -> int:
    words: List[str] = ["x", "y", "x", "z", "x"]
    print("x" in words, "w" in words, words.count("x"), words.index("z"))
    nested: List[List[int]] = [[1], [2, 3], []]
    print([2, 3] in nested, [] in nested, [3] in nested, nested.index([]))
    tups = [(1, "a"), (2, "b")]
    print((2, "b") in tups, tups.index((2, "b")))
    return words.count("x") + nested.index([2, 3])
