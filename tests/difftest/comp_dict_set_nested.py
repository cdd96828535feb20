from typing import Dict, List, Set


def main() -> Dict[str, List[int]]:
    words: List[str] = ["one", "two", "three", "four", "five", "six"]
    by_len: Dict[int, List[str]] = {n: [w for w in words if len(w) == n] for n in sorted({len(w) for w in words})}
    print(by_len)
    letters: Set[str] = {c for w in words for c in w}
    print(sorted(letters))
    positions = {w: [i for i, c in enumerate(w) if c == "e"] for w in words}
    print(positions)
    table = {(i, j): i * j for i in range(3) for j in range(3) if i <= j}
    print(table)
    return positions
