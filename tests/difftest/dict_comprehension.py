from typing import Dict, List


def main() -> Dict[str, int]:
    words: List[str] = ["apple", "kiwi", "banana", "fig", "cherry"]
    lens = {w: len(w) for w in words}
    print(lens)
    long_only = {w: n for w, n in lens.items() if n > 4}
    print(long_only)
    inverted: Dict[int, List[str]] = {}
    for w, n in lens.items():
        inverted.setdefault(n, []).append(w)
    print(inverted)
    squares = {i: i * i for i in range(6) if i % 2 == 0}
    print(squares)
    pairs = {(a, b): a * b for a in range(1, 3) for b in range(1, 3)}
    print(pairs)
    return lens
